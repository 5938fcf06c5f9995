"""The table of readers: which reader reads a file, chosen by its content as well as its name.

A reader is named by module and function and imported only when a file of its format is read,
so ``projterr --help`` loads neither pdfplumber nor openpyxl nor lxml. A new format is a reader
module plus one line here, never a new branch in a command.

The file is read once: its first bytes, and the whole of it only when it is a zip (the zip's
directory is at its end), to tell an Excel workbook, a Word or an ODT document apart whatever
its name says.
"""

from __future__ import annotations

import importlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from projterr.errors import FormatNonPris
from projterr.importers.blocs import NOMS_FORMATS, SUFFIXES_FORMATS, format_du_contenu
from projterr.importers.resultat import ResultatImport


@dataclass(frozen=True, slots=True)
class Lecteur:
    """One source format and the function that imports it."""

    format: str  # "pdf", "docx"…
    suffixes: frozenset[str]
    module: str
    fonction: str
    prend_un_profil: bool = True  # a reader of structured data has no heading rules to choose

    def importer(self, chemin: Path, profil: str | None) -> ResultatImport:
        fonction: Callable[..., ResultatImport] = getattr(
            importlib.import_module(self.module), self.fonction
        )
        return fonction(chemin, profil) if self.prend_un_profil else fonction(chemin)


TEXTE = Lecteur(
    "texte",
    frozenset({".txt", ".md", ".markdown", ".text"}),
    "projterr.importers.texte",
    "importer_texte",
)
EXCEL = Lecteur(
    "xlsx",
    frozenset({".xlsx", ".xlsm"}),
    "projterr.importers.tet",
    "importer_tet",
    prend_un_profil=False,
)
PDF = Lecteur("pdf", frozenset({".pdf"}), "projterr.importers.pdf", "importer_pdf")
WORD = Lecteur("docx", frozenset({".docx", ".docm"}), "projterr.importers.word", "importer_word")
ODT = Lecteur("odt", frozenset({".odt"}), "projterr.importers.odt", "importer_odt")
YAML = frozenset({".yaml", ".yml"})  # projterr's own files, loaded by yamlio, not imported

# Formats known and not read yet, with what to save the file as in the same application.
A_VENIR = {
    ".doc": ("Word 97-2003", "enregistrez-le au format Word .docx"),
    ".xls": ("Excel 97-2003", "enregistrez-le au format Excel .xlsx"),
    ".ods": (
        "OpenDocument tableur",
        "enregistrez-le au format Excel .xlsx (LibreOffice : Fichier › Enregistrer sous)",
    ),
}

_SUFFIXES_CONNUS = (
    TEXTE.suffixes | YAML | EXCEL.suffixes | ODT.suffixes | PDF.suffixes | WORD.suffixes
) | set(A_VENIR)


@dataclass(frozen=True, slots=True)
class Nature:
    """What the file's bytes say it is."""

    format: str | None  # a key of NOMS_FORMATS, None for text or unreadable
    classeur: bool  # a zip holding xl/workbook.xml: a workbook whatever its name


def _contenu(chemin: Path) -> Nature:
    if not chemin.is_file():
        return Nature(None, False)
    try:
        with chemin.open("rb") as f:
            debut = f.read(1024)
            # A zip's directory is at its end: read the whole file only for a zip.
            data = debut + f.read() if debut.startswith(b"PK\x03\x04") else debut
    except OSError:
        return Nature(None, False)  # the reader will say why, in French
    return Nature(format_du_contenu(data), _est_classeur(data))


def _est_classeur(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "xl/workbook.xml" in z.namelist()
    # a damaged header can claim a zip version Python does not read (NotImplementedError)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return False


def lecteur_du_fichier(chemin: Path) -> Lecteur:
    """The reader of ``chemin`` (not a YAML file): by content first when the content is sure
    (a workbook, a PDF renamed without its suffix), else by suffix; a file whose name says one
    format and whose content another is refused, naming both."""
    suffixe = chemin.suffix.lower()
    contenu = _contenu(chemin)
    if suffixe in EXCEL.suffixes or contenu.classeur:
        # Recognised by content too: a workbook saved as « plan.zip » or without a suffix.
        return EXCEL
    inconnu = suffixe not in _SUFFIXES_CONNUS
    if suffixe in PDF.suffixes or (contenu.format == "pdf" and inconnu):
        return PDF
    est_word = suffixe in WORD.suffixes or (contenu.format == "docx" and inconnu)
    if est_word and contenu.format in (None, "docx", "ole", "zip"):
        # a protected (OLE) or broken archive gets the Word reader's own message
        return WORD
    est_odt = suffixe in ODT.suffixes or (contenu.format == "odt" and inconnu)
    if est_odt and contenu.format in (None, "odt", "ole", "zip"):
        # plain text, a broken archive or an encrypted one get the ODT reader's own message
        return ODT
    _refuser_si_autre_format(chemin, suffixe, contenu.format)
    if suffixe in A_VENIR and chemin.is_file():
        nom, conseil = A_VENIR[suffixe]
        raise FormatNonPris(
            f"les fichiers {nom} ne sont pas encore pris en charge ; {conseil} et importez ce "
            "fichier",
            str(chemin),
        )
    return TEXTE


def _refuser_si_autre_format(chemin: Path, suffixe: str, contenu: str | None) -> None:
    """A file whose name says one format and whose content says another: name both."""
    attendu = SUFFIXES_FORMATS.get(suffixe)
    if contenu is None:
        return
    if contenu == attendu or (attendu is None and contenu != "pdf"):
        return  # a text reader's own checks name binary content (« fichier binaire (PNG) »)
    if contenu == "zip" and attendu in ("docx", "xlsx", "pptx", "odt", "ods", "odp"):
        raise FormatNonPris(
            f"archive endommagée ou incomplète : pas {NOMS_FORMATS[attendu]} lisible", str(chemin)
        )
    nature = NOMS_FORMATS[contenu]
    conseil = " : renommez-le en .pdf pour l'importer" if contenu == "pdf" else ""
    nom = f"nommé {suffixe}" if suffixe else "sans extension"
    raise FormatNonPris(f"ce fichier {nom} est en réalité {nature}{conseil}", str(chemin))
