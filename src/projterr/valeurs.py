"""French amounts and dates, both ways: how the values of the schema are written in a French
document (« 150 000 € HT », « 1er mars 2026 »), and how they are read from one — a fiche's
sentence, a spreadsheet cell, a Word table projterr wrote and a person edited. Every reader and
writer takes them from here, so a value written is a value read back."""

from __future__ import annotations

import datetime as dt
import re

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


def euros(valeur: int | float) -> str:
    """``150000`` → ``150 000 €``, ``82500.5`` → ``82 500,50 €``."""
    return f"{nombre(valeur)}{ESPACE_INSECABLE}€"


def montant(valeur: int | float) -> str:
    """``150000`` → ``150 000 € HT``."""
    return f"{euros(valeur)}{ESPACE_INSECABLE}HT"


def date(jour: dt.date) -> str:
    """``2026-03-01`` → ``1er mars 2026``."""
    quantieme = "1er" if jour.day == 1 else str(jour.day)
    return f"{quantieme}{ESPACE_INSECABLE}{MOIS[jour.month - 1]} {jour.year}"


def date_courte(iso: str) -> str:
    """``2026-03-01`` → ``01/03/2026``; a text that is not an ISO date, as it is."""
    try:
        return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")
    except ValueError:
        return iso


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


# --- reading -------------------------------------------------------------------------------

_MONTANT_DANS = re.compile(
    r"(?P<nombre>\d{1,3}(?:[\s\u00a0\u202f.]\d{3})+|\d+)(?:[,.](?P<decimales>\d+))?\s*"
    r"(?P<unite>k€|M€|€|euros?)",
    re.IGNORECASE,
)
_DATE_CHIFFRES = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?$")
DATE_LONGUE = re.compile(r"(\d{1,2})(?:er)?\s+(\w+)\s+(\d{4})")
_NUMEROS_MOIS = {m: k + 1 for k, m in enumerate(MOIS)}
_ESPACES = str.maketrans({ESPACE_INSECABLE: " ", ESPACE_FINE: " "})


def espaces_simples(texte: str) -> str:
    """The no-break and narrow no-break spaces French typography puts in values, as plain
    spaces, so that a value written can be read back."""
    return texte.translate(_ESPACES)


def lire_montant(valeur: object) -> int | float | None:
    """A whole value: 12000, 12000.5, « 12 000 € », « 1 500,50 € HT », « 1.500,50 » → a
    number; None when it is not one (a negative or infinite number is not an amount)."""
    if isinstance(valeur, bool):
        return None
    if isinstance(valeur, int | float):
        valeur_ = float(valeur)
    else:
        texte = espaces_simples(str(valeur))
        texte = re.sub(r"(?i)\s*(€|eur(os?)?)?\s*(ht|ttc)?\s*$", "", texte.strip())
        texte = texte.replace(" ", "")
        if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", texte):
            texte = texte.replace(".", "")
        texte = texte.replace(",", ".")
        if not re.fullmatch(r"\d+(\.\d+)?", texte):
            return None
        valeur_ = float(texte)
    if valeur_ != valeur_ or valeur_ in (float("inf"), float("-inf")) or valeur_ < 0:
        return None
    return int(valeur_) if valeur_.is_integer() else valeur_


def montant_dans(texte: str) -> float | None:
    """The first amount in euros a sentence gives: « 1 850 000 € HT » → 1850000, « 45 k€ » →
    45000; None without an amount in euros."""
    m = _MONTANT_DANS.search(texte)
    if not m:
        return None
    entier = re.sub(r"[\s\u00a0\u202f.]", "", m.group("nombre"))
    valeur = float(f"{entier}.{m.group('decimales') or 0}")
    unite = m.group("unite").lower()
    if unite == "k€":
        valeur *= 1_000
    elif unite == "m€":
        valeur *= 1_000_000
    return valeur


def lire_date(valeur: object) -> dt.date | None:
    """A spreadsheet date, « 31/12/2026 » or « 2026-12-31 » → a date; None when it is not one."""
    if isinstance(valeur, dt.datetime):
        return valeur.date()
    if isinstance(valeur, dt.date):
        return valeur
    texte = str(valeur).strip()
    try:
        if m := _DATE_CHIFFRES.match(texte):
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := _DATE_ISO.match(texte):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return None


def lire_date_longue(texte: str) -> dt.date | None:
    """« 1er mars 2026 » (as :func:`date` writes it) → a date; None when there is none."""
    m = DATE_LONGUE.search(espaces_simples(texte))
    if not m or m.group(2) not in _NUMEROS_MOIS:
        return None
    return dt.date(int(m.group(3)), _NUMEROS_MOIS[m.group(2)], int(m.group(1)))
