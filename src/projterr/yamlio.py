"""Reading and writing projterr's YAML; the only place that configures ruamel.yaml.

Documents are read by a compiled parser into plain data (:mod:`projterr.yamllecture`), then
validated; errors still name ``fichier.yaml:42``, positions being computed only when needed.
Files rewritten in place (``classify --ecrire``) go through ruamel's round trip, which keeps
comments, key order and quotes, so that loading then dumping an unchanged file gives the same
bytes. Documents are written by a direct emitter of ruamel's house layout.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import io
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from projterr.errors import SchemaInvalide, YamlInvalide
from projterr.model import Noeud, Projet, ids_en_double, sans_vides
from projterr.sources import lire_octets
from projterr.yamllecture import (
    TROP_PROFOND,
    analyser,
    arbre,
    est_dictionnaire,
    est_liste,
    message_marque,
    valeur_de,
    verifier_texte,
)

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

_MESSAGES = {
    "missing": "champ obligatoire manquant",
    "extra_forbidden": "champ inconnu",
    "string_type": "texte attendu",
    "int_type": "nombre entier attendu",
    "int_parsing": "nombre entier attendu",
    "list_type": "liste attendue",
    "dict_type": "dictionnaire attendu (clé : valeur)",
    "model_type": "dictionnaire attendu (clé : valeur)",
    "model_attributes_type": "dictionnaire attendu (clé : valeur)",
    "date_type": "date attendue (AAAA-MM-JJ)",
    "date_parsing": "date attendue (AAAA-MM-JJ)",
    "date_from_datetime_parsing": "date attendue (AAAA-MM-JJ)",
    "string_pattern_mismatch": "identifiant en minuscules attendu (lettres, chiffres, _)",
    "bool_type": "oui/non attendu",
    "float_type": "nombre attendu",
    "float_parsing": "nombre attendu",
    "greater_than_equal": "nombre positif attendu",
    "invalid_key": "nom de champ attendu (du texte), pas un nombre",
}


class _Constructeur(RoundTripConstructor):
    """Round-trip constructor whose impossible dates (2025-13-45) are marked errors."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            raise ConstructorError(
                None, None, f"date impossible « {node.value} »", node.start_mark
            ) from None


_Constructeur.add_constructor("tag:yaml.org,2002:timestamp", _Constructeur.construct_yaml_timestamp)

# Characters YAML reads as line breaks: a string holding one must be double-quoted (escaped).
_SAUTS_YAML = ("\x85", "\u2028", "\u2029")


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructeur
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 1 << 20  # never fold long texts: folding makes line diffs of the YAML noisy
    yaml.allow_unicode = True
    return yaml


def loads(texte: str, fichier: str = "<texte>") -> Any:
    """Parse YAML text into ruamel's round-trip objects (CommentedMap, CommentedSeq…), for a
    file that will be rewritten keeping its comments. Slow: read documents with :func:`lire`."""
    verifier_texte(texte, fichier)
    try:
        return _yaml().load(texte)
    except MarkedYAMLError as exc:
        raise YamlInvalide(message_marque(exc), fichier) from exc
    except YAMLError as exc:
        detail = " ".join(str(exc).split())  # one line, whatever ruamel wrote
        raise YamlInvalide(f"YAML invalide ({detail})", fichier) from exc
    except RecursionError:
        raise YamlInvalide(TROP_PROFOND, fichier) from None


def lire(texte: str, fichier: str = "<texte>") -> Any:
    """Parse YAML text into plain data, fast (see :mod:`projterr.yamllecture`)."""
    return analyser(texte, fichier)


def dumps(data: Any) -> str:
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue()


def lire_texte(chemin: Path) -> str:
    """A YAML file's text; bad bytes become French errors."""
    data = lire_octets(chemin)
    try:
        texte = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlInvalide("un fichier YAML doit être encodé en UTF-8", str(chemin)) from exc
    if "\x00" in texte:
        raise YamlInvalide("fichier binaire, pas un YAML", str(chemin))
    return texte


def lire_valide(chemin: Path, valider: Callable[[Any], T]) -> T:
    """A small YAML file (référentiel, thésaurus, sigles) read fast and given to ``valider``;
    when ``valider`` refuses it, the file is read again with its lines (round trip), so that
    the refusal names the line: the slow parser only runs on the error path."""
    texte = lire_texte(chemin)
    try:
        return valider(lire(texte, str(chemin)))
    except SchemaInvalide:
        return valider(loads(texte, str(chemin)))


def charger_yaml(chemin: Path) -> Any:
    """Read and parse a YAML file into round-trip objects (line numbers, comments kept)."""
    return loads(lire_texte(chemin), str(chemin))


