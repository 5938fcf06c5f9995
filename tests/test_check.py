"""projterr check: rule cases (tests/cases/check/*.yaml), the real seed, the CLI."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz
from typer.testing import CliRunner

from graines import COEUR
from projterr.check import REGLES, Constat, regle, verifier_fichiers, verifier_projet
from projterr.cli import app
from projterr.errors import ProjterrError
from projterr.importers import charger_projet
from projterr.model import Action, Document, Noeud, Projet, Territoire
from projterr.normalize import normaliser
from projterr.yamlio import charger_yaml, valider_projet

CASES = Path(__file__).parent / "cases" / "check"
NUMEROTATION = {"PT001", "PT002", "PT003"}

runner = CliRunner()


# --- rule cases, from YAML ------------------------------------------------------------


def _cas() -> list[Any]:
    params = []
    for fichier in sorted(CASES.glob("*.yaml")):
        doc = charger_yaml(fichier)
        for i, cas in enumerate(doc["cas"]):
            params.append(
                pytest.param(fichier, doc["regle"], cas, id=f"{fichier.stem}-{i}-{cas['nom']}")
            )
    return params


def _cle(c: Constat) -> str:
    """How a case names a finding: its code and the element's numero, else its field path."""
    return f"{c.code} {c.numero}" if c.numero else f"{c.code} {c.chemin}"


@pytest.mark.parametrize(("fichier", "code", "cas"), _cas())
def test_cas(fichier: Path, code: str, cas: Any) -> None:
    doc = dict(cas["projet"])
    doc.setdefault("schema", "projterr/1")
    doc.setdefault("territoire", {"nom": "Territoire d'essai"})
    doc.setdefault("document", {"titre": "Document d'essai"})
    projet = valider_projet(doc, str(fichier))
    codes = set(cas.get("regles", [code]))
    ignorer = [r.code for r in REGLES if r.code not in codes]
    constats = verifier_projet(
        projet, fichier.name, ignorer=ignorer, seuil_similarite=float(cas.get("seuil", 90))
    )
    assert sorted(_cle(c) for c in constats) == sorted(cas["attendu"])
    messages = " | ".join(c.message for c in constats)
    for morceau in cas.get("message_contient", []):
        assert morceau in messages
    for c in constats:  # every finding is located in the case file
        assert c.fichier == fichier.name
        assert c.ligne is None or c.ligne > 0


def test_chaque_regle_a_des_cas_qui_echouent_et_qui_passent() -> None:
    for r in REGLES:
        fichier = CASES / f"{r.code}.yaml"
        assert fichier.exists(), f"pas de cas pour {r.code}"
        cas = charger_yaml(fichier)["cas"]
        assert any(c["attendu"] for c in cas) and any(not c["attendu"] for c in cas), r.code


# --- the rules themselves ------------------------------------------------------------


def test_regles_codes_stables_et_documentees() -> None:
    codes = [r.code for r in REGLES]
    assert codes == [f"PT{i:03d}" for i in range(1, len(REGLES) + 1)]
    assert len({r.nom for r in REGLES}) == len(REGLES)
    for r in REGLES:
        assert "Anti-pattern" in r.description and "Bonne pratique" in r.description, r.code
        assert r.nom.count(".") == 1 and r.nom == r.nom.lower()
    assert regle("pt005").code == "PT005"
    assert regle("action.quasi_doublon").code == "PT006"
    with pytest.raises(ProjterrError, match="règle inconnue"):
        regle("PT999")


def test_seuil_invalide() -> None:
    projet = _projet_actions(["Agir"])
    with pytest.raises(ProjterrError, match="seuil"):
        verifier_projet(projet, seuil_similarite=0)


# --- the real seed ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def constats_coeur() -> list[Constat]:
    return verifier_projet(charger_projet(COEUR), COEUR.name)


