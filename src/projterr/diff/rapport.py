"""The diff report as data: change records that every renderer reads.

``RapportDiff.to_dict()`` is the JSON contract of ``projterr diff --format json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Order of the types inside a record, and of the counts in the summary.
TYPES = ("ajout", "suppression", "deplacement", "modification", "renumerotation")

# Why a change is minor (left out of the summary and of the lists people read):
TYPOGRAPHIE = "typographie"  # ' vs ’, « » vs "", spaces, the punctuation of a number
PROVENANCE = "provenance"  # the source file, lines the import could not place
NUMEROTATION = "numerotation"  # a number that only follows its parent's new number


@dataclass(frozen=True, slots=True)
class Segment:
    op: str  # "egal" | "suppression" | "ajout"
    texte: str

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "texte": self.texte}


@dataclass(frozen=True, slots=True)
class Paragraphe:
    """One paragraph of a text field: kept, reworded, added (``ancien`` None) or deleted."""

    ancien: str | None
    nouveau: str | None
    segments: tuple[Segment, ...] = ()
    mineure: bool = False

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "ancien": self.ancien,
            "nouveau": self.nouveau,
            "segments": [s.to_dict() for s in self.segments],
        }
        if self.mineure:
            d["mineure"] = True
        return d


@dataclass(frozen=True, slots=True)
class Champ:
    """One field that differs between the two sides of a record.

    ``ancien`` and ``nouveau`` are the field's whole values as JSON data (so a reader can
    apply the record); text fields add word ``segments``, paragraph lists add
    ``paragraphes`` (each paragraph's own segments), name lists add ``ajoutes``/``retires``.
    """

    champ: str
    ancien: Any
    nouveau: Any
    segments: tuple[Segment, ...] = ()
    paragraphes: tuple[Paragraphe, ...] = ()
    ajoutes: tuple[Any, ...] = ()
    retires: tuple[Any, ...] = ()
    mineure: str | None = None  # why the change does not count: TYPOGRAPHIE, PROVENANCE…

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"champ": self.champ, "ancien": self.ancien, "nouveau": self.nouveau}
        if self.segments:
            d["segments"] = [s.to_dict() for s in self.segments]
        if self.paragraphes:
            d["paragraphes"] = [p.to_dict() for p in self.paragraphes]
        if self.ajoutes:
            d["ajoutes"] = list(self.ajoutes)
        if self.retires:
            d["retires"] = list(self.retires)
        if self.mineure:
            d["mineure"] = True
            d["raison"] = self.mineure
        return d


@dataclass(frozen=True, slots=True)
class Cote:
    """One side (old or new) of a change record, with what a renderer needs to place it."""

    id: str
    numero: str | None  # normalised: ``n°2.1.3.`` → ``2.1.3``
    texte: str  # an action's text or a node's title
    parent: str | None  # parent's number, or its title when it has none; None at top level
    chemin: tuple[str, ...] = ()  # the same reference for every ancestor, top first
    sous_points: tuple[str, ...] = ()
    parent_id: str | None = None
    parent_numero: str | None = None  # the parent's number qualified by its own parents'
    parent_titre: str | None = None
    position: int = 0  # rank among its parent's children of the same kind (nodes, actions)
    valeurs: dict[str, Any] | None = None  # every field, for an added or deleted element

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "numero": self.numero,
            "texte": self.texte,
            "parent": self.parent,
            "chemin": list(self.chemin),
            "parent_id": self.parent_id,
            "parent_numero": self.parent_numero,
            "parent_titre": self.parent_titre,
            "position": self.position,
        }
        if self.sous_points:
            d["sous_points"] = list(self.sous_points)
        if self.valeurs is not None:
            d["valeurs"] = self.valeurs
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
class ElementInclus:
    """An element added or deleted together with the node that holds it."""

    nature: str
    id: str
    numero: str | None
    texte: str
    profondeur: int  # 1 = directly under the record's node
    parent_id: str | None = None
    position: int = 0
    valeurs: dict[str, Any] | None = None  # every field of the element

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "nature": self.nature,
            "id": self.id,
            "numero": self.numero,
            "texte": self.texte,
            "profondeur": self.profondeur,
            "parent_id": self.parent_id,
            "position": self.position,
        }
        if self.valeurs is not None:
            d["valeurs"] = self.valeurs
        return d


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
    segments: tuple[Segment, ...] = ()  # word diff of the text and its sous-points together
    champs: tuple[Champ, ...] = ()  # every field that differs, numero included
    mineure: str | None = None  # the record holds only minor changes: why (TYPOGRAPHIE…)
    contenu: tuple[ElementInclus, ...] = ()  # for an ajout or suppression of a node
    cause: Cause | None = None  # for a renumerotation caused by a sibling's ajout/suppression
    fusion: tuple[str, ...] = ()  # old ids merged into this action (this one's first)
    fusionne_dans: str | None = None  # for a suppression: the new id it was merged into

    @property
    def id(self) -> str:
        cote = self.nouveau or self.ancien
        assert cote is not None
        return cote.id

    def champ(self, nom: str) -> Champ | None:
        return next((c for c in self.champs if c.champ == nom), None)

    def champs_visibles(self) -> list[Champ]:
        """The fields people read about: not minor, and not the number (a renumbering says it)."""
        return [c for c in self.champs if not c.mineure and c.champ != "numero"]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "types": list(self.types),
            "nature": self.nature,
            "ancien": self.ancien.to_dict() if self.ancien else None,
            "nouveau": self.nouveau.to_dict() if self.nouveau else None,
            "similarite": self.similarite,
            "segments": [s.to_dict() for s in self.segments],
            "champs": [c.to_dict() for c in self.champs],
            "groupe": self.groupe.to_dict() if self.groupe else None,
        }
        if self.mineure:
            d["mineure"] = True
            d["raison"] = self.mineure
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
    territoire: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"titre": self.titre, "version": self.version}
        if self.territoire:
            d["territoire"] = self.territoire
        if self.fichier:
            d["fichier"] = self.fichier
        return d


@dataclass(frozen=True, slots=True)
class Correspondance:
    """What one element of the new document was in the old one (``ancien`` None: added), or
    an old element that is gone (``nouveau`` None). Parent and position are the new ones."""

    nature: str
    ancien: str | None
    nouveau: str | None
    parent: str | None = None
    position: int = 0

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"nature": self.nature, "ancien": self.ancien, "nouveau": self.nouveau}
        if self.nouveau is not None:
            d["parent"] = self.parent
            d["position"] = self.position
        return d


@dataclass(frozen=True, slots=True)
class Reordonnancement:
    """Siblings that stayed under the same parent in another order: one line, not moves."""

    parent_id: str | None  # None: the top level
    parent_numero: str | None
    parent_titre: str | None
    nature: str  # of the siblings: "action" or a node type
    ancien_ordre: tuple[str, ...]  # new ids, in the old order
    nouvel_ordre: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "parent_id": self.parent_id,
            "parent_numero": self.parent_numero,
            "parent_titre": self.parent_titre,
            "nature": self.nature,
            "ancien_ordre": list(self.ancien_ordre),
            "nouvel_ordre": list(self.nouvel_ordre),
        }


@dataclass
class RapportDiff:
    ancien: Entete
    nouveau: Entete
    changements: list[Changement] = field(default_factory=list)
    seuil: float = 0.75
    correspondances: list[Correspondance] = field(default_factory=list)
    reordonnancements: list[Reordonnancement] = field(default_factory=list)
    # The two documents compared: the Word redline writes them, not only the records.
    documents: tuple[Any, Any] | None = field(default=None, repr=False, compare=False)

    @property
    def identiques(self) -> bool:
        """Nothing a person would call a change (typography and provenance aside)."""
        return not self.significatifs() and not self.reordonnancements

    def significatifs(self) -> list[Changement]:
        return [c for c in self.changements if not c.mineure]

    def mineurs(self, raison: str | None = None) -> list[Changement]:
        return [
            c for c in self.changements if c.mineure and (raison is None or c.mineure == raison)
        ]

    def resume(self) -> dict[str, int]:
        """How many records carry each type (a record may count under several); minor records
        (typography, provenance) are left out."""
        compte = dict.fromkeys(TYPES, 0)
        for c in self.significatifs():
            for t in c.types:
                compte[t] += 1
        return compte

    def par_nature(self) -> dict[str, dict[str, int]]:
        """Counts by nature then type; what an added or deleted node holds counts too (the
        actions of a new objective are actions added)."""
        compte: dict[str, dict[str, int]] = {}

        def ajouter(nature: str, type_: str) -> None:
            compte.setdefault(nature, dict.fromkeys(TYPES, 0))[type_] += 1

        for c in self.significatifs():
            for t in c.types:
                ajouter(c.nature, t)
            if c.types in {("ajout",), ("suppression",)}:
                for contenu in c.contenu:
                    ajouter(contenu.nature, c.types[0])
        return {n: {t: v for t, v in types.items() if v} for n, types in compte.items()}

    def to_dict(self) -> dict[str, Any]:
        resume: dict[str, Any] = dict(self.resume())
        resume["par_nature"] = self.par_nature()
        resume["reordonnancements"] = len(self.reordonnancements)
        resume["mineures"] = len(self.mineurs(TYPOGRAPHIE))
        return {
            "ancien": self.ancien.to_dict(),
            "nouveau": self.nouveau.to_dict(),
            "resume": resume,
            "changements": [c.to_dict() for c in self.changements],
            "reordonnancements": [r.to_dict() for r in self.reordonnancements],
            "correspondances": [c.to_dict() for c in self.correspondances],
        }
