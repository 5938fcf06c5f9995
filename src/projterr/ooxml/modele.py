"""The reference document (``--modele charte.docx``), as pandoc's ``--reference-doc``.

Its styles, page setup, header and footer are kept and its body is replaced. Styles are
found by their name (``w:name``), never by their id: a French Word calls the id of
« heading 1 » ``Titre1``. Every style the export uses that the reference document lacks is
copied from projterr's default, based on the charte's Normal: Word saves only the styles a
document has used, so a charte typed in Word usually has no Title, Heading 3 or List Bullet.
What was borrowed, the page numbers added and a page size other than A4 are said
(:func:`adapter`), never done silently.
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from projterr.errors import ProjterrError

if TYPE_CHECKING:
    from docx.document import Document as DocumentWord
    from lxml.etree import _Element

# Word's interface names in French, for the error message (w:name is always the English one).
_NOMS_FRANCAIS = {
    "title": "Titre",
    "subtitle": "Sous-titre",
    "list bullet": "Liste à puces",
    "list bullet 2": "Liste à puces 2",
    "toc heading": "En-tête de table des matières",
}
# The styles of Word's own that an export may use, besides Normal, Title and the headings:
# named when borrowed (projterr's own styles are expected to be missing from any charte).
STYLES_DE_WORD = ("Subtitle", "TOC Heading", "List Bullet", "List Bullet 2")


class ModeleInvalide(ProjterrError):
    """A reference document that cannot be used."""


def nom_francais(nom: str) -> str:
    cle = nom.casefold()
    if cle.startswith("heading "):
        return "Titre " + cle.removeprefix("heading ")
    return _NOMS_FRANCAIS.get(cle, nom)


def ouvrir(chemin: Path) -> DocumentWord:
    """The user's reference document, or one French line saying why it cannot be read."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not chemin.exists():
        raise ModeleInvalide("modèle introuvable", str(chemin))
    if chemin.is_dir():
        raise ModeleInvalide("c'est un dossier, pas un modèle Word", str(chemin))
    if not zipfile.is_zipfile(chemin):
        raise ModeleInvalide("ce n'est pas un document Word (.docx)", str(chemin))
    try:
        return docx.Document(str(chemin))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raison = "modèle Word illisible"
        if "template" in str(exc):
            raison = "c'est un modèle .dotx : enregistrez-le en document Word (.docx)"
        raise ModeleInvalide(raison, str(chemin)) from exc
    except Exception as exc:  # lxml syntax errors and the like in a damaged file
        raise ModeleInvalide("modèle Word illisible ou endommagé", str(chemin)) from exc


def _w(nom: str) -> str:
    from docx.oxml.ns import qn

    return qn(nom)


