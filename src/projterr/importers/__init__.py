"""Importers: every source format behind one entry point, :func:`importer_fichier`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from projterr.errors import FormatNonPris
from projterr.model import NonClasse, Projet

TEXTE = {".txt", ".md", ".markdown", ".text"}
YAML = {".yaml", ".yml"}
EXCEL = {".xlsx", ".xlsm"}
A_VENIR = {
    ".pdf": "PDF",
    ".docx": "Word",
    ".doc": "Word 97-2003",
    ".odt": "OpenDocument",
    ".xls": "Excel 97-2003",
    ".ods": "OpenDocument tableur",
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
    choix: str | None = None  # why this reading was kept (automatic choice), in French
    avertissements: list[str] = field(default_factory=list)  # reasons the tree is doubtful


def importer_fichier(chemin: Path, profil: str | None = None) -> ResultatImport:
    """Read any supported file into a :class:`Projet`."""
    suffixe = chemin.suffix.lower()
    if suffixe in YAML:
        from projterr.yamlio import charger_projet as charger_yaml

        return ResultatImport(charger_yaml(chemin))
    if suffixe in EXCEL or _classeur(chemin):
        # Recognised by content too: a workbook saved as « plan.zip » or without a suffix.
        from projterr.importers.tet_excel import importer_tet

        return importer_tet(chemin)
    if suffixe in A_VENIR and chemin.is_file():
        raise FormatNonPris(
            f"les fichiers {A_VENIR[suffixe]} ne sont pas encore pris en charge ; "
            "enregistrez le document en texte (.txt) et importez ce fichier",
            str(chemin),
        )
    from projterr.importers.texte import importer_texte

    return importer_texte(chemin, profil)


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


def charger_projet(chemin: Path) -> Projet:
    """A Projet from a projterr YAML file or from any source ``import`` accepts."""
    return importer_fichier(chemin).projet
