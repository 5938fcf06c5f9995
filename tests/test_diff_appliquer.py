"""The records are complete: applying ``comparer(a, b)`` to ``a`` gives ``b``, field by field.

This is what the Word redline's *Accept all* relies on. Pairs come from the examples, from
random documents (hypothesis) and from random edits of every fiche field.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from projterr.diff import comparer
from projterr.diff.appliquer import appliquer
from projterr.model import Action, Financement, Projet
from projterr.yamlio import charger_projet
from strategies import projets
from test_diff_proprietes import _MOTS, _muter, _phrase, _projet, _sans_ids

EXEMPLES = sorted((Path(__file__).parents[1] / "examples").glob("*.yaml"))
reglages = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


def _verifier(a: Projet, b: Projet) -> None:
    rapport = comparer(a, b)
    assert appliquer(a, rapport).model_dump() == b.model_dump()


@pytest.mark.parametrize(
    ("ancien", "nouveau"),
    list(itertools.permutations(EXEMPLES, 2)),
    ids=lambda p: p.stem,
)
def test_exemples_deux_a_deux(ancien: Path, nouveau: Path) -> None:
    _verifier(charger_projet(ancien), charger_projet(nouveau))


@reglages
@given(projets(), projets())
def test_documents_au_hasard(a: Projet, b: Projet) -> None:
    _verifier(a, b)


@reglages
@given(projets())
def test_document_et_lui_meme_sans_changement(a: Projet) -> None:
    rapport = comparer(a, a)
    assert rapport.changements == []
    assert appliquer(a, rapport).model_dump() == a.model_dump()


def _muter_fiches(projet: Projet, graine: int) -> Projet:
    """Edit every kind of fiche field, node descriptions, the preamble and the metadata."""
    rng = random.Random(graine)
    b = copy.deepcopy(projet)
    for _parents, action in b.actions():
        tirage = rng.random()
        if tirage < 0.15:
            action.partenaires = [*action.partenaires, rng.choice(["EPCI", "Région Grand Est"])]
        elif tirage < 0.25:
            action.statut = rng.choice(["En cours", "Réalisé", None])
        elif tirage < 0.35:
            action.description = [_phrase(rng) for _ in range(rng.randint(0, 3))]
        elif tirage < 0.45:
            action.financements = [Financement(financeur="État", montant=rng.randint(1, 9) * 1000)]
            action.budget = rng.choice([None, 50_000, 1234.5])
        elif tirage < 0.5:
            action.date_debut = dt.date(2026, rng.randint(1, 12), 1)
            action.echeance = rng.choice(["2027", None])
        elif tirage < 0.55:
            action.sous_actions = [
                Action(id=f"{action.id}-s{k}", texte=_phrase(rng)) for k in range(2)
            ]
        elif tirage < 0.6:
            action.texte = action.texte.replace("'", "’").replace(" ", "  ", 1)
    for _parents, noeud in b.noeuds():
        if rng.random() < 0.2:
            noeud.description = [_phrase(rng)]
        if rng.random() < 0.1 and len(noeud.actions) > 1:
            rng.shuffle(noeud.actions)
    if rng.random() < 0.5:
        b.preambule = [_phrase(rng), rng.choice(_MOTS)]
    if rng.random() < 0.5:
        b.document.version = rng.choice(["2027", "v2"])
        b.document.date = dt.date(2027, 3, 1)
    return b


graines = st.integers(min_value=0, max_value=10**6)


@reglages
@given(graines, graines, graines, st.booleans())
def test_revisions_au_hasard(graine: int, mutation: int, fiches: int, nouveaux_ids: bool) -> None:
    a = _projet(graine)
    b = _muter_fiches(_muter(a, mutation), fiches)
    if nouveaux_ids:
        b = _sans_ids(b, "z")
    _verifier(a, b)


_RETOUCHES = [
    ("'", "’"),
    ("’", "'"),
    (" : ", "\u00a0: "),
    (" ", "  "),
    ('"', "« "),
    ("...", "…"),
]


def _retoucher(texte: str, rng: random.Random) -> str:
    for avant, apres in _RETOUCHES:
        if avant in texte and rng.random() < 0.5:
            texte = texte.replace(avant, apres, 1)
    return texte + (" " if rng.random() < 0.2 else "")


def _typographie_seulement(projet: Projet, graine: int) -> Projet:
    """The same document with only typography changed: quotes, spaces, number punctuation."""
    rng = random.Random(graine)
    b = copy.deepcopy(projet)
    b.preambule = [_retoucher(p, rng) for p in b.preambule]
    for _parents, noeud in b.noeuds():
        noeud.titre = _retoucher(noeud.titre, rng)
        noeud.description = [_retoucher(p, rng) for p in noeud.description]
        if noeud.numero and rng.random() < 0.3:
            noeud.numero = f"n°{noeud.numero}."
        for action in noeud.actions:
            action.texte = _retoucher(action.texte, rng)
            action.partenaires = [_retoucher(p, rng) for p in action.partenaires]
            action.sous_points = [_retoucher(p, rng) for p in action.sous_points]
    return b


@reglages
@given(st.sampled_from(EXEMPLES), graines)
def test_retouches_typographiques_seulement(exemple: Path, graine: int) -> None:
    a = charger_projet(exemple)
    b = _typographie_seulement(a, graine)
    rapport = comparer(a, b)
    assert rapport.identiques
    assert set(rapport.resume().values()) == {0}
    assert all(c.mineure for c in rapport.changements)
    _verifier(a, b)


def test_retouches_typographiques_code_de_sortie_0(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from projterr.cli import app
    from projterr.yamlio import ecrire_projet

    exemple = next(e for e in EXEMPLES if "2025" in e.name)
    a = charger_projet(exemple)
    b = _typographie_seulement(a, 3)
    assert b.model_dump() != a.model_dump()
    retouche = tmp_path / "retouche.yaml"
    ecrire_projet(b, retouche)
    resultat = CliRunner().invoke(app, ["diff", str(exemple), str(retouche)])
    assert resultat.exit_code == 0, resultat.stdout
    assert "retouches typographiques" in resultat.stdout
    assert resultat.stdout.rstrip().endswith("Résumé : Aucune différence.")


def test_ordre_change_sans_deplacement() -> None:
    a = _projet(7)
    b = copy.deepcopy(a)
    for _parents, noeud in b.noeuds():
        noeud.actions.reverse()
        for action in noeud.actions:
            action.numero = None
    for _parents, noeud in a.noeuds():
        for action in noeud.actions:
            action.numero = None
    rapport = comparer(a, b)
    assert rapport.changements == []
    inverses = [n for _p, n in a.noeuds() if len(n.actions) > 1]
    assert len(rapport.reordonnancements) == len(inverses) > 0
    assert not rapport.identiques
    _verifier(a, b)
