"""Time and memory of every bad input of the corpus (tests/test_mauvais_fichiers.py), each
command in its own process, as a user runs it.

Run: ``python bench/bench_mauvais_fichiers.py [--commandes import,check,diff,export]``; the
commands are those of the test, with the same arguments.

Prints the slowest cases (wall time and peak resident memory of the process, which includes
the Python interpreter and projterr's imports), then min / median / max over the corpus.
The test checks each case's exit code, message and time bound; this script says what each
costs, which a test must not assert.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _preparer(dossier: str, commandes: list[str]) -> list[tuple[str, str, list[str]]]:
    """Write the corpus and give each run's (file, command, arguments), as the test runs them.

    Called in a process of its own: this one stays small (the standard library only), and
    the memory a command's process reports is its own, not a copy of ours (Linux counts the
    parent's resident memory forked into the child as the child's)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_mauvais_fichiers import COMMANDES, CORPUS, ecrire_corpus

    ecrire_corpus(Path(dossier))
    return [
        (nom, commande, COMMANDES[commande](Path(dossier) / nom, Path(dossier)))
        for nom in CORPUS
        for commande in commandes
    ]


def _mesurer(arguments: list[str]) -> tuple[int, float, float]:
    """Exit code, seconds, peak memory (MB) of one projterr process."""
    debut = time.perf_counter()
    processus = subprocess.Popen(
        [sys.executable, "-m", "projterr", *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, statut, usage = os.wait4(processus.pid, 0)
    duree = time.perf_counter() - debut
    processus.returncode = os.waitstatus_to_exitcode(statut)
    return processus.returncode, duree, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--commandes", default="import,check,diff,export")
    parser.add_argument("--pires", type=int, default=8, help="nombre de cas les plus lents")
    args = parser.parse_args()
    commandes = args.commandes.split(",")
    mesures: list[tuple[float, float, str, str, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            travaux = pool.apply(_preparer, (tmp, commandes))
        for nom, commande, arguments in travaux:
            code, duree, memoire = _mesurer(arguments)
            mesures.append((duree, memoire, nom, commande, code))
    fichiers = len({nom for nom, _, _ in travaux})
    print(f"{fichiers} fichiers × {len(commandes)} commandes = {len(mesures)} exécutions")
    print(f"\nLes {args.pires} plus lents (secondes, mémoire maximale du processus en Mo) :")
    for duree, memoire, nom, commande, code in sorted(mesures, reverse=True)[: args.pires]:
        print(f"  {duree:6.2f} s  {memoire:6.0f} Mo  code {code}  {commande:7} {nom}")
    durees = [m[0] for m in mesures]
    memoires = [m[1] for m in mesures]
    print(
        f"\ntemps : min {min(durees):.2f} / médiane {statistics.median(durees):.2f} / "
        f"max {max(durees):.2f} s"
    )
    print(
        f"mémoire : min {min(memoires):.0f} / médiane {statistics.median(memoires):.0f} / "
        f"max {max(memoires):.0f} Mo"
    )
    autres = [m for m in mesures if m[4] != 2]
    if autres:
        print(f"\nATTENTION : {len(autres)} exécution(s) sans le code 2 :")
        for duree, _, nom, commande, code in autres:
            print(f"  code {code}  {commande} {nom} ({duree:.2f} s)")


if __name__ == "__main__":
    main()
