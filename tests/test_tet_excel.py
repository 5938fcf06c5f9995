"""Territoires en Transitions Excel, both ways: the import template, the public template, the
platform's export, the round trip of a projet, and bad workbooks."""

from __future__ import annotations

import datetime as dt
import io
import resource
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from classeurs_tet import (
    AXE1,
    AXE2,
    MAUVAIS,
    SOUS1,
    export_plateforme,
    modele_public,
    plan_realiste,
)
from projterr.cli import app
from projterr.errors import ProjterrError
from projterr.export.tet_excel import cellule_axe, preparer_tet, rendre_xlsx
from projterr.importers import charger_projet, importer_fichier
from projterr.importers.tet import lire_tet
from projterr.importers.tet.colonnes import (
    COLONNES,
    MARQUE_SUITE,
    TITRE_MAX,
    decouper_axe,
    joindre_liste,
    separer_liste,
)
from projterr.model import Action, Document, Financement, Noeud, Projet, Territoire

EXEMPLE = Path(__file__).parents[1] / "examples" / "coeur-de-lorraine_2025.yaml"


def _sans_source(projet: Projet) -> dict[str, object]:
    return projet.model_dump(exclude={"document": {"source"}})


def _sans_onglet_projterr(data: bytes) -> bytes:
    """The workbook as the platform sees it: without projterr's hidden sheet."""
    wb = load_workbook(io.BytesIO(data))
    del wb["projterr"]
    tampon = io.BytesIO()
    wb.save(tampon)
    return tampon.getvalue()


def _forme(projet: Projet) -> list[tuple[object, ...]]:
    """Structure and texts, without ids or level types: what the template itself carries."""
    champs = (
        "texte", "description", "gouvernance", "objectifs", "indicateurs", "structures_pilotes",
        "moyens", "partenaires", "services_pilotes", "personnes_pilotes", "elus_referents",
        "participation_citoyenne", "modalites_financement", "financements", "budget", "statut",
        "priorite", "date_debut", "date_fin",
    )  # fmt: skip

    def action(a: Action) -> tuple[object, ...]:
        valeurs = a.model_dump(include=set(champs))
        return (tuple(sorted(valeurs.items(), key=str)), tuple(action(s) for s in a.sous_actions))

    forme: list[tuple[object, ...]] = []
    for parents, n in projet.noeuds():
        forme.append((len(parents), (n.numero or "").rstrip("."), n.titre))
        forme += [action(a) for a in n.actions]
    return forme


# --- the Cœur de Lorraine example, to Excel and back ---------------------------------------


def test_coeur_de_lorraine_aller_retour_identique() -> None:
    projet = charger_projet(EXEMPLE)
    classeur = preparer_tet(projet)
    relu = lire_tet(classeur.contenu, "coeur.xlsx")
    assert _sans_source(relu.projet) == _sans_source(projet)
    assert not relu.avertissements
    # Said, not silent: the fields the platform has no column for.
    assert any("dispositifs" in a for a in classeur.avertissements)


def test_coeur_de_lorraine_par_la_plateforme_garde_structure_et_textes() -> None:
    """Without projterr's sheet (a file that went through the platform), the tree, numbers,
    texts and fields come back; levels are the platform's (axe, sous-axe, sous-sous-axe)."""
    projet = charger_projet(EXEMPLE)
    relu = lire_tet(_sans_onglet_projterr(rendre_xlsx(projet)), "coeur.xlsx").projet
    assert _forme(relu) == _forme(projet)
    assert relu.niveaux == ["axe", "sous_axe", "sous_sous_axe"]
    longues = [a for _, a in projet.actions() if len(a.texte) > TITRE_MAX]
    assert longues  # the example has a title of 410 characters: it must come back whole


def test_le_modele_ecrit_est_celui_que_lit_la_plateforme() -> None:
    data = rendre_xlsx(charger_projet(EXEMPLE))
    wb = load_workbook(io.BytesIO(data))
    ws = wb["Plan d'action"]
    assert ws["A2"].value == "Axe (x)"
    assert [ws.cell(row=2, column=k).value for k in range(1, 29)] == list(COLONNES)
    assert ws.freeze_panes == "A4"
    assert ws.cell(row=3, column=25).value.startswith("Liste : À venir")
    titres = [ws.cell(row=r, column=4).value for r in range(4, ws.max_row + 1)]
    assert all(t and len(t) <= TITRE_MAX for t in titres)
    assert ws["A4"].value == "1. Dynamiser l’économie et l’emploi sur le territoire"
    listes = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert set(listes) == {"Y4", "Z4", "P4"}
    assert "En cours" in listes["Y4"] and "Élevé" in listes["Z4"]
    assert wb["projterr"].sheet_state == "hidden"


