"""French typography for every text projterr writes into a document.

- a non-breaking space (U+00A0) before « : » and inside « », a narrow one (U+202F) before
  « ; ! ? » (the Imprimerie nationale's usage, which Word's French autocorrect follows);
- straight double quotes "…" and English ones “…” become « … »;
- the straight apostrophe ' becomes ’.

Only the space next to a mark is touched: « 12:30 », « pvd:mobilite », an address
« https://… » or « page?id=3 » stay as they are (no space is added where the mark is glued
to the next word). The transformation is idempotent.
"""

from __future__ import annotations

import re

ESPACE_INSECABLE = "\u00a0"
ESPACE_FINE = "\u202f"

_ESPACES = " \u00a0\u202f"
# A mark that ends a word: followed by a space, another mark, a closing bracket or the end.
_FIN_DE_MOT = r"(?=[\s.,;:!?…)\]»\"']|$)"
_AVANT_DEUX_POINTS = re.compile(rf"(?<=\S)[{_ESPACES}]*:{_FIN_DE_MOT}")
_AVANT_DEUX_POINTS_ESPACE = re.compile(rf"[{_ESPACES}]+:")
_AVANT_POINTS = re.compile(rf"(?:(?<=[^\s;!?])[{_ESPACES}]*|^[{_ESPACES}]+)(?=[;!?]+{_FIN_DE_MOT})")
_APRES_OUVRANT = re.compile(rf"«(?:[{_ESPACES}]+|(?=\S))")
_AVANT_FERMANT = re.compile(rf"(?:[{_ESPACES}]+|(?<=\S))»")
_OUVRANT_APRES = set("([{«'’/-–—")


def _guillemets(texte: str) -> str:
    """Straight double quotes → « », opening after a space, a bracket or the start."""
    if '"' not in texte:
        return texte
    return "".join(
        c
        if c != '"'
        else ("«" if k == 0 or texte[k - 1].isspace() or texte[k - 1] in _OUVRANT_APRES else "»")
        for k, c in enumerate(texte)
    )


def typographier(texte: str) -> str:
    """``Il a dit "oui": l'accord?`` → ``Il a dit « oui » : l’accord ?`` (French spaces)."""
    texte = _guillemets(texte).replace("'", "’").replace("“", "«").replace("”", "»")
    if "«" in texte:
        texte = _APRES_OUVRANT.sub("«" + ESPACE_INSECABLE, texte)
    if "»" in texte:
        texte = _AVANT_FERMANT.sub(ESPACE_INSECABLE + "»", texte)
    if ":" in texte:
        texte = _AVANT_DEUX_POINTS.sub(ESPACE_INSECABLE + ":", texte)
        texte = _AVANT_DEUX_POINTS_ESPACE.sub(ESPACE_INSECABLE + ":", texte)
    if ";" in texte or "!" in texte or "?" in texte:
        texte = _AVANT_POINTS.sub(ESPACE_FINE, texte)
    return texte
