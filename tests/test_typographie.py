"""French typography of exported texts, and how values (amounts, dates) read in French."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from projterr import valeurs
from projterr.typographie import typographier
from strategies import textes

NBSP, FINE = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("brut", "attendu"),
    [
        ('Il a dit "oui": l\'accord?', f"Il a dit «{NBSP}oui{NBSP}»{NBSP}: l’accord{FINE}?"),
        ("clé : valeur", f"clé{NBSP}: valeur"),
        ("clé: valeur", f"clé{NBSP}: valeur"),
        ("fin de phrase:", f"fin de phrase{NBSP}:"),
        ("Quoi ?!", f"Quoi{FINE}?!"),
        ("a ; b", f"a{FINE}; b"),
        (" ;", f"{FINE};"),  # the end of a sentence written as its own piece
        ("« guillemets »", f"«{NBSP}guillemets{NBSP}»"),
        ("«serrés»", f"«{NBSP}serrés{NBSP}»"),
        ("“Je Consomme Local”", f"«{NBSP}Je Consomme Local{NBSP}»"),
        ("l'apostrophe", "l’apostrophe"),
        ('("entre parenthèses")', f"(«{NBSP}entre parenthèses{NBSP}»)"),
        # glued marks are not punctuation of a sentence: left alone
        ("12:30", "12:30"),
        ("pvd:mobilite", "pvd:mobilite"),
        ("https://exemple.fr/page?id=3", "https://exemple.fr/page?id=3"),
        ("? question", "? question"),
        ("", ""),
    ],
)
def test_typographier(brut: str, attendu: str) -> None:
    assert typographier(brut) == attendu


@given(textes)
def test_typographier_est_idempotent(texte: str) -> None:
    une_fois = typographier(texte)
    assert typographier(une_fois) == une_fois


@given(textes)
def test_plus_de_guillemets_ni_apostrophes_droits(texte: str) -> None:
    sortie = typographier(texte)
    assert '"' not in sortie and "'" not in sortie
    for signe in "?!;":  # a sentence mark after a word always has its narrow space
        for k, c in enumerate(sortie):
            if (
                c == signe
                and k
                and sortie[k - 1].isalnum()
                and (k + 1 == len(sortie) or sortie[k + 1] in " .,;:!?…)]»")
            ):
                pytest.fail(f"{sortie!r} : pas d'espace avant « {signe} »")


@pytest.mark.parametrize(
    ("montant", "attendu"),
    [
        (150000, f"150{FINE}000{NBSP}€{NBSP}HT"),
        (0, f"0{NBSP}€{NBSP}HT"),
        (999, f"999{NBSP}€{NBSP}HT"),
        (1e6, f"1{FINE}000{FINE}000{NBSP}€{NBSP}HT"),
        (1234.5, f"1{FINE}234,50{NBSP}€{NBSP}HT"),
    ],
)
def test_montant(montant: float, attendu: str) -> None:
    assert valeurs.montant(montant) == attendu


def test_dates_et_periodes() -> None:
    assert valeurs.date(dt.date(2026, 3, 1)) == f"1er{NBSP}mars 2026"
    assert valeurs.date(dt.date(2028, 12, 31)) == f"31{NBSP}décembre 2028"
    debut, fin = dt.date(2025, 3, 1), dt.date(2028, 8, 15)
    assert valeurs.periode(debut, fin) == f"Du 1er{NBSP}mars 2025 au 15{NBSP}août 2028"
    assert valeurs.periode(debut, None) == f"À partir du 1er{NBSP}mars 2025"
    assert valeurs.periode(None, fin) == f"Jusqu’au 15{NBSP}août 2028"
    assert valeurs.periode(None, None) is None


@given(st.integers(0, 10**12))
def test_montant_relu(n: int) -> None:
    lu = valeurs.montant(n).removesuffix(f"{NBSP}€{NBSP}HT").replace(FINE, "")
    assert int(lu) == n


# --- values written, then read back by the readers' own parsers (projterr/valeurs.py) ------


@given(st.integers(0, 10**12) | st.decimals(0, 10**9, places=2).map(float))
def test_un_montant_ecrit_se_relit(valeur: float) -> None:
    """What the Word export writes (« 1 234,50 € HT »), the Word and Excel readers read back;
    and the same amount in a fiche's sentence."""
    attendu = int(valeur) if float(valeur).is_integer() else valeur
    assert valeurs.lire_montant(valeurs.montant(valeur)) == attendu
    assert valeurs.lire_montant(valeurs.euros(valeur)) == attendu
    assert valeurs.montant_dans(f"Coût estimé : {valeurs.montant(valeur)}.") == float(valeur)


@given(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
def test_une_date_ecrite_se_relit(jour: dt.date) -> None:
    assert valeurs.lire_date_longue(valeurs.date(jour)) == jour
    assert valeurs.lire_date(valeurs.date_courte(jour.isoformat())) == jour
    assert valeurs.lire_date(jour.isoformat()) == jour


@pytest.mark.parametrize(
    ("cellule", "attendu"),
    [
        ("12 000 euros HT", 12000),
        ("1.500,50 €", 1500.5),
        (f"150{FINE}000,00{NBSP}€", 150000),
        ("-5", None),
        ("environ 5 000", None),
        (True, None),
        (float("nan"), None),
    ],
)
def test_montant_d_une_case(cellule: object, attendu: float | None) -> None:
    assert valeurs.lire_montant(cellule) == attendu


def test_montants_dans_une_phrase() -> None:
    assert valeurs.montant_dans("Budget : 45 k€ sur trois ans") == 45_000
    assert valeurs.montant_dans("2,5 M€ pour la voie verte") == 2_500_000
    assert valeurs.montant_dans("Plan de financement à établir") is None