def test_titre_long_coupe_et_recolle() -> None:
    texte = "Mettre en œuvre " + "une action très détaillée " * 20 + "fin."
    projet = _projet([Action(id="a1", texte=texte, description=["Premier paragraphe."])])
    data = _sans_onglet_projterr(rendre_xlsx(projet))
    ws = load_workbook(io.BytesIO(data))["Plan d'action"]
    assert len(ws["D4"].value) <= TITRE_MAX and ws["D4"].value.endswith("…")
    assert ws["F4"].value.startswith(MARQUE_SUITE)
    action = lire_tet(data, "x.xlsx").projet.contenu[0].actions[0]
    assert action.texte == texte
    assert action.description == ["Premier paragraphe."]


def test_plus_de_trois_niveaux_fusionnes_et_dit() -> None:
    n4 = Noeud(id="n4", type="action_cle", numero="1.1.1.1", titre="Quatrième",
               actions=[Action(id="a", texte="Au fond")])  # fmt: skip
    n3 = Noeud(id="n3", type="objectif_operationnel", numero="1.1.1", titre="Trois", enfants=[n4])
    n2 = Noeud(id="n2", type="objectif_strategique", numero="1.1", titre="Deux", enfants=[n3])
    n1 = Noeud(id="n1", type="axe", numero="1", titre="Un", enfants=[n2])
    projet = Projet(territoire=Territoire(nom="T"), document=Document(titre="D"), contenu=[n1])
    classeur = preparer_tet(projet)
    assert any("au-delà du troisième" in a for a in classeur.avertissements)
    ws = load_workbook(io.BytesIO(classeur.contenu))["Plan d'action"]
    assert ws["C4"].value == "1.1.1. Trois › 1.1.1.1. Quatrième"


def _projet(actions: list[Action]) -> Projet:
    return Projet(
        territoire=Territoire(nom="PETR"),
        document=Document(titre="Plan"),
        contenu=[Noeud(id="n1", type="axe", numero="1", titre="Axe", actions=actions)],
    )


# --- a plan filled in by hand --------------------------------------------------------------


def test_plan_realiste() -> None:
    resultat = lire_tet(plan_realiste(), "plan.xlsx")
    projet = resultat.projet
    axe1, axe2 = projet.contenu
    assert (axe1.numero, axe1.titre, axe1.type) == (
        "1",
        "Accélérer la transition énergétique",
        "axe",
    )
    sous1, sous2 = axe1.enfants
    assert (sous1.numero, sous2.enfants[0].numero, sous2.enfants[0].titre) == (
        "1.1",
        "1.2.1",
        "Solaire",
    )
    guichet = sous1.actions[0]
    assert guichet.texte == "Créer un guichet unique de la rénovation"
    assert guichet.description == ["Un lieu d'accueil pour les ménages.",
                                   "Permanences dans les maisons France services."]  # fmt: skip
    assert guichet.gouvernance == ["Comité de pilotage", "Conseil syndical"]
    assert guichet.partenaires == ["ADEME", "Région Grand Est (service énergie, climat)",
                                   "« Habiter mieux, Anah »"]  # fmt: skip
    assert guichet.participation_citoyenne == "concertation"
    assert guichet.financements == [Financement(financeur="ADEME", montant=25000)]
    assert guichet.budget == 60000
    assert (guichet.statut, guichet.priorite) == ("En cours", "Élevé")
    assert (guichet.date_debut, guichet.date_fin) == (dt.date(2025, 3, 1), dt.date(2027, 12, 31))
    assert [s.texte for s in guichet.sous_actions] == ["Recruter deux conseillers",
                                                       "Ouvrir les permanences"]  # fmt: skip
    assert guichet.sous_actions[0].statut == "À discuter"
    assert guichet.sous_actions[0].date_debut == dt.date(2025, 9, 1)
    assert guichet.sous_actions[1].statut == "À venir"
    solaire = sous2.enfants[0].actions[0]
    assert solaire.participation_citoyenne == "pas-de-participation"
    velo = axe2.actions[0]
    assert (velo.statut, velo.date_fin) == ("En retard", dt.date(2026, 6, 30))
    # Nothing dropped: the financeur without amount and the amount without financeur.
    reste = {(nc.ligne, nc.texte) for nc in projet.non_classe}
    assert reste == {(4, "Région Grand Est"), (4, "12000.5")}
    raisons = sorted((nc.raison or "", nc.position) for nc in projet.non_classe)
    assert raisons == [
        (
            "financeur sans montant, ignoré par la plateforme",
            "onglet « Fichier dimport », colonne T",
        ),
        (
            "montant sans financeur, ignoré par la plateforme",
            "onglet « Fichier dimport », colonne W",
        ),
    ]
    assert not resultat.avertissements


