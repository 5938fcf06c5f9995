"""Text similarity for alignment, and candidate retrieval that keeps the fuzzy stage linear."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from projterr.diff.elements import Element

# How many of an element's rarest words are looked up in the index: a rewording that keeps
# 75 % of the text keeps some of its rarest words, and rare words have short posting lists.
_MOTS_RARES = 4


def similarite(a: Element, b: Element) -> float:
    """0..1 similarity of two normalised texts (rapidfuzz Indel ratio, in C++)."""
    return fuzz.ratio(a.norm, b.norm) / 100.0


def meilleures_paires(
    anciens: Sequence[Element], nouveaux: Sequence[Element], seuil: float
) -> list[tuple[float, int, int]]:
    """Every (score, i, j) with score ≥ ``seuil`` between two small candidate sets."""
    # process.extract per row, not process.cdist: cdist needs numpy, which projterr does
    # not depend on; the sets are the children of one parent, so a row at a time is cheap.
    choix = [a.norm for a in anciens]
    paires = []
    for j, nouveau in enumerate(nouveaux):
        for _texte, score, i in process.extract(
            nouveau.norm, choix, scorer=fuzz.ratio, score_cutoff=seuil * 100, limit=None
        ):
            paires.append((float(score) / 100.0, i, j))
    return paires


def paires_indexees(
    anciens: Sequence[Element], nouveaux: Sequence[Element], seuil: float
) -> list[tuple[float, int, int]]:
    """Like :func:`meilleures_paires` over whole documents, comparing only pairs that share
    one of the new element's rarest words, so the cost grows with the number of elements and
    not with its square."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, ancien in enumerate(anciens):
        for mot in ancien.mots():
            index[mot].append(i)
    paires: list[tuple[float, int, int]] = []
    for j, nouveau in enumerate(nouveaux):
        mots = sorted((m for m in nouveau.mots() if m in index), key=lambda m: (len(index[m]), m))
        candidats: set[int] = set()
        for mot in mots[:_MOTS_RARES]:
            candidats.update(index[mot])
        if not candidats:
            continue
        ordre = sorted(candidats)
        for _texte, score, k in process.extract(
            nouveau.norm,
            [anciens[i].norm for i in ordre],
            scorer=fuzz.ratio,
            score_cutoff=seuil * 100,
            limit=None,
        ):
            paires.append((float(score) / 100.0, ordre[k], j))
    return paires


def glouton(paires: Iterable[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """Best pairs first, each side used once (ties: document order, so results are stable)."""
    pris_i: set[int] = set()
    pris_j: set[int] = set()
    retenues = []
    for score, i, j in sorted(paires, key=lambda p: (-p[0], p[1], p[2])):
        if i in pris_i or j in pris_j:
            continue
        pris_i.add(i)
        pris_j.add(j)
        retenues.append((score, i, j))
    return retenues
