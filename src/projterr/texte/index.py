"""Candidate retrieval: which texts to score, without scoring every pair.

Three shapes of the same idea (a word index that keeps rapidfuzz's work linear):

- :class:`IndexInverse`, for ``match``: features (stems, acronyms, thesaurus groups,
  themes) → posting lists, with IDF weights. A query reads the posting lists of its rarest
  features first, within a budget of postings, and keeps the documents with the highest
  weighted overlap; rapidfuzz then scores only those. With no budget and no limit it returns
  exactly the brute-force ranking by weighted overlap (tested with hypothesis).
- :func:`plus_proches_anterieurs`, for ``check`` (PT006): prefix filtering on word sets
  (the *AllPairs* join). Content words are ordered from rarest to most common, and two texts
  are compared only if their rarest words overlap, which every pair whose word sets have a
  Jaccard index ≥ ``jaccard_min`` does. Pairs that reach the score with fewer shared words
  (every word misspelt) are missed: the price of scaling to 10,000 actions.
- :func:`paires_par_mots_rares`, for ``diff``: the pairs of two versions of a document that
  reach a character score, compared only when the new text shares one of its few rarest
  words with the old one (:func:`paires_au_dessus` is the same without the index).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from projterr.normalize import normaliser
from projterr.texte.racines import MOTS_VIDES
from projterr.texte.score import scoreur_caracteres

Paire = tuple[float, int, int]  # (score 0–100, index in the old texts, index in the new)


class IndexInverse:
    """Documents as sets of features, for retrieving the few worth scoring."""

    def __init__(self) -> None:
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.taille = 0

    def ajouter(self, traits: Iterable[str], uniques: bool = False) -> int:
        """Index one document (its features, each counted once: say ``uniques`` when they
        already are); returns its number."""
        numero = self.taille
        postings = self.postings
        for trait in traits if uniques else set(traits):
            postings[trait].append(numero)
        self.taille += 1
        return numero

    def poids(self, trait: str) -> float:
        """IDF of a feature: rare features say more (0 for an unknown one)."""
        df = len(self.postings.get(trait, ()))
        return math.log((self.taille + 1) / df) if df else 0.0

    def candidats(
        self,
        traits: Iterable[str],
        limite: int | None = 64,
        budget: int | None = 2_000,
        exclure: int | None = None,
    ) -> list[tuple[float, int]]:
        """The documents sharing the most features with ``traits``, each weighing its IDF
        squared (as in a TF-IDF cosine), best first as ``(overlap, document)``; ties by
        document number.

        ``budget`` bounds how many postings are read: features are read from the rarest on,
        and a common feature that would overflow the budget is skipped (the rarest is always
        read). ``None`` reads them all.
        """
        presents = [(len(self.postings[t]), t) for t in set(traits) if t in self.postings]
        presents.sort()
        cumul: dict[int, float] = {}
        lus = 0
        for df, trait in presents:
            if budget is not None and lus and lus + df > budget:
                continue
            lus += df
            # IDF squared: the weight a shared feature has in the TF-IDF cosine that scores
            # the candidates, so that the index fetches those the score will rank first
            w = math.log((self.taille + 1) / df) ** 2
            get = cumul.get
            for doc in self.postings[trait]:
                cumul[doc] = get(doc, 0.0) + w
        if exclure is not None:
            cumul.pop(exclure, None)
        # Rounded: log(21/2) + log(3) and log(21/6) + 2 log(3) are the same overlap, summed
        # from other weights; equal overlaps must fall back on document order. Only the
        # documents that can be among the ``limite`` best are rounded: those within a hair
        # (far more than the rounding) of the ``limite``-th overlap.
        if limite is None or limite >= len(cumul):
            classes = sorted((-round(s, 9), d) for d, s in cumul.items())
        else:
            plancher = heapq.nlargest(limite, cumul.values())[-1] - 1e-6
            classes = heapq.nsmallest(
                limite, [(-round(s, 9), d) for d, s in cumul.items() if s >= plancher]
            )
        return [(-s, d) for s, d in classes]

    def to_dict(self) -> dict[str, Any]:
        return {"taille": self.taille, "postings": dict(self.postings)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndexInverse:
        index = cls()
        index.taille = int(data["taille"])
        index.postings.update(data["postings"])
        return index


# Near-duplicates at 90 % share most content words: one word replaced among five is a
# Jaccard index of 0.67, two among ten 0.67, one added to five 0.83. 0.6 keeps those and
# halves the candidates of 0.5 on the 10,000-action benchmark.
JACCARD_MIN = 0.6


def mots_de_blocage(normalise: str) -> set[str]:
    """The words that decide whether two texts are compared: content words, or all the
    words of a text made only of function words."""
    mots = set(normalise.split())
    return (mots - MOTS_VIDES) or mots


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
    from rapidfuzz import process

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
            scorer=scoreur_caracteres(),
            processor=None,
            score_cutoff=seuil,
        )
        if meilleur is not None:
            _, score, k = meilleur
            resultat[uniques[u]] = (uniques[anterieurs[k]], float(score))
    return resultat


# --- diff: versions of one document ------------------------------------------------------

# Beyond the stop words, words too common in French strategy documents to say which old text
# a new one comes from: left out of the index that picks diff's candidates (never out of the
# score), as are words of two letters or fewer.
MOTS_COURANTS = MOTS_VIDES | {"dont", "quoi", "plus", "notamment"}
_MOT_NORMALISE = re.compile(r"\w+")

# How many of a new text's rarest words are looked up in the index: a rewording that keeps
# 75 % of the text keeps some of its rarest words, and rare words have short posting lists.
MOTS_RARES = 4


def mots_distinctifs(normalise: str) -> set[str]:
    """The words of a normalised text that may pick candidates in :func:`paires_par_mots_rares`."""
    return {m for m in _MOT_NORMALISE.findall(normalise) if len(m) > 2 and m not in MOTS_COURANTS}


def paires_au_dessus(anciens: Sequence[str], nouveaux: Sequence[str], seuil: float) -> list[Paire]:
    """Every ``(score, i, j)`` with :func:`~projterr.texte.score.scoreur_caracteres` of
    ``anciens[i]`` and ``nouveaux[j]`` ≥ ``seuil`` (0–100): every pair scored, for small sets
    (the children of one parent)."""
    # process.extract per row, not process.cdist: cdist needs numpy, which projterr does
    # not depend on; the sets are small, so a row at a time is cheap.
    from rapidfuzz import process

    scoreur = scoreur_caracteres()
    paires = []
    for j, nouveau in enumerate(nouveaux):
        for _texte, score, i in process.extract(
            nouveau, anciens, scorer=scoreur, score_cutoff=seuil, limit=None
        ):
            paires.append((float(score), i, j))
    return paires


def paires_par_mots_rares(
    anciens: Sequence[str], nouveaux: Sequence[str], seuil: float, rares: int | None = MOTS_RARES
) -> list[Paire]:
    """:func:`paires_au_dessus` over whole documents, scoring only the pairs where the old text
    has one of the new text's ``rares`` rarest :func:`mots_distinctifs` (all of them if
    ``None``), so the cost grows with the number of texts and not with its square."""
    from rapidfuzz import process

    scoreur = scoreur_caracteres()
    index: dict[str, list[int]] = defaultdict(list)
    for i, ancien in enumerate(anciens):
        for mot in mots_distinctifs(ancien):
            index[mot].append(i)
    paires: list[Paire] = []
    for j, nouveau in enumerate(nouveaux):
        mots = sorted(
            (m for m in mots_distinctifs(nouveau) if m in index), key=lambda m: (len(index[m]), m)
        )
        candidats: set[int] = set()
        for mot in mots[:rares]:
            candidats.update(index[mot])
        if not candidats:
            continue
        ordre = sorted(candidats)
        for _texte, score, k in process.extract(
            nouveau,
            [anciens[i] for i in ordre],
            scorer=scoreur,
            score_cutoff=seuil,
            limit=None,
        ):
            paires.append((float(score), ordre[k], j))
    return paires
