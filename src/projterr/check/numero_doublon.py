"""PT001 numero.doublon: the same number twice in one numbering series."""

from __future__ import annotations

from collections.abc import Iterator

from projterr.check.constat import Constat
from projterr.check.numerotation import Numero
from projterr.check.regle import Contexte, Regle, court, designer_noeud, ou


def verifier(ctx: Contexte) -> Iterator[Constat]:
    premiers: dict[tuple[object, ...], Numero] = {}
    for num in ctx.numerotation.numeros:
        # A misplaced node that repeats a number is reported once, by PT002: moving it
        # to its right place fixes both.
        if not num.coherent:
            continue
        premier = premiers.setdefault((num.groupe, num.cle[-1]), num)
        if premier is num:
            continue
        autre = premier.el.noeud
        yield ctx.constat_noeud(
            REGLE,
            num.el,
            f"numéro en double (déjà utilisé {ou(autre._ligne, designer_noeud(autre))}, "
            f"« {court(autre.titre)} »)",
            champ="numero",
        )


REGLE = Regle(
    code="PT001",
    nom="numero.doublon",
    titre="Numéro en double dans une même série",
    description="""\
Deux niveaux de même type portent le même numéro dans la même série (mêmes parents) :
l’un des deux est mal numéroté, ou c’est un copier-coller resté dans le document.

Anti-pattern :
    Objectif opérationnel n°1.1.2 : Encourager la structuration…
    Objectif opérationnel n°1.1.2 : Faciliter la modernisation…

Bonne pratique :
    Objectif opérationnel n°1.1.2 : Encourager la structuration…
    Objectif opérationnel n°1.1.3 : Faciliter la modernisation…
""",
    verifier=verifier,
)
