"""Renderers of the référentiels: the list of shipped ones, or one with its themes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from projterr.render.registre import Registre, Rendu

if TYPE_CHECKING:  # the registry below is read by the CLI at start: nothing heavy here
    from projterr.referentiels import Referentiel


def rendre_liste(referentiels: Sequence[Referentiel]) -> str:
    lignes = []
    for ref in referentiels:
        n = len(ref.themes)
        lignes.append(f"{ref.nom:<8} {ref.titre} ({n} thème{'s' if n > 1 else ''})")
        lignes.append(f"         source : {_court(ref.source)}")
    lignes.append("")
    lignes.append("Détail d'un référentiel : projterr referentiels NOM")
    return "\n".join(lignes) + "\n"


def rendre_referentiel(ref: Referentiel) -> str:
    lignes = [f"{ref.nom} : {ref.titre}", f"source : {ref.source}"]
    if ref.note:
        lignes.append(f"note : {ref.note}")
    lignes.append("")
    for theme in ref.themes:
        lignes.append(f"{ref.etiquette(theme)} — {theme.libelle}")
        if theme.description:
            lignes.append(f"    {theme.description}")
        lignes.append(f"    mots-clés : {', '.join(theme.mots_cles)}")
    return "\n".join(lignes) + "\n"


def rendre_texte(referentiels: Referentiel | Sequence[Referentiel]) -> str:
    """One référentiel with its themes, or the list of several."""
    if isinstance(referentiels, Sequence):
        return rendre_liste(referentiels)
    return rendre_referentiel(referentiels)


def rendre_json(referentiels: Referentiel | Sequence[Referentiel]) -> str:
    """One référentiel as an object, a list of them as an array."""
    if isinstance(referentiels, Sequence):
        donnees: object = [r.to_dict() for r in referentiels]
    else:
        donnees = referentiels.to_dict()
    return json.dumps(donnees, ensure_ascii=False, indent=2) + "\n"


RENDUS = Registre(
    Rendu("text", "projterr.render.referentiels", "rendre_texte", "lisible"),
    Rendu("json", "projterr.render.referentiels", "rendre_json", "données"),
)


def _court(texte: str, largeur: int = 150) -> str:
    return texte if len(texte) <= largeur else texte[: largeur - 1].rstrip() + "…"
