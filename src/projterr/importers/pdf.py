"""PDF reader: pdfplumber (MIT) words with their positions, turned into blocs.

What a PDF's text layer gives is glyphs at positions, not lines of a text. This reader puts
back what the author wrote: page headers, footers and page numbers are removed (lines repeated
at the same place on most pages, bare numbers and « Page 3 / 12 » in the page margins); a page
in two, three or more columns is read column by column, left to right (columns over part of a
page only are read as one column, and named in a remark); lines wrapped by the layout are
joined again (the next line's first word would have fitted on the line otherwise), and a word
hyphenated across two lines is rejoined; a bullet drawn in a symbol font (« », « », « ■ »…)
becomes « • »; tables become table cells, and a two-column table (label, value) reaches the
fiche reader as « Libellé : valeur ». Every line keeps its page and its line on the page.

pdfplumber is imported here only: ``projterr --help`` and text imports never load it.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from projterr.errors import FichierIllisible
from projterr.importers.blocs import NOMS_FORMATS, Bloc, Genre, format_du_contenu
from projterr.importers.pipeline import importer_blocs
from projterr.importers.resultat import ResultatImport
from projterr.model import NonClasse
from projterr.sources import empreinte, lire_octets

# Page margins where running headers and footers live (share of the page height).
_MARGE_NUMERO = 0.06  # a bare number, « Page 3 / 12 », a line that differs by its numbers
_MARGE_REPETEE = 0.10  # a line repeated word for word at the same place
_REPETEES_MIN = 0.5  # a header/footer line repeats on at least half of the pages…
_BORDS = 2  # …among the first and last lines of each page
_TOLERANCE_Y = 4.0  # points: « the same place » on two pages
_GOUTTIERE_MIN = 9.0  # points of blank between two columns
_LIGNES_COLONNE = 3  # lines on each side before a page counts as two columns
_TOLERANCE_DROITE = 1.0  # points

_NUMERO_PAGE = re.compile(
    r"^(?:page|p\.)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:/|sur|of)\s*\d{1,4})?\s*[-–—]?$", re.IGNORECASE
)
# Bullets as a PDF's text layer spells them: Word's Symbol and Wingdings bullets come out as
# private-use characters (U+F0B7, U+F0A7, U+F0D8…).
_PUCES = {"•", "▪", "■", "●", "◦", "○", "□", "►", "➢", "➤", "✓", "\uf0b7", "\uf0a7", "\uf0d8"}
_PUCES |= {chr(c) for c in range(0xF020, 0xF100)}
_POLICES_SYMBOLES = re.compile(r"symbol|dingbat|wingding|webding", re.IGNORECASE)
_MARQUES_TEXTE = {"-", "–", "*", "→", "•"}  # a line starting with one of these is never a wrap
# A non-embedded Symbol font is decoded by pdfminer with the standard encoding: the arrow
# (Symbol 0xAE) comes out as « ﬁ ». The Symbol codes a plan uses, put back.
_SYMBOL = {
    0xAC: "←",
    0xAD: "↑",
    0xAE: "→",
    0xAF: "↓",
    0xB7: "•",
    0xDE: "⇒",
    0xDC: "⇐",
    0xD8: "¬",
    0xB0: "°",
}
# « au-delà », « vis-à-vis », « c'est-à-dire »: a line ending « au- » keeps its hyphen.
_PREFIXES_COMPOSES = {
    "au", "c'est", "c’est", "vis", "peut", "non", "quasi", "demi", "semi", "mi", "ex",
    "après", "arrière", "avant", "contre", "grand", "sous", "sur", "porte", "belle", "beau",
    "petit", "petite", "saint", "sainte", "nord", "sud", "est", "ouest", "franco", "ci",
    "celle", "celui", "ceux", "là", "tout", "entre", "anti", "extra", "co", "e",
}  # fmt: skip
_COUPURE = re.compile(r"(\w+)-$")


@dataclass
class _Mot:
    texte: str
    x0: float
    x1: float
    top: float
    bottom: float
    taille: float
    symbole: bool  # drawn in a symbol font


@dataclass
class _Ligne:
    mots: list[_Mot]
    page: int
    droite: float = 0.0  # the right edge of the column the line is in
    numero: int = 0  # line on the page, in reading order

    @property
    def x0(self) -> float:
        return self.mots[0].x0

    @property
    def x1(self) -> float:
        return self.mots[-1].x1

    @property
    def top(self) -> float:
        return min(m.top for m in self.mots)

    @property
    def taille(self) -> float:
        return (
            statistics.median(m.taille for m in self.mots if not m.symbole)
            if any(not m.symbole for m in self.mots)
            else self.mots[0].taille
        )

    @property
    def texte(self) -> str:
        out = ""
        precedent: _Mot | None = None
        for mot in self.mots:
            if precedent is None:
                out = mot.texte
            elif mot.x0 - precedent.x1 < 0.12 * mot.taille:
                out += mot.texte  # one word drawn in two fonts (bold start, say)
            else:
                out += " " + mot.texte
            precedent = mot
        return out


@dataclass
class _Tableau:
    rangees: list[list[str | None]]
    top: float
    x0: float
    page: int
    numero: int = 0


@dataclass
class _Page:
    numero: int
    hauteur: float
    largeur: float
    elements: list[_Ligne | _Tableau] = field(default_factory=list)
    bords: list[_Ligne] = field(default_factory=list)  # first and last lines: header? footer?
    images: int = 0
    caracteres: int = 0
    colonnes_douteuses: bool = False  # columns over part of the page only: read as one
    sens: int = 0  # the direction the page's text runs in: 90 or 270, read turned
    # Lines running in another direction than the page's text: (text, direction, top).
    a_part: list[tuple[str, int, float]] = field(default_factory=list)


@dataclass
class LecturePdf:
    """A PDF read as blocs, with what the reader removed or could not read."""

    blocs: list[Bloc]
    pages: int
    remarques: list[str]
    # Text running across the lines of its page (a sideways banner in a margin): kept apart.
    a_part: list[NonClasse] = field(default_factory=list)


def _erreur(nom: str, message: str) -> FichierIllisible:
    return FichierIllisible(message, nom)


def _ouvrir(data: bytes, nom: str) -> Any:
    import io
    import logging

    # pdfminer logs its repairs (« defaulting to US Letter ») on stderr: a bad file must end in
    # one French line, and a readable one in the import summary only.
    for bibliotheque in ("pdfminer", "pdfplumber"):
        logging.getLogger(bibliotheque).setLevel(logging.CRITICAL)

    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if b"%%EOF" not in data[-2048:]:
        raise _erreur(
            nom, "PDF tronqué (la fin du fichier manque) : téléchargez-le ou copiez-le à nouveau"
        )
    protege = "PDF protégé par un mot de passe : enregistrez-en une copie sans protection"
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # the page tree is read here: a broken file fails now
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise _erreur(nom, protege) from exc
    except Exception as exc:  # pdfminer raises many kinds of errors on a damaged file
        # pdfplumber wraps pdfminer's own exception in its args.
        causes = [exc, *exc.args, exc.__context__]
        if any(isinstance(c, PDFPasswordIncorrect | PDFEncryptionError) for c in causes):
            raise _erreur(nom, protege) from exc
        raise _erreur(nom, "PDF endommagé ou illisible (structure interne invalide)") from exc
    return pdf


@dataclass
class _Contenu:
    """What pdfminer drew on a page, read without pdfplumber's per-object dictionaries.

    Positions are those of the page as displayed (its /Rotate applied), turned when most of
    its text runs up or down the page (a landscape table drawn sideways on a portrait page):
    ``largeur`` and ``hauteur`` are the page's, seen as it is read.
    """

    caracteres: list[dict[str, Any]]
    images: int
    traits: bool  # lines or rectangles: a table may be drawn here
    largeur: float
    hauteur: float
    sens: int  # the direction the page's text runs in, in degrees (0: as displayed)
    # Characters running in another direction than the page's text (a sideways banner in a
    # margin): per direction, in their own reading frame, with their top on the page.
    a_part: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    dx: float = 0.0  # from pdfplumber's coordinates (its tables) to these
    dy: float = 0.0


def _sens(matrice: tuple[float, ...]) -> int:
    """The direction a character runs in, in degrees counter-clockwise: 0 for ordinary text,
    90 for text going up the page, 270 going down, 180 upside down."""
    a, b = matrice[0], matrice[1]
    if b == 0 and a > 0:
        return 0  # nearly every character: no trigonometry
    return round(math.degrees(math.atan2(b, a)) / 90) % 4 * 90


def _dans_son_sens(
    boite: tuple[float, float, float, float], sens: int, largeur: float, hauteur: float
) -> tuple[float, float, float, float]:
    """(x0, x1, top, bottom) of a box of the displayed page (x0, y0, x1, y1, from its bottom
    left corner) on the page turned so that text running in ``sens`` is upright."""
    x0, y0, x1, y1 = boite
    if sens == 90:  # text going up: the page turned clockwise, lines follow left to right
        return y0, y1, x0, x1
    if sens == 270:  # text going down: turned anticlockwise, lines follow right to left
        return hauteur - y1, hauteur - y0, largeur - x1, largeur - x0
    if sens == 180:
        return largeur - x1, largeur - x0, y0, y1
    return x0, x1, hauteur - y1, hauteur - y0


def _caractere_tourne(objet: Any, sens: int, largeur: float, hauteur: float) -> dict[str, Any]:
    """A character running in ``sens``, placed on the page turned so that it is upright."""
    boite = (objet.x0, objet.y0, objet.x1, objet.y1)
    x0, x1, top, bottom = _dans_son_sens(boite, sens, largeur, hauteur)
    return {
        "text": objet.get_text(),
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "upright": True,  # in its own reading frame
        # pdfminer gives a turned glyph's width as its size: its height, once upright.
        "size": bottom - top,
        "fontname": objet.fontname,
        "boite": boite,  # on the page as displayed
    }


def _contenu(page: Any) -> _Contenu:
    """The characters of ``page`` as pdfplumber's word grouping wants them.

    pdfplumber turns every object of a page into a dictionary of all its attributes (colours,
    graphic state…): 85 % of the reading time. The characters, with their box and font, are
    all this reader needs; pdfplumber's full parse is kept for pages with lines or rectangles,
    where its table finder works.
    """
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage

    mise_en_page = page.layout
    largeur, hauteur = float(mise_en_page.width), float(mise_en_page.height)
    caracteres: list[dict[str, Any]] = []  # upright: nearly every character, read in one go
    tournes: list[tuple[LTChar, int]] = []
    images = 0
    traits = False
    a_voir = list(mise_en_page)
    while a_voir:
        objet = a_voir.pop()
        if isinstance(objet, LTChar):
            matrice = objet.matrix
            if matrice[1] == 0 and matrice[0] > 0:
                top = hauteur - objet.y1
                caracteres.append(
                    {
                        "text": objet.get_text(),
                        "x0": objet.x0,
                        "x1": objet.x1,
                        "top": top,
                        "bottom": top + objet.height,
                        "doctop": top,
                        "upright": True,
                        "size": objet.size,
                        "fontname": objet.fontname,
                    }
                )
            else:
                tournes.append((objet, _sens(matrice)))
        elif isinstance(objet, LTImage):
            images += 1
        elif isinstance(objet, LTFigure):
            a_voir.extend(objet)
        elif isinstance(objet, LTCurve):  # LTLine and LTRect are curves too
            traits = True
    caracteres.reverse()  # back in drawing order
    tournes.reverse()
    sens_page = 0
    a_part: dict[int, list[dict[str, Any]]] = {}
    if tournes:
        sens_page = Counter([0] * len(caracteres) + [s for _, s in tournes]).most_common(1)[0][0]
        if sens_page:
            # Most of the text runs up or down the page: the upright characters are the ones
            # set apart, the page is read turned.
            a_part[0] = caracteres
            caracteres = []
        for objet, sens in tournes:
            (caracteres if sens == sens_page else a_part.setdefault(sens, [])).append(
                _caractere_tourne(objet, sens, largeur, hauteur)
            )
        for autres in a_part.values():
            for caractere in autres:
                boite = caractere.pop("boite", None) or (
                    caractere["x0"],
                    hauteur - caractere["bottom"],
                    caractere["x1"],
                    hauteur - caractere["top"],
                )
                x0, x1, top, bottom = _dans_son_sens(boite, sens_page, largeur, hauteur)
                caractere["sur_la_page"] = ((x0 + x1) / 2, (top + bottom) / 2)
        for caractere in caracteres:
            caractere.pop("boite", None)
    largeur_lue, hauteur_lue = (hauteur, largeur) if sens_page in (90, 270) else (largeur, hauteur)
    # pdfplumber measures from its mediabox, which /Rotate does not turn.
    x_gauche, _, _, y_haut = (float(v) for v in page.mediabox)
    return _Contenu(
        caracteres,
        images,
        traits,
        largeur_lue,
        hauteur_lue,
        sens_page,
        a_part,
        dx=-x_gauche,
        dy=hauteur - y_haut,
    )


def _mots(caracteres: list[dict[str, Any]]) -> list[_Mot]:
    from pdfminer.encodingdb import EncodingDB
    from pdfplumber.utils.text import extract_words

    inverse = {EncodingDB.std2unicode.get(code): car for code, car in _SYMBOL.items()}
    mots = []
    for w in extract_words(caracteres, extra_attrs=["fontname", "size"], keep_blank_chars=False):
        texte = w["text"]
        symbole = bool(_POLICES_SYMBOLES.search(w["fontname"] or ""))
        if symbole and "symbol" in w["fontname"].lower():
            # pdfplumber expands the ligatures « ﬁ » and « ﬂ » that the arrows came out as.
            texte = texte.replace("fi", "ﬁ").replace("fl", "ﬂ")
            texte = "".join(inverse.get(c, c) for c in texte)
        mots.append(
            _Mot(texte, w["x0"], w["x1"], w["top"], w["bottom"], float(w["size"] or 10), symbole)
        )
    return mots


def _en_lignes(mots: list[_Mot], page: int) -> list[_Ligne]:
    """Words grouped into lines by their vertical middle, each line sorted left to right."""
    lignes: list[tuple[float, list[_Mot]]] = []
    for mot in sorted(mots, key=lambda m: ((m.top + m.bottom) / 2, m.x0)):
        milieu = (mot.top + mot.bottom) / 2
        if lignes and abs(milieu - lignes[-1][0]) <= 0.45 * max(mot.taille, 1.0):
            lignes[-1][1].append(mot)
        else:
            lignes.append((milieu, [mot]))
    return [_Ligne(sorted(ms, key=lambda m: m.x0), page) for _, ms in lignes]


def _gouttiere(mots: list[_Mot], gauche: float, droite: float) -> float | None:
    """The x of the blank strip that splits the words between ``gauche`` and ``droite`` in two
    columns, if there is one: looked for in the middle two fifths, so that each side is a
    column of plausible width."""
    if len(mots) < 2 * _LIGNES_COLONNE:
        return None
    pas = 1.0
    etendue = droite - gauche
    debut, fin = int(gauche + 0.3 * etendue), int(gauche + 0.7 * etendue)
    libres = [x for x in range(debut, fin, int(pas)) if not any(m.x0 < x < m.x1 for m in mots)]
    if not libres:
        return None
    # The widest run of free x positions.
    meilleur: tuple[int, int] = (libres[0], libres[0])
    courant = (libres[0], libres[0])
    for x in libres[1:]:
        courant = (courant[0], x) if x == courant[1] + 1 else (x, x)
        if courant[1] - courant[0] > meilleur[1] - meilleur[0]:
            meilleur = courant
    if meilleur[1] - meilleur[0] < _GOUTTIERE_MIN:
        return None
    milieu = (meilleur[0] + meilleur[1]) / 2
    avant = _en_lignes([m for m in mots if m.x1 <= milieu], 0)
    apres = _en_lignes([m for m in mots if m.x0 >= milieu], 0)
    if len(avant) < _LIGNES_COLONNE or len(apres) < _LIGNES_COLONNE:
        return None
    # The right column's lines start at one x (its margin), near the gutter.
    departs = Counter(round(ligne.x0) for ligne in apres)
    x_depart, n = departs.most_common(1)[0]
    if n < _LIGNES_COLONNE or x_depart - meilleur[1] > 40:
        return None
    return milieu


def _gouttieres(mots: list[_Mot], gauche: float, droite: float) -> list[float]:
    """Every gutter between ``gauche`` and ``droite``, left to right.

    A page in three columns has two gutters, both in the middle of the page: the first one
    found splits the page in a column and a pair of columns, and the pair is split in turn.
    """
    gouttiere = _gouttiere(mots, gauche, droite)
    if gouttiere is None:
        return []
    a_gauche = [m for m in mots if m.x1 <= gouttiere]
    a_droite = [m for m in mots if m.x0 >= gouttiere]
    return [
        *_gouttieres(a_gauche, gauche, gouttiere),
        gouttiere,
        *_gouttieres(a_droite, gouttiere, droite),
    ]


def _colonnes_partielles(lignes: list[_Ligne], gauche: float, droite: float) -> bool:
    """Do some lines, one under the other, sit side by side across a blank strip that the
    other lines cross? Columns on part of the page only (a box in two columns under a
    paragraph across the page): read as one column, their lines are interleaved.

    A list of « Libellé      valeur » aligned on a tab stop is no column: its labels stop far
    from the values, where a column's wrapped lines run up to its gutter.
    """
    etendue = droite - gauche
    debut, fin = gauche + 0.3 * etendue, gauche + 0.7 * etendue
    candidats = {
        round((a.x1 + b.x0) / 2)
        for ligne in lignes
        for a, b in pairwise(ligne.mots)
        if b.x0 - a.x1 >= _GOUTTIERE_MIN and debut <= (a.x1 + b.x0) / 2 <= fin
    }
    for x in sorted(candidats):
        zone: list[tuple[float, float]] = []  # (blank at x, width of the left part) per line
        traversee = False  # a line crosses x: the strip is not a gutter of the whole page
        for ligne in [*lignes, None]:
            if ligne is not None and not any(m.x0 < x < m.x1 for m in ligne.mots):
                a_gauche = [m for m in ligne.mots if m.x1 <= x]
                if a_gauche and len(a_gauche) < len(ligne.mots):
                    suivant = ligne.mots[len(a_gauche)]
                    zone.append((suivant.x0 - a_gauche[-1].x1, x - a_gauche[0].x0))
                continue
            traversee = traversee or ligne is not None
            if (
                traversee
                and len(zone) >= _LIGNES_COLONNE
                and statistics.median(b for b, _ in zone)
                <= 0.25 * statistics.median(g for _, g in zone)
            ):
                return True
            zone = []
    return False


def _lire_page(page: Any, numero: int) -> _Page:
    contenu = _contenu(page)
    lue = _Page(numero, contenu.hauteur, contenu.largeur)
    lue.images = contenu.images
    lue.sens = contenu.sens
    lue.caracteres = len(contenu.caracteres)
    if not lue.caracteres:
        return lue
    mots = _mots(contenu.caracteres)
    tableaux: list[_Tableau] = []
    zones = []
    for table in page.find_tables() if contenu.traits and contenu.sens != 180 else []:
        rangees = table.extract()
        if not rangees or max(len(r) for r in rangees) < 2 or len(rangees) < 2:
            continue  # a framed paragraph, not a table
        x0, top, x1, bottom = table.bbox
        x0, x1, top, bottom = (
            x0 + contenu.dx,
            x1 + contenu.dx,
            top + contenu.dy,
            bottom + contenu.dy,
        )
        if contenu.sens:
            # pdfplumber finds the table on the page as displayed: turned with the page.
            largeur, hauteur = contenu.hauteur, contenu.largeur
            boite = (x0, hauteur - bottom, x1, hauteur - top)
            x0, x1, top, bottom = _dans_son_sens(boite, contenu.sens, largeur, hauteur)
            rangees = _tourner(rangees, contenu.sens)
        zones.append((x0, top, x1, bottom))
        tableaux.append(_Tableau(rangees, top, x0, numero))

    def dans_tableau(cx: float, cy: float) -> bool:
        return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in zones)

    mots = [m for m in mots if not dans_tableau((m.x0 + m.x1) / 2, (m.top + m.bottom) / 2)]
    # Text running across the page's lines (a heading turned in a table is the table's).
    for sens, caracteres in contenu.a_part.items():
        hors_tableaux = [c for c in caracteres if not dans_tableau(*c["sur_la_page"])]
        for ligne in _en_lignes(_mots(hors_tableaux), numero):
            haut = min(c["sur_la_page"][1] for c in hors_tableaux if _dans(c, ligne))
            lue.a_part.append((ligne.texte, sens, haut))
    # Headers and footers are looked for among the page's first and last lines; on a page in
    # columns, among the lines in the page margins (a header runs across the gutters).
    haut, bas = _MARGE_NUMERO * lue.hauteur, (1 - _MARGE_NUMERO) * lue.hauteur
    interieurs = [m for m in mots if haut < (m.top + m.bottom) / 2 < bas]
    gouttieres = _gouttieres(interieurs, 0.0, lue.largeur)
    titre: list[_Ligne] = []
    # A title across the first columns hides their gutter: a three-column page under a wide
    # title looks like two columns, the first two interleaved, unless the title is set apart.
    sous_un_titre, titre_possible = _colonnes_sous_un_titre(interieurs, lue.largeur, numero)
    if len(sous_un_titre) > len(gouttieres):
        gouttieres, titre = sous_un_titre, titre_possible
    if not gouttieres:
        pleine_largeur = _en_lignes(mots, numero)
        bords = pleine_largeur[:_BORDS] + pleine_largeur[-_BORDS:]
    else:
        dedans = {id(m) for m in interieurs}
        bords = _en_lignes([m for m in mots if id(m) not in dedans], numero)
    lue.bords = list({id(ligne): ligne for ligne in bords}.values())
    aux_bords = {id(m) for ligne in lue.bords for m in ligne.mots}
    corps = [m for m in mots if id(m) not in aux_bords]
    du_titre = {id(m) for ligne in titre for m in ligne.mots}
    corps = [m for m in corps if id(m) not in du_titre]
    elements = [*titre, *_colonnes(corps, tableaux, gouttieres, numero, lue.largeur)]
    # Border lines go back where they were; the header pass removes the repeated ones.
    if not gouttieres:
        lue.elements = sorted([*lue.bords, *elements], key=lambda e: e.top)
    else:
        lue.elements = _trier_bords(lue.bords, elements)
    # A column (or the page, read as one) whose lines sit side by side over part of its
    # height only: read as it is, and said.
    for gauche, droite in pairwise([0.0, *gouttieres, lue.largeur]):
        dans = [e for e in lue.elements if isinstance(e, _Ligne) and gauche <= e.x0 < droite]
        if _colonnes_partielles(dans, gauche, droite):
            lue.colonnes_douteuses = True
    return lue


def _tourner(rangees: list[list[str | None]], sens: int) -> list[list[str | None]]:
    """The rows of a table that pdfplumber read on a page displayed sideways, as they are
    once the page is turned: its rows were the table's columns, and text going up the page
    came out backwards."""
    n = len(rangees)
    largeur = max(len(r) for r in rangees)

    def case(i: int, j: int) -> str | None:
        return rangees[i][j] if j < len(rangees[i]) else None

    def a_l_endroit(texte: str | None) -> str | None:
        return texte[::-1] if texte else texte

    if sens == 90:
        return [[a_l_endroit(case(n - 1 - j, i)) for j in range(n)] for i in range(largeur)]
    return [[case(j, largeur - 1 - i) for j in range(n)] for i in range(largeur)]


def _dans(caractere: dict[str, Any], ligne: _Ligne) -> bool:
    cx, cy = (caractere["x0"] + caractere["x1"]) / 2, (caractere["top"] + caractere["bottom"]) / 2
    return any(m.x0 <= cx <= m.x1 and m.top <= cy <= m.bottom for m in ligne.mots)


def _colonnes_sous_un_titre(
    mots: list[_Mot], largeur: float, numero: int
) -> tuple[list[float], list[_Ligne]]:
    """A title of one to three lines across the page, then columns: the gutters and the
    title's lines (read first)."""
    lignes = _en_lignes(mots, numero)
    for k in range(1, 4):
        if len(lignes) < k + 2 * _LIGNES_COLONNE:
            break
        gouttieres = _gouttieres([m for ligne in lignes[k:] for m in ligne.mots], 0.0, largeur)
        if gouttieres:
            return gouttieres, lignes[:k]
    return [], []


