"""`projterr match` through the command line: formats, the JSON contract, bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from messages import une_ligne_francaise
from projterr.cli import app, main

ROOT = Path(__file__).resolve().parents[1]
COEUR = ROOT / "examples" / "coeur-de-lorraine_2025.yaml"
MQ = ROOT / "examples" / "midi-quercy.yaml"
IO = ROOT / "examples" / "isigny-omaha_pvd.yaml"
runner = CliRunner()
WORD_EDITE = ROOT / "tests" / "data" / "word-edite"


def _json(*args: str) -> dict:
    r = runner.invoke(app, ["match", *args, "-f", "json"])
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_contrat_json() -> None:
    d = _json(str(COEUR), str(MQ), "--top", "2")
    assert d["a"]["titre"].startswith("Révision du projet de territoire")
    assert d["b"]["territoire"] == "PETR du Pays Midi-Quercy"
    assert d["paires"]
    for p in d["paires"]:
        assert set(p) >= {"a", "b", "score", "raisons"}
        for cote in ("a", "b"):
            assert {"id", "numero", "texte", "territoire", "document"} <= set(p[cote])
        assert 40 <= p["score"] <= 100 and p["raisons"]
    par_a: dict[str, list[float]] = {}
    for p in d["paires"]:
        par_a.setdefault(p["a"]["id"], []).append(p["score"])
    assert all(len(s) <= 2 and s == sorted(s, reverse=True) for s in par_a.values())
    assert d["parametres"] == {
        "seuil": 40.0,
        "top": 2,
        "un_pour_un": False,
        "couches": ["sigles", "themes", "thesaurus"],
    }


def test_pat_et_ses_raisons() -> None:
    d = _json(str(COEUR), str(MQ))
    (paire,) = [
        p for p in d["paires"] if p["a"]["id"] == "a-7b9e8152" and p["b"]["id"] == "a-7d581852"
    ]
    assert "mots communs : PAT" in paire["raisons"]
    # the same subject, two different actions (préfiguration, labellisation): the 60–80 band
    # of docs/match.md, and the first pair of this action
    assert 60 <= paire["score"] < 80
    premiere = max(
        (p for p in d["paires"] if p["a"]["id"] == "a-7b9e8152"), key=lambda p: p["score"]
    )
    assert premiere["b"]["id"] == "a-7d581852"


def test_un_pour_un_et_seuil() -> None:
    d = _json(str(COEUR), str(IO), "--un-pour-un", "--seuil", "60")
    cles = [(p["b"]["territoire"], p["b"]["document"], p["b"]["id"]) for p in d["paires"]]
    assert len(cles) == len(set(cles))
    assert all(p["score"] >= 60 for p in d["paires"])


def test_aucune_correspondance_code_0(tmp_path: Path) -> None:
    autre = tmp_path / "autre.yaml"
    autre.write_text(
        "schema: projterr/1\nterritoire: {nom: Ailleurs}\ndocument: {titre: Rien}\n"
        "contenu:\n  - {id: p, type: pilier, titre: Zzz, actions: [{id: a, texte: Qwerty}]}\n",
        encoding="utf-8",
    )
    r = runner.invoke(app, ["match", str(COEUR), str(autre), "-f", "json"])
    assert r.exit_code == 0
    assert json.loads(r.stdout)["paires"] == []


@pytest.mark.parametrize("format_", ["text", "markdown", "html"])
def test_formats(format_: str, tmp_path: Path) -> None:
    sortie = tmp_path / f"m.{format_}"
    r = runner.invoke(app, ["match", str(COEUR), str(IO), "-f", format_, "-o", str(sortie)])
    assert r.exit_code == 0, r.stderr
    contenu = sortie.read_text(encoding="utf-8")
    assert "Petites villes de demain" in contenu
    assert "thésaurus" in contenu
    if format_ == "html":
        assert contenu.startswith("<!DOCTYPE html>") and 'lang="fr"' in contenu


def test_texte_dit_pourquoi() -> None:
    r = runner.invoke(app, ["match", str(COEUR), str(MQ), "--top", "1"])
    assert r.exit_code == 0
    assert "Correspondances de : " in r.stdout
    assert "· mots communs : " in r.stdout and "· même thème PVD : " in r.stdout
    assert "éléments comparés." in r.stdout.splitlines()[-1]


def test_dossier_et_index(tmp_path: Path) -> None:
    dossier = tmp_path / "autres"
    (dossier / "sous").mkdir(parents=True)
    shutil.copy(MQ, dossier / "mq.yaml")
    shutil.copy(IO, dossier / "sous" / "io.yaml")
    (dossier / "notes.yaml").write_text("pas: un document\n", encoding="utf-8")
    index = tmp_path / "corpus.idx"
    r = runner.invoke(app, ["match", str(COEUR), str(dossier), "--index", str(index), "-f", "json"])
    assert r.exit_code == 0, r.stderr
    assert "notes.yaml : ignoré" in r.stderr
    premier = json.loads(r.stdout)
    assert premier["b"]["titre"] == "autres (2 documents)"
    assert {p["b"]["territoire"] for p in premier["paires"]} == {
        "PETR du Pays Midi-Quercy",
        "Isigny-Omaha Intercom",
    }
    assert index.exists()
    r = runner.invoke(app, ["match", str(COEUR), str(dossier), "--index", str(index), "-f", "json"])
    assert json.loads(r.stdout) == premier
    assert "ignoré" not in r.stderr  # the saved index was used: no file was read again


@pytest.mark.parametrize(
    ("args", "attendu"),
    [
        (["absent.yaml", str(MQ)], "absent.yaml"),
        ([str(COEUR), "absent/"], "introuvable"),
        ([str(COEUR), str(MQ), "--seuil", "0,5"], "--seuil s’exprime de 0 à 100"),
        ([str(COEUR), str(MQ), "--seuil", "beaucoup"], "--seuil attend un nombre"),
        ([str(COEUR), str(MQ), "--top", "0"], "--top attend un nombre entier d'au moins 1"),
        ([str(COEUR), str(MQ), "--top", "deux"], "--top"),
        ([str(COEUR), str(MQ), "--couches", "sigles,magie"], "couche inconnue « magie »"),
        ([str(COEUR), str(MQ), "--referentiels", "inconnu"], "référentiel inconnu"),
        ([str(COEUR), str(MQ), "-f", "pdf"], "--format"),
        # a folder of sources (no projterr document): not a corpus, not one document
        (
            [str(ROOT / "tests" / "data" / "word-edite"), str(MQ)],
            "pas un document : donnez un fichier",
        ),
        ([str(COEUR), str(MQ), "-f", "xlsx"], "le format xlsx s'écrit dans un fichier"),
    ],
)
def test_mauvaises_entrees(
    args: list[str], attendu: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as fin:
        main(["match", *args])
    sortie, erreurs = capsys.readouterr()
    assert fin.value.code == 2, sortie
    assert attendu in une_ligne_francaise(erreurs)


def test_index_illisible(tmp_path: Path) -> None:
    index = tmp_path / "corpus.idx"
    index.write_text("{pas du json", encoding="utf-8")
    r = runner.invoke(app, ["match", str(COEUR), str(MQ), "--index", str(index)])
    assert r.exit_code == 2
    assert "n'est pas un index de projterr match" in une_ligne_francaise(r.stderr)


def test_dossier_sans_document(tmp_path: Path) -> None:
    r = runner.invoke(app, ["match", str(COEUR), str(tmp_path)])
    assert r.exit_code == 2
    assert "dossier sans document projterr" in une_ligne_francaise(r.stderr)


def test_aide_sans_rapidfuzz() -> None:
    """`projterr match --help` imports neither rapidfuzz nor numpy."""
    code = (
        "import sys\nfrom projterr.cli import main\n"
        "try:\n    main(['match', '--help'])\nexcept SystemExit:\n    pass\n"
        "print('rapidfuzz' in sys.modules, 'numpy' in sys.modules, 'sklearn' in sys.modules)"
    )
    sortie = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert sortie.strip().splitlines()[-1] == "False False False"


def test_barre_de_progression_sur_un_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal and a long run, the bar advances on stderr, then goes away."""
    import io

    from projterr.cli.progression import Progression

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    flux = Terminal()
    monkeypatch.setattr(sys, "stderr", flux)
    with Progression(10) as suivi:
        suivi.debut("lecture de B", 5)  # short: no bar
        assert suivi._barre is None
        suivi.debut("lecture de B", 100)
        suivi.avancer(50)
        suivi.debut("correspondances", 20)
        suivi.avancer(20)
        assert suivi._barre is not None
    assert "lecture de B" in flux.getvalue()


