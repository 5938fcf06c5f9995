"""PDF reader: pdfplumber (MIT) words with their positions, turned into blocs.

What a PDF's text layer gives is glyphs at positions, not lines of a text. This reader puts
back what the author wrote, in four steps, one module each:

- ``ouverture``: the file is a readable PDF (not truncated, not protected, not another format);
- ``geometrie`` and ``page``: each page's characters become words and lines, in the text's own
  direction, with its tables; ``colonnes``: a page in two, three or more columns is read column
  by column, left to right (columns over part of a page only are read as one column, and named
  in a remark);
- ``entetes``: page headers, footers and page numbers are removed (lines repeated at the same
  place on most pages, bare numbers and « Page 3 / 12 » in the page margins);
- ``lignes``: lines wrapped by the layout are joined again (the next line's first word would
  have fitted on the line otherwise), a word hyphenated across two lines is rejoined, a bullet
  drawn in a symbol font becomes « • », tables become cells, and a two-column table (label,
  value) reaches the fiche reader as « Libellé : valeur ». Every line keeps its page and its
  line on the page.

pdfplumber is imported in ``ouverture`` only: ``projterr --help`` and text imports never load it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from projterr.errors import FichierIllisible
from projterr.importers.blocs import Lecture
from projterr.importers.pdf.entetes import retirer_en_tetes
from projterr.importers.pdf.geometrie import PageLue
from projterr.importers.pdf.lignes import en_blocs
from projterr.importers.pdf.ouverture import erreur, ouvrir, verifier_entete
from projterr.importers.pdf.page import lire_page
from projterr.importers.pipeline import importer_source
from projterr.importers.resultat import ResultatImport
from projterr.model import NonClasse

__all__ = ["LecturePdf", "importer_pdf", "lire_pdf", "verifier_entete"]


@dataclass
class LecturePdf(Lecture):
    """A PDF read as blocs, with what the reader removed or could not read; ``a_part``: text
    running across the lines of its page (a sideways banner in a margin)."""

    pages: int = 0


def _liste(numeros: list[int]) -> str:
    return ", ".join(str(n) for n in numeros[:10]) + ("…" if len(numeros) > 10 else "")


def lire_pdf(data: bytes, nom: str) -> LecturePdf:
    """The blocs of a PDF's text layer; our own error for a file that cannot be read."""
    pdf = ouvrir(data, nom)
    try:
        pages = []
        for k, page in enumerate(pdf.pages, start=1):
            try:
                pages.append(lire_page(page, k))
            except FichierIllisible:
                raise
            except Exception as exc:  # a damaged page stream
                raise erreur(nom, f"PDF endommagé : la page {k} est illisible") from exc
            finally:
                page.close()  # pdfplumber caches each page's objects: free them as we go
    finally:
        pdf.close()
    if not pages:
        raise erreur(nom, "PDF sans aucune page")
    if not any(p.caracteres for p in pages):
        raise erreur(
            nom,
            "PDF sans couche de texte (document numérisé ?) : une reconnaissance de caractères "
            "(OCR) est nécessaire avant l'import, par exemple avec ocrmypdf",
        )
    remarques = []
    sans_texte = [p.numero for p in pages if not p.caracteres]
    if sans_texte:
        remarques.append(
            f"{len(sans_texte)} page{'s' if len(sans_texte) > 1 else ''} sans texte (numérisée"
            f"{'s' if len(sans_texte) > 1 else ''} ? une OCR serait nécessaire) : "
            f"{_liste(sans_texte)}"
        )
    douteuses = [p.numero for p in pages if p.colonnes_douteuses]
    if douteuses:
        pluriel = len(douteuses) > 1
        remarques.append(
            f"page{'s' if pluriel else ''} {_liste(douteuses)} : des lignes côte à côte sur une "
            f"partie de la page seulement (colonnes, encadré ?), lue{'s' if pluriel else ''} en "
            "une seule colonne : vérifiez l'ordre des lignes"
        )
    retirees = retirer_en_tetes(pages)
    if retirees:
        remarques.append(
            f"{retirees} ligne{'s' if retirees > 1 else ''} d'en-tête, de pied de page ou de "
            "numéro de page retirée" + ("s" if retirees > 1 else "")
        )
    tournees = [p.numero for p in pages if p.sens]
    if tournees:
        s = "s" if len(tournees) > 1 else ""
        remarques.append(
            f"page{s} {_liste(tournees)} : texte écrit en travers de la page (dans sa hauteur ou à "
            f"l'envers), lue{s} dans le sens du texte"
        )
    blocs = en_blocs(pages)
    a_part = _non_classes_a_part(pages)
    if a_part:
        pluriel = len(a_part) > 1
        s = "s" if pluriel else ""
        remarques.append(
            f"{len(a_part)} ligne{s} écrite{s} en travers du texte (bandeau vertical, "
            f"mention en marge…) mise{s} de côté dans non_classe"
        )
    return LecturePdf(blocs, remarques, a_part, pages=len(pages))


_SENS = {
    0: "texte droit sur une page lue tournée",
    90: "texte écrit de bas en haut",
    270: "texte écrit de haut en bas",
    180: "texte à l'envers",
}


def _non_classes_a_part(pages: list[PageLue]) -> list[NonClasse]:
    """Lines set across a page's text, each at the page's line at its height: neither glued
    into a sentence nor dropped."""
    out = []
    for page in pages:
        for texte, sens, haut in page.a_part:
            ligne = next(
                (k for k, e in enumerate(page.elements, start=1) if e.top >= haut),
                max(len(page.elements), 1),
            )
            raison = f"{_SENS.get(sens, 'texte tourné')}, hors des lignes de la page"
            out.append(NonClasse(ligne=ligne, page=page.numero, texte=texte, raison=raison))
    return out


def importer_pdf(chemin: Path, profil_demande: str | None = None) -> ResultatImport:
    """Import a PDF through the same engines as a text file."""
    return importer_source(chemin, profil_demande, _lire_un_pdf)


def _lire_un_pdf(data: bytes, nom: str) -> LecturePdf:
    verifier_entete(data, nom)  # a file named .pdf that is not one: say what it is
    return lire_pdf(data, nom)