def valider_modele(
    modele: type[M], doc: Any, fichier: str = "<texte>", texte: str | None = None
) -> M:
    """Validate parsed YAML against a pydantic model; the first error names line, column and
    field path, in French. Plain data needs its ``texte`` for the position."""
    try:
        return modele.model_validate(doc)
    except ValidationError as exc:
        # A misspelt key shows as an unknown key plus a missing one: name the unknown first.
        erreurs = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        err = erreurs[0]
        loc = tuple(err["loc"])
        ligne, colonne = _position(doc, loc, err["type"], texte)
        chemin = _chemin_champ(loc)
        message = _message(err)
        ou = f"ligne {ligne}, colonne {colonne}, " if ligne else ""
        autres = len(exc.errors()) - 1
        suite = (
            f" (et {autres} autre{'s' if autres > 1 else ''} erreur{'s' if autres > 1 else ''})"
            if autres
            else ""
        )
        raise SchemaInvalide(f"{ou}champ « {chemin} » : {message}{suite}", fichier) from exc


def valider_projet(
    doc: Any, fichier: str = "<texte>", texte: str | None = None, lignes: bool = False
) -> Projet:
    """Validate parsed YAML against the schema; errors name line, column and field path.

    Round-trip data carries its lines, which are given to each level and action; plain data
    read by :func:`lire` gets them from ``texte`` when ``lignes`` is asked (``check`` points at
    lines; ``diff`` and ``show`` need none and skip the cost)."""
    if not isinstance(doc, Mapping):
        raise SchemaInvalide(
            "un document projterr doit commencer par « schema: projterr/1 »", fichier
        )
    projet = valider_modele(Projet, doc, fichier, texte)
    doubles = ids_en_double(projet)
    if doubles:
        loc, id_ = doubles[0]
        ligne, colonne = _position(doc, loc, "", texte)
        ou = f"ligne {ligne}, colonne {colonne}, " if ligne else ""
        autres = len(doubles) - 1
        suite = f" (et {autres} autre{'s' if autres > 1 else ''})" if autres else ""
        raise SchemaInvalide(
            f"{ou}champ « {_chemin_champ(loc)} » : identifiant « {id_} » en double ; "
            f"chaque niveau et chaque action doit avoir le sien{suite}",
            fichier,
        )
    if isinstance(doc, CommentedMap):
        _attacher_lignes(doc.get("contenu"), projet.contenu)
    elif lignes and texte is not None:
        racine = arbre(texte)
        contenu = valeur_de(racine, "contenu") if est_dictionnaire(racine) else None
        if contenu is not None:
            _attacher_lignes_arbre(contenu[1], projet.contenu)
    return projet


def charger_projet(chemin: Path, lignes: bool = False) -> Projet:
    """Load a projterr YAML file into a validated :class:`Projet`; ``lignes`` gives each level
    and action its line in the file (at the cost of a second, compiled, parse)."""
    texte = lire_texte(chemin)
    with sans_ramasse_miettes():
        return valider_projet(lire(texte, str(chemin)), str(chemin), texte, lignes)


@contextlib.contextmanager
def sans_ramasse_miettes() -> Iterator[None]:
    """Pause Python's cycle collector while a document's objects are built: they hold no
    cycles, yet each of the collector's passes walks them all. On a document of 10,000
    actions, parsing and validation take a third of the time (0.7 s instead of 2)."""
    actif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if actif:
            gc.enable()


def projet_vers_donnees(projet: Projet) -> dict[str, Any]:
    """Plain data for YAML output: schema key first, empty lists and nulls left out."""
    data = projet.model_dump(mode="python", by_alias=True)
    return _elaguer(data)


def projet_vers_yaml(projet: Projet) -> str:
    """The document as YAML, byte for byte what ruamel.yaml would write, several times faster.

    ruamel's pure-Python emitter writes about 0.5 MB/s, most of an import's time on a large
    document; :func:`_emettre` writes the same house layout directly and asks ruamel only
    for the rare scalar it cannot classify with certainty. A property test checks that both
    give the same text.
    """
    with sans_ramasse_miettes():  # the plain data is a copy of the whole document
        return _emettre(projet_vers_donnees(projet))


def ecrire_projet(projet: Projet, chemin: Path) -> None:
    from projterr.sorties import ecrire_atomiquement

    octets = projet_vers_yaml(projet).encode("utf-8")
    ecrire_atomiquement(chemin, lambda flux: flux.write(octets))


def reecrire_yaml(data: Any, chemin: Path) -> None:
    """Write round-trip data loaded by :func:`charger_yaml` back to ``chemin``: comments,
    key order and quotes stay as they were; the file is replaced only once fully written."""
    from projterr.sorties import ecrire_atomiquement

    octets = dumps(data).encode("utf-8")
    ecrire_atomiquement(chemin, lambda flux: flux.write(octets))


