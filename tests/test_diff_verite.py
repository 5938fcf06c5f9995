"""The Cœur de Lorraine revision: every change made by hand is reported, and nothing else.

The ground truth is the table in tests/data/diff/README.md, read here, so the README and the
test cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from projterr.diff import comparer
from projterr.importers import charger_projet

DONNEES = Path(__file__).parent / "data" / "diff"
SOURCE = DONNEES / "coeur-de-lorraine_revision-projet-de-territoire.txt"
REVISION = DONNEES / "coeur-de-lorraine_revision-2027.txt"


def _verite() -> list[dict[str, object]]:
    lignes = (DONNEES / "README.md").read_text(encoding="utf-8").splitlines()
    debut = lignes.index("| types | nature | ancien | nouveau | texte |") + 2
    attendus = []
    for ligne in lignes[debut:]:
        if not ligne.startswith("|"):
            break
        types, nature, ancien, nouveau, texte = (c.strip() for c in ligne.strip("|").split("|"))
        attendus.append(
            {
                "types": types.split(" + "),
                "nature": nature,
                "ancien": _cote(ancien),
                "nouveau": _cote(nouveau),
                "texte": texte,
            }
        )
    return attendus


def _cote(cellule: str) -> tuple[str | None, str | None] | None:
    if cellule == "—":
        return None
    numero, _, parent = cellule.partition("sous")
    return (numero.strip() or None, parent.strip() or None)


def _obtenu(cote: dict[str, object] | None) -> tuple[object, object] | None:
    return None if cote is None else (cote["numero"], cote["parent"])


@pytest.fixture(scope="module")
def complet():  # type: ignore[no-untyped-def]
    return comparer(charger_projet(SOURCE), charger_projet(REVISION)).to_dict()


@pytest.fixture(scope="module")
def rapport(complet):  # type: ignore[no-untyped-def]
    """The records people read: minor ones (here, the source file's name) set apart."""
    return {**complet, "changements": [c for c in complet["changements"] if not c.get("mineure")]}


def test_seule_la_provenance_est_mineure(complet) -> None:  # type: ignore[no-untyped-def]
    mineurs = [c for c in complet["changements"] if c.get("mineure")]
    assert [(c["nature"], c["raison"]) for c in mineurs] == [("document", "provenance")]
    assert [ch["champ"] for ch in mineurs[0]["champs"]] == ["document.source"]


def test_chaque_changement_et_rien_d_autre(rapport) -> None:  # type: ignore[no-untyped-def]
    attendus = _verite()
    assert len(attendus) == 16  # the table itself was read whole
    obtenus = [
        {
            "types": c["types"],
            "nature": c["nature"],
            "ancien": _obtenu(c["ancien"]),
            "nouveau": _obtenu(c["nouveau"]),
            "texte": (c["nouveau"] or c["ancien"])["texte"],
        }
        for c in rapport["changements"]
    ]
    assert len(obtenus) == len(attendus)
    for obtenu, attendu in zip(obtenus, attendus, strict=True):
        assert str(obtenu["texte"]).startswith(str(attendu["texte"])), (obtenu, attendu)
        assert {k: obtenu[k] for k in ("types", "nature", "ancien", "nouveau")} == {
            k: attendu[k] for k in ("types", "nature", "ancien", "nouveau")
        }


def test_resume(rapport) -> None:  # type: ignore[no-untyped-def]
    assert rapport["resume"] == {
        "ajout": 1,
        "suppression": 4,
        "deplacement": 2,
        "modification": 7,
        "renumerotation": 4,
        # the two actions of the new objective count as actions added
        "par_nature": {
            "action": {"ajout": 2, "suppression": 4, "deplacement": 2, "modification": 4},
            "objectif_operationnel": {"ajout": 1, "modification": 2, "renumerotation": 4},
            "pilier": {"modification": 1},
        },
        "reordonnancements": 0,
        "mineures": 0,
    }


def test_fusion_de_deux_actions(rapport) -> None:  # type: ignore[no-untyped-def]
    par_texte = {(c["nouveau"] or c["ancien"])["texte"][:20]: c for c in rapport["changements"]}
    fusion = par_texte["Développer des confé"]
    supprimee = par_texte["Campagnes de communi"]
    assert fusion["fusion"] == [fusion["ancien"]["id"], supprimee["ancien"]["id"]]
    assert supprimee["fusionne_dans"] == fusion["nouveau"]["id"]
    assert "fusion" not in supprimee and "fusionne_dans" not in fusion


def test_nouvel_objectif_un_seul_enregistrement_avec_ses_actions(rapport) -> None:  # type: ignore[no-untyped-def]
    ajout, renumerote = rapport["changements"][1:3]
    assert [c["texte"][:9] for c in ajout["contenu"]] == ["Recenser ", "Organiser"]
    assert all(c["nature"] == "action" for c in ajout["contenu"])
    assert renumerote["cause"] == {
        "type": "ajout",
        "nature": "objectif_operationnel",
        "id": ajout["nouveau"]["id"],
        "numero": "1.2.2",
    }


def test_mots_changes_d_une_reformulation(rapport) -> None:  # type: ignore[no-untyped-def]
    segments = rapport["changements"][0]["segments"]
    assert [s for s in segments if s["op"] != "egal"] == [
        {"op": "suppression", "texte": "Mettre en place une harmonisation des"},
        {"op": "ajout", "texte": "Harmoniser les"},
        {"op": "ajout", "texte": " les"},
    ]


def test_groupes_par_pilier_du_nouveau_document(rapport) -> None:  # type: ignore[no-untyped-def]
    groupes = [c["groupe"]["numero"] for c in rapport["changements"]]
    assert groupes == sorted(groupes)
    pilier2 = {c["groupe"]["titre"] for c in rapport["changements"] if c["groupe"]["numero"] == "2"}
    assert pilier2 == {"Réussir la transition écologique et énergétique du territoire"}
