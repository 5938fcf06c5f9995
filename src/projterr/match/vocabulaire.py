"""The vocabulary of a matching run (acronyms, thesaurus, référentiels' themes), and the
signature it reads from each element once: its stems, acronyms, thesaurus groups and themes.

A signature's *features* (:attr:`Signature.traits`) are what the candidate index stores: stems
as they are, ``#PAT`` for an acronym met either way, ``~mobilite`` for a thesaurus group,
``@pvd:mobilite`` for a theme.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from projterr.match.semantique import Lien, Themes, ThesaurusCompile
from projterr.normalize import sans_accents
from projterr.referentiels import Referentiel, Sigles, Thesaurus
from projterr.texte.racines import MOTS_VIDES, mots, mots_ecrits, racine
from projterr.texte.sigles import Developpeur, acronymes_ecrits

COUCHES = ("sigles", "thesaurus", "themes")
# The référentiels whose themes `projterr match` reads by default (its --referentiels).
REFERENTIELS_DEFAUT = ("pvd", "crte", "pcaet", "ort", "odd", "leader")


@dataclass(slots=True)
class Signature:
    formes: tuple[str, ...]  # stems of the text, stop words left out, in text order
    surfaces: dict[str, str]  # stem → the first word of the text that gave it
    developpees: tuple[str, ...] = ()  # stems of the expansions of its acronyms
    # acronym → (expansion, whether the text wrote the expansion rather than the acronym)
    sigles: dict[str, tuple[str, bool]] = field(default_factory=dict)
    liens: dict[str, Lien] = field(default_factory=dict)  # feature → link

    @property
    def chaine(self) -> str:
        """The stems, and those of the expanded acronyms, as one string for rapidfuzz."""
        return " ".join((*self.formes, *self.developpees))

    @property
    def traits(self) -> set[str]:
        return {*self.formes, *(f"#{s}" for s in self.sigles), *self.liens}


class Vocabulaire:
    """The layers of one matching run, compiled once and applied to every element."""

    def __init__(
        self,
        sigles: Sigles | None = None,
        thesaurus: Thesaurus | None = None,
        referentiels: Sequence[Referentiel] = (),
        couches: Collection[str] = COUCHES,
    ) -> None:
        self.couches = frozenset(couches)
        self._developpeur = (
            Developpeur(sigles) if sigles is not None and "sigles" in self.couches else None
        )
        self._thesaurus = (
            ThesaurusCompile(thesaurus)
            if thesaurus is not None and "thesaurus" in self.couches
            else None
        )
        self._themes = Themes(referentiels) if referentiels and "themes" in self.couches else None
        # Per distinct word, for the run: its stem (None for a stop word), and whether it is
        # written in capitals. A corpus of 100,000 actions has two million words but a few
        # tens of thousands of distinct ones, and Snowball is slow per call.
        self._formes = _Formes()
        self._capitales: dict[str, bool] = {}

    def signature(self, textes: Sequence[str], surfaces: bool = True) -> Signature:
        """The signature of an element's texts; without ``surfaces`` (the words as written,
        which only explain a match), what indexing and scoring read, faster."""
        formes: list[str] = []
        ecrites: dict[str, str] = {}
        forme_de, en_capitales = self._formes, self._capitales
        for texte in textes:
            if not surfaces:
                formes += [f for f in map(forme_de.__getitem__, mots(texte)) if f is not None]
                continue
            ecrits = mots_ecrits(texte)
            for i, mot in enumerate(mots(texte)):
                forme = forme_de[mot]
                if forme is None:
                    continue
                formes.append(forme)
                if forme not in ecrites:
                    # an acronym is shown as written (« PAT »), other words in lower case
                    ecrit = ecrits[i] if i < len(ecrits) else mot
                    capitales = en_capitales.get(ecrit)
                    if capitales is None:
                        capitales = en_capitales[ecrit] = sum(c.isupper() for c in ecrit) >= 2
                    ecrites[forme] = ecrit if capitales else mot
        profil = Signature(tuple(formes), ecrites)
        # the thesaurus reads the text and the expansions of its acronyms (« TAD » is
        # « transport à la demande », a mobility term)
        developpees: list[str] = []
        if self._developpeur is not None:
            for trouve in self._developpeur.trouver(textes, profil.formes):
                s = trouve.sigle
                profil.sigles[s.sigle] = (s.expansion, trouve.ecrit_en_toutes_lettres)
                if not trouve.ecrit_en_toutes_lettres:
                    developpees.extend(_racines(s.expansion))
            profil.developpees = tuple(developpees)
        lues = [*formes, "|", *developpees]  # « | »: no term runs across the two
        if self._thesaurus is not None or self._themes is not None:
            acronymes = acronymes_ecrits(textes)
            if self._thesaurus is not None:
                liens = self._thesaurus.liens(lues, acronymes)
                profil.liens.update((lien.trait, lien) for lien in liens)
            if self._themes is not None:
                liens = self._themes.liens(lues, acronymes)
                profil.liens.update((lien.trait, lien) for lien in liens)
        return profil


def vocabulaire_livre(couches: Collection[str] = COUCHES) -> Vocabulaire:
    """The vocabulaire of `projterr match` with what projterr ships: its acronyms, thesaurus
    and default référentiels (tests, benches and evaluations measure this one)."""
    from projterr.referentiels import charger_referentiel, charger_sigles, charger_thesaurus

    referentiels = [charger_referentiel(nom) for nom in REFERENTIELS_DEFAUT]
    return Vocabulaire(charger_sigles(), charger_thesaurus(), referentiels, couches)


class _Formes(dict[str, str | None]):
    """Lower-case word → its stem, None for a stop word; filled as words are met."""

    def __missing__(self, mot: str) -> str | None:
        forme = self[mot] = None if sans_accents(mot) in MOTS_VIDES else racine(mot)
        return forme


def _racines(texte: str) -> list[str]:
    return [racine(m) for m in mots(texte) if sans_accents(m) not in MOTS_VIDES]
