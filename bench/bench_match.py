"""Time ``match`` on synthetic corpora built from the examples, and check its index.

Run: ``python bench/bench_match.py [--repetitions 3] [--echantillon 200]``.

Synthetic elements are the actions and list items of ``examples/`` with one or two words
dropped and a made-up place name (« à Valmontcourt ») and sometimes a year added, so that a
corpus of 100,000 has the vocabulary of real strategies and many near-ties. Queries are
half perturbed copies of corpus elements, half fresh synthetic elements.

Prints, each scenario in its own process (so that peak memory is its own):

- 100 × 100,000: building the index, saving and loading it, and the 100 queries;
- 10,000 × 10,000: building, then the best match of all 10,000 queries; and how often
  the index's best score equals the brute force's best score over every corpus element
  (on a sample of queries);
- how the time per query grows from a corpus of 10,000 to 100,000;
- the twin corpus of ``bench_jumeaux.py``: projterr beside the TF-IDF + rapidfuzz baseline,
  counterpart-first rate, time, peak memory and the share of pairs at 100 (issue 22).

Times are min / median / max over the repetitions. Targets (issue 8): 100 × 100,000 in
under 3 s, 10,000 × 10,000 in under 30 s with ≥ 99 % of brute force's top-1, peak memory
under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from projterr.match.appariement import Apparieur
from projterr.match.corpus import Corpus, indexer
from projterr.match.elements import Element, elements_a_comparer
from projterr.match.vocabulaire import vocabulaire_livre
from projterr.yamlio import charger_projet

EXEMPLES = Path(__file__).resolve().parents[1] / "examples"
_SYLLABES = [
    "val",
    "mont",
    "cour",
    "ville",
    "bar",
    "le",
    "sur",
    "ey",
    "ro",
    "mi",
    "chel",
    "an",
    "dru",
    "vi",
    "gny",
    "lay",
    "sai",
    "ber",
    "fon",
    "tain",
]


def _textes_exemples() -> list[str]:
    textes = []
    for fichier in sorted(EXEMPLES.glob("*.yaml")):
        textes += [e.texte for e in elements_a_comparer(charger_projet(fichier))]
    return textes


def _lieu(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABES) for _ in range(rng.randint(2, 4))).capitalize()


def _perturber(texte: str, rng: random.Random) -> str:
    mots = texte.split()
    for _ in range(rng.randint(0, 2)):
        if len(mots) > 4:
            del mots[rng.randrange(len(mots))]
    return " ".join(mots)


def _synthetique(base: list[str], rng: random.Random) -> str:
    texte = f"{_perturber(rng.choice(base), rng)} à {_lieu(rng)}"
    if rng.random() < 0.3:
        texte += f" ({rng.randint(2015, 2030)})"
    return texte


def _elements(textes: list[str], prefixe: str) -> list[Element]:
    return [Element("T", prefixe, f"{prefixe}{i}", None, t, "action") for i, t in enumerate(textes)]


def _jeu(n_corpus: int, n_requetes: int, graine: int) -> tuple[list[Element], list[Element]]:
    rng = random.Random(graine)
    base = _textes_exemples()
    corpus = [_synthetique(base, rng) for _ in range(n_corpus)]
    requetes = [
        _perturber(rng.choice(corpus), rng) if i % 2 == 0 else _synthetique(base, rng)
        for i in range(n_requetes)
    ]
    return _elements(corpus, "b"), _elements(requetes, "a")


def _meilleures(apparieur: Apparieur, requetes: list[Element]) -> list[float]:
    meilleurs = []
    for element in requetes:
        paires = apparieur.meilleures(element, top=1, seuil=0)
        meilleurs.append(paires[0].score if paires else 0.0)
    return meilleurs


def _chrono(f):  # type: ignore[no-untyped-def]
    debut = time.perf_counter()
    resultat = f()
    return time.perf_counter() - debut, resultat


def _memoire_mo() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scenario_100k(graine: int) -> dict[str, float]:
    corpus_el, requetes = _jeu(100_000, 100, graine)
    vocabulaire = vocabulaire_livre()
    t_index, corpus = _chrono(lambda: indexer(corpus_el, vocabulaire))
    with tempfile.TemporaryDirectory() as dossier:
        fichier = Path(dossier) / "corpus.idx"
        t_sauver, _ = _chrono(lambda: corpus.sauver(fichier))
        del corpus
        t_charger, corpus = _chrono(lambda: Corpus.charger(fichier))
        taille = fichier.stat().st_size / 1e6
    apparieur = Apparieur(corpus, vocabulaire)
    t_requetes, _ = _chrono(lambda: _meilleures(apparieur, requetes))
    return {
        "index": t_index,
        "sauver": t_sauver,
        "charger": t_charger,
        "requetes": t_requetes,
        "fichier_mo": taille,
        "memoire_mo": _memoire_mo(),
    }


def scenario_10k(graine: int, echantillon: int) -> dict[str, float]:
    corpus_el, requetes = _jeu(10_000, 10_000, graine)
    vocabulaire = vocabulaire_livre()
    t_index, corpus = _chrono(lambda: indexer(corpus_el, vocabulaire))
    apparieur = Apparieur(corpus, vocabulaire)
    t_requetes, meilleurs = _chrono(lambda: _meilleures(apparieur, requetes))
    resultat = {"index": t_index, "requetes": t_requetes, "memoire_mo": _memoire_mo()}
    if echantillon:
        resultat.update(_force_brute(apparieur, requetes, meilleurs, echantillon, graine))
    return resultat


def _force_brute(
    apparieur: Apparieur,
    requetes: list[Element],
    meilleurs: list[float],
    echantillon: int,
    graine: int,
) -> dict[str, float]:
    """Brute force on a sample: every corpus element scored (the scorer keeps the best
    exactly, running rapidfuzz only where a candidate could still win)."""
    rng = random.Random(graine + 1)
    choisis = rng.sample(range(len(requetes)), echantillon)
    profils = [apparieur.vocabulaire.signature(requetes[i].textes) for i in choisis]
    debut = time.perf_counter()
    tous = list(range(len(apparieur.corpus)))
    egaux = 0
    for rang, i in enumerate(choisis):
        (brute,) = apparieur.scorer(requetes[i], tous, profils[rang], garder=1)
        egaux += abs(brute.score - meilleurs[i]) < 1e-6
    return {"accord_top1": egaux / echantillon, "force_brute": time.perf_counter() - debut}


def scenario_croissance(graine: int) -> dict[str, float]:
    """Time per query, the same 200 queries against 10,000 then 100,000 elements."""
    grand, requetes = _jeu(100_000, 200, graine)
    vocabulaire = vocabulaire_livre()
    sortie = {}
    for n in (10_000, 100_000):
        apparieur = Apparieur(indexer(grand[:n], vocabulaire), vocabulaire)
        t, _ = _chrono(lambda apparieur=apparieur: _meilleures(apparieur, requetes))
        sortie[f"ms_par_requete_{n}"] = 1000 * t / len(requetes)
    return sortie


def _lancer(scenario: str, graine: int, echantillon: int) -> dict[str, float]:
    commande = [sys.executable, __file__, "--scenario", scenario, "--graine", str(graine)]
    commande += ["--echantillon", str(echantillon)]
    sortie = subprocess.run(commande, capture_output=True, text=True, check=True).stdout
    return json.loads(sortie.strip().splitlines()[-1])


def _stats(valeurs: list[float]) -> str:
    return f"{min(valeurs):.2f} / {statistics.median(valeurs):.2f} / {max(valeurs):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--echantillon", type=int, default=200, help="requêtes en force brute")
    parser.add_argument("--graine", type=int, default=8)
    parser.add_argument("--scenario", choices=["100k", "10k", "croissance"])
    parser.add_argument(
        "--sans-jumeaux", action="store_true", help="sans le corpus jumeau (issue 22)"
    )
    args = parser.parse_args()
    if args.scenario:
        if args.scenario == "100k":
            resultat = scenario_100k(args.graine)
        elif args.scenario == "10k":
            resultat = scenario_10k(args.graine, args.echantillon)
        else:
            resultat = scenario_croissance(args.graine)
        print(json.dumps(resultat))
        return

    runs = {"100k": [], "10k": [], "croissance": []}  # type: dict[str, list[dict[str, float]]]
    for r in range(args.repetitions):
        for nom in runs:
            echantillon = args.echantillon if (nom == "10k" and r == 0) else 0
            runs[nom].append(_lancer(nom, args.graine + r, echantillon))

    def col(nom: str, cle: str) -> list[float]:
        return [run[cle] for run in runs[nom] if cle in run]

    print(f"match, min / médiane / max sur {args.repetitions} exécutions (secondes)")
    print("100 requêtes × 100 000 éléments")
    print(f"  construire l'index        {_stats(col('100k', 'index'))}")
    print(
        f"  l'enregistrer (--index)   {_stats(col('100k', 'sauver'))}"
        f"   ({statistics.median(col('100k', 'fichier_mo')):.0f} Mo)"
    )
    print(f"  le recharger              {_stats(col('100k', 'charger'))}")
    print(f"  les 100 requêtes          {_stats(col('100k', 'requetes'))}")
    charges, requetes = col("100k", "charger"), col("100k", "requetes")
    rechargees = [c + q for c, q in zip(charges, requetes, strict=True)]
    print(f"  index rechargé + requêtes {_stats(rechargees)}   (objectif < 3 s)")
    print(f"  mémoire maximale          {max(col('100k', 'memoire_mo')):.0f} Mo")
    print("10 000 requêtes × 10 000 éléments")
    print(f"  construire l'index        {_stats(col('10k', 'index'))}")
    print(f"  les 10 000 requêtes       {_stats(col('10k', 'requetes'))}")
    totaux = [i + q for i, q in zip(col("10k", "index"), col("10k", "requetes"), strict=True)]
    print(f"  index + requêtes          {_stats(totaux)}   (objectif < 30 s)")
    print(f"  mémoire maximale          {max(col('10k', 'memoire_mo')):.0f} Mo")
    accord = col("10k", "accord_top1")
    if accord:
        print(
            f"  même meilleur score que la force brute : {100 * accord[0]:.1f} % "
            f"sur {args.echantillon} requêtes (force brute : {col('10k', 'force_brute')[0]:.1f} s)"
        )
    p10, p100 = (
        col("croissance", "ms_par_requete_10000"),
        col("croissance", "ms_par_requete_100000"),
    )
    print("croissance, temps par requête (ms)")
    print(f"  corpus de 10 000          {_stats(p10)}")
    print(f"  corpus de 100 000         {_stats(p100)}")
    print(f"  rapport 100k / 10k        {statistics.median(p100) / statistics.median(p10):.1f}")
    if not args.sans_jumeaux:
        _jumeaux()


def _jumeaux() -> None:
    """The twin corpus of bench_jumeaux.py: projterr beside the TF-IDF + rapidfuzz baseline,
    in one run (the baseline needs scikit-learn; without it, projterr alone, said so)."""
    import importlib.util

    import bench_jumeaux

    methodes = ["projterr"]
    if importlib.util.find_spec("sklearn") is not None:
        methodes.append("baseline")
    print("corpus jumeau, 10 000 actions contre 100 documents de 100 (bench_jumeaux.py)")
    for methode in methodes:
        m = bench_jumeaux._dans_un_processus(methode, 10_000, 1)
        ligne = (
            f"  {methode:<9} contrepartie en premier {100 * m['premier']:5.1f} %   "
            f"{m['secondes']:6.1f} s   mémoire max {m['memoire_mo']:5.0f} Mo"
        )
        if "part_100" in m:
            ligne += f"   paires à 100 (top 3) {100 * m['part_100']:.1f} %"
        print(ligne)
    if len(methodes) == 1:
        print("  (référence TF-IDF non mesurée : pip install scikit-learn)")


if __name__ == "__main__":
    main()
