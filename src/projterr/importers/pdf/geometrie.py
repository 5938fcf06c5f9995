"""Page geometry: a page's characters, turned upright when the text runs sideways or upside
down, become words (a symbol-font bullet read as « • ») and words become lines.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

TOLERANCE_DROITE = 1.0  # points

# Bullets as a PDF's text layer spells them: Word's Symbol and Wingdings bullets come out as
# private-use characters (U+F0B7, U+F0A7, U+F0D8…).
PUCES = {"•", "▪", "■", "●", "◦", "○", "□", "►", "➢", "➤", "✓", "\uf0b7", "\uf0a7", "\uf0d8"}
PUCES |= {chr(c) for c in range(0xF020, 0xF100)}
_POLICES_SYMBOLES = re.compile(r"symbol|dingbat|wingding|webding", re.IGNORECASE)

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


@dataclass
class Mot:
    texte: str
    x0: float
    x1: float
    top: float
    bottom: float
    taille: float
    symbole: bool  # drawn in a symbol font


@dataclass
class Ligne:
    mots: list[Mot]
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
        precedent: Mot | None = None
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
class Tableau:
    rangees: list[list[str | None]]
    top: float
    x0: float
    page: int
    numero: int = 0


@dataclass
class PageLue:
    numero: int
    hauteur: float
    largeur: float
    elements: list[Ligne | Tableau] = field(default_factory=list)
    bords: list[Ligne] = field(default_factory=list)  # first and last lines: header? footer?
    images: int = 0
    caracteres: int = 0
    colonnes_douteuses: bool = False  # columns over part of the page only: read as one
    sens: int = 0  # the direction the page's text runs in: 90 or 270, read turned
    # Lines running in another direction than the page's text: (text, direction, top).
    a_part: list[tuple[str, int, float]] = field(default_factory=list)


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


def dans_son_sens(
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
    x0, x1, top, bottom = dans_son_sens(boite, sens, largeur, hauteur)
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


def contenu_de(page: Any) -> _Contenu:
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
                x0, x1, top, bottom = dans_son_sens(boite, sens_page, largeur, hauteur)
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


def mots_de(caracteres: list[dict[str, Any]]) -> list[Mot]:
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
            Mot(texte, w["x0"], w["x1"], w["top"], w["bottom"], float(w["size"] or 10), symbole)
        )
    return mots


def en_lignes(mots: list[Mot], page: int) -> list[Ligne]:
    """Words grouped into lines by their vertical middle, each line sorted left to right."""
    lignes: list[tuple[float, list[Mot]]] = []
    for mot in sorted(mots, key=lambda m: ((m.top + m.bottom) / 2, m.x0)):
        milieu = (mot.top + mot.bottom) / 2
        if lignes and abs(milieu - lignes[-1][0]) <= 0.45 * max(mot.taille, 1.0):
            lignes[-1][1].append(mot)
        else:
            lignes.append((milieu, [mot]))
    return [Ligne(sorted(ms, key=lambda m: m.x0), page) for _, ms in lignes]


def tourner(rangees: list[list[str | None]], sens: int) -> list[list[str | None]]:
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


def dans_la_ligne(caractere: dict[str, Any], ligne: Ligne) -> bool:
    cx, cy = (caractere["x0"] + caractere["x1"]) / 2, (caractere["top"] + caractere["bottom"]) / 2
    return any(m.x0 <= cx <= m.x1 and m.top <= cy <= m.bottom for m in ligne.mots)
