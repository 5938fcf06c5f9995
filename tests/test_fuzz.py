"""Fuzzing the two readers every user file goes through first: the text importer and the YAML
loader. Whatever the bytes, each ends in a result or in projterr's own error (one French line
naming the file), never in another exception. (The Excel reader's fuzz test is in
test_tet_excel.py, the ODT and Word readers' in their own test files.)

Inputs are drawn three ways: any bytes; text in the encodings users' files come in; and a real
file of the repository with a few bytes or lines damaged, which reaches deeper into the readers
than random bytes do.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from projterr.errors import ProjterrError
from projterr.importers import ResultatImport, importer_fichier
from projterr.model import Projet
from projterr.yamlio import charger_projet

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "examples" / "sources" / "coeur-de-lorraine_revision-projet-de-territoire.txt"
EXEMPLE = ROOT / "examples" / "coeur-de-lorraine_2025.yaml"

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# A whole real document per example: fewer examples, each reaching deep into the reader.
FUZZ_DOCUMENT = settings(FUZZ, max_examples=30)

_ENCODAGES = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]


def _abimer_octets(base: bytes, position: int, morceau: bytes, supprimer: int) -> bytes:
    """Replace ``supprimer`` bytes at ``position`` (modulo the length) with ``morceau``."""
    i = position % (len(base) + 1)
    return base[:i] + morceau + base[i + supprimer :]


def _abimer_lignes(texte: str, operations: list[tuple[int, str, str]]) -> str:
    """Delete, duplicate, re-indent or overwrite a few lines of a text."""
    lignes = texte.split("\n")
    for position, genre, fragment in operations:
        if not lignes:
            break
        i = position % len(lignes)
        if genre == "supprimer":
            del lignes[i]
        elif genre == "dupliquer":
            lignes.insert(i, lignes[i])
        elif genre == "decaler":
            lignes[i] = "  " + lignes[i]
        elif genre == "reculer":
            lignes[i] = lignes[i][2:]
        else:
            lignes[i] = lignes[i][: len(lignes[i]) // 2] + fragment
    return "\n".join(lignes)


_operations = st.lists(
    st.tuples(
        st.integers(0, 10_000),
        st.sampled_from(["supprimer", "dupliquer", "decaler", "reculer", "remplacer"]),
        st.text(
            alphabet=st.characters(exclude_categories=["Cs"])
            | st.sampled_from(list(":-[]{}&*!|>'\"#%@`,?")),
            max_size=12,
        ),
    ),
    min_size=1,
    max_size=6,
)


def _ecrire(dossier: Path, nom: str, donnees: bytes) -> Path:
    chemin = dossier / nom
    chemin.write_bytes(donnees)
    return chemin


# --- the text importer -------------------------------------------------------------------------


def _importer(chemin: Path) -> ResultatImport | None:
    """The import, or None when projterr refused the file in its own words."""
    try:
        resultat = importer_fichier(chemin)
    except ProjterrError as exc:
        assert str(exc).strip(), "une erreur projterr doit dire quelque chose"
        assert "\n" not in str(exc), f"message sur plusieurs lignes : {exc!r}"
        return None
    assert isinstance(resultat.projet, Projet)
    return resultat


@FUZZ
@example(donnees=b"\xff\xfe", nom="a.txt")
@example(donnees=b"\x00" * 10, nom="a.md")
@example(donnees=b"Pilier 1 : \n\n- \n", nom="a.txt")
@given(donnees=st.binary(max_size=3000), nom=st.sampled_from(["plan.txt", "plan.md"]))
def test_fuzz_import_texte_octets(
    tmp_path_factory: pytest.TempPathFactory, donnees: bytes, nom: str
) -> None:
    _importer(_ecrire(tmp_path_factory.mktemp("f"), nom, donnees))


@FUZZ
@given(
    texte=st.lists(
        st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
        | st.sampled_from(["\n", "\r\n", "Pilier 1 : ", "Axe 2 - ", "- ", "• ", "1.2 ", "# "]),
        max_size=80,
    ).map("".join),
    encodage=st.sampled_from(_ENCODAGES),
    fin_de_ligne=st.sampled_from(["\n", "\r\n"]),
)
def test_fuzz_import_texte_encodages(
    tmp_path_factory: pytest.TempPathFactory, texte: str, encodage: str, fin_de_ligne: str
) -> None:
    donnees = texte.replace("\n", fin_de_ligne).encode(encodage, errors="replace")
    _importer(_ecrire(tmp_path_factory.mktemp("f"), "plan.txt", donnees))


@FUZZ_DOCUMENT
@given(operations=_operations, encodage=st.sampled_from(_ENCODAGES))
def test_fuzz_import_graine_abimee(
    tmp_path_factory: pytest.TempPathFactory, operations: list[tuple[int, str, str]], encodage: str
) -> None:
    """A real strategy with lines deleted, doubled, shifted or cut: still a result or a refusal,
    and a result keeps every line it could not place (nothing dropped silently is checked on
    the seeds themselves in test_import.py)."""
    texte = _abimer_lignes(SOURCE.read_text(encoding="utf-8"), operations)
    donnees = texte.encode(encodage, errors="replace")
    _importer(_ecrire(tmp_path_factory.mktemp("f"), "revision.txt", donnees))


@FUZZ_DOCUMENT
@given(position=st.integers(0, 200_000), morceau=st.binary(max_size=8), supprimer=st.integers(0, 8))
def test_fuzz_import_graine_octets_abimes(
    tmp_path_factory: pytest.TempPathFactory, position: int, morceau: bytes, supprimer: int
) -> None:
    donnees = _abimer_octets(SOURCE.read_bytes(), position, morceau, supprimer)
    _importer(_ecrire(tmp_path_factory.mktemp("f"), "revision.txt", donnees))


# --- the YAML loader ---------------------------------------------------------------------------


def _charger(chemin: Path) -> Projet | None:
    try:
        projet = charger_projet(chemin)
    except ProjterrError as exc:
        assert str(exc).strip()
        assert "\n" not in str(exc), f"message sur plusieurs lignes : {exc!r}"
        assert chemin.name in str(exc), f"le message ne nomme pas le fichier : {exc}"
        return None
    assert isinstance(projet, Projet)
    return projet


@FUZZ
@example(donnees=b"a: &a [*a]")
@example(donnees=b"- - - - - - - - - - - - - -")
@example(donnees=b"schema: projterr/1\ncontenu: !!python/object:os.system {}")
@given(donnees=st.binary(max_size=2000))
def test_fuzz_yaml_octets(tmp_path_factory: pytest.TempPathFactory, donnees: bytes) -> None:
    _charger(_ecrire(tmp_path_factory.mktemp("f"), "projet.yaml", donnees))


@FUZZ
@given(
    texte=st.text(
        alphabet=st.characters(exclude_categories=["Cs"])
        | st.sampled_from(list(":-[]{}&*!|>'\"#%@`,?\n\t ")),
        max_size=600,
    )
)
def test_fuzz_yaml_texte(tmp_path_factory: pytest.TempPathFactory, texte: str) -> None:
    _charger(_ecrire(tmp_path_factory.mktemp("f"), "projet.yaml", texte.encode("utf-8")))


@FUZZ_DOCUMENT
@given(operations=_operations)
def test_fuzz_yaml_exemple_abime(
    tmp_path_factory: pytest.TempPathFactory, operations: list[tuple[int, str, str]]
) -> None:
    texte = _abimer_lignes(EXEMPLE.read_text(encoding="utf-8"), operations)
    _charger(_ecrire(tmp_path_factory.mktemp("f"), "projet.yaml", texte.encode("utf-8")))


@FUZZ_DOCUMENT
@given(position=st.integers(0, 400_000), morceau=st.binary(max_size=8), supprimer=st.integers(0, 8))
def test_fuzz_yaml_exemple_octets_abimes(
    tmp_path_factory: pytest.TempPathFactory, position: int, morceau: bytes, supprimer: int
) -> None:
    donnees = _abimer_octets(EXEMPLE.read_bytes(), position, morceau, supprimer)
    _charger(_ecrire(tmp_path_factory.mktemp("f"), "projet.yaml", donnees))
