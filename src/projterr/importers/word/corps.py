"""The body of a .docx walked in reading order: paragraphs (text boxes anchored in them read
apart), lists with their printed numbers, headings, tables; footnotes and endnotes kept apart
with their place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from projterr.importers.blocs import Bloc
from projterr.importers.bureautique import (
    bloc_de_paragraphe,
    texte_de_cellule,
)
from projterr.importers.word.ouverture import NOTES, xml_word
from projterr.importers.word.styles import Numerotation, StylesWord, numerotation_de
from projterr.model import NonClasse
from projterr.ooxml.revisions import W

if TYPE_CHECKING:
    from lxml.etree import _Element


def notes_de(
    parties: dict[str, bytes], nom: str, appels: list[tuple[str, str, int]]
) -> list[NonClasse]:
    """The notes called in the text, numbered as Word prints them (1, 2… per kind), each
    with the paragraph that calls it."""
    textes: dict[tuple[str, str], str] = {}
    for genre, (partie, _) in NOTES.items():
        if partie not in parties:
            continue
        for note in xml_word(parties[partie], nom, partie).iter(W + genre):
            id_ = note.get(W + "id")
            texte = " ".join(texte_word(p) for p in note.iter(W + "p")).strip()
            if id_ is not None and texte:
                textes[(genre, id_)] = texte
    notes: list[NonClasse] = []
    numeros = dict.fromkeys(NOTES, 0)
    for genre, id_, paragraphe in appels:
        numeros[genre] += 1
        appelee = textes.get((genre, id_))
        if appelee:
            libelle = NOTES[genre][1]
            notes.append(
                NonClasse(
                    ligne=paragraphe,
                    texte=appelee,
                    raison=f"{libelle} {numeros[genre]} (appelée au paragraphe {paragraphe})",
                )
            )
    return notes


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ZONES = (W + "txbxContent", _MC + "Fallback")  # a text box's own paragraphs; its old copy


def _dans_une_zone(el: _Element, p: _Element) -> bool:
    """Whether ``el`` belongs to a text box anchored in ``p`` (or to the copy of one that
    Word keeps for old readers in mc:Fallback), not to ``p``'s own text."""
    parent = el.getparent()
    while parent is not None and parent is not p:
        if parent.tag in _ZONES:
            return True
        parent = parent.getparent()
    return False


def _zones_de_texte(p: _Element) -> list[_Element]:
    """The text boxes anchored in ``p``, each once (Word writes each twice: the drawing, and
    a VML copy in mc:Fallback), outermost only."""
    return [
        zone
        for zone in p.iter(W + "txbxContent")
        if not _dans_une_zone(zone, p) and zone.getparent() is not None
    ]


def texte_word(p: _Element) -> str:
    morceaux = []
    for el in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen"):
        if _dans_une_zone(el, p):
            continue
        if el.tag == W + "t":
            morceaux.append(el.text or "")
        elif el.tag == W + "tab":
            morceaux.append(" ")
        elif el.tag == W + "noBreakHyphen":
            morceaux.append("-")
        else:
            morceaux.append(" ")
    return " ".join("".join(morceaux).split())


class LecteurWord:
    def __init__(self, styles: StylesWord, numeros: Numerotation, blocs: list[Bloc]) -> None:
        self.styles = styles
        self.numeros = numeros
        self.blocs = blocs
        self.paragraphe = 0
        self.tableau = 0
        self.appels_de_note: list[tuple[str, str, int]] = []  # (kind, id, paragraph)

    def corps(self, parent: _Element) -> None:
        for el in parent:
            if el.tag == W + "p":
                self._paragraphe(el)
            elif el.tag == W + "tbl":
                self._table(el)
            elif el.tag == W + "sdt":  # content controls (a cover page, a table of contents)
                contenu = el.find(W + "sdtContent")
                if contenu is not None:
                    self.corps(contenu)

    def _paragraphe(self, p: _Element) -> None:
        self._paragraphe_seul(p)
        for zone in _zones_de_texte(p):  # a text box's paragraphs follow its anchor's
            self.corps(zone)

    def _paragraphe_seul(self, p: _Element) -> None:
        self.paragraphe += 1
        for appel in p.iter(W + "footnoteReference", W + "endnoteReference"):
            if not _dans_une_zone(appel, p):
                genre = "footnote" if appel.tag == W + "footnoteReference" else "endnote"
                self.appels_de_note.append((genre, appel.get(W + "id", ""), self.paragraphe))
        texte = texte_word(p)
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style_el.get(W + "val") if style_el is not None else self.styles.defaut
        nom_style = self.styles.nom(style_id) or ""
        if nom_style.casefold().startswith(("toc", "table des matières", "tdm")):
            return  # a table of contents repeats the headings
        numero = numerotation_de(ppr.find(W + "numPr") if ppr is not None else None)
        numero = numero or self.styles.numero(style_id)
        imprime = self.numeros.suivant(*numero) if numero else None
        niveau_propre = ppr.find(W + "outlineLvl") if ppr is not None else None
        niveau = None
        if niveau_propre is not None and (v := niveau_propre.get(W + "val", "")).isdigit():
            niveau = int(v) + 1 if int(v) < 9 else None
        self.blocs.append(
            bloc_de_paragraphe(
                texte,
                nom_style,
                self.paragraphe,
                niveau_titre=niveau or self.styles.niveau(style_id),
                numero_titre=imprime,
                liste=(*imprime, (numero[1] if numero else 0) + 1) if imprime else None,
                style_de_liste="list" in nom_style.casefold() or "liste" in nom_style.casefold(),
            )
        )

    def _table(self, tbl: _Element) -> None:
        self.tableau += 1
        for r, tr in enumerate(tbl.findall(W + "tr"), start=1):
            for c, tc in enumerate(tr.findall(W + "tc"), start=1):
                self.blocs.append(
                    Bloc(
                        texte_de_cellule(texte_word(p) for p in tc.iter(W + "p")),
                        "cellule",
                        tableau=self.tableau,
                        rangee=r,
                        colonne=c,
                    )
                )
