"""Word-level diff of two texts, as segments ``egal`` / ``suppression`` / ``ajout``.

Joining the ``egal`` and ``suppression`` segments gives back the old text exactly, and
``egal`` + ``ajout`` the new one.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from projterr.diff.rapport import Segment

# Words, punctuation and spaces are separate tokens: « territoire. » → « territoire et … »
# keeps « territoire » unchanged.
_JETON = re.compile(r"\w+|[^\w\s]+|\s+")


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
