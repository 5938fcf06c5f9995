"""Writes paragraphs, headings and tables into a Word body, fast and typographically French.

Every text goes through :func:`typographier` piece by piece (a label and a value are
transformed separately, so a value reads the same wherever it is written) and is recorded in
:attr:`Redacteur.textes`, from which the glossary is made. Paragraphs are appended to the body
directly: python-docx's ``add_paragraph`` looks for the final ``w:sectPr`` at every call,
which makes a 20,000-paragraph document quadratic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml.etree import SubElement

from projterr.ooxml.modele import Styles
from projterr.ooxml.reperes import PREFIXE_REPERE, Repere
from projterr.typographie import typographier

if TYPE_CHECKING:
    from docx.document import Document as DocumentWord
    from docx.text.paragraph import Paragraph
    from lxml.etree import _Element

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BLANCS_SPECIAUX = re.compile(r"([\t\n\r])")  # a tab or a line break inside a text
# Characters XML 1.0 forbids (a form feed from pdftotext, say): dropped, or lxml refuses the text.
_HORS_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Bookmark ids of the elements' marks, above the contents' (one id space in Word).
REPERES_DEBUT = 1_000_000


@dataclass(frozen=True)
class Morceau:
    """A piece of a paragraph with its own formatting."""

    texte: str
    gras: bool = False
    italique: bool = False


Contenu = str | Morceau
Cellule = list[list[Contenu]]  # paragraphs of pieces


class Redacteur:
    def __init__(self, document: DocumentWord, styles: Styles) -> None:
        self.document = document
        self.styles = styles
        self.corps = document.element.body
        self.textes: list[str] = []
        self.titres: list[tuple[int, Paragraph]] = []  # every heading, for the contents
        # Who wrote each block of the body (an element's id, or « @titre », « @preambule »…):
        # the redline pairs the blocks of the old and new projet through the diff's mapping.
        self.proprietaire = ""
        self.blocs: list[tuple[_Element, str]] = []
        # Each element's id, type and number, for reading the document back (see reperer).
        self.reperes: list[Repere] = []
        self._ids: dict[str, str] = {}
        self._sectpr = self.corps.sectPr  # looked up once: the lookup scans the whole body
        section = document.sections[-1]
        largeur = (
            (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        )
        self.largeur_twips = max(int(largeur / 635), 4000)  # EMU → twentieths of a point

    def style(self, nom: str) -> str:
        if nom not in self._ids:
            self._ids[nom] = self.styles.id(nom)
        return self._ids[nom]

    def _p(self, style: str | None, parent: _Element | None = None) -> _Element:
        """A new paragraph at the end of ``parent`` (the body by default)."""
        from docx.oxml import OxmlElement

        p = OxmlElement("w:p")  # a python-docx CT_P, so that Paragraph works on it
        if style is not None:
            SubElement(SubElement(p, _W + "pPr"), _W + "pStyle").set(_W + "val", self.style(style))
        if parent is not None:
            parent.append(p)
        else:
            self._ajouter(p)
        return p

    def _ajouter(self, element: _Element) -> None:
        self.blocs.append((element, self.proprietaire))
        if self._sectpr is not None:
            self._sectpr.addprevious(element)  # the body's last child stays its sectPr
        else:
            self.corps.append(element)

    def ecrire(self, paragraphe: Paragraph, *contenus: Contenu) -> None:
        """Append each piece, typographically French, to ``paragraphe``."""
        self._ecrire(paragraphe._p, contenus)

    def _ecrire(self, p: _Element, contenus: Sequence[Contenu]) -> None:
        # Runs are built with lxml directly: python-docx's Run.text costs ten times more.
        for contenu in contenus:
            gras = isinstance(contenu, Morceau) and contenu.gras
            italique = isinstance(contenu, Morceau) and contenu.italique
            brut = contenu.texte if isinstance(contenu, Morceau) else contenu
            if not brut:
                continue
            texte = typographier(_HORS_XML.sub("", brut))
            self.textes.append(texte)
            r = SubElement(p, _W + "r")
            if gras or italique:
                rpr = SubElement(r, _W + "rPr")  # w:b before w:i, as the schema orders them
                if gras:
                    SubElement(rpr, _W + "b")
                if italique:
                    SubElement(rpr, _W + "i")
            for bout in _BLANCS_SPECIAUX.split(texte):
                if bout == "\t":
                    SubElement(r, _W + "tab")
                elif bout in ("\n", "\r"):
                    SubElement(r, _W + "br")
                elif bout:
                    t = SubElement(r, _W + "t")
                    t.text = bout
                    if bout[0].isspace() or bout[-1].isspace():
                        t.set(_XML_SPACE, "preserve")

    def reperer(
        self,
        paragraphe: Paragraph,
        nature: str,
        id_: str,
        type_: str | None,
        numero: str | None,
        sous_actions: list[tuple[str, str | None]] | None = None,
    ) -> None:
        """Mark the paragraph that opens an element with a bookmark ``pt_<k>``; the k-th
        entry of :attr:`reperes` (written to a custom XML part) gives its id, type and number,
        so ``import`` reads projterr's own Word files back exactly, whatever the text says."""
        self.reperes.append(Repere(nature, id_, type_, numero, sous_actions or []))
        k = len(self.reperes)
        identifiant = str(REPERES_DEBUT + k)
        debut = SubElement(paragraphe._p, _W + "bookmarkStart")
        debut.set(_W + "id", identifiant)
        debut.set(_W + "name", f"{PREFIXE_REPERE}{k}")
        ppr = paragraphe._p.find(_W + "pPr")
        if ppr is not None:
            ppr.addnext(debut)
        else:
            paragraphe._p.insert(0, debut)
        fin = SubElement(paragraphe._p, _W + "bookmarkEnd")
        fin.set(_W + "id", identifiant)

    def paragraphe(self, *contenus: Contenu, style: str = "Normal") -> Paragraph:
        from docx.text.paragraph import Paragraph

        p = self._p(style)
        self._ecrire(p, contenus)
        return Paragraph(p, self.document._body)  # type: ignore[arg-type]

    def titre(self, niveau: int, *contenus: Contenu) -> Paragraph:
        p = self.paragraphe(*contenus, style=f"Heading {min(niveau, 9)}")
        self.titres.append((niveau, p))
        return p

    def _table(self, largeurs: list[int], premiere_ligne: bool) -> _Element:
        from docx.oxml import parse_xml

        from projterr.ooxml.modele_defaut import STYLE_TABLEAU

        w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ligne, colonne = ("1", "0") if premiere_ligne else ("0", "1")
        grille = "".join(f'<w:gridCol w:w="{n}"/>' for n in largeurs)
        return parse_xml(
            f"<w:tbl {w}><w:tblPr>"
            f'<w:tblStyle w:val="{self.style(STYLE_TABLEAU)}"/>'
            f'<w:tblW w:w="{sum(largeurs)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'<w:tblLook w:val="0080" w:firstRow="{ligne}" w:lastRow="0" '
            f'w:firstColumn="{colonne}" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
            f"</w:tblPr><w:tblGrid>{grille}</w:tblGrid></w:tbl>"
        )

    def _cellule(self, tr: _Element, largeur: int, cellule: Cellule, style: str) -> None:
        tc = SubElement(tr, _W + "tc")
        tcw = SubElement(SubElement(tc, _W + "tcPr"), _W + "tcW")
        tcw.set(_W + "w", str(largeur))
        tcw.set(_W + "type", "dxa")
        for contenus in cellule or [[]]:
            self._ecrire(self._p(style, tc), contenus)

    def grille(self, entetes: list[str], lignes: list[list[Cellule]], parts: list[float]) -> None:
        """A table with a header row repeated on every page, columns sized by ``parts``."""
        from projterr.ooxml.modele_defaut import STYLE_FICHE, STYLE_LIBELLE

        largeurs = [int(self.largeur_twips * p) for p in parts]
        tbl = self._table(largeurs, premiere_ligne=True)
        tr = SubElement(tbl, _W + "tr")
        trpr = SubElement(tr, _W + "trPr")
        SubElement(trpr, _W + "cantSplit")
        SubElement(trpr, _W + "tblHeader")
        for largeur, entete in zip(largeurs, entetes, strict=True):
            self._cellule(tr, largeur, [[entete]], STYLE_LIBELLE)
        for ligne in lignes:
            tr = SubElement(tbl, _W + "tr")
            SubElement(SubElement(tr, _W + "trPr"), _W + "cantSplit")
            for largeur, cellule in zip(largeurs, ligne, strict=True):
                self._cellule(tr, largeur, cellule, STYLE_FICHE)
        self._ajouter(tbl)
        self._p(STYLE_FICHE)

    def tableau(
        self, lignes: list[tuple[str, Cellule]], part_libelle: float = 0.27, largeur: float = 1.0
    ) -> None:
        """A two-column table: a label, then the paragraphs of its value."""
        from projterr.ooxml.modele_defaut import STYLE_FICHE, STYLE_LIBELLE

        total = int(self.largeur_twips * largeur)
        gauche = int(total * part_libelle)
        droite = total - gauche
        tbl = self._table([gauche, droite], premiere_ligne=False)
        for libelle, cellule in lignes:
            tr = SubElement(tbl, _W + "tr")
            SubElement(SubElement(tr, _W + "trPr"), _W + "cantSplit")
            self._cellule(tr, gauche, [[libelle]], STYLE_LIBELLE)
            self._cellule(tr, droite, cellule, STYLE_FICHE)
        self._ajouter(tbl)
        self._p(STYLE_FICHE)  # Word needs a paragraph between two tables; it gives air too
