"""The diff report as data: change records that every renderer reads.

``RapportDiff.to_dict()`` is the JSON contract of ``projterr diff --format json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Order of the types inside a record, and of the counts in the summary.
TYPES = ("ajout", "suppression", "deplacement", "modification", "renumerotation")


@dataclass(frozen=True, slots=True)
class Segment:
    op: str  # "egal" | "suppression" | "ajout"
    texte: str

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "texte": self.texte}


@dataclass(frozen=True, slots=True)
class Cote:
    """One side (old or new) of a change record."""

    id: str
    numero: str | None  # normalised: ``n°2.1.3.`` → ``2.1.3``
    texte: str  # an action's text or a node's title
    parent: str | None  # parent's number, or its title when it has none; None at top level
    chemin: tuple[str, ...] = ()  # the same reference for every ancestor, top first
    sous_points: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "numero": self.numero,
            "texte": self.texte,
            "parent": self.parent,
            "chemin": list(self.chemin),
        }
        if self.sous_points:
            d["sous_points"] = list(self.sous_points)
        return d


@dataclass(frozen=True, slots=True)
class Groupe:
    """The top-level node (pilier, axe…) a record is shown under."""

    nature: str
    numero: str | None
    titre: str

    def to_dict(self) -> dict[str, Any]:
        return {"nature": self.nature, "numero": self.numero, "titre": self.titre}


@dataclass(frozen=True, slots=True)
class Contenu:
    """An element added or deleted together with the node that holds it."""

    nature: str
    id: str
    numero: str | None
    texte: str
    profondeur: int  # 1 = directly under the record's node

    def to_dict(self) -> dict[str, Any]:
        return {
            "nature": self.nature,
            "id": self.id,
            "numero": self.numero,
            "texte": self.texte,
            "profondeur": self.profondeur,
        }


@dataclass(frozen=True, slots=True)
class Cause:
    """The addition or deletion of a sibling that shifted this element's number."""

    type: str  # "ajout" | "suppression"
    nature: str
    id: str
    numero: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "nature": self.nature, "id": self.id, "numero": self.numero}


@dataclass(slots=True)
class Changement:
    """One node or action that changed, with every type of change that applies."""

    types: tuple[str, ...]
    nature: str
    ancien: Cote | None
    nouveau: Cote | None
    groupe: Groupe | None
    similarite: float | None = None
    segments: tuple[Segment, ...] = ()
    mineure: bool = False  # only case, accents or punctuation changed
    contenu: tuple[Contenu, ...] = ()  # for an ajout or suppression of a node
    cause: Cause | None = None  # for a renumerotation caused by a sibling's ajout/suppression
    fusion: tuple[str, ...] = ()  # old ids merged into this action (this one's first)
    fusionne_dans: str | None = None  # for a suppression: the new id it was merged into

    @property
    def id(self) -> str:
        cote = self.nouveau or self.ancien
        assert cote is not None
        return cote.id

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "types": list(self.types),
            "nature": self.nature,
            "ancien": self.ancien.to_dict() if self.ancien else None,
            "nouveau": self.nouveau.to_dict() if self.nouveau else None,
            "similarite": self.similarite,
            "segments": [s.to_dict() for s in self.segments],
            "groupe": self.groupe.to_dict() if self.groupe else None,
        }
        if self.mineure:
            d["mineure"] = True
        if self.contenu:
            d["contenu"] = [c.to_dict() for c in self.contenu]
        if self.cause:
            d["cause"] = self.cause.to_dict()
        if self.fusion:
            d["fusion"] = list(self.fusion)
        if self.fusionne_dans:
            d["fusionne_dans"] = self.fusionne_dans
        return d


@dataclass(frozen=True, slots=True)
class Entete:
    titre: str
    version: str | None
    fichier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"titre": self.titre, "version": self.version}
        if self.fichier:
            d["fichier"] = self.fichier
        return d


@dataclass
class RapportDiff:
    ancien: Entete
    nouveau: Entete
    changements: list[Changement] = field(default_factory=list)
    seuil: float = 0.75

    @property
    def identiques(self) -> bool:
        return not self.changements

    def resume(self) -> dict[str, int]:
        """How many records carry each type (a record may count under several)."""
        compte = dict.fromkeys(TYPES, 0)
        for c in self.changements:
            for t in c.types:
                compte[t] += 1
        return compte

    def to_dict(self) -> dict[str, Any]:
        return {
            "ancien": self.ancien.to_dict(),
            "nouveau": self.nouveau.to_dict(),
            "resume": self.resume(),
            "changements": [c.to_dict() for c in self.changements],
        }
