"""Helpers shared by the Word export tests: read a document back, list a projet's texts."""

from __future__ import annotations

import io

import docx
from docx.document import Document as DocumentWord
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from projterr import valeurs
from projterr.model import Action, Projet
from projterr.typographie import typographier


def relire(document: DocumentWord) -> DocumentWord:
    """Save and reopen: the tests read what a user's Word would read."""
    tampon = io.BytesIO()
    document.save(tampon)
    tampon.seek(0)
    return docx.Document(tampon)


def texte_complet(document: DocumentWord) -> str:
    """Every paragraph of the body, tables included, in document order, one per line."""
    return "\n".join(
        Paragraph(p, document._body).text for p in document.element.body.iter(qn("w:p"))
    )


def textes_du_projet(projet: Projet) -> list[str]:
    """What the export must show: every text and value of the projet, as it should read.

    Not shown, on purpose: ids, the document's note and source, SIREN/SIRET/INSEE codes, the
    names of the levels and the import's unclassified lines (none belongs to the strategy).
    """
    t, d = projet.territoire, projet.document
    textes = [t.nom, t.type, t.departement, d.titre, d.version, *projet.preambule, *projet.contexte]
    if d.adoption:
        textes += [d.adoption.instance, d.adoption.deliberation]
    for _, noeud in projet.noeuds():
        textes += [noeud.numero, noeud.titre, *noeud.description]

    def action(a: Action) -> None:
        textes.extend([a.numero, a.texte, a.echeance, a.statut, a.priorite])
        for nom in Action.model_fields:
            valeur = getattr(a, nom)
            if isinstance(valeur, list) and valeur and isinstance(valeur[0], str):
                textes.extend(valeur)
        textes.extend(f.financeur for f in a.financements)
        textes.extend(valeurs.montant(f.montant) for f in a.financements if f.montant is not None)
        if a.budget is not None:
            textes.append(valeurs.montant(a.budget))
        if a.participation_citoyenne:
            textes.append(valeurs.participation(a.participation_citoyenne))
        periode = valeurs.periode(a.date_debut, a.date_fin)
        if periode:
            textes.append(periode)
        for sous_action in a.sous_actions:
            action(sous_action)

    for _, a in projet.actions():
        action(a)
    return [typographier(x).strip() for x in textes if x and x.strip()]
