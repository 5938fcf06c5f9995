"""Property tests of the diff: identity, symmetry, renumbering, word segments."""

from __future__ import annotations

import copy
import itertools
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from projterr.diff import comparer
from projterr.diff.mots import segments
from projterr.model import Action, Document, Noeud, Projet, Territoire

_MOTS = [
    "développer",
    "soutenir",
    "accompagner",
    "mobilité",
    "habitat",
    "santé",
    "culture",
    "tourisme",
    "énergie",
    "eau",
    "agriculture",
    "forêt",
    "commerce",
    "artisanat",
    "emploi",
    "formation",
    "jeunesse",
    "numérique",
    "école",
    "collège",
    "transport",
    "vélo",
    "covoiturage",
    "logement",
    "friche",
    "biodiversité",
    "paysage",
    "patrimoine",
    "association",
    "commune",
    "EPCI",
    "PETR",
    "département",
    "région",
    "réseau",
    "filière",
    "circuit",
    "marché",
    "bois",
    "chaleur",
    "solaire",
    "rénovation",
    "sobriété",
    "déchet",
    "compost",
    "alimentation",
    "cantine",
    "médecin",
    "maison",
    "services",
    "itinérance",
    "randonnée",
    "voie",
    "verte",
    "rivière",
    "zone",
    "activité",
    "entreprise",
    "reprise",
    "transmission",
]
_LIAISONS = ["de la", "des", "du", "pour les", "avec les", "sur le", "et"]


def _phrase(rng: random.Random) -> str:
    mots = []
    for k in range(rng.randint(5, 11)):
        if k and rng.random() < 0.3:
            mots.append(rng.choice(_LIAISONS))
        mots.append(rng.choice(_MOTS))
    texte = " ".join(mots)
    return texte[0].upper() + texte[1:] + "."


class _Ids:
    def __init__(self, prefixe: str) -> None:
        self.n = 0
        self.prefixe = prefixe

    def __call__(self) -> str:
        self.n += 1
        return f"{self.prefixe}{self.n}"


def _projet(graine: int) -> Projet:
    rng = random.Random(graine)
    ids = _Ids("e")
    piliers = []
    for p in range(1, rng.randint(1, 3) + 1):
        oss = []
        for o in range(1, rng.randint(1, 3) + 1):
            oos = []
            for q in range(1, rng.randint(1, 3) + 1):
                actions = [Action(id=ids(), texte=_phrase(rng)) for _ in range(rng.randint(0, 4))]
                oos.append(
                    Noeud(
                        id=ids(),
                        type="objectif_operationnel",
                        numero=f"{p}.{o}.{q}",
                        titre=_phrase(rng),
                        actions=actions,
                    )
                )
            oss.append(
                Noeud(
                    id=ids(),
                    type="objectif_strategique",
                    numero=str(o),
                    titre=_phrase(rng),
                    enfants=oos,
                )
            )
        piliers.append(
            Noeud(id=ids(), type="pilier", numero=str(p), titre=_phrase(rng), enfants=oss)
        )
    return Projet(
        territoire=Territoire(nom="Test"), document=Document(titre="Test"), contenu=piliers
    )


def _muter(projet: Projet, graine: int) -> Projet:
    """Delete, add, reword and move actions; rename and insert objectives."""
    rng = random.Random(graine)
    ids = _Ids("n")
    b = copy.deepcopy(projet)
    oos = [n for _, n in b.noeuds() if n.type == "objectif_operationnel"]
    for oo in oos:
        for action in list(oo.actions):
            tirage = rng.random()
            if tirage < 0.1:
                oo.actions.remove(action)
            elif tirage < 0.2:
                mots = action.texte.split()
                mots[rng.randrange(len(mots))] = rng.choice(_MOTS)
                action.texte = " ".join(mots)
            elif tirage < 0.3:
                oo.actions.remove(action)
                rng.choice(oos).actions.append(action)
        if rng.random() < 0.2:
            oo.actions.append(Action(id=ids(), texte=_phrase(rng)))
        if rng.random() < 0.1:
            oo.titre = _phrase(rng)
    for _, os_ in list(b.noeuds()):
        if os_.type == "objectif_strategique" and rng.random() < 0.2:
            os_.enfants.insert(
                0,
                Noeud(
                    id=ids(),
                    type="objectif_operationnel",
                    numero="0",
                    titre=_phrase(rng),
                    actions=[Action(id=ids(), texte=_phrase(rng))],
                ),
            )
    return b


def _sans_ids(projet: Projet, prefixe: str) -> Projet:
    """The same document with fresh ids: only text and structure can align it."""
    b = copy.deepcopy(projet)
    ids = _Ids(prefixe)
    for _, noeud in b.noeuds():
        noeud.id = ids()
        for action in noeud.actions:
            action.id = ids()
    return b


def _ids_de(rapport, type_: str) -> set[str]:  # type: ignore[no-untyped-def]
    ids = set()
    for c in rapport.changements:
        if c.types == (type_,):
            cote = c.nouveau if type_ == "ajout" else c.ancien
            ids.add(cote.id)
            ids.update(x.id for x in c.contenu)
    return ids


graines = st.integers(min_value=0, max_value=10**6)
reglages = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@reglages
@given(graines)
def test_diff_d_un_document_avec_lui_meme_est_vide(graine: int) -> None:
    a = _projet(graine)
    assert comparer(a, a).changements == []
    assert comparer(a, _sans_ids(a, "x")).changements == []


@reglages
@given(graines, graines, st.booleans())
def test_ajouts_de_a_b_sont_les_suppressions_de_b_a(
    graine: int, mutation: int, nouveaux_ids: bool
) -> None:
    a = _projet(graine)
    b = _muter(a, mutation)
    if nouveaux_ids:
        b = _sans_ids(b, "z")
    ab, ba = comparer(a, b), comparer(b, a)
    assert _ids_de(ab, "ajout") == _ids_de(ba, "suppression")
    assert _ids_de(ab, "suppression") == _ids_de(ba, "ajout")
    assert ab.resume()["ajout"] == ba.resume()["suppression"]


@reglages
@given(graines, st.booleans(), st.booleans())
def test_tout_renumeroter_ne_donne_que_des_renumerotations(
    graine: int, garder_ids: bool, coherent: bool
) -> None:
    a = _projet(graine)
    b = copy.deepcopy(a) if garder_ids else _sans_ids(a, "r")
    rng = random.Random(graine)
    for _, noeud in b.noeuds():
        assert noeud.numero
        if coherent:  # 1.2.3 → 11.12.13: children follow their parents
            noeud.numero = ".".join(str(int(c) + 10) for c in noeud.numero.split("."))
        else:
            noeud.numero = f"n°{rng.randint(1, 99)}.{rng.randint(100, 199)}."
    rapport = comparer(a, b)
    assert rapport.changements
    assert all(c.types == ("renumerotation",) for c in rapport.changements)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_segments_redonnent_les_deux_textes(ancien: str, nouveau: str) -> None:
    resultat = segments(ancien, nouveau)
    assert "".join(s.texte for s in resultat if s.op != "ajout") == ancien
    assert "".join(s.texte for s in resultat if s.op != "suppression") == nouveau
    assert all(s.texte for s in resultat)
    assert all(a.op != b.op for a, b in itertools.pairwise(resultat))


def test_segments_d_un_texte_inchange() -> None:
    assert [s.op for s in segments("Même texte.", "Même texte.")] == ["egal"]
