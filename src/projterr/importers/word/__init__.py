"""Word (.docx) documents as blocs: headings by style, lists with Word's automatic numbering,
tables cell by cell, tracked changes read as accepted.

The archive's XML is read with lxml directly (entities never resolved, no network, no DTD),
after its directory has been checked: an archive that would expand past a sane size, or far
beyond its own size, is refused before anything is decompressed.

- A heading is known by its style's outline level (``w:outlineLvl``, whatever the interface
  language: « Heading 2 », « Titre 2 », « Überschrift 2 » all say level 1), or failing that by
  its style name; a paragraph's own outline level counts too.
- Word's automatic numbering (``w:numPr``) is not in the paragraph's text: it is computed from
  ``numbering.xml`` (formats, level texts such as « Axe %1 – », starts, restarts), so
  « Objectif 2.1 » reads as printed.
- A document with pending tracked changes is read as if every change were accepted, and the
  import says so (python-docx's ``Paragraph.text`` would silently drop inserted text).

Modules: ``ouverture`` (the archive opened safely, the parts the reader needs), ``styles``
(paragraph styles and automatic numbering), ``corps`` (the body in reading order, text boxes,
tables, notes), ``relecture`` and ``relecture_fiches`` (a file written by ``projterr export``,
read back exactly).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from projterr.importers.blocs import Bloc, Lecture
from projterr.importers.bureautique import modifications_acceptees, remarques_de_bureautique
from projterr.importers.pipeline import importer_source
from projterr.importers.resultat import ResultatImport
from projterr.importers.word.corps import LecteurWord, notes_de, texte_word
from projterr.importers.word.ouverture import EN_TETE_OU_PIED, erreur_word, ouvrir_word, xml_word
from projterr.importers.word.relecture import (
    lire_export,
    peut_etre_un_export,
    ressemble_a_un_export,
)
from projterr.importers.word.styles import Numerotation, StylesWord
from projterr.model import Source
from projterr.ooxml.gabarit import DEBUT_DU_PROJET
from projterr.ooxml.reperes import lire_reperes
from projterr.ooxml.revisions import W, accepter
from projterr.sources import empreinte, lire_octets

if TYPE_CHECKING:
    from projterr.model import Projet

__all__ = ["importer_word", "lire_word"]


def importer_word(chemin: Path, profil_demande: str | None = None) -> ResultatImport:
    """Import a .docx through the same engines as a text file; a file written by
    ``projterr export`` is read back exactly (see :mod:`projterr.importers.word.relecture`)."""
    data = lire_octets(chemin)
    if profil_demande is None:
        relu = _relire_export(data, str(chemin))
        if relu is not None:
            projet, remarques = relu
            projet.document.source = Source(
                fichier=chemin.name, empreinte=empreinte(data), profil="export projterr"
            )
            return ResultatImport(projet, profil="export projterr", remarques=remarques)
    return importer_source(chemin, profil_demande, lire_word, data)


def _relire_export(data: bytes, nom: str) -> tuple[Projet, list[str]] | None:
    """The projet of a file written by ``projterr export``, or None for any other file."""
    parties = ouvrir_word(data, nom)
    # Found by its content, not its name: LibreOffice renames custom XML parts on save
    # (« customXml/item2.xml »); projterr's is the one in its own namespace.
    lu = None
    for nom_partie in sorted(parties, key=lambda n: n != "customXml/projterr.xml"):
        if nom_partie.startswith("customXml/") and b"urn:projterr:export" in parties[nom_partie]:
            lu = lire_reperes(parties[nom_partie])
            if lu:
                break
    if not lu and not peut_etre_un_export(
        parties.get("word/styles.xml", b""), parties["word/document.xml"]
    ):
        return None  # the generic reader's document, parsed once, by it
    document = xml_word(parties["word/document.xml"], nom, "word/document.xml")
    corps = document.find(W + "body")
    if corps is None:
        return None
    styles = StylesWord(
        xml_word(parties["word/styles.xml"], nom, "styles")
        if "word/styles.xml" in parties
        else None
    )
    noms = {id_: style.nom for id_, style in styles.styles.items()}
    if lu:
        reperes, attributs = lu
        remarques = ["document écrit par projterr export : relu avec ses identifiants"]
    elif ressemble_a_un_export(corps, noms):
        reperes, attributs = {}, {}
        remarques = [
            "document écrit par projterr export mais sans ses repères (copié dans un autre "
            "document, ou enregistré par un autre logiciel) : relu par sa structure, avec de "
            "nouveaux identifiants ; ce que les pages ne montrent pas (note, SIREN, SIRET, "
            "code INSEE) n'a pas pu être relu"
        ]
    else:
        return None
    if any(r.get("nature") == DEBUT_DU_PROJET for r in reperes.values()):
        remarques = [
            "délibération écrite par projterr : son annexe 1, le projet, est relue avec ses "
            "identifiants (le reste de la délibération n'en fait pas partie)"
        ]
    suivies = sum(1 for _ in corps.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo"))
    if suivies:
        accepter(corps)
        remarques.append(modifications_acceptees(suivies))
    projet = lire_export(corps, noms, reperes, attributs)
    if not reperes:
        sans_type = sum(1 for _, n in projet.noeuds() if n.type == "section")
        if sans_type:
            sujet = (
                "1 titre ne dit pas son"
                if sans_type == 1
                else f"{sans_type} titres ne disent pas leur"
            )
            remarques.append(
                f"{sujet} type (comme « Pilier 1 – … ») : type « section », à corriger dans "
                "le YAML si besoin"
            )
    return projet, remarques


def lire_word(data: bytes, nom: str) -> Lecture:
    """The blocs of a .docx, in reading order."""
    parties = ouvrir_word(data, nom)
    document = xml_word(parties["word/document.xml"], nom, "word/document.xml")
    corps = document.find(W + "body")
    if corps is None:
        raise erreur_word(nom, "document Word sans corps de texte")
    suivies = sum(1 for _ in corps.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo"))
    if suivies:
        accepter(corps)
    styles = StylesWord(
        xml_word(parties["word/styles.xml"], nom, "styles")
        if "word/styles.xml" in parties
        else None
    )
    numeros = Numerotation(
        xml_word(parties["word/numbering.xml"], nom, "numbering")
        if "word/numbering.xml" in parties
        else None
    )
    blocs: list[Bloc] = []
    lecteur = LecteurWord(styles, numeros, blocs)
    lecteur.corps(corps)
    if not any(b.texte.strip() for b in blocs):
        raise erreur_word(nom, "document Word sans texte")
    notes = notes_de(parties, nom, lecteur.appels_de_note)
    repetes = sorted(
        {
            texte
            for partie, octets in parties.items()
            if EN_TETE_OU_PIED.match(partie)
            for p in xml_word(octets, nom, partie).iter(W + "p")
            if (texte := texte_word(p))
        }
    )
    commentaires = 0
    if "word/comments.xml" in parties:
        racine = xml_word(parties["word/comments.xml"], nom, "comments")
        commentaires = sum(1 for c in racine.iter(W + "comment") if texte_word(c))
    remarques = remarques_de_bureautique(
        suivies=suivies,
        notes=len(notes),
        repetes=repetes,
        commentaires=commentaires,
    )
    return Lecture(blocs, remarques, notes, titres_declares=True)
