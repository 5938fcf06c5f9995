"""The benchmark report as an Excel workbook: « Couverture » (the table, a colour scale and a
bar chart), « Pistes » (every piste, filterable), « Thèmes non couverts », « Réglages »."""

from __future__ import annotations

import io
from typing import Any

from projterr.match.rapport_benchmark import RapportBenchmark
from projterr.render.benchmark import commun
from projterr.tableur import ajuster_hauteurs, envelopper

_POLICE = "Calibri"  # the workbook's own: a bold cell without a font name falls back to a serif

_PISTES = [
    ("Thème", 30),
    ("Non couvert chez vous", 12),
    ("Territoire", 28),
    ("Numéro", 10),
    ("Action", 70),
    ("Ses thèmes", 24),
    ("Le plus proche chez vous", 60),
    ("Numéro chez vous", 12),
    ("Score", 8),
    ("Identifiant", 16),
]


def xlsx(rapport: RapportBenchmark) -> bytes:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.formatting.rule import ColorScaleRule, FormulaRule
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    classeur = Workbook()
    feuille = classeur.active
    assert feuille is not None
    feuille.title = "Couverture"
    gras = Font(name=_POLICE, bold=True)
    haut = Alignment(vertical="top", wrap_text=True)

    # the table: themes in rows (référentiel order, « sans thème » last), territories in
    # columns — or, for many territories, the other way round (as in html and docx)
    transpose = commun.transposer(rapport)
    noms = [t.nom + (" (vous)" if k == 0 else "") for k, t in enumerate(rapport.territoires)]
    n_themes = len(rapport.themes)
    if transpose:
        feuille.append(["Territoire", *(ligne.libelle for ligne in rapport.lignes), "Actions"])
        for k, nom in enumerate(noms):
            feuille.append(
                [nom, *(ligne.effectifs[k] for ligne in rapport.lignes),
                 rapport.territoires[k].actions]
            )  # fmt: skip
    else:
        feuille.append(["Thème", *noms])
        for ligne in rapport.lignes:
            feuille.append([ligne.libelle, *ligne.effectifs])
        feuille.append(["Actions", *(t.actions for t in rapport.territoires)])

    def position(r: int, k: int) -> tuple[int, int]:
        """Row and column of the count of report row ``r`` for territory ``k``."""
        return (2 + k, 2 + r) if transpose else (2 + r, 2 + k)

    derniere, n_col = feuille.max_row, feuille.max_column
    for cellule in feuille[1]:
        cellule.font = gras
        cellule.alignment = Alignment(vertical="center", horizontal="center", wrap_text=True)
    feuille["A1"].alignment = Alignment(vertical="center")
    for ligne_xl in feuille.iter_rows(min_row=2, max_row=derniere):
        ligne_xl[0].alignment = Alignment(vertical="center", wrap_text=True)
        for cellule in ligne_xl[1:]:
            cellule.alignment = Alignment(horizontal="center", vertical="center")
    totaux = (
        [feuille.cell(row=i, column=n_col) for i in range(1, derniere + 1)]
        if transpose
        else list(feuille[derniere])
    )
    for cellule in totaux:
        cellule.font = gras
    largeurs = [40 if transpose else 46] + [15 if transpose else 22] * (n_col - 1)
    for j, largeur in enumerate(largeurs, 1):
        feuille.column_dimensions[get_column_letter(j)].width = largeur
    # every theme and territory name whole in its cell, however long
    ajuster_hauteurs(feuille, largeurs, 1, derniere)
    feuille.freeze_panes = "B2"

    orange = PatternFill("solid", fgColor=commun.ALERTE_FOND, bgColor=commun.ALERTE_FOND)
    trait = Side(style="medium", color=commun.ALERTE_TRAIT)
    for r, ligne in enumerate(rapport.lignes):
        if commun.alerte(ligne, 0):
            rang, colonne = position(r, 0)
            cellule = feuille.cell(row=rang, column=colonne)
            cellule.border = Border(left=trait, right=trait, top=trait, bottom=trait)
            cellule.font = gras
            # first and stopping: the colour scale below would paint over a plain fill
            feuille.conditional_formatting.add(
                cellule.coordinate, FormulaRule(formula=["TRUE"], fill=orange, stopIfTrue=True)
            )
    # the colour scale over the themes only (« sans thème » would pale them), as in html/docx
    if n_themes:
        rang, colonne = position(n_themes - 1, len(rapport.territoires) - 1)
        feuille.conditional_formatting.add(
            f"B2:{get_column_letter(colonne)}{rang}",
            ColorScaleRule(
                start_type="num", start_value=0, start_color=commun.PALETTE[0],
                end_type="max", end_color=commun.PALETTE[4],
            ),
        )  # fmt: skip
    gris = PatternFill("solid", fgColor=commun.NEUTRE_FOND)
    for k in range(len(rapport.territoires)):
        rang, colonne = position(len(rapport.lignes) - 1, k)
        cellule = feuille.cell(row=rang, column=colonne)
        cellule.fill = gris
        cellule.font = Font(name=_POLICE, italic=True, color=commun.NEUTRE_ENCRE)

    note = derniere + 2
    feuille.cell(row=note, column=1, value=commun.explication_couverture(rapport))
    feuille.cell(row=note, column=1).alignment = haut
    feuille.merge_cells(start_row=note, start_column=1, end_row=note, end_column=min(n_col, 6))
    feuille.row_dimensions[note].height = 48
    if rapport.non_couverts:
        feuille.cell(row=note + 1, column=1, value=f"Case orange : {commun.ALERTE}")

    if n_themes:
        graphique = BarChart()
        graphique.type = "bar"  # horizontal: theme names stay readable
        graphique.grouping = "clustered"
        graphique.title = "Actions par thème et par territoire"
        graphique.y_axis.title = "Nombre d'actions"
        graphique.y_axis.majorGridlines = None
        graphique.x_axis.scaling.orientation = "maxMin"  # référentiel order, top to bottom
        graphique.x_axis.delete = False
        graphique.y_axis.delete = False
        graphique.legend.position = "b"
        graphique.gapWidth = 50
        ancre = note + 3
        if transpose:
            # hundreds of bars say nothing: mine beside the others' mean, in a small table
            feuille.cell(row=ancre, column=1, value="Thème").font = gras
            feuille.cell(row=ancre, column=2, value=f"{rapport.mien.nom} (vous)").font = gras
            feuille.cell(row=ancre, column=3, value="Moyenne des autres").font = gras
            for i, ligne in enumerate(rapport.themes, 1):
                feuille.cell(row=ancre + i, column=1, value=ligne.libelle)
                feuille.cell(row=ancre + i, column=2, value=ligne.mien)
                moyenne = sum(ligne.autres) / len(ligne.autres)
                feuille.cell(row=ancre + i, column=3, value=round(moyenne, 1))
            haut_donnees, series = ancre, 2
            graphique.title = "Actions par thème : vous et la moyenne des autres"
            ancre += n_themes + 2
        else:
            haut_donnees, series = 1, len(rapport.territoires)
        donnees = Reference(feuille, min_col=2, max_col=1 + series, min_row=haut_donnees,
                            max_row=haut_donnees + n_themes)  # fmt: skip
        themes = Reference(feuille, min_col=1, min_row=haut_donnees + 1,
                           max_row=haut_donnees + n_themes)  # fmt: skip
        graphique.add_data(donnees, titles_from_data=True)
        graphique.set_categories(themes)
        graphique.height = max(8.0, 1.2 + 0.5 * n_themes * max(2, series) / 2)
        graphique.width = 22.0
        feuille.add_chart(graphique, f"A{ancre}")

    pistes = classeur.create_sheet("Pistes")
    _entete(pistes, _PISTES, gras)
    libelles = {ligne.code: ligne.libelle for ligne in rapport.themes}
    for groupe in rapport.groupes:
        for piste in groupe.pistes:  # all of them: a workbook is for filtering
            proche = piste.proche
            pistes.append(
                [
                    groupe.libelle,
                    "oui" if groupe.non_couvert else "non",
                    rapport.territoires[piste.territoire].nom,
                    piste.element.numero,
                    piste.element.texte,
                    ", ".join(libelles.get(c, c) for c in piste.themes),
                    proche.b.texte if proche else None,
                    proche.b.numero if proche else None,
                    round(proche.score, 1) if proche else 0,
                    piste.element.id,
                ]
            )
    envelopper(pistes, [w for _, w in _PISTES], haut)
    pistes.auto_filter.ref = pistes.dimensions

    non_couverts = classeur.create_sheet("Thèmes non couverts")
    _entete(non_couverts, [("Thème", 36), ("Territoire", 28), ("Numéro", 10), ("Action", 90)], gras)
    for ligne in rapport.non_couverts:
        for action in rapport.exemples.get(ligne.code or "", ()):
            non_couverts.append(
                [ligne.libelle, rapport.territoires[action.territoire].nom, action.numero,
                 action.texte]
            )  # fmt: skip
    envelopper(non_couverts, [36, 28, 10, 90], haut)

    infos = classeur.create_sheet("Réglages")
    for cle, valeur in [
        ("Comparaison", commun.sous_titre(rapport)),
        ("Référentiel", f"{rapport.referentiel.titre} ({rapport.referentiel.nom})"),
        ("Réglages", commun.reglages(rapport)),
        ("Pistes", commun.explication_pistes(rapport)),
        *((f"Document {k + 1}", f"{t.nom} : {t.document}" + (f" ({t.fichier})" if t.fichier
           else "")) for k, t in enumerate(rapport.territoires)),
    ]:  # fmt: skip
        infos.append([cle, valeur])
    infos.column_dimensions["A"].width = 16
    infos.column_dimensions["B"].width = 110
    envelopper(infos, [16, 110], haut, depuis=1)
    for ligne_xl in infos.iter_rows():
        ligne_xl[0].font = gras

    for une in classeur.worksheets:  # printed: landscape, as wide as the page
        une.page_setup.orientation = "landscape"
        une.page_setup.paperSize = une.PAPERSIZE_A4
        une.page_setup.fitToWidth = 1
        une.page_setup.fitToHeight = 0
        une.sheet_properties.pageSetUpPr.fitToPage = True

    tampon = io.BytesIO()
    classeur.save(tampon)
    return tampon.getvalue()


def _entete(feuille: Any, colonnes: list[tuple[str, int]], gras: Any) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    feuille.append([titre for titre, _ in colonnes])
    feuille.row_dimensions[1].height = 30
    for cellule in feuille[1]:
        cellule.font = gras
        cellule.alignment = Alignment(vertical="top", wrap_text=True)
    for i, (_, largeur) in enumerate(colonnes, 1):
        feuille.column_dimensions[get_column_letter(i)].width = largeur
    feuille.freeze_panes = "A2"
