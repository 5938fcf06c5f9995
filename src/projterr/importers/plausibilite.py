"""Is an imported tree plausible? Signs that a reading went wrong, judged on the Projet.

A wrong tree presented as right is worse than an error: every diff, délibération and
benchmark built on it is wrong. :func:`juger` lists, in French, what makes a tree doubtful
(hundreds of top-level nodes, fiche sections read as actions, one title repeated under every
node…); the import then says « structure incertaine » instead of exit 0.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from projterr.champs_fiche import CHAMPS_FICHE
from projterr.importers.rubriques import rubrique
from projterr.libelles import libelle
from projterr.model import Projet
from projterr.normalize import normaliser

RACINES_MAX = 40  # top-level nodes: no French plan has more (they have 2 to 12)
PART_ACTIONS_COURTES = 0.3
ACTIONS_MIN = 5  # below this, shares of actions say nothing
REPETITIONS_MAX = 3
PART_DESCRIPTIONS = 0.8
PART_NON_CLASSE = 0.5
RUBRIQUES_NOEUDS = 4  # distinct fiche sections among level titles
FRAGMENT_MOTS = 6
FRAGMENTS_MIN = 6
PART_FRAGMENTS = 0.4
_ALNUM = re.compile(r"\w")
_TITRE_DE_NIVEAU = re.compile(
    r"^\W{0,3}(?:pilier|axe|orientation|d[ée]fi|objectif\s+(?:strat[ée]gique|op[ée]rationnel)"
    r"|enjeu|th[ée]matique|priorit[ée])s?\s+(?:n[°o]\s*)?[\dIVX]+(?:\.\d+)*\s*[:.–-]",
    re.IGNORECASE,
)


@dataclass
class Jugement:
    """What the check found: no reason means plausible."""

    raisons: list[str] = field(default_factory=list)
    structure: float = 0.0  # share of the text that the tree structures (titles, fields)

    @property
    def plausible(self) -> bool:
        return not self.raisons


# Fiche fields whose text counts as structure (read into the tree, not left as paragraphs).
_CHAMPS_STRUCTURE = tuple(c.nom for c in CHAMPS_FICHE if c.structure)


def _court(texte: str, n: int = 50) -> str:
    return texte if len(texte) <= n else texte[: n - 1] + "…"


def juger(projet: Projet) -> Jugement:
    """Judge the tree of ``projet``; each reason is one French sentence."""
    raisons: list[str] = []
    noeuds = [n for _, n in projet.noeuds()]
    actions = [a for _, a in projet.actions()]

    # Text that the tree holds as structure, and text left in paragraphs.
    structure = sum(len(n.titre) for n in noeuds)
    libre = sum(len(p) for p in [*projet.preambule, *projet.contexte])
    libre += sum(len(p) for n in noeuds for p in n.description)
    for a in actions:
        structure += len(a.texte) + sum(len(s) for s in a.sous_points)
        for nom in _CHAMPS_STRUCTURE:
            structure += sum(len(x) for x in getattr(a, nom))
        structure += len(a.echeance or "") + sum(len(f.financeur) for f in a.financements)
        libre += sum(len(p) for p in a.description)
    hors = sum(len(nc.texte) for nc in projet.non_classe)
    total = structure + libre + hors

    if not noeuds:
        if total:
            raisons.append("aucun niveau reconnu : tout le texte est resté à plat")
    elif len(projet.contenu) > RACINES_MAX:
        raisons.append(
            f"{len(projet.contenu)} éléments au premier niveau : un plan en compte rarement "
            "plus d'une douzaine"
        )

    if len(actions) >= ACTIONS_MIN:
        courtes = [a for a in actions if len(a.texte.split()) <= 2]
        if len(courtes) / len(actions) >= PART_ACTIONS_COURTES:
            exemples = ", ".join(f"« {_court(a.texte, 25)} »" for a in courtes[:3])
            raisons.append(
                f"{len(courtes)} actions sur {len(actions)} n'ont qu'un ou deux mots ({exemples})"
            )

    intitules = Counter(
        normaliser(t) for t in [*(n.titre for n in noeuds), *(a.texte for a in actions)] if t
    )
    graphie = {normaliser(t): t for t in [*(n.titre for n in noeuds), *(a.texte for a in actions)]}
    repetes = [(cle, k) for cle, k in intitules.most_common(3) if k >= REPETITIONS_MAX]
    for cle, k in repetes[:2]:
        raisons.append(f"le même intitulé « {_court(graphie[cle])} » revient {k} fois")

    # The same short paragraph in several descriptions: a fiche section heading not recognised.
    # (dict.fromkeys, not set: Counter's ties keep first-seen order, so the report is the same
    # on every run)
    intertitres = Counter(
        p for n in noeuds for p in dict.fromkeys(n.description) if len(p.split()) <= 5
    ) + Counter(p for a in actions for p in dict.fromkeys(a.description) if len(p.split()) <= 5)
    for texte, k in intertitres.most_common(2):
        if k >= REPETITIONS_MAX:
            raisons.append(
                f"le paragraphe « {_court(texte)} » revient dans {k} descriptions : un "
                "intertitre de fiche non reconnu comme rubrique"
            )

    # Fiche fields flattened into descriptions: many short fragments (« 2022-2024 »,
    # « 1 850 000 € HT », a list of partners) where a description holds sentences.
    paragraphes = [p for n in noeuds for p in n.description]
    paragraphes += [p for a in actions for p in a.description]
    fragments = [
        p
        for p in paragraphes
        if len(p.split()) <= FRAGMENT_MOTS and not p.rstrip().endswith((".", "!", "?"))
    ]
    if len(fragments) >= FRAGMENTS_MIN and len(fragments) / len(paragraphes) >= PART_FRAGMENTS:
        exemples = ", ".join(f"« {_court(p, 30)} »" for p in fragments[:3])
        raisons.append(
            f"{len(fragments)} paragraphes de description sur {len(paragraphes)} ne sont que des "
            f"fragments ({exemples}) : des rubriques de fiche sans titre reconnu"
        )

    # Fiche sections read as actions, or as levels: a convention may have an article
    # « Gouvernance », but a level « Partenaires » beside « Calendrier » and « Cibles » is a fiche
    # read line by line.
    sections_actions = [a.texte for a in actions if len(a.texte.split()) <= 4 and rubrique(a.texte)]
    sections_noeuds = [n.titre for n in noeuds if len(n.titre.split()) <= 4 and rubrique(n.titre)]
    distinctes = {rubrique(t) for t in sections_noeuds}
    if len(sections_actions) >= 2 or len(distinctes) >= RUBRIQUES_NOEUDS:
        lues = [*sections_actions, *sections_noeuds]
        exemples = ", ".join(f"« {t} »" for t in sorted(set(lues))[:4])
        raisons.append(
            f"{len(lues)} rubriques de fiche lues comme des niveaux ou des actions ({exemples})"
        )

    # A level read as actions: actions that open like a level's title (« Objectif stratégique
    # n°2 : … », « > Axe 3 : … » when a conversion broke the arrow that marked them).
    titres_lus = [a.texte for a in actions if _TITRE_DE_NIVEAU.match(a.texte)]
    if len(titres_lus) >= 2:
        raisons.append(
            f"{len(titres_lus)} actions commencent comme un titre de niveau "
            f"(« {_court(titres_lus[0], 40)} ») : un niveau a été lu comme des actions"
        )

    ponctuation = [
        t
        for t in [*(n.titre for n in noeuds), *(a.texte for a in actions)]
        if t and not _ALNUM.search(t)
    ]
    if ponctuation:
        raisons.append(
            f"{len(ponctuation)} niveaux ou actions sans aucun mot (« {ponctuation[0]} »)"
        )

    if noeuds and total >= 1500 and libre / total >= PART_DESCRIPTIONS:
        part = round(100 * libre / total)
        sans_action = " et aucune action" if not actions else ""
        raisons.append(
            f"{part} % du texte est resté dans des descriptions{sans_action} : le détail du "
            "document n'a pas été reconnu"
        )

    lignes = len(projet.non_classe)
    if lignes >= 10 and hors / max(total, 1) >= PART_NON_CLASSE:
        raisons.append(f"la plupart du texte ({lignes} lignes) n'a pas été classé")

    return Jugement(raisons=raisons, structure=structure / total if total else 0.0)


def message_incertain(jugement: Jugement, lecture: str, types: list[str]) -> str:
    """The French explanation printed when a tree is doubtful, with what to try next."""
    niveaux = ", ".join(libelle(t, 2) for t in types) or "aucun niveau"
    lignes = [f"structure incertaine (lecture : {lecture} ; niveaux trouvés : {niveaux}) :"]
    lignes += [f"  - {r}" for r in jugement.raisons]
    lignes.append(
        "Essayez un autre profil (« projterr profils » les liste, puis --profil NOM), ou "
        "écrivez le vôtre (--profil mon-profil.yaml) : voir docs/profils.md, « Un document de "
        "fiches actions, pas à pas ». « projterr import --apercu » montre les premiers "
        "niveaux trouvés."
    )
    return "\n".join(lignes)