def _colonnes(
    corps: list[_Mot],
    tableaux: list[_Tableau],
    gouttieres: list[float],
    numero: int,
    largeur: float,
) -> list[_Ligne | _Tableau]:
    """The page's lines and tables, column after column, each from top to bottom."""
    if not gouttieres:
        lignes = _en_lignes(corps, numero)
        elements: list[_Ligne | _Tableau] = [*lignes, *tableaux]
        elements.sort(key=lambda e: e.top)
        return elements

    def colonne_de(x: float, fin: bool) -> int:
        # A word belongs to the column its right end is in; a table, to its left edge's.
        return sum(1 for g in gouttieres if (x > g if fin else x >= g))

    mots_par_colonne: list[list[_Mot]] = [[] for _ in range(len(gouttieres) + 1)]
    for m in corps:
        mots_par_colonne[colonne_de(m.x1, True)].append(m)
    # Where a wrapped line would end in each column: columns of equal width between margins of
    # equal width, unless the text itself goes further. A column of short lines must not make
    # every line look wrapped.
    marge = min(m.x0 for m in corps)
    departs = [marge] + [
        min((m.x0 for m in mots), default=g)
        for mots, g in zip(mots_par_colonne[1:], gouttieres, strict=True)
    ]
    largeur_colonne = (largeur - marge) - departs[-1]
    bords_attendus = [d + largeur_colonne for d in departs[:-1]] + [largeur - marge]
    # A narrower column than the last one ends before the next column starts.
    for k in range(len(gouttieres)):
        bords_attendus[k] = min(bords_attendus[k], departs[k + 1] - _GOUTTIERE_MIN)
    out: list[_Ligne | _Tableau] = []
    for k, mots in enumerate(mots_par_colonne):
        tabs = [t for t in tableaux if colonne_de(t.x0, False) == k]
        lignes = _en_lignes(mots, numero)
        bord = max([ligne.x1 for ligne in lignes] + [bords_attendus[k]])
        for ligne in lignes:
            ligne.droite = bord
        colonne: list[_Ligne | _Tableau] = [*lignes, *tabs]
        colonne.sort(key=lambda e: e.top)
        out += colonne
    return out


