"""How a document numbers its nodes, read once and shared by the numbering rules.

Documents mix two styles, often in the same tree. A *local* number is one integer (or
letter) counted among the siblings: the Cœur de Lorraine seed restarts « Objectif
stratégique n°1, n°2 » under each pilier. A *hierarchical* number carries its parent's
full number: « Objectif opérationnel n°1.2.1 ». A node's full number is its own number if
hierarchical, else its nearest numbered ancestor's full number followed by its local number.
Nodes without a number are transparent: Midi-Quercy numbers its axes 1 to 6 straight
through unnumbered « finalités ».
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from projterr.check.elements import ElementNoeud
from projterr.normalize import normaliser_numero


def parties_numero(numero: str | None) -> tuple[str, ...]:
    """``"n°2.1.3."`` → ``("2", "1", "3")``; ``None`` or no digit/letter → ``()``."""
    return tuple(p for p in normaliser_numero(numero).split(".") if p)


def rang(partie: str) -> int | None:
    """Position in a series: ``"3"`` → 3, ``"c"`` → 3; anything else → None."""
    if partie.isdigit():
        return int(partie)
    if len(partie) == 1 and partie.isascii() and partie.isalpha():
        return ord(partie.lower()) - ord("a") + 1
    return None


@dataclass
class Numero:
    """A numbered node and what its number says."""

    el: ElementNoeud
    parties: tuple[str, ...]  # as printed, normalised: ("3", "1", "3")
    complet: tuple[str, ...]  # full number
    coherent: bool  # a hierarchical number starts with the parent's full number
    attendu: tuple[str, ...] | None  # the expected prefix, when not coherent
    groupe: tuple[object, ...]  # siblings in one numbering series share it
    autres: list[Numero] = field(default_factory=list)  # same number in the same series

    @property
    def cle(self) -> tuple[str, ...]:
        return tuple(p.casefold() for p in self.parties)

    @property
    def local(self) -> bool:
        return len(self.parties) == 1

    @property
    def affiche(self) -> str:
        return ".".join(self.parties)


class Numerotation:
    """Every numbered node of a document, its full number, and its numbering series."""

    def __init__(self, noeuds: list[ElementNoeud]) -> None:
        self.numeros: list[Numero] = []
        par_noeud: dict[int, Numero] = {}
        for el in noeuds:
            parties = parties_numero(el.noeud.numero)
            if not parties:
                continue
            portee = next(
                (par_noeud[id(p)] for p in reversed(el.parents) if id(p) in par_noeud), None
            )
            num = _lire(el, parties, portee)
            par_noeud[id(el.noeud)] = num
            self.numeros.append(num)
        self.series = _series(self.numeros)
        for serie in self.series.values():
            par_rang: dict[str, list[Numero]] = defaultdict(list)
            for num in serie:
                par_rang[num.cle[-1]].append(num)
            for memes in par_rang.values():
                for num in memes:
                    num.autres = [m for m in memes if m is not num]


def _lire(el: ElementNoeud, parties: tuple[str, ...], portee: Numero | None) -> Numero:
    type_ = el.noeud.type
    groupe: tuple[object, ...]
    if len(parties) == 1:
        complet = (*portee.complet, *parties) if portee else parties
        groupe = ("local", type_, id(portee.el.noeud) if portee else None)
        return Numero(el, parties, complet, True, None, groupe)
    cle = tuple(p.casefold() for p in parties)
    coherent = True
    attendu = None
    if portee is not None:
        prefixe = tuple(p.casefold() for p in portee.complet)
        direct = bool(el.parents) and el.parents[-1] is portee.el.noeud
        if direct:
            coherent = cle[:-1] == prefixe
        else:  # unnumbered levels in between: the number may carry them too
            coherent = len(cle) > len(prefixe) and cle[: len(prefixe)] == prefixe
        if not coherent:
            attendu = portee.complet
    # A hierarchical number names its series itself (« 4.2.x »), wherever it sits.
    groupe = ("hierarchique", type_, cle[:-1])
    return Numero(el, parties, parties, coherent, attendu, groupe)


def _series(numeros: list[Numero]) -> dict[tuple[object, ...], list[Numero]]:
    """Numbering series; a local series that restarts at 1 under each unnumbered parent
    (two sections each with axes 1, 2, 3) is split per parent."""
    series: dict[tuple[object, ...], list[Numero]] = defaultdict(list)
    for num in numeros:
        series[num.groupe].append(num)
    for groupe in [g for g in series if g[0] == "local"]:
        par_parent: dict[int, list[Numero]] = defaultdict(list)
        for num in series[groupe]:
            parent = num.el.parents[-1] if num.el.parents else None
            par_parent[id(parent)].append(num)
        if len(par_parent) < 2:
            continue
        debuts = [min((rang(n.cle[-1]) or 0) for n in membres) for membres in par_parent.values()]
        if all(d == 1 for d in debuts):
            del series[groupe]
            for parent_id, membres in par_parent.items():
                nouveau = (*groupe, parent_id)
                for num in membres:
                    num.groupe = nouveau
                series[nouveau] = membres
    return dict(series)
