"""OpenDocument text (.odt) documents as blocs — the same blocs as a Word document, so the
same engines read them (and the same table → fields mapping, in :mod:`blocs`).

The archive is checked with the Word reader's guards (a zip bomb is refused before anything
is decompressed, an encrypted document is named as such) and its XML is read with the same
parser: no entity resolved, no DTD, no network.

- A heading is a ``text:h`` with its outline level, or a paragraph whose style (or a parent
  style) has a default outline level or a heading's name, whatever the interface language
  (« Titre 1 », « Heading 1 », « Überschrift 1 »); ODF stores « Titre 1 » as ``Titre_20_1``.
- Lists (``text:list``) give their level and the number as printed, counted as LibreOffice
  counts it (list styles' formats, prefixes, suffixes, display levels, start values,
  ``continue-numbering`` and ``continue-list``); a number LibreOffice wrote in the item
  (``text:number``) wins.
- Tracked changes are read as accepted: deleted text lives in ``text:tracked-changes``, which
  is skipped; inserted text is already in the paragraphs. The import says so.
- Spaces (``text:s``), tabs and line breaks are spaces; a footnote or endnote is kept apart,
  in ``non_classe`` with its number and the paragraph that calls it (as in Word), so a heading
  keeps its title and the note's words are not lost; a text box's paragraphs follow the
  paragraph that anchors it; a table of contents, which repeats the headings, is skipped;
  comments are not the text (the import says how many there were), nor are page headers and
  footers (named in a remark).

lxml is imported with this module, which the dispatcher imports only for an ODT file.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from projterr import archive
from projterr.errors import FichierIllisible
from projterr.importers.blocs import Bloc, Lecture
from projterr.importers.bureautique import (
    bloc_de_paragraphe,
    formater_numero,
    niveau_du_nom,
    puce_lisible,
    remarques_de_bureautique,
    texte_de_cellule,
)
from projterr.importers.pipeline import importer_source
from projterr.importers.resultat import ResultatImport
from projterr.model import NonClasse

if TYPE_CHECKING:
    from lxml.etree import _Element

_ODF = "urn:oasis:names:tc:opendocument:xmlns:"
OFFICE = "{" + _ODF + "office:1.0}"
TEXT = "{" + _ODF + "text:1.0}"
TABLE = "{" + _ODF + "table:1.0}"
STYLE = "{" + _ODF + "style:1.0}"
DRAW = "{" + _ODF + "drawing:1.0}"
MANIFEST = "{" + _ODF + "manifest:1.0}"
TYPE_ODT = "application/vnd.oasis.opendocument.text"
_AUTRES_TYPES = {
    "application/vnd.oasis.opendocument.spreadsheet": "un classeur OpenDocument (.ods)",
    "application/vnd.oasis.opendocument.presentation": "une présentation OpenDocument (.odp)",
    "application/vnd.oasis.opendocument.graphics": "un dessin OpenDocument (.odg)",
}
_CORPS_AUTRES = {
    OFFICE + "spreadsheet": "un classeur OpenDocument (.ods)",
    OFFICE + "presentation": "une présentation OpenDocument (.odp)",
    OFFICE + "drawing": "un dessin OpenDocument (.odg)",
}
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
# ODF's num-format values, as the Word reader's format names.
_FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
}
_EN_TETES_ET_PIEDS = tuple(
    STYLE + nom
    for nom in ("header", "footer", "header-first", "footer-first", "header-left", "footer-left")
)
_GENRES_DE_NOTE = {"footnote": "note de bas de page", "endnote": "note de fin"}
_REPETITIONS_MAX = 64  # a repeated row or cell is written once per repetition, up to this
_CASES_MAX = 200_000  # cells written for the whole document before repetitions count once
_NOM_CODE = re.compile(r"_([0-9a-fA-F]{2})_")


def importer_odt(chemin: Path, profil_demande: str | None = None) -> ResultatImport:
    """Import an .odt through the same engines as a Word or text file."""
    return importer_source(chemin, profil_demande, lire_odt)


def _erreur(nom: str, message: str) -> FichierIllisible:
    return FichierIllisible(message, nom)


def _ouvrir(data: bytes, nom: str) -> dict[str, bytes]:
    """content.xml and styles.xml, after checking what the archive claims to hold."""
    if archive.est_ole(data):
        raise _erreur(
            nom,
            "fichier au format Office 97-2003 (ou protégé par un mot de passe) : "
            "enregistrez-le au format .odt ou .docx sans mot de passe",
        )
    if not data.startswith(b"PK"):
        raise _erreur(nom, _pas_une_archive(data))
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        raise _erreur(
            nom,
            "document OpenDocument illisible : l'archive .odt est tronquée ou endommagée",
        ) from None
    with zf:
        infos = zf.infolist()
        refus = archive.refus(infos, len(data))
        if refus is not None:
            raise _erreur(nom, refus)
        noms = {i.filename for i in infos}

        def lire(partie: str) -> bytes:
            try:
                return zf.read(partie)
            except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError):
                raise _erreur(
                    nom, f"document OpenDocument endommagé ({partie} illisible)"
                ) from None
            except NotImplementedError:  # a compression method zipfile does not know
                raise _erreur(
                    nom, f"document OpenDocument illisible ({partie} : compression inconnue)"
                ) from None

        if "mimetype" in noms:
            type_mime = lire("mimetype").decode("ascii", "replace").strip()
            if type_mime in _AUTRES_TYPES:
                raise _erreur(
                    nom,
                    f"ce fichier est {_AUTRES_TYPES[type_mime]}, pas un document texte : "
                    "projterr lit les documents texte .odt",
                )
        if "META-INF/manifest.xml" in noms and _chiffre(lire("META-INF/manifest.xml")):
            raise _erreur(
                nom,
                "document OpenDocument protégé par un mot de passe : enregistrez-le sans mot "
                "de passe (LibreOffice : Fichier › Propriétés › Sécurité) et importez-le",
            )
        if "content.xml" not in noms:
            raise _erreur(nom, "archive sans document OpenDocument (content.xml absent)")
        return {p: lire(p) for p in ("content.xml", "styles.xml") if p in noms}


def _pas_une_archive(data: bytes) -> str:
    """What to say of an .odt that is not a zip at all: often a text saved under that name."""
    debut = data[:4096]
    try:
        texte = debut.decode("utf-8") if b"\x00" not in debut else None
    except UnicodeDecodeError:
        texte = debut.decode("utf-8", "ignore") if len(debut) == 4096 else None
    if texte and texte.strip():
        return (
            "ce fichier nommé .odt contient du texte brut, pas un document OpenDocument : "
            "renommez-le en .txt pour l'importer"
        )
    return "ce n'est pas un document OpenDocument (.odt) : le fichier n'est pas une archive"


def _chiffre(manifeste: bytes) -> bool:
    """Whether the manifest lists an encrypted part (an ODT saved with a password)."""
    try:
        racine = etree.fromstring(manifeste, archive.parseur_xml())
    except etree.XMLSyntaxError:
        return False
    return next(racine.iter(MANIFEST + "encryption-data"), None) is not None


def _xml(octets: bytes, nom: str, partie: str) -> _Element:
    try:
        racine = etree.fromstring(octets, archive.parseur_xml())
    except etree.XMLSyntaxError:
        raise _erreur(
            nom, f"document OpenDocument endommagé ({partie} n'est pas du XML valide)"
        ) from None
    if racine.getroottree().docinfo.doctype:
        # No ODF writer declares a DTD: one that does is built to smuggle XML entities in
        # (an external file, or a billion laughs). Refused, as defusedxml would.
        raise _erreur(
            nom,
            f"document OpenDocument refusé : {partie} déclare des entités XML (DOCTYPE), "
            "ce qu'aucun traitement de texte n'écrit",
        )
    return racine


def lire_odt(data: bytes, nom: str) -> Lecture:
    """The blocs of an .odt, in reading order."""
    parties = _ouvrir(data, nom)
    contenu = _xml(parties["content.xml"], nom, "content.xml")
    styles_xml = _xml(parties["styles.xml"], nom, "styles.xml") if "styles.xml" in parties else None
    corps = contenu.find(OFFICE + "body")
    if corps is None:
        raise _erreur(nom, "document OpenDocument sans corps de texte")
    texte = corps.find(OFFICE + "text")
    if texte is None:
        autre = next((g for el in corps if (g := _CORPS_AUTRES.get(str(el.tag)))), None)
        if autre:
            raise _erreur(
                nom, f"ce fichier est {autre}, pas un document texte : projterr lit les .odt"
            )
        raise _erreur(nom, "document OpenDocument sans corps de texte")
    suivies = texte.find(TEXT + "tracked-changes")
    blocs: list[Bloc] = []
    lecteur = _Lecteur(_Styles(styles_xml, contenu), blocs)
    lecteur.corps(texte)
    if not any(b.texte.strip() for b in blocs):
        raise _erreur(nom, "document OpenDocument sans texte")
    repetes: list[str] = []
    if styles_xml is not None:
        repetes = sorted(
            {
                t
                for zone in styles_xml.iter(*_EN_TETES_ET_PIEDS)
                for p in zone.iter(TEXT + "p", TEXT + "h")
                if (t := " ".join(_texte(p, [], []).split()))
            }
        )
    remarques = remarques_de_bureautique(
        suivies=0 if suivies is None else len(suivies),
        notes=len(lecteur.notes),
        repetes=repetes,
        commentaires=sum(1 for _ in texte.iter(OFFICE + "annotation")),
    )
    return Lecture(blocs, remarques, lecteur.notes, titres_declares=True)


# --- styles ---------------------------------------------------------------------------------


def _nom_affiche(nom: str) -> str:
    """ODF's encoded style name as the interface shows it (« Titre_20_1 » → « Titre 1 »)."""
    return _NOM_CODE.sub(lambda m: chr(int(m.group(1), 16)), nom)


