"""Word tracked changes (revisions) on the XML of a body: marking, and accepting or rejecting.

python-docx has no revision API, and its ``Paragraph.text`` silently skips inserted runs and
deleted text: everything here works on the lxml elements. What Word expects:

- ``w:ins`` / ``w:del`` are siblings of ``w:r`` inside ``w:p``; deleted text is in
  ``w:delText``; each revision has ``w:id``, ``w:author`` and ``w:date`` (a revision without a
  date may be ignored by some readers);
- a whole paragraph inserted or deleted also marks its paragraph mark
  (``w:pPr/w:rPr/w:ins|w:del``); a table row, its ``w:trPr``;
- revision ids share one id space with bookmarks and comments: they are handed out above the
  largest id already in the document;
- LibreOffice drops an ``w:ins`` that wraps a ``w:del``: they are always side by side.

:func:`accepter` and :func:`rejeter` apply Word's *Accept all* / *Reject all* to a body: the
tests check that they give the new and the old projet; the Word importer reads a document
with pending changes as if accepted.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from lxml.etree import _Element

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + NS_W + "}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_ID = W + "id"


@dataclass
class Auteur:
    """Who signs the revisions, and when; hands out ids above the document's largest."""

    nom: str
    date: dt.datetime
    suivant: int = 1

    @classmethod
    def pour(cls, racines: Iterable[_Element], nom: str, date: dt.datetime | None = None) -> Auteur:
        plus_grand = 0
        for racine in racines:
            for el in racine.iter():
                valeur = el.get(_ID)
                if valeur is not None and valeur.lstrip("-").isdigit():
                    plus_grand = max(plus_grand, int(valeur))
        quand = (date or dt.datetime.now(dt.UTC)).replace(microsecond=0)
        return cls(nom, quand, plus_grand + 1)

    def marque(self, balise: str) -> _Element:
        """A new revision element (``balise`` « ins », « del », « moveFrom »…) with id,
        author, date."""
        el = etree.Element(W + balise)
        el.set(_ID, str(self.suivant))
        self.suivant += 1
        el.set(W + "author", self.nom)
        el.set(W + "date", self.date.strftime("%Y-%m-%dT%H:%M:%SZ"))
        return el


# --- text of runs ---------------------------------------------------------------------------


def texte_run(r: _Element) -> str:
    """The text a run shows: ``w:t`` and ``w:delText``, tabs and breaks as \\t and \\n."""
    morceaux = []
    for el in r:
        if el.tag in (W + "t", W + "delText"):
            morceaux.append(el.text or "")
        elif el.tag == W + "tab":
            morceaux.append("\t")
        elif el.tag in (W + "br", W + "cr"):
            morceaux.append("\n")
    return "".join(morceaux)


def runs(p: _Element) -> Iterator[_Element]:
    """The runs of a paragraph in reading order, inside revisions and hyperlinks too."""
    yield from p.iter(W + "r")


def texte_paragraphe(p: _Element) -> str:
    return "".join(texte_run(r) for r in runs(p))


