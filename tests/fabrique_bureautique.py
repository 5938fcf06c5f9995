"""Word and ODT documents built in the tests from a seed text, the way people make them in a
word processor: one paragraph per paragraph (the seed's wrapped lines joined), level lines in
heading styles, actions as bulleted list paragraphs (Word's or LibreOffice's own list
numbering: the bullet is not in the text), prose as plain paragraphs, bold where the copied
page had ``**bold**``. Nothing is downloaded: python-docx and odfdo (Apache-2.0) write them.

Which line is a heading is read with the seed's own profil — the same rules that a chargé de
mission follows by eye when retyping the document; the reader under test gets no hint of it
but the styles.

``francais=True`` names the heading styles as a French interface does (« Titre 1 »: in Word
the style id ``Titre1``, in ODT ``Titre_20_1`` with no outline level, found by its name);
``False`` uses the English names (Word's « Heading 1 », ODT's ``text:h`` with its outline
level), so both paths of the readers are crossed.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Literal

from projterr.importers.profil import Profil, choisir_profil

# What a word processor cannot contain: a page number typed as a line of text.
RAISONS_DE_PAGE = ("numéro de page",)


@dataclass
class Paragraphe:
    genre: Literal["titre", "puce", "texte", "vide"]
    texte: str = ""
    niveau: int = 1
    marque: str = "•"


@dataclass
class Plan:
    paragraphes: list[Paragraphe]
    profil: str
    retirees: list[str] = field(default_factory=list)  # page artefacts left out, as lines


def _suivante(lignes: list[str], k: int) -> str:
    return next((x.strip() for x in lignes[k + 1 :] if x.strip()), "")


def _niveau_du_titre(profil: Profil, ligne: str, lignes: list[str], k: int) -> int | None:
    for niveau in profil.niveaux:
        for regex in niveau.regex:
            if not regex.match(ligne):
                continue
            if niveau.regex_suivi and not niveau.regex_suivi.search(_suivante(lignes, k)):
                continue
            return niveau.rang + 1
    return None


def plan_du_texte(texte: str) -> Plan:
    """The seed as a word processor's paragraphs."""
    profil = choisir_profil(texte, None)
    lignes = texte.split("\n")
    out: list[Paragraphe] = []
    retirees: list[str] = []
    coupees = profil.lignes_coupees
    vide_depuis = False

    def ajouter(p: Paragraphe) -> None:
        nonlocal vide_depuis
        if vide_depuis and out and out[-1].genre != "vide":
            out.append(Paragraphe("vide"))  # people leave empty paragraphs as spacing too
        out.append(p)
        vide_depuis = False

    for k, brute in enumerate(lignes):
        ligne = brute.replace("\f", " ").replace("\u00a0", " ").strip()
        if not ligne:
            vide_depuis = True
            continue
        regle = next((r for r in profil.ignorer if r.regex.search(ligne)), None)
        if regle is not None and regle.raison in RAISONS_DE_PAGE:
            retirees.append(ligne)
            continue
        niveau = _niveau_du_titre(profil, ligne, lignes, k)
        if regle is None and niveau is not None:
            ajouter(Paragraphe("titre", ligne, niveau))
            continue
        dernier = next((p for p in reversed(out) if p.genre != "vide"), None)
        sous_point = profil.regex_sous_point.match(ligne) if profil.regex_sous_point else None
        if regle is None and sous_point and dernier and dernier.genre == "puce":
            ajouter(Paragraphe("puce", sous_point.group("texte").strip(), 2, "→"))
            continue
        puce = profil.regex_puce.match(ligne) if regle is None else None
        if puce:
            ajouter(Paragraphe("puce", brute.strip()[1:].strip(), 1, "•"))
            continue
        # A wrapped line continues its paragraph where the profil says lines are wrapped.
        suite = dernier is not None and (dernier.genre in ("titre", "puce") or not vide_depuis)
        if regle is None and coupees and dernier is not None and suite:
            dernier.texte = _joindre(dernier.texte, ligne)
            continue
        ajouter(Paragraphe("texte", ligne))
    return Plan(out, profil.nom, retirees)


def _joindre(texte: str, suite: str) -> str:
    if re.search(r"\w-$", texte) and not texte.endswith(" -"):
        return texte + suite  # « au-» / « delà »: the engine rejoins a compound the same way
    return f"{texte} {suite}"


def _morceaux(texte: str) -> list[tuple[str, bool]]:
    """``**gras**`` of a copied web page as bold runs."""
    parties = texte.split("**")
    return [(t, k % 2 == 1) for k, t in enumerate(parties) if t]


# --- Word ---------------------------------------------------------------------------------


