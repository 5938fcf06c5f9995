"""Links between texts that share no word: the thesaurus, the themes of the référentiels,
and (optional) sentence embeddings.

Each layer turns a text into *features* (``~mobilite`` for a thesaurus group,
``@pvd:mobilite`` for a theme) that the candidate index reads like words, and remembers the
term or keyword that earned each one, so that a match can say why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from projterr.referentiels import Referentiel, Thesaurus
from projterr.texte.racines import racines
from projterr.texte.termes import Termes


@dataclass(frozen=True, slots=True)
class Lien:
    """A feature of a text and the words of the text that gave it."""

    trait: str  # ``~mobilite``, ``@pvd:mobilite``
    libelle: str  # the group's name, or the theme's label
    terme: str  # the thesaurus term or the keyword found in the text


class ThesaurusCompile:
    """Thesaurus terms as stem runs (:class:`~projterr.texte.termes.Termes`)."""

    def __init__(self, thesaurus: Thesaurus) -> None:
        self.thesaurus = thesaurus
        self._termes: Termes[tuple[str, str]] = Termes()
        for groupe in thesaurus.groupes:
            for terme in groupe.termes:
                self._termes.ajouter(racines(terme), (groupe.nom, terme))
        self._liens: dict[tuple[str, str], Lien] = {}  # one per (group, term): they are many

    def liens(self, formes: Sequence[str]) -> list[Lien]:
        """The groups whose terms occur in ``formes`` (a text's stems), longest term kept."""
        trouves: dict[str, tuple[int, str]] = {}
        for _i, forme, (groupe, terme) in self._termes.trouver(formes):
            meilleur = trouves.get(groupe)
            if meilleur is None or len(forme) > meilleur[0]:
                trouves[groupe] = (len(forme), terme)
        sortie = []
        for g, (_, terme) in trouves.items():
            lien = self._liens.get((g, terme))
            if lien is None:
                lien = self._liens[g, terme] = Lien(f"~{g}", g, terme)
            sortie.append(lien)
        return sortie


class Themes:
    """Co-classification: the themes of the référentiels that a text touches.

    The keywords are matched as in :mod:`projterr.match.classement` (a run of stems), but
    looked up by their first stems (:class:`~projterr.texte.termes.Termes`), so that a corpus
    of 100,000 actions is read in seconds.
    """

    def __init__(self, referentiels: Sequence[Referentiel]) -> None:
        self.referentiels = list(referentiels)
        self._termes: Termes[tuple[str, str, str]] = Termes()
        for ref in self.referentiels:
            for theme in ref.themes:
                for mot in theme.mots_cles:
                    self._termes.ajouter(
                        racines(mot), (f"@{ref.etiquette(theme)}", theme.libelle, mot)
                    )
        self._liens: dict[tuple[str, str], Lien] = {}

    def liens(self, formes: Sequence[str]) -> list[Lien]:
        """The themes whose keywords occur in ``formes``, with the longest keyword found."""
        trouves: dict[str, tuple[int, str, str]] = {}
        for _i, forme, (trait, libelle, mot) in self._termes.trouver(formes):
            meilleur = trouves.get(trait)
            if meilleur is None or len(forme) > meilleur[0]:
                trouves[trait] = (len(forme), libelle, mot)
        sortie = []
        for t, (_, libelle, mot) in trouves.items():
            lien = self._liens.get((t, mot))
            if lien is None:
                lien = self._liens[t, mot] = Lien(t, libelle, mot)
            sortie.append(lien)
        return sortie
