"""CLI tests of import, schema and profils, and of the conventions every command shares."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from projterr.cli import app
from projterr.yamlio import charger_projet, charger_yaml, loads, valider_projet

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CDL = EXAMPLES / "sources" / "coeur-de-lorraine_revision-projet-de-territoire.txt"
runner = CliRunner()


def test_import_vers_la_sortie_standard() -> None:
    r = runner.invoke(app, ["import", str(CDL)])
    assert r.exit_code == 0, r.stderr
    projet = valider_projet(loads(r.stdout))
    assert sum(1 for _ in projet.actions()) == 71
    assert "4 piliers, 9 objectifs stratégiques, 22 objectifs opérationnels, 71 actions" in r.stderr
    assert "Aucune ligne non classée." in r.stderr


def test_import_vers_un_fichier(tmp_path: Path) -> None:
    sortie = tmp_path / "cdl.yaml"
    r = runner.invoke(app, ["import", str(CDL), "-o", str(sortie)])
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert f"Écrit dans {sortie}" in r.stderr
    assert charger_projet(sortie).document.source.profil == "coeur-de-lorraine"  # type: ignore[union-attr]


def test_import_profil_impose(tmp_path: Path) -> None:
    source = tmp_path / "axes.txt"
    source.write_text("Pilier 1 : Habiter\n- Rénover\n", encoding="utf-8")
    r = runner.invoke(app, ["import", str(source), "--profil", "generique"])
    assert r.exit_code == 0, r.stderr
    assert "profil « generique »" in r.stderr
    (pilier,) = valider_projet(loads(r.stdout)).contenu
    assert (pilier.type, pilier.numero, pilier.titre) == ("pilier", "1", "Habiter")


def test_import_lignes_non_classees_annoncees(tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("Axe 1 : Mobilité\n- Covoiturage\n12\n", encoding="utf-8")
    r = runner.invoke(app, ["import", str(source)])
    assert r.exit_code == 0
    assert "1 ligne non classée (numéro de page : 1)" in r.stderr
    (nc,) = valider_projet(loads(r.stdout)).non_classe
    assert (nc.ligne, nc.texte) == (3, "12")


def test_import_windows_1252_decode_et_le_dit(tmp_path: Path) -> None:
    source = tmp_path / "ancien.txt"
    source.write_bytes("Axe 1 : Énergie\n- Réduire l’éclairage public\n".encode("cp1252"))
    r = runner.invoke(app, ["import", str(source)])
    assert r.exit_code == 0
    assert "encodé en Windows-1252" in r.stderr
    (axe,) = valider_projet(loads(r.stdout)).contenu
    assert axe.titre == "Énergie"
    assert axe.actions[0].texte == "Réduire l’éclairage public"


def test_schema_valide_les_exemples() -> None:
    r = runner.invoke(app, ["schema"])
    assert r.exit_code == 0
    schema = json.loads(r.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validateur = jsonschema.Draft202012Validator(schema)
    for exemple in EXAMPLES.glob("*.yaml"):
        donnees = json.loads(json.dumps(charger_yaml(exemple), default=str))
        erreurs = list(validateur.iter_errors(donnees))
        assert not erreurs, (exemple.name, erreurs[0].message)
    # and it rejects what the model rejects
    assert list(validateur.iter_errors({"schema": "projterr/1", "territoire": {}}))


def test_schema_vers_un_fichier(tmp_path: Path) -> None:
    sortie = tmp_path / "projterr.schema.json"
    r = runner.invoke(app, ["schema", "-o", str(sortie)])
    assert r.exit_code == 0
    assert json.loads(sortie.read_text("utf-8"))["title"].startswith("Document projterr")


def test_profils_liste_les_profils_livres() -> None:
    r = runner.invoke(app, ["profils", "--details"])
    assert r.exit_code == 0
    for nom in [
        "coeur-de-lorraine",
        "midi-quercy",
        "petites-villes-de-demain",
        "atelier-des-territoires",
        "site-missions-cls",
        "generique",
    ]:
        assert nom in r.stdout
    assert "objectif_operationnel" in r.stdout


def _commandes() -> list[str]:
    return [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]


@pytest.mark.parametrize("commande", _commandes())
def test_chaque_commande_a_une_aide_en_francais(commande: str) -> None:
    r = runner.invoke(app, [commande, "--help"])
    assert r.exit_code == 0
    cmd = next(c for c in app.registered_commands if (c.name or "") == commande)
    doc = (cmd.callback.__doc__ or "").strip()  # type: ignore[union-attr]
    assert doc, f"la commande {commande} n'a pas de docstring"
    assert doc.split()[0] in r.stdout
    assert r.stdout.startswith(f"Utilisation : projterr {commande}")
    for anglais in ("Usage:", "Show this message", "[default", "[required]", "Commands:"):
        assert anglais not in r.stdout, anglais
    # values are named in French capitals (FICHIER, SEUIL), never by Typer's Python type
    for type_python in ("<path>", "<str>", "<float", "<int", "<list[", "{fichier", "{ancien"):
        assert type_python not in r.stdout, type_python
    # every option has its help text
    import typer.main

    click_cmd = typer.main.get_command(app).commands[commande]  # type: ignore[attr-defined]
    for param in click_cmd.params:
        if param.param_type_name == "option" and param.name != "help":
            assert param.help, f"{commande} : option {param.name} sans aide"


def test_readme_documente_chaque_commande() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for commande in _commandes():
        assert f"projterr {commande}" in readme, commande


def test_sans_argument_affiche_l_aide() -> None:
    r = subprocess.run([sys.executable, "-m", "projterr"], capture_output=True, text=True)
    assert r.returncode == 0
    assert "import" in r.stdout and "diff" in r.stdout
    assert "Commandes:" in r.stdout and "Afficher cette aide et quitter." in r.stdout


def test_version() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "projterr", "--version"], capture_output=True, text=True
    )
    assert r.returncode == 0
    assert r.stdout.startswith("projterr ")


def test_option_inconnue_une_ligne_en_francais() -> None:
    # (an option no real one resembles: Click would suggest « --force » for « --nope »)
    r = subprocess.run(
        [sys.executable, "-m", "projterr", "import", str(CDL), "--zzz"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 2
    assert r.stderr.splitlines() == ["projterr : option inconnue : --zzz (voir projterr --help)"]
    assert "Traceback" not in r.stderr
