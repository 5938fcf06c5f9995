"""French help screens: Typer and its bundled click write « Usage: », « Show this message and
exit. » and « [default: …] » in English, with no translation catalogue to plug in. These two
classes and a small table give the chargé de mission a help screen in one language."""

from __future__ import annotations

from typing import Any

import typer
import typer.core

_TRADUCTIONS = {
    "required": "obligatoire",
    "[required]": "[obligatoire]",
    "default: {default}": "par défaut : {default}",
    "[default: {}]": "[par défaut : {}]",
    "env var: {var}": "variable d’environnement : {var}",
    "[env var: {}]": "[variable d’environnement : {}]",
    "Commands": "Commandes",
    "Options": "Options",
    "Arguments": "Arguments",
    "Missing command.": "Commande manquante.",
    "Aborted!": "Interrompu.",
    "Aborted.": "Interrompu.",
    "Error": "Erreur",
    "(dynamic)": "(dynamique)",
    "(deprecated) ": "(obsolète) ",
}


def _traduire(message: str) -> str:
    return _TRADUCTIONS.get(message, message)


def installer_traductions() -> None:
    """Point Typer's message lookup (its gettext alias) at the French table."""
    if callable(getattr(typer.core, "_", None)):
        typer.core._ = _traduire  # type: ignore[attr-defined]


class _EnFrancais:
    """Mixin for Typer's command classes: French usage line and help option."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Utilisation : ")

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "Afficher cette aide et quitter."
        return option


class CommandeFr(_EnFrancais, typer.core.TyperCommand):
    pass


class GroupeFr(_EnFrancais, typer.core.TyperGroup):
    pass