@dataclass
class _Style:
    nom: str  # the display name
    parent: str | None
    niveau: int | None  # default outline level


@dataclass
class _NiveauListe:
    puce: str | None = None  # the bullet character, or None for a numbered level
    format: str = ""  # ODF num-format: « 1 », « a », « I »…; empty: no number
    prefixe: str = ""
    suffixe: str = ""
    debut: int = 1
    affiches: int = 1  # display-levels: « 1.2 » shows two


class _Styles:
    def __init__(self, styles_xml: _Element | None, contenu: _Element) -> None:
        self.styles: dict[str, _Style] = {}
        self.listes: dict[str, dict[int, _NiveauListe]] = {}
        self.plan: dict[int, _NiveauListe] = {}  # text:outline-style: headings' numbering
        for racine in (styles_xml, contenu):
            if racine is None:
                continue
            for s in racine.iter(STYLE + "style"):
                nom = s.get(STYLE + "name")
                if nom is None or s.get(STYLE + "family") != "paragraph":
                    continue
                niveau = s.get(STYLE + "default-outline-level", "")
                self.styles[nom] = _Style(
                    nom=s.get(STYLE + "display-name") or _nom_affiche(nom),
                    parent=s.get(STYLE + "parent-style-name"),
                    niveau=int(niveau) if niveau.isdigit() and 0 < int(niveau) <= 10 else None,
                )
            for liste in racine.iter(TEXT + "list-style"):
                nom = liste.get(STYLE + "name")
                if nom is not None:
                    self.listes[nom] = _niveaux_de_liste(liste)
            for plan in racine.iter(TEXT + "outline-style"):
                self.plan = _niveaux_de_liste(plan)

    def nom(self, nom: str | None) -> str:
        style = self.styles.get(nom or "")
        return style.nom if style else _nom_affiche(nom or "")

    def niveau(self, nom: str | None) -> int | None:
        """Heading level of a style: its default outline level, its name, or its parent's."""
        vus = set()
        while nom and nom not in vus:
            vus.add(nom)
            style = self.styles.get(nom)
            if style is None:
                return niveau_du_nom(_nom_affiche(nom))
            if style.niveau is not None:
                return style.niveau
            niveau = niveau_du_nom(style.nom) or niveau_du_nom(_nom_affiche(nom))
            if niveau is not None:
                return niveau
            nom = style.parent
        return None

    def famille(self, nom: str | None) -> list[str]:
        """The style and its parents' display names (« Liste à puces » under « Liste »)."""
        noms, vus = [], set()
        while nom and nom not in vus:
            vus.add(nom)
            noms.append(self.nom(nom))
            style = self.styles.get(nom)
            nom = style.parent if style else None
        return noms


