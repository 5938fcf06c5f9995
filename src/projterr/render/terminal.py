"""The one place that configures rich for the terminal (imported only by commands that print).

- colour only on a terminal (or with ``FORCE_COLOR``), and never when ``NO_COLOR`` is set (https://no-color.org);
- on a terminal, lines wrap at its width; into a pipe or a file, lines are not cut
  (unless ``COLUMNS`` says otherwise), so that ``projterr show x.yaml | grep`` finds whole titles.
"""

from __future__ import annotations

import os
import sys

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

LARGEUR_HORS_TERMINAL = 500


def console(stderr: bool = False) -> Console:
    """A rich Console on stdout (or stderr) following the rules above."""
    flux = sys.stderr if stderr else sys.stdout
    sur_terminal = _est_terminal(flux)
    largeur = None
    if not sur_terminal and not os.environ.get("COLUMNS"):
        largeur = LARGEUR_HORS_TERMINAL
    return Console(
        stderr=stderr,
        width=largeur,
        no_color=bool(os.environ.get("NO_COLOR")),
        color_system="auto" if sur_terminal or os.environ.get("FORCE_COLOR") else None,
        highlight=False,  # numbers and quotes in French titles are not code
        emoji=False,  # « :fr: » in a title stays text
        markup=False,  # a « [sic] » in a title stays text
        soft_wrap=False,
    )


def _est_terminal(flux: object) -> bool:
    isatty = getattr(flux, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed stream
        return False


def imprimer(console: Console, lignes: list[Text]) -> None:
    """Print lines of text; into a pipe or a file, without rich's layout pass when it would
    change nothing (no colour, no tab, every line within the width): rich takes about a
    second for the 8,000 lines of a large diff, a plain write a few milliseconds."""
    if not ecrire_tel_quel(console, [ligne.plain for ligne in lignes]):
        console.print(Text("\n").join(lignes))


def ecrire_tel_quel(console: Console, lignes: list[str]) -> bool:
    """Write ``lignes`` as they are if rich would print them unchanged (no colour, no tab,
    each line within the width); False if rich must lay them out."""
    if console.color_system is not None:
        return False
    largeur = console.width  # asks the terminal each time: read once
    if not all(_telle_quelle(ligne, largeur) for ligne in lignes):
        return False
    console.file.write("".join(ligne + "\n" for ligne in lignes))
    return True


def _telle_quelle(texte: str, largeur: int) -> bool:
    if "\t" in texte or "\n" in texte:
        return False
    # a character is at most two cells wide: only long lines need counting
    return len(texte) * 2 <= largeur or cell_len(texte) <= largeur
