"""A projet as the Territoires en Transitions import template (Excel), ready to fill in.

The sheet « Plan d'action » is what the platform's parser reads: « Axe (x) » in A2, the 28
headers of row 2 in their fixed order, field types in row 3, one fiche per row from row 4. What
the platform has no column for (level types and descriptions, ids, ``dispositifs``, the
document's metadata…) goes to a hidden « projterr » sheet, which the platform ignores and
:mod:`projterr.importers.tet` reads back, so a projet goes to Excel and back unchanged.

What the template cannot hold is said, never dropped silently: levels below the third are
merged into column C, sous-actions of sous-actions become sous-actions, empty levels live only
in the projterr sheet. openpyxl is imported inside the functions (``projterr --help`` stays fast).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from projterr.champs_fiche import CHAMPS_FICHE
from projterr.importers.tet.colonnes import (
    CHAMPS_LISTE,
    CHAMPS_TEXTE,
    COLONNES,
    FEUILLE_PROJTERR,
    FORMAT_PROJTERR,
    MARQUE_SUITE,
    PREMIERE_LIGNE,
    TITRE_MAX,
    joindre_liste,
    separer_liste,
    separer_paragraphes,
)
from projterr.model import (
    PARTICIPATIONS,
    PRIORITES,
    STATUTS_ACTION,
    Action,
    Financement,
    Noeud,
    Projet,
)
from projterr.tableur import hauteur

FEUILLE_PLAN = "Plan d'action"
POLICE = "Calibri"  # the workbook's default: a bold cell without a name would fall back to serif
SEPARATEUR_NIVEAUX = " › "  # levels below the third, merged into column C
NIVEAUX_MAX = 3
FINANCEURS_MAX = 3
# Action fields the platform has no column for: kept in the projterr sheet.
CHAMPS_HORS_TET = tuple(
    c.nom for c in CHAMPS_FICHE if c.nom != "numero" and c.colonne_tet not in COLONNES
)
_TYPES = {
    "Axe (x)": "Texte : « 1. Titre de l'axe »",
    "Sous-axe (x.x)": "Texte : « 1.1. Titre »",
    "Sous-sous axe (x.x.x)": "Texte : « 1.1.1. Titre »",
    "Titre de l'action": "Texte, obligatoire (300 caractères au plus)",
    "Titre de la sous-action": "Texte (300 caractères au plus) ; rempli = sous-action de "
    "l'action de même titre",
    "Participation Citoyenne": "Liste : " + ", ".join(PARTICIPATIONS),
    "Financeur 1": "Texte (compté avec son montant)",
    "Financeur 2": "Texte (compté avec son montant)",
    "Financeur 3": "Texte (compté avec son montant)",
    "Montant € HT": "Nombre (€ HT)",
    "Budget prévisionnel total € HT": "Nombre (€ HT)",
    "Statut": "Liste : " + ", ".join(STATUTS_ACTION),
    "Niveau de priorité": "Liste : " + ", ".join(PRIORITES),
    "Date de début": "Date (JJ/MM/AAAA)",
    "Date de fin": "Date (JJ/MM/AAAA)",
}
_LARGEURS = {
    "Axe (x)": 30,
    "Sous-axe (x.x)": 30,
    "Sous-sous axe (x.x.x)": 30,
    "Titre de l'action": 50,
    "Titre de la sous-action": 36,
    "Descriptif": 50,
    "Objectifs": 36,
    "Financements": 30,
    "Statut": 14,
    "Niveau de priorité": 12,
    "Participation Citoyenne": 20,
    "Date de début": 13,
    "Date de fin": 13,
    "Montant € HT": 14,
}
_CHUNK = 30_000  # characters per cell of the projterr sheet (Excel's limit is 32 767)


@dataclass
class ClasseurTet:
    """The workbook's bytes and what the template could not hold as such (French sentences)."""

    contenu: bytes
    avertissements: list[str] = field(default_factory=list)


