"""The rapidfuzz scorers of the project, every one on the 0–100 scale.

Each is given as the rapidfuzz function itself (so ``process.extract`` and ``cdist`` stay in
C++), fetched when first asked for: ``projterr --help`` must not import rapidfuzz.
"""

from __future__ import annotations

from collections.abc import Callable

Scoreur = Callable[..., float]


def scoreur_caracteres() -> Scoreur:
    """Indel ratio of two normalised texts, character by character.

    ``diff``'s likeness of two versions of one element (a reworded action keeps most of its
    characters in place); on texts whose words are already sorted, it is PT006's
    ``token_sort_ratio`` without sorting again.
    """
    from rapidfuzz import fuzz

    return fuzz.ratio


def score_caracteres(a: str, b: str) -> float:
    """:func:`scoreur_caracteres` of one pair."""
    return float(scoreur_caracteres()(a, b))


def scoreur_racines() -> Scoreur:
    """Lexical score of ``match`` on two texts of stems: ``token_set_ratio`` forgives a
    short title whose words all sit in a long action (« Améliorer l'habitat »)."""
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio
