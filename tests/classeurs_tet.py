"""Territoires en Transitions workbooks built the way their authors build them, for the tests.

``plan_realiste()`` is a plan filled in the platform's import template by a chargé de mission:
sous-actions, financeurs (one without its amount), dates typed as text and as Excel dates,
statut values with stray case and trailing spaces (as the template's own list has them), lists
with commas inside parentheses and « ». ``export_plateforme()`` is the platform's own export.
The bad workbooks of ``MAUVAIS`` each break one rule.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any

from openpyxl import Workbook

from projterr.importers.tet.colonnes import COLONNES, COLONNES_MODELE_PUBLIC, TITRE_MODELE_PUBLIC


def classeur(
    lignes: list[dict[str, Any]],
    entetes: list[str] | None = None,
    feuille: str = "Fichier dimport",
    avant: Callable[[Any], None] | None = None,
) -> bytes:
    """The import template with ``lignes`` from row 4; each line maps a header (or a column
    letter) to a value."""
    from openpyxl.utils import column_index_from_string

    entetes = list(COLONNES) if entetes is None else entetes
    wb = Workbook()
    wb.active.title = "Mode demploi"
    wb.active["A1"] = "Comment remplir le fichier d'import"
    ws = wb.create_sheet(feuille)
    wb.create_sheet("Listes déroulantes")["A1"] = "À venir"
    for k, label in enumerate(entetes, start=1):
        ws.cell(row=2, column=k, value=label)
        ws.cell(row=3, column=k, value="Texte")
    for i, ligne in enumerate(lignes):
        montants = 0
        for cle, valeur in ligne.items():
            if cle.isupper() and len(cle) <= 2:
                colonne = column_index_from_string(cle)
            elif cle == "Montant € HT":
                colonne = [19, 21, 23][montants]
                montants += 1
            else:
                colonne = entetes.index(cle) + 1
            ws.cell(row=4 + i, column=colonne, value=valeur)
    if avant:
        avant(ws)
    tampon = io.BytesIO()
    wb.save(tampon)
    return tampon.getvalue()


AXE1 = "1. Accélérer la transition énergétique"
SOUS1 = "1.1. Rénover les bâtiments"
SOUS2 = "1.2. Développer les énergies renouvelables"
AXE2 = "2. Mobilité"


def plan_realiste() -> bytes:
    return classeur(
        [
            {
                "A": AXE1,
                "B": SOUS1,
                "D": "Créer un guichet unique de la rénovation",
                "Descriptif": "Un lieu d'accueil pour les ménages.\nPermanences dans les "
                "maisons France services.",
                "Instances de gouvernance": "Comité de pilotage, Conseil syndical",
                "Structure pilote": "PETR Cœur de Lorraine",
                "Partenaires": "ADEME, Région Grand Est (service énergie, climat), "
                "« Habiter mieux, Anah »",
                "Personne pilote": "Claire Martin",
                "Élu·e référent·e": "M. le Vice-président",
                "Participation Citoyenne": "Concertation ",
                "Financements": "Programme SARE",
                "Financeur 1": "ADEME",
                "Montant € HT": 25000,
                "Financeur 2": "Région Grand Est",
                "W": 12000.5,  # Montant of Financeur 3, blank name: a sum without its funder
                "Budget prévisionnel total € HT": "60 000 €",
                "Statut": "En cours ",
                "Niveau de priorité": "élevé",
                "Date de début": "01/03/2025",
                "Date de fin": dt.datetime(2027, 12, 31),
            },
            {
                "A": AXE1,
                "B": SOUS1,
                "D": "Créer un guichet unique de la rénovation",
                "E": "Recruter deux conseillers",
                "Statut": "A discuter",
                "Date de début": dt.datetime(2025, 9, 1),
            },
            {
                "A": AXE1,
                "B": SOUS1,
                "D": "Créer un guichet unique de la rénovation",
                "E": "Ouvrir les permanences",
                "Statut": "à venir  ",
            },
            {
                "A": AXE1,
                "B": SOUS2,
                "C": "1.2.1. Solaire",
                "D": "Cadastre solaire",
                "Statut": "Réalisé",
                "Participation Citoyenne": "pas de participation",
            },
            {"A": AXE2, "D": "Schéma cyclable", "Statut": "EN RETARD", "Date de fin": "2026-06-30"},
        ]
    )


def modele_public() -> bytes:
    """The public template's spelling of D2, its five extra columns, one of them filled."""
    entetes = list(COLONNES)
    entetes[3] = TITRE_MODELE_PUBLIC
    entetes += list(COLONNES_MODELE_PUBLIC)
    return classeur(
        [{"A": AXE2, "D": "Covoiturage", "Notes": "Voir la délibération du 12 mars"}],
        entetes=entetes,
        feuille="Fichier d'import",
    )


