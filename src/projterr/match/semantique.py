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

from projterr.match.classement import Classeur
from projterr.referentiels import Referentiel, Sigles, Thesaurus
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
    """Co-classification: the themes of the référentiels that a text touches."""

    def __init__(self, referentiels: Sequence[Referentiel], sigles: Sigles | None) -> None:
        self.referentiels = list(referentiels)
        self._classeurs = [Classeur(r, sigles) for r in self.referentiels]

    def liens(self, textes: Sequence[str]) -> list[Lien]:
        sortie: list[Lien] = []
        for classeur in self._classeurs:
            for trouve in classeur.classer_textes(textes):
                mot = trouve.correspondances[0].mot_cle
                sortie.append(Lien(f"@{trouve.etiquette}", trouve.theme.libelle, mot))
        return sortie
