"""The body of an ODT document walked in reading order: headings, lists (their numbers as
printed), paragraphs, tables (repeated rows and cells bounded), footnotes and endnotes kept
apart with their place; indexes and running headers are not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from projterr.importers.blocs import Bloc
from projterr.importers.bureautique import (
    bloc_de_paragraphe,
    texte_de_cellule,
)
from projterr.importers.odt.ouverture import DRAW, OFFICE, TABLE, TEXT
from projterr.importers.odt.styles import Compteurs, StylesOdt, entier
from projterr.model import NonClasse

if TYPE_CHECKING:
    from lxml.etree import _Element


# Indexes repeat the document's own text (headings, entries): never read as content.
_INDEX = {
    TEXT + nom
    for nom in (
        "table-of-content",
        "alphabetical-index",
        "illustration-index",
        "table-index",
        "object-index",
        "user-index",
        "bibliography",
    )
}

_GENRES_DE_NOTE = {"footnote": "note de bas de page", "endnote": "note de fin"}
_REPETITIONS_MAX = 64  # a repeated row or cell is written once per repetition, up to this
_CASES_MAX = 200_000  # cells written for the whole document before repetitions count once


def _enfants(el: _Element) -> Iterator[_Element]:
    """Element children only: comments, processing instructions and unresolved entity
    references (a hostile document's ``&xxe;``) are not text."""
    for enfant in el:
        if isinstance(enfant.tag, str):
            yield enfant


class LecteurOdt:
    def __init__(self, styles: StylesOdt, blocs: list[Bloc]) -> None:
        self.styles = styles
        self.blocs = blocs
        self.paragraphe = 0
        self.tableau = 0
        self.cases = 0
        self.notes: list[NonClasse] = []
        self.numeros_de_note: dict[str, int] = {}
        self.listes: dict[str, Compteurs] = {}  # xml:id → counters (text:continue-list)
        self.derniere: dict[str, Compteurs] = {}  # list style → its last list's counters
        self.plan = Compteurs(styles.plan)

    def corps(self, parent: _Element) -> None:
        for el in _enfants(parent):
            tag = el.tag
            if tag in (TEXT + "p", TEXT + "h"):
                self._paragraphe(el)
            elif tag == TEXT + "list":
                self._liste(el, None, 1)
            elif tag == TABLE + "table":
                self._table(el)
            elif tag == DRAW + "frame":  # a text box anchored to the page
                for boite in el.findall(DRAW + "text-box"):
                    self.corps(boite)
            elif tag in _INDEX or tag == TEXT + "tracked-changes":
                continue  # indexes repeat the headings; deleted text is not the document's
            elif tag in (TEXT + "section", TEXT + "soft-page-break") or tag.startswith(TEXT):
                self.corps(el)  # sections, and any other text container

    # -- lists

    def _liste(self, liste: _Element, compteurs: Compteurs | None, niveau: int) -> None:
        style_nom = liste.get(TEXT + "style-name")
        if compteurs is None:  # an outermost list: new counters, or those it continues
            suite = liste.get(TEXT + "continue-list")
            if suite and suite in self.listes:
                compteurs = self.listes[suite]
            elif liste.get(TEXT + "continue-numbering") == "true" and style_nom in self.derniere:
                compteurs = self.derniere[style_nom]
            else:
                compteurs = Compteurs(self.styles.listes.get(style_nom or "", {}))
            self.derniere[style_nom or ""] = compteurs
        elif style_nom and style_nom in self.styles.listes:
            # A nested list with a style of its own: its levels, counted with the outer list.
            compteurs.style = {**compteurs.style, **self.styles.listes[style_nom]}
        identifiant = liste.get("{http://www.w3.org/XML/1998/namespace}id")
        if identifiant:
            self.listes[identifiant] = compteurs
        for item in _enfants(liste):
            if item.tag not in (TEXT + "list-item", TEXT + "list-header"):
                continue
            numero: tuple[str, bool] | None = None
            if item.tag == TEXT + "list-item":
                depart = item.get(TEXT + "start-value")
                numero = compteurs.suivant(niveau, entier(depart, 1) if depart else None)
                ecrit = item.find(TEXT + "number")
                if ecrit is not None and numero is not None and not numero[1]:
                    numero = (" ".join("".join(ecrit.itertext()).split()) or numero[0], False)
            premier = True
            for enfant in _enfants(item):
                if enfant.tag in (TEXT + "p", TEXT + "h"):
                    self._paragraphe(enfant, (numero, niveau) if premier else None)
                    premier = False
                elif enfant.tag == TEXT + "list":
                    self._liste(enfant, compteurs, niveau + 1)
                elif enfant.tag == TABLE + "table":
                    self._table(enfant)

    # -- paragraphs

    def _paragraphe(
        self, p: _Element, liste: tuple[tuple[str, bool] | None, int] | None = None
    ) -> None:
        self.paragraphe += 1
        notes: list[_Element] = []
        cadres: list[_Element] = []
        texte = " ".join(texte_odt(p, notes, cadres).split())
        style_nom = p.get(TEXT + "style-name")
        nom_style = self.styles.nom(style_nom)
        niveau = None
        if p.tag == TEXT + "h":
            niveau = entier(p.get(TEXT + "outline-level"), 1) or 1
        else:
            niveau = self.styles.niveau(style_nom)
        numero_liste = liste[0] if liste else None
        self.blocs.append(
            bloc_de_paragraphe(
                texte,
                nom_style,
                self.paragraphe,
                niveau_titre=niveau,
                numero_titre=(
                    (numero_liste if liste else self._numero_de_titre(p, niveau))
                    if texte and niveau is not None
                    else None
                ),
                liste=(*(numero_liste or ("•", True)), liste[1]) if liste is not None else None,
                style_de_liste=any(
                    "list" in n.casefold() or "liste" in n.casefold()
                    for n in self.styles.famille(style_nom)
                ),
            )
        )
        for note in notes:
            self._note(note)
        # A text box's paragraphs follow the paragraph that anchors it, as their own.
        for cadre in cadres:
            self.corps(cadre)

    def _note(self, note: _Element) -> None:
        """A footnote or endnote, kept apart with its number and the paragraph that calls it."""
        genre = note.get(TEXT + "note-class", "footnote")
        self.numeros_de_note[genre] = self.numeros_de_note.get(genre, 0) + 1
        citation = note.find(TEXT + "note-citation")
        numero = " ".join("".join(citation.itertext()).split()) if citation is not None else ""
        corps_note = note.find(TEXT + "note-body")
        if corps_note is None:
            return
        texte = " ".join(
            " ".join(texte_odt(p, [], []).split()) for p in corps_note.iter(TEXT + "p", TEXT + "h")
        ).strip()
        if texte:
            libelle = _GENRES_DE_NOTE.get(genre, "note")
            self.notes.append(
                NonClasse(
                    ligne=self.paragraphe,
                    texte=texte,
                    raison=f"{libelle} {numero or self.numeros_de_note[genre]} (appelée au "
                    f"paragraphe {self.paragraphe})",
                )
            )

    def _numero_de_titre(self, h: _Element, niveau: int) -> tuple[str, bool] | None:
        """The number of a heading: written by LibreOffice in the heading, or counted with
        the document's chapter numbering (``text:outline-style``)."""
        if h.tag != TEXT + "h" or h.get(TEXT + "is-list-header") == "true":
            return None
        numero = self.plan.suivant(niveau, None)
        ecrit = h.find(TEXT + "number")
        if ecrit is not None and (t := " ".join("".join(ecrit.itertext()).split())):
            return (t, False)
        return numero

    # -- tables

    def _table(self, table: _Element) -> None:
        self.tableau += 1
        rangee = 0
        for tr in _rangees(table):
            # Repetitions are written out only within a budget: a hostile file that repeats
            # every row and cell cannot turn a few kilobytes into millions of blocs.
            repeter = self.cases < _CASES_MAX
            repetitions = entier(tr.get(TABLE + "number-rows-repeated"), 1) if repeter else 1
            cellules = list(_cellules(tr, repeter))
            if not any(t for t in cellules):
                repetitions = 1
            for _ in range(min(repetitions, _REPETITIONS_MAX)):
                self.cases += len(cellules)
                rangee += 1
                for colonne, texte in enumerate(cellules, start=1):
                    self.blocs.append(
                        Bloc(texte, "cellule", tableau=self.tableau, rangee=rangee, colonne=colonne)
                    )


def _rangees(table: _Element) -> Iterator[_Element]:
    for el in _enfants(table):
        if el.tag == TABLE + "table-row":
            yield el
        elif el.tag in (
            TABLE + "table-header-rows",
            TABLE + "table-rows",
            TABLE + "table-row-group",
        ):
            yield from _rangees(el)


def _cellules(tr: _Element, repeter: bool) -> Iterator[str]:
    """A row's cells as texts. A cell merged across columns is one cell, as in Word; a cell
    covered by a merge from the row above is an empty cell, so columns stay aligned."""
    couvertes = 0  # cells still covered by the last cell's column span
    for tc in _enfants(tr):
        if tc.tag == TABLE + "covered-table-cell":
            if couvertes > 0:
                couvertes -= 1
                continue
            texte = ""
        elif tc.tag == TABLE + "table-cell":
            couvertes = entier(tc.get(TABLE + "number-columns-spanned"), 1) - 1
            paragraphes = tc.iter(TEXT + "p", TEXT + "h")
            texte = texte_de_cellule(" ".join(texte_odt(p, [], []).split()) for p in paragraphes)
        else:
            continue
        repetitions = entier(tc.get(TABLE + "number-columns-repeated"), 1) if repeter else 1
        for _ in range(min(repetitions, _REPETITIONS_MAX)):
            yield texte


def texte_odt(el: _Element, notes: list[_Element], cadres: list[_Element]) -> str:
    """A paragraph's text as printed; footnotes and text boxes are set apart for the caller."""
    morceaux = [el.text or ""]
    for enfant in el:
        tag = enfant.tag
        if isinstance(tag, str):
            if tag == TEXT + "s":
                morceaux.append(" " * min(entier(enfant.get(TEXT + "c"), 1), 100))
            elif tag in (TEXT + "tab", TEXT + "line-break"):
                morceaux.append(" ")
            elif tag == TEXT + "note":
                notes.append(enfant)
            elif tag == DRAW + "frame":
                cadres.extend(enfant.findall(DRAW + "text-box"))
            elif tag in (OFFICE + "annotation", OFFICE + "annotation-end", TEXT + "number"):
                pass  # a comment is not the text; a list number is read by the list
            else:
                morceaux.append(texte_odt(enfant, notes, cadres))
        morceaux.append(enfant.tail or "")
    return "".join(morceaux)