def _trier_bords(bords: list[_Ligne], elements: list[_Ligne | _Tableau]) -> list[_Ligne | _Tableau]:
    if not bords:
        return elements
    hauts = [b for b in bords if not elements or b.top <= elements[0].top]
    bas = [b for b in bords if b not in hauts]
    hauts.sort(key=lambda ligne: ligne.top)
    bas.sort(key=lambda ligne: ligne.top)
    return [*hauts, *elements, *bas]


def _cle(ligne: _Ligne, chiffres: bool) -> str:
    texte = ligne.texte.lower().strip()
    return re.sub(r"\d+", "#", texte) if chiffres else texte


def _retirer_en_tetes(pages: list[_Page]) -> int:
    """Remove running headers, footers and page numbers; the number of lines removed.

    A line repeated word for word at the same place on most pages, in the top or bottom
    tenth of the page, is a header or a footer; one that differs only by its numbers
    (« Page 3 / 12 », « CRTE – page 4 ») must be nearer the edge, so that « Axe 2 : … » at
    the top of the page of axe 2 is not taken for a header.
    """
    avec_texte = [p for p in pages if p.caracteres]
    seuil = max(2, round(_REPETEES_MIN * len(avec_texte) + 0.49))
    vues: Counter[tuple[bool, str, int]] = Counter()
    for page in avec_texte:
        cles = {
            (chiffres, _cle(b, chiffres), round(b.top / _TOLERANCE_Y))
            for b in page.bords
            for chiffres in (False, True)
        }
        vues.update(cles)

    def repetee(ligne: _Ligne, chiffres: bool) -> bool:
        y = round(ligne.top / _TOLERANCE_Y)
        cle = _cle(ligne, chiffres)
        return any(vues[(chiffres, cle, y + d)] >= seuil for d in (-1, 0, 1))

    def dans_la_marge(ligne: _Ligne, part: float, hauteur: float) -> bool:
        return ligne.top < part * hauteur or ligne.top > (1 - part) * hauteur

    retirees = 0
    for page in avec_texte:
        a_retirer = set()
        for b in page.bords:
            if (dans_la_marge(b, _MARGE_REPETEE, page.hauteur) and repetee(b, False)) or (
                dans_la_marge(b, _MARGE_NUMERO, page.hauteur)
                and (repetee(b, True) or _NUMERO_PAGE.match(b.texte))
            ):
                a_retirer.add(id(b))
        retirees += len(a_retirer)
        page.elements = [e for e in page.elements if id(e) not in a_retirer]
    return retirees


