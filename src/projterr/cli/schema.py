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
) -> int:
    """Afficher le schéma JSON des fichiers YAML projterr (pour la validation dans un éditeur)."""
    import json

    from projterr.model import json_schema

    format_de_sortie("schema", None, sortie, ["json"], "json")  # « -o projet.yaml » refused
    ecrire_sortie(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", sortie)
    return 0
