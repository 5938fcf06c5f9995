"""The redline: the new projet in Word with native tracked changes from the old one.

It is built from projterr's own diff, not by comparing two rendered files: the report's
mapping says which element of the new projet each old element became. Both projets are
written the way ``export`` writes them, each block of the body (heading, paragraph, fiche
table) tagged with the element that wrote it; then, walking the new projet's elements:

- an element whose place is kept (the longest run of elements in the same order in both
  versions) is written as the new one, its paragraphs compared with the old ones word by word
  and its fiche table row by row;
- an added element is inserted whole; a deleted one is deleted whole, where it was;
- an element that moved (to another parent, or out of order) is deleted at its old place and
  inserted at the new one, both with a comment naming the other place.

So Word's *Accept all* gives exactly the new projet and *Reject all* exactly the old one
(tests apply both to the XML). The table of contents is the new projet's (a field Word
updates on opening).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

from projterr.diff.champs import PARAGRAPHE_REFORMULE
from projterr.diff.mots import blocs, segments
from projterr.normalize import cle_typographique
from projterr.ooxml.reperes import PREFIXE_REPERE
from projterr.ooxml.revisions import (
    Auteur,
    W,
    deplacer_blocs,
    inserer_bloc,
    marque_de_paragraphe,
    marquer_ligne,
    paragraphe_modifie,
    supprimer_bloc,
    texte_paragraphe,
)
from projterr.texte.score import score_caracteres

if TYPE_CHECKING:
    from docx.document import Document as DocumentWord
    from lxml.etree import _Element

    from projterr.diff import RapportDiff
    from projterr.model import Projet
    from projterr.referentiels import Sigles

SOMMAIRE = "@sommaire"
_TAGS_BLOC = (W + "p", W + "tbl")


def document_redline(
    ancien: Projet,
    nouveau: Projet,
    rapport: RapportDiff | None = None,
    modele: Path | None = None,
    sigles: Sigles | None = None,
    auteur: str = "projterr",
    date: dt.datetime | None = None,
    avertir: Callable[[str], None] | None = None,
) -> DocumentWord:
    """The new projet with the changes since ``ancien`` as Word tracked changes (``avertir``:
    as for :func:`projterr.export.document_projet`)."""
    from projterr.diff import comparer
    from projterr.export import _preparer, _sigles
    from projterr.export.docx_projet import ecrire_projet
    from projterr.ooxml.modele import reglage
    from projterr.ooxml.reperes import ecrire_reperes

    if rapport is None:
        rapport = comparer(ancien, nouveau)
    sigles = _sigles(sigles)
    doc_n, red_n = _preparer(nouveau, modele, avertir)
    ecrire_projet(red_n, nouveau, sigles)
    doc_a, red_a = _preparer(ancien, modele, None)  # the same model: said once
    ecrire_projet(red_a, ancien, sigles)

    # Only the new projet's marks: « Accepter toutes les modifications » gives it, and
    # ``import`` reads the redline back as it (tracked changes accepted, ids kept).
    _sans_reperes(doc_a.element.body)
    blocs_n = _blocs_par_element(doc_n.element.body, red_n.blocs)
    blocs_a = _blocs_par_element(doc_a.element.body, red_a.blocs)
    correspondance = {c.nouveau: c.ancien for c in rapport.correspondances if c.nouveau}
    for cle in blocs_n:
        if cle.startswith("@") and cle in blocs_a:
            correspondance[cle] = cle
    numeros_n = _numeros(nouveau)
    numeros_a = _numeros(ancien)

    corps = doc_n.element.body
    marqueur = Auteur.pour([corps], auteur, date)
    redaction = _Redline(doc_n, marqueur, auteur)
    ordre_n, ordre_a = list(blocs_n), list(blocs_a)
    rang_a = {cle: k for k, cle in enumerate(ordre_a)}
    apparies = [(n, a) for n in ordre_n if (a := correspondance.get(n)) is not None and a in rang_a]
    stables_n = set(_plus_longue_suite(apparies, rang_a))
    stables_a = {correspondance[n] for n in stables_n}
    vers = {a: n for n, a in correspondance.items() if a is not None}
    # Pure moves (the same paragraphs, another place) are Word's moves, their two ends paired
    # by a name; a move with other changes stays a deletion and an insertion, commented.
    deplaces = {
        a: f"deplacement-{k}"
        for k, (n, a) in enumerate(apparies, 1)
        if n not in stables_n and _meme_contenu(blocs_a[a], blocs_n[n])
    }

    sortie: list[_Element] = []
    i = 0
    for cle in ordre_n:
        if cle in stables_n:
            a = correspondance[cle]
            while ordre_a[i] != a:
                sortie += redaction.supprimes(
                    blocs_a[ordre_a[i]], ordre_a[i], vers, numeros_n, deplaces.get(ordre_a[i])
                )
                i += 1
            i += 1
            if cle == SOMMAIRE:
                sortie += blocs_n[cle]
            else:
                sortie += redaction.paire(blocs_a[a], blocs_n[cle])
        else:
            # what was deleted in this gap comes before what was inserted in it, as in the
            # diff's records
            while i < len(ordre_a) and ordre_a[i] not in stables_a:
                sortie += redaction.supprimes(
                    blocs_a[ordre_a[i]], ordre_a[i], vers, numeros_n, deplaces.get(ordre_a[i])
                )
                i += 1
            origine = correspondance.get(cle)
            note = None
            if origine is not None and origine in rang_a:
                ancienne_place = numeros_a.get(origine) or "ailleurs"
                note = f"Déplacé : était {ancienne_place} dans la version précédente."
            sortie += redaction.inseres(
                blocs_n[cle], note, deplaces.get(origine) if origine is not None else None
            )
    while i < len(ordre_a):
        if ordre_a[i] not in stables_a:
            sortie += redaction.supprimes(
                blocs_a[ordre_a[i]], ordre_a[i], vers, numeros_n, deplaces.get(ordre_a[i])
            )
        i += 1

    sectpr = corps.find(W + "sectPr")
    for enfant in list(corps):
        if enfant is not sectpr:
            corps.remove(enfant)
    for bloc in sortie:
        if sectpr is not None:
            sectpr.addprevious(bloc)
        else:
            corps.append(bloc)
    redaction.numeroter_commentaires()
    ecrire_reperes(doc_n, red_n.reperes, nouveau)
    reglage(doc_n, "w:trackRevisions")  # what the council's readers change next is tracked too
    return doc_n


def rendre_docx(
    rapport: RapportDiff,
    auteur: str = "projterr",
    modele: Path | None = None,
    avertir: Callable[[str], None] | None = None,
) -> bytes:
    """The redline of a diff report as the bytes of a .docx (renderer of ``diff -f docx``)."""
    import io

    if rapport.documents is None:
        raise ValueError("the report does not carry the two documents")
    ancien, nouveau = rapport.documents
    document = document_redline(
        ancien, nouveau, rapport, modele=modele, auteur=auteur, avertir=avertir
    )
    tampon = io.BytesIO()
    document.save(tampon)
    return tampon.getvalue()


def _sans_reperes(corps: _Element) -> None:
    """Remove projterr's element marks (bookmarks ``pt_<k>``) from ``corps``."""
    ids = set()
    for debut in list(corps.iter(W + "bookmarkStart")):
        if (debut.get(W + "name") or "").startswith(PREFIXE_REPERE):
            ids.add(debut.get(W + "id"))
            debut.getparent().remove(debut)
    for fin in list(corps.iter(W + "bookmarkEnd")):
        if fin.get(W + "id") in ids:
            fin.getparent().remove(fin)


