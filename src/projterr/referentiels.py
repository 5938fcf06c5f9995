"""The one place that loads référentiels: the acronyms (``sigles.yaml``), the thematic
référentiels (``pvd.yaml``, ``odd.yaml``…: themes with keywords) and the thesaurus.

Shipped files live in the top-level ``referentiels/`` folder of the repository; a wheel
carries them inside the package as ``projterr/referentiels/`` (pyproject force-includes it).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from projterr.errors import ProjterrError, SchemaInvalide
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
        # a plural: « les EPCIs », its s in lower case (« PLUS » in a title is the word plus)
        if len(cle) > 2 and mot.endswith("s"):
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
    from projterr.yamlio import lire_valide

    return lire_valide(chemin, lambda doc: _lire_sigles_depuis(doc, chemin))


def _lire_sigles_depuis(doc: Any, chemin: Path) -> Sigles:
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


# --- thematic référentiels (pvd, ort, odd, crte, pcaet, leader) and the thesaurus -------

# Files of the shipped folder that are not thematic référentiels.
_AUTRES_FICHIERS = {"sigles", "thesaurus"}
_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_CHAMPS_REFERENTIEL = {"nom", "titre", "source", "note", "themes"}
_CHAMPS_THEME = {"code", "libelle", "description", "mots_cles", "note"}
_CHAMPS_THESAURUS = {"titre", "source", "note", "groupes"}
_CHAMPS_GROUPE = {"nom", "termes", "note"}


@dataclass(frozen=True)
class Theme:
    """One theme of a référentiel: its code (the tag is ``nom:code``) and its keywords."""

    code: str
    libelle: str
    mots_cles: tuple[str, ...]
    description: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "libelle": self.libelle,
            "description": self.description,
            "mots_cles": list(self.mots_cles),
            "note": self.note,
        }


@dataclass(frozen=True)
class Referentiel:
    """A reference framework (PVD themes, ODD…): where it comes from and its themes."""

    nom: str
    titre: str
    source: str
    themes: tuple[Theme, ...]
    note: str | None = None
    chemin: Path | None = None

    def theme(self, code: str) -> Theme | None:
        return next((t for t in self.themes if t.code == code), None)

    def etiquette(self, theme: Theme) -> str:
        """The tag written in an action's ``thematiques``: ``pvd:mobilite``."""
        return f"{self.nom}:{theme.code}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "nom": self.nom,
            "titre": self.titre,
            "source": self.source,
            "note": self.note,
            "fichier": str(self.chemin) if self.chemin else None,
            "themes": [t.to_dict() for t in self.themes],
        }


@dataclass(frozen=True)
class GroupeThesaurus:
    """Terms that name the same policy without sharing words (covoiturage ~ autostop)."""

    nom: str
    termes: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class Thesaurus:
    titre: str
    source: str
    groupes: tuple[GroupeThesaurus, ...]
    note: str | None = None
    chemin: Path | None = None


def referentiels_livres() -> list[str]:
    """Names of the shipped thematic référentiels, in alphabetical order."""
    return sorted(
        p.stem for p in dossier_referentiels().glob("*.yaml") if p.stem not in _AUTRES_FICHIERS
    )


def charger_referentiel(nom: str | Path) -> Referentiel:
    """A shipped référentiel by name (``pvd``, ``odd``…) or the user's own YAML file.

    A name that is neither shipped nor an existing file raises a French one-line error that
    lists the shipped names.
    """
    texte = str(nom)
    livres = referentiels_livres()
    if not isinstance(nom, Path) and texte.casefold() in livres:
        return _referentiel_livre(texte.casefold())
    chemin = Path(texte)
    ressemble_a_un_fichier = chemin.suffix.lower() in {".yaml", ".yml"} or any(
        sep in texte for sep in ("/", "\\")
    )
    if isinstance(nom, Path) or ressemble_a_un_fichier or chemin.exists():
        return lire_referentiel(chemin)
    raise ProjterrError(
        f"référentiel inconnu « {texte} » (référentiels livrés : {', '.join(livres)} ; "
        "ou le chemin d'un fichier YAML)"
    )


