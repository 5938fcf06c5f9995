"""The benchmark's report, as data: the columns (one per document, mine first), the coverage
rows by theme, the pistes grouped by theme, the uncovered themes, the « Sans thème » share and
the référentiel it suggests instead; ``to_dict()`` for JSON, the renderers for the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from projterr.match.appariement import Paire
from projterr.match.elements import Element
from projterr.referentiels import Referentiel

SANS_THEME = "Sans thème"


@dataclass(frozen=True)
class Colonne:
    """One column of the table: a document, named for people (territory, else title)."""

    nom: str
    document: str
    fichier: str | None
    actions: int
    mien: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "nom": self.nom,
            "document": self.document,
            "fichier": self.fichier,
            "actions": self.actions,
            "mien": self.mien,
        }


@dataclass(frozen=True)
class LigneCouverture:
    """One row of the table: a theme (``code`` None for « sans thème ») and its counts, one
    per territory in :attr:`RapportBenchmark.territoires`' order."""

    code: str | None
    libelle: str
    effectifs: tuple[int, ...]

    @property
    def mien(self) -> int:
        return self.effectifs[0]

    @property
    def autres(self) -> tuple[int, ...]:
        return self.effectifs[1:]

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "libelle": self.libelle, "effectifs": list(self.effectifs)}


@dataclass(frozen=True)
class Piste:
    """An element of another territory with no match in mine at the threshold."""

    element: Element
    territoire: int  # column in RapportBenchmark.territoires
    themes: tuple[str, ...]  # codes of its themes, best first
    proche: Paire | None  # my closest element, below the threshold (None: nothing shared)

    @property
    def score(self) -> float:
        return self.proche.score if self.proche is not None else 0.0

    def to_dict(self, territoires: Sequence[Colonne]) -> dict[str, Any]:
        d: dict[str, Any] = {
            "territoire": territoires[self.territoire].nom,
            "id": self.element.id,
            "numero": self.element.numero,
            "texte": self.element.texte,
            "genre": self.element.genre,
            "themes": list(self.themes),
            "proche": None,
        }
        if self.proche is not None:
            d["proche"] = {
                "id": self.proche.b.id,
                "numero": self.proche.b.numero,
                "texte": self.proche.b.texte,
                "score": round(self.proche.score, 1),
                "raisons": list(self.proche.raisons),
            }
        return d


@dataclass(frozen=True)
class ActionAutre:
    """An action of another territory on a theme I don't cover."""

    territoire: int  # column in RapportBenchmark.territoires
    id: str
    numero: str | None
    texte: str


@dataclass(frozen=True)
class GroupePistes:
    """The pistes of one theme (``code`` None: elements of no theme)."""

    code: str | None
    libelle: str
    non_couvert: bool  # others act on this theme and I don't
    ecart: float  # others' mean share of actions on the theme minus mine (0..1)
    pistes: tuple[Piste, ...]

    def to_dict(self, territoires: Sequence[Colonne]) -> dict[str, Any]:
        return {
            "code": self.code,
            "libelle": self.libelle,
            "non_couvert": self.non_couvert,
            "ecart": round(self.ecart, 3),
            "pistes": [p.to_dict(territoires) for p in self.pistes],
        }


@dataclass(frozen=True)
class RapportBenchmark:
    referentiel: Referentiel
    territoires: tuple[Colonne, ...]  # mine first
    lignes: tuple[LigneCouverture, ...]  # the référentiel's themes, then « sans thème »
    groupes: tuple[GroupePistes, ...]
    seuil: float
    couches: tuple[str, ...] = ()
    compares: int = 0  # elements of the others compared with mine
    limite: int = 0  # pistes shown per theme by the renderers for people (0: all)
    ignores: tuple[str, ...] = ()  # files of a folder that were not documents
    # for each theme I don't cover, the others' actions on it
    exemples: dict[str, tuple[ActionAutre, ...]] = field(default_factory=dict)
    internes: int = 0  # others' elements about their own functioning, left out of the pistes
    tout: bool = False  # … unless asked
    suggestion: Suggestion | None = None  # a référentiel that classifies more of mine

    @property
    def part_sans_theme(self) -> float:
        """My share of actions that no theme of the référentiel takes."""
        total = self.mien.actions
        return self.lignes[-1].mien / total if total else 0.0

    @property
    def mien(self) -> Colonne:
        return self.territoires[0]

    @property
    def autres(self) -> tuple[Colonne, ...]:
        return self.territoires[1:]

    @property
    def themes(self) -> tuple[LigneCouverture, ...]:
        """The rows of the référentiel's themes (« sans thème » left out)."""
        return tuple(ligne for ligne in self.lignes if ligne.code is not None)

    @property
    def non_couverts(self) -> tuple[LigneCouverture, ...]:
        """Themes where at least one other territory acts and I have no action."""
        return tuple(t for t in self.themes if t.mien == 0 and any(t.autres))

    @property
    def pistes(self) -> list[Piste]:
        return [p for g in self.groupes for p in g.pistes]

    def maximum(self) -> int:
        """The largest count of a theme (« sans thème » aside: it would pale every theme)."""
        return max((n for ligne in self.themes for n in ligne.effectifs), default=0)

    def affichees(self, groupe: GroupePistes) -> tuple[Piste, ...]:
        """The pistes of ``groupe`` a renderer for people shows (``limite`` at most)."""
        return groupe.pistes[: self.limite] if self.limite else groupe.pistes

    def exemples_affiches(self, ligne: LigneCouverture) -> tuple[ActionAutre, ...]:
        """The others' actions on a theme I don't cover that a renderer for people shows."""
        exemples = self.exemples.get(ligne.code or "", ())
        return exemples[: self.limite] if self.limite else exemples

    def to_dict(self) -> dict[str, Any]:
        ref = self.referentiel
        return {
            "referentiel": {"nom": ref.nom, "titre": ref.titre, "source": ref.source},
            "parametres": {"seuil": self.seuil, "couches": list(self.couches)},
            "territoires": [t.to_dict() for t in self.territoires],
            "couverture": [ligne.to_dict() for ligne in self.lignes],
            "non_couverts": [
                {
                    "code": t.code,
                    "libelle": t.libelle,
                    "territoires": [
                        self.territoires[k].nom for k, n in enumerate(t.effectifs) if n and k
                    ],
                    "actions": [
                        {
                            "territoire": self.territoires[a.territoire].nom,
                            "id": a.id,
                            "numero": a.numero,
                            "texte": a.texte,
                        }
                        for a in self.exemples.get(t.code or "", ())
                    ],
                }
                for t in self.non_couverts
            ],
            "resume": {
                "elements_compares": self.compares,
                "pistes": len(self.pistes),
                "non_couverts": len(self.non_couverts),
                "fonctionnement_interne_ecarte": 0 if self.tout else self.internes,
                "part_sans_theme": round(self.part_sans_theme, 3),
            },
            "suggestion": self.suggestion.to_dict() if self.suggestion else None,
            "pistes": [g.to_dict(self.territoires) for g in self.groupes],
            "ignores": list(self.ignores),
        }


# Above this share of my actions without a theme, the coverage says little: another
# référentiel is suggested.
PART_SANS_THEME_MAX = 1 / 3


@dataclass(frozen=True)
class Suggestion:
    """A shipped référentiel under which fewer of my actions are « sans thème »."""

    referentiel: Referentiel
    part_sans_theme: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "referentiel": self.referentiel.nom,
            "titre": self.referentiel.titre,
            "part_sans_theme": round(self.part_sans_theme, 3),
        }
