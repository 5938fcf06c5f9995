"""The held-out pairs for `match` (tests/data/match/paires_tenues.yaml) stay true to the examples.

This set was written blind, before any measure, on other document pairs than paires.yaml
(see tests/data/match/README_tenues.md). Its form and faithfulness to the examples are
checked with paires.yaml's, in test_paires_match.py; here, what is its own: no document pair
of the tuning set, and the figures `match` gets on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from projterr.yamlio import charger_yaml
from test_paires_match import donnees

ROOT = Path(__file__).resolve().parents[1]
TENUES = ROOT / "tests" / "data" / "match" / "paires_tenues.yaml"
PAIRES = ROOT / "tests" / "data" / "match" / "paires.yaml"


def _donnees() -> Any:
    return donnees(TENUES.name)


def test_documents_autres_que_le_jeu_de_reglage() -> None:
    """Held out means held out: no document pair of paires.yaml, no document of its side a."""
    reglage = charger_yaml(PAIRES)
    fichiers_reglage_a = {
        reglage["documents"][p["a"].split("/")[0]] for p in reglage["paires"] + reglage["negatives"]
    }
    couples_reglage = {
        (reglage["documents"][p["a"].split("/")[0]], reglage["documents"][p["b"].split("/")[0]])
        for p in reglage["paires"] + reglage["negatives"]
    }
    documents = _donnees()["documents"]
    for paire in _donnees()["paires"] + _donnees()["negatives"]:
        fichier_a = documents[paire["a"].split("/")[0]]
        fichier_b = documents[paire["b"].split("/")[0]]
        assert fichier_a not in fichiers_reglage_a, paire["a"]
        assert (fichier_a, fichier_b) not in couples_reglage, (paire["a"], paire["b"])


# --- what match does on the held-out pairs (measured after the set was committed) -------


def test_chiffres_sur_les_paires_tenues() -> None:
    """Report the held-out figures; the floors only catch a regression, they are no target.

    Measured after the set was committed (see README_tenues.md and mesures_tenues.json):
    rappel@3 commun 82 %, faible 35 % ; précision (paires annotées) 89 %. Never edit a pair
    of the held-out set to move these figures.
    """
    from projterr.match.evaluation import evaluer
    from projterr.match.vocabulaire import vocabulaire_livre

    m = evaluer(TENUES, vocabulaire_livre(), 40.0)

    def pct(x: float) -> str:
        return f"{100 * x:.0f} %"

    print(
        f"\nmatch sur les paires tenues, seuil 40, top 3 — rappel@3 : commun "
        f"{pct(m.rappel_a_3['commun'])}, faible {pct(m.rappel_a_3['faible'])}, tout "
        f"{pct(m.rappel_a_3['tout'])} ; rappel au seuil : commun {pct(m.rappel['commun'])}, "
        f"faible {pct(m.rappel['faible'])} ; précision (paires annotées) "
        f"{pct(m.precision_annotee)}, précision stricte {pct(m.precision_stricte)}"
    )
    assert m.effectifs == {"commun": 22, "faible": 23, "tout": 45}
    assert m.rappel_a_3["commun"] >= 0.75
    assert m.rappel_a_3["faible"] >= 0.30
    assert m.precision_annotee >= 0.85
