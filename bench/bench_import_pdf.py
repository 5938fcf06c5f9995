"""Import time and peak memory of a ~100-page PDF built from the five seeds (reportlab).

The PDF is generated (running header, « Page N / M » footer, symbol bullets and arrows, as the
test PDFs), then imported N times in this process; the figures are min / median / max of the
runs, and the peak of Python allocations (tracemalloc) during one import.

Usage : python bench/bench_import_pdf.py [--pages 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "tests"))  # the PDF builder the tests use

from mesure_import import mesurer_import  # noqa: E402

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

    data, pages = _pdf(args.pages)
    mesure = mesurer_import(data, ".pdf", args.runs)
    print(f"PDF de {pages} pages ({len(data) / 1e6:.1f} Mo) : {mesure.resume()}")
    print(f"import : {mesure.temps(pages)}")
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(
        f"mémoire : pic des allocations Python d'un import {mesure.pic / 1e6:.0f} Mo "
        "(tracemalloc) ; "
        f"pic du processus entier {rss:.0f} Mo (génération du PDF comprise)"
    )


if __name__ == "__main__":
    main()
