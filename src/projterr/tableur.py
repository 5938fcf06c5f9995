"""Row heights for the spreadsheets projterr writes (match, benchmark, Territoires en
Transitions): neither Excel nor LibreOffice grows a row written by a program, so a wrapped
text taller than its row is drawn over the next rows. Each row gets the height of its
tallest cell, its lines counted as a word processor wraps them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

# Points per line of the default 11-point font, and Excel's maximum row height.
POINTS_PAR_LIGNE = 15.0
HAUTEUR_MAX = 409.0
# A column width counts '0' characters of the default font; an average French text is a
# little wider (capitals, « m », « w »): a tenth more, so that the estimate errs on the tall side.
_LARGEUR_CARACTERE = 1.1


def lignes_affichees(texte: str, largeur: float) -> int:
    """How many lines ``texte`` takes in a column ``largeur`` wide, words kept whole (a word
    longer than the line is cut), each « \\n » starting a line."""
    capacite = max(1, int((largeur - 1) / _LARGEUR_CARACTERE))
    total = 0
    for paragraphe in texte.split("\n"):
        lignes, courante = 1, 0
        for mot in paragraphe.split():
            n = len(mot)
            if courante and courante + 1 + n > capacite:
                lignes, courante = lignes + 1, 0
            if n > capacite:  # cut across lines
                lignes += (n - 1) // capacite
                n = (n - 1) % capacite + 1
            courante += n + (1 if courante else 0)
        total += lignes
    return total


def hauteur(valeurs: Iterable[object], largeurs: Sequence[float]) -> float:
    """The height (points) of a row holding ``valeurs`` in columns ``largeurs`` wide."""
    lignes = 1
    for valeur, largeur in zip(valeurs, largeurs, strict=False):
        if isinstance(valeur, str) and valeur:
            lignes = max(lignes, lignes_affichees(valeur, largeur))
    return min(POINTS_PAR_LIGNE * lignes + 3, HAUTEUR_MAX)


def ajuster_hauteurs(
    feuille: Any, largeurs: Sequence[float], depuis: int = 1, jusqu_a: int | None = None
) -> None:
    """Give rows ``depuis``..``jusqu_a`` of an openpyxl sheet the height of their tallest
    cell (the cells must wrap their text: ``Alignment(wrap_text=True)``)."""
    for ligne in feuille.iter_rows(min_row=depuis, max_row=jusqu_a):
        feuille.row_dimensions[ligne[0].row].height = hauteur((c.value for c in ligne), largeurs)


def imprimer_en_largeur(feuille: Any) -> None:
    """Print the sheet landscape, all its columns on the page's width (its rows on as many
    pages as they need): a table of long texts is read on paper too."""
    from openpyxl.worksheet.properties import PageSetupProperties

    feuille.page_setup.orientation = "landscape"
    feuille.page_setup.paperSize = feuille.PAPERSIZE_A4
    feuille.page_setup.fitToWidth = 1
    feuille.page_setup.fitToHeight = 0
    feuille.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    feuille.print_title_rows = "1:1"  # the header row on every page


def envelopper(feuille: Any, largeurs: Sequence[float], alignement: Any, depuis: int = 2) -> None:
    """A table of long texts, from row ``depuis``: every cell aligned by ``alignement`` (its
    text wrapped), each row as tall as its tallest cell, printed landscape on the page's
    width."""
    for ligne in feuille.iter_rows(min_row=depuis):
        for cellule in ligne:
            cellule.alignment = alignement
    ajuster_hauteurs(feuille, largeurs, depuis)
    imprimer_en_largeur(feuille)