@functools.cache
def _referentiel_livre(nom: str) -> Referentiel:
    return lire_referentiel(dossier_referentiels() / f"{nom}.yaml")


def lire_referentiel(chemin: Path) -> Referentiel:
    """Read and validate one référentiel file; any problem is a French one-line error."""
    from projterr.yamlio import lire_valide

    return lire_valide(chemin, lambda doc: _lire_referentiel_depuis(doc, chemin))


def _lire_referentiel_depuis(doc: Any, chemin: Path) -> Referentiel:
    fichier = str(chemin)
    if not isinstance(doc, Mapping) or "themes" not in doc:
        raise SchemaInvalide(
            "un référentiel doit contenir « titre: », « source: » et « themes: » suivi de ses "
            "thèmes (- code: …, libelle: …, mots_cles: […])",
            fichier,
        )
    _champs_connus(doc, _CHAMPS_REFERENTIEL, "", "le référentiel", fichier)
    nom = _texte(doc, "nom", "", "le référentiel", fichier, requis=False) or _nom_de_fichier(chemin)
    if not _CODE.match(nom):
        raise SchemaInvalide(
            f"nom de référentiel « {nom} » invalide : minuscules, chiffres, « - » ou « _ » "
            "(ajoutez une clé « nom: » au fichier)",
            fichier,
        )
    titre = _texte(doc, "titre", "", "le référentiel", fichier)
    source = _texte(doc, "source", "", "le référentiel", fichier)
    note = _texte(doc, "note", "", "le référentiel", fichier, requis=False)
    brut = doc["themes"]
    if not isinstance(brut, list) or not brut:
        raise SchemaInvalide(
            f"{_ligne(doc, 'themes')}« themes » : liste de thèmes attendue, non vide", fichier
        )
    themes: list[Theme] = []
    vus: set[str] = set()
    for i, entree in enumerate(brut):
        theme = _theme(entree, _ligne_item(brut, i), i + 1, fichier)
        if theme.code in vus:
            raise SchemaInvalide(
                f"{_ligne_item(brut, i)}thème « {theme.code} » en double ; chaque code est unique",
                fichier,
            )
        vus.add(theme.code)
        themes.append(theme)
    return Referentiel(nom, titre, source, tuple(themes), note, chemin)


def _theme(entree: Any, ou: str, rang: int, fichier: str) -> Theme:
    quoi = f"thème n° {rang}"
    if not isinstance(entree, Mapping):
        raise SchemaInvalide(
            f"{ou}{quoi} : dictionnaire attendu (code, libelle, mots_cles)", fichier
        )
    code_brut = entree.get("code")
    if isinstance(code_brut, int) and not isinstance(code_brut, bool):
        code_brut = str(code_brut)  # ODD numbers: « code: 7 » is the ODD 7
    if code_brut is not None and not isinstance(code_brut, str):
        raise SchemaInvalide(f"{ou}{quoi} : champ « code » : texte attendu", fichier)
    if code_brut is None or not code_brut.strip():
        raise SchemaInvalide(f"{ou}{quoi} : champ obligatoire manquant « code »", fichier)
    code = code_brut.strip()
    quoi = f"thème « {code} »"
    if not _CODE.match(code):
        raise SchemaInvalide(
            f"{ou}{quoi} : code invalide (minuscules sans accents, chiffres, « - » ou « _ »)",
            fichier,
        )
    _champs_connus(entree, _CHAMPS_THEME, ou, quoi, fichier)
    libelle = _texte(entree, "libelle", ou, quoi, fichier)
    description = _texte(entree, "description", ou, quoi, fichier, requis=False)
    note = _texte(entree, "note", ou, quoi, fichier, requis=False)
    mots = entree.get("mots_cles")
    if not isinstance(mots, list) or not mots:
        raise SchemaInvalide(
            f"{ou}{quoi} : champ « mots_cles » : liste de mots ou d'expressions attendue, non vide",
            fichier,
        )
    propres: list[str] = []
    for mot in mots:
        if not isinstance(mot, str | int) or isinstance(mot, bool) or not str(mot).strip():
            raise SchemaInvalide(
                f"{ou}{quoi} : mot-clé vide ou qui n'est pas un texte ({mot!r})", fichier
            )
        if str(mot).strip() not in propres:
            propres.append(str(mot).strip())
    return Theme(code, libelle, tuple(propres), description, note)


