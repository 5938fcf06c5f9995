"""The Word redline: native tracked changes from projterr's diff; Accept all gives exactly the
new projet and Reject all exactly the old one (applied to the XML, compared with the plain
export of each version)."""

from __future__ import annotations

import copy
import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings

from lecture_docx import relire
from projterr.export import document_projet
from projterr.export.redline import document_redline
from projterr.importers import charger_projet
from projterr.model import Projet
from projterr.ooxml.revisions import W, accepter, rejeter, texte_paragraphe
from strategies import projets
from test_diff_appliquer import _muter_fiches
from test_diff_proprietes import _muter, _projet

RACINE = Path(__file__).parents[1]
PAIRES = [
    (RACINE / "examples/coeur-de-lorraine_2019-illustratif.yaml",
     RACINE / "examples/coeur-de-lorraine_2025.yaml"),
    (RACINE / "tests/data/diff/coeur-de-lorraine_revision-projet-de-territoire.txt",
     RACINE / "tests/data/diff/coeur-de-lorraine_revision-2027.txt"),
    (RACINE / "tests/data/diff/fiches/crte-2024.yaml",
     RACINE / "tests/data/diff/fiches/crte-2026.yaml"),
]  # fmt: skip
DATE = dt.datetime(2026, 11, 29, 10, 0, tzinfo=dt.UTC)


def _style(p: Any) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(W + "val") if style is not None else ""


def _blocs(corps: Any) -> list[object]:
    """Paragraphs (style, text) and tables (rows of cell texts), the contents left out (a
    field Word rebuilds on opening)."""
    sortie: list[object] = []
    for el in corps:
        if el.tag == W + "p":
            if _style(el).upper().startswith("TOC"):
                continue
            sortie.append((_style(el), texte_paragraphe(el)))
        elif el.tag == W + "tbl":
            sortie.append(
                tuple(
                    tuple(
                        tuple((_style(p), texte_paragraphe(p)) for p in tc.findall(W + "p"))
                        for tc in tr.findall(W + "tc")
                    )
                    for tr in el.findall(W + "tr")
                )
            )
    return sortie


def _verifier(ancien: Projet, nouveau: Projet) -> Any:
    redline = document_redline(ancien, nouveau, date=DATE)
    accepte = copy.deepcopy(redline.element.body)
    accepter(accepte)
    rejete = copy.deepcopy(redline.element.body)
    rejeter(rejete)
    assert _blocs(accepte) == _blocs(document_projet(nouveau).element.body)
    assert _blocs(rejete) == _blocs(document_projet(ancien).element.body)
    return redline


def _revisions(document: Any) -> list[Any]:
    return [el for el in document.element.body.iter(W + "ins", W + "del")]


@pytest.mark.parametrize(("ancien", "nouveau"), PAIRES, ids=lambda p: p.stem)
def test_accepter_et_rejeter_redonnent_les_deux_versions(ancien: Path, nouveau: Path) -> None:
    redline = _verifier(charger_projet(ancien), charger_projet(nouveau))
    assert _revisions(redline)


@pytest.fixture(scope="module")
def fiches() -> Any:
    return document_redline(charger_projet(PAIRES[2][0]), charger_projet(PAIRES[2][1]), date=DATE)


def test_chaque_revision_a_id_auteur_date_uniques(fiches: Any) -> None:
    revisions = _revisions(fiches)
    ids = [r.get(W + "id") for r in revisions if r.getparent().tag != W + "rPr"]
    ids += [r.get(W + "id") for r in revisions if r.getparent().tag == W + "rPr"]
    assert len(ids) == len(set(ids))
    signets = {b.get(W + "id") for b in fiches.element.body.iter(W + "bookmarkStart")}
    assert not signets & set(ids)  # one id space with bookmarks
    assert {r.get(W + "author") for r in revisions} == {"projterr"}
    assert {r.get(W + "date") for r in revisions} == {"2026-11-29T10:00:00Z"}
    # deleted text is in w:delText, never in w:t; no w:ins wraps a w:del (LibreOffice drops it)
    for d in fiches.element.body.iter(W + "del"):
        assert not list(d.iter(W + "t"))
    for i in fiches.element.body.iter(W + "ins"):
        assert not list(i.iter(W + "del"))


