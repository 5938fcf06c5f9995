"""Runs of stems to find in texts: thesaurus terms, theme keywords, acronym expansions.

A term is found where its stems stand in a row among a text's stems (« transport à la
demande » in « développer le transport à la demande »). Terms are looked up by their first
two stems, so that the position of a common first stem (``transport`` starts nineteen theme
keywords) costs one dictionary lookup, not one comparison per term: a corpus of 100,000
actions is read in seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

V = TypeVar("V")

_Entree = tuple[int, tuple[str, ...], V]  # (order added, stems, value)


class Termes(Generic[V]):
    """Terms as runs of stems, each with a value (its group, theme or acronym)."""

    def __init__(self) -> None:
        self._ajoutes = 0
        self._premieres: set[str] = set()
        self._d_un_mot: dict[str, list[_Entree[V]]] = {}
        self._par_deux: dict[tuple[str, str], list[_Entree[V]]] = {}

    def ajouter(self, forme: tuple[str, ...], valeur: V) -> None:
        """One term, by its stems (none: the term is left out)."""
        if not forme:
            return
        entree = (self._ajoutes, forme, valeur)
        self._ajoutes += 1
        self._premieres.add(forme[0])
        if len(forme) == 1:
            self._d_un_mot.setdefault(forme[0], []).append(entree)
        else:
            self._par_deux.setdefault((forme[0], forme[1]), []).append(entree)

    def trouver(self, formes: Sequence[str]) -> list[tuple[int, tuple[str, ...], V]]:
        """``(position, stems, value)`` of every term found in ``formes``, by position, and
        at one position in the order the terms were added."""
        premieres, d_un_mot, par_deux = self._premieres, self._d_un_mot, self._par_deux
        fin = len(formes) - 1
        sortie: list[tuple[int, tuple[str, ...], V]] = []
        # positions first: most stems start no term, and a comprehension skips them in C
        for i in [i for i, premiere in enumerate(formes) if premiere in premieres]:
            un_mot = d_un_mot.get(formes[i])
            plus = par_deux.get((formes[i], formes[i + 1])) if i < fin else None
            if plus:
                plus = [
                    e for e in plus if len(e[1]) == 2 or tuple(formes[i : i + len(e[1])]) == e[1]
                ]
            # in the order added, as a single list by first stem would give them
            entrees = sorted(un_mot + plus) if un_mot and plus else un_mot or plus or ()
            for _, forme, valeur in entrees:
                sortie.append((i, forme, valeur))
        return sortie
