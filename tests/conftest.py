"""Test-session rules: a skipped test fails the run.

Every test uses only what is in the repository, so a skip can only hide a test that did not
run; CI (and anyone running the README's test command) must see it fail instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


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
