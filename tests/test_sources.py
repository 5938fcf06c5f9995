"""sources.lire_texte: encodings, BOM, line endings, binary detection, French errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from projterr.errors import FichierIllisible
from projterr.sources import lire_octets, lire_texte

FRANCAIS = "Pilier 1 : l’économie – « œuvre » à Saint-Mihiel… 20 €\n- Action n°2\n"


def _ecrire(tmp_path: Path, data: bytes, nom: str = "source.txt") -> Path:
    chemin = tmp_path / nom
    chemin.write_bytes(data)
    return chemin


def test_utf8(tmp_path: Path) -> None:
    data = FRANCAIS.encode("utf-8")
    source = lire_texte(_ecrire(tmp_path, data))
    assert source.texte == FRANCAIS
    assert source.encodage == "utf-8"
    assert source.remarque is None
    assert source.empreinte == "sha256:" + hashlib.sha256(data).hexdigest()


def test_bom_utf8_retire(tmp_path: Path) -> None:
    source = lire_texte(_ecrire(tmp_path, b"\xef\xbb\xbf" + FRANCAIS.encode()))
    assert source.texte == FRANCAIS
    assert source.remarque is None


def test_windows_1252(tmp_path: Path) -> None:
    source = lire_texte(_ecrire(tmp_path, FRANCAIS.encode("cp1252")))
    assert source.texte == FRANCAIS
    assert source.encodage == "windows-1252"
    assert source.remarque is not None and "encodé en Windows-1252" in source.remarque


def test_latin1(tmp_path: Path) -> None:
    texte = "Pilier 1 : l'économie, déjà « là » ; °C\n"
    source = lire_texte(_ecrire(tmp_path, texte.encode("latin-1")))
    assert source.texte == texte
    assert source.encodage == "latin-1"
    assert source.remarque is not None and "encodé en Latin-1" in source.remarque


def test_latin1_avec_caracteres_de_controle_c1(tmp_path: Path) -> None:
    # 0x81 is undefined in cp1252: such a file can only be Latin-1
    source = lire_texte(_ecrire(tmp_path, b"caf\xe9 \x81 ici\n"))
    assert source.encodage == "latin-1"
    assert source.texte == "café \x81 ici\n"


@pytest.mark.parametrize("fin", ["\r\n", "\r"])
def test_fins_de_ligne(tmp_path: Path, fin: str) -> None:
    data = FRANCAIS.replace("\n", fin).encode("utf-8")
    source = lire_texte(_ecrire(tmp_path, data))
    assert source.texte == FRANCAIS
    assert source.lignes == FRANCAIS.split("\n")


def test_crlf_en_windows_1252(tmp_path: Path) -> None:
    source = lire_texte(_ecrire(tmp_path, FRANCAIS.replace("\n", "\r\n").encode("cp1252")))
    assert source.texte == FRANCAIS


@pytest.mark.parametrize(
    ("data", "attendu"),
    [
        (b"%PDF-1.7\n...", "PDF"),
        (b"PK\x03\x04" + bytes(40), "ZIP"),
        (b"\xd0\xcf\x11\xe0" + bytes(40), "Office 97-2003"),
        (b"\x89PNG\r\n\x1a\n" + bytes(40), "PNG"),
        (b"\xff\xd8\xff\xe0" + bytes(40), "JPEG"),
        (b"du texte\x00avec un octet nul", "binaire"),
        (bytes(range(1, 32)) * 20, "binaire"),
    ],
)
def test_binaire_refuse(tmp_path: Path, data: bytes, attendu: str) -> None:
    chemin = _ecrire(tmp_path, data)
    with pytest.raises(FichierIllisible) as info:
        lire_texte(chemin)
    assert attendu in info.value.message
    assert info.value.fichier == str(chemin)
    assert str(info.value).startswith(f"{chemin} : ")


def test_quelques_caracteres_de_controle_toleres(tmp_path: Path) -> None:
    texte = "Page 1\fPage 2\x0b\n" + "x" * 2000 + "\x07\n"
    assert lire_texte(_ecrire(tmp_path, texte.encode())).texte == texte


@pytest.mark.parametrize(
    ("preparer", "message"),
    [
        (lambda d: d / "absent.txt", "fichier introuvable"),
        (lambda d: d, "c'est un dossier, pas un fichier"),
        (lambda d: _ecrire(d, b""), "fichier vide"),
        (lambda d: _ecrire(d, b" \n\t\r\n"), "fichier vide"),
    ],
    ids=["introuvable", "dossier", "vide", "blancs"],
)
def test_fichiers_illisibles(tmp_path: Path, preparer, message: str) -> None:  # type: ignore[no-untyped-def]
    chemin = preparer(tmp_path)
    for lire in (lire_texte, lire_octets):
        with pytest.raises(FichierIllisible) as info:
            lire(chemin)
        assert info.value.message == message
        assert info.value.fichier == str(chemin)


# Characters cp1252 can encode, minus line ends (normalised) and NUL/C0 (binary detection).
CP1252 = (
    "".join(
        c for c in (bytes([b]).decode("cp1252", errors="ignore") for b in range(0x20, 0x100)) if c
    )
    + "\t\n"
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=CP1252, min_size=1, max_size=200).filter(lambda t: t.strip()))
@example("þÿ Axe 1.")  # opens with the bytes of a UTF-16 BOM, odd length: Windows-1252
@example("ÿþx")
def test_tout_texte_windows_1252_relu_a_l_identique(
    tmp_path_factory: pytest.TempPathFactory, texte: str
) -> None:
    data = texte.encode("cp1252")
    # Bytes that are also valid UTF-8 (ASCII, or « Ã© »-like pairs such as b"\xc2\xa0") are
    # read as UTF-8 by design: no decoder can tell them apart. Every other cp1252 text must
    # come back intact.
    try:
        data.decode("utf-8")
        assume(False)
    except UnicodeDecodeError:
        pass
    # A text opening with « þÿ » or « ÿþ » opens with a UTF-16 BOM: of an even length, it is
    # read as UTF-16 by design, as no decoder can tell them apart (of an odd length, it is not)
    assume(not (data.startswith((b"\xfe\xff", b"\xff\xfe")) and len(data) % 2 == 0))
    chemin = tmp_path_factory.mktemp("cp") / "t.txt"
    chemin.write_bytes(data)
    source = lire_texte(chemin)
    assert source.texte == texte
    assert source.encodage in ("windows-1252", "latin-1")


@settings(max_examples=200, deadline=None)
@given(
    st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=200).filter(
        lambda t: t.strip()
    )
)
def test_tout_texte_utf8_relu_a_l_identique(
    tmp_path_factory: pytest.TempPathFactory, texte: str
) -> None:
    chemin = tmp_path_factory.mktemp("u8") / "t.txt"
    chemin.write_bytes(texte.encode("utf-8"))
    source = lire_texte(chemin)
    assert source.texte == texte.lstrip("\ufeff")
    assert source.encodage == "utf-8"
