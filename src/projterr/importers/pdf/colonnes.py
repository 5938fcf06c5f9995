"""Columns: the gutters that split a page, or the part of a page under a heading, into columns
read left to right.
"""

from __future__ import annotations

import statistics
from collections import Counter
from itertools import pairwise

from projterr.importers.pdf.geometrie import Ligne, Mot, Tableau, en_lignes

_GOUTTIERE_MIN = 9.0  # points of blank between two columns
_LIGNES_COLONNE = 3  # lines on each side before a page counts as two columns


def _gouttiere(mots: list[Mot], gauche: float, droite: float) -> float | None:
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
    avant = en_lignes([m for m in mots if m.x1 <= milieu], 0)
    apres = en_lignes([m for m in mots if m.x0 >= milieu], 0)
    if len(avant) < _LIGNES_COLONNE or len(apres) < _LIGNES_COLONNE:
        return None
    # The right column's lines start at one x (its margin), near the gutter.
    departs = Counter(round(ligne.x0) for ligne in apres)
    x_depart, n = departs.most_common(1)[0]
    if n < _LIGNES_COLONNE or x_depart - meilleur[1] > 40:
        return None
    return milieu


def gouttieres_de(mots: list[Mot], gauche: float, droite: float) -> list[float]:
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
        *gouttieres_de(a_gauche, gauche, gouttiere),
        gouttiere,
        *gouttieres_de(a_droite, gouttiere, droite),
    ]


def colonnes_partielles(lignes: list[Ligne], gauche: float, droite: float) -> bool:
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


def colonnes_sous_un_titre(
    mots: list[Mot], largeur: float, numero: int
) -> tuple[list[float], list[Ligne]]:
    """A title of one to three lines across the page, then columns: the gutters and the
    title's lines (read first)."""
    lignes = en_lignes(mots, numero)
    for k in range(1, 4):
        if len(lignes) < k + 2 * _LIGNES_COLONNE:
            break
        gouttieres = gouttieres_de([m for ligne in lignes[k:] for m in ligne.mots], 0.0, largeur)
        if gouttieres:
            return gouttieres, lignes[:k]
    return [], []


def lire_en_colonnes(
    corps: list[Mot],
    tableaux: list[Tableau],
    gouttieres: list[float],
    numero: int,
    largeur: float,
) -> list[Ligne | Tableau]:
    """The page's lines and tables, column after column, each from top to bottom."""
    if not gouttieres:
        lignes = en_lignes(corps, numero)
        elements: list[Ligne | Tableau] = [*lignes, *tableaux]
        elements.sort(key=lambda e: e.top)
        return elements

    def colonne_de(x: float, fin: bool) -> int:
        # A word belongs to the column its right end is in; a table, to its left edge's.
        return sum(1 for g in gouttieres if (x > g if fin else x >= g))

    mots_par_colonne: list[list[Mot]] = [[] for _ in range(len(gouttieres) + 1)]
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
    out: list[Ligne | Tableau] = []
    for k, mots in enumerate(mots_par_colonne):
        tabs = [t for t in tableaux if colonne_de(t.x0, False) == k]
        lignes = en_lignes(mots, numero)
        bord = max([ligne.x1 for ligne in lignes] + [bords_attendus[k]])
        for ligne in lignes:
            ligne.droite = bord
        colonne: list[Ligne | Tableau] = [*lignes, *tabs]
        colonne.sort(key=lambda e: e.top)
        out += colonne
    return out