def test_plan_realiste_retour_au_modele_puis_relu() -> None:
    projet = lire_tet(plan_realiste(), "plan.xlsx").projet
    relu = lire_tet(rendre_xlsx(projet), "plan2.xlsx").projet
    assert _sans_source(relu) == _sans_source(projet)


def test_modele_public_lu_et_colonnes_en_plus_gardees() -> None:
    resultat = lire_tet(modele_public(), "modele.xlsx")
    assert resultat.projet.contenu[0].actions[0].texte == "Covoiturage"
    (nc,) = resultat.projet.non_classe
    assert nc.texte == "Voir la délibération du 12 mars" and "(Notes)" in (nc.raison or "")
    assert any("Titre de la fiche action" in r for r in resultat.remarques)


def test_export_de_la_plateforme() -> None:
    resultat = lire_tet(export_plateforme(), "Export_Plan.xlsx")
    projet = resultat.projet
    axe = projet.contenu[0]
    assert (axe.numero, axe.titre) == ("1", "Accélérer la transition énergétique")
    fiche = axe.enfants[0].actions[0]
    assert fiche.texte == "Créer un guichet unique"
    assert fiche.partenaires == ["ADEME", "Région Grand Est"]
    assert fiche.participation_citoyenne == "pas-de-participation"
    assert fiche.financements == [Financement(financeur="ADEME", montant=30000)]
    assert (fiche.budget, fiche.date_debut) == (72000, dt.date(2025, 3, 1))
    assert [a.texte for a in projet.contenu[1].actions] == ["Fiche orpheline d'axe"]
    assert [nc.texte for nc in projet.non_classe] == ["Énergie"]
    assert any("TTC" in r for r in resultat.remarques)
    assert "export de la plateforme" in (resultat.choix or "")


# --- values ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cellule", "attendu"),
    [
        ("1.1. Titre", ("1.1", "Titre")),
        ("1. Un", ("1", "Un")),
        ("1.1 Titre", (None, "1.1 Titre")),  # not the template's form: kept whole
        ("Axe 2 : Mobilité", (None, "Axe 2 : Mobilité")),
        ("2025. Année", ("2025", "Année")),
    ],
)
def test_decouper_axe(cellule: str, attendu: tuple[str | None, str]) -> None:
    assert decouper_axe(cellule) == attendu


def test_listes() -> None:
    assert separer_liste('A, B (c, d), "e, f", « g, h », [i, j]') == [
        "A", "B (c, d)", '"e, f"', "« g, h »", "[i, j]"]  # fmt: skip
    items = ["ADEME", "Région (énergie, climat)", "« Habiter mieux, Anah »"]
    assert separer_liste(joindre_liste(items)) == items


def test_liste_que_la_plateforme_couperait_gardee_par_projterr() -> None:
    action = Action(id="a1", texte="Vélo", partenaires=["Habiter mieux, Anah", "ADEME"],
                    description=["Deux\nlignes"])  # fmt: skip
    classeur = preparer_tet(_projet([action]))
    assert sum("la valeur exacte est gardée" in a for a in classeur.avertissements) == 2
    relu = lire_tet(classeur.contenu, "x.xlsx").projet.contenu[0].actions[0]
    assert relu.partenaires == action.partenaires and relu.description == action.description
    # Edited in Excel afterwards: the cell wins.
    wb = load_workbook(io.BytesIO(classeur.contenu))
    wb["Plan d'action"]["L4"] = "ADEME, Anah"
    tampon = io.BytesIO()
    wb.save(tampon)
    relu = lire_tet(tampon.getvalue(), "x.xlsx").projet.contenu[0].actions[0]
    assert relu.partenaires == ["ADEME", "Anah"]


# --- property: projets the template can carry go to Excel and back -------------------------

_mots = st.text(alphabet="abcdeéèàçôœ ABCÉ'’-«»()0123456789", min_size=1, max_size=30)
_textes = _mots.map(lambda t: " ".join(t.split())).filter(bool)
_listes = st.lists(_textes, max_size=3)
_dates = st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2060, 12, 31))
_montants = st.none() | st.integers(0, 10**9) | st.sampled_from([0.5, 1234.56])


