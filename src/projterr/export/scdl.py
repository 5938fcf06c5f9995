"""The open-data row of a délibération, SCDL « Délibérations » (schema.data.gouv.fr, v2.1).

One CSV line with the standard's 17 columns in its order, UTF-8, comma-separated, dates as
YYYY-MM-DD. The seven required columns must be known (from the séance file, or the projet for
the collectivité and the objet): a missing one is an error naming it, never a guess (the
délibération itself is written all the same).
"""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING

from projterr.errors import ProjterrError

if TYPE_CHECKING:
    from projterr.export.seance import Seance
    from projterr.model import Projet

COLONNES = (
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
    "BUDGET_ANNEE",
    "BUDGET_NOM",
    "PREF_ID",
    "PREF_DATE",
    "VOTE_EFFECTIF",
    "VOTE_REEL",
    "VOTE_POUR",
    "VOTE_CONTRE",
    "VOTE_ABSTENTION",
    "DELIB_URL",
)
OBLIGATOIRES = COLONNES[:7]
_MOTIFS = {
    "COLL_SIRET": re.compile(r"^\d{14}$"),
    "DELIB_MATIERE_CODE": re.compile(r"^\d\.\d{1,2}$"),
    "DELIB_DATE": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "PREF_DATE": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
}


def ligne_scdl(seance: Seance, projet: Projet, objet: str) -> dict[str, str]:
    """The row, every column as text ("" when unknown); raises when a required one is missing."""
    valeurs: dict[str, str] = {}
    for colonne in COLONNES:
        valeur = getattr(seance, colonne.lower())
        valeurs[colonne] = "" if valeur is None else str(valeur)
    valeurs["COLL_NOM"] = valeurs["COLL_NOM"] or projet.territoire.nom
    valeurs["COLL_SIRET"] = valeurs["COLL_SIRET"] or (projet.territoire.siret or "")
    valeurs["DELIB_OBJET"] = valeurs["DELIB_OBJET"] or objet
    manquants = [c for c in OBLIGATOIRES if not valeurs[c].strip()]
    if manquants:
        pluriel = "s" if len(manquants) > 1 else ""
        raise ProjterrError(
            f"--scdl : valeur{pluriel} obligatoire{pluriel} manquante{pluriel} dans le fichier de "
            f"séance : {', '.join(manquants)} ; la ligne de données ouvertes n'est pas écrite"
            + (
                " (COLL_SIRET peut aussi venir de territoire.siret)"
                if "COLL_SIRET" in manquants
                else ""
            )
        )
    for colonne, motif in _MOTIFS.items():
        if valeurs[colonne] and not motif.match(valeurs[colonne]):
            raise ProjterrError(f"--scdl : {colonne} invalide « {valeurs[colonne]} »")
    return valeurs


def csv_scdl(ligne: dict[str, str]) -> str:
    tampon = io.StringIO()
    ecrivain = csv.DictWriter(tampon, fieldnames=COLONNES, lineterminator="\n")
    ecrivain.writeheader()
    ecrivain.writerow(ligne)
    return tampon.getvalue()