def test_excel(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    sortie = tmp_path / "correspondances.xlsx"
    r = runner.invoke(app, ["match", str(COEUR), str(MQ), "-f", "xlsx", "-o", str(sortie)])
    assert r.exit_code == 0, r.stderr
    d = _json(str(COEUR), str(MQ))
    classeur = load_workbook(sortie)
    assert classeur.sheetnames == ["Correspondances", "Sans correspondance", "Réglages"]
    lignes = list(classeur["Correspondances"].iter_rows(values_only=True))
    assert lignes[0][:3] == ("Élément de A", "Texte de A", "Score")
    assert len(lignes) - 1 == len(d["paires"])
    premiere = d["paires"][0]
    assert lignes[1][1] == premiere["a"]["texte"] and lignes[1][2] == premiere["score"]
    assert lignes[1][6] == "\n".join(premiere["raisons"])
    sans = list(classeur["Sans correspondance"].iter_rows(values_only=True))
    assert len(sans) - 1 == d["resume"]["elements_a_sans_paire"]


def test_resume_au_singulier(tmp_path: Path) -> None:
    """« 0 élément sur 1 a… ; 0 paire proposée parmi 1 élément comparé » (the issue saw French
    plurals wrong: « 1 points »)."""
    un = tmp_path / "un.yaml"
    un.write_text(
        "schema: projterr/1\nterritoire: {nom: Ailleurs}\ndocument: {titre: Un plan}\n"
        "contenu:\n  - {id: p, type: pilier, titre: Habiter, actions: [{id: a, texte: Qwerty}]}\n",
        encoding="utf-8",
    )
    r = runner.invoke(app, ["match", str(un), str(un)])
    assert r.exit_code == 0
    assert r.stdout.splitlines()[-1] == (
        "0 élément sur 1 a au moins une correspondance ; 0 paire proposée parmi 1 élément comparé."
    )
