"""Word fields (table of contents, page number) and the setting that refreshes them on opening.

python-docx has no field API: these are complex fields (``w:fldChar`` begin / separate / end
around a ``w:instrText``), which Word and LibreOffice both read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

INSTRUCTION_TABLE = 'TOC \\o "1-3" \\h \\z \\u'


def _fld_char(type_: str, sale: bool = False) -> object:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), type_)
    if sale:
        el.set(qn("w:dirty"), "true")  # Word recomputes a dirty field when it opens the file
    return el


def champ(paragraphe: Paragraph, instruction: str, resultat: str = "", sale: bool = False) -> None:
    """Append the field ``instruction`` to ``paragraphe``, showing ``resultat`` until updated."""

    paragraphe.add_run()._r.append(_fld_char("begin", sale))
    paragraphe.add_run()._r.append(_instruction(instruction))
    paragraphe.add_run()._r.append(_fld_char("separate"))
    if resultat:
        paragraphe.add_run(resultat)
    paragraphe.add_run()._r.append(_fld_char("end"))


def table_des_matieres(
    place: Paragraph, titres: list[tuple[int, Paragraph]], styles: list[str]
) -> None:
    """Fill the empty paragraph ``place`` with a table of contents of ``titres``.

    ``titres`` are (level, heading paragraph); ``styles`` the ids of the TOC 1-3 styles. The
    field's cached result lists the headings as links to bookmarks, without page numbers
    (only a layout knows them): LibreOffice shows that result as it is, and Word rebuilds the
    field, page numbers included, on opening (``w:dirty``, ``w:updateFields``).
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if not titres:
        champ(place, INSTRUCTION_TABLE, "Table des matières : mettez à jour les champs.", sale=True)
        return
    precedent = None
    for k, (niveau, titre) in enumerate(titres, start=1):
        signet = f"_Toc{k:08d}"
        _signet(titre, k, signet)
        if precedent is None:
            p = place._p
            p.append(_run(_fld_char("begin", sale=True)))
            p.append(_run(_instruction(INSTRUCTION_TABLE)))
            p.append(_run(_fld_char("separate")))
        else:
            p = OxmlElement("w:p")
            precedent.addnext(p)
        ppr = p.get_or_add_pPr()
        ppr.get_or_add_pStyle().val = styles[min(niveau, 3) - 1]
        lien = OxmlElement("w:hyperlink")
        lien.set(qn("w:anchor"), signet)
        lien.set(qn("w:history"), "1")
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = " ".join(titre.text.split())
        lien.append(_run(t))
        p.append(lien)
        precedent = p
    assert precedent is not None
    precedent.append(_run(_fld_char("end")))


def _signet(titre: Paragraph, id_: int, nom: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    debut = OxmlElement("w:bookmarkStart")
    debut.set(qn("w:id"), str(id_))
    debut.set(qn("w:name"), nom)
    fin = OxmlElement("w:bookmarkEnd")
    fin.set(qn("w:id"), str(id_))
    p = titre._p
    if p.pPr is not None:
        p.pPr.addnext(debut)
    else:
        p.insert(0, debut)
    p.append(fin)


def _run(enfant: object) -> object:
    from docx.oxml import OxmlElement

    r = OxmlElement("w:r")
    r.append(enfant)
    return r


def _instruction(texte: str) -> object:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:instrText")
    el.set(qn("xml:space"), "preserve")
    el.text = f" {texte} "
    return el


def numero_de_page(paragraphe: Paragraph) -> None:
    champ(paragraphe, "PAGE", "1")
