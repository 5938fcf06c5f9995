"""Benchmark of `projterr export`: a synthetic projet of 10,000 actions to a Word file.

10 piliers × 10 objectifs stratégiques × 10 objectifs opérationnels × 10 actions. One action in
ten has a full fiche (description, objectifs, pilotes, partenaires, two financements, budget,
dates, statut, indicateurs, one sous-action), so the document has about 1,000 tables; the others
are list items naming a partner. The time covers building the document and saving it (what the
command does after loading the YAML); three runs, min / median / max.

Then the redline (`diff -f docx`) of that projet against a revision where 5 % of the actions
changed (1 % each: reworded, deleted, added, a fiche field changed, moved to another
objective): diff, both versions written, blocks compared, saved.

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

from projterr.diff import comparer
from projterr.export import document_projet, enregistrer
from projterr.export.redline import rendre_docx
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


def revision(ancien: Projet, graine: int = 7) -> tuple[Projet, dict[str, int]]:
    """The same projet with 5 % of its actions changed, 1 % for each kind of change."""
    rng = random.Random(graine)
    nouveau = ancien.model_copy(deep=True)
    objectifs = [n for _, n in nouveau.noeuds() if n.actions]
    faits = dict.fromkeys(("reformulée", "supprimée", "ajoutée", "champ", "déplacée"), 0)
    deplacees = []
    for objectif in objectifs:
        garder = []
        for action in objectif.actions:
            tirage = rng.random()
            if tirage < 0.01:
                action.texte = action.texte.replace(" ", " vraiment ", 1)
                faits["reformulée"] += 1
            elif tirage < 0.02:
                faits["supprimée"] += 1
                continue
            elif tirage < 0.03:
                action.statut = "Réalisé" if action.statut != "Réalisé" else "En cours"
                action.partenaires = [*action.partenaires, "Région"]
                faits["champ"] += 1
            elif tirage < 0.04:
                deplacees.append(action)
                faits["déplacée"] += 1
                continue
            elif tirage < 0.05:
                garder.append(Action(id=f"{action.id}-n", texte=f"Nouvelle action {rng.random()}"))
                faits["ajoutée"] += 1
            garder.append(action)
        objectif.actions = garder
    for action in deplacees:
        rng.choice(objectifs).actions.append(action)
    return nouveau, faits


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
        nouveau, faits = revision(p)
        durees = []
        for _ in range(3):
            debut = time.perf_counter()
            octets = rendre_docx(comparer(p, nouveau))
            durees.append(time.perf_counter() - debut)
        print(
            f"  redline (5 % changé : {faits}) : min {min(durees):.2f} s · médiane "
            f"{statistics.median(durees):.2f} s · max {max(durees):.2f} s  "
            f"({len(octets) // 1024} Ko)"
        )


if __name__ == "__main__":
    main()
