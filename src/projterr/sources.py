"""Reading a source file as text: existence, emptiness, binary content and encoding.

Every importer goes through :func:`lire_texte`, so every command gives the same French
answer to the same bad file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from projterr.errors import FichierIllisible, raison_systeme

# Bytes 0x80-0x9F are printable characters in Windows-1252 (’ “ ” … œ €) and control
# characters in Latin-1: their presence tells the two encodings apart.
_C1_RANGE = bytes(range(0x80, 0xA0))
_CONTROLES = re.compile(r"[\x00-\x08\x0e-\x1f]")
_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP (Word, ODT ou Excel)",
    b"\xd0\xcf\x11\xe0": "Office 97-2003",
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

    @property
    def lignes(self) -> list[str]:
        return self.texte.split("\n")


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


def lire_texte(chemin: Path) -> TexteSource:
    """Decode a text file: UTF-8 first, then Windows-1252 or Latin-1, said in ``remarque``."""
    data = lire_octets(chemin)
    nom = str(chemin)
    for magic, label in _MAGIC.items():
        if data.startswith(magic):
            raise FichierIllisible(f"fichier binaire ({label}), pas un texte", nom)
    if b"\x00" in data[:8192]:
        raise FichierIllisible("fichier binaire, pas un texte", nom)

    remarque = None
    try:
        texte = data.decode("utf-8-sig")
        encodage = "utf-8"
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
        nom_encodage = {"windows-1252": "Windows-1252", "latin-1": "Latin-1 (ISO-8859-1)"}
        remarque = f"fichier encodé en {nom_encodage[encodage]}, converti en UTF-8"

    texte = texte.replace("\r\n", "\n").replace("\r", "\n")
    controles = len(_CONTROLES.findall(texte))
    if controles > max(8, len(texte) // 100):
        raise FichierIllisible("fichier binaire, pas un texte", nom)
    return TexteSource(chemin, texte, encodage, empreinte(data), remarque)
