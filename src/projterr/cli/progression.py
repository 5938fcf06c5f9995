"""The progress bar of long runs (match, benchmark): rich, on stderr, only on a terminal."""

from __future__ import annotations

import sys


class Progression:
    """A rich progress bar on stderr, only on a terminal and only for long runs."""

    def __init__(self, gros: int) -> None:
        self._gros = gros  # below this many steps, a task starts no bar
        self._barre: object | None = None
        self._tache: object | None = None
        self._actif = sys.stderr.isatty()

    def __enter__(self) -> Progression:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._barre is not None:
            self._barre.stop()  # type: ignore[attr-defined]

    def debut(self, description: str, total: int, gros: int | None = None) -> None:
        """A new task of ``total`` steps; below ``gros`` steps (default: the one given to
        the constructor), no bar is started for it."""
        if not self._actif or (
            self._barre is None and total < (self._gros if gros is None else gros)
        ):
            self._tache = None
            return
        if self._barre is None:
            from rich.progress import Progress

            from projterr.render.terminal import console

            self._barre = Progress(console=console(stderr=True), transient=True)
            self._barre.start()  # type: ignore[attr-defined]
        self._tache = self._barre.add_task(description, total=total)  # type: ignore[attr-defined]

    def avancer(self, pas: int) -> None:
        if self._barre is not None and self._tache is not None:
            self._barre.update(self._tache, advance=pas)  # type: ignore[attr-defined]
