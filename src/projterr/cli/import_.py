"""`projterr import`: read a source document into the projterr schema (YAML)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from projterr.cli.common import (
    CONSTATS,
    OK,
    commande,
    ecrire_sortie,
    format_de_sortie,
    verifier_sortie,
    vers_fichier,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from projterr.model import Action, Noeud, Projet

_APERCU_LIGNES = 30


def _apercu(projet: Projet, profondeur: int = 2) -> str:
    """The first levels found, one line each, with their action counts: enough to iterate."""
    from projterr.libelles import titre_libelle

    lignes: list[str] = []
    for parents, noeud in projet.noeuds():
        if len(parents) >= profondeur:
            continue
        numero = f" {noeud.numero}" if noeud.numero else ""
        actions = sum(1 for _ in _actions(noeud))
        compte = f" ({actions} action{'s' if actions > 1 else ''})" if actions else ""
        lignes.append(
            f"{'  ' * len(parents)}{titre_libelle(noeud.type)}{numero} : {noeud.titre}{compte}"
        )
        if len(parents) + 1 == profondeur or not noeud.enfants:
            for action in noeud.actions[:3]:
                numero = f"{action.numero} " if action.numero else ""
                lignes.append(f"{'  ' * (len(parents) + 1)}· {numero}{action.texte}")
    if not lignes:
        lignes.append("(aucun niveau trouvé)")
    if len(lignes) > _APERCU_LIGNES:
        reste = len(lignes) - _APERCU_LIGNES
        lignes = [*lignes[:_APERCU_LIGNES], f"… et {reste} ligne{'s' if reste > 1 else ''} de plus"]
    return "\n".join(lignes) + "\n"


def _actions(noeud: Noeud) -> Iterator[Action]:
    for _, n in noeud.walk():
        yield from n.actions


@commande
def importer(
    fichier: Annotated[
        Path,
        typer.Argument(
            help="Document source : .docx, .odt, .pdf, .txt, .md, un plan Territoires en "
            "Transitions (.xlsx), un dossier de pages Markdown (fiches avec front matter), "
            "ou .yaml."
        ),
    ],
    sortie: Annotated[
        Path | None,
        typer.Option(
            "-o", "--sortie", help="Fichier YAML à écrire (par défaut : la sortie standard)."
        ),
    ] = None,
    profil: Annotated[
        str | None,
        typer.Option(
            "--profil",
            help="Profil de reconnaissance à utiliser (nom, voir « projterr profils », ou "
            "fichier .yaml). Par défaut : le profil reconnu, ou l'arbre le plus plausible.",
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Structure incertaine = erreur (code 2, rien n'est écrit) au lieu d'un "
            "avertissement (code 1).",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Remplacer le document projterr que nomme -o, s'il existe."),
    ] = False,
    apercu: Annotated[
        bool,
        typer.Option(
            "--apercu",
            help="Afficher seulement les premiers niveaux trouvés (pour mettre au point un "
            "profil), sans écrire de YAML.",
        ),
    ] = False,
) -> int:
    """Importer un document (Word, PDF, Excel, texte, Markdown) dans le schéma projterr et
    l'écrire en YAML.

    Code de sortie : 0 si l'arbre trouvé est plausible, 1 si sa structure est incertaine
    (les raisons sont affichées et gardées dans document.source.avertissements), 2 en cas
    d'erreur ou, avec --strict, de structure incertaine."""
    from projterr.errors import ProjterrError
    from projterr.importers import importer_fichier
    from projterr.importers.plausibilite import Jugement, message_incertain
    from projterr.render.resume_import import resume_import
    from projterr.yamlio import projet_vers_yaml

    if not apercu:
        # « -o plan.xlsx » is refused: import writes YAML
        format_de_sortie("import", None, sortie, ["yaml"], "yaml", entrees=(fichier,))
        if vers_fichier(sortie):
            assert sortie is not None
            verifier_sortie(sortie, (fichier,), force)  # before the work, not after
    resultat = importer_fichier(fichier, profil=profil)
    projet = resultat.projet
    lecture = f"profil « {resultat.profil} »" if resultat.profil else "fichier projterr"
    if resultat.avertissements and strict:
        raise ProjterrError(
            f"structure incertaine ({lecture}) : "
            + " ; ".join(resultat.avertissements)
            + " (voir docs/profils.md, ou relancez sans --strict pour garder l'import)",
            str(fichier),
        )
    if apercu:
        sys.stdout.write(f"Lecture : {resultat.choix or lecture}.\n")
        sys.stdout.write(_apercu(projet))
    else:
        # the summary below says « Écrit dans … »
        ecrire_sortie(
            projet_vers_yaml(projet), sortie, entrees=(fichier,), force=force, annoncer=False
        )
        sys.stderr.write(resume_import(resultat, fichier, sortie))
        if resultat.choix:
            sys.stderr.write(f"Lecture : {resultat.choix}.\n")
    if resultat.avertissements:
        jugement = Jugement(raisons=resultat.avertissements)
        sys.stderr.write(
            f"projterr : {fichier} : {message_incertain(jugement, lecture, projet.niveaux)}\n"
        )
        return CONSTATS
    return OK


def avertir_incertain(fichier: Path, projet: Projet) -> bool:
    """Repeat on stderr the doubt an import recorded (``show``, ``check``); True if any."""
    source = projet.document.source
    if not source or not source.avertissements:
        return False
    profil = f" (profil « {source.profil} »)" if source.profil else ""
    sys.stderr.write(
        f"projterr : {fichier} : structure incertaine à l'import{profil} : "
        + " ; ".join(source.avertissements)
        + ". Relisez l'arbre, puis retirez document.source.avertissements.\n"
    )
    return True
