"""The séance file (``--seance seance.yaml``): what a délibération says about its meeting.

Keys that the open-data standard SCDL « Délibérations » (schema.data.gouv.fr, v2.1) defines keep
its names (``COLL_NOM``, ``DELIB_DATE``, ``VOTE_POUR``…), so that ``--scdl`` writes them as they
are; what the standard has no column for (place, convocation, président, visas) has French keys.
Every key is optional: the délibération leaves a blank « ……… » where a value is missing, and
never invents one.

    DELIB_ID: 2025-014
    DELIB_DATE: 2025-06-30
    DELIB_MATIERE_CODE: "8.4"
    DELIB_MATIERE_NOM: Domaines de compétences par thèmes/Aménagement du territoire
    VOTE_EFFECTIF: 42        # membres en exercice
    VOTE_REEL: 35            # votants (présents et représentés)
    VOTE_POUR: 33
    VOTE_CONTRE: 0
    VOTE_ABSTENTION: 2
    lieu: Saint-Mihiel, salle des fêtes
    heure: 18 h 30
    date_convocation: 2025-06-20
    presents: 31
    representes: 4
    president: Jean Dupont
    secretaire: Marie Durand
    arrete_creation: {numero: 2014-1234, date: 2014-12-22}
    statuts: {date: 2021-03-15}
    avis_conference_maires: 2025-05-12
    avis_conseil_developpement: 2025-05-20
    tribunal_administratif: Nancy
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from projterr.errors import SchemaInvalide

Effectif = Annotated[int, Field(ge=0)]


class Acte(BaseModel):
    """An act cited in the visas: its number and date."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"description": "Un acte cité en visa : son numéro et sa date."},
    )
    numero: str | None = Field(default=None, description="Numéro de l'acte, ex. « 2014-1234 ».")
    date: dt.date | None = Field(default=None, description="Date de l'acte (AAAA-MM-JJ).")

    @field_validator("numero", mode="before")
    @classmethod
    def _numero_en_texte(cls, valeur: object) -> object:
        if isinstance(valeur, int) and not isinstance(valeur, bool):
            return str(valeur)
        return valeur


