"""The five seed documents, as copied into the repository (examples/sources/): every test
reads them from there, so a plain clone runs every test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from projterr.importers.resultat import ResultatImport

SOURCES = Path(__file__).resolve().parents[1] / "examples" / "sources"
NOMS = (
    "atelier-des-territoires_laureats-2023.txt",
    "coeur-de-lorraine_revision-projet-de-territoire.txt",
    "coeur-de-lorraine_site-missions.txt",
    "isigny-omaha_petites-villes-de-demain.txt",
    "midi-quercy_defis-strategie-chantiers.txt",
)
GRAINES = tuple(SOURCES / nom for nom in NOMS)
COEUR = SOURCES / "coeur-de-lorraine_revision-projet-de-territoire.txt"


def _chaines(valeur: Any) -> list[str]:
    if isinstance(valeur, str):
        return [valeur]
    if isinstance(valeur, dict):
        return [s for v in valeur.values() for s in _chaines(v)]
    if isinstance(valeur, list):
        return [s for v in valeur for s in _chaines(v)]
    return [str(valeur)] if valeur is not None else []


def textes_du_resultat(resultat: ResultatImport) -> list[str]:
    """Every text an import kept: the projet (fields, non_classe) and the labels read, for
    the « every word of the source is in the result » checks of each format."""
    projet = resultat.projet.model_dump(mode="json", exclude={"document": {"source"}})
    return _chaines(projet) + [e.texte for e in resultat.etiquettes]
