"""The benchmark report as JSON: ``RapportBenchmark.to_dict()``, for other tools and tests."""

from __future__ import annotations

import json

from projterr.match.rapport_benchmark import RapportBenchmark


def json_(rapport: RapportBenchmark) -> str:
    return json.dumps(rapport.to_dict(), ensure_ascii=False, indent=2) + "\n"
