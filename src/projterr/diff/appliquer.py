"""Rebuild the new document from the old one and the diff report alone.

This is what a Word redline's *Accept all* does, and the proof that the records are
complete: for any two documents, ``appliquer(a, comparer(a, b))`` is ``b``, field by field.
The report's ``correspondances`` give the new tree (parent and position of every element,
what it was before); records give every field that changed; added elements carry their
whole ``valeurs``.
"""

from __future__ import annotations

from typing import Any

from projterr.diff.champs import CHAMPS_DOCUMENT, en_json, valeurs
from projterr.diff.changements import DOCUMENT
from projterr.diff.rapport import Changement, RapportDiff
from projterr.diff.sommets import ACTION
from projterr.model import Projet


class RapportIncomplet(ValueError):
    """The report does not say enough to rebuild the new document."""


def appliquer(ancien: Projet, rapport: RapportDiff) -> Projet:
    """The new document, from ``ancien`` and the records of ``comparer(ancien, nouveau)``."""
    anciens: dict[str, dict[str, Any]] = {}
    for _parents, noeud in ancien.noeuds():
        anciens[noeud.id] = valeurs(noeud)
        for action in noeud.actions:
            anciens[action.id] = valeurs(action)

    par_nouveau: dict[str, Changement] = {}
    ajoutes: dict[str, dict[str, Any]] = {}
    document: Changement | None = None
    for c in rapport.changements:
        if c.nature == DOCUMENT:
            document = c
            continue
        if c.nouveau is not None and c.ancien is not None:
            par_nouveau[c.nouveau.id] = c
        elif c.nouveau is not None and c.nouveau.valeurs is not None:
            ajoutes[c.nouveau.id] = c.nouveau.valeurs
            for contenu in c.contenu:
                if contenu.valeurs is not None:
                    ajoutes[contenu.id] = contenu.valeurs

    data: dict[str, Any] = ancien.model_dump(mode="json", by_alias=True, exclude={"contenu"})
    if document is not None:
        for champ in document.champs:
            _ecrire(data, champ.champ, champ.nouveau)

    elements: dict[str, dict[str, Any]] = {}
    racines: list[dict[str, Any]] = []
    for corr in rapport.correspondances:
        if corr.nouveau is None:
            continue
        if corr.ancien is not None:
            if corr.ancien not in anciens:
                raise RapportIncomplet(f"élément ancien inconnu : {corr.ancien}")
            element = dict(anciens[corr.ancien])
            record = par_nouveau.get(corr.nouveau)
            if record is not None:
                for champ in record.champs:
                    if champ.nouveau is None or champ.nouveau == []:
                        element.pop(champ.champ, None)
                    else:
                        element[champ.champ] = champ.nouveau
        elif corr.nouveau in ajoutes:
            element = dict(ajoutes[corr.nouveau])
        else:
            raise RapportIncomplet(f"élément ajouté sans ses valeurs : {corr.nouveau}")
        element["id"] = corr.nouveau
        if corr.nature != ACTION:
            element.setdefault("type", corr.nature)
            element["enfants"], element["actions"] = [], []
        elements[corr.nouveau] = element
        if corr.parent is None:
            liste = racines
        else:
            parent = elements.get(corr.parent)
            if parent is None:
                raise RapportIncomplet(f"parent absent avant son enfant : {corr.parent}")
            liste = parent["actions" if corr.nature == ACTION else "enfants"]
        if corr.position != len(liste):
            raise RapportIncomplet(f"position inattendue pour {corr.nouveau}")
        liste.append(element)
    data["contenu"] = racines
    return Projet.model_validate(data)


def _ecrire(data: dict[str, Any], chemin: str, valeur: Any) -> None:
    if chemin not in CHAMPS_DOCUMENT:
        raise RapportIncomplet(f"champ de document inconnu : {chemin}")
    *debut, fin = chemin.split(".")
    cible = data
    for partie in debut:
        if cible.get(partie) is None:
            cible[partie] = {}
        cible = cible[partie]
    cible[fin] = en_json(valeur)