def _droite_du_document(pages: list[_Page]) -> float:
    """The right edge of the text on single-column pages: where a wrapped line ends."""
    bords = [e.x1 for p in pages for e in p.elements if isinstance(e, _Ligne) and not e.droite]
    return max(bords, default=0.0)


def _pas(pages: list[_Page]) -> float:
    """Line pitch as a multiple of the font size (1.2 in most documents)."""
    rapports = []
    for page in pages:
        lignes = [e for e in page.elements if isinstance(e, _Ligne)]
        for a, b in pairwise(lignes):
            r = (b.top - a.top) / max(a.taille, 1.0)
            if 0.9 <= r <= 1.8:
                rapports.append(r)
    return statistics.median(rapports) if rapports else 1.2


def _puce(ligne: _Ligne) -> tuple[str | None, str]:
    """The bullet a line starts with (as « • » when drawn as a symbol), and the rest.

    An arrow stays text, even in a symbol font: « → » means something to a profil (a
    sous-point, an objectif), which a plain bullet would lose.
    """
    premier = ligne.mots[0]
    texte = ligne.texte
    initiale = premier.texte[:1]
    if initiale in "-–*→←⇒⇐↓↑":
        return None, texte
    seul = len(premier.texte) == 1
    if (initiale in _PUCES or (premier.symbole and seul)) and (len(ligne.mots) > 1 or not seul):
        return "•", texte[1:].lstrip()
    return None, texte


