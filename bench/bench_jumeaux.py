"""Ranking at corpus scale: projterr ``match`` beside a TF-IDF + rapidfuzz baseline, on a
twin corpus where every action has exactly one counterpart (issue 22).

    python bench/bench_jumeaux.py                         # 10,000 actions, 100 × 100
    python bench/bench_jumeaux.py --actions 2000 --documents 20

The corpus is built from the examples' actions and list items: each action of A joins the
beginning of one example text to the end of another, with a made-up place (« à
Valmontcourt ») and sometimes a year, so that A has the vocabulary of real strategies and
actions that share half their words; its counterpart in B is a light rewording — about 10 %
of its words dropped and 8 % replaced by words of other actions, the place kept — and B is
cut into documents of 100 actions. Every action of A is looked up in the whole of B.

Printed side by side, each method in its own process (so that peak memory is its own):

- the share of actions whose counterpart comes first (``--top 1``);
- the time to index B and look up every action of A, and the peak memory;
- for projterr, the share of the pairs proposed with ``--top 3`` that score 100, which must
  be none here (a score of 100 means the same text, and no counterpart is the same text).

The baseline is the 30-line method the issue measured: scikit-learn's word TF-IDF over B,
the 100 nearest by cosine, re-scored by rapidfuzz's ``token_set_ratio``. It needs
scikit-learn (``pip install scikit-learn``), which projterr does not depend on.
Targets (issue 22): counterpart first for ≥ 98 % of actions, in no more time than the
baseline, peak < 1 GB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match import _lieu, _textes_exemples

from projterr.match.elements import Element

CANDIDATS_BASELINE = 100


def jumeaux(n_actions: int, graine: int) -> tuple[list[Element], list[Element]]:
    """A (n_actions) and B (their counterparts, in documents of 100), same order."""
    rng = random.Random(graine)
    base = _textes_exemples()
    vocabulaire = sorted({m for t in base for m in t.split() if len(m) > 3})
    textes_a: list[str] = []
    textes_b: list[str] = []
    vus: set[str] = set()
    while len(textes_a) < n_actions:
        # the beginning of one example text and the end of another: thousands of distinct
        # actions in the field's vocabulary, some sharing half their words; the place (and
        # year) stays in the rewording, as a person rewording an action keeps where it is
        debut, fin = rng.choice(base).split(), rng.choice(base).split()
        texte = " ".join(debut[: max(2, len(debut) // 2)] + fin[len(fin) // 2 :])
        lieu = f" à {_lieu(rng)}"
        if rng.random() < 0.3:
            lieu += f" ({rng.randint(2015, 2030)})"
        if texte + lieu not in vus:
            vus.add(texte + lieu)
            textes_a.append(texte + lieu)
            textes_b.append(_reformuler(texte, rng, vocabulaire) + lieu)
    a = [
        Element("Territoire A", "Plan A", f"a{i}", None, t, "action")
        for i, t in enumerate(textes_a)
    ]
    b = [
        Element(f"Territoire {i // 100}", f"Plan {i // 100}", f"b{i}", None, t, "action")
        for i, t in enumerate(textes_b)
    ]
    return a, b


def _reformuler(texte: str, rng: random.Random, vocabulaire: list[str]) -> str:
    """About 10 % of the words dropped, 8 % replaced; never the same text."""
    mots = texte.split()
    sortie = []
    for mot in mots:
        tirage = rng.random()
        if tirage < 0.10 and len(mots) > 3:
            continue
        sortie.append(rng.choice(vocabulaire) if tirage < 0.18 else mot)
    if sortie == mots:  # a light rewording, but a rewording
        sortie.insert(rng.randrange(len(sortie) + 1), rng.choice(vocabulaire))
    return " ".join(sortie)


def _memoire_mo() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def mesurer_projterr(n_actions: int, graine: int) -> dict[str, float]:
    from projterr.match.appariement import Apparieur
    from projterr.match.corpus import indexer
    from projterr.match.vocabulaire import vocabulaire_livre

    a, b = jumeaux(n_actions, graine)
    debut = time.perf_counter()
    vocabulaire = vocabulaire_livre()
    apparieur = Apparieur(indexer(b, vocabulaire), vocabulaire)
    premiers = 0
    for k, element in enumerate(a):
        paires = apparieur.meilleures(element, top=1, seuil=0)
        premiers += bool(paires) and paires[0].b.id == f"b{k}"
    duree = time.perf_counter() - debut
    # the share of 100s among the pairs --top 3 proposes (on a sample: the score is the same)
    echantillon = a[:: max(1, len(a) // 1000)]
    proposees = [p for e in echantillon for p in apparieur.meilleures(e, top=3, seuil=40)]
    cent = sum(p.score >= 100 for p in proposees)
    return {
        "premier": premiers / len(a),
        "secondes": duree,
        "memoire_mo": _memoire_mo(),
        "part_100": cent / len(proposees) if proposees else 0.0,
    }


def mesurer_baseline(n_actions: int, graine: int) -> dict[str, float]:
    from rapidfuzz import fuzz
    from sklearn.feature_extraction.text import TfidfVectorizer

    a, b = jumeaux(n_actions, graine)
    debut = time.perf_counter()
    vectoriseur = TfidfVectorizer(analyzer="word", lowercase=True, strip_accents="unicode")
    matrice_b = vectoriseur.fit_transform([e.texte for e in b])
    matrice_a = vectoriseur.transform([e.texte for e in a])
    premiers = 0
    textes_b = [e.texte.lower() for e in b]
    for debut_lot in range(0, len(a), 1000):
        similarites = (matrice_a[debut_lot : debut_lot + 1000] @ matrice_b.T).toarray()
        for i, ligne in enumerate(similarites):
            k = debut_lot + i
            candidats = ligne.argsort()[-CANDIDATS_BASELINE:]
            texte = a[k].texte.lower()
            meilleur = max(candidats, key=lambda j: fuzz.token_set_ratio(texte, textes_b[j]))
            premiers += meilleur == k
    duree = time.perf_counter() - debut
    return {"premier": premiers / len(a), "secondes": duree, "memoire_mo": _memoire_mo()}


def _dans_un_processus(methode: str, n_actions: int, graine: int) -> dict[str, float]:
    code = (
        "import json, sys; sys.path.insert(0, 'bench'); import bench_jumeaux as b; "
        f"print(json.dumps(b.mesurer_{methode}({n_actions}, {graine})))"
    )
    racine = Path(__file__).resolve().parents[1]
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=racine, check=False
    )
    if r.returncode != 0:
        raise SystemExit(f"{methode} : {r.stderr.strip().splitlines()[-1]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=10_000, help="actions in A (and in B)")
    parser.add_argument("--graine", type=int, default=1)
    parser.add_argument("--sans-baseline", action="store_true", help="projterr only")
    args = parser.parse_args()
    print(
        f"corpus jumeau : {args.actions} actions contre {args.actions // 100} documents "
        f"de 100 actions (graine {args.graine})"
    )
    methodes = ["projterr"] if args.sans_baseline else ["projterr", "baseline"]
    for methode in methodes:
        m = _dans_un_processus(methode, args.actions, args.graine)
        ligne = (
            f"{methode:<9} contrepartie en premier {100 * m['premier']:5.1f} %   "
            f"{m['secondes']:6.1f} s   mémoire max {m['memoire_mo']:5.0f} Mo"
        )
        if "part_100" in m:
            ligne += f"   paires à 100 (top 3) {100 * m['part_100']:.1f} %"
        print(ligne)


if __name__ == "__main__":
    main()
