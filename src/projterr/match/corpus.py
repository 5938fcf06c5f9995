"""B as a corpus: one document or a folder of them, profiled, indexed, and the index kept in
a file for the next run (``--index``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from projterr.errors import ProjterrError
from projterr.match.appariement import FORMAT_INDEX, Corpus, indexer
from projterr.match.elements import Element, elements_a_comparer, nom_document
from projterr.match.profil import Profileur
from projterr.model import Projet

SUFFIXES = {".yaml", ".yml"}


@dataclass(frozen=True)
class Sources:
    """The files B is made of."""

    chemin: Path
    fichiers: tuple[Path, ...]

    @property
    def dossier(self) -> bool:
        return self.chemin.is_dir()


def sources(chemin: Path) -> Sources:
    """One file, or every projterr YAML document of a folder (and its sub-folders)."""
    if chemin.is_dir():
        fichiers = tuple(sorted(p for p in chemin.rglob("*") if p.suffix.lower() in SUFFIXES))
        if not fichiers:
            raise ProjterrError("dossier sans document projterr (.yaml)", str(chemin))
        return Sources(chemin, fichiers)
    return Sources(chemin, (chemin,))


def empreinte(src: Sources, reglages: str) -> str:
    """What a saved index was built from: files (name, size, date) and the layers."""
    h = hashlib.sha256(reglages.encode())
    for f in src.fichiers:
        stat = f.stat()
        h.update(f"{f.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return f"{FORMAT_INDEX}:{h.hexdigest()[:32]}"


def construire(
    src: Sources,
    profileur: Profileur,
    charger: Callable[[Path], Projet],
    reglages: str = "",
    index: Path | None = None,
    progression: Callable[[int], None] | None = None,
    total: Callable[[int], None] | None = None,
    ignorer: Callable[[Path, ProjterrError], None] | None = None,
) -> tuple[Corpus, list[Projet]]:
    """The corpus of B; with ``index``, reused from that file when it was built from the
    same files and layers, else built and saved there. In a folder, a file that is not a
    projterr document is passed to ``ignorer`` (an error without it)."""
    cle = empreinte(src, reglages)
    if index is not None and index.exists():
        corpus = Corpus.charger(index)
        if corpus.empreinte == cle:
            return corpus, []
    lus: list[str] = []
    projets = lire(src, charger, None, ignorer, lus)
    elements: list[Element] = [e for p in projets for e in elements_a_comparer(p)]
    if total is not None:
        total(len(elements))
    corpus = indexer(elements, profileur, cle, progression)
    corpus.fichiers = lus
    if index is not None:
        corpus.sauver(index)
    return corpus, projets


def lire(
    src: Sources,
    charger: Callable[[Path], Projet],
    progression: Callable[[int], None] | None = None,
    ignorer: Callable[[Path, ProjterrError], None] | None = None,
    lus: list[str] | None = None,
) -> list[Projet]:
    """The documents of ``src``, in order; in a folder, a file that is not a projterr
    document is passed to ``ignorer`` (an error without it). ``lus`` receives the files read."""
    projets: list[Projet] = []
    for fichier in src.fichiers:
        if progression is not None:
            progression(1)
        try:
            projets.append(charger(fichier))
        except ProjterrError as exc:
            if not src.dossier or ignorer is None:
                raise
            # one stray file (a profil, a référentiel) must not stop a corpus of hundreds
            ignorer(fichier, exc)
            continue
        if lus is not None:
            lus.append(str(fichier))
    if not projets:
        raise ProjterrError("aucun document projterr lisible dans ce dossier", str(src.chemin))
    return projets


def reglages(profileur: Profileur, fichiers_referentiels: Sequence[str]) -> str:
    return json.dumps({"couches": sorted(profileur.couches), "ref": list(fichiers_referentiels)})


def titre(projets: Sequence[Projet], src: Sources, corpus: Corpus) -> str:
    if not src.dossier and projets:
        return nom_document(projets[0])
    if not src.dossier:
        return corpus.elements[0].document if len(corpus) else str(src.chemin)
    return f"{src.chemin.name} ({len(corpus.fichiers)} documents)"
