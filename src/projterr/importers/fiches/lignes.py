"""One line of a fiche document, whatever its markup: Markdown headings and bold labels, bullets
and numbered items, YAML front matter, rules, struck-out text, and the furniture of a copied
web page or a PDF export (menus, breadcrumbs, page numbers) that is never the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from projterr.normalize import espaces

TITRE_MD = re.compile(r"^(?P<diese>#{1,6})\s+(?P<texte>.*?)\s*#*\s*$")
GRAS_LIBELLE = re.compile(r"^\*\*(?P<libelle>[^*]+?)\s*:?\s*\*\*\s*:?\s*(?P<reste>.*)$")
LIBELLE = re.compile(r"^(?P<libelle>[^:]{2,70}?)\s*:\s*(?P<reste>.*)$")
PUCE = re.compile(r"^(?P<marge>\s*)(?P<signe>[-•*–▪◦·‣])\s+(?P<texte>\S.*)$")
ITEM_NUMERO = re.compile(r"^\s*(?:(?P<n1>\d+(?:\.\d+)+)\.?|(?P<n2>\d+)[.)])\s+(?P<texte>\S.*)$")
FILET = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|(?:- ){2,}-|(?:\* ){2,}\*)\s*$")
CLE_FM = re.compile(r"^(?P<cle>[A-Za-z_][\w-]*)\s*:(?:\s+(?P<valeur>.*))?$")
BARRE = re.compile(r"^~~(?P<texte>.+)~~\s*\.?$")
FINANCEUR = re.compile(
    r"^(?P<financeur>[^:]{2,120}?)\s*[:–—-]\s*(?P<montant>[\d\s\u00a0\u202f.,]+\s*(?:k€|M€|€|euros?))\s*(?:HT|TTC)?\.?$",
    re.IGNORECASE,
)

# Page furniture of a copied web page or a PDF export: never part of the document.
HABILLAGE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(m, re.IGNORECASE), raison)
    for m, raison in (
        (r"^aller au contenu", "lien d'évitement de la page web"),
        (r"^vous [êe]tes ici\b|^accueil\s*[>›»/|]", "fil d'Ariane de la page web"),
        (
            r"^(partager|imprimer|tweeter|envoyer (par|à)|facebook|linkedin|twitter)\b",
            "bouton de partage de la page web",
        ),
        (
            r"mentions l[ée]gales|plan du site|gestion des cookies|politique de confidentialit",
            "pied de la page web",
        ),
        (r"^(©|\(c\)|copyright)", "pied de la page web"),
        (r"^t[ée]l[ée]charger\b.*\((pdf|docx?|odt)\b", "lien de téléchargement de la page web"),
        (r"^(derni[èe]re )?mise à jour\s*:", "date de mise à jour de la page web"),
        (r"^page \d+( sur \d+| / \d+)?$|^\d{1,3}$", "numéro de page"),
        (r"\b\d{5}\b.*\b0\d(?:[ .]?\d\d){4}\b", "coordonnées en pied de page"),
    )
)
MENU_MOTS_MAX = 3


@dataclass
class LigneFiche:
    numero: int
    brute: str
    texte: str  # without Markdown bold and blockquote marks, spaces collapsed
    niveau_md: int  # Markdown heading level, 0 when the line is not a heading


def nettoyer_ligne(brute: str) -> str:
    texte = brute.replace("\u00a0", " ").replace("\f", " ").strip()
    texte = re.sub(r"^>\s?", "", texte)
    return espaces(texte)


def sans_le_gras(texte: str) -> str:
    return espaces(texte.replace("**", "").replace("__", ""))


def front_matter(lignes: list[str], i: int) -> int | None:
    """Index of the closing ``---`` when a YAML front matter block opens at ``i``."""
    if lignes[i].strip() != "---":
        return None
    cles = 0
    for j in range(i + 1, min(len(lignes), i + 60)):
        ligne = lignes[j]
        if ligne.strip() == "---":
            return j if cles else None
        if not ligne.strip() or ligne.startswith((" ", "\t")):
            continue
        if not CLE_FM.match(ligne.strip()):
            return None
        cles += 1
    return None


def valeur_fm(valeur: str | None) -> str:
    valeur = (valeur or "").strip()
    if len(valeur) >= 2 and valeur[0] == valeur[-1] and valeur[0] in "\"'":
        valeur = valeur[1:-1]
    return espaces(valeur)


def decouper_items(texte: str, virgules: bool) -> list[str]:
    """Split « A ; B » (and « A, B » when ``virgules``) outside parentheses."""
    parts, courant, prof = [], "", 0
    for c in texte:
        prof += {"(": 1, ")": -1}.get(c, 0)
        if prof == 0 and (c == ";" or (virgules and c == ",")):
            parts.append(courant)
            courant = ""
        else:
            courant += c
    parts.append(courant)
    propres = [p.strip().rstrip(".").strip() for p in parts]
    return [p for p in propres if p]


def nombre_de(valeur: float) -> int | float:
    return int(valeur) if valeur.is_integer() else valeur
