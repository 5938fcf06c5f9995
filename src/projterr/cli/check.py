"""`projterr check`: numbering, empty objectives, duplicate actions, unknown acronyms…"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from projterr.cli.common import (
    CONSTATS,
    OK,
    charger,
    commande,
    ecrire_sortie,
    format_de_sortie,
    format_du_rapport,
    lire_seuil,
)
from projterr.cli.import_ import avertir_incertain
from projterr.render.check import RENDUS

if TYPE_CHECKING:
    from projterr.model import Projet


FormatCheck = StrEnum("FormatCheck", {f: f for f in RENDUS.formats()})  # type: ignore[misc]


@commande
def check(
    fichiers: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FICHIER", help="Documents à contrôler : .yaml projterr ou source (.txt, .md)."
        ),
    ] = None,
    format_: Annotated[
        FormatCheck | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="Forme du rapport : text (une ligne par constat) "
            "ou json (les constats en données). Par défaut : d'après l'extension de -o, "
            "sinon text.",
        ),
    ] = None,
    sigles: Annotated[
        Path | None,
        typer.Option(
            "--sigles",
            metavar="FICHIER",
            help="Fichier YAML de sigles à ajouter au référentiel livré "
            "(ses entrées remplacent celles du même sigle).",
        ),
    ] = None,
    ignorer: Annotated[
        list[str] | None,
        typer.Option(
            "--ignorer",
            "-i",
            metavar="RÈGLE",
            help="Règle à ne pas appliquer, par code ou par nom "
            "(PT005, action.doublon) ; répétable, ou liste séparée par des virgules.",
        ),
    ] = None,
    seuil: Annotated[
        str,
        typer.Option(
            "--seuil",
            metavar="SEUIL",
            help="Similarité, de 0 à 100 (comme pour diff), à partir de laquelle deux "
            "actions sont presque identiques (PT006).  [par défaut : 90]",
        ),
    ] = "90",
    sortie: Annotated[
        Path | None,
        typer.Option(
            "-o", "--sortie", metavar="FICHIER", help="Écrire le rapport dans ce fichier."
        ),
    ] = None,
    regles: Annotated[
        bool, typer.Option("--regles", help="Lister les règles (code, nom, titre) et quitter.")
    ] = False,
) -> int:
    """Contrôler un ou plusieurs documents : numérotation, objectifs sans action, actions en
    double, sigles inconnus, textes vides. Code de sortie : 0 sans constat, 1 avec constats
    ou si un import est resté en « structure incertaine », 2 si un fichier est illisible."""
    from projterr.errors import ProjterrError
    from projterr.render.check import rendre_regles

    if regles:
        format_de_sortie("check --regles", None, sortie, ["text"], "text")
        ecrire_sortie(rendre_regles(), sortie)
        return OK
    if not fichiers:
        raise ProjterrError("indiquez au moins un fichier à contrôler (voir projterr check --help)")
    forme = format_du_rapport("check", format_, sortie, RENDUS, fichiers)

    from projterr.check import verifier_fichiers

    incertains: list[Path] = []  # imports recorded as « structure incertaine »

    def charger_et_avertir(chemin: Path) -> Projet:
        projet = charger(chemin, lignes=True)
        if avertir_incertain(chemin, projet):
            incertains.append(chemin)
        return projet

    rapport = verifier_fichiers(
        fichiers,
        sigles=sigles,
        ignorer=ignorer or (),
        seuil_similarite=lire_seuil(seuil),
        charger=charger_et_avertir,
    )
    texte = RENDUS.rendre(forme, rapport)
    assert isinstance(texte, str)
    ecrire_sortie(texte, sortie, entrees=tuple(fichiers))
    return CONSTATS if rapport.constats or incertains else OK
