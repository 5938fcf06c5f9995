"""Matching the elements of one document against another document or a corpus.

Every element of the corpus (B) is read once into a :class:`~projterr.match.vocabulaire.Signature`
and indexed (:class:`~projterr.texte.index.IndexInverse`). For each element of A, the index
gives the few elements of B that share its rarest features; only those are scored:

- **lexical** (0–100): TF-IDF cosine of the two stem sets (acronyms included, met
  as written or as their expansion), blended with rapidfuzz's ``token_set_ratio`` on the
  stems, which forgives what stems miss (a misspelt word);
- **thésaurus**: for each thesaurus group both texts touch, its IDF times
  :attr:`Poids.thesaurus`;
- **thèmes**: the same for each référentiel theme both texts touch (co-classification);
- **plongements** (optional): how far the cosine of two sentence embeddings rises.

The semantic layers lift a pair within the gap its words leave to 100 (:func:`calibrer`):
they can bring a pair that shares no word near, never above, one said almost the same way,
and 100 means the same text up to typography. Weights were set on the hand-labelled pairs
of ``tests/data/match/paires.yaml``; ``paires_tenues.yaml`` measures them blind (docs/match.md
gives both, layer by layer).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from projterr.match.corpus import Corpus, lexique
from projterr.match.elements import Element
from projterr.match.plongements import Plongeur, cosinus, proximite
from projterr.match.vocabulaire import Signature, Vocabulaire
from projterr.texte.score import scoreur_racines

# With embeddings, the nearest neighbours in meaning join the index's candidates: this many,
# on a B of at most PLONGEMENTS_MAX elements (e5-small encodes some 30 texts a second: a larger
# corpus would take minutes to encode at every run).
VOISINS_PLONGEMENTS = 10
PLONGEMENTS_MAX = 3_000


@dataclass(frozen=True)
class Poids:
    """How much each layer weighs in the 0–100 score (see :func:`calibrer`)."""

    cosinus: float = 90.0  # TF-IDF cosine of the stems, 0..1
    rapidfuzz: float = 0.1  # token_set_ratio on the stems, 0..100
    thesaurus: float = 16.0  # per unit of IDF of a shared thesaurus group
    themes: float = 4.0  # per unit of IDF of a shared theme
    plongements: float = 20.0  # times the embedding proximity, 0..1
    # The semantic layers fill at most this share of the gap between the lexical score and
    # 100, half of it for this much evidence (thesaurus + themes + embeddings, in the units
    # above): a pair sharing no word reaches the fifties, never a near-verbatim counterpart.
    levee: float = 0.6
    demi: float = 20.0


def calibrer(parts: Sequence[float], poids: Poids) -> tuple[float, tuple[float, ...]]:
    """The score of a pair from its raw parts (lexical, then thesaurus, themes[, embeddings]),
    and the parts as they count in it (they add up to the score).

    Lexical evidence orders the pairs; semantic evidence lifts a pair within the gap its
    words leave to 100: ``lexical + (100 − lexical) × levee × S / (S + demi)``. So a pair
    that shares few words can come near, never above, one said almost the same way; 100 is
    reached only by a lexical 100 (and :meth:`Apparieur.scorer` keeps it for the same text);
    nothing is capped, so order is never turned into ties.
    """
    lexical, *semantique = parts
    total = math.fsum(semantique)
    if total <= 0:
        return lexical, (lexical, *(0.0 for _ in semantique))
    levee = (100.0 - lexical) * poids.levee * total / (total + poids.demi)
    score = lexical + levee
    if lexical < 100.0 and score >= 100.0:  # float rounding: 100 stays the same text's
        score = math.nextafter(100.0, 0.0)
    return score, (lexical, *(levee * s / total for s in semantique))


# A lexical 100 between two texts that differ (the same stems, other words or order): just
# below 100, which means « the same text, up to typography ».
_LEXICAL_SANS_ETRE_LE_MEME = 99.0


@dataclass(frozen=True)
class Paire:
    a: Element
    b: Element
    score: float
    raisons: tuple[str, ...]
    detail: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "score": round(self.score, 1),
            "raisons": list(self.raisons),
            "detail": {k: round(v, 1) for k, v in self.detail.items()},
        }


# The parts of a score, in the order they are summed (the order of a pair's ``detail``).
_PARTS = ("lexical", "thesaurus", "themes", "plongements")


class Apparieur:
    """Scores elements of A against a :class:`Corpus`, and says why."""

    def __init__(
        self,
        corpus: Corpus,
        vocabulaire: Vocabulaire,
        poids: Poids | None = None,
        plongeur: Plongeur | None = None,
        candidats: int = 80,
        budget: int | None = 1_000,
    ) -> None:
        self.corpus = corpus
        self.vocabulaire = vocabulaire
        self.poids = poids or Poids()
        self.plongeur = plongeur
        self.nb_candidats = candidats
        self.budget = budget
        self._vecteurs: dict[int, list[float]] = {}
        self._vecteurs_a_caches: dict[str, list[float]] = {}

    def candidats(self, profil: Signature, element: Element | None = None) -> list[int]:
        """The elements of the corpus worth scoring for ``profil``, by feature overlap; with
        an embedding backend and ``element``, also its nearest neighbours in meaning, which
        share no word with it (« autostop organisé » / « covoiturage »)."""
        numeros = [
            d for _, d in self.corpus.index.candidats(profil.traits, self.nb_candidats, self.budget)
        ]
        if element is None or self.plongeur is None or not self._voisins_possibles():
            return numeros
        vus = set(numeros)
        vecteur_a = self._vecteurs_a(element)
        voisins = heapq.nlargest(  # sorted(…)[:k], without sorting the whole corpus
            VOISINS_PLONGEMENTS,
            range(len(self.corpus)),
            key=lambda n: cosinus(vecteur_a, self._vecteur(n)),
        )
        return numeros + [n for n in voisins if n not in vus]

    def _voisins_possibles(self) -> bool:
        """Every element of B encoded once (in batches), when B is small enough for it."""
        if len(self.corpus) > PLONGEMENTS_MAX:
            return False
        assert self.plongeur is not None
        manquants = [n for n in range(len(self.corpus)) if n not in self._vecteurs]
        for debut in range(0, len(manquants), 64):
            lot = manquants[debut : debut + 64]
            textes = [" ".join(self.corpus.elements[n].textes) for n in lot]
            for n, vecteur in zip(lot, self.plongeur.encoder(textes), strict=True):
                self._vecteurs[n] = vecteur
        return True

    def scorer(
        self,
        element: Element,
        numeros: Sequence[int],
        profil: Signature | None = None,
        garder: int | None = None,
        seuil: float = 0.0,
        expliquer: bool = True,
    ) -> list[Paire]:
        """The pairs of ``element`` with the corpus elements ``numeros`` scoring at least
        ``seuil``, best first (ties in the order of ``numeros``), ``garder`` at most.

        Without ``expliquer``, the pairs have no ``raisons`` (the profile may then lack the
        words as written): a caller that shows few of many pairs asks :meth:`expliquer`
        for those.
        """
        if profil is None:
            profil = self.vocabulaire.signature(element.textes)
        if not numeros:
            return []
        corpus, poids = self.corpus, self.poids
        idf = corpus.idf
        lex_a = lexique(profil)
        norme_a = math.sqrt(math.fsum(map(corpus.poids, lex_a)))
        vecteur_a = self._vecteurs_a(element) if self.plongeur is not None else None
        # Per query, once: the weights of its own features (the loop below runs for every
        # candidate). Sums over sets are exact (math.fsum): a set's order changes from run to
        # run with Python's string hashing, and a plain sum with it, in the last bits, enough
        # to break ties between equal scores differently at each run.
        idf_a = {t: corpus.poids(t) for t in lex_a}
        poids_a = idf_a.__getitem__
        # the query's thesaurus groups (« ~ ») and themes (« @ »), with their IDF
        groupes_a = {t: idf(t) for t in profil.liens if t[0] == "~"}
        themes_a = {t: idf(t) for t in profil.liens if t[0] != "~"}
        liens, normes, norme = corpus.liens, corpus._normes, corpus.norme
        lexiques, lexique_de = corpus._lexiques, corpus.lexique
        fsum = math.fsum
        p_cos, p_flou, p_thes, p_themes = (
            poids.cosinus,
            poids.rapidfuzz,
            poids.thesaurus,
            poids.themes,
        )
        # First what costs little, for every candidate: (cosine, then the other parts). This
        # loop runs for every candidate of every query: lookups are hoisted, sets intersect
        # in C.
        sans_flou: list[tuple[float, tuple[float, ...]]] = []
        for n in numeros:
            norme_b = normes.get(n)
            denominateur = norme_a * (norme_b if norme_b is not None else norme(n))
            lex_b = lexiques[n]
            communs = lex_a.intersection(lex_b if lex_b.__class__ is not str else lexique_de(n))
            cos = fsum(map(poids_a, communs)) / denominateur if denominateur else 0.0
            liens_b = liens[n]
            thesaurus = (
                fsum(map(groupes_a.__getitem__, groupes_a.keys() & liens_b)) if groupes_a else 0.0
            )
            themes = fsum(map(themes_a.__getitem__, themes_a.keys() & liens_b)) if themes_a else 0.0
            autres: tuple[float, ...] = (p_thes * thesaurus, p_themes * themes)
            if vecteur_a is not None:
                autres += (poids.plongements * proximite(vecteur_a, self._vecteur(n)),)
            sans_flou.append((cos, autres))

        texte_a = " ".join(element.textes)

        def parts_de(k: int, flou: float) -> tuple[float, tuple[float, ...]]:
            cos, autres = sans_flou[k]
            lexical = min(100.0, p_cos * cos + p_flou * flou)
            if lexical >= _LEXICAL_SANS_ETRE_LE_MEME:  # 100 exactly for the same text only
                meme = _meme_texte(texte_a, " ".join(corpus.elements[numeros[k]].textes))
                lexical = 100.0 if meme else _LEXICAL_SANS_ETRE_LE_MEME
            return calibrer((lexical, *autres), poids)

        # (score, rank, its parts: lexical, thesaurus, themes[, plongements]); the parts'
        # dict is built only for the pairs kept; ties go to the more lexical pair
        resultats: list[tuple[float, int, tuple[float, ...]]] = []
        if garder is None:
            for k, flou in enumerate(self._flous(profil, numeros)):
                score, parts = parts_de(k, flou)
                if score >= seuil:
                    resultats.append((score, k, parts))
            resultats.sort(key=lambda r: (-r[0], -r[2][0], r[1]))
        else:
            resultats = self._meilleurs(profil, numeros, sans_flou, parts_de, garder, seuil)
        paires: list[Paire] = []
        for score, k, parts in resultats[:garder]:
            n = numeros[k]
            detail = dict(zip(_PARTS, parts, strict=False))
            raisons = self._raisons(profil, n, detail) if expliquer else ()
            paires.append(Paire(element, corpus.elements[n], score, raisons, detail))
        return paires

    def expliquer(self, paire: Paire) -> Paire:
        """``paire`` (scored without ``expliquer``) with its reasons."""
        n = self.corpus.rang(paire.b)
        raisons = self._raisons(self.vocabulaire.signature(paire.a.textes), n, paire.detail)
        return replace(paire, raisons=raisons)

    def _raisons(self, profil: Signature, n: int, detail: dict[str, float]) -> tuple[str, ...]:
        corpus = self.corpus
        pb = corpus.signature(n, self.vocabulaire)
        liens_a = profil.liens
        return _raisons(
            profil,
            pb,
            lexique(profil) & corpus.lexique(n),
            [t for t in liens_a if t[0] == "~" and t in pb.liens],
            [t for t in liens_a if t[0] == "@" and t in pb.liens],
            corpus.idf,
            detail,
        )

    def _meilleurs(
        self,
        profil: Signature,
        numeros: Sequence[int],
        sans_flou: Sequence[tuple[float, tuple[float, ...]]],
        parts_de: Callable[[int, float], tuple[float, tuple[float, ...]]],
        garder: int,
        seuil: float,
    ) -> list[tuple[float, int, tuple[float, ...]]]:
        """The ``garder`` best (score, rank, parts) at ``seuil`` or above, best first (ties to
        the more lexical, then by rank): exactly what scoring every candidate would keep, but
        rapidfuzz (the costly part) runs only for candidates that could still enter — taken
        by their score with a perfect rapidfuzz, they stop when that falls below the
        ``garder``-th score found (the score grows with the lexical part)."""
        flou = scoreur_racines()
        poids = self.poids
        chaine_a, chaines = profil.chaine, self.corpus.chaines
        # a candidate's best possible score (a margin covers float rounding)
        plafonds = []
        p_cos, p_flou_max, levee, demi = (
            poids.cosinus,
            poids.rapidfuzz * 100.0,
            poids.levee,
            poids.demi,
        )
        # calibrer()'s formula written out, not called: this loop runs for every candidate of
        # every query, and a call per candidate cost benchmark 2.5 s in 26 (measured); the test
        # of the pruned top K against a full sort catches any drift between the two
        for cos, autres in sans_flou:
            lexical = min(100.0, p_cos * cos + p_flou_max)
            total = sum(autres)
            semantique = (100.0 - lexical) * levee * total / (total + demi) if total > 0 else 0.0
            plafonds.append(lexical + semantique + 1e-6)
        # best possible first, ties in rank order (a stable sort keeps it, reversed or not)
        ordre = sorted(range(len(numeros)), key=plafonds.__getitem__, reverse=True)
        # the kept ones, worst on top: (score, lexical, -rank, parts)
        gardes: list[tuple[float, float, int, tuple[float, ...]]] = []
        for k in ordre:
            plafond = plafonds[k]
            if plafond < seuil or (len(gardes) == garder and plafond < gardes[0][0]):
                break  # neither this one nor any after it can be kept
            score, parts = parts_de(k, float(flou(chaine_a, chaines[numeros[k]])))
            if score < seuil:
                continue
            if len(gardes) < garder:
                heapq.heappush(gardes, (score, parts[0], -k, parts))
            elif (score, parts[0], -k) > gardes[0][:3]:
                heapq.heapreplace(gardes, (score, parts[0], -k, parts))
        return [(s, -m, p) for s, _, m, p in sorted(gardes, key=lambda r: (-r[0], -r[1], -r[2]))]

    def _flous(self, profil: Signature, numeros: Sequence[int]) -> list[float]:
        from rapidfuzz import process

        choix = [self.corpus.chaines[n] for n in numeros]
        flous = [0.0] * len(choix)
        # every score, in the candidates' order: extract_iter does not sort them (extract did)
        for _, valeur, k in process.extract_iter(profil.chaine, choix, scorer=scoreur_racines()):
            flous[k] = float(valeur)
        return flous

    def meilleures(self, element: Element, top: int, seuil: float) -> list[Paire]:
        profil = self.vocabulaire.signature(element.textes)
        candidats = self.candidats(profil, element)
        return self.scorer(element, candidats, profil, garder=top, seuil=seuil)

    def _vecteurs_a(self, element: Element) -> list[float]:
        assert self.plongeur is not None
        cle = " ".join(element.textes)
        if cle not in self._vecteurs_a_caches:
            self._vecteurs_a_caches[cle] = self.plongeur.encoder([cle])[0]
        return self._vecteurs_a_caches[cle]

    def _vecteur(self, numero: int) -> list[float]:
        assert self.plongeur is not None
        if numero not in self._vecteurs:
            element = self.corpus.elements[numero]
            self._vecteurs[numero] = self.plongeur.encoder([" ".join(element.textes)])[0]
        return self._vecteurs[numero]


def _meme_texte(a: str, b: str) -> bool:
    """The same text up to typography (apostrophes, spaces, case of the first letter…)."""
    from projterr.normalize import cle_typographique

    return cle_typographique(a).casefold() == cle_typographique(b).casefold()


def _raisons(
    pa: Signature,
    pb: Signature,
    communs: set[str],
    groupes: list[str],
    themes: list[str],
    idf: Callable[[str], float],
    detail: dict[str, float],
) -> tuple[str, ...]:
    raisons: list[str] = []
    mots = sorted(
        (t for t in communs if t in pa.surfaces and t in pb.surfaces),
        key=lambda t: (-idf(t), t),
    )
    if mots:
        raisons.append("mots communs : " + ", ".join(pa.surfaces[t] for t in mots[:6]))
    raisons.extend(_sigles_developpes(pa, pb))
    for trait in groupes:
        ta, tb = pa.liens[trait].terme, pb.liens[trait].terme
        if _meme(ta, tb):
            raisons.append(f"thésaurus : {ta}")
        else:
            raisons.append(f"thésaurus : {ta} ~ {tb}")
    for trait in themes:
        referentiel = trait[1:].split(":", 1)[0].upper()
        raisons.append(f"même thème {referentiel} : {pa.liens[trait].libelle}")
    if detail.get("plongements"):
        points = round(detail["plongements"])
        pluriel = "s" if points > 1 else ""  # French: 0 and 1 take the singular
        raisons.append(f"sens proche (plongements) : {points} point{pluriel}")
    return tuple(raisons)


def _sigles_developpes(pa: Signature, pb: Signature) -> list[str]:
    """« sigle développé : PAT = … » when one text writes an acronym and the other its
    expansion (in full, or enough of its words)."""
    from projterr.texte.racines import racines

    sortie: dict[str, str] = {}
    for un, autre in ((pa, pb), (pb, pa)):
        formes_autre = set(autre.formes)
        for sigle, (expansion, ecrit) in un.sigles.items():
            if ecrit or sigle in sortie:
                continue  # only from the side that wrote the acronym
            if sigle in autre.sigles:
                if autre.sigles[sigle][1]:
                    sortie[sigle] = expansion
                continue
            forme = set(racines(expansion))
            if forme and 2 * len(forme & formes_autre) >= len(forme):
                sortie[sigle] = expansion
    return [f"sigle développé : {s} = {e}" for s, e in sorted(sortie.items())]


def _meme(a: str, b: str) -> bool:
    from projterr.texte.racines import racines

    return racines(a) == racines(b)