_ELISION = re.compile(r"^(?:d|l|qu|s|n|j|c|m|t|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


def _enchainer(texte: str, suite: str, vocabulaire: frozenset[str] = frozenset()) -> str:
    """Join a wrapped line to the next: a word hyphenated across the two is made whole.

    A line ending « dévelop- » followed by « pement » is a hyphenated word, but word
    processors also break lines after a compound's own hyphen (« main- / d’œuvre »,
    « Midi- / Quercy »): the document's other words decide when they can (« développement »
    or « main-d’œuvre » written whole elsewhere), then the shape of the two halves does.
    """
    coupe = _COUPURE.search(texte)
    if not coupe:
        return f"{texte} {suite}"
    debut = coupe.group(1)
    reste = re.split(r"[\s,;:.!?)»]", suite, maxsplit=1)[0]
    if (f"{debut}-{reste}".lower()) in vocabulaire:
        return texte + suite  # the compound is written whole elsewhere
    if (debut + reste).lower() in vocabulaire:
        return texte[:-1] + suite
    compose = (
        not suite[:1].islower()
        or _ELISION.match(suite)
        or debut.lower() in _PREFIXES_COMPOSES
        or re.split(r"[\s'’-]", texte[:-1])[-1].lower() in _PREFIXES_COMPOSES
    )
    return texte + suite if compose else texte[:-1] + suite


def _vocabulaire(pages: list[_Page]) -> frozenset[str]:
    """Every word of the document as written on one line (hyphenated compounds whole)."""
    mots = set()
    for page in pages:
        for e in page.elements:
            if isinstance(e, _Ligne):
                for m in e.mots[:-1] if e.mots[-1].texte.endswith("-") else e.mots:
                    mots.add(m.texte.strip('.,;:!?()«»"“”').lower())
    return frozenset(mots)


def _cellule(texte: str | None) -> str:
    lignes = [ligne.strip() for ligne in (texte or "").split("\n") if ligne.strip()]
    out = ""
    for ligne in lignes:
        out = _enchainer(out, ligne) if out else ligne
    return out


def _retraits_des_puces(pages: list[_Page]) -> list[float]:
    """The x where bullets are drawn, one per list level, left to right."""
    xs = sorted(e.x0 for p in pages for e in p.elements if isinstance(e, _Ligne) and _puce(e)[0])
    niveaux: list[float] = []
    for x in xs:
        if not niveaux or x - niveaux[-1] > 3.0:
            niveaux.append(x)
    return niveaux


def _niveau(x0: float, retraits: list[float]) -> int:
    return 1 + sum(1 for r in retraits[1:] if x0 > r - 3.0)


def _tailles_des_titres(pages: list[_Page]) -> list[float]:
    """Font sizes clearly larger than the body text's, largest first (heading levels)."""
    lignes = [e for p in pages for e in p.elements if isinstance(e, _Ligne)]
    if not lignes:
        return []
    mots: Counter[float] = Counter()
    for ligne in lignes:
        mots[round(ligne.taille, 1)] += len(ligne.mots)
    corps = mots.most_common(1)[0][0]
    return sorted((t for t in mots if t > 1.15 * corps), reverse=True)


def _en_blocs(pages: list[_Page]) -> list[Bloc]:
    droite_doc = _droite_du_document(pages)
    pas = _pas(pages)
    retraits = _retraits_des_puces(pages)
    titres = _tailles_des_titres(pages)
    vocabulaire = _vocabulaire(pages)
    blocs: list[Bloc] = []
    tableaux = 0
    # The line being built: its last physical line, text, bullet, page, line on the page, level.
    ouverte: tuple[_Ligne, str, str | None, int, int, int] | None = None

    def fermer() -> None:
        nonlocal ouverte
        if ouverte:
            derniere, texte, marque, page, numero, niveau = ouverte
            genre: Genre = "puce" if marque else "paragraphe"
            style = None
            if marque and niveau > 1:
                marque = "◦"
            taille = round(derniere.taille, 1)
            if not marque and taille in titres:
                # Larger than the body text: a heading, level by size. The profil still decides
                # what it is (the line engines read its text), the bloc says what it looked like.
                genre, niveau, style = "titre", titres.index(taille) + 1, f"{taille:g} pt"
            blocs.append(
                Bloc(
                    texte,
                    genre,
                    niveau=niveau if genre != "paragraphe" else None,
                    style=style,
                    marque=marque,
                    page=page,
                    ligne=numero,
                )
            )
        ouverte = None

    precedente: _Ligne | None = None
    for page in pages:
        numero = 0
        for element in page.elements:
            numero += 1
            if isinstance(element, _Tableau):
                fermer()
                precedente = None
                tableaux += 1
                for r, rangee in enumerate(element.rangees, start=1):
                    for c, cellule in enumerate(rangee, start=1):
                        blocs.append(
                            Bloc(
                                _cellule(cellule),
                                "cellule",
                                page=page.numero,
                                ligne=numero,
                                tableau=tableaux,
                                rangee=r,
                                colonne=c,
                            )
                        )
                continue
            ligne = element
            ligne.numero = numero
            marque, texte = _puce(ligne)
            if not texte.strip():
                continue
            vides = 0
            if precedente is not None and precedente.page == ligne.page:
                ecart = ligne.top - precedente.top
                if ecart > 0 and precedente.droite == ligne.droite:
                    vides = max(0, round(ecart / (pas * max(precedente.taille, 1.0))) - 1)
            if ouverte and not vides and not marque and _coupee(ouverte[0], ligne, droite_doc):
                _, deja, m, p, n, niv = ouverte
                ouverte = (ligne, _enchainer(deja, texte, vocabulaire), m, p, n, niv)
            else:
                fermer()
                for _ in range(min(vides, 3)):
                    blocs.append(Bloc("", "vide", page=page.numero))
                niveau = _niveau(ligne.x0, retraits) if marque else 0
                ouverte = (ligne, texte, marque, page.numero, numero, niveau)
            precedente = ligne
    fermer()
    return blocs


_OUVRANTES = {"«", "“", "(", "[", "‹", "—", "–"}
_FERMANTES = {"»", "”", ")", "]", "›", ":", ";", "!", "?", "%", "€"}


def _premiere_unite(ligne: _Ligne) -> float:
    """Width of what a layout cannot break at the start of ``ligne``: its first word, with a
    French quote or a « : » kept to its word by a no-break space (« « consom’acteurs »)."""
    mots = ligne.mots
    fin = 0
    while fin + 1 < len(mots) and (
        mots[fin].texte in _OUVRANTES or mots[fin + 1].texte in _FERMANTES
    ):
        fin += 1
    return mots[fin].x1 - mots[0].x0


def _coupee(ligne: _Ligne, suivante: _Ligne, droite_doc: float) -> bool:
    """Was ``ligne`` wrapped by the layout: would the next line's first word have fitted?"""
    premier = suivante.mots[0].texte
    if premier in _MARQUES_TEXTE:
        return False
    if abs(ligne.taille - suivante.taille) > 0.6:
        return False  # a title followed by its text
    if premier[:1] in _FERMANTES or premier[:1] in ",.":
        return True  # no paragraph starts with « » » or « , »
    droite = ligne.droite or droite_doc
    espace = 0.25 * ligne.taille
    return ligne.x1 + espace + _premiere_unite(suivante) > droite - _TOLERANCE_DROITE


def _liste(numeros: list[int]) -> str:
    return ", ".join(str(n) for n in numeros[:10]) + ("…" if len(numeros) > 10 else "")


def lire_pdf(data: bytes, nom: str) -> LecturePdf:
    """The blocs of a PDF's text layer; our own error for a file that cannot be read."""
    pdf = _ouvrir(data, nom)
    try:
        pages = []
        for k, page in enumerate(pdf.pages, start=1):
            try:
                pages.append(_lire_page(page, k))
            except FichierIllisible:
                raise
            except Exception as exc:  # a damaged page stream
                raise _erreur(nom, f"PDF endommagé : la page {k} est illisible") from exc
            finally:
                page.close()  # pdfplumber caches each page's objects: free them as we go
    finally:
        pdf.close()
    if not pages:
        raise _erreur(nom, "PDF sans aucune page")
    if not any(p.caracteres for p in pages):
        raise _erreur(
            nom,
            "PDF sans couche de texte (document numérisé ?) : une reconnaissance de caractères "
            "(OCR) est nécessaire avant l'import, par exemple avec ocrmypdf",
        )
    remarques = []
    sans_texte = [p.numero for p in pages if not p.caracteres]
    if sans_texte:
        remarques.append(
            f"{len(sans_texte)} page{'s' if len(sans_texte) > 1 else ''} sans texte (numérisée"
            f"{'s' if len(sans_texte) > 1 else ''} ? une OCR serait nécessaire) : "
            f"{_liste(sans_texte)}"
        )
    douteuses = [p.numero for p in pages if p.colonnes_douteuses]
    if douteuses:
        pluriel = len(douteuses) > 1
        remarques.append(
            f"page{'s' if pluriel else ''} {_liste(douteuses)} : des lignes côte à côte sur une "
            f"partie de la page seulement (colonnes, encadré ?), lue{'s' if pluriel else ''} en "
            "une seule colonne : vérifiez l'ordre des lignes"
        )
    retirees = _retirer_en_tetes(pages)
    if retirees:
        remarques.append(
            f"{retirees} ligne{'s' if retirees > 1 else ''} d'en-tête, de pied de page ou de "
            "numéro de page retirée" + ("s" if retirees > 1 else "")
        )
    tournees = [p.numero for p in pages if p.sens]
    if tournees:
        s = "s" if len(tournees) > 1 else ""
        remarques.append(
            f"page{s} {_liste(tournees)} : texte écrit en travers de la page (dans sa hauteur ou à "
            f"l'envers), lue{s} dans le sens du texte"
        )
    blocs = _en_blocs(pages)
    a_part = _non_classes_a_part(pages)
    if a_part:
        pluriel = len(a_part) > 1
        s = "s" if pluriel else ""
        remarques.append(
            f"{len(a_part)} ligne{s} écrite{s} en travers du texte (bandeau vertical, "
            f"mention en marge…) mise{s} de côté dans non_classe"
        )
    return LecturePdf(blocs, len(pages), remarques, a_part)


_SENS = {
    0: "texte droit sur une page lue tournée",
    90: "texte écrit de bas en haut",
    270: "texte écrit de haut en bas",
    180: "texte à l'envers",
}


def _non_classes_a_part(pages: list[_Page]) -> list[NonClasse]:
    """Lines set across a page's text, each at the page's line at its height: neither glued
    into a sentence nor dropped."""
    out = []
    for page in pages:
        for texte, sens, haut in page.a_part:
            ligne = next(
                (k for k, e in enumerate(page.elements, start=1) if e.top >= haut),
                max(len(page.elements), 1),
            )
            raison = f"{_SENS.get(sens, 'texte tourné')}, hors des lignes de la page"
            out.append(NonClasse(ligne=ligne, page=page.numero, texte=texte, raison=raison))
    return out


def verifier_entete(data: bytes, nom: str) -> None:
    """A file named .pdf must be a PDF: say what it is otherwise."""
    contenu = format_du_contenu(data)
    if contenu == "pdf":
        return
    if contenu is not None:
        raise _erreur(nom, f"ce fichier nommé .pdf est en réalité {NOMS_FORMATS[contenu]}")
    raise _erreur(
        nom,
        "ce fichier n'est pas un PDF (pas d'en-tête « %PDF- ») : fichier endommagé ou "
        "d'un autre format",
    )


def importer_pdf(chemin: Path, profil_demande: str | None = None) -> ResultatImport:
    """Import a PDF through the same engines as a text file."""
    data = lire_octets(chemin)
    nom = str(chemin)
    verifier_entete(data, nom)
    lecture = lire_pdf(data, nom)
    return importer_blocs(
        lecture.blocs,
        chemin.name,
        profil_demande,
        empreinte=empreinte(data),
        remarques=lecture.remarques,
        a_part=lecture.a_part,
    )
