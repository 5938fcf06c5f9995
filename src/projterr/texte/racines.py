"""French words to comparable stems: case, accents, elisions, plurals, Snowball stems.

« Rénovation énergétique des logements » and « rénover l'énergie du logement » share the
stems ``renov``, ``energ``… once stop words are dropped; keywords of the référentiels,
thesaurus terms and texts of the actions go through the same function, so they meet on the
same forms. :data:`MOTS_VIDES` is the project's one list of French stop words.
"""

from __future__ import annotations

import functools
import re

from projterr.normalize import sans_accents

# Letters and digits; apostrophes and hyphens split words (« l'habitat », « centre-bourg »).
_MOT = re.compile(r"[^\W_]+", re.UNICODE)

# Function words that carry no theme. Compared without accents (« à » and « a » alike).
MOTS_VIDES = frozenset(
    """
    a au aux avec c ce ceci cela ces cet cette chez comme d dans de des du elle elles en
    entre et etc etre eu j l la le les leur leurs lors lui m ma mais me meme memes mes n
    ne ni nos notre nous on ou par pas pour qu que quel quelle quels quelles qui s sa sans
    se ses si son sont sur t ta te tes toi ton tous tout toute toutes tres un une vers
    voire vos votre vous y est afin ainsi via
    """.split()  # noqa: SIM905 - prose-like block, easier to read and extend than a list
)


@functools.cache
def _stemmer() -> object:
    # snowballstemmer hands over to PyStemmer, the same algorithms in C, when it is installed
    # (extra `rapide`): the same stems, twenty times faster.
    import snowballstemmer

    return snowballstemmer.stemmer("french")


@functools.lru_cache(maxsize=65536)
def racine(mot: str) -> str:
    """The comparable form of one lower-case word: ``logements`` → ``log``."""
    stem: str = _stemmer().stemWord(mot)  # type: ignore[attr-defined]
    stem = sans_accents(stem)
    # Snowball keeps the plural of words ending in a vowel + s (« emplois », « vélos »).
    if len(stem) > 3 and stem[-1] in "sx" and stem[-2] != "s":
        stem = stem[:-1]
    return stem


def mots(texte: str) -> list[str]:
    """The words of a text, lower case, accents kept (the stemmer wants them)."""
    return _MOT.findall(texte.replace("œ", "oe").replace("Œ", "OE").casefold())


def mots_ecrits(texte: str) -> list[str]:
    """The words of a text as written (case kept), aligned with :func:`mots`."""
    return _MOT.findall(texte.replace("œ", "oe").replace("Œ", "OE"))


def racines(texte: str) -> tuple[str, ...]:
    """The stems of a text's words, stop words left out, in text order."""
    return tuple(racine(m) for m in mots(texte) if sans_accents(m) not in MOTS_VIDES)
