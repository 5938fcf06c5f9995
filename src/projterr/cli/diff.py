"""`projterr diff`: what changed between two versions of a document."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from projterr.cli.common import CONSTATS, OK, charger, commande, ecrire_sortie


class FormatDiff(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


@commande
def diff(
    ancien: Annotated[
        Path, typer.Argument(help="Version de référence : YAML projterr ou source à importer.")
    ],
    nouveau: Annotated[
        Path, typer.Argument(help="Nouvelle version : YAML projterr ou source à importer.")
    ],
    format_: Annotated[
        FormatDiff,
        typer.Option(
            "--format",
            "-f",
            help="text (terminal, par défaut), markdown (courriel, wiki), json, "
            "html (page autonome, imprimable).",
        ),
    ] = FormatDiff.text,
    sortie: Annotated[
        Path | None,
        typer.Option("-o", "--sortie", help="Fichier à écrire (par défaut : la sortie standard)."),
    ] = None,
    seuil: Annotated[
        str,
        typer.Option(
            "--seuil",
            help="Similarité minimale (0 à 1) pour reconnaître une action reformulée ou "
            "déplacée ailleurs dans le document ; sous le même parent ou au même numéro, "
            "une ressemblance moindre suffit. Par défaut : 0,75.",
        ),
    ] = "0.75",
) -> int:
    """Comparer deux versions d'un document : ajouts, suppressions, reformulations,
    déplacements et renumérotations.

    Code de sortie : 0 si les versions sont identiques, 1 s'il y a des différences,
    2 en cas d'erreur.
    """
    from projterr.diff import comparer
    from projterr.errors import ProjterrError

    try:
        valeur = float(seuil.replace(",", ".").strip())
    except ValueError:
        valeur = -1.0
    if not 0.0 <= valeur <= 1.0:
        raise ProjterrError(f"--seuil attend un nombre entre 0 et 1 (ex. 0,75), pas « {seuil} »")

    rapport = comparer(
        charger(ancien),
        charger(nouveau),
        seuil=valeur,
        fichiers=(ancien.name, nouveau.name),
    )
    code = OK if rapport.identiques else CONSTATS
    if format_ is FormatDiff.text and (sortie is None or str(sortie) == "-"):
        from projterr.render.diff.texte import afficher
        from projterr.render.terminal import console

        afficher(rapport, console())
        return code
    ecrire_sortie(_rendre(rapport, format_), sortie, entrees=(ancien, nouveau))
    return code


def _rendre(rapport: object, format_: FormatDiff) -> str:
    from projterr.diff import RapportDiff

    assert isinstance(rapport, RapportDiff)
    if format_ is FormatDiff.json:
        from projterr.render.diff.json_ import json_

        return json_(rapport)
    if format_ is FormatDiff.markdown:
        from projterr.render.diff.markdown import markdown

        return markdown(rapport)
    if format_ is FormatDiff.html:
        from projterr.render.diff.html import html

        return html(rapport)
    from projterr.render.diff.texte import texte

    return texte(rapport)
