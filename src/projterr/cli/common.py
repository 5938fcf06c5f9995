"""What every command shares: error handling, exit codes, output files."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from projterr.errors import ProjterrError

if TYPE_CHECKING:
    from projterr.model import Projet

DEBUG = False  # set by the --debug option, before any command runs

OK, CONSTATS, ERREUR = 0, 1, 2

F = TypeVar("F", bound=Callable[..., Any])


def erreur(message: str) -> None:
    """One French line on stderr."""
    sys.stderr.write(f"projterr : {message}\n")


def commande(func: F) -> F:
    """Turn projterr's exceptions into one French line on stderr and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            code = func(*args, **kwargs)
        except ProjterrError as exc:
            if DEBUG:
                raise
            erreur(str(exc))
            raise typer.Exit(ERREUR) from None
        except (typer.Exit, KeyboardInterrupt):
            raise
        except Exception as exc:
            if DEBUG or "--debug" in sys.argv:
                raise
            erreur(
                f"erreur interne ({type(exc).__name__} : {exc}) ; relancez avec --debug "
                "pour le détail"
            )
            raise typer.Exit(ERREUR) from None
        raise typer.Exit(code or OK)

    return wrapper  # type: ignore[return-value]


def charger(chemin: Path) -> Projet:
    """Load a projterr YAML or import a source, saying on stderr what the import noticed
    (a Windows-1252 file, say), as ``import`` does."""
    from projterr.importers import importer_fichier

    resultat = importer_fichier(chemin)
    for remarque in resultat.remarques:
        sys.stderr.write(f"projterr : {chemin} : {remarque}\n")
    return resultat.projet


def ecrire_sortie(texte: str, sortie: Path | None, entrees: tuple[Path, ...] = ()) -> None:
    """Write to ``sortie`` (never over an input file) or to stdout."""
    if sortie is None or str(sortie) == "-":
        sys.stdout.write(texte)
        return
    for entree in entrees:
        if entree.exists() and sortie.exists() and sortie.resolve() == entree.resolve():
            raise ProjterrError(
                "la sortie écraserait le fichier d'entrée ; choisissez un autre nom avec -o",
                str(sortie),
            )
    if sortie.is_dir():
        raise ProjterrError("c'est un dossier, pas un fichier de sortie", str(sortie))
    try:
        sortie.write_text(texte, encoding="utf-8")
    except OSError as exc:
        raise ProjterrError(f"écriture impossible ({exc.strerror or exc})", str(sortie)) from exc


_TRADUCTIONS = [
    (r"Missing argument '([^']+)'\.?", r"argument manquant : \1"),
    (r"Missing option '([^']+)'\.?", r"option manquante : \1"),
    (r"No such option: (\S+?)\.?(?: Did you mean (\S+?)\?)?$", r"option inconnue : \1"),
    (r"No such command '([^']+)'\.?", r"commande inconnue : \1"),
    (r"Got unexpected extra arguments? \((.+)\)", r"argument en trop : \1"),
    (r"Option '([^']+)' requires an argument\.?", r"l'option \1 attend une valeur"),
    (
        r"Invalid value for '([^']+)': '([^']*)' is not one of (.+)\.",
        r"valeur invalide pour \1 : « \2 » (choix possibles : \3)",
    ),
    (r"Invalid value for '([^']+)': (.+)", r"valeur invalide pour \1 : \2"),
]


def traduire_usage(message: str) -> str:
    for motif, remplacement in _TRADUCTIONS:
        if re.search(motif, message):
            return re.sub(motif, remplacement, message).replace("'", "")
    return f"erreur d'utilisation : {message}"


def _classe_usage() -> type[Exception]:
    # Typer vendors click in recent versions: find its UsageError through a public class.
    for cls in typer.BadParameter.__mro__:
        if cls.__name__ == "UsageError":
            return cls
    return typer.BadParameter


def lancer(app: typer.Typer, argv: list[str] | None) -> int:
    usage_error = _classe_usage()
    command = typer.main.get_command(app)
    args = sys.argv[1:] if argv is None else argv
    if not args:
        args = ["--help"]
    try:
        rv = command.main(args=args, prog_name="projterr", standalone_mode=False)
    except usage_error as exc:
        message = exc.format_message()  # type: ignore[attr-defined]
        erreur(traduire_usage(message) + " (voir projterr --help)")
        return ERREUR
    except typer.Abort:
        erreur("interrompu")
        return 130
    except KeyboardInterrupt:
        erreur("interrompu")
        return 130
    return rv if isinstance(rv, int) else OK
