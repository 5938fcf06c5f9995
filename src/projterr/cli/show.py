"""`projterr show`: the strategy tree with counts, and a short summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from projterr.cli.common import charger, commande
from projterr.cli.import_ import avertir_incertain


@commande
def show(
    fichier: Annotated[
        Path, typer.Argument(help="Document projterr (.yaml) ou source à importer.")
    ],
    niveau: Annotated[
        int | None,
        typer.Option("--niveau", "-n", min=1, help="Profondeur d'affichage (1 = premier niveau)."),
    ] = None,
    actions: Annotated[
        bool, typer.Option("--actions/--sans-actions", help="Afficher le texte des actions.")
    ] = False,
) -> int:
    """Afficher l'arbre de la stratégie avec les effectifs, et un résumé."""
    from projterr.render.show import rendre_arbre
    from projterr.render.terminal import console
    from projterr.synthese import synthese

    projet = charger(fichier)
    avertir_incertain(fichier, projet)
    rendre_arbre(console(), projet, synthese(projet), niveau=niveau, actions=actions)
    return 0
