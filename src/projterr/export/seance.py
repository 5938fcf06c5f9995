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
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from projterr.errors import SchemaInvalide

Effectif = Annotated[int, Field(ge=0)]


class Acte(BaseModel):
    """An act cited in the visas: its number and date."""

    model_config = ConfigDict(extra="forbid")
    numero: str | None = None
    date: dt.date | None = None


class Seance(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    # SCDL « Délibérations » columns, by their names in the standard
    coll_nom: str | None = Field(default=None, alias="COLL_NOM")
    coll_siret: str | None = Field(default=None, alias="COLL_SIRET", pattern=r"^\d{14}$")
    delib_id: str | None = Field(default=None, alias="DELIB_ID")
    delib_date: dt.date | None = Field(default=None, alias="DELIB_DATE")
    delib_matiere_code: str | None = Field(
        default=None, alias="DELIB_MATIERE_CODE", pattern=r"^\d\.\d{1,2}$"
    )
    delib_matiere_nom: str | None = Field(default=None, alias="DELIB_MATIERE_NOM")
    delib_objet: str | None = Field(default=None, alias="DELIB_OBJET")
    budget_annee: str | None = Field(default=None, alias="BUDGET_ANNEE")
    budget_nom: str | None = Field(default=None, alias="BUDGET_NOM")
    pref_id: str | None = Field(default=None, alias="PREF_ID")
    pref_date: dt.date | None = Field(default=None, alias="PREF_DATE")
    vote_effectif: Effectif | None = Field(default=None, alias="VOTE_EFFECTIF")
    vote_reel: Effectif | None = Field(default=None, alias="VOTE_REEL")
    vote_pour: Effectif | None = Field(default=None, alias="VOTE_POUR")
    vote_contre: Effectif | None = Field(default=None, alias="VOTE_CONTRE")
    vote_abstention: Effectif | None = Field(default=None, alias="VOTE_ABSTENTION")
    delib_url: str | None = Field(default=None, alias="DELIB_URL")

    # what the standard has no column for
    instance: str | None = None  # « Conseil syndical » when absent: a PETR's deliberating body
    lieu: str | None = None
    heure: str | None = None
    date_convocation: dt.date | None = None
    presents: Effectif | None = None
    representes: Effectif | None = None
    president: str | None = None
    secretaire: str | None = None
    arrete_creation: Acte | None = None
    statuts: Acte | None = None
    avis_conference_maires: dt.date | None = None
    avis_conseil_developpement: dt.date | None = None
    tribunal_administratif: str | None = None

    @field_validator(
        "delib_id", "delib_matiere_code", "budget_annee", "pref_id", "heure", mode="before"
    )
    @classmethod
    def _nombre_en_texte(cls, valeur: object) -> object:
        """``DELIB_MATIERE_CODE: 8.4`` or ``BUDGET_ANNEE: 2025`` written without quotes."""
        if isinstance(valeur, int | float) and not isinstance(valeur, bool):
            return str(valeur)
        return valeur


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
