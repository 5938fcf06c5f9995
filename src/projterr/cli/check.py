"""`projterr check` — placeholder replaced by the check work."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from projterr.cli.common import commande


@commande
def check(
    fichiers: Annotated[list[Path], typer.Argument(help="Fichiers à contrôler.")],
) -> int:
    """Contrôler un ou plusieurs documents."""
    raise NotImplementedError
