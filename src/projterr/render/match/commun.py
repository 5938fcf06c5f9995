"""What every format of the match report says, in French, computed once."""

from __future__ import annotations

from projterr.libelles import libelle
from projterr.match.elements import Element
from projterr.match.rapport import RapportMatch

_COUCHES = {
    "sigles": "sigles",
    "thesaurus": "thésaurus",
    "themes": "thèmes des référentiels",
    "plongements": "plongements",
}


def nom_cote(titre: str, territoire: str) -> str:
    return f"{territoire} — {titre}" if territoire and territoire not in titre else titre


def reperes(e: Element) -> str:
    """« action 1.2.3 », « axe 4 », « thematique »: where the element sits."""
    quoi = "action" if e.genre == "action" else libelle(e.type_niveau or "niveau")
    return f"{quoi} {e.numero}" if e.numero else quoi


def origine(e: Element, rapport: RapportMatch) -> str:
    """The territory of a B element, when B is a folder of several territories' documents."""
    return e.territoire if rapport.b.documents else ""


def reperes_a(e: Element, rapport: RapportMatch) -> str:
    """Where an element of A sits, its territory first when A is a folder of documents."""
    return f"{e.territoire}, {reperes(e)}" if rapport.a.documents else reperes(e)


def parametres(rapport: RapportMatch) -> str:
    couches = ", ".join(_COUCHES.get(c, c) for c in rapport.couches) or "mots seulement"
    if rapport.un_pour_un:
        choix = "une correspondance par élément, chacune prise une fois"
    else:
        choix = f"{rapport.top} meilleure{'s' if rapport.top > 1 else ''} par élément"
    return f"score ≥ {rapport.seuil:g} sur 100 ; {choix} ; couches : {couches}"


def resume(rapport: RapportMatch) -> str:
    n = len(rapport.elements_a)
    avec = n - len(rapport.sans_paire)
    paires = len(rapport.paires)
    return (
        f"{avec} élément{'s' if avec > 1 else ''} sur {n} "
        f"{'ont' if avec > 1 else 'a'} au moins une correspondance ; "
        f"{paires} paire{'s' if paires > 1 else ''} proposée{'s' if paires > 1 else ''} "
        f"parmi {rapport.elements_b} élément{'s' if rapport.elements_b > 1 else ''} "
        f"comparé{'s' if rapport.elements_b > 1 else ''}."
    )


def score(valeur: float) -> str:
    return f"{valeur:.0f}"
