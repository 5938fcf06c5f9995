"""Benchmark of `projterr export`: a synthetic projet of 10,000 actions to a Word file.

10 piliers × 10 objectifs stratégiques × 10 objectifs opérationnels × 10 actions. One action in
ten has a full fiche (description, objectifs, pilotes, partenaires, two financements, budget,
dates, statut, indicateurs, one sous-action), so the document has about 1,000 tables; the others
are list items naming a partner. The time covers building the document and saving it (what the
command does after loading the YAML); three runs, min / median / max.

    python bench/bench_export.py            # 10,000 actions
    python bench/bench_export.py 2000 50000 # other sizes
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from projterr.export import document_projet, enregistrer
from projterr.model import Action, Document, Financement, Noeud, Projet, Territoire

MOTS = [
    "accompagner",
    "développer",
    "soutenir",
    "structurer",
    "animer",
    "valoriser",
    "créer",
    "renforcer",
    "mobiliser",
    "habitat",
    "mobilité",
    "santé",
    "énergie",
    "tourisme",
    "agriculture",
    "commerce",
    "jeunesse",
    "culture",
    "eau",
    "communes",
    "EPCI",
    "PETR",
    "habitants",
    "entreprises",
    "associations",
    "réseau",
    "filière",
    "diagnostic",
    "étude",
    "territoire",
    "proximité",
    "transition",
    "rénovation",
    "services",
    "équipements",
]


def _phrase(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(MOTS) for _ in range(n)).capitalize() + "."


def _action(rng: random.Random, numero: str, fiche: bool) -> Action:
    if not fiche:
        return Action(id=f"a-{numero}", numero=numero, texte=_phrase(rng), partenaires=["EPCI"])
    return Action(
        id=f"a-{numero}",
        numero=numero,
        texte=_phrase(rng),
        description=[_phrase(rng, 40), _phrase(rng, 30)],
        objectifs=[_phrase(rng, 8), _phrase(rng, 8)],
        structures_pilotes=["PETR"],
        personnes_pilotes=["Chargée de mission"],
        partenaires=["Région Grand Est", "ADEME", "Département"],
        financements=[
            Financement(financeur="Région Grand Est", montant=rng.randint(1, 500) * 1000),
            Financement(financeur="État (DETR)", montant=rng.randint(1, 500) * 1000),
        ],
        budget=rng.randint(100, 2000) * 1000,
        statut="En cours",
        priorite="Moyen",
        date_debut=dt.date(2026, 1, 1),
        date_fin=dt.date(2028, 12, 31),
        indicateurs=[_phrase(rng, 6)],
        sous_actions=[Action(id=f"a-{numero}-1", texte=_phrase(rng, 8))],
    )


def projet(n_actions: int, graine: int = 1) -> Projet:
    rng = random.Random(graine)
    par_oo = 10
    n_oo = max(1, n_actions // (10 * 10 * par_oo))
    piliers = []
    for p in range(1, 11):
        oss = []
        for o in range(1, 11):
            oos = []
            for q in range(1, n_oo + 1):
                numero = f"{p}.{o}.{q}"
                actions = [_action(rng, f"{numero}.{k}", k == 1) for k in range(1, par_oo + 1)]
                oos.append(
                    Noeud(
                        id=f"oo-{numero}",
                        type="objectif_operationnel",
                        numero=numero,
                        titre=_phrase(rng, 8),
                        actions=actions,
                    )
                )
            oss.append(
                Noeud(
                    id=f"os-{p}.{o}",
                    type="objectif_strategique",
                    numero=f"{p}.{o}",
                    titre=_phrase(rng, 8),
                    enfants=oos,
                )
            )
        piliers.append(
            Noeud(id=f"p-{p}", type="pilier", numero=str(p), titre=_phrase(rng, 6), enfants=oss)
        )
    return Projet(
        territoire=Territoire(nom="PETR de démonstration", type="PETR"),
        document=Document(titre="Projet de territoire de démonstration", version="2025"),
        niveaux=["pilier", "objectif_strategique", "objectif_operationnel"],
        contenu=piliers,
    )


def main() -> None:
    tailles = [int(a) for a in sys.argv[1:]] or [10_000]
    for taille in tailles:
        p = projet(taille)
        n = sum(1 for _ in p.actions())
        durees = []
        with tempfile.TemporaryDirectory() as dossier:
            sortie = Path(dossier) / "projet.docx"
            for _ in range(3):
                debut = time.perf_counter()
                enregistrer(document_projet(p), sortie)
                durees.append(time.perf_counter() - debut)
            taille_ko = sortie.stat().st_size // 1024
        print(
            f"{n:>6} actions : min {min(durees):.2f} s · médiane {statistics.median(durees):.2f} s"
            f" · max {max(durees):.2f} s  ({taille_ko} Ko)"
        )


if __name__ == "__main__":
    main()