def _entier(valeur: str | None, defaut: int) -> int:
    return int(valeur) if valeur and valeur.isdigit() and len(valeur) < 6 else defaut


def _niveaux_de_liste(liste: _Element) -> dict[int, _NiveauListe]:
    niveaux = {}
    for el in liste:
        niveau = _entier(el.get(TEXT + "level"), 1)
        if el.tag == TEXT + "list-level-style-bullet":
            niveaux[niveau] = _NiveauListe(puce=puce_lisible(el.get(TEXT + "bullet-char")))
        elif el.tag == TEXT + "list-level-style-image":
            niveaux[niveau] = _NiveauListe(puce="•")
        elif el.tag in (TEXT + "list-level-style-number", TEXT + "outline-level-style"):
            niveaux[niveau] = _NiveauListe(
                format=el.get(STYLE + "num-format", ""),
                prefixe=el.get(STYLE + "num-prefix", ""),
                suffixe=el.get(STYLE + "num-suffix", ""),
                debut=_entier(el.get(TEXT + "start-value"), 1),
                affiches=_entier(el.get(TEXT + "display-levels"), 1),
            )
    return niveaux


class _Compteurs:
    """One list's counters, level by level (a nested list counts with its outer list)."""

    def __init__(self, style: dict[int, _NiveauListe]) -> None:
        self.style = style
        self.valeurs: dict[int, int] = {}

    def suivant(self, niveau: int, depart: int | None) -> tuple[str, bool] | None:
        """The printed number (or bullet) of the next item at ``niveau``, and whether it is
        a bullet."""
        definition = self.style.get(niveau)
        if definition is None:
            return None
        if definition.puce is not None:
            return (definition.puce, True)
        for k in [k for k in self.valeurs if k > niveau]:
            del self.valeurs[k]
        if depart is not None:
            self.valeurs[niveau] = depart
        else:
            self.valeurs[niveau] = self.valeurs.get(niveau, definition.debut - 1) + 1
        if not definition.format:
            return None
        premiers = range(max(1, niveau - definition.affiches + 1), niveau + 1)
        chiffres = []
        for k in premiers:
            d = self.style.get(k, _NiveauListe(format="1"))
            valeur = self.valeurs.get(k, d.debut)
            chiffres.append(formater_numero(valeur, _FORMATS.get(d.format, "decimal")))
        texte = f"{definition.prefixe}{'.'.join(chiffres)}{definition.suffixe}".strip()
        return (texte, False) if texte else None