# --- fast emitter ------------------------------------------------------------------------

# Characters that make ruamel choose a quoting style this emitter does not reproduce (line
# breaks, tabs, control characters, BOM…): such scalars are written by ruamel itself.
_RARE = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\ufeff\u2028\u2029]")
_INDICATEUR_INITIAL = frozenset("#,[]{}&*!|>'\"%@`")
_RESOLVEUR = YAML(typ="rt").resolver
_STR = "tag:yaml.org,2002:str"
# YAML's implicit types (numbers, booleans, null, dates, merge keys…) start with a digit, a
# sign, a dot, ~, <, =, ! or one of these letters; any other first letter means a string.
_TOUJOURS_TEXTE = re.compile(r"[^\W\d_tTfFnNyYoO]")


def _plain_possible(texte: str) -> bool:
    """Mirror of ruamel's analysis for a one-line printable scalar in block context."""
    if not texte or texte[0] == " " or texte[-1] == " ":
        return False
    premier = texte[0]
    if premier in _INDICATEUR_INITIAL:
        return False
    if premier in "?:-" and (len(texte) == 1 or texte[1] == " "):
        return False
    if texte.startswith(("---", "...")):
        return False
    if ": " in texte or texte.endswith(":") or " #" in texte:
        return False
    if _TOUJOURS_TEXTE.match(texte):
        return True
    if len(texte) > 5 and premier.isalpha():
        # the implicit values that start with a letter (true, false, null, yes, off…) have
        # five letters at most: a longer text cannot be one of them
        return True
    return _RESOLVEUR.resolve(ScalarNode, texte, (True, False)) == _STR


def _scalaire(valeur: Any) -> str:
    if isinstance(valeur, str) and type(valeur) is str and not _RARE.search(valeur):
        if _plain_possible(valeur):
            return valeur
        if "'" in valeur:  # ruamel prefers double quotes to doubling apostrophes
            return '"' + valeur.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return "'" + valeur + "'"
    if type(valeur) is int:
        return str(valeur)
    if type(valeur) is bool:
        return "true" if valeur else "false"
    if type(valeur) is dt.date:
        return valeur.isoformat()
    # Anything else (double-quoted strings, floats, None…): let ruamel write it.
    texte = dumps({"x": valeur})[3:].rstrip("\n")
    if "\n" in texte:  # a multi-line form would need the indentation of its place
        raise ValueError(f"valeur non prise en charge par l'écriture YAML : {valeur!r}")
    return texte


def _emettre(data: Any) -> str:
    """Write plain data (dicts, lists, scalars) in the house layout of :func:`_yaml`."""
    lignes: list[str] = []

    def bloc(valeur: Any, indent: int, tiret: str | None) -> None:
        # ``tiret`` is the "  - " prefix of a sequence item, put on the item's first line.
        if isinstance(valeur, dict) and valeur:
            premier = True
            for cle, v in valeur.items():
                debut = tiret if (premier and tiret is not None) else " " * indent
                premier = False
                if isinstance(v, dict | list) and v:
                    lignes.append(f"{debut}{cle}:")
                    if isinstance(v, dict):
                        bloc(v, indent + 2, None)
                    else:
                        for item in v:
                            bloc(item, indent + 4, " " * (indent + 2) + "- ")
                else:
                    lignes.append(f"{debut}{cle}: {_vide_ou_scalaire(v)}")
        elif isinstance(valeur, list) and valeur:
            raise TypeError("nested sequences are not part of the projterr schema")
        else:
            prefixe = tiret if tiret is not None else " " * indent
            lignes.append(f"{prefixe}{_vide_ou_scalaire(valeur)}")

    if not isinstance(data, dict):
        return dumps(data)
    bloc(data, 0, None)
    return "\n".join(lignes) + "\n"


def _vide_ou_scalaire(valeur: Any) -> str:
    if isinstance(valeur, dict):
        return "{}"
    if isinstance(valeur, list):
        return "[]"
    return _scalaire(valeur)


# --- helpers ---------------------------------------------------------------------------


def _elaguer(value: Any) -> Any:
    return sans_vides(value, _entre_guillemets)


def _entre_guillemets(value: Any) -> Any:
    if isinstance(value, str) and any(c in value for c in _SAUTS_YAML):
        return DoubleQuotedScalarString(value)
    return value


def _position(
    doc: Any, loc: tuple[Any, ...], kind: str, texte: str | None = None
) -> tuple[int | None, int | None]:
    """1-based line and column of the YAML node that an error location designates."""
    if isinstance(doc, CommentedMap | CommentedSeq):
        return _position_rt(doc, loc, kind)
    if texte is None:
        return None, None
    try:
        return _position_arbre(arbre(texte), loc, kind)
    except Exception:  # positions are a courtesy: never hide the error itself
        return None, None