def docx_du_plan(plan: Plan, francais: bool) -> bytes:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = docx.Document()
    if francais:
        for style in document.styles:
            if style.name and style.name.startswith("Heading "):
                n = style.name.split()[-1]
                style.element.set(qn("w:styleId"), f"Titre{n}")
                style.element.find(qn("w:name")).set(qn("w:val"), f"Titre {n}")
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
            '<w:lvlText w:val="\uf0b7"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>'
            '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>'
            "</w:lvl>"
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
            '<w:lvlText w:val="→"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="70"><w:abstractNumId w:val="70"/></w:num>')
    )
    style_liste = (
        "List Paragraph" if "List Paragraph" in [s.name for s in document.styles] else None
    )
    for p in plan.paragraphes:
        if p.genre == "vide":
            document.add_paragraph()
            continue
        if p.genre == "titre":
            nom = f"Titre {p.niveau}" if francais else f"Heading {p.niveau}"
            paragraphe = document.add_paragraph(style=nom)
        elif p.genre == "puce":
            paragraphe = document.add_paragraph(style=style_liste)
            paragraphe._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{p.niveau - 1}"/>'
                    '<w:numId w:val="70"/></w:numPr>'
                )
            )
        else:
            paragraphe = document.add_paragraph()
        for texte, gras in _morceaux(p.texte):
            paragraphe.add_run(texte).bold = gras or None
    tampon = io.BytesIO()
    document.save(tampon)
    return tampon.getvalue()


# --- ODT ----------------------------------------------------------------------------------

_STYLE_LISTE = (
    '<text:list-style style:name="Puces_projterr">'
    '<text:list-level-style-bullet text:level="1" text:bullet-char="•">'
    '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
    '<style:list-level-label-alignment text:label-followed-by="listtab" '
    'fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties>'
    "</text:list-level-style-bullet>"
    '<text:list-level-style-bullet text:level="2" text:bullet-char="→">'
    '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
    '<style:list-level-label-alignment text:label-followed-by="listtab" '
    'fo:text-indent="-0.635cm" fo:margin-left="1.905cm"/></style:list-level-properties>'
    "</text:list-level-style-bullet></text:list-style>"
)


def odt_du_plan(plan: Plan, francais: bool) -> bytes:
    from odfdo import Document, Element, Header, List, ListItem, Paragraph, Span, Style

    document = Document("text")
    corps = document.body
    corps.clear()
    # People type « Pilier 1 : » themselves: the template's chapter numbering is switched off
    # (odfdo's template numbers headings « 1. », « 1.1. », as LibreOffice would print them).
    for niveau in document.get_part("styles.xml").get_elements("//text:outline-level-style"):
        niveau.set_attribute("style:num-format", "")
        niveau.del_attribute("style:num-suffix")
    document.insert_style(Element.from_tag(_STYLE_LISTE))
    document.insert_style(Style("text", name="Gras", bold=True), automatic=True)
    if francais:
        for n in (1, 2, 3, 4):
            taille = {1: "16pt", 2: "14pt", 3: "13pt", 4: "12pt"}[n]
            style = Style(
                "paragraph", name=f"Titre_20_{n}", display_name=f"Titre {n}",
                parent_style="Heading", area="text", bold=True, size=taille,
            )  # fmt: skip
            document.insert_style(style)

    def paragraphe(p: Paragraphe) -> Element:
        if p.genre == "titre" and francais:
            el: Element = Paragraph(style=f"Titre_20_{p.niveau}")
        elif p.genre == "titre":
            el = Header(p.niveau)
            el.set_attribute("text:style-name", f"Heading_20_{p.niveau}")  # as LibreOffice does
        else:
            el = Paragraph(style="List_20_Paragraph" if p.genre == "puce" else "Standard")
        for texte, gras in _morceaux(p.texte):
            el.append(Span(texte, style="Gras") if gras else texte)
        return el

    liste: Element | None = None
    dernier_item: Element | None = None
    for p in plan.paragraphes:
        if p.genre == "puce":
            item = ListItem()
            item.append(paragraphe(p))
            if p.niveau == 1 or dernier_item is None:
                if liste is None:
                    liste = List(style="Puces_projterr")
                    corps.append(liste)
                liste.append(item)
                dernier_item = item
            else:
                sous = dernier_item.get_element("text:list")
                if sous is None:
                    sous = List()
                    dernier_item.append(sous)
                sous.append(item)
            continue
        liste, dernier_item = None, None
        corps.append(Paragraph("") if p.genre == "vide" else paragraphe(p))
    tampon = io.BytesIO()
    document.save(tampon)
    return tampon.getvalue()


# --- hand-written ODT, for the reader's details and the bad files ------------------------

NS_ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
MANIFESTE = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def contenu_odt(corps: str, automatiques: str = "", genre: str = "text") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS_ODF} '
        f'office:version="1.3"><office:automatic-styles>{automatiques}'
        f"</office:automatic-styles><office:body><office:{genre}>{corps}</office:{genre}>"
        "</office:body></office:document-content>"
    )


def styles_odt(styles: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS_ODF} '
        f'office:version="1.3"><office:styles>{styles}</office:styles></office:document-styles>'
    )


def odt_brut(
    contenu: str | bytes,
    styles: str | bytes | None = None,
    *,
    type_mime: str = "application/vnd.oasis.opendocument.text",
    manifeste: str = MANIFESTE,
) -> bytes:
    """An ODT archive as LibreOffice lays it out: « mimetype » first and stored, then the
    manifest and the XML parts."""
    import zipfile

    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", type_mime, compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifeste)
        z.writestr("content.xml", contenu)
        z.writestr("styles.xml", styles if styles is not None else styles_odt())
    return tampon.getvalue()
