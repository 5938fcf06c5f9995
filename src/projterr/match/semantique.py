"""Links between texts that share no word: the thesaurus, the themes of the référentiels,
and (optional) sentence embeddings.

Each layer turns a text into *features* (``~mobilite`` for a thesaurus group,
``@pvd:mobilite`` for a theme) that the candidate index reads like words, and remembers the
term or keyword that earned each one, so that a match can say why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from projterr.referentiels import Referentiel, Thesaurus
from projterr.texte.racines import racines


@dataclass(frozen=True, slots=True)
class Lien:
    """A feature of a text and the words of the text that gave it."""

    trait: str  # ``~mobilite``, ``@pvd:mobilite``
    libelle: str  # the group's name, or the theme's label
    terme: str  # the thesaurus term or the keyword found in the text


class ThesaurusCompile:
    """Thesaurus terms as stem runs, looked up by their first stem."""

    def __init__(self, thesaurus: Thesaurus) -> None:
        self.thesaurus = thesaurus
        self._par_premiere: dict[str, list[tuple[str, str, tuple[str, ...]]]] = defaultdict(list)
        for groupe in thesaurus.groupes:
            for terme in groupe.termes:
                forme = racines(terme)
                if forme:
                    self._par_premiere[forme[0]].append((groupe.nom, terme, forme))

    def liens(self, formes: Sequence[str]) -> list[Lien]:
        """The groups whose terms occur in ``formes`` (a text's stems), longest term kept."""
        trouves: dict[str, tuple[int, str]] = {}
        for i, premiere in enumerate(formes):
            for groupe, terme, forme in self._par_premiere.get(premiere, ()):
                if tuple(formes[i : i + len(forme)]) == forme:
                    meilleur = trouves.get(groupe)
                    if meilleur is None or len(forme) > meilleur[0]:
                        trouves[groupe] = (len(forme), terme)
        return [Lien(f"~{g}", g, terme) for g, (_, terme) in trouves.items()]


class Themes:
    """Co-classification: the themes of the référentiels that a text touches.

    The keywords are matched as in :mod:`projterr.match.classement` (a run of stems), but
    looked up by their first stem, so that a corpus of 100,000 actions is read in seconds.
    """

    def __init__(self, referentiels: Sequence[Referentiel]) -> None:
        self.referentiels = list(referentiels)
        self._par_premiere: dict[str, list[tuple[str, str, str, tuple[str, ...]]]] = defaultdict(
            list
        )
        for ref in self.referentiels:
            for theme in ref.themes:
                for mot in theme.mots_cles:
                    forme = racines(mot)
                    if forme:
                        self._par_premiere[forme[0]].append(
                            (f"@{ref.etiquette(theme)}", theme.libelle, mot, forme)
                        )

    def liens(self, formes: Sequence[str]) -> list[Lien]:
        """The themes whose keywords occur in ``formes``, with the longest keyword found."""
        trouves: dict[str, tuple[int, str, str]] = {}
        for i, premiere in enumerate(formes):
            for trait, libelle, mot, forme in self._par_premiere.get(premiere, ()):
                if tuple(formes[i : i + len(forme)]) == forme:
                    meilleur = trouves.get(trait)
                    if meilleur is None or len(forme) > meilleur[0]:
                        trouves[trait] = (len(forme), libelle, mot)
        return [Lien(t, libelle, mot) for t, (_, libelle, mot) in trouves.items()]
