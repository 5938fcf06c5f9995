"""Golden tests: every example is exactly what importing its source and applying the review
gives, is a valid projterr document, and survives a YAML round trip byte for byte."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from graines import GRAINES, NOMS
from projterr.yamlio import charger_projet, charger_yaml, dumps

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FICHIERS = sorted(EXAMPLES.glob("*.yaml"))


def _revue_module():
    spec = importlib.util.spec_from_file_location("revue", EXAMPLES / "revue.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_chaque_exemple_a_sa_relecture() -> None:
    revues = charger_yaml(EXAMPLES / "sources" / "revue.yaml")["exemples"]
    assert sorted(revues) == [p.name for p in FICHIERS]
    for revue in revues.values():
        assert (EXAMPLES / "sources" / revue["source"]).is_file()


@pytest.mark.parametrize("chemin", FICHIERS, ids=lambda p: p.name)
def test_exemple_egal_a_import_plus_relecture(chemin: Path) -> None:
    attendu = _revue_module().construire()[chemin]
    assert chemin.read_text(encoding="utf-8") == attendu, (
        f"{chemin.name} ne correspond plus à l'import de sa source : lancez "
        "`python examples/revue.py` et relisez la différence"
    )


@pytest.mark.parametrize("chemin", FICHIERS, ids=lambda p: p.name)
def test_exemple_valide_et_aller_retour_yaml(chemin: Path) -> None:
    projet = charger_projet(chemin)
    assert projet.territoire.nom and "à compléter" not in projet.territoire.nom
    assert projet.contenu
    texte = chemin.read_text(encoding="utf-8")
    assert dumps(charger_yaml(chemin)) == texte


def test_les_cinq_graines_sont_dans_le_depot() -> None:
    # Copies of shared/seeds, byte for byte when they were copied; tests read them here.
    assert all(g.is_file() and g.stat().st_size > 1000 for g in GRAINES)
    assert {p.name for p in (EXAMPLES / "sources").glob("*.txt")} >= set(NOMS)


def test_partenaires_et_dispositifs_extraits() -> None:
    projet = charger_projet(EXAMPLES / "coeur-de-lorraine_2025.yaml")
    par_texte = {a.texte: a for _, a in projet.actions()}
    pat = next(a for t, a in par_texte.items() if t.startswith("Poursuivre l'engagement du PETR"))
    assert pat.dispositifs == ["PAT"]
    herbe = next(
        a for t, a in par_texte.items() if t.startswith("Continuer le suivi du Plan Herbe")
    )
    assert "Agence de l'eau Rhin Meuse" in herbe.partenaires
    assert "Plan Herbe" in herbe.dispositifs and "PAT" in herbe.dispositifs
    # "PETR" alone is the territory itself, never a partner
    assert all("PETR" not in a.partenaires for a in par_texte.values())
