"""Findings and the report that gathers them: data first, rendered elsewhere."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Constat:
    """One finding of one rule, with where it is: file, line, numero, id, field path."""

    code: str  # stable: PT001…
    regle: str  # short dotted name: numero.doublon…
    message: str  # French, without the element: « numéro en double (…) »
    fichier: str
    ligne: int | None = None  # source or YAML line, when the loader knew it
    numero: str | None = None  # the element's numero as printed
    id: str | None = None  # the element's id
    chemin: str | None = None  # field path: contenu[2].enfants[1].numero
    element: str = ""  # French designation: « objectif opérationnel 3.1.3 »

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def cle_tri(self) -> tuple[Any, ...]:
        return (self.ligne is None, self.ligne or 0, self.code, self.chemin or "")


@dataclass
class RapportCheck:
    """What ``check`` found in one or several files."""

    fichiers: list[str] = field(default_factory=list)
    constats: list[Constat] = field(default_factory=list)

    def ajouter(self, fichier: str, constats: list[Constat]) -> None:
        self.fichiers.append(fichier)
        self.constats.extend(sorted(constats, key=Constat.cle_tri))

    @property
    def fichiers_avec_constats(self) -> list[str]:
        vus = {c.fichier for c in self.constats}
        return [f for f in self.fichiers if f in vus]

    def par_code(self) -> dict[str, int]:
        return dict(sorted(Counter(c.code for c in self.constats).items()))

    def to_records(self) -> list[dict[str, Any]]:
        return [c.to_dict() for c in self.constats]

    def to_dict(self) -> dict[str, Any]:
        return {
            "fichiers": list(self.fichiers),
            "constats": self.to_records(),
            "resume": {
                "constats": len(self.constats),
                "fichiers_controles": len(self.fichiers),
                "fichiers_avec_constats": len(self.fichiers_avec_constats),
                "par_code": self.par_code(),
            },
        }
