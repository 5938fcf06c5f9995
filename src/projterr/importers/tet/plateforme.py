"""The platform's own export (« Plan d'action »): section titles merged in row 1, labels in
row 2, data from row 3 and only the columns that hold something, read by label.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from projterr.importers.tet.classeur import case_de_cote, fusions, valeurs_ligne
from projterr.importers.tet.colonnes import (
    COLONNES_MAX,
    LIGNES_MAX,
    LISTES_EXPORT,
    TITRE_MODELE_PUBLIC,
    champ_de_colonne,
    colonnes_des_champs,
    texte_de,
)
from projterr.importers.tet.modele import LecturePlan, ajouter_ligne, financeurs_de
from projterr.valeurs import lire_date, lire_montant

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


_EXPORT_PROFONDEUR = {"Axe (x)": 1, "Sous-axe (x.x)": 2, "Sous-sous-axe (x.x.x)": 3}
_EXPORT_CHAMPS_TEXTE = colonnes_des_champs("texte", export=True)
_EXPORT_CHAMPS_LISTE = colonnes_des_champs("liste", export=True)
_NON_CLASSEE = "(Fiche non classée)"


def est_export(ws: Worksheet) -> bool:
    a1 = texte_de(ws["A1"].value)
    entetes = {texte_de(v) for v in valeurs_ligne(ws, 2, min(ws.max_column or 1, COLONNES_MAX))}
    return a1 == "Présentation de l'action" and TITRE_MODELE_PUBLIC in entetes


def lire_export(ws: Worksheet, nom: str, lecture: LecturePlan) -> None:
    lecture.export_plateforme = True
    largeur = min(ws.max_column or 1, COLONNES_MAX)
    entetes = [texte_de(v) for v in valeurs_ligne(ws, 2, largeur)]
    profondeur = [
        k
        for k, e in enumerate(entetes)
        if e in _EXPORT_PROFONDEUR or re.fullmatch(r"x(\.x){3,}", e)
    ]
    titre_col = entetes.index(TITRE_MODELE_PUBLIC)
    fusions(ws, nom, 3)
    for numero in range(3, min(ws.max_row, LIGNES_MAX) + 1):
        valeurs = valeurs_ligne(ws, numero, largeur)
        if not any(texte_de(v) for v in valeurs):
            continue
        chemin = tuple(
            t for t in (texte_de(valeurs[k]) for k in profondeur) if t and t != _NON_CLASSEE
        )
        titre = texte_de(valeurs[titre_col])
        champs: dict[str, Any] = {}
        financeurs: dict[int, list[tuple[int, object]]] = {}
        for k, label in enumerate(entetes):
            if k in profondeur or k == titre_col:
                continue
            valeur, texte = valeurs[k], texte_de(valeurs[k])
            if m := re.fullmatch(r"Financeur (\d+)", label):
                financeurs.setdefault(int(m.group(1)), []).insert(0, (k + 1, valeur))
                continue
            if label.startswith("Montant") and financeurs:
                financeurs[max(financeurs)].append((k + 1, valeur))
                continue
            if not texte:
                continue
            lu = champ_de_colonne(
                label, texte, _EXPORT_CHAMPS_TEXTE, _EXPORT_CHAMPS_LISTE, LISTES_EXPORT
            )
            if lu is not None:
                cle, lue = lu
                if lue is not None:
                    champs[cle] = lue
                else:
                    _de_cote(lecture, ws, numero, k, label, texte, "valeur hors liste")
            elif label in ("Date de début", "Date de fin") and (date := lire_date(valeur)):
                champs["date_debut" if label == "Date de début" else "date_fin"] = date
            elif (
                label.startswith("Budget prévisionnel")
                and (montant := lire_montant(valeur)) is not None
            ):
                champs["budget"] = montant
            else:
                _de_cote(lecture, ws, numero, k, label, texte, "pas de champ projterr")
        paires = [(p[0], p[1]) for _, p in sorted(financeurs.items()) if len(p) == 2]
        financements = financeurs_de(ws, nom, numero, paires, lecture.non_classe)
        if financements:
            champs["financements"] = financements
        ajouter_ligne(ws, nom, lecture, numero, chemin, titre, "", champs)
    if any("TTC" in e for e in entetes):
        lecture.remarques.append(
            "export de la plateforme : budget et montants y sont TTC, lus tels quels"
        )


def _de_cote(
    lecture: LecturePlan, ws: Worksheet, numero: int, k: int, label: str, texte: str, raison: str
) -> None:
    lecture.non_classe.append(case_de_cote(ws, numero, k + 1, texte, f"{raison} ({label})"))
