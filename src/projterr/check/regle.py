"""What every rule shares: the :class:`Regle` record and the :class:`Contexte` it reads.

The context walks the document once and keeps, for every node and action, its ancestors
and its field path, so that rules stay short and every finding is located the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from projterr.check.constat import Constat
from projterr.check.elements import ElementAction, ElementNoeud
from projterr.check.numerotation import Numerotation
from projterr.libelles import libelle
from projterr.model import Action, Noeud, Projet
from projterr.normalize import normaliser

if TYPE_CHECKING:
    from projterr.referentiels import Sigles

SEUIL_SIMILARITE = 90.0  # fuzz.token_sort_ratio from which two actions are near-duplicates


@dataclass(frozen=True)
class Regle:
    """A rule: stable code, dotted name, French description, and the function that checks."""

    code: str
    nom: str
    titre: str  # one French line, for listings
    description: str  # French: what, why, an anti-pattern and a best practice
    verifier: Callable[[Contexte], Iterator[Constat]]


@dataclass
class Contexte:
    """One document under check, with what the rules need to read it."""

    projet: Projet
    fichier: str
    sigles: Sigles | None = None
    seuil_similarite: float = SEUIL_SIMILARITE

    @cached_property
    def noeuds(self) -> list[ElementNoeud]:
        sortie: list[ElementNoeud] = []

        def parcourir(noeuds: list[Noeud], parents: tuple[Noeud, ...], base: str) -> None:
            for i, noeud in enumerate(noeuds):
                chemin = f"{base}[{i}]"
                sortie.append(ElementNoeud(noeud, parents, chemin))
                parcourir(noeud.enfants, (*parents, noeud), f"{chemin}.enfants")

        parcourir(self.projet.contenu, (), "contenu")
        return sortie

    @cached_property
    def actions(self) -> list[ElementAction]:
        return [
            ElementAction(action, (*el.parents, el.noeud), f"{el.chemin}.actions[{j}]")
            for el in self.noeuds
            for j, action in enumerate(el.noeud.actions)
        ]

    @cached_property
    def textes_actions(self) -> list[str]:
        """Normalised action texts, aligned with :attr:`actions` (normalising is not free)."""
        return [normaliser(el.action.texte) for el in self.actions]

    @cached_property
    def numerotation(self) -> Numerotation:
        return Numerotation(self.noeuds)

    def constat_noeud(
        self, regle: Regle, el: ElementNoeud, message: str, champ: str | None = None
    ) -> Constat:
        n = el.noeud
        return self._constat(regle, n, el.chemin, designer_noeud(n), message, champ)

    def constat_action(
        self, regle: Regle, el: ElementAction, message: str, champ: str | None = None
    ) -> Constat:
        a = el.action
        return self._constat(regle, a, el.chemin, designer_action(el), message, champ)

    def _constat(
        self,
        regle: Regle,
        cible: Noeud | Action,
        chemin: str,
        element: str,
        message: str,
        champ: str | None,
    ) -> Constat:
        return Constat(
            code=regle.code,
            regle=regle.nom,
            message=message,
            fichier=self.fichier,
            ligne=cible._ligne,
            numero=cible.numero,
            id=cible.id,
            chemin=f"{chemin}.{champ}" if champ else chemin,
            element=element,
        )

    def constat_document(self, regle: Regle, champ: str, message: str) -> Constat:
        """A finding about a document-level field (preambule, contexte): no node, no line."""
        designation = "préambule" if champ.startswith("preambule") else "contexte"
        return Constat(
            code=regle.code,
            regle=regle.nom,
            message=message,
            fichier=self.fichier,
            chemin=champ,
            element=f"{designation} du document",
        )


def court(texte: str, longueur: int = 50) -> str:
    """A text cut at a word boundary, with an ellipsis: for designations in messages."""
    texte = " ".join(texte.split())
    if len(texte) <= longueur:
        return texte
    coupe = texte[:longueur].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return f"{coupe}…"


def designer_noeud(noeud: Noeud) -> str:
    """« objectif opérationnel 3.1.3 », or « axe « Titre… » » when it has no numero."""
    nom = libelle(noeud.type)
    if noeud.numero and noeud.numero.strip():
        return f"{nom} {noeud.numero.strip()}"
    if noeud.titre.strip():
        return f"{nom} « {court(noeud.titre, 40)} »"
    return f"{nom} sans titre"


def designer_action(el: ElementAction) -> str:
    """« action « Mettre en place… » (objectif opérationnel 1.1.1) »."""
    a = el.action
    if a.numero and a.numero.strip():
        tete = f"action {a.numero.strip()}"
    elif a.texte.strip():
        tete = f"action « {court(a.texte, 40)} »"
    else:
        tete = "action sans texte"
    parent = el.parents[-1] if el.parents else None
    return f"{tete} ({designer_noeud(parent)})" if parent is not None else tete


def renvoi_action(el: ElementAction) -> str:
    """Another action, named in a message: « l’action ligne 12 (objectif opérationnel 1.3.1) »."""
    ligne = el.action._ligne
    if not ligne:
        return f"l’{designer_action(el)}"
    parent = el.parents[-1] if el.parents else None
    suite = f" ({designer_noeud(parent)})" if parent is not None else ""
    return f"l’action ligne {ligne}{suite}"


def ou(ligne: int | None, designation: str) -> str:
    """Where another element is, for messages: « ligne 215 » or its designation."""
    return f"ligne {ligne}" if ligne else designation
