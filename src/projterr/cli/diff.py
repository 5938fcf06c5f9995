"""`projterr diff`: what changed between two versions of a document."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from projterr.cli.common import (
    CONSTATS,
    OK,
    avertisseur,
    charger,
    commande,
    ecrire_octets,
    ecrire_sortie,
    format_du_rapport,
    lire_seuil,
    option_format,
    verifier_sortie,
    vers_fichier,
)
from projterr.render.diff import RENDUS

FormatDiff = StrEnum("FormatDiff", {f: f for f in RENDUS.formats()})  # type: ignore[misc]


@commande
def diff(
    ancien: Annotated[
        Path,
        typer.Argument(
            metavar="ANCIEN", help="Version de référence : YAML projterr ou source à importer."
        ),
    ],
    nouveau: Annotated[
        Path,
        typer.Argument(
            metavar="NOUVEAU", help="Nouvelle version : YAML projterr ou source à importer."
        ),
    ],
    format_: Annotated[FormatDiff | None, option_format(RENDUS)] = None,
    sortie: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--sortie",
            metavar="FICHIER",
            help="Fichier à écrire (par défaut : la sortie standard).",
        ),
    ] = None,
    seuil: Annotated[
        str,
        typer.Option(
            "--seuil",
            metavar="SEUIL",
            help="Similarité minimale, de 0 à 100 (comme pour check), pour reconnaître une "
            "action reformulée ou déplacée ailleurs dans le document ; sous le même parent "
            "ou au même numéro, une ressemblance moindre suffit.",
        ),
    ] = "75",
    auteur: Annotated[
        str,
        typer.Option(
            "--auteur",
            metavar="NOM",
            help="Auteur des modifications suivies du format docx (par défaut : projterr).",
        ),
    ] = "projterr",
    modele: Annotated[
        Path | None,
        typer.Option(
            "--modele",
            help="Document Word dont le format docx reprend les styles, marges, en-tête et "
            "pied de page (comme pour export).",
        ),
    ] = None,
) -> int:
    """Comparer deux versions d'un document : ajouts, suppressions, reformulations,
    déplacements, renumérotations, et chaque champ des fiches actions.

    Code de sortie : 0 si les versions sont identiques (à la typographie près), 1 s'il y a
    des différences, 2 en cas d'erreur.
    """
    from projterr.diff import comparer

    entrees = (ancien, nouveau, *((modele,) if modele else ()))
    forme = format_du_rapport("diff", format_, sortie, RENDUS, entrees)
    if vers_fichier(sortie):
        assert sortie is not None
        verifier_sortie(sortie, entrees)  # before the work, not after
    rapport = comparer(
        charger(ancien),
        charger(nouveau),
        seuil=lire_seuil(seuil) / 100.0,
        fichiers=(ancien.name, nouveau.name),
    )
    code = OK if rapport.identiques else CONSTATS
    if forme == "text" and not vers_fichier(sortie):
        from projterr.render.diff.texte import afficher
        from projterr.render.terminal import console

        afficher(rapport, console())
        return code
    rendu_ = RENDUS[forme]
    if rendu_.binaire:
        assert sortie is not None  # checked before the work
        octets = rendu_.fonction_de_rendu()(  # type: ignore[call-arg]
            rapport, auteur=auteur, modele=modele, avertir=avertisseur(modele)
        )
        assert isinstance(octets, bytes)
        ecrire_octets(octets, sortie)
        return code
    texte = RENDUS.rendre(forme, rapport)
    assert isinstance(texte, str)
    ecrire_sortie(texte, sortie, entrees=entrees)
    return code
