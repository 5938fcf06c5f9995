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
        if not details:
            continue
        for niveau in profil.niveaux:
            for motif in niveau.motifs:
                typer.echo(f"    {niveau.type:<24} {motif}")
        if profil.fiches is not None:
            _fiches(profil.fiches)
    return 0


def _fiches(fiches: object) -> None:
    """What the fiche reader does with a profil's ``fiches:`` block: sections to fields."""
    from projterr.importers.profil import Fiches
    from projterr.importers.rubriques import RUBRIQUES_USUELLES

    assert isinstance(fiches, Fiches)
    typer.echo("    lecteur de fiches : chaque rubrique va dans un champ de l'action")
    if fiches.grouper_par:
        typer.echo(f"    {'parent':<24} clé « {fiches.grouper_par} »")
    for motif in fiches.titre:
        typer.echo(f"    {'titre de fiche':<24} {motif}")
    for rubrique in fiches.rubriques:
        typer.echo(f"    {rubrique.champ:<24} {rubrique.motif}")
    for motif, champ in RUBRIQUES_USUELLES:
        typer.echo(f"    {champ:<24} {motif}")
    for bloc in fiches.mettre_de_cote:
        typer.echo(f"    {'mis de côté':<24} {bloc.motif} ({bloc.raison})")