class Pouvoir(BaseModel):
    """A proxy: the member who gave it, and the one who votes for them."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"description": "Un pouvoir : qui le donne, et à qui."},
    )
    de: str = Field(description="Membre absent qui donne pouvoir.")
    a: str = Field(description="Membre présent qui le reçoit et vote pour lui.")


def _d(description: str, alias: str | None = None, **autres: object) -> Any:
    """An optional field of the séance file, described for ``projterr schema --seance``."""
    return Field(default=None, alias=alias, description=description, **autres)  # type: ignore[call-overload]


class Seance(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        json_schema_extra={
            "title": "Séance",
            "description": "Ce qu'une délibération dit de sa séance (--seance) ; toute clé est "
            "facultative : une valeur absente laisse un blanc « ……… » à compléter. Les clés en "
            "capitales sont les colonnes du standard SCDL « Délibérations ».",
        },
    )

    # SCDL « Délibérations » columns, by their names in the standard
    coll_nom: str | None = _d(
        "Nom de la collectivité (par défaut, le nom du territoire du projet).", "COLL_NOM"
    )
    coll_siret: str | None = _d(
        "SIRET de la collectivité, 14 chiffres (par défaut, territoire.siret du projet).",
        "COLL_SIRET",
        pattern=r"^\d{14}$",
    )
    delib_id: str | None = _d("Numéro de la délibération, ex. « 2025-014 ».", "DELIB_ID")
    delib_date: dt.date | None = _d("Date de la séance et de la délibération.", "DELIB_DATE")
    delib_matiere_code: str | None = _d(
        "Code de matière de la nomenclature ACTES, ex. « 8.4 ».",
        "DELIB_MATIERE_CODE",
        pattern=r"^\d\.\d{1,2}$",
    )
    delib_matiere_nom: str | None = _d(
        "Libellé de la matière ACTES, ex. « Aménagement du territoire ».", "DELIB_MATIERE_NOM"
    )
    delib_objet: str | None = _d(
        "Objet de la délibération (par défaut, rédigé d'après le document).", "DELIB_OBJET"
    )
    budget_annee: str | None = _d("Année budgétaire (délibérations budgétaires).", "BUDGET_ANNEE")
    budget_nom: str | None = _d("Nom du budget (délibérations budgétaires).", "BUDGET_NOM")
    pref_id: str | None = _d("Identifiant de l'acte transmis en préfecture (ACTES).", "PREF_ID")
    pref_date: dt.date | None = _d(
        "Date de transmission en préfecture : « Certifié exécutoire, transmis le … ».",
        "PREF_DATE",
    )
    vote_effectif: Effectif | None = _d("Nombre de membres en exercice.", "VOTE_EFFECTIF")
    vote_reel: Effectif | None = _d(
        "Nombre de votants : présents et représentés qui ont pris part au vote.", "VOTE_REEL"
    )
    vote_pour: Effectif | None = _d("Voix pour.", "VOTE_POUR")
    vote_contre: Effectif | None = _d("Voix contre.", "VOTE_CONTRE")
    vote_abstention: Effectif | None = _d("Abstentions.", "VOTE_ABSTENTION")
    delib_url: str | None = _d("Adresse où la délibération est publiée.", "DELIB_URL")

    # what the standard has no column for
    instance: str | None = _d("Instance qui délibère (par défaut « Conseil syndical »).")
    lieu: str | None = _d("Lieu de la séance, ex. « Saint-Mihiel, salle des fêtes ».")
    heure: str | None = _d("Heure de la séance, ex. « 18 h 30 ».")
    date_convocation: dt.date | None = _d("Date de la convocation.")
    presents: Effectif | None = _d("Nombre de membres présents.")
    representes: Effectif | None = _d("Nombre de membres représentés (pouvoirs).")
    noms_presents: list[str] | None = _d("Noms des membres présents, dans l'ordre du registre.")
    excuses: list[str] | None = _d("Noms des membres excusés.")
    absents: list[str] | None = _d("Noms des membres absents.")
    pouvoirs: list[Pouvoir] | None = _d("Pouvoirs donnés : [{de: Jean Martin, a: Anne Petit}, …].")
    president: str | None = _d("Qui préside la séance.")
    secretaire: str | None = _d("Secrétaire de séance.")
    arrete_creation: Acte | None = _d(
        "Arrêté préfectoral portant création du PETR : {numero: …, date: …}."
    )
    statuts: Acte | None = _d("Statuts en vigueur : {date: date de leur dernière modification}.")
    deliberation_precedente: Acte | None = _d(
        "Délibération qui a approuvé la version précédente (visée avec --ancien ; par défaut, "
        "document.adoption de l'ancien document) : {numero: …, date: …}."
    )
    avis_conference_maires: dt.date | None = _d("Date de l'avis de la conférence des maires.")
    avis_conseil_developpement: dt.date | None = _d(
        "Date de l'avis du conseil de développement territorial."
    )
    tribunal_administratif: str | None = _d(
        "Ville du tribunal administratif compétent pour les recours, ex. « Nancy »."
    )
    date_publication: dt.date | None = _d(
        "Date de publication : « Certifié exécutoire, … publié le … »."
    )

    def quorum_atteint(self) -> bool | None:
        """Whether more than half the members in office are present; None when the figures
        are missing or contradict each other (more present than in office)."""
        presents, effectif = self.presents, self.vote_effectif
        if presents is None or effectif is None or presents > effectif:
            return None
        return 2 * presents > effectif

    @field_validator(
        "delib_id", "delib_matiere_code", "budget_annee", "pref_id", "heure", mode="before"
    )
    @classmethod
    def _nombre_en_texte(cls, valeur: object) -> object:
        """``DELIB_MATIERE_CODE: 8.4`` or ``BUDGET_ANNEE: 2025`` written without quotes."""
        if isinstance(valeur, int | float) and not isinstance(valeur, bool):
            return str(valeur)
        return valeur


def incoherences(seance: Seance) -> list[str]:
    """What the séance's figures contradict (in French), so that a secretary checks them
    before the délibération leaves the office: quorum, votants, votes, lists and counts."""
    remarques: list[str] = []
    effectif, presents, representes = seance.vote_effectif, seance.presents, seance.representes
    if effectif is not None and presents is not None:
        if presents > effectif:
            remarques.append(f"{presents} présents pour {effectif} membres en exercice")
        elif seance.quorum_atteint() is False:
            remarques.append(
                f"quorum non atteint : {presents} présents sur {effectif} membres en exercice "
                "(il faut plus de la moitié, sauf seconde convocation) ; la délibération "
                "laisse le quorum en blanc"
            )
    votants = seance.vote_reel
    if (
        votants is not None
        and presents is not None
        and representes is not None
        and votants > presents + representes
    ):
        remarques.append(f"{votants} votants pour {presents} présents et {representes} représentés")
    voix = (seance.vote_pour, seance.vote_contre, seance.vote_abstention)
    if votants is not None and None not in voix:
        total = sum(v for v in voix if v is not None)
        if total != votants:
            remarques.append(
                f"pour, contre et abstentions font {total} voix pour {votants} votants"
            )
    pour, contre = seance.vote_pour, seance.vote_contre
    if pour is not None and contre is not None and pour <= contre:
        remarques.append(
            f"le vote ({pour} pour, {contre} contre) n'adopte pas la délibération, qui "
            "l'approuve pourtant"
        )
    for liste, nombre, nom in (
        (seance.noms_presents, presents, "présents"),
        (seance.pouvoirs, representes, "pouvoirs"),
    ):
        if liste is not None and nombre is not None and len(liste) != nombre:
            remarques.append(f"{len(liste)} noms de {nom} pour un nombre de {nombre}")
    return remarques


def charger_seance(chemin: Path) -> Seance:
    """Read and validate a séance file; errors are one French line with the line number."""
    from projterr.yamlio import charger_yaml, valider_modele

    doc = charger_yaml(chemin)
    if doc is None:
        return Seance()
    if not isinstance(doc, Mapping):
        raise SchemaInvalide(
            "un fichier de séance est un dictionnaire de clés (DELIB_DATE: …, VOTE_POUR: …)",
            str(chemin),
        )
    return valider_modele(Seance, doc, str(chemin))
