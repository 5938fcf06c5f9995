"""Renderers of ``check`` findings: one line per finding for people, JSON for machines."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from projterr.render.registre import Registre, Rendu

if TYPE_CHECKING:  # the registry below is read by the CLI at start: nothing heavy here
    from projterr.check.constat import Constat, RapportCheck


def ligne_constat(c: Constat) -> str:
    """``coeur.yaml:42 PT002 objectif opérationnel 3.1.3 : numéro incohérent…``"""
    ou = f"{c.fichier}:{c.ligne}" if c.ligne else c.fichier
    return f"{ou} {c.code} {c.element} : {c.message}"


def resume(rapport: RapportCheck) -> str:
    """« Aucun constat. », « 2 constats dans 1 fichier », « … (3 fichiers contrôlés) »."""
    n = len(rapport.constats)
    if n == 0:
        controles = len(rapport.fichiers)
        if controles <= 1:
            return "Aucun constat."
        return f"Aucun constat ({controles} fichiers contrôlés)."
    k = len(rapport.fichiers_avec_constats)
    texte = f"{n} constat{'s' if n > 1 else ''} dans {k} fichier{'s' if k > 1 else ''}"
    if len(rapport.fichiers) > k:
        texte += f" ({len(rapport.fichiers)} fichiers contrôlés)"
    return texte + "."


def rendre_texte(rapport: RapportCheck) -> str:
    lignes = [ligne_constat(c) for c in rapport.constats]
    lignes.append(resume(rapport))
    return "\n".join(lignes) + "\n"


def rendre_json(rapport: RapportCheck) -> str:
    return json.dumps(rapport.to_dict(), ensure_ascii=False, indent=2) + "\n"


def rendre_regles() -> str:
    """The list of rules, for ``projterr check --regles``."""
    from projterr.check import REGLES

    largeur = max(len(r.nom) for r in REGLES)
    return "".join(f"{r.code}  {r.nom:<{largeur}}  {r.titre}\n" for r in REGLES)


RENDUS = Registre(
    Rendu("text", "projterr.render.check", "rendre_texte", "une ligne par constat"),
    Rendu("json", "projterr.render.check", "rendre_json", "les constats en données"),
)
