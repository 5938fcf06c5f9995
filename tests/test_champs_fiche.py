"""The table of fiche fields (projterr/champs_fiche.py) against the schema and the tables that
are derived from it: a field added to the model without its row, or a row that no reader can
honour, fails here rather than in a document."""

from __future__ import annotations

import typing

from projterr.champs_fiche import CHAMPS_FICHE, PAR_NOM
from projterr.diff import champs as diff_champs
from projterr.importers import rubriques
from projterr.importers.profil import CHAMPS_RUBRIQUE
from projterr.importers.tet import colonnes as tet_excel
from projterr.libelles import libelle_champ
from projterr.model import Action
from projterr.ooxml.gabarit import LIBELLES_LISTES


def _est_une_liste(nom: str) -> bool:
    return typing.get_origin(Action.model_fields[nom].annotation) is list


def test_une_ligne_par_champ_du_modele() -> None:
    assert [c.nom for c in CHAMPS_FICHE] == [n for n in Action.model_fields if n != "id"]


def test_noms_francais() -> None:
    for c in CHAMPS_FICHE:
        assert libelle_champ(c.nom) == c.libelle
    assert len({c.libelle for c in CHAMPS_FICHE}) == len(CHAMPS_FICHE)


def test_rubriques_des_profils_et_des_fiches() -> None:
    assert set(typing.get_args(CHAMPS_RUBRIQUE)) == {c.nom for c in CHAMPS_FICHE if c.rubrique}
    avec_synonymes = {c.nom for c in CHAMPS_FICHE if c.synonymes}
    assert {nom for _, nom in rubriques._RUBRIQUES} == avec_synonymes
    assert avec_synonymes <= {c.nom for c in CHAMPS_FICHE if c.rubrique}
    # the synonyms find their own field, through the order of precedence
    assert rubriques.rubrique("Effets attendus") == "resultats_attendus"
    assert rubriques.rubrique("Structure porteuse") == "structures_pilotes"
    assert rubriques.rubrique("Porteur / Pilote") == "porteurs"


def test_listes_et_separateurs() -> None:
    for c in CHAMPS_FICHE:
        if c.separateurs or c.etiquette or c.diff in ("paragraphes", "noms"):
            assert _est_une_liste(c.nom), c.nom
        assert c.separateurs in (None, ";", ";,")


def test_tableau_des_fiches_word() -> None:
    assert set(LIBELLES_LISTES) == {c.nom for c in CHAMPS_FICHE if c.etiquette}
    assert len(set(LIBELLES_LISTES.values())) == len(LIBELLES_LISTES)  # read back by label


def test_comparaisons_du_diff() -> None:
    for c in CHAMPS_FICHE:
        assert (c.nom in diff_champs.PARAGRAPHES) == (c.diff == "paragraphes")
        assert (c.nom in diff_champs.NOMS) == (c.diff == "noms")
        assert (c.nom in diff_champs.TEXTES) == (c.diff == "texte")


def test_colonnes_territoires_en_transitions() -> None:
    colonnes = [c.colonne_tet for c in CHAMPS_FICHE if c.colonne_tet]
    assert len(set(colonnes)) == len(colonnes)
    for c in CHAMPS_FICHE:
        if c.tet_modele:
            assert c.colonne_tet in tet_excel.COLONNES, c.nom
            assert _est_une_liste(c.nom)
        if c.tet_export:
            assert c.colonne_tet and _est_une_liste(c.nom)
    assert PAR_NOM["texte"].colonne_tet == tet_excel.COLONNES[3]
    lus = {**tet_excel.CHAMPS_TEXTE, **tet_excel.CHAMPS_LISTE}
    assert all(PAR_NOM[nom].colonne_tet == label for label, nom in lus.items())
