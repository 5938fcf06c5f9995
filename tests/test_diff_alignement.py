"""Alignment cases, one per kind of evidence (ids, copies of one text, structure, threshold)."""

from __future__ import annotations

import textwrap

from projterr.diff import comparer
from projterr.model import Projet
from projterr.yamlio import loads, valider_projet


def _projet(yaml: str) -> Projet:
    entete = "schema: projterr/1\nterritoire: {nom: Test}\ndocument: {titre: Test}\n"
    return valider_projet(loads(entete + textwrap.dedent(yaml)))


def _types(rapport) -> list[tuple[tuple[str, ...], str]]:  # type: ignore[no-untyped-def]
    return [(c.types, c.id) for c in rapport.changements]


ANCIEN = """
contenu:
  - id: p1
    type: pilier
    numero: "1"
    titre: Économie
    enfants:
      - id: oo1
        type: objectif_operationnel
        numero: "1.1"
        titre: Soutenir les entreprises
        actions:
          - {id: a1, texte: Créer une pépinière d'entreprises à Commercy.}
          - {id: a2, texte: Organiser un forum des métiers.}
          - {id: a3, texte: Suivre les projets.}
      - id: oo2
        type: objectif_operationnel
        numero: "1.2"
        titre: Développer le tourisme
        actions:
          - {id: a4, texte: Suivre les projets.}
          - {id: a5, texte: Promouvoir la Voie Verte.}
"""


def test_ids_gardes_par_une_personne_alignent_un_texte_reecrit() -> None:
    nouveau = ANCIEN.replace(
        "Organiser un forum des métiers.",
        "Tenir chaque printemps un salon de l'emploi et de l'apprentissage.",
    )
    rapport = comparer(_projet(ANCIEN), _projet(nouveau))
    assert _types(rapport) == [(("modification",), "a2")]


def test_ids_gardes_et_renumerotation_sans_autre_changement() -> None:
    nouveau = ANCIEN.replace('numero: "1.2"', 'numero: "1.3"')
    rapport = comparer(_projet(ANCIEN), _projet(nouveau))
    assert _types(rapport) == [(("renumerotation",), "oo2")]


def test_numero_a_la_ponctuation_pres_n_est_pas_un_changement() -> None:
    nouveau = ANCIEN.replace('numero: "1.2"', 'numero: "n°1.2."')
    rapport = comparer(_projet(ANCIEN), _projet(nouveau))
    assert rapport.identiques
    assert set(rapport.resume().values()) == {0}
    # kept for completeness (the records rebuild the new document), flagged minor
    (record,) = rapport.changements
    assert record.mineure == "typographie"
    assert [(c.champ, c.ancien, c.nouveau) for c in record.champs] == [("numero", "1.2", "n°1.2.")]


def test_chaque_copie_d_un_texte_suit_son_parent() -> None:
    # Fresh ids, objectives swapped: each « Suivre les projets. » stays with its objective.
    nouveau = ANCIEN
    for k in range(1, 6):
        nouveau = nouveau.replace(f"id: a{k},", f"id: n{k},")
    bloc1 = nouveau[nouveau.index("      - id: oo1") : nouveau.index("      - id: oo2")]
    bloc2 = nouveau[nouveau.index("      - id: oo2") :]
    nouveau = nouveau.replace(bloc1 + bloc2, bloc2 + "\n" + bloc1.rstrip("\n") + "\n")
    rapport = comparer(_projet(ANCIEN), _projet(nouveau))
    assert rapport.changements == []  # same objectives, same content, in another order


def test_copie_deplacee_sous_un_autre_objectif() -> None:
    nouveau = ANCIEN.replace("          - {id: a3, texte: Suivre les projets.}\n", "")
    nouveau = nouveau.replace(
        "Promouvoir la Voie Verte.}",
        "Promouvoir la Voie Verte.}\n          - {id: x, texte: Suivre les projets.}",
    )
    rapport = comparer(_projet(ANCIEN), _projet(nouveau))
    # a4 keeps its place; the copy from 1.1 is now the second one under 1.2: a move.
    assert [(c.types, c.ancien and c.ancien.id) for c in rapport.changements] == [
        (("deplacement",), "a3")
    ]