class Styles:
    """The styles of a document by name (case-insensitive), giving their ids."""

    def __init__(self, document: DocumentWord, fichier: str | None = None) -> None:
        self.document = document
        self.fichier = fichier
        self.racine: _Element = document.styles.element
        self._par_nom: dict[str, _Element] = {}
        self._ids: set[str] = set()
        for style in self.racine.iterchildren(_w("w:style")):
            self._ids.add(style.get(_w("w:styleId")) or "")
            nom = style.find(_w("w:name"))
            if nom is not None:
                self._par_nom.setdefault((nom.get(_w("w:val")) or "").casefold(), style)

    def __contains__(self, nom: str) -> bool:
        return nom.casefold() in self._par_nom

    def element(self, nom: str) -> _Element:
        return self._par_nom[nom.casefold()]

    def id(self, nom: str) -> str:
        """The styleId of the style named ``nom``."""
        return self.element(nom).get(_w("w:styleId")) or ""

    def completer(self, source: Styles, noms: list[str]) -> None:
        """Copy from ``source`` every style of ``noms`` this document lacks (with the styles
        it is based on, and its list numbering)."""
        for nom in noms:
            if nom not in self and nom in source:
                self._copier(source, source.element(nom))

    def accorder(self, nom: str, modele: str) -> None:
        """Give style ``nom`` the colour and font of style ``modele`` (those it sets)."""
        from docx.oxml import OxmlElement

        source = self.element(modele).find(_w("w:rPr"))
        if source is None:
            return
        cible = self.element(nom)
        rpr = cible.find(_w("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            cible.append(rpr)
        for tag in ("w:rFonts", "w:color"):
            trouve = source.find(_w(tag))
            if trouve is not None:
                place = enfant_a_sa_place(rpr, tag, _suivants_rpr(tag))
                place.addprevious(copy.deepcopy(trouve))
                rpr.remove(place)

    def _copier(self, source: Styles, style: _Element) -> None:
        nouveau = copy.deepcopy(style)
        id_ = nouveau.get(_w("w:styleId")) or "Style"
        if id_ in self._ids:
            id_ = f"{id_}Projterr"
            nouveau.set(_w("w:styleId"), id_)
        for lien in ("w:link", "w:next"):  # only the paragraph style itself is copied
            el = nouveau.find(_w(lien))
            if el is not None and (lien == "w:link" or not self._a_id(el.get(_w("w:val")))):
                nouveau.remove(el)
        base = nouveau.find(_w("w:basedOn"))
        if base is not None:
            parent = source._par_id(base.get(_w("w:val")))
            nom_parent = _nom(parent) if parent is not None else None
            if nom_parent and nom_parent not in self and parent is not None:
                self._copier(source, parent)
            if nom_parent and nom_parent in self:
                base.set(_w("w:val"), self.id(nom_parent))
            else:
                nouveau.remove(base)
        num = nouveau.find(f"{_w('w:pPr')}/{_w('w:numPr')}/{_w('w:numId')}")
        if num is not None:
            num.set(_w("w:val"), self._copier_numerotation(source, num.get(_w("w:val")) or ""))
        self.racine.append(nouveau)
        self._ids.add(id_)
        self._par_nom[_nom(nouveau) or id_] = nouveau

    def _a_id(self, id_: str | None) -> bool:
        return id_ in self._ids

    def _par_id(self, id_: str | None) -> _Element | None:
        for style in self.racine.iterchildren(_w("w:style")):
            if style.get(_w("w:styleId")) == id_:
                return style
        return None

    def _copier_numerotation(self, source: Styles, num_id: str) -> str:
        """Copy list definition ``num_id`` of ``source`` here; its new id."""
        src = source.document.part.numbering_part.element
        cible = self.document.part.numbering_part.element
        num = next(n for n in src.iterchildren(_w("w:num")) if n.get(_w("w:numId")) == num_id)
        abstrait_id = num.find(_w("w:abstractNumId")).get(_w("w:val"))
        abstrait = next(
            a
            for a in src.iterchildren(_w("w:abstractNum"))
            if a.get(_w("w:abstractNumId")) == abstrait_id
        )
        nouvel_abstrait = (
            max(
                (
                    int(a.get(_w("w:abstractNumId")))
                    for a in cible.iterchildren(_w("w:abstractNum"))
                ),
                default=-1,
            )
            + 1
        )
        nouveau_num = (
            max((int(n.get(_w("w:numId"))) for n in cible.iterchildren(_w("w:num"))), default=0) + 1
        )
        a = copy.deepcopy(abstrait)
        a.set(_w("w:abstractNumId"), str(nouvel_abstrait))
        for el in list(a):  # nsid/tmpl tie a list to its source document
            if el.tag in (_w("w:nsid"), _w("w:tmpl")):
                a.remove(el)
        n = copy.deepcopy(num)
        n.set(_w("w:numId"), str(nouveau_num))
        n.find(_w("w:abstractNumId")).set(_w("w:val"), str(nouvel_abstrait))
        # the schema's order: every abstractNum, then every num, then numIdMacAtCleanup
        nums = list(cible.iterchildren(_w("w:num")))
        if nums:
            nums[0].addprevious(a)
            nums[-1].addnext(n)
        else:
            fin = cible.find(_w("w:numIdMacAtCleanup"))
            if fin is not None:
                fin.addprevious(a)
                fin.addprevious(n)
            else:
                cible.append(a)
                cible.append(n)
        return str(nouveau_num)


def _nom(style: _Element) -> str | None:
    nom = style.find(_w("w:name"))
    return (nom.get(_w("w:val")) or "").casefold() if nom is not None else None


def vider_corps(document: DocumentWord) -> None:
    """Remove the body's content, keeping its last section (page setup, header, footer)."""
    corps = document.element.body
    for enfant in list(corps):
        if enfant.tag != _w("w:sectPr"):
            corps.remove(enfant)


def langue_francaise(document: DocumentWord) -> None:
    """French as the language of the document defaults and of its paragraph styles."""
    from docx.oxml import OxmlElement

    racine = document.styles.element
    defauts = racine.find(_w("w:docDefaults"))
    if defauts is None:
        defauts = OxmlElement("w:docDefaults")
        racine.insert(0, defauts)
    rpr_defaut = defauts.find(_w("w:rPrDefault"))
    if rpr_defaut is None:
        rpr_defaut = OxmlElement("w:rPrDefault")
        defauts.insert(0, rpr_defaut)
    rpr = rpr_defaut.find(_w("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_defaut.append(rpr)
    _langue(rpr)
    for style in racine.iterchildren(_w("w:style")):
        if style.get(_w("w:type")) == "paragraph":
            rpr = style.find(_w("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                style.append(rpr)
            _langue(rpr)


def _langue(rpr: _Element) -> None:
    # w:lang comes last in w:rPr but for these three
    enfant_a_sa_place(rpr, "w:lang", _suivants_rpr("w:lang")).set(_w("w:val"), "fr-FR")


def enfant_a_sa_place(parent: _Element, tag: str, suivants: frozenset[str]) -> _Element:
    """The child ``tag`` (« w:lang ») of ``parent``, created if missing before the first
    child the schema's sequence puts after it (``suivants``, Clark names): Word refuses an
    element out of its place."""
    from docx.oxml import OxmlElement

    enfant = parent.find(_w(tag))
    if enfant is None:
        enfant = OxmlElement(tag)
        suivant = next((e for e in parent if e.tag in suivants), None)
        if suivant is not None:
            suivant.addprevious(enfant)
        else:
            parent.append(enfant)
    return enfant


# The children of w:rPr in the schema's order.
_ORDRE_RPR = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
              "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
              "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
              "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
              "em", "lang", "eastAsianLayout", "specVanish", "oMath")  # fmt: skip


def _suivants(ordre: tuple[str, ...], tag: str) -> frozenset[str]:
    """The Clark names of the children a schema sequence (``ordre``) puts after ``tag``
    (« w:color »); « mathPr » is in the math namespace."""
    rang = ordre.index(tag.removeprefix("w:"))
    return frozenset(_MATH + n if n == "mathPr" else _w(f"w:{n}") for n in ordre[rang + 1 :])


def _suivants_rpr(tag: str) -> frozenset[str]:
    return _suivants(_ORDRE_RPR, tag)


# The children of w:settings in the schema's order (ECMA-376, CT_Settings); « m:mathPr » is
# in the math namespace.
_ORDRE_REGLAGES = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
    "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState",
    "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions",
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
    "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml",
    "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
    "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
    "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr",
    "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
    "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
    "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)  # fmt: skip
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def reglage(document: DocumentWord, tag: str) -> _Element:
    """The w:settings child ``tag`` (« w:updateFields »), created at its place if missing."""
    return enfant_a_sa_place(document.settings.element, tag, _suivants(_ORDRE_REGLAGES, tag))


def mise_a_jour_a_l_ouverture(document: DocumentWord) -> None:
    """``w:updateFields`` in settings.xml: Word and LibreOffice refresh the fields on opening."""
    from docx.oxml.ns import qn

    reglage(document, "w:updateFields").set(qn("w:val"), "true")


def adapter(styles: Styles, defaut: Styles, requis: list[str], auxiliaires: list[str]) -> list[str]:
    """Make the charte of ``styles`` fit an export: borrow from ``defaut`` each style of
    ``requis`` (Normal, Title, the headings used) and ``auxiliaires`` it lacks, number its
    pages. The French notes saying what was done, and the page size when it is not A4."""
    manquants = [n for n in [*requis, *STYLES_DE_WORD] if n not in styles]
    titres = [n for n in _TITRES if n in styles]
    styles.completer(defaut, [*requis, *auxiliaires])
    for nom in manquants:
        if nom in _TITRES and titres:
            styles.accorder(nom, _titre_voisin(nom, titres))
    notes: list[str] = []
    if manquants:
        noms = ", ".join(nom_francais(n) for n in manquants)
        base = "" if "Normal" in manquants else " (sur la base de son style Normal)"
        notes.append(f"styles absents du modèle, repris de celui de projterr{base} : {noms}")
    if numeroter_les_pages(styles.document):
        notes.append("numéros de page ajoutés au pied de page du modèle, qui n'en avait pas")
    format_ = format_de_page(styles.document)
    if format_ is not None:
        notes.append(f"pages au format du modèle : {format_}, et non A4")
    return notes


# Title, then the headings by level: a borrowed one takes the colour and font of its nearest
# neighbour in the charte, so that a borrowed Heading 3 does not stand out under the
# charte's green Heading 2.
_TITRES = ("Title", *(f"Heading {n}" for n in range(1, 10)))


def _titre_voisin(nom: str, titres: list[str]) -> str:
    """The charte's heading closest to ``nom`` (the one above it first)."""
    rang = _TITRES.index(nom)
    return min(titres, key=lambda t: (abs(_TITRES.index(t) - rang), -_TITRES.index(t)))


# Page sizes in millimetres (portrait), by the name people know them by.
_FORMATS = {"A4": (210, 297), "A3": (297, 420), "A5": (148, 210),
            "Letter US": (216, 279), "Legal US": (216, 356)}  # fmt: skip


def format_de_page(document: DocumentWord) -> str | None:
    """The page size of ``document``'s last section in words (« Letter US, 21,6 × 27,9 cm »),
    None when it is A4 (in either orientation) or not given."""
    section = document.sections[-1]
    if section.page_width is None or section.page_height is None:
        return None
    largeur, hauteur = section.page_width.mm, section.page_height.mm
    cotes = sorted((largeur, hauteur))
    nom = next(
        (n for n, (a, b) in _FORMATS.items() if abs(cotes[0] - a) < 2 and abs(cotes[1] - b) < 2),
        None,
    )
    if nom == "A4":
        return None
    mesure = f"{largeur / 10:.1f} × {hauteur / 10:.1f} cm".replace(".", ",")
    paysage = " à l'italienne" if largeur > hauteur else ""
    return f"{nom}{paysage}, {mesure}" if nom else f"{mesure}{paysage}"


def numeroter_les_pages(document: DocumentWord) -> bool:
    """Page numbers in a charte's footers that show none: a centred PAGE field after what
    the footer holds (its own text stays). True when a number was added."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from projterr.ooxml.champs import numero_de_page

    ajoute = False
    for section in document.sections:
        pied = section.footer
        if section.footer.is_linked_to_previous and ajoute:
            continue  # the previous section's footer, already numbered
        xml = pied._element.xml if not pied.is_linked_to_previous else ""
        if "PAGE" in xml:
            continue
        paragraphe = pied.add_paragraph()
        paragraphe.alignment = WD_ALIGN_PARAGRAPH.CENTER
        numero_de_page(paragraphe)
        ajoute = True
    return ajoute
