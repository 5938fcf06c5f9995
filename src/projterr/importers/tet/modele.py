"""The import template, row by row: one fiche per row, its axe path, its fields, its financeurs;
a filled « Titre de la sous-action » makes a sous-action.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from projterr.importers.tet.classeur import (
    case_de_cote,
    erreur_ligne,
    valeurs_ligne,
    verifier_entetes,
)
from projterr.importers.tet.colonnes import (
    CHAMPS_LISTE,
    CHAMPS_TEXTE,
    COLONNES,
    COLONNES_MAX,
    LIGNE_ENTETES,
    LIGNES_MAX,
    LISTES_MODELE,
    PREMIERE_LIGNE,
    champ_de_colonne,
    lettre_de,
    texte_de,
)
from projterr.model import (
    Financement,
    NonClasse,
)
from projterr.valeurs import lire_date, lire_montant

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


@dataclass
class LigneDuPlan:
    numero: int
    chemin: tuple[str, ...]
    titre: str
    sous_titre: str
    champs: dict[str, Any]
    cellules: dict[str, str] = field(default_factory=dict)  # field → cell text, as written


@dataclass
class LecturePlan:
    """What a sheet gives, before the tree is built."""

    feuille: str
    lignes: list[LigneDuPlan] = field(default_factory=list)
    # axes in order of appearance (a dict as an ordered set)
    chemins: dict[tuple[str, ...], None] = field(default_factory=dict)
    non_classe: list[NonClasse] = field(default_factory=list)
    remarques: list[str] = field(default_factory=list)
    meta: dict[str, Any] | None = None
    export_plateforme: bool = False


def _lire_champs(
    ws: Worksheet,
    nom: str,
    numero: int,
    cellules: dict[str, tuple[int, object]],
    non_classe: list[NonClasse],
    bruts: dict[str, str],
) -> dict[str, Any]:
    """The fields of one row, from ``{label: (column, value)}``; the cell texts of text and
    list fields go to ``bruts``."""
    champs: dict[str, Any] = {}

    def mettre_de_cote(label: str, colonne: int, texte: str, raison: str) -> None:
        non_classe.append(case_de_cote(ws, numero, colonne, texte, f"{raison} ({label})"))

    for label, (colonne, valeur) in cellules.items():
        texte = texte_de(valeur)
        if not texte:
            continue
        nom_champ = CHAMPS_TEXTE.get(label) or CHAMPS_LISTE.get(label)
        if nom_champ:
            bruts[nom_champ] = texte
        lu = champ_de_colonne(label, texte, CHAMPS_TEXTE, CHAMPS_LISTE, LISTES_MODELE)
        if lu is not None:
            cle, lue = lu
            if lue is not None:
                champs[cle] = lue
            else:
                mettre_de_cote(label, colonne, texte, "valeur hors de la liste de la plateforme")
        elif label in ("Date de début", "Date de fin"):
            date = lire_date(valeur)
            if date is None:
                raise erreur_ligne(
                    ws,
                    nom,
                    numero,
                    f"« {texte[:40]} » en colonne {lettre_de(colonne)} ({label}) n'est pas une "
                    "date ; écrivez JJ/MM/AAAA",
                )
            champs["date_debut" if label == "Date de début" else "date_fin"] = date
        elif label == "Budget prévisionnel total € HT":
            montant = lire_montant(valeur)
            if montant is None:
                raise erreur_ligne(
                    ws,
                    nom,
                    numero,
                    f"« {texte[:40]} » en colonne {lettre_de(colonne)} ({label}) n'est pas un "
                    "montant en euros",
                )
            champs["budget"] = montant
        else:
            mettre_de_cote(label, colonne, texte, "pas de champ projterr pour cette colonne")
    return champs


def financeurs_de(
    ws: Worksheet,
    nom: str,
    numero: int,
    paires: list[tuple[tuple[int, object], tuple[int, object]]],
    non_classe: list[NonClasse],
) -> list[Financement]:
    """Financeur N + Montant: a financeur counts only with a name and an amount."""
    financements = []
    for (col_nom, v_nom), (col_montant, v_montant) in paires:
        nom_f, texte_montant = texte_de(v_nom), texte_de(v_montant)
        if not nom_f and not texte_montant:
            continue
        if nom_f and texte_montant:
            montant = lire_montant(v_montant)
            if montant is None:
                raise erreur_ligne(
                    ws,
                    nom,
                    numero,
                    f"« {texte_montant[:40]} » en colonne {lettre_de(col_montant)} (Montant € HT) "
                    "n'est pas un montant en euros",
                )
            financements.append(Financement(financeur=nom_f, montant=montant))
            continue
        colonne, texte = (col_nom, nom_f) if nom_f else (col_montant, texte_montant)
        raison = "financeur sans montant" if nom_f else "montant sans financeur"
        raison = f"{raison}, ignoré par la plateforme"
        non_classe.append(case_de_cote(ws, numero, colonne, texte, raison))
    return financements


def lire_modele(ws: Worksheet, nom: str, lecture: LecturePlan) -> None:
    public = verifier_entetes(ws, nom)
    if public:
        lecture.remarques.append(
            "modèle public de Territoires en Transitions (« Titre de la fiche action ») : lu, "
            "mais la plateforme attend « Titre de l'action » en D2"
        )
    largeur = min(ws.max_column or len(COLONNES), COLONNES_MAX)
    entetes = [texte_de(v) for v in valeurs_ligne(ws, LIGNE_ENTETES, largeur)]
    for numero in range(PREMIERE_LIGNE, min(ws.max_row, LIGNES_MAX) + 1):
        valeurs = valeurs_ligne(ws, numero, largeur)
        if not any(texte_de(v) for v in valeurs):
            continue
        chemin = tuple(t for t in (texte_de(v) for v in valeurs[:3]) if t)
        titre, sous_titre = texte_de(valeurs[3]), texte_de(valeurs[4])
        cellules = {COLONNES[k]: (k + 1, valeurs[k]) for k in range(5, 28) if not 17 <= k <= 22}
        bruts: dict[str, str] = {}
        champs = _lire_champs(ws, nom, numero, cellules, lecture.non_classe, bruts)
        paires = [((k + 1, valeurs[k]), (k + 2, valeurs[k + 1])) for k in (17, 19, 21)]
        financements = financeurs_de(ws, nom, numero, paires, lecture.non_classe)
        if financements:
            champs["financements"] = financements
        for k in range(len(COLONNES), largeur):
            texte = texte_de(valeurs[k])
            if texte:
                label = entetes[k] or "sans titre"
                raison = f"colonne que la plateforme n'importe pas ({label})"
                lecture.non_classe.append(case_de_cote(ws, numero, k + 1, texte, raison))
        ajouter_ligne(ws, nom, lecture, numero, chemin, titre, sous_titre, champs)
        if lecture.lignes and lecture.lignes[-1].numero == numero:
            lecture.lignes[-1].cellules = bruts


def ajouter_ligne(
    ws: Worksheet,
    nom: str,
    lecture: LecturePlan,
    numero: int,
    chemin: tuple[str, ...],
    titre: str,
    sous_titre: str,
    champs: dict[str, Any],
) -> None:
    for k in range(1, len(chemin) + 1):
        lecture.chemins.setdefault(chemin[:k])
    if not titre:
        if sous_titre:
            raise erreur_ligne(
                ws, nom, numero, f"sous-action « {sous_titre[:60]} » sans titre d'action en D"
            )
        if champs:
            raise erreur_ligne(
                ws, nom, numero, "ligne remplie sans titre d'action (colonne D obligatoire)"
            )
        return  # a row of axes only (the platform's export writes them), or an empty one
    lecture.lignes.append(LigneDuPlan(numero, chemin, titre, sous_titre, champs))
