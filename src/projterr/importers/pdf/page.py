"""One page read: its lines in reading order (columns, tables, margins), what runs across it."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from projterr.importers.pdf.colonnes import (
    colonnes_partielles,
    colonnes_sous_un_titre,
    gouttieres_de,
    lire_en_colonnes,
)
from projterr.importers.pdf.entetes import BORDS, MARGE_NUMERO
from projterr.importers.pdf.geometrie import (
    Ligne,
    PageLue,
    Tableau,
    contenu_de,
    dans_la_ligne,
    dans_son_sens,
    en_lignes,
    mots_de,
    tourner,
)


def lire_page(page: Any, numero: int) -> PageLue:
    contenu = contenu_de(page)
    lue = PageLue(numero, contenu.hauteur, contenu.largeur)
    lue.images = contenu.images
    lue.sens = contenu.sens
    lue.caracteres = len(contenu.caracteres)
    if not lue.caracteres:
        return lue
    mots = mots_de(contenu.caracteres)
    tableaux: list[Tableau] = []
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
            x0, x1, top, bottom = dans_son_sens(boite, contenu.sens, largeur, hauteur)
            rangees = tourner(rangees, contenu.sens)
        zones.append((x0, top, x1, bottom))
        tableaux.append(Tableau(rangees, top, x0, numero))

    def dans_tableau(cx: float, cy: float) -> bool:
        return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in zones)

    mots = [m for m in mots if not dans_tableau((m.x0 + m.x1) / 2, (m.top + m.bottom) / 2)]
    # Text running across the page's lines (a heading turned in a table is the table's).
    for sens, caracteres in contenu.a_part.items():
        hors_tableaux = [c for c in caracteres if not dans_tableau(*c["sur_la_page"])]
        for ligne in en_lignes(mots_de(hors_tableaux), numero):
            haut = min(c["sur_la_page"][1] for c in hors_tableaux if dans_la_ligne(c, ligne))
            lue.a_part.append((ligne.texte, sens, haut))
    # Headers and footers are looked for among the page's first and last lines; on a page in
    # columns, among the lines in the page margins (a header runs across the gutters).
    haut, bas = MARGE_NUMERO * lue.hauteur, (1 - MARGE_NUMERO) * lue.hauteur
    interieurs = [m for m in mots if haut < (m.top + m.bottom) / 2 < bas]
    gouttieres = gouttieres_de(interieurs, 0.0, lue.largeur)
    titre: list[Ligne] = []
    # A title across the first columns hides their gutter: a three-column page under a wide
    # title looks like two columns, the first two interleaved, unless the title is set apart.
    sous_un_titre, titre_possible = colonnes_sous_un_titre(interieurs, lue.largeur, numero)
    if len(sous_un_titre) > len(gouttieres):
        gouttieres, titre = sous_un_titre, titre_possible
    if not gouttieres:
        pleine_largeur = en_lignes(mots, numero)
        bords = pleine_largeur[:BORDS] + pleine_largeur[-BORDS:]
    else:
        dedans = {id(m) for m in interieurs}
        bords = en_lignes([m for m in mots if id(m) not in dedans], numero)
    lue.bords = list({id(ligne): ligne for ligne in bords}.values())
    aux_bords = {id(m) for ligne in lue.bords for m in ligne.mots}
    corps = [m for m in mots if id(m) not in aux_bords]
    du_titre = {id(m) for ligne in titre for m in ligne.mots}
    corps = [m for m in corps if id(m) not in du_titre]
    elements = [*titre, *lire_en_colonnes(corps, tableaux, gouttieres, numero, lue.largeur)]
    # Border lines go back where they were; the header pass removes the repeated ones.
    if not gouttieres:
        lue.elements = sorted([*lue.bords, *elements], key=lambda e: e.top)
    else:
        lue.elements = _trier_bords(lue.bords, elements)
    # A column (or the page, read as one) whose lines sit side by side over part of its
    # height only: read as it is, and said.
    for gauche, droite in pairwise([0.0, *gouttieres, lue.largeur]):
        dans = [e for e in lue.elements if isinstance(e, Ligne) and gauche <= e.x0 < droite]
        if colonnes_partielles(dans, gauche, droite):
            lue.colonnes_douteuses = True
    return lue


def _trier_bords(bords: list[Ligne], elements: list[Ligne | Tableau]) -> list[Ligne | Tableau]:
    if not bords:
        return elements
    hauts = [b for b in bords if not elements or b.top <= elements[0].top]
    bas = [b for b in bords if b not in hauts]
    hauts.sort(key=lambda ligne: ligne.top)
    bas.sort(key=lambda ligne: ligne.top)
    return [*hauts, *elements, *bas]
