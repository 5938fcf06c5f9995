"""``projterr check``: rules with stable codes (PT001…) over a :class:`~projterr.model.Projet`.

One rule per module, each with a code, a dotted name and a French description with an
anti-pattern and a best practice; :mod:`projterr.check.registre` lists them and runs them.
"""

from projterr.check.constat import Constat, RapportCheck
from projterr.check.registre import REGLES, regle, verifier_fichiers, verifier_projet
from projterr.check.regle import SEUIL_SIMILARITE, Contexte, Regle

__all__ = [
    "REGLES",
    "SEUIL_SIMILARITE",
    "Constat",
    "Contexte",
    "RapportCheck",
    "Regle",
    "regle",
    "verifier_fichiers",
    "verifier_projet",
]
