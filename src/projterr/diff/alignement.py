"""Alignment of two revisions: which old node or action is which new one.

Stages, strongest evidence first; each element is matched at most once and later stages only
see what earlier ones left:

1. same stable ``id`` (a person kept it across revisions, or the text is unchanged);
2. same normalised text, when that text is unique on both sides;
3. structure, bottom-up: a node whose content mostly comes from one old node is that node,
   even if its title was rewritten from end to end;
4. top-down, under each pair of aligned parents: copies of the same text, then the same
   number with a similar text, then a similar text (lower threshold: the parent vouches);
5. anywhere in the document: same text, then the best fuzzy match above ``seuil`` — a match
   under another parent is a move;
6. under each pair of aligned parents again, for the actions still unmatched: an old and a new
   action that share most of the old one's content words (stems, not characters) are one
   reworded action, even when the character ratio is near 0.6 — unless those words are
   already in a reworded sibling (then the old action was merged into it: a deletion).

Every stage works on dicts or on the children of one parent pair; only the leftovers of the
last stage are compared across the document, through a word index (see
:func:`projterr.texte.index.paires_par_mots_rares`), so the cost stays near-linear.

Likeness is :func:`projterr.texte.score.scoreur_caracteres` on the normalised texts, on a
0–1 scale here (``--seuil 0.75``) where :mod:`projterr.texte` counts 0–100.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from projterr.diff.sommets import Sommet
from projterr.texte.index import Paire, paires_au_dessus, paires_par_mots_rares

SEUIL_DEFAUT = 0.75
# Under the same parent, or with the same number, a weaker likeness is enough: the structure
# vouches for the rest. Offsets from ``seuil`` so that one option moves every threshold.
# Unrelated sibling actions of the seed documents score up to 0.58 (95th percentile 0.51):
# 0.65 under the same parent keeps them apart; 0.55 when the number is the same too.
_ECART_LOCAL = 0.1
_ECART_NUMERO = 0.2
_BONUS_NUMERO = 0.2


@dataclass
class Alignement:
    """Matched pairs (old index ↔ new index), with the stage that matched each pair."""

    anciens: list[Sommet]
    nouveaux: list[Sommet]
    a2n: dict[int, int] = field(default_factory=dict)
    n2a: dict[int, int] = field(default_factory=dict)
    etape: dict[int, str] = field(default_factory=dict)  # keyed by new index

    def lier(self, a: int, n: int, etape: str) -> None:
        if a in self.a2n or n in self.n2a:
            return
        self.a2n[a] = n
        self.n2a[n] = a
        self.etape[n] = etape

    def libres(self, elements: Iterable[Sommet], ancien: bool) -> list[Sommet]:
        pris = self.a2n if ancien else self.n2a
        return [e for e in elements if e.index not in pris]


def aligner(
    anciens: list[Sommet], nouveaux: list[Sommet], seuil: float = SEUIL_DEFAUT
) -> Alignement:
    """Match the elements of two flattened documents (see the module docstring)."""
    al = Alignement(anciens, nouveaux)
    _par_id(al)
    _par_texte_unique(al)
    _par_structure(al)
    profondeur_max = max((e.profondeur for e in nouveaux if not e.est_action), default=-1)
    for profondeur in range(profondeur_max + 1):
        for paire_a, paire_n in _paires_parents(al, profondeur - 1):
            _local(al, paire_a, paire_n, noeuds=True, seuil=seuil)
        _global(
            al,
            [e for e in nouveaux if not e.est_action and e.profondeur == profondeur],
            [e for e in anciens if not e.est_action],
            seuil,
        )
    for paire_a, paire_n in _paires_parents(al, None):
        _local(al, paire_a, paire_n, noeuds=False, seuil=seuil)
    _global(al, [e for e in nouveaux if e.est_action], [e for e in anciens if e.est_action], seuil)
    for paire_a, paire_n in _paires_parents(al, None):
        _couverture(al, paire_a, paire_n)
    return al


# --- likeness -------------------------------------------------------------------------


def _sur_un(paires: list[Paire]) -> list[tuple[float, int, int]]:
    return [(score / 100.0, i, j) for score, i, j in paires]


def meilleures_paires(
    anciens: Sequence[Sommet], nouveaux: Sequence[Sommet], seuil: float
) -> list[tuple[float, int, int]]:
    """Every (score, i, j) with score ≥ ``seuil`` (0–1) between two small candidate sets."""
    normes_a, normes_n = [a.norm for a in anciens], [n.norm for n in nouveaux]
    return _sur_un(paires_au_dessus(normes_a, normes_n, seuil * 100))


def paires_indexees(
    anciens: Sequence[Sommet], nouveaux: Sequence[Sommet], seuil: float
) -> list[tuple[float, int, int]]:
    """Like :func:`meilleures_paires` over whole documents, through a word index."""
    normes_a, normes_n = [a.norm for a in anciens], [n.norm for n in nouveaux]
    return _sur_un(paires_par_mots_rares(normes_a, normes_n, seuil * 100))


def glouton(paires: Iterable[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """Best pairs first, each side used once (ties: document order, so results are stable)."""
    pris_i: set[int] = set()
    pris_j: set[int] = set()
    retenues = []
    for score, i, j in sorted(paires, key=lambda p: (-p[0], p[1], p[2])):
        if i in pris_i or j in pris_j:
            continue
        pris_i.add(i)
        pris_j.add(j)
        retenues.append((score, i, j))
    return retenues


# --- stages ---------------------------------------------------------------------------


def _cle(e: Sommet) -> tuple[str, str]:
    return e.nature, e.norm


def _par_id(al: Alignement) -> None:
    copies_a = Counter(_cle(e) for e in al.anciens)
    copies_n = Counter(_cle(e) for e in al.nouveaux)
    par_id = {e.id: e for e in al.anciens}
    for n in al.nouveaux:
        a = par_id.get(n.id)
        if a is None or a.nature != n.nature:
            continue
        if a.norm == n.norm and (copies_a[_cle(a)] > 1 or copies_n[_cle(n)] > 1):
            # Copies of one text: generated ids only tell copies apart by their parent's
            # title, which may have changed; let the aligned parents decide (stage 4).
            continue
        al.lier(a.index, n.index, "id")


def _par_texte_unique(al: Alignement) -> None:
    groupes_a: dict[tuple[str, str], list[Sommet]] = defaultdict(list)
    for a in al.libres(al.anciens, ancien=True):
        groupes_a[_cle(a)].append(a)
    groupes_n: dict[tuple[str, str], list[Sommet]] = defaultdict(list)
    for n in al.libres(al.nouveaux, ancien=False):
        groupes_n[_cle(n)].append(n)
    for cle, ns in groupes_n.items():
        as_ = groupes_a.get(cle)
        if as_ and len(as_) == 1 and len(ns) == 1:
            al.lier(as_[0].index, ns[0].index, "texte")


def _par_structure(al: Alignement) -> None:
    """Bottom-up: a node takes the identity of the old node most of its content comes from."""
    profondeurs: dict[int, list[Sommet]] = defaultdict(list)
    for n in al.nouveaux:
        if not n.est_action:
            profondeurs[n.profondeur].append(n)
    for profondeur in sorted(profondeurs, reverse=True):
        candidats = []
        for n in profondeurs[profondeur]:
            if n.index in al.n2a:
                continue
            votes: Counter[int] = Counter()
            for c in n.enfants:
                a_c = al.n2a.get(c)
                if a_c is None:
                    continue
                p = al.anciens[a_c].parent
                if p is not None and p not in al.a2n and al.anciens[p].nature == n.nature:
                    votes[p] += 1
            if not votes:
                continue
            p, v = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
            if 2 * v > max(len(al.anciens[p].enfants), len(n.enfants)):
                candidats.append((float(v), p, n.index))
        for _v, a, n_index in glouton(candidats):
            al.lier(a, n_index, "structure")


def _paires_parents(
    al: Alignement, profondeur: int | None
) -> list[tuple[list[Sommet], list[Sommet]]]:
    """Children lists of aligned parent pairs: top-level nodes when ``profondeur`` is -1,
    parents at that depth otherwise, every aligned pair when it is None."""
    if profondeur == -1:
        return [
            (
                [a for a in al.anciens if a.parent is None],
                [n for n in al.nouveaux if n.parent is None],
            )
        ]
    paires = []
    for n in al.nouveaux:
        if n.est_action or (profondeur is not None and n.profondeur != profondeur):
            continue
        a = al.n2a.get(n.index)
        if a is None:
            continue
        paires.append(
            ([al.anciens[i] for i in al.anciens[a].enfants], [al.nouveaux[j] for j in n.enfants])
        )
    return paires


def _local(
    al: Alignement, enfants_a: list[Sommet], enfants_n: list[Sommet], noeuds: bool, seuil: float
) -> None:
    ca = [e for e in al.libres(enfants_a, ancien=True) if e.est_action != noeuds]
    cn = [e for e in al.libres(enfants_n, ancien=False) if e.est_action != noeuds]
    if not ca or not cn:
        return
    _copies(al, ca, cn, "parent")
    ca, cn = al.libres(ca, ancien=True), al.libres(cn, ancien=False)
    # One greedy pass where the same number adds to the likeness: an objective inserted at
    # 1.2.2 does not take the identity of the old 1.2.2 when that one reads like the new 1.2.3.
    paires = []
    for nature in sorted({n.nature for n in cn}):
        sa = [a for a in ca if a.nature == nature]
        sn = [n for n in cn if n.nature == nature]
        for score, i, j in meilleures_paires(sa, sn, seuil - _ECART_NUMERO):
            a, n = sa[i], sn[j]
            if a.num and a.num == n.num:
                paires.append((score + _BONUS_NUMERO, a.index, n.index))
            elif score >= seuil - _ECART_LOCAL:
                paires.append((score, a.index, n.index))
    for _s, a_index, n_index in glouton(paires):
        meme_numero = bool(al.anciens[a_index].num) and (
            al.anciens[a_index].num == al.nouveaux[n_index].num
        )
        al.lier(a_index, n_index, "numero" if meme_numero else "parent")


def _global(al: Alignement, nouveaux: list[Sommet], anciens: list[Sommet], seuil: float) -> None:
    cn = al.libres(nouveaux, ancien=False)
    ca = al.libres(anciens, ancien=True)
    if not cn or not ca:
        return
    _copies(al, ca, cn, "texte")
    _flou(
        al, al.libres(ca, ancien=True), al.libres(cn, ancien=False), seuil, "flou", paires_indexees
    )


def _copies(al: Alignement, ca: Sequence[Sommet], cn: Sequence[Sommet], etape: str) -> None:
    """Same text on both sides, paired in document order."""
    par_texte: dict[tuple[str, str], list[Sommet]] = defaultdict(list)
    for a in ca:
        par_texte[_cle(a)].append(a)
    for n in cn:
        restants = par_texte.get(_cle(n))
        if restants:
            al.lier(restants.pop(0).index, n.index, etape)


_Chercheur = Callable[[Sequence[Sommet], Sequence[Sommet], float], list[tuple[float, int, int]]]


def _flou(
    al: Alignement,
    ca: list[Sommet],
    cn: list[Sommet],
    seuil: float,
    etape: str,
    chercher: _Chercheur,
) -> None:
    paires = []
    for nature in sorted({n.nature for n in cn}):
        sa = [a for a in ca if a.nature == nature]
        sn = [n for n in cn if n.nature == nature]
        for score, i, j in chercher(sa, sn, seuil):
            paires.append((score, sa[i].index, sn[j].index))
    for _s, a_index, n_index in glouton(paires):
        al.lier(a_index, n_index, etape)


# Stage 6. An old action whose content words mostly survive in a new one under the same parent
# was reworded, not replaced: « Accompagner les communes dans la rénovation énergétique des
# bâtiments publics » → « Rénovation énergétique des bâtiments communaux : accompagner les
# communes » keeps 5 of its 6 stems while its character ratio is 0.55.
_COUVERTURE_ANCIEN = 0.6  # share of one action's stems found in the other (the old one's, usually)
_COUVERTURE_NOUVEAU = 0.4  # and the other is not mostly about something else
_RACINE = 5  # French stems by prefix: rénovation / rénover, énergie / énergétique
# An action expanded into a long one (« Mise en œuvre du CLS 2ème génération » → « Élaboration
# et mise en œuvre du CLS 3ème génération 2025/2030 (les échanges ont porté sur… ) ») keeps
# every one of its stems, however few of the new text's they are: at least this many.
_EXPANSION_MIN = 3
# Structure and the fiche vouch too: the same number, and fiche fields kept as they were
# (description, pilots, budget…), which survive a rewording of the title far more often.
_BONUS_COUVERTURE_NUMERO = 0.2
_BONUS_CHAMP = 0.1
_BONUS_CHAMPS_MAX = 0.5
_CHAMPS_TEMOINS = (
    "description",
    "objectifs",
    "structures_pilotes",
    "services_pilotes",
    "personnes_pilotes",
    "partenaires",
    "financements",
    "budget",
    "date_debut",
    "date_fin",
    "cibles",
    "indicateurs",
)


def _champs_communs(a: Sommet, n: Sommet) -> int:
    """How many non-empty fiche fields two actions have in common, value for value."""
    if a.source is None or n.source is None:
        return 0
    total = 0
    for nom in _CHAMPS_TEMOINS:
        valeur = getattr(a.source, nom, None)
        if valeur not in (None, []) and valeur == getattr(n.source, nom, None):
            total += 1
    return total


def racines(e: Sommet) -> set[str]:
    """Content-word stems of an element: accents, case, plural and suffixes set aside; short
    words that are not common ones kept (« CLS », « PAT », « eau »), figures left out (a
    rewording changes « 2ème génération » into « 3ème », « 2025 » into « 2030 »)."""
    return {
        m.rstrip("sx")[:_RACINE] for m in e.mots() if len(m) > 2 and not any(c.isdigit() for c in m)
    }


def _couverture(al: Alignement, enfants_a: list[Sommet], enfants_n: list[Sommet]) -> None:
    """Stage 6, symmetric: comparing b with a pairs the same actions as a with b."""
    ca = [e for e in al.libres(enfants_a, ancien=True) if e.est_action]
    cn = [e for e in al.libres(enfants_n, ancien=False) if e.est_action]
    if not ca or not cn:
        return
    # Reworded siblings already aligned: if an action's words went there, it was merged.
    voisins_n = [racines(n) for n in enfants_n if n.est_action and n.index in al.n2a]
    voisins_a = [racines(a) for a in enfants_a if a.est_action and a.index in al.a2n]
    racines_n = {n.index: racines(n) for n in cn}
    deja_n = {
        n.index: max((len(rn & rv) / len(rn) for rv in voisins_a), default=0.0)
        for n in cn
        if (rn := racines_n[n.index])
    }
    paires = []
    for a in ca:
        ra = racines(a)
        if len(ra) < 2:
            continue
        deja_a = max((len(ra & rv) / len(ra) for rv in voisins_n), default=0.0)
        for n in cn:
            rn = racines_n[n.index]
            if len(rn) < 2:
                continue
            commun = len(ra & rn)
            cov_a, cov_n = commun / len(ra), commun / len(rn)
            # reworded: most of one's stems in the other, which is not mostly about something
            # else; or expanded (shortened): every stem of the shorter in the longer
            reformule = (
                max(cov_a, cov_n) >= _COUVERTURE_ANCIEN and min(cov_a, cov_n) >= _COUVERTURE_NOUVEAU
            )
            developpe = (cov_a == 1.0 and len(ra) >= _EXPANSION_MIN) or (
                cov_n == 1.0 and len(rn) >= _EXPANSION_MIN
            )
            if (reformule or developpe) and cov_a > deja_a and cov_n > deja_n[n.index]:
                score = cov_a + cov_n
                if a.num and a.num == n.num:
                    score += _BONUS_COUVERTURE_NUMERO
                score += min(_BONUS_CHAMPS_MAX, _BONUS_CHAMP * _champs_communs(a, n))
                paires.append((round(score, 9), a.index, n.index))
    for _score, a_index, n_index in glouton(paires):
        al.lier(a_index, n_index, "couverture")
