"""Element marks of projterr's Word files: what lets ``import`` read an export back exactly.

Each heading or list item that opens a node or an action carries a bookmark ``pt_<k>``; a
custom XML part (``customXml/projterr.xml``, as Word stores its own data) gives, for each k,
the element's nature, id, type and number as they were in the YAML. The text the reader sees
is read from the paragraphs themselves, so what a person changed in Word is what comes back;
only identity (ids, types, numbers) rides on the marks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from projterr import archive

if TYPE_CHECKING:
    from docx.document import Document as DocumentWord

    from projterr.model import Projet

NS = "urn:projterr:export"
PARTIE = "/customXml/projterr.xml"
PREFIXE_REPERE = "pt_"  # bookmarks pt_1, pt_2…


@dataclass(frozen=True)
class Repere:
    """What a bookmark ``pt_<k>`` stands for: an element's identity as in the YAML."""

    nature: str  # « noeud », « action » (list item), « fiche », « sous_fiche »
    id: str
    type: str | None
    numero: str | None
    sous_actions: list[tuple[str, str | None]]  # ids and numbers of a fiche's sous-actions


def ecrire_reperes(
    document: DocumentWord, reperes: list[Repere], projet: Projet | None = None
) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    racine = etree.Element(f"{{{NS}}}projterr", nsmap={None: NS})
    racine.set("version", "1")
    if projet is not None:  # what the pages do not show
        if projet.niveaux:
            racine.set("niveaux", " ".join(projet.niveaux))
        if projet.document.note:
            racine.set("note", projet.document.note)
        for cle in ("siren", "siret", "code_insee"):
            valeur = getattr(projet.territoire, cle)
            if valeur:
                racine.set(cle, valeur)
    for k, repere in enumerate(reperes, start=1):
        el = etree.SubElement(racine, f"{{{NS}}}element")
        el.set("k", str(k))
        el.set("nature", repere.nature)
        el.set("id", repere.id)
        if repere.type is not None:
            el.set("type", repere.type)
        if repere.numero is not None:
            el.set("numero", repere.numero)
        if repere.sous_actions:
            el.set("sous_actions", json.dumps(repere.sous_actions, ensure_ascii=False))
    octets = etree.tostring(racine, xml_declaration=True, encoding="UTF-8", standalone=True)
    # A model that is itself an export (« --modele projet.docx ») brings its own marks, under
    # this name or another: they describe the model's projet, not this one, and two parts of
    # one name make an invalid archive. They are dropped.
    for rid, relation in list(document.part.rels.items()):
        if (
            relation.reltype == RT.CUSTOM_XML
            and not relation.is_external
            and NS.encode() in getattr(relation.target_part, "blob", b"")
        ):
            document.part.drop_rel(rid)
    partie = Part(PackURI(PARTIE), "application/xml", octets, document.part.package)
    document.part.relate_to(partie, RT.CUSTOM_XML)


def lire_reperes(octets: bytes) -> tuple[dict[str, dict[str, str]], dict[str, str]] | None:
    """``pt_<k>`` → the element's attributes, and the document's own (levels, note); None
    when the part is not projterr's."""
    try:
        racine = etree.fromstring(octets, archive.parseur_xml())
    except etree.XMLSyntaxError:
        return None
    if racine.tag != f"{{{NS}}}projterr":
        return None
    elements = {
        f"{PREFIXE_REPERE}{el.get('k')}": dict(el.attrib) for el in racine.iter(f"{{{NS}}}element")
    }
    return elements, dict(racine.attrib)
