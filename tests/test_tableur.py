"""Spreadsheets projterr writes: every cell's text stays inside its cell (issue 21).

Neither Excel nor LibreOffice grows a row written by a program: a wrapped text taller than
its row is drawn over the rows below. Each test reads the workbooks back and checks, cell by
cell, an independent lower bound: a text of n characters in a column w wide needs at least
n / w lines, and a text wider than its column must wrap.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from projterr.tableur import POINTS_PAR_LIGNE, lignes_affichees

RACINE = Path(__file__).parents[1]
EXEMPLES = RACINE / "examples"
COEUR = EXEMPLES / "coeur-de-lorraine_2025.yaml"


def _projterr(*args: str) -> None:
    r = subprocess.run([sys.executable, "-m", "projterr", *args], capture_output=True, text=True)
    assert r.returncode in (0, 1), r.stderr


def _cellules_qui_debordent(chemin: Path) -> list[str]:
    """Cells whose text spills out, on the visible sheets (merged cells aside): a wrapped
    text taller than its row (drawn over the next rows), or an unwrapped one wider than its
    column with a filled cell on its right (cut off)."""
    classeur = load_workbook(chemin)
    debordent = []
    for feuille in classeur.worksheets:
        if feuille.sheet_state != "visible":
            continue
        fusionnees = {c for plage in feuille.merged_cells.ranges for c in plage.cells}
        for ligne in feuille.iter_rows():
            for cellule in ligne:
                texte = cellule.value
                if not isinstance(texte, str) or (cellule.row, cellule.column) in fusionnees:
                    continue
                largeur = feuille.column_dimensions[get_column_letter(cellule.column)].width
                largeur = largeur or 8.43  # Excel's default
                parties = texte.split("\n")
                lignes = sum(max(1, math.ceil(len(p) / largeur)) for p in parties)
                if lignes == 1:
                    continue  # fits on one line of a default row
                enveloppe = cellule.alignment is not None and cellule.alignment.wrap_text
                if not enveloppe:
                    voisine = feuille.cell(row=cellule.row, column=cellule.column + 1).value
                    if len(parties) > 1 or voisine not in (None, ""):
                        debordent.append(
                            f"{feuille.title}!{cellule.coordinate} coupé : {texte[:40]}"
                        )
                    continue
                hauteur = feuille.row_dimensions[cellule.row].height
                if hauteur is None or hauteur < POINTS_PAR_LIGNE * lignes * _taille(cellule):
                    debordent.append(f"{feuille.title}!{cellule.coordinate} : {texte[:40]}")
    return debordent


def _taille(cellule: object) -> float:
    """The cell's font size relative to the default 11 points."""
    police = getattr(cellule, "font", None)
    taille = getattr(police, "sz", None) or 11
    return float(taille) / 11


@pytest.mark.parametrize("referentiel", ["odd", "pcaet", "crte"])
def test_benchmark_xlsx_chaque_texte_dans_sa_case(referentiel: str, tmp_path: Path) -> None:
    sortie = tmp_path / "benchmark.xlsx"
    _projterr(
        "benchmark", str(COEUR), str(EXEMPLES / "midi-quercy.yaml"),
        str(EXEMPLES / "isigny-omaha_pvd.yaml"), "--referentiel", referentiel,
        "--pistes", "0", "-o", str(sortie),
    )  # fmt: skip
    assert _cellules_qui_debordent(sortie) == []


def test_match_xlsx_chaque_texte_dans_sa_case(tmp_path: Path) -> None:
    sortie = tmp_path / "match.xlsx"
    _projterr("match", str(COEUR), str(EXEMPLES / "midi-quercy.yaml"), "-o", str(sortie))
    assert load_workbook(sortie)["Correspondances"].max_row > 20
    assert _cellules_qui_debordent(sortie) == []


def test_export_tet_chaque_texte_dans_sa_case(tmp_path: Path) -> None:
    sortie = tmp_path / "plan.xlsx"
    _projterr(
        "export", str(RACINE / "tests/fixtures/yaml/fiches-completes.yaml"), "-o", str(sortie)
    )
    assert _cellules_qui_debordent(sortie) == []


@given(
    mots=st.lists(st.text(st.characters(categories=["L"]), min_size=1, max_size=30), max_size=40),
    largeur=st.integers(min_value=5, max_value=120),
)
def test_lignes_affichees_jamais_moins_que_le_texte_n_en_demande(
    mots: list[str], largeur: int
) -> None:
    """At least as many lines as the characters need, and one per « \\n »-separated part."""
    texte = " ".join(mots)
    lignes = lignes_affichees(texte, largeur)
    assert lignes >= max(1, math.ceil(len(texte) / largeur))
    assert lignes_affichees(texte + "\n" + texte, largeur) == 2 * lignes
