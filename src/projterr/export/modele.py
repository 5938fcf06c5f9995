"""The reference document (``--modele charte.docx``), as pandoc's ``--reference-doc``.

Its styles, page setup, header and footer are kept and its body is replaced. Styles are
found by their name (``w:name``), never by their id: a French Word calls the id of
« heading 1 » ``Titre1``. The styles a document cannot do without (Normal, Title, the
headings it uses) must be in the reference document; projterr's own styles and the other
helpers (lists, table of contents heading…) are copied from the default reference when the
user's lacks them, so that a charte made of a few styles still works.
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
_NOMS_FRANCAIS = {"title": "Titre", "subtitle": "Sous-titre", "list bullet": "Liste à puces"}


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

    def exiger(self, noms: list[str]) -> None:
        """Raise a French error naming the first required style that is missing."""
        for nom in noms:
            if nom not in self:
                francais = nom_francais(nom)
                aussi = f" (« {francais} » dans Word en français)" if francais != nom else ""
                raise ModeleInvalide(
                    f"le modèle n'a pas de style « {nom} »{aussi} : appliquez ce style une fois "
                    "dans le modèle pour l'y créer, ou choisissez un autre modèle",
                    self.fichier,
                )

    def completer(self, source: Styles, noms: list[str]) -> None:
        """Copy from ``source`` every style of ``noms`` this document lacks (with the styles
        it is based on, and its list numbering)."""
        for nom in noms:
            if nom not in self and nom in source:
                self._copier(source, source.element(nom))

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
    enfant_a_sa_place(rpr, "w:lang", _APRES_LANG).set(_w("w:val"), "fr-FR")


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


_APRES_LANG = frozenset(
    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + n
    for n in ("eastAsianLayout", "specVanish", "oMath")
)


def numeroter_les_pages(document: DocumentWord) -> bool:
    """Page numbers in a charte's footers that show none: a centred PAGE field after what
    the footer holds (its own text stays). True when a number was added."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from projterr.export.champs import numero_de_page

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