def _run(modele: _Element, rpr: _Element | None, texte: str, supprime: bool) -> _Element:
    """A run with ``rpr``'s formatting showing ``texte`` (deleted text in ``w:delText``),
    made by ``modele``'s parser, so python-docx knows it as one of its own."""
    r = modele.makeelement(W + "r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    balise = W + ("delText" if supprime else "t")
    tampon = ""

    def vider() -> None:
        nonlocal tampon
        if tampon:
            t = etree.SubElement(r, balise)
            t.text = tampon
            if tampon[0].isspace() or tampon[-1].isspace():
                t.set(_XML_SPACE, "preserve")
            tampon = ""

    for c in texte:
        if c == "\t":
            vider()
            etree.SubElement(r, W + "tab")
        elif c == "\n":
            vider()
            etree.SubElement(r, W + "br")
        else:
            tampon += c
    vider()
    return r


class _Lecteur:
    """Takes the characters of a paragraph's runs in order, each piece with its run's
    formatting, so a word diff keeps bold words bold."""

    def __init__(self, p: _Element) -> None:
        self.morceaux = [(r.find(W + "rPr"), texte_run(r)) for r in runs(p)]
        self.k = 0
        self.decalage = 0

    def prendre(self, n: int) -> list[tuple[_Element | None, str]]:
        pris = []
        while n > 0 and self.k < len(self.morceaux):
            rpr, texte = self.morceaux[self.k]
            reste = texte[self.decalage :]
            if len(reste) <= n:
                pris.append((rpr, reste))
                n -= len(reste)
                self.k += 1
                self.decalage = 0
            else:
                pris.append((rpr, reste[:n]))
                self.decalage += n
                n = 0
        return [(rpr, t) for rpr, t in pris if t]


# --- marking --------------------------------------------------------------------------------


def marque_de_paragraphe(p: _Element) -> _Element:
    """The properties of ``p``'s paragraph mark (``w:pPr/w:rPr``), created where the schema
    wants them: that is where a revision of the mark goes."""
    ppr = p.find(W + "pPr")
    if ppr is None:
        ppr = p.makeelement(W + "pPr")
        p.insert(0, ppr)
    rpr = ppr.find(W + "rPr")
    if rpr is None:
        rpr = etree.SubElement(ppr, W + "rPr")
        # CT_PPr wants rPr after the paragraph properties and before sectPr/pPrChange
        suite = [e for e in ppr if e.tag in (W + "sectPr", W + "pPrChange")]
        if suite:
            suite[0].addprevious(rpr)
    return rpr


def _marquer_fin_de_paragraphe(p: _Element, auteur: Auteur, balise: str) -> None:
    marque_de_paragraphe(p).insert(0, auteur.marque(balise))


def _envelopper(p: _Element, auteur: Auteur, balise: str) -> None:
    """Wrap every run of ``p`` into one revision; deleted text goes to ``w:delText``."""
    enfants = [e for e in p if e.tag != W + "pPr"]
    if not enfants:
        return
    marque = auteur.marque(balise)
    enfants[0].addprevious(marque)
    for e in enfants:
        marque.append(e)
    if balise == "del":
        for t in marque.iter(W + "t"):
            t.tag = W + "delText"
    if balise in ("del", "moveFrom"):  # moved-away text keeps w:t, but not its marks
        for el in list(marque.iter(W + "bookmarkStart", W + "bookmarkEnd")):
            el.getparent().remove(el)


def deplacer_blocs(blocs: list[_Element], auteur: Auteur, balise: str, nom: str) -> list[_Element]:
    """Paragraphs moved away (``balise`` « moveFrom ») or to here (« moveTo »), between the
    range markers Word pairs by ``nom``: returned as the body's children to place."""
    debut = auteur.marque(f"{balise}RangeStart")
    debut.set(W + "name", nom)
    fin = etree.Element(W + f"{balise}RangeEnd")
    fin.set(_ID, debut.get(_ID) or "")
    for bloc in blocs:
        _marquer_bloc(bloc, auteur, balise)
    return [debut, *blocs, fin]


def inserer_bloc(bloc: _Element, auteur: Auteur) -> None:
    """Mark a whole paragraph or table as inserted."""
    _marquer_bloc(bloc, auteur, "ins")


def supprimer_bloc(bloc: _Element, auteur: Auteur) -> None:
    """Mark a whole paragraph or table as deleted (its text moves to ``w:delText``)."""
    _marquer_bloc(bloc, auteur, "del")


def _marquer_bloc(bloc: _Element, auteur: Auteur, balise: str) -> None:
    if bloc.tag == W + "p":
        _envelopper(bloc, auteur, balise)
        _marquer_fin_de_paragraphe(bloc, auteur, balise)
    elif bloc.tag == W + "tbl":
        for tr in bloc.iter(W + "tr"):
            marquer_ligne(tr, auteur, balise)


def marquer_ligne(tr: _Element, auteur: Auteur, balise: str) -> None:
    """A table row inserted or deleted: its ``w:trPr`` and the runs of its cells."""
    trpr = tr.find(W + "trPr")
    if trpr is None:
        trpr = etree.Element(W + "trPr")
        tblpr_ex = tr.find(W + "tblPrEx")
        if tblpr_ex is not None:
            tblpr_ex.addnext(trpr)
        else:
            tr.insert(0, trpr)
    trpr.append(auteur.marque(balise))
    for p in tr.iter(W + "p"):
        _envelopper(p, auteur, balise)


def paragraphe_modifie(
    ancien: _Element, nouveau: _Element, auteur: Auteur, segments: Iterable[tuple[str, str]]
) -> _Element:
    """The new paragraph with the word changes from ``ancien`` tracked.

    ``segments`` are (op, text) with op ``egal`` / ``suppression`` / ``ajout``: ``egal`` and
    ``suppression`` spell the old text, ``egal`` and ``ajout`` the new one. Each piece keeps
    the formatting of the run it comes from.
    """
    resultat = nouveau.makeelement(W + "p")
    ppr = nouveau.find(W + "pPr")
    if ppr is not None:
        resultat.append(copy.deepcopy(ppr))
    for el in nouveau:
        if el.tag in (W + "bookmarkStart",):
            resultat.append(copy.deepcopy(el))
    lu_a, lu_n = _Lecteur(ancien), _Lecteur(nouveau)
    for op, texte in segments:
        if op == "egal":
            lu_a.prendre(len(texte))
            for rpr, t in lu_n.prendre(len(texte)):
                resultat.append(_run(nouveau, rpr, t, supprime=False))
        elif op == "suppression":
            marque = auteur.marque("del")
            for rpr, t in lu_a.prendre(len(texte)):
                marque.append(_run(nouveau, rpr, t, supprime=True))
            resultat.append(marque)
        else:
            marque = auteur.marque("ins")
            for rpr, t in lu_n.prendre(len(texte)):
                marque.append(_run(nouveau, rpr, t, supprime=False))
            resultat.append(marque)
    for el in nouveau:
        if el.tag in (W + "bookmarkEnd",):
            resultat.append(copy.deepcopy(el))
    return resultat


# --- Accept all / Reject all ------------------------------------------------------------


def accepter(corps: _Element) -> None:
    """Word's *Accept all* on ``corps`` (a ``w:body``), in place: insertions and the
    destinations of moves kept, deletions and the sources of moves gone."""
    _appliquer(corps, garder=("ins", "moveTo"), jeter=("del", "moveFrom"))


def rejeter(corps: _Element) -> None:
    """Word's *Reject all* on ``corps``, in place."""
    _appliquer(corps, garder=("del", "moveFrom"), jeter=("ins", "moveTo"))


# The markers around a moved range: no content of their own, gone either way.
_BORNES_DE_DEPLACEMENT = tuple(
    W + b for b in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
)


def _appliquer(corps: _Element, garder: tuple[str, ...], jeter: tuple[str, ...]) -> None:
    gardees = tuple(W + b for b in garder)
    jetees = tuple(W + b for b in jeter)

    def marque(el: _Element, balises: tuple[str, ...]) -> bool:
        return any(el.find(b) is not None for b in balises)

    for borne in list(corps.iter(*_BORNES_DE_DEPLACEMENT)):
        borne.getparent().remove(borne)
    # Table rows first: a row marked with the rejected kind goes away whole.
    for tr in list(corps.iter(W + "tr")):
        trpr = tr.find(W + "trPr")
        if trpr is None:
            continue
        if marque(trpr, jetees):
            tr.getparent().remove(tr)
            continue
        for m in [m for b in gardees for m in trpr.findall(b)]:
            trpr.remove(m)
    for tbl in list(corps.iter(W + "tbl")):
        if tbl.find(W + "tr") is None:
            tbl.getparent().remove(tbl)
    # Runs: the rejected kind goes away with its content, the kept one is unwrapped.
    for m in list(corps.iter(*jetees)):
        parent = m.getparent()
        if parent is not None and parent.tag != W + "rPr":
            parent.remove(m)
    for m in list(corps.iter(*gardees)):
        parent = m.getparent()
        if parent is None or parent.tag == W + "rPr":
            continue
        for enfant in list(m):
            m.addprevious(enfant)
        parent.remove(m)
    if "del" in garder:
        for t in corps.iter(W + "delText"):
            t.tag = W + "t"
    # Paragraph marks: a removed mark joins its paragraph to the next one.
    for p in list(corps.iter(W + "p")):
        rpr = p.find(f"{W}pPr/{W}rPr")
        if rpr is None:
            continue
        retire = marque(rpr, jetees)
        for m in [m for b in (*gardees, *jetees) for m in rpr.findall(b)]:
            rpr.remove(m)
        if len(rpr) == 0:
            rpr.getparent().remove(rpr)
        if retire:
            _joindre_au_suivant(p)


def _joindre_au_suivant(p: _Element) -> None:
    contenu = [e for e in p if e.tag != W + "pPr"]
    suivant = p.getnext()
    if suivant is not None and suivant.tag == W + "p":
        ppr = suivant.find(W + "pPr")
        place = 1 if ppr is not None else 0
        for k, e in enumerate(contenu):
            suivant.insert(place + k, e)
    p.getparent().remove(p)