@st.composite
def _actions(draw: st.DrawFn, sous: bool = True) -> Action:
    return Action(
        id=draw(st.from_regex(r"\Aa-[a-z0-9]{1,8}\Z")),
        texte=draw(st.one_of(_textes, _textes.map(lambda t: " ".join([t] * 40)))),
        description=draw(_listes),
        objectifs=draw(_listes),
        partenaires=draw(_listes),
        gouvernance=draw(_listes),
        personnes_pilotes=draw(_listes),
        financements=draw(
            st.lists(st.builds(Financement, financeur=_textes, montant=_montants), max_size=4)
        ),
        budget=draw(_montants),
        statut=draw(st.none() | st.sampled_from(["À venir", "En cours", "Réalisé", "Bloqué"])),
        priorite=draw(st.none() | st.sampled_from(["Élevé", "Moyen", "Bas"])),
        participation_citoyenne=draw(st.none() | st.just("co-construction")),
        date_debut=draw(_dates),
        date_fin=draw(_dates),
        sous_actions=draw(st.lists(_actions(sous=False), max_size=2)) if sous else [],
    )


@st.composite
def _noeuds(draw: st.DrawFn, profondeur: int) -> Noeud:
    return Noeud(
        id=draw(st.from_regex(r"\An-[a-z0-9]{1,8}\Z")),
        type=draw(st.sampled_from(["pilier", "axe", "objectif_operationnel"])),
        numero=draw(st.none() | st.sampled_from(["1", "1.2", "2.1.3", "2.1.3.", "IV"])),
        titre=draw(_textes),
        description=draw(_listes),
        enfants=draw(st.lists(_noeuds(profondeur - 1), max_size=2)) if profondeur > 1 else [],
        actions=draw(st.lists(_actions(), max_size=3)),
    )


def _uniques(projet: Projet) -> Projet:
    """Ids unique in the document, action titles unique under each node and level titles
    unique among siblings (TeT's rules)."""
    from strategies import ids_uniques

    def freres(liste: list[Noeud]) -> list[Noeud]:
        vus: set[str] = set()
        gardes = [n for n in liste if not (cellule_axe(n) in vus or vus.add(cellule_axe(n)))]
        for n in gardes:
            n.enfants = freres(n.enfants)
        return gardes

    projet.contenu = freres(projet.contenu)
    for _, noeud in projet.noeuds():
        vus: set[str] = set()
        noeud.actions = [a for a in noeud.actions if not (a.texte in vus or vus.add(a.texte))]
        for a in noeud.actions:
            sous: set[str] = set()
            a.sous_actions = [
                s for s in a.sous_actions if not (s.texte in sous or sous.add(s.texte))
            ]
    return ids_uniques(projet)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contenu=st.lists(_noeuds(3), min_size=1, max_size=3), titre=_textes)
def test_propriete_aller_retour(contenu: list[Noeud], titre: str) -> None:
    projet = _uniques(Projet(territoire=Territoire(nom="PETR"), document=Document(titre=titre),
                             contenu=contenu))  # fmt: skip
    classeur = preparer_tet(projet)
    relu = lire_tet(classeur.contenu, "p.xlsx").projet
    assert _sans_source(relu) == _sans_source(projet)


# --- bad workbooks: one French line, exit code 2 -------------------------------------------


@pytest.mark.parametrize("commande", ["import", "check", "diff"])
@pytest.mark.parametrize("nom", sorted(MAUVAIS))
def test_mauvais_classeur(tmp_path: Path, nom: str, commande: str) -> None:
    fabrique, attendu = MAUVAIS[nom]
    fichier = tmp_path / f"{nom}.xlsx"
    fichier.write_bytes(fabrique())
    args = {
        "import": ["import", str(fichier), "-o", str(tmp_path / "x.yaml")],
        "check": ["check", str(fichier)],
        "diff": ["diff", str(EXEMPLE), str(fichier)],
    }[commande]
    avant = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    debut = time.perf_counter()
    result = CliRunner().invoke(app, args)
    duree = time.perf_counter() - debut
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lignes = result.stderr.splitlines()
    assert len(lignes) == 1, result.stderr
    assert lignes[0].startswith(f"projterr : {fichier} : "), lignes[0]
    assert attendu in lignes[0], lignes[0]
    assert "erreur interne" not in lignes[0]
    assert not (tmp_path / "x.yaml").exists()
    assert duree < 5, duree
    # Peak memory grows by less than 100 MB (a bomb is refused, not expanded).
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - avant < 100 * 1024


