"""PT004 objectif.sans_action: a last-level objective without any action."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from projterr.check.constat import Constat
from projterr.check.regle import Contexte, Regle
from projterr.libelles import libelle

# Levels that organise the document (an introduction, a context chapter) rather than
# the strategy: a section without action is normal.
_STRUCTURE = frozenset({"section"})


def verifier(ctx: Contexte) -> Iterator[Constat]:
    feuilles = [el for el in ctx.noeuds if not el.noeud.enfants and el.noeud.type not in _STRUCTURE]
    # Only the kinds of leaves that usually carry actions in this document: a list of axes
    # with descriptions and no action at all is a valid document, not a fault.
    avec: Counter[str] = Counter(el.noeud.type for el in feuilles if el.noeud.actions)
    toutes: Counter[str] = Counter(el.noeud.type for el in feuilles)
    porteurs = {t for t, n in avec.items() if 2 * n >= toutes[t]}
    for el in feuilles:
        if el.noeud.type in porteurs and not el.noeud.actions:
            yield ctx.constat_noeud(
                REGLE,
                el,
                f"aucune action (la plupart des {libelle(el.noeud.type, 2)} du document en ont)",
            )


REGLE = Regle(
    code="PT004",
    nom="objectif.sans_action",
    titre="Objectif sans action",
    description="""\
Un niveau du bas de l’arbre (le plus souvent un objectif opérationnel) n’a aucune action,
alors que la plupart des niveaux du même type en portent : l’objectif est une intention sans
moyen, ou ses actions ont été perdues à l’import. Un document qui n’a aucune action (une
liste d’axes commentés) n’est pas concerné, ni les sections (introduction, contexte).

Anti-pattern :
    Objectif opérationnel n°3.1.2 : Conforter l’offre de services aux familles
    Objectif opérationnel n°3.1.3 : …

Bonne pratique :
    Objectif opérationnel n°3.1.2 : Conforter l’offre de services aux familles
    - Améliorer la lisibilité de l’offre de services aux familles
""",
    verifier=verifier,
)