def test_mots_changes_dans_le_paragraphe(fiches: Any) -> None:
    corps = fiches.element.body
    ajouts = ["".join(t.text or "" for t in i.iter(W + "t")) for i in corps.iter(W + "ins")]
    retraits = ["".join(t.text or "" for t in d.iter(W + "delText")) for d in corps.iter(W + "del")]
    assert "60" in ajouts and "62" in retraits  # « 62 % » → « 60 % » in the description
    assert any("de l’habitat" in a for a in ajouts)  # the light rewording, word by word
    assert any("Réalisé" in a for a in ajouts) and any("En cours" in r for r in retraits)
    assert "2026" in ajouts and "2024" in retraits  # the version on the title page


def test_paragraphe_entier_ajoute_marque_sa_fin(fiches: Any) -> None:
    corps = fiches.element.body
    bornes = [
        p for p in corps.iter(W + "p")
        if "bornes de recharge" in texte_paragraphe(p) and not _style(p).upper().startswith("TOC")
    ]  # fmt: skip
    assert bornes
    assert bornes[0].find(f"{W}pPr/{W}rPr/{W}ins") is not None


def test_deplacement_commente() -> None:
    ancien, nouveau = (charger_projet(p) for p in PAIRES[1])
    redline = relu = relire(document_redline(ancien, nouveau, date=DATE))
    commentaires = [c.text for c in relu.comments]
    assert any(t.startswith("Déplacé : était") for t in commentaires)
    assert any(t.startswith("Déplacé : devient") for t in commentaires)
    ids_commentaires = {c.comment_id for c in redline.comments}
    autres = {
        int(el.get(W + "id"))
        for el in redline.element.body.iter(W + "ins", W + "del", W + "bookmarkStart")
    }
    assert not ids_commentaires & autres


