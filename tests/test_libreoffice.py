"""Seeds saved by LibreOffice itself, in ODT and in Word (tests/fixtures/libreoffice/): they
import to the same projet as their text, as the documents the tests build do. LibreOffice
writes its own list styles and symbol-font bullets (« \\uf0ae » for « → »): a reader that did
not know them read every action as plain text (found when these files were first made)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graines import SOURCES
from projterr.importers import importer_fichier
from projterr.model import Projet

DOSSIER = Path(__file__).parent / "fixtures" / "libreoffice"
NOMS = sorted(p.stem for p in DOSSIER.glob("*.odt"))


def _arbre(projet: Projet) -> dict[str, object]:
    return projet.model_dump(mode="json", exclude={"document": {"source"}, "non_classe": True})


def test_les_fichiers_sont_la() -> None:
    assert len(NOMS) == 3
    assert all((DOSSIER / f"{n}.docx").is_file() for n in NOMS)


@pytest.mark.parametrize("suffixe", [".odt", ".docx"])
@pytest.mark.parametrize("nom", NOMS)
def test_document_libreoffice_meme_projet_que_son_texte(nom: str, suffixe: str) -> None:
    texte = importer_fichier(SOURCES / f"{nom}.txt")
    lu = importer_fichier(DOSSIER / f"{nom}{suffixe}")
    assert lu.profil == texte.profil
    assert _arbre(lu.projet) == _arbre(texte.projet)
    assert sorted(n.texte for n in lu.projet.non_classe) == sorted(
        n.texte for n in texte.projet.non_classe
    )
