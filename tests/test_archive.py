"""One safety policy for every office reader (projterr/archive.py): the limits themselves, and
the same hostile archive refused in the same words by the Word, ODT and Excel readers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from projterr import archive
from projterr.cli import app

runner = CliRunner()


def _info(nom: str, taille: int, compresse: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(nom)
    info.file_size = taille
    info.compress_size = compresse
    return info


def test_une_archive_ordinaire_passe() -> None:
    infos = [_info("word/document.xml", 3_000_000, 400_000), _info("word/styles.xml", 9_000, 2_000)]
    assert archive.refus(infos, 410_000) is None


def test_trop_de_parties() -> None:
    infos = [_info(f"p{k}.xml", 10, 10) for k in range(archive.PARTIES_MAX + 1)]
    message = archive.refus(infos, 10 * len(infos))
    assert message is not None and "10\u202f001 parties" in message


def test_taille_totale_au_dela_de_la_limite() -> None:
    # 250 Mo spread over parts that each compress modestly: refused for the total alone
    infos = [_info(f"p{k}.xml", 25 * 1024 * 1024, 5 * 1024 * 1024) for k in range(10)]
    message = archive.refus(infos, 50 * 1024 * 1024)
    assert message is not None and "250\u00a0Mo" in message and "dont la partie" not in message


def test_archive_qui_gonfle_trop() -> None:
    # 30 Mo from a 100 Ko archive: each part stays under the per-part threshold
    infos = [_info(f"p{k}.xml", 1024 * 1024 - 1, 3_000) for k in range(30)]
    assert archive.refus(infos, 100_000) is not None


def test_une_partie_qui_gonfle_trop_est_nommee() -> None:
    infos = [_info("xl/worksheets/sheet1.xml", 64 * 1024 * 1024, 65_000)] + [
        _info(f"p{k}.xml", 10_000_000, 9_000_000) for k in range(5)
    ]
    message = archive.refus(infos, 50_000_000)
    assert message is not None
    assert "la partie xl/worksheets/sheet1.xml qui passerait de 63\u00a0Ko à 64\u00a0Mo" in message


def test_signatures_ole() -> None:
    assert archive.est_ole(archive.SIGNATURE_OLE + bytes(100))
    assert not archive.est_ole(b"PK\x03\x04" + bytes(100))
    chiffre = archive.SIGNATURE_OLE + bytes(50) + "EncryptedPackage".encode("utf-16-le")
    assert archive.ole_chiffre(chiffre)
    assert not archive.ole_chiffre(archive.SIGNATURE_OLE + bytes(100))


def test_le_parseur_ne_resout_pas_les_entites(tmp_path: Path) -> None:
    from lxml import etree

    secret = tmp_path / "secret.txt"
    secret.write_text("MOT-DE-PASSE", encoding="utf-8")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]><r>&x;</r>'
    ).encode()
    racine = etree.fromstring(xml, archive.parseur_xml())
    assert "MOT-DE-PASSE" not in etree.tostring(racine, encoding="unicode")


@pytest.mark.parametrize(
    ("nom", "parties"),
    [
        ("plan.docx", ["word/document.xml"]),
        ("plan.odt", ["mimetype", "content.xml"]),
        ("plan.xlsx", ["xl/workbook.xml", "xl/worksheets/sheet1.xml"]),
    ],
)
def test_les_trois_lecteurs_refusent_la_meme_bombe_dans_les_memes_mots(
    tmp_path: Path, nom: str, parties: list[str]
) -> None:
    chemin = tmp_path / nom
    with zipfile.ZipFile(chemin, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        for partie in parties[:-1]:
            z.writestr(
                partie,
                "application/vnd.oasis.opendocument.text" if partie == "mimetype" else "<x/>",
            )
        z.writestr(parties[-1], b"<x/>" + b" " * (30 * 1024 * 1024))
    resultat = runner.invoke(app, ["import", str(chemin)])
    assert resultat.exit_code == 2
    ligne = resultat.stderr.strip()
    assert "\n" not in ligne and "Traceback" not in ligne
    assert f"la partie {parties[-1]} qui passerait de" in ligne
    assert ligne.endswith(
        "à 30\u00a0Mo (bombe de décompression, dite « bombe zip ») ; elle n'a pas été ouverte"
    )


def _compression_inconnue(parties: dict[str, str], illisible: str) -> bytes:
    """A zip whose part ``illisible`` claims compression method 99 (AES, which zipfile does
    not decompress), as some archivers write it."""
    import io
    import struct

    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w", zipfile.ZIP_STORED) as z:
        for nom, texte in parties.items():
            z.writestr(nom, texte)
    data = bytearray(tampon.getvalue())
    entetes = ((b"PK\x03\x04", 8, 26, 30), (b"PK\x01\x02", 10, 28, 46))
    for signature, decalage, longueur, debut in entetes:
        k = data.find(signature)
        while k >= 0:
            n = struct.unpack("<H", data[k + longueur : k + longueur + 2])[0]
            if data[k + debut : k + debut + n] == illisible.encode():
                data[k + decalage : k + decalage + 2] = struct.pack("<H", 99)
            k = data.find(signature, k + 4)
    return bytes(data)


@pytest.mark.parametrize(
    ("nom", "parties", "genre"),
    [
        ("plan.docx", {"word/document.xml": "<w:document/>"}, "document Word"),
        (
            "plan.odt",
            {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"},
            "document OpenDocument",
        ),
    ],
)
def test_une_compression_inconnue_est_nommee(
    tmp_path: Path, nom: str, parties: dict[str, str], genre: str
) -> None:
    chemin = tmp_path / nom
    illisible = list(parties)[-1]
    chemin.write_bytes(_compression_inconnue(parties, illisible))
    resultat = runner.invoke(app, ["import", str(chemin)])
    assert resultat.exit_code == 2
    fin = f"{genre} illisible ({illisible} : compression inconnue)"
    assert resultat.stderr.strip().endswith(fin), resultat.stderr
