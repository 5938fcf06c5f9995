"""A folder of Markdown pages (a static site's fiches, one page each) read as one text.

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


@dataclass(frozen=True)
class Dossier:
    texte: str
    origines: list[tuple[str, int]]  # joined line (index) → (page name, line in the page)
    empreinte: str
    pages: int


def lire_dossier(chemin: Path) -> Dossier:
    pages = sorted(p for p in chemin.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not pages:
        raise FichierIllisible(
            "dossier sans page Markdown (.md) ni texte (.txt) à importer", str(chemin)
        )
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
