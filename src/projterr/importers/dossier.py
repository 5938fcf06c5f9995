"""A folder of Markdown pages (a static site's fiches, one page each) read as one text.

Only a folder projterr recognises as such is read: Markdown pages that open with a front
matter block (``---`` / ``title: …`` / ``---``), and no other document beside them. Any other
folder given where a document is expected is refused in one French line (« donnez un
fichier »), so that ``show examples/`` never reads a README as a strategy, and ``import`` never
merges several territories' documents into one tree.

The pages are joined in name order; each line of the joined text remembers its page and its
line there, so what the import sets aside still points at the right file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from projterr.errors import FichierIllisible
from projterr.sources import lire_texte

SUFFIXES = (".md", ".markdown", ".txt")
_MARKDOWN = (".md", ".markdown")
# Files that are documents of their own: a folder holding them is several documents.
_DOCUMENTS = {
    ".yaml": "YAML",
    ".yml": "YAML",
    ".pdf": "PDF",
    ".docx": "Word",
    ".docm": "Word",
    ".doc": "Word",
    ".odt": "ODT",
    ".xlsx": "Excel",
    ".xlsm": "Excel",
    ".xls": "Excel",
    ".ods": "OpenDocument tableur",
    ".html": "HTML",
    ".htm": "HTML",
}
_FORMATS = {**_DOCUMENTS, ".md": "Markdown", ".markdown": "Markdown", ".txt": "texte"}


@dataclass(frozen=True)
class Dossier:
    texte: str
    origines: list[tuple[str, int]]  # joined line (index) → (page name, line in the page)
    empreinte: str
    pages: int


def lire_dossier(chemin: Path) -> Dossier:
    """The pages of a fiches folder, joined; any other folder is refused (see above)."""
    pages = verifier_dossier(chemin)
    lignes: list[str] = []
    origines: list[tuple[str, int]] = []
    empreinte = hashlib.sha256()
    for page in pages:
        source = lire_texte(page)
        empreinte.update(page.name.encode("utf-8") + b"\0" + source.texte.encode("utf-8"))
        propres = source.texte.split("\n")
        if propres and propres[-1] == "":
            propres.pop()
        for k, ligne in enumerate(propres, start=1):
            lignes.append(ligne)
            origines.append((page.name, k))
        lignes.append("")  # a page ends its last paragraph
        origines.append((page.name, len(propres) + 1))
    return Dossier("\n".join(lignes), origines, "sha256:" + empreinte.hexdigest(), len(pages))


def verifier_dossier(chemin: Path) -> list[Path]:
    """The pages of ``chemin`` if it is a folder of Markdown fiches; otherwise a French
    refusal that says what to pass instead."""
    try:
        fichiers = sorted(
            p for p in chemin.iterdir() if p.is_file() and not p.name.startswith((".", "~$"))
        )
    except OSError as exc:
        raise FichierIllisible("dossier illisible", str(chemin)) from exc
    pages = [p for p in fichiers if p.suffix.lower() in SUFFIXES]
    documents = [f for f in fichiers if f.suffix.lower() in _DOCUMENTS]
    fiches = [p for p in pages if p.suffix.lower() in _MARKDOWN and a_un_front_matter(p)]
    if fiches and not documents:
        return pages
    lus = documents + pages
    if not lus:
        raise FichierIllisible(
            "c'est un dossier sans document, pas un fichier : donnez un fichier", str(chemin)
        )
    formats = sorted({_FORMATS.get(f.suffix.lower(), "autre") for f in lus})
    n = len(lus)
    raise FichierIllisible(
        f"c'est un dossier de {n} fichier{'s' if n > 1 else ''} ({', '.join(formats)}), pas un "
        "document : donnez un fichier (un dossier n'est lu d'un coup que s'il ne contient que "
        "des fiches Markdown ouvertes par un front matter « --- »)",
        str(chemin),
    )


def a_un_front_matter(page: Path) -> bool:
    """Whether a Markdown page opens with a front matter block: ``---``, keys, ``---``."""
    try:
        with page.open("rb") as flux:
            debut = flux.read(4096).decode("utf-8-sig", errors="replace")
    except OSError:
        return False
    lignes = debut.replace("\r\n", "\n").split("\n")
    if not lignes or lignes[0].strip() != "---":
        return False
    for ligne in lignes[1:]:
        if ligne.strip() == "---":
            return True
        if ligne.strip() and ":" not in ligne and not ligne.startswith((" ", "\t", "-")):
            return False
    return False
