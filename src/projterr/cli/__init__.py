"""The projterr command line: one module per command, each thin over the library.

Only Typer is imported at start-up; every command imports what it needs when it runs, so
``projterr --help`` stays as fast as Typer itself.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from projterr import __version__
from projterr.cli import common
from projterr.cli.aide import CommandeFr, GroupeFr, installer_traductions
from projterr.cli.benchmark import benchmark
from projterr.cli.check import check
from projterr.cli.classify import classify
from projterr.cli.diff import diff
from projterr.cli.export import export
from projterr.cli.import_ import importer
from projterr.cli.match import match
from projterr.cli.profils import profils
from projterr.cli.referentiels import referentiels
from projterr.cli.schema import schema
from projterr.cli.show import show

app = typer.Typer(
    name="projterr",
    help="projterr : importer, contrôler, comparer et exporter les projets de territoire.",
    rich_markup_mode=None,  # plain help: rich would double the start-up time
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=GroupeFr,
    subcommand_metavar="COMMANDE [ARGUMENTS]...",
)
installer_traductions()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"projterr {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options_generales(
    debug: Annotated[
        bool, typer.Option("--debug", help="Afficher la trace complète en cas d'erreur.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Afficher la version et quitter.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """projterr : importer, contrôler, comparer et exporter les projets de territoire."""
    common.DEBUG = debug


app.command("import", cls=CommandeFr)(importer)
app.command("check", cls=CommandeFr)(check)
app.command("show", cls=CommandeFr)(show)
app.command("diff", cls=CommandeFr)(diff)
app.command("export", cls=CommandeFr)(export)
app.command("schema", cls=CommandeFr)(schema)
app.command("profils", cls=CommandeFr)(profils)
app.command("referentiels", cls=CommandeFr)(referentiels)
app.command("classify", cls=CommandeFr)(classify)
app.command("match", cls=CommandeFr)(match)
app.command("benchmark", cls=CommandeFr)(benchmark)


def main(argv: list[str] | None = None) -> None:
    """Entry point: Typer's usage errors become one French line and exit code 2."""
    sys.exit(common.lancer(app, argv))
