"""Word (.docx) documents as blocs: headings by style, lists with Word's automatic numbering,
tables cell by cell, tracked changes read as accepted.

The archive's XML is read with lxml directly (entities never resolved, no network, no DTD),
after its directory has been checked: an archive that would expand past a sane size, or far
beyond its own size, is refused before anything is decompressed.

- A heading is known by its style's outline level (``w:outlineLvl``, whatever the interface
  language: « Heading 2 », « Titre 2 », « Überschrift 2 » all say level 1), or failing that by
  its style name; a paragraph's own outline level counts too.
- Word's automatic numbering (``w:numPr``) is not in the paragraph's text: it is computed from
  ``numbering.xml`` (formats, level texts such as « Axe %1 – », starts, restarts), so
  « Objectif 2.1 » reads as printed.
- A document with pending tracked changes is read as if every change were accepted, and the
  import says so (python-docx's ``Paragraph.text`` would silently drop inserted text).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from projterr import archive
from projterr.errors import FichierIllisible
from projterr.importers.blocs import Bloc, Lecture
from projterr.importers.bureautique import (
    bloc_de_paragraphe,
    formater_numero,
    modifications_acceptees,
    niveau_du_nom,
    puce_lisible,
    remarques_de_bureautique,
    texte_de_cellule,
)
from projterr.importers.pipeline import importer_source
from projterr.importers.resultat import ResultatImport
from projterr.importers.word_projterr import lire_export, peut_etre_un_export, ressemble_a_un_export
from projterr.model import NonClasse, Source
from projterr.ooxml.gabarit import DEBUT_DU_PROJET
from projterr.ooxml.reperes import lire_reperes
from projterr.ooxml.revisions import accepter
from projterr.sources import empreinte, lire_octets

if TYPE_CHECKING:
    from lxml.etree import _Element

    from projterr.model import Projet

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + NS_W + "}"


_EN_TETE_OU_PIED = re.compile(r"^word/(?:header|footer)\d*\.xml$")

_NOTES = {
    "footnote": ("word/footnotes.xml", "note de bas de page"),
    "endnote": ("word/endnotes.xml", "note de fin"),
}


def importer_word(chemin: Path, profil_demande: str | None = None) -> ResultatImport:
    """Import a .docx through the same engines as a text file; a file written by
    ``projterr export`` is read back exactly (see :mod:`projterr.importers.word_projterr`)."""
    data = lire_octets(chemin)
    if profil_demande is None:
        relu = _relire_export(data, str(chemin))
        if relu is not None:
            projet, remarques = relu
            projet.document.source = Source(
                fichier=chemin.name, empreinte=empreinte(data), profil="export projterr"
            )
            return ResultatImport(projet, profil="export projterr", remarques=remarques)
    return importer_source(chemin, profil_demande, lire_word, data)


def _erreur(nom: str, message: str) -> FichierIllisible:
    return FichierIllisible(message, nom)


def _ouvrir(data: bytes, nom: str) -> dict[str, bytes]:
    """The XML parts the reader needs, after checking what the archive claims to hold."""
    if archive.est_ole(data):
        raise _erreur(
            nom,
            "document Word protégé par un mot de passe, ou au format Word 97-2003 (.doc) : "
            "enregistrez-le sans mot de passe au format .docx",
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        raise _erreur(
            nom, "document Word illisible : ce n'est pas une archive .docx valide"
        ) from None
    with zf:
        infos = zf.infolist()
        refus = archive.refus(infos, len(data))
        if refus is not None:
            raise _erreur(nom, refus)
        noms = {i.filename for i in infos}
        if "word/document.xml" not in noms:
            raise _erreur(nom, "archive sans document Word (word/document.xml absent)")
        parties: dict[str, bytes] = {}
        for partie in sorted(n for n in noms if _EN_TETE_OU_PIED.match(n)):
            try:
                parties[partie] = zf.read(partie)
            except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError):
                raise _erreur(nom, f"document Word endommagé ({partie} illisible)") from None
        for partie in (
            "word/document.xml",
            "word/styles.xml",
            "word/numbering.xml",
            "word/footnotes.xml",
            "word/endnotes.xml",
            "word/comments.xml",
            # projterr's marks, under any name a word processor gave them on save
            *sorted(n for n in noms if n.startswith("customXml/") and n.endswith(".xml")),
        ):
            if partie in noms:
                try:
                    parties[partie] = zf.read(partie)
                except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError):
                    raise _erreur(nom, f"document Word endommagé ({partie} illisible)") from None
        return parties


def _xml(octets: bytes, nom: str, partie: str) -> _Element:
    try:
        return etree.fromstring(octets, archive.parseur_xml())
    except etree.XMLSyntaxError:
        raise _erreur(nom, f"document Word endommagé ({partie} n'est pas du XML valide)") from None


def _relire_export(data: bytes, nom: str) -> tuple[Projet, list[str]] | None:
    """The projet of a file written by ``projterr export``, or None for any other file."""
    parties = _ouvrir(data, nom)
    # Found by its content, not its name: LibreOffice renames custom XML parts on save
    # (« customXml/item2.xml »); projterr's is the one in its own namespace.
    lu = None
    for nom_partie in sorted(parties, key=lambda n: n != "customXml/projterr.xml"):
        if nom_partie.startswith("customXml/") and b"urn:projterr:export" in parties[nom_partie]:
            lu = lire_reperes(parties[nom_partie])
            if lu:
                break
    if not lu and not peut_etre_un_export(
        parties.get("word/styles.xml", b""), parties["word/document.xml"]
    ):
        return None  # the generic reader's document, parsed once, by it
    document = _xml(parties["word/document.xml"], nom, "word/document.xml")
    corps = document.find(W + "body")
    if corps is None:
        return None
    styles = _Styles(
        _xml(parties["word/styles.xml"], nom, "styles") if "word/styles.xml" in parties else None
    )
    noms = {id_: style.nom for id_, style in styles.styles.items()}
    if lu:
        reperes, attributs = lu
        remarques = ["document écrit par projterr export : relu avec ses identifiants"]
    elif ressemble_a_un_export(corps, noms):
        reperes, attributs = {}, {}
        remarques = [
            "document écrit par projterr export mais sans ses repères (copié dans un autre "
            "document, ou enregistré par un autre logiciel) : relu par sa structure, avec de "
            "nouveaux identifiants ; ce que les pages ne montrent pas (note, SIREN, SIRET, "
            "code INSEE) n'a pas pu être relu"
        ]
    else:
        return None
    if any(r.get("nature") == DEBUT_DU_PROJET for r in reperes.values()):
        remarques = [
            "délibération écrite par projterr : son annexe 1, le projet, est relue avec ses "
            "identifiants (le reste de la délibération n'en fait pas partie)"
        ]
    suivies = sum(1 for _ in corps.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo"))
    if suivies:
        accepter(corps)
        remarques.append(modifications_acceptees(suivies))
    projet = lire_export(corps, noms, reperes, attributs)
    if not reperes:
        sans_type = sum(1 for _, n in projet.noeuds() if n.type == "section")
        if sans_type:
            sujet = (
                "1 titre ne dit pas son"
                if sans_type == 1
                else f"{sans_type} titres ne disent pas leur"
            )
            remarques.append(
                f"{sujet} type (comme « Pilier 1 – … ») : type « section », à corriger dans "
                "le YAML si besoin"
            )
    return projet, remarques


def lire_word(data: bytes, nom: str) -> Lecture:
    """The blocs of a .docx, in reading order."""
    parties = _ouvrir(data, nom)
    document = _xml(parties["word/document.xml"], nom, "word/document.xml")
    corps = document.find(W + "body")
    if corps is None:
        raise _erreur(nom, "document Word sans corps de texte")
    suivies = sum(1 for _ in corps.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo"))
    if suivies:
        accepter(corps)
    styles = _Styles(
        _xml(parties["word/styles.xml"], nom, "styles") if "word/styles.xml" in parties else None
    )
    numeros = _Numerotation(
        _xml(parties["word/numbering.xml"], nom, "numbering")
        if "word/numbering.xml" in parties
        else None
    )
    blocs: list[Bloc] = []
    lecteur = _Lecteur(styles, numeros, blocs)
    lecteur.corps(corps)
    if not any(b.texte.strip() for b in blocs):
        raise _erreur(nom, "document Word sans texte")
    notes = _notes(parties, nom, lecteur.appels_de_note)
    repetes = sorted(
        {
            texte
            for partie, octets in parties.items()
            if _EN_TETE_OU_PIED.match(partie)
            for p in _xml(octets, nom, partie).iter(W + "p")
            if (texte := _texte(p))
        }
    )
    commentaires = 0
    if "word/comments.xml" in parties:
        racine = _xml(parties["word/comments.xml"], nom, "comments")
        commentaires = sum(1 for c in racine.iter(W + "comment") if _texte(c))
    remarques = remarques_de_bureautique(
        suivies=suivies,
        notes=len(notes),
        repetes=repetes,
        commentaires=commentaires,
    )
    return Lecture(blocs, remarques, notes, titres_declares=True)


def _notes(
    parties: dict[str, bytes], nom: str, appels: list[tuple[str, str, int]]
) -> list[NonClasse]:
    """The notes called in the text, numbered as Word prints them (1, 2… per kind), each
    with the paragraph that calls it."""
    textes: dict[tuple[str, str], str] = {}
    for genre, (partie, _) in _NOTES.items():
        if partie not in parties:
            continue
        for note in _xml(parties[partie], nom, partie).iter(W + genre):
            id_ = note.get(W + "id")
            texte = " ".join(_texte(p) for p in note.iter(W + "p")).strip()
            if id_ is not None and texte:
                textes[(genre, id_)] = texte
    notes: list[NonClasse] = []
    numeros = dict.fromkeys(_NOTES, 0)
    for genre, id_, paragraphe in appels:
        numeros[genre] += 1
        appelee = textes.get((genre, id_))
        if appelee:
            libelle = _NOTES[genre][1]
            notes.append(
                NonClasse(
                    ligne=paragraphe,
                    texte=appelee,
                    raison=f"{libelle} {numeros[genre]} (appelée au paragraphe {paragraphe})",
                )
            )
    return notes


# --- styles ---------------------------------------------------------------------------------


@dataclass
class _Style:
    nom: str
    base: str | None
    niveau: int | None  # outline level + 1
    numero: tuple[str, int] | None  # (numId, ilvl) a list style gives its paragraphs


class _Styles:
    def __init__(self, racine: _Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.defaut: str | None = None
        if racine is None:
            return
        for s in racine.iter(W + "style"):
            id_ = s.get(W + "styleId")
            if id_ is None or s.get(W + "type") not in (None, "paragraph"):
                continue
            nom_el = s.find(W + "name")
            base_el = s.find(W + "basedOn")
            niveau_el = s.find(f"{W}pPr/{W}outlineLvl")
            num_el = s.find(f"{W}pPr/{W}numPr")
            niveau = None
            if niveau_el is not None and (v := niveau_el.get(W + "val", "")).isdigit():
                niveau = int(v) + 1 if int(v) < 9 else None
            self.styles[id_] = _Style(
                nom=(nom_el.get(W + "val") if nom_el is not None else id_) or id_,
                base=base_el.get(W + "val") if base_el is not None else None,
                niveau=niveau,
                numero=_num_pr(num_el),
            )
            if s.get(W + "default") in ("1", "true"):
                self.defaut = id_

    def nom(self, id_: str | None) -> str | None:
        style = self.styles.get(id_ or "")
        return style.nom if style else id_

    def niveau(self, id_: str | None) -> int | None:
        """Heading level of a style: its outline level, its name, or its base style's."""
        vus = set()
        while id_ and id_ not in vus:
            vus.add(id_)
            style = self.styles.get(id_)
            if style is None:
                return niveau_du_nom(id_)
            if style.niveau is not None:
                return style.niveau
            niveau = niveau_du_nom(style.nom)
            if niveau is not None:
                return niveau
            id_ = style.base
        return None

    def numero(self, id_: str | None) -> tuple[str, int] | None:
        vus = set()
        while id_ and id_ not in vus:
            vus.add(id_)
            style = self.styles.get(id_)
            if style is None:
                return None
            if style.numero is not None:
                return style.numero
            id_ = style.base
        return None


