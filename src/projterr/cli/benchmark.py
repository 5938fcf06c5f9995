"""`projterr benchmark`: my strategy beside other territories', theme by theme."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from projterr.cli.common import (
    OK,
    commande,
    ecrire_octets,
    ecrire_sortie,
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
    from projterr.match.benchmark import DocumentLu, comparer_territoires
    from projterr.match.elements import nom_document
    from projterr.match.profil import Profileur
    from projterr.referentiels import charger_referentiel, charger_sigles, charger_thesaurus

    valeur_seuil = lire_seuil(seuil)
    forme = format_du_rapport("benchmark", format_, sortie, RENDUS, (mien, *autres))
    if not mien.exists():
        raise ProjterrError("fichier introuvable", str(mien))
    if mien.is_dir():
        from projterr.importers.dossier import verifier_dossier

        verifier_dossier(mien)  # MIEN is one document: only a folder of fiches is one
    for chemin in autres:
        if not chemin.exists():
            raise ProjterrError("fichier ou dossier introuvable", str(chemin))
    sources = [corpus_.sources(chemin) for chemin in autres]
    # my own document inside a folder of others would be compared with itself: left out
    fichiers = [
        f
        for src in sources
        for f in src.fichiers
        if not (src.dossier and f.resolve() == mien.resolve())
    ]
    dossiers = {f for src in sources if src.dossier for f in src.fichiers}
    entrees = (mien, *fichiers)
    if sortie is not None and str(sortie) != "-":
        verifier_sortie(sortie, entrees)  # before the work, not after
    ref = charger_referentiel(referentiel)
    table = charger_sigles(sigles)
    # the matching layers of `projterr match` with its defaults, so both agree on a pair
    refs = [charger_referentiel(n) for n in REFERENTIELS_DEFAUT.split(",")]
    profileur = Profileur(table, charger_thesaurus(), refs)

    lus: list[DocumentLu] = []
    ignores: list[str] = []
    with Progression(_GROS_TRAVAIL) as suivi:
        suivi.debut("lecture des documents", len(fichiers), gros=_GROS_DOSSIER)
        moi = DocumentLu(charger(mien), str(mien))
        identite = (moi.projet.territoire.nom, nom_document(moi.projet))
        for fichier in fichiers:
            suivi.avancer(1)
            try:
                projet = charger(fichier)
            except ProjterrError:
                if fichier not in dossiers:
                    raise
                # in a folder, a stray file (a profil, a référentiel) must not stop the run
                sys.stderr.write(
                    f"projterr : {fichier} : ignoré, ce n'est pas un document projterr lisible\n"
                )
                ignores.append(str(fichier))
                continue
            if (projet.territoire.nom, nom_document(projet)) == identite:
                # a copy of mine: match never pairs an element with its twin, so every action
                # would come out as a piste
                if fichier not in dossiers:
                    raise ProjterrError(
                        "c'est le même document que MIEN : donnez ceux d'autres territoires",
                        str(fichier),
                    )
                sys.stderr.write(
                    f"projterr : {fichier} : ignoré, c'est le même document que MIEN\n"
                )
                continue
            lus.append(DocumentLu(projet, str(fichier)))
        if not lus:
            raise ProjterrError(
                "aucun autre territoire à comparer (documents illisibles, ou le même que MIEN)"
            )
        suivi.debut("comparaison", sum(1 for d in lus for _ in d.projet.actions()))
        rapport = comparer_territoires(
            moi,
            lus,
            ref,
            profileur,
            table,
            seuil=valeur_seuil,
            limite=pistes,
            ignores=ignores,
            progression=suivi.avancer,
            tout=tout,
            autres_referentiels=refs,
        )
    rendu = RENDUS.rendre(forme, rapport)
    if isinstance(rendu, bytes):
        assert sortie is not None  # checked before the work
        ecrire_octets(rendu, sortie)
    else:
        ecrire_sortie(rendu, sortie, entrees=entrees)
    return OK


# Documents of a folder to read before a progress bar is worth showing.
_GROS_DOSSIER = 50
