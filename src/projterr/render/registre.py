"""One registry per report: which formats it has, and the function that renders each.

A renderer is named by module and function and imported only when asked for, so a command
lists its formats without importing rich, python-docx or openpyxl. A new format is a new
module plus one line in its report's registry, never a new branch in the command.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Rendu:
    """One output format of a report."""

    format: str  # what --format takes: "text", "json"…
    module: str
    fonction: str
    description: str  # French, for --help
    binaire: bool = False  # bytes (Word, Excel) rather than text

    def fonction_de_rendu(self) -> Callable[[Any], str | bytes]:
        fonction: Callable[[Any], str | bytes] = getattr(
            importlib.import_module(self.module), self.fonction
        )
        return fonction


class Registre:
    """The formats of one report, in the order ``--help`` lists them."""

    def __init__(self, *rendus: Rendu) -> None:
        self._rendus = {r.format: r for r in rendus}

    def __getitem__(self, format_: str) -> Rendu:
        return self._rendus[format_]

    def __contains__(self, format_: object) -> bool:
        return format_ in self._rendus

    def formats(self) -> list[str]:
        return list(self._rendus)

    def aide(self) -> str:
        """« text (terminal), json (données)… » for an option's help."""
        return ", ".join(f"{r.format} ({r.description})" for r in self._rendus.values())

    def rendre(self, format_: str, rapport: Any) -> str | bytes:
        return self[format_].fonction_de_rendu()(rapport)


def entete_html(titre: str, css: str) -> list[str]:
    """The opening lines of a standalone French HTML report, up to ``<body>`` (``titre``
    already escaped)."""
    return [
        "<!DOCTYPE html>",
        '<html lang="fr">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{titre}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
    ]