def test_fichier_word_valide(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from projterr.cli import app

    sortie = tmp_path / "redline.docx"
    ancien, nouveau = PAIRES[0]
    resultat = CliRunner().invoke(
        app, ["diff", str(ancien), str(nouveau), "-f", "docx", "-o", str(sortie), "--auteur", "CM"]
    )
    assert resultat.exit_code == 1, resultat.stdout + resultat.stderr
    with zipfile.ZipFile(sortie) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert 'w:author="CM"' in xml and "<w:delText" in xml
    assert relire(docx.Document(sortie)).paragraphs


def test_docx_sans_sortie_refuse() -> None:
    from typer.testing import CliRunner

    from projterr.cli import app

    ancien, nouveau = PAIRES[0]
    resultat = CliRunner().invoke(app, ["diff", str(ancien), str(nouveau), "-f", "docx"])
    assert resultat.exit_code == 2
    assert "-o" in resultat.stderr


reglages = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


@reglages
@given(projets(), projets())
def test_documents_au_hasard(ancien: Projet, nouveau: Projet) -> None:
    _verifier(ancien, nouveau)


@reglages
@given(
    st_graines := __import__("hypothesis").strategies.integers(0, 10**6),
    st_graines,
    st_graines,
)
def test_revisions_au_hasard(graine: int, mutation: int, fiches_: int) -> None:
    ancien = _projet(graine)
    _verifier(ancien, _muter_fiches(_muter(ancien, mutation), fiches_))


@pytest.mark.parametrize(
    ("avant", "apres"),
    [
        (["Un", "Deux", "Trois"], ["Un"]),  # trailing paragraphs deleted
        (["Un"], ["Un", "Deux", "Trois"]),  # trailing paragraphs inserted
        (["Un", "Deux"], ["Trois"]),  # replaced, then one deleted
        (["Un", "Deux"], ["Un", "Trois"]),  # the last one deleted and another inserted
    ],
)
def test_derniers_paragraphes_d_une_case(avant: list[str], apres: list[str]) -> None:
    """Found by hypothesis: a cell's last paragraph mark cannot carry a revision; the one
    before it does, and Accept / Reject all still give each version's cell exactly."""
    from projterr.model import Action, Document, Noeud, Territoire

    def projet(objectifs: list[str]) -> Projet:
        action = Action(id="a1", texte="Créer une maison de santé", objectifs=objectifs)
        noeud = Noeud(id="n1", type="axe", numero="1", titre="Santé", actions=[action])
        return Projet(territoire=Territoire(nom="T"), document=Document(titre="D"), contenu=[noeud])

    _verifier(projet(avant), projet(apres))


@pytest.fixture(scope="module")
def coeur() -> Any:
    return document_redline(charger_projet(PAIRES[0][0]), charger_projet(PAIRES[0][1]), date=DATE)


def _textes_marques(corps: Any) -> tuple[list[str], list[str]]:
    ajouts = ["".join(t.text or "" for t in i.iter(W + "t")) for i in corps.iter(W + "ins")]
    retraits = ["".join(t.text or "" for t in d.iter(W + "delText")) for d in corps.iter(W + "del")]
    return ajouts, retraits


def test_un_numero_change_est_barre_et_insere_entier(coeur: Any) -> None:
    """« 4.2.1 » → « 4.2.2 »: one deletion and one insertion of the whole number, never
    « 4.2.[-1-]{+2+} »; the same for « 2ème » → « 3ème »."""
    ajouts, retraits = _textes_marques(coeur.element.body)
    assert "4.2.1" in retraits and "4.2.2" in ajouts
    assert "1" not in retraits and "2" not in ajouts
    titre = next(
        p
        for p in coeur.element.body.iter(W + "p")
        if "Développer les relations interterritoriales" in texte_paragraphe(p)
        and not _style(p).upper().startswith("TOC")
    )
    assert [d for d in titre.iter(W + "del")] and [i for i in titre.iter(W + "ins")]
    assert _textes_marques(titre) == (["4.2.2"], ["4.2.1"])


def test_deux_paragraphes_sans_rapport_ne_sont_pas_fondus(coeur: Any) -> None:
    """The glossary loses « SEM » and gains « SDIRVE » at the same place: one line deleted
    whole, one inserted whole, not « SEM » renamed « SDIRVE » on one line."""
    glossaire = [p for p in coeur.element.body.iter(W + "p") if _style(p) == "Glossaire"]
    sem = next(p for p in glossaire if "SEM" in "".join(_textes_marques(p)[1]))
    sdirve = next(p for p in glossaire if "SDIRVE" in "".join(_textes_marques(p)[0]))
    assert sem is not sdirve
    assert not _textes_marques(sem)[0] and not _textes_marques(sdirve)[1]


def test_les_modifications_suivantes_sont_suivies(coeur: Any, tmp_path: Path) -> None:
    """« Suivi des modifications » is on in the redline: what a reader changes next is
    tracked too."""
    chemin = tmp_path / "redline.docx"
    coeur.save(chemin)
    with zipfile.ZipFile(chemin) as z:
        reglages = z.read("word/settings.xml").decode()
    assert "<w:trackRevisions/>" in reglages
    # at its place in the schema's sequence (Word refuses a misplaced element)
    assert reglages.index("<w:trackRevisions/>") < reglages.index("<w:updateFields")


def test_un_deplacement_pur_est_un_deplacement_de_word(coeur: Any) -> None:
    """« Mobilité : engager le PETR dans un Schéma Cyclable… » moves from 3.2.3 to 2.2.2 with
    no other change: Word's move (w:moveFrom / w:moveTo, paired by name), not a deletion and
    an insertion; its comments still name the other place."""
    corps = coeur.element.body
    depart = {b.get(W + "name"): b for b in corps.iter(W + "moveFromRangeStart")}
    arrivee = {b.get(W + "name"): b for b in corps.iter(W + "moveToRangeStart")}
    assert depart and set(depart) == set(arrivee)
    textes_depart = [
        "".join(t.text or "" for t in m.iter(W + "t")) for m in corps.iter(W + "moveFrom")
    ]
    textes_arrivee = [
        "".join(t.text or "" for t in m.iter(W + "t")) for m in corps.iter(W + "moveTo")
    ]
    assert any("Schéma Cyclable" in t for t in textes_depart)
    assert any("Schéma Cyclable" in t for t in textes_arrivee)
    # the moved text is not also deleted and inserted
    _, retraits = _textes_marques(corps)
    assert not any("Schéma Cyclable" in r for r in retraits)
    # each range is closed, with its own id
    for balise in ("moveFromRange", "moveToRange"):
        debuts = {b.get(W + "id") for b in corps.iter(W + f"{balise}Start")}
        fins = {b.get(W + "id") for b in corps.iter(W + f"{balise}End")}
        assert debuts == fins


def test_les_deplacements_faits_dans_word_sont_acceptes_a_l_import(tmp_path: Path) -> None:
    """A Word file with moves (Word tracks moves by default) reads as accepted: the text once,
    at its new place."""
    from projterr.importers import importer_fichier

    ancien, nouveau = (charger_projet(p) for p in PAIRES[0])
    chemin = tmp_path / "redline.docx"
    document_redline(ancien, nouveau, date=DATE).save(chemin)
    relu = importer_fichier(chemin).projet
    textes = [a.texte for _, a in relu.actions()]
    assert sum("Schéma Cyclable" in t for t in textes) == 1
