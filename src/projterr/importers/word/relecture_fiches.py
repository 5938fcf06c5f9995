"""A fiche of projterr's Word export read back: its heading (« Action 1.2.1 – … »), its table
of fields by their labels (``ooxml/gabarit.py``), amounts and dates as ``valeurs`` writes them,
its sous-actions with the ids its mark gives.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from projterr import valeurs
from projterr.model import (
    Action,
    Financement,
)
from projterr.ooxml.gabarit import (
    DETAILS,
    LIBELLES_LISTES,
    SEPARATEUR,
    TIRET,
)
from projterr.ooxml.revisions import W, texte_paragraphe

if TYPE_CHECKING:
    from lxml.etree import _Element


# The export's labels, read back: one table for the writer and the reader.
_LISTES = {libelle: champ for champ, libelle in LIBELLES_LISTES.items()}
_DETAILS = {libelle: champ for champ, libelle in DETAILS}
_PARTICIPATIONS = {v: k for k, v in valeurs._PARTICIPATIONS.items()}
STATUTS_DOCUMENT_LUS = {v: k for k, v in valeurs.STATUTS_DOCUMENT.items()}
TYPES_DOCUMENT_LUS = {v: k for k, v in valeurs.TYPES_DOCUMENT.items() if v}


# « Objectif opérationnel 1.3.3 – Titre », « Axe 2 : Titre »: the number after the label
NUMERO_EN_TETE = re.compile(r"^(?:\D*?\s)?(?P<numero>\d+(?:\.\d+)*)(?=\s*[–:.-]|\s|$)")


def textes_du_tableau(tableau: _Element) -> list[str]:
    return [t for p in tableau.iter(W + "p") if (t := texte_paragraphe(p).strip())]


# « 1.2.1 – Texte »: a number the export printed before a list item's text
# (« 1.1.a », « 2.3 », « 4b »: starts with a digit, no space)
_NUMERO_ET_TEXTE = re.compile(
    r"^(?P<numero>\d[\w]{0,3}(?:\.[\w]{1,4})*)" + re.escape(TIRET) + r"(?P<texte>.+)$"
)


def numero_en_tete(texte: str) -> tuple[str | None, str]:
    """« 1.2.1 – Texte » → (« 1.2.1 », « Texte »); a text without it → (None, the text)."""
    m = _NUMERO_ET_TEXTE.match(valeurs.espaces_simples(texte))
    if m is None:
        return None, texte
    return m.group("numero"), texte[m.start("texte") :]


def entete_fiche(texte: str) -> tuple[str | None, str] | None:
    """« Action 1.2.1 – Texte » → (« 1.2.1 », « Texte »); None for another heading."""
    if not valeurs.espaces_simples(texte).startswith("Action "):
        return None
    numero, reste = numero_en_tete(texte[len("Action ") :])
    if numero is None:
        return None
    return numero, reste


def niveau_du_style(style: str) -> int | None:
    m = re.fullmatch(r"heading (\d)", style.casefold())
    return int(m.group(1)) if m else None


def sans_entete(texte: str, libelle: str, numero: str | None) -> str:
    """« Pilier 1 – Titre » → « Titre » (the export's heading, read back)."""
    if numero and numero.strip():
        debut = f"{libelle} " if libelle else ""
        for prefixe in (f"{debut}{numero}{TIRET}", f"{debut}{numero}"):
            if valeurs.espaces_simples(texte).startswith(valeurs.espaces_simples(prefixe)):
                return texte[len(prefixe) :]
    return texte


def sans_numero(texte: str, numero: str | None) -> str:
    if (
        numero
        and numero.strip()
        and valeurs.espaces_simples(texte).startswith(valeurs.espaces_simples(numero + TIRET))
    ):
        return texte[len(numero + TIRET) :]
    return texte


def lire_details(action: Action, texte: str) -> None:
    """« Partenaires : A, B · Dispositifs : PAT » → the action's lists."""
    for morceau in valeurs.espaces_simples(texte).split(SEPARATEUR.strip()):
        libelle, _, valeurs_ = morceau.partition(" :")
        champ = _DETAILS.get(libelle.strip())
        if champ is not None:
            getattr(action, champ).extend(v.strip() for v in valeurs_.split(", ") if v.strip())


def _cellule(tc: _Element) -> list[str]:
    return [texte_paragraphe(p) for p in tc.findall(W + "p")]


def _items(lignes: list[str]) -> list[str]:
    """A cell's paragraphs as list items: « – » before each when there are several."""
    items = [t for t in lignes if t.strip()]
    if len(items) > 1:
        return [t[2:] if t.startswith("– ") else t for t in items]
    return items


def ids_sous_actions(repere: dict[str, str]) -> list[tuple[str, str | None]]:
    import json

    try:
        return [(str(i), n) for i, n in json.loads(repere.get("sous_actions", "[]"))]
    except (ValueError, TypeError):
        return []


def toutes_sous_actions(action: Action) -> list[Action]:
    resultat = []
    for sous in action.sous_actions:
        resultat += [sous, *toutes_sous_actions(sous)]
    return resultat


def lire_fiche(action: Action, tbl: _Element, ids: list[tuple[str, str | None]]) -> None:
    for tr in tbl.findall(W + "tr"):
        cellules = tr.findall(W + "tc")
        if len(cellules) != 2:
            continue
        libelle = " ".join(_cellule(cellules[0])).strip()
        valeur = _cellule(cellules[1])
        if libelle in _LISTES:
            getattr(action, _LISTES[libelle]).extend(_items(valeur))
        elif libelle == "Participation citoyenne":
            action.participation_citoyenne = _PARTICIPATIONS.get(valeur[0], valeur[0])  # type: ignore[assignment]
        elif libelle == "Statut":
            action.statut = valeur[0]  # type: ignore[assignment]
        elif libelle == "Priorité":
            action.priorite = valeur[0]  # type: ignore[assignment]
        elif libelle == "Budget prévisionnel":
            action.budget = valeurs.lire_montant(valeur[0])
        elif libelle == "Financeurs":
            for ligne in valeur:
                ligne = ligne[2:] if ligne.startswith("– ") else ligne
                coupure = valeurs.espaces_simples(ligne).rfind(" : ")
                somme = ligne[coupure + 3 :] if coupure >= 0 else ""
                if coupure >= 0 and valeurs.lire_montant(somme) is not None:
                    action.financements.append(
                        Financement(financeur=ligne[:coupure], montant=valeurs.lire_montant(somme))
                    )
                else:
                    action.financements.append(Financement(financeur=ligne))
        elif libelle == "Calendrier":
            for ligne in valeur:
                simple = valeurs.espaces_simples(ligne)
                if simple.startswith("Échéance : "):
                    action.echeance = ligne[len("Échéance : ") :]
                elif simple.startswith("Du "):
                    debut, _, fin = simple[3:].partition(" au ")
                    action.date_debut, action.date_fin = (
                        valeurs.lire_date_longue(debut),
                        valeurs.lire_date_longue(fin),
                    )
                elif simple.startswith("À partir du "):
                    action.date_debut = valeurs.lire_date_longue(simple)
                elif simple.startswith("Jusqu"):
                    action.date_fin = valeurs.lire_date_longue(simple)
        elif libelle == "Sous-actions":
            _sous_actions(action, valeur, ids)


def _sous_actions(action: Action, lignes: list[str], ids: list[tuple[str, str | None]]) -> None:
    """« – 1 – Texte », its « → » sub-points and details: one sous-action each, with the id
    and number the marks kept (in order)."""
    courante: Action | None = None
    for ligne in lignes:
        if ligne.startswith("– "):
            rang = len(action.sous_actions)
            id_, numero = ids[rang] if rang < len(ids) else (f"{action.id}-{rang + 1}", None)
            texte = ligne[2:].removesuffix(" (fiche ci-dessous)")
            if numero and numero.strip():
                texte = sans_numero(texte, numero)
            elif rang >= len(ids):  # no marks: the number is the one printed
                numero, texte = numero_en_tete(texte)
            courante = Action(id=id_, numero=numero, texte=texte)
            action.sous_actions.append(courante)
        elif courante is not None and ligne.startswith("    "):
            contenu = ligne[4:]
            if any(valeurs.espaces_simples(contenu).startswith(f"{lib} :") for lib in _DETAILS):
                lire_details(courante, contenu)
            else:
                courante.sous_points.append(contenu)
