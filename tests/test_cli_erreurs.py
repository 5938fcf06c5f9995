"""Every command, every bad input: exit code 2 and one French line on stderr, never a traceback.

File errors are raised by projterr itself and tested through ``CliRunner`` on ``app``; usage
errors (unknown option, missing argument, bad choice) are Click's and only become French in
``common.lancer``, so they go through ``lancer`` (and a few through ``python -m projterr``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from messages import une_ligne_francaise
from projterr.cli import app, common

VALIDE = """\
schema: projterr/1
territoire: {nom: PETR du Test}
document: {titre: Projet d’essai, type: projet_de_territoire}
niveaux: [pilier]
contenu:
  - id: p1
    type: pilier
    numero: "1"
    titre: Économie
    actions:
      - {id: a1, texte: Harmoniser les aides}
"""

TEXTE = """\
Pilier 1 : Dynamiser l’économie – « œuvre » et emploi

Objectif opérationnel n°1.1.1 : Mettre en œuvre une stratégie

- Harmoniser les aides directes à l’échelle du PETR…
"""

# Words that betray an untranslated Click or Python message.
CONTENUS: dict[str, bytes] = {
    "vide": b"",
    "blancs": b"  \n\n\t\n",
    "octets_nuls": b"Pilier 1\x00\x00\x00 texte\x00" * 20,
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "binaire": bytes(range(256)) * 8,
}
YAML_SEULEMENT: dict[str, bytes] = {
    "yaml_casse": b"schema: projterr/1\nterritoire: {nom: [PETR\ndocument:\n",
    "yaml_tabulation": b"schema: projterr/1\nterritoire:\n\tnom: PETR\n",
    "yaml_cle_double": b"schema: projterr/1\nschema: projterr/1\n",
    "schema_manquant": b"schema: projterr/1\nterritoire: {nom: PETR}\n",
    "schema_type": b"schema: projterr/1\nterritoire: {nom: PETR}\ndocument: {titre: T}\n"
    b"niveaux: pilier\n",
    "schema_litteral": VALIDE.replace("projet_de_territoire", "projet").encode(),
    "schema_cle_inconnue": VALIDE.replace("niveaux:", "niveau:").encode(),
    "pas_un_dictionnaire": b"- une\n- liste\n",
    "latin1_yaml": VALIDE.encode("latin-1", errors="replace"),
}


def _fabriquer(tmp_path: Path, genre: str, suffixe: str) -> Path:
    chemin = tmp_path / f"entree-{genre}{suffixe}"
    if genre == "introuvable":
        return chemin
    if genre == "dossier":
        chemin.mkdir()
        return chemin
    contenu = CONTENUS[genre] if genre in CONTENUS else YAML_SEULEMENT[genre]
    chemin.write_bytes(contenu)
    return chemin


def _valide(tmp_path: Path) -> Path:
    chemin = tmp_path / "valide.yaml"
    chemin.write_text(VALIDE, encoding="utf-8")
    return chemin


# Each command that reads a file, as a function of (bad file, a valid file) → arguments.
COMMANDES: dict[str, Callable[[Path, Path], list[str]]] = {
    "import": lambda f, v: ["import", str(f)],
    "import -o": lambda f, v: ["import", str(f), "-o", str(v.with_name("sortie.yaml"))],
    "check": lambda f, v: ["check", str(f)],
    "check (2e fichier)": lambda f, v: ["check", str(v), str(f)],
    "show": lambda f, v: ["show", str(f)],
    "diff (ancien)": lambda f, v: ["diff", str(f), str(v)],
    "diff (nouveau)": lambda f, v: ["diff", str(v), str(f)],
}

CAS = [
    pytest.param(commande, genre, suffixe, marks=[])
    for commande in COMMANDES
    for suffixe in (".yaml", ".txt")
    for genre in [
        "introuvable", "dossier",
        *CONTENUS, *(YAML_SEULEMENT if suffixe == ".yaml" else ())]
]  # fmt: skip


def _invoquer(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("commande", "genre", "suffixe"), CAS)
def test_mauvaise_entree(tmp_path: Path, commande: str, genre: str, suffixe: str) -> None:
    fichier = _fabriquer(tmp_path, genre, suffixe)
    args = COMMANDES[commande](fichier, _valide(tmp_path))
    code, sortie, erreurs = _invoquer(args)
    assert code == 2, (sortie, erreurs)
    ligne = une_ligne_francaise(erreurs, sortie)
    assert str(fichier) in ligne
    assert not tmp_path.joinpath("sortie.yaml").exists()  # nothing written on error


@pytest.mark.parametrize("suffixe", [".pdf", ".docx", ".odt", ".xls"])
@pytest.mark.parametrize("commande", ["import", "show", "check"])
def test_format_pas_encore_pris(tmp_path: Path, commande: str, suffixe: str) -> None:
    fichier = tmp_path / f"document{suffixe}"
    fichier.write_bytes(CONTENUS["pdf"] if suffixe == ".pdf" else b"PK\x03\x04" + bytes(60))
    code, sortie, erreurs = _invoquer([commande, str(fichier)])
    assert code == 2
    assert str(fichier) in une_ligne_francaise(erreurs, sortie)


# --- encodings: decoded, and said ---------------------------------------------------------


@pytest.mark.parametrize(
    ("encodage", "annonce"),
    [("cp1252", "encodé en Windows-1252"), ("latin-1", "encodé en Latin-1")],
)
def test_import_decode_et_le_dit(tmp_path: Path, encodage: str, annonce: str) -> None:
    texte = (
        TEXTE
        if encodage == "cp1252"
        else TEXTE.replace("’", "'").replace("–", "-").replace("…", "...").replace("œ", "oe")
    )  # Latin-1 has no ’ – … œ
    source = tmp_path / "source.txt"
    source.write_bytes(texte.encode(encodage))
    sortie = tmp_path / "sortie.yaml"
    code, _, erreurs = _invoquer(["import", str(source), "-o", str(sortie)])
    assert code == 0, erreurs
    assert annonce in erreurs
    assert "Traceback" not in erreurs
    yaml = sortie.read_text(encoding="utf-8")
    assert "Dynamiser l" in yaml and "économie" in yaml
    if encodage == "cp1252":
        assert "« œuvre »" in yaml and "l’échelle du PETR…" in yaml


@pytest.mark.parametrize("commande", ["show", "check"])
def test_autres_commandes_lisent_le_windows_1252(tmp_path: Path, commande: str) -> None:
    source = tmp_path / "source.txt"
    source.write_bytes(TEXTE.encode("cp1252"))
    code, sortie, erreurs = _invoquer([commande, str(source)])
    assert code in (0, 1), erreurs
    if commande == "show":
        assert "Dynamiser l’économie" in sortie


# --- usage errors, through common.lancer ---------------------------------------------------


def _lancer(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = common.lancer(app, args)
    sortie, erreurs = capsys.readouterr()
    return code, sortie, erreurs


USAGE_OK = [
    ["import", "x.txt", "--inconnue"],
    ["show", "x.yaml", "--inconnue"],
    ["diff", "a.yaml", "b.yaml", "--inconnue"],
    ["schema", "--inconnue"],
    ["profils", "--inconnue"],
    ["import"],
    ["show"],
    ["diff", "a.yaml"],
    ["diff"],
]
USAGE_A_TRADUIRE = [
    (["import", "x.txt", "--profil"], "« l'option » perd son apostrophe : « loption »"),
    (["import", "x.txt", "en-trop"], "« Got unexpected extra argument(s) » non traduit"),
    (["show", "x.yaml", "--niveau", "abc"], "« Invalid value for '--niveau' / '-n' » non traduit"),
    (["check", "x.yaml", "--format", "rouge"], "« Invalid value for '--format' »"),
    (["diff", "a.yaml", "b.yaml", "--format", "rouge"], "« Invalid value for '--format' / '-f' »"),
    (["nimporte-quoi"], "« Did you mean … ? » reste en anglais"),
    (["shw"], "« Did you mean show? » reste en anglais"),
    (["check", "x.yaml", "--inconnue"], "« (Possible options: --ignorer) » reste en anglais"),
]  # fmt: skip


@pytest.mark.parametrize("args", USAGE_OK, ids=" ".join)
def test_erreur_d_utilisation(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, sortie, erreurs = _lancer(args, capsys)
    assert code == 2
    assert "(voir projterr --help)" in une_ligne_francaise(erreurs, sortie)


@pytest.mark.parametrize(
    "args",
    [pytest.param(a) for a, _ in USAGE_A_TRADUIRE],
    ids=[" ".join(a) for a, _ in USAGE_A_TRADUIRE],
)
def test_erreur_d_utilisation_a_traduire(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, sortie, erreurs = _lancer(args, capsys)
    assert code == 2
    ligne = une_ligne_francaise(erreurs, sortie)
    assert "loption" not in ligne
    for anglais in (
        "Invalid value",
        "Did you mean",
        "Got unexpected",
        "Possible options",
        "requires an argument",
        "is not one of",
        "Input should",
    ):
        assert anglais not in ligne


def test_profil_inconnu(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source.txt"
    source.write_text(TEXTE, encoding="utf-8")
    code, sortie, erreurs = _lancer(["import", str(source), "--profil", "inexistant"], capsys)
    assert code == 2
    ligne = une_ligne_francaise(erreurs, sortie)
    assert "« inexistant »" in ligne and "generique" in ligne  # says which ones exist


def test_profil_fichier_introuvable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source.txt"
    source.write_text(TEXTE, encoding="utf-8")
    profil = tmp_path / "absent.yaml"
    code, sortie, erreurs = _lancer(["import", str(source), "--profil", str(profil)], capsys)
    assert code == 2
    assert str(profil) in une_ligne_francaise(erreurs, sortie)


def test_schema_vers_un_dossier(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, sortie, erreurs = _lancer(["schema", "-o", str(tmp_path)], capsys)
    assert code == 2
    assert str(tmp_path) in une_ligne_francaise(erreurs, sortie)


def test_schema_dossier_absent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cible = tmp_path / "absent" / "schema.json"
    code, sortie, erreurs = _lancer(["schema", "-o", str(cible)], capsys)
    assert code == 2
    assert str(cible) in une_ligne_francaise(erreurs, sortie)


# --- inputs are never modified -------------------------------------------------------------


def _empreinte(chemin: Path) -> tuple[bytes, int]:
    return chemin.read_bytes(), chemin.stat().st_mtime_ns


@pytest.mark.parametrize(
    "faire",
    [
        lambda y, t, d: ["import", str(t), "-o", str(d / "sortie.yaml")],
        lambda y, t, d: ["import", str(y)],
        lambda y, t, d: ["check", str(y), str(t)],
        lambda y, t, d: ["show", str(y), "--actions"],
        lambda y, t, d: ["show", str(t)],
        lambda y, t, d: ["diff", str(y), str(t)],
        lambda y, t, d: ["diff", str(t), str(y), "--format", "json", "-o", str(d / "d.json")],
    ],
    ids=["import-txt", "import-yaml", "check", "show-yaml", "show-txt", "diff", "diff-json"],
)
def test_les_entrees_ne_changent_pas(tmp_path: Path, faire: Callable[..., list[str]]) -> None:
    yaml, texte = _valide(tmp_path), tmp_path / "source.txt"
    texte.write_text(TEXTE, encoding="utf-8")
    avant = {p: _empreinte(p) for p in (yaml, texte)}
    code, _, erreurs = _invoquer(faire(yaml, texte, tmp_path))
    assert code in (0, 1), erreurs
    assert {p: _empreinte(p) for p in (yaml, texte)} == avant


@pytest.mark.parametrize(
    "faire",
    [
        lambda y, t: ["import", str(y), "-o", str(y)],
        lambda y, t: ["import", str(t), "-o", str(t)],
        lambda y, t: ["import", str(t), "-o", str(t.parent / "." / t.name)],
        lambda y, t: ["check", str(y), "-o", str(y)],
        lambda y, t: ["diff", str(y), str(t), "--format", "json", "-o", str(t)],
    ],
    ids=["import-yaml", "import-txt", "import-chemin-detourne", "check", "diff"],
)
def test_ecraser_l_entree_est_refuse(tmp_path: Path, faire: Callable[..., list[str]]) -> None:
    yaml, texte = _valide(tmp_path), tmp_path / "source.txt"
    texte.write_text(TEXTE, encoding="utf-8")
    avant = {p: _empreinte(p) for p in (yaml, texte)}
    code, sortie, erreurs = _invoquer(faire(yaml, texte))
    assert code == 2
    assert "écraserait" in une_ligne_francaise(erreurs, sortie)
    assert {p: _empreinte(p) for p in (yaml, texte)} == avant


# --- end to end: python -m projterr ---------------------------------------------------------


def _projterr(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "projterr", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize("commande", ["import", "check", "show"])
def test_bout_en_bout_fichier_introuvable(tmp_path: Path, commande: str) -> None:
    absent = tmp_path / "absent.yaml"
    fini = _projterr(commande, str(absent))
    assert fini.returncode == 2
    ligne = une_ligne_francaise(fini.stderr, fini.stdout)
    assert ligne == f"projterr : {absent} : fichier introuvable"


def test_bout_en_bout_usage() -> None:
    fini = _projterr("show", "--inconnue")
    assert fini.returncode == 2
    assert une_ligne_francaise(fini.stderr, fini.stdout).startswith(
        "projterr : option inconnue : --inconnue"
    )
    assert fini.stdout == ""


def test_bout_en_bout_yaml_casse(tmp_path: Path) -> None:
    fichier = _fabriquer(tmp_path, "yaml_tabulation", ".yaml")
    fini = _projterr("diff", str(fichier), str(_valide(tmp_path)))
    assert fini.returncode == 2
    assert "ligne 3" in une_ligne_francaise(fini.stderr, fini.stdout)


def test_debug_montre_la_trace(tmp_path: Path) -> None:
    fini = _projterr("--debug", "show", str(tmp_path / "absent.yaml"))
    assert fini.returncode != 0
    assert "Traceback" in fini.stderr
    assert "FichierIllisible" in fini.stderr


def test_sans_argument_affiche_l_aide() -> None:
    fini = _projterr()
    assert fini.returncode == 0
    assert "Usage" in fini.stdout or "Utilisation" in fini.stdout
