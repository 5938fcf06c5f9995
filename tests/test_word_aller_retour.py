"""export → import: projterr's own Word file comes back as the same projet, fiche fields
included (French typography aside, which a diff calls typography), and an edit made in Word
comes back as that edit."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from projterr.diff import comparer
from projterr.export import document_projet, enregistrer
from projterr.importers import importer_fichier
from projterr.model import Projet
from projterr.yamlio import charger_projet
from test_diff_appliquer import _muter_fiches
from test_diff_proprietes import _projet

RACINE = Path(__file__).parents[1]
EXEMPLES = [
    RACINE / "examples/coeur-de-lorraine_2025.yaml",
    RACINE / "examples/midi-quercy.yaml",
    RACINE / "examples/isigny-omaha_pvd.yaml",
    RACINE / "examples/atelier-des-territoires_2023.yaml",
    RACINE / "tests/data/diff/fiches/crte-2026.yaml",
    RACINE / "tests/fixtures/yaml/fiches-completes.yaml",
]


def _aller_retour(projet: Projet, dossier: Path) -> Projet:
    chemin = dossier / "projet.docx"
    enregistrer(document_projet(projet), chemin)
    resultat = importer_fichier(chemin)
    assert resultat.profil == "export projterr"
    return resultat.projet


def _meme_projet(a: Projet, b: Projet) -> None:
    rapport = comparer(a, b)
    significatifs = [
        (c.types, c.nature, [ch.champ for ch in c.champs_visibles()])
        for c in rapport.significatifs()
    ]
    assert significatifs == [], significatifs
    assert not rapport.reordonnancements
    # identity rides on the marks: every id comes back
    ids = {e.nouveau for e in rapport.correspondances if e.nouveau}
    assert ids == {e.ancien for e in rapport.correspondances if e.ancien}


@pytest.mark.parametrize("chemin", EXEMPLES, ids=lambda p: p.stem)
def test_exemples(chemin: Path, tmp_path: Path) -> None:
    projet = charger_projet(chemin)
    _meme_projet(projet, _aller_retour(projet, tmp_path))


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_projets_au_hasard_avec_leurs_fiches(tmp_path: Path, graine: int, fiches: int) -> None:
    projet = _muter_fiches(_projet(graine), fiches)
    _meme_projet(projet, _aller_retour(projet, tmp_path))


def test_une_modification_faite_dans_word_revient(tmp_path: Path) -> None:
    projet = charger_projet(RACINE / "tests/data/diff/fiches/crte-2026.yaml")
    chemin = tmp_path / "crte.docx"
    enregistrer(document_projet(projet), chemin)
    document = docx.Document(chemin)
    # the heading itself (the contents list it too, inside a link)
    run = next(r for p in document.paragraphs for r in p.runs if "Étudier un service" in r.text)
    run.text = run.text.replace("Étudier", "Lancer")
    document.save(chemin)
    relu = importer_fichier(chemin).projet
    rapport = comparer(projet, relu)
    (changement,) = rapport.significatifs()
    assert changement.types == ("modification",)
    assert changement.ancien.id == changement.nouveau.id  # the mark kept its identity
    assert [(s.op, s.texte) for s in changement.champ("texte").segments if s.op != "egal"] == [
        ("suppression", "Étudier"),
        ("ajout", "Lancer"),
    ]
