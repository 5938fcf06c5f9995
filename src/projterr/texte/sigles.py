"""Acronyms expanded both ways: « PAT » in a text brings the stems of « projet alimentaire
territorial », and those words in a text bring back « PAT ».

Acronyms are found as written in capitals (``PAT``, ``PLUi``, ``HTA/BT``); expansions are
found as a run of stems (:func:`projterr.texte.racines.racines`), so « programmes d'intérêt
général » finds ``PIG``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from projterr.referentiels import Sigle, Sigles
from projterr.texte.racines import racines
from projterr.texte.termes import Termes

# Acronyms whose expansion names an institution (« établissement public de coopération
# intercommunale ») say who acts, not on what: expanding them would tie every action that
# names an EPCI to « coopération ». LEADER's expansion is a 1991 backronym (« … de
# l'économie rurale ») that says nothing of what the programme funds today.
CATEGORIES_NON_DEVELOPPEES = frozenset({"structure"})
SIGLES_NON_DEVELOPPES = frozenset({"LEADER"})

_PONCTUATION = '.,;:!?()[]«»"“”/'


def developpable(sigle: Sigle) -> bool:
    return (
        sigle.categorie not in CATEGORIES_NON_DEVELOPPEES
        and sigle.sigle not in SIGLES_NON_DEVELOPPES
    )


def est_acronyme(mot: str) -> bool:
    """One word written as an acronym: two capitals at least (« PLU », « PLUi », « SCoT »,
    « MaPrimeRénov »), not « Plus » at the start of a sentence."""
    mot = mot.strip(_PONCTUATION)
    return bool(mot) and " " not in mot and sum(map(str.isupper, mot)) >= 2


def acronymes_ecrits(textes: Iterable[str]) -> tuple[str, ...]:
    """The words of ``textes`` written as acronyms, in capitals (« PLUi » → « PLUI »), in
    order of first appearance: a term that is an acronym matches only these, never a word
    whose stem looks the same (« plus » is not the PLU)."""
    vus: dict[str, None] = {}
    for texte in textes:
        for brut in texte.replace("’", " ").replace("'", " ").split():
            for acronyme in _acronymes_du_mot(brut):
                vus[acronyme] = None
    return tuple(vus)


@functools.lru_cache(maxsize=1 << 16)
def _acronymes_du_mot(brut: str) -> tuple[str, ...]:
    """The acronyms one word of a text (split on spaces) is written as, in capitals; cached:
    a corpus has millions of words but tens of thousands of distinct ones."""
    if brut.islower():
        return ()
    return tuple(
        mot.strip(_PONCTUATION).upper() for mot in brut.split("/") if est_acronyme(mot)
    )  # « HTA/BT »


def sigles_ecrits(textes: Iterable[str], sigles: Sigles) -> list[Sigle]:
    """The expandable acronyms written in ``textes``, in order of first appearance."""
    vus: dict[str, Sigle] = {}
    for texte in textes:
        for brut in texte.replace("’", " ").replace("'", " ").split():
            for sigle in _sigles_du_mot(brut, sigles):
                vus.setdefault(sigle.sigle, sigle)
    return list(vus.values())


def _sigles_du_mot(brut: str, sigles: Sigles) -> tuple[Sigle, ...]:
    """The expandable acronyms one word of a text (split on spaces) is written as."""
    mot = brut.strip(_PONCTUATION)
    if not est_acronyme(mot):  # most words are not
        return ()
    trouves = []
    for partie in mot.split("/"):  # « HTA/BT »
        sigle = sigles.trouver(partie)
        if sigle is not None and developpable(sigle):
            trouves.append(sigle)
    return tuple(trouves)


@dataclass(frozen=True)
class SigleTrouve:
    """An acronym met in a text, written as the acronym or as its expansion."""

    sigle: Sigle
    ecrit_en_toutes_lettres: bool  # the expansion was in the text, not the acronym


class Developpeur:
    """Acronyms and their expansions compiled for finding them in many texts."""

    def __init__(self, sigles: Sigles) -> None:
        self.sigles = sigles
        self._par_mot = _SiglesParMot(sigles)
        self._expansions: Termes[Sigle] = Termes()
        for nom in sigles:
            sigle = sigles[nom]
            forme = racines(sigle.expansion)
            # a one-word expansion (« Europe ») is a plain word: it proves nothing
            if developpable(sigle) and len(forme) >= 2:
                self._expansions.ajouter(forme, sigle)

    def trouver(self, textes: Sequence[str], formes: Sequence[str]) -> list[SigleTrouve]:
        """The acronyms of ``textes`` (whose stems are ``formes``), either way written."""
        trouves = {s.sigle: SigleTrouve(s, False) for s in self._ecrits(textes)}
        for _i, _forme, sigle in self._expansions.trouver(formes):
            if sigle.sigle not in trouves:
                trouves[sigle.sigle] = SigleTrouve(sigle, True)
        return list(trouves.values())

    def _ecrits(self, textes: Iterable[str]) -> list[Sigle]:
        """:func:`sigles_ecrits`, remembering each word: a corpus of 100,000 actions has
        two million words but a few tens of thousands of distinct ones."""
        vus: dict[str, Sigle] = {}
        par_mot = self._par_mot.__getitem__
        for texte in textes:
            for trouves in map(par_mot, texte.replace("’", " ").replace("'", " ").split()):
                for sigle in trouves:
                    vus.setdefault(sigle.sigle, sigle)
        return list(vus.values())


class _SiglesParMot(dict[str, tuple[Sigle, ...]]):
    """Word as split in a text → the acronyms it is written as; filled as words are met."""

    def __init__(self, sigles: Sigles) -> None:
        super().__init__()
        self.sigles = sigles

    def __missing__(self, brut: str) -> tuple[Sigle, ...]:
        trouves = self[brut] = _sigles_du_mot(brut, self.sigles)
        return trouves
