"""Time ``check`` on synthetic documents of 1,000 and 10,000 actions.

Run: ``python bench/bench_check.py [--repetitions 5]``. Prints min / median / max over the
runs for the whole check, then the median per rule for the largest document.
Target: 10,000 actions in well under 2 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from projterr.check import REGLES, verifier_projet
from projterr.check.regle import Contexte
from projterr.model import Action, Document, Noeud, Projet, Territoire
from projterr.referentiels import charger_sigles

_RACINES = [
    "developp",
    "soutien",
    "mobilit",
    "energ",
    "habitat",
    "sant",
    "cultur",
    "touris",
    "agricult",
    "aliment",
    "emploi",
    "format",
    "jeuness",
    "numer",
    "commerc",
    "artisan",
    "patrimoin",
    "paysag",
    "biodivers",
    "eau",
    "dechet",
    "sobri",
    "renov",
    "chaleur",
    "bois",
    "solair",
    "eolien",
    "methan",
    "velo",
    "covoitur",
    "transport",
    "servic",
    "ecol",
    "creche",
    "senior",
    "handicap",
    "logement",
    "friche",
    "foncier",
    "zone",
    "entrepris",
    "industri",
    "innov",
    "recherch",
    "associat",
    "benevol",
    "sport",
    "loisir",
    "musee",
    "bibliothe",
    "theatr",
    "festival",
    "marche",
    "circuit",
]
_SUFFIXES = ("er", "ement", "ique", "ite", "ation", "eur", "ale", "iste", "ance", "oir")
_OUTILS = [
    "le",
    "la",
    "les",
    "des",
    "du",
    "de",
    "en",
    "pour",
    "avec",
    "sur",
    "dans",
    "et",
    "à",
    "au",
    "aux",
    "un",
    "une",
]
_SIGLES = ["PETR", "EPCI", "PCAET", "PLUi", "CLS", "PAT", "LEADER", "SCoT", "CODECOM"]


def _vocabulaire(rng: random.Random, taille: int = 3000) -> list[str]:
    mots = {
        f"{rng.choice(_RACINES)}{rng.choice(_SUFFIXES)}{rng.randint(0, 99)}"
        for _ in range(taille * 2)
    }
    return sorted(mots)[:taille]


def _texte(rng: random.Random, vocabulaire: list[str], poids: list[float]) -> str:
    """6 to 18 words: function words, a few acronyms, and content words drawn with Zipf's
    law (s = 1), so the commonest content word appears in about half of the actions, like
    « développer » or « territoire » in a real strategy."""
    n = rng.randint(6, 18)
    mots = []
    for _ in range(n):
        tirage = rng.random()
        if tirage < 0.35:
            mots.append(rng.choice(_OUTILS))
        elif tirage < 0.40:
            mots.append(rng.choice(_SIGLES))
        else:
            mots.append(rng.choices(vocabulaire, cum_weights=poids)[0])
    texte = " ".join(mots)
    return texte[:1].upper() + texte[1:]  # str.capitalize would lower the acronyms


def _poids(taille: int) -> list[float]:
    cumul, total = [], 0.0
    for rang in range(1, taille + 1):
        total += 1.0 / rang
        cumul.append(total)
    return cumul


def document(nb_actions: int, graine: int = 0) -> Projet:
    """4 levels like the Cœur de Lorraine seed, 10 actions per objectif opérationnel,
    with 1 % exact copies and 1 % lightly edited copies (near-duplicates)."""
    rng = random.Random(graine)
    vocabulaire = _vocabulaire(rng)
    poids = _poids(len(vocabulaire))
    par_oo = 10
    nb_oo = max(1, nb_actions // par_oo)
    cote = max(1, round(nb_oo ** (1 / 3)))
    textes: list[str] = []
    piliers: list[Noeud] = []
    compte = 0
    p = 0
    while compte < nb_actions:
        p += 1
        pilier = Noeud(
            id=f"p{p}", type="pilier", numero=str(p), titre=_texte(rng, vocabulaire, poids)
        )
        for o in range(1, cote + 1):
            os_ = Noeud(
                id=f"p{p}-os{o}",
                type="objectif_strategique",
                numero=str(o),
                titre=_texte(rng, vocabulaire, poids),
            )
            for k in range(1, cote + 1):
                oo = Noeud(
                    id=f"p{p}-os{o}-oo{k}",
                    type="objectif_operationnel",
                    numero=f"{p}.{o}.{k}",
                    titre=_texte(rng, vocabulaire, poids),
                )
                for _ in range(par_oo):
                    if compte >= nb_actions:
                        break
                    if textes and rng.random() < 0.01:
                        texte = rng.choice(textes)
                    elif textes and rng.random() < 0.01:
                        texte = rng.choice(textes) + " " + rng.choice(_OUTILS)
                    else:
                        texte = _texte(rng, vocabulaire, poids)
                    textes.append(texte)
                    oo.actions.append(Action(id=f"a{compte}", texte=texte))
                    compte += 1
                os_.enfants.append(oo)
            pilier.enfants.append(os_)
        piliers.append(pilier)
    return Projet(
        territoire=Territoire(nom="Banc d'essai"),
        document=Document(titre="Document synthétique"),
        contenu=piliers,
    )


def _chrono(fonction: object, repetitions: int) -> list[float]:
    durees = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()  # type: ignore[operator]
        durees.append(time.perf_counter() - debut)
    return durees


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()
    sigles = charger_sigles()
    projets = {}
    for taille in (1_000, 10_000):
        projet = document(taille)
        projets[taille] = projet
        nb = sum(1 for _ in projet.actions())
        durees = []
        for _ in range(args.repetitions):
            debut = time.perf_counter()
            trouves = verifier_projet(projet, sigles=sigles)
            durees.append(time.perf_counter() - debut)
        print(
            f"check, {nb:>6} actions : min {min(durees):.3f} s, "
            f"médiane {statistics.median(durees):.3f} s, max {max(durees):.3f} s "
            f"({len(trouves)} constats)"
        )
    projet = projets[10_000]
    print("par étape, 10 000 actions (médiane) :")

    def parcours() -> Contexte:
        ctx = Contexte(projet, "banc", sigles)
        ctx.noeuds, ctx.actions, ctx.textes_actions, ctx.numerotation  # noqa: B018
        return ctx

    durees = _chrono(parcours, args.repetitions)
    print(f"  parcours, textes normalisés, numérotation : {statistics.median(durees):.3f} s")
    for r in REGLES:
        temps = []
        for _ in range(args.repetitions):
            ctx = parcours()
            debut = time.perf_counter()
            list(r.verifier(ctx))
            temps.append(time.perf_counter() - debut)
        print(f"  {r.code} {r.nom:<22} {statistics.median(temps):.3f} s")


if __name__ == "__main__":
    main()