def test_graine_coeur_deux_erreurs_de_numerotation(constats_coeur: list[Constat]) -> None:
    numerotation = [c for c in constats_coeur if c.code in NUMEROTATION]
    assert [(c.code, c.numero) for c in numerotation] == [("PT002", "3.1.3"), ("PT002", "4.2.1")]
    double, deplace = numerotation
    # the 3.1.3 under objectif stratégique 3.2 is the second one in the source
    assert "attendu 3.2.x" in double.message and "aussi utilisé ligne" in double.message
    premier = int(double.message.rsplit("ligne ", 1)[1].rstrip(")"))
    lignes = COEUR.read_text(encoding="utf-8").splitlines()
    assert "n°3.1.3" in lignes[premier - 1] and "n°3.1.3" in lignes[double.ligne - 1]
    assert premier < double.ligne
    assert "attendu 4.1.x" in deplace.message
    assert "n°4.2.1" in lignes[deplace.ligne - 1]


def test_graine_coeur_aucun_autre_constat(constats_coeur: list[Constat]) -> None:
    # 22 objectifs opérationnels all carry actions, the 71 actions are distinct, and
    # sigles.yaml knows every acronym of the seed: the two numbering errors are all.
    assert {c.code for c in constats_coeur} == {"PT002"}


def test_graine_coeur_sigles_inconnus_sans_referentiel() -> None:
    """Sanity check of PT007 on real text: with an empty référentiel, it does fire."""
    from projterr.referentiels import Sigles

    constats = verifier_projet(charger_projet(COEUR), sigles=Sigles({}), ignorer=["PT002"])
    trouves = {c.message.split("« ")[1].split(" »")[0] for c in constats}
    assert {"PETR", "PCAET", "PLUi", "SDIRVE", "CODECOM"} <= trouves
    assert "Objectif" not in trouves and "n" not in trouves


def _projet_actions(textes: list[str]) -> Projet:
    return Projet(
        territoire=Territoire(nom="T"),
        document=Document(titre="D"),
        contenu=[
            Noeud(
                id="p",
                type="pilier",
                numero="1",
                titre="P",
                actions=[Action(id=f"a{i}", texte=t) for i, t in enumerate(textes)],
            )
        ],
    )


def test_quasi_doublon_signale_une_fois_au_plus_proche() -> None:
    textes = [
        "Développer les mobilités douces sur le territoire du PETR",
        "Développer les mobilités douces sur le territoire du PETR et au-delà",
        "Développer des mobilités douces sur le territoire du PETR",
    ]
    constats = verifier_projet(_projet_actions(textes), ignorer=["PT007"])
    assert [c.chemin for c in constats] == [
        "contenu[0].actions[1].texte",
        "contenu[0].actions[2].texte",
    ]
    assert all(c.code == "PT006" for c in constats)
    # the third is closer to the first (one word differs) than to the second
    score_1 = fuzz.token_sort_ratio(normaliser(textes[2]), normaliser(textes[0]))
    assert f"{score_1:.0f}\u00a0%" in constats[1].message
    assert math.isclose(
        max(score_1, fuzz.token_sort_ratio(normaliser(textes[2]), normaliser(textes[1]))),
        score_1,
    )


# --- CLI -----------------------------------------------------------------------------

PROPRE = """\
schema: projterr/1
territoire: {nom: PETR d'essai}
document: {titre: Projet de territoire}
contenu:
  - id: p1
    type: pilier
    numero: "1"
    titre: Dynamiser l'économie
    actions:
      - {id: a1, texte: Mettre en œuvre le PCAET à l'échelle du PETR}
"""

FAUTIF = """\
schema: projterr/1
territoire: {nom: PETR d'essai}
document: {titre: Projet de territoire}
contenu:
  - {id: p1, type: pilier, numero: "1", titre: Économie}
  - {id: p2, type: pilier, numero: "2", titre: Transition}
  - id: p4
    type: pilier
    numero: "4"
    titre: Gouvernance du XYZW
"""


@pytest.fixture
def fichiers(tmp_path: Path) -> dict[str, Path]:
    propre = tmp_path / "propre.yaml"
    propre.write_text(PROPRE, encoding="utf-8")
    fautif = tmp_path / "fautif.yaml"
    fautif.write_text(FAUTIF, encoding="utf-8")
    return {"propre": propre, "fautif": fautif}