def test_import_en_ligne_de_commande(tmp_path: Path) -> None:
    fichier = tmp_path / "plan.xlsx"
    fichier.write_bytes(plan_realiste())
    sortie = tmp_path / "plan.yaml"
    result = CliRunner().invoke(app, ["import", str(fichier), "-o", str(sortie)])
    assert result.exit_code == 0, result.stderr
    assert "Territoires en Transitions" in result.stderr
    projet = charger_projet(sortie)
    assert projet.document.source and projet.document.source.fichier == "plan.xlsx"
    assert [n.titre for n in projet.contenu] == [AXE1[3:], AXE2[3:]]
    assert projet.contenu[0].enfants[0].titre == SOUS1[5:]


def test_classeur_reconnu_par_son_contenu(tmp_path: Path) -> None:
    fichier = tmp_path / "plan-sans-extension"
    fichier.write_bytes(plan_realiste())
    assert importer_fichier(fichier).projet.contenu[0].numero == "1"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    donnees=st.one_of(
        st.binary(max_size=2000),
        st.tuples(st.integers(0, 9000), st.binary(min_size=1, max_size=8)).map(
            lambda p: _abimer(p[0], p[1])
        ),
    )
)
def test_fuzz_lecteur(donnees: bytes) -> None:
    """Any bytes: a projet or projterr's own error, never another exception."""
    try:
        lire_tet(donnees, "fuzz.xlsx")
    except ProjterrError as exc:
        assert str(exc).startswith("fuzz.xlsx : ")


_VALIDE = plan_realiste()


def _abimer(position: int, octets: bytes) -> bytes:
    k = position % len(_VALIDE)
    return _VALIDE[:k] + octets + _VALIDE[k + len(octets) :]


def test_formule_lue_par_sa_valeur_calculee() -> None:
    """A workbook saved by Excel keeps each formula's last value: that value is read."""
    import re
    import zipfile

    from classeurs_tet import classeur

    data = classeur([{"A": AXE2, "D": "Vélo", "Budget prévisionnel total € HT": "=2*3000"}])
    entree, sortie = io.BytesIO(data), io.BytesIO()
    with zipfile.ZipFile(entree) as zin, zipfile.ZipFile(sortie, "w") as zout:
        for info in zin.infolist():
            contenu = zin.read(info)
            if info.filename.startswith("xl/worksheets/"):
                contenu = re.sub(rb"<f>2\*3000</f><v\s*/>|<f>2\*3000</f><v></v>",
                                 b"<f>2*3000</f><v>6000</v>", contenu)  # fmt: skip
            zout.writestr(info, contenu)
    action = lire_tet(sortie.getvalue(), "f.xlsx").projet.contenu[0].actions[0]
    assert action.budget == 6000


def test_classeur_xlsm(tmp_path: Path) -> None:
    fichier = tmp_path / "plan.xlsm"
    fichier.write_bytes(plan_realiste())
    result = CliRunner().invoke(app, ["show", str(fichier)])
    assert result.exit_code == 0, result.stderr
    assert "Mobilité" in result.stdout


def test_champs_projterr_d_une_ligne_modifiee_gardes() -> None:
    action = Action(id="a1", texte="Vélo", dispositifs=["CRTE"])
    wb = load_workbook(io.BytesIO(rendre_xlsx(_projet([action]))))
    wb["Plan d'action"]["D4"] = "Vélo et marche"
    tampon = io.BytesIO()
    wb.save(tampon)
    resultat = lire_tet(tampon.getvalue(), "x.xlsx")
    assert resultat.projet.contenu[0].actions[0].texte == "Vélo et marche"
    (nc,) = resultat.projet.non_classe
    assert "CRTE" in nc.texte and "« Vélo »" in (nc.raison or "")


def test_texte_commencant_par_egal_reste_un_texte() -> None:
    action = Action(id="a1", texte="=1+1 vélo", partenaires=["=SOMME(A1)"])
    relu = lire_tet(_sans_onglet_projterr(rendre_xlsx(_projet([action]))), "x.xlsx")
    a = relu.projet.contenu[0].actions[0]
    assert (a.texte, a.partenaires) == ("=1+1 vélo", ["=SOMME(A1)"])


