"""The thematic référentiels and the thesaurus: every shipped file, and users' broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from projterr.errors import ProjterrError, SchemaInvalide, YamlInvalide
from projterr.referentiels import (
    charger_referentiel,
    charger_thesaurus,
    dossier_referentiels,
    lire_referentiel,
    referentiels_livres,
)
from projterr.texte.racines import racines
from projterr.yamlio import charger_yaml

ATTENDUS = {"pvd": None, "ort": 5, "odd": 17, "crte": 6, "pcaet": 8, "leader": 7}


def test_referentiels_livres() -> None:
    assert set(referentiels_livres()) == set(ATTENDUS)


@pytest.mark.parametrize("nom", sorted(ATTENDUS))
def test_chaque_fichier_a_ses_cles_et_sa_source(nom: str) -> None:
    brut = charger_yaml(dossier_referentiels() / f"{nom}.yaml")
    assert {"titre", "source", "themes"} <= set(brut)
    # written without internet: the file says so, as sigles.yaml does
    assert "sans accès à Internet" in (brut.get("note") or "")
    ref = charger_referentiel(nom)
    assert ref.nom == nom
    assert len(ref.source) > 40, "une source précise : texte officiel, page, article"
    if ATTENDUS[nom] is not None:
        assert len(ref.themes) == ATTENDUS[nom]
    for theme in ref.themes:
        assert theme.code and theme.libelle
        assert len(theme.mots_cles) >= 5, f"{nom}:{theme.code} : trop peu de mots-clés"
        for mot in theme.mots_cles:
            assert racines(mot), f"{nom}:{theme.code} : « {mot} » n'est fait que de mots vides"


def test_odd_numeros_et_intitules_officiels() -> None:
    odd = charger_referentiel("odd")
    assert [t.code for t in odd.themes] == [str(i) for i in range(1, 18)]
    theme7 = odd.theme("7")
    assert theme7 is not None and theme7.libelle == "Énergie propre et d'un coût abordable"
    assert all(t.description for t in odd.themes)


def test_pcaet_les_huit_secteurs_de_l_arrete() -> None:
    libelles = [t.libelle for t in charger_referentiel("pcaet").themes]
    assert libelles == [
        "Résidentiel", "Tertiaire", "Transport routier", "Autres transports", "Agriculture",
        "Déchets", "Industrie hors branche énergie", "Branche énergie",
    ]  # fmt: skip


def test_crte_les_six_thematiques() -> None:
    libelles = [t.libelle for t in charger_referentiel("crte").themes]
    assert libelles == [
        "Mieux se déplacer", "Mieux se loger", "Mieux préserver et valoriser nos écosystèmes",
        "Mieux produire", "Mieux se nourrir", "Mieux consommer",
    ]  # fmt: skip


def test_thesaurus() -> None:
    thesaurus = charger_thesaurus()
    assert thesaurus.source
    assert len(thesaurus.groupes) >= 30
    noms = {g.nom for g in thesaurus.groupes}
    assert {"alimentation", "numerique", "eau", "mobilite", "habitat", "friches"} <= noms
    for groupe in thesaurus.groupes:
        assert len(groupe.termes) >= 2
        for terme in groupe.termes:
            assert racines(terme), f"{groupe.nom} : « {terme} »"
    mobilite = next(g for g in thesaurus.groupes if g.nom == "mobilite")
    assert "covoiturage" in mobilite.termes and "autostop organisé" in mobilite.termes


def test_nom_ou_chemin() -> None:
    assert charger_referentiel("PVD").nom == "pvd"
    chemin = dossier_referentiels() / "ort.yaml"
    assert charger_referentiel(str(chemin)).themes == charger_referentiel("ort").themes


# --- a user's own file ------------------------------------------------------------------

VALIDE = """\
titre: Mon référentiel
source: délibération du 12 mars 2025
themes:
  - code: eau
    libelle: L'eau
    mots_cles: [eau, assainissement]
  - code: 7
    libelle: Un code numérique
    mots_cles: [énergie]
"""


def _fichier(tmp_path: Path, texte: str, nom: str = "mon-ref.yaml") -> Path:
    chemin = tmp_path / nom
    chemin.write_text(texte, encoding="utf-8")
    return chemin


def test_fichier_utilisateur(tmp_path: Path) -> None:
    ref = charger_referentiel(str(_fichier(tmp_path, VALIDE)))
    assert ref.nom == "mon-ref"
    assert [t.code for t in ref.themes] == ["eau", "7"]
    assert ref.etiquette(ref.themes[0]) == "mon-ref:eau"
    avec_nom = charger_referentiel(_fichier(tmp_path, "nom: maison\n" + VALIDE, "x.yaml"))
    assert avec_nom.nom == "maison"


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        (VALIDE.replace("source: délibération du 12 mars 2025\n", ""),
         "champ obligatoire manquant « source »"),
        (VALIDE.replace("  - code: eau\n", "  - code: Eau Potable\n"), "code invalide"),
        (VALIDE.replace("code: 7", "code: eau"), "ligne 7 : thème « eau » en double"),
        (VALIDE.replace("    mots_cles: [énergie]", "    mots_cles: []"), "mots_cles"),
        (VALIDE.replace("    mots_cles: [énergie]", "    motscles: [énergie]"),
         "ligne 7 : thème « 7 » : champ inconnu « motscles »"),
        (VALIDE + "auteur: moi\n", "champ inconnu « auteur »"),
        ("titre: x\nsource: y\nthemes: []\n", "liste de thèmes attendue, non vide"),
        ("- une liste\n", "un référentiel doit contenir"),
        (VALIDE.replace("  - code: eau\n", "  - libelle: x\n    mots_cles: [a]\n  - code: eau\n"),
         "thème n° 1 : champ obligatoire manquant « code »"),
    ],
)  # fmt: skip
def test_fichier_utilisateur_invalide(tmp_path: Path, texte: str, attendu: str) -> None:
    chemin = _fichier(tmp_path, texte)
    with pytest.raises(SchemaInvalide) as exc:
        lire_referentiel(chemin)
    message = str(exc.value)
    assert attendu in message, message
    assert str(chemin) in message and "\n" not in message


def test_nom_de_fichier_invalide(tmp_path: Path) -> None:
    chemin = _fichier(tmp_path, VALIDE, "Mon Référentiel.yaml")
    with pytest.raises(SchemaInvalide, match="ajoutez une clé « nom: »"):
        lire_referentiel(chemin)


def test_yaml_casse(tmp_path: Path) -> None:
    chemin = _fichier(tmp_path, "titre: [x\nsource: y\n")
    with pytest.raises(YamlInvalide, match="YAML invalide"):
        charger_referentiel(str(chemin))


def test_nom_inconnu() -> None:
    with pytest.raises(ProjterrError) as exc:
        charger_referentiel("pvdd")
    assert "référentiel inconnu « pvdd »" in str(exc.value)
    assert "pvd, " in str(exc.value) or ", pvd" in str(exc.value)


def test_fichier_absent(tmp_path: Path) -> None:
    with pytest.raises(ProjterrError) as exc:
        charger_referentiel(str(tmp_path / "absent.yaml"))
    assert "absent.yaml" in str(exc.value)


def test_thesaurus_utilisateur_invalide(tmp_path: Path) -> None:
    chemin = _fichier(tmp_path, "titre: t\nsource: s\ngroupes:\n  - nom: eau\n    termes: [eau]\n")
    with pytest.raises(SchemaInvalide, match=r"ligne 4 : groupe « eau » : .*au moins deux termes"):
        charger_thesaurus(chemin)
