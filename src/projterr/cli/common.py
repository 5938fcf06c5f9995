"""What every command shares: error handling, exit codes, output files."""

from __future__ import annotations

import functools
import gc
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from projterr.errors import ProjterrError

if TYPE_CHECKING:
    from enum import Enum

    from projterr.model import Projet
    from projterr.render.registre import Registre

DEBUG = False  # set by the --debug option, before any command runs

OK, CONSTATS, ERREUR = 0, 1, 2

F = TypeVar("F", bound=Callable[..., Any])


def erreur(message: str) -> None:
    """One French line on stderr."""
    sys.stderr.write(f"projterr : {message}\n")


def avertisseur(fichier: Path | None) -> Callable[[str], None]:
    """Notes about ``fichier`` (a model, a source), one French line each on stderr."""
    return lambda note: erreur(f"{fichier} : {note}")


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


def charger(chemin: Path, lignes: bool = False) -> Projet:
    """Load a projterr YAML or import a source, saying on stderr what the import noticed
    (a Windows-1252 file, say), as ``import`` does. ``lignes`` for commands that point at
    lines (``check``, ``classify``)."""
    from projterr.importers import importer_fichier

    resultat = importer_fichier(chemin, lignes=lignes)
    # The document lives until the command ends: later collections need not walk it again
    # (a diff of two large documents builds as many objects after loading them).
    gc.freeze()
    for remarque in resultat.remarques:
        sys.stderr.write(f"projterr : {chemin} : {remarque}\n")
    return resultat.projet


def lire_seuil(texte: str) -> float:
    """A similarity threshold on the 0–100 scale every command uses (« 75 », « 82,5 »)."""
    try:
        valeur = float(texte.replace(",", ".").strip())
    except ValueError:
        valeur = -1.0
    if not 0.0 <= valeur <= 100.0:
        raise ProjterrError(f"--seuil attend un nombre entre 0 et 100 (ex. 75), pas « {texte} »")
    if 0.0 < valeur < 1.0:
        raise ProjterrError(
            f"--seuil s’exprime de 0 à 100 : pour {valeur:g}, écrivez {valeur * 100:g}"
        )
    return valeur


# The extensions a user gives -o, and the format each one means.
FORMAT_DES_EXTENSIONS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".pdf": "pdf",
    ".odt": "odt",
    ".ods": "ods",
    ".doc": "doc",
    ".xls": "xls",
    ".csv": "csv",
}
EXTENSION_DES_FORMATS = {
    "text": ".txt",
    "markdown": ".md",
    "json": ".json",
    "html": ".html",
    "docx": ".docx",
    "xlsx": ".xlsx",
    "yaml": ".yaml",
}


def vers_fichier(sortie: Path | None) -> bool:
    """Whether -o names a file (``-o -`` is standard output)."""
    return sortie is not None and str(sortie) != "-"


def format_de_sortie(
    nom: str,
    demande: str | None,
    sortie: Path | None,
    formats: Sequence[str],
    defaut: str,
    binaires: Sequence[str] = (),
    entrees: Sequence[Path] = (),
) -> str:
    """The format a command writes: ``-f`` when given, else the one -o's extension names,
    else ``defaut``. An extension that contradicts -f, or names a format the command does not
    write, is refused before any work; so is a binary format (Word, Excel) without -o. An
    output that is one of ``entrees`` is refused first, whatever its extension."""
    extension = ""
    if sortie is not None and vers_fichier(sortie):
        _refuser_une_entree(sortie, entrees)
        extension = sortie.suffix.lower()
    selon_extension = FORMAT_DES_EXTENSIONS.get(extension)
    if demande is None:
        if selon_extension is None:
            forme = defaut
        elif selon_extension in formats:
            forme = selon_extension
        else:
            raise ProjterrError(
                f"{nom} n'écrit pas de fichier {extension} (formats : {', '.join(formats)}) ; "
                "changez l'extension de -o ou choisissez un format avec -f",
                str(sortie),
            )
    else:
        forme = demande
        if selon_extension is not None and selon_extension != demande:
            attendue = EXTENSION_DES_FORMATS.get(demande, f".{demande}")
            raise ProjterrError(
                f"l'extension {extension} ne correspond pas au format « {demande} » demandé "
                f"par -f : nommez la sortie {sortie.stem if sortie else 'sortie'}{attendue}, "
                "ou retirez -f pour suivre l'extension",
                str(sortie),
            )
    if forme in binaires and not vers_fichier(sortie):
        raise ProjterrError(
            f"le format {forme} s'écrit dans un fichier : ajoutez -o "
            f"{nom}{EXTENSION_DES_FORMATS.get(forme, '.' + forme)}"
        )
    return forme


