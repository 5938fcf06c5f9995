"""yamlio: Projet → YAML → Projet round trips, byte-exact round trips of hand-written files,
and French error messages that name the file, the line, the column and the field."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from projterr.errors import SchemaInvalide, YamlInvalide
from projterr.model import Document, Noeud, Projet, Territoire
from projterr.yamlio import charger_projet, dumps, lire, loads, projet_vers_yaml, valider_projet
from projterr.yamllecture import _charger_libyaml
from strategies import LETTRES, PONCTUATION, projets

FIXTURES = Path(__file__).parent / "fixtures" / "yaml"
EXEMPLES = Path(__file__).parent.parent / "examples"
FICHIERS = sorted(FIXTURES.glob("*.yaml"))
LENT = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- Projet → YAML → Projet ------------------------------------------------------------


@LENT
@given(projets())
def test_projet_yaml_projet(projet: Projet) -> None:
    texte = projet_vers_yaml(projet)
    relu = valider_projet(loads(texte))
    assert relu.model_dump() == projet.model_dump()
    assert projet_vers_yaml(relu) == texte
    # the compiled parsers read what projterr writes as the round trip does
    assert valider_projet(lire(texte)).model_dump() == projet.model_dump()
    assert valider_projet(_charger_libyaml(texte, "<texte>")).model_dump() == projet.model_dump()


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=30))
def test_tout_texte_unicode_survit(texte: str) -> None:
    projet = Projet(
        territoire=Territoire(nom=texte),
        document=Document(titre=texte),
        contenu=[Noeud(id="p1", type="pilier", titre=texte, description=[texte])],
    )
    relu = valider_projet(loads(projet_vers_yaml(projet)))
    assert relu.model_dump() == projet.model_dump()


def test_caractere_nel_survit() -> None:
    projet = Projet(territoire=Territoire(nom="a\x85b"), document=Document(titre="t"))
    relu = valider_projet(loads(projet_vers_yaml(projet)))
    assert relu.territoire.nom == "a\x85b"


@pytest.mark.parametrize(
    "valeur",
    [
        "01",
        "1.2",
        "2.1.3.",
        "yes",
        "no",
        "null",
        "~",
        "2025-06-30",
        "12:30",
        "0x1F",
        "1e3",
        "# dièse",
        "- tiret",
        "« oui » : non",
    ],
)
def test_textes_qui_ressemblent_a_autre_chose(valeur: str) -> None:
    projet = Projet(
        territoire=Territoire(nom="PETR", departement=valeur),
        document=Document(titre=valeur, version=valeur),
        contenu=[Noeud(id="p1", type="pilier", numero=valeur, titre=valeur)],
    )
    texte = projet_vers_yaml(projet)
    for lecture in (loads, lire, lambda t: _charger_libyaml(t, "<texte>")):
        relu = valider_projet(lecture(texte))
        assert relu.territoire.departement == valeur
        assert relu.document.version == valeur
        assert relu.contenu[0].numero == valeur


@pytest.mark.parametrize(
    ("yaml", "attendu"),
    [
        ("yes", "yes"),
        ("on", "on"),
        ("NO", "NO"),
        ("True", True),
        ("false", False),
        ("05", 5),
        ("017", 17),
        ("0o17", 15),
        ("0x1F", 31),
        ("1_000", 1000),
        ("-0", 0),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        (".5", 0.5),
        ("~", None),
        ("null", None),
        ("", None),
        ("12:30", "12:30"),
        ("2025-6-3", "2025-6-3"),
        ("'2025-06-30'", "2025-06-30"),
        ("2025-06-30", "2025-06-30"),  # dates stay text: the schema's date fields read them
    ],
)
def test_les_deux_lecteurs_compiles_lisent_les_memes_types(yaml: str, attendu: object) -> None:
    """yaml-rs and the libyaml fallback read YAML 1.2 types, as ruamel's round trip does."""
    texte = f"a: {yaml}\n"
    lectures = [lire, lambda t: _charger_libyaml(t, "<texte>")]
    if yaml != "2025-06-30":
        lectures.append(loads)
    for lecture in lectures:
        valeur = lecture(texte)["a"]
        # ruamel's round trip gives subclasses (ScalarInt…) of the same types
        assert valeur == attendu and type(attendu) in type(valeur).__mro__, (lecture, valeur)
        assert isinstance(valeur, bool) == isinstance(attendu, bool)


