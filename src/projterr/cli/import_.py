"""`projterr import`: read a source document into the projterr schema (YAML)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from projterr.cli.common import commande, ecrire_sortie


@commande
def importer(
    fichier: Annotated[Path, typer.Argument(help="Document source : .txt, .md (ou .yaml).")],
    sortie: Annotated[
        Path | None,
        typer.Option(
            "-o", "--sortie", help="Fichier YAML à écrire (par défaut : la sortie standard)."
        ),
    ] = None,
    profil: Annotated[
        str | None,
        typer.Option(
            "--profil",
            help="Profil de reconnaissance à utiliser (nom, voir « projterr profils », ou "
            "fichier .yaml). Par défaut : détecté automatiquement.",
        ),
    ] = None,
) -> int:
    """Importer un document (texte) dans le schéma projterr et l'écrire en YAML."""
    from projterr.importers import importer_fichier
    from projterr.render.resume_import import resume_import
    from projterr.yamlio import projet_vers_yaml

    resultat = importer_fichier(fichier, profil=profil)
    ecrire_sortie(projet_vers_yaml(resultat.projet), sortie, entrees=(fichier,))
    sys.stderr.write(resume_import(resultat, fichier, sortie))
    return 0
