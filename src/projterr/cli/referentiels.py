"""`projterr referentiels`: list the shipped référentiels, or show one with its themes."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from projterr.cli.common import OK, commande, ecrire_sortie
from projterr.render.referentiels import RENDUS

FormatReferentiels = StrEnum("FormatReferentiels", {f: f for f in RENDUS.formats()})  # type: ignore[misc]


@commande
def referentiels(
    nom: Annotated[
        str | None,
        typer.Argument(
            help="Nom d'un référentiel livré (pvd, ort, odd, crte, pcaet, leader) ou chemin "
            "de votre fichier YAML ; sans nom, la liste des référentiels livrés."
        ),
    ] = None,
    format_: Annotated[
        FormatReferentiels,
        typer.Option("--format", "-f", help="Forme de la sortie : text ou json."),
    ] = FormatReferentiels("text"),
) -> int:
    """Lister les référentiels livrés (thématiques PVD, orientations ORT, ODD, axes CRTE,
    secteurs PCAET, principes LEADER) ou afficher les thèmes et mots-clés de l'un d'eux."""
    from projterr.referentiels import charger_referentiel, referentiels_livres

    if nom is None:
        rapport: object = [charger_referentiel(n) for n in referentiels_livres()]
    else:
        rapport = charger_referentiel(nom)
    texte = RENDUS.rendre(format_.value, rapport)
    assert isinstance(texte, str)
    ecrire_sortie(texte, None)
    return OK
