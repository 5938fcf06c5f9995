"""B as a corpus: one document or a folder of them, read, indexed (:class:`Corpus`: each
element's signature, the inverted index of its features), and the index kept in a file for the
next run (``--index``); and, for a benchmark, the other territories' documents."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from projterr.errors import ProjterrError
from projterr.match.elements import Element, elements_a_comparer, nom_document
from projterr.match.vocabulaire import Signature, Vocabulaire
from projterr.model import Projet
from projterr.texte.index import IndexInverse

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
    for fichier, projet in _lisibles(
        src.fichiers, charger, lambda _: src.dossier, ignorer, progression
    ):
        projets.append(projet)
        if lus is not None:
            lus.append(str(fichier))
    if not projets:
        raise ProjterrError("aucun document projterr lisible dans ce dossier", str(src.chemin))
    return projets


def _lisibles(
    fichiers: Iterable[Path],
    charger: Callable[[Path], Projet],
    en_dossier: Callable[[Path], bool],
    ignorer: Callable[[Path, ProjterrError], None] | None,
    progression: Callable[[int], None] | None,
) -> Iterator[tuple[Path, Projet]]:
    """Each file read, in order; a file found in a folder that is not a projterr document is
    passed to ``ignorer`` and skipped (an error without it, or for a file given by name)."""
    for fichier in fichiers:
        if progression is not None:
            progression(1)
        try:
            projet = charger(fichier)
        except ProjterrError as exc:
            if ignorer is None or not en_dossier(fichier):
                raise
            # one stray file (a profil, a référentiel) must not stop a corpus of hundreds
            ignorer(fichier, exc)
            continue
        yield fichier, projet


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

    def illisible(fichier: Path, _: ProjterrError) -> None:
        ignorer(fichier, "ce n'est pas un document projterr lisible")
        ignores.append(str(fichier))

    dans_un_dossier = autres_.dans_un_dossier.__contains__
    for fichier, projet in _lisibles(
        autres_.fichiers, charger, dans_un_dossier, illisible, progression
    ):
        if (projet.territoire.nom, nom_document(projet)) == identite:
            # a copy of mine: match never pairs an element with its twin, so every action
            # would come out as a piste
            if not dans_un_dossier(fichier):
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


@dataclass(frozen=True)
class DocumentLu:
    """A document read for the benchmark, and the file it came from."""

    projet: Projet
    fichier: str | None = None


# --- the index of B, kept in a file -----------------------------------------------------


FORMAT_INDEX = "projterr-index-match/1"


class Corpus:
    """The elements of B, indexed; can be saved and loaded again.

    Per element, only what scoring reads is kept (the rapidfuzz string, the lexical set, the
    thesaurus and theme features): 100,000 elements fit in a few hundred megabytes and load
    in seconds. The full signature, with the words that explain a match, is read again from
    the element's text for the few pairs that are shown (:meth:`signature`).
    """

    def __init__(self, empreinte: str = "") -> None:
        self.elements: list[Element] = []
        self.chaines: list[str] = []  # stems (and expansions) for rapidfuzz
        # what the lexical cosine compares; a loaded index keeps the text form until asked
        self._lexiques: list[frozenset[str] | str] = []
        self.liens: list[tuple[str, ...]] = []  # thesaurus and theme features
        self.index = IndexInverse()
        self.empreinte = empreinte  # what the corpus was built from (files, layers)
        self.fichiers: list[str] = []  # the documents read
        self._normes: dict[int, float] = {}
        self._idf: dict[str, float] = {}
        self._complets: dict[int, Signature] = {}
        self._rangs: dict[int, int] = {}

    def ajouter(self, element: Element, profil: Signature) -> None:
        self._ajouter(element, profil.chaine, frozenset(lexique(profil)), tuple(profil.liens))

    def _ajouter(
        self,
        element: Element,
        chaine: str,
        lex: frozenset[str] | str,
        liens: tuple[str, ...],
        traits: Iterable[str] | None = None,
    ) -> None:
        self.elements.append(element)
        self.chaines.append(chaine)
        self._lexiques.append(lex)
        self.liens.append(liens)
        self.index.ajouter((*lex, *liens) if traits is None else traits, uniques=True)
        self._normes.clear()
        self._idf.clear()

    def __len__(self) -> int:
        return len(self.elements)

    def rang(self, element: Element) -> int:
        """The number of one of this corpus' elements (the object itself, not an equal one)."""
        if len(self._rangs) != len(self.elements):
            self._rangs = {id(e): n for n, e in enumerate(self.elements)}
        return self._rangs[id(element)]

    def idf(self, trait: str) -> float:
        """IDF in this corpus; a feature it never saw weighs like one seen once."""
        valeur = self._idf.get(trait)
        if valeur is None:
            df = len(self.index.postings.get(trait, ())) or 1
            valeur = self._idf[trait] = math.log((self.index.taille + 1) / df)
        return valeur

    def lexique(self, numero: int) -> frozenset[str]:
        lex = self._lexiques[numero]
        if isinstance(lex, str):
            lex = self._lexiques[numero] = frozenset(lex.split(_SEP) if lex else ())
        return lex

    def index_traits(self, numero: int) -> tuple[str, ...]:
        """The features under which an element is indexed."""
        return (*self.lexique(numero), *self.liens[numero])

    def poids(self, trait: str) -> float:
        """A stem's weight in the lexical cosine: its IDF, on each side of the product (the
        cosine of two TF-IDF vectors), so that a rare word — a place, a programme's name —
        tells two near-twins apart."""
        return self.idf(trait) ** 2

    def norme(self, numero: int) -> float:
        valeur = self._normes.get(numero)
        if valeur is None:
            poids = self.poids
            # fsum: exact, so independent of the set's order (which changes from run to run)
            valeur = self._normes[numero] = math.sqrt(math.fsum(map(poids, self.lexique(numero))))
        return valeur

    def signature(self, numero: int, vocabulaire: Vocabulaire) -> Signature:
        """The full signature of an element (words as written, terms found), read again."""
        if numero not in self._complets:
            self._complets[numero] = vocabulaire.signature(self.elements[numero].textes)
        return self._complets[numero]

    def sauver(self, chemin: Path) -> None:
        donnees = {
            "format": FORMAT_INDEX,
            "empreinte": self.empreinte,
            "fichiers": self.fichiers,
            "elements": [
                [*_element_vers_liste(e), c, _SEP.join(sorted(self.lexique(n))), _SEP.join(li)]
                for n, (e, c, li) in enumerate(
                    zip(self.elements, self.chaines, self.liens, strict=True)
                )
            ],
        }
        from projterr.sorties import ecrire_atomiquement

        octets = json.dumps(donnees, ensure_ascii=False).encode("utf-8")
        # whole or not at all: a half-written index would be read back as a corrupt corpus
        ecrire_atomiquement(chemin, lambda flux: flux.write(octets))

    @classmethod
    def charger(cls, chemin: Path) -> Corpus:
        try:
            donnees = json.loads(chemin.read_text(encoding="utf-8"))
            if donnees.get("format") != FORMAT_INDEX:
                raise ValueError(donnees.get("format"))
            corpus = cls(donnees["empreinte"])
            corpus.fichiers = [str(f) for f in donnees["fichiers"]]
            for ligne in donnees["elements"]:
                lex: str = ligne[9]
                liens = tuple(ligne[10].split(_SEP) if ligne[10] else ())
                traits = [*(lex.split(_SEP) if lex else ()), *liens]
                corpus._ajouter(_element_depuis_liste(ligne), ligne[8], lex, liens, traits)
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
            raise ProjterrError(
                "ce fichier n'est pas un index de projterr match (supprimez-le : il sera refait)",
                str(chemin),
            ) from exc
        return corpus


