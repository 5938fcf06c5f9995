"""The rapidfuzz scorers of the project, every one on the 0–100 scale.

Each is given as the rapidfuzz function itself (so ``process.extract`` and ``cdist`` stay in
C++), fetched when first asked for: ``projterr --help`` must not import rapidfuzz.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Scoreur = Callable[..., float]


def scoreur_trie() -> Scoreur:
    """Indel ratio of two texts whose words are already sorted: ``token_sort_ratio``
    without sorting again (PT006's near-duplicates)."""
    from rapidfuzz import fuzz

    return fuzz.ratio


def scoreur_racines() -> Scoreur:
    """Lexical score of ``match`` on two texts of stems: ``token_set_ratio`` forgives a
    short title whose words all sit in a long action (« Améliorer l'habitat »)."""
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio


def score_mots(a: str, b: str, **kwargs: Any) -> float:
    """``token_sort_ratio`` of two normalised texts: the same words in any order."""
    from rapidfuzz import fuzz

    return float(fuzz.token_sort_ratio(a, b, **kwargs))