def _meme_contenu(anciens: list[_Element], nouveaux: list[_Element]) -> bool:
    """The same paragraphs (style and text, typography aside): a pure move."""
    if not anciens or any(b.tag != W + "p" for b in (*anciens, *nouveaux)):
        return False
    return [_cle(b) for b in anciens] == [_cle(b) for b in nouveaux]


def _blocs_par_element(
    corps: _Element, blocs: Sequence[tuple[_Element, str]]
) -> dict[str, list[_Element]]:
    """The body's blocks grouped by the element that wrote them, in document order; blocks
    added afterwards (the entries of the contents) go with the block before them."""
    proprietaires = {id(el): cle for el, cle in blocs}
    groupes: dict[str, list[_Element]] = {}
    courant = "@titre"
    for enfant in corps:
        if enfant.tag not in _TAGS_BLOC:
            continue
        courant = proprietaires.get(id(enfant), courant)
        groupes.setdefault(courant, []).append(enfant)
    return groupes


def _plus_longue_suite(apparies: list[tuple[str, str]], rang_a: dict[str, int]) -> list[str]:
    """The new keys of the longest run of pairs in the same order in both versions."""
    import bisect

    rangs = [rang_a[a] for _n, a in apparies]
    fins: list[int] = []  # smallest old rank ending a run of each length
    indices: list[int] = []
    precedent = [-1] * len(rangs)
    for k, r in enumerate(rangs):
        j = bisect.bisect_left(fins, r)
        if j == len(fins):
            fins.append(r)
            indices.append(k)
        else:
            fins[j] = r
            indices[j] = k
        precedent[k] = indices[j - 1] if j else -1
    suite = []
    k = indices[-1] if indices else -1
    while k >= 0:
        suite.append(apparies[k][0])
        k = precedent[k]
    return suite[::-1]


