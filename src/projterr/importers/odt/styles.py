"""ODT styles as the reader needs them: display names, heading levels (outline level or a
heading style, in any language), list styles and the counters that print their numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from projterr.importers.bureautique import (
    StyleDeParagraphe,
    formater_numero,
    niveau_herite,
    puce_lisible,
)
from projterr.importers.odt.ouverture import STYLE, TEXT

if TYPE_CHECKING:
    from lxml.etree import _Element


# ODF's num-format values, as the Word reader's format names.
_FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
}
EN_TETES_ET_PIEDS = tuple(
    STYLE + nom
    for nom in ("header", "footer", "header-first", "footer-first", "header-left", "footer-left")
)

_NOM_CODE = re.compile(r"_([0-9a-fA-F]{2})_")


def _nom_affiche(nom: str) -> str:
    """ODF's encoded style name as the interface shows it (« Titre_20_1 » → « Titre 1 »)."""
    return _NOM_CODE.sub(lambda m: chr(int(m.group(1), 16)), nom)


@dataclass
@dataclass
class _NiveauListe:
    puce: str | None = None  # the bullet character, or None for a numbered level
    format: str = ""  # ODF num-format: « 1 », « a », « I »…; empty: no number
    prefixe: str = ""
    suffixe: str = ""
    debut: int = 1
    affiches: int = 1  # display-levels: « 1.2 » shows two


class StylesOdt:
    def __init__(self, styles_xml: _Element | None, contenu: _Element) -> None:
        self.styles: dict[str, StyleDeParagraphe] = {}
        self.listes: dict[str, dict[int, _NiveauListe]] = {}
        self.plan: dict[int, _NiveauListe] = {}  # text:outline-style: headings' numbering
        for racine in (styles_xml, contenu):
            if racine is None:
                continue
            for s in racine.iter(STYLE + "style"):
                nom = s.get(STYLE + "name")
                if nom is None or s.get(STYLE + "family") != "paragraph":
                    continue
                niveau = s.get(STYLE + "default-outline-level", "")
                self.styles[nom] = StyleDeParagraphe(
                    nom=s.get(STYLE + "display-name") or _nom_affiche(nom),
                    parent=s.get(STYLE + "parent-style-name"),
                    niveau=int(niveau) if niveau.isdigit() and 0 < int(niveau) <= 10 else None,
                )
            for liste in racine.iter(TEXT + "list-style"):
                nom = liste.get(STYLE + "name")
                if nom is not None:
                    self.listes[nom] = _niveaux_de_liste(liste)
            for plan in racine.iter(TEXT + "outline-style"):
                self.plan = _niveaux_de_liste(plan)

    def nom(self, nom: str | None) -> str:
        style = self.styles.get(nom or "")
        return style.nom if style else _nom_affiche(nom or "")

    def niveau(self, nom: str | None) -> int | None:
        """Heading level of a style: its default outline level, its name, or its parent's."""
        return niveau_herite(nom, self.styles, _nom_affiche)

    def famille(self, nom: str | None) -> list[str]:
        """The style and its parents' display names (« Liste à puces » under « Liste »)."""
        noms, vus = [], set()
        while nom and nom not in vus:
            vus.add(nom)
            noms.append(self.nom(nom))
            style = self.styles.get(nom)
            nom = style.parent if style else None
        return noms


def entier(valeur: str | None, defaut: int) -> int:
    return int(valeur) if valeur and valeur.isdigit() and len(valeur) < 6 else defaut


def _niveaux_de_liste(liste: _Element) -> dict[int, _NiveauListe]:
    niveaux = {}
    for el in liste:
        niveau = entier(el.get(TEXT + "level"), 1)
        if el.tag == TEXT + "list-level-style-bullet":
            niveaux[niveau] = _NiveauListe(puce=puce_lisible(el.get(TEXT + "bullet-char")))
        elif el.tag == TEXT + "list-level-style-image":
            niveaux[niveau] = _NiveauListe(puce="•")
        elif el.tag in (TEXT + "list-level-style-number", TEXT + "outline-level-style"):
            niveaux[niveau] = _NiveauListe(
                format=el.get(STYLE + "num-format", ""),
                prefixe=el.get(STYLE + "num-prefix", ""),
                suffixe=el.get(STYLE + "num-suffix", ""),
                debut=entier(el.get(TEXT + "start-value"), 1),
                affiches=entier(el.get(TEXT + "display-levels"), 1),
            )
    return niveaux


class Compteurs:
    """One list's counters, level by level (a nested list counts with its outer list)."""

    def __init__(self, style: dict[int, _NiveauListe]) -> None:
        self.style = style
        self.valeurs: dict[int, int] = {}

    def suivant(self, niveau: int, depart: int | None) -> tuple[str, bool] | None:
        """The printed number (or bullet) of the next item at ``niveau``, and whether it is
        a bullet."""
        definition = self.style.get(niveau)
        if definition is None:
            return None
        if definition.puce is not None:
            return (definition.puce, True)
        for k in [k for k in self.valeurs if k > niveau]:
            del self.valeurs[k]
        if depart is not None:
            self.valeurs[niveau] = depart
        else:
            self.valeurs[niveau] = self.valeurs.get(niveau, definition.debut - 1) + 1
        if not definition.format:
            return None
        premiers = range(max(1, niveau - definition.affiches + 1), niveau + 1)
        chiffres = []
        for k in premiers:
            d = self.style.get(k, _NiveauListe(format="1"))
            valeur = self.valeurs.get(k, d.debut)
            chiffres.append(formater_numero(valeur, _FORMATS.get(d.format, "decimal")))
        texte = f"{definition.prefixe}{'.'.join(chiffres)}{definition.suffixe}".strip()
        return (texte, False) if texte else None
