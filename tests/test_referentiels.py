"""The référentiel of acronyms: shipped file, user files, lookups."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graines import GRAINES
from projterr.check.sigle_inconnu import _en_capitales, sigles_candidats
from projterr.errors import ProjterrError, SchemaInvalide, YamlInvalide
from projterr.referentiels import (
    CATEGORIES,
    Sigle,
    Sigles,
    charger_sigles,
    cle_sigle,
    dossier_referentiels,
)

# Capitals in the seeds that are not acronyms of territorial documents, and why.
PAS_DES_SIGLES = {"MG": "nom d'entreprise dans un crédit photo (« MG Real Estate »)"}


def test_dossier_livre() -> None:
    assert (dossier_referentiels() / "sigles.yaml").is_file()


def test_chaque_sigle_livre_a_son_developpe_sa_categorie_et_sa_source() -> None:
    sigles = charger_sigles()
    assert len(sigles) >= 50
    for nom, s in sigles.items():
        assert s.sigle == nom
        assert s.expansion and s.expansion != nom
        assert s.categorie in CATEGORIES
        assert s.source, f"{nom} : source manquante"


def test_brief_sigles_presents() -> None:
    attendus = [
        "PETR",
        "EPCI",
        "ZAN",
        "MDE",
        "PAT",
        "LEADER",
        "GAL",
        "CODEV",
        "PCAET",
        "CEE",
        "CODECOM",
        "LER",
        "PIG",
        "CLS",
        "CPTS",
        "SISA",
        "CTEAC",
        "PTRTE",
        "PVD",
        "CAUE",
        "PLUi",
        "TAD",
        "SDIRVE",
        "CS",
        "ANPP",
        "TEPCV",
        "CTE",
        "ORT",
        "CCI",
        "CMA",
        "HTA",
        "BT",
        "SCoT",
        "OPAH",
        "PLIE",
        "DRAC",
        "ARS",
        "MQ",
        "DDT",
        "AMI",
        "SMET",
        "CPIE",
        "RDV",
    ]
    sigles = charger_sigles()
    assert [s for s in attendus if s not in sigles] == []


def test_tous_les_sigles_des_graines_sont_connus() -> None:
    """Every acronym-looking word of the five seed texts, line by line, is known."""
    sigles = charger_sigles()
    inconnus: dict[str, str] = {}
    fichiers = list(GRAINES)
    assert len(fichiers) >= 5
    for fichier in fichiers:
        for ligne in fichier.read_text(encoding="utf-8").splitlines():
            candidats = sigles_candidats(ligne)
            if len(candidats) >= 2 and _en_capitales(ligne):
                continue  # headings in capitals
            for mot in candidats:
                if sigles.trouver(mot) is None and mot not in PAS_DES_SIGLES:
                    inconnus.setdefault(mot, f"{fichier.name} : {ligne.strip()[:60]}")
    assert inconnus == {}


def test_trouver_pardonne_casse_accents_pluriel() -> None:
    sigles = charger_sigles()
    assert sigles.trouver("PLUI") is sigles["PLUi"]
    assert sigles.trouver("SCOT") is sigles["SCoT"]
    assert sigles.trouver("EPCIs") is sigles["EPCI"]
    assert sigles.trouver("ARS") is sigles["ARS"]  # ends with S, is not a plural
    assert sigles.trouver("XYZW") is None
    assert "PLUI" not in sigles  # the Mapping itself is exact


@given(st.sampled_from(sorted(charger_sigles())))
def test_trouver_toute_forme_de_casse(nom: str) -> None:
    sigles = charger_sigles()
    assert sigles.trouver(nom.upper()) is sigles[nom]
    assert sigles.trouver(nom.lower()) is sigles[nom]
    assert cle_sigle(cle_sigle(nom)) == cle_sigle(nom)


def test_fichier_utilisateur_ajoute_et_remplace(tmp_path: Path) -> None:
    mien = tmp_path / "sigles.yaml"
    mien.write_text(
        "sigles:\n"
        "  QWZ: quartier d'essai\n"
        "  PETR:\n"
        "    expansion: pays (au sens local)\n"
        "    categorie: structure\n"
        "    source: délibération du 3 mars\n",
        encoding="utf-8",
    )
    livres = charger_sigles()
    fusion = charger_sigles(mien)
    assert len(fusion) == len(livres) + 1
    assert fusion["QWZ"] == Sigle("QWZ", "quartier d'essai", "autre", None, None)
    assert fusion["PETR"].expansion == "pays (au sens local)"
    assert fusion["PCAET"] == livres["PCAET"]
    assert livres["PETR"].expansion == "pôle d'équilibre territorial et rural"  # untouched
    assert fusion.fichiers[-1] == mien


def test_fichier_utilisateur_remplace_sans_tenir_compte_de_la_casse(tmp_path: Path) -> None:
    mien = tmp_path / "sigles.yaml"
    mien.write_text(
        "sigles:\n  PLUI: plan local d'urbanisme intercommunal (PLUI)\n", encoding="utf-8"
    )
    fusion = charger_sigles(mien)
    assert "PLUi" not in fusion and fusion.trouver("PLUi") is fusion["PLUI"]


@pytest.mark.parametrize(
    ("contenu", "erreur", "morceau"),
    [
        ("sigles: [PETR]\n", SchemaInvalide, "clé « sigles: »"),
        ("- a\n", SchemaInvalide, "clé « sigles: »"),
        (
            "sigles:\n  XY: {categorie: structure}\n",
            SchemaInvalide,
            "ligne 2 : sigle « XY » : champ obligatoire manquant « expansion »",
        ),
        (
            "sigles:\n  XY: {expansion: x, categorie: loi}\n",
            SchemaInvalide,
            "catégorie « loi » inconnue",
        ),
        ("sigles:\n  XY: {expansion: x, sens: y}\n", SchemaInvalide, "champ inconnu « sens »"),
        ("sigles:\n  XY: [a, b]\n", SchemaInvalide, "texte ou dictionnaire attendu"),
        ("sigles:\n  XY: {expansion: 3}\n", SchemaInvalide, "texte attendu"),
        ("sigles:\n  XY: ''\n", SchemaInvalide, "développé vide"),
        ("sigles:\n  XY: [\n", YamlInvalide, "YAML invalide"),
    ],
)
def test_fichier_utilisateur_casse(
    tmp_path: Path, contenu: str, erreur: type[ProjterrError], morceau: str
) -> None:
    mien = tmp_path / "sigles.yaml"
    mien.write_text(contenu, encoding="utf-8")
    with pytest.raises(erreur) as exc:
        charger_sigles(mien)
    message = str(exc.value)
    assert morceau in message and "\n" not in message
    assert message.startswith(str(mien))


def test_fichier_utilisateur_absent(tmp_path: Path) -> None:
    with pytest.raises(ProjterrError, match="fichier introuvable"):
        charger_sigles(tmp_path / "absent.yaml")


def test_sigles_vides() -> None:
    assert len(Sigles({})) == 0 and Sigles({}).trouver("PETR") is None
