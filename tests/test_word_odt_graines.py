"""The seeds written in Word and in LibreOffice the way people write them (heading styles,
real list bullets, one paragraph per paragraph; see ``fabrique_bureautique``) import to the
same projet as their text: same tree, same numbers, same titles, same actions and fields,
same words set aside, each set-aside paragraph pointing at its paragraph.

The only difference allowed is what a word processor cannot hold: a page number typed as a
line of text (``RAISONS_DE_PAGE``), which the fabrique leaves out; the test checks that the
text import had set exactly those lines aside, and compares everything else whole. No seed
has such a line today, so the comparison below is the full projet for every seed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from fabrique_bureautique import RAISONS_DE_PAGE, Plan, docx_du_plan, odt_du_plan, plan_du_texte
from graines import NOMS, SOURCES, textes_du_resultat
from projterr.importers import ResultatImport, importer_fichier
from projterr.importers.odt import lire_odt
from projterr.importers.word import lire_word
from projterr.model import Projet
from projterr.normalize import normaliser

MOT = re.compile(r"\w+")
FORMATS = {"docx": docx_du_plan, "odt": odt_du_plan}


@cache
def _plan(nom: str) -> Plan:
    return plan_du_texte((SOURCES / nom).read_text(encoding="utf-8"))


@cache
def _octets(nom: str, format_: str) -> bytes:
    # French style names for every other seed, English ones for the rest: both interfaces.
    return FORMATS[format_](_plan(nom), francais=NOMS.index(nom) % 2 == 0)


def _importer(nom: str, format_: str, dossier: Path) -> ResultatImport:
    chemin = dossier / f"{Path(nom).stem}.{format_}"
    chemin.write_bytes(_octets(nom, format_))
    return importer_fichier(chemin)


def _arbre(projet: Projet) -> dict[str, Any]:
    return projet.model_dump(mode="json", exclude={"document": {"source"}, "non_classe": True})


def _mots(textes: list[str]) -> Counter[str]:
    return Counter(m for t in textes for m in MOT.findall(normaliser(t)))


@pytest.mark.parametrize("format_", list(FORMATS))
@pytest.mark.parametrize("nom", NOMS)
def test_graine_en_word_et_odt_meme_projet(nom: str, format_: str, tmp_path: Path) -> None:
    texte = importer_fichier(SOURCES / nom)
    lu = _importer(nom, format_, tmp_path)
    assert lu.profil == texte.profil
    assert lu.avertissements == texte.avertissements
    # Same structure (levels, numbers, titles), same actions and fields, same ids.
    assert _arbre(lu.projet) == _arbre(texte.projet)
    assert lu.projet.document.source is not None
    assert lu.projet.document.source.fichier == f"{Path(nom).stem}.{format_}"
    # What was set aside: the same texts, but the page-number lines a document cannot hold.
    hors_page = [n.texte for n in texte.projet.non_classe if n.raison not in RAISONS_DE_PAGE]
    assert sorted(n.texte for n in lu.projet.non_classe) == sorted(hors_page)
    assert sorted(_plan(nom).retirees) == sorted(
        n.texte for n in texte.projet.non_classe if n.raison in RAISONS_DE_PAGE
    )
    # Each set-aside paragraph says which paragraph it was, and it is that one.
    lecture = (lire_word if format_ == "docx" else lire_odt)(_octets(nom, format_), nom)
    paragraphes = {b.paragraphe: b.texte for b in lecture.blocs if b.paragraphe}
    for nc in lu.projet.non_classe:
        assert nc.position == f"paragraphe {nc.ligne}", nc
        assert nc.texte in paragraphes[nc.ligne]


@pytest.mark.parametrize("format_", list(FORMATS))
@pytest.mark.parametrize("nom", NOMS)
def test_chaque_mot_de_la_source_est_dans_le_resultat(
    nom: str, format_: str, tmp_path: Path
) -> None:
    """Every word of the seed is in the import (tree, fields, non_classe, labels), or was
    consumed as structure by the text import too (« Pilier », « n° »)."""
    source = _mots([(SOURCES / nom).read_text(encoding="utf-8")])
    du_texte = _mots(textes_du_resultat(importer_fichier(SOURCES / nom)))
    du_document = _mots(textes_du_resultat(_importer(nom, format_, tmp_path)))
    perdus = sorted(m for m in source if m not in du_document and m in du_texte)
    assert perdus == []
    assert {m for m in source if m not in du_document} == {
        m for m in source if m not in du_texte
    }  # what neither keeps is the same structure words, not a sentence lost by this reader


@pytest.mark.parametrize("format_", list(FORMATS))
def test_les_documents_sont_faits_comme_a_la_main(format_: str) -> None:
    """The fixtures are what they claim: headings in styles of both interface languages,
    bullets from the list numbering (never typed), wrapped lines joined."""
    toutes_les_puces = 0
    for nom in NOMS:
        data = _octets(nom, format_)
        blocs = (lire_word if format_ == "docx" else lire_odt)(data, nom).blocs
        puces = [b for b in blocs if b.genre == "puce"]
        titres = [b for b in blocs if b.genre == "titre"]
        assert titres, nom
        assert all(not b.texte.startswith(("•", "-", "→")) for b in puces)
        toutes_les_puces += len(puces)
        noms_de_styles = {b.style for b in titres}
        attendu = "titre" if NOMS.index(nom) % 2 == 0 else "heading"
        assert all((s or "").casefold().startswith(attendu) for s in noms_de_styles), noms_de_styles
    assert toutes_les_puces > 100
    coeur = _blocs_coeur(format_)
    assert any(b.marque == "→" for b in coeur)  # a nested list, with its own bullet
    # The seed copied from a PDF has its lines wrapped: one paragraph each in the document.
    lignes = (SOURCES / "coeur-de-lorraine_revision-projet-de-territoire.txt").read_text(
        encoding="utf-8"
    )
    assert (
        len([b for b in coeur if b.texte]) < len([x for x in lignes.split("\n") if x.strip()]) * 0.6
    )


def _blocs_coeur(format_: str) -> list[Any]:
    nom = "coeur-de-lorraine_revision-projet-de-territoire.txt"
    lire = lire_word if format_ == "docx" else lire_odt
    return lire(_octets(nom, format_), nom).blocs
