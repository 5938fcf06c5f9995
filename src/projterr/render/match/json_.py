"""The match report as JSON: ``RapportMatch.to_dict()``, the contract other tools read."""

from __future__ import annotations

import json

from projterr.match.rapport import RapportMatch


def json_(rapport: RapportMatch) -> str:
    return json.dumps(rapport.to_dict(), ensure_ascii=False, indent=2) + "\n"
