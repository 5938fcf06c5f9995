"""`projterr referentiels` and `projterr classify` through the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from messages import une_ligne_francaise
from projterr.classement import classer
from projterr.cli import app
from projterr.referentiels import charger_referentiel, charger_sigles, referentiels_livres
from projterr.yamlio import charger_projet

ROOT = Path(__file__).resolve().parents[1]
COEUR = ROOT / "examples" / "coeur-de-lorraine_2025.yaml"
COMMENTE = ROOT / "tests" / "fixtures" / "yaml" / "coeur-2025-commente.yaml"
runner = CliRunner()


# --- referentiels ---------------------------------------------------------------------------


def test_liste() -> None:
    r = runner.invoke(app, ["referentiels"])
    assert r.exit_code == 0, r.stderr
    for nom in referentiels_livres():
        ref = charger_referentiel(nom)
        assert any(
            ligne.startswith(nom) and ref.titre in ligne and f"({len(ref.themes)} thème" in ligne
            for ligne in r.stdout.splitlines()
        ), nom
    assert r.stdout.count("source : ") == len(referentiels_livres())


def test_un_referentiel() -> None:
    r = runner.invoke(app, ["referentiels", "crte"])
    assert r.exit_code == 0
    assert "crte:se_deplacer — Mieux se déplacer" in r.stdout
    assert "covoiturage" in r.stdout and "source : " in r.stdout


def test_json_comme_la_bibliotheque() -> None:
    r = runner.invoke(app, ["referentiels", "odd", "--format", "json"])
    assert json.loads(r.stdout) == charger_referentiel("odd").to_dict()
    r = runner.invoke(app, ["referentiels", "-f", "json"])
    assert [d["nom"] for d in json.loads(r.stdout)] == referentiels_livres()


def test_fichier_utilisateur(tmp_path: Path) -> None:
    chemin = tmp_path / "maison.yaml"
    chemin.write_text(
        "titre: Maison\nsource: moi\nthemes:\n  - {code: pig, libelle: PIG, mots_cles: [PIG]}\n",
        encoding="utf-8",
    )
    r = runner.invoke(app, ["referentiels", str(chemin)])
    assert r.exit_code == 0 and "maison:pig — PIG" in r.stdout
    r = runner.invoke(app, ["classify", str(COEUR), "-r", str(chemin), "-f", "json"])
    assert r.exit_code == 0
    tags = {a["id"]: [t["etiquette"] for t in a["themes"]] for a in json.loads(r.stdout)["actions"]}
    assert tags["a-0427ac9d"] == ["maison:pig"]


@pytest.mark.parametrize("commande", ["referentiels", "classify"])
def test_nom_inconnu(commande: str) -> None:
    args = ["referentiels", "zorglub"] if commande == "referentiels" else [
        "classify", str(COEUR), "--referentiel", "zorglub"]  # fmt: skip
    r = runner.invoke(app, args)
    assert r.exit_code == 2
    ligne = une_ligne_francaise(r.stderr)
    assert "référentiel inconnu « zorglub »" in ligne and "pvd" in ligne


@pytest.mark.parametrize(
    ("contenu", "attendu"),
    [
        (b"titre: [casse\nsource: x\n", "YAML invalide"),
        (b"titre: t\nsource: s\nthemes:\n  - code: Mauvais Code\n", "code invalide"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "YAML"),
    ],
)
@pytest.mark.parametrize("commande", ["referentiels", "classify"])
def test_referentiel_casse(tmp_path: Path, commande: str, contenu: bytes, attendu: str) -> None:
    chemin = tmp_path / "casse.yaml"
    chemin.write_bytes(contenu)
    args = ["referentiels", str(chemin)] if commande == "referentiels" else [
        "classify", str(COEUR), "-r", str(chemin)]  # fmt: skip
    r = runner.invoke(app, args)
    assert r.exit_code == 2
    ligne = une_ligne_francaise(r.stderr)
    assert str(chemin) in ligne and attendu in ligne


# --- classify ---------------------------------------------------------------------------------


def test_classify_texte() -> None:
    r = runner.invoke(app, ["classify", str(COEUR), "--referentiel", "pvd"])
    assert r.exit_code == 0, r.stderr
    assert "a-0427ac9d : Mise en place d’un Programme d’Intérêt Général (PIG)" in r.stdout
    assert "pvd:habitat (Améliorer l'habitat) : « PIG »" in r.stdout
    assert "actions sur 71 avec au moins un thème." in r.stdout
    assert "aucun thème" in r.stdout


def test_classify_json_comme_la_bibliotheque() -> None:
    r = runner.invoke(app, ["classify", str(COEUR), "-r", "odd", "--format", "json"])
    assert r.exit_code == 0
    attendu = classer(
        charger_projet(COEUR, lignes=True),
        charger_referentiel("odd"),
        charger_sigles(),
        fichier=str(COEUR),
    ).to_dict()
    assert json.loads(r.stdout) == attendu


def test_sans_ecrire_le_fichier_est_intact(tmp_path: Path) -> None:
    copie = tmp_path / "coeur.yaml"
    shutil.copy(COMMENTE, copie)
    avant = copie.read_bytes()
    r = runner.invoke(app, ["classify", str(copie), "-r", "pvd"])
    assert r.exit_code == 0
    assert copie.read_bytes() == avant


def test_ecrire(tmp_path: Path) -> None:
    copie = tmp_path / "coeur.yaml"
    shutil.copy(COMMENTE, copie)
    avant = copie.read_text("utf-8")
    r = runner.invoke(app, ["classify", str(copie), "-r", "pvd", "--ecrire"])
    assert r.exit_code == 0, r.stderr
    apres = copie.read_text("utf-8")
    # comments and layout kept: the only change is the added thematiques lines
    ajoutees = [ligne for ligne in apres.splitlines() if ligne not in avant.splitlines()]
    assert ajoutees and all("thematiques" in x or x.strip().startswith("- pvd:") for x in ajoutees)
    assert [x for x in avant.splitlines() if x not in apres.splitlines()] == []
    projet = charger_projet(copie)
    harmonisation = next(a for _, a in projet.actions() if a.id == "a-7f3c")
    assert harmonisation.thematiques == ["pvd:economie"]
    # other référentiels are kept, the same one is replaced
    r = runner.invoke(app, ["classify", str(copie), "-r", "odd", "--ecrire"])
    r = runner.invoke(app, ["classify", str(copie), "-r", "pvd", "--ecrire"])
    harmonisation = next(a for _, a in charger_projet(copie).actions() if a.id == "a-7f3c")
    assert harmonisation.thematiques == ["pvd:economie", "odd:8"]


def test_ecrire_sur_une_source_texte(tmp_path: Path) -> None:
    source = tmp_path / "projet.txt"
    source.write_text("Pilier 1 : Économie\n\n- Harmoniser les aides\n", encoding="utf-8")
    avant = source.read_bytes()
    r = runner.invoke(app, ["classify", str(source), "-r", "pvd", "--ecrire"])
    assert r.exit_code == 2
    assert "--ecrire ne s'applique qu'à un document projterr (.yaml)" in une_ligne_francaise(
        r.stderr
    )
    assert source.read_bytes() == avant
    r = runner.invoke(app, ["classify", str(source), "-r", "pvd"])
    assert r.exit_code == 0  # a text source is imported, as show and check do


@pytest.mark.parametrize("ecrire", [False, True])
@pytest.mark.parametrize(
    ("contenu", "attendu"),
    [
        (b"schema: projterr/1\nterritoire: {nom: [PETR\n", "YAML invalide"),
        (b"schema: projterr/1\nterritoire: {nom: PETR}\n", "champ « document »"),
    ],
)
def test_document_casse(tmp_path: Path, contenu: bytes, attendu: str, ecrire: bool) -> None:
    chemin = tmp_path / "casse.yaml"
    chemin.write_bytes(contenu)
    r = runner.invoke(app, ["classify", str(chemin), "-r", "pvd", *(["--ecrire"] * ecrire)])
    assert r.exit_code == 2
    ligne = une_ligne_francaise(r.stderr)
    assert str(chemin) in ligne and attendu in ligne
    assert chemin.read_bytes() == contenu


def test_document_absent(tmp_path: Path) -> None:
    r = runner.invoke(app, ["classify", str(tmp_path / "absent.yaml"), "-r", "pvd"])
    assert r.exit_code == 2
    assert "absent.yaml" in une_ligne_francaise(r.stderr)


def test_referentiel_obligatoire() -> None:
    from projterr.cli import common

    assert common.lancer(app, ["classify", str(COEUR)]) == 2


def test_document_sans_action() -> None:
    cls = ROOT / "examples" / "coeur-de-lorraine_cls.yaml"
    r = runner.invoke(app, ["classify", str(cls), "-r", "pvd"])
    assert r.exit_code == 0
    assert "Ce document n'a pas d'action à classer." in r.stdout
