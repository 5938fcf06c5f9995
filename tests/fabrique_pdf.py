"""PDFs built in the tests with reportlab (BSD), never downloaded: a text written as a PDF the
way a word processor would (running header, « Page N / M » footer, a bullet drawn in the
Symbol font, arrows in the Symbol font, an optional two-column page), fiche-action tables,
a hyphenated word, a scan (an image and no text), an encrypted file.

The text font is Bitstream Vera, shipped inside reportlab, so no system font is needed.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

_POLICES = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
pdfmetrics.registerFont(TTFont("Vera", os.path.join(_POLICES, "Vera.ttf")))
pdfmetrics.registerFont(TTFont("Vera-Gras", os.path.join(_POLICES, "VeraBd.ttf")))
_VERA = set(TTFont("VeraTest", os.path.join(_POLICES, "Vera.ttf")).face.charToGlyph)

CORPS = ParagraphStyle("corps", fontName="Vera", fontSize=10, leading=12)
PUCE = ParagraphStyle(
    "puce",
    parent=CORPS,
    leftIndent=16,
    bulletIndent=4,
    bulletFontName="Symbol",
    bulletFontSize=10,
)
SOUS_PUCE = ParagraphStyle(
    "sous_puce", parent=PUCE, leftIndent=36, bulletIndent=24, bulletFontName="ZapfDingbats"
)
LARGEUR, HAUTEUR = A4
MARGE = 2 * cm


def _balise(texte: str) -> str:
    """Reportlab markup for a source line: arrows drawn in the Symbol font (Vera has none)."""
    out = []
    for car in texte:
        if car in "\u00a0\u202f":
            # No-break spaces: a PDF's text layer cannot tell them from spaces, and a reader
            # cannot know that the layout kept two words together; a word processor exporting
            # a PDF loses them the same way.
            out.append(" ")
        elif car in "→←":
            out.append(f'<font name="Symbol">{car}</font>')
        elif ord(car) in _VERA:
            out.append(escape(car))
        else:
            out.append(" ")  # a narrow no-break space, say: Vera has no glyph for it
    return "".join(out)


def _paragraphes(lignes: list[str]) -> list:  # type: ignore[type-arg]
    histoire: list = []  # type: ignore[type-arg]
    for brute in lignes:
        ligne = brute.strip()
        if not ligne:
            histoire.append(Spacer(1, CORPS.leading))
        elif ligne.startswith("• "):
            histoire.append(Paragraph(_balise(ligne[2:]), PUCE, bulletText="•"))
        elif ligne.startswith("◦ "):
            # A second-level bullet: ZapfDingbats « m » (❍), which the text layer spells « m ».
            histoire.append(Paragraph(_balise(ligne[2:]), SOUS_PUCE, bulletText="m"))
        else:
            histoire.append(Paragraph(_balise(ligne), CORPS))
    return histoire


class _Document(BaseDocTemplate):
    def __init__(self, sortie: io.BytesIO, entete: str, total: int | None) -> None:
        super().__init__(sortie, pagesize=A4, leftMargin=MARGE, rightMargin=MARGE,
                         topMargin=MARGE, bottomMargin=MARGE)  # fmt: skip
        self.entete = entete
        self.total = total
        largeur = LARGEUR - 2 * MARGE
        hauteur = HAUTEUR - 2 * MARGE
        une = Frame(MARGE, MARGE, largeur, hauteur, id="une")
        moitie = (largeur - 0.8 * cm) / 2
        gauche = Frame(MARGE, MARGE, moitie, hauteur, id="gauche")
        droite = Frame(MARGE + moitie + 0.8 * cm, MARGE, moitie, hauteur, id="droite")
        self.addPageTemplates(
            [
                PageTemplate("une", [une], onPage=self._decor),
                PageTemplate("deux", [gauche, droite], onPage=self._decor),
            ]
        )

    def _decor(self, canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Vera", 8)
        if self.total != 1:  # a running header runs over pages: none on a single page
            canvas.drawString(MARGE, HAUTEUR - 1.2 * cm, self.entete)
        total = f" / {self.total}" if self.total else ""
        canvas.drawRightString(LARGEUR - MARGE, 1 * cm, f"Page {doc.page}{total}")
        canvas.restoreState()


def _construire(histoire: Callable[[], list], entete: str) -> bytes:  # type: ignore[type-arg]
    """Two passes: the first counts the pages for « Page N / M » (flowables are single-use)."""
    sortie = io.BytesIO()
    doc = _Document(sortie, entete, None)
    doc.build(histoire())
    total = doc.page
    sortie = io.BytesIO()
    _Document(sortie, entete, total).build(histoire())
    return sortie.getvalue()


def pdf_du_texte(texte: str, entete: str, deux_colonnes: tuple[int, int] | None = None) -> bytes:
    """``texte`` written as a PDF, one paragraph per source line, blank lines as space.

    ``deux_colonnes`` = (first line, last line) set in two columns on pages of their own.
    """
    lignes = texte.split("\n")

    def histoire() -> list:  # type: ignore[type-arg]
        if deux_colonnes is None:
            return _paragraphes(lignes)
        debut, fin = deux_colonnes
        out = _paragraphes(lignes[:debut])
        out += [NextPageTemplate("deux"), PageBreak()]
        out += _paragraphes(lignes[debut:fin])
        out += [NextPageTemplate("une"), PageBreak()]
        out += _paragraphes(lignes[fin:])
        return out

    return _construire(histoire, entete)


def pdf_de_fiches(texte: str, entete: str) -> bytes:
    """A fiche document whose « Libellé : valeur » lines become two-column tables."""
    return _construire(lambda: _histoire_de_fiches(texte), entete)


def _histoire_de_fiches(texte: str) -> list:  # type: ignore[type-arg]
    histoire: list = []  # type: ignore[type-arg]
    rangees: list[list[Paragraph]] = []
    cellule = ParagraphStyle("cellule", parent=CORPS, fontSize=9, leading=11)

    def fermer() -> None:
        if rangees:
            table = Table(rangees, colWidths=[4 * cm, LARGEUR - 2 * MARGE - 4 * cm])
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            histoire.extend([table, Spacer(1, 6)])
            rangees.clear()

    dans_fiche = False
    for brute in texte.split("\n"):
        ligne = brute.strip()
        if ligne.lower().startswith("fiche action"):
            fermer()
            dans_fiche = True
            histoire.append(Paragraph(_balise(ligne), CORPS))
            continue
        if dans_fiche and " : " in ligne and len(ligne.split(" : ")[0]) <= 30:
            libelle, valeur = ligne.split(" : ", 1)
            rangees.append(
                [Paragraph(_balise(libelle), cellule), Paragraph(_balise(valeur), cellule)]
            )
            continue
        fermer()
        dans_fiche = dans_fiche and bool(ligne)
        histoire += _paragraphes([ligne])
    fermer()
    return histoire


def pdf_de_lignes(pages: list[list[tuple[str, str, float]]]) -> bytes:
    """Lines drawn at fixed places: (text, font, x) per line, 14 points apart, from the top."""
    from reportlab.pdfgen import canvas as pdfcanvas

    sortie = io.BytesIO()
    c = pdfcanvas.Canvas(sortie, pagesize=A4)
    for page in pages:
        y = HAUTEUR - MARGE
        for texte, police, x in page:
            c.setFont(police, 10)
            c.drawString(x, y, texte)
            y -= 14
        c.showPage()
    c.save()
    return sortie.getvalue()


def pdf_scanne() -> bytes:
    """A scan: one image per page and no text layer."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas as pdfcanvas

    image = Image.new("L", (200, 280), 255)
    for x in range(20, 180):
        for y in range(40, 44):
            image.putpixel((x, y), 0)  # a « line of text », as pixels
    sortie = io.BytesIO()
    c = pdfcanvas.Canvas(sortie, pagesize=A4)
    for _ in range(2):
        c.drawImage(ImageReader(image), MARGE, MARGE, LARGEUR - 2 * MARGE, HAUTEUR - 2 * MARGE)
        c.showPage()
    c.save()
    return sortie.getvalue()


