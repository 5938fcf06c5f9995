"""Opening office files safely, one policy for every reader: Word, ODT and Excel archives,
Office 97-2003 (OLE) files, and the XML inside them.

An archive is judged on its directory before anything is decompressed: too many parts, a
total size past a sane one, or an expansion far beyond the archive's own size (a zip bomb) is
refused with one French sentence. XML is parsed without resolving entities, loading a DTD or
reaching the network, so an external entity in a hostile document stays an unresolved
reference.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from projterr.errors import FichierIllisible

if TYPE_CHECKING:
    from lxml import etree
    from lxml.etree import _Element

# The signature of an OLE compound file: Word 97-2003, Excel 97-2003, and the envelope in
# which Word, Excel and LibreOffice store a file saved with a password.
SIGNATURE_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# A real plan of several hundred pages stays far below each limit.
PARTIES_MAX = 10_000
TAILLE_MAX = 200 * 1024 * 1024  # bytes once uncompressed, all parts together
RATIO_MAX = 200  # uncompressed / compressed, for the archive and for a part above 1 MB
_PARTIE_SURVEILLEE = 1024 * 1024


def est_ole(data: bytes) -> bool:
    """An Office 97-2003 file, or an office file saved with a password."""
    return data.startswith(SIGNATURE_OLE)


def ole_chiffre(data: bytes) -> bool:
    """An OLE file holding an encrypted package: an Office 2007+ file saved with a password
    (rather than a 97-2003 file)."""
    return est_ole(data) and "EncryptedPackage".encode("utf-16-le") in data


def refus(infos: list[zipfile.ZipInfo], taille_archive: int) -> str | None:
    """Why an archive must not be opened, in French, from its directory only; None for a
    normal archive."""
    if len(infos) > PARTIES_MAX:
        n, limite = (f"{k:,}".replace(",", "\u202f") for k in (len(infos), PARTIES_MAX))
        return f"archive refusée : {n} parties (limite {limite}) ; elle n'a pas été ouverte"
    total = sum(i.file_size for i in infos)
    gonflee = next(
        (
            i
            for i in infos
            if i.file_size > _PARTIE_SURVEILLEE
            and i.file_size > RATIO_MAX * max(i.compress_size, 1)
        ),
        None,
    )
    if total > TAILLE_MAX or total > RATIO_MAX * max(taille_archive, 1) or gonflee:
        detail = (
            f", dont la partie {gonflee.filename} qui passerait de "
            f"{_taille(gonflee.compress_size)} à {_taille(gonflee.file_size)}"
            if gonflee
            else ""
        )
        return (
            f"archive refusée : elle se décompresserait en {_taille(total)}{detail} "
            "(bombe de décompression, dite « bombe zip ») ; elle n'a pas été ouverte"
        )
    return None


def _taille(octets: int) -> str:
    """« 512 octets », « 20 Ko », « 64 Mo » (rounded down, as a file manager shows them)."""
    for unite, diviseur in (("Mo", 1024 * 1024), ("Ko", 1024)):
        if octets >= diviseur:
            return f"{octets // diviseur}\u00a0{unite}"
    return f"{octets}\u00a0octets"


def parseur_xml() -> etree.XMLParser:
    """The XML parser of every office-document part: no entity resolved, no DTD, no network."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class Archive:
    """The zip of a Word or ODT document, opened only once its directory passed :func:`refus`;
    a part that cannot be read is one French sentence naming it (``genre``: « document Word »)."""

    def __init__(self, data: bytes, nom: str, genre: str, illisible: str) -> None:
        self.nom, self.genre = nom, genre
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, EOFError, OSError):
            raise FichierIllisible(illisible, nom) from None
        raison = refus(self._zip.infolist(), len(data))
        if raison is not None:
            self._zip.close()
            raise FichierIllisible(raison, nom)
        self.noms = frozenset(self._zip.namelist())

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_: object) -> None:
        self._zip.close()

    def lire(self, partie: str) -> bytes:
        try:
            return self._zip.read(partie)
        # first: NotImplementedError is a RuntimeError, which the next clause catches
        except NotImplementedError:  # a compression method zipfile does not know
            raise FichierIllisible(
                f"{self.genre} illisible ({partie} : compression inconnue)", self.nom
            ) from None
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError):
            raise FichierIllisible(
                f"{self.genre} endommagé ({partie} illisible)", self.nom
            ) from None


def xml(octets: bytes, nom: str, genre: str, partie: str) -> _Element:
    """A part's XML, parsed without entities; a DOCTYPE is refused: no word processor declares
    one, and one that does is built to smuggle entities in (an external file, a billion
    laughs), as defusedxml would refuse it."""
    from lxml import etree

    try:
        racine = etree.fromstring(octets, parseur_xml())
    except etree.XMLSyntaxError:
        raise FichierIllisible(
            f"{genre} endommagé ({partie} n'est pas du XML valide)", nom
        ) from None
    if racine.getroottree().docinfo.doctype:
        raise FichierIllisible(
            f"{genre} refusé : {partie} déclare des entités XML (DOCTYPE), ce qu'aucun "
            "traitement de texte n'écrit",
            nom,
        )
    return racine
