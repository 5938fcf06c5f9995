"""Classification of actions by référentiel: stems, keywords, acronyms, reasons, tag writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from projterr.classement import Classeur, classer
from projterr.match.etiquetage import poser_etiquettes
from projterr.referentiels import Referentiel, Theme, charger_referentiel, charger_sigles
from projterr.texte.racines import racines
from projterr.yamlio import charger_projet, charger_yaml, dumps

ROOT = Path(__file__).resolve().parents[1]
EXEMPLES = ROOT / "examples"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rénovation énergétique des logements", "rénover l'énergie du LOGEMENT"),
        ("les emplois", "l'emploi"),
        ("vélos", "Vélo"),
        ("eaux", "eau"),
        ("locaux commerciaux", "local commercial"),
        ("centre-bourg", "centre bourg"),
        ("Cœur de bourg", "coeur de bourg"),
    ],
)
def test_racines_communes(a: str, b: str) -> None:
    assert racines(a)[-1] == racines(b)[-1]
    assert len(racines(a)) == len(racines(b))


def test_mots_vides() -> None:
    assert racines("de la et à l'") == ()


def _classeur(*mots: str, sigles: bool = True) -> Classeur:
    ref = Referentiel(
        "essai",
        "Essai",
        "test",
        (Theme("t", "Thème", tuple(mots)), Theme("autre", "Autre", ("patrimoine",))),
    )
    return Classeur(ref, charger_sigles() if sigles else None)


def test_expression_contigue_seulement() -> None:
    classeur = _classeur("transport à la demande")
    assert classeur.classer_textes(["développer le transport à la demande"])
    assert classeur.classer_textes(["Transports à la demande"])
    assert not classeur.classer_textes(["la demande de transport"])  # order matters
    assert not classeur.classer_textes(["transport", "à la demande"])  # fields are separate


def test_sigle_developpe_et_dit() -> None:
    classeur = _classeur("transport à la demande")
    [trouve] = classeur.classer_textes(["travail sur le TAD pour les publics précaires"])
    assert trouve.raisons() == ["« transport à la demande » (TAD = transport à la demande)"]
    assert not _classeur("transport à la demande", sigles=False).classer_textes(["le TAD"])


def test_sigle_de_structure_pas_developpe() -> None:
    # EPCI = établissement public de « coopération » intercommunale: names who, not what.
    assert not _classeur("coopération").classer_textes(["harmoniser les aides par EPCI"])
    assert not _classeur("économie").classer_textes(["soutien via LEADER"])


def test_pas_de_faux_amis_corriges() -> None:
    pvd = Classeur(charger_referentiel("pvd"), charger_sigles())
    assert not pvd.classer_textes(["Conserver le rythme d'une Conférence des Maires par an."])
    assert not pvd.classer_textes(["Mise en place d'une instance de pilotage."])
    themes = pvd.classer_textes(["Les habitants du territoire et leurs familles"])
    assert "pvd:habitat" not in [t.etiquette for t in themes]


def test_mot_inclus_dans_un_plus_long_non_repete() -> None:
    classeur = _classeur("logement", "logements vacants", "autostop", "auto-stop")
    [trouve] = classeur.classer_textes(["Résorber les logements vacants"])
    assert [c.mot_cle for c in trouve.correspondances] == ["logements vacants"]


def test_exemples_connus() -> None:
    projet = charger_projet(EXEMPLES / "coeur-de-lorraine_2025.yaml")
    rapport = classer(projet, charger_referentiel("pvd"), charger_sigles())
    par_id = {a.id: a for a in rapport.actions}
    assert par_id["a-0427ac9d"].etiquettes == ["pvd:habitat"]  # PIG
    mobilite = par_id["a-9ef6c583"].themes[0]
    assert mobilite.etiquette == "pvd:mobilite"
    assert "autostop organisé" in [c.mot_cle for c in mobilite.correspondances]
    assert "pvd:sante" in par_id["a-6f3e97b3"].etiquettes  # CLS
    donnees = rapport.to_dict()
    assert donnees["referentiel"]["nom"] == "pvd"
    assert donnees["resume"]["actions"] == len(list(projet.actions()))
    assert donnees["resume"]["classees"] == len(rapport.classees)
    assert set(donnees["resume"]["par_theme"]) == {t.code for t in rapport.referentiel.themes}
    action = next(a for a in donnees["actions"] if a["id"] == "a-0427ac9d")
    assert action["themes"][0]["raisons"]


# --- writing tags ------------------------------------------------------------------------

DOC = """\
# en-tête gardé
schema: projterr/1
territoire: {nom: PETR du Test}
document: {titre: Essai}
contenu:
  - id: p1
    type: pilier
    titre: Pilier   # commentaire gardé
    actions:
      - id: a1
        texte: Mettre en place un PIG
        partenaires: [Anah]
        statut: En cours
      - id: a2
        texte: Autre chose
        thematiques:
          - odd:11   # gardé
          - pvd:commerce
      - id: a3
        texte: Rien
        thematiques: [pvd:habitat]
"""


def test_poser_etiquettes_remplace_garde_et_ordonne() -> None:
    from projterr.yamlio import loads

    doc = loads(DOC)
    n = poser_etiquettes(doc, {"a1": ["pvd:habitat"], "a2": ["pvd:sante"], "a3": []}, "pvd")
    assert n == 3
    texte = dumps(doc)
    assert texte.startswith("# en-tête gardé\n")
    assert "titre: Pilier   # commentaire gardé" in texte
    a1 = doc["contenu"][0]["actions"][0]
    assert list(a1) == ["id", "texte", "partenaires", "thematiques", "statut"]
    assert list(a1["thematiques"]) == ["pvd:habitat"]
    a2 = doc["contenu"][0]["actions"][1]
    assert list(a2["thematiques"]) == ["odd:11", "pvd:sante"]
    assert "odd:11   # gardé" in texte
    assert "thematiques" not in doc["contenu"][0]["actions"][2]
    # a second pass changes nothing
    assert poser_etiquettes(doc, {"a1": ["pvd:habitat"], "a2": ["pvd:sante"]}, "pvd") == 0


def test_aller_retour_des_exemples_intact() -> None:
    """reecrire_yaml relies on ruamel giving back the bytes it read."""
    for chemin in sorted(EXEMPLES.glob("*.yaml")):
        assert dumps(charger_yaml(chemin)) == chemin.read_text("utf-8"), chemin.name
