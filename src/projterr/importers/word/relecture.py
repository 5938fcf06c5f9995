"""projterr's own Word export read back: the projet, fiche fields included.

The layout is the one ``projterr export`` writes (``export/docx_projet.py``): a title page,
the contents, the préambule and the contexte, then one heading or list item per element,
marked with a bookmark whose entry in ``customXml/projterr.xml`` gives its id, type and
number (``ooxml/reperes.py``). Texts are read from the paragraphs, so what was changed in
Word comes back; French typography added by the export stays (a diff calls it typography).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from projterr import valeurs
from projterr.ids import Identifiants
from projterr.importers.word.relecture_fiches import (
    NUMERO_EN_TETE,
    STATUTS_DOCUMENT_LUS,
    TYPES_DOCUMENT_LUS,
    entete_fiche,
    ids_sous_actions,
    lire_details,
    lire_fiche,
    niveau_du_style,
    numero_en_tete,
    sans_entete,
    sans_numero,
    textes_du_tableau,
    toutes_sous_actions,
)
from projterr.libelles import titre_libelle
from projterr.model import (
    TYPES_NOEUD_CONNUS,
    Action,
    Document,
    Noeud,
    NonClasse,
    Projet,
    Territoire,
)
from projterr.ooxml.gabarit import (
    DEBUT_DU_PROJET,
    SEPARATEUR,
    TIRET,
)
from projterr.ooxml.modele_defaut import (
    STYLE_DETAILS,
    STYLE_FICHE,
    STYLE_GLOSSAIRE,
    STYLE_LIBELLE,
    STYLE_MENTIONS,
)
from projterr.ooxml.revisions import W, texte_paragraphe

if TYPE_CHECKING:
    from lxml.etree import _Element


def _style(p: _Element, styles: dict[str, str]) -> str:
    el = p.find(f"{W}pPr/{W}pStyle")
    return styles.get(el.get(W + "val"), el.get(W + "val")) if el is not None else "Normal"


def _repere(p: _Element, reperes: dict[str, dict[str, str]]) -> dict[str, str] | None:
    for b in p.iter(W + "bookmarkStart"):
        if b.get(W + "name", "") in reperes:
            return reperes[b.get(W + "name", "")]
    return None


def lire_export(
    corps: _Element,
    styles: dict[str, str],
    reperes: dict[str, dict[str, str]],
    document: dict[str, str] | None = None,
) -> Projet:
    """The projet of a Word file written by ``projterr export``; ``document`` holds what the
    pages do not show (the levels' names, the note), kept in the marks' part."""
    blocs = [el for el in corps if el.tag in (W + "p", W + "tbl")]
    if any(r.get("nature") == DEBUT_DU_PROJET for r in reperes.values()):
        # a délibération: the projet is its annex 1, from the paragraph so marked
        debut = next(
            (
                k
                for k, bloc in enumerate(blocs)
                if (r := _repere(bloc, reperes)) and r.get("nature") == DEBUT_DU_PROJET
            ),
            0,
        )
        blocs = blocs[debut:]
    lecture = LectureExport(blocs, styles, reperes)
    projet = lecture.projet()
    document = document or {}
    if document.get("niveaux"):
        projet.niveaux = document["niveaux"].split(" ")
    elif not reperes:  # its marks lost: the levels' types as its headings name them
        projet.niveaux = lecture.niveaux()
    if document.get("note"):
        projet.document.note = document["note"]
    for cle in ("siren", "siret", "code_insee"):
        if document.get(cle):
            setattr(projet.territoire, cle, document[cle])
    return projet


class LectureExport:
    def __init__(
        self, blocs: list[_Element], styles: dict[str, str], reperes: dict[str, dict[str, str]]
    ) -> None:
        self.blocs = blocs
        self.styles = styles
        self.reperes = reperes
        self.sous_ids: dict[str, list[tuple[str, str | None]]] = {}
        # What the user added in Word: no bookmark, so read by its style and its place.
        self.non_classe: list[NonClasse] = []
        self.types_par_niveau: dict[int, str] = {}  # heading level → node type of this file
        self.ids = Identifiants()
        self.reperes_ids = {r["id"] for r in reperes.values() if r.get("id")}
        self.avec_lignes: set[str] = set()  # actions that received sous-points or details
        self.proprietaire: Action | None = None  # who the current run of such lines is for
        self.ids.reserver(self.reperes_ids)

    def _style(self, k: int) -> str:
        bloc = self.blocs[k]
        return "tableau" if bloc.tag == W + "tbl" else _style(bloc, self.styles)

    def _texte(self, k: int) -> str:
        # LibreOffice writes a page break before a heading, or after the title page, as a
        # break inside the paragraph (« \nPilier 1 – … », « Statut : Projet\n »): not text
        return texte_paragraphe(self.blocs[k]).strip("\n")

    def projet(self) -> Projet:
        document: dict[str, Any] = {"titre": ""}
        territoire: dict[str, Any] = {"nom": ""}
        preambule: list[str] = []
        contexte: list[str] = []
        racines: list[Noeud] = []
        pile: list[tuple[int, Noeud]] = []
        courant: list[str] | None = None  # where Normal paragraphs go
        action: Action | None = None
        fiche: Action | None = None  # the top-level action whose sous-fiches follow
        niveau_fiche: int | None = None  # its heading's level
        # The last action projterr wrote (bookmarked), while the user's new bullets follow it:
        # Enter at the end of a bullet puts the new one before that action's details line.
        marquee: Action | None = None
        k = 0
        page_de_titre = True
        while k < len(self.blocs):
            bloc, style = self.blocs[k], self._style(k)
            texte = self._texte(k) if bloc.tag == W + "p" else ""
            repere = _repere(bloc, self.reperes) if bloc.tag == W + "p" else None
            k += 1
            if style not in ("List Bullet 2", "Détails action"):
                self.proprietaire = None  # a run of sous-points and details ends
            if style.casefold().startswith("toc"):
                page_de_titre = False
                continue
            if page_de_titre:
                self._page_de_titre(style, texte, document, territoire)
                continue
            niveau = niveau_du_style(style)
            if repere is not None and repere["nature"] == "noeud":
                noeud = Noeud(
                    id=repere["id"],
                    type=repere["type"],
                    numero=repere.get("numero"),
                    titre=sans_entete(texte, titre_libelle(repere["type"]), repere.get("numero")),
                )
                while pile and pile[-1][0] >= (niveau or 1):
                    pile.pop()
                (pile[-1][1].enfants if pile else racines).append(noeud)
                pile.append((niveau or 1, noeud))
                self.types_par_niveau.setdefault(niveau or 1, noeud.type)
                courant, action, marquee = noeud.description, None, None
            elif repere is not None and repere["nature"] == "sous_fiche" and fiche is not None:
                # a sous-action with its own fiche: the placeholder its parent's table listed
                sous = next((a for a in toutes_sous_actions(fiche) if a.id == repere["id"]), None)
                if sous is None:
                    sous = Action(id=repere["id"], texte="")
                    fiche.sous_actions.append(sous)
                sous.numero = repere.get("numero")
                sous.texte = sans_entete(texte, "Action", repere.get("numero"))
                self.sous_ids[sous.id] = ids_sous_actions(repere)
                courant, action = sous.description, sous
            elif repere is not None and repere["nature"] in ("action", "fiche"):
                numero = repere.get("numero")
                if repere["nature"] == "action":
                    texte_action = sans_numero(texte, numero)
                else:
                    texte_action = sans_entete(texte, "Action", numero)
                action = Action(id=repere["id"], numero=numero, texte=texte_action)
                self.sous_ids[action.id] = ids_sous_actions(repere)
                fiche = marquee = action
                niveau_fiche = niveau
                if pile:
                    pile[-1][1].actions.append(action)
                else:  # moved above the first level (into the contents, say): kept aside
                    self._mettre_de_cote(k, texte, "action placée avant le premier niveau")
                courant = action.description if repere["nature"] == "fiche" else None
            elif niveau == 1 and texte in ("Préambule", "Contexte"):
                courant, action = (preambule if texte == "Préambule" else contexte), None
            elif niveau == 1 and texte.startswith("Annexe" + TIRET + "Glossaire"):
                break  # the glossary is made from the texts, not part of the projet
            elif (
                repere is None
                and niveau is not None
                and fiche is not None
                and niveau_fiche is not None
                and niveau > niveau_fiche
                and any(
                    valeurs.espaces_simples(a.texte) == valeurs.espaces_simples(texte)
                    for a in toutes_sous_actions(fiche)
                )
            ):
                # a heading without a number under a fiche: the fiche of one of its
                # sous-actions (listed « (fiche ci-dessous) » in the fiche's table)
                sous = self._sous_fiche(fiche, None, texte)
                courant, action = sous.description, sous
            elif repere is None and niveau is not None and (entete := entete_fiche(texte)):
                # « Action 1.2.1 – Texte » without a mark (typed, or the marks were lost): a
                # fiche, or a sous-action's own fiche under its parent's
                numero, texte_action = entete
                if fiche is not None and niveau_fiche is not None and niveau > niveau_fiche:
                    sous = self._sous_fiche(fiche, numero, texte_action)
                    courant, action = sous.description, sous
                elif pile:
                    parent = pile[-1][1]
                    action = Action(
                        id=self.ids.action(texte_action, parent.id),
                        numero=numero,
                        texte=texte_action,
                    )
                    parent.actions.append(action)
                    fiche = marquee = action
                    niveau_fiche = niveau
                    courant = action.description
                else:
                    self._mettre_de_cote(k, texte, "fiche placée avant le premier niveau")
            elif repere is None and niveau is not None and texte.strip():
                # a heading the user added: a new level, its number read from its text
                noeud = self._noeud_ajoute(texte, niveau)
                while pile and pile[-1][0] >= niveau:
                    pile.pop()
                (pile[-1][1].enfants if pile else racines).append(noeud)
                pile.append((niveau, noeud))
                courant, action, fiche, marquee = noeud.description, None, None, None
            elif repere is None and style == "List Bullet" and texte.strip():
                # a bullet the user added: a new action of the level it sits in
                if pile:
                    numero, texte_puce = numero_en_tete(texte)
                    action = Action(
                        id=self.ids.action(texte_puce, pile[-1][1].id),
                        numero=numero,
                        texte=texte_puce,
                    )
                    pile[-1][1].actions.append(action)
                    courant, fiche = None, action
                else:
                    self._mettre_de_cote(k, texte, "puce ajoutée avant le premier niveau")
            elif style == "List Bullet 2" and action is not None:
                self._proprietaire(action, marquee).sous_points.append(texte)
            elif style == "Détails action" and action is not None:
                lire_details(self._proprietaire(action, marquee), texte)
            elif bloc.tag == W + "tbl" and action is not None:
                lire_fiche(action, bloc, self.sous_ids.get(action.id, []))
            elif style == "Fiche action" and not texte:
                continue  # the paragraph after a table
            elif courant is not None and texte:
                courant.append(texte)
            elif action is not None and texte.strip():
                # a paragraph written after an action (a list item): its description
                action.description.append(texte)
            elif texte.strip() or bloc.tag == W + "tbl":
                contenu = texte or " | ".join(textes_du_tableau(bloc))
                if contenu.strip():
                    self._mettre_de_cote(k, contenu, "paragraphe ajouté hors de tout niveau")
        return Projet(
            territoire=Territoire(**territoire),
            document=Document(**document),
            preambule=preambule,
            contexte=contexte,
            contenu=racines,
            non_classe=self.non_classe,
        )

    def _proprietaire(self, action: Action, marquee: Action | None) -> Action:
        """Whose sous-point or details line this is. projterr writes them right under its own
        (bookmarked) actions: when the user typed new bullets between an action and its
        lines (Enter at the end of the bullet), the first run of lines after them is still
        that action's; any later lines are the new bullet's."""
        if self.proprietaire is not None:  # the run of lines goes on
            return self.proprietaire
        proprietaire = action
        if not self.reperes:  # its marks lost: every action is unmarked, each owns its lines
            return action
        if (
            marquee is not None
            and action is not marquee
            and action.id not in self.reperes_ids
            and marquee.id not in self.avec_lignes
        ):
            proprietaire = marquee
        self.avec_lignes.add(proprietaire.id)
        self.proprietaire = proprietaire
        return proprietaire

    def niveaux(self) -> list[str]:
        """The node type of each heading level, from the top, as far as the file names them
        all (« Pilier 1 – … » under Heading 1, « Objectif stratégique 1.1 – … » under 2…)."""
        types: list[str] = []
        for niveau in range(1, 10):
            type_ = self.types_par_niveau.get(niveau)
            if type_ is None or type_ == "section":
                break
            types.append(type_)
        return types

    def _sous_fiche(self, fiche: Action, numero: str | None, texte: str) -> Action:
        """The sous-action whose own fiche this heading opens: the one its parent's table
        listed (same number, else same text), or a new one."""
        sous = next(
            (
                a
                for a in toutes_sous_actions(fiche)
                if (numero and a.numero == numero)
                or valeurs.espaces_simples(a.texte) == valeurs.espaces_simples(texte)
            ),
            None,
        )
        if sous is None:
            sous = Action(id=self.ids.action(texte, fiche.id), texte=texte)
            fiche.sous_actions.append(sous)
        sous.numero, sous.texte = numero, texte
        return sous

    def _noeud_ajoute(self, texte: str, niveau: int) -> Noeud:
        """A heading without a mark: its type is the one this file gives its level (or the
        one its text names), its number the one its text prints."""
        type_ = self.types_par_niveau.get(niveau)
        nomme = _TYPE_NOMME.match(valeurs.espaces_simples(texte))
        if nomme is not None:
            type_ = _TYPES_PAR_LIBELLE.get(nomme.group("libelle").casefold(), type_)
            if type_ is not None:
                self.types_par_niveau.setdefault(niveau, type_)
        type_ = type_ or "section"
        # the number after the type's name, or at the start (« LES 3 DÉFIS » has none)
        numero_lu = NUMERO_EN_TETE.match(valeurs.espaces_simples(texte))
        if nomme is None and not texte[:1].isdigit():
            numero_lu = None
        numero = numero_lu.group("numero") if numero_lu else None
        titre = sans_entete(texte, titre_libelle(type_), numero) if numero else texte
        titre = titre.lstrip(" .:–-").strip() or texte
        return Noeud(id=self.ids.noeud(type_, titre), type=type_, numero=numero, titre=titre)

    def _mettre_de_cote(self, k: int, texte: str, raison: str) -> None:
        # k was already advanced past the bloc: its 1-based position in the body is k
        self.non_classe.append(
            NonClasse(ligne=k, position=f"paragraphe {k}", texte=texte, raison=raison)
        )

    def _page_de_titre(
        self, style: str, texte: str, document: dict[str, Any], territoire: dict[str, Any]
    ) -> None:
        simple = valeurs.espaces_simples(texte)
        if style == "Title":
            document["titre"] = texte
        elif style == "Subtitle":
            territoire["nom"] = texte
        elif texte in TYPES_DOCUMENT_LUS:
            document["type"] = TYPES_DOCUMENT_LUS[texte]
        elif simple.startswith("Version "):
            document["version"] = texte[len("Version ") :]
        elif simple.startswith("Date : "):
            document["date"] = valeurs.lire_date_longue(texte)
        elif simple.startswith("Statut : "):
            document["statut"] = STATUTS_DOCUMENT_LUS.get(simple[len("Statut : ") :])
        elif simple.startswith("Période : "):
            annees = [int(a) for a in re.findall(r"\d{4}", simple)]
            if "à partir" in simple:
                document["periode"] = {"debut": annees[0]}
            elif "jusqu" in simple:
                document["periode"] = {"fin": annees[0]}
            elif len(annees) == 2:
                document["periode"] = {"debut": annees[0], "fin": annees[1]}
        elif simple.startswith("Adoption : "):
            document["adoption"] = _adoption(simple[len("Adoption : ") :])
        elif texte and "titre" in document and territoire.get("nom"):
            pieces = [p.strip() for p in texte.split(SEPARATEUR.strip())]
            for piece in pieces:
                if piece.startswith("département"):
                    territoire["departement"] = valeurs.espaces_simples(piece)[
                        len("département ") :
                    ]
                elif piece:
                    territoire["type"] = piece


# « Objectif opérationnel » → objectif_operationnel: the node types projterr knows by name
_TYPES_PAR_LIBELLE = {titre_libelle(t).casefold(): t for t in TYPES_NOEUD_CONNUS}
_TYPE_NOMME = re.compile(
    r"^(?P<libelle>"
    + "|".join(re.escape(nom) for nom in sorted(_TYPES_PAR_LIBELLE, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)

# The paragraph styles only projterr's export uses.
_STYLES_PROPRES = frozenset(
    (STYLE_DETAILS, STYLE_FICHE, STYLE_GLOSSAIRE, STYLE_LIBELLE, STYLE_MENTIONS)
)


def peut_etre_un_export(styles_xml: bytes, document_xml: bytes) -> bool:
    """What :func:`ressemble_a_un_export` needs, looked for in the raw parts: one of
    projterr's style names, or its glossary heading. Most Word files have neither, and are
    then not parsed twice (here, then by the generic reader)."""
    return b"Glossaire" in document_xml or any(
        nom.encode() in styles_xml for nom in _STYLES_PROPRES
    )


def ressemble_a_un_export(corps: _Element, styles: dict[str, str]) -> bool:
    """Whether a Word body is one projterr wrote, by its structure alone (its marks lost: a
    copy into another document, an online editor's save): the glossary heading projterr
    ends with, or paragraphs in projterr's own styles, beside headings that name their type
    (« Pilier 1 – … », « Action 1.2.1 – … »)."""
    propres, nommes = 0, 0
    for p in corps.iter(W + "p"):
        style = _style(p, styles)
        if style in _STYLES_PROPRES:
            propres += 1
        elif niveau_du_style(style) is not None:
            texte = valeurs.espaces_simples(texte_paragraphe(p)).strip()
            if texte.startswith("Annexe" + TIRET + "Glossaire"):
                propres += 1
            elif _TYPE_NOMME.match(texte) or entete_fiche(texte):
                nommes += 1
    return propres > 0 and nommes > 0


def _adoption(texte: str) -> dict[str, Any]:
    adoption: dict[str, Any] = {}
    m = re.search(r"délibération n°\s*(.+)$", texte)
    if m:
        adoption["deliberation"] = m.group(1).strip()
        texte = texte[: m.start()].rstrip(", ")
    jour = valeurs.lire_date_longue(texte)
    if jour is not None:
        adoption["date"] = jour
        texte = valeurs.DATE_LONGUE.sub("", texte).strip(", ")
    if texte.strip(", "):
        adoption["instance"] = texte.strip(", ")
    return adoption
