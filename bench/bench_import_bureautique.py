"""Import time and peak memory of a ~100-page Word document and the same in ODT.

The five seeds are written one after the other, as the tests write them (heading styles, list
bullets, one paragraph per paragraph: ``tests/fabrique_bureautique.py``), repeated until the
document holds about ``--pages`` pages of text (500 words a page, a dense A4 page); each file
is then imported N times in this process. Figures: min / median / max of the runs, and the
peak of Python allocations (tracemalloc) during one import.

Usage : python bench/bench_import_bureautique.py [--pages 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "tests"))  # the document builders the tests use

from mesure_import import mesurer_import  # noqa: E402

from fabrique_bureautique import docx_du_plan, odt_du_plan, plan_du_texte  # noqa: E402
from graines import GRAINES  # noqa: E402

MOTS_PAR_PAGE = 500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    # Each seed read with its own profil, then the plans put end to end and repeated.
    plans = [plan_du_texte(g.read_text(encoding="utf-8")) for g in GRAINES]
    base = [p for plan in plans for p in plan.paragraphes]
    mots = sum(len(p.texte.split()) for p in base)
    fois = max(1, -(-args.pages * MOTS_PAR_PAGE // mots))
    plan = plans[0]
    plan.paragraphes = base * fois
    pages = fois * mots / MOTS_PAR_PAGE
    for format_, fabrique in (("docx", docx_du_plan), ("odt", odt_du_plan)):
        data = fabrique(plan, francais=format_ == "odt")
        mesure = mesurer_import(data, f".{format_}", args.runs)
        print(
            f"{format_.upper()} d'environ {pages:.0f} pages ({len(plan.paragraphes)} "
            f"paragraphes, {len(data) / 1e6:.2f} Mo) : {mesure.resume()}"
        )
        print(
            f"  import : {mesure.temps(pages)} ; "
            f"pic des allocations Python {mesure.pic / 1e6:.0f} Mo (tracemalloc)"
        )


if __name__ == "__main__":
    main()
