"""Tagging actions with the themes of a référentiel, and saying why.

An action gets a theme when one of the theme's keywords appears in its text once both are
reduced to stems (:mod:`projterr.texte.racines`): a multi-word keyword must appear as a run
of words (stop words aside), never as scattered words. Acronyms of the action are expanded
from ``sigles.yaml`` (« TAD » → « transport à la demande ») so that a keyword can meet the
expansion; the reason then names the acronym.

The result is data (:class:`RapportClassement`, ``to_dict()``); renderers live in
:mod:`projterr.render.classement`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from projterr.model import Action, Projet
from projterr.referentiels import Referentiel, Sigle, Sigles, Theme
from projterr.texte.racines import racines
from projterr.texte.sigles import acronymes_ecrits, est_acronyme, sigles_ecrits


@dataclass(frozen=True)
class MotCleTrouve:
    """One keyword found in an action, directly or through an expanded acronym."""

    mot_cle: str
    sigle: Sigle | None = None

    def raison(self) -> str:
        if self.sigle is None:
            return f"« {self.mot_cle} »"
        return f"« {self.mot_cle} » ({self.sigle.sigle} = {self.sigle.expansion})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "mot_cle": self.mot_cle,
            "sigle": self.sigle.sigle if self.sigle else None,
            "expansion": self.sigle.expansion if self.sigle else None,
        }


@dataclass(frozen=True)
class ThemeTrouve:
    """A theme given to an action, with the keywords that earned it."""

    theme: Theme
    etiquette: str
    correspondances: tuple[MotCleTrouve, ...]

    @property
    def score(self) -> int:
        return len(self.correspondances)

    def raisons(self) -> list[str]:
        return [c.raison() for c in self.correspondances]

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.theme.code,
            "etiquette": self.etiquette,
            "libelle": self.theme.libelle,
            "score": self.score,
            "mots_cles": [c.mot_cle for c in self.correspondances],
            "raisons": self.raisons(),
            "correspondances": [c.to_dict() for c in self.correspondances],
        }


@dataclass(frozen=True)
class ActionClassee:
    id: str
    numero: str | None
    texte: str
    themes: tuple[ThemeTrouve, ...]
    ligne: int | None = None

    @property
    def etiquettes(self) -> list[str]:
        return [t.etiquette for t in self.themes]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "numero": self.numero,
            "texte": self.texte,
            "ligne": self.ligne,
            "themes": [t.to_dict() for t in self.themes],
        }


@dataclass(frozen=True)
class RapportClassement:
    """Every action of a document with the themes it got from one référentiel."""

    referentiel: Referentiel
    actions: tuple[ActionClassee, ...]
    titre: str = ""
    territoire: str = ""
    fichier: str | None = None
    etiquettes: dict[str, list[str]] = field(default_factory=dict)  # action id → tags

    @property
    def classees(self) -> list[ActionClassee]:
        return [a for a in self.actions if a.themes]

    def effectifs(self) -> dict[str, int]:
        """Number of actions per theme code, in the référentiel's order (zeros included)."""
        comptes = {t.code: 0 for t in self.referentiel.themes}
        for action in self.actions:
            for trouve in action.themes:
                comptes[trouve.theme.code] += 1
        return comptes

    def to_dict(self) -> dict[str, Any]:
        return {
            "fichier": self.fichier,
            "document": {"titre": self.titre, "territoire": self.territoire},
            "referentiel": {
                "nom": self.referentiel.nom,
                "titre": self.referentiel.titre,
                "source": self.referentiel.source,
            },
            "resume": {
                "actions": len(self.actions),
                "classees": len(self.classees),
                "par_theme": self.effectifs(),
            },
            "actions": [a.to_dict() for a in self.actions],
        }


