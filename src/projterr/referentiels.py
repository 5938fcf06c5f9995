"""The one place that loads référentiels: the acronyms (``sigles.yaml``) for now.

Shipped files live in the top-level ``referentiels/`` folder of the repository; a wheel
carries them inside the package as ``projterr/referentiels/`` (pyproject force-includes it).
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from projterr.errors import SchemaInvalide
from projterr.normalize import sans_accents

CATEGORIES = ("dispositif", "structure", "document", "autre")
_CHAMPS = {"expansion", "categorie", "source", "note"}


@dataclass(frozen=True)
class Sigle:
    """One acronym, its expansion and where that expansion comes from."""

    sigle: str
    expansion: str
    categorie: str = "autre"
    source: str | None = None
    note: str | None = None  # doubts about the expansion, homonyms…

    def to_dict(self) -> dict[str, str | None]:
        return {
            "sigle": self.sigle,
            "expansion": self.expansion,
            "categorie": self.categorie,
            "source": self.source,
            "note": self.note,
        }


def cle_sigle(mot: str) -> str:
    """Lookup key of an acronym: upper case, no accents (``PLUi`` → ``PLUI``)."""
    return sans_accents(mot).upper()


class Sigles(Mapping[str, Sigle]):
    """Acronyms by their written form; :meth:`trouver` also forgives case, accents, plurals."""

    def __init__(self, entrees: Mapping[str, Sigle], fichiers: tuple[Path, ...] = ()) -> None:
        self._entrees = dict(entrees)
        self._par_cle = {cle_sigle(s): v for s, v in self._entrees.items()}
        self.fichiers = fichiers

    def __getitem__(self, sigle: str) -> Sigle:
        return self._entrees[sigle]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entrees)

    def __len__(self) -> int:
        return len(self._entrees)

    def trouver(self, mot: str) -> Sigle | None:
        """The entry for ``mot`` as written in a text: ``PLUI``, ``PLUi``, ``EPCIs`` all match."""
        if mot in self._entrees:
            return self._entrees[mot]
        cle = cle_sigle(mot)
        if cle in self._par_cle:
            return self._par_cle[cle]
        if len(cle) > 2 and cle.endswith("S"):  # a plural: « les EPCIs »
            return self._par_cle.get(cle[:-1])
        return None

    def fusionner(self, autres: Sigles) -> Sigles:
        """These acronyms with ``autres`` laid over them (``autres`` wins on a shared acronym)."""
        entrees = {s: v for s, v in self._entrees.items() if cle_sigle(s) not in autres._par_cle}
        entrees.update(autres._entrees)
        return Sigles(entrees, self.fichiers + autres.fichiers)


def dossier_referentiels() -> Path:
    """The folder of the shipped référentiels, installed (wheel) or in a checkout."""
    try:
        installe = importlib.resources.files("projterr") / "referentiels"
        if installe.is_dir():
            return Path(str(installe))
    except (ModuleNotFoundError, OSError, TypeError):  # pragma: no cover - exotic loaders
        pass
    return Path(__file__).resolve().parents[2] / "referentiels"


def charger_sigles(chemin: Path | None = None) -> Sigles:
    """The shipped acronyms, with the user's file ``chemin`` (if given) merged over them.

    A user's file adds acronyms and overrides the shipped entry of an acronym it also
    defines; it never removes one. Its entries take the same fields as ``sigles.yaml``,
    or just the expansion as a string (``MQ: Midi-Quercy``).
    """
    livres = _sigles_livres()
    if chemin is None:
        return livres
    return livres.fusionner(lire_sigles(chemin))


@functools.cache
def _sigles_livres() -> Sigles:
    return lire_sigles(dossier_referentiels() / "sigles.yaml")


def lire_sigles(chemin: Path) -> Sigles:
    """Read one acronym file; a malformed one raises a French one-line error."""
    from projterr.yamlio import charger_yaml

    doc = charger_yaml(chemin)
    fichier = str(chemin)
    if not isinstance(doc, Mapping) or not isinstance(doc.get("sigles"), Mapping):
        raise SchemaInvalide(
            "un fichier de sigles doit contenir une clé « sigles: » suivie des sigles "
            "(SIGLE: {expansion: …, categorie: …, source: …})",
            fichier,
        )
    table = doc["sigles"]
    entrees: dict[str, Sigle] = {}
    for cle, valeur in table.items():
        sigle = str(cle).strip()
        ou = _ligne(table, cle)
        if not sigle:
            raise SchemaInvalide(f"{ou}sigle vide", fichier)
        entrees[sigle] = _entree(sigle, valeur, ou, fichier)
    return Sigles(entrees, (chemin,))


def _entree(sigle: str, valeur: Any, ou: str, fichier: str) -> Sigle:
    if isinstance(valeur, str):
        if not valeur.strip():
            raise SchemaInvalide(f"{ou}sigle « {sigle} » : développé vide", fichier)
        return Sigle(sigle, valeur.strip())
    if not isinstance(valeur, Mapping):
        raise SchemaInvalide(
            f"{ou}sigle « {sigle} » : texte ou dictionnaire attendu "
            "(expansion, categorie, source, note)",
            fichier,
        )
    inconnus = sorted(str(k) for k in valeur if k not in _CHAMPS)
    if inconnus:
        raise SchemaInvalide(
            f"{ou}sigle « {sigle} » : champ inconnu « {inconnus[0]} » "
            "(champs possibles : expansion, categorie, source, note)",
            fichier,
        )
    champs: dict[str, str | None] = {}
    for nom in sorted(_CHAMPS):
        brut = valeur.get(nom)
        if brut is not None and not isinstance(brut, str):
            raise SchemaInvalide(
                f"{ou}sigle « {sigle} » : champ « {nom} » : texte attendu", fichier
            )
        champs[nom] = brut.strip() if isinstance(brut, str) and brut.strip() else None
    expansion = champs["expansion"]
    if expansion is None:
        raise SchemaInvalide(
            f"{ou}sigle « {sigle} » : champ obligatoire manquant « expansion »", fichier
        )
    categorie = champs["categorie"] or "autre"
    if categorie not in CATEGORIES:
        raise SchemaInvalide(
            f"{ou}sigle « {sigle} » : catégorie « {categorie} » inconnue "
            f"(choix possibles : {', '.join(CATEGORIES)})",
            fichier,
        )
    return Sigle(sigle, expansion, categorie, champs["source"], champs["note"])


def _ligne(table: Any, cle: Any) -> str:
    try:
        return f"ligne {table.lc.key(cle)[0] + 1} : "
    except (AttributeError, KeyError, TypeError):
        return ""
