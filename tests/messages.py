"""What every refusal of projterr looks like on stderr, checked the same way by every CLI test:
one line, « projterr : … », in French, no traceback, no internal error."""

from __future__ import annotations

# Words of Click, Typer, pydantic or Python that must never reach a user.
ANGLAIS = ("Error", "Invalid value", "No such", "Missing", "Did you mean", "Got unexpected",
           "expected", "Traceback", "is not one of", "Input should")  # fmt: skip


def une_ligne_francaise(stderr: str, stdout: str = "") -> str:
    """The single French line of a refusal (the test fails otherwise)."""
    assert "Traceback" not in stderr and "Traceback" not in stdout
    lignes = stderr.splitlines()
    assert len(lignes) == 1, stderr
    ligne = lignes[0]
    assert ligne.startswith("projterr : "), ligne
    assert not any(mot in ligne for mot in ANGLAIS), ligne
    assert "erreur interne" not in ligne, ligne  # a bad input is not a bug
    return ligne
