"""Paths and outputs mean what they say (issue 19).

- a folder given where one document is expected is refused in one French line, unless it is
  a folder of Markdown fiches (then the command says so);
- the format follows -o's extension when -f is absent; an extension that contradicts -f, or
  that the command does not write, is refused before any work;
- -o never replaces an input, nor another projterr document without --force;
- every file written is announced by one line « Écrit dans FICHIER. »;
- --debug is accepted anywhere on the line, and an error exits 2 with or without it;
- missing files are named in the order given.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from messages import une_ligne_francaise
from projterr.cli import app, main

EXEMPLES = Path(__file__).resolve().parent.parent / "examples"
COEUR = EXEMPLES / "coeur-de-lorraine_2025.yaml"
COEUR_2019 = EXEMPLES / "coeur-de-lorraine_2019-illustratif.yaml"
MIDI = EXEMPLES / "midi-quercy.yaml"
CLS = EXEMPLES / "coeur-de-lorraine_cls.yaml"

FICHE = """\
---
title: "{titre}"
number: {numero}
orientation: "Prévention et promotion de la santé"
---

## Contexte

Le territoire manque de médecins généralistes.

## Partenaires

- ARS Grand Est
"""


def _invoquer(args: list[str]) -> tuple[int, str, str]:
    resultat = CliRunner().invoke(app, args)
    return resultat.exit_code, resultat.stdout, resultat.stderr


@pytest.fixture
def dossier_mixte(tmp_path: Path) -> Path:
    """A folder like examples/: several documents and a README."""
    dossier = tmp_path / "documents"
    dossier.mkdir()
    shutil.copy(COEUR, dossier)
    shutil.copy(MIDI, dossier)
    (dossier / "README.md").write_text("# Exemples\n\nDeux documents.\n", encoding="utf-8")
    return dossier


@pytest.fixture
def dossier_textes(tmp_path: Path) -> Path:
    """A folder of text sources (two territories' documents), none with front matter."""
    dossier = tmp_path / "sources"
    dossier.mkdir()
    for source in sorted((EXEMPLES / "sources").glob("*.txt"))[:2]:
        shutil.copy(source, dossier)
    return dossier


@pytest.fixture
def dossier_fiches(tmp_path: Path) -> Path:
    dossier = tmp_path / "fiches"
    dossier.mkdir()
    for k, titre in enumerate(["Attirer des médecins", "Créer une maison de santé"], 1):
        (dossier / f"fiche-{k}.md").write_text(
            FICHE.format(titre=titre, numero=k), encoding="utf-8"
        )
    return dossier


# Each command that reads one document, with the folder at that document's place.
UN_DOCUMENT = {
    "import": lambda d, tmp: ["import", str(d)],
    "import -o": lambda d, tmp: ["import", str(d), "-o", str(tmp / "sortie.yaml")],
    "check": lambda d, tmp: ["check", str(d)],
    "show": lambda d, tmp: ["show", str(d)],
    "diff (ancien)": lambda d, tmp: ["diff", str(d), str(COEUR)],
    "diff (nouveau)": lambda d, tmp: ["diff", str(COEUR), str(d)],
    "export": lambda d, tmp: ["export", str(d), "-o", str(tmp / "x.docx")],
    "classify": lambda d, tmp: ["classify", str(d), "--referentiel", "crte"],
    "match (A)": lambda d, tmp: ["match", str(d), str(MIDI)],
    "benchmark (MIEN)": lambda d, tmp: ["benchmark", str(d), str(MIDI), "--referentiel", "crte"],
}


@pytest.mark.parametrize(
    ("genre", "commande"),
    [
        (genre, commande)
        for genre in ("dossier_mixte", "dossier_textes")
        for commande in UN_DOCUMENT
        # a folder of projterr documents is a corpus for match's A (issue 22): see
        # test_match_un_dossier_de_documents_comme_a
        if (genre, commande) != ("dossier_mixte", "match (A)")
    ],
)
def test_un_dossier_n_est_pas_un_document(
    commande: str, genre: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    dossier: Path = request.getfixturevalue(genre)
    code, stdout, stderr = _invoquer(UN_DOCUMENT[commande](dossier, tmp_path))
    assert code == 2, stderr
    ligne = une_ligne_francaise(stderr, stdout)
    assert str(dossier) in ligne
    assert "donnez un fichier" in ligne
    assert not (tmp_path / "sortie.yaml").exists() and not (tmp_path / "x.docx").exists()


def test_import_d_un_dossier_de_plusieurs_documents_ne_fusionne_rien(
    dossier_textes: Path, tmp_path: Path
) -> None:
    sortie = tmp_path / "fusion.yaml"
    code, _, stderr = _invoquer(["import", str(dossier_textes), "-o", str(sortie)])
    assert code == 2
    assert "2 fichiers (texte)" in stderr
    assert not sortie.exists()


@pytest.mark.parametrize("commande", ["show", "check", "import"])
def test_un_dossier_de_fiches_est_lu_et_la_commande_le_dit(
    commande: str, dossier_fiches: Path
) -> None:
    code, stdout, stderr = _invoquer([commande, str(dossier_fiches)])
    assert code in (0, 1), stderr
    assert "dossier de fiches Markdown : 2 pages lues comme un seul document" in stderr
    if commande == "show":
        assert "Attirer des médecins" in stdout or "2 actions" in stdout


def test_un_dossier_de_fiches_avec_un_autre_document_est_refuse(dossier_fiches: Path) -> None:
    shutil.copy(COEUR, dossier_fiches)
    code, stdout, stderr = _invoquer(["show", str(dossier_fiches)])
    assert code == 2
    assert "donnez un fichier" in une_ligne_francaise(stderr, stdout)


# --- outputs ---------------------------------------------------------------------------

# (command, -o's extension) → what the file must start with (format followed from -o).
SIGNATURES = {
    ".txt": lambda octets: octets.decode("utf-8").lstrip()[:1].isalpha(),
    ".md": lambda octets: octets.decode("utf-8").startswith("#"),
    ".json": lambda octets: isinstance(json.loads(octets), dict),
    ".html": lambda octets: octets.startswith(b"<!DOCTYPE html>"),
    ".docx": lambda octets: octets.startswith(b"PK\x03\x04") and b"word/document.xml" in octets,
    ".xlsx": lambda octets: octets.startswith(b"PK\x03\x04") and b"xl/workbook.xml" in octets,
}
ECRITURES = {
    "diff": (
        lambda o: ["diff", str(COEUR_2019), str(COEUR), "-o", str(o)],
        [".txt", ".md", ".json", ".html", ".docx"],
    ),
    "match": (
        lambda o: ["match", str(COEUR), str(MIDI), "-o", str(o)],
        [".txt", ".md", ".json", ".html", ".xlsx"],
    ),
    "benchmark": (
        lambda o: ["benchmark", str(COEUR), str(MIDI), "--referentiel", "crte", "-o", str(o)],
        [".txt", ".md", ".json", ".html", ".xlsx", ".docx"],
    ),
    "check": (lambda o: ["check", str(COEUR_2019), "-o", str(o)], [".txt", ".json"]),
}
CAS_ECRITURES = [(c, e) for c, (_, extensions) in ECRITURES.items() for e in extensions]


@pytest.mark.parametrize(("commande", "extension"), CAS_ECRITURES)
def test_le_format_suit_l_extension_de_o(commande: str, extension: str, tmp_path: Path) -> None:
    sortie = tmp_path / f"rapport{extension}"
    code, stdout, stderr = _invoquer(ECRITURES[commande][0](sortie))
    assert code in (0, 1), stderr
    assert stdout == ""
    assert SIGNATURES[extension](sortie.read_bytes()), sortie.read_bytes()[:200]
    assert stderr.splitlines()[-1] == f"Écrit dans {sortie}."


@pytest.mark.parametrize(
    ("commande", "extension"),
    [("diff", ".xlsx"), ("match", ".docx"), ("check", ".html"), ("check", ".docx")],
)
def test_une_extension_que_la_commande_n_ecrit_pas_est_refusee(
    commande: str, extension: str, tmp_path: Path
) -> None:
    sortie = tmp_path / f"rapport{extension}"
    code, stdout, stderr = _invoquer(ECRITURES[commande][0](sortie))
    assert code == 2
    ligne = une_ligne_francaise(stderr, stdout)
    assert f"n'écrit pas de fichier {extension}" in ligne
    assert not sortie.exists()


@pytest.mark.parametrize(
    ("commande", "format_", "extension"),
    [("diff", "markdown", ".docx"), ("match", "json", ".html"), ("benchmark", "xlsx", ".docx")],
)
def test_une_extension_qui_contredit_f_est_refusee(
    commande: str, format_: str, extension: str, tmp_path: Path
) -> None:
    sortie = tmp_path / f"rapport{extension}"
    code, stdout, stderr = _invoquer([*ECRITURES[commande][0](sortie), "-f", format_])
    assert code == 2
    ligne = une_ligne_francaise(stderr, stdout)
    assert f"ne correspond pas au format « {format_} »" in ligne
    assert not sortie.exists()


def test_f_avec_une_extension_inconnue_est_accepte(tmp_path: Path) -> None:
    sortie = tmp_path / "changements.rapport"
    code, _, stderr = _invoquer(
        ["diff", str(COEUR_2019), str(COEUR), "-f", "json", "-o", str(sortie)]
    )
    assert code == 1, stderr
    assert json.loads(sortie.read_text(encoding="utf-8"))


def test_import_n_ecrit_que_du_yaml(tmp_path: Path) -> None:
    sortie = tmp_path / "plan.xlsx"
    code, stdout, stderr = _invoquer(["import", str(COEUR), "-o", str(sortie)])
    assert code == 2
    assert "n'écrit pas de fichier .xlsx" in une_ligne_francaise(stderr, stdout)
    assert not sortie.exists()


def test_schema_ne_remplace_pas_un_projet(tmp_path: Path) -> None:
    projet = tmp_path / "coeur-2025.yaml"
    shutil.copy(COEUR, projet)
    avant = projet.read_bytes()
    code, stdout, stderr = _invoquer(["schema", "-o", str(projet)])
    assert code == 2
    une_ligne_francaise(stderr, stdout)
    assert projet.read_bytes() == avant
    sortie = tmp_path / "projterr.schema.json"
    code, _, stderr = _invoquer(["schema", "-o", str(sortie)])
    assert code == 0 and json.loads(sortie.read_text(encoding="utf-8"))["title"]
    assert stderr == f"Écrit dans {sortie}.\n"


@pytest.mark.parametrize(
    "args",
    [
        lambda a, b: ["diff", str(a), str(b), "-o", str(b)],
        lambda a, b: ["diff", str(a), str(b), "-f", "docx", "-o", str(a)],
        lambda a, b: ["match", str(a), str(b), "-o", str(b)],
        lambda a, b: ["check", str(a), "-o", str(a)],
        lambda a, b: ["import", str(a), "-o", str(a)],
        lambda a, b: ["export", str(a), "-o", str(a)],
    ],
    ids=["diff", "diff docx", "match", "check", "import", "export"],
)
def test_o_ne_remplace_jamais_une_entree(args, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    shutil.copy(COEUR_2019, a)
    shutil.copy(COEUR, b)
    avant = a.read_bytes(), b.read_bytes()
    code, stdout, stderr = _invoquer(args(a, b))
    assert code == 2
    une_ligne_francaise(stderr, stdout)
    assert (a.read_bytes(), b.read_bytes()) == avant


def test_import_ne_remplace_un_autre_projet_qu_avec_force(tmp_path: Path) -> None:
    autre = tmp_path / "midi-quercy.yaml"
    shutil.copy(MIDI, autre)
    avant = autre.read_bytes()
    code, stdout, stderr = _invoquer(["import", str(COEUR), "-o", str(autre)])
    assert code == 2
    assert "--force" in une_ligne_francaise(stderr, stdout)
    assert autre.read_bytes() == avant
    code, _, stderr = _invoquer(["import", str(COEUR), "-o", str(autre), "--force"])
    assert code == 0, stderr
    assert "Écrit dans" in stderr
    assert "Cœur de Lorraine" in autre.read_text(encoding="utf-8")


def test_un_rapport_ne_remplace_pas_un_projet(tmp_path: Path) -> None:
    """A report written with -f over a projterr document without extension rule: refused."""
    autre = tmp_path / "plan"
    shutil.copy(MIDI, autre)
    avant = autre.read_bytes()
    code, stdout, stderr = _invoquer(["diff", str(COEUR_2019), str(COEUR), "-o", str(autre)])
    assert code == 2
    assert "document projterr" in une_ligne_francaise(stderr, stdout)
    assert autre.read_bytes() == avant


def test_export_annonce_ce_qu_il_ecrit(tmp_path: Path) -> None:
    for sortie in (tmp_path / "projet.docx", tmp_path / "plan.xlsx"):
        code, _, stderr = _invoquer(["export", str(COEUR), "-o", str(sortie)])
        assert code == 0, stderr
        assert stderr.splitlines()[-1] == f"Écrit dans {sortie}."


def test_classify_ecrire_annonce_la_reecriture(tmp_path: Path) -> None:
    copie = tmp_path / "coeur.yaml"
    shutil.copy(COEUR, copie)
    code, _, stderr = _invoquer(["classify", str(copie), "--referentiel", "crte", "--ecrire"])
    assert code == 0, stderr
    assert stderr == f"Écrit dans {copie}.\n"
    code, _, stderr = _invoquer(["classify", str(copie), "--referentiel", "crte", "--ecrire"])
    assert code == 0
    assert stderr == f"Aucune étiquette nouvelle : {copie} est inchangé.\n"


# --- --debug and the order of missing files ----------------------------------------------


def _main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from projterr.cli import common

    avant = common.DEBUG
    try:
        with pytest.raises(SystemExit) as fin:
            main(args)
    finally:
        common.DEBUG = avant
    sortie = capsys.readouterr()
    return int(fin.value.code or 0), sortie.out, sortie.err


@pytest.mark.parametrize(
    "args",
    [
        ["show", str(COEUR), "--debug"],
        ["--debug", "show", str(COEUR)],
        ["show", "--debug", str(COEUR)],
    ],
)
def test_debug_partout(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, stderr = _main(args, capsys)
    assert code == 0, stderr
    assert "Cœur de Lorraine" in stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--debug", "show", "absent.yaml"],
        ["show", "absent.yaml", "--debug"],
        ["show", "absent.yaml"],
    ],
)
def test_une_erreur_sort_en_2_avec_ou_sans_debug(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, stderr = _main(args, capsys)
    assert code == 2
    assert "absent.yaml : fichier introuvable" in stderr
    assert ("Traceback" in stderr) == ("--debug" in args)


@pytest.mark.parametrize(
    "commande",
    [
        ["match", "a-absent.yaml", "b-absent.yaml"],
        ["diff", "a-absent.yaml", "b-absent.yaml"],
        ["benchmark", "a-absent.yaml", "b-absent.yaml", "--referentiel", "crte"],
    ],
)
def test_fichiers_absents_nommes_dans_l_ordre(commande: list[str]) -> None:
    code, stdout, stderr = _invoquer(commande)
    assert code == 2
    assert "a-absent.yaml" in une_ligne_francaise(stderr, stdout)


def test_match_un_dossier_de_documents_comme_a(dossier_mixte: Path) -> None:
    """A folder of projterr documents as A: a corpus against a corpus, each element of A
    shown with its territory; the README beside them is not a document and is left alone."""
    code, stdout, stderr = _invoquer(["match", str(dossier_mixte), str(MIDI), "--top", "1"])
    assert code == 0, stderr
    assert stdout.startswith(f"Correspondances de : {dossier_mixte.name} (2 documents)")
    assert "[PETR Cœur de Lorraine, action]" in stdout
    assert "[PETR du Pays Midi-Quercy, " in stdout  # Midi-Quercy's own elements, in A too
