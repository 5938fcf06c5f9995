"""Links between texts that share no word: the thesaurus, the themes of the référentiels,
and (optional) sentence embeddings.

Each layer turns a text into *features* (``~mobilite`` for a thesaurus group,
``@pvd:mobilite`` for a theme) that the candidate index reads like words, and remembers the
term or keyword that earned each one, so that a match can say why.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from projterr.referentiels import Referentiel, Thesaurus
from projterr.texte.racines import racines
from projterr.texte.sigles import est_acronyme
from projterr.texte.termes import Termes


@dataclass(frozen=True, slots=True)
class Lien:
    """A feature of a text and the words of the text that gave it."""

    trait: str  # ``~mobilite``, ``@pvd:mobilite``
    libelle: str  # the group's name, or the theme's label
    terme: str  # the thesaurus term or the keyword found in the text


class ThesaurusCompile:
    """Thesaurus terms as stem runs (:class:`~projterr.texte.termes.Termes`); a term that is
    an acronym (« PLU ») matches only the acronym as written, never a word with the same stem
    (« plus »)."""

    def __init__(self, thesaurus: Thesaurus) -> None:
        self.thesaurus = thesaurus
        self._termes: Termes[tuple[str, str]] = Termes()
        self._acronymes: dict[str, list[tuple[str, str]]] = {}
        for groupe in thesaurus.groupes:
            for terme in groupe.termes:
                if est_acronyme(terme):
                    self._acronymes.setdefault(terme.upper(), []).append((groupe.nom, terme))
                else:
                    self._termes.ajouter(racines(terme), (groupe.nom, terme))
        self._liens: dict[tuple[str, str], Lien] = {}  # one per (group, term): they are many

    def liens(self, formes: Sequence[str], acronymes: Collection[str] = ()) -> list[Lien]:
        """The groups whose terms occur in ``formes`` (a text's stems) or among its
        ``acronymes`` (:func:`~projterr.texte.sigles.acronymes_ecrits`), longest term kept."""
        trouves: dict[str, tuple[int, str]] = {}
        for _i, forme, (groupe, terme) in self._termes.trouver(formes):
            meilleur = trouves.get(groupe)
            if meilleur is None or len(forme) > meilleur[0]:
                trouves[groupe] = (len(forme), terme)
        for acronyme in acronymes:
            for groupe, terme in self._acronymes.get(acronyme, ()):
                trouves.setdefault(groupe, (1, terme))
        sortie = []
        for g, (_, terme) in trouves.items():
            lien = self._liens.get((g, terme))
            if lien is None:
                lien = self._liens[g, terme] = Lien(f"~{g}", g, terme)
            sortie.append(lien)
        return sortie


class Themes:
    """Co-classification: the themes of the référentiels that a text touches.

    The keywords are matched as in :mod:`projterr.classement` (a run of stems), but
    looked up by their first stems (:class:`~projterr.texte.termes.Termes`), so that a corpus
    of 100,000 actions is read in seconds.
    """

    def __init__(self, referentiels: Sequence[Referentiel]) -> None:
        self.referentiels = list(referentiels)
        self._termes: Termes[tuple[str, str, str]] = Termes()
        self._acronymes: dict[str, list[tuple[str, str, str]]] = {}
        for ref in self.referentiels:
            for theme in ref.themes:
                for mot in theme.mots_cles:
                    cible = (f"@{ref.etiquette(theme)}", theme.libelle, mot)
                    if est_acronyme(mot):  # as for the thesaurus: « PLU », never « plus »
                        self._acronymes.setdefault(mot.upper(), []).append(cible)
                    else:
                        self._termes.ajouter(racines(mot), cible)
        self._liens: dict[tuple[str, str], Lien] = {}

    def liens(self, formes: Sequence[str], acronymes: Collection[str] = ()) -> list[Lien]:
        """The themes whose keywords occur in ``formes`` or among the text's ``acronymes``,
        with the longest keyword found."""
        trouves: dict[str, tuple[int, str, str]] = {}
        for _i, forme, (trait, libelle, mot) in self._termes.trouver(formes):
            meilleur = trouves.get(trait)
            if meilleur is None or len(forme) > meilleur[0]:
                trouves[trait] = (len(forme), libelle, mot)
        for acronyme in acronymes:
            for trait, libelle, mot in self._acronymes.get(acronyme, ()):
                trouves.setdefault(trait, (1, libelle, mot))
        sortie = []
        for t, (_, libelle, mot) in trouves.items():
            lien = self._liens.get((t, mot))
            if lien is None:
                lien = self._liens[t, mot] = Lien(t, libelle, mot)
            sortie.append(lien)
        return sortie
