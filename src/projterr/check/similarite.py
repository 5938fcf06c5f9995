"""Near-duplicate texts among many, without comparing every pair.

Scores are ``fuzz.token_sort_ratio`` on normalised texts (computed as ``fuzz.ratio`` on
texts whose words are sorted once). Candidates come from prefix filtering on word sets
(the *AllPairs* join): content words are ordered from rarest to most common, and two texts
are compared only if their rarest words overlap, which every pair whose word sets have a
Jaccard index ≥ ``jaccard_min`` does. Pairs that reach the score with fewer shared words
(every word misspelt) are missed: the price of scaling to 10,000 actions. Candidates are
then scored in C by ``rapidfuzz.process.extractOne``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from projterr.normalize import normaliser

# Near-duplicates at 90 % share most content words: one word replaced among five is a
# Jaccard index of 0.67, two among ten 0.67, one added to five 0.83. 0.6 keeps those and
# halves the candidates of 0.5 on the 10,000-action benchmark.
JACCARD_MIN = 0.6

# French function words (after normalisation): too common to say two texts are alike.
MOTS_OUTILS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "d",
        "dans",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "ou",
        "par",
        "pour",
        "qu",
        "que",
        "qui",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "un",
        "une",
    ]
)


def mots_de_blocage(normalise: str) -> set[str]:
    """The words that decide whether two texts are compared: content words, or all the
    words of a text made only of function words."""
    mots = set(normalise.split())
    return (mots - MOTS_OUTILS) or mots


def plus_proches_anterieurs(
    textes: Sequence[str],
    seuil: float = 90.0,
    jaccard_min: float = JACCARD_MIN,
    normalises: Sequence[str] | None = None,
) -> dict[int, tuple[int, float]]:
    """For each text ``i``, its most similar earlier text ``j`` and their score (≥ ``seuil``).

    Exact copies (same normalised text) are not near-duplicates: a copy of an earlier
    text gets no entry, and a text is only compared with the first of a group of copies.
    ``normalises`` (aligned with ``textes``) saves normalising again.
    """
    from rapidfuzz import fuzz, process

    if normalises is None:
        normalises = [normaliser(t) for t in textes]
    premiers: dict[str, int] = {}
    uniques: list[int] = []  # index of the first occurrence of each normalised text
    for i, n in enumerate(normalises):
        if n and n not in premiers:
            premiers[n] = i
            uniques.append(i)
    mots = [mots_de_blocage(normalises[i]) for i in uniques]
    tries = [" ".join(sorted(normalises[i].split())) for i in uniques]
    frequence: Counter[str] = Counter()
    for ensemble in mots:
        frequence.update(ensemble)

    longueurs = [len(t) for t in tries]
    # ratio = 1 - distance / (la + lb) and distance ≥ |la - lb|: lengths bound the score
    marge = 1.0 - seuil / 100.0
    bas, haut = (1 - marge) / (1 + marge), (1 + marge) / (1 - marge) if marge < 1 else math.inf
    index: defaultdict[str, list[int]] = defaultdict(list)
    resultat: dict[int, tuple[int, float]] = {}
    for u, ensemble in enumerate(mots):
        ordre = sorted(ensemble, key=lambda m: (frequence[m], m))
        prefixe = ordre[: len(ordre) - math.ceil(jaccard_min * len(ordre)) + 1]
        candidats: set[int] = set()
        for mot in prefixe:
            candidats.update(index[mot])
            index[mot].append(u)
        lu = longueurs[u]
        # (the bounds are exact fractions computed in floating point: 2/3 × 21 gives
        # 14.000000000000002, which would drop a pair scoring exactly the threshold)
        anterieurs = sorted(  # extractOne keeps the first of equal scores
            v for v in candidats if bas * lu - 1e-9 <= longueurs[v] <= haut * lu + 1e-9
        )
        if not anterieurs:
            continue
        meilleur = process.extractOne(
            tries[u],
            [tries[v] for v in anterieurs],
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=seuil,
        )
        if meilleur is not None:
            _, score, k = meilleur
            resultat[uniques[u]] = (uniques[anterieurs[k]], float(score))
    return resultat