_SEP = "\x1f"  # between features in the saved index: no stem, acronym or code contains it


def _element_vers_liste(e: Element) -> list[Any]:
    return [e.territoire, e.document, e.id, e.numero, e.texte, e.genre, list(e.precisions),
            e.type_niveau]  # fmt: skip


def _element_depuis_liste(d: list[Any]) -> Element:
    return Element(d[0], d[1], d[2], d[3], d[4], d[5], tuple(d[6]), d[7])


def lexique(profil: Signature) -> set[str]:
    """What the lexical score compares: stems and acronyms (met either way written).

    The stems of an acronym's expansion are left out: a long expansion (« pacte territorial
    de relance et de transition écologique ») would outweigh the text's own words. They still
    feed rapidfuzz, the thesaurus and the themes.
    """
    return {*profil.formes, *(f"#{s}" for s in profil.sigles)}


def indexer(
    elements: Iterable[Element],
    vocabulaire: Vocabulaire,
    empreinte: str = "",
    progression: Callable[[int], None] | None = None,
) -> Corpus:
    corpus = Corpus(empreinte)
    for i, element in enumerate(elements):
        # without the words as written: :meth:`Corpus.signature` reads them for the pairs shown
        corpus.ajouter(element, vocabulaire.signature(element.textes, surfaces=False))
        if progression is not None and i % 500 == 499:
            progression(500)
    return corpus
