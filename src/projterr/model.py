"""The common schema of a territorial strategy document (``schema: projterr/1``).

Nothing else in projterr defines the shape of a document. Keys are French, the users'
vocabulary; ``projterr schema`` prints the JSON Schema generated from these classes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION: Literal["projterr/1"] = "projterr/1"

TypeDocument = Literal[
    "projet_de_territoire",
    "convention_ort",
    "pvd",
    "crte",
    "cls",
    "pcaet",
    "strategie",
    "appel_a_projets",
    "autre",
]

# Node types seen in French territorial strategies. The schema accepts any snake_case
# word (documents name their levels freely); these are the ones projterr knows by name.
TYPES_NOEUD_CONNUS = (
    "section",
    "pilier",
    "axe",
    "defi",
    "orientation",
    "finalite",
    "thematique",
    "objectif_strategique",
    "objectif_operationnel",
    "territoire_laureat",
)

_TYPE_NOEUD_PATTERN = r"^[a-z][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Territoire(_Strict):
    """The territory that owns the strategy."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"description": "Le territoire qui porte la stratégie."}
    )

    nom: str = Field(description="Nom du territoire, ex. « PETR Cœur de Lorraine ».")
    type: str | None = Field(
        default=None, description="PETR, communauté de communes, commune, pays…"
    )
    departement: str | None = Field(
        default=None, description="Numéro du ou des départements, ex. « 55 »."
    )


class Periode(_Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"description": "Période couverte par le document (années)."},
    )
    debut: int | None = Field(default=None, description="Année de début.")
    fin: int | None = Field(default=None, description="Année de fin.")


class Source(_Strict):
    """Where the document was imported from."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"description": "Le fichier d'où le document a été importé."},
    )

    fichier: str | None = Field(default=None, description="Nom du fichier source.")
    empreinte: str | None = Field(
        default=None, description="Empreinte du fichier source, ex. « sha256:… »."
    )
    profil: str | None = Field(default=None, description="Profil d'import utilisé.")
    encodage: str | None = Field(default=None, description="Encodage détecté du fichier source.")
    url: str | None = Field(default=None, description="Adresse de la page d'origine.")


class Document(_Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "description": "Métadonnées du document : titre, nature, version, statut."
        },
    )
    titre: str = Field(description="Titre du document.")
    type: TypeDocument = Field(default="autre", description="Nature du document.")
    version: str | None = Field(default=None, description="Version ou millésime, ex. « 2025 ».")
    date: dt.date | None = Field(default=None, description="Date d'adoption ou de publication.")
    statut: Literal["projet", "adopte"] | None = Field(
        default=None, description="« projet » tant que non délibéré, puis « adopte »."
    )
    periode: Periode | None = None
    source: Source | None = None
    note: str | None = Field(default=None, description="Remarque libre sur le document.")


class Action(_Strict):
    """A fiche action: the leaves of the strategy."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"description": "Une fiche action : les feuilles de la stratégie."},
    )

    id: str = Field(
        description="Identifiant stable : survit à la renumérotation et à la reformulation."
    )
    numero: str | None = Field(default=None, description="Numéro tel qu'imprimé dans la source.")
    texte: str = Field(description="Intitulé de l'action.")
    sous_points: list[str] = Field(
        default_factory=list, description="Précisions rattachées à l'action (lignes « → … »)."
    )
    partenaires: list[str] = Field(default_factory=list, description="Partenaires cités.")
    porteurs: list[str] = Field(
        default_factory=list, description="Pilotes ou porteurs de l'action."
    )
    dispositifs: list[str] = Field(
        default_factory=list, description="Programmes ou dispositifs cités : PAT, PCAET, LEADER…"
    )
    thematiques: list[str] = Field(
        default_factory=list,
        description="Étiquettes d'un référentiel, ex. « pvd:mobilite », « odd:7 ».",
    )
    echeance: str | None = Field(default=None, description="Échéance, ex. « 2027 ».")
    statut: str | None = Field(
        default=None,
        description="À venir, en cours, réalisé, abandonné… (liste de Territoires en Transitions).",
    )

    _ligne: int | None = PrivateAttr(default=None)


class Noeud(_Strict):
    """A level of the strategy tree: pilier, axe, objectif stratégique, objectif opérationnel…"""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "description": "Un niveau de la stratégie : pilier, axe, objectif stratégique, "
            "objectif opérationnel…"
        },
    )

    id: str = Field(
        description="Identifiant stable : survit à la renumérotation et à la reformulation."
    )
    type: str = Field(
        pattern=_TYPE_NOEUD_PATTERN,
        description="Niveau : pilier, axe, defi, orientation, objectif_strategique, "
        "objectif_operationnel, thematique, section…",
    )
    numero: str | None = Field(
        default=None, description="Numéro tel qu'imprimé dans la source, même s'il est faux."
    )
    titre: str = Field(description="Intitulé du niveau.")
    description: list[str] = Field(
        default_factory=list, description="Paragraphes de présentation sous le titre."
    )
    enfants: list[Noeud] = Field(default_factory=list, description="Niveaux inférieurs.")
    actions: list[Action] = Field(default_factory=list, description="Actions rattachées.")

    _ligne: int | None = PrivateAttr(default=None)

    def walk(self, parents: tuple[Noeud, ...] = ()) -> Iterator[tuple[tuple[Noeud, ...], Noeud]]:
        """Yield (ancestors, node) for this node and every descendant, depth first."""
        yield parents, self
        for enfant in self.enfants:
            yield from enfant.walk((*parents, self))


class NonClasse(_Strict):
    """A source line that the import could not place in the tree: kept, never dropped."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "description": "Une ligne de la source que l'import n'a pas pu placer dans "
            "l'arbre : gardée, jamais jetée."
        },
    )

    ligne: int = Field(description="Numéro de ligne dans le fichier source.")
    texte: str
    raison: str | None = Field(default=None, description="Pourquoi la ligne n'a pas été classée.")


class Projet(_Strict):
    """One revision of a territorial strategy document."""

    schema_: Literal["projterr/1"] = Field(
        default=SCHEMA_VERSION, alias="schema", description="Version du schéma projterr."
    )
    territoire: Territoire
    document: Document
    niveaux: list[str] = Field(
        default_factory=list,
        description="Ce que le document appelle ses niveaux, du plus haut au plus bas.",
    )
    preambule: list[str] = Field(
        default_factory=list, description="Paragraphes d'introduction, avant le premier niveau."
    )
    contexte: list[str] = Field(
        default_factory=list,
        description="Paragraphes de contexte (historique, démarches antérieures) hors stratégie.",
    )
    contenu: list[Noeud] = Field(default_factory=list, description="L'arbre de la stratégie.")
    non_classe: list[NonClasse] = Field(
        default_factory=list, description="Lignes de la source que l'import n'a pas classées."
    )

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        json_schema_extra={"description": "Une version d'un document de stratégie territoriale."},
    )

    def noeuds(self) -> Iterator[tuple[tuple[Noeud, ...], Noeud]]:
        """Every node with its ancestors, in document order."""
        for racine in self.contenu:
            yield from racine.walk()

    def actions(self) -> Iterator[tuple[tuple[Noeud, ...], Action]]:
        """Every action with the chain of nodes above it, in document order."""
        for parents, noeud in self.noeuds():
            for action in noeud.actions:
                yield (*parents, noeud), action


def json_schema() -> dict[str, object]:
    """The JSON Schema of a projterr YAML file (draft 2020-12)."""
    schema = Projet.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "urn:projterr:schema:projterr-1"
    schema["title"] = "Document projterr (schema projterr/1)"
    return schema
