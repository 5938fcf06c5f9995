"""One action per row: a table whose header names an action column and fiche fields
(« N° | Action | Pilote | Partenaires | Échéance | Budget »), in Word and in ODT, gives one
action per row with its fields, mapped by the labels the fiche reader knows
(:func:`projterr.importers.rubriques.rubrique`).

Decision for a column no field stands for (« Commentaire »): it is not dropped, it goes to
the action's description as « Commentaire : … », label kept. A row that becomes no action
(a table before any heading) sends its cells to ``non_classe`` with table, row and column.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from fabrique_bureautique import contenu_odt, odt_brut
from projterr.importers import ResultatImport, importer_fichier

Tableau = tuple[tuple[str, ...], ...]
Element = str | Tableau  # a heading (« Axe 1 : … » level 1, others level 2), or a table

ENTETE = ("N°", "Action", "Pilote", "Partenaires", "Échéance", "Budget", "Commentaire")
RANGEES = (
    ("1.1.1", "Créer une maison de santé", "Communauté de communes", "ARS, Département",
     "2026-2027", "1 200 000 €", ""),
    ("1.1.2", "Former les aidants", "CIAS", "", "", "", "à voir avec la Région"),
    ("", "Recruter des médecins", "", "", "2028", "", ""),
)  # fmt: skip
STATUTS: Tableau = (
    ("Intitulé", "Porteur", "Statut"),
    ("Ouvrir une ligne de TAD", "PETR", "En cours"),
)
PLAN: list[Element] = [
    "Axe 1 : Santé",
    "Objectif stratégique 1.1 : Accès aux soins",
    (ENTETE, *RANGEES),
    "Axe 2 : Mobilité",
    STATUTS,
]


def _niveau(titre: str) -> int:
    return 1 if titre.startswith("Axe") else 2


def _docx(elements: list[Element]) -> bytes:
    document = docx.Document()
    for element in elements:
        if isinstance(element, str):
            document.add_heading(element, _niveau(element))
            continue
        table = document.add_table(rows=len(element), cols=len(element[0]))
        for rangee, valeurs in zip(table.rows, element, strict=True):
            for cellule, valeur in zip(rangee.cells, valeurs, strict=True):
                cellule.text = valeur
    tampon = io.BytesIO()
    document.save(tampon)
    return tampon.getvalue()


def _odt(elements: list[Element]) -> bytes:
    corps = ""
    for element in elements:
        if isinstance(element, str):
            corps += f'<text:h text:outline-level="{_niveau(element)}">{element}</text:h>'
            continue
        # Columns declared as LibreOffice declares them (without, it shows only the first).
        corps += (
            '<table:table table:name="Actions">'
            f'<table:table-column table:number-columns-repeated="{len(element[0])}"/>'
        )
        for valeurs in element:
            cellules = "".join(
                f"<table:table-cell><text:p>{v}</text:p></table:table-cell>" for v in valeurs
            )
            corps += f"<table:table-row>{cellules}</table:table-row>"
        corps += "</table:table>"
    return odt_brut(contenu_odt(corps))


FORMATS: dict[str, Callable[[list[Element]], bytes]] = {"docx": _docx, "odt": _odt}


def _importer(
    tmp_path: Path, format_: str, elements: list[Element], profil: str | None = None
) -> ResultatImport:
    chemin = tmp_path / f"plan.{format_}"
    chemin.write_bytes(FORMATS[format_](elements))
    return importer_fichier(chemin, profil)


@pytest.mark.parametrize("profil", [None, "fiches-actions"])
@pytest.mark.parametrize("format_", list(FORMATS))
def test_une_action_par_rangee(tmp_path: Path, format_: str, profil: str | None) -> None:
    """The same actions and fields whichever engine reads the lines (a profil, or the fiche
    reader)."""
    projet = _importer(tmp_path, format_, PLAN, profil).projet
    actions = {a.texte: a for _, a in projet.actions()}
    assert list(actions) == [
        "Créer une maison de santé", "Former les aidants", "Recruter des médecins",
        "Ouvrir une ligne de TAD",
    ]  # fmt: skip
    maison = actions["Créer une maison de santé"]
    assert maison.numero == "1.1.1"
    assert maison.porteurs == ["Communauté de communes"]
    assert maison.partenaires == ["ARS", "Département"]
    assert maison.echeance == "2026-2027"
    assert maison.budget == 1_200_000
    aidants = actions["Former les aidants"]
    assert aidants.porteurs == ["CIAS"]
    assert aidants.description == ["Commentaire : à voir avec la Région"]  # kept, with its label
    assert actions["Recruter des médecins"].numero is None  # no number is made up
    assert actions["Recruter des médecins"].echeance == "2028"
    tad = actions["Ouvrir une ligne de TAD"]
    assert (tad.porteurs, tad.statut) == (["PETR"], "En cours")
    assert not projet.non_classe
    # The actions are where the headings put them.
    assert [a.texte for a in projet.contenu[0].enfants[0].actions][:1] == [
        "Créer une maison de santé"
    ]


@pytest.mark.parametrize("format_", list(FORMATS))
def test_rangees_sans_action_dans_non_classe(tmp_path: Path, format_: str) -> None:
    """A table before any heading: its rows are introduction text, their fields are kept in
    non_classe with their place in the table."""
    resultat = _importer(tmp_path, format_, [(ENTETE, RANGEES[0]), *PLAN[:2]])
    (case_pilote,) = [n for n in resultat.projet.non_classe if n.texte.startswith("Pilote")]
    assert case_pilote.texte == "Pilote : Communauté de communes"
    assert case_pilote.position == "tableau 1, rangée 2, colonne 3"
    textes = " ".join(n.texte for n in resultat.projet.non_classe)
    for valeur in ("ARS, Département", "2026-2027", "1 200 000 €"):
        assert valeur in textes


@pytest.mark.parametrize("format_", list(FORMATS))
def test_tableau_sans_colonne_action_reste_du_texte(tmp_path: Path, format_: str) -> None:
    """A table of figures is not a plan: no action is made from it."""
    chiffres: Tableau = (("Commune", "Habitants", "Budget"), ("Trévières", "1 000", "20 000 €"))
    projet = _importer(tmp_path, format_, ["Axe 1 : Santé", chiffres]).projet
    assert not list(projet.actions())
    assert "Trévières" in projet.model_dump_json()
