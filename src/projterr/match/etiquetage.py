"""Writing classification tags into a projterr YAML document, in place.

Works on the round-trip data of :func:`projterr.yamlio.charger_yaml` so that comments, key
order and quoting survive; only the ``thematiques`` lists of actions change.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

from projterr.model import Action

# Where ``thematiques`` goes in an action that has none yet: after the fields the schema
# puts before it, so a new key lands where ``projterr import`` would have written it.
_AVANT = tuple(Action.model_fields)[: tuple(Action.model_fields).index("thematiques")]


def poser_etiquettes(doc: Any, etiquettes: Mapping[str, list[str]], referentiel: str) -> int:
    """Set the tags of référentiel ``referentiel`` on each action listed in ``etiquettes``
    (action id → tags such as ``pvd:mobilite``): earlier tags of that référentiel are
    replaced, tags of other référentiels kept. Returns the number of actions changed."""
    prefixe = f"{referentiel}:"
    modifiees = 0
    for action in _actions(doc.get("contenu") if isinstance(doc, Mapping) else None):
        id_ = action.get("id")
        if not isinstance(id_, str) or id_ not in etiquettes:
            continue
        avant = action.get("thematiques")
        anciennes = [str(t) for t in avant] if isinstance(avant, list) else []
        nouvelles = [t for t in anciennes if not t.startswith(prefixe)]
        nouvelles += [t for t in etiquettes[id_] if t not in nouvelles]
        if nouvelles == anciennes:
            continue
        modifiees += 1
        if isinstance(avant, list):
            if nouvelles:
                _remplacer(avant, nouvelles)
            else:
                del action["thematiques"]  # the house style leaves empty lists out
        elif nouvelles:
            _inserer(action, "thematiques", nouvelles)
    return modifiees


def _remplacer(liste: list[Any], nouvelles: list[str]) -> None:
    """Make ``liste`` equal to ``nouvelles`` by deleting and appending items, never by
    rebuilding it: the comments ruamel attached to the items that stay are kept."""
    for i in range(len(liste) - 1, -1, -1):
        if str(liste[i]) not in nouvelles:
            del liste[i]
    for etiquette in nouvelles:
        if etiquette not in [str(t) for t in liste]:
            liste.append(etiquette)


def _actions(noeuds: Any) -> list[MutableMapping[str, Any]]:
    trouvees: list[MutableMapping[str, Any]] = []
    if not isinstance(noeuds, list):
        return trouvees
    for noeud in noeuds:
        if not isinstance(noeud, MutableMapping):
            continue
        for action in noeud.get("actions") or []:
            if isinstance(action, MutableMapping):
                trouvees.append(action)
        trouvees.extend(_actions(noeud.get("enfants")))
    return trouvees


def _inserer(action: MutableMapping[str, Any], cle: str, valeur: Any) -> None:
    cles = list(action)
    position = 0
    for i, existante in enumerate(cles):
        if existante in _AVANT:
            position = i + 1
    inserer = getattr(action, "insert", None)  # ruamel's CommentedMap keeps order this way
    if inserer is not None:
        inserer(position, cle, valeur)
        return
    suite = {k: action.pop(k) for k in cles[position:]}
    action[cle] = valeur
    action.update(suite)
