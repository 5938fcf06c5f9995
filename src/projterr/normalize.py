"""Text normalisation shared by check, diff and match: case, accents, punctuation, spaces."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'", "ʼ": "'"})


def sans_accents(texte: str) -> str:
    decomposed = unicodedata.normalize("NFKD", texte.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normaliser(texte: str) -> str:
    """Lower case, no accents, punctuation as single spaces: the key for "same text"."""
    return _NON_WORD.sub(" ", sans_accents(texte).casefold()).strip()


def normaliser_numero(numero: str | None) -> str:
    """``n°2.1.3.`` and ``2.1.3`` are the same number: keep the digits and their dots."""
    if not numero:
        return ""
    digits = re.findall(r"[0-9]+|[A-Za-z](?![a-z])", numero)
    return ".".join(digits)


def espaces(texte: str) -> str:
    """Collapse runs of whitespace (wrapped PDF lines) into single spaces."""
    return " ".join(texte.split())