def test_cli_propre(fichiers: dict[str, Path]) -> None:
    res = runner.invoke(app, ["check", str(fichiers["propre"])])
    assert res.exit_code == 0, res.output
    assert res.stdout == "Aucun constat.\n"


def test_cli_constats_texte(fichiers: dict[str, Path]) -> None:
    f = str(fichiers["fautif"])
    res = runner.invoke(app, ["check", f, str(fichiers["propre"])])
    assert res.exit_code == 1
    lignes = res.stdout.splitlines()
    # line 7 of FAUTIF is the « - id: p4 » item
    assert lignes == [
        f"{f}:7 PT003 pilier 4 : numérotation discontinue : 3 manque (après 2)",
        f"{f}:7 PT007 pilier 4 : sigle inconnu « XYZW » : absent du référentiel des sigles",
        "2 constats dans 1 fichier (2 fichiers contrôlés).",
    ]


def test_cli_json_egal_bibliotheque(fichiers: dict[str, Path]) -> None:
    res = runner.invoke(app, ["check", "--format", "json", str(fichiers["fautif"])])
    assert res.exit_code == 1
    attendu = verifier_fichiers([fichiers["fautif"]]).to_dict()
    assert json.loads(res.stdout) == attendu
    assert attendu["resume"]["par_code"] == {"PT003": 1, "PT007": 1}
    assert attendu["constats"][0]["chemin"] == "contenu[2].numero"


def test_cli_ignorer_et_sigles(fichiers: dict[str, Path], tmp_path: Path) -> None:
    mes_sigles = tmp_path / "sigles.yaml"
    mes_sigles.write_text("sigles:\n  XYZW: groupement d'essai\n", encoding="utf-8")
    f = str(fichiers["fautif"])
    res = runner.invoke(app, ["check", f, "--ignorer", "PT003", "--sigles", str(mes_sigles)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["check", f, "-i", "numero.lacune,PT007"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["check", f, "-i", "PT003"])
    assert res.exit_code == 1 and "PT007" in res.stdout and "PT003" not in res.stdout


@pytest.mark.parametrize(
    ("args", "morceau"),
    [
        (["absent.yaml"], "absent.yaml : fichier introuvable"),
        (["{propre}", "absent.yaml"], "fichier introuvable"),
        (["{propre}", "-i", "PT042"], "règle inconnue : « PT042 »"),
        (["{propre}", "--sigles", "{casse}"], "sigle « XYZW » : champ obligatoire manquant"),
        ([], "indiquez au moins un fichier"),
    ],
)
def test_cli_erreurs(
    fichiers: dict[str, Path], tmp_path: Path, args: list[str], morceau: str
) -> None:
    casse = tmp_path / "casse.yaml"
    casse.write_text("sigles:\n  XYZW: {categorie: structure}\n", encoding="utf-8")
    args = [a.format(propre=fichiers["propre"], casse=casse) for a in args]
    res = runner.invoke(app, ["check", *args])
    assert res.exit_code == 2
    assert res.stdout == ""
    lignes = res.stderr.splitlines()
    assert len(lignes) == 1 and lignes[0].startswith("projterr : ") and morceau in lignes[0]


def test_cli_liste_des_regles() -> None:
    res = runner.invoke(app, ["check", "--regles"])
    assert res.exit_code == 0
    assert [ligne.split()[0] for ligne in res.stdout.splitlines()] == [r.code for r in REGLES]


def test_bout_en_bout_graine() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "projterr", "check", "--format", "json", str(COEUR)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 1, res.stderr
    donnees = json.loads(res.stdout)
    assert [(c["code"], c["numero"]) for c in donnees["constats"]] == [
        ("PT002", "3.1.3"),
        ("PT002", "4.2.1"),
    ]


def test_bout_en_bout_fichier_casse(tmp_path: Path) -> None:
    casse = tmp_path / "casse.yaml"
    casse.write_text("schema: projterr/1\ncontenu: [\n", encoding="utf-8")
    res = subprocess.run(
        [sys.executable, "-m", "projterr", "check", str(casse)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 2
    assert res.stdout == ""
    assert res.stderr.startswith("projterr : ") and res.stderr.count("\n") == 1
    assert "Traceback" not in res.stderr
