"""Start-up time of ``projterr --help`` against ``python -c "import typer"`` (target: ≤ 1.5×).

Usage : python bench/bench_demarrage.py [N]   (N runs of each, interleaved; default 15)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _mesurer(cmd: list[str]) -> float:
    debut = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - debut


def _importtime(cmd: list[str], n: int = 12) -> list[tuple[int, str]]:
    """The ``n`` modules with the largest cumulative import time (µs)."""
    fini = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], capture_output=True, text=True)
    lignes = []
    for ligne in fini.stderr.splitlines():
        if not ligne.startswith("import time:") or "cumulative" in ligne:
            continue
        _, cumul, nom = (p.strip() for p in ligne.removeprefix("import time:").split("|"))
        lignes.append((int(cumul), nom))  # cumulative: a package includes its sub-imports
    return sorted(lignes, reverse=True)[:n]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    python = sys.executable
    mesures: dict[str, list[str]] = {
        "python -c 'import typer'": [python, "-c", "import typer"],
        "python -m projterr --help": [python, "-m", "projterr", "--help"],
    }
    script = Path(python).with_name("projterr")
    if script.exists() and os.access(script, os.X_OK):
        mesures["projterr --help (script)"] = [str(script), "--help"]
    temps: dict[str, list[float]] = {nom: [] for nom in mesures}
    for cmd in mesures.values():  # warm the file cache
        _mesurer(cmd)
    for _ in range(n):
        for nom, cmd in mesures.items():
            temps[nom].append(_mesurer(cmd))

    print(f"Démarrage, {n} exécutions de chaque, entrelacées ({python})")
    for nom, valeurs in temps.items():
        print(
            f"  {nom:<28} min {min(valeurs) * 1000:6.1f} ms   médiane "
            f"{statistics.median(valeurs) * 1000:6.1f} ms   max {max(valeurs) * 1000:6.1f} ms"
        )
    reference = statistics.median(temps["python -c 'import typer'"])
    for nom in list(mesures)[1:]:
        rapport = statistics.median(temps[nom]) / reference
        verdict = "objectif tenu" if rapport <= 1.5 else "objectif manqué"
        print(f"  rapport des médianes {nom} / import typer : {rapport:.2f} (≤ 1,5 : {verdict})")

    print("\nImports les plus coûteux de « python -m projterr --help » (cumul, -X importtime) :")
    for cumul, nom in _importtime([python, "-m", "projterr", "--help"]):
        print(f"  {cumul / 1000:7.1f} ms  {nom}")


if __name__ == "__main__":
    main()
