"""Renderers of a classification report: text for people, JSON for machines."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from projterr.render.registre import Registre, Rendu

if TYPE_CHECKING:  # the registry below is read by the CLI at start: nothing heavy here
    from projterr.classement import RapportClassement


def rendre_texte(rapport: RapportClassement) -> str:
    ref = rapport.referentiel
    lignes = [f"{rapport.territoire} — {rapport.titre}", f"Référentiel {ref.nom} : {ref.titre}", ""]
    for action in rapport.actions:
        numero = f" {action.numero}" if action.numero else ""
        lignes.append(f"{action.id}{numero} : {_court(action.texte)}")
        if not action.themes:
            lignes.append("    aucun thème")
        for trouve in action.themes:
            lignes.append(
                f"    {trouve.etiquette} ({trouve.theme.libelle}) : {', '.join(trouve.raisons())}"
            )
    n, k = len(rapport.actions), len(rapport.classees)
    if n == 0:
        lignes.append("Ce document n'a pas d'action à classer.")
        return "\n".join(lignes) + "\n"
    lignes += ["", f"{k} action{'s' if k > 1 else ''} sur {n} avec au moins un thème."]
    effectifs = rapport.effectifs()
    largeur = max((len(ref.nom) + 1 + len(code) for code in effectifs), default=0)
    for code, effectif in effectifs.items():
        theme = ref.theme(code)
        libelle = theme.libelle if theme else code
        lignes.append(f"  {ref.nom + ':' + code:<{largeur}}  {effectif:>3}  {libelle}")
    return "\n".join(lignes) + "\n"


def rendre_json(rapport: RapportClassement) -> str:
    return json.dumps(rapport.to_dict(), ensure_ascii=False, indent=2) + "\n"


RENDUS = Registre(
    Rendu(
        "text",
        "projterr.render.classement",
        "rendre_texte",
        "les thèmes de chaque action et pourquoi",
    ),
    Rendu("json", "projterr.render.classement", "rendre_json", "données"),
)


def _court(texte: str, largeur: int = 110) -> str:
    texte = " ".join(texte.split())
    return texte if len(texte) <= largeur else texte[: largeur - 1].rstrip() + "…"
