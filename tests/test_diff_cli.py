"""`projterr diff` from the command line: formats, golden files, exit codes, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from projterr.cli import app
from projterr.diff import comparer
from projterr.importers import charger_projet
from projterr.render.diff.json_ import json_

DONNEES = Path(__file__).parent / "data" / "diff"
SOURCE = DONNEES / "coeur-de-lorraine_revision-projet-de-territoire.txt"
REVISION = DONNEES / "coeur-de-lorraine_revision-2027.txt"
REGENERER = bool(os.environ.get("PROJTERR_REGENERER"))

runner = CliRunner()


def _diff(*args: str) -> tuple[int, str, str]:
    resultat = runner.invoke(app, ["diff", *args])
    return resultat.exit_code, resultat.stdout, resultat.stderr


@pytest.mark.parametrize(("fmt", "golden"), [("json", "attendu.json"), ("markdown", "attendu.md")])
def test_golden(fmt: str, golden: str, tmp_path: Path) -> None:
    sortie = tmp_path / golden
    code, _, stderr = _diff(str(SOURCE), str(REVISION), "--format", fmt, "-o", str(sortie))
    assert code == 1, stderr
    obtenu = sortie.read_text(encoding="utf-8")
    if REGENERER:
        (DONNEES / golden).write_text(obtenu, encoding="utf-8")
    assert obtenu == (DONNEES / golden).read_text(encoding="utf-8")


def test_json_de_la_cli_est_celui_de_la_bibliotheque() -> None:
    code, stdout, _ = _diff(str(SOURCE), str(REVISION), "-f", "json")
    assert code == 1
    attendu = comparer(
        charger_projet(SOURCE), charger_projet(REVISION), fichiers=(SOURCE.name, REVISION.name)
    )
    assert stdout == json_(attendu)
    donnees = json.loads(stdout)
    assert set(donnees) >= {"ancien", "nouveau", "resume", "changements"}
    for c in donnees["changements"]:
        assert set(c) >= {"types", "nature", "ancien", "nouveau", "similarite", "segments"}
        assert (c["ancien"] is None) == (c["types"] == ["ajout"])
        assert (c["nouveau"] is None) == (c["types"] == ["suppression"])


def test_identiques_code_0() -> None:
    code, stdout, _ = _diff(str(SOURCE), str(SOURCE))
    assert code == 0
    assert "Résumé : Aucune différence." in stdout


def test_texte_par_defaut_groupe_par_pilier_et_marque_les_mots() -> None:
    code, stdout, _ = _diff(str(SOURCE), str(REVISION))
    assert code == 1
    lignes = stdout.splitlines()
    piliers = [ligne for ligne in lignes if ligne.startswith("Pilier ")]
    assert [p.split(" :")[0] for p in piliers] == ["Pilier 1", "Pilier 2", "Pilier 3", "Pilier 4"]
    assert "[-Mettre en place une harmonisation des-]{+Harmoniser les+}" in stdout
    assert lignes[-1] == (
        "Résumé : 1 pilier modifié ; 1 objectif opérationnel ajouté ; 2 objectifs "
        "opérationnels modifiés ; 4 objectifs opérationnels renumérotés ; 2 actions ajoutées, "
        "dont 2 dans le nouvel objectif opérationnel 1.2.2 ; 4 actions supprimées ; "
        "2 actions déplacées ; 4 actions modifiées."
    )
    # the documents are named by title and version, never by their file names
    assert SOURCE.name not in stdout and REVISION.name not in stdout


def test_texte_dans_un_fichier(tmp_path: Path) -> None:
    sortie = tmp_path / "diff.txt"
    code, stdout, _ = _diff(str(SOURCE), str(REVISION), "-o", str(sortie))
    assert code == 1 and stdout == ""
    assert "{+Réussir+}" in sortie.read_text(encoding="utf-8")


def test_html_autonome(tmp_path: Path) -> None:
    sortie = tmp_path / "diff.html"
    code, _, _ = _diff(str(SOURCE), str(REVISION), "-f", "html", "-o", str(sortie))
    assert code == 1
    page = sortie.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page
    assert "<del>Mettre en place une harmonisation des</del><ins>Harmoniser les</ins>" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert page.count("<section>") == 4
    assert "@media print" in page


def test_yaml_et_texte_se_comparent(tmp_path: Path) -> None:
    yaml = tmp_path / "source.yaml"
    resultat = runner.invoke(app, ["import", str(SOURCE), "-o", str(yaml)])
    assert resultat.exit_code == 0
    code, _, _ = _diff(str(yaml), str(SOURCE))
    assert code == 0
    code, stdout, _ = _diff(str(yaml), str(REVISION), "-f", "json")
    assert code == 1 and json.loads(stdout)["resume"]["suppression"] == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["absent.yaml", str(SOURCE)], "absent.yaml"),
        ([str(SOURCE), str(SOURCE), "--seuil", "150"], "--seuil attend un nombre entre 0 et 100"),
        ([str(SOURCE), str(SOURCE), "--seuil", "0,75"], "écrivez 75"),
        ([str(SOURCE), str(SOURCE), "--seuil", "beaucoup"], "--seuil"),
        ([str(SOURCE), str(SOURCE), "--format", "pdf"], "--format"),
        ([str(SOURCE)], "argument manquant"),
    ],
)
def test_erreurs_une_ligne_en_francais_code_2(args: list[str], message: str) -> None:
    resultat = subprocess.run(
        [sys.executable, "-m", "projterr", "diff", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert resultat.returncode == 2
    lignes = resultat.stderr.splitlines()
    assert len(lignes) == 1 and lignes[0].startswith("projterr : ")
    assert message in lignes[0]
    assert "Traceback" not in resultat.stderr


def test_sortie_n_ecrase_pas_une_entree(tmp_path: Path) -> None:
    copie = tmp_path / "source.txt"
    copie.write_bytes(SOURCE.read_bytes())
    code, _, stderr = _diff(str(copie), str(REVISION), "-f", "json", "-o", str(copie))
    assert code == 2 and "écraserait" in stderr
    assert copie.read_bytes() == SOURCE.read_bytes()


def test_sous_processus_code_1_et_json_sur_stdout() -> None:
    resultat = subprocess.run(
        [sys.executable, "-m", "projterr", "diff", str(SOURCE), str(REVISION), "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert resultat.returncode == 1, resultat.stderr
    assert json.loads(resultat.stdout)["resume"]["ajout"] == 1


def test_aide_en_francais() -> None:
    resultat = runner.invoke(app, ["diff", "--help"])
    assert resultat.exit_code == 0
    assert "Comparer deux versions" in resultat.stdout and "--seuil" in resultat.stdout


def test_terminal_en_couleur_barre_et_souligne_sans_marques() -> None:
    from rich.console import Console

    from projterr.render.diff.texte import afficher

    rapport = comparer(charger_projet(SOURCE), charger_projet(REVISION))
    console = Console(force_terminal=True, color_system="truecolor", width=200, record=True)
    with console.capture() as capture:
        afficher(rapport, console)
    sortie = capture.get()
    assert "\x1b[" in sortie and "[-" not in sortie and "{+" not in sortie
    assert "\x1b[9" in sortie or ";9m" in sortie or ";9;" in sortie  # strike-through
