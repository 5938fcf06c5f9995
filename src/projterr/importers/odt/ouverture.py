"""An ODT archive opened safely: an Office 97-2003 or encrypted file, a spreadsheet or a
presentation, a truncated archive each get one French sentence; its XML parts are parsed
without entities.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from projterr import archive
from projterr.errors import FichierIllisible

if TYPE_CHECKING:
    from lxml.etree import _Element


_ODF = "urn:oasis:names:tc:opendocument:xmlns:"
OFFICE = "{" + _ODF + "office:1.0}"
TEXT = "{" + _ODF + "text:1.0}"
TABLE = "{" + _ODF + "table:1.0}"
STYLE = "{" + _ODF + "style:1.0}"
DRAW = "{" + _ODF + "drawing:1.0}"
MANIFEST = "{" + _ODF + "manifest:1.0}"
TYPE_ODT = "application/vnd.oasis.opendocument.text"
_AUTRES_TYPES = {
    "application/vnd.oasis.opendocument.spreadsheet": "un classeur OpenDocument (.ods)",
    "application/vnd.oasis.opendocument.presentation": "une présentation OpenDocument (.odp)",
    "application/vnd.oasis.opendocument.graphics": "un dessin OpenDocument (.odg)",
}
CORPS_AUTRES = {
    OFFICE + "spreadsheet": "un classeur OpenDocument (.ods)",
    OFFICE + "presentation": "une présentation OpenDocument (.odp)",
    OFFICE + "drawing": "un dessin OpenDocument (.odg)",
}


def erreur_odt(nom: str, message: str) -> FichierIllisible:
    return FichierIllisible(message, nom)


def ouvrir_odt(data: bytes, nom: str) -> dict[str, bytes]:
    """content.xml and styles.xml, after checking what the archive claims to hold."""
    if archive.est_ole(data):
        raise erreur_odt(
            nom,
            "fichier au format Office 97-2003 (ou protégé par un mot de passe) : "
            "enregistrez-le au format .odt ou .docx sans mot de passe",
        )
    if not data.startswith(b"PK"):
        raise erreur_odt(nom, _pas_une_archive(data))
    with archive.Archive(
        data,
        nom,
        "document OpenDocument",
        "document OpenDocument illisible : l'archive .odt est tronquée ou endommagée",
    ) as zf:
        noms, lire = zf.noms, zf.lire
        if "mimetype" in noms:
            type_mime = lire("mimetype").decode("ascii", "replace").strip()
            if type_mime in _AUTRES_TYPES:
                raise erreur_odt(
                    nom,
                    f"ce fichier est {_AUTRES_TYPES[type_mime]}, pas un document texte : "
                    "projterr lit les documents texte .odt",
                )
        if "META-INF/manifest.xml" in noms and _chiffre(lire("META-INF/manifest.xml")):
            raise erreur_odt(
                nom,
                "document OpenDocument protégé par un mot de passe : enregistrez-le sans mot "
                "de passe (LibreOffice : Fichier › Propriétés › Sécurité) et importez-le",
            )
        if "content.xml" not in noms:
            raise erreur_odt(nom, "archive sans document OpenDocument (content.xml absent)")
        return {p: lire(p) for p in ("content.xml", "styles.xml") if p in noms}


def _pas_une_archive(data: bytes) -> str:
    """What to say of an .odt that is not a zip at all: often a text saved under that name."""
    debut = data[:4096]
    try:
        texte = debut.decode("utf-8") if b"\x00" not in debut else None
    except UnicodeDecodeError:
        texte = debut.decode("utf-8", "ignore") if len(debut) == 4096 else None
    if texte and texte.strip():
        return (
            "ce fichier nommé .odt contient du texte brut, pas un document OpenDocument : "
            "renommez-le en .txt pour l'importer"
        )
    return "ce n'est pas un document OpenDocument (.odt) : le fichier n'est pas une archive"


def _chiffre(manifeste: bytes) -> bool:
    """Whether the manifest lists an encrypted part (an ODT saved with a password)."""
    try:
        racine = etree.fromstring(manifeste, archive.parseur_xml())
    except etree.XMLSyntaxError:
        return False
    return next(racine.iter(MANIFEST + "encryption-data"), None) is not None


def xml_de(octets: bytes, nom: str, partie: str) -> _Element:
    return archive.xml(octets, nom, "document OpenDocument", partie)
