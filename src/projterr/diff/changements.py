"""From an alignment to change records: what happened to each node and action.

Choices worth knowing:

- An added (or deleted) node is one record that lists its added (deleted) content in
  ``contenu``; content that came from elsewhere keeps its own record (a ``deplacement``).
- A child whose number only follows its parent's new number (objective 3.1.2 under an
  objective stratégique renumbered 3.1 → 3.2) has no ``renumerotation`` of its own.
- A renumbering caused by a sibling inserted or deleted before it names that sibling in
  ``cause``, and comes right after that sibling's record.
- Two actions merged into one: the new action is aligned with one of them (a
  ``modification``); the other is a ``suppression``. Both records say so: ``fusion`` on the
  new action lists the old ids merged into it, ``fusionne_dans`` on the deleted one names it.
- Deletions are grouped under the new document's pilier when that pilier is still there.
"""

from __future__ import annotations

import gc

from projterr.diff.alignement import SEUIL_DEFAUT, Alignement, aligner
from projterr.diff.champs import (
    comparer_document,
    comparer_element,
    numero_implicite,
    valeurs,
)
from projterr.diff.mots import segments
from projterr.diff.rapport import (
    NUMEROTATION,
    TYPES,
    TYPOGRAPHIE,
    Cause,
    Champ,
    Changement,
    Correspondance,
    Cote,
    ElementInclus,
    Entete,
    Groupe,
    RapportDiff,
    Reordonnancement,
)
from projterr.diff.sommets import Sommet, aplatir
from projterr.model import Projet
from projterr.texte.score import score_caracteres

DOCUMENT = "document"

# Share of a deleted action's words found in a neighbouring rewritten action for the
# deletion to be reported as merged into it.
_COUVERTURE_FUSION = 0.6


def comparer(
    ancien: Projet,
    nouveau: Projet,
    seuil: float = SEUIL_DEFAUT,
    fichiers: tuple[str | None, str | None] = (None, None),
) -> RapportDiff:
    """Compare two revisions of a document: the change records, in the new document's order."""
    # The diff allocates hundreds of thousands of small objects and no cycles: the cyclic
    # collector's full passes over both documents cost more than the diff itself on 100,000
    # actions (and grow faster than linearly), so it is paused while the diff runs.
    actif = gc.isenabled()
    gc.disable()
    try:
        return _comparer(ancien, nouveau, seuil, fichiers)
    finally:
        if actif:
            gc.enable()


def _comparer(
    ancien: Projet,
    nouveau: Projet,
    seuil: float,
    fichiers: tuple[str | None, str | None],
) -> RapportDiff:
    anciens, nouveaux = aplatir(ancien), aplatir(nouveau)
    al = aligner(anciens, nouveaux, seuil)
    rapport = RapportDiff(
        ancien=_entete(ancien, fichiers[0]),
        nouveau=_entete(nouveau, fichiers[1]),
        seuil=seuil,
    )
    constructeur = _Constructeur(al)
    document = _document(ancien, nouveau)
    rapport.changements = ([document] if document else []) + constructeur.changements()
    rapport.correspondances = constructeur.correspondances()
    rapport.reordonnancements = constructeur.reordonnancements()
    rapport.documents = (ancien, nouveau)
    return rapport


def _entete(projet: Projet, fichier: str | None) -> Entete:
    return Entete(projet.document.titre, projet.document.version, fichier, projet.territoire.nom)


def _document(ancien: Projet, nouveau: Projet) -> Changement | None:
    """One record for the document itself: title, version, dates, preamble…"""
    champs = comparer_document(ancien, nouveau)
    if not champs:
        return None

    def cote(projet: Projet) -> Cote:
        return Cote(
            id=DOCUMENT, numero=projet.document.version, texte=projet.document.titre, parent=None
        )

    return Changement(
        types=("modification",),
        nature=DOCUMENT,
        ancien=cote(ancien),
        nouveau=cote(nouveau),
        groupe=None,
        champs=champs,
        mineure=_raison_mineure(champs),
    )


