"""How the values of the schema read in a French document: amounts, dates, list values."""

from __future__ import annotations

import datetime as dt

from projterr.typographie import ESPACE_FINE, ESPACE_INSECABLE

MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

_PARTICIPATIONS = {
    "pas-de-participation": "Pas de participation",
    "information": "Information",
    "consultation": "Consultation",
    "concertation": "Concertation",
    "co-construction": "Co-construction",
}

STATUTS_DOCUMENT = {"projet": "Projet", "adopte": "Adopté"}

TYPES_DOCUMENT = {
    "projet_de_territoire": "Projet de territoire",
    "convention_ort": "Convention d’opération de revitalisation de territoire",
    "pvd": "Convention Petites villes de demain",
    "crte": "Contrat pour la réussite de la transition écologique",
    "cls": "Contrat local de santé",
    "pcaet": "Plan climat-air-énergie territorial",
    "strategie": "Stratégie territoriale",
    "appel_a_projets": "Appel à projets",
    "autre": "",
}


def nombre(valeur: int | float) -> str:
    """``150000`` → ``150 000``, ``1234.5`` → ``1 234,50`` (narrow non-breaking spaces)."""
    if float(valeur).is_integer():
        entier, decimales = f"{int(valeur):,}", ""
    else:
        entier, _, dec = f"{valeur:,.2f}".partition(".")
        decimales = "," + dec
    return entier.replace(",", ESPACE_FINE) + decimales


def montant(valeur: int | float) -> str:
    """``150000`` → ``150 000 € HT``."""
    return f"{nombre(valeur)}{ESPACE_INSECABLE}€{ESPACE_INSECABLE}HT"


def date(jour: dt.date) -> str:
    """``2026-03-01`` → ``1er mars 2026``."""
    quantieme = "1er" if jour.day == 1 else str(jour.day)
    return f"{quantieme}{ESPACE_INSECABLE}{MOIS[jour.month - 1]} {jour.year}"


def participation(valeur: str) -> str:
    return _PARTICIPATIONS.get(valeur, valeur)


def periode(debut: dt.date | None, fin: dt.date | None) -> str | None:
    """« Du 1er mars 2026 au 31 décembre 2028 », « À partir du … », « Jusqu’au … » or None."""
    if debut and fin:
        return f"Du {date(debut)} au {date(fin)}"
    if debut:
        return f"À partir du {date(debut)}"
    if fin:
        return f"Jusqu’au {date(fin)}"
    return None
