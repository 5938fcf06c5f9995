"""The workbook: refused before any decompression when it is not a safe Excel workbook, opened
with openpyxl, and its sheets read cell by cell (headers, merged cells, formulas).
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import TYPE_CHECKING, Any

from projterr import archive
from projterr.errors import ClasseurInvalide
from projterr.importers.tet.colonnes import (
    COLONNES,
    COLONNES_MAX,
    FEUILLE_PROJTERR,
    FORMAT_PROJTERR,
    LIGNE_ENTETES,
    TITRE_MODELE_PUBLIC,
    lettre_de,
    texte_de,
)
from projterr.model import NonClasse

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


def verifier_classeur(data: bytes, nom: str) -> None:
    """Refuse, before any decompression, what is not a safe Excel workbook."""
    if archive.est_ole(data):
        if archive.ole_chiffre(data):
            raise ClasseurInvalide(
                "classeur protégé par un mot de passe : enregistrez-le sans mot de passe, puis "
                "importez-le",
                nom,
            )
        raise ClasseurInvalide(
            "classeur Excel 97-2003 (.xls) : enregistrez-le au format .xlsx, puis importez-le",
            nom,
        )
    if not data.startswith(b"PK"):
        debut = data[:512]
        texte = b"\x00" not in debut and all(b >= 9 for b in debut[:64])
        genre = "un fichier texte" if texte else "un fichier d'un autre format"
        raise ClasseurInvalide(
            f"ce n'est pas un classeur Excel mais {genre} renommé ; ouvrez-le dans Excel ou "
            "LibreOffice et enregistrez-le au format .xlsx",
            nom,
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise ClasseurInvalide(
            "archive ZIP tronquée ou abîmée : ce classeur ne peut pas être ouvert (copie "
            "incomplète ?)",
            nom,
        ) from exc
    refus = archive.refus(infos, len(data))
    if refus is not None:
        raise ClasseurInvalide(refus, nom)
    noms = {i.filename for i in infos}
    if "xl/workbook.xml" not in noms:
        genre = (
            "un document Word"
            if "word/document.xml" in noms
            else "un document OpenDocument"
            if "content.xml" in noms
            else "une archive ZIP"
        )
        raise ClasseurInvalide(
            f"ce n'est pas un classeur Excel mais {genre} ; enregistrez le plan au format .xlsx",
            nom,
        )


def ouvrir_classeur(data: bytes, nom: str, valeurs: bool) -> Any:
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops
            return load_workbook(io.BytesIO(data), data_only=valeurs, rich_text=False)
    except ClasseurInvalide:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged part
        raise ClasseurInvalide(
            f"classeur illisible ({type(exc).__name__}) : ouvrez-le dans Excel ou LibreOffice "
            "et enregistrez-le à nouveau au format .xlsx",
            nom,
        ) from exc


def valeurs_ligne(ws: Worksheet, ligne: int, largeur: int) -> list[object]:
    return [ws.cell(row=ligne, column=c).value for c in range(1, largeur + 1)]


def verifier_entetes(ws: Worksheet, nom: str) -> bool:
    """Row 2 in the template's order; True for the public template's spelling."""
    entetes = [texte_de(v) for v in valeurs_ligne(ws, LIGNE_ENTETES, len(COLONNES))]
    public = entetes[3] == TITRE_MODELE_PUBLIC
    for k, attendu in enumerate(COLONNES):
        trouve = entetes[k]
        if trouve == attendu or (k == 3 and public):
            continue
        lettre = lettre_de(k + 1)
        ailleurs = [i for i, e in enumerate(entetes) if e == attendu and i != k]
        if ailleurs and trouve in COLONNES:
            probleme = (
                f"colonnes dans le désordre : la colonne {lettre} devrait être « {attendu} » "
                f"(trouvée en {lettre_de(ailleurs[0] + 1)}) et non « {trouve} »"
            )
        elif trouve:
            probleme = (
                f"colonne « {attendu} » manquante : la colonne {lettre} est « {trouve} » "
                "(l'ordre du modèle de Territoires en Transitions est obligatoire)"
            )
        else:
            probleme = f"colonne « {attendu} » manquante (attendue en {lettre}, ligne 2)"
        raise ClasseurInvalide(f"onglet « {ws.title} » : {probleme}", nom)
    return public


def fusions(ws: Worksheet, nom: str, premiere: int) -> None:
    for plage in ws.merged_cells.ranges:
        if plage.max_row >= premiere:
            raise ClasseurInvalide(
                f"onglet « {ws.title} » : cellules fusionnées en {plage.coord} ; la plateforme "
                "ne lit que la première ligne d'une fusion : défusionnez-les et recopiez la "
                "valeur sur chaque ligne",
                nom,
            )


def formules(ws: Worksheet, ws_valeurs: Worksheet | None, nom: str, premiere: int) -> None:
    """A formula is read as the value Excel last computed; none is an error."""
    for ligne in ws.iter_rows(min_row=premiere, max_col=COLONNES_MAX):
        for cell in ligne:
            if cell.data_type == "f":
                valeur = ws_valeurs[cell.coordinate].value if ws_valeurs is not None else None
                if valeur is None:
                    raise ClasseurInvalide(
                        f"onglet « {ws.title} », cellule {cell.coordinate} : formule sans "
                        f"valeur calculée ({str(cell.value)[:40]}) ; ouvrez le fichier dans "
                        "Excel ou LibreOffice et enregistrez-le, ou remplacez la formule par "
                        "sa valeur",
                        nom,
                    )


def erreur_ligne(ws: Worksheet, nom: str, ligne: int, message: str) -> ClasseurInvalide:
    return ClasseurInvalide(f"onglet « {ws.title} », ligne {ligne} : {message}", nom)


def lire_meta(wb: Any) -> dict[str, Any] | None:
    if FEUILLE_PROJTERR not in wb.sheetnames:
        return None
    ws = wb[FEUILLE_PROJTERR]
    morceaux = [
        str(v)
        for (v,) in ws.iter_rows(min_row=2, max_col=1, values_only=True)
        if isinstance(v, str)
    ]
    try:
        meta = json.loads("".join(morceaux))
    except ValueError:
        return None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT_PROJTERR:
        return None
    return meta


def case_de_cote(ws: Worksheet, ligne: int, colonne: int, texte: str, raison: str) -> NonClasse:
    """A cell that fits no field: kept in ``non_classe`` with its row, sheet and column."""
    position = f"onglet « {ws.title} », colonne {lettre_de(colonne)}"
    return NonClasse(ligne=ligne, texte=texte, raison=raison, position=position)
