"""The elements a rule looks at: a node or an action, with its parents and its path in the
YAML (« contenu[0].enfants[2] »), so that a finding points where the person will edit."""

from __future__ import annotations

from dataclasses import dataclass

from projterr.model import Action, Noeud


@dataclass(frozen=True)
class ElementNoeud:
    noeud: Noeud
    parents: tuple[Noeud, ...]
    chemin: str  # contenu[0].enfants[2]


@dataclass(frozen=True)
class ElementAction:
    action: Action
    parents: tuple[Noeud, ...]  # the chain of nodes, the action's own node last
    chemin: str  # contenu[0].enfants[2].actions[1]
