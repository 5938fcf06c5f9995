"""`projterr classify`: tag each action with the themes of a référentiel, and say why."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from projterr.cli.common import (
    OK,
    annoncer_ecriture,
    charger,
    commande,
    ecrire_sortie,
)
from projterr.render.classement import RENDUS

FormatClassify = StrEnum("FormatClassify", {f: f for f in RENDUS.formats()})  # type: ignore[misc]


@commande
def classify(
    fichier: Annotated[
        Path, typer.Argument(help="Document projterr (.yaml) ou source à importer.")
    ],
    referentiel: Annotated[
        str,
        typer.Option(
            "--referentiel",
            "-r",
            help="Référentiel livré (pvd, ort, odd, crte, pcaet, leader) ou chemin de votre "
            "fichier YAML.",
        ),
    ],
    ecrire: Annotated[
        bool,
        typer.Option(
            "--ecrire",
            help="Écrire les étiquettes (nom:code) dans le champ thematiques des actions du "
            "fichier YAML, en remplaçant celles du même référentiel ; commentaires et ordre "
            "des clés sont gardés.",
        ),
    ] = False,
    format_: Annotated[
        FormatClassify,
        typer.Option(
            "--format",
            "-f",
            help="Forme du rapport : text (les thèmes de chaque action et pourquoi) ou json.",
        ),
    ] = FormatClassify("text"),
    sigles: Annotated[
        Path | None,
        typer.Option(
            "--sigles",
            help="Fichier YAML de sigles à ajouter au référentiel livré, pour développer les "
            "sigles des actions.",
        ),
    ] = None,
) -> int:
    """Classer les actions d'un document selon un référentiel : les thèmes de chaque action
    et les mots-clés qui les justifient. Sans --ecrire, le fichier n'est pas modifié."""
    from projterr.classement import classer
    from projterr.referentiels import charger_referentiel, charger_sigles

    ref = charger_referentiel(referentiel)
    table = charger_sigles(sigles)
    if ecrire:
        from projterr.errors import ProjterrError
        from projterr.match.etiquetage import poser_etiquettes
        from projterr.yamlio import charger_yaml, reecrire_yaml, valider_projet

        if fichier.suffix.lower() not in {".yaml", ".yml"}:
            raise ProjterrError(
                "--ecrire ne s'applique qu'à un document projterr (.yaml) ; importez d'abord "
                "la source avec projterr import",
                str(fichier),
            )
        doc = charger_yaml(fichier)
        projet = valider_projet(doc, str(fichier))
        rapport = classer(projet, ref, table, fichier=str(fichier))
        if poser_etiquettes(doc, rapport.etiquettes, ref.nom):
            reecrire_yaml(doc, fichier)
            annoncer_ecriture(fichier)
        else:
            sys.stderr.write(f"Aucune étiquette nouvelle : {fichier} est inchangé.\n")
    else:
        rapport = classer(charger(fichier, lignes=True), ref, table, fichier=str(fichier))
    texte = RENDUS.rendre(format_.value, rapport)
    assert isinstance(texte, str)
    ecrire_sortie(texte, None)
    return OK
