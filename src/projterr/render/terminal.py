"""The one place that configures rich for the terminal (imported only by commands that print).

- colour only on a terminal (or with ``FORCE_COLOR``), and never when ``NO_COLOR`` is set (https://no-color.org);
- on a terminal, lines wrap at its width; into a pipe or a file, lines are not cut
  (unless ``COLUMNS`` says otherwise), so that ``projterr show x.yaml | grep`` finds whole titles.
"""

from __future__ import annotations

import os
import sys

from rich.console import Console

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
