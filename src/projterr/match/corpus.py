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
from projterr.match.rapport_benchmark import DocumentLu
from projterr.match.vocabulaire import Vocabulaire
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
    vocabulaire: Vocabulaire,
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
    corpus = indexer(elements, vocabulaire, cle, progression)
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


@dataclass(frozen=True)
class Autres:
    """The files of the other territories a benchmark compares MIEN with."""

    fichiers: tuple[Path, ...]
    dans_un_dossier: frozenset[Path]  # found in a folder: a stray one is skipped, not fatal


def autres(mien: Path, chemins: Sequence[Path]) -> Autres:
    """Each document given, and every projterr YAML document of each folder given; MIEN
    itself, found inside a folder of others, is left out (it would be compared with itself)."""
    for chemin in chemins:
        if not chemin.exists():
            raise ProjterrError("fichier ou dossier introuvable", str(chemin))
    srcs = [sources(chemin) for chemin in chemins]
    fichiers = tuple(
        f
        for src in srcs
        for f in src.fichiers
        if not (src.dossier and f.resolve() == mien.resolve())
    )
    return Autres(fichiers, frozenset(f for src in srcs if src.dossier for f in src.fichiers))


def lire_autres(
    moi: DocumentLu,
    autres_: Autres,
    charger: Callable[[Path], Projet],
    ignorer: Callable[[Path, str], None],
    progression: Callable[[int], None] | None = None,
) -> tuple[list[DocumentLu], list[str]]:
    """The other territories' documents, and the files skipped. In a folder, a file that is
    not a readable projterr document, or a copy of MIEN, is passed to ``ignorer`` with the
    reason in French and skipped; given by name, it is an error."""
    identite = (moi.projet.territoire.nom, nom_document(moi.projet))
    lus: list[DocumentLu] = []
    ignores: list[str] = []
    for fichier in autres_.fichiers:
        if progression is not None:
            progression(1)
        dans_un_dossier = fichier in autres_.dans_un_dossier
        try:
            projet = charger(fichier)
        except ProjterrError:
            if not dans_un_dossier:
                raise
            # in a folder, a stray file (a profil, a référentiel) must not stop the run
            ignorer(fichier, "ce n'est pas un document projterr lisible")
            ignores.append(str(fichier))
            continue
        if (projet.territoire.nom, nom_document(projet)) == identite:
            # a copy of mine: match never pairs an element with its twin, so every action
            # would come out as a piste
            if not dans_un_dossier:
                raise ProjterrError(
                    "c'est le même document que MIEN : donnez ceux d'autres territoires",
                    str(fichier),
                )
            ignorer(fichier, "c'est le même document que MIEN")
            continue
        lus.append(DocumentLu(projet, str(fichier)))
    if not lus:
        raise ProjterrError(
            "aucun autre territoire à comparer (documents illisibles, ou le même que MIEN)"
        )
    return lus, ignores


def reglages(vocabulaire: Vocabulaire, fichiers_referentiels: Sequence[str]) -> str:
    return json.dumps({"couches": sorted(vocabulaire.couches), "ref": list(fichiers_referentiels)})


def titre(projets: Sequence[Projet], src: Sources, corpus: Corpus) -> str:
    if not src.dossier and projets:
        return nom_document(projets[0])
    if not src.dossier:
        return corpus.elements[0].document if len(corpus) else str(src.chemin)
    return f"{src.chemin.name} ({len(corpus.fichiers)} documents)"
