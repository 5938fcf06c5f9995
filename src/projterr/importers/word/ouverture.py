"""A .docx opened safely: a protected or Office 97-2003 file, a damaged archive or a zip bomb
each get one French sentence; only the XML parts the reader needs are read, without entities.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from projterr import archive
from projterr.errors import FichierIllisible

if TYPE_CHECKING:
    from lxml.etree import _Element


EN_TETE_OU_PIED = re.compile(r"^word/(?:header|footer)\d*\.xml$")

NOTES = {
    "footnote": ("word/footnotes.xml", "note de bas de page"),
    "endnote": ("word/endnotes.xml", "note de fin"),
}


def erreur_word(nom: str, message: str) -> FichierIllisible:
    return FichierIllisible(message, nom)


def ouvrir_word(data: bytes, nom: str) -> dict[str, bytes]:
    """The XML parts the reader needs, after checking what the archive claims to hold."""
    if archive.est_ole(data):
        raise erreur_word(
            nom,
            "document Word protégé par un mot de passe, ou au format Word 97-2003 (.doc) : "
            "enregistrez-le sans mot de passe au format .docx",
        )
    with archive.Archive(
        data,
        nom,
        "document Word",
        "document Word illisible : ce n'est pas une archive .docx valide",
    ) as zf:
        if "word/document.xml" not in zf.noms:
            raise erreur_word(nom, "archive sans document Word (word/document.xml absent)")
        parties = {p: zf.lire(p) for p in sorted(n for n in zf.noms if EN_TETE_OU_PIED.match(n))}
        for partie in (
            "word/document.xml",
            "word/styles.xml",
            "word/numbering.xml",
            "word/footnotes.xml",
            "word/endnotes.xml",
            "word/comments.xml",
            # projterr's marks, under any name a word processor gave them on save
            *sorted(n for n in zf.noms if n.startswith("customXml/") and n.endswith(".xml")),
        ):
            if partie in zf.noms:
                parties[partie] = zf.lire(partie)
        return parties


def xml_word(octets: bytes, nom: str, partie: str) -> _Element:
    return archive.xml(octets, nom, "document Word", partie)
