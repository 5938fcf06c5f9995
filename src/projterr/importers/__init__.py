"""Importers: every source format behind one entry point, :func:`importer_fichier`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from projterr.errors import FormatNonPris
from projterr.model import NonClasse, Projet

TEXTE = {".txt", ".md", ".markdown", ".text"}
YAML = {".yaml", ".yml"}
EXCEL = {".xlsx", ".xlsm"}
ODT = {".odt"}
A_VENIR = {
    ".doc": "Word 97-2003",
    ".xls": "Excel 97-2003",
    ".ods": "OpenDocument tableur",
}
# What to save a file not yet read as, with the same application.
_CONSEILS = {
    ".doc": "enregistrez-le au format Word .docx",
    ".xls": "enregistrez-le au format Excel .xlsx",
    ".ods": "enregistrez-le au format Excel .xlsx (LibreOffice : Fichier › Enregistrer sous)",
}


@dataclass
class ResultatImport:
    """A Projet and what the import learnt on the way (profil, encoding, labels)."""

    projet: Projet
    profil: str | None = None
    remarques: list[str] = field(default_factory=list)
    etiquettes: list[NonClasse] = field(default_factory=list)  # structure labels read
    rubriques: int = 0  # fiche sections recognised (fiche reader)
    pages: int = 0  # front matter pages read (fiche reader)
    titres_sans_motif: int = 0  # Word/ODT headings no pattern of the profil recognised
    choix: str | None = None  # why this reading was kept (automatic choice), in French
    avertissements: list[str] = field(default_factory=list)  # reasons the tree is doubtful


def importer_fichier(
    chemin: Path, profil: str | None = None, lignes: bool = False
) -> ResultatImport:
    """Read any supported file into a :class:`Projet`; the reader is chosen by content too.
    ``lignes``: a YAML document's levels and actions get their line (sources always do)."""
    suffixe = chemin.suffix.lower()
    if suffixe in YAML:
        from projterr.yamlio import charger_projet as charger_yaml

        return ResultatImport(charger_yaml(chemin, lignes=lignes))
    if suffixe in EXCEL or _classeur(chemin):
        # Recognised by content too: a workbook saved as « plan.zip » or without a suffix.
        from projterr.importers.tet_excel import importer_tet

        return importer_tet(chemin)
    contenu = _format_du_fichier(chemin)
    if suffixe == ".pdf" or (contenu == "pdf" and suffixe not in _SUFFIXES_CONNUS):
        from projterr.importers.pdf import importer_pdf

        return importer_pdf(chemin, profil)
    est_word = suffixe in (".docx", ".docm") or (
        contenu == "docx" and suffixe not in _SUFFIXES_CONNUS
    )
    if est_word and contenu in (None, "docx", "ole", "zip"):
        # a protected (OLE) or broken archive gets the Word reader's own message
        from projterr.importers.word import importer_word

        return importer_word(chemin, profil)
    est_odt = suffixe in ODT or (contenu == "odt" and suffixe not in _SUFFIXES_CONNUS)
    if est_odt and contenu in (None, "odt", "ole", "zip"):
        # plain text, a broken archive or an encrypted one get the ODT reader's own message
        from projterr.importers.odt import importer_odt

        return importer_odt(chemin, profil)
    _refuser_si_autre_format(chemin, suffixe, contenu)
    if suffixe in A_VENIR and chemin.is_file():
        raise FormatNonPris(
            f"les fichiers {A_VENIR[suffixe]} ne sont pas encore pris en charge ; "
            f"{_CONSEILS[suffixe]} et importez ce fichier",
            str(chemin),
        )
    from projterr.importers.texte import importer_texte

    return importer_texte(chemin, profil)


_SUFFIXES_CONNUS = TEXTE | YAML | EXCEL | ODT | set(A_VENIR) | {".pdf", ".docx", ".docm"}


def _format_du_fichier(chemin: Path) -> str | None:
    """The format of the file's content (see :func:`blocs.format_du_contenu`), if readable."""
    from projterr.importers.blocs import format_du_contenu

    if not chemin.is_file():
        return None
    try:
        with chemin.open("rb") as f:
            debut = f.read(1024)
            # A zip's directory is at its end: read the whole file only for a zip.
            data = debut + f.read() if debut.startswith(b"PK\x03\x04") else debut
    except OSError:
        return None  # the reader will say why, in French
    return format_du_contenu(data)


def _refuser_si_autre_format(chemin: Path, suffixe: str, contenu: str | None) -> None:
    """A file whose name says one format and whose content says another: name both."""
    from projterr.importers.blocs import NOMS_FORMATS, SUFFIXES_FORMATS

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


def _classeur(chemin: Path) -> bool:
    """An Excel workbook under another name (a zip that holds xl/workbook.xml)."""
    try:
        with chemin.open("rb") as f:
            if f.read(4) != b"PK\x03\x04":
                return False
    except OSError:
        return False
    from projterr.importers.tet_excel import est_classeur

    try:
        return est_classeur(chemin.read_bytes())
    except OSError:
        return False


def charger_projet(chemin: Path, lignes: bool = False) -> Projet:
    """A Projet from a projterr YAML file or from any source ``import`` accepts."""
    return importer_fichier(chemin, lignes=lignes).projet
