"""`projterr show`: the synthese data, the tree renderer and the command."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from graines import COEUR, SOURCES
from projterr.cli import app
from projterr.model import Action, Document, Noeud, Projet, Territoire
from projterr.normalize import sans_accents
from projterr.render.show import arbre, lignes_simples, rendre_arbre, tronquer
from projterr.synthese import Chercheur, synthese
from projterr.yamlio import charger_projet, projet_vers_yaml
from strategies import projets

SEEDS = SOURCES

PETIT = """\
schema: projterr/1
territoire: {nom: PETR du Test, type: PETR, departement: "55"}
document: {titre: Projet de territoire d’essai, type: projet_de_territoire}
niveaux: [pilier, objectif_strategique, objectif_operationnel]
contenu:
  - id: p1
    type: pilier
    numero: "1"
    titre: Économie [et] emploi
    enfants:
      - id: os1
        type: objectif_strategique
        numero: "1.1"
        titre: Soutenir les entreprises
        enfants:
          - id: oo1
            type: objectif_operationnel
            numero: 1.1.1
            titre: Anticiper les mutations
            actions:
              - {id: a1, texte: Harmoniser les aides du PAT, partenaires: [CCI, Région]}
              - {id: a2, texte: Forum des métiers, partenaires: [CCI], dispositifs: [LEADER]}
          - id: oo2
            type: objectif_operationnel
            numero: 1.1.2
            titre: Diversifier les activités
            actions:
              - {id: a3, texte: Inventaire des friches, dispositifs: [LEADER, PAT]}
  - id: p2
    type: pilier
    numero: "2"
    titre: Transition écologique
    actions:
      - {id: a4, texte: Une action rattachée directement au pilier}