def _num_pr(num_pr: _Element | None) -> tuple[str, int] | None:
    if num_pr is None:
        return None
    num_id = num_pr.find(W + "numId")
    ilvl = num_pr.find(W + "ilvl")
    if num_id is None or num_id.get(W + "val") in (None, "0"):
        return None
    niveau = ilvl.get(W + "val", "0") if ilvl is not None else "0"
    return (num_id.get(W + "val", "0"), int(niveau) if niveau.isdigit() else 0)


# --- automatic numbering --------------------------------------------------------------------


@dataclass
class _Niveau:
    format: str = "decimal"
    texte: str = "%1."
    debut: int = 1
    police: str | None = None


class _Numerotation:
    """Word's list numbers, counted as Word counts them: per list, per level."""

    def __init__(self, racine: _Element | None) -> None:
        self.abstraits: dict[str, dict[int, _Niveau]] = {}
        self.listes: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstract, starts)
        self.compteurs: dict[str, dict[int, int]] = {}
        if racine is None:
            return
        for a in racine.iter(W + "abstractNum"):
            niveaux = {}
            for lvl in a.findall(W + "lvl"):
                ilvl = int(lvl.get(W + "ilvl", "0"))
                fmt = lvl.find(W + "numFmt")
                txt = lvl.find(W + "lvlText")
                debut = lvl.find(W + "start")
                police = lvl.find(f"{W}rPr/{W}rFonts")
                niveaux[ilvl] = _Niveau(
                    format=fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                    texte=txt.get(W + "val", "") if txt is not None else "",
                    debut=int(debut.get(W + "val", "1")) if debut is not None else 1,
                    police=police.get(W + "ascii") if police is not None else None,
                )
            self.abstraits[a.get(W + "abstractNumId", "")] = niveaux
        for num in racine.iter(W + "num"):
            abstrait = num.find(W + "abstractNumId")
            departs = {}
            for o in num.findall(W + "lvlOverride"):
                depart = o.find(W + "startOverride")
                if depart is not None:
                    departs[int(o.get(W + "ilvl", "0"))] = int(depart.get(W + "val", "1"))
            if abstrait is not None:
                self.listes[num.get(W + "numId", "")] = (abstrait.get(W + "val", ""), departs)

    def suivant(self, num_id: str, ilvl: int) -> tuple[str, bool] | None:
        """The printed number (or bullet) of the next paragraph of list ``num_id`` at level
        ``ilvl``, and whether it is a bullet."""
        if num_id not in self.listes:
            return None
        abstrait, departs = self.listes[num_id]
        niveaux = self.abstraits.get(abstrait, {})
        niveau = niveaux.get(ilvl)
        if niveau is None:
            return None
        if niveau.format == "bullet":
            return (puce_lisible(niveau.texte), True)
        # lists of one abstract numbering count together (Word's behaviour for one numId)
        compteurs = self.compteurs.setdefault(num_id, {})
        for k in ilvl, *[n for n in compteurs if n > ilvl]:
            if k != ilvl:
                compteurs.pop(k, None)
        depart = departs.get(ilvl, niveau.debut)
        compteurs[ilvl] = compteurs.get(ilvl, depart - 1) + 1

        def valeur(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            n = niveaux.get(k, _Niveau())
            return formater_numero(compteurs.get(k, departs.get(k, n.debut)), n.format)

        return (re.sub(r"%(\d)", valeur, niveau.texte).strip(), False)


# --- the body -------------------------------------------------------------------------------


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ZONES = (W + "txbxContent", _MC + "Fallback")  # a text box's own paragraphs; its old copy


def _dans_une_zone(el: _Element, p: _Element) -> bool:
    """Whether ``el`` belongs to a text box anchored in ``p`` (or to the copy of one that
    Word keeps for old readers in mc:Fallback), not to ``p``'s own text."""
    parent = el.getparent()
    while parent is not None and parent is not p:
        if parent.tag in _ZONES:
            return True
        parent = parent.getparent()
    return False


def _zones_de_texte(p: _Element) -> list[_Element]:
    """The text boxes anchored in ``p``, each once (Word writes each twice: the drawing, and
    a VML copy in mc:Fallback), outermost only."""
    return [
        zone
        for zone in p.iter(W + "txbxContent")
        if not _dans_une_zone(zone, p) and zone.getparent() is not None
    ]


def _texte(p: _Element) -> str:
    morceaux = []
    for el in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen"):
        if _dans_une_zone(el, p):
            continue
        if el.tag == W + "t":
            morceaux.append(el.text or "")
        elif el.tag == W + "tab":
            morceaux.append(" ")
        elif el.tag == W + "noBreakHyphen":
            morceaux.append("-")
        else:
            morceaux.append(" ")
    return " ".join("".join(morceaux).split())


class _Lecteur:
    def __init__(self, styles: _Styles, numeros: _Numerotation, blocs: list[Bloc]) -> None:
        self.styles = styles
        self.numeros = numeros
        self.blocs = blocs
        self.paragraphe = 0
        self.tableau = 0
        self.appels_de_note: list[tuple[str, str, int]] = []  # (kind, id, paragraph)

    def corps(self, parent: _Element) -> None:
        for el in parent:
            if el.tag == W + "p":
                self._paragraphe(el)
            elif el.tag == W + "tbl":
                self._table(el)
            elif el.tag == W + "sdt":  # content controls (a cover page, a table of contents)
                contenu = el.find(W + "sdtContent")
                if contenu is not None:
                    self.corps(contenu)

    def _paragraphe(self, p: _Element) -> None:
        self._paragraphe_seul(p)
        for zone in _zones_de_texte(p):  # a text box's paragraphs follow its anchor's
            self.corps(zone)

    def _paragraphe_seul(self, p: _Element) -> None:
        self.paragraphe += 1
        for appel in p.iter(W + "footnoteReference", W + "endnoteReference"):
            if not _dans_une_zone(appel, p):
                genre = "footnote" if appel.tag == W + "footnoteReference" else "endnote"
                self.appels_de_note.append((genre, appel.get(W + "id", ""), self.paragraphe))
        texte = _texte(p)
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style_el.get(W + "val") if style_el is not None else self.styles.defaut
        nom_style = self.styles.nom(style_id) or ""
        if nom_style.casefold().startswith(("toc", "table des matières", "tdm")):
            return  # a table of contents repeats the headings
        numero = _num_pr(ppr.find(W + "numPr") if ppr is not None else None)
        numero = numero or self.styles.numero(style_id)
        imprime = self.numeros.suivant(*numero) if numero else None
        niveau_propre = ppr.find(W + "outlineLvl") if ppr is not None else None
        niveau = None
        if niveau_propre is not None and (v := niveau_propre.get(W + "val", "")).isdigit():
            niveau = int(v) + 1 if int(v) < 9 else None
        self.blocs.append(
            bloc_de_paragraphe(
                texte,
                nom_style,
                self.paragraphe,
                niveau_titre=niveau or self.styles.niveau(style_id),
                numero_titre=imprime,
                liste=(*imprime, (numero[1] if numero else 0) + 1) if imprime else None,
                style_de_liste="list" in nom_style.casefold() or "liste" in nom_style.casefold(),
            )
        )

    def _table(self, tbl: _Element) -> None:
        self.tableau += 1
        for r, tr in enumerate(tbl.findall(W + "tr"), start=1):
            for c, tc in enumerate(tr.findall(W + "tc"), start=1):
                self.blocs.append(
                    Bloc(
                        texte_de_cellule(_texte(p) for p in tc.iter(W + "p")),
                        "cellule",
                        tableau=self.tableau,
                        rangee=r,
                        colonne=c,
                    )
                )
