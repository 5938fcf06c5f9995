"""Territoires en Transitions plans in Excel: the import template and the platform's own export.

The import template (the one the platform's parser reads) is the sheet whose A2 is « Axe (x) »:
28 headers in row 2 in a fixed order, field types in row 3, one fiche per row from row 4. The
axe path is whichever of A–C are filled; a filled E makes the row a sous-action of the row with
the same title (D) and path. The platform's export (« Plan d'action ») has merged section titles
in row 1, labels in row 2, data from row 3 and only the columns that hold something: it is read
by label.

A workbook written by :mod:`projterr.export.tet_excel` also holds a hidden « projterr » sheet
with what the platform has no column for (level types, ids, descriptions of levels, document
metadata, fields such as ``dispositifs``): read back, it gives the same Projet. Without it (a
file from the platform or filled by hand), levels are « axe », « sous_axe », « sous_sous_axe »
and ids derive from the texts.

Nothing is dropped: a cell that fits no field goes to ``non_classe`` with its row, and its sheet
and column in the reason.

One module per idea: ``colonnes`` (the template's columns and how a cell's text is read and
written, shared with the writer), ``classeur`` (opening the workbook safely, its sheets),
``modele`` (the import template's rows), ``plateforme`` (the platform's export), ``arbre``
(rows into the tree of axes and fiches).
"""

from __future__ import annotations

from pathlib import Path

from projterr.errors import ClasseurInvalide
from projterr.ids import Identifiants
from projterr.importers.plausibilite import juger
from projterr.importers.resultat import ResultatImport
from projterr.importers.tet.arbre import construire_arbre, projet_du_plan
from projterr.importers.tet.classeur import (
    formules,
    fusions,
    lire_meta,
    ouvrir_classeur,
    verifier_classeur,
)
from projterr.importers.tet.colonnes import LIGNES_MAX, PREMIERE_LIGNE, texte_de
from projterr.importers.tet.modele import LecturePlan, lire_modele
from projterr.importers.tet.plateforme import est_export, lire_export
from projterr.model import Source
from projterr.sources import empreinte, lire_octets

__all__ = ["importer_tet", "lire_tet"]


def lire_tet(data: bytes, nom: str = "<classeur>") -> ResultatImport:
    """Read a Territoires en Transitions plan (import template or platform export)."""
    verifier_classeur(data, nom)
    wb = ouvrir_classeur(data, nom, valeurs=False)
    ws = next((w for w in wb.worksheets if texte_de(w["A2"].value) == "Axe (x)"), None)
    if ws is not None and est_export(ws):
        export = True
    else:
        export = False
        if ws is None:
            ws = next((w for w in wb.worksheets if est_export(w)), None)
            export = ws is not None
    if ws is None:
        onglets = ", ".join(f"« {w.title} »" for w in wb.worksheets[:5])
        raise ClasseurInvalide(
            f"aucun onglet n'a « Axe (x) » en A2 (onglets : {onglets}) : ce n'est pas un plan "
            "d'action au modèle de Territoires en Transitions",
            nom,
        )
    premiere = 3 if export else PREMIERE_LIGNE
    if any(c.data_type == "f" for r in ws.iter_rows(min_row=premiere) for c in r):
        wb_valeurs = ouvrir_classeur(data, nom, valeurs=True)
        formules(ws, wb_valeurs[ws.title], nom, premiere)
        wb, ws = wb_valeurs, wb_valeurs[ws.title]
    if (ws.max_row or 0) > LIGNES_MAX:
        raise ClasseurInvalide(f"onglet « {ws.title} » : plus de {LIGNES_MAX} lignes", nom)
    lecture = LecturePlan(feuille=ws.title, meta=lire_meta(wb))
    if export:
        lire_export(ws, nom, lecture)
    else:
        fusions(ws, nom, PREMIERE_LIGNE)
        lire_modele(ws, nom, lecture)
    contenu = construire_arbre(lecture, ws, nom, Identifiants())
    projet = projet_du_plan(lecture, contenu, nom)
    lignes = len(lecture.lignes)
    genre = "export de la plateforme" if export else "modèle d'import"
    resultat = ResultatImport(
        projet=projet,
        remarques=lecture.remarques,
        choix=f"plan d'action Territoires en Transitions ({genre}, onglet « {ws.title} », "
        f"{lignes} ligne{'s' if lignes > 1 else ''} de fiche)",
    )
    resultat.avertissements = juger(projet).raisons
    return resultat


def importer_tet(chemin: Path) -> ResultatImport:
    """Import a ``.xlsx`` (or ``.xlsm``) Territoires en Transitions plan from ``chemin``."""
    data = lire_octets(chemin)
    resultat = lire_tet(data, str(chemin))
    ancienne = resultat.projet.document.source
    resultat.projet.document.source = Source(
        url=ancienne.url if ancienne else None,
        fichier=chemin.name,
        empreinte=empreinte(data),
        avertissements=list(resultat.avertissements),
    )
    return resultat