def export_plateforme() -> bytes:
    """The platform's « Plan d'action » export: merged section titles in row 1, labels in row 2,
    axe rows and fiche rows from row 3, only the columns that hold something."""
    sections = [
        ("Présentation de l'action", ["Axe (x)", "Sous-axe (x.x)", "Sous-sous-axe (x.x.x)",
                                      TITRE_MODELE_PUBLIC, "Descriptif", "Thématique principale"]),
        ("Modalités de mise en oeuvre", ["Statut", "Niveau de priorité", "Date de début"]),
        ("Acteurs", ["Personne pilote", "Partenaires", "Participation citoyenne - type"]),
        ("Budget", ["Financements", "Budget prévisionnel total (€ TTC)", "Financeur 1",
                    "Montant (€ TTC)"]),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan d'action"
    colonne = 1
    labels: list[str] = []
    for titre, cols in sections:
        ws.cell(row=1, column=colonne, value=titre)
        ws.merge_cells(
            start_row=1, start_column=colonne, end_row=1, end_column=colonne + len(cols) - 1
        )
        for k, label in enumerate(cols):
            ws.cell(row=2, column=colonne + k, value=label)
        labels += cols
        colonne += len(cols)
    lignes: list[dict[str, Any]] = [
        {"Axe (x)": AXE1},
        {"Axe (x)": AXE1, "Sous-axe (x.x)": SOUS1},
        {
            "Axe (x)": AXE1,
            "Sous-axe (x.x)": SOUS1,
            TITRE_MODELE_PUBLIC: "Créer un guichet unique",
            "Descriptif": "Accueillir les ménages.",
            "Thématique principale": "Énergie",
            "Statut": "En cours",
            "Niveau de priorité": "Élevé",
            "Date de début": "01/03/2025",
            "Personne pilote": "Claire Martin",
            "Partenaires": "ADEME, Région Grand Est",
            "Participation citoyenne - type": "Pas de participation citoyenne",
            "Financements": "SARE",
            "Budget prévisionnel total (€ TTC)": 72000,
            "Financeur 1": "ADEME",
            "Montant (€ TTC)": 30000,
        },
        {"Axe (x)": "(Fiche non classée)", TITRE_MODELE_PUBLIC: "Fiche orpheline d'axe"},
    ]
    for i, ligne in enumerate(lignes):
        for label, valeur in ligne.items():
            ws.cell(row=3 + i, column=labels.index(label) + 1, value=valeur)
    tampon = io.BytesIO()
    wb.save(tampon)
    return tampon.getvalue()


# --- bad workbooks -------------------------------------------------------------------------

_UNE = [{"A": AXE2, "D": "Schéma cyclable"}]


def _colonne_manquante() -> bytes:
    return classeur(_UNE, entetes=[c for c in COLONNES if c != "Objectifs"])


def _colonnes_desordre() -> bytes:
    entetes = list(COLONNES)
    entetes[5], entetes[6] = entetes[6], entetes[5]
    return classeur(_UNE, entetes=entetes)


def _fusion() -> bytes:
    lignes = [{"A": AXE2, "D": "Schéma cyclable"}, {"D": "Covoiturage"}]
    return classeur(lignes, avant=lambda ws: ws.merge_cells("A4:A5"))


def _formule() -> bytes:
    return classeur([{"A": AXE2, "D": "Schéma cyclable", "Budget prévisionnel total € HT": "=2*3"}])


def _date_texte() -> bytes:
    return classeur([{"A": AXE2, "D": "Schéma cyclable", "Date de début": "début 2025"}])


def _zip_tronque() -> bytes:
    return classeur(_UNE)[:1500]


def _bombe() -> bytes:
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\x00" * (64 * 1024 * 1024))
    return tampon.getvalue()


def _chiffre() -> bytes:
    """What Excel writes for « Protéger par mot de passe »: a compound file (OLE) holding an
    EncryptionInfo and an EncryptedPackage stream instead of the zip."""
    entete = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    entete = entete.ljust(512, b"\x00")
    repertoire = b"".join(
        nom.encode("utf-16-le").ljust(64, b"\x00") + bytes(64)
        for nom in ("Root Entry", "EncryptionInfo", "EncryptedPackage")
    )
    return entete + repertoire.ljust(512, b"\x00") + bytes(1024)


def _doublon() -> bytes:
    return classeur([{"A": AXE2, "D": "Schéma cyclable"}, {"A": AXE2, "D": "Schéma cyclable"}])


def _orpheline() -> bytes:
    # The sous-action's path (axe 1) differs from its fiche's (axe 2).
    sous_action = {"A": AXE1, "D": "Schéma cyclable", "E": "Tracer les pistes"}
    return classeur([{"A": AXE2, "D": "Schéma cyclable"}, sous_action])


def _montant() -> bytes:
    return classeur([{"A": AXE2, "D": "Vélo", "Financeur 1": "Région", "Montant € HT": "beaucoup"}])


def _sans_onglet() -> bytes:
    wb = Workbook()
    wb.active["A1"] = "Budget 2025"
    tampon = io.BytesIO()
    wb.save(tampon)
    return tampon.getvalue()


def _document_word() -> bytes:
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    return tampon.getvalue()


# name → (bytes, words the one-line message must contain)
MAUVAIS: dict[str, tuple[Callable[[], bytes], str]] = {
    "colonne_manquante": (_colonne_manquante, "colonne « Objectifs » manquante"),
    "colonnes_desordre": (_colonnes_desordre, "colonnes dans le désordre"),
    "cellules_fusionnees": (_fusion, "cellules fusionnées en A4:A5"),
    "formule": (_formule, "formule sans valeur calculée"),
    "date_en_texte": (_date_texte, "n'est pas une date"),
    "texte_renomme": (lambda: "Axe (x);Titre de l'action\n1;Vélo\n".encode(), "fichier texte"),
    "zip_tronque": (_zip_tronque, "tronquée ou abîmée"),
    "bombe_zip": (_bombe, "bombe de décompression"),
    "mot_de_passe": (_chiffre, "protégé par un mot de passe"),
    "titres_en_double": (_doublon, "figure deux fois"),
    "sous_action_orpheline": (_orpheline, "orpheline"),
    "montant_illisible": (_montant, "n'est pas un montant"),
    "sans_onglet_axe": (_sans_onglet, "aucun onglet"),
    "word_renomme": (_document_word, "document Word"),
    "vide": (lambda: b"", "fichier vide"),
}