def _raison_mineure(champs: tuple[Champ, ...]) -> str | None:
    """Why a record that holds only minor fields does not count; None if one field counts."""
    if any(not c.mineure for c in champs):
        return None
    raisons = {c.mineure for c in champs}
    if TYPOGRAPHIE in raisons:
        return TYPOGRAPHIE
    return sorted(r for r in raisons if r)[0]


class _Constructeur:
    def __init__(self, al: Alignement) -> None:
        self.al = al
        self.a = al.anciens
        self.n = al.nouveaux

    # --- records ---------------------------------------------------------------------

    def changements(self) -> list[Changement]:
        places: list[tuple[tuple[int, int, int], Changement]] = []
        supprimes: list[tuple[Changement, Sommet]] = []
        for n in self.n:
            i = self.al.n2a.get(n.index)
            if i is None:
                if n.parent is None or n.parent in self.al.n2a:
                    places.append(((n.index, 0, 0), self._ajout(n)))
                continue
            record = self._apparie(self.a[i], n)
            if record is not None:
                places.append(((n.index, 0, 0), record))
        for a in self.a:
            if a.index in self.al.a2n:
                continue
            if a.parent is None or a.parent in self.al.a2n:
                record = self._suppression(a)
                places.append((self._place_suppression(a), record))
                supprimes.append((record, a))
        places.sort(key=lambda p: p[0])
        records = [c for _, c in places]
        self._fusions(records, supprimes)
        return _causes_ensemble(records)

    def _apparie(self, a: Sommet, n: Sommet) -> Changement | None:
        assert a.source is not None and n.source is not None
        champs = comparer_element(a.source, n.source)
        renumerote = a.num != n.num
        implicite = renumerote and self._renumerotation_implicite(a, n)
        if implicite:
            champs = tuple(numero_implicite(c) if c.champ == "numero" else c for c in champs)
        types = []
        if self._deplace(a, n):
            types.append("deplacement")
        if any(not c.mineure and c.champ != "numero" for c in champs):
            types.append("modification")
        if renumerote and not implicite:
            types.append("renumerotation")
        mineure = None
        if not types:
            if not champs:
                return None
            mineure = _raison_mineure(champs)
            raisons = {c.mineure for c in champs}
            if TYPOGRAPHIE in raisons:
                types.append("modification")
            if NUMEROTATION in raisons:
                types.append("renumerotation")
        return Changement(
            types=tuple(types),
            nature=n.nature,
            ancien=self._cote(self.a, a),
            nouveau=self._cote(self.n, n),
            groupe=self._groupe(self.n[n.racine]),
            similarite=round(score_caracteres(a.norm, n.norm) / 100.0, 2),
            segments=segments(a.complet, n.complet) if a.complet != n.complet else (),
            champs=champs,
            mineure=mineure,
            cause=self._cause(a, n) if "renumerotation" in types and not mineure else None,
        )

    def _ajout(self, n: Sommet) -> Changement:
        return Changement(
            types=("ajout",),
            nature=n.nature,
            ancien=None,
            nouveau=self._cote(self.n, n, avec_valeurs=True),
            groupe=self._groupe(self.n[n.racine]),
            contenu=self._contenu(self.n, n, self.al.n2a),
        )

    def _suppression(self, a: Sommet) -> Changement:
        racine = self.al.a2n.get(a.racine)
        groupe = self._groupe(self.n[racine] if racine is not None else self.a[a.racine])
        return Changement(
            types=("suppression",),
            nature=a.nature,
            ancien=self._cote(self.a, a, avec_valeurs=True),
            nouveau=None,
            groupe=groupe,
            contenu=self._contenu(self.a, a, self.al.a2n),
        )

    # --- evidence ----------------------------------------------------------------------

    def _deplace(self, a: Sommet, n: Sommet) -> bool:
        if a.parent is None and n.parent is None:
            return False
        if a.parent is None or n.parent is None:
            return True
        return self.al.a2n.get(a.parent) != n.parent

    def _renumerotation_implicite(self, a: Sommet, n: Sommet) -> bool:
        """The number changed only because the parent's did: 3.1.2 → 3.2.2 under 3.1 → 3.2."""
        if a.parent is None or n.parent is None or self.al.a2n.get(a.parent) != n.parent:
            return False
        pa, pn = self.a[a.parent].qualifie, self.n[n.parent].qualifie
        if not pa or not pn or pa == pn:
            return False
        if not (a.qualifie.startswith(pa + ".") and n.qualifie.startswith(pn + ".")):
            return False
        return a.qualifie[len(pa) :] == n.qualifie[len(pn) :]

    def _cause(self, a: Sommet, n: Sommet) -> Cause | None:
        """A sibling added (or deleted) before this element that shifted its number."""
        if a.parent is None or n.parent is None or self.al.a2n.get(a.parent) != n.parent:
            return None
        rang_a, rang_n = _dernier_rang(a.num), _dernier_rang(n.num)
        if rang_a is None or rang_n is None or rang_a == rang_n:
            return None
        if rang_n > rang_a:
            freres, apparies, type_ = self.n[n.parent].enfants, self.al.n2a, "ajout"
            liste, moi = self.n, n
        else:
            freres, apparies, type_ = self.a[a.parent].enfants, self.al.a2n, "suppression"
            liste, moi = self.a, a
        avant = [liste[k] for k in freres if k < moi.index]
        for frere in reversed(avant):
            if frere.nature == moi.nature and frere.index not in apparies:
                return Cause(type_, frere.nature, frere.id, frere.num or None)
        return None

    def _fusions(
        self, records: list[Changement], supprimes: list[tuple[Changement, Sommet]]
    ) -> None:
        """Mark a deleted action whose words now stand in a rewritten sibling action."""
        par_id_nouveau = {r.nouveau.id: r for r in records if r.nouveau and r.ancien}
        for record, a in supprimes:
            if not a.est_action:
                continue
            if a.parent is None or a.parent not in self.al.a2n:
                continue
            mots = a.mots()
            if not mots:
                continue
            meilleur: tuple[float, Sommet] | None = None
            for k in self.n[self.al.a2n[a.parent]].enfants:
                voisin = self.n[k]
                cible = par_id_nouveau.get(voisin.id)
                if not voisin.est_action or cible is None or "modification" not in cible.types:
                    continue
                couverture = len(mots & voisin.mots()) / len(mots)
                if couverture >= _COUVERTURE_FUSION and (
                    meilleur is None or couverture > meilleur[0]
                ):
                    meilleur = (couverture, voisin)
            if meilleur is None:
                continue
            cible = par_id_nouveau[meilleur[1].id]
            assert cible.ancien is not None
            cible.fusion = (*(cible.fusion or (cible.ancien.id,)), a.id)
            record.fusionne_dans = meilleur[1].id

    # --- presentation ------------------------------------------------------------------

    def _place_suppression(self, a: Sommet) -> tuple[int, int, int]:
        """Where a deletion shows in the new document's order: after the nearest old element
        before it that is still there."""
        k = a.index - 1
        while k >= 0 and k not in self.al.a2n:
            k -= 1
        return (self.al.a2n[k] if k >= 0 else -1, 1, a.index)

    @staticmethod
    def _cote(elements: list[Sommet], e: Sommet, avec_valeurs: bool = False) -> Cote:
        chemin: list[str] = []
        p = e.parent
        while p is not None:
            chemin.append(elements[p].reference)
            p = elements[p].parent
        chemin.reverse()
        parent = elements[e.parent] if e.parent is not None else None
        assert e.source is not None
        return Cote(
            id=e.id,
            numero=e.num or None,
            texte=e.texte,
            parent=chemin[-1] if chemin else None,
            chemin=tuple(chemin),
            sous_points=e.sous_points,
            parent_id=parent.id if parent else None,
            parent_numero=(parent.qualifie or parent.num or None) if parent else None,
            parent_titre=parent.texte if parent else None,
            position=e.position,
            valeurs=valeurs(e.source) if avec_valeurs else None,
        )

    # --- the whole mapping, for renderers that walk the new document ---------------------

    def correspondances(self) -> list[Correspondance]:
        resultat = []
        for n in self.n:
            i = self.al.n2a.get(n.index)
            resultat.append(
                Correspondance(
                    nature=n.nature,
                    ancien=self.a[i].id if i is not None else None,
                    nouveau=n.id,
                    parent=self.n[n.parent].id if n.parent is not None else None,
                    position=n.position,
                )
            )
        for a in self.a:
            if a.index not in self.al.a2n:
                resultat.append(Correspondance(nature=a.nature, ancien=a.id, nouveau=None))
        return resultat

    def reordonnancements(self) -> list[Reordonnancement]:
        """Siblings that kept their parent but not their order, one entry per parent and kind."""
        paires: list[tuple[Sommet | None, list[int], list[int]]] = [
            (
                None,
                [a.index for a in self.a if a.parent is None],
                [n.index for n in self.n if n.parent is None],
            )
        ]
        for n in self.n:
            i = self.al.n2a.get(n.index)
            if not n.est_action and i is not None:
                paires.append((n, self.a[i].enfants, n.enfants))
        resultat = []
        for parent_n, enfants_a, enfants_n in paires:
            parent_a = self.al.n2a.get(parent_n.index) if parent_n is not None else None
            for actions in (False, True):
                ancien_ordre = [
                    self.n[self.al.a2n[k]].id
                    for k in enfants_a
                    if self.a[k].est_action == actions
                    and k in self.al.a2n
                    and self.n[self.al.a2n[k]].parent == (parent_n.index if parent_n else None)
                ]
                nouvel_ordre = [
                    self.n[k].id
                    for k in enfants_n
                    if self.n[k].est_action == actions
                    and k in self.al.n2a
                    and self.a[self.al.n2a[k]].parent == parent_a
                ]
                if ancien_ordre != nouvel_ordre:
                    nature = self.n[enfants_n[0]].nature if enfants_n else "action"
                    nature = (
                        "action"
                        if actions
                        else next(
                            (self.n[k].nature for k in enfants_n if not self.n[k].est_action),
                            nature,
                        )
                    )
                    resultat.append(
                        Reordonnancement(
                            parent_id=parent_n.id if parent_n else None,
                            parent_numero=(parent_n.qualifie or parent_n.num or None)
                            if parent_n
                            else None,
                            parent_titre=parent_n.texte if parent_n else None,
                            nature=nature,
                            ancien_ordre=tuple(ancien_ordre),
                            nouvel_ordre=tuple(nouvel_ordre),
                        )
                    )
        return resultat

    @staticmethod
    def _groupe(racine: Sommet) -> Groupe:
        return Groupe(racine.nature, racine.num or None, racine.texte)

    @staticmethod
    def _contenu(
        elements: list[Sommet], e: Sommet, apparies: dict[int, int]
    ) -> tuple[ElementInclus, ...]:
        contenu: list[ElementInclus] = []

        def descendre(x: Sommet, profondeur: int) -> None:
            for k in x.enfants:
                enfant = elements[k]
                if k in apparies:
                    continue
                assert enfant.source is not None
                contenu.append(
                    ElementInclus(
                        enfant.nature,
                        enfant.id,
                        enfant.num or None,
                        enfant.texte,
                        profondeur,
                        parent_id=x.id,
                        position=enfant.position,
                        valeurs=valeurs(enfant.source),
                    )
                )
                descendre(enfant, profondeur + 1)

        descendre(e, 1)
        return tuple(contenu)


def _dernier_rang(num: str) -> int | None:
    dernier = num.rsplit(".", 1)[-1]
    return int(dernier) if dernier.isdigit() else None


def _causes_ensemble(records: list[Changement]) -> list[Changement]:
    """Move each renumbering caused by a sibling's addition or deletion right after it."""
    causees: dict[tuple[str, str], list[Changement]] = {}
    for r in records:
        if r.cause is not None:
            causees.setdefault((r.cause.type, r.cause.id), []).append(r)
    if not causees:
        return records
    places = {id(r) for liste in causees.values() for r in liste}
    seuls = {(c.types[0], c.id) for c in records if c.types in {("ajout",), ("suppression",)}}
    resultat: list[Changement] = []
    for r in records:
        if id(r) in places:
            cle_cause = (r.cause.type, r.cause.id) if r.cause else None
            if cle_cause not in seuls:
                resultat.append(r)  # cause not reported on its own: keep it in place
            continue
        resultat.append(r)
        if r.types in {("ajout",), ("suppression",)}:
            resultat.extend(causees.get((r.types[0], r.id), []))
    return resultat


__all__ = ["TYPES", "comparer"]
