"""Reading a source file as text: existence, emptiness, binary content and encoding.

Every importer goes through :func:`lire_texte`, so every command gives the same French
answer to the same bad file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from projterr.archive import SIGNATURE_OLE
from projterr.errors import FichierIllisible, raison_systeme

# Bytes 0x80-0x9F are printable characters in Windows-1252 (’ “ ” … œ €) and control
# characters in Latin-1: their presence tells the two encodings apart.
_C1_RANGE = bytes(range(0x80, 0xA0))
_CONTROLES = re.compile(r"[\x00-\x08\x0e-\x1f]")
_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP (Word, ODT ou Excel)",
    SIGNATURE_OLE[:4]: "Office 97-2003",  # four bytes are enough to name it
    b"\x89PNG": "image PNG",
    b"\xff\xd8\xff": "image JPEG",
}


@dataclass(frozen=True)
class TexteSource:
    """The decoded text of a source file, with what was learnt while reading it."""

    chemin: Path
    texte: str
    encodage: str
    empreinte: str
    remarque: str | None = None  # e.g. "encodage Windows-1252 détecté et converti"
    notes: tuple[str, ...] = field(default=())  # BOM removed, CRLF line ends converted…

    @property
    def lignes(self) -> list[str]:
        return self.texte.split("\n")

    @property
    def remarques(self) -> list[str]:
        """Everything the import summary should say about the reading, in French."""
        return [r for r in (self.remarque, *self.notes) if r]


def lire_octets(chemin: Path) -> bytes:
    """The raw bytes of a file that exists, is a file and is not empty."""
    nom = str(chemin)
    if not chemin.exists():
        raise FichierIllisible("fichier introuvable", nom)
    if chemin.is_dir():
        raise FichierIllisible("c'est un dossier, pas un fichier", nom)
    try:
        data = chemin.read_bytes()
    except OSError as exc:
        raise FichierIllisible(f"lecture impossible ({raison_systeme(exc)})", nom) from exc
    if not data.strip():
        raise FichierIllisible("fichier vide", nom)
    return data


def empreinte(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


_BOM_UTF16 = (b"\xff\xfe", b"\xfe\xff")
_NOMS_ENCODAGES = {
    "windows-1252": "Windows-1252",
    "latin-1": "Latin-1 (ISO-8859-1)",
    "utf-16": "UTF-16 (le « Texte Unicode » de Word)",
    "utf-16-le": "UTF-16 sans marque d'ordre des octets (petit-boutiste)",
    "utf-16-be": "UTF-16 sans marque d'ordre des octets (gros-boutiste)",
}


def _utf16_sans_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 written without its BOM (some exports do), recognised by its NUL bytes: in a
    French text nearly every character is below U+0100, so one byte of each pair is NUL —
    the second (little-endian) or the first (big-endian). Anything else is binary."""
    if len(data) % 2:
        return None
    echantillon = data[:8192]
    moitie = len(echantillon) // 2
    pairs, impairs = echantillon[0::2].count(0), echantillon[1::2].count(0)
    if impairs >= 0.6 * moitie and pairs <= 0.05 * moitie:
        encodage = "utf-16-le"
    elif pairs >= 0.6 * moitie and impairs <= 0.05 * moitie:
        encodage = "utf-16-be"
    else:
        return None
    try:
        texte = data.decode(encodage)
    except UnicodeDecodeError:
        return None
    if _CONTROLES.search(texte) or "\x00" in texte:
        return None
    return encodage, texte


# The longest paragraph of a real strategy is a few thousand characters: a line a hundred
# times longer is data (a CSV column, a minified page), not a document to read line by line.
LIGNE_MAX = 200_000


def _utf16_plausible(data: bytes) -> bool:
    """Whether bytes that open with a UTF-16 BOM are UTF-16. « þÿ… » in Windows-1252 opens with
    the same two bytes: of an odd length and without a NUL byte (which any French UTF-16 text
    has beside its ASCII letters), it is not UTF-16, not even a truncated one."""
    return len(data) % 2 == 0 or b"\x00" in data[2:8194]


def lire_texte(chemin: Path) -> TexteSource:
    """Decode a text file: UTF-16 with its BOM, UTF-8 (BOM or not), then Windows-1252 or
    Latin-1; a conversion is said in ``remarque``, a BOM or CRLF line ends in ``notes``."""
    data = lire_octets(chemin)
    nom = str(chemin)
    notes: list[str] = []
    if data.startswith(_BOM_UTF16) and _utf16_plausible(data):
        # Word's « Texte Unicode » is UTF-16 with a BOM: its NUL bytes are not binary.
        try:
            texte = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise FichierIllisible("fichier UTF-16 illisible (octets incomplets)", nom) from exc
        encodage = "utf-16"
        remarque: str | None = f"fichier encodé en {_NOMS_ENCODAGES[encodage]}, converti en UTF-8"
        return _fin(chemin, data, texte.removeprefix("\ufeff"), encodage, remarque, notes)
    for magic, label in _MAGIC.items():
        if data.startswith(magic):
            raise FichierIllisible(f"fichier binaire ({label}), pas un texte", nom)
    if b"\x00" in data[:8192]:
        sans_bom = _utf16_sans_bom(data)
        if sans_bom is None:
            raise FichierIllisible("fichier binaire, pas un texte", nom)
        encodage, texte = sans_bom
        remarque = f"fichier encodé en {_NOMS_ENCODAGES[encodage]}, converti en UTF-8"
        return _fin(chemin, data, texte, encodage, remarque, notes)

    remarque = None
    try:
        texte = data.decode("utf-8-sig")
        encodage = "utf-8"
        if data.startswith(b"\xef\xbb\xbf"):
            notes.append("fichier UTF-8 avec marque d'ordre des octets (BOM), retirée")
    except UnicodeDecodeError:
        if any(b in _C1_RANGE for b in data):
            try:
                texte = data.decode("cp1252")
                encodage = "windows-1252"
            except UnicodeDecodeError:
                texte = data.decode("latin-1")
                encodage = "latin-1"
        else:
            texte = data.decode("latin-1")
            encodage = "latin-1"
        remarque = f"fichier encodé en {_NOMS_ENCODAGES[encodage]}, converti en UTF-8"
    return _fin(chemin, data, texte, encodage, remarque, notes)


def _fin(
    chemin: Path,
    data: bytes,
    texte: str,
    encodage: str,
    remarque: str | None,
    notes: list[str],
) -> TexteSource:
    if "\r\n" in texte:
        notes.append("fins de ligne Windows (CRLF) converties")
    elif "\r" in texte:
        notes.append("fins de ligne Mac (CR) converties")
    texte = texte.replace("\r\n", "\n").replace("\r", "\n")
    controles = len(_CONTROLES.findall(texte))
    if controles > max(8, len(texte) // 100):
        raise FichierIllisible("fichier binaire, pas un texte", str(chemin))
    longueur = max((len(ligne) for ligne in texte.split("\n")), default=0)
    if longueur > LIGNE_MAX:
        raise FichierIllisible(
            f"une ligne de {longueur:,} caractères".replace(",", "\u202f")
            + " : ce n'est pas un document rédigé (données, texte minifié ?)",
            str(chemin),
        )
    return TexteSource(chemin, texte, encodage, empreinte(data), remarque, tuple(notes))
