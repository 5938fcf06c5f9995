"""`projterr benchmark`: my strategy beside other territories', theme by theme."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from projterr.cli.common import (
    OK,
    commande,
    ecrire_rendu,
    format_du_rapport,
    option_format,
    verifier_sortie,
)
from projterr.cli.match import REFERENTIELS_DEFAUT, SEUIL_DEFAUT
from projterr.render.benchmark import RENDUS

FormatBenchmark = StrEnum("FormatBenchmark", {f: f for f in RENDUS.formats()})  # type: ignore[misc]

PISTES_DEFAUT = 10


@commande
def benchmark(
    mien: Annotated[
        Path,
        typer.Argument(metavar="MIEN", help="Votre document (.yaml ou source à importer)."),
    ],
    autres: Annotated[
        list[Path],
        typer.Argument(
            metavar="AUTRES...",
            help="Documents d'autres territoires, ou dossiers de documents (.yaml, "
            "sous-dossiers compris) : une colonne par document.",
        ),
    ],
    referentiel: Annotated[
        str,
        typer.Option(
            "--referentiel",
            "-r",
            metavar="NOM",
            help="Référentiel dont les thèmes font les lignes du tableau : livré (pvd, ort, "
            "odd, crte, pcaet, leader) ou chemin de votre fichier YAML.",
        ),
    ],
    seuil: Annotated[
        str,
        typer.Option(
            "--seuil",
            metavar="SEUIL",
            help="Score (0 à 100) à partir duquel une action d'un autre territoire a sa "
            "correspondance chez vous, comme pour projterr match ; en dessous, c'est une piste.",
        ),
    ] = SEUIL_DEFAUT,
    pistes: Annotated[
        int,
        typer.Option(
            "--pistes",
            metavar="N",
            min=0,
            help="Pistes (et actions des autres sur un thème non couvert) montrées par thème "
            "en text, markdown, html et docx (0 : toutes) ; json et xlsx les donnent toutes.",
        ),
    ] = PISTES_DEFAUT,
    format_: Annotated[FormatBenchmark | None, option_format(RENDUS)] = None,
    sortie: Annotated[
        Path | None,
        typer.Option(
            "-o", "--sortie", metavar="FICHIER", help="Fichier à écrire (par défaut : l'écran)."
        ),
    ] = None,
    sigles: Annotated[
        Path | None,
        typer.Option(
            "--sigles", metavar="FICHIER", help="Sigles à ajouter à ceux livrés (fichier YAML)."
        ),
    ] = None,
    tout: Annotated[
        bool,
        typer.Option(
            "--tout",
            help="Garder aussi parmi les pistes ce qui relève du fonctionnement interne des "
            "autres structures (leurs agents, leurs instances, leurs conventions avec leurs "
            "EPCI), écarté par défaut.",
        ),
    ] = False,
) -> int:
    """Comparer votre stratégie à celles d'autres territoires : le nombre d'actions de chacun
    par thème d'un référentiel (avec une carte de couverture en html, docx et xlsx), les
    thèmes où les autres agissent et pas vous, et, pour chaque action des autres sans
    correspondance chez vous, une piste à étudier avec votre action la plus proche.

    Code de sortie : 0 (pistes trouvées ou non), 2 en cas d'erreur.
    """
    import sys

    from projterr.cli.common import charger, lire_seuil
    from projterr.cli.match import _GROS_TRAVAIL
    from projterr.cli.progression import Progression
    from projterr.errors import ProjterrError
    from projterr.match import corpus as corpus_
    from projterr.match.benchmark import comparer_territoires
    from projterr.match.corpus import DocumentLu
    from projterr.match.vocabulaire import Vocabulaire
    from projterr.referentiels import charger_referentiel, charger_sigles, charger_thesaurus

    valeur_seuil = lire_seuil(seuil)
    forme = format_du_rapport("benchmark", format_, sortie, RENDUS, (mien, *autres))
    if not mien.exists():
        raise ProjterrError("fichier introuvable", str(mien))
    if mien.is_dir():
        from projterr.importers.dossier import verifier_dossier

        verifier_dossier(mien)  # MIEN is one document: only a folder of fiches is one
    lus_autres = corpus_.autres(mien, autres)
    entrees = (mien, *lus_autres.fichiers)
    if sortie is not None and str(sortie) != "-":
        verifier_sortie(sortie, entrees)  # before the work, not after
    ref = charger_referentiel(referentiel)
    table = charger_sigles(sigles)
    # the matching layers of `projterr match` with its defaults, so both agree on a pair
    refs = [charger_referentiel(n) for n in REFERENTIELS_DEFAUT.split(",")]
    vocabulaire = Vocabulaire(table, charger_thesaurus(), refs)

    def ignorer(fichier: Path, raison: str) -> None:
        sys.stderr.write(f"projterr : {fichier} : ignoré, {raison}\n")

    with Progression(_GROS_TRAVAIL) as suivi:
        suivi.debut("lecture des documents", len(lus_autres.fichiers), gros=_GROS_DOSSIER)
        moi = DocumentLu(charger(mien), str(mien))
        lus, ignores = corpus_.lire_autres(moi, lus_autres, charger, ignorer, suivi.avancer)
        suivi.debut("comparaison", sum(1 for d in lus for _ in d.projet.actions()))
        rapport = comparer_territoires(
            moi,
            lus,
            ref,
            vocabulaire,
            table,
            seuil=valeur_seuil,
            limite=pistes,
            ignores=ignores,
            progression=suivi.avancer,
            tout=tout,
            autres_referentiels=refs,
        )
    ecrire_rendu(RENDUS.rendre(forme, rapport), sortie, entrees)
    return OK


# Documents of a folder to read before a progress bar is worth showing.
_GROS_DOSSIER = 50
