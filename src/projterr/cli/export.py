"""`projterr export`: the projet as a Word document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from projterr.cli.common import (
    annoncer_ecriture,
    avertisseur,
    charger,
    commande,
    ecrire_sortie,
    verifier_sortie,
)

if TYPE_CHECKING:
    from projterr.model import Projet


@commande
def export(
    fichier: Annotated[
        Path, typer.Argument(help="Document projterr (.yaml) ou source à importer.")
    ],
    sortie: Annotated[
        Path,
        typer.Option(
            "-o",
            "--sortie",
            help="Fichier à écrire : .docx (Word) ou .xlsx (plan au modèle d'import de "
            "Territoires en Transitions).",
        ),
    ],
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="docx ou xlsx (modèle d'import de Territoires en Transitions). Par défaut : "
            "d'après l'extension de -o.",
        ),
    ] = None,
    modele: Annotated[
        Path | None,
        typer.Option(
            "--modele",
            help="Document Word de référence (charte) : ses styles, marges, en-tête et pied de "
            "page sont repris, son contenu est remplacé. Par défaut : le modèle sobre de "
            "projterr.",
        ),
    ] = None,
    sigles: Annotated[
        Path | None,
        typer.Option(
            "--sigles", help="Fichier de sigles à ajouter au référentiel livré (glossaire)."
        ),
    ] = None,
    deliberation: Annotated[
        bool,
        typer.Option(
            "--deliberation",
            help="Écrire la délibération du Conseil syndical qui approuve le projet, avec le "
            "projet en annexe 1.",
        ),
    ] = False,
    seance: Annotated[
        Path | None,
        typer.Option(
            "--seance",
            help="Avec --deliberation : fichier YAML de la séance (clés SCDL DELIB_DATE, "
            "VOTE_POUR… et lieu, president, secretaire…). Une valeur absente laisse un blanc.",
        ),
    ] = None,
    ancien: Annotated[
        Path | None,
        typer.Option(
            "--ancien",
            help="Avec --deliberation : version précédente ; ajoute le résumé des changements à "
            "l'exposé et le tableau des modifications en annexe 2.",
        ),
    ] = None,
    scdl: Annotated[
        Path | None,
        typer.Option(
            "--scdl",
            help="Avec --deliberation : écrire aussi la ligne de données ouvertes de la "
            "délibération (CSV SCDL « Délibérations »).",
        ),
    ] = None,
) -> int:
    """Exporter le projet en document Word : page de titre, sommaire, arbre de la stratégie,
    fiches actions et glossaire des sigles ; avec --deliberation, la délibération qui
    l'approuve, le projet en annexe 1 et, avec --ancien, le tableau des modifications en
    annexe 2. Avec -o plan.xlsx, le plan au modèle d'import de Territoires en Transitions.
    """
    from projterr.errors import ProjterrError

    if str(sortie) == "-":
        raise ProjterrError("un document Word ne s'écrit pas sur la sortie standard ; donnez -o")
    if not deliberation:
        for nom, valeur in (("--seance", seance), ("--ancien", ancien), ("--scdl", scdl)):
            if valeur is not None:
                raise ProjterrError(f"{nom} ne s'emploie qu'avec --deliberation")
    verifier_sortie(sortie, tuple(e for e in (fichier, modele, seance, ancien, scdl) if e))
    forme = (format_ or sortie.suffix.lower().lstrip(".")).casefold()
    if forme not in ("docx", "xlsx"):
        raise ProjterrError(
            "format de sortie inconnu : donnez -o projet.docx (Word) ou -o plan.xlsx "
            "(Territoires en Transitions), ou --format docx|xlsx",
            str(sortie),
        )
    if sortie.suffix.lower() != f".{forme}":
        raise ProjterrError(f"le fichier de sortie doit finir par .{forme}", str(sortie))
    if forme == "xlsx":
        if deliberation:
            raise ProjterrError("--deliberation écrit un document Word, pas un classeur Excel")
        from projterr.cli.common import erreur
        from projterr.export.tet_excel import ecrire_tet

        projet = charger(fichier)
        for avertissement in ecrire_tet(projet, sortie):
            erreur(f"{fichier} : {avertissement}")
        _numerotation_a_verifier(projet, fichier)
        annoncer_ecriture(sortie)
        return 0
    if scdl is not None and scdl.suffix.lower() != ".csv":
        raise ProjterrError("le fichier --scdl doit finir par .csv", str(scdl))
    from projterr.export import document_deliberation, document_projet, enregistrer
    from projterr.referentiels import charger_sigles

    projet = charger(fichier)
    referentiel = charger_sigles(sigles)
    if not deliberation:
        document = document_projet(
            projet, modele=modele, sigles=referentiel, avertir=avertisseur(modele)
        )
        _numerotation_a_verifier(projet, fichier)  # once nothing can fail any more
        enregistrer(document, sortie)
        annoncer_ecriture(sortie)
        return 0

    from projterr.cli.common import erreur
    from projterr.export.deliberation import objet
    from projterr.export.scdl import csv_scdl, ligne_scdl
    from projterr.export.seance import Seance, charger_seance, incoherences

    donnees = charger_seance(seance) if seance is not None else Seance()
    for remarque in incoherences(donnees):  # for the secretary to check; nothing is changed
        erreur(f"{seance} : {remarque}")
    precedent = charger(ancien) if ancien is not None else None
    ligne, manque = None, None
    if scdl is not None:  # the délibération is written even when the open-data row cannot be
        try:
            ligne = ligne_scdl(donnees, projet, objet(projet, donnees, precedent is not None))
        except ProjterrError as exc:
            manque = exc
    document = document_deliberation(
        projet,
        donnees,
        modele=modele,
        sigles=referentiel,
        ancien=precedent,
        avertir=avertisseur(modele),
    )
    _numerotation_a_verifier(projet, fichier)
    enregistrer(document, sortie)
    annoncer_ecriture(sortie)
    if manque is not None:
        raise manque  # after the Word file: one line naming what the row lacks, exit 2
    if ligne is not None and scdl is not None:
        ecrire_sortie(
            csv_scdl(ligne), scdl, entrees=tuple(e for e in (fichier, seance, ancien) if e)
        )
    return 0


def _numerotation_a_verifier(projet: Projet, fichier: Path) -> None:
    """One line naming the numbers ``check`` flags (duplicates, out of place, gaps): the
    document exported, or deliberated on, carries them as they are."""
    from projterr.check.registre import verifier_numerotation
    from projterr.cli.common import erreur

    constats = verifier_numerotation(projet, str(fichier))
    if constats:
        elements = ", ".join(dict.fromkeys(c.element for c in constats))
        erreur(f"{fichier} : numérotation à vérifier (voir projterr check) : {elements}")
