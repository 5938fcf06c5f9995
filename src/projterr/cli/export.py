"""`projterr export`: the projet as a Word document."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from projterr.cli.common import charger, commande


@commande
def export(
    fichier: Annotated[
        Path, typer.Argument(help="Document projterr (.yaml) ou source à importer.")
    ],
    sortie: Annotated[
        Path,
        typer.Option("-o", "--sortie", help="Document Word à écrire (.docx)."),
    ],
    modele: Annotated[
        Path | None,
        typer.Option(
            "--modele",
            help="Document Word de référence (charte) : ses styles, marges, en-tête et pied de "
            "page sont repris, son contenu est remplacé. Par défaut : le modèle sobre de "
            "projterr.",
        ),
    ] = None,
    sigles: Annotated[
        Path | None,
        typer.Option(
            "--sigles", help="Fichier de sigles à ajouter au référentiel livré (glossaire)."
        ),
    ] = None,
) -> int:
    """Exporter le projet en document Word : page de titre, sommaire, arbre de la stratégie,
    fiches actions et glossaire des sigles.
    """
    from projterr.errors import ProjterrError
    from projterr.export import document_projet, enregistrer
    from projterr.referentiels import charger_sigles

    if str(sortie) == "-":
        raise ProjterrError("un document Word ne s'écrit pas sur la sortie standard ; donnez -o")
    for entree in (fichier, modele):
        if entree is not None and sortie.exists() and sortie.resolve() == entree.resolve():
            raise ProjterrError(
                "la sortie écraserait un fichier d'entrée ; choisissez un autre nom avec -o",
                str(sortie),
            )
    if sortie.suffix.lower() != ".docx":
        raise ProjterrError("le fichier de sortie doit finir par .docx", str(sortie))
    projet = charger(fichier)
    document = document_projet(projet, modele=modele, sigles=charger_sigles(sigles))
    enregistrer(document, sortie)
    return 0
