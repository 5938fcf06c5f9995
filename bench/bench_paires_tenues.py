"""Measure ``match`` on the held-out pairs, next to the tuning pairs, the same way.

Run: ``python bench/bench_paires_tenues.py [--json tests/data/match/mesures_tenues.json]``.
Uses ``projterr.match.evaluation.evaluer`` with the defaults of ``projterr match`` (seuil 40,
top 3) and the référentiels of ``tests/test_match.py``, on ``tests/data/match/paires.yaml``
(used to tune ``match``: optimistic) and ``tests/data/match/paires_tenues.yaml`` (written blind
before any measure: see README_tenues.md). Prints, for each set, rappel@3 and rappel au seuil
per vocabulary half, précision on the labelled pairs, précision stricte, the pairs missed at 3,
then the same figures per source document of the held-out set and with layers taken out.
Measure only: never edit a pair of the held-out set after reading these figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path
from typing import Any

from projterr.match.evaluation import Mesures, evaluer
from projterr.match.vocabulaire import vocabulaire_livre
from projterr.yamlio import charger_yaml

ROOT = Path(__file__).resolve().parents[1]
DOSSIER = ROOT / "tests" / "data" / "match"
SEUIL = 40.0  # the default of projterr match


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def _ligne(nom: str, m: Mesures) -> str:
    return (
        f"{nom} ({m.effectifs['commun']} commun, {m.effectifs['faible']} faible) — "
        f"rappel@3 : commun {_pct(m.rappel_a_3['commun'])}, faible {_pct(m.rappel_a_3['faible'])}, "
        f"tout {_pct(m.rappel_a_3['tout'])} ; rappel au seuil : commun {_pct(m.rappel['commun'])}, "
        f"faible {_pct(m.rappel['faible'])}, tout {_pct(m.rappel['tout'])} ; précision (paires "
        f"annotées) {_pct(m.precision_annotee)}, précision stricte {_pct(m.precision_stricte)}"
    )


def _sous_jeu(source: Path, cote_a: str) -> Path:
    """The pairs of ``source`` whose side a is the document ``cote_a``, as a file beside it
    (``evaluer`` finds the repository from the file's place)."""
    donnees = charger_yaml(source)
    garder = [p for p in donnees["paires"] if p["a"].split("/")[0] == cote_a]
    negatives = [p for p in donnees["negatives"] if p["a"].split("/")[0] == cote_a]
    chemin = DOSSIER / f"_sous_jeu_{cote_a}.json"
    chemin.write_text(
        json.dumps(
            {
                "documents": dict(donnees["documents"]),
                "paires": [dict(p) for p in garder],
                "negatives": [dict(p) for p in negatives],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return chemin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", type=Path, help="écrire les chiffres dans ce fichier")
    args = parser.parse_args()

    sortie: dict[str, Any] = {
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
        "seuil": SEUIL,
        "top": 3,
    }
    for nom in ("paires.yaml", "paires_tenues.yaml"):
        m = evaluer(DOSSIER / nom, vocabulaire_livre(), SEUIL)
        print(_ligne(nom, m))
        for a, b, moitie, rang in m.manques:
            print(f"  manquée à 3 ({moitie}) : {a} → {b}, rang {rang or 'hors candidats'}")
        entree = m.to_dict()
        entree["manquees_a_3"] = [list(x) for x in m.manques]
        entree["sans_couche"] = {}
        for titre, couches in (
            ("mots seuls", ()),
            ("sans thésaurus", ("sigles", "themes")),
            ("sans thèmes", ("sigles", "thesaurus")),
        ):
            mm = evaluer(DOSSIER / nom, vocabulaire_livre(couches), SEUIL)
            print("  " + _ligne(titre, mm))
            entree["sans_couche"][titre] = mm.to_dict()
        sortie[nom] = entree

    par_source = {}
    for cote_a in ("cls", "at"):
        chemin = _sous_jeu(DOSSIER / "paires_tenues.yaml", cote_a)
        try:
            m = evaluer(chemin, vocabulaire_livre(), SEUIL)
        finally:
            chemin.unlink()
        print("  " + _ligne(f"paires_tenues.yaml, côté a = {cote_a}", m))
        par_source[cote_a] = m.to_dict()
    sortie["paires_tenues.yaml"]["par_source"] = par_source

    if args.json:
        args.json.write_text(
            json.dumps(sortie, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
