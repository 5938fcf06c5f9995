"""Import of text sources: the seed documents' structure, and "no line is ever lost"."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graines import NOMS, SOURCES
from projterr.errors import ProfilInvalide
from projterr.importers import importer_fichier
from projterr.importers.moteur import analyser
from projterr.importers.profil import Profil, choisir_profil, profils_integres
from projterr.model import Projet
from projterr.normalize import espaces, normaliser_numero

SEEDS = SOURCES
CDL = SEEDS / "coeur-de-lorraine_revision-projet-de-territoire.txt"
WORD = re.compile(r"\w+")


def _profil(nom: str) -> Profil:
    return next(p for p in profils_integres() if p.nom == nom)


def _comptes(projet: Projet) -> Counter[str]:
    effectifs = Counter(n.type for _, n in projet.noeuds())
    effectifs["action"] = sum(1 for _ in projet.actions())
    return effectifs


def _textes(projet: Projet) -> list[str]:
    """Every piece of text the import put somewhere in the document."""
    out = [projet.document.titre, projet.territoire.nom, *projet.preambule, *projet.contexte]
    for _, n in projet.noeuds():
        out += [n.titre, *n.description]
    for _, a in projet.actions():
        out += [a.texte, *a.sous_points]
    return out


def _lignes_perdues(texte: str, profil: Profil) -> list[tuple[int, str]]:
    """Source lines whose text cannot be found in the imported document.

    A heading line counts as kept when its title and number are kept (its marker, such as
    « Pilier 1 : », is what the node's type and numero stand for); a label line counts as kept
    when the import reported it.
    """
    resultat = analyser(texte, profil)
    projet = resultat.projet
    corpus = "\n".join(espaces(t) for t in _textes(projet))
    numeros = {normaliser_numero(n.numero) for _, n in projet.noeuds() if n.numero}
    a_part = {nc.ligne for nc in projet.non_classe} | {e.ligne for e in resultat.etiquettes}
    perdues = []
    for i, brute in enumerate(texte.split("\n"), start=1):
        ligne = brute
        for regex in profil.regex_nettoyage:
            ligne = regex.sub("", ligne)
        ligne = espaces(ligne.replace("\u00a0", " "))
        if not ligne or i in a_part:
            continue
        if ligne in corpus:
            continue
        puce = profil.regex_puce.match(ligne) or (
            profil.regex_sous_point.match(ligne) if profil.regex_sous_point else None
        )
        if puce and espaces(puce.group("texte")) in corpus:
            continue
        entete = None
        for niveau in profil.niveaux:
            entete = entete or next((m for r in niveau.regex if (m := r.match(ligne))), None)
        if entete:
            titre = espaces(entete.groupdict().get("titre") or "")
            numero = entete.groupdict().get("numero")
            if titre in corpus and (not numero or normaliser_numero(numero) in numeros):
                continue
        perdues.append((i, ligne))
    return perdues


# --- the seed documents --------------------------------------------------------------------


def test_coeur_de_lorraine_structure() -> None:
    projet = importer_fichier(CDL).projet
    comptes = _comptes(projet)
    assert comptes["pilier"] == 4
    assert comptes["objectif_strategique"] == 9
    assert comptes["objectif_operationnel"] == 22
    assert comptes["action"] == 71
    assert projet.non_classe == []
    assert projet.niveaux == ["pilier", "objectif_strategique", "objectif_operationnel"]
    assert projet.territoire.nom == "PETR Cœur de Lorraine"
    assert projet.document.titre == "Révision du Projet de Territoire du PETR Cœur de Lorraine"


def test_coeur_de_lorraine_titres_coupes_et_sous_points() -> None:
    projet = importer_fichier(CDL).projet
    piliers = projet.contenu
    # The pilier title wraps across a blank line in the PDF text.
    assert piliers[1].titre == "Renforcer la transition énergétique et écologique du territoire"
    assert piliers[0].enfants[0].titre == (
        "Soutenir le maintien et le développement des entreprises existantes."
    )
    oo_213 = piliers[1].enfants[0].enfants[2]
    assert oo_213.numero == "2.1.3."  # kept as printed, trailing dot included
    (action,) = oo_213.actions
    assert action.sous_points == [
        "Construction d’un plan d’actions final dans le cadre d’un PCAET."
    ]
    assert action.texte.endswith("adaptation au changement climatique du territoire.")
    # The seed's numbering errors are kept, not silently corrected.
    numeros = [oo.numero for oo in piliers[2].enfants[1].enfants]
    assert numeros == ["3.2.1", "3.2.2", "3.1.3"]
    assert [oo.numero for oo in piliers[3].enfants[0].enfants] == ["4.1.1", "4.2.1"]


def test_coeur_de_lorraine_cesure_rejointe() -> None:
    projet = importer_fichier(CDL).projet
    textes = [a.texte for _, a in projet.actions()]
    assert any("à l’échelle du PETR voir au-delà." in t for t in textes)


@pytest.mark.parametrize(
    ("seed", "profil", "attendu"),
    [
        (
            "midi-quercy_defis-strategie-chantiers.txt",
            "midi-quercy",
            {"section": 3, "defi": 3, "finalite": 3, "axe": 6, "action": 20},
        ),
        (
            "isigny-omaha_petites-villes-de-demain.txt",
            "petites-villes-de-demain",
            {"section": 3, "thematique": 7, "orientation": 5, "theme": 4, "action": 6},
        ),
        (
            "atelier-des-territoires_laureats-2023.txt",
            "atelier-des-territoires",
            {"section": 3, "territoire_laureat": 6, "action": 25},
        ),
        ("coeur-de-lorraine_site-missions.txt", "site-missions-cls", {"axe": 4, "action": 0}),
        (
            "coeur-de-lorraine_revision-projet-de-territoire.txt",
            "coeur-de-lorraine",
            {"pilier": 4, "objectif_strategique": 9, "objectif_operationnel": 22, "action": 71},
        ),
    ],
)
def test_seeds_detection_et_structure(seed: str, profil: str, attendu: dict[str, int]) -> None:
    resultat = importer_fichier(SEEDS / seed)
    assert resultat.profil == profil
    comptes = _comptes(resultat.projet)
    assert {k: comptes[k] for k in attendu} == attendu
    assert sum(comptes.values()) == sum(attendu.values())


@pytest.mark.parametrize("seed", NOMS)
def test_seeds_aucune_ligne_perdue(seed: str) -> None:
    texte = (SEEDS / seed).read_text(encoding="utf-8")
    profil = choisir_profil(texte, None)
    assert _lignes_perdues(texte, profil) == []


def test_midi_quercy_gras_retire_et_comment() -> None:
    projet = importer_fichier(SEEDS / "midi-quercy_defis-strategie-chantiers.txt").projet
    textes = [a.texte for _, a in projet.actions()]
    assert "Animation du programme européen LEADER" in textes
    assert not any("**" in t for t in textes)
    defi = projet.contenu[0].enfants[0]
    assert defi.description[0].startswith("Comment ? Capacité de réflexion stratégique")
    axes = [n for _, n in projet.noeuds() if n.type == "axe"]
    assert [a.numero for a in axes] == ["1", "2", "3", "4", "5", "6"]
    assert all(a.description for a in axes)


def test_site_missions_compteurs_ne_sont_pas_des_donnees() -> None:
    projet = importer_fichier(SEEDS / "coeur-de-lorraine_site-missions.txt").projet
    zeros = [nc for nc in projet.non_classe if nc.texte in {"0", "0 km²"}]
    assert len(zeros) == 4
    assert all("compteur" in (nc.raison or "") for nc in zeros)
    assert not any(t in {"0", "0 km²"} for t in _textes(projet))
    assert [a.numero for a in projet.contenu] == ["1", "2", "3", "4"]
    assert any("TEPCV" in p for p in projet.contexte)
    assert any("PTRTE" in p for p in projet.contexte)
    assert any("CTE" in p for p in projet.contexte)


def test_isigny_listes_selon_leur_phrase_d_introduction() -> None:
    projet = importer_fichier(SEEDS / "isigny-omaha_petites-villes-de-demain.txt").projet
    assert projet.territoire.nom == "Isigny-Omaha Intercom"
    pvd, ort, enedis = projet.contenu
    assert [n.type for n in pvd.enfants] == ["thematique"] * 7
    assert pvd.enfants[0].titre == "Améliorer l'habitat"  # the list's trailing comma is punctuation
    assert [n.type for n in ort.enfants] == ["orientation"] * 5
    assert [n.type for n in enedis.enfants] == ["theme"] * 4
    assert len(enedis.actions) == 6


def test_ids_generes_depuis_le_contenu_pas_la_position() -> None:
    profil = _profil("generique")
    a = analyser("Axe 1 : Habitat\n- Rénover les logements\n- Créer une OPAH\n", profil).projet
    b = analyser("Axe 1 : Habitat\n- Créer une OPAH\n- Rénover les logements\n", profil).projet
    ids_a = {x.texte: x.id for _, x in a.actions()}
    ids_b = {x.texte: x.id for _, x in b.actions()}
    assert ids_a == ids_b
    assert len(set(ids_a.values())) == 2


def test_meme_texte_deux_fois_ids_distincts() -> None:
    profil = _profil("generique")
    texte = "Axe 1 : Habitat\n- Suivre le PCAET\nAxe 2 : Énergie\n- Suivre le PCAET\n"
    projet = analyser(texte, profil).projet
    ids = [a.id for _, a in projet.actions()]
    assert len(set(ids)) == 2


# --- profils ------------------------------------------------------------------------------


def test_profil_utilisateur_en_yaml(tmp_path: Path) -> None:
    (tmp_path / "mon-profil.yaml").write_text(
        "nom: mon-profil\n"
        "niveaux:\n"
        "  - type: orientation\n"
        "    rang: 0\n"
        "    motifs: ['^ORIENTATION (?P<numero>[IVX]+) – (?P<titre>.+)$']\n"
        "puce: '^> (?P<texte>.+)$'\n",
        encoding="utf-8",
    )
    source = tmp_path / "conv.txt"
    source.write_text("ORIENTATION II – Habiter le centre\n> Rénover l'îlot Gambetta\n", "utf-8")
    resultat = importer_fichier(source, profil=str(tmp_path / "mon-profil.yaml"))
    (noeud,) = resultat.projet.contenu
    assert (noeud.type, noeud.numero, noeud.titre) == ("orientation", "II", "Habiter le centre")
    assert [a.texte for a in noeud.actions] == ["Rénover l'îlot Gambetta"]


def test_profil_utilisateur_invalide(tmp_path: Path) -> None:
    mauvais = tmp_path / "p.yaml"
    mauvais.write_text("nom: x\nniveaux:\n  - type: axe\n    rang: 0\n    motifs: ['(']\n", "utf-8")
    with pytest.raises(ProfilInvalide, match="expression régulière invalide"):
        choisir_profil("", str(mauvais))
    with pytest.raises(ProfilInvalide, match="inconnu"):
        choisir_profil("", "pas-un-profil")


def test_texte_sans_structure_reconnue_garde_tout() -> None:
    texte = "Bonjour,\n\nVoici une note sans titres.\nElle tient sur deux lignes.\n"
    resultat = analyser(texte, choisir_profil(texte, None))
    assert resultat.profil == "generique"
    assert resultat.projet.preambule == [
        "Bonjour,",
        "Voici une note sans titres.",
        "Elle tient sur deux lignes.",
    ]


# --- property: import loses no word ----------------------------------------------------------

_MOTS = (
    st.text(alphabet=st.sampled_from("abcdeéèàçôœ’'ABCÉ0123 -,.:;()«»"), min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda s: any(c.isalnum() for c in s))
)


def _ligne() -> st.SearchStrategy[str]:
    return st.one_of(
        _MOTS.map(lambda t: f"Pilier 3 : {t}"),
        _MOTS.map(lambda t: f"→ Objectif stratégique n°2 : {t}"),
        _MOTS.map(lambda t: f"Objectif opérationnel n°1.2.3 : {t}"),
        _MOTS.map(lambda t: f"Axe 2 : {t}"),
        _MOTS.map(lambda t: f"- {t}"),
        _MOTS.map(lambda t: f"• {t}"),
        _MOTS.map(lambda t: f"→ {t}"),
        _MOTS,
        st.just(""),
        st.just("   "),
    )


@settings(max_examples=150, deadline=None)
@given(
    lignes=st.lists(_ligne(), max_size=30),
    nom=st.sampled_from(
        ["coeur-de-lorraine", "generique", "midi-quercy", "petites-villes-de-demain"]
    ),
)
def test_propriete_aucun_mot_perdu(lignes: list[str], nom: str) -> None:
    texte = "\n".join(lignes)
    profil = _profil(nom)
    assert _lignes_perdues(texte, profil) == []


def test_markdown_titres_et_gras() -> None:
    texte = (
        "# Projet\n\n## Axe 1 : Mobilité\n\n### Objectif 1.1 : Covoiturage\n\n"
        "- Créer des **aires**\n\n## Axe 2 : Santé\n\n* Maison de santé\n"
    )
    projet = analyser(texte, choisir_profil(texte, None)).projet
    assert [(n.type, n.numero, n.titre) for _, n in projet.noeuds()] == [
        ("axe", "1", "Mobilité"),
        ("objectif", "1.1", "Covoiturage"),
        ("axe", "2", "Santé"),
    ]
    assert [a.texte for _, a in projet.actions()] == ["Créer des aires", "Maison de santé"]
