"""Benchmark of `projterr diff`: synthetic documents of 1,000, 10,000 and 100,000 actions,
every action with a full fiche (description, objectifs, pilots, partners, funders, budget,
statut, dates, indicators).

The new version changes 5 % of the actions, 1 % for each kind (added, deleted, reworded,
moved, moved and reworded), edits a fiche field of another 5 % (statut, a partner, a
description paragraph, an amount), rewrites the title of 5 % of the objectives and inserts an
objective at the top of 5 % of the objectifs stratégiques (which renumbers their other
objectives). Ids are content hashes, as an import of text gives. Times cover the diff only
(alignment + change records), not the import; each size runs several times.

    python bench/bench_diff.py             # 1k, 10k, 100k
    python bench/bench_diff.py 2000 20000  # other sizes
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import statistics
import sys
import time

from projterr.diff import comparer
from projterr.ids import Identifiants
from projterr.model import STATUTS_ACTION, Action, Document, Financement, Noeud, Projet, Territoire

ACTIONS_PAR_OBJECTIF = 10
PILIERS, OS_PAR_PILIER = 10, 10


def _vocabulaire(rng: random.Random, taille: int = 4000) -> list[str]:
    syllabes = [c + v for c in "bcdfglmnprstv" for v in ("a", "e", "i", "o", "u", "é", "ou", "an")]
    return ["".join(rng.choice(syllabes) for _ in range(rng.randint(2, 4))) for _ in range(taille)]


class _Textes:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.mots = _vocabulaire(rng)
        self.liaisons = ["de la", "des", "du", "pour les", "avec les", "sur le", "et", "à"]

    def phrase(self, n_min: int = 8, n_max: int = 16) -> str:
        mots = []
        for k in range(self.rng.randint(n_min, n_max)):
            if k and self.rng.random() < 0.3:
                mots.append(self.rng.choice(self.liaisons))
            mots.append(self.rng.choice(self.mots))
        return " ".join(mots).capitalize() + "."

    def reformuler(self, texte: str) -> str:
        mots = texte.rstrip(".").split()
        for _ in range(max(1, len(mots) // 8)):
            mots[self.rng.randrange(len(mots))] = self.rng.choice(self.mots)
        return " ".join(mots) + "."


PARTENAIRES = ["Région Grand Est", "ADEME", "Département", "Banque des Territoires", "CCI"]


def fiche(textes: _Textes, texte: str, id_: str) -> Action:
    """An action with every fiche field filled, as a Territoires en Transitions plan has."""
    rng = textes.rng
    return Action(
        id=id_,
        texte=texte,
        description=[textes.phrase(15, 30), textes.phrase(15, 30)],
        objectifs=[textes.phrase(6, 10)],
        resultats_attendus=[textes.phrase(6, 10)],
        cibles=["Habitants", "Communes"],
        indicateurs=[textes.phrase(4, 8), textes.phrase(4, 8)],
        gouvernance=["Comité de pilotage"],
        moyens=["0,5 ETP chargé de mission"],
        structures_pilotes=["PETR"],
        services_pilotes=["Pôle transition"],
        personnes_pilotes=["Chargée de mission"],
        elus_referents=["Vice-président"],
        partenaires=rng.sample(PARTENAIRES, 2),
        participation_citoyenne="concertation",
        modalites_financement=[textes.phrase(5, 9)],
        financements=[Financement(financeur="ADEME", montant=rng.randint(1, 90) * 1000)],
        budget=rng.randint(10, 900) * 1000,
        statut=rng.choice(STATUTS_ACTION),
        priorite="Moyen",
        date_debut=dt.date(2025, rng.randint(1, 12), 1),
        date_fin=dt.date(2028, 12, 31),
        echeance="2028",
    )


def document(n_actions: int, graine: int = 1) -> tuple[Projet, _Textes]:
    rng = random.Random(graine)
    textes = _Textes(rng)
    ids = Identifiants()
    oo_par_os = max(1, n_actions // (PILIERS * OS_PAR_PILIER * ACTIONS_PAR_OBJECTIF))
    piliers = []
    for p in range(1, PILIERS + 1):
        oss = []
        for o in range(1, OS_PAR_PILIER + 1):
            oos = []
            for q in range(1, oo_par_os + 1):
                titre = textes.phrase(5, 10)
                actions = []
                for _ in range(ACTIONS_PAR_OBJECTIF):
                    texte = textes.phrase()
                    actions.append(fiche(textes, texte, ids.action(texte, titre)))
                oos.append(
                    Noeud(
                        id=ids.noeud("objectif_operationnel", titre),
                        numero=f"{p}.{o}.{q}",
                        type="objectif_operationnel",
                        titre=titre,
                        actions=actions,
                    )
                )
            titre = textes.phrase(5, 10)
            oss.append(
                Noeud(
                    id=ids.noeud("objectif_strategique", titre),
                    numero=str(o),
                    type="objectif_strategique",
                    titre=titre,
                    enfants=oos,
                )
            )
        titre = textes.phrase(4, 8)
        piliers.append(
            Noeud(
                id=ids.noeud("pilier", titre),
                type="pilier",
                numero=str(p),
                titre=titre,
                enfants=oss,
            )
        )
    projet = Projet(
        territoire=Territoire(nom="Banc d'essai"),
        document=Document(titre=f"{n_actions} actions"),
        contenu=piliers,
    )
    return projet, textes


def revision(projet: Projet, textes: _Textes) -> tuple[Projet, dict[str, int]]:
    rng = textes.rng
    ids = Identifiants()
    nouveau = projet.model_copy(deep=True)
    oos = [n for _, n in nouveau.noeuds() if n.type == "objectif_operationnel"]
    faits = dict.fromkeys(
        (
            "ajout",
            "suppression",
            "modification",
            "deplacement",
            "deplacement+modification",
            "titre",
            "insertion",
            "champ",
        ),
        0,
    )
    deplacees = []
    for oo in oos:
        garder = []
        for action in oo.actions:
            tirage = rng.random()
            if tirage < 0.01:
                faits["suppression"] += 1
                continue
            if tirage < 0.02:
                action.texte = textes.reformuler(action.texte)
                action.id = ids.action(action.texte, "modifiée")
                faits["modification"] += 1
            elif tirage < 0.03:
                deplacees.append(action)
                faits["deplacement"] += 1
                continue
            elif tirage < 0.04:
                action.texte = textes.reformuler(action.texte)
                action.id = ids.action(action.texte, "déplacée")
                deplacees.append(action)
                faits["deplacement+modification"] += 1
                continue
            elif tirage < 0.09:
                champ = rng.choice(["statut", "partenaires", "description", "financements"])
                if champ == "statut":
                    action.statut = "Réalisé" if action.statut != "Réalisé" else "En cours"
                elif champ == "partenaires":
                    action.partenaires = [*action.partenaires, "Communes"]
                elif champ == "description":
                    action.description = [textes.reformuler(action.description[0])]
                else:
                    action.financements = [Financement(financeur="ADEME", montant=1)]
                faits["champ"] += 1
            garder.append(action)
            if tirage > 0.99:
                texte = textes.phrase()
                garder.append(fiche(textes, texte, ids.action(texte, "nouvelle")))
                faits["ajout"] += 1
        oo.actions = garder
        if rng.random() < 0.05:
            oo.titre = textes.reformuler(oo.titre)
            oo.id = ids.noeud(oo.type, oo.titre, None, "retitré")
            faits["titre"] += 1
    for action in deplacees:
        rng.choice(oos).actions.append(action)
    for _, os_ in list(nouveau.noeuds()):
        if os_.type == "objectif_strategique" and rng.random() < 0.05:  # 5 % of them
            titre = textes.phrase(5, 10)
            prefixe = os_.enfants[0].numero.rsplit(".", 1)[0] if os_.enfants else "0"
            os_.enfants.insert(
                0,
                Noeud(
                    id=ids.noeud("objectif_operationnel", titre, None, "insérée"),
                    type="objectif_operationnel",
                    numero=f"{prefixe}.0",
                    titre=titre,
                ),
            )
            for k, oo in enumerate(os_.enfants, start=1):
                oo.numero = f"{prefixe}.{k}"
            faits["insertion"] += 1
    return nouveau, faits


def mesurer(n_actions: int, repetitions: int) -> list[float]:
    ancien, textes = document(n_actions)
    nouveau, faits = revision(ancien, textes)
    durees = []
    rapport = None
    for _ in range(repetitions):
        debut = time.perf_counter()
        rapport = comparer(ancien, nouveau)
        durees.append(time.perf_counter() - debut)
    assert rapport is not None
    n = sum(1 for _ in ancien.actions())
    print(
        f"{n:>6} actions  min {min(durees):6.3f} s  médiane {statistics.median(durees):6.3f} s  "
        f"max {max(durees):6.3f} s  ({repetitions} essais)"
    )
    print(f"        changements faits : {faits}")
    print(f"        résumé du diff    : {rapport.resume()}")
    return durees


def main(tailles: list[int]) -> None:
    medianes = {}
    for taille in tailles:
        repetitions = 5 if taille <= 10_000 else 3
        medianes[taille] = statistics.median(mesurer(taille, repetitions))
    ordre = sorted(medianes)
    for petit, grand in itertools.pairwise(ordre):
        rapport = medianes[grand] / medianes[petit]
        print(f"{grand // petit}× les actions ({petit} → {grand}) : {rapport:.1f}× le temps")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