def _numeros(projet: Projet) -> dict[str, str]:
    """id → « objectif opérationnel 1.2.2 » or « action 3.1 », to name a place in a comment."""
    from projterr.libelles import libelle

    noms: dict[str, str] = {}
    for _parents, noeud in projet.noeuds():
        ou = noeud.numero or noeud.titre[:40]
        noms[noeud.id] = f"{libelle(noeud.type)} {ou}"
        for action in noeud.actions:
            noms[action.id] = f"action {action.numero}" if action.numero else f"action sous {ou}"
    return noms


class _Redline:
    def __init__(self, document: DocumentWord, auteur: Auteur, nom: str) -> None:
        self.document = document
        self.auteur = auteur
        self.nom = nom

    # --- whole elements ---------------------------------------------------------------------

    def inseres(
        self, blocs: list[_Element], note: str | None, deplacement: str | None = None
    ) -> list[_Element]:
        """Blocks inserted whole; or, with ``deplacement``, the destination of a move."""
        if note:
            self._commenter(blocs, note)
        if deplacement is not None:
            return deplacer_blocs(blocs, self.auteur, "moveTo", deplacement)
        for bloc in blocs:
            inserer_bloc(bloc, self.auteur)
        return blocs

    def supprimes(
        self,
        blocs: list[_Element],
        cle: str,
        vers: dict[str, str],
        numeros_n: dict[str, str],
        deplacement: str | None = None,
    ) -> list[_Element]:
        """Blocks deleted whole; or, with ``deplacement``, the source of a move."""
        copies = [copy.deepcopy(b) for b in blocs]
        if cle in vers and vers[cle] in numeros_n:
            self._commenter(copies, f"Déplacé : devient {numeros_n[vers[cle]]}.")
        if deplacement is not None:
            return deplacer_blocs(copies, self.auteur, "moveFrom", deplacement)
        for bloc in copies:
            supprimer_bloc(bloc, self.auteur)
        return copies

    # --- one element, old and new -------------------------------------------------------------

    def paire(self, anciens: list[_Element], nouveaux: list[_Element]) -> list[_Element]:
        """The new blocks of an element, with the changes from its old blocks tracked.

        Blocks at the same rank and of the same kind and style in a run that differs are one
        block changed; the others are deleted and inserted whole.
        """

        def meme_genre(i: int, j: int) -> bool:
            """One block changed in place: the same kind and style, and, past the element's
            own heading or list item, texts still alike (the glossary's « SEM » line is not
            renamed « SDIRVE » when one goes and the other comes)."""
            if _genre(anciens[i]) != _genre(nouveaux[j]):
                return False
            if (i == 0 and j == 0) or anciens[i].tag == W + "tbl":
                return True
            semblables = score_caracteres(
                texte_paragraphe(anciens[i]), texte_paragraphe(nouveaux[j])
            )
            return semblables >= PARAGRAPHE_REFORMULE

        sortie: list[_Element] = []
        for i, j, _meme_cle in blocs(
            [_cle(b) for b in anciens], [_cle(b) for b in nouveaux], meme_genre
        ):
            if i is not None and j is not None:
                sortie.append(self._meme_place(anciens[i], nouveaux[j]))
            elif i is not None:
                copie = copy.deepcopy(anciens[i])
                supprimer_bloc(copie, self.auteur)
                sortie.append(copie)
            else:
                assert j is not None
                inserer_bloc(nouveaux[j], self.auteur)
                sortie.append(nouveaux[j])
        return sortie

    def _meme_place(self, a: _Element, n: _Element) -> _Element:
        if n.tag == W + "tbl":
            self._table(a, n)
            return n
        ancien, nouveau = texte_paragraphe(a), texte_paragraphe(n)
        if ancien == nouveau:
            return n
        morceaux = [(s.op, s.texte) for s in segments(ancien, nouveau)]
        return paragraphe_modifie(a, n, self.auteur, morceaux)

    def _table(self, a: _Element, n: _Element) -> None:
        """Rows compared by their label (first cell): a row added or removed is tracked as
        such; the cells of a kept row are compared paragraph by paragraph."""
        lignes_a = a.findall(W + "tr")
        lignes_n = n.findall(W + "tr")
        cles_a = [_cle_ligne(tr) for tr in lignes_a]
        cles_n = [_cle_ligne(tr) for tr in lignes_n]
        matcher = SequenceMatcher(None, cles_a, cles_n, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for tr_a, tr_n in zip(lignes_a[i1:i2], lignes_n[j1:j2], strict=True):
                    self._cellules(tr_a, tr_n)
                continue
            for tr_n in lignes_n[j1:j2]:
                marquer_ligne(tr_n, self.auteur, "ins")
            place = lignes_n[j1] if j1 < len(lignes_n) else None
            for tr_a in lignes_a[i1:i2]:
                copie = copy.deepcopy(tr_a)
                marquer_ligne(copie, self.auteur, "del")
                if place is not None:
                    place.addprevious(copie)
                else:
                    n.append(copie)

    def _cellules(self, tr_a: _Element, tr_n: _Element) -> None:
        for tc_a, tc_n in zip(tr_a.findall(W + "tc"), tr_n.findall(W + "tc"), strict=False):
            pa, pn = tc_a.findall(W + "p"), tc_n.findall(W + "p")
            if [texte_paragraphe(p) for p in pa] == [texte_paragraphe(p) for p in pn]:
                continue
            nouveaux = self.paire(pa, pn)
            # a cell keeps a last paragraph: its mark is never deleted
            for p in pn:
                tc_n.remove(p)
            for p in nouveaux:
                tc_n.append(p)
            _derniere_marque(tc_n.findall(W + "p"))

    # --- comments -------------------------------------------------------------------------------

    def _commenter(self, blocs: list[_Element], texte: str) -> None:
        """A Word comment on the first paragraph of ``blocs`` (a heading or a list item)."""
        from docx.text.paragraph import Paragraph
        from docx.text.run import Run

        premier = next((b for b in blocs if b.tag == W + "p" and b.findall(W + "r")), None)
        if premier is None:
            return
        paragraphe = Paragraph(premier, self.document._body)  # type: ignore[arg-type]
        runs = [Run(r, paragraphe) for r in premier.findall(W + "r")]  # type: ignore[arg-type]
        self.document.add_comment(runs, text=texte, author=self.nom, initials="PT")

    def numeroter_commentaires(self) -> None:
        """Comment ids moved above every bookmark and revision id (one id space in Word)."""
        corps = self.document.element.body
        plus_grand = 0
        for el in corps.iter(
            W + "bookmarkStart", W + "bookmarkEnd", W + "ins", W + "del", W + "moveFrom",
            W + "moveTo", W + "moveFromRangeStart", W + "moveToRangeStart",
        ):  # fmt: skip
            valeur = el.get(W + "id")
            if valeur and valeur.isdigit():
                plus_grand = max(plus_grand, int(valeur))
        try:
            partie = self.document.part._comments_part  # created by add_comment
        except AttributeError:
            return
        if partie is None:
            return
        nouveaux: dict[str, str] = {}
        for commentaire in partie.element.iter(W + "comment"):
            ancien = commentaire.get(W + "id")
            if ancien is None:
                continue
            nouveaux[ancien] = str(plus_grand + 1 + int(ancien))
            commentaire.set(W + "id", nouveaux[ancien])
        for el in corps.iter(
            W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference"
        ):
            valeur = el.get(W + "id")
            if valeur in nouveaux:
                el.set(W + "id", nouveaux[valeur])


def _derniere_marque(paragraphes: list[_Element]) -> None:
    """A cell's last paragraph mark cannot be inserted or deleted: as Word does, the revision
    goes to the nearest mark before it that does not carry the same kind already (accepting
    or rejecting then joins those paragraphs into the last one)."""
    if len(paragraphes) < 2:
        return
    rpr = paragraphes[-1].find(f"{W}pPr/{W}rPr")
    if rpr is None:
        return
    for marque in rpr.findall(W + "ins") + rpr.findall(W + "del"):
        rpr.remove(marque)
        for precedent in reversed(paragraphes[:-1]):
            cible = marque_de_paragraphe(precedent)
            if cible.find(marque.tag) is None:
                cible.insert(0, marque)
                break


def _genre(bloc: _Element) -> tuple[str, str | None]:
    """A block's kind and style: two blocks are one changed block only if these agree."""
    if bloc.tag == W + "tbl":
        return ("tbl", None)
    style = bloc.find(f"{W}pPr/{W}pStyle")
    return ("p", style.get(W + "val") if style is not None else None)


def _cle(bloc: _Element) -> tuple[str, str | None, str]:
    if bloc.tag == W + "tbl":
        return (
            "tbl",
            None,
            cle_typographique(" | ".join(_cle_ligne(tr) for tr in bloc.findall(W + "tr"))),
        )
    return (*_genre(bloc), cle_typographique(texte_paragraphe(bloc)))


def _cle_ligne(tr: _Element) -> str:
    premiere = tr.find(W + "tc")
    if premiere is None:
        return ""
    return cle_typographique(" ".join(texte_paragraphe(p) for p in premiere.findall(W + "p")))
