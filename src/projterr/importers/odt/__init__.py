"""OpenDocument text (.odt) documents as blocs — the same blocs as a Word document, so the
same engines read them (and the same table → fields mapping, in :mod:`blocs`).

The archive is checked with the Word reader's guards (a zip bomb is refused before anything
is decompressed, an encrypted document is named as such) and its XML is read with the same
parser: no entity resolved, no DTD, no network.

- A heading is a ``text:h`` with its outline level, or a paragraph whose style (or a parent
  style) has a default outline level or a heading's name, whatever the interface language
  (« Titre 1 », « Heading 1 », « Überschrift 1 »); ODF stores « Titre 1 » as ``Titre_20_1``.
- Lists (``text:list``) give their level and the number as printed, counted as LibreOffice
  counts it (list styles' formats, prefixes, suffixes, display levels, start values,
  ``continue-numbering`` and ``continue-list``); a number LibreOffice wrote in the item
  (``text:number``) wins.
- Tracked changes are read as accepted: deleted text lives in ``text:tracked-changes``, which
  is skipped; inserted text is already in the paragraphs. The import says so.
- Spaces (``text:s``), tabs and line breaks are spaces; a footnote or endnote is kept apart,
  in ``non_classe`` with its number and the paragraph that calls it (as in Word), so a heading
  keeps its title and the note's words are not lost; a text box's paragraphs follow the
  paragraph that anchors it; a table of contents, which repeats the headings, is skipped;
  comments are not the text (the import says how many there were), nor are page headers and
  footers (named in a remark).

lxml is imported with this module, which the dispatcher imports only for an ODT file.

Three modules: ``ouverture`` (the archive opened safely, its XML parts), ``styles`` (paragraph
styles, heading levels, list styles and their counters), ``corps`` (the body walked in reading
order: headings, lists, paragraphs, tables, notes).
"""

from __future__ import annotations

from pathlib import Path

from projterr.importers.blocs import Bloc, Lecture
from projterr.importers.bureautique import remarques_de_bureautique
from projterr.importers.odt.corps import LecteurOdt, texte_odt
from projterr.importers.odt.ouverture import (
    CORPS_AUTRES,
    OFFICE,
    TEXT,
    erreur_odt,
    ouvrir_odt,
    xml_de,
)
from projterr.importers.odt.styles import EN_TETES_ET_PIEDS, StylesOdt
from projterr.importers.pipeline import importer_source
from projterr.importers.resultat import ResultatImport

__all__ = ["importer_odt", "lire_odt"]


def importer_odt(chemin: Path, profil_demande: str | None = None) -> ResultatImport:
    """Import an .odt through the same engines as a Word or text file."""
    return importer_source(chemin, profil_demande, lire_odt)


def lire_odt(data: bytes, nom: str) -> Lecture:
    """The blocs of an .odt, in reading order."""
    parties = ouvrir_odt(data, nom)
    contenu = xml_de(parties["content.xml"], nom, "content.xml")
    styles_xml = (
        xml_de(parties["styles.xml"], nom, "styles.xml") if "styles.xml" in parties else None
    )
    corps = contenu.find(OFFICE + "body")
    if corps is None:
        raise erreur_odt(nom, "document OpenDocument sans corps de texte")
    texte = corps.find(OFFICE + "text")
    if texte is None:
        autre = next((g for el in corps if (g := CORPS_AUTRES.get(str(el.tag)))), None)
        if autre:
            raise erreur_odt(
                nom, f"ce fichier est {autre}, pas un document texte : projterr lit les .odt"
            )
        raise erreur_odt(nom, "document OpenDocument sans corps de texte")
    suivies = texte.find(TEXT + "tracked-changes")
    blocs: list[Bloc] = []
    lecteur = LecteurOdt(StylesOdt(styles_xml, contenu), blocs)
    lecteur.corps(texte)
    if not any(b.texte.strip() for b in blocs):
        raise erreur_odt(nom, "document OpenDocument sans texte")
    repetes: list[str] = []
    if styles_xml is not None:
        repetes = sorted(
            {
                t
                for zone in styles_xml.iter(*EN_TETES_ET_PIEDS)
                for p in zone.iter(TEXT + "p", TEXT + "h")
                if (t := " ".join(texte_odt(p, [], []).split()))
            }
        )
    remarques = remarques_de_bureautique(
        suivies=0 if suivies is None else len(suivies),
        notes=len(lecteur.notes),
        repetes=repetes,
        commentaires=sum(1 for _ in texte.iter(OFFICE + "annotation")),
    )
    return Lecture(blocs, remarques, lecteur.notes, titres_declares=True)
