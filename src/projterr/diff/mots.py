"""Word-level diff of two texts, as segments ``egal`` / ``suppression`` / ``ajout``; and
the paragraph-level alignment that the field diff and the Word redline share.

Joining the ``egal`` and ``suppression`` segments gives back the old text exactly, and
``egal`` + ``ajout`` the new one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from difflib import SequenceMatcher

from projterr.diff.rapport import Segment

# Words, punctuation and spaces are separate tokens: « territoire. » → « territoire et … »
# keeps « territoire » unchanged. Numbers, dates and amounts are one token each, struck and
# inserted whole: « 3.2.3 » → « 3.1.3 », « 30/06/2025 », « 1 200 000,50 » (thousands apart
# by a space, a non-breaking or a narrow one), « 2ème », never « 3.[-2-]{+1+}.3 ».
_JETON = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d)"  # 1 200 000, 450 000,50
    r"|\d+(?:[.,/:hH-]\d+)*\w*"  # 2.1.3, 2025/2030, 30/06/2025, 18h30, 450000.5, 2ème
    r"|\w+|[^\w\s]+|\s+"
)


def segments(ancien: str, nouveau: str) -> tuple[Segment, ...]:
    """Word diff of ``ancien`` → ``nouveau``.

    difflib's SequenceMatcher rather than a minimal edit script (rapidfuzz's Levenshtein
    opcodes): it keeps the longest common runs of words together, which reads like a
    person's redline instead of interleaved one-word edits; the texts are one action or one
    title long, so its cost does not matter.
    """
    jetons_a = _JETON.findall(ancien)
    jetons_n = _JETON.findall(nouveau)
    matcher = SequenceMatcher(None, jetons_a, jetons_n, autojunk=False)
    bruts: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            bruts.append(("egal", "".join(jetons_a[i1:i2])))
        else:
            bruts.append(("suppression", "".join(jetons_a[i1:i2])))
            bruts.append(("ajout", "".join(jetons_n[j1:j2])))
    return _regrouper(bruts)


def _regrouper(bruts: list[tuple[str, str]]) -> tuple[Segment, ...]:
    """One deletion then one insertion per changed run; a lone space between two changes
    belongs to the change (« A B » → « X Y » reads as one replacement, not two)."""
    resultat: list[Segment] = []
    supprime, ajoute = "", ""

    def vider() -> None:
        nonlocal supprime, ajoute
        if supprime:
            resultat.append(Segment("suppression", supprime))
        if ajoute:
            resultat.append(Segment("ajout", ajoute))
        supprime = ajoute = ""

    for k, (op, texte) in enumerate(bruts):
        if op == "suppression":
            supprime += texte
        elif op == "ajout":
            ajoute += texte
        elif (
            not texte.strip()
            and (supprime or ajoute)
            and k + 1 < len(bruts)
            and bruts[k + 1][0] != "egal"
        ):
            supprime += texte
            ajoute += texte
        else:
            vider()
            resultat.append(Segment("egal", texte))
    vider()
    return tuple(resultat)


def blocs(
    cles_a: Sequence[Hashable], cles_n: Sequence[Hashable], meme: Callable[[int, int], bool]
) -> Iterator[tuple[int | None, int | None, bool]]:
    """Two lists of blocks (paragraphs) aligned on their keys, in the new list's order with
    the deleted blocks at their old place: ``(i, j, True)`` for blocks with the same key,
    ``(i, j, False)`` for a block changed in place, ``(i, None, False)`` deleted and
    ``(None, j, False)`` inserted.

    In a run that differs, the blocks at the same rank are one block changed when
    ``meme(i, j)``; the others are deleted and inserted whole.
    """
    matcher = SequenceMatcher(None, cles_a, cles_n, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                yield i1 + k, j1 + k, True
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            i = i1 + k if i1 + k < i2 else None
            j = j1 + k if j1 + k < j2 else None
            if i is not None and j is not None and meme(i, j):
                yield i, j, False
                continue
            if i is not None:
                yield i, None, False
            if j is not None:
                yield None, j, False
