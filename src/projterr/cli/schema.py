"""`projterr schema`: print the JSON Schema of projterr YAML files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from projterr.cli.common import commande, ecrire_sortie, format_de_sortie


@commande
def schema(
    sortie: Annotated[
        Path | None, typer.Option("-o", "--sortie", help="Écrire le schéma dans ce fichier.")
    ] = None,
    seance: Annotated[
        bool,
        typer.Option(
            "--seance",
            help="Le schéma du fichier de séance (export --deliberation --seance) : chaque clé "
            "acceptée, avec sa description.",
        ),
    ] = False,
) -> int:
    """Afficher le schéma JSON des fichiers YAML projterr (pour la validation dans un éditeur)."""
    import json

    format_de_sortie("schema", None, sortie, ["json"], "json")  # « -o projet.yaml » refused
    if seance:
        from projterr.export.seance import Seance

        donnees = Seance.model_json_schema(by_alias=True)
    else:
        from projterr.model import json_schema

        donnees = json_schema()
    ecrire_sortie(json.dumps(donnees, ensure_ascii=False, indent=2) + "\n", sortie)
    return 0
