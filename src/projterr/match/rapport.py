"""The report of ``projterr match``: data first, every format renders :meth:`to_dict`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from projterr.match.appariement import Apparieur, Paire
from projterr.match.elements import Element


@dataclass(frozen=True)
class CoteDocument:
    """One side of the comparison: a document, or a folder of documents."""

    titre: str
    territoire: str = ""
    fichier: str | None = None
    documents: tuple[str, ...] = ()  # for a folder: the files read

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"titre": self.titre, "territoire": self.territoire}
        d["fichier"] = self.fichier
        if self.documents:
            d["documents"] = list(self.documents)
        return d


@dataclass(frozen=True)
class RapportMatch:
    a: CoteDocument
    b: CoteDocument
    paires: tuple[Paire, ...]
    elements_a: tuple[Element, ...]
    elements_b: int
    seuil: float
    top: int
    un_pour_un: bool
    couches: tuple[str, ...]
    apparies: frozenset[str] = field(default_factory=frozenset)  # ids of A with a pair

    @property
    def sans_paire(self) -> list[Element]:
        return [e for e in self.elements_a if e.id not in self.apparies]

    def par_element(self) -> list[tuple[Element, list[Paire]]]:
        """Each element of A with its pairs, in A's order."""
        groupes: dict[str, list[Paire]] = {}
        for paire in self.paires:
            groupes.setdefault(paire.a.id, []).append(paire)
        return [(e, groupes.get(e.id, [])) for e in self.elements_a]

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "parametres": {
                "seuil": self.seuil,
                "top": self.top,
                "un_pour_un": self.un_pour_un,
                "couches": list(self.couches),
            },
            "resume": {
                "elements_a": len(self.elements_a),
                "elements_b": self.elements_b,
                "paires": len(self.paires),
                "elements_a_sans_paire": len(self.sans_paire),
            },
            "paires": [p.to_dict() for p in self.paires],
        }


def apparier(
    elements_a: Sequence[Element],
    apparieur: Apparieur,
    a: CoteDocument,
    b: CoteDocument,
    seuil: float = 0.0,
    top: int = 3,
    un_pour_un: bool = False,
    progression: Callable[[int], None] | None = None,
    expliquer: bool = True,
) -> RapportMatch:
    """The best pairs of each element of A in the corpus of ``apparieur``.

    ``un_pour_un``: each element of B is given to one element of A at most, best pairs
    first (greedy), and each element of A gets one pair. Without ``expliquer``, the pairs
    have no reasons (:meth:`Apparieur.expliquer` gives them), faster.
    """
    toutes: list[list[Paire]] = []
    corpus = apparieur.corpus
    for i, element in enumerate(elements_a):
        profil = apparieur.vocabulaire.signature(element.textes, surfaces=expliquer)
        # an element is never its own match (A inside the folder B): same id, then same
        # document (the cheap test first: ids rarely repeat)
        moi = element.id
        paires = apparieur.scorer(
            element,
            [
                n
                for n in apparieur.candidats(profil, element)
                if (e := corpus.elements[n]).id != moi or e.cle != element.cle
            ],
            profil,
            garder=None if un_pour_un else top,
            seuil=seuil,
            expliquer=expliquer,
        )
        toutes.append(paires)
        if progression is not None and i % 20 == 19:
            progression(20)
    if un_pour_un:
        retenues = _glouton([p for liste in toutes for p in liste], elements_a)
    else:
        retenues = [p for liste in toutes for p in liste[:top]]
    return RapportMatch(
        a,
        b,
        tuple(retenues),
        tuple(elements_a),
        len(apparieur.corpus),
        seuil,
        1 if un_pour_un else top,
        un_pour_un,
        tuple(sorted(apparieur.vocabulaire.couches))
        + (("plongements",) if apparieur.plongeur is not None else ()),
        frozenset(p.a.id for p in retenues),
    )


def _glouton(paires: list[Paire], elements_a: Sequence[Element]) -> list[Paire]:
    """Best pairs first, each side used once; ties in document order. Returned in A's order."""
    rang_a = {e.id: i for i, e in enumerate(elements_a)}
    pris_a: set[str] = set()
    pris_b: set[tuple[str, str, str]] = set()
    retenues: list[Paire] = []
    for paire in sorted(paires, key=lambda p: (-p.score, rang_a[p.a.id])):
        if paire.a.id in pris_a or paire.b.cle in pris_b:
            continue
        pris_a.add(paire.a.id)
        pris_b.add(paire.b.cle)
        retenues.append(paire)
    retenues.sort(key=lambda p: rang_a[p.a.id])
    return retenues
