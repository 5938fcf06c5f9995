"""The projet as a Word document: title page, table of contents, the tree, fiches, glossary.

Each level of the tree is a heading (Heading 1 for the top level…) whose text carries the
document's own numbering (« Pilier 1 – … »). An action with nothing but its text (and the
partners or programmes it names) is a list item; an action with fiche fields becomes a fiche:
a heading one level below its objective, its description, then a two-column table of the
fields that are filled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from projterr import valeurs
from projterr.export.glossaire import glossaire
from projterr.libelles import titre_libelle
from projterr.model import Action, Noeud, Projet
from projterr.ooxml.champs import table_des_matieres
from projterr.ooxml.gabarit import (
    CHAMPS_LISTE,
    DEBUT_DU_PROJET,
    DETAILS,
    LIBELLES_LISTES,
    SEPARATEUR,
    TIRET,
)
from projterr.ooxml.modele_defaut import (
    STYLE_DETAILS,
    STYLE_GLOSSAIRE,
    STYLE_MENTIONS,
)
from projterr.ooxml.redacteur import Cellule, Contenu, Morceau, Redacteur

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

    from projterr.referentiels import Sigles

_CHAMPS_FICHE = tuple(
    n for n in Action.model_fields if n not in {"id", "numero", "texte", *CHAMPS_LISTE}
)


def est_fiche(action: Action) -> bool:
    """Whether ``action`` has any field beyond its text and the ones a list item shows."""
    return any(_rempli(getattr(action, nom)) for nom in _CHAMPS_FICHE)


def _rempli(valeur: object) -> bool:
    if valeur is None:
        return False
    if isinstance(valeur, str):
        return bool(valeur.strip())
    if isinstance(valeur, list):
        return any(_rempli(v) for v in valeur)
    return True


def niveaux_de_titre(projet: Projet) -> int:
    """The deepest heading level the document uses (1 for préambule and glossary)."""
    profondeur = 1

    def fiches(actions: list[Action], niveau: int) -> None:
        nonlocal profondeur
        for action in actions:
            if est_fiche(action):
                profondeur = max(profondeur, niveau)
                fiches(action.sous_actions, niveau + 1)

    for parents, noeud in projet.noeuds():
        niveau = len(parents) + 1
        profondeur = max(profondeur, niveau)
        fiches(noeud.actions, niveau + 1)
    return min(profondeur, 9)


def ecrire_projet(
    red: Redacteur,
    projet: Projet,
    sigles: Sigles,
    annexe: str | None = None,
    apres: Callable[[Redacteur], None] | None = None,
) -> None:
    """Write the whole projet into ``red``'s body.

    ``annexe`` heads the title page when the projet is an annex of a délibération; ``apres``
    writes what follows the glossary (another annex), before the contents are filled in.
    """
    red.proprietaire = "@titre"
    _page_de_titre(red, projet, annexe)
    red.proprietaire = "@sommaire"
    sommaire = _sommaire(red)
    premier = True
    for nom, paragraphes in (("Préambule", projet.preambule), ("Contexte", projet.contexte)):
        red.proprietaire = "@" + nom.lower()
        if any(p.strip() for p in paragraphes):
            titre = red.titre(1, nom)
            # a page after the contents; the context goes on with the préambule's page
            titre.paragraph_format.page_break_before = premier
            premier = False
            for texte in paragraphes:
                red.paragraphe(texte)
    for noeud in projet.contenu:
        _noeud(red, noeud, 1, premier)
        premier = False
    red.proprietaire = "@glossaire"
    _glossaire(red, sigles)
    if apres is not None:
        apres(red)
    _remplir_sommaire(red, sommaire)


def _saut(paragraphe: object, oui: bool = True) -> None:
    """A page break before ``paragraphe``, whatever its style says (after the contents)."""
    if oui:
        paragraphe.paragraph_format.page_break_before = True  # type: ignore[attr-defined]


def _page_de_titre(red: Redacteur, projet: Projet, annexe: str | None = None) -> None:
    from docx.shared import Pt

    doc, territoire = projet.document, projet.territoire
    if annexe:
        mention = red.paragraphe(Morceau(annexe, gras=True), style=STYLE_MENTIONS)
        _saut(mention)
        # where the projet begins: ``import`` reads the annex alone, not the délibération
        red.reperer(mention, DEBUT_DU_PROJET, "@annexe", None, None)
    nature = valeurs.TYPES_DOCUMENT.get(doc.type, "")
    entete = red.paragraphe(nature, style=STYLE_MENTIONS)
    entete.paragraph_format.space_before = Pt(150)  # the title sits in the upper third
    red.paragraphe(doc.titre, style="Title")
    red.paragraphe(territoire.nom, style="Subtitle")
    identite: list[Contenu] = []
    if territoire.type:
        identite.append(territoire.type)
    if territoire.departement:
        if identite:
            identite.append(SEPARATEUR)
        identite += ["département ", territoire.departement]
    lignes: list[list[Contenu]] = [identite] if identite else []
    if doc.version:
        lignes.append(["Version ", doc.version])
    if doc.date:
        lignes.append([f"Date : {valeurs.date(doc.date)}"])
    if doc.statut:
        lignes.append([f"Statut : {valeurs.STATUTS_DOCUMENT[doc.statut]}"])
    if doc.periode and (doc.periode.debut or doc.periode.fin):
        debut, fin = doc.periode.debut, doc.periode.fin
        periode = (
            f"{debut}–{fin}"
            if debut and fin
            else f"à partir de {debut}"
            if debut
            else f"jusqu’en {fin}"
        )
        lignes.append([f"Période : {periode}"])
    if doc.adoption and _adoption(projet):
        lignes.append(_adoption(projet))
    for ligne in lignes:
        red.paragraphe(*ligne, style=STYLE_MENTIONS)


def _adoption(projet: Projet) -> list[Contenu]:
    """« Adoption : Conseil syndical, 30 juin 2025, délibération n° 2025-014 »."""
    adoption = projet.document.adoption
    assert adoption is not None
    pieces: list[Contenu] = []
    for piece in (
        [adoption.instance] if adoption.instance else [],
        [valeurs.date(adoption.date)] if adoption.date else [],
        [f"délibération n°{valeurs.ESPACE_INSECABLE}", adoption.deliberation]
        if adoption.deliberation
        else [],
    ):
        if piece:
            pieces += [", "] if pieces else []
            pieces += piece
    return ["Adoption : ", *pieces] if pieces else []


def _sommaire(red: Redacteur) -> Paragraph:
    titre = red.paragraphe("Sommaire", style="TOC Heading")
    _saut(titre)
    return red.paragraphe(style="Normal")


def _remplir_sommaire(red: Redacteur, place: Paragraph) -> None:
    titres = [(niveau, p) for niveau, p in red.titres if niveau <= 3]
    styles = [red.style(f"toc {n}") for n in (1, 2, 3)]
    table_des_matieres(place, titres, styles)


def _entete(libelle: str, numero: str | None, titre: str) -> list[Contenu]:
    """« Pilier » « 1 » « – » « Titre »: each piece typographed on its own."""
    pieces: list[Contenu] = []
    if numero and numero.strip():
        pieces += [f"{libelle} " if libelle else "", numero]
        if titre.strip():
            pieces.append(TIRET)
    pieces.append(titre)
    return pieces


def _noeud(red: Redacteur, noeud: Noeud, niveau: int, saut: bool = False) -> None:
    red.proprietaire = noeud.id
    titre = red.titre(niveau, *_entete(titre_libelle(noeud.type), noeud.numero, noeud.titre))
    red.reperer(titre, "noeud", noeud.id, noeud.type, noeud.numero)
    _saut(titre, saut)
    for texte in noeud.description:
        red.paragraphe(texte)
    for action in noeud.actions:
        red.proprietaire = action.id  # its sous-actions' fiches are part of its blocks
        _action(red, action, niveau + 1)
    for enfant in noeud.enfants:
        _noeud(red, enfant, niveau + 1)


def _action(red: Redacteur, action: Action, niveau: int, sous: bool = False) -> None:
    if not est_fiche(action):
        puce = red.paragraphe(*_intitule(action), style="List Bullet")
        red.reperer(puce, "action", action.id, None, action.numero)
        for point in action.sous_points:
            red.paragraphe(point, style="List Bullet 2")
        details = _details(action)
        if details:
            red.paragraphe(*details, style=STYLE_DETAILS)
        return
    titre = red.titre(niveau, *_entete("Action", action.numero, action.texte))
    red.reperer(
        titre,
        "sous_fiche" if sous else "fiche",
        action.id,
        None,
        action.numero,
        [(s.id, s.numero) for s in action.sous_actions],
    )
    for texte in action.description:
        red.paragraphe(texte)
    lignes = _lignes_fiche(action)
    if lignes:
        red.tableau(lignes)
    for sous_action in action.sous_actions:
        if est_fiche(sous_action):
            _action(red, sous_action, niveau + 1, sous=True)


def _intitule(action: Action) -> list[Contenu]:
    if action.numero and action.numero.strip():
        return [action.numero, TIRET, action.texte]
    return [action.texte]


def _details(action: Action) -> list[Contenu]:
    """« Partenaires : A, B · Dispositifs : PAT » for a list item."""
    pieces: list[Contenu] = []
    for nom, libelle in DETAILS:
        valeurs_ = [v for v in getattr(action, nom) if v.strip()]
        if not valeurs_:
            continue
        if pieces:
            pieces.append(SEPARATEUR)
        pieces.append(f"{libelle} : ")
        pieces += _joindre(valeurs_)
    return pieces


def _joindre(textes: list[str]) -> list[Contenu]:
    pieces: list[Contenu] = []
    for k, texte in enumerate(textes):
        if k:
            pieces.append(", ")
        pieces.append(texte)
    return pieces


def _liste(textes: list[str]) -> Cellule:
    """One paragraph per item; a dash before each when there are several."""
    items = [t for t in textes if t.strip()]
    if len(items) == 1:
        return [[items[0]]]
    return [["– ", t] for t in items]


def _lignes_fiche(action: Action) -> list[tuple[str, Cellule]]:
    lignes: list[tuple[str, Cellule]] = []

    def liste(champ: str) -> None:
        textes = getattr(action, champ)
        if any(t.strip() for t in textes):
            lignes.append((LIBELLES_LISTES[champ], _liste(textes)))

    def valeur(libelle: str, texte: str | None) -> None:
        if texte and texte.strip():
            lignes.append((libelle, [[texte]]))

    liste("sous_points")
    liste("objectifs")
    liste("resultats_attendus")
    liste("cibles")
    liste("structures_pilotes")
    liste("services_pilotes")
    liste("personnes_pilotes")
    liste("elus_referents")
    liste("porteurs")
    liste("partenaires")
    liste("gouvernance")
    liste("moyens")
    if action.participation_citoyenne:
        valeur("Participation citoyenne", valeurs.participation(action.participation_citoyenne))
    liste("modalites_financement")
    financeurs: Cellule = []
    for f in action.financements:
        ligne: list[Contenu] = ["– " if len(action.financements) > 1 else "", f.financeur]
        if f.montant is not None:
            ligne += [" : ", valeurs.montant(f.montant)]
        financeurs.append(ligne)
    if financeurs:
        lignes.append(("Financeurs", financeurs))
    if action.budget is not None:
        lignes.append(
            ("Budget prévisionnel", [[Morceau(valeurs.montant(action.budget), gras=True)]])
        )
    calendrier: Cellule = []
    periode = valeurs.periode(action.date_debut, action.date_fin)
    if periode:
        calendrier.append([periode])
    if action.echeance and action.echeance.strip():
        calendrier.append(["Échéance : ", action.echeance])
    if calendrier:
        lignes.append(("Calendrier", calendrier))
    valeur("Statut", action.statut)
    valeur("Priorité", action.priorite)
    liste("indicateurs")
    liste("dispositifs")
    liste("thematiques")
    sous_actions: Cellule = []
    for sous_action in action.sous_actions:
        if est_fiche(sous_action):  # its own fiche follows this one
            sous_actions.append(["– ", *_intitule(sous_action), " (fiche ci-dessous)"])
            continue
        sous_actions.append(["– ", *_intitule(sous_action)])
        sous_actions += [["    ", point] for point in sous_action.sous_points if point.strip()]
        details = _details(sous_action)
        if details:
            sous_actions.append(["    ", *details])
    if sous_actions:
        lignes.append(("Sous-actions", sous_actions))
    return lignes


def _glossaire(red: Redacteur, sigles: Sigles) -> None:
    entrees = glossaire(red.textes, sigles)
    if not entrees:
        return
    _saut(red.titre(1, "Annexe", TIRET, "Glossaire des sigles"))
    for sigle in entrees:
        red.paragraphe(
            Morceau(sigle.sigle, gras=True),
            "\t",
            _majuscule(sigle.expansion),
            style=STYLE_GLOSSAIRE,
        )


def _majuscule(texte: str) -> str:
    return texte[:1].upper() + texte[1:]
