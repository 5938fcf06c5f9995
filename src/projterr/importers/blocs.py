"""One intermediate form for every source format: a sequence of :class:`Bloc`.

A reader (text, PDF; Word and ODT next) turns a file into blocs: a paragraph, a heading with
its level or style name, a list item with its level and number, a table cell with its row and
column, each with its page and its position in the source. The profil engine and the fiche
reader still read lines: :func:`vers_lignes` is the adapter that writes blocs as lines and
remembers, for every line, the position of the bloc it came from, so what an import sets
aside (``non_classe``) points at the page and line of the source, not at the adapter's text.

The reader is chosen by content as well as by suffix (:func:`format_du_contenu`).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from projterr import archive
from projterr.importers.rubriques import rubrique
from projterr.normalize import normaliser

if TYPE_CHECKING:
    from projterr.model import NonClasse

Genre = Literal["paragraphe", "titre", "puce", "cellule", "vide"]


@dataclass(frozen=True)
class Bloc:
    """One piece of a source document, in reading order."""

    texte: str
    genre: Genre = "paragraphe"
    niveau: int | None = None  # heading level, or list level (1 = top)
    style: str | None = None  # style name when the source has one (« Titre 1 », « Heading 2 »)
    numero: str | None = None  # list number as written (« 3. », « a) »)
    marque: str | None = None  # list bullet as written (« • », « - »)
    page: int | None = None  # 1-based page (PDF)
    ligne: int | None = None  # 1-based line: in the file, or in the page when ``page`` is set
    paragraphe: int | None = None  # 1-based paragraph index (Word, ODT)
    tableau: int | None = None  # table index in the document (cells only)
    rangee: int | None = None  # 1-based row (cells only)
    colonne: int | None = None  # 1-based column (cells only)

    def position(self) -> str:
        """Where the bloc is in the source, in French (« page 3, ligne 12 »)."""
        parties = []
        if self.page is not None:
            parties.append(f"page {self.page}")
        if self.tableau is not None:
            parties.append(f"tableau {self.tableau}, rangée {self.rangee}, colonne {self.colonne}")
        if self.paragraphe is not None:
            parties.append(f"paragraphe {self.paragraphe}")
        if self.ligne is not None:
            parties.append(f"ligne {self.ligne}")
        return ", ".join(parties)


@dataclass
class Lecture:
    """What a reader gives: its blocs, what it says about the file, and what it kept apart with
    its place (a Word or ODT document's notes, a PDF's sideways banner)."""

    blocs: list[Bloc]
    remarques: list[str] = field(default_factory=list)
    a_part: list[NonClasse] = field(default_factory=list)
    # the headings are the author's (a word processor's heading styles), not guessed from sizes
    titres_declares: bool = False


def blocs_du_texte(texte: str) -> list[Bloc]:
    """A plain text as blocs: one bloc per line (blank lines kept), positions = line numbers.

    The line engines give meaning to a line's marks (« - », « Pilier 1 : »), so a text line
    stays a paragraph here: this reader decides nothing the profil would decide.
    """
    return [
        Bloc(ligne, "paragraphe" if ligne.strip() else "vide", ligne=k)
        for k, ligne in enumerate(texte.split("\n"), start=1)
    ]


@dataclass(frozen=True)
class ChampDeTableau:
    """One cell of a one-row-per-action table: the column's label and the cell's text."""

    champ: str | None  # the Action field the column stands for; None: no field does
    libelle: str
    valeur: str
    cellule: Bloc


@dataclass(frozen=True)
class Lignes:
    """Blocs written as lines for the line engines, with each line's origin."""

    texte: str
    origines: list[Bloc]  # line index → the bloc it was written from
    # line index → the fields of the action that line opens (one-row-per-action tables)
    champs: dict[int, list[ChampDeTableau]] = field(default_factory=dict)


def _ligne_du_bloc(bloc: Bloc) -> str:
    if bloc.genre == "vide":
        return bloc.texte  # blank, but a text line's spaces are given back as they were
    if bloc.genre == "puce":
        retrait = "    " * ((bloc.niveau or 1) - 1)  # a nested list, as a text file indents it
        return f"{retrait}{bloc.marque or '•'} {bloc.texte}"
    if bloc.genre == "titre" and bloc.numero:
        return f"{bloc.numero} {bloc.texte}"
    return bloc.texte


# The column that names the action in a one-row-per-action table (normalised label).
_COLONNE_ACTION = re.compile(
    r"^(?:(?:titre|intitule|libelle|nom)s?(?: de (?:l |la )?(?:fiche )?action)?|"
    r"(?:fiches? )?actions?|projets?|operations?|mesures?)$"
)
_COLONNE_NUMERO = re.compile(r"^(?:n|no|num|numero|ref|reference)$")


def _rangees(cellules: list[Bloc]) -> list[dict[int, Bloc]]:
    rangees: dict[int, dict[int, Bloc]] = {}
    for c in cellules:
        rangees.setdefault(c.rangee or 0, {})[c.colonne or 1] = c
    return [r for _, r in sorted(rangees.items())]


