"""The acronyms a document uses, with their expansion from the référentiel of acronyms."""

from __future__ import annotations

from collections.abc import Iterable

from projterr.check.sigle_inconnu import sigles_candidats
from projterr.referentiels import Sigle, Sigles, cle_sigle


def glossaire(textes: Iterable[str], sigles: Sigles) -> list[Sigle]:
    """The known acronyms that occur in ``textes``, once each, in alphabetical order."""
    trouves: dict[str, Sigle] = {}
    for texte in textes:
        for mot in sigles_candidats(texte):
            entree = sigles.trouver(mot)
            if entree is not None:
                trouves.setdefault(cle_sigle(entree.sigle), entree)
    return sorted(trouves.values(), key=lambda s: cle_sigle(s.sigle))
