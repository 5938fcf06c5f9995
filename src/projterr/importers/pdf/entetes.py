"""Running headers, footers and page numbers: lines repeated at the same place on most pages,
bare numbers and « Page 3 / 12 » in the margins, removed.
"""

from __future__ import annotations

import re
from collections import Counter

from projterr.importers.pdf.geometrie import Ligne, PageLue

# Page margins where running headers and footers live (share of the page height).
MARGE_NUMERO = 0.06  # a bare number, « Page 3 / 12 », a line that differs by its numbers
_MARGE_REPETEE = 0.10  # a line repeated word for word at the same place
_REPETEES_MIN = 0.5  # a header/footer line repeats on at least half of the pages…
BORDS = 2  # …among the first and last lines of each page
_TOLERANCE_Y = 4.0  # points: « the same place » on two pages

_NUMERO_PAGE = re.compile(
    r"^(?:page|p\.)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:/|sur|of)\s*\d{1,4})?\s*[-–—]?$", re.IGNORECASE
)


def _cle(ligne: Ligne, chiffres: bool) -> str:
    texte = ligne.texte.lower().strip()
    return re.sub(r"\d+", "#", texte) if chiffres else texte


def retirer_en_tetes(pages: list[PageLue]) -> int:
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

    def repetee(ligne: Ligne, chiffres: bool) -> bool:
        y = round(ligne.top / _TOLERANCE_Y)
        cle = _cle(ligne, chiffres)
        return any(vues[(chiffres, cle, y + d)] >= seuil for d in (-1, 0, 1))

    def dans_la_marge(ligne: Ligne, part: float, hauteur: float) -> bool:
        return ligne.top < part * hauteur or ligne.top > (1 - part) * hauteur

    retirees = 0
    for page in avec_texte:
        a_retirer = set()
        for b in page.bords:
            if (dans_la_marge(b, _MARGE_REPETEE, page.hauteur) and repetee(b, False)) or (
                dans_la_marge(b, MARGE_NUMERO, page.hauteur)
                and (repetee(b, True) or _NUMERO_PAGE.match(b.texte))
            ):
                a_retirer.add(id(b))
        retirees += len(a_retirer)
        page.elements = [e for e in page.elements if id(e) not in a_retirer]
    return retirees
