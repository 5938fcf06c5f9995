"""The import template's columns and the codecs of its cells (lists, paragraphs, axe numbers,
the platform's closed lists): what the reader and the writer (:mod:`projterr.export.tet_excel`)
both follow.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from projterr.champs_fiche import CHAMPS_FICHE
from projterr.model import (
    PARTICIPATIONS,
    PRIORITES,
    STATUTS_ACTION,
)

COLONNES: tuple[str, ...] = (
    "Axe (x)",
    "Sous-axe (x.x)",
    "Sous-sous axe (x.x.x)",
    "Titre de l'action",
    "Titre de la sous-action",
    "Descriptif",
    "Instances de gouvernance",
    "Objectifs",
    "Indicateurs liés",
    "Structure pilote",
    "Moyens humains et techniques",
    "Partenaires",
    "Direction ou service pilote",
    "Personne pilote",
    "Élu·e référent·e",
    "Participation Citoyenne",
    "Financements",
    "Financeur 1",
    "Montant € HT",
    "Financeur 2",
    "Montant € HT",
    "Financeur 3",
    "Montant € HT",
    "Budget prévisionnel total € HT",
    "Statut",
    "Niveau de priorité",
    "Date de début",
    "Date de fin",
)
TITRE_MODELE_PUBLIC = "Titre de la fiche action"  # D2 of the public template
COLONNES_MODELE_PUBLIC = (
    "Action en amélioration continue",
    "Mesures liées",
    "Actions liées",
    "Notes",
    "Documents et liens",
)
LIGNE_ENTETES = 2
PREMIERE_LIGNE = 4
TITRE_MAX = 300  # characters, action and sous-action titles (the platform's limit)
# A title cut at TITRE_MAX ends with « … »; its rest opens the Descriptif after this marker.
MARQUE_SUITE = "(suite du titre) …"
FEUILLE_PROJTERR = "projterr"
FORMAT_PROJTERR = "projterr-tet/1"


# Columns E.. of the template → Action fields. Text columns hold one paragraph per line; list
# columns are comma-separated, as the platform reads them.
def colonnes_des_champs(forme: str, export: bool = False) -> dict[str, str]:
    """Column label → Action field, for the text or the list columns (projterr/champs_fiche.py),
    in the order of the template's columns."""
    champs = {
        c.colonne_tet: c.nom
        for c in CHAMPS_FICHE
        if c.colonne_tet and (c.tet_export if export else c.tet_modele) == forme
    }
    ordre = [label for label in COLONNES if label in champs]
    ordre += [label for label in champs if label not in ordre]  # the export's own columns
    return {label: champs[label] for label in ordre}


CHAMPS_TEXTE = colonnes_des_champs("texte")
CHAMPS_LISTE = colonnes_des_champs("liste")

# Safety limits: a workbook is a zip; its directory says how big each part becomes.
LIGNES_MAX = 100_000
COLONNES_MAX = 200

_NUMERO_AXE = re.compile(r"^(\d+(?:\.\d+)*)\. (\S.*)$", re.S)


def separer_liste(texte: str) -> list[str]:
    """Split on commas outside parentheses, brackets, double quotes and « », as the platform
    does (the quotes stay in the item)."""
    items: list[str] = [""]
    profondeur, guillemets = 0, False
    for c in texte:
        if c == '"':
            guillemets = not guillemets
        elif c in "([«" and not guillemets:
            profondeur += 1
        elif c in ")]»" and not guillemets and profondeur:
            profondeur -= 1
        if c == "," and not profondeur and not guillemets:
            items.append("")
        else:
            items[-1] += c
    return [i for i in (" ".join(item.split()) for item in items) if i]


def joindre_liste(items: list[str]) -> str:
    return ", ".join(items)


def separer_paragraphes(texte: str) -> list[str]:
    return [p.strip() for p in texte.replace("\r\n", "\n").split("\n") if p.strip()]


def decouper_axe(cellule: str) -> tuple[str | None, str]:
    """« 1.1. Titre » → ("1.1", "Titre"); any other form stays whole in the title, so that
    ``f"{numero}. {titre}"`` gives the same cell back."""
    m = _NUMERO_AXE.match(cellule)
    if m:
        return m.group(1), m.group(2)
    return None, cellule


def cle_de_valeur(valeur: str) -> str:
    import unicodedata

    decompose = unicodedata.normalize("NFKD", valeur)
    sans = "".join(c for c in decompose if not unicodedata.combining(c))
    return " ".join(sans.replace("-", " ").replace("_", " ").casefold().split())


_VALEURS = {
    "statut": {
        **{cle_de_valeur(v): v for v in STATUTS_ACTION},
        "a discuter": "À discuter",
        "termine": "Réalisé",
        "realisee": "Réalisé",
    },
    "priorite": {
        **{cle_de_valeur(v): v for v in PRIORITES},
        "elevee": "Élevé",
        "moyenne": "Moyen",
        "basse": "Bas",
        "haute": "Élevé",
    },
    "participation_citoyenne": {
        **{cle_de_valeur(v): v for v in PARTICIPATIONS},
        "pas de participation citoyenne": "pas-de-participation",
        "aucune": "pas-de-participation",
        "coconstruction": "co-construction",
    },
}


def valeur_liste(champ: str, texte: str) -> str | None:
    """A value of the platform's lists, matched whatever the case, accents and spaces."""
    return _VALEURS[champ].get(cle_de_valeur(texte))


def texte_de(valeur: object) -> str:
    if valeur is None:
        return ""
    if isinstance(valeur, float) and valeur.is_integer():
        return str(int(valeur))
    if isinstance(valeur, dt.datetime):
        return valeur.strftime("%d/%m/%Y")
    return str(valeur).strip()


def lettre_de(colonne: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(colonne))


# The columns whose values are one of the platform's lists, as each sheet heads them.
LISTES_MODELE = {
    "Statut": "statut",
    "Niveau de priorité": "priorite",
    "Participation Citoyenne": "participation_citoyenne",
}
LISTES_EXPORT = {
    "Statut": "statut",
    "Niveau de priorité": "priorite",
    "Participation citoyenne - type": "participation_citoyenne",
}


def champ_de_colonne(
    label: str,
    texte: str,
    textes: dict[str, str],
    listes: dict[str, str],
    fermees: dict[str, str],
) -> tuple[str, Any] | None:
    """The field a text, list or closed-list column gives, with its value: paragraphs, names,
    or the platform's value (None when ``texte`` is not one of them); None for another
    column (dates, amounts, unknown)."""
    if label in textes:
        return textes[label], separer_paragraphes(texte)
    if label in listes:
        return listes[label], separer_liste(texte)
    if label in fermees:
        return fermees[label], valeur_liste(fermees[label], texte)
    return None
