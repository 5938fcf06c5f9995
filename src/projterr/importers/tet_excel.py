"""Territoires en Transitions plans in Excel: the import template and the platform's own export.

The import template (the one the platform's parser reads) is the sheet whose A2 is « Axe (x) »:
28 headers in row 2 in a fixed order, field types in row 3, one fiche per row from row 4. The
axe path is whichever of A–C are filled; a filled E makes the row a sous-action of the row with
the same title (D) and path. The platform's export (« Plan d'action ») has merged section titles
in row 1, labels in row 2, data from row 3 and only the columns that hold something: it is read
by label.

A workbook written by :mod:`projterr.export.tet_excel` also holds a hidden « projterr » sheet
with what the platform has no column for (level types, ids, descriptions of levels, document
metadata, fields such as ``dispositifs``): read back, it gives the same Projet. Without it (a
file from the platform or filled by hand), levels are « axe », « sous_axe », « sous_sous_axe »
and ids derive from the texts.

Nothing is dropped: a cell that fits no field goes to ``non_classe`` with its row, and its sheet
and column in the reason.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from projterr import archive
from projterr.champs_fiche import CHAMPS_FICHE
from projterr.errors import ClasseurInvalide
from projterr.ids import Identifiants
from projterr.importers.plausibilite import juger
from projterr.importers.resultat import ResultatImport
from projterr.model import (
    PARTICIPATIONS,
    PRIORITES,
    STATUTS_ACTION,
    Action,
    Document,
    Financement,
    Noeud,
    NonClasse,
    Projet,
    Source,
    Territoire,
)
from projterr.sources import empreinte, lire_octets
from projterr.valeurs import lire_date, lire_montant

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# --- the import template -----------------------------------------------------------------

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
def _colonnes(forme: str, export: bool = False) -> dict[str, str]:
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


CHAMPS_TEXTE = _colonnes("texte")
CHAMPS_LISTE = _colonnes("liste")

# Safety limits: a workbook is a zip; its directory says how big each part becomes.
LIGNES_MAX = 100_000
COLONNES_MAX = 200

_NUMERO_AXE = re.compile(r"^(\d+(?:\.\d+)*)\. (\S.*)$", re.S)


@dataclass
class _Ligne:
    numero: int
    chemin: tuple[str, ...]
    titre: str
    sous_titre: str
    champs: dict[str, Any]
    cellules: dict[str, str] = field(default_factory=dict)  # field → cell text, as written


@dataclass
class _Lecture:
    """What a sheet gives, before the tree is built."""

    feuille: str
    lignes: list[_Ligne] = field(default_factory=list)
    # axes in order of appearance (a dict as an ordered set)
    chemins: dict[tuple[str, ...], None] = field(default_factory=dict)
    non_classe: list[NonClasse] = field(default_factory=list)
    remarques: list[str] = field(default_factory=list)
    meta: dict[str, Any] | None = None
    export_plateforme: bool = False


# --- values ------------------------------------------------------------------------------


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


def _cle(valeur: str) -> str:
    import unicodedata

    decompose = unicodedata.normalize("NFKD", valeur)
    sans = "".join(c for c in decompose if not unicodedata.combining(c))
    return " ".join(sans.replace("-", " ").replace("_", " ").casefold().split())


_VALEURS = {
    "statut": {
        **{_cle(v): v for v in STATUTS_ACTION},
        "a discuter": "À discuter",
        "termine": "Réalisé",
        "realisee": "Réalisé",
    },
    "priorite": {
        **{_cle(v): v for v in PRIORITES},
        "elevee": "Élevé",
        "moyenne": "Moyen",
        "basse": "Bas",
        "haute": "Élevé",
    },
    "participation_citoyenne": {
        **{_cle(v): v for v in PARTICIPATIONS},
        "pas de participation citoyenne": "pas-de-participation",
        "aucune": "pas-de-participation",
        "coconstruction": "co-construction",
    },
}


def valeur_liste(champ: str, texte: str) -> str | None:
    """A value of the platform's lists, matched whatever the case, accents and spaces."""
    return _VALEURS[champ].get(_cle(texte))


def _texte(valeur: object) -> str:
    if valeur is None:
        return ""
    if isinstance(valeur, float) and valeur.is_integer():
        return str(int(valeur))
    if isinstance(valeur, dt.datetime):
        return valeur.strftime("%d/%m/%Y")
    return str(valeur).strip()


# --- the file: zip, bomb, encryption -----------------------------------------------------


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


