"""The rules, by code, and the functions that run them on a document or on files."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from projterr.check import (
    action_doublon,
    action_quasi_doublon,
    numero_doublon,
    numero_lacune,
    numero_position,
    objectif_sans_action,
    sigle_inconnu,
    texte_vide,
)
from projterr.check.constat import Constat, RapportCheck
from projterr.check.regle import SEUIL_SIMILARITE, Contexte, Regle
from projterr.errors import ProjterrError

if TYPE_CHECKING:
    from projterr.model import Projet
    from projterr.referentiels import Sigles

REGLES: tuple[Regle, ...] = (
    numero_doublon.REGLE,
    numero_position.REGLE,
    numero_lacune.REGLE,
    objectif_sans_action.REGLE,
    action_doublon.REGLE,
    action_quasi_doublon.REGLE,
    sigle_inconnu.REGLE,
    texte_vide.REGLE,
)


def regle(code_ou_nom: str) -> Regle:
    """A rule by its code (``PT005``, any case) or its name (``action.doublon``)."""
    cherche = code_ou_nom.strip()
    for r in REGLES:
        if cherche.upper() == r.code or cherche.lower() == r.nom:
            return r
    raise ProjterrError(
        f"règle inconnue : « {cherche} » (codes possibles : {REGLES[0].code} à {REGLES[-1].code})"
    )


def codes_ignores(valeurs: Iterable[str]) -> frozenset[str]:
    """Codes from ``--ignorer`` values; each value may list several: ``PT005,PT006``."""
    return frozenset(regle(v).code for valeur in valeurs for v in valeur.split(",") if v.strip())


def verifier_projet(
    projet: Projet,
    fichier: str = "<projet>",
    *,
    sigles: Sigles | None = None,
    ignorer: Iterable[str] = (),
    seuil_similarite: float = SEUIL_SIMILARITE,
) -> list[Constat]:
    """Every finding of every rule not ignored, in document order."""
    if not 0 < seuil_similarite <= 100:
        raise ProjterrError(
            f"seuil de similarité invalide : {seuil_similarite:g} (attendu entre 1 et 100)"
        )
    ignores = codes_ignores(ignorer)
    if sigles is None and sigle_inconnu.REGLE.code not in ignores:
        from projterr.referentiels import charger_sigles

        sigles = charger_sigles()
    ctx = Contexte(projet, fichier, sigles, seuil_similarite)
    constats = [c for r in REGLES if r.code not in ignores for c in r.verifier(ctx)]
    return sorted(constats, key=Constat.cle_tri)


# The rules about numbering: what makes a number unreliable as a reference.
REGLES_NUMEROTATION = (numero_doublon.REGLE, numero_position.REGLE, numero_lacune.REGLE)


def verifier_numerotation(projet: Projet, fichier: str = "<projet>") -> list[Constat]:
    """The numbering findings alone (duplicates, numbers out of place, gaps), in document
    order: what ``export`` warns of, and what a délibération must not call a renumbering."""
    ctx = Contexte(projet, fichier, None, SEUIL_SIMILARITE)
    return sorted((c for r in REGLES_NUMEROTATION for c in r.verifier(ctx)), key=Constat.cle_tri)


def verifier_fichiers(
    chemins: Iterable[Path],
    *,
    sigles: Path | None = None,
    ignorer: Iterable[str] = (),
    seuil_similarite: float = SEUIL_SIMILARITE,
    charger: Callable[[Path], Projet] | None = None,
) -> RapportCheck:
    """Load every file first (a bad one stops everything), then check each.

    ``charger`` reads one file (default: a projterr YAML, :func:`projterr.yamlio.charger_projet`);
    the CLI passes its own, which imports any source and reports what the import noticed (a
    file's encoding, say).
    """
    from projterr.referentiels import charger_sigles
    from projterr.yamlio import charger_projet  # ruamel.yaml, when files are read

    charger = charger or functools.partial(charger_projet, lignes=True)
    ignorer = tuple(ignorer)
    codes_ignores(ignorer)  # an unknown code is an error before any work
    table = charger_sigles(sigles)
    projets = [(chemin, charger(chemin)) for chemin in chemins]
    rapport = RapportCheck()
    for chemin, projet in projets:
        rapport.ajouter(
            str(chemin),
            verifier_projet(
                projet,
                str(chemin),
                sigles=table,
                ignorer=ignorer,
                seuil_similarite=seuil_similarite,
            ),
        )
    return rapport