def pdf_chiffre(texte: str) -> bytes:
    """A PDF that opens only with a password."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas as pdfcanvas

    sortie = io.BytesIO()
    c = pdfcanvas.Canvas(
        sortie, pagesize=A4, encrypt=StandardEncryption("secret", ownerPassword="proprio")
    )
    c.setFont("Vera", 10)
    c.drawString(MARGE, HAUTEUR - MARGE, texte)
    c.showPage()
    c.save()
    return sortie.getvalue()


def pdf_en_colonnes(
    titre: str, colonnes: list[list[str]], entete: str = "", gouttiere: float = 0.8 * cm
) -> bytes:
    """A leaflet page: ``titre`` across the page, then ``colonnes`` side by side (each a list of
    source lines, written as :func:`pdf_du_texte` writes them), one page per call.

    A brochure of a PETR's strategy in three columns is built this way by DTP software: one
    text frame per column, the text flowing from the foot of one to the head of the next.
    """
    from reportlab.platypus import FrameBreak

    gras = ParagraphStyle("titre", parent=CORPS, fontName="Vera-Gras", fontSize=16, leading=20)
    haut = 2.2 * cm
    largeur = LARGEUR - 2 * MARGE
    n = len(colonnes)
    large = (largeur - (n - 1) * gouttiere) / n
    cadres = [Frame(MARGE, HAUTEUR - MARGE - haut, largeur, haut, id="titre")]
    for k in range(n):
        x = MARGE + k * (large + gouttiere)
        hauteur = HAUTEUR - 2 * MARGE - haut
        cadres.append(Frame(x, MARGE, large, hauteur, leftPadding=0, rightPadding=0))

    def decor(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        if entete:
            canvas.saveState()
            canvas.setFont("Vera", 8)
            canvas.drawString(MARGE, HAUTEUR - 1.2 * cm, entete)
            canvas.restoreState()

    sortie = io.BytesIO()
    doc = BaseDocTemplate(sortie, pagesize=A4, leftMargin=MARGE, rightMargin=MARGE,
                          topMargin=MARGE, bottomMargin=MARGE)  # fmt: skip
    doc.addPageTemplates([PageTemplate("depliant", cadres, onPage=decor)])
    histoire: list = [Paragraph(_balise(titre), gras), FrameBreak()]  # type: ignore[type-arg]
    axe = ParagraphStyle("axe", parent=CORPS, fontName="Vera-Gras", fontSize=12, leading=16)
    for k, lignes in enumerate(colonnes):
        for ligne in lignes:
            if ligne.startswith("Axe "):  # a heading, in bold and larger as in a leaflet
                histoire.append(Paragraph(_balise(ligne), axe))
            else:
                histoire += _paragraphes([ligne])
        if k < n - 1:
            histoire.append(FrameBreak())
    doc.build(histoire)
    return sortie.getvalue()


def pdf_avec_page_en_paysage(
    avant: list[str], titre: str, rangees: list[list[str]], apres: list[str], rotation: int
) -> bytes:
    """Three pages: ``avant``, then a landscape page (``titre`` and a table of ``rangees``),
    then ``apres``.

    The landscape page is stored as a portrait page turned by its /Rotate entry (90 or 270),
    its content drawn turned the other way, as a plan's A3 table turned sideways often is:
    it shows upright in a viewer. ``rotation`` = 0 draws the same content sideways on a
    portrait page with no /Rotate: the reader must turn the page itself.
    """
    from reportlab.pdfgen import canvas as pdfcanvas

    sortie = io.BytesIO()
    c = pdfcanvas.Canvas(sortie, pagesize=A4)

    def texte(lignes: list[str], haut: float) -> None:
        y = haut - MARGE
        for ligne in lignes:
            c.setFont("Vera", 10)
            c.drawString(MARGE, y, ligne)
            y -= 14

    texte(avant, HAUTEUR)
    c.showPage()
    if rotation:
        # reportlab writes the MediaBox of a turned page swapped: a landscape size here is
        # stored as a portrait MediaBox, shown landscape by its /Rotate.
        c.setPageSize((HAUTEUR, LARGEUR))
        c.setPageRotation(rotation)
    c.saveState()
    if rotation in (0, 90):  # shown turned clockwise: the content is drawn anticlockwise
        c.translate(LARGEUR, 0)
        c.rotate(90)
    else:
        c.translate(0, HAUTEUR)
        c.rotate(-90)
    c.setFont("Vera-Gras", 14)
    c.drawString(MARGE, LARGEUR - MARGE, titre)
    cellule = ParagraphStyle("cellule", parent=CORPS, fontSize=9, leading=11)
    table = Table(
        [[Paragraph(_balise(t), cellule) for t in rangee] for rangee in rangees],
        colWidths=[9 * cm, 6 * cm, 4 * cm, 6 * cm],
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    _, haut = table.wrapOn(c, HAUTEUR - 2 * MARGE, LARGEUR)
    table.drawOn(c, MARGE, LARGEUR - MARGE - 30 - haut)
    c.restoreState()
    c.showPage()
    c.setPageSize(A4)  # reportlab keeps them for the pages that follow
    c.setPageRotation(0)
    texte(apres, HAUTEUR)
    c.showPage()
    c.save()
    return sortie.getvalue()


def pdf_avec_bandeau_vertical(lignes: list[str], bandeau: str) -> bytes:
    """One page of ``lignes`` with ``bandeau`` written up the left margin, beside them (a
    « Document de travail » stamp, a sideways running title)."""
    from reportlab.pdfgen import canvas as pdfcanvas

    sortie = io.BytesIO()
    c = pdfcanvas.Canvas(sortie, pagesize=A4)
    y = HAUTEUR - MARGE
    c.setFont("Vera", 10)
    for ligne in lignes:
        c.drawString(MARGE, y, ligne)
        y -= 14
    c.saveState()
    c.translate(MARGE - 0.8 * cm, HAUTEUR - MARGE - 14 * len(lignes))
    c.rotate(90)
    c.setFont("Vera-Gras", 12)
    c.drawString(0, 0, bandeau)
    c.restoreState()
    c.showPage()
    c.save()
    return sortie.getvalue()
