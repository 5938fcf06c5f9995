"""projterr's default reference document: sober, A4, Arial, French, page numbers.

Built at run time from python-docx's own template rather than shipped as a binary .docx:
every style projterr relies on is defined here in reviewable code, next to its name, and the
package carries no opaque file that drifts from the code. Any exported projet can serve as a
starting charte (``--modele projet.docx``): it carries all these styles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document as DocumentWord
    from docx.styles.style import BaseStyle, ParagraphStyle

POLICE = "Arial"
ACCENT = "1F4E79"  # dark blue: headings, labels
GRIS = "595959"
TRAIT = "BFBFBF"  # table borders
FOND_LIBELLE = "EDF2F8"

# projterr's own styles (French names: the users see them in Word's style gallery).
STYLE_DETAILS = "Détails action"
STYLE_FICHE = "Fiche action"
STYLE_LIBELLE = "Fiche action libellé"
STYLE_TABLEAU = "Tableau fiche action"
STYLE_GLOSSAIRE = "Glossaire"
STYLE_MENTIONS = "Mentions page de titre"
STYLE_ENTETE_DELIBERATION = "En-tête de délibération"
STYLE_SIGNATURE = "Signature de délibération"

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _police(style: BaseStyle, taille: float | None = None, couleur: str | None = None,
            gras: bool | None = None, italique: bool | None = None) -> None:  # fmt: skip
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style.font  # type: ignore[attr-defined]
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is not None:  # no font of its own: every style takes the document's (Arial here,
        rpr.remove(rfonts)  # the charte's when the style is copied into a user's reference)
    if taille is not None:
        font.size = Pt(taille)
    if couleur is not None:
        font.color.rgb = RGBColor.from_string(couleur)
    if gras is not None:
        font.bold = gras
    if italique is not None:
        font.italic = italique


def _espacement(style: BaseStyle, avant: float, apres: float, interligne: float = 1.0) -> None:
    from docx.shared import Pt

    pf = style.paragraph_format  # type: ignore[attr-defined]
    pf.space_before = Pt(avant)
    pf.space_after = Pt(apres)
    pf.line_spacing = interligne


def _style_paragraphe(document: DocumentWord, nom: str, base: str = "Normal") -> ParagraphStyle:
    from docx.enum.style import WD_STYLE_TYPE

    style: ParagraphStyle = document.styles.add_style(nom, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[assignment]
    style.base_style = document.styles[base]
    style.quick_style = True
    return style


def _style_tableau(document: DocumentWord) -> None:
    from docx.oxml import parse_xml

    bord = f'w:val="single" w:sz="4" w:space="0" w:color="{TRAIT}"'
    bords = "".join(
        f"<w:{c} {bord}/>" for c in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    document.styles.element.append(
        parse_xml(
            f'<w:style {_W} w:type="table" w:customStyle="1" w:styleId="TableauFicheAction">'
            f'<w:name w:val="{STYLE_TABLEAU}"/><w:basedOn w:val="TableNormal"/>'
            '<w:uiPriority w:val="59"/><w:qFormat/>'
            '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f"<w:tblPr><w:tblBorders>{bords}</w:tblBorders>"
            '<w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>'
            '<w:bottom w:w="45" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>'
            "</w:tblPr>"
            '<w:tblStylePr w:type="firstCol"><w:rPr><w:b/></w:rPr>'
            f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{FOND_LIBELLE}"/></w:tcPr>'
            "</w:tblStylePr>"
            '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr>'
            f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{FOND_LIBELLE}"/></w:tcPr>'
            "</w:tblStylePr></w:style>"
        )
    )


def construire() -> DocumentWord:
    """A new document holding every style projterr uses, an A4 page and a numbered footer."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    from projterr.ooxml.champs import numero_de_page

    document = docx.Document()
    styles = document.styles

    # Document defaults: Arial 10 pt rather than the template's theme fonts.
    defauts = styles.element.find(qn("w:docDefaults"))
    rfonts = defauts.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    for attribut in list(rfonts.attrib):
        del rfonts.attrib[attribut]
    for cle in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(cle), POLICE)

    normal = styles["Normal"]
    _police(normal, 10)
    normal.font.name = POLICE
    _espacement(normal, 0, 6, 1.1)

    tailles = {1: 16, 2: 13, 3: 11.5, 4: 11, 5: 10.5, 6: 10, 7: 10, 8: 10, 9: 10}
    for niveau, taille in tailles.items():
        titre = styles[f"Heading {niveau}"]
        _police(titre, taille, ACCENT if niveau <= 4 else GRIS, gras=True, italique=False)
        avant = {1: 0, 2: 18, 3: 12, 4: 12}.get(niveau, 8)
        _espacement(titre, avant, 6 if niveau <= 2 else 4)
        titre.paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.page_break_before = True
    h1 = styles["Heading 1"].element.get_or_add_pPr()
    _bordure_basse(h1, ACCENT, 8)

    titre = styles["Title"]
    _police(titre, 26, ACCENT, gras=True)
    _espacement(titre, 0, 12)
    ppr = titre.element.get_or_add_pPr()
    for bdr in ppr.findall(qn("w:pBdr")):
        ppr.remove(bdr)
    _police(styles["Subtitle"], 15, GRIS, italique=False)
    _espacement(styles["Subtitle"], 0, 24)
    _police(styles["TOC Heading"], 16, ACCENT, gras=True)
    _espacement(styles["TOC Heading"], 0, 12)
    for nom in ("List Bullet", "List Bullet 2"):
        _espacement(styles[nom], 0, 3, 1.1)
    for nom in ("Header", "Footer"):
        _police(styles[nom], 8.5, GRIS)

    details = _style_paragraphe(document, STYLE_DETAILS)
    _police(details, 8.5, GRIS)
    _espacement(details, 0, 4)
    details.paragraph_format.left_indent = Cm(0.635)  # the text of a List Bullet item

    fiche = _style_paragraphe(document, STYLE_FICHE)
    _police(fiche, 9.5)
    _espacement(fiche, 0, 2, 1.0)
    libelle = _style_paragraphe(document, STYLE_LIBELLE, STYLE_FICHE)
    _police(libelle, 9, ACCENT, gras=True)
    _style_tableau(document)

    glossaire = _style_paragraphe(document, STYLE_GLOSSAIRE)
    glossaire.paragraph_format.left_indent = Cm(3)
    glossaire.paragraph_format.first_line_indent = Cm(-3)
    glossaire.paragraph_format.tab_stops.add_tab_stop(Cm(3))
    _espacement(glossaire, 0, 3)

    for niveau in (1, 2, 3):  # Word's « toc N » styles (latent in the template)
        toc = _style_paragraphe(document, f"toc {niveau}")
        toc.element.set(qn("w:styleId"), f"TOC{niveau}")
        toc.element.set(qn("w:customStyle"), "0")
        _police(toc, 10 if niveau == 1 else 9.5, gras=niveau == 1)
        _espacement(toc, 6 if niveau == 1 else 0, 2)
        toc.paragraph_format.left_indent = Cm(0.5 * (niveau - 1))

    mentions = _style_paragraphe(document, STYLE_MENTIONS)
    _police(mentions, 11, GRIS)
    _espacement(mentions, 0, 4)

    entete = _style_paragraphe(document, STYLE_ENTETE_DELIBERATION)
    _police(entete, 12, ACCENT, gras=True)
    _espacement(entete, 0, 4)
    entete.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    signature = _style_paragraphe(document, STYLE_SIGNATURE)
    _espacement(signature, 12, 0)
    signature.paragraph_format.tab_stops.add_tab_stop(Cm(9.5))

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.left_margin = section.right_margin = Cm(2.3)
    section.header_distance = section.footer_distance = Cm(1.1)
    section.different_first_page_header_footer = True  # no number on the title page
    pied = section.footer.paragraphs[0]
    pied.style = styles["Footer"]
    pied.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pied.paragraph_format.space_before = Pt(0)
    numero_de_page(pied)
    return document


