"""The fiche action in the schema: Territoires en Transitions fields, tolerant lists, unique ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from projterr.errors import SchemaInvalide
from projterr.model import CHAMPS_ACTION, STATUTS_ACTION, Action, json_schema
from projterr.yamlio import charger_projet, loads, projet_vers_yaml, valider_projet

FICHE = """\
schema: projterr/1
territoire:
  nom: PETR test
  siren: '200035897'
  siret: '20003589700013'
document:
  titre: Titre
  adoption:
    instance: Conseil syndical
    date: 2025-06-30
    deliberation: 2025-014
contenu:
  - id: p1
    type: pilier
    numero: '1'
    titre: Un
    actions:
      - id: a1
        texte: Créer une maison de santé
        description:
          - Premier paragraphe.
          - Second paragraphe.
        objectifs:
          - Attirer des médecins
        structures_pilotes:
          - Communauté de communes
        elus_referents:
          - Mme la vice-présidente
        participation_citoyenne: Concertation
        financements:
          - financeur: Région Grand Est
            montant: 150000
          - financeur: État (DETR)
            montant: 82500.5
        budget: 600000
        statut: 'en cours '
        priorite: elevee
        date_debut: 2026-01-15
        date_fin: 2027-12-31
        sous_actions:
          - id: a1-1
            texte: Études de faisabilité
            statut: Réalisé
"""


def _ecrire(tmp_path: Path, texte: str) -> Path:
    fichier = tmp_path / "fiche.yaml"
    fichier.write_text(texte, encoding="utf-8")
    return fichier


def test_fiche_complete_lue_et_reecrite(tmp_path: Path) -> None:
    projet = charger_projet(_ecrire(tmp_path, FICHE))
    action = projet.contenu[0].actions[0]
    assert action.statut == "En cours"
    assert action.priorite == "Élevé"
    assert action.participation_citoyenne == "concertation"
    assert [f.montant for f in action.financements] == [150000, 82500.5]
    assert action.sous_actions[0].texte == "Études de faisabilité"
    assert projet.territoire.siret == "20003589700013"
    assert projet.document.adoption is not None
    assert projet.document.adoption.deliberation == "2025-014"
    relu = valider_projet(loads(projet_vers_yaml(projet)))
    assert relu.model_dump() == projet.model_dump()
    # integers stay integers: « budget: 600000 », not « 600000.0 »
    assert "budget: 600000\n" in projet_vers_yaml(projet)


@pytest.mark.parametrize(
    ("avant", "apres", "attendu"),
    [
        ("statut: 'en cours '", "statut: terminé bientôt", "valeur non autorisée"),
        ("priorite: elevee", "priorite: urgente", "valeur non autorisée"),
        ("montant: 150000", "montant: -3", "nombre positif attendu"),
        ("budget: 600000", "budget: beaucoup", "nombre"),
        ("siren: '200035897'", "siren: '2000358'", "SIREN attendu (9 chiffres"),
        ("siret: '20003589700013'", "siret: 200 035 897", "SIRET attendu"),
        ("date_fin: 2027-12-31", "date_fin: fin 2027", "date attendue"),
    ],
)
def test_valeurs_refusees_en_francais(tmp_path: Path, avant: str, apres: str, attendu: str) -> None:
    assert avant in FICHE
    with pytest.raises(SchemaInvalide) as info:
        charger_projet(_ecrire(tmp_path, FICHE.replace(avant, apres)))
    assert attendu in str(info.value)


def test_tous_les_statuts_de_la_plateforme() -> None:
    for statut in STATUTS_ACTION:
        assert Action(id="a", texte="t", statut=statut).statut == statut
    assert Action(id="a", texte="t", statut="A discuter").statut == "À discuter"
    assert Action(id="a", texte="t", statut="ABANDONNE").statut == "Abandonné"


@pytest.mark.parametrize(
    ("avant", "apres", "ligne", "champ"),
    [
        (
            "          - id: a1-1",
            "          - id: a1",
            41,
            "contenu[0].actions[0].sous_actions[0].id",
        ),
        ("      - id: a1\n", "      - id: p1\n", 18, "contenu[0].actions[0].id"),
    ],
)
def test_identifiant_en_double(
    tmp_path: Path, avant: str, apres: str, ligne: int, champ: str
) -> None:
    assert avant in FICHE
    with pytest.raises(SchemaInvalide) as info:
        charger_projet(_ecrire(tmp_path, FICHE.replace(avant, apres)))
    message = str(info.value)
    assert f"ligne {ligne}," in message
    assert f"champ « {champ} »" in message
    assert "en double" in message


def test_schema_json_documente_chaque_champ() -> None:
    schema = json_schema()
    proprietes = schema["$defs"]["Action"]["properties"]  # type: ignore[index]
    for champ in CHAMPS_ACTION:
        assert champ in proprietes
        assert proprietes[champ].get("description"), champ
    statut = proprietes["statut"]["anyOf"][0]
    assert statut["enum"] == list(STATUTS_ACTION)
