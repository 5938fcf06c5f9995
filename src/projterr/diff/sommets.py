"""A document flattened for comparison: every node and action as one :class:`Sommet` (a
vertex of the tree).

Alignment works on flat lists with integer links (parent, children) rather than on the
pydantic tree: it is what lets every stage use dicts keyed by text or number, so the diff of
a 50,000-action document stays near-linear.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from projterr.model import Action, Noeud, Projet
from projterr.normalize import espaces, normaliser, normaliser_numero
from projterr.texte.index import mots_distinctifs

ACTION = "action"


def _numero(numero: str | None) -> str:
    return normaliser_numero(numero)


@dataclass(eq=False, slots=True)
class Sommet:
    """One node or action of one document, with integer links to its neighbours."""

    index: int
    nature: str  # the node type, or "action"
    id: str
    numero: str | None  # as printed
    num: str  # normalised: ``n°2.1.3.`` → ``2.1.3``
    texte: str  # an action's text or a node's title, whitespace collapsed
    sous_points: tuple[str, ...]
    complet: str  # text used for similarity and word diffs (action text + its sous-points)
    norm: str  # normalised ``complet``: the key for "same text"
    parent: int | None
    racine: int  # index of the top-level node above (itself for a top-level node)
    profondeur: int
    enfants: list[int] = field(default_factory=list)  # child nodes then actions
    qualifie: str = ""  # numero qualified by its parents': OS « 2 » of pilier 3 → « 3.2 »
    source: Noeud | Action | None = None  # the element itself, for the field-by-field diff
    position: int = 0  # rank among the parent's child nodes, or among its actions

    @property
    def est_action(self) -> bool:
        return self.nature == ACTION

    @property
    def reference(self) -> str:
        """How a record names this element as a parent: its number, else its title."""
        return self.num or self.texte

    def mots(self) -> set[str]:
        """The words that pick fuzzy-match candidates (:func:`mots_distinctifs`)."""
        return mots_distinctifs(self.norm)


def _complet(texte: str, sous_points: tuple[str, ...]) -> str:
    return " ".join([texte, *(f"→ {sp}" for sp in sous_points)])


def _qualifier(num: str, parent: Sommet | None) -> str:
    if parent is None or not parent.qualifie:
        return num
    if not num:
        return ""
    if num.count(".") > parent.qualifie.count("."):
        return num  # already a full number, e.g. 3.2.1 under objectif stratégique 3.2
    return f"{parent.qualifie}.{num}"


def aplatir(projet: Projet) -> list[Sommet]:
    """Every node and action of ``projet``, in document order (a node before its content)."""
    elements: list[Sommet] = []

    def ajouter(
        source: Noeud | Action, parent: Sommet | None, profondeur: int, position: int
    ) -> Sommet:
        if isinstance(source, Action):
            nature, numero, texte = ACTION, source.numero, espaces(source.texte)
            sous_points = tuple(espaces(sp) for sp in source.sous_points)
        else:
            nature, numero, texte, sous_points = (
                source.type,
                source.numero,
                espaces(source.titre),
                (),
            )
        complet = _complet(texte, sous_points)
        num = _numero(numero)
        element = Sommet(
            index=len(elements),
            nature=nature,
            id=source.id,
            numero=numero,
            num=num,
            texte=texte,
            sous_points=sous_points,
            complet=complet,
            norm=normaliser(complet),
            parent=None if parent is None else parent.index,
            racine=len(elements) if parent is None else parent.racine,
            profondeur=profondeur,
            qualifie=_qualifier(num, parent),
            source=source,
            position=position,
        )
        elements.append(element)
        if parent is not None:
            parent.enfants.append(element.index)
        return element

    def parcourir(noeud: Noeud, parent: Sommet | None, profondeur: int, position: int) -> None:
        element = ajouter(noeud, parent, profondeur, position)
        for k, enfant in enumerate(noeud.enfants):
            parcourir(enfant, element, profondeur + 1, k)
        for k, action in enumerate(noeud.actions):
            ajouter(action, element, profondeur + 1, k)

    for k, racine in enumerate(projet.contenu):
        parcourir(racine, None, 0, k)
    return elements