def charger_thesaurus(chemin: Path | None = None) -> Thesaurus:
    """The shipped thesaurus (``thesaurus.yaml``), or the user's own file ``chemin``."""
    if chemin is None:
        return _thesaurus_livre()
    return lire_thesaurus(chemin)


@functools.cache
def _thesaurus_livre() -> Thesaurus:
    return lire_thesaurus(dossier_referentiels() / "thesaurus.yaml")


def lire_thesaurus(chemin: Path) -> Thesaurus:
    """Read and validate a thesaurus file; any problem is a French one-line error."""
    from projterr.yamlio import lire_valide

    return lire_valide(chemin, lambda doc: _lire_thesaurus_depuis(doc, chemin))


def _lire_thesaurus_depuis(doc: Any, chemin: Path) -> Thesaurus:
    fichier = str(chemin)
    if not isinstance(doc, Mapping) or not isinstance(doc.get("groupes"), list):
        raise SchemaInvalide(
            "un thésaurus doit contenir « titre: », « source: » et « groupes: » suivi de ses "
            "groupes (- nom: …, termes: […])",
            fichier,
        )
    _champs_connus(doc, _CHAMPS_THESAURUS, "", "le thésaurus", fichier)
    titre = _texte(doc, "titre", "", "le thésaurus", fichier)
    source = _texte(doc, "source", "", "le thésaurus", fichier)
    note = _texte(doc, "note", "", "le thésaurus", fichier, requis=False)
    groupes: list[GroupeThesaurus] = []
    vus: set[str] = set()
    for i, entree in enumerate(doc["groupes"]):
        ou = _ligne_item(doc["groupes"], i)
        if not isinstance(entree, Mapping):
            raise SchemaInvalide(
                f"{ou}groupe n° {i + 1} : dictionnaire attendu (nom, termes)", fichier
            )
        nom = _texte(entree, "nom", ou, f"groupe n° {i + 1}", fichier)
        quoi = f"groupe « {nom} »"
        _champs_connus(entree, _CHAMPS_GROUPE, ou, quoi, fichier)
        if nom in vus:
            raise SchemaInvalide(f"{ou}{quoi} en double", fichier)
        vus.add(nom)
        termes = entree.get("termes")
        if (
            not isinstance(termes, list)
            or len(termes) < 2
            or not all(isinstance(t, str) and t.strip() for t in termes)
        ):
            raise SchemaInvalide(
                f"{ou}{quoi} : champ « termes » : liste d'au moins deux termes attendue", fichier
            )
        groupe_note = _texte(entree, "note", ou, quoi, fichier, requis=False)
        groupes.append(GroupeThesaurus(nom, tuple(t.strip() for t in termes), groupe_note))
    return Thesaurus(titre, source, tuple(groupes), note, chemin)


def _nom_de_fichier(chemin: Path) -> str:
    return chemin.stem.casefold()


def _champs_connus(
    entree: Mapping[Any, Any], connus: set[str], ou: str, quoi: str, fichier: str
) -> None:
    inconnus = sorted(str(k) for k in entree if k not in connus)
    if inconnus:
        raise SchemaInvalide(
            f"{ou}{quoi} : champ inconnu « {inconnus[0]} » "
            f"(champs possibles : {', '.join(sorted(connus))})",
            fichier,
        )


def _texte(
    entree: Mapping[Any, Any], cle: str, ou: str, quoi: str, fichier: str, requis: bool = True
) -> str:
    valeur = entree.get(cle)
    if valeur is not None and not isinstance(valeur, str):
        raise SchemaInvalide(f"{ou}{quoi} : champ « {cle} » : texte attendu", fichier)
    if valeur is None or not valeur.strip():
        if requis:
            raise SchemaInvalide(f"{ou}{quoi} : champ obligatoire manquant « {cle} »", fichier)
        return ""
    return " ".join(valeur.split())


def _ligne_item(liste: Any, i: int) -> str:
    try:
        return f"ligne {liste.lc.item(i)[0] + 1} : "
    except (AttributeError, KeyError, TypeError, IndexError):
        return ""