@pytest.mark.parametrize("exemple", sorted(EXEMPLES.glob("*.yaml")), ids=lambda f: f.name)
def test_les_trois_lecteurs_lisent_les_memes_donnees(exemple: Path) -> None:
    texte = exemple.read_text(encoding="utf-8")
    rapide = lire(texte)
    assert rapide == _charger_libyaml(texte, "<texte>")
    assert valider_projet(rapide).model_dump() == valider_projet(loads(texte)).model_dump()


def test_yaml_omet_les_champs_vides_et_commence_par_schema() -> None:
    projet = Projet(
        territoire=Territoire(nom="PETR"),
        document=Document(titre="T"),
        contenu=[Noeud(id="p1", type="pilier", titre="Un")],
    )
    texte = projet_vers_yaml(projet)
    assert texte.startswith("schema: projterr/1\n")
    assert "null" not in texte and "[]" not in texte


# --- byte-exact round trip of hand-written files ----------------------------------------


@pytest.mark.parametrize("fichier", FICHIERS, ids=lambda f: f.name)
def test_fichier_ecrit_a_la_main_inchange(fichier: Path) -> None:
    texte = fichier.read_text(encoding="utf-8")
    assert dumps(loads(texte)) == texte
    valider_projet(loads(texte), str(fichier))  # the fixtures are valid documents


def test_les_fixtures_existent() -> None:
    assert len(FICHIERS) >= 2
    assert all("#" in f.read_text(encoding="utf-8") for f in FICHIERS)


texte_commentaire = st.text(alphabet=LETTRES + PONCTUATION + "0123456789", max_size=30).map(
    str.rstrip
)


def _lignes_modifiables(lignes: list[str]) -> list[int]:
    """Lines after which a comment or a blank line may go (not inside a folded scalar)."""
    return [i for i, ligne in enumerate(lignes) if ligne.strip() and "#" not in ligne]


@LENT
@given(data=st.data())
def test_commentaires_et_lignes_vides_conserves(data: st.DataObject) -> None:
    base = (FIXTURES / "coeur-2025-commente.yaml").read_text(encoding="utf-8").splitlines()
    lignes = list(base)
    candidats = _lignes_modifiables(base)
    choisis = data.draw(st.lists(st.sampled_from(candidats), max_size=6, unique=True))
    for i in sorted(choisis, reverse=True):
        genre = data.draw(st.sampled_from(["fin", "avant", "vide"]))
        retrait = len(lignes[i]) - len(lignes[i].lstrip())
        commentaire = data.draw(texte_commentaire)
        if genre == "fin":
            lignes[i] = f"{lignes[i]}  # {commentaire}".rstrip()
        elif genre == "avant":
            lignes.insert(i, " " * retrait + f"# {commentaire}".rstrip())
        else:
            lignes.insert(i + 1, "")
    texte = "\n".join(lignes) + "\n"
    assert dumps(loads(texte)) == texte
    projet = valider_projet(loads(texte))
    assert projet.document.version == "2025"


def _cite(valeur: str, style: str) -> str:
    if style == "simple":
        return "'" + valeur.replace("'", "''") + "'"
    return json.dumps(valeur, ensure_ascii=False)


@LENT
@given(
    valeur=st.text(alphabet=LETTRES + PONCTUATION + "0123456789\\", min_size=1, max_size=40),
    style=st.sampled_from(["simple", "double"]),
)
def test_valeurs_citees_conservees(valeur: str, style: str) -> None:
    texte = (FIXTURES / "pvd-isigny-ordre.yaml").read_text(encoding="utf-8")
    ancien = "titre: 'Petites villes de demain : convention-cadre valant ORT'"
    assert ancien in texte
    texte = texte.replace(ancien, "titre: " + _cite(valeur, style))
    assert dumps(loads(texte)) == texte
    assert valider_projet(loads(texte)).document.titre == valeur


# --- schema errors: file, line, column, French field path --------------------------------

BASE = """\
schema: projterr/1
territoire:
  nom: PETR test
document:
  titre: Titre
  type: projet_de_territoire
  date: 2025-06-30
niveaux: [pilier]
contenu:
  - id: p1
    type: pilier
    titre: Un
"""


