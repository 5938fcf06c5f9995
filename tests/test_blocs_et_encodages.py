"""Blocs (the one intermediate form), the reader chosen by content, and every encoding a
chargé de mission's text file comes in, said in the import summary."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from projterr.cli import app
from projterr.errors import FichierIllisible
from projterr.importers import importer_fichier
from projterr.importers.blocs import Bloc, blocs_du_texte, format_du_contenu, vers_lignes
from projterr.sources import lire_texte

runner = CliRunner()
PLAN = (
    "Projet de territoire du Pays d’Élan\n"
    "\n"
    "Pilier 1 : Économie et emploi\n"
    "- Soutenir les commerces de proximité « cœur de bourg »\n"
    "- Créer une pépinière d’entreprises à Saint-Éloi\n"
    "Pilier 2 : Transition écologique\n"
    "- Rénover l’éclairage public\n"
)


# --- blocs -------------------------------------------------------------------------------------


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_propriete_texte_en_blocs_et_retour_a_l_identique(texte: str) -> None:
    texte = texte.replace("\r", "")
    lignes = vers_lignes(blocs_du_texte(texte))
    assert lignes.texte == texte
    assert [b.ligne for b in lignes.origines] == list(range(1, len(texte.split("\n")) + 1))


def test_tableau_deux_colonnes_en_libelle_valeur() -> None:
    cellules = [
        Bloc("Pilote", "cellule", page=2, ligne=5, tableau=1, rangee=1, colonne=1),
        Bloc("Commune de Coligny", "cellule", page=2, ligne=5, tableau=1, rangee=1, colonne=2),
        Bloc("Partenaires :", "cellule", page=2, ligne=5, tableau=1, rangee=2, colonne=1),
        Bloc("CAF, CPAM", "cellule", page=2, ligne=5, tableau=1, rangee=2, colonne=2),
        Bloc("Calendrier", "cellule", page=2, ligne=5, tableau=1, rangee=3, colonne=1),
        Bloc("", "cellule", page=2, ligne=5, tableau=1, rangee=3, colonne=2),
    ]
    lignes = vers_lignes([Bloc("Fiche action n°1 : Halle", page=2, ligne=4), *cellules])
    assert lignes.texte.split("\n") == [
        "Fiche action n°1 : Halle",
        "Pilote : Commune de Coligny",
        "Partenaires : CAF, CPAM",
        "Calendrier",
    ]
    assert lignes.origines[2].position() == "page 2, tableau 1, rangée 2, colonne 1, ligne 5"


def test_puces_imbriquees_en_retrait() -> None:
    blocs = [
        Bloc("Habiter", "puce", niveau=1, marque="•"),
        Bloc("Logements vacants", "puce", niveau=2, marque="◦"),
    ]
    assert vers_lignes(blocs).texte == "• Habiter\n    ◦ Logements vacants"


def _zip(membres: dict[str, bytes], mimetype: bytes | None = None) -> bytes:
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as archive:
        if mimetype is not None:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        for nom, contenu in membres.items():
            archive.writestr(nom, contenu)
    return tampon.getvalue()


@pytest.mark.parametrize(
    ("data", "attendu"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\xef\xbb\xbf   %PDF-1.4\n", "pdf"),  # a few bytes before the header are allowed
        (_zip({"word/document.xml": b"<w/>"}), "docx"),
        (_zip({"xl/workbook.xml": b"<x/>"}), "xlsx"),
        (_zip({"content.xml": b"<o/>"}, b"application/vnd.oasis.opendocument.text"), "odt"),
        (
            _zip({"content.xml": b"<o/>"}, b"application/vnd.oasis.opendocument.spreadsheet"),
            "ods",
        ),
        (_zip({"a.txt": b"x"}), "zip"),
        (b"PK\x03\x04" + bytes(60), "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(40), "ole"),
        (b"\x89PNG\r\n\x1a\n", "png"),
        (b"Pilier 1 : texte", None),
    ],
)
def test_format_reconnu_au_contenu(data: bytes, attendu: str | None) -> None:
    assert format_du_contenu(data) == attendu


@pytest.mark.parametrize(
    ("nom", "data", "message"),
    [
        ("plan.docx", b"%PDF-1.7\n%%EOF\n", "ce fichier nommé .docx est en réalité un PDF"),
        ("plan.odt", _zip({"word/document.xml": b"<w/>"}), "en réalité un document Word"),
        ("plan.xlsx", b"PK\x03\x04" + bytes(60), "archive ZIP tronquée ou abîmée"),
        ("plan.txt", b"%PDF-1.7\n%%EOF\n", "renommez-le en .pdf"),
    ],
)
def test_nom_et_contenu_qui_divergent(tmp_path: Path, nom: str, data: bytes, message: str) -> None:
    fichier = tmp_path / nom
    fichier.write_bytes(data)
    resultat = runner.invoke(app, ["import", str(fichier)])
    assert resultat.exit_code == 2
    assert resultat.stderr.splitlines() == [resultat.stderr.strip()]
    assert message in resultat.stderr


# --- encodings -------------------------------------------------------------------------------

ENCODAGES = {
    "utf-8": (PLAN.encode("utf-8"), "utf-8", []),
    "utf-8-bom": (b"\xef\xbb\xbf" + PLAN.encode("utf-8"), "utf-8", ["BOM"]),
    "utf-16-le-bom": (PLAN.encode("utf-16"), "utf-16", ["UTF-16"]),  # Word's « Texte Unicode »
    "utf-16-be-bom": (b"\xfe\xff" + PLAN.encode("utf-16-be"), "utf-16", ["UTF-16"]),
    "utf-16-le-sans-bom": (PLAN.encode("utf-16-le"), "utf-16-le", ["UTF-16 sans marque"]),
    "utf-16-be-sans-bom": (PLAN.encode("utf-16-be"), "utf-16-be", ["UTF-16 sans marque"]),
    "windows-1252": (PLAN.encode("cp1252"), "windows-1252", ["Windows-1252"]),
    "latin-1": (
        PLAN.replace("’", "'").replace("œ", "oe").encode("latin-1"),
        "latin-1",
        ["Latin-1"],
    ),
    "utf-8-crlf": (PLAN.replace("\n", "\r\n").encode("utf-8"), "utf-8", ["CRLF"]),
    "utf-16-crlf": (PLAN.replace("\n", "\r\n").encode("utf-16"), "utf-16", ["UTF-16", "CRLF"]),
    "windows-1252-crlf": (
        PLAN.replace("\n", "\r\n").encode("cp1252"),
        "windows-1252",
        ["Windows-1252", "CRLF"],
    ),
}


@pytest.mark.parametrize("cas", sorted(ENCODAGES))
def test_encodage_detecte_decode_et_dit(tmp_path: Path, cas: str) -> None:
    data, encodage, annonces = ENCODAGES[cas]
    fichier = tmp_path / f"plan-{cas}.txt"
    fichier.write_bytes(data)
    source = lire_texte(fichier)
    assert source.encodage == encodage
    attendu = PLAN if cas != "latin-1" else PLAN.replace("’", "'").replace("œ", "oe")
    assert source.texte == attendu

    resultat = runner.invoke(app, ["import", str(fichier)])
    assert resultat.exit_code == 0, resultat.stderr
    remarques = [ligne for ligne in resultat.stderr.splitlines() if ligne.startswith("Remarque")]
    assert len(remarques) == len(annonces), remarques
    for annonce, remarque in zip(annonces, remarques, strict=True):
        assert annonce in remarque
    assert f"encodage: {encodage}" in resultat.stdout

    # The same plan whatever the encoding.
    projet = importer_fichier(fichier).projet
    assert next(a.texte for _, a in projet.actions()).startswith("Soutenir les commerces")
    assert len(list(projet.actions())) == 3


@pytest.mark.parametrize(
    "donnees",
    [
        bytes(range(256)) * 8,  # every byte value: binary
        b"\x00\x01\x02\x03" * 500,  # NUL bytes on both sides
        "Axe 1 : Mobilité\n".encode("utf-16-le") + b"\x00\x00" * 10,  # NUL characters
        "Axe 1 : Mobilité\n".encode("utf-16-le")[:-1],  # an odd number of bytes
    ],
    ids=["octets", "nuls-partout", "caracteres-nuls", "impair"],
)
def test_binaire_pas_pris_pour_de_l_utf16_sans_bom(tmp_path: Path, donnees: bytes) -> None:
    fichier = tmp_path / "plan.txt"
    fichier.write_bytes(donnees)
    with pytest.raises(FichierIllisible, match="binaire"):
        lire_texte(fichier)


def test_utf16_tronque(tmp_path: Path) -> None:
    fichier = tmp_path / "plan.txt"
    fichier.write_bytes(PLAN.encode("utf-16")[:-1])  # an odd number of bytes
    with pytest.raises(FichierIllisible, match="UTF-16"):
        lire_texte(fichier)


@settings(max_examples=100)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1))
def test_propriete_utf16_relu_a_l_identique(tmp_path_factory, texte: str) -> None:  # type: ignore[no-untyped-def]
    texte = texte.replace("\ufeff", "")
    if not texte.strip():
        return
    fichier = tmp_path_factory.mktemp("u16") / "t.txt"
    fichier.write_bytes(texte.encode("utf-16"))
    assert lire_texte(fichier).texte == texte