"""


@pytest.fixture
def petit(tmp_path: Path) -> Path:
    fichier = tmp_path / "petit.yaml"
    fichier.write_text(PETIT, encoding="utf-8")
    return fichier


def _show(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["show", *args])
    return result.exit_code, result.stdout, result.stderr


# --- the command ---------------------------------------------------------------------


def test_show_sur_le_document_importe(tmp_path: Path) -> None:
    from projterr.importers.texte import importer_texte

    yaml = tmp_path / "cdl.yaml"
    yaml.write_text(projet_vers_yaml(importer_texte(COEUR).projet), encoding="utf-8")
    code, sortie, erreurs = _show(str(yaml))
    assert code == 0, erreurs
    assert erreurs == ""
    for attendu in (
        "4 piliers",
        "9 objectifs stratégiques",
        "22 objectifs opérationnels",
        "71 actions",
    ):
        assert attendu in sortie
    assert "Pilier 1 : Dynamiser l’économie et l’emploi sur le territoire" in sortie
    assert "Objectif opérationnel 1.1.1 : " in sortie
    # fresh import: no partenaires/dispositifs fields, so the counts come from the texts
    assert "Dispositifs les plus cités (d’après le texte des actions)" in sortie
    assert "LEADER" in sortie and "PAT" in sortie
    assert "\x1b[" not in sortie  # no colour outside a terminal


def test_show_importe_un_texte_directement() -> None:
    code, sortie, _ = _show(str(COEUR), "--niveau", "1")
    assert code == 0
    assert "71 actions" in sortie
    assert "Objectif stratégique" not in sortie.split("Synthèse")[0]


def test_show_petit_document(petit: Path) -> None:
    code, sortie, erreurs = _show(str(petit))
    assert code == 0, erreurs
    arbre, resume = sortie.split("Synthèse")
    assert arbre.startswith("Projet de territoire d’essai\nPETR du Test (PETR, département 55)")
    # counts are of all descendants, not only children
    assert (
        "Pilier 1 : Économie [et] emploi  1 objectif stratégique · 2 objectifs "
        "opérationnels · 3 actions" in arbre
    )
    assert (
        "Objectif stratégique 1.1 : Soutenir les entreprises  2 objectifs opérationnels"
        " · 3 actions" in arbre
    )
    assert "Objectif opérationnel 1.1.2 : Diversifier les activités  1 action" in arbre
    assert "Pilier 2 : Transition écologique  1 action" in arbre
    assert "Forum des métiers" not in arbre  # no --actions
    assert "2 piliers, 1 objectif stratégique, 2 objectifs opérationnels, 4 actions." in resume
    assert "Actions par pilier :" in resume
    assert "1 – Économie [et] emploi : 3 actions" in resume
    assert "2 – Transition écologique : 1 action" in resume
    assert (
        "Partenaires les plus cités (d’après les champs partenaires/dispositifs) : "
        "CCI (2 actions), Région (1 action)." in resume
    )
    assert (
        "Dispositifs les plus cités (d’après les champs partenaires/dispositifs) : "
        "LEADER (2 actions), PAT (1 action)." in resume
    )
    assert "non classée" not in resume


def test_show_niveau_coupe_la_profondeur(petit: Path) -> None:
    sorties = {n: _show(str(petit), "--niveau", str(n))[1].split("Synthèse")[0] for n in (1, 2, 3)}
    assert "Objectif stratégique" not in sorties[1]
    assert "Objectif stratégique 1.1" in sorties[2] and "Objectif opérationnel" not in sorties[2]
    assert "Objectif opérationnel 1.1.2" in sorties[3]
    # the counts do not depend on the cut
    assert all("3 actions" in s for s in sorties.values())


def test_show_actions(petit: Path) -> None:
    code, sortie, _ = _show(str(petit), "--actions")
    assert code == 0
    arbre = sortie.split("Synthèse")[0]
    for texte in (
        "Harmoniser les aides du PAT",
        "Forum des métiers",
        "Une action rattachée directement au pilier",
    ):
        assert f"• {texte}" in arbre
    # an action sits under its own node
    assert (
        arbre.index("Anticiper les mutations")
        < arbre.index("Forum des métiers")
        < arbre.index("Diversifier les activités")
    )
    _, coupe, _ = _show(str(petit), "--actions", "--niveau", "1")
    assert "Une action rattachée directement au pilier" in coupe
    assert "Forum des métiers" not in coupe


def test_show_niveau_zero_refuse(petit: Path) -> None:
    code, _, erreurs = _show(str(petit), "--niveau", "0")
    assert code == 2
    assert "Traceback" not in erreurs


def test_show_lignes_non_classees(tmp_path: Path) -> None:
    fichier = tmp_path / "nc.yaml"
    fichier.write_text(
        PETIT + "non_classe:\n  - {ligne: 3, texte: Page 1/2}\n  - {ligne: 9, texte: Page 2/2}\n",
        encoding="utf-8",
    )
    _, sortie, _ = _show(str(fichier))
    assert "2 lignes non classées (voir « non_classe » dans le YAML)." in sortie


# --- synthese ------------------------------------------------------------------------


def _projet(*textes: str) -> Projet:
    return Projet(
        territoire=Territoire(nom="T"),
        document=Document(titre="D"),
        contenu=[
            Noeud(
                id="p",
                type="pilier",
                titre="P",
                actions=[Action(id=f"a{i}", texte=t) for i, t in enumerate(textes)],
            )
        ],
    )


def test_citations_depuis_le_texte() -> None:
    s = synthese(
        _projet(
            "Le PAT et le PCAET",
            "PAT de niveau 2 ; pat en minuscules",
            "la région et la Région Grand Est",
            "Rien ici",
        )
    )
    assert s.dispositifs.origine == "texte"
    assert dict(s.dispositifs.noms) == {"PAT": 2, "PCAET": 1}  # once per action
    assert dict(s.partenaires.noms) == {"Région": 1}  # « la région » is not the Région


def test_citations_liste_fournie() -> None:
    s = synthese(
        _projet("Avec Meuse Attractivité", "avec meuse attractivite"),
        partenaires_connus=["Meuse Attractivité"],
        dispositifs_connus=[],
    )
    assert s.partenaires.noms == [("Meuse Attractivité", 1)]
    assert s.dispositifs.origine is None and s.dispositifs.noms == []


def test_sigles_par_mot_entier() -> None:
    chercheur = Chercheur(["PAT", "CLS", "PLUi"])
    assert chercheur.trouver(["PATRIMOINE, CLSH, PLUI"]) == set()
    assert chercheur.trouver(["le PAT,", "(CLS)", "PLUi-H"]) == {"PAT", "CLS", "PLUi"}


_NOMS_CHERCHES = ["PAT", "CLS", "PLUi", "Région", "Meuse Attractivité", "Kiosque", "Sisal"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(alphabet="PATCLSpatclsiIıuUkKKſsSRéÉegionMmeuzAtrvéÂ -,.(µμςσ", max_size=40)
        | st.sampled_from(["le PAT", "Région Grand Est", "RÉGION", "ſisal", "KIOSQUE", "plUI"]),
        max_size=3,
    )
)
def test_chercheur_trouve_ce_que_trouvent_ses_expressions(textes: list[str]) -> None:
    """The literal pre-test (a name's letters in lower case) never hides a regex match."""
    chercheur = Chercheur(_NOMS_CHERCHES)
    texte = sans_accents("\n".join(textes))
    attendu = {nom for nom, _, _, motif in chercheur._motifs if motif.search(texte)}
    assert chercheur.trouver(textes) == attendu


def test_synthese_to_dict_est_du_json() -> None:
    import json

    data = synthese(_projet("PAT")).to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["dispositifs"] == {"origine": "texte", "noms": [{"nom": "PAT", "actions": 1}]}


@settings(max_examples=40, deadline=None)
@given(projets())
def test_synthese_compte_tout(projet: Projet) -> None:
    s = synthese(projet)
    noeuds = list(projet.noeuds())
    actions = list(projet.actions())
    assert sum(s.effectifs.values()) == len(noeuds)
    assert s.actions == len(actions) == sum(r.actions for r in s.par_racine)
    assert [r.id for r in s.par_racine] == [n.id for n in projet.contenu]
    for citations in (s.partenaires, s.dispositifs):
        assert len(citations.noms) <= 5
        assert all(0 < n <= len(actions) for _, n in citations.noms)
        nombres = [n for _, n in citations.noms]
        assert nombres == sorted(nombres, reverse=True)


@settings(max_examples=40, deadline=None)
@given(projets(), st.none() | st.integers(1, 4), st.booleans())
def test_rendu_sans_erreur_et_texte_litteral(
    projet: Projet, niveau: int | None, actions: bool
) -> None:
    tampon = io.StringIO()
    console = Console(file=tampon, width=100, color_system=None, markup=False, highlight=False)
    rendre_arbre(console, projet, synthese(projet), niveau=niveau, actions=actions)
    sortie = tampon.getvalue()
    # rich expands tabs like str.expandtabs (tab stops every 8 columns)
    assert sortie.startswith(projet.document.titre.split("\n")[0].expandtabs(8)[:40].rstrip())
    assert "Synthèse" in sortie
    # the plain drawing of the tree is rich's own, character for character
    tree = arbre(projet, synthese(projet), niveau=niveau, actions=actions)
    lignes = lignes_simples(tree)
    if lignes is not None:
        par_rich = io.StringIO()
        Console(file=par_rich, width=500, color_system=None, markup=False).print(tree)
        if all("\t" not in ligne and len(ligne) * 2 <= 500 for ligne in lignes):
            assert "".join(ligne + "\n" for ligne in lignes) == par_rich.getvalue()


@pytest.mark.parametrize(
    "exemple", sorted(COEUR.parent.parent.glob("*.yaml")), ids=lambda f: f.name
)
def test_arbre_simple_egal_a_celui_de_rich(exemple: Path) -> None:
    projet = charger_projet(exemple)
    for niveau, actions in ((None, False), (2, True), (None, True)):
        tree = arbre(projet, synthese(projet), niveau=niveau, actions=actions)
        par_rich = io.StringIO()
        Console(file=par_rich, width=500, color_system=None, markup=False).print(tree)
        lignes = lignes_simples(tree)
        assert lignes is not None
        assert "".join(ligne + "\n" for ligne in lignes) == par_rich.getvalue()


# --- truncation ------------------------------------------------------------------------


@given(st.text(max_size=300), st.integers(10, 200))
def test_tronquer(texte: str, longueur: int) -> None:
    court = tronquer(texte, longueur)
    assert len(court) <= longueur
    normal = " ".join(texte.split())
    if len(normal) <= longueur:
        assert court == normal
    else:
        assert court.endswith("…")
        assert normal.startswith(court[:-1])


# --- the console -----------------------------------------------------------------------


def test_console_sans_couleur_hors_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from projterr.render.terminal import LARGEUR_HORS_TERMINAL, console

    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    c = console()
    assert c.color_system is None
    assert c.width == LARGEUR_HORS_TERMINAL  # a pipe gets whole lines


def test_console_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from projterr.render.terminal import console

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert console().no_color


def test_rich_n_est_pas_importe_au_demarrage() -> None:
    import subprocess
    import sys

    code = "import sys, projterr.cli; print('rich' in sys.modules)"
    sortie = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert sortie.strip() == "False"