@pytest.fixture(params=["yaml-rs", "libyaml"])
def lecteur(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Syntax errors read the same whichever compiled parser is installed."""
    if request.param == "libyaml":
        monkeypatch.setitem(sys.modules, "yaml_rs", None)  # « import yaml_rs » fails
    return str(request.param)


def _erreur(tmp_path: Path, texte: str, attendue: type[Exception]) -> str:
    fichier = tmp_path / "doc.yaml"
    fichier.write_text(texte, encoding="utf-8")
    with pytest.raises(attendue) as info:
        charger_projet(fichier)
    message = str(info.value)
    assert message.startswith(f"{fichier} : "), message
    assert "Traceback" not in message
    return message


def test_base_valide(tmp_path: Path) -> None:
    fichier = tmp_path / "doc.yaml"
    fichier.write_text(BASE, encoding="utf-8")
    projet = charger_projet(fichier, lignes=True)
    assert projet.contenu[0]._ligne == 10


@pytest.mark.parametrize("exemple", sorted(EXEMPLES.glob("*.yaml")), ids=lambda f: f.name)
def test_lignes_du_lecteur_rapide_egales_a_celles_du_round_trip(exemple: Path) -> None:
    """The compiled parser's lines (libyaml's node tree) are the round trip's, for every
    level and action of every example, and the data are the same."""
    rapide = charger_projet(exemple, lignes=True)
    lent = valider_projet(loads(exemple.read_text(encoding="utf-8")), str(exemple))
    assert rapide.model_dump() == lent.model_dump()
    lignes_rapides = [n._ligne for _, n in rapide.noeuds()] + [
        a._ligne for _, a in rapide.actions()
    ]
    lignes_lentes = [n._ligne for _, n in lent.noeuds()] + [a._ligne for _, a in lent.actions()]
    assert lignes_rapides == lignes_lentes
    assert all(lignes_rapides)


@pytest.mark.parametrize(
    ("avant", "apres", "ligne", "colonne", "champ", "explication"),
    [
        ("  titre: Titre\n", "", 5, 3, "document.titre", "champ obligatoire manquant"),
        (
            "  titre: Titre\n",
            "  titre: Titre\n  titer: Autre\n",
            6,
            3,
            "document.titer",
            "champ inconnu",
        ),
        ("niveaux: [pilier]", "niveaux: pilier", 8, 10, "niveaux", "liste attendue"),
        (
            "type: projet_de_territoire",
            "type: projet",
            6,
            9,
            "document.type",
            "valeur non autorisée",
        ),
        ("2025-06-30", "30/06/2025", 7, 9, "document.date", "date attendue (AAAA-MM-JJ)"),
        ("    type: pilier", "    type: Pilier", 11, 11, "contenu[0].type", "identifiant"),
        (
            "    titre: Un\n",
            "    titre: Un\n    enfants: {}\n",
            13,
            14,
            "contenu[0].enfants",
            "liste attendue",
        ),
        ("  nom: PETR test", "  nom: [PETR, test]", 3, 8, "territoire.nom", "texte attendu"),
    ],
)
def test_erreur_de_schema(
    tmp_path: Path, avant: str, apres: str, ligne: int, colonne: int, champ: str, explication: str
) -> None:
    assert avant in BASE
    message = _erreur(tmp_path, BASE.replace(avant, apres), SchemaInvalide)
    assert f"ligne {ligne}, colonne {colonne}" in message
    assert f"champ « {champ} »" in message
    assert explication in message


def test_cle_mal_orthographiee_nommee(tmp_path: Path) -> None:
    message = _erreur(tmp_path, BASE.replace("  titre: Titre", "  titer: Titre"), SchemaInvalide)
    assert "titer" in message


def test_plusieurs_erreurs_comptees(tmp_path: Path) -> None:
    texte = BASE.replace("niveaux: [pilier]", "niveaux: pilier").replace("type: pilier", "type: P")
    message = _erreur(tmp_path, texte, SchemaInvalide)
    assert "(et 1 autre erreur)" in message


def test_document_qui_n_est_pas_un_dictionnaire(tmp_path: Path) -> None:
    message = _erreur(tmp_path, "- une\n- liste\n", SchemaInvalide)
    assert "schema: projterr/1" in message


@pytest.mark.parametrize(
    ("avant", "apres", "ligne", "explication"),
    [
        ("  nom: PETR test", "\tnom: PETR test", 3, "tabulation"),
        ("  titre: Titre\n", "  titre: Titre\n  titre: Autre\n", 6, "clé en double"),
        ("  titre: Titre", "  titre: Titre: sous-titre", 5, "deux-points"),
    ],
)
def test_yaml_casse(
    lecteur: str, tmp_path: Path, avant: str, apres: str, ligne: int, explication: str
) -> None:
    message = _erreur(tmp_path, BASE.replace(avant, apres), YamlInvalide)
    assert f"ligne {ligne}," in message
    assert explication in message
    assert "YAML invalide" in message


def test_guillemet_non_ferme(lecteur: str, tmp_path: Path) -> None:
    message = _erreur(tmp_path, BASE.replace("titre: Titre", 'titre: "Titre'), YamlInvalide)
    assert "ligne 5" in message


def test_crochet_non_ferme_en_francais(lecteur: str, tmp_path: Path) -> None:
    message = _erreur(tmp_path, BASE.replace("titre: Un", "titre: [Un"), YamlInvalide)
    assert "expected" not in message and "but got" not in message


def test_date_impossible(lecteur: str, tmp_path: Path) -> None:
    # yaml-rs reads « 2025-13-45 » as text (no date has that shape), so the schema refuses it
    message = _erreur(tmp_path, BASE.replace("2025-06-30", "2025-13-45"), SchemaInvalide)
    assert re.search(r"ligne 7\b", message)
    assert "date impossible « 2025-13-45 »" in message


# --- the fast emitter writes exactly what ruamel writes ---------------------------------------

from projterr.yamlio import _elaguer, _emettre, projet_vers_donnees  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(projets())
def test_emetteur_rapide_identique_a_ruamel(projet: Projet) -> None:
    donnees = projet_vers_donnees(projet)
    assert _emettre(donnees) == dumps(donnees)


_DELICATS = [
    "",
    " espace",
    "espace ",
    "#",
    "# titre",
    "a #b",
    "a: b",
    "fin:",
    ":debut",
    "- tiret",
    "-",
    "?",
    "? q",
    "---",
    "...x",
    "'",
    "l'action",
    '"cite"',
    'l\'a "b"',
    "c:\\chemin",
    "1.2",
    "01",
    "0x1F",
    "1e3",
    ".inf",
    "true",
    "True",
    "yes",
    "null",
    "~",
    "2025-06-30",
    "12:30",
    "<<",
    "=",
    "!tag",
    "&ancre",
    "*alias",
    "%",
    "@",
    "`",
    "|",
    ">",
    "[x]",
    "{x}",
    "a,b",
    "a[b]",
    "tab\there",
    "ligne\nsuivante",
    "nel\x85",
    "\ufeffbom",
    "é",
    "« x » : y",
    "x — y",
    "\x07",
]


@pytest.mark.parametrize("texte", _DELICATS)
def test_emetteur_rapide_chaines_delicates(texte: str) -> None:
    # _elaguer is how projet_vers_donnees prepares strings (line-break characters get quoted)
    donnees = _elaguer({"schema": "projterr/1", "liste": [texte, {"cle": texte}], "cle": texte})
    assert _emettre(donnees) == dumps(donnees)
    assert loads(_emettre(donnees))["cle"] == texte


def test_cle_numerique_message_francais(tmp_path: Path) -> None:
    """A number as a key (« 1: x » typed in a mapping) is named in French, not in pydantic's
    English (found by tests/test_fuzz.py)."""
    chemin = tmp_path / "p.yaml"
    chemin.write_text(BASE.replace("  nom: PETR test\n", "  nom: PETR test\n  1: deux\n"), "utf-8")
    with pytest.raises(SchemaInvalide) as exc:
        charger_projet(chemin)
    assert "nom de champ attendu" in str(exc.value)
    assert "Keys" not in str(exc.value)


def test_crochets_entre_guillemets_ou_en_commentaire_acceptes(tmp_path: Path) -> None:
    """Deep [ ] nesting is refused before parsing; brackets inside quotes or comments are text."""
    crochets = "[" * 150
    chemin = tmp_path / "p.yaml"
    texte = BASE.replace("  nom: PETR test\n", f"  nom: '{crochets}'  # {crochets}\n")
    chemin.write_text(texte, "utf-8")
    assert charger_projet(chemin).territoire.nom == crochets
    chemin.write_text(BASE + f"x: {crochets}{']' * 150}\n", "utf-8")
    with pytest.raises(YamlInvalide, match="trop profondément"):
        charger_projet(chemin)