def test_caracteres_de_controle_retires_et_dit() -> None:
    classeur = preparer_tet(_projet([Action(id="a1", texte="Vélo\x0b et marche\x1f")]))
    assert any("caractère(s) de contrôle" in a for a in classeur.avertissements)
    assert lire_tet(classeur.contenu, "x.xlsx").projet.contenu[0].actions[0].texte == (
        "Vélo et marche"
    )


def test_ecrire_tet_atomique(tmp_path: Path) -> None:
    from projterr.export.tet_excel import ecrire_tet

    sortie = tmp_path / "plan.xlsx"
    avertissements = ecrire_tet(charger_projet(EXEMPLE), sortie)
    assert any("dispositifs" in a for a in avertissements)
    assert [p.name for p in tmp_path.iterdir()] == ["plan.xlsx"]  # no temporary file left
    assert importer_fichier(sortie).projet.contenu[0].titre.startswith("Dynamiser")
    with pytest.raises(ProjterrError, match="dossier"):
        ecrire_tet(charger_projet(EXEMPLE), tmp_path)
    recus: list[str] = []
    rendre_xlsx(charger_projet(EXEMPLE), avertir=recus.append)
    assert recus == avertissements


_cellules = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_characters=[chr(c) for c in range(32) if c not in (9, 10)],
                          blacklist_categories=("Cs",)),
            max_size=30),  # what Excel can hold in a cell (no control char, no lone surrogate)
    st.sampled_from(["1. Axe", "1.1. Sous-axe", "En cours ", "élevé", "01/02/2025", "31/02/2025",
                     "12 000 €", "-5", "=1+1", "A, B (c, d)", "« x, y »", '"z', "", " "]),
    st.integers(-10, 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2100, 1, 1)),
)  # fmt: skip


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lignes=st.lists(st.dictionaries(st.sampled_from("ABCDEFJLNPRSTUXYZ") | st.just("AA")
                                       | st.just("AB") | st.just("AC"), _cellules, max_size=8),
                       max_size=6))  # fmt: skip
def test_fuzz_cellules(lignes: list[dict[str, object]]) -> None:
    """Any cell values in the template: a projet or projterr's own error, never a crash."""
    from classeurs_tet import classeur

    try:
        resultat = lire_tet(classeur(lignes), "fuzz.xlsx")
    except ProjterrError as exc:
        assert str(exc).startswith("fuzz.xlsx : ")
        return
    Projet.model_validate(resultat.projet.model_dump())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projet=st.deferred(lambda: __import__("strategies").projets(profondeur_max=3)))
def test_tout_projet_s_exporte(projet: Projet) -> None:
    """Any valid projet is written; what the template cannot hold is said, and the file reads
    back unless a warning announced that the platform would refuse it."""
    classeur = preparer_tet(projet)
    try:
        lire_tet(classeur.contenu, "p.xlsx")
    except ProjterrError as exc:
        assert any("refusera le fichier" in a for a in classeur.avertissements), str(exc)


def test_export_xlsx_en_ligne_de_commande_et_retour(tmp_path: Path) -> None:
    """projterr export -o plan.xlsx, then projterr import: the same projet (the fields the
    platform has no column for are said on stderr, kept in the hidden sheet)."""
    from typer.testing import CliRunner

    from projterr.cli import app
    from projterr.diff import comparer
    from projterr.importers import importer_fichier
    from projterr.yamlio import charger_projet

    source = Path(__file__).parents[1] / "examples" / "coeur-de-lorraine_2025.yaml"
    classeur = tmp_path / "plan.xlsx"
    resultat = CliRunner().invoke(app, ["export", str(source), "-o", str(classeur)])
    assert resultat.exit_code == 0, resultat.stderr
    assert "onglet projterr" in resultat.stderr
    assert comparer(charger_projet(source), importer_fichier(classeur).projet).identiques
    refus = CliRunner().invoke(
        app, ["export", str(source), "-o", str(tmp_path / "x.xlsx"), "--deliberation"]
    )
    assert refus.exit_code == 2 and "pas un classeur Excel" in refus.stderr


def test_archive_d_une_version_de_zip_inconnue_refusee_en_une_ligne() -> None:
    """A damaged header that claims zip version 6.4 (found by the fuzz test): Python's
    zipfile raises NotImplementedError, which must become projterr's own refusal."""
    data = bytearray(plan_realiste())
    central = data.find(b"PK\x01\x02")
    data[central + 6 : central + 8] = (64).to_bytes(2, "little")  # version needed: 6.4
    with pytest.raises(ProjterrError) as erreur:
        lire_tet(bytes(data), "abime.xlsx")
    assert str(erreur.value).startswith("abime.xlsx : ")