def option_format(rendus: Registre) -> Any:
    """The --format/-f option of a command that renders a report with ``rendus``."""
    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=rendus.aide() + ". Par défaut : d'après l'extension de -o, sinon text.",
    )


def format_du_rapport(
    nom: str,
    format_: Enum | None,
    sortie: Path | None,
    rendus: Registre,
    entrees: Sequence[Path] = (),
) -> str:
    """:func:`format_de_sortie` for a report's registry: its formats, text by default, its
    binary formats (Word, Excel) only into a file."""
    formats = rendus.formats()
    return format_de_sortie(
        nom,
        None if format_ is None else str(format_.value),
        sortie,
        formats,
        "text",
        [f for f in formats if rendus[f].binaire],
        entrees,
    )


_DOCUMENT_PROJTERR = re.compile(rb"^schema:\s*[\"']?projterr/", re.MULTILINE)


def est_document_projterr(chemin: Path) -> bool:
    """Whether ``chemin`` is an existing projterr YAML document (« schema: projterr/1 »)."""
    try:
        with chemin.open("rb") as flux:
            return bool(_DOCUMENT_PROJTERR.search(flux.read(4096)))
    except OSError:
        return False


def verifier_sortie(
    sortie: Path, entrees: tuple[Path, ...] = (), force: bool | None = None
) -> None:
    """Refuse an output path that is an input file, a folder, or (without ``force``, for
    the commands that have --force) another projterr document."""
    _refuser_une_entree(sortie, entrees)
    if sortie.is_dir():
        raise ProjterrError("c'est un dossier, pas un fichier de sortie", str(sortie))
    if not force and sortie.is_file() and est_document_projterr(sortie):
        conseil = " ou ajoutez --force pour le remplacer" if force is not None else ""
        raise ProjterrError(
            "c'est un document projterr : il ne sera pas remplacé ; choisissez un autre nom "
            f"avec -o{conseil}",
            str(sortie),
        )


def _refuser_une_entree(sortie: Path, entrees: Sequence[Path]) -> None:
    for entree in entrees:
        if not (entree.exists() and sortie.exists()):
            continue
        # an input folder (match, benchmark): each file in it is an input
        meme = sortie.resolve().parent if entree.is_dir() else sortie.resolve()
        if meme == entree.resolve():
            raise ProjterrError(
                "la sortie écraserait le fichier d'entrée ; choisissez un autre nom avec -o",
                str(sortie),
            )


def annoncer_ecriture(sortie: Path) -> None:
    """The one line every command prints on stderr once it has written a file."""
    sys.stderr.write(f"Écrit dans {sortie}.\n")


def ecrire_octets(octets: bytes, sortie: Path, annoncer: bool = True) -> None:
    """Write a binary output (Word, Excel) whole or not at all."""
    from projterr.sorties import ecrire_atomiquement

    ecrire_atomiquement(sortie, lambda fichier: fichier.write(octets))
    if annoncer:
        annoncer_ecriture(sortie)


def ecrire_rendu(rendu: str | bytes, sortie: Path | None, entrees: tuple[Path, ...]) -> None:
    """Write a rendered report: text to ``sortie`` or the screen, a Word or Excel file (bytes,
    whose format required ``-o``, checked before the work) to ``sortie``; never over an input."""
    if isinstance(rendu, bytes):
        assert sortie is not None  # format_du_rapport refused a binary format without -o
        verifier_sortie(sortie, entrees)
        ecrire_octets(rendu, sortie)
    else:
        ecrire_sortie(rendu, sortie, entrees=entrees)


