"""Coverage of ``classify``: how many actions of each example get at least one theme.

Run: ``python bench/bench_classement.py [--echantillon 20] [--graine 8]``. Prints, for each
example document and each shipped référentiel, the actions with at least one theme out of
all actions, then (with ``--echantillon N``) N tags drawn at random over all examples and
référentiels, each with its reason, for a person to judge by hand.
Not a timed test: the figures say how much of a real document the keywords reach.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from projterr.classement import classer
from projterr.referentiels import charger_referentiel, charger_sigles, referentiels_livres
from projterr.yamlio import charger_projet

EXEMPLES = Path(__file__).resolve().parents[1] / "examples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--echantillon", type=int, default=0, help="étiquettes à tirer")
    parser.add_argument("--graine", type=int, default=8, help="graine du tirage")
    args = parser.parse_args()

    sigles = charger_sigles()
    noms = referentiels_livres()
    referentiels = [charger_referentiel(n) for n in noms]
    print(f"{'exemple':<40}" + "".join(f"{n:>10}" for n in noms))
    tirables: list[tuple[str, str, str, str]] = []
    debut = time.perf_counter()
    for chemin in sorted(EXEMPLES.glob("*.yaml")):
        projet = charger_projet(chemin)
        cellules = []
        for ref in referentiels:
            rapport = classer(projet, ref, sigles)
            n, k = len(rapport.actions), len(rapport.classees)
            cellules.append(f"{k}/{n}" if n else "-")
            for action in rapport.actions:
                for trouve in action.themes:
                    tirables.append(
                        (chemin.stem, action.texte, trouve.etiquette, ", ".join(trouve.raisons()))
                    )
        print(f"{chemin.stem:<40}" + "".join(f"{c:>10}" for c in cellules))
    duree = time.perf_counter() - debut
    print(f"\n{len(tirables)} étiquettes posées en {duree:.2f} s (tous exemples × référentiels)")
    if args.echantillon:
        print(f"\nÉchantillon de {args.echantillon} étiquettes (graine {args.graine}) :")
        tirage = random.Random(args.graine).sample(tirables, args.echantillon)
        for i, (exemple, texte, etiquette, raisons) in enumerate(tirage, 1):
            print(f"{i:>2}. [{exemple}] {etiquette} ← {raisons}\n    {texte[:150]}")


if __name__ == "__main__":
    main()
