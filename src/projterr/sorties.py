"""Writing output files: whole or not at all.

Every file projterr writes (YAML, Word, Excel, a report) goes to a temporary file beside its
destination, then replaces it in one rename: an interrupted run never leaves a half-written
document where the user expects one. A file rewritten in place keeps its permissions; a new
one gets the usual ones (mkstemp's 0600 would hide it from the user's colleagues).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from projterr.errors import ProjterrError, raison_systeme


def ecrire_atomiquement(chemin: Path, ecrire: Callable[[BinaryIO], object]) -> None:
    """Write ``chemin`` through ``ecrire`` (given a binary file), atomically."""
    if chemin.is_dir():
        raise ProjterrError("c'est un dossier, pas un fichier de sortie", str(chemin))
    temporaire: str | None = None
    try:
        mode = chemin.stat().st_mode & 0o7777 if chemin.exists() else _mode_par_defaut()
        fd, temporaire = tempfile.mkstemp(
            prefix=f".{chemin.name}.", suffix=".tmp", dir=chemin.resolve().parent
        )
        with os.fdopen(fd, "wb") as fichier:
            ecrire(fichier)
        os.chmod(temporaire, mode)
        os.replace(temporaire, chemin)
        temporaire = None
    except OSError as exc:
        raise ProjterrError(f"écriture impossible ({raison_systeme(exc)})", str(chemin)) from exc
    finally:
        if temporaire is not None and os.path.exists(temporaire):
            os.unlink(temporaire)


def _mode_par_defaut() -> int:
    masque = os.umask(0)
    os.umask(masque)
    return 0o666 & ~masque
