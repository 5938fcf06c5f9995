"""The five seed documents, as copied into the repository (examples/sources/): every test
reads them from there, so a plain clone runs every test."""

from __future__ import annotations

from pathlib import Path

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
