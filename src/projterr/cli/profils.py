"""`projterr profils`: list the import profils shipped with projterr."""

from __future__ import annotations

from typing import Annotated

import typer

from projterr.cli.common import commande


@commande
def profils(
    details: Annotated[
        bool, typer.Option("--details", help="Afficher les motifs de chaque profil.")
    ] = False,
) -> int:
    """Lister les profils d'import disponibles (reconnaissance des titres, puces, niveaux)."""
    from projterr.importers.profil import profils_integres

    for profil in profils_integres():
        typer.echo(f"{profil.nom:<28} {profil.description}")
        if details:
            for niveau in profil.niveaux:
                for motif in niveau.motifs:
                    typer.echo(f"    {niveau.type:<24} {motif}")
    return 0
