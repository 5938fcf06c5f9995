"""Blocs (the one intermediate form), the reader chosen by content, and every encoding a
chargé de mission's text file comes in, said in the import summary."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from graines import COEUR
from projterr.cli import app
from projterr.errors import FichierIllisible
from projterr.importers import importer_fichier
from projterr.importers.blocs import Bloc, blocs_du_texte, format_du_contenu, vers_lignes
from projterr.importers.moteur import forme_d_origine
from projterr.importers.plausibilite import juger
from projterr.model import Action, Document, Noeud, Projet, Territoire
from projterr.sources import lire_texte

runner = CliRunner()
PLAN = (
    "Projet de territoire du Pays d’Élan\n"
    "\n"
    "Pilier 1 : Économie et emploi\n"
    "- Soutenir les commerces de proximité « cœur de bourg »\n"
    "- Créer une pépinière d’entreprises à Saint-Éloi\n"
    "Pilier 2 : Transition écologique\n"
    "- Rénover l’éclairage public\n"
)


# --- blocs -------------------------------------------------------------------------------------


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_propriete_texte_en_blocs_et_retour_a_l_identique(texte: str) -> None:
    texte = texte.replace("\r", "")
    lignes = vers_lignes(blocs_du_texte(texte))
    assert lignes.texte == texte
    assert [b.ligne for b in lignes.origines] == list(range(1, len(texte.split("\n")) + 1))


def test_tableau_deux_colonnes_en_libelle_valeur() -> None:
    cellules = [
        Bloc("Pilote", "cellule", page=2, ligne=5, tableau=1, rangee=1, colonne=1),
        Bloc("Commune de Coligny", "cellule", page=2, ligne=5, tableau=1, rangee=1, colonne=2),
        Bloc("Partenaires :", "cellule", page=2, ligne=5, tableau=1, rangee=2, colonne=1),
        Bloc("CAF, CPAM", "cellule", page=2, ligne=5, tableau=1, rangee=2, colonne=2),
        Bloc("Calendrier", "cellule", page=2, ligne=5, tableau=1, rangee=3, colonne=1),
        Bloc("", "cellule", page=2, ligne=5, tableau=1, rangee=3, colonne=2),
    ]
    lignes = vers_lignes([Bloc("Fiche action n°1 : Halle", page=2, ligne=4), *cellules])
    assert lignes.texte.split("\n") == [
        "Fiche action n°1 : Halle",
        "Pilote : Commune de Coligny",
        "Partenaires : CAF, CPAM",
        "Calendrier",
    ]
    assert lignes.origines[2].position() == "page 2, tableau 1, rangée 2, colonne 1, ligne 5"


def test_puces_imbriquees_en_retrait() -> None:
    blocs = [
        Bloc("Habiter", "puce", niveau=1, marque="•"),
        Bloc("Logements vacants", "puce", niveau=2, marque="◦"),
    ]
    assert vers_lignes(blocs).texte == "• Habiter\n    ◦ Logements vacants"


def _zip(membres: dict[str, bytes], mimetype: bytes | None = None) -> bytes:
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as archive:
        if mimetype is not None:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        for nom, contenu in membres.items():
            archive.writestr(nom, contenu)
    return tampon.getvalue()


@pytest.mark.parametrize(
    ("data", "attendu"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\xef\xbb\xbf   %PDF-1.4\n", "pdf"),  # a few bytes before the header are allowed
        (_zip({"word/document.xml": b"<w/>"}), "docx"),
        (_zip({"xl/workbook.xml": b"<x/>"}), "xlsx"),
        (_zip({"content.xml": b"<o/>"}, b"application/vnd.oasis.opendocument.text"), "odt"),
        (
            _zip({"content.xml": b"<o/>"}, b"application/vnd.oasis.opendocument.spreadsheet"),
            "ods",
        ),
        (_zip({"a.txt": b"x"}), "zip"),
        (b"PK\x03\x04" + bytes(60), "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(40), "ole"),
        (b"\x89PNG\r\n\x1a\n", "png"),
        (b"Pilier 1 : texte", None),
    ],
)
def test_format_reconnu_au_contenu(data: bytes, attendu: str | None) -> None:
    assert format_du_contenu(data) == attendu


@pytest.mark.parametrize(
    ("nom", "data", "message"),
    [
        ("plan.docx", b"%PDF-1.7\n%%EOF\n", "ce fichier nommé .docx est en réalité un PDF"),
        ("plan.odt", _zip({"word/document.xml": b"<w/>"}), "en réalité un document Word"),
        ("plan.xlsx", b"PK\x03\x04" + bytes(60), "archive ZIP tronquée ou abîmée"),
        ("plan.txt", b"%PDF-1.7\n%%EOF\n", "renommez-le en .pdf"),
    ],
)
def test_nom_et_contenu_qui_divergent(tmp_path: Path, nom: str, data: bytes, message: str) -> None:
    fichier = tmp_path / nom
    fichier.write_bytes(data)
    resultat = runner.invoke(app, ["import", str(fichier)])
    assert resultat.exit_code == 2
    assert resultat.stderr.splitlines() == [resultat.stderr.strip()]
    assert message in resultat.stderr


# --- encodings -------------------------------------------------------------------------------

ENCODAGES = {
    "utf-8": (PLAN.encode("utf-8"), "utf-8", []),
    "utf-8-bom": (b"\xef\xbb\xbf" + PLAN.encode("utf-8"), "utf-8", ["BOM"]),
    "utf-16-le-bom": (PLAN.encode("utf-16"), "utf-16", ["UTF-16"]),  # Word's « Texte Unicode »
    "utf-16-be-bom": (b"\xfe\xff" + PLAN.encode("utf-16-be"), "utf-16", ["UTF-16"]),
    "utf-16-le-sans-bom": (PLAN.encode("utf-16-le"), "utf-16-le", ["UTF-16 sans marque"]),
    "utf-16-be-sans-bom": (PLAN.encode("utf-16-be"), "utf-16-be", ["UTF-16 sans marque"]),
    "windows-1252": (PLAN.encode("cp1252"), "windows-1252", ["Windows-1252"]),
    "latin-1": (
        PLAN.replace("’", "'").replace("œ", "oe").encode("latin-1"),
        "latin-1",
        ["Latin-1"],
    ),
    "utf-8-crlf": (PLAN.replace("\n", "\r\n").encode("utf-8"), "utf-8", ["CRLF"]),
    "utf-16-crlf": (PLAN.replace("\n", "\r\n").encode("utf-16"), "utf-16", ["UTF-16", "CRLF"]),
    "windows-1252-crlf": (
        PLAN.replace("\n", "\r\n").encode("cp1252"),
        "windows-1252",
        ["Windows-1252", "CRLF"],
    ),
}


@pytest.mark.parametrize("cas", sorted(ENCODAGES))
def test_encodage_detecte_decode_et_dit(tmp_path: Path, cas: str) -> None:
    data, encodage, annonces = ENCODAGES[cas]
    fichier = tmp_path / f"plan-{cas}.txt"
    fichier.write_bytes(data)
    source = lire_texte(fichier)
    assert source.encodage == encodage
    attendu = PLAN if cas != "latin-1" else PLAN.replace("’", "'").replace("œ", "oe")
    assert source.texte == attendu

    resultat = runner.invoke(app, ["import", str(fichier)])
    assert resultat.exit_code == 0, resultat.stderr
    remarques = [ligne for ligne in resultat.stderr.splitlines() if ligne.startswith("Remarque")]
    assert len(remarques) == len(annonces), remarques
    for annonce, remarque in zip(annonces, remarques, strict=True):
        assert annonce in remarque
    assert f"encodage: {encodage}" in resultat.stdout

    # The same plan whatever the encoding.
    projet = importer_fichier(fichier).projet
    assert next(a.texte for _, a in projet.actions()).startswith("Soutenir les commerces")
    assert len(list(projet.actions())) == 3


@pytest.mark.parametrize(
    "donnees",
    [
        bytes(range(256)) * 8,  # every byte value: binary
        b"\x00\x01\x02\x03" * 500,  # NUL bytes on both sides
        "Axe 1 : Mobilité\n".encode("utf-16-le") + b"\x00\x00" * 10,  # NUL characters
        "Axe 1 : Mobilité\n".encode("utf-16-le")[:-1],  # an odd number of bytes
    ],
    ids=["octets", "nuls-partout", "caracteres-nuls", "impair"],
)
def test_binaire_pas_pris_pour_de_l_utf16_sans_bom(tmp_path: Path, donnees: bytes) -> None:
    fichier = tmp_path / "plan.txt"
    fichier.write_bytes(donnees)
    with pytest.raises(FichierIllisible, match="binaire"):
        lire_texte(fichier)


def test_utf16_tronque(tmp_path: Path) -> None:
    fichier = tmp_path / "plan.txt"
    fichier.write_bytes(PLAN.encode("utf-16")[:-1])  # an odd number of bytes
    with pytest.raises(FichierIllisible, match="UTF-16"):
        lire_texte(fichier)


@settings(max_examples=100)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1))
def test_propriete_utf16_relu_a_l_identique(tmp_path_factory, texte: str) -> None:  # type: ignore[no-untyped-def]
    texte = texte.replace("\ufeff", "")
    if not texte.strip():
        return
    fichier = tmp_path_factory.mktemp("u16") / "t.txt"
    fichier.write_bytes(texte.encode("utf-16"))
    assert lire_texte(fichier).texte == texte


# --- arrows and bullets as encodings and conversions write them --------------------------


def _effectifs(projet: Projet) -> tuple[int, ...]:
    types = Counter(n.type for _, n in projet.noeuds())
    return (
        types["pilier"],
        types["objectif_strategique"],
        types["objectif_operationnel"],
        sum(1 for _ in projet.actions()),
    )


def test_la_graine_en_windows_1252_donne_le_meme_arbre(tmp_path: Path) -> None:
    """Saved in Windows-1252, where « → » has no byte, the arrows become « -> »: the
    objectifs stratégiques they mark stay objectifs stratégiques (4/9/22/71)."""
    texte = COEUR.read_text(encoding="utf-8").replace("→", "->").replace("←", "<-")
    fichier = tmp_path / "coeur-windows-1252.txt"
    fichier.write_bytes(texte.encode("cp1252"))
    resultat = importer_fichier(fichier)
    assert _effectifs(resultat.projet) == (4, 9, 22, 71)
    assert _effectifs(importer_fichier(COEUR).projet) == (4, 9, 22, 71)
    assert not resultat.avertissements
    assert not any(a.texte.startswith(">") for _, a in resultat.projet.actions())


@pytest.mark.parametrize(
    ("ligne", "attendue"),
    [
        ("-> Objectif stratégique n°2 : Accueillir", "→ Objectif stratégique n°2 : Accueillir"),
        ("--> suite", "→ suite"),
        ("=> suite", "→ suite"),
        ("> suite", "→ suite"),
        ("  -> suite", "  → suite"),
        ("▪ Créer une maison de santé", "• Créer une maison de santé"),
        ("    ◦ Recruter", "    • Recruter"),
        ("    o Recruter", "    • Recruter"),
        # what is not a converted mark stays as written
        ("o pas indenté", "o pas indenté"),
        ("- Créer", "- Créer"),
        ("->collé", "->collé"),
        ("Relier A -> B", "Relier A -> B"),
        ("-1 degré", "-1 degré"),
        (">>> citation", ">>> citation"),
        ("  o", "  o"),
    ],
)
def test_formes_converties_des_fleches_et_puces(ligne: str, attendue: str) -> None:
    assert forme_d_origine(ligne) == attendue


def test_un_niveau_lu_comme_des_actions_rend_la_structure_incertaine() -> None:
    actions = [
        Action(id=f"a{k}", texte=texte)
        for k, texte in enumerate(
            [
                "> Objectif stratégique n°1 : Soutenir le maintien des services",
                "Créer une maison de santé pluriprofessionnelle",
                "> Objectif stratégique n°2 : Accueillir et accompagner",
                "Développer les mobilités douces entre les bourgs",
                "Axe 3 : Transition écologique",
                "Former les élus aux enjeux climatiques",
            ]
        )
    ]
    projet = Projet(
        territoire=Territoire(nom="PETR"),
        document=Document(titre="Projet"),
        contenu=[Noeud(id="p1", type="pilier", titre="Services", actions=actions)],
    )
    raisons = juger(projet).raisons
    assert any("3 actions commencent comme un titre de niveau" in r for r in raisons), raisons
    # the same plan with its levels read as levels is plausible on that count
    propres = projet.model_copy(deep=True)
    propres.contenu[0].actions = [
        a for a in actions if "Objectif" not in a.texte and "Axe" not in a.texte
    ]
    assert not any("titre de niveau" in r for r in juger(propres).raisons)
