"""PT003 numero.lacune: a gap in a numbering series (1, 2, 4)."""

from __future__ import annotations

from collections.abc import Iterator

from projterr.check.constat import Constat
from projterr.check.numerotation import Numero, rang
from projterr.check.regle import Contexte, Regle

# A series with more holes than this is not a sequence (years, codes…): say nothing.
_TROUS_MAX = 20


def verifier(ctx: Contexte) -> Iterator[Constat]:
    for serie in ctx.numerotation.series.values():
        yield from _lacunes(ctx, serie)


def _lacunes(ctx: Contexte, serie: list[Numero]) -> Iterator[Constat]:
    par_rang: dict[int, Numero] = {}
    for num in serie:
        r = rang(num.cle[-1])
        if r is None:
            return  # « 3 bis », roman numerals…: not a series we can count
        par_rang.setdefault(r, num)
    presents = sorted(par_rang)
    manquants = [r for r in range(1, presents[-1]) if r not in par_rang]
    if not manquants or len(manquants) > _TROUS_MAX:
        return
    for debut, fin in _plages(manquants):
        suivant = par_rang[fin + 1]
        precedent = par_rang.get(debut - 1)
        trou = _nom(suivant, debut)
        if fin != debut:
            trou += f" à {_nom(suivant, fin)}"
        verbe = "manque" if debut == fin else "manquent"
        apres = (
            f"après {precedent.affiche}" if precedent else f"la série commence à {suivant.affiche}"
        )
        yield ctx.constat_noeud(
            REGLE,
            suivant.el,
            f"numérotation discontinue : {trou} {verbe} ({apres})",
            champ="numero",
        )


def _plages(valeurs: list[int]) -> list[tuple[int, int]]:
    plages: list[tuple[int, int]] = []
    for v in valeurs:
        if plages and plages[-1][1] == v - 1:
            plages[-1] = (plages[-1][0], v)
        else:
            plages.append((v, v))
    return plages


def _nom(modele: Numero, r: int) -> str:
    """The number of rank ``r`` written like ``modele``: same prefix, digit or letter."""
    dernier = modele.parties[-1]
    if dernier.isdigit():
        partie = str(r)
    else:
        lettre = chr(ord("a") + r - 1)
        partie = lettre.upper() if dernier.isupper() else lettre
    return ".".join((*modele.parties[:-1], partie))


REGLE = Regle(
    code="PT003",
    nom="numero.lacune",
    titre="Numérotation discontinue",
    description="""\
Dans une série de numéros (les frères d’un même parent, ou les objectifs « 3.2.x »), un
numéro manque : un niveau a été supprimé sans renuméroter les suivants, ou il a été oublié
à l’import. Un niveau numéroté « 4.2.1 » mais rangé ailleurs compte quand même dans la
série 4.2 (PT002 le signale à part).

Anti-pattern :
    Pilier 1, Pilier 2, Pilier 4

Bonne pratique :
    Pilier 1, Pilier 2, Pilier 3
""",
    verifier=verifier,
)