def _ouvrir(data: bytes, nom: str, valeurs: bool) -> Any:
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


# --- sheets ------------------------------------------------------------------------------


def _lettre(colonne: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(colonne))


def _valeurs_ligne(ws: Worksheet, ligne: int, largeur: int) -> list[object]:
    return [ws.cell(row=ligne, column=c).value for c in range(1, largeur + 1)]


def _verifier_entetes(ws: Worksheet, nom: str) -> bool:
    """Row 2 in the template's order; True for the public template's spelling."""
    entetes = [_texte(v) for v in _valeurs_ligne(ws, LIGNE_ENTETES, len(COLONNES))]
    public = entetes[3] == TITRE_MODELE_PUBLIC
    for k, attendu in enumerate(COLONNES):
        trouve = entetes[k]
        if trouve == attendu or (k == 3 and public):
            continue
        lettre = _lettre(k + 1)
        ailleurs = [i for i, e in enumerate(entetes) if e == attendu and i != k]
        if ailleurs and trouve in COLONNES:
            probleme = (
                f"colonnes dans le désordre : la colonne {lettre} devrait être « {attendu} » "
                f"(trouvée en {_lettre(ailleurs[0] + 1)}) et non « {trouve} »"
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


def _fusions(ws: Worksheet, nom: str, premiere: int) -> None:
    for plage in ws.merged_cells.ranges:
        if plage.max_row >= premiere:
            raise ClasseurInvalide(
                f"onglet « {ws.title} » : cellules fusionnées en {plage.coord} ; la plateforme "
                "ne lit que la première ligne d'une fusion : défusionnez-les et recopiez la "
                "valeur sur chaque ligne",
                nom,
            )


def _formules(ws: Worksheet, ws_valeurs: Worksheet | None, nom: str, premiere: int) -> None:
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


def _erreur_ligne(ws: Worksheet, nom: str, ligne: int, message: str) -> ClasseurInvalide:
    return ClasseurInvalide(f"onglet « {ws.title} », ligne {ligne} : {message}", nom)


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
        non_classe.append(
            NonClasse(
                ligne=numero,
                texte=texte,
                raison=f"{raison} ({label})",
                position=f"onglet « {ws.title} », colonne {_lettre(colonne)}",
            )
        )

    for label, (colonne, valeur) in cellules.items():
        texte = _texte(valeur)
        if not texte:
            continue
        nom_champ = CHAMPS_TEXTE.get(label) or CHAMPS_LISTE.get(label)
        if nom_champ:
            bruts[nom_champ] = texte
        lu = _champ_de_colonne(label, texte, CHAMPS_TEXTE, CHAMPS_LISTE, _LISTES_MODELE)
        if lu is not None:
            cle, lue = lu
            if lue is not None:
                champs[cle] = lue
            else:
                mettre_de_cote(label, colonne, texte, "valeur hors de la liste de la plateforme")
        elif label in ("Date de début", "Date de fin"):
            date = lire_date(valeur)
            if date is None:
                raise _erreur_ligne(
                    ws,
                    nom,
                    numero,
                    f"« {texte[:40]} » en colonne {_lettre(colonne)} ({label}) n'est pas une "
                    "date ; écrivez JJ/MM/AAAA",
                )
            champs["date_debut" if label == "Date de début" else "date_fin"] = date
        elif label == "Budget prévisionnel total € HT":
            montant = lire_montant(valeur)
            if montant is None:
                raise _erreur_ligne(
                    ws,
                    nom,
                    numero,
                    f"« {texte[:40]} » en colonne {_lettre(colonne)} ({label}) n'est pas un "
                    "montant en euros",
                )
            champs["budget"] = montant
        else:
            mettre_de_cote(label, colonne, texte, "pas de champ projterr pour cette colonne")
    return champs


# The columns whose values are one of the platform's lists, as each sheet heads them.
_LISTES_MODELE = {
    "Statut": "statut",
    "Niveau de priorité": "priorite",
    "Participation Citoyenne": "participation_citoyenne",
}
_LISTES_EXPORT = {
    "Statut": "statut",
    "Niveau de priorité": "priorite",
    "Participation citoyenne - type": "participation_citoyenne",
}


def _champ_de_colonne(
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


def _financeurs(
    ws: Worksheet,
    nom: str,
    numero: int,
    paires: list[tuple[tuple[int, object], tuple[int, object]]],
    non_classe: list[NonClasse],
) -> list[Financement]:
    """Financeur N + Montant: a financeur counts only with a name and an amount."""
    financements = []
    for (col_nom, v_nom), (col_montant, v_montant) in paires:
        nom_f, texte_montant = _texte(v_nom), _texte(v_montant)
        if not nom_f and not texte_montant:
            continue
        if nom_f and texte_montant:
            montant = lire_montant(v_montant)
            if montant is None:
                raise _erreur_ligne(
                    ws,
                    nom,
                    numero,
                    f"« {texte_montant[:40]} » en colonne {_lettre(col_montant)} (Montant € HT) "
                    "n'est pas un montant en euros",
                )
            financements.append(Financement(financeur=nom_f, montant=montant))
            continue
        colonne, texte = (col_nom, nom_f) if nom_f else (col_montant, texte_montant)
        raison = "financeur sans montant" if nom_f else "montant sans financeur"
        non_classe.append(
            NonClasse(
                ligne=numero,
                texte=texte,
                raison=f"{raison}, ignoré par la plateforme",
                position=f"onglet « {ws.title} », colonne {_lettre(colonne)}",
            )
        )
    return financements


def _lire_modele(ws: Worksheet, nom: str, lecture: _Lecture) -> None:
    public = _verifier_entetes(ws, nom)
    if public:
        lecture.remarques.append(
            "modèle public de Territoires en Transitions (« Titre de la fiche action ») : lu, "
            "mais la plateforme attend « Titre de l'action » en D2"
        )
    largeur = min(ws.max_column or len(COLONNES), COLONNES_MAX)
    entetes = [_texte(v) for v in _valeurs_ligne(ws, LIGNE_ENTETES, largeur)]
    for numero in range(PREMIERE_LIGNE, min(ws.max_row, LIGNES_MAX) + 1):
        valeurs = _valeurs_ligne(ws, numero, largeur)
        if not any(_texte(v) for v in valeurs):
            continue
        chemin = tuple(t for t in (_texte(v) for v in valeurs[:3]) if t)
        titre, sous_titre = _texte(valeurs[3]), _texte(valeurs[4])
        cellules = {COLONNES[k]: (k + 1, valeurs[k]) for k in range(5, 28) if not 17 <= k <= 22}
        bruts: dict[str, str] = {}
        champs = _lire_champs(ws, nom, numero, cellules, lecture.non_classe, bruts)
        paires = [((k + 1, valeurs[k]), (k + 2, valeurs[k + 1])) for k in (17, 19, 21)]
        financements = _financeurs(ws, nom, numero, paires, lecture.non_classe)
        if financements:
            champs["financements"] = financements
        for k in range(len(COLONNES), largeur):
            texte = _texte(valeurs[k])
            if texte:
                label = entetes[k] or "sans titre"
                lecture.non_classe.append(
                    NonClasse(
                        ligne=numero,
                        texte=texte,
                        raison=f"colonne que la plateforme n'importe pas ({label})",
                        position=f"onglet « {ws.title} », colonne {_lettre(k + 1)}",
                    )
                )
        _ajouter_ligne(ws, nom, lecture, numero, chemin, titre, sous_titre, champs)
        if lecture.lignes and lecture.lignes[-1].numero == numero:
            lecture.lignes[-1].cellules = bruts


def _ajouter_ligne(
    ws: Worksheet,
    nom: str,
    lecture: _Lecture,
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
            raise _erreur_ligne(
                ws, nom, numero, f"sous-action « {sous_titre[:60]} » sans titre d'action en D"
            )
        if champs:
            raise _erreur_ligne(
                ws, nom, numero, "ligne remplie sans titre d'action (colonne D obligatoire)"
            )
        return  # a row of axes only (the platform's export writes them), or an empty one
    lecture.lignes.append(_Ligne(numero, chemin, titre, sous_titre, champs))


# --- the platform's export ---------------------------------------------------------------

_EXPORT_PROFONDEUR = {"Axe (x)": 1, "Sous-axe (x.x)": 2, "Sous-sous-axe (x.x.x)": 3}
_EXPORT_CHAMPS_TEXTE = _colonnes("texte", export=True)
_EXPORT_CHAMPS_LISTE = _colonnes("liste", export=True)
_NON_CLASSEE = "(Fiche non classée)"


def _est_export(ws: Worksheet) -> bool:
    a1 = _texte(ws["A1"].value)
    entetes = {_texte(v) for v in _valeurs_ligne(ws, 2, min(ws.max_column or 1, COLONNES_MAX))}
    return a1 == "Présentation de l'action" and TITRE_MODELE_PUBLIC in entetes


def _lire_export(ws: Worksheet, nom: str, lecture: _Lecture) -> None:
    lecture.export_plateforme = True
    largeur = min(ws.max_column or 1, COLONNES_MAX)
    entetes = [_texte(v) for v in _valeurs_ligne(ws, 2, largeur)]
    profondeur = [
        k
        for k, e in enumerate(entetes)
        if e in _EXPORT_PROFONDEUR or re.fullmatch(r"x(\.x){3,}", e)
    ]
    titre_col = entetes.index(TITRE_MODELE_PUBLIC)
    _fusions(ws, nom, 3)
    for numero in range(3, min(ws.max_row, LIGNES_MAX) + 1):
        valeurs = _valeurs_ligne(ws, numero, largeur)
        if not any(_texte(v) for v in valeurs):
            continue
        chemin = tuple(
            t for t in (_texte(valeurs[k]) for k in profondeur) if t and t != _NON_CLASSEE
        )
        titre = _texte(valeurs[titre_col])
        champs: dict[str, Any] = {}
        financeurs: dict[int, list[tuple[int, object]]] = {}
        for k, label in enumerate(entetes):
            if k in profondeur or k == titre_col:
                continue
            valeur, texte = valeurs[k], _texte(valeurs[k])
            if m := re.fullmatch(r"Financeur (\d+)", label):
                financeurs.setdefault(int(m.group(1)), []).insert(0, (k + 1, valeur))
                continue
            if label.startswith("Montant") and financeurs:
                financeurs[max(financeurs)].append((k + 1, valeur))
                continue
            if not texte:
                continue
            lu = _champ_de_colonne(
                label, texte, _EXPORT_CHAMPS_TEXTE, _EXPORT_CHAMPS_LISTE, _LISTES_EXPORT
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
        financements = _financeurs(ws, nom, numero, paires, lecture.non_classe)
        if financements:
            champs["financements"] = financements
        _ajouter_ligne(ws, nom, lecture, numero, chemin, titre, "", champs)
    if any("TTC" in e for e in entetes):
        lecture.remarques.append(
            "export de la plateforme : budget et montants y sont TTC, lus tels quels"
        )


def _de_cote(
    lecture: _Lecture, ws: Worksheet, numero: int, k: int, label: str, texte: str, raison: str
) -> None:
    lecture.non_classe.append(
        NonClasse(
            ligne=numero,
            texte=texte,
            raison=f"{raison} ({label})",
            position=f"onglet « {ws.title} », colonne {_lettre(k + 1)}",
        )
    )


def _lire_meta(wb: Any) -> dict[str, Any] | None:
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


# --- the tree ----------------------------------------------------------------------------


def _construire(lecture: _Lecture, ws: Worksheet, nom: str, ids: Identifiants) -> list[Noeud]:
    meta = lecture.meta or {}
    meta_noeuds: dict[tuple[str, ...], dict[str, Any]] = {}
    for m in meta.get("noeuds", []):
        meta_noeuds.setdefault(tuple(m["chemin"]), m)
    meta_actions = {
        (tuple(m["chemin"]), m["titre"], m.get("sous_titre", "")): m
        for m in meta.get("actions", [])
    }
    types = ["axe", "sous_axe", "sous_sous_axe"]

    chemins = list(dict.fromkeys(c for c in (tuple(c) for c in meta.get("ordre", []))))
    chemins = [c for c in chemins if c in meta_noeuds]
    deja = set(chemins)
    chemins += [c for c in lecture.chemins if c not in deja]
    noeuds: dict[tuple[str, ...], Noeud] = {}
    racines: list[Noeud] = []
    for chemin in chemins:
        parent = noeuds.get(chemin[:-1]) if len(chemin) > 1 else None
        if len(chemin) > 1 and parent is None:
            # A level of the projterr sheet whose parent was renamed or deleted in the plan.
            for paragraphe in meta_noeuds.get(chemin, {}).get("description", []):
                lecture.non_classe.append(
                    NonClasse(
                        ligne=2,
                        texte=paragraphe,
                        raison=f"description du niveau « {chemin[-1][:60]} », dont le parent "
                        f"a changé dans le plan — onglet « {FEUILLE_PROJTERR} »",
                    )
                )
            continue
        m = meta_noeuds.get(chemin)
        if m:
            noeud = Noeud.model_validate({k: v for k, v in m.items() if k != "chemin"})
        else:
            numero, titre = decouper_axe(chemin[-1])
            type_ = types[min(len(chemin), 3) - 1]
            noeud = Noeud(
                id=ids.noeud(type_, titre, numero, parent.id if parent else ""),
                type=type_,
                numero=numero,
                titre=titre,
            )
        noeuds[chemin] = noeud
        (parent.enfants if parent else racines).append(noeud)

    actions: dict[tuple[tuple[str, ...], str], tuple[int, Action]] = {}
    sous: list[_Ligne] = []
    sans_axe: list[Action] = []
    for ligne in lecture.lignes:
        if ligne.sous_titre:
            sous.append(ligne)
            continue
        cle = (ligne.chemin, ligne.titre)
        if cle in actions:
            lieu = f"sous l'axe « {ligne.chemin[-1]} »" if ligne.chemin else "hors axe"
            raise _erreur_ligne(
                ws,
                nom,
                ligne.numero,
                f"l'action « {ligne.titre[:60]} » figure deux fois {lieu} (lignes "
                f"{actions[cle][0]} et {ligne.numero})",
            )
        parent_id = noeuds[ligne.chemin].id if ligne.chemin else ""
        action = _action(ligne, False, meta_actions, ids, parent_id)
        actions[cle] = (ligne.numero, action)
        if ligne.chemin:
            noeuds[ligne.chemin].actions.append(action)
        else:
            sans_axe.append(action)
    vus: dict[tuple[tuple[str, ...], str, str], int] = {}
    for ligne in sous:
        trouve = actions.get((ligne.chemin, ligne.titre))
        if trouve is None:
            lieu = f"sous l'axe « {ligne.chemin[-1]} »" if ligne.chemin else "hors axe"
            raise _erreur_ligne(
                ws,
                nom,
                ligne.numero,
                f"sous-action « {ligne.sous_titre[:60]} » orpheline : aucune ligne d'action "
                f"« {ligne.titre[:60]} » {lieu} avec la colonne E vide",
            )
        cle_sous = (ligne.chemin, ligne.titre, ligne.sous_titre)
        if cle_sous in vus:
            raise _erreur_ligne(
                ws,
                nom,
                ligne.numero,
                f"la sous-action « {ligne.sous_titre[:60]} » figure deux fois (lignes "
                f"{vus[cle_sous]} et {ligne.numero})",
            )
        vus[cle_sous] = ligne.numero
        fiche = trouve[1]
        fiche.sous_actions.append(_action(ligne, True, meta_actions, ids, fiche.id))
    _champs_orphelins(lecture, meta_actions)
    if sans_axe:
        noeud = Noeud(id="sans-axe", type="section", titre="Fiches sans axe", actions=sans_axe)
        racines.append(noeud)
        lecture.remarques.append(
            f"{len(sans_axe)} fiche(s) sans axe rangée(s) sous « Fiches sans axe »"
        )
    return racines


def _champs_orphelins(
    lecture: _Lecture, restes: dict[tuple[tuple[str, ...], str, str], dict[str, Any]]
) -> None:
    """Fields kept in the projterr sheet for an action whose row was edited or deleted since
    the export: set aside, never dropped."""
    for (_, titre, sous_titre), m in restes.items():
        if not m.get("champs"):
            continue
        lecture.non_classe.append(
            NonClasse(
                ligne=2,
                texte=json.dumps(m["champs"], ensure_ascii=False),
                raison=f"champs projterr de l'action « {(sous_titre or titre)[:60]} », dont la "
                f"ligne a été modifiée ou supprimée — onglet « {FEUILLE_PROJTERR} »",
            )
        )
        lecture.remarques.append(
            f"l'action « {(sous_titre or titre)[:60]} » de l'onglet projterr n'a plus de ligne "
            "dans le plan : ses champs sans colonne sont dans non_classe"
        )


def _action(
    ligne: _Ligne,
    est_sous_action: bool,
    meta_actions: dict[tuple[tuple[str, ...], str, str], dict[str, Any]],
    ids: Identifiants,
    parent_id: str,
) -> Action:
    champs = dict(ligne.champs)
    description = list(champs.get("description", []))
    titre = ligne.sous_titre if est_sous_action else ligne.titre
    texte = titre
    if titre.endswith("…") and description and description[0].startswith(MARQUE_SUITE):
        texte = titre[:-1] + description[0][len(MARQUE_SUITE) :]
        description = description[1:]
    if "description" in champs:
        champs["description"] = description
    m = meta_actions.pop(
        (ligne.chemin, ligne.titre, ligne.sous_titre if est_sous_action else ""), None
    )
    extra = dict(m.get("champs", {})) if m else {}
    # A list or text the cell cannot carry exactly (an item with a comma, a paragraph with a
    # line break): the exact value, as long as the cell still reads as it was written.
    for nom_champ, (cellule, valeur) in (m.get("exacts", {}) if m else {}).items():
        if ligne.cellules.get(nom_champ) == cellule:
            extra[nom_champ] = valeur
    id_ = m["id"] if m and "id" in m else ids.action(texte, parent_id)
    numero = m.get("numero") if m else None
    return Action.model_validate({"id": id_, "numero": numero, "texte": texte, **champs, **extra})


# --- entry point -------------------------------------------------------------------------


def lire_tet(data: bytes, nom: str = "<classeur>") -> ResultatImport:
    """Read a Territoires en Transitions plan (import template or platform export)."""
    verifier_classeur(data, nom)
    wb = _ouvrir(data, nom, valeurs=False)
    ws = next((w for w in wb.worksheets if _texte(w["A2"].value) == "Axe (x)"), None)
    if ws is not None and _est_export(ws):
        export = True
    else:
        export = False
        if ws is None:
            ws = next((w for w in wb.worksheets if _est_export(w)), None)
            export = ws is not None
    if ws is None:
        onglets = ", ".join(f"« {w.title} »" for w in wb.worksheets[:5])
        raise ClasseurInvalide(
            f"aucun onglet n'a « Axe (x) » en A2 (onglets : {onglets}) : ce n'est pas un plan "
            "d'action au modèle de Territoires en Transitions",
            nom,
        )
    premiere = 3 if export else PREMIERE_LIGNE
    if any(c.data_type == "f" for r in ws.iter_rows(min_row=premiere) for c in r):
        wb_valeurs = _ouvrir(data, nom, valeurs=True)
        _formules(ws, wb_valeurs[ws.title], nom, premiere)
        wb, ws = wb_valeurs, wb_valeurs[ws.title]
    if (ws.max_row or 0) > LIGNES_MAX:
        raise ClasseurInvalide(f"onglet « {ws.title} » : plus de {LIGNES_MAX} lignes", nom)
    lecture = _Lecture(feuille=ws.title, meta=_lire_meta(wb))
    if export:
        _lire_export(ws, nom, lecture)
    else:
        _fusions(ws, nom, PREMIERE_LIGNE)
        _lire_modele(ws, nom, lecture)
    contenu = _construire(lecture, ws, nom, Identifiants())
    projet = _projet(lecture, contenu, nom)
    lignes = len(lecture.lignes)
    genre = "export de la plateforme" if export else "modèle d'import"
    resultat = ResultatImport(
        projet=projet,
        remarques=lecture.remarques,
        choix=f"plan d'action Territoires en Transitions ({genre}, onglet « {ws.title} », "
        f"{lignes} ligne{'s' if lignes > 1 else ''} de fiche)",
    )
    resultat.avertissements = juger(projet).raisons
    return resultat


def _projet(lecture: _Lecture, contenu: list[Noeud], nom: str) -> Projet:
    meta = lecture.meta or {}
    base = dict(meta.get("projet", {}))
    base.setdefault("territoire", {"nom": "(territoire à compléter)"})
    base.setdefault("document", {"titre": Path(nom).stem, "type": "autre"})
    niveaux = base.pop("niveaux", None)
    non_classe = [NonClasse.model_validate(n) for n in base.pop("non_classe", [])]
    projet = Projet(
        territoire=Territoire.model_validate(base.pop("territoire")),
        document=Document.model_validate(base.pop("document")),
        niveaux=[],
        contenu=contenu,
        non_classe=[*non_classe, *lecture.non_classe],
        **base,
    )
    if niveaux is not None:
        projet.niveaux = niveaux
    else:
        vus: dict[str, int] = {}
        for parents, n in projet.noeuds():
            vus.setdefault(n.type, len(parents))
        projet.niveaux = sorted(vus, key=lambda t: vus[t])
    return projet


def importer_tet(chemin: Path) -> ResultatImport:
    """Import a ``.xlsx`` (or ``.xlsm``) Territoires en Transitions plan from ``chemin``."""
    data = lire_octets(chemin)
    resultat = lire_tet(data, str(chemin))
    ancienne = resultat.projet.document.source
    resultat.projet.document.source = Source(
        url=ancienne.url if ancienne else None,
        fichier=chemin.name,
        empreinte=empreinte(data),
        avertissements=list(resultat.avertissements),
    )
    return resultat
