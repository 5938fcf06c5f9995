"""The common schema of a territorial strategy document (``schema: projterr/1``).

Nothing else in projterr defines the shape of a document. Keys are French, the users'
vocabulary; ``projterr schema`` prints the JSON Schema generated from these classes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

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

# Territoires en Transitions' lists, as the platform writes them (its Excel import matches them
# tolerantly: case, accents and trailing spaces do not matter; neither do they here).
STATUTS_ACTION = (
    "À venir",
    "En cours",
    "Réalisé",
    "En pause",
    "Abandonné",
    "Bloqué",
    "En retard",
    "À discuter",
)
PRIORITES = ("Élevé", "Moyen", "Bas")
PARTICIPATIONS = (
    "pas-de-participation",
    "information",
    "consultation",
    "concertation",
    "co-construction",
)


def _cle_liste(valeur: str) -> str:
    import unicodedata

    decompose = unicodedata.normalize("NFKD", valeur)
    sans = "".join(c for c in decompose if not unicodedata.combining(c))
    return " ".join(sans.replace("-", " ").replace("_", " ").casefold().split())


def _tolerant(valeurs: tuple[str, ...], synonymes: dict[str, str] | None = None) -> Any:
    """A validator that maps « en cours », « EN COURS » or « En cours  » to « En cours »."""
    table = {_cle_liste(v): v for v in valeurs}
    table.update({_cle_liste(k): v for k, v in (synonymes or {}).items()})
    exactes = frozenset(valeurs)

    def valider(valeur: Any) -> Any:
        if isinstance(valeur, str) and valeur in exactes:
            return valeur  # the common case: projterr writes the list's own values
        if isinstance(valeur, str):
            return table.get(_cle_liste(valeur), valeur)
        return valeur

    return BeforeValidator(valider)


StatutAction = Annotated[
    Literal[STATUTS_ACTION],  # type: ignore[valid-type]
    _tolerant(STATUTS_ACTION, {"A discuter": "À discuter", "termine": "Réalisé"}),
]
Priorite = Annotated[
    Literal[PRIORITES],  # type: ignore[valid-type]
    _tolerant(PRIORITES, {"elevee": "Élevé", "moyenne": "Moyen", "basse": "Bas", "haute": "Élevé"}),
]
Participation = Annotated[
    Literal[PARTICIPATIONS],  # type: ignore[valid-type]
    _tolerant(
        PARTICIPATIONS, {"aucune": "pas-de-participation", "coconstruction": "co-construction"}
    ),
]
Montant = Annotated[
    int | float,
    Field(ge=0, description="Montant en euros hors taxes."),
]


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
    siren: str | None = Field(
        default=None, pattern=r"^\d{9}$", description="Numéro SIREN (9 chiffres)."
    )
    siret: str | None = Field(
        default=None,
        pattern=r"^\d{14}$",
        description="Numéro SIRET du siège (14 chiffres), cité par les données ouvertes "
        "des délibérations (COLL_SIRET).",
    )
    code_insee: str | None = Field(
        default=None,
        pattern=r"^(\d{2}|2[AB])\d{3}$",
        description="Code officiel géographique INSEE de la commune (5 caractères), pour une "
        "commune « Petites villes de demain ».",
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
    avertissements: list[str] = Field(
        default_factory=list,
        description="Pourquoi l'arbre importé est incertain (« structure incertaine ») : "
        "show et check le rappellent tant qu'une personne n'a pas relu et retiré ces lignes.",
    )


class Adoption(_Strict):
    """What a délibération cites: who adopted the document, when, under which number."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "description": "L'adoption du document : instance, date et numéro de la délibération."
        },
    )
    instance: str | None = Field(
        default=None, description="Instance qui a délibéré, ex. « Conseil syndical »."
    )
    date: dt.date | None = Field(default=None, description="Date de la délibération.")
    deliberation: str | None = Field(
        default=None, description="Numéro de la délibération, ex. « 2025-014 »."
    )


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
    adoption: Adoption | None = None
    source: Source | None = None
    note: str | None = Field(default=None, description="Remarque libre sur le document.")