def test_objectif_au_titre_reecrit_garde_son_identite_par_ses_actions() -> None:
    ancien = ANCIEN.replace("id: oo1", "id: x1").replace("id: oo2", "id: x2")
    nouveau = (
        ANCIEN.replace("id: oo1", "id: y1")
        .replace("id: oo2", "id: y2")
        .replace("Soutenir les entreprises", "Accueillir des activités nouvelles grâce aux friches")
    )
    rapport = comparer(_projet(ancien), _projet(nouveau))
    assert [(c.types, c.nature) for c in rapport.changements] == [
        (("modification",), "objectif_operationnel")
    ]


def test_action_deplacee_et_reformulee_au_dessus_du_seuil_seulement() -> None:
    nouveau = ANCIEN.replace(
        "          - {id: a1, texte: Créer une pépinière d'entreprises à Commercy.}\n", ""
    ).replace(
        "Promouvoir la Voie Verte.}",
        "Promouvoir la Voie Verte.}\n"
        "          - {id: b1, texte: Créer une pépinière d'entreprises à Saint-Mihiel.}",
    )
    rapport = comparer(_projet(ANCIEN), _projet(nouveau))
    assert [c.types for c in rapport.changements] == [("deplacement", "modification")]
    strict = comparer(_projet(ANCIEN), _projet(nouveau), seuil=0.95)
    assert sorted(c.types for c in strict.changements) == [("ajout",), ("suppression",)]


def test_suppression_d_un_objectif_un_seul_enregistrement() -> None:
    debut = ANCIEN.index("      - id: oo2")
    nouveau = ANCIEN[:debut]
    rapport = comparer(_projet(ANCIEN), _projet(nouveau))
    assert len(rapport.changements) == 1
    (c,) = rapport.changements
    assert c.types == ("suppression",) and c.ancien and c.ancien.id == "oo2"
    assert [x.id for x in c.contenu] == ["a4", "a5"]


def test_objectif_deplace_ses_actions_ne_bougent_pas() -> None:
    ancien = (
        ANCIEN
        + """
  - id: p2
    type: pilier
    numero: "2"
    titre: Services
"""
    )
    debut = ANCIEN.index("      - id: oo2")
    bloc = ANCIEN[debut:]
    nouveau = (
        ANCIEN[:debut]
        + """
  - id: p2
    type: pilier
    numero: "2"
    titre: Services
    enfants:
"""
        + bloc.replace('numero: "1.2"', 'numero: "2.1"')
    )
    rapport = comparer(_projet(ancien), _projet(nouveau))
    assert _types(rapport) == [(("deplacement", "renumerotation"), "oo2")]


def test_action_remplacee_par_une_autre_sans_rapport_sous_le_meme_parent() -> None:
    # Two unrelated actions of the seed (similarity 0.58): a deletion and an addition.
    ancien = ANCIEN.replace(
        "Organiser un forum des métiers.",
        "Regroupement des CEE des travaux de rénovation énergétique des "
        "bâtiments publics du territoire.",
    )
    nouveau = ANCIEN.replace(
        "          - {id: a2, texte: Organiser un forum des métiers.}\n",
        "          - {id: b2, texte: Proposer des formations sur la gestion "
        "des énergies et de l'eau aux mairies des communes du territoire.}\n",
    )
    rapport = comparer(_projet(ancien), _projet(nouveau))
    assert sorted(c.types for c in rapport.changements) == [("ajout",), ("suppression",)]


def test_objectif_insere_au_meme_numero_ne_prend_pas_l_identite_de_l_ancien() -> None:
    ancien = """
contenu:
  - id: p1
    type: pilier
    numero: "1"
    titre: Économie
    enfants:
      - {id: x1, type: objectif_operationnel, numero: "1.1", titre: Soutenir les entreprises}
      - {id: x2, type: objectif_operationnel, numero: "1.2", titre: Développer le tourisme vert}
"""
    nouveau = """
contenu:
  - id: p1
    type: pilier
    numero: "1"
    titre: Économie
    enfants:
      - {id: y1, type: objectif_operationnel, numero: "1.1", titre: Soutenir les entreprises}
      - {id: y3, type: objectif_operationnel, numero: "1.2", titre: Développer le commerce rural}
      - {id: y2, type: objectif_operationnel, numero: "1.3", titre: Développer un tourisme vert}
"""
    rapport = comparer(_projet(ancien), _projet(nouveau))
    assert [(c.types, c.id) for c in rapport.changements] == [
        (("ajout",), "y3"),
        (("modification", "renumerotation"), "y2"),
    ]
    assert rapport.changements[1].cause is not None
    assert rapport.changements[1].cause.id == "y3"
