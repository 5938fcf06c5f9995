"""The hand-labelled pairs for `match` stay true to the examples: the tuning set
(tests/data/match/paires.yaml) and the held-out set written blind (paires_tenues.yaml, whose
own checks and figures are in test_paires_tenues.py). These tests check that each set is well
formed and faithful to the examples; they do not score `match`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from projterr.yamlio import charger_projet, charger_yaml

ROOT = Path(__file__).resolve().parents[1]
DOSSIER = ROOT / "tests" / "data" / "match"


@dataclass(frozen=True)
class Jeu:
    cote_a: frozenset[str]  # the documents (keys) pairs start from
    cote_b: frozenset[str]  # the documents they are matched in
    negatives: int  # at least this many negative pairs


JEUX = {
    "paires.yaml": Jeu(frozenset({"cdl"}), frozenset({"mq", "io"}), 5),
    "paires_tenues.yaml": Jeu(frozenset({"cls", "at"}), frozenset({"cdl", "mq", "io"}), 6),
}
parametre_jeu = pytest.mark.parametrize("nom", list(JEUX))


@cache
def donnees(nom: str) -> Any:
    return charger_yaml(DOSSIER / nom)


def _textes(nom: str) -> dict[str, str]:
    """Every action (texte) and every node (titre) of the documents, by « doc/id »."""
    textes: dict[str, str] = {}
    for cle, fichier in donnees(nom)["documents"].items():
        projet = charger_projet(ROOT / fichier)
        for _, noeud in projet.noeuds():
            textes[f"{cle}/{noeud.id}"] = noeud.titre
            for action in noeud.actions:
                textes[f"{cle}/{action.id}"] = action.texte
    return textes


@parametre_jeu
def test_effectifs(nom: str) -> None:
    paires = donnees(nom)["paires"]
    faibles = [p for p in paires if p["vocabulaire"] == "faible"]
    assert len(paires) >= 40
    assert len(faibles) >= 20
    assert len(faibles) * 2 >= len(paires), "la moitié des paires doit avoir peu de mots communs"
    assert len(donnees(nom)["negatives"]) >= JEUX[nom].negatives


@parametre_jeu
@pytest.mark.parametrize("genre", ["paires", "negatives"])
def test_identifiants_et_textes_des_exemples(nom: str, genre: str) -> None:
    textes = _textes(nom)
    for paire in donnees(nom)[genre]:
        for cote in ("a", "b"):
            element = paire[cote]
            assert element in textes, f"{element} absent des exemples"
            assert paire[f"texte_{cote}"] == textes[element], element
        assert paire["a"].split("/")[0] in JEUX[nom].cote_a
        assert paire["b"].split("/")[0] in JEUX[nom].cote_b
        assert paire["raison"].strip()


@parametre_jeu
def test_champs_et_coherence(nom: str) -> None:
    jeu = donnees(nom)
    positives = {(p["a"], p["b"]) for p in jeu["paires"]}
    negatives = {(p["a"], p["b"]) for p in jeu["negatives"]}
    assert len(positives) == len(jeu["paires"]), "paire en double"
    assert len(negatives) == len(jeu["negatives"]), "paire négative en double"
    assert not positives & negatives
    for paire in jeu["paires"]:
        assert paire["vocabulaire"] in {"commun", "faible"}
    # every source and every target is represented
    assert {p["a"].split("/")[0] for p in jeu["paires"]} == JEUX[nom].cote_a
    assert {p["b"].split("/")[0] for p in jeu["paires"]} == JEUX[nom].cote_b


@parametre_jeu
def test_faible_partage_moins_de_mots_que_commun(nom: str) -> None:
    """The labels mean something: low-vocabulary pairs share fewer words than the others."""
    from rapidfuzz import fuzz

    from projterr.normalize import normaliser

    def moyenne(vocabulaire: str) -> float:
        scores = [
            fuzz.token_set_ratio(normaliser(p["texte_a"]), normaliser(p["texte_b"]))
            for p in donnees(nom)["paires"]
            if p["vocabulaire"] == vocabulaire
        ]
        return sum(scores) / len(scores)

    assert moyenne("faible") < moyenne("commun")
