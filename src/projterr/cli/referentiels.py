"""`projterr referentiels`: list the shipped référentiels, or show one with its themes."""

from __future__ import annotations

import enum
from typing import Annotated

import typer

from projterr.cli.common import OK, commande, ecrire_sortie


class Format(enum.StrEnum):
    text = "text"
    json = "json"


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
        Format,
        typer.Option("--format", "-f", help="Forme de la sortie : text ou json."),
    ] = Format.text,
) -> int:
    """Lister les référentiels livrés (thématiques PVD, orientations ORT, ODD, axes CRTE,
    secteurs PCAET, principes LEADER) ou afficher les thèmes et mots-clés de l'un d'eux."""
    from projterr.referentiels import charger_referentiel, referentiels_livres
    from projterr.render.referentiels import rendre_json, rendre_liste, rendre_referentiel

    if nom is None:
        tous = [charger_referentiel(n) for n in referentiels_livres()]
        texte = rendre_json(tous) if format_ is Format.json else rendre_liste(tous)
    else:
        ref = charger_referentiel(nom)
        texte = rendre_json(ref) if format_ is Format.json else rendre_referentiel(ref)
    ecrire_sortie(texte, None)
    return OK