def cellule_axe(noeud: Noeud) -> str:
    """« 1.1. Titre »: the inverse of :func:`projterr.importers.tet.colonnes.decouper_axe`."""
    if noeud.numero and re.fullmatch(r"\d+(?:\.\d+)*", noeud.numero):
        return f"{noeud.numero}. {noeud.titre}"
    if noeud.numero:
        return f"{noeud.numero} {noeud.titre}"
    return noeud.titre


def couper_titre(texte: str) -> tuple[str, str | None]:
    """A title over 300 characters: the first ≤ 299 (at a space) plus « … », and the rest."""
    if len(texte) <= TITRE_MAX:
        return texte, None
    coupe = texte.rfind(" ", 0, TITRE_MAX - 1)
    if coupe < TITRE_MAX // 2:
        coupe = TITRE_MAX - 1
    return texte[:coupe] + "…", MARQUE_SUITE + texte[coupe:]


class _Redaction:
    def __init__(self, projet: Projet) -> None:
        self.projet = projet
        self.lignes: list[dict[str, Any]] = []
        self.avertissements: list[str] = []
        self.meta_noeuds: list[dict[str, Any]] = []
        self.meta_actions: list[dict[str, Any]] = []
        self.ordre: list[list[str]] = []
        self.fusions = 0
        self.vides = 0
        self.hors_tet: set[str] = set()

    def parcourir(self) -> None:
        for racine in self.projet.contenu:
            self._noeud(racine, ())
        # Two rows with the same path and titles: the platform (and projterr) refuse the file.
        vues: set[tuple[object, ...]] = set()
        for ligne in self.lignes:
            sous_titre = ligne.get("Titre de la sous-action", "")
            chemin = tuple(c.strip() for c in ligne["chemin"] if c.strip())
            cle = (chemin, ligne["Titre de l'action"].strip(), sous_titre.strip())
            if cle in vues:
                genre = "la sous-action" if sous_titre else "l'action"
                lieu = " › ".join(ligne["chemin"]) or "hors axe"
                self.avertissements.append(
                    f"{genre} « {(sous_titre or cle[1])[:60]} » figure deux fois sous "
                    f"« {lieu[:80]} » : la plateforme refusera le fichier"
                )
            vues.add(cle)
        if self.fusions:
            self.avertissements.append(
                f"{self.fusions} niveau(x) au-delà du troisième : leurs titres sont joints à "
                f"celui du niveau 3 en colonne C (séparés par « {SEPARATEUR_NIVEAUX.strip()} »), "
                "la plateforme n'ayant que trois niveaux d'axes"
            )
        if self.vides:
            self.avertissements.append(
                f"{self.vides} niveau(x) sans action : la plateforme n'importe que des lignes "
                "de fiche, ils ne sont gardés que dans l'onglet projterr"
            )
        if self.hors_tet:
            champs = ", ".join(sorted(self.hors_tet))
            self.avertissements.append(
                f"champs sans colonne sur la plateforme ({champs}) : gardés dans l'onglet "
                "projterr, que la plateforme ignore"
            )

    def _noeud(self, noeud: Noeud, chemin: tuple[str, ...]) -> None:
        sans_axe = noeud.id == "sans-axe" and noeud.type == "section" and not chemin
        if sans_axe:
            ici: tuple[str, ...] = ()
        elif len(chemin) < NIVEAUX_MAX:
            ici = (*chemin, cellule_axe(noeud))
            if list(ici) in self.ordre:
                self.avertissements.append(
                    f"deux niveaux « {ici[-1][:60]} » au même endroit : la plateforme les "
                    "fusionne en un seul (comme l'import de projterr)"
                )
            self.ordre.append(list(ici))
            self.meta_noeuds.append(
                {
                    "chemin": list(ici),
                    **noeud.model_dump(
                        mode="json", exclude={"enfants", "actions"}, exclude_defaults=True
                    ),
                }
            )
        else:
            self.fusions += 1
            ici = (*chemin[:-1], chemin[-1] + SEPARATEUR_NIVEAUX + cellule_axe(noeud))
        if not noeud.actions and not noeud.enfants and not sans_axe:
            self.vides += 1
        for action in noeud.actions:
            self._action(action, ici, None)
        for enfant in noeud.enfants:
            self._noeud(enfant, ici)

    def _action(self, action: Action, chemin: tuple[str, ...], parent: str | None) -> None:
        if not action.texte.strip():
            genre = "une sous-action" if parent is not None else "une action"
            self.avertissements.append(
                f"{genre} sans intitulé sous « {(parent or ' › '.join(chemin))[:60]} » : la "
                "plateforme exige un titre et refusera le fichier"
            )
        titre, suite = couper_titre(action.texte)
        ligne: dict[str, Any] = {"chemin": chemin}
        if parent is None:
            ligne["Titre de l'action"] = titre
        else:
            ligne["Titre de l'action"] = parent
            ligne["Titre de la sous-action"] = titre
        description = list(action.description)
        if suite:
            description.insert(0, suite)
        exacts: dict[str, Any] = {}
        for label, nom in CHAMPS_TEXTE.items():
            valeurs = description if nom == "description" else getattr(action, nom)
            if valeurs:
                ligne[label] = "\n".join(valeurs)
                if separer_paragraphes(ligne[label]) != valeurs:
                    exacts[nom] = (ligne[label], getattr(action, nom))
                    self._pas_a_l_identique(action, label)
        for label, nom in CHAMPS_LISTE.items():
            valeurs = getattr(action, nom)
            if valeurs:
                ligne[label] = joindre_liste(valeurs)
                if separer_liste(ligne[label]) != valeurs:
                    exacts[nom] = (ligne[label], valeurs)
                    self._pas_a_l_identique(action, label)
        if action.participation_citoyenne:
            ligne["Participation Citoyenne"] = action.participation_citoyenne
        financeurs: list[Financement] = []
        autres: list[Financement] = []
        for f in action.financements:
            if f.montant is not None and len(financeurs) < FINANCEURS_MAX and not autres:
                financeurs.append(f)
            else:
                autres.append(f)
        ligne["financeurs"] = [(f.financeur, f.montant) for f in financeurs]
        if action.budget is not None:
            ligne["Budget prévisionnel total € HT"] = action.budget
        for label, valeur in (
            ("Statut", action.statut),
            ("Niveau de priorité", action.priorite),
            ("Date de début", action.date_debut),
            ("Date de fin", action.date_fin),
        ):
            if valeur is not None:
                ligne[label] = valeur
        self.lignes.append(ligne)

        extra = action.model_dump(mode="json", include=set(CHAMPS_HORS_TET), exclude_defaults=True)
        if autres:
            extra["financements"] = [f.model_dump(mode="json") for f in action.financements]
            self.hors_tet.add("financeurs au-delà de trois ou sans montant")
        self.hors_tet.update(extra.keys() - {"financements"})
        meta: dict[str, Any] = {
            "chemin": list(chemin),
            "titre": ligne["Titre de l'action"],
            "sous_titre": ligne.get("Titre de la sous-action", ""),
            "id": action.id,
        }
        if action.numero is not None:
            meta["numero"] = action.numero
        if extra:
            meta["champs"] = extra
        if exacts:
            meta["exacts"] = exacts
        self.meta_actions.append(meta)

        for sous in action.sous_actions:
            if parent is not None:
                self.avertissements.append(
                    f"la sous-action « {sous.texte[:60]} » d'une sous-action devient une "
                    "sous-action de la fiche (la plateforme n'a qu'un niveau de sous-actions)"
                )
            # A sous-action of a sous-action keeps its fields but hangs from the fiche.
            self._action(sous, chemin, ligne["Titre de l'action"])

    def _pas_a_l_identique(self, action: Action, label: str) -> None:
        self.avertissements.append(
            f"« {label} » de l'action « {action.texte[:60]} » : la plateforme lira d'autres "
            "éléments (virgule, guillemet ou saut de ligne dans un élément) ; la valeur exacte "
            "est gardée dans l'onglet projterr"
        )

    def meta(self) -> dict[str, Any]:
        projet = self.projet.model_dump(
            mode="json",
            by_alias=True,
            include={"territoire", "document", "niveaux", "preambule", "contexte", "non_classe"},
            exclude_defaults=True,
        )
        projet.pop("schema", None)
        projet["niveaux"] = list(self.projet.niveaux)
        return {
            "format": FORMAT_PROJTERR,
            "projet": projet,
            "ordre": self.ordre,
            "noeuds": self.meta_noeuds,
            "actions": self.meta_actions,
        }


