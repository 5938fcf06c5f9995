"""PT002 numero.position: a hierarchical number that does not start with its parent's."""

from __future__ import annotations

from collections.abc import Iterator

from projterr.check.constat import Constat
from projterr.check.regle import Contexte, Regle, court


def verifier(ctx: Contexte) -> Iterator[Constat]:
    for num in ctx.numerotation.numeros:
        if num.coherent or num.attendu is None:
            continue
        message = f"numéro incohérent avec sa position (attendu {'.'.join(num.attendu)}.x"
        if num.autres:
            autre = num.autres[0].el.noeud
            ailleurs = f"ligne {autre._ligne}" if autre._ligne else f"par « {court(autre.titre)} »"
            message += f" ; le numéro {num.affiche} est aussi utilisé {ailleurs}"
        yield ctx.constat_noeud(REGLE, num.el, message + ")", champ="numero")


REGLE = Regle(
    code="PT002",
    nom="numero.position",
    titre="Numéro incohérent avec sa position dans l’arbre",
    description="""\
Un numéro hiérarchique doit commencer par le numéro complet de son parent. Un objectif
opérationnel « 4.2.1 » rangé sous l’objectif stratégique 4.1 a été déplacé sans être
renuméroté, ou rangé sous le mauvais parent. Les numéros locaux (« n°2 », compté parmi
les frères) ne sont pas concernés.

Anti-pattern :
    → Objectif stratégique n°1 (pilier 4)
        Objectif opérationnel n°4.1.1
        Objectif opérationnel n°4.2.1

Bonne pratique :
    → Objectif stratégique n°1 (pilier 4)
        Objectif opérationnel n°4.1.1
        Objectif opérationnel n°4.1.2
""",
    verifier=verifier,
)
