"""Field-by-field comparison of two versions of one element (or of the document itself).

A field that differs gives one :class:`~projterr.diff.rapport.Champ` holding both whole values
as JSON data, so that the records are enough to rebuild the new document from the old one
(``projterr.diff.appliquer``), plus what a renderer needs: word segments for a text, paragraph
by paragraph for a list of paragraphs (so a redline puts each change back in its own
paragraph), names added and removed for a list of names.

A difference of typography only (``'`` and ``’``, « » and "", doubled or non-breaking spaces,
the punctuation of a number) is recorded as minor: kept, so the records stay complete, but
neither counted nor listed for people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from projterr.champs_fiche import CHAMPS_FICHE
from projterr.diff.mots import blocs, segments
from projterr.diff.rapport import NUMEROTATION, PROVENANCE, TYPOGRAPHIE, Champ, Paragraphe, Segment
from projterr.model import CHAMPS_ACTION, Action, Noeud, Projet, sans_vides
from projterr.normalize import cle_typographique, normaliser_numero
from projterr.texte.score import score_caracteres


# How each field is compared and shown.
def _comparees(comparaison: str) -> frozenset[str]:
    return frozenset(c.nom for c in CHAMPS_FICHE if c.diff == comparaison)


TEXTES = _comparees("texte") | {"titre", "document.titre", "document.note", "territoire.nom"}
PARAGRAPHES = _comparees("paragraphes") | {"preambule", "contexte"}
NOMS = _comparees("noms") | {"niveaux"}
CHAMPS_NOEUD = ("type", "numero", "titre", "description")
CHAMPS_ACTION_COMPARES = ("numero", *CHAMPS_ACTION)
# Document-level fields, by dotted path into the Projet.
CHAMPS_DOCUMENT = (
    "territoire.nom",
    "territoire.type",
    "territoire.departement",
    "territoire.siren",
    "territoire.siret",
    "territoire.code_insee",
    "document.titre",
    "document.type",
    "document.version",
    "document.date",
    "document.statut",
    "document.periode",
    "document.adoption",
    "document.note",
    "document.source",
    "niveaux",
    "preambule",
    "contexte",
    "non_classe",
)
# Where the document came from and what the import could not place: not the strategy.
_PROVENANCE = frozenset({"document.source", "non_classe"})
# Below this likeness two paragraphs at the same place are one deleted and one added.
PARAGRAPHE_REFORMULE = 50.0


def en_json(valeur: Any) -> Any:
    """A field's value as JSON data: models without their empty fields, dates as text."""
    if isinstance(valeur, BaseModel):
        return sans_vides(valeur.model_dump(mode="json", by_alias=True))
    if isinstance(valeur, list):
        return [en_json(v) for v in valeur]
    if isinstance(valeur, dt.date):
        return valeur.isoformat()
    return valeur


def valeurs(source: Noeud | Action) -> dict[str, Any]:
    """Every field of a node or action (children aside), as JSON data: what an added or
    deleted element is."""
    noms = CHAMPS_NOEUD if isinstance(source, Noeud) else CHAMPS_ACTION_COMPARES
    resultat = {}
    for nom in noms:
        v = getattr(source, nom)
        if v is not None and v != []:
            resultat[nom] = en_json(v)
    return resultat


def comparer_element(ancien: Noeud | Action, nouveau: Noeud | Action) -> tuple[Champ, ...]:
    """The fields of a node or an action that differ."""
    if isinstance(ancien, Noeud) != isinstance(nouveau, Noeud):
        raise TypeError("a node is compared with a node, an action with an action")
    if isinstance(nouveau, Action) and ancien.__dict__ == nouveau.__dict__:
        return ()  # most actions of a revision: one comparison in C instead of 28
    noms = CHAMPS_NOEUD if isinstance(nouveau, Noeud) else CHAMPS_ACTION_COMPARES
    champs = []
    for nom in noms:
        a, n = getattr(ancien, nom), getattr(nouveau, nom)
        if a != n:
            champs.append(comparer_valeurs(nom, a, n))
    return tuple(champs)


def comparer_document(ancien: Projet, nouveau: Projet) -> tuple[Champ, ...]:
    """The document-level fields that differ: title, version, dates, preamble…"""
    champs = []
    for chemin in CHAMPS_DOCUMENT:
        a, n = _lire(ancien, chemin), _lire(nouveau, chemin)
        if a != n:
            champ = comparer_valeurs(chemin, a, n)
            if chemin in _PROVENANCE:
                champ = _mineur(champ, PROVENANCE)
            champs.append(champ)
    return tuple(champs)


def _lire(projet: Projet, chemin: str) -> Any:
    objet: Any = projet
    for partie in chemin.split("."):
        objet = getattr(objet, partie)
    return objet


