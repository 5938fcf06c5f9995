"""The pipeline every reader ends in: its blocs become lines, the most plausible profil reads
them (:mod:`projterr.importers.choix`), and what was set aside gets back its place in the
source; table cells go to the fields of their action; the source is recorded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from projterr.importers.blocs import Bloc, ChampDeTableau, Lecture, vers_lignes
from projterr.importers.choix import lire_au_mieux
from projterr.importers.fiches import remplir_champs
from projterr.importers.moteur import Titres
from projterr.importers.resultat import ResultatImport
from projterr.model import NonClasse, Source
from projterr.sources import empreinte, lire_octets


def importer_blocs(
    blocs: list[Bloc],
    fichier: str,
    profil_demande: str | None = None,
    *,
    empreinte: str | None = None,
    encodage: str | None = None,
    remarques: list[str] | None = None,
    a_part: list[NonClasse] | None = None,
    titres_declares: bool = False,
) -> ResultatImport:
    """Import blocs from any reader: the line engines read them through :func:`vers_lignes`,
    and what they set aside gets back the position of its bloc (page and line in a PDF).

    ``a_part``: what the reader itself kept out of the blocs (a Word note, a PDF's sideways
    banner), added as it is to ``non_classe``.

    ``titres_declares``: the reader's headings are the author's (a Word or ODT heading
    style), so a heading opens a node at its level even when its text names no level; a PDF's
    headings are only guessed from font sizes and count for nothing here."""
    lignes = vers_lignes(blocs)
    titres = Titres.des_origines(lignes.origines) if titres_declares else None
    resultat = lire_au_mieux(lignes.texte, profil_demande, fichier, titres)
    _positions_des_blocs(resultat, lignes.origines)
    if lignes.champs:
        _champs_des_tableaux(resultat, lignes.champs)
    resultat.remarques.extend(remarques or [])
    resultat.projet.non_classe.extend(a_part or [])
    return avec_source(resultat, fichier, empreinte, encodage)


def importer_source(
    chemin: Path,
    profil_demande: str | None,
    lire: Callable[[bytes, str], Lecture],
    data: bytes | None = None,
) -> ResultatImport:
    """Import a file through its reader (``lire``: bytes and name → :class:`Lecture`), then
    the pipeline; ``data`` when the caller already read the file."""
    data = lire_octets(chemin) if data is None else data
    lecture = lire(data, str(chemin))
    return importer_blocs(
        lecture.blocs,
        chemin.name,
        profil_demande,
        empreinte=empreinte(data),
        remarques=lecture.remarques,
        a_part=lecture.a_part,
        titres_declares=lecture.titres_declares,
    )


def avec_source(
    resultat: ResultatImport, fichier: str, empreinte: str | None, encodage: str | None
) -> ResultatImport:
    ancienne = resultat.projet.document.source
    resultat.projet.document.source = Source(
        url=ancienne.url if ancienne else None,
        fichier=fichier,
        empreinte=empreinte,
        profil=resultat.profil,
        encodage=encodage,
        avertissements=list(resultat.avertissements),
    )
    return resultat


def _positions_des_blocs(resultat: ResultatImport, origines: list[Bloc]) -> None:
    """Lines set aside point at their bloc's line (and page) in the source."""
    for liste in (resultat.projet.non_classe, resultat.etiquettes):
        for nc in liste:
            if not 0 < nc.ligne <= len(origines):
                continue
            bloc = origines[nc.ligne - 1]
            if bloc.ligne is not None:
                nc.ligne = bloc.ligne
            if bloc.page is not None:
                nc.page = bloc.page
            elif bloc.tableau is not None or bloc.paragraphe is not None:
                # Word and ODT have no lines: the paragraph, or the table cell, says where.
                nc.ligne = (bloc.rangee if bloc.tableau is not None else bloc.paragraphe) or 0
                nc.position = bloc.position()


def _champs_des_tableaux(resultat: ResultatImport, champs: dict[int, list[ChampDeTableau]]) -> None:
    """The cells of a one-row-per-action table, put in the fields of the action its row
    became (found by the line it was read from). A column that no field stands for goes to
    the action's description with its label; a row that became no action (a table before
    any heading, say) sends its cells to ``non_classe``, with their place in the table."""
    restants = dict(champs)
    for _, action in resultat.projet.actions():
        ligne = action._ligne
        cases = restants.pop(ligne - 1, None) if ligne is not None else None
        if not cases:
            continue
        connus = [(c.champ, c.valeur) for c in cases if c.champ and c.champ != "numero"]
        remplir_champs(action, connus, resultat.projet.non_classe)
        for case in cases:
            if case.champ == "numero":
                action.numero = case.valeur
            elif case.champ is None:
                action.description.append(f"{case.libelle} : {case.valeur}")
    for cases in restants.values():
        for case in cases:
            resultat.projet.non_classe.append(
                NonClasse(
                    ligne=case.cellule.rangee or 0,
                    texte=f"{case.libelle} : {case.valeur}",
                    raison="case d'un tableau d'actions dont la rangée n'est pas devenue une "
                    "action",
                    position=case.cellule.position(),
                )
            )


def lignes_des_pages(resultat: ResultatImport, origines: list[tuple[str, int]]) -> None:
    """Lines set aside point at their page and their line there, not at the joined text."""
    for liste in (resultat.projet.non_classe, resultat.etiquettes):
        for nc in liste:
            if 0 < nc.ligne <= len(origines):
                page, ligne = origines[nc.ligne - 1]
                nc.ligne = ligne
                nc.page = page