# --- the body -------------------------------------------------------------------------------


def _enfants(el: _Element) -> Iterator[_Element]:
    """Element children only: comments, processing instructions and unresolved entity
    references (a hostile document's ``&xxe;``) are not text."""
    for enfant in el:
        if isinstance(enfant.tag, str):
            yield enfant


class _Lecteur:
    def __init__(self, styles: _Styles, blocs: list[Bloc]) -> None:
        self.styles = styles
        self.blocs = blocs
        self.paragraphe = 0
        self.tableau = 0
        self.cases = 0
        self.notes: list[NonClasse] = []
        self.numeros_de_note: dict[str, int] = {}
        self.listes: dict[str, _Compteurs] = {}  # xml:id → counters (text:continue-list)
        self.derniere: dict[str, _Compteurs] = {}  # list style → its last list's counters
        self.plan = _Compteurs(styles.plan)

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

    def _liste(self, liste: _Element, compteurs: _Compteurs | None, niveau: int) -> None:
        style_nom = liste.get(TEXT + "style-name")
        if compteurs is None:  # an outermost list: new counters, or those it continues
            suite = liste.get(TEXT + "continue-list")
            if suite and suite in self.listes:
                compteurs = self.listes[suite]
            elif liste.get(TEXT + "continue-numbering") == "true" and style_nom in self.derniere:
                compteurs = self.derniere[style_nom]
            else:
                compteurs = _Compteurs(self.styles.listes.get(style_nom or "", {}))
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
                numero = compteurs.suivant(niveau, _entier(depart, 1) if depart else None)
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
        texte = " ".join(_texte(p, notes, cadres).split())
        style_nom = p.get(TEXT + "style-name")
        nom_style = self.styles.nom(style_nom)
        niveau = None
        if p.tag == TEXT + "h":
            niveau = _entier(p.get(TEXT + "outline-level"), 1) or 1
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
            " ".join(_texte(p, [], []).split()) for p in corps_note.iter(TEXT + "p", TEXT + "h")
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
            repetitions = _entier(tr.get(TABLE + "number-rows-repeated"), 1) if repeter else 1
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
            couvertes = _entier(tc.get(TABLE + "number-columns-spanned"), 1) - 1
            paragraphes = tc.iter(TEXT + "p", TEXT + "h")
            texte = texte_de_cellule(" ".join(_texte(p, [], []).split()) for p in paragraphes)
        else:
            continue
        repetitions = _entier(tc.get(TABLE + "number-columns-repeated"), 1) if repeter else 1
        for _ in range(min(repetitions, _REPETITIONS_MAX)):
            yield texte


def _texte(el: _Element, notes: list[_Element], cadres: list[_Element]) -> str:
    """A paragraph's text as printed; footnotes and text boxes are set apart for the caller."""
    morceaux = [el.text or ""]
    for enfant in el:
        tag = enfant.tag
        if isinstance(tag, str):
            if tag == TEXT + "s":
                morceaux.append(" " * min(_entier(enfant.get(TEXT + "c"), 1), 100))
            elif tag in (TEXT + "tab", TEXT + "line-break"):
                morceaux.append(" ")
            elif tag == TEXT + "note":
                notes.append(enfant)
            elif tag == DRAW + "frame":
                cadres.extend(enfant.findall(DRAW + "text-box"))
            elif tag in (OFFICE + "annotation", OFFICE + "annotation-end", TEXT + "number"):
                pass  # a comment is not the text; a list number is read by the list
            else:
                morceaux.append(_texte(enfant, notes, cadres))
        morceaux.append(enfant.tail or "")
    return "".join(morceaux)
