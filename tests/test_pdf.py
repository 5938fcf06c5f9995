"""The PDF reader: the seeds and the other territories' plans written to PDF (by reportlab, in
the tests) import to the same projet as their text; page furniture, hyphenation, columns,
symbol bullets and tables are read as a person reads them; bad PDFs end in one French line."""

from __future__ import annotations

import re
import time
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from fabrique_pdf import (
    MARGE,
    pdf_chiffre,
    pdf_de_fiches,
    pdf_de_lignes,
    pdf_du_texte,
    pdf_scanne,
)
from graines import NOMS, SOURCES, textes_du_resultat
from projterr.cli import app
from projterr.errors import ProjterrError
from projterr.importers import ResultatImport, importer_fichier
from projterr.importers.pdf import lire_pdf
from projterr.model import Projet

DONNEES = Path(__file__).parent / "data" / "autres-territoires"
FIXTURES = sorted(p.name for p in DONNEES.iterdir() if p.is_file() and p.suffix in (".txt", ".md"))
FIXTURES = [nom for nom in FIXTURES if nom != "attendu.yaml"]
MOT = re.compile(r"\w+")
runner = CliRunner()


@cache
def _pdf_de(chemin: Path) -> bytes:
    texte = chemin.read_text(encoding="utf-8")
    entete = f"{chemin.stem} — document de travail"
    if chemin.name == "crte-fiches.txt":
        return pdf_de_fiches(texte, entete)  # the fiches' fields as two-column tables
    if chemin.name == "coeur-de-lorraine_revision-projet-de-territoire.txt":
        n = len(texte.split("\n"))
        return pdf_du_texte(texte, entete, deux_colonnes=(n // 3, n // 3 + 60))
    return pdf_du_texte(texte, entete)


def _deux_imports(chemin: Path, tmp_path: Path) -> tuple[ResultatImport, ResultatImport]:
    pdf = tmp_path / (chemin.stem + ".pdf")
    pdf.write_bytes(_pdf_de(chemin))
    return importer_fichier(chemin), importer_fichier(pdf)


def _arbre(projet: Projet) -> dict[str, Any]:
    """The projet without what depends on the file: its source, and where the set-aside
    lines were (a line number in the text, a page and line in the PDF)."""
    return projet.model_dump(mode="json", exclude={"document": {"source"}, "non_classe": True})


def _mots(textes: list[str]) -> Counter[str]:
    return Counter(m.lower() for t in textes for m in MOT.findall(t))


# --- the seeds and the fixtures, as PDFs ---------------------------------------------------


@pytest.mark.parametrize("nom", NOMS)
def test_graine_en_pdf_meme_projet(nom: str, tmp_path: Path) -> None:
    texte, pdf = _deux_imports(SOURCES / nom, tmp_path)
    assert pdf.profil == texte.profil
    assert pdf.avertissements == texte.avertissements
    assert _arbre(pdf.projet) == _arbre(texte.projet)  # same structure, same texts, same ids
    # The lines set aside: the same words, each pointing at its page.
    assert _mots([n.texte for n in pdf.projet.non_classe]) == _mots(
        [n.texte for n in texte.projet.non_classe]
    )
    assert all(isinstance(n.page, int) and n.page >= 1 for n in pdf.projet.non_classe)
    assert pdf.projet.document.source is not None
    assert pdf.projet.document.source.fichier == Path(nom).stem + ".pdf"


@pytest.mark.parametrize("nom", FIXTURES)
def test_plan_en_pdf_meme_arbre(nom: str, tmp_path: Path) -> None:
    texte, pdf = _deux_imports(DONNEES / nom, tmp_path)
    assert pdf.profil == texte.profil
    assert _arbre(pdf.projet) == _arbre(texte.projet)


@pytest.mark.parametrize(
    "chemin", [SOURCES / nom for nom in NOMS] + [DONNEES / nom for nom in FIXTURES], ids=str
)
def test_pdf_chaque_mot_de_la_source_est_dans_le_resultat(chemin: Path, tmp_path: Path) -> None:
    """Every word of the source is in the PDF's result, or was consumed as structure by the
    text import too (« Objectif opérationnel n° » is a node's type, « 1 850 000 € » a budget)."""
    texte, pdf = _deux_imports(chemin, tmp_path)
    source = _mots([chemin.read_text(encoding="utf-8")])
    du_texte = _mots(textes_du_resultat(texte))
    du_pdf = _mots(textes_du_resultat(pdf))
    perdus = sorted(m for m in source if m not in du_pdf and m in du_texte)
    assert perdus == []
    # What neither keeps as words is structure: markers and numbers, never a sentence.
    consommes = {m for m in source if m not in du_pdf}
    assert len(consommes) <= 20, sorted(consommes)


def test_fiches_en_tableaux_deviennent_des_champs(tmp_path: Path) -> None:
    _, pdf = _deux_imports(DONNEES / "crte-fiches.txt", tmp_path)
    (action,) = [a for _, a in pdf.projet.actions() if a.numero == "1.1"]
    assert action.structures_pilotes == ["Commune de Montrevel-en-Bresse"]
    assert action.partenaires == ["EPF de l'Ain", "Dynacité", "Banque des territoires"]
    assert action.budget == 1_850_000


def test_non_classe_garde_page_et_ligne(tmp_path: Path) -> None:
    _, pdf = _deux_imports(SOURCES / "coeur-de-lorraine_site-missions.txt", tmp_path)
    lecture = lire_pdf(_pdf_de(SOURCES / "coeur-de-lorraine_site-missions.txt"), "x.pdf")
    positions = {(b.page, b.ligne): b.texte for b in lecture.blocs if b.genre != "vide"}
    assert pdf.projet.non_classe
    for nc in pdf.projet.non_classe:
        assert isinstance(nc.page, int)
        assert nc.texte in positions[(nc.page, nc.ligne)]


def test_en_tetes_et_numeros_de_page_retires(tmp_path: Path) -> None:
    chemin = SOURCES / "coeur-de-lorraine_revision-projet-de-territoire.txt"
    lecture = lire_pdf(_pdf_de(chemin), "x.pdf")
    assert lecture.pages >= 3
    tout = "\n".join(b.texte for b in lecture.blocs)
    assert "document de travail" not in tout
    assert not re.search(r"Page \d+ / \d+", tout)
    assert any("lignes d'en-tête" in r for r in lecture.remarques)


# --- hand-drawn pages: hyphenation, symbol bullets, page numbers ----------------------------

_LONGUE = "Le PETR accompagne les communes dans leurs projets et soutient activement le dévelop-"


def test_coupure_puce_symbole_et_numero_de_page() -> None:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdfcanvas

    sortie = io.BytesIO()
    c = pdfcanvas.Canvas(sortie, pagesize=A4)
    largeur, hauteur = A4
    for k in range(1, 4):
        c.setFont("Helvetica", 8)
        c.drawString(MARGE, hauteur - 30, "PETR du Val — Projet de territoire 2026")
        c.drawCentredString(largeur / 2, 25, str(k))  # a bare page number in the footer
        c.setFont("Helvetica", 10)
        y = hauteur - MARGE - 10
        # At the same place on every page, differing by its number: a heading, not a header.
        c.drawString(MARGE, y, f"Axe {k} : Une ambition numéro {k}")
        y -= 24
        c.drawString(MARGE, y, _LONGUE)
        largeur_texte = c.stringWidth(_LONGUE, "Helvetica", 10)
        y -= 12
        c.drawString(MARGE, y, "pement des circuits courts et des filières locales.")
        y -= 24
        for puce in ("Créer une halle de producteurs", "Ouvrir un tiers-lieu agricole"):
            c.setFont("ZapfDingbats", 8)
            c.drawString(MARGE + 4, y, "n")  # ■ in ZapfDingbats: the text layer says « n »
            c.setFont("Helvetica", 10)
            c.drawString(MARGE + 16, y, puce)
            y -= 12
        c.showPage()
    c.save()
    assert largeur_texte > 300  # the hyphenated line is the widest: a wrapped line
    lecture = lire_pdf(sortie.getvalue(), "x.pdf")
    textes = [b.texte for b in lecture.blocs if b.genre != "vide"]
    assert (
        textes.count(
            "Le PETR accompagne les communes dans leurs projets et soutient activement le "
            "développement des circuits courts et des filières locales."
        )
        == 3
    )
    puces = [b for b in lecture.blocs if b.genre == "puce"]
    assert [b.texte for b in puces[:2]] == [
        "Créer une halle de producteurs",
        "Ouvrir un tiers-lieu agricole",
    ]
    assert all(b.marque == "•" and b.niveau == 1 for b in puces)
    assert [t for t in textes if t.startswith("Axe ")] == [
        f"Axe {k} : Une ambition numéro {k}" for k in (1, 2, 3)
    ]
    assert not any("PETR du Val" in t for t in textes)  # the running header
    assert not any(t.strip().isdigit() for t in textes)  # the page numbers
    assert [b.page for b in puces] == [1, 1, 2, 2, 3, 3]


@pytest.mark.parametrize(
    ("fin", "suite", "attendu"),
    [
        ("le dévelop-", "pement local", "le développement local"),
        ("regarder au-", "delà des limites", "regarder au-delà des limites"),
        ("le Pays Midi-", "Quercy", "le Pays Midi-Quercy"),
        ("une démarche", "continue", "une démarche continue"),
        ("recruter une main-", "d’œuvre qualifiée", "recruter une main-d’œuvre qualifiée"),
    ],
)
def test_mots_coupes_en_fin_de_ligne(fin: str, suite: str, attendu: str) -> None:
    from projterr.importers.pdf.lignes import _enchainer

    assert _enchainer(fin, suite) == attendu


@pytest.mark.parametrize(
    ("vocabulaire", "attendu"),
    [
        ({"centre-bourg"}, "le centre-bourg de Trévières"),  # written whole elsewhere
        ({"centrebourg"}, "le centrebourg de Trévières"),
        (set(), "le centrebourg de Trévières"),  # nothing says otherwise: a hyphenated word
    ],
)
def test_mot_coupe_tranche_par_le_reste_du_document(vocabulaire: set[str], attendu: str) -> None:
    from projterr.importers.pdf.lignes import _enchainer

    assert _enchainer("le centre-", "bourg de Trévières", frozenset(vocabulaire)) == attendu


@pytest.mark.parametrize("glyphe", ["\uf0b7", "\uf0a7", "\uf0d8", "▪", "•"])
def test_puces_des_polices_de_symboles(glyphe: str) -> None:
    from projterr.importers.pdf.geometrie import Ligne, Mot
    from projterr.importers.pdf.lignes import _puce

    ligne = Ligne(
        [
            Mot(glyphe, 60, 64, 100, 110, 10, "\uf000" <= glyphe <= "\uf0ff"),
            Mot("Créer", 72, 100, 100, 110, 10, False),
            Mot("une", 103, 120, 100, 110, 10, False),
        ],
        page=1,
    )
    assert _puce(ligne) == ("•", "Créer une")


# --- bad PDFs: one French line, exit code 2, quickly ----------------------------------------


def _tronque() -> bytes:
    data = _pdf_de(SOURCES / "isigny-omaha_petites-villes-de-demain.txt")
    return data[: len(data) // 2]


def _page_blanche() -> bytes:
    return pdf_de_lignes([[]])


def _docx() -> bytes:
    import io
    import zipfile

    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return tampon.getvalue()


MAUVAIS: dict[str, tuple[str, Any, str]] = {
    "tronque": ("tronque.pdf", _tronque, "tronqué"),
    "scan": ("scan.pdf", pdf_scanne, "OCR"),
    "page_blanche": ("blanc.pdf", _page_blanche, "OCR"),
    "chiffre": ("chiffre.pdf", lambda: pdf_chiffre("Pilier 1 : un texte secret"), "mot de passe"),
    "pdf_nomme_docx": (
        "rapport.docx",
        lambda: _pdf_de(SOURCES / "midi-quercy_defis-strategie-chantiers.txt"),
        "en réalité un PDF",
    ),
    "pdf_nomme_txt": (
        "rapport.txt",
        lambda: _pdf_de(SOURCES / "midi-quercy_defis-strategie-chantiers.txt"),
        "en réalité un PDF",
    ),
    "binaire_nomme_pdf": ("binaire.pdf", lambda: bytes(range(256)) * 40, "pas un PDF"),
    "texte_nomme_pdf": ("texte.pdf", lambda: b"Pilier 1 : du texte\n", "pas un PDF"),
    "docx_nomme_pdf": ("lettre.pdf", _docx, "en réalité un document Word"),
    "vide": ("vide.pdf", lambda: b"", "vide"),
    "en_tete_seul": ("entete.pdf", lambda: b"%PDF-1.7\n%%EOF\n", "PDF"),
    "objets_casses": (
        "casse.pdf",
        lambda: (
            b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            b"3 0 obj\n<< /Type /Page /Contents 9 0 R >>\nendobj\n"
            b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
        ),
        "PDF",
    ),
}


@pytest.mark.parametrize("cas", sorted(MAUVAIS))
@pytest.mark.parametrize("commande", ["import", "check"])
def test_mauvais_pdf_une_ligne_en_francais(cas: str, commande: str, tmp_path: Path) -> None:
    nom, fabriquer, motif = MAUVAIS[cas]
    fichier = tmp_path / nom
    fichier.write_bytes(fabriquer())
    debut = time.perf_counter()
    resultat = runner.invoke(app, [commande, str(fichier)])
    duree = time.perf_counter() - debut
    assert resultat.exit_code == 2, resultat.output
    assert "Traceback" not in resultat.output
    lignes = resultat.stderr.splitlines()
    assert len(lignes) == 1, resultat.stderr
    assert lignes[0].startswith(f"projterr : {fichier} : ")
    assert motif in lignes[0]
    assert "erreur interne" not in lignes[0]
    assert duree < 5, duree


@pytest.mark.parametrize("cas", ["objets_casses", "tronque", "chiffre", "scan"])
def test_mauvais_pdf_processus_reel_une_seule_ligne(cas: str, tmp_path: Path) -> None:
    """In a real process, where pdfminer's log warnings would reach stderr too."""
    import subprocess
    import sys

    nom, fabriquer, motif = MAUVAIS[cas]
    fichier = tmp_path / nom
    fichier.write_bytes(fabriquer())
    fini = subprocess.run(
        [sys.executable, "-m", "projterr", "import", str(fichier)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert fini.returncode == 2
    assert fini.stderr.splitlines() == [fini.stderr.strip()]
    assert fini.stderr.startswith(f"projterr : {fichier} : ") and motif in fini.stderr


def _un_pdf_valide() -> bytes:
    return _pdf_de(SOURCES / "isigny-omaha_petites-villes-de-demain.txt")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.binary(max_size=2000).map(lambda b: b"%PDF-1.4\n" + b + b"\n%%EOF\n"),
        st.tuples(st.integers(0, 10_000), st.binary(min_size=1, max_size=64)).map(
            lambda t: _abime(t[0], t[1])
        ),
    )
)
def test_propriete_lecteur_pdf_resultat_ou_erreur_a_nous(data: bytes) -> None:
    try:
        lecture = lire_pdf(data, "fuzz.pdf")
    except ProjterrError as exc:
        assert exc.fichier == "fuzz.pdf" and exc.message
    else:
        assert lecture.pages >= 1


def _abime(position: int, octets: bytes) -> bytes:
    """A valid PDF with a few bytes overwritten somewhere."""
    data = bytearray(_un_pdf_valide())
    position %= len(data)
    data[position : position + len(octets)] = octets
    return bytes(data)


# --- the CLI --------------------------------------------------------------------------------


def test_cli_import_pdf_resume(tmp_path: Path) -> None:
    fichier = tmp_path / "midi-quercy.pdf"
    fichier.write_bytes(_pdf_de(SOURCES / "midi-quercy_defis-strategie-chantiers.txt"))
    sortie = tmp_path / "midi-quercy.yaml"
    resultat = runner.invoke(app, ["import", str(fichier), "-o", str(sortie)])
    assert resultat.exit_code == 0, resultat.stderr
    assert "Import de midi-quercy.pdf (profil « midi-quercy »)" in resultat.stderr
    assert "Remarque : " in resultat.stderr and "pied de page" in resultat.stderr
    assert sortie.read_text(encoding="utf-8").startswith("schema: projterr/1")


def test_pdf_sans_extension_reconnu_au_contenu(tmp_path: Path) -> None:
    fichier = tmp_path / "telechargement"
    fichier.write_bytes(_pdf_de(SOURCES / "midi-quercy_defis-strategie-chantiers.txt"))
    resultat = importer_fichier(fichier)
    assert resultat.profil == "midi-quercy"


def test_pdfplumber_pas_charge_au_demarrage() -> None:
    import subprocess
    import sys

    code = (
        "import projterr.cli, sys; print('pdfplumber' in sys.modules or 'pdfminer' in sys.modules)"
    )
    sortie = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert sortie.strip() == "False"


def test_titre_en_grand_coupe_sur_deux_lignes() -> None:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdfcanvas

    sortie = io.BytesIO()
    c = pdfcanvas.Canvas(sortie, pagesize=A4)
    hauteur = A4[1]
    titre = "Axe 1 : Accompagner les transitions écologique, énergétique et"
    c.setFont("Helvetica-Bold", 16)
    y = hauteur - 100
    c.drawString(MARGE, y, titre)
    c.drawString(MARGE, y - 20, "numérique du territoire")
    c.setFont("Helvetica", 10)
    y -= 50
    for phrase in ("Le PETR porte cet axe avec les trois communautés de communes.",) * 3:
        c.drawString(MARGE, y, phrase)
        y -= 12
    c.showPage()
    c.save()
    # The title's first line is the page's widest text: the second line wraps from it.
    assert c.stringWidth(titre, "Helvetica-Bold", 16) > c.stringWidth(phrase, "Helvetica", 10)
    lecture = lire_pdf(sortie.getvalue(), "x.pdf")
    premier = lecture.blocs[0]
    assert premier.genre == "titre" and premier.niveau == 1 and premier.style == "16 pt"
    assert premier.texte == f"{titre} numérique du territoire"
    assert [b.genre for b in lecture.blocs[1:] if b.genre != "vide"] == ["paragraphe"] * 3


def test_titre_sur_toute_la_largeur_puis_deux_colonnes() -> None:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdfcanvas

    sortie = io.BytesIO()
    c = pdfcanvas.Canvas(sortie, pagesize=A4)
    largeur, hauteur = A4
    c.setFont("Helvetica-Bold", 14)
    titre = "Orientation 2 : Habiter le territoire à tous les âges de la vie, partout"
    c.drawString(MARGE, hauteur - 90, titre)
    c.setFont("Helvetica", 10)
    milieu = largeur / 2
    for cote, x in (("gauche", MARGE), ("droite", milieu + 10)):
        y = hauteur - 130
        for k in range(1, 9):
            c.drawString(x, y, f"Ligne {k} de la colonne {cote}")
            y -= 12
    c.showPage()
    c.save()
    assert c.stringWidth(titre, "Helvetica-Bold", 14) > milieu - MARGE  # across the gutter
    textes = [b.texte for b in lire_pdf(sortie.getvalue(), "x.pdf").blocs if b.genre != "vide"]
    assert textes == [
        titre,
        *(f"Ligne {k} de la colonne gauche" for k in range(1, 9)),
        *(f"Ligne {k} de la colonne droite" for k in range(1, 9)),
    ]


# --- leaflets in three columns --------------------------------------------------------------

# A PETR's strategy as a « 4 pages » leaflet: a title across the page, then three columns, an
# axe in each, with words found in one column only, so that a line of one column glued to a
# line of another shows.
DEPLIANT_TITRE = "Stratégie du PETR du Perche ornais 2026-2030"
DEPLIANT = [
    [
        "Le Perche ornais compte 68 communes et trois communautés de communes ; son projet de "
        "territoire a été écrit avec les habitants lors de douze réunions publiques.",
        "",
        "Axe 1 : Nourrir le bocage",
        "• Ouvrir une halle paysanne à Mortagne avec les producteurs du canton et leurs "
        "coopératives laitières",
        "• Planter des haies bocagères",
        "• Former les cantiniers",
    ],
    [
        "Axe 2 : Relier les bourgs",
        "Sans voiture, un lycéen de Tourouvre met une heure pour rejoindre Mortagne.",
        "• Créer une voie verte entre Bellême et Rémalard le long de l'ancienne ligne ferroviaire",
        "• Lancer un covoiturage solidaire",
        "• Équiper les gares rurales",
    ],
    [
        "Axe 3 : Accueillir les familles",
        "• Rénover l'école de musique intercommunale dans le château de Longny",
        "• Ouvrir une crèche itinérante",
        "• Soutenir les assistantes maternelles",
        "",
        "Contact : maison du Parc, Courboyer, 61340 Nocé.",
    ],
]


def _source_du_depliant() -> str:
    return "\n".join([DEPLIANT_TITRE, "", *(ligne for col in DEPLIANT for ligne in col)]) + "\n"


def test_depliant_en_trois_colonnes_lu_colonne_par_colonne() -> None:
    from fabrique_pdf import pdf_en_colonnes

    lecture = lire_pdf(pdf_en_colonnes(DEPLIANT_TITRE, DEPLIANT), "depliant.pdf")
    textes = [b.texte for b in lecture.blocs if b.genre != "vide"]
    attendu = [DEPLIANT_TITRE] + [
        re.sub(r"^• ", "", ligne) for col in DEPLIANT for ligne in col if ligne
    ]
    assert textes == attendu
    assert lecture.remarques == []


def test_depliant_en_trois_colonnes_meme_projet_que_son_texte(tmp_path: Path) -> None:
    """The leaflet imports to the projet its text gives: three axes, each with its actions,
    and every word of the source is in the result."""
    from fabrique_pdf import pdf_en_colonnes

    source = tmp_path / "depliant.txt"
    source.write_text(_source_du_depliant(), encoding="utf-8")
    pdf = tmp_path / "depliant.pdf"
    pdf.write_bytes(pdf_en_colonnes(DEPLIANT_TITRE, DEPLIANT))
    texte, lu = importer_fichier(source), importer_fichier(pdf)
    assert lu.profil == texte.profil
    assert _arbre(lu.projet) == _arbre(texte.projet)
    axes = lu.projet.contenu
    assert [len(axe.actions) for axe in axes] == [3, 3, 3]
    mots = _mots(textes_du_resultat(lu))
    assert [m for m in _mots([_source_du_depliant()]) if m not in mots] == []


@pytest.mark.parametrize("n", [2, 3, 4])
def test_pages_en_n_colonnes_lues_de_gauche_a_droite(n: int) -> None:
    from fabrique_pdf import pdf_en_colonnes

    colonnes = [[f"Ligne {k} colonne {c}" for k in range(1, 7)] for c in range(1, n + 1)]
    lecture = lire_pdf(pdf_en_colonnes("Un titre sur toute la largeur", colonnes), "x.pdf")
    textes = [b.texte for b in lecture.blocs if b.genre != "vide"]
    assert textes[0] == "Un titre sur toute la largeur"
    # Lines this short in a narrow column look wrapped and are joined: the order is the point.
    assert " ".join(textes[1:]) == " ".join(t for c in colonnes for t in c)
    assert lecture.remarques == []


def _page_dessinee(lignes: list[tuple[str, float, float]]) -> bytes:
    """One page of (text, x, y from the top) in Helvetica 10."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdfcanvas

    sortie = io.BytesIO()
    c = pdfcanvas.Canvas(sortie, pagesize=A4)
    c.setFont("Helvetica", 10)
    for texte, x, y in lignes:
        c.drawString(x, A4[1] - y, texte)
    c.showPage()
    c.save()
    return sortie.getvalue()


_PHRASE = "Le PETR porte ce programme avec les trois communautés de communes du territoire, "


_GAUCHE = (
    "Le contrat de relance et de transition écologique réunit l'État, la Région et le "
    "Département autour d'un même programme d'investissements pour six ans."
)
_DROITE = (
    "Les communes rurales y trouvent un guichet unique pour leurs projets de rénovation, de "
    "mobilité et de services au public."
)


def test_colonnes_sur_une_partie_de_la_page_lue_en_une_colonne_avec_remarque() -> None:
    """Two columns between two paragraphs across the page: no gutter runs down the whole page.
    Guessing would be silent; the page is read as one column, and the import says so."""
    from reportlab.lib.utils import simpleSplit

    milieu = 297.0
    lignes = [(_PHRASE, MARGE, 100.0), ("et les chambres consulaires.", MARGE, 112.0)]
    for x, texte in ((MARGE, _GAUCHE), (milieu + 12, _DROITE)):
        for k, morceau in enumerate(simpleSplit(texte, "Helvetica", 10, milieu - MARGE - 12)):
            lignes.append((morceau, x, 136.0 + 12 * k))
    lignes += [(_PHRASE, MARGE, 240.0), ("et l'État.", MARGE, 252.0)]
    lecture = lire_pdf(_page_dessinee(lignes), "x.pdf")
    textes = [b.texte for b in lecture.blocs if b.genre != "vide"]
    # Read as the page runs, the two columns interleaved: said, not hidden.
    tout = " ".join(textes)
    assert tout.startswith(_PHRASE + "et les chambres consulaires.")
    assert tout.endswith(_PHRASE + "et l'État.")
    gauche, droite = (
        simpleSplit(t, "Helvetica", 10, milieu - MARGE - 12)[0] for t in (_GAUCHE, _DROITE)
    )
    assert f"{gauche} {droite}" in tout
    (remarque,) = [r for r in lecture.remarques if "côte à côte" in r]
    assert remarque.startswith("page 1 : ") and "vérifiez l'ordre des lignes" in remarque
    assert remarque == (
        "page 1 : des lignes côte à côte sur une partie de la page seulement (colonnes, "
        "encadré ?), lue en une seule colonne : vérifiez l'ordre des lignes"
    )


def test_libelles_alignes_sur_une_tabulation_ne_sont_pas_des_colonnes() -> None:
    """« Pilote      PETR » under a paragraph: labels stop far from their values."""
    lignes = [(_PHRASE, MARGE, 100.0), ("et les chambres consulaires.", MARGE, 112.0)]
    for k, (libelle, valeur) in enumerate(
        [("Pilote :", "PETR du Perche"), ("Budget :", "120 000 €"), ("Calendrier :", "2027")]
    ):
        lignes.append((libelle, MARGE, 136.0 + 12 * k))
        lignes.append((valeur, 230.0, 136.0 + 12 * k))
    lecture = lire_pdf(_page_dessinee(lignes), "x.pdf")
    assert lecture.remarques == []


# --- pages and text turned sideways ---------------------------------------------------------

_AVANT = ["Axe 1 : Nourrir le bocage", "Le tableau suivant détaille les actions de l'axe."]
_RANGEES = [
    ["Action", "Pilote", "Budget", "Calendrier"],
    ["Créer une halle paysanne à Mortagne", "Communauté de communes", "450 000 €", "2026-2027"],
    ["Planter des haies bocagères", "Syndicat de bassin", "80 000 €", "2026-2030"],
]
_APRES = ["Axe 2 : Relier les bourgs"]


@pytest.mark.parametrize("rotation", [90, 270, 0])
def test_page_en_paysage_lue_dans_l_ordre(rotation: int) -> None:
    """An A3 table turned sideways among portrait pages: stored with /Rotate 90 or 270 (shown
    upright, pdfminer turns it), or drawn sideways on a portrait page (0: the reader turns it
    and says so). Its title, then its table row by row, between the pages around it."""
    from fabrique_pdf import pdf_avec_page_en_paysage

    titre = "Tableau de bord des actions de l'axe 1"
    data = pdf_avec_page_en_paysage(_AVANT, titre, _RANGEES, _APRES, rotation)
    lecture = lire_pdf(data, "x.pdf")
    blocs = [b for b in lecture.blocs if b.genre != "vide"]
    assert [b.texte for b in blocs] == [
        *_AVANT,
        titre,
        *(case for rangee in _RANGEES for case in rangee),
        *_APRES,
    ]
    assert [b.page for b in blocs] == [1, 1] + [2] * 13 + [3]
    assert [(b.rangee, b.colonne) for b in blocs if b.genre == "cellule"][4:6] == [(2, 1), (2, 2)]
    tournee = [r for r in lecture.remarques if "sens du texte" in r]
    assert tournee == ([] if rotation else [
        "page 2 : texte écrit en travers de la page (dans sa hauteur ou à l'envers), lue dans "
        "le sens du texte"
    ])  # fmt: skip


_BANDEAU = "Document de travail — ne pas diffuser"


def test_bandeau_vertical_mis_de_cote_jamais_colle_aux_lignes(tmp_path: Path) -> None:
    """A stamp written up the margin is no part of the lines beside it: it goes to non_classe,
    with its page and why, and the lines read as if it were not there."""
    from fabrique_pdf import pdf_avec_bandeau_vertical

    lignes = [
        "Axe 1 : Nourrir le bocage",
        "• Ouvrir une halle paysanne à Mortagne",
        "• Planter des haies bocagères",
        "Axe 2 : Relier les bourgs",
        "• Créer une voie verte entre Bellême et Rémalard",
        "• Lancer un covoiturage solidaire",
    ]
    data = pdf_avec_bandeau_vertical(lignes, _BANDEAU)
    lecture = lire_pdf(data, "x.pdf")
    textes = [b.texte for b in lecture.blocs if b.genre != "vide"]
    assert textes == [ligne.removeprefix("• ") for ligne in lignes]
    (a_part,) = lecture.a_part
    assert a_part.texte == _BANDEAU
    assert a_part.raison == "texte écrit de bas en haut, hors des lignes de la page"
    assert a_part.page == 1
    assert 1 <= a_part.ligne <= len(lignes)
    assert any("mise de côté dans non_classe" in r for r in lecture.remarques)

    source = tmp_path / "bandeau.txt"
    source.write_text("\n".join(lignes) + "\n", encoding="utf-8")
    pdf = tmp_path / "bandeau.pdf"
    pdf.write_bytes(data)
    texte, lu = importer_fichier(source), importer_fichier(pdf)
    assert lu.projet.contenu == texte.projet.contenu  # the tree, as if the stamp were not there
    assert [n.texte for n in lu.projet.non_classe if "bas en haut" in (n.raison or "")] == [
        _BANDEAU
    ]
    mots = _mots(textes_du_resultat(lu))
    assert [m for m in _mots([*lignes, _BANDEAU]) if m not in mots] == []


def test_page_dont_la_mediabox_ne_part_pas_de_zero_lue_en_colonnes() -> None:
    """A MediaBox starting at (100, 100), as a cropped or imposed page has: pdfminer already
    measures from its corner, the reader must not move the words a second time (the gutter
    was looked for 100 points off, and the two columns were interleaved)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdfcanvas

    sortie = io.BytesIO()
    c = pdfcanvas.Canvas(sortie, pagesize=A4)
    c.translate(100, 100)
    c.setFont("Helvetica", 10)
    for cote, x in (("gauche", MARGE), ("droite", A4[0] / 2 + 12)):
        for k in range(1, 9):
            c.drawString(x, A4[1] - 100 - 12 * k, f"Ligne {k} de la colonne {cote}")
    c.showPage()
    c.save()
    boite = b"/MediaBox [ 0 0 595.2756 841.8898 ]"
    assert boite in sortie.getvalue()
    decalee = b"/MediaBox [100 100 695.276 941.890]".ljust(len(boite))  # the xref stays right
    data = sortie.getvalue().replace(boite, decalee)
    textes = [b.texte for b in lire_pdf(data, "x.pdf").blocs if b.genre != "vide"]
    attendu = [
        f"Ligne {k} de la colonne {cote}" for cote in ("gauche", "droite") for k in range(1, 9)
    ]
    assert textes == attendu
