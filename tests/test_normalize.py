"""Normalisation keys shared by check, diff and match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from projterr.normalize import espaces, normaliser, normaliser_numero, sans_accents


def _reference(texte: str) -> str:
    """The definition: accents off the whole string, then case-folded, punctuation as spaces."""
    return re.sub(r"[^\w]+", " ", sans_accents(texte).casefold()).strip()


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_normaliser_egal_a_sa_definition(texte: str) -> None:
    # normaliser works per character through a cached translate table, for speed
    assert normaliser(texte) == _reference(texte)


def test_normaliser_francais() -> None:
    texte = "Œuvre d’ÉCOLE : « Maïs, forêt… » — ﬁn ; Ça Ⅻ ½ Å ǅ ß e\u0301"
    assert normaliser(texte) == _reference(texte)
    assert (
        normaliser("Élaboration du CLS — 3ème génération") == "elaboration du cls 3eme generation"
    )


def test_normaliser_numero() -> None:
    assert normaliser_numero("n°2.1.3.") == normaliser_numero("2.1.3") == "2.1.3"
    assert normaliser_numero("N° 1.2") == "1.2"
    assert normaliser_numero("no 2") == normaliser_numero("numéro 2") == "2"
    assert normaliser_numero("nord") == "nord"
    assert normaliser_numero("IV") == "IV"
    assert normaliser_numero(None) == normaliser_numero("") == ""
    assert normaliser_numero("4.2.1") != normaliser_numero("4.1.2")


def test_espaces() -> None:
    assert espaces("  un \n deux\t trois ") == "un deux trois"
