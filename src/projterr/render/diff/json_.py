"""The diff as JSON: ``RapportDiff.to_dict()``, the contract other tools read."""

from __future__ import annotations

import json

from projterr.diff.rapport import RapportDiff


def json_(rapport: RapportDiff) -> str:
    return json.dumps(rapport.to_dict(), ensure_ascii=False, indent=2) + "\n"