def _mineur(champ: Champ, raison: str) -> Champ:
    return Champ(
        champ.champ,
        champ.ancien,
        champ.nouveau,
        champ.segments,
        champ.paragraphes,
        champ.ajoutes,
        champ.retires,
        mineure=raison,
    )


def numero_implicite(champ: Champ) -> Champ:
    """The number changed only because the parent's did: recorded, not shown."""
    return _mineur(champ, NUMEROTATION)


def comparer_valeurs(nom: str, ancien: Any, nouveau: Any) -> Champ:
    """One field that differs, described for its kind (text, paragraphs, names, value)."""
    a, n = en_json(ancien), en_json(nouveau)
    cle = nom.rsplit(".", 1)[-1]
    if nom in TEXTES or cle in TEXTES:
        a_txt, n_txt = a or "", n or ""
        mineure = TYPOGRAPHIE if cle_typographique(a_txt) == cle_typographique(n_txt) else None
        return Champ(nom, a, n, segments=segments(a_txt, n_txt), mineure=mineure)
    if cle in PARAGRAPHES:
        paragraphes = comparer_paragraphes(a or [], n or [])
        mineure = TYPOGRAPHIE if all(p.mineure or _egal(p) for p in paragraphes) else None
        return Champ(nom, a, n, paragraphes=paragraphes, mineure=mineure)
    if cle in NOMS:
        a_l, n_l = a or [], n or []
        cles_a = {cle_typographique(x) for x in a_l}
        cles_n = {cle_typographique(x) for x in n_l}
        ajoutes = tuple(x for x in n_l if cle_typographique(x) not in cles_a)
        retires = tuple(x for x in a_l if cle_typographique(x) not in cles_n)
        mineure = (
            TYPOGRAPHIE
            if not ajoutes
            and not retires
            and [cle_typographique(x) for x in a_l] == [cle_typographique(x) for x in n_l]
            else None
        )
        return Champ(nom, a, n, ajoutes=ajoutes, retires=retires, mineure=mineure)
    if cle == "numero":
        meme = normaliser_numero(a) == normaliser_numero(n)
        return Champ(nom, a, n, mineure=TYPOGRAPHIE if meme else None)
    if isinstance(a, list) and isinstance(n, list):
        # financements, sous_actions: which items came and went, by their JSON form
        ajoutes = tuple(x for x in n if x not in a)
        retires = tuple(x for x in a if x not in n)
        mineure = TYPOGRAPHIE if _cle_json(a) == _cle_json(n) else None
        return Champ(nom, a, n, ajoutes=ajoutes, retires=retires, mineure=mineure)
    return Champ(nom, a, n)


def _cle_json(valeur: Any) -> Any:
    """JSON data with every text reduced to its typographic key (a sous-action whose title
    only changed apostrophe is the same sous-action), ids left out (a sous-action read again
    from a Word file that lost projterr's marks gets a new id, and no reader sees ids)."""
    if isinstance(valeur, str):
        return cle_typographique(valeur)
    if isinstance(valeur, list):
        return [_cle_json(v) for v in valeur]
    if isinstance(valeur, dict):
        return {k: _cle_json(v) for k, v in valeur.items() if k != "id"}
    return valeur


def _egal(p: Paragraphe) -> bool:
    return p.ancien == p.nouveau


def comparer_paragraphes(anciens: Sequence[str], nouveaux: Sequence[str]) -> tuple[Paragraphe, ...]:
    """Every paragraph of the new list in order, with the deleted ones at their old place.

    Paragraphs are aligned on their typographic key; in a replaced run, paragraphs at the
    same rank that still read alike are one reworded paragraph (word segments), the others
    are deleted and added whole.
    """

    def reformule(i: int, j: int) -> bool:
        return score_caracteres(anciens[i], nouveaux[j]) >= PARAGRAPHE_REFORMULE

    cles_a = [cle_typographique(p) for p in anciens]
    cles_n = [cle_typographique(p) for p in nouveaux]
    resultat: list[Paragraphe] = []
    for i, j, meme_cle in blocs(cles_a, cles_n, reformule):
        if i is None:
            assert j is not None
            resultat.append(Paragraphe(None, nouveaux[j], (Segment("ajout", nouveaux[j]),)))
        elif j is None:
            resultat.append(Paragraphe(anciens[i], None, (Segment("suppression", anciens[i]),)))
        elif meme_cle and anciens[i] == nouveaux[j]:
            resultat.append(Paragraphe(anciens[i], nouveaux[j], (Segment("egal", anciens[i]),)))
        else:
            a, n = anciens[i], nouveaux[j]
            resultat.append(Paragraphe(a, n, segments(a, n), mineure=meme_cle))
    return tuple(resultat)
