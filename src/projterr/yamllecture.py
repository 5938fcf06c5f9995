"""Reading YAML at the speed of the machine, with positions only when they are needed.

A projterr document of 10,000 actions is 22 MB of YAML: ruamel.yaml's round-trip parser
(pure Python) takes about a minute on it, a hundred times the diff itself. Documents are
therefore read into plain data by a compiled parser:

* ``yaml-rs`` (Rust, YAML 1.2: « yes » stays a string, dates are dates; 0.6 s on that file);
* where it cannot be installed, libyaml through PyYAML (C, 7 s), given the same YAML 1.2
  types and refusing duplicate keys, as ``yaml-rs`` and ruamel do.

Dates are left as the text written (« 2025-06-30 »): the schema's date fields read them, and
a text field holding a date-like title keeps it.

Positions (line and column) cost as much as a second parse, so they are computed only when
asked: for an error message (the file is invalid anyway) and for the commands that point at
lines (``check``, ``classify``), with libyaml's composer (:func:`arbre`). Files rewritten
keeping their comments still go through ruamel's round trip, in :mod:`projterr.yamlio`.
"""

from __future__ import annotations

import functools
import re
from typing import Any, ClassVar

from projterr.errors import YamlInvalide

# Characters YAML forbids in a stream (outside its printable set).
_INTERDIT = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PLUSIEURS_DOCUMENTS = re.compile(r"^(?:---|\.\.\.)(?:[ \t]|$)", re.MULTILINE)
_ERREUR_RS = re.compile(r"line (\d+), column (\d+)")

TROP_PROFOND = (
    "YAML imbriqué trop profondément (des centaines de niveaux) : ce n'est pas un document projterr"
)
# A projterr document nests a handful of [ ] or { }; parsers take seconds (or recurse deep)
# on thousands of them, so they are counted first (quotes and comments left out), in one pass.
_IMBRICATION_MAX = 100
_CITATIONS_ET_COMMENTAIRES = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'|(?:^|\s)#[^\n]*")


def analyser(texte: str, fichier: str) -> Any:
    """Plain data (dicts, lists, str, int, float, bool, None, dates) from YAML text; any
    problem is a :class:`YamlInvalide` naming line and column, in French."""
    texte = texte.removeprefix("\ufeff")
    verifier_texte(texte, fichier)
    try:
        import yaml_rs
    except ImportError:  # no wheel for this platform: libyaml, slower, same data
        return _charger_libyaml(texte, fichier)
    try:
        # parse_datetime=False: yaml-rs 0.1.6 reads a quoted '2025-06-30' as a date too; dates
        # stay text, as written, and the schema's date fields read them (a date-looking
        # title stays a title).
        data = yaml_rs.loads(texte, parse_datetime=False, alias_limits=_limites_alias(yaml_rs))
    except yaml_rs.YAMLDecodeError as exc:
        # libyaml's messages are the ones projterr translates; when libyaml accepts what
        # yaml-rs refused, yaml-rs's own position and words are given.
        _charger_libyaml(texte, fichier)
        raise YamlInvalide(_message_rs(str(exc)), fichier) from exc
    except RecursionError:
        raise YamlInvalide(TROP_PROFOND, fichier) from None
    if isinstance(data, list) and _PLUSIEURS_DOCUMENTS.search(texte):
        # yaml-rs returns a stream of several documents as a list: libyaml names the second
        # document's start (a list written as one document loads the same).
        return _charger_libyaml(texte, fichier)
    return data


def _limites_alias(yaml_rs: Any) -> Any:
    # A « billion laughs » file expands aliases exponentially: a projterr document uses none.
    return yaml_rs.AliasLimits(max_total_replayed_events=100_000)


def verifier_texte(texte: str, fichier: str) -> None:
    """What no parser should spend time on: control characters, absurd nesting."""
    interdit = _INTERDIT.search(texte)
    if interdit:
        avant = texte[: interdit.start()]
        ligne = avant.count("\n") + 1
        colonne = len(avant) - (avant.rfind("\n") + 1) + 1
        raise YamlInvalide(
            f"ligne {ligne}, colonne {colonne} : YAML invalide (caractère de contrôle "
            f"U+{ord(interdit.group()):04X} interdit en YAML)",
            fichier,
        )
    if _imbrication_des_crochets(texte) > _IMBRICATION_MAX:
        raise YamlInvalide(TROP_PROFOND, fichier)


def _imbrication_des_crochets(texte: str) -> int:
    if texte.count("[") + texte.count("{") <= _IMBRICATION_MAX:
        return 0  # the common case: too few brackets to nest too deep, no scan needed
    profondeur = maximum = 0
    for caractere in _CITATIONS_ET_COMMENTAIRES.sub("", texte):
        if caractere in "[{":
            profondeur += 1
            maximum = max(maximum, profondeur)
        elif caractere in "]}":
            profondeur = max(0, profondeur - 1)
    return maximum


def _message_rs(message: str) -> str:
    m = _ERREUR_RS.search(message)
    ou = f"ligne {m.group(1)}, colonne {m.group(2)} : " if m else ""
    derniere = message.strip().splitlines()[-1] if message.strip() else ""
    return f"{ou}YAML invalide ({traduire_probleme(derniere)})"


# --- libyaml ------------------------------------------------------------------------------


