"""match and benchmark give the same answer at every run, whatever Python's string hashing
(PYTHONHASHSEED changes the order of sets of words from one process to the next)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from projterr.ids import Identifiants
from projterr.match.elements import elements_a_comparer
from projterr.model import Action, Document, Noeud, Projet, Territoire
from projterr.yamlio import charger_projet, ecrire_projet

EXEMPLES = Path(__file__).resolve().parent.parent / "examples"


def _documents(dossier: Path, n: int) -> Path:
    """``n`` plans whose actions are the examples' with a word dropped and a place added:
    near-identical texts, so equal scores, the ties a run-dependent sum breaks at random."""
    textes = [
        e.texte
        for fichier in sorted(EXEMPLES.glob("*.yaml"))
        for e in elements_a_comparer(charger_projet(fichier))
    ]
    rng = random.Random(4)
    textes = textes[:40]  # few texts, many places: the same words with another unknown one
    syllabes = ["val", "mont", "cour", "bar", "sur", "ro", "mi", "chel", "an", "dru", "gny"]
    autres = dossier / "autres"
    autres.mkdir()
    for k in range(n + 1):
        ids = Identifiants()
        actions = []
        for _ in range(30):
            mots = rng.choice(textes).split()
            if len(mots) > 4:
                del mots[rng.randrange(len(mots))]
            lieu = "".join(rng.choice(syllabes) for _ in range(3)).capitalize()
            texte = " ".join(mots) + f" à {lieu}"
            actions.append(Action(id=ids.action(texte, str(k)), texte=texte))
        projet = Projet(
            territoire=Territoire(nom=f"Territoire {k}"),
            document=Document(titre=f"Plan {k}"),
            contenu=[Noeud(id="p1", type="pilier", titre="Stratégie", actions=actions)],
        )
        ecrire_projet(projet, dossier / "mien.yaml" if k == 0 else autres / f"t{k:02}.yaml")
    return dossier


def _sortie(args: list[str], graine: int) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": str(graine)}
    resultat = subprocess.run(
        [sys.executable, "-m", "projterr", *args], capture_output=True, env=env, check=False
    )
    assert resultat.returncode == 0, resultat.stderr.decode()
    return resultat.stdout


def test_benchmark_et_match_independants_du_hachage(tmp_path: Path) -> None:
    dossier = _documents(tmp_path, 30)
    mien, autres = str(dossier / "mien.yaml"), str(dossier / "autres")
    for args in (
        ["benchmark", mien, autres, "--referentiel", "crte", "-f", "json"],
        ["match", mien, autres, "-f", "json"],
    ):
        sorties = {_sortie(args, graine) for graine in (1, 2, 3, 4)}
        assert len(sorties) == 1, args[0]