def _table_d_actions(
    cellules: list[Bloc],
) -> list[tuple[str, Bloc, list[ChampDeTableau]]] | None:
    """A table whose header row names an action column and fiche fields (« Action | Pilote |
    Partenaires | Échéance | Budget »): one action per row, as a bullet line that every profil
    reads as an action, its cells kept as fields (mapped by :func:`rubriques.rubrique`, the
    mapping of the fiche reader). A column no field stands for is kept too, with its label."""
    rangees = _rangees(cellules)
    if len(rangees) < 2:
        return None
    entete = {k: c.texte.strip() for k, c in rangees[0].items() if c.texte.strip()}
    cles = {k: normaliser(t) for k, t in entete.items()}
    action = next((k for k, cle in cles.items() if _COLONNE_ACTION.match(cle)), None)
    numero = next((k for k, cle in cles.items() if _COLONNE_NUMERO.match(cle)), None)
    champs = {k: rubrique(t) for k, t in entete.items() if k not in (action, numero)}
    if action is None or sum(1 for c in champs.values() if c) < 1:
        return None
    out: list[tuple[str, Bloc, list[ChampDeTableau]]] = []
    for rangee in rangees[1:]:
        cellule = rangee.get(action)
        texte = cellule.texte.strip() if cellule else ""
        if cellule is None or not texte:
            # A row without an action: its cells stay lines, as in any other table.
            out.extend((c.texte.strip(), c, []) for c in rangee.values() if c.texte.strip())
            continue
        cases: list[ChampDeTableau] = []
        if numero is not None and (n := rangee.get(numero)) and n.texte.strip():
            cases.append(ChampDeTableau("numero", entete[numero], n.texte.strip(), n))
        out.append(
            (
                f"• {texte}",
                cellule,
                cases
                + [
                    ChampDeTableau(champs[k], entete[k], c.texte.strip(), c)
                    for k, c in sorted(rangee.items())
                    if k in champs and c.texte.strip()
                ],
            )
        )
    return out


def _lignes_du_tableau(cellules: list[Bloc]) -> list[tuple[str, Bloc, list[ChampDeTableau]]]:
    """A table as lines: a one-row-per-action table gives one action per row; a two-column
    table is « libellé : valeur » (a fiche action's fields, which the fiche reader knows); any
    other table gives one line per non-empty cell."""
    actions = _table_d_actions(cellules)
    if actions is not None:
        return actions
    colonnes = max((c.colonne or 1) for c in cellules)
    if colonnes == 2:
        rangees: dict[int, dict[int, Bloc]] = {}
        for c in cellules:
            rangees.setdefault(c.rangee or 0, {})[c.colonne or 1] = c
        out: list[tuple[str, Bloc, list[ChampDeTableau]]] = []
        for _, rangee in sorted(rangees.items()):
            libelle, valeur = rangee.get(1), rangee.get(2)
            gauche = libelle.texte.strip() if libelle else ""
            droite = valeur.texte.strip() if valeur else ""
            origine = libelle or valeur
            assert origine is not None
            if gauche and droite:
                out.append((f"{gauche.rstrip(' :')} : {droite}", origine, []))
            elif gauche or droite:
                out.append((gauche or droite, origine, []))
        return out
    return [(c.texte.strip(), c, []) for c in cellules if c.texte.strip()]


def vers_lignes(blocs: list[Bloc]) -> Lignes:
    """Write ``blocs`` as lines (the adapter the line engines read)."""
    lignes: list[str] = []
    origines: list[Bloc] = []
    champs: dict[int, list[ChampDeTableau]] = {}
    k = 0
    while k < len(blocs):
        bloc = blocs[k]
        if bloc.genre == "cellule":
            fin = k
            while (
                fin < len(blocs)
                and blocs[fin].genre == "cellule"
                and blocs[fin].tableau == bloc.tableau
            ):
                fin += 1
            for texte, origine, cases in _lignes_du_tableau(blocs[k:fin]):
                if cases:
                    champs[len(lignes)] = cases
                lignes.append(texte)
                origines.append(origine)
            k = fin
            continue
        lignes.append(_ligne_du_bloc(bloc))
        origines.append(bloc)
        k += 1
    return Lignes("\n".join(lignes), origines, champs)


# --- choosing a reader by content --------------------------------------------------------------

NOMS_FORMATS = {
    "pdf": "un PDF",
    "docx": "un document Word (.docx)",
    "xlsx": "un classeur Excel (.xlsx)",
    "pptx": "une présentation PowerPoint (.pptx)",
    "odt": "un document OpenDocument texte (.odt)",
    "ods": "un classeur OpenDocument (.ods)",
    "odp": "une présentation OpenDocument (.odp)",
    "zip": "une archive ZIP",
    "ole": "un fichier Office 97-2003 (.doc ou .xls)",
    "png": "une image PNG",
    "jpeg": "une image JPEG",
}
SUFFIXES_FORMATS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".pptx": "pptx",
    ".odt": "odt",
    ".ods": "ods",
    ".odp": "odp",
    ".zip": "zip",
    ".doc": "ole",
    ".xls": "ole",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
}
_ODF = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}


def format_du_contenu(data: bytes) -> str | None:
    """The format the bytes are in (a key of :data:`NOMS_FORMATS`), or None for text/unknown.

    Only the first bytes and the zip's directory are read: nothing is decompressed but an ODF
    archive's few-byte « mimetype » member.
    """
    # A PDF may have a few bytes before its header (the specification allows 1024).
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if archive.est_ole(data):
        return "ole"
    if data.startswith(b"\x89PNG"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if not data.startswith(b"PK\x03\x04"):
        return None
    # ODF writes an uncompressed « mimetype » first member: its content is at byte 38.
    if data[30:38] == b"mimetype":
        for type_mime, nom in _ODF.items():
            if data[38 : 38 + len(type_mime)] == type_mime:
                return nom
    type_odf = None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            noms = set(zf.namelist())
            # An ODF archive whose « mimetype » is not the first member (some writers do
            # that): its few bytes say what it is.
            if "mimetype" in noms and zf.getinfo("mimetype").file_size < 100:
                type_odf = _ODF.get(zf.read("mimetype").strip())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        return "zip"
    if type_odf:
        return type_odf
    if "word/document.xml" in noms:
        return "docx"
    if "xl/workbook.xml" in noms:
        return "xlsx"
    if "ppt/presentation.xml" in noms:
        return "pptx"
    return "zip"
