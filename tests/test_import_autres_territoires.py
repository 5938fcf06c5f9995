"""Plans of other territories than the seeds (tests/data/autres-territoires): the tree written
by hand in attendu.yaml, nothing lost, and an honest « structure incertaine » on broken ones."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz
from typer.testing import CliRunner

from projterr.cli import app
from projterr.importers import ResultatImport, importer_fichier
from projterr.importers.fiches import analyser_fiches
from projterr.importers.rubriques import MOT_FICHE, rubrique, titre_de_niveau
from projterr.model import Action, Projet
from projterr.normalize import espaces, normaliser
from projterr.valeurs import montant_dans as montant
from projterr.yamlio import charger_yaml, loads, valider_projet

DONNEES = Path(__file__).parent / "data" / "autres-territoires"
ATTENDU = charger_yaml(DONNEES / "attendu.yaml")
DOCUMENTS = sorted(ATTENDU["documents"])
CASSES = list(ATTENDU["casses"])
runner = CliRunner()


def _importer(nom: str) -> ResultatImport:
    return importer_fichier(DONNEES / nom)


def _comptes(projet: Projet) -> Counter[str]:
    effectifs = Counter(n.type for _, n in projet.noeuds())
    effectifs["action"] = sum(1 for _ in projet.actions())
    return effectifs


def _action(projet: Projet, numero: str) -> Action:
    (action,) = [a for _, a in projet.actions() if a.numero == numero]
    return action


# --- the expected trees ------------------------------------------------------------------------


@pytest.mark.parametrize("nom", DOCUMENTS)
def test_arbre_attendu(nom: str) -> None:
    attendu = ATTENDU["documents"][nom]
    resultat = _importer(nom)
    projet = resultat.projet
    assert resultat.avertissements == [], resultat.avertissements
    comptes = _comptes(projet)
    assert dict(comptes) == dict(attendu["effectifs"])
    assert projet.document.type == attendu["type"]
    noeuds = attendu.get("noeuds")
    if noeuds is not None:
        assert len(projet.contenu) == len(noeuds)
    for noeud, voulu in zip(projet.contenu, noeuds or [], strict=False):
        if "numero" in voulu:
            assert noeud.numero == voulu["numero"]
        assert noeud.titre == voulu["titre"]
        assert len(noeud.actions) == voulu["actions"]
    if "numeros_par_noeud" in attendu:
        numeros = [[a.numero for a in n.actions] for n in projet.contenu]
        assert numeros == attendu["numeros_par_noeud"]
    assert len(projet.non_classe) >= attendu.get("non_classe_min", 0)
    assert len(projet.preambule) >= attendu.get("preambule_min", 0)


def _champs(nom: str) -> list[tuple[str, str, str, Any]]:
    cas = []
    for numero, champs in (ATTENDU["documents"][nom].get("actions") or {}).items():
        for champ, valeur in champs.items():
            cas.append((nom, str(numero), champ, valeur))
    return cas


@pytest.mark.parametrize(
    ("nom", "numero", "champ", "valeur"),
    [c for nom in DOCUMENTS for c in _champs(nom)],
    ids=lambda v: str(v)[:30],
)
def test_champs_des_fiches(nom: str, numero: str, champ: str, valeur: Any) -> None:
    action = _action(_importer(nom).projet, numero)
    if champ == "nombre":
        assert {k: len(getattr(action, k)) for k in valeur} == dict(valeur)
    elif champ == "sous_actions":
        assert len(action.sous_actions) == valeur
    elif champ == "sous_sous_actions":
        assert sum(len(s.sous_actions) for s in action.sous_actions) == valeur
    elif champ == "financements":
        assert [f.model_dump() for f in action.financements] == [dict(f) for f in valeur]
    else:
        lu = getattr(action, champ)
        assert lu == (list(valeur) if isinstance(valeur, list) else valeur)


def test_commentaires_de_tiers_mis_de_cote() -> None:
    projet = _importer("pcaet-fiches").projet
    commentaires = [nc for nc in projet.non_classe if "commentaire d'un tiers" in (nc.raison or "")]
    assert len(commentaires) == ATTENDU["documents"]["pcaet-fiches"]["commentaires"]
    pages = sorted(str(nc.page) for nc in commentaires)
    assert pages == ["01-renovation-logements.md", "04-covoiturage.md", "07-haies-bocageres.md"]
    # the line number is the page's own, not the joined text's
    (aubance,) = [nc for nc in commentaires if "Aubance Environnement" in nc.texte]
    source = (DONNEES / "pcaet-fiches" / "01-renovation-logements.md").read_text("utf-8")
    assert source.split("\n")[aubance.ligne - 1].startswith("**Commentaire")
    textes = [a.texte for _, a in projet.actions()] + [
        " ".join(a.description) for _, a in projet.actions()
    ]
    assert not any("conseil de développement" in t for t in textes)


def test_liste_repetee_jamais_un_niveau() -> None:
    projet = _importer("pcaet-fiches").projet
    titres = {normaliser(n.titre) for _, n in projet.noeuds()}
    assert normaliser("Réduction des émissions de gaz à effet de serre") not in titres
    for _, action in projet.actions():
        assert action.thematiques, action.texte  # every fiche keeps its regulatory objectives
        assert not any("~~" in t for t in action.thematiques)
        assert not any(re.match(r"^\d+\.", o) for o in action.objectifs)


def test_plan_imbrique_reste_dans_la_fiche() -> None:
    projet = _importer("pcaet-fiches").projet
    assert not any(n.titre.startswith("Relier les bourgs") for _, n in projet.noeuds())
    schema = _action(projet, "2.2")
    assert [s.numero for s in schema.sous_actions] == ["1", "2", "3"]
    assert schema.sous_actions[0].sous_actions[0].texte.startswith("Aménager la liaison")


# --- nothing lost ----------------------------------------------------------------------------


def _corpus(projet: Projet) -> tuple[str, set[float], set[str]]:
    """All the text the import kept, the amounts it read, and the numbers it kept."""
    textes = [projet.document.titre, projet.territoire.nom, *projet.preambule, *projet.contexte]
    montants: set[float] = set()
    numeros: set[str] = set()

    def action(a: Action) -> None:
        textes.append(a.texte)
        numeros.add(a.numero or "")
        for nom in Action.model_fields:
            valeur = getattr(a, nom)
            if isinstance(valeur, list) and valeur and isinstance(valeur[0], str):
                textes.extend(valeur)
        textes.append(a.echeance or "")
        for f in a.financements:
            textes.append(f.financeur)
            montants.add(float(f.montant or 0))
        if a.budget is not None:
            montants.add(float(a.budget))
        for s in a.sous_actions:
            action(s)

    for _, n in projet.noeuds():
        textes += [n.titre, *n.description]
        numeros.add(n.numero or "")
        for a in n.actions:
            action(a)
    return "\n".join(espaces(t) for t in textes), montants, numeros


_MARQUES = re.compile(r"^(?:#{1,6}\s+|>\s*|[-•*–▪◦·]\s+|\d+(?:\.\d+)*[.)]?\s+)")


def _trouve(ligne: str, corpus: str, montants: set[float], numeros: set[str]) -> bool:
    ligne = espaces(ligne.replace("**", "").replace("~~", ""))
    ligne = _MARQUES.sub("", ligne)
    if ligne in corpus:
        return True
    puce = re.match(r"^[-•*–]\s*(?P<t>.+)$", ligne)  # the profils' bullet: « --- » is « -- »
    if puce and puce.group("t") in corpus:
        return True
    entete = MOT_FICHE.match(ligne) or titre_de_niveau(ligne)
    if entete:
        return espaces(entete.group("titre")) in corpus and entete.group("numero") in numeros
    # a numbered heading (« ### 3 Créer… ») keeps its number apart from its title
    numerote = re.match(r"^(?P<n>[\dIVX][\w.]*)\s+(?P<t>.+)$", ligne)
    if numerote and numerote.group("n").rstrip(".") in numeros and numerote.group("t") in corpus:
        return True
    libelle = re.match(r"^(?P<l>[^:]{2,60}?)\s*:\s*(?P<r>.*)$", ligne)
    if libelle and rubrique(libelle.group("l")):
        ligne = libelle.group("r")
    if not ligne or ligne in corpus:
        return True
    return _morceaux_trouves(
        re.split(r"\s*;\s*|,\s*(?![^()]*\))", ligne), corpus, montants
    ) or _morceaux_trouves(re.split(r"[;,]", ligne), corpus, montants)


def _morceaux_trouves(morceaux: list[str], corpus: str, montants: set[float]) -> bool:
    """Each piece of a list line (« ARS, CPAM ; Région : 10 000 € ») is somewhere."""
    for morceau in morceaux:
        morceau = morceau.strip().rstrip(".").strip()  # « A . »: the list's final stop
        if not morceau or morceau in corpus:
            continue
        valeur = montant(morceau)
        financeur = re.split(r"\s*[:–-]\s*(?=\d)", morceau)[0]
        if (
            valeur is not None
            and valeur in montants
            and (financeur in corpus or financeur == morceau)
        ):
            continue
        return False
    return True


def _pages(nom: str) -> list[tuple[str, list[str]]]:
    chemin = DONNEES / nom
    fichiers = sorted(chemin.glob("*.md")) if chemin.is_dir() else [chemin]
    return [(f.name, f.read_text(encoding="utf-8").split("\n")) for f in fichiers]


@pytest.mark.parametrize("nom", [*DOCUMENTS, *CASSES])
def test_aucune_ligne_perdue(nom: str) -> None:
    resultat = _importer(nom)
    projet = resultat.projet
    corpus, montants, numeros = _corpus(projet)
    groupes = [normaliser(n.titre) for n in projet.contenu]
    dossier = (DONNEES / nom).is_dir()

    def a_part(page: str, k: int) -> bool:
        for nc in [*projet.non_classe, *resultat.etiquettes]:
            if nc.ligne == k and (not dossier or nc.page == page):
                return True
        return False

    perdues = []
    for page, lignes in _pages(nom):
        for k, ligne in enumerate(lignes, start=1):
            if not ligne.strip() or a_part(page, k):
                continue
            cle = re.match(r"^(title|number|orientation)\s*:\s*\"?(?P<v>.*?)\"?$", ligne)
            if _trouve(ligne, corpus, montants, numeros):
                continue
            if cle and cle.group(1) == "orientation":
                m = titre_de_niveau(cle.group("v"))
                titre = normaliser(m.group("titre") if m else cle.group("v"))
                if any(fuzz.ratio(titre, g) >= 88 for g in groupes):
                    continue
            elif cle and (cle.group("v") in corpus or cle.group("v") in numeros):
                continue
            perdues.append((page, k, ligne))
    assert perdues == []


# --- broken versions: « structure incertaine », never a silent wrong tree ----------------------


@pytest.mark.parametrize("nom", CASSES)
def test_version_cassee_structure_incertaine(nom: str, tmp_path: Path) -> None:
    sortie = tmp_path / "sortie.yaml"
    r = runner.invoke(app, ["import", str(DONNEES / nom), "-o", str(sortie)])
    assert r.exit_code == 1, r.stderr
    assert "structure incertaine" in r.stderr
    assert "docs/profils.md" in r.stderr and "--profil" in r.stderr
    projet = valider_projet(loads(sortie.read_text(encoding="utf-8")))
    assert projet.document.source and projet.document.source.avertissements
    # show and check repeat the doubt
    for commande in ("show", "check"):
        r = runner.invoke(app, [commande, str(sortie)])
        assert "structure incertaine" in r.stderr, commande
    assert runner.invoke(app, ["check", str(sortie)]).exit_code == 1


@pytest.mark.parametrize("nom", CASSES)
def test_version_cassee_strict(nom: str, tmp_path: Path) -> None:
    sortie = tmp_path / "sortie.yaml"
    r = runner.invoke(app, ["import", str(DONNEES / nom), "-o", str(sortie), "--strict"])
    assert r.exit_code == 2
    (ligne,) = r.stderr.splitlines()
    assert "structure incertaine" in ligne
    assert not sortie.exists()


@pytest.mark.parametrize("nom", DOCUMENTS)
def test_cli_arbre_plausible_code_0(nom: str) -> None:
    r = runner.invoke(app, ["import", str(DONNEES / nom), "--strict"])
    assert r.exit_code == 0, r.stderr
    assert "Lecture : profil « fiches-actions »" in r.stderr
    projet = valider_projet(loads(r.stdout))
    assert projet.document.source and projet.document.source.avertissements == []


def test_apercu_montre_les_premiers_niveaux() -> None:
    r = runner.invoke(app, ["import", str(DONNEES / "pat-actions.txt"), "--apercu"])
    assert r.exit_code == 0, r.stderr
    lignes = r.stdout.splitlines()
    assert lignes[0].startswith("Lecture : profil « fiches-actions »")
    assert (
        lignes[1] == "Axe 1 : Développer une agriculture nourricière et rémunératrice (5 actions)"
    )
    assert "schema:" not in r.stdout  # no YAML


def test_choix_automatique_dit_pourquoi() -> None:
    resultat = _importer("page-orientations.txt")
    assert resultat.profil == "fiches-actions"
    assert resultat.choix and "plus plausible" in resultat.choix


# --- property: the fiche reader loses no line, whatever the mix of markups ----------------------

_MOTS = (
    st.text(alphabet=st.sampled_from("abcdeéèàçôœ’'ABCÉ0123 -,.;()«»"), min_size=1, max_size=25)
    .map(espaces)
    .filter(lambda s: any(c.isalpha() for c in s))
)


def _ligne_de_fiche() -> st.SearchStrategy[str]:
    return st.one_of(
        _MOTS.map(lambda t: f"## Axe 2 : {t}"),
        _MOTS.map(lambda t: f"Orientation 1 – {t}"),
        _MOTS.map(lambda t: f"Fiche action n°1.2 : {t}"),
        _MOTS.map(lambda t: f"### {t}"),
        _MOTS.map(lambda t: f"**Partenaires :** {t}"),
        _MOTS.map(lambda t: f"Pilote : {t}"),
        _MOTS.map(lambda t: f"Calendrier : {t}"),
        st.sampled_from(["## Objectifs", "## Cibles", "**Indicateurs :**", "Description :"]),
        _MOTS.map(lambda t: f"- {t}"),
        _MOTS.map(lambda t: f"    ◦ {t}"),
        _MOTS.map(lambda t: f"3. {t}"),
        _MOTS.map(lambda t: f"~~{t}~~"),
        st.just("---"),
        _MOTS,
        st.just(""),
    )


@settings(max_examples=150, deadline=None)
@given(lignes=st.lists(_ligne_de_fiche(), max_size=30))
# found by hypothesis: a numbered Markdown heading is read as a numbered fiche
@example(lignes=["### 0 A", "**Partenaires :** A", "**Indicateurs :**"])
def test_propriete_lecteur_de_fiches_aucune_ligne_perdue(lignes: list[str]) -> None:
    texte = "\n".join(lignes)
    resultat = analyser_fiches(texte)
    projet = resultat.projet
    corpus, montants, numeros = _corpus(projet)
    a_part = {nc.ligne for nc in [*projet.non_classe, *resultat.etiquettes]}
    perdues = [
        (k, ligne)
        for k, ligne in enumerate(lignes, start=1)
        if ligne.strip() and k not in a_part and not _trouve(ligne, corpus, montants, numeros)
    ]
    assert perdues == []


def test_plan_imbrique_dans_une_fiche_en_texte() -> None:
    texte = (
        "ORIENTATION 1 – MOBILITÉS\n"
        "Fiche action n°1.1 : Mettre en œuvre le plan vélo\n"
        "Description :\n"
        "Axe 1 : Relier les bourgs\n"
        "1. Liaison Brissac – Saint-Melaine\n"
        "2. Voie verte de Thouarcé\n"
        "Axe 2 : Stationner\n"
        "1. Arceaux devant les écoles\n"
        "Partenaires : Département\n"
        "ORIENTATION 2 – HABITAT\n"
        "Fiche action n°2.1 : Rénover les logements\n"
        "Pilote : Communauté de communes\n"
    )
    projet = analyser_fiches(texte).projet
    assert [(n.type, n.numero) for n in projet.contenu] == [
        ("orientation", "1"),
        ("orientation", "2"),
    ]
    plan = projet.contenu[0].actions[0]
    assert [(s.numero, len(s.sous_actions)) for s in plan.sous_actions] == [("1", 2), ("2", 1)]
    assert plan.partenaires == ["Département"]


def test_numeros_en_liste_continus_d_un_axe_a_l_autre() -> None:
    texte = (
        "AXE 1 – Produire\n1. Installer des maraîchers\n2. Créer un espace test\n"
        "AXE 2 – Cantines\n3. Former les cuisiniers\nPilote : Pays\n"
        "4. Lutter contre le gaspillage\n"
    )
    projet = analyser_fiches(texte).projet
    assert [[a.numero for a in n.actions] for n in projet.contenu] == [["1", "2"], ["3", "4"]]
    assert [n.type for _, n in projet.noeuds()] == ["axe", "axe"]  # never read as depth
    assert projet.contenu[1].actions[0].porteurs == ["Pays"]