def _bordure_basse(ppr: object, couleur: str, epaisseur: int) -> None:
    from docx.oxml import parse_xml

    bordure = parse_xml(
        f'<w:pBdr {_W}><w:bottom w:val="single" w:sz="{epaisseur}" w:space="4" '
        f'w:color="{couleur}"/></w:pBdr>'
    )
    # w:pBdr comes after keepNext/keepLines/pageBreakBefore/… and before w:shd, w:spacing…
    suivants = ("shd", "tabs", "suppressAutoHyphens", "spacing", "ind", "jc", "outlineLvl")
    for enfant in ppr:  # type: ignore[attr-defined]
        if enfant.tag.rsplit("}", 1)[-1] in suivants:
            enfant.addprevious(bordure)
            return
    ppr.append(bordure)  # type: ignore[attr-defined]


# Styles a reference document may lack: copied from this default when it does (pandoc's way).
AUXILIAIRES = (
    "Subtitle",
    "TOC Heading",
    "List Bullet",
    "List Bullet 2",
    "toc 1",
    "toc 2",
    "toc 3",
    STYLE_DETAILS,
    STYLE_FICHE,
    STYLE_LIBELLE,
    STYLE_TABLEAU,
    STYLE_GLOSSAIRE,
    STYLE_MENTIONS,
    STYLE_ENTETE_DELIBERATION,
    STYLE_SIGNATURE,
)