@functools.cache
def chargeur() -> type:
    """PyYAML's C loader (pure Python where PyYAML has no libyaml) with YAML 1.2 types."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Chargeur(base):  # type: ignore[valid-type,misc]
        yaml_implicit_resolvers: ClassVar[dict[str, Any]] = {}

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            vues: set[Any] = set()
            for cle, _ in node.value:
                valeur = self.construct_object(cle, deep=True)
                try:
                    double = valeur in vues
                except TypeError:  # an unhashable key: the base class says so
                    break
                if double:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping",
                        node.start_mark,
                        f"found duplicate key « {valeur} »",
                        cle.start_mark,
                    )
                vues.add(valeur)
            return super().construct_mapping(node, deep=deep)

    Chargeur.add_constructor("tag:yaml.org,2002:map", Chargeur.construct_mapping)
    # YAML 1.2 core schema, as yaml-rs and ruamel read it: « yes », « on », « 12:30 » stay
    # text; « 0o17 » is octal, « 017 » is 17. Dates stay text, as with yaml-rs (see analyser).
    for tag, motif, premiers in (
        ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
        (
            "int",
            r"^(?:[-+]?[0-9][0-9_]*|0o[0-7_]+|0x[0-9a-fA-F_]+)$",
            "-+0123456789",
        ),
        (
            "float",
            r"^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
            "-+0123456789.",
        ),
    ):
        Chargeur.add_implicit_resolver(
            f"tag:yaml.org,2002:{tag}", re.compile(motif), list(premiers)
        )
    Chargeur.add_constructor("tag:yaml.org,2002:int", _entier)
    Chargeur.add_constructor("tag:yaml.org,2002:float", _flottant)
    return Chargeur


def _entier(loader: Any, node: Any) -> int:
    valeur = loader.construct_scalar(node).replace("_", "")
    if valeur.startswith("0o"):
        return int(valeur[2:], 8)
    if valeur.startswith("0x"):
        return int(valeur[2:], 16)
    return int(valeur)


def _flottant(loader: Any, node: Any) -> float:
    valeur = loader.construct_scalar(node).replace("_", "").lower()
    if valeur.endswith(".inf"):
        return float("-inf") if valeur.startswith("-") else float("inf")
    if valeur == ".nan":
        return float("nan")
    return float(valeur)


def _charger_libyaml(texte: str, fichier: str) -> Any:
    import yaml

    try:
        return yaml.load(texte, Loader=chargeur())
    except yaml.MarkedYAMLError as exc:
        raise YamlInvalide(message_marque(exc), fichier) from exc
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())
        raise YamlInvalide(f"YAML invalide ({detail})", fichier) from exc
    except RecursionError:
        raise YamlInvalide(TROP_PROFOND, fichier) from None


def message_marque(exc: Any) -> str:
    """A marked parse error (libyaml's or ruamel's: they share their attributes and words),
    as « ligne 5, colonne 9 : YAML invalide (guillemet non fermé) »."""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and "quoted scalar" in (exc.context or ""):
        mark = exc.context_mark  # where the unclosed quote opens, not the end of the file
    ou = f"ligne {mark.line + 1}, colonne {mark.column + 1} : " if mark else ""
    probleme = traduire_probleme(f"{exc.context or ''} {exc.problem or ''}")
    return f"{ou}YAML invalide ({probleme})"


def traduire_probleme(probleme: str) -> str:
    """The parsers' English, in French (libyaml's and ruamel's messages share their words)."""
    for anglais, francais in _TRADUCTIONS:
        if anglais in probleme:
            return probleme.strip() if francais is None else francais
    return probleme.strip() or "syntaxe"


_TRADUCTIONS: list[tuple[str, str | None]] = [
    ("while scanning a quoted scalar", "guillemet non fermé"),
    ("unclosed quote", "guillemet non fermé"),
    ("expected ',' or ']'", "crochet non fermé"),
    ("expected ',' or '}'", "accolade non fermée"),
    ("unclosed bracket", "crochet non fermé"),
    ("while parsing a flow", "crochet ou accolade non fermé"),
    ("date impossible", None),
    ("mapping values are not allowed", "deux-points inattendu"),
    ("could not find expected ':'", "deux-points manquant"),
    ("found character '\\t' that cannot start any token", "tabulation interdite en YAML"),
    ("found character that cannot start any token", "caractère inattendu (tabulation ?)"),
    ("found undefined alias", "alias non défini"),
    ("unknown anchor", "alias non défini"),
    ("expected <block end>, but found", "indentation incohérente"),
    ("found unexpected end of stream", "fin de fichier inattendue"),
    ("found duplicate key", "clé en double"),
    ("duplicate mapping key", "clé en double"),
    ("expected a single document", "plusieurs documents dans un même fichier"),
    ("but found another document", "plusieurs documents dans un même fichier"),
    ("could not determine a constructor for the tag", "étiquette YAML non prise en charge"),
    ("Invalid tag", "étiquette YAML non prise en charge"),
    ("alias", "trop d'alias (fichier construit pour saturer la mémoire ?)"),
]


# --- positions ----------------------------------------------------------------------------


def arbre(texte: str) -> Any:
    """libyaml's node tree of a valid YAML text: every node carries its start line and
    column (0-based), without building the data. None for an empty document."""
    import yaml

    return yaml.compose(texte.removeprefix("\ufeff"), Loader=chargeur())


def est_dictionnaire(noeud: Any) -> bool:
    return getattr(noeud, "id", None) == "mapping"


def est_liste(noeud: Any) -> bool:
    return getattr(noeud, "id", None) == "sequence"


def valeur_de(noeud: Any, cle: Any) -> tuple[Any, Any] | None:
    """The (key node, value node) pair of ``cle`` in a mapping node, if present."""
    texte = str(cle)
    for k, v in noeud.value:
        if getattr(k, "value", None) == texte:
            return k, v
    return None
