"""Import time and peak memory of a ~100-page PDF built from the five seeds (reportlab).

The PDF is generated (running header, « Page N / M » footer, symbol bullets and arrows, as the
test PDFs), then imported N times in this process; the figures are min / median / max of the
runs, and the peak of Python allocations (tracemalloc) during one import.

Usage : python bench/bench_import_pdf.py [--pages 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "tests"))  # the PDF builder the tests use

from fabrique_pdf import pdf_du_texte  # noqa: E402
from graines import GRAINES  # noqa: E402


def _pdf(pages: int) -> tuple[bytes, int]:
    """The seeds one after the other, repeated until the PDF has ``pages`` pages or more."""
    import io

    import pdfplumber

    base = "\n\n".join(g.read_text(encoding="utf-8") for g in GRAINES)
    fois = 1
    while True:
        data = pdf_du_texte("\n\n".join([base] * fois), "Banc d'essai projterr — import PDF")
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            n = len(pdf.pages)
        if n >= pages:
            return data, n
        fois = max(fois + 1, round(fois * pages / max(n, 1)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from projterr.importers import importer_fichier

    data, pages = _pdf(args.pages)
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "banc.pdf"
        chemin.write_bytes(data)
        durees = []
        for _ in range(args.runs):
            debut = time.perf_counter()
            resultat = importer_fichier(chemin)
            durees.append(time.perf_counter() - debut)
        tracemalloc.start()
        importer_fichier(chemin)
        _, pic = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    actions = sum(1 for _ in resultat.projet.actions())
    noeuds = sum(1 for _ in resultat.projet.noeuds())
    print(
        f"PDF de {pages} pages ({len(data) / 1e6:.1f} Mo) : {noeuds} niveaux, {actions} actions, "
        f"profil « {resultat.profil} »"
    )
    print(
        f"import : min {min(durees):.2f} s · médiane {statistics.median(durees):.2f} s · "
        f"max {max(durees):.2f} s ({args.runs} essais) ; {pages / statistics.median(durees):.0f} "
        "pages/s"
    )
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(
        f"mémoire : pic des allocations Python d'un import {pic / 1e6:.0f} Mo (tracemalloc) ; "
        f"pic du processus entier {rss:.0f} Mo (génération du PDF comprise)"
    )


if __name__ == "__main__":
    main()
