"""PT006 action.quasi_doublon: two actions whose texts are nearly the same."""

from __future__ import annotations

from collections.abc import Iterator

from projterr.check.constat import Constat
from projterr.check.regle import Contexte, Regle, renvoi_action
from projterr.texte.index import plus_proches_anterieurs


def verifier(ctx: Contexte) -> Iterator[Constat]:
    actions = ctx.actions
    textes = [el.action.texte for el in actions]
    proches = plus_proches_anterieurs(textes, ctx.seuil_similarite, normalises=ctx.textes_actions)
    for i, (j, score) in sorted(proches.items()):
        yield ctx.constat_action(
            REGLE,
            actions[i],
            f"action presque identique à {renvoi_action(actions[j])} "
            f"(similarité {score:.0f}\u00a0%)",
            champ="texte",
        )


REGLE = Regle(
    code="PT006",
    nom="action.quasi_doublon",
    titre="Actions presque identiques",
    description="""\
Deux actions ne diffèrent que par quelques lettres ou l’ordre des mots (similarité
« token sort » ≥ 90 % par défaut, réglable avec --seuil) : une action copiée puis
légèrement retouchée, ou la même action rattachée à deux objectifs.

Anti-pattern :
    - Développer les actions du PAT de niveau 1 pour obtenir la labellisation
    - Développer des actions du PAT de niveau 1 pour obtenir une labellisation

Bonne pratique : une seule action, sous l’objectif qu’elle sert le mieux.
""",
    verifier=verifier,
)