def ecrire_sortie(
    texte: str,
    sortie: Path | None,
    entrees: tuple[Path, ...] = (),
    force: bool | None = None,
    annoncer: bool = True,
) -> None:
    """Write to ``sortie`` (never over an input file) or to stdout."""
    if not vers_fichier(sortie):
        sys.stdout.write(texte)
        return
    assert sortie is not None
    verifier_sortie(sortie, entrees, force)
    ecrire_octets(texte.encode("utf-8"), sortie, annoncer)


def _sans_guillemets(texte: str) -> str:
    """Click quotes names with ASCII apostrophes: « '--format' » → « --format »."""
    return re.sub(r"'([^'\s]*)'", r"\1", texte)


_CHOIX = re.compile(r"^(?:Value error, )?'([^']*)' is not one of (.+?)\.?$")
_DETAILS = [
    (re.compile(r"^Input should be a valid integer"), "nombre entier attendu"),
    (re.compile(r"^Input should be a valid number"), "nombre attendu"),
    (re.compile(r"^Input should be (?:greater|less) than.*"), "valeur hors des limites"),
    (re.compile(r"^(?:Value error, )?(.+?) is not in the range (.+)$"), "valeur hors des limites"),
]


def _traduire_valeur(option: str, detail: str) -> str:
    m = _CHOIX.match(detail)
    if m:
        return (
            f"valeur invalide pour {option} : « {m.group(1)} » "
            f"(choix possibles : {_sans_guillemets(m.group(2))})"
        )
    for motif, francais in _DETAILS:
        if motif.match(detail):
            return f"valeur invalide pour {option} : {francais}"
    return f"valeur invalide pour {option} : {_sans_guillemets(detail)}"


def traduire_usage(message: str) -> str:
    """Click's usage errors, in French (click ships no French catalogue)."""
    message = message.strip()
    if m := re.match(r"^Missing argument '([^']+)'\.?$", message):
        return f"argument manquant : {m.group(1)}"
    if m := re.match(r"^Missing option '([^']+)'.*$", message):
        return f"option manquante : {m.group(1)}"
    if m := re.match(r"^Option '([^']+)' requires an argument\.?$", message):
        return f"l’option {m.group(1)} attend une valeur"
    if m := re.match(r"^Got unexpected extra arguments? ?(?:\(s\))? \((.+)\)$", message):
        return f"argument en trop : {m.group(1)}"
    if m := re.match(r"^No such command '([^']+)'\.(?: Did you mean '([^']+)'\?)?$", message):
        suite = f" (vouliez-vous dire « {m.group(2)} » ?)" if m.group(2) else ""
        return f"commande inconnue : {m.group(1)}{suite}"
    if m := re.match(
        r"^No such option: (\S+?)\.?(?: Did you mean (\S+?)\?)?(?: \(Possible options: (.+)\))?$",
        message,
    ):
        suite = ""
        if m.group(2):
            suite = f" (vouliez-vous dire {m.group(2)} ?)"
        elif m.group(3):
            suite = f" (options possibles : {m.group(3)})"
        return f"option inconnue : {m.group(1)}{suite}"
    if m := re.match(r"^Invalid value for '([^']+)'(?: / '[^']+')*: (.+)$", message, re.S):
        return _traduire_valeur(m.group(1), m.group(2).strip())
    return f"erreur d’utilisation : {_sans_guillemets(message)}"


def _classe_usage() -> type[Exception]:
    # Typer vendors click in recent versions: find its UsageError through a public class.
    for cls in typer.BadParameter.__mro__:
        if cls.__name__ == "UsageError":
            return cls
    return typer.BadParameter


def lancer(app: typer.Typer, argv: list[str] | None) -> int:
    usage_error = _classe_usage()
    command = typer.main.get_command(app)
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        args = ["--help"]
    fin = args.index("--") if "--" in args else len(args)  # after « -- », only arguments
    if "--debug" in args[:fin]:
        # accepted anywhere on the line, as users write it: « projterr show x.yaml --debug »
        args = ["--debug", *(a for a in args[:fin] if a != "--debug"), *args[fin:]]
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
    except Exception:
        if not DEBUG:
            raise
        # --debug shows the trace, and an error is still an error: exit code 2
        traceback.print_exc()
        return ERREUR
    return rv if isinstance(rv, int) else OK
