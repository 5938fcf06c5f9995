"""What ``match`` compares: the actions of a document and, where a document states its
strategy as lists (axes, défis, thématiques…), the nodes that hold no action.

An element is identified across documents by ``(territoire, document, id)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from projterr.model import Projet

Genre = Literal["action", "niveau"]


@dataclass(frozen=True, slots=True)
class Element:
    territoire: str
    document: str
    id: str
    numero: str | None
    texte: str
    genre: Genre
    precisions: tuple[str, ...] = ()  # sous-points, description: what the action does
    type_niveau: str | None = None  # for a node: « axe », « thematique »…

    @property
    def cle(self) -> tuple[str, str, str]:
        return (self.territoire, self.document, self.id)

    @property
    def textes(self) -> tuple[str, ...]:
        return (self.texte, *self.precisions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "numero": self.numero,
            "texte": self.texte,
            "genre": self.genre,
            "type": self.type_niveau,
            "territoire": self.territoire,
            "document": self.document,
        }


def nom_document(projet: Projet) -> str:
    doc = projet.document
    return f"{doc.titre} ({doc.version})" if doc.version else doc.titre


def elements_a_comparer(projet: Projet, niveaux: bool = True) -> list[Element]:
    """Every action of ``projet``, then (``niveaux``) every node that holds no action of its
    own — the list items of a strategy written as axes or thématiques. A document without
    actions always gives its nodes."""
    territoire, document = projet.territoire.nom, nom_document(projet)
    sortie: list[Element] = []
    for _, action in projet.actions():
        sortie.append(
            Element(
                territoire,
                document,
                action.id,
                action.numero,
                action.texte,
                "action",
                (*action.sous_points, *action.objectifs),
            )
        )
    if niveaux or not sortie:
        for _, noeud in projet.noeuds():
            if not noeud.actions and noeud.titre.strip():
                sortie.append(
                    Element(
                        territoire,
                        document,
                        noeud.id,
                        noeud.numero,
                        noeud.titre,
                        "niveau",
                        type_niveau=noeud.type,
                    )
                )
    return sortie
