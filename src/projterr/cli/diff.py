"""`projterr diff` — placeholder replaced by the diff work."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from projterr.cli.common import commande


@commande
def diff(
    ancien: Annotated[Path, typer.Argument(help="Version de référence.")],
    nouveau: Annotated[Path, typer.Argument(help="Nouvelle version.")],
) -> int:
    """Comparer deux versions d'un document."""
    raise NotImplementedError
