"""Word's styles as the reader needs them: display names, heading levels (outline level or a
heading style named in any language), and automatic numbering as Word prints it.
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
from projterr.ooxml.revisions import W

if TYPE_CHECKING:
    from lxml.etree import _Element


@dataclass(frozen=True, slots=True)
class _Style(StyleDeParagraphe):
    numero: tuple[str, int] | None  # (numId, ilvl) a list style gives its paragraphs


class StylesWord:
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
                parent=base_el.get(W + "val") if base_el is not None else None,
                niveau=niveau,
                numero=numerotation_de(num_el),
            )
            if s.get(W + "default") in ("1", "true"):
                self.defaut = id_

    def nom(self, id_: str | None) -> str | None:
        style = self.styles.get(id_ or "")
        return style.nom if style else id_

    def niveau(self, id_: str | None) -> int | None:
        """Heading level of a style: its outline level, its name, or its base style's."""
        return niveau_herite(id_, self.styles)

    def numero(self, id_: str | None) -> tuple[str, int] | None:
        vus = set()
        while id_ and id_ not in vus:
            vus.add(id_)
            style = self.styles.get(id_)
            if style is None:
                return None
            if style.numero is not None:
                return style.numero
            id_ = style.parent
        return None


def numerotation_de(num_pr: _Element | None) -> tuple[str, int] | None:
    if num_pr is None:
        return None
    num_id = num_pr.find(W + "numId")
    ilvl = num_pr.find(W + "ilvl")
    if num_id is None or num_id.get(W + "val") in (None, "0"):
        return None
    niveau = ilvl.get(W + "val", "0") if ilvl is not None else "0"
    return (num_id.get(W + "val", "0"), int(niveau) if niveau.isdigit() else 0)


@dataclass
class _Niveau:
    format: str = "decimal"
    texte: str = "%1."
    debut: int = 1
    police: str | None = None


class Numerotation:
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
