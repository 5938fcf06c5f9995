"""PT007 sigle.inconnu: an acronym that the référentiel of acronyms does not know."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from projterr.check.constat import Constat
from projterr.check.elements import ElementAction, ElementNoeud
from projterr.check.regle import Contexte, Regle
from projterr.referentiels import Sigles, cle_sigle

_MOT = re.compile(r"[^\W_]+")
_ROMAIN = re.compile(r"(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})")
_AUTRES_MAX = 5  # other places listed in the message


def sigles_candidats(texte: str) -> list[str]:
    """Words that look like acronyms: PCAET, CODECOM, PLUi, SCoT, HTA (in « HTA/BT »), CO2.

    At least two capitals, capitals for at least half the letters, starting with one;
    roman numerals (II, XIV) are not acronyms.
    """
    sortie = []
    for m in _MOT.finditer(texte):
        mot = m.group()
        if not mot[0].isupper():
            continue
        lettres = [c for c in mot if c.isalpha()]
        capitales = sum(c.isupper() for c in lettres)
        if capitales >= 2 and 2 * capitales >= len(lettres) and not _ROMAIN.match(mot):
            sortie.append(mot)
    return sortie


def _en_capitales(texte: str) -> bool:
    """A heading set in capitals (« LES 3 DEFIS »): its words are not acronyms."""
    lettres = [c for c in texte if c.isalpha()]
    return bool(lettres) and sum(c.islower() for c in lettres) <= 0.05 * len(lettres)


@dataclass
class _Occurrence:
    el: ElementNoeud | ElementAction | None  # None: the document's preambule or contexte
    champ: str

    @property
    def ligne(self) -> int | None:
        if isinstance(self.el, ElementNoeud):
            return self.el.noeud._ligne
        return self.el.action._ligne if self.el is not None else None


def _champs(ctx: Contexte) -> Iterator[tuple[ElementNoeud | ElementAction | None, str, str]]:
    for nom in ("preambule", "contexte"):
        for k, paragraphe in enumerate(getattr(ctx.projet, nom)):
            yield None, f"{nom}[{k}]", paragraphe
    for el in ctx.noeuds:
        yield el, "titre", el.noeud.titre
        for k, paragraphe in enumerate(el.noeud.description):
            yield el, f"description[{k}]", paragraphe
    for ea in ctx.actions:
        a = ea.action
        yield ea, "texte", a.texte
        for nom, valeurs in (
            ("sous_points", a.sous_points),
            ("dispositifs", a.dispositifs),
            ("partenaires", a.partenaires),
            ("porteurs", a.porteurs),
        ):
            for k, valeur in enumerate(valeurs):
                yield ea, f"{nom}[{k}]", valeur


def verifier(ctx: Contexte) -> Iterator[Constat]:
    sigles = ctx.sigles if ctx.sigles is not None else _livres()
    inconnus: dict[str, tuple[str, list[_Occurrence]]] = {}
    for el, champ, texte in _champs(ctx):
        candidats = [m for m in sigles_candidats(texte) if sigles.trouver(m) is None]
        if not candidats or (len(candidats) >= 2 and _en_capitales(texte)):
            continue
        for mot in candidats:
            forme, lieux = inconnus.setdefault(cle_sigle(mot), (mot, []))
            lieux.append(_Occurrence(el, champ))
    for forme, lieux in inconnus.values():
        premier = lieux[0]
        message = f"sigle inconnu « {forme} » : absent du référentiel des sigles"
        if len(lieux) > 1:
            autres = sorted({o.ligne for o in lieux[1:] if o.ligne is not None})
            message += f" ({len(lieux)} occurrences"
            if autres:
                liste = ", ".join(str(n) for n in autres[:_AUTRES_MAX])
                suite = "…" if len(autres) > _AUTRES_MAX else ""
                message += f", aussi ligne{'s' if len(autres) > 1 else ''} {liste}{suite}"
            message += ")"
        if premier.el is None:
            yield ctx.constat_document(REGLE, premier.champ, message)
        elif isinstance(premier.el, ElementNoeud):
            yield ctx.constat_noeud(REGLE, premier.el, message, champ=premier.champ)
        else:
            yield ctx.constat_action(REGLE, premier.el, message, champ=premier.champ)


def _livres() -> Sigles:
    from projterr.referentiels import charger_sigles

    return charger_sigles()


REGLE = Regle(
    code="PT007",
    nom="sigle.inconnu",
    titre="Sigle absent du référentiel",
    description="""\
Un mot en capitales (PCAET, CODECOM, PLUi, SCoT…) n’est pas dans le référentiel des sigles
(referentiels/sigles.yaml, complété par --sigles) : le lecteur d’un autre territoire ne le
comprendra pas, et match ne pourra pas le développer. Chaque sigle inconnu est signalé une
fois, à sa première occurrence, avec le nombre d’occurrences.

Anti-pattern :
    - Réflexion sur les bornes électriques en lien avec le SDIRVE.   (sigle jamais expliqué)

Bonne pratique : ajouter le sigle à un fichier de sigles, avec son développé et sa source :
    sigles:
      SDIRVE:
        expansion: schéma directeur des infrastructures de recharge pour véhicules électriques
        categorie: document
        source: loi d’orientation des mobilités, article 68
""",
    verifier=verifier,
)
