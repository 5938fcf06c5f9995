"""Generated identifiers for nodes and actions imported from text, PDF or Word sources.

A generated id derives from the element's content, never from its position: two imports of
two revisions must not give the same id to different elements that happen to sit at the same
place, or the diff would align an action with an unrelated one that took its place.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from projterr.normalize import normaliser


def _court(*parts: str) -> str:
    h = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=4)
    return h.hexdigest()


class Identifiants:
    """Hands out content-derived ids, unique within one document."""

    def __init__(self) -> None:
        self._pris: set[str] = set()
        self._suivant: dict[str, int] = {}  # next counter to try for a qualified id

    def reserver(self, ids: Iterable[str]) -> None:
        """Ids already taken in the document (read from it): never handed out again."""
        self._pris.update(ids)

    def _unique(self, base: str, contexte: str) -> str:
        if base not in self._pris:
            self._pris.add(base)
            return base
        # Same text elsewhere in the document: qualify by its parent, then count.
        qualifie = f"{base}-{_court(normaliser(contexte))[:4]}"
        candidat = qualifie
        n = self._suivant.get(qualifie, 2)
        while candidat in self._pris:
            candidat = f"{qualifie}-{n}"
            n += 1
        self._suivant[qualifie] = n
        self._pris.add(candidat)
        return candidat

    def action(self, texte: str, parent: str = "") -> str:
        return self._unique("a-" + _court(normaliser(texte)), parent)

    def noeud(self, type_: str, titre: str, numero: str | None = None, parent: str = "") -> str:
        prefixe = "".join(w[0] for w in type_.split("_"))
        if prefixe == "a":  # "a-" is for actions
            prefixe = type_[:2]
        cle = normaliser(titre) or (numero or "")
        return self._unique(f"{prefixe}-" + _court(type_, cle), parent)