def _position_rt(doc: Any, loc: tuple[Any, ...], kind: str) -> tuple[int | None, int | None]:
    node = doc
    ligne: int | None = None
    colonne: int | None = None
    for i, key in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, CommentedMap) and key in node:
            pos = node.lc.key(key) if (last and kind == "extra_forbidden") else node.lc.value(key)
            ligne, colonne = pos
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and key < len(node):
            ligne, colonne = node.lc.item(key)
            node = node[key]
        elif isinstance(node, CommentedMap | CommentedSeq):
            # missing key, or a location pydantic adds (e.g. a union branch): the container
            ligne, colonne = node.lc.line, node.lc.col
            break
        else:
            break
    if ligne is None or colonne is None:
        return None, None
    return ligne + 1, colonne + 1


def _position_arbre(racine: Any, loc: tuple[Any, ...], kind: str) -> tuple[int | None, int | None]:
    """The same walk on libyaml's node tree (see :func:`projterr.yamllecture.arbre`)."""
    node = racine
    marque = None
    for i, key in enumerate(loc):
        last = i == len(loc) - 1
        paire = valeur_de(node, key) if est_dictionnaire(node) else None
        if paire is not None:
            cle, node = paire
            marque = cle.start_mark if (last and kind == "extra_forbidden") else node.start_mark
        elif est_liste(node) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            marque = node.start_mark
        elif est_dictionnaire(node) or est_liste(node):
            marque = node.start_mark  # missing key, or a location pydantic adds: the container
            break
        else:
            break
    if marque is None:
        return None, None
    return marque.line + 1, marque.column + 1


def _chemin_champ(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for key in loc:
        if isinstance(key, int):
            parts.append(f"[{key}]")
        else:
            parts.append(("." if parts else "") + str(key))
    return "".join(parts) or "(racine)"


_MOTIFS = {
    "siren": "SIREN attendu (9 chiffres, sans espace)",
    "siret": "SIRET attendu (14 chiffres, sans espace)",
    "code_insee": "code INSEE attendu (5 caractères, ex. « 55029 » ou « 2A004 »)",
    "COLL_SIRET": "SIRET attendu (14 chiffres, sans espace)",
    "DELIB_MATIERE_CODE": "code de matière ACTES attendu (ex. « 8.4 »)",
}


_DATE_ECRITE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _message(err: Any) -> str:
    kind = err["type"]
    champ = err["loc"][-1] if err.get("loc") else None
    if kind == "string_pattern_mismatch" and champ in _MOTIFS:
        return _MOTIFS[champ]
    valeur = err.get("input")
    if kind.startswith("date") and isinstance(valeur, str) and _DATE_ECRITE.match(valeur):
        return f"date impossible « {valeur} » (AAAA-MM-JJ)"  # yaml-rs keeps 2025-13-45 as text
    if kind == "literal_error":
        attendu = err.get("ctx", {}).get("expected", "")
        return f"valeur non autorisée (attendu : {attendu.replace(' or ', ' ou ')})"
    return _MESSAGES.get(kind, f"valeur invalide ({err['msg']})")


def _attacher_lignes(seq: Any, noeuds: Sequence[Noeud]) -> None:
    """Record each node's and action's YAML line so findings can point at it."""
    if not isinstance(seq, CommentedSeq):
        return
    for i, noeud in enumerate(noeuds):
        item = seq[i]
        if isinstance(item, CommentedMap):
            noeud._ligne = item.lc.line + 1
            _attacher_lignes(item.get("enfants"), noeud.enfants)
            actions = item.get("actions")
            if isinstance(actions, CommentedSeq):
                for j, action in enumerate(noeud.actions):
                    if isinstance(actions[j], CommentedMap):
                        action._ligne = actions[j].lc.line + 1


def _attacher_lignes_arbre(seq: Any, noeuds: Sequence[Noeud]) -> None:
    """:func:`_attacher_lignes` on libyaml's node tree."""
    if not est_liste(seq):
        return
    for item, noeud in zip(seq.value, noeuds, strict=False):
        if not est_dictionnaire(item):
            continue
        noeud._ligne = item.start_mark.line + 1
        enfants = valeur_de(item, "enfants")
        if enfants is not None:
            _attacher_lignes_arbre(enfants[1], noeud.enfants)
        actions = valeur_de(item, "actions")
        if actions is not None and est_liste(actions[1]):
            for element, action in zip(actions[1].value, noeud.actions, strict=False):
                if est_dictionnaire(element):
                    action._ligne = element.start_mark.line + 1