class Classeur:
    """A référentiel compiled for repeated use: keywords as stem sequences."""

    def __init__(self, referentiel: Referentiel, sigles: Sigles | None = None) -> None:
        self.referentiel = referentiel
        self.sigles = sigles
        # (theme, keyword, its stems, whether it is an acronym), in the référentiel's order;
        # an acronym matches only as written in capitals: « PLU », never « plus »
        self._mots: list[tuple[Theme, str, tuple[str, ...], bool]] = []
        for theme in referentiel.themes:
            for mot in theme.mots_cles:
                if est_acronyme(mot):
                    self._mots.append((theme, mot, (mot.casefold(),), True))
                    continue
                forme = racines(mot)
                if forme:  # a keyword made only of stop words can never match
                    self._mots.append((theme, mot, forme, False))

    def classer_textes(self, textes: Sequence[str]) -> tuple[ThemeTrouve, ...]:
        """The themes whose keywords occur in ``textes`` (one action's fields), best first."""
        segments: list[tuple[tuple[str, ...], Sigle | None]] = [
            (racines(t), None) for t in textes if t
        ]
        for developpe in self._sigles_developpes(textes):
            segments.append((racines(developpe.expansion), developpe))
        trouves: dict[str, list[tuple[str, tuple[str, ...], Sigle | None]]] = {}
        presentes = {racine for seg, _ in segments for racine in seg}
        ecrits = set(acronymes_ecrits(textes))
        for theme, mot, forme, acronyme in self._mots:
            if acronyme:
                if mot.upper() in ecrits:
                    trouves.setdefault(theme.code, []).append((mot, forme, None))
                continue
            if not presentes.issuperset(forme):
                continue  # a stem of the keyword is in no segment: it cannot occur (fast path)
            for seg, sigle in segments:
                if _contient(seg, forme):
                    trouves.setdefault(theme.code, []).append((mot, forme, sigle))
                    break
        resultat: list[ThemeTrouve] = []
        for theme in self.referentiel.themes:
            if theme.code not in trouves:
                continue
            correspondances = tuple(
                MotCleTrouve(mot, sigle) for mot, _, sigle in _sans_inclus(trouves[theme.code])
            )
            resultat.append(ThemeTrouve(theme, self.referentiel.etiquette(theme), correspondances))
        # Stable sort: equal scores keep the référentiel's order.
        resultat.sort(key=lambda t: -t.score)
        return tuple(resultat)

    def _sigles_developpes(self, textes: Iterable[str]) -> list[Sigle]:
        return [] if self.sigles is None else sigles_ecrits(textes, self.sigles)


def textes_action(action: Action) -> list[str]:
    """The fields of an action that say what it does (not who pays or who leads it)."""
    return [action.texte, *action.sous_points, *action.description, *action.objectifs]


def classer(
    projet: Projet,
    referentiel: Referentiel,
    sigles: Sigles | None = None,
    fichier: str | None = None,
) -> RapportClassement:
    """Tag every action of ``projet`` with the themes of ``referentiel``."""
    classeur = Classeur(referentiel, sigles)
    actions: list[ActionClassee] = []
    for _, action in projet.actions():
        themes = classeur.classer_textes(textes_action(action))
        actions.append(ActionClassee(action.id, action.numero, action.texte, themes, action._ligne))
    return RapportClassement(
        referentiel,
        tuple(actions),
        titre=projet.document.titre,
        territoire=projet.territoire.nom,
        fichier=fichier,
        etiquettes={a.id: a.etiquettes for a in actions},
    )


def _contient(segment: tuple[str, ...], forme: tuple[str, ...]) -> bool:
    """``forme`` occurs in ``segment`` as a run of consecutive stems."""
    n = len(forme)
    if n == 1:
        return forme[0] in segment
    premier = forme[0]
    return any(
        segment[i] == premier and segment[i : i + n] == forme for i in range(len(segment) - n + 1)
    )


def _sans_inclus(
    trouves: list[tuple[str, tuple[str, ...], Sigle | None]],
) -> list[tuple[str, tuple[str, ...], Sigle | None]]:
    """Drop a keyword whose stems sit inside a longer keyword found for the same theme:
    « logement » says nothing more once « logements vacants » is there."""
    gardes: list[tuple[str, tuple[str, ...], Sigle | None]] = []
    for mot, forme, sigle in trouves:
        plus_long = any(
            len(autre) > len(forme) and _contient(autre, forme) for _, autre, _ in trouves
        )
        doublon = any(f == forme for _, f, _ in gardes)  # « autostop » and « auto-stop »…
        if not plus_long and not doublon:
            gardes.append((mot, forme, sigle))
    return gardes
