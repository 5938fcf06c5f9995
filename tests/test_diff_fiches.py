"""A revision of fiches actions: every field change is reported, once, and nothing else.

The ground truth is the table in tests/data/diff/fiches/README.md, written by hand before the
diff was run on these files; it is read here so the README and the test cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from projterr.diff import comparer
from projterr.diff.appliquer import appliquer
from projterr.render.diff import RENDUS
from projterr.yamlio import charger_projet

DONNEES = Path(__file__).parent / "data" / "diff" / "fiches"
ANCIEN, NOUVEAU = DONNEES / "crte-2024.yaml", DONNEES / "crte-2026.yaml"


def _verite() -> list[dict[str, Any]]:
    lignes = (DONNEES / "README.md").read_text(encoding="utf-8").splitlines()
    debut = lignes.index("| types | nature | ancien | nouveau | champs |") + 2
    attendus = []
    for ligne in lignes[debut:]:
        if not ligne.startswith("|"):
            break
        types, nature, ancien, nouveau, champs = (c.strip() for c in ligne.strip("|").split("|"))
        attendus.append(
            {
                "types": types.split(" + "),
                "nature": nature,
                "ancien": None if ancien == "—" else ancien,
                "nouveau": None if nouveau == "—" else nouveau,
                "champs": [] if champs == "—" else champs.split(", "),
            }
        )
    return attendus


@pytest.fixture(scope="module")
def rapport():  # type: ignore[no-untyped-def]
    return comparer(charger_projet(ANCIEN), charger_projet(NOUVEAU))


def test_chaque_changement_et_rien_d_autre(rapport) -> None:  # type: ignore[no-untyped-def]
    attendus = _verite()
    assert len(attendus) == 10  # the table was read whole
    obtenus = [
        {
            "types": list(c.types),
            "nature": c.nature,
            "ancien": c.ancien.numero if c.ancien else None,
            "nouveau": c.nouveau.numero if c.nouveau else None,
            "champs": [ch.champ for ch in c.champs if not ch.mineure],
        }
        for c in rapport.significatifs()
    ]
    assert obtenus == attendus


def test_reformulation_lourde_et_fusion(rapport) -> None:  # type: ignore[no-untyped-def]
    lourde = rapport.significatifs()[2]
    supprimee = rapport.significatifs()[4]
    assert lourde.ancien.texte.startswith("Accompagner les communes")
    assert lourde.similarite < 0.6  # a character ratio alone would have missed it
    assert supprimee.ancien.texte.startswith("Organiser des ateliers")
    assert supprimee.fusionne_dans == lourde.nouveau.id
    assert lourde.fusion == (lourde.ancien.id, supprimee.ancien.id)


def test_champs_de_la_fiche(rapport) -> None:  # type: ignore[no-untyped-def]
    lourde = rapport.significatifs()[2]
    partenaires = lourde.champ("partenaires")
    assert partenaires.ancien == ["ADEME", "Communes"]
    assert partenaires.nouveau == ["ADEME", "Communes", "Région Grand Est"]
    assert partenaires.ajoutes == ("Région Grand Est",) and partenaires.retires == ()
    assert lourde.champ("financements").ancien == [{"financeur": "ADEME", "montant": 45000}]
    assert (lourde.champ("statut").ancien, lourde.champ("statut").nouveau) == (
        "En cours",
        "Réalisé",
    )
    assert lourde.champ("date_fin").nouveau == "2025-12-31"


def test_segments_par_paragraphe(rapport) -> None:  # type: ignore[no-untyped-def]
    document = rapport.significatifs()[0]
    paragraphes = document.champ("preambule").paragraphes
    assert [p.mineure for p in paragraphes] == [True, False]
    modifies = [s for s in paragraphes[1].segments if s.op != "egal"]
    assert [(s.op, s.texte) for s in modifies] == [("ajout", " et les EPCI membres")]
    description = rapport.significatifs()[1].champ("description").paragraphes
    assert [(p.ancien is None, p.nouveau is None) for p in description] == [
        (False, False),
        (True, False),
    ]
    assert [s.texte for s in description[0].segments if s.op != "egal"] == ["62", "60"]


def test_mineurs_et_ordre(rapport) -> None:  # type: ignore[no-untyped-def]
    mineurs = rapport.mineurs()
    assert [(c.nouveau.numero, c.mineure, [ch.champ for ch in c.champs]) for c in mineurs] == [
        ("2.1.3", "typographie", ["texte"])
    ]
    covoiturage = rapport.significatifs()[8]
    assert covoiturage.champ("texte").mineure == "typographie"
    (ordre,) = rapport.reordonnancements
    assert ordre.parent_numero == "1.2" and len(ordre.nouvel_ordre) == 2


def test_resume(rapport) -> None:  # type: ignore[no-untyped-def]
    assert rapport.resume() == {
        "ajout": 1,
        "suppression": 1,
        "deplacement": 0,
        "modification": 8,
        "renumerotation": 2,
    }
    assert rapport.par_nature() == {
        "document": {"modification": 1},
        "orientation": {"modification": 1},
        "action": {"ajout": 1, "suppression": 1, "modification": 6, "renumerotation": 2},
    }


def test_appliquer_donne_la_revision(rapport) -> None:  # type: ignore[no-untyped-def]
    nouveau = charger_projet(NOUVEAU)
    assert appliquer(charger_projet(ANCIEN), rapport).model_dump() == nouveau.model_dump()


def test_rendus_montrent_les_champs_pas_la_typographie(rapport) -> None:  # type: ignore[no-untyped-def]
    for format_ in ("text", "markdown", "html"):
        sortie = RENDUS.rendre(format_, rapport)
        assert isinstance(sortie, str)
        assert "Région Grand Est" in sortie and "Banque des Territoires" in sortie
        assert "31/12/2025" in sortie and "52\u202f000\u00a0€" in sortie
        assert "1 retouche typographique" in sortie
        assert "abris vélos" not in sortie  # the typographic-only record is not listed
        assert "crte-2024.yaml" not in sortie
        assert "(version 2024)" in sortie and "PETR du Pays des Trois Vallées" in sortie
        assert "sous 1.2 Lutter contre la vacance des logements" in sortie


def test_golden_markdown(rapport) -> None:  # type: ignore[no-untyped-def]
    """The Markdown report of the revision, read line by line when it was written; to
    regenerate after a wanted change: PROJTERR_REGENERER=1, then read the git diff."""
    import os

    obtenu = RENDUS.rendre("markdown", rapport)
    assert isinstance(obtenu, str)
    golden = DONNEES / "attendu.md"
    if os.environ.get("PROJTERR_REGENERER"):
        golden.write_text(obtenu, encoding="utf-8")
    assert obtenu == golden.read_text(encoding="utf-8")