def preparer_tet(projet: Projet) -> ClasseurTet:
    """The workbook for ``projet``, with what the template could not hold as such."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    projet, retires = _sans_controles(projet)
    redaction = _Redaction(projet)
    redaction.parcourir()
    if retires:
        redaction.avertissements.append(
            f"{retires} caractère(s) de contrôle invisible(s) retiré(s) des textes : une "
            "cellule Excel ne peut pas les contenir"
        )
    lignes = redaction.lignes

    wb = Workbook()
    ws = wb.active
    ws.title = FEUILLE_PLAN
    ws["A1"] = (
        f"{projet.document.titre} — plan d'action au modèle d'import de Territoires en Transitions"
    )
    ws["A1"].font = Font(name=POLICE, bold=True, size=13)
    fin = Side(style="thin", color="9A9A9A")
    bordure = Border(left=fin, right=fin, top=fin, bottom=fin)
    entete = PatternFill("solid", fgColor="000091")  # the State's « bleu France »
    consigne = PatternFill("solid", fgColor="E3E3FD")
    for k, label in enumerate(COLONNES, start=1):
        c = ws.cell(row=2, column=k, value=label)
        c.font = Font(name=POLICE, bold=True, color="FFFFFF")
        c.fill = entete
        c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        c.border = bordure
        t = ws.cell(row=3, column=k, value=_TYPES.get(label, _type_par_defaut(label)))
        t.font = Font(name=POLICE, italic=True, size=9, color="3A3A3A")
        t.fill = consigne
        t.alignment = Alignment(wrap_text=True, vertical="top")
        t.border = bordure
        ws.column_dimensions[get_column_letter(k)].width = _LARGEURS.get(label, 22)
    largeurs_entete = [_LARGEURS.get(label, 22) for label in COLONNES]
    ws.row_dimensions[2].height = max(32.0, hauteur(COLONNES, largeurs_entete))
    # the consigne row is in 9 points: three of its lines in the height of two of 11 points
    consignes = [ws.cell(row=3, column=k).value for k in range(1, len(COLONNES) + 1)]
    ws.row_dimensions[3].height = max(48.0, hauteur(consignes, largeurs_entete) * 0.85)

    col = {label: k for k, label in enumerate(COLONNES, start=1) if label != "Montant € HT"}
    # Named styles: assigning font, border and alignment cell by cell costs openpyxl a hash of
    # each object per cell (seconds for a plan of 2 000 fiches).
    for nom_style, gras in (("projterr-cellule", False), ("projterr-titre", True)):
        wb.add_named_style(
            NamedStyle(
                name=nom_style,
                font=Font(name=POLICE, bold=gras),
                border=bordure,
                alignment=Alignment(wrap_text=True, vertical="top"),
            )
        )
    largeurs = [
        ws.column_dimensions[get_column_letter(k)].width or 10 for k in range(1, len(COLONNES) + 1)
    ]
    for i, ligne in enumerate(lignes):
        r = PREMIERE_LIGNE + i
        for k in range(1, len(COLONNES) + 1):  # the style first: it resets number formats
            titre = k == 4 and "Titre de la sous-action" not in ligne
            ws.cell(row=r, column=k).style = "projterr-titre" if titre else "projterr-cellule"
        for k, cellule in enumerate(ligne["chemin"], start=1):
            if ws.cell(row=r, column=k, value=cellule).data_type == "f":
                ws.cell(row=r, column=k).data_type = "s"
        for label, valeur in ligne.items():
            if label in ("chemin", "financeurs"):
                continue
            c = ws.cell(row=r, column=col[label], value=valeur)
            if isinstance(valeur, str) and valeur.startswith("="):
                c.data_type = "s"  # a text, not a formula to compute
                c.number_format = "DD/MM/YYYY"
            elif isinstance(valeur, int | float):
                c.number_format = _format_euros(valeur)
        for n, (financeur, montant) in enumerate(ligne["financeurs"]):
            if ws.cell(row=r, column=18 + 2 * n, value=financeur).data_type == "f":
                ws.cell(row=r, column=18 + 2 * n).data_type = "s"
            m = ws.cell(row=r, column=19 + 2 * n, value=montant)
            m.number_format = _format_euros(montant)
        ws.row_dimensions[r].height = hauteur(
            (ws.cell(row=r, column=k).value for k in range(1, len(largeurs) + 1)), largeurs
        )
    ws.freeze_panes = "A4"
    derniere = PREMIERE_LIGNE + max(len(lignes), 1) + 500
    for label, valeurs in (
        ("Statut", STATUTS_ACTION),
        ("Niveau de priorité", PRIORITES),
        ("Participation Citoyenne", PARTICIPATIONS),
    ):
        lettre = get_column_letter(col[label])
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(valeurs) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=label,
            error="Choisissez une valeur de la liste : " + ", ".join(valeurs),
        )
        dv.add(f"{lettre}{PREMIERE_LIGNE}:{lettre}{derniere}")
        ws.add_data_validation(dv)
    if lignes:
        ws.auto_filter.ref = f"A2:AB{PREMIERE_LIGNE + len(lignes) - 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "2:3"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 4
    ws.page_setup.fitToHeight = 0

    meta = wb.create_sheet(FEUILLE_PROJTERR)
    meta["A1"] = (
        "Données projterr (ne pas modifier) : ce que la plateforme n'a pas de colonne pour "
        "garder. projterr les relit à l'import ; la plateforme ignore cet onglet."
    )
    blob = json.dumps(redaction.meta(), ensure_ascii=False, separators=(",", ":"))
    for i in range(0, len(blob), _CHUNK):
        meta.cell(row=2 + i // _CHUNK, column=1, value=blob[i : i + _CHUNK])
    meta.sheet_state = "hidden"
    wb.properties.title = projet.document.titre
    wb.properties.creator = "projterr"
    wb.properties.language = "fr-FR"

    tampon = io.BytesIO()
    wb.save(tampon)
    return ClasseurTet(tampon.getvalue(), redaction.avertissements)


_CONTROLES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what a cell cannot hold


def _sans_controles(projet: Projet) -> tuple[Projet, int]:
    """The projet without the control characters a cell refuses, and how many there were."""
    retires = 0

    def nettoyer(valeur: Any) -> Any:
        nonlocal retires
        if isinstance(valeur, str):
            propre, n = _CONTROLES.subn("", valeur)
            retires += n
            return propre
        if isinstance(valeur, list):
            return [nettoyer(v) for v in valeur]
        if isinstance(valeur, dict):
            return {k: nettoyer(v) for k, v in valeur.items()}
        return valeur

    donnees = nettoyer(projet.model_dump(by_alias=True))
    return (Projet.model_validate(donnees), retires) if retires else (projet, 0)


def _type_par_defaut(label: str) -> str:
    if label in CHAMPS_LISTE:
        return "Liste séparée par des virgules"
    return "Texte (une ligne par paragraphe)"


def _format_euros(valeur: int | float) -> str:
    return '#,##0 "€"' if float(valeur).is_integer() else '#,##0.00 "€"'


def rendre_xlsx(projet: Projet, avertir: Callable[[str], None] | None = None) -> bytes:
    """The import template as bytes, for an ``export --format xlsx``; each warning goes to
    ``avertir`` (one French sentence each)."""
    classeur = preparer_tet(projet)
    if avertir is not None:
        for avertissement in classeur.avertissements:
            avertir(avertissement)
    return classeur.contenu


exporter_tet = rendre_xlsx


def ecrire_tet(projet: Projet, sortie: Path) -> list[str]:
    """Write the workbook to ``sortie`` atomically (temporary file, then rename); the warnings."""
    from projterr.sorties import ecrire_atomiquement

    classeur = preparer_tet(projet)
    ecrire_atomiquement(sortie, lambda fichier: fichier.write(classeur.contenu))
    return classeur.avertissements


__all__ = ["ClasseurTet", "ecrire_tet", "exporter_tet", "preparer_tet", "rendre_xlsx"]
