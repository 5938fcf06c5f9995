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


# What an option's value is called in help screens when the option does not say (Typer would
# write its Python type: « <path> », « <str> »).
_METAVARS = {
    "sortie": "FICHIER",
    "sigles": "FICHIER",
    "modele": "FICHIER",
    "seance": "FICHIER",
    "ancien": "FICHIER",
    "scdl": "FICHIER",
    "format_": "FORMAT",
    "niveau": "N",
    "top": "K",
    "ignorer": "RÈGLE",
}


def _nom_argument(self: Any) -> str:
    return str(self.metavar or self.name.upper())


def _usage_argument(self: Any) -> str:
    """« FICHIER » or « [FICHIER]... » in the usage line, not Typer's « {fichier} »."""
    nom = _nom_argument(self)
    if not self.required:
        nom = f"[{nom}]"
    return nom + ("..." if self.nargs != 1 else "")


def _valeur_option(self: Any, ctx: Any) -> str:
    if self.metavar:
        return str(self.metavar)
    return _METAVARS.get(self.name, str(self.name).upper())


def installer_traductions() -> None:
    """Point Typer's message lookup (its gettext alias) at the French table, and show
    arguments by their French metavar alone (Typer adds the Python type: « <path> »)."""
    if callable(getattr(typer.core, "_", None)):
        typer.core._ = _traduire  # type: ignore[attr-defined]
    argument = getattr(typer.core, "TyperArgument", None)
    if argument is not None:
        argument.display_type_rich = lambda self, ctx: None
        argument._usage_display_name = _usage_argument
        argument._rich_display_name = _nom_argument
    option = getattr(typer.core, "TyperOption", None)
    if option is not None:
        option.display_type_rich = _valeur_option


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
