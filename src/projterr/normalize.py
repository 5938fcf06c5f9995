"""Text normalisation shared by check, diff and match: case, accents, punctuation, spaces."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_PREFIXE_NUMERO = re.compile(
    r"^(?:n\s*[°º]|no\.?(?=\s*\d)|no\.|num(?:[ée]ro)?\.?)\s*", re.IGNORECASE
)
_LIBELLE_NUMERO = re.compile(r"^(?:[^\W\d_]{2,}\.?\s+)+(?=\S)")
_SUFFIXE_LATIN = re.compile(r"\s*\b(bis|ter|quater)\b", re.IGNORECASE)
_PARTIE_NUMERO = re.compile(r"[0-9]+(?:bis|ter|quater)?|[A-Za-z]+", re.IGNORECASE)
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'", "ʼ": "'"})


def _sans_accents(texte: str) -> str:
    decomposed = unicodedata.normalize("NFKD", texte.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _TableSansAccents(dict[int, str]):
    """str.translate table that fills itself: per character, the accent-free form.

    NFKD then dropping combining marks works character by character (marks are dropped, so
    canonical reordering cannot matter), so a per-character table gives the same result as
    on the whole string, with the loop in C.
    """

    def __missing__(self, point: int) -> str:
        valeur = _sans_accents(chr(point))
        self[point] = valeur
        return valeur


_TABLE = _TableSansAccents()


def sans_accents(texte: str) -> str:
    """Compatibility decomposition (NFKD) without its combining marks, ligatures split:
    « Œuvre élémentaire » → « Oeuvre elementaire »."""
    return texte.translate(_TABLE)


def normaliser(texte: str) -> str:
    """Lower case, no accents, punctuation as single spaces: the key for "same text"."""
    return _NON_WORD.sub(" ", texte.translate(_TABLE).casefold()).strip()


def normaliser_numero(numero: str | None) -> str:
    """The number's parts joined by dots: ``n°2.1.3.``, ``2.1.3`` and ``Axe 2.1.3`` are one.

    A leading label (« n° », « Axe », « Objectif opérationnel ») is not part of the number;
    « 3 bis » is one part, ``3bis``.
    """
    if not numero:
        return ""
    numero = _PREFIXE_NUMERO.sub("", numero.strip())
    numero = _LIBELLE_NUMERO.sub("", numero)
    numero = _PREFIXE_NUMERO.sub("", numero)
    numero = _SUFFIXE_LATIN.sub(r"\1", numero)
    return ".".join(_PARTIE_NUMERO.findall(numero))


def espaces(texte: str) -> str:
    """Collapse runs of whitespace (wrapped PDF lines) into single spaces."""
    return " ".join(texte.split())


# Typography only: apostrophes, quotes, dashes, ellipsis, ligatures and every kind of space.
_TYPO = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "…": "...",
        "œ": "oe",
        "Œ": "OE",
        "æ": "ae",
        "Æ": "AE",
    }
)
_ESPACES_TYPO = re.compile(r"\s+")
# A space before « : ; ! ? » or around a quote is French typography, not a word boundary.
_ESPACE_PONCTUATION = re.compile(r' (?=[:;!?"%)\]]|\.\.\.)|(?<=["(\[]) ')


def cle_typographique(texte: str) -> str:
    """The text with its typography neutralised: « l’EPCI » and "l'EPCI" give one key.

    Case, accents and words are kept: a change of those is a change of wording.
    """
    texte = _ESPACES_TYPO.sub(" ", texte.translate(_TYPO)).strip()
    return _ESPACE_PONCTUATION.sub("", texte)
