"""Test-session rules: a skipped test fails the run; hypothesis is deterministic in CI.

Every test uses only what is in the repository, so a skip can only hide a test that did not
run; CI (and anyone running the README's test command) must see it fail instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

sys.path.insert(0, str(Path(__file__).parent))

# The CLI sizes its terminal output on COLUMNS when it is set; pytest-xdist's workers (and a
# developer's shell) may set it, so the tests read outputs as a file would receive them.
os.environ.pop("COLUMNS", None)
os.environ.pop("LINES", None)

# In CI, hypothesis draws the same examples at every run (its « derandomize » mode): a
# submission is judged on its own code, not on the luck of the draw; the property tests keep
# exploring new examples on developers' machines, where a failure is kept in .hypothesis/ and
# then written down as an @example.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    sautes = terminalreporter.stats.get("skipped", [])
    if sautes:
        terminalreporter.write_line(
            f"ERREUR : {len(sautes)} test(s) sauté(s) ; chaque test doit tourner sur un simple "
            "clone du dépôt :",
            red=True,
        )
        for rapport in sautes:
            terminalreporter.write_line(f"  {rapport.nodeid} : {rapport.longrepr}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and reporter.stats.get("skipped") and exitstatus == 0:
        session.exitstatus = 1
