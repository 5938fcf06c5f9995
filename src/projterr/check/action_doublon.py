"""PT005 action.doublon: two actions with the same text (after normalisation)."""

from __future__ import annotations

from collections.abc import Iterator

from projterr.check.constat import Constat
from projterr.check.elements import ElementAction
from projterr.check.regle import Contexte, Regle, renvoi_action


def verifier(ctx: Contexte) -> Iterator[Constat]:
    premiers: dict[str, ElementAction] = {}
    for el, cle in zip(ctx.actions, ctx.textes_actions, strict=True):
        if not cle:
            continue  # empty texts are PT008's
        premier = premiers.setdefault(cle, el)
        if premier is not el:
            yield ctx.constat_action(
                REGLE,
                el,
                f"action en double (même texte que {renvoi_action(premier)})",
                champ="texte",
            )


REGLE = Regle(
    code="PT005",
    nom="action.doublon",
    titre="Action en double",
    description="""\
Deux actions ont le même texte, à la casse, aux accents et à la ponctuation près : un
copier-coller, ou une action rattachée à deux objectifs. Si elle sert vraiment deux
objectifs, gardez-la sous un seul et citez-la dans l’autre.

Anti-pattern :
    1.3.1 - Soutien financier des projets via LEADER.
    3.1.2 - Soutien financier des projets via LEADER

Bonne pratique :
    3.1.2 - Soutien financier des projets via LEADER
""",
    verifier=verifier,
)