class Financement(_Strict):
    """One funder of an action and its amount (Territoires en Transitions: Financeur N)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"description": "Un financeur de l'action et son montant."},
    )
    financeur: str = Field(description="Nom du financeur, ex. « Région Grand Est ».")
    montant: Montant | None = None


def _liste(description: str) -> Any:
    return Field(default_factory=list, description=description)


class Action(_Strict):
    """A fiche action: the leaves of the strategy.

    Beyond ``texte``, every field is optional. They follow the columns of Territoires en
    Transitions' Excel import one to one (``description`` ↔ Descriptif, ``gouvernance`` ↔
    Instances de gouvernance, ``structures_pilotes`` ↔ Structure pilote…), plus the usual
    sections of a fiche that the platform has no column for (``cibles``,
    ``resultats_attendus``, ``echeance``).
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"description": "Une fiche action : les feuilles de la stratégie."},
    )

    id: str = Field(
        description="Identifiant stable : survit à la renumérotation et à la reformulation."
    )
    numero: str | None = Field(default=None, description="Numéro tel qu'imprimé dans la source.")
    texte: str = Field(description="Intitulé de l'action.")
    sous_points: list[str] = _liste("Précisions rattachées à l'action (lignes « → … »).")
    description: list[str] = _liste("Descriptif : paragraphes de présentation de l'action.")
    objectifs: list[str] = _liste("Objectifs de l'action.")
    resultats_attendus: list[str] = _liste("Effets ou résultats attendus.")
    cibles: list[str] = _liste("Publics ou bénéficiaires visés.")
    indicateurs: list[str] = _liste("Indicateurs de suivi ou d'évaluation.")
    gouvernance: list[str] = _liste("Instances de gouvernance (comité de pilotage…).")
    moyens: list[str] = _liste("Moyens humains et techniques.")
    porteurs: list[str] = _liste("Pilotes ou porteurs de l'action, quand la source ne précise pas.")
    structures_pilotes: list[str] = _liste("Structure pilote (maître d'ouvrage).")
    services_pilotes: list[str] = _liste("Direction ou service pilote.")
    personnes_pilotes: list[str] = _liste("Personne pilote (chef de projet).")
    elus_referents: list[str] = _liste("Élu·e référent·e.")
    partenaires: list[str] = _liste("Partenaires cités.")
    participation_citoyenne: Participation | None = Field(
        default=None,
        description="Participation citoyenne : pas-de-participation, information, consultation, "
        "concertation, co-construction.",
    )
    modalites_financement: list[str] = _liste(
        "Financements : texte libre (dispositifs sollicités, plan de financement)."
    )
    financements: list[Financement] = _liste("Financeurs et montants (€ HT).")
    budget: Montant | None = Field(
        default=None, description="Budget prévisionnel total, en euros hors taxes."
    )
    dispositifs: list[str] = _liste("Programmes ou dispositifs cités : PAT, PCAET, LEADER…")
    thematiques: list[str] = _liste("Étiquettes d'un référentiel, ex. « pvd:mobilite », « odd:7 ».")
    statut: StatutAction | None = Field(
        default=None,
        description="Statut (liste de Territoires en Transitions) : À venir, En cours, Réalisé, "
        "En pause, Abandonné, Bloqué, En retard, À discuter.",
    )
    priorite: Priorite | None = Field(
        default=None, description="Niveau de priorité : Élevé, Moyen, Bas."
    )
    date_debut: dt.date | None = Field(default=None, description="Date de début.")
    date_fin: dt.date | None = Field(default=None, description="Date de fin.")
    echeance: str | None = Field(
        default=None, description="Échéance telle qu'écrite, ex. « 2027 », « 2e semestre 2026 »."
    )
    sous_actions: list[Action] = _liste(
        "Sous-actions de la fiche (Territoires en Transitions : Titre de la sous-action)."
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

    ligne: int = Field(
        description="Numéro de ligne dans le fichier source, ou dans sa page pour un PDF et un "
        "dossier de fiches ; pour un document Word ou ODT, qui n'a pas de lignes, le numéro du "
        "paragraphe ou de la rangée du tableau (voir « position »)."
    )
    page: int | str | None = Field(
        default=None,
        description="La page du PDF, ou la fiche (nom du fichier) d'un dossier de fiches "
        "Markdown, où se trouve la ligne.",
    )
    position: str | None = Field(
        default=None,
        description="Où se trouve la ligne dans un document Word ou ODT, ou dans un classeur : "
        "« paragraphe 12 », « tableau 1, rangée 2, colonne 3 », « onglet « Plan », colonne F ».",
    )
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


# The fields of a fiche action other than its identity, in schema order: what the diff compares
# and what the Word export shows.
CHAMPS_ACTION: tuple[str, ...] = tuple(n for n in Action.model_fields if n not in {"id", "numero"})

Chemin = tuple[str | int, ...]


def ids_en_double(projet: Projet) -> list[tuple[Chemin, str]]:
    """Every element whose id was already used earlier in the document, with its path
    (``("contenu", 0, "actions", 3, "id")``): the diff relies on ids being unique."""
    vus: set[str] = set()
    doubles: list[tuple[Chemin, str]] = []

    def voir(chemin: Chemin, id_: str) -> None:
        if id_ in vus:
            doubles.append(((*chemin, "id"), id_))
        vus.add(id_)

    def actions(chemin: Chemin, liste: list[Action], cle: str) -> None:
        for k, action in enumerate(liste):
            voir((*chemin, cle, k), action.id)
            actions((*chemin, cle, k), action.sous_actions, "sous_actions")

    def noeuds(chemin: Chemin, liste: list[Noeud], cle: str) -> None:
        for k, noeud in enumerate(liste):
            ici = (*chemin, cle, k)
            voir(ici, noeud.id)
            noeuds(ici, noeud.enfants, "enfants")
            actions(ici, noeud.actions, "actions")

    noeuds((), projet.contenu, "contenu")
    return doubles


def json_schema() -> dict[str, object]:
    """The JSON Schema of a projterr YAML file (draft 2020-12)."""
    schema = Projet.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "urn:projterr:schema:projterr-1"
    schema["title"] = "Document projterr (schema projterr/1)"
    return schema


def sans_vides(donnees: Any, feuille: Callable[[Any], Any] | None = None) -> Any:
    """A model's plain data (``model_dump``) without its empty fields, None or [], at any
    depth: what the YAML file and the diff show. ``feuille`` is applied to every other value.
    """
    if isinstance(donnees, dict):
        return {k: sans_vides(v, feuille) for k, v in donnees.items() if v is not None and v != []}
    if isinstance(donnees, list):
        return [sans_vides(v, feuille) for v in donnees]
    return donnees if feuille is None else feuille(donnees)
