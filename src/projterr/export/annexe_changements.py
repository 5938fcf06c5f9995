"""Annex 2 of the délibération: the table of changes the council approves. Each change is placed
(number, parent, old and new place of a move, old and new number); projterr's own metadata
(note, source) is left out; a renumbering to a number the source got wrong (a duplicate, one
out of place) is not presented for approval, and the errors are listed to check instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from projterr.libelles import libelle_champ
from projterr.ooxml.redacteur import Cellule, Contenu, Morceau, Redacteur

if TYPE_CHECKING:
    from projterr.check.constat import Constat
    from projterr.diff import Changement, RapportDiff
    from projterr.diff.rapport import Champ, Cote
    from projterr.model import Projet


def changements_presentes(
    rapport: RapportDiff, projet: Projet
) -> tuple[RapportDiff, list[Constat]]:
    """The changes the délibération presents, and the numbering findings of ``projet`` (the
    new version). A number ``check`` flags — a duplicate, one out of place — is an error of
    the source: a renumbering to it is left out (the element's other changes kept), and the
    annex lists the findings to check instead of asking the council to approve them. The
    document's own record keeps only the fields the council reads: a change of projterr's
    note or source alone is no change of the projet."""
    from dataclasses import replace

    from projterr.check.registre import verifier_numerotation

    constats = verifier_numerotation(projet)
    douteux = {c.id for c in constats if c.id}
    gardes: list[Changement] = []
    for c in rapport.changements:
        if c.nature == DOCUMENT and not c.mineure:
            publics = champs_publics(c)
            if not publics:
                continue
            c = replace(c, champs=tuple(publics))
        if "renumerotation" in c.types and c.nouveau is not None and c.nouveau.id in douteux:
            types = tuple(t for t in c.types if t != "renumerotation")
            if not types:
                continue
            c = replace(c, types=types)
        gardes.append(c)
    return replace(rapport, changements=gardes), constats


DOCUMENT = "document"  # the nature of the diff record about the document itself


def elements_changes(rapport: RapportDiff) -> list[Changement]:
    """The changes people count, node and action by node and action: typographic retouches
    and the document's own metadata (said in one line) are left out."""
    return [c for c in rapport.significatifs() if c.nature != DOCUMENT]


_TYPES_COURTS = {
    "ajout": "Ajout",
    "suppression": "Suppression",
    "deplacement": "Déplacement",
    "modification": "Reformulation",
    "renumerotation": "Renumérotation",
}


def ecrire_annexe_changements(
    red: Redacteur,
    rapport: RapportDiff,
    ancien: Projet | None,
    deliberation: str,
    douteux: list[Constat],
) -> None:
    """Annex 2: one row per change the council reads, placed (``deliberation``: « n° 12 du
    1er mars 2026 », blanks included), then the numbering errors of the source to check."""
    titre = red.titre(1, "Annexe 2", " – ", "Tableau des modifications")
    titre.paragraph_format.page_break_before = True
    red.paragraphe(
        f"Annexe 2 à la délibération {deliberation} : ce qui change "
        "par rapport à la version précédente",
        *([", « ", ancien.document.titre, " »"] if ancien else []),
        ".",
    )
    lignes: list[list[Cellule]] = []
    document = next((c for c in rapport.significatifs() if c.nature == DOCUMENT), None)
    if document is not None:
        lignes.append(_ligne_document(document))
    lignes += [_ligne_element(c, rapport) for c in elements_changes(rapport)]
    if lignes:
        red.grille(["Changement", "Élément", "Avant", "Après"], lignes, [0.2, 0.2, 0.3, 0.3])
    else:  # nothing changed, or only projterr's own metadata (its note, the source)
        red.paragraphe("Aucune modification.")
    if douteux:
        red.paragraphe(
            Morceau("Numérotation à vérifier dans le document soumis", gras=True),
            " (ces numéros ne sont pas présentés comme des renumérotations) :",
        )
        for constat in douteux:
            red.paragraphe(f"{constat.element} : {constat.message}.", style="List Bullet")


def _ligne_element(c: Changement, rapport: RapportDiff) -> list[Cellule]:
    """One change, placed: the element and its number, where it stands (on each side for a
    move), its text before and after, and what moved or was renumbered."""
    from projterr.render.diff.commun import designation, lieu_cote, numero_cote, precisions

    types = " et ".join(_TYPES_COURTS.get(t, t) for t in c.types)
    nom = designation(c)
    cote = c.nouveau or c.ancien
    assert cote is not None
    element: Cellule = [[nom[:1].upper() + nom[1:]]]
    deplace = "deplacement" in c.types
    if not deplace:  # the same place on both sides: said once
        element.append([Morceau(lieu_cote(cote), italique=True)])

    def cote_(x: Cote | None) -> Cellule:
        if x is None:
            return [["—"]]
        cellule: Cellule = []
        if deplace:
            cellule.append([Morceau(lieu_cote(x), italique=True)])
        cellule.append([*_numero(numero_cote(x)), x.texte])
        return cellule

    apres = cote_(c.nouveau)
    apres += [[Morceau(p, italique=True)] for p in precisions(c, rapport) if "Déplacement" not in p]
    return [[[Morceau(types, gras=True)]], element, cote_(c.ancien), apres]


# Fields of the document the council never reads: projterr's own metadata.
_CHAMPS_INTERNES = ("document.note", "document.source", "id")


def champs_publics(c: Changement) -> list[Champ]:
    """The fields of a change the council reads: projterr's own metadata left out."""
    return [
        ch
        for ch in c.champs_visibles()
        if not ch.champ.startswith(_CHAMPS_INTERNES) and not ch.champ.endswith(".id")
    ]


def _ligne_document(c: Changement) -> list[Cellule]:
    """The document's own changes (title, version, dates, preamble…): one row, one line per
    field on each side; projterr's internal fields (note, source) left out."""
    from projterr.render.diff.commun import court, valeur_fr

    def cote(valeur: object, champ: str) -> str:
        if isinstance(valeur, list) and all(isinstance(v, str) for v in valeur):
            return court(" ".join(valeur), 160) if valeur else "—"
        return court(valeur_fr(champ, valeur), 160) if valeur not in (None, "") else "—"

    avant: Cellule = []
    apres: Cellule = []
    for champ in champs_publics(c):
        libelle_ = libelle_champ(champ.champ)
        avant.append([Morceau(libelle_, gras=True), " : ", cote(champ.ancien, champ.champ)])
        apres.append([Morceau(libelle_, gras=True), " : ", cote(champ.nouveau, champ.champ)])
    return [[[Morceau("Modification", gras=True)]], [["Document"]], avant, apres]


def _numero(numero: str | None) -> list[Contenu]:
    return [Morceau(numero, gras=True), " "] if numero else []
