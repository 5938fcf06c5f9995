"""`projterr export`: every generated file is opened with python-docx and its structure checked."""

from __future__ import annotations

import copy
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocumentWord
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, RGBColor
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

from lecture_docx import relire, texte_complet, textes_du_projet
from projterr.check.sigle_inconnu import sigles_candidats
from projterr.cli import app
from projterr.diff import comparer
from projterr.export import document_projet, enregistrer
from projterr.export.docx_projet import _lignes_fiche, est_fiche
from projterr.importers import importer_fichier
from projterr.libelles import titre_libelle
from projterr.model import Action, Projet
from projterr.ooxml.champs import INSTRUCTION_TABLE
from projterr.referentiels import charger_sigles
from projterr.typographie import typographier
from projterr.yamlio import charger_projet
from strategies import projets

ROOT = Path(__file__).resolve().parents[1]
CDL = ROOT / "examples" / "coeur-de-lorraine_2025.yaml"
FICHES = ROOT / "tests" / "fixtures" / "yaml" / "fiches-completes.yaml"
NBSP, FINE = "\u00a0", "\u202f"

runner = CliRunner()


@pytest.fixture(scope="module")
def cdl() -> tuple[Projet, DocumentWord]:
    projet = charger_projet(CDL)
    return projet, relire(document_projet(projet))


@pytest.fixture(scope="module")
def fiches() -> tuple[Projet, DocumentWord]:
    projet = charger_projet(FICHES)
    return projet, relire(document_projet(projet))


def _titres(document: DocumentWord) -> list[tuple[int, str]]:
    titres = []
    for p in document.paragraphs:
        nom = p.style.name if p.style is not None else ""
        if m := re.fullmatch(r"Heading (\d)", nom):
            titres.append((int(m.group(1)), p.text))
    return titres


# --- structure -------------------------------------------------------------------------------


def test_titres_dans_l_ordre_avec_la_numerotation(cdl: tuple[Projet, DocumentWord]) -> None:
    projet, document = cdl
    attendus = [
        (len(parents) + 1, f"{titre_libelle(n.type)} {n.numero} – {typographier(n.titre)}")
        for parents, n in projet.noeuds()
    ]
    titres = _titres(document)
    assert titres[: len(attendus)] == attendus
    assert titres[0] == (1, "Pilier 1 – Dynamiser l’économie et l’emploi sur le territoire")
    assert (3, "Objectif opérationnel 1.1.2 – Encourager la structuration et la diversification "
            "des activités économiques locales.") in titres  # fmt: skip
    assert titres[-1] == (1, "Annexe – Glossaire des sigles")


def test_page_de_titre(fiches: tuple[Projet, DocumentWord]) -> None:
    _, document = fiches
    debut = [p for p in document.paragraphs[:12] if p.text]
    titre = next(p for p in debut if p.style.name == "Title")
    assert titre.text == "Projet de territoire 2025-2030"
    textes = [p.text for p in debut]
    assert "PETR du Pays de la Vallée de la Meuse" in textes
    assert "Version 2025" in textes
    assert f"Date{NBSP}: 30{NBSP}juin 2025" in textes
    assert f"Statut{NBSP}: Adopté" in textes
    assert f"Période{NBSP}: 2025–2030" in textes
    assert (f"Adoption{NBSP}: Conseil syndical, 30{NBSP}juin 2025, délibération n°{NBSP}2025-014"
            in textes)  # fmt: skip


def test_sommaire_champ_table_des_matieres(cdl: tuple[Projet, DocumentWord]) -> None:
    projet, document = cdl
    corps = document.element.body
    instructions = [t.text.strip() for t in corps.iter(qn("w:instrText"))]
    assert INSTRUCTION_TABLE in instructions
    debut = next(f for f in corps.iter(qn("w:fldChar")) if f.get(qn("w:fldCharType")) == "begin")
    assert debut.get(qn("w:dirty")) == "true"
    reglage = document.settings.element.find(qn("w:updateFields"))
    assert reglage is not None and reglage.get(qn("w:val")) == "true"
    # the cached result lists every heading of levels 1-3, linked to a bookmark on it
    signets = {
        b.get(qn("w:name"))
        for b in corps.iter(qn("w:bookmarkStart"))
        if not b.get(qn("w:name"), "").startswith("pt_")  # the elements' own marks
    }
    liens = [h.get(qn("w:anchor")) for h in corps.iter(qn("w:hyperlink"))]
    assert len(liens) == len([t for t in _titres(document) if t[0] <= 3])
    assert set(liens) == signets
    n_noeuds = sum(1 for _ in projet.noeuds())
    assert len(liens) == n_noeuds + 1  # + the glossary


def test_cdl_reste_compact(cdl: tuple[Projet, DocumentWord]) -> None:
    """Actions with nothing but their text stay list items: no fiche table at all."""
    projet, document = cdl
    assert document.tables == []
    puces = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(puces) == sum(1 for _ in projet.actions()) == 71
    assert puces[0].text == (
        "Mettre en place une harmonisation des aides directes allouées par EPCI "
        "à l’échelle du PETR."
    )
    details = [p.text for p in document.paragraphs if p.style.name == "Détails action"]
    assert f"Partenaires{NBSP}: Meuse Attractivité, EPCI · Dispositifs{NBSP}: ZAN" in details


def _fiche(document: DocumentWord, debut_titre: str) -> dict[str, str]:
    """The table that follows the heading starting with ``debut_titre``: label → value."""
    corps = list(document.element.body)
    for k, el in enumerate(corps):
        if el.tag != qn("w:p"):
            continue
        p = Paragraph(el, document._body)
        if p.style.name.startswith("Heading") and p.text.startswith(debut_titre):
            tbl = next(e for e in corps[k:] if e.tag == qn("w:tbl"))
            table = next(t for t in document.tables if t._tbl is tbl)
            return {r.cells[0].text: r.cells[1].text for r in table.rows}
    raise AssertionError(debut_titre)


def test_fiche_complete(fiches: tuple[Projet, DocumentWord]) -> None:
    _, document = fiches
    titres = _titres(document)
    assert (3, "Action 1.1.a – Créer un guichet unique de la rénovation énergétique de l’habitat") \
        in titres  # fmt: skip
    fiche = _fiche(document, "Action 1.1.a")
    assert list(fiche) == [
        "Objectifs", "Résultats attendus", "Publics cibles", "Structure pilote", "Service pilote",
        "Personne pilote", "Élu·e référent·e", "Partenaires", "Gouvernance",
        "Moyens humains et techniques", "Participation citoyenne", "Financements", "Financeurs",
        "Budget prévisionnel", "Calendrier", "Statut", "Priorité", "Indicateurs", "Sous-actions",
    ]  # fmt: skip
    assert fiche["Objectifs"] == "– Accompagner 300 ménages par an\n– Réduire de 35 % la " \
        "consommation des logements rénovés"  # fmt: skip
    assert f"– ANAH{NBSP}: 150{FINE}000{NBSP}€{NBSP}HT" in fiche["Financeurs"].splitlines()
    assert fiche["Budget prévisionnel"] == f"300{FINE}000{NBSP}€{NBSP}HT"
    assert fiche["Calendrier"] == (
        f"Du 1er{NBSP}mars 2025 au 31{NBSP}décembre 2028\nÉchéance{NBSP}: 2028"
    )
    assert fiche["Statut"] == "En cours" and fiche["Priorité"] == "Élevé"
    assert fiche["Participation citoyenne"] == "Information"
    assert fiche["Personne pilote"] == "Claire Martin, chargée de mission énergie"
    assert "Ouvrir une permanence mensuelle dans chaque bourg-centre" in fiche["Sous-actions"]
    # the description comes as paragraphs between the heading and the table
    texte = texte_complet(document)
    assert "du premier conseil jusqu’au suivi des travaux, en lien avec France Rénov’." in texte
    # decimals, « à partir du », a sous-action with its own fiche
    pv = _fiche(document, "Action 1.2.a")
    assert f"Fonds vert (État){NBSP}: 450{FINE}000,50{NBSP}€{NBSP}HT" in pv["Financeurs"]
    assert pv["Calendrier"] == f"À partir du 1er{NBSP}janvier 2026"
    sante = _fiche(document, "Action 2.1.a")
    assert sante["Sous-actions"].splitlines()[0] == (
        "– Acquérir et réhabiliter l’ancienne gendarmerie (fiche ci-dessous)"
    )
    gendarmerie = _fiche(document, "Acquérir et réhabiliter")
    assert gendarmerie["Budget prévisionnel"] == f"1{FINE}500{FINE}000{NBSP}€{NBSP}HT"
    assert (4, "Acquérir et réhabiliter l’ancienne gendarmerie") in titres


def test_action_sans_fiche_dans_un_document_a_fiches(
    fiches: tuple[Projet, DocumentWord],
) -> None:
    _, document = fiches
    puces = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert puces == [
        "1.1.b – Moderniser l’éclairage public des communes",
        "Étudier un service de transport à la demande vers les gares",
    ]
    assert len(document.tables) == 4


def test_glossaire_les_sigles_du_document_et_eux_seuls(
    fiches: tuple[Projet, DocumentWord],
) -> None:
    _, document = fiches
    paragraphes = document.paragraphs
    k = next(
        i
        for i, p in enumerate(paragraphes)
        if p.text == "Annexe – Glossaire des sigles" and p.style.name == "Heading 1"
    )
    avant = (
        "\n".join(p.text for p in paragraphes[:k])
        + "\n"
        + "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    )
    sigles = charger_sigles()
    attendus = sorted(
        {e.sigle for m in sigles_candidats(avant) if (e := sigles.trouver(m)) is not None}
    )
    entrees = [p.text.split("\t") for p in paragraphes[k + 1 :] if p.style.name == "Glossaire"]
    assert [s for s, _ in entrees] == attendus
    assert {"PETR", "ADEME", "DETR", "PCAET", "CRTE"} <= set(attendus)
    assert "ZAN" not in attendus  # in the référentiel, not in this document
    assert dict(entrees)["PETR"] == "Pôle d’équilibre territorial et rural"  # typographed too


def test_typographie_francaise_partout(fiches: tuple[Projet, DocumentWord]) -> None:
    _, document = fiches
    texte = texte_complet(document)
    assert "'" not in texte and '"' not in texte
    assert re.search(r"\w :", texte) is None  # an ordinary space before a colon
    assert f"«{NBSP}Pacte territorial France Rénov’{NBSP}»" in texte
    assert f"favorables{FINE}; la SEM" in texte
    assert f"Conseil syndical le 12 décembre 2024{NBSP}: il souligne" in texte


def test_langue_francaise_sur_les_styles(fiches: tuple[Projet, DocumentWord]) -> None:
    _, document = fiches
    styles = document.styles.element
    defaut = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert defaut.get(qn("w:val")) == "fr-FR"
    for style in styles.iterchildren(qn("w:style")):
        if style.get(qn("w:type")) == "paragraph":
            lang = style.find(f"{qn('w:rPr')}/{qn('w:lang')}")
            assert lang is not None and lang.get(qn("w:val")) == "fr-FR", style.get(qn("w:styleId"))
    assert document.core_properties.language == "fr-FR"


def test_page_a4_et_numero_de_page(fiches: tuple[Projet, DocumentWord]) -> None:
    _, document = fiches
    section = document.sections[-1]
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    pied = section.footer._element
    assert "PAGE" in [t.text.strip() for t in pied.iter(qn("w:instrText"))]
    assert section.different_first_page_header_footer  # no number on the title page


# --- every text of the projet is in the document ----------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projets())
def test_chaque_texte_du_projet_est_dans_le_document(projet: Projet) -> None:
    document = relire(document_projet(projet))
    texte = texte_complet(document)
    for attendu in textes_du_projet(projet):
        assert attendu in texte, attendu


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projets())
def test_fiches_et_puces_selon_les_champs(projet: Projet) -> None:
    """One table per fiche action (sous-actions with a fiche included), one bullet per other.
    A fiche whose only field is its description has its paragraphs and no empty table."""
    document = relire(document_projet(projet))

    def compter(actions: list[Action]) -> tuple[int, int]:
        tables = puces = 0
        for a in actions:
            if est_fiche(a):
                tables += 1 if _lignes_fiche(a) else 0
                t, _ = compter([s for s in a.sous_actions if est_fiche(s)])
                tables += t
            else:
                puces += 1
        return tables, puces

    tables, puces = compter([a for _, a in projet.actions()])
    assert len(document.tables) == tables
    assert sum(p.style.name == "List Bullet" for p in document.paragraphs) == puces


# --- the reference document (--modele) ---------------------------------------------------------


def _charte_francaise(chemin: Path, sans: str | None = None) -> None:
    """A charte whose styles have a French Word's ids (Titre1 for heading 1…), its own heading
    font, margins, header; without the style named ``sans`` if given; no list styles."""
    charte = docx.Document()
    styles = charte.styles.element
    renommer = {"Heading1": "Titre1", "Heading2": "Titre2", "Heading3": "Titre3",
                "Heading4": "Titre4", "Title": "Titre", "Normal": "Normal0"}  # fmt: skip
    for style in list(styles.iterchildren(qn("w:style"))):
        nom = style.find(qn("w:name")).get(qn("w:val"))
        if nom in ("List Bullet", "List Bullet 2", sans):
            styles.remove(style)
            continue
        sid = style.get(qn("w:styleId"))
        style.set(qn("w:styleId"), renommer.get(sid, sid))
        for ref in ("w:basedOn", "w:next", "w:link"):
            el = style.find(qn(ref))
            if el is not None and el.get(qn("w:val")) in renommer:
                el.set(qn("w:val"), renommer[el.get(qn("w:val"))])
    charte.styles["Heading 1"].font.name = "Marianne"
    section = charte.sections[0]
    section.left_margin = Cm(3.5)
    section.header.paragraphs[0].text = "PETR Cœur de Lorraine – charte graphique"
    charte.add_paragraph("Texte d’exemple de la charte, à remplacer.")
    charte.save(str(chemin))


def test_modele_aux_identifiants_francais(tmp_path: Path) -> None:
    charte = tmp_path / "charte.docx"
    _charte_francaise(charte)
    document = relire(document_projet(charger_projet(FICHES), modele=charte))
    corps = document.element.body
    ids = {p.get(qn("w:val")) for p in corps.iter(qn("w:pStyle"))}
    assert {"Titre1", "Titre2", "Titre3", "Titre4", "Titre"} <= ids
    assert not {"Heading1", "Heading2", "Title"} & ids
    assert document.styles["Heading 1"].font.name == "Marianne"
    titres = _titres(document)
    assert titres[0] == (1, "Préambule")
    assert (1, "Axe 1 – Accélérer la transition écologique et énergétique") in titres
    # the charte's page, header and styles are kept; its body is replaced
    section = document.sections[-1]
    assert abs(section.left_margin - Cm(3.5)) < Cm(0.01)
    assert section.header.paragraphs[0].text == "PETR Cœur de Lorraine – charte graphique"
    assert "Texte d’exemple de la charte" not in texte_complet(document)
    # what the charte lacked came from the default reference: lists with their numbering
    puce = next(p for p in document.paragraphs if p.style.name == "List Bullet")
    num = puce.style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    num_ids = [n.get(qn("w:numId")) for n in document.part.numbering_part.element.iterchildren(
        qn("w:num"))]  # fmt: skip
    assert num is not None and num.get(qn("w:val")) in num_ids
    assert document.tables and document.tables[0].style.name == "Tableau fiche action"


def _champs_page(pied: object) -> int:
    xml = pied._element.xml  # type: ignore[attr-defined]
    return len(re.findall(r"<w:instrText[^>]*>\s*PAGE\s*<", xml)) + xml.count('w:instr="PAGE')


def test_modele_sans_numero_de_page_en_recoit_un(tmp_path: Path) -> None:
    """A charte whose footer shows no page number (most do not): the export adds one after
    the footer's own text; a charte that has one keeps it, not doubled."""
    charte = tmp_path / "charte.docx"
    _charte_francaise(charte)
    avec_pied = docx.Document(charte)
    avec_pied.sections[0].footer.paragraphs[0].text = "PETR Cœur de Lorraine"
    avec_pied.save(charte)
    document = relire(document_projet(charger_projet(FICHES), modele=charte))
    pied = document.sections[-1].footer
    assert pied.paragraphs[0].text == "PETR Cœur de Lorraine"
    assert _champs_page(pied) == 1
    # the result as a charte (its footer now numbered): still one number
    deja = tmp_path / "deja-numerote.docx"
    document.save(deja)
    encore = relire(document_projet(charger_projet(FICHES), modele=deja))
    assert _champs_page(encore.sections[-1].footer) == 1


def charte_enregistree_par_word(chemin: Path) -> None:
    """A charte as Word saves it: only the styles it used (Normal, Heading 1 and 2 in the
    charte's own font and colour; no Title, Heading 3 or List Bullet), US Letter pages, a
    footer with the PETR's name and no page number."""
    charte = docx.Document()
    styles = charte.styles.element
    gardes = {"Normal", "heading 1", "heading 2", "Default Paragraph Font", "Normal Table"}
    for style in list(styles.iterchildren(qn("w:style"))):
        if style.find(qn("w:name")).get(qn("w:val")) not in gardes:
            styles.remove(style)
    charte.styles["Normal"].font.name = "Marianne"
    for nom in ("Heading 1", "Heading 2"):
        charte.styles[nom].font.color.rgb = RGBColor(0x00, 0x6E, 0x4F)
    section = charte.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.footer.paragraphs[0].text = "PETR Cœur de Lorraine – 5 rue de la Gare, Commercy"
    charte.add_paragraph("Texte d’exemple de la charte, à remplacer.")
    charte.save(str(chemin))


def test_modele_enregistre_par_word_sans_titre_ni_puces(tmp_path: Path) -> None:
    """Each style the charte lacks is borrowed from projterr's, on the charte's Normal, and
    said in one line; pages get numbers; the page size stays the charte's, and is said."""
    charte = tmp_path / "charte.docx"
    charte_enregistree_par_word(charte)
    notes: list[str] = []
    document = relire(document_projet(charger_projet(CDL), modele=charte, avertir=notes.append))
    assert notes == [
        "styles absents du modèle, repris de celui de projterr (sur la base de son style "
        "Normal) : Titre, Titre 3, Sous-titre, En-tête de table des matières, Liste à puces, "
        "Liste à puces 2",
        "numéros de page ajoutés au pied de page du modèle, qui n'en avait pas",
        "pages au format du modèle : Letter US, 21,6 × 27,9 cm, et non A4",
    ]
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet"} <= styles
    normal = document.styles["Normal"].style_id
    for nom in ("Title", "Heading 3", "List Bullet"):
        assert document.styles[nom].base_style.style_id == normal
    assert document.styles["Normal"].font.name == "Marianne"
    # the borrowed headings take the colour of the charte's own (not projterr's blue)
    for nom in ("Title", "Heading 1", "Heading 3"):
        assert document.styles[nom].font.color.rgb == RGBColor(0x00, 0x6E, 0x4F), nom
    section = document.sections[-1]
    assert (round(section.page_width.inches, 2), round(section.page_height.inches, 2)) == (8.5, 11)
    assert _champs_page(section.footer) == 1
    assert section.footer.paragraphs[0].text.startswith("PETR Cœur de Lorraine")
    # and the export reads back as the same projet
    chemin = tmp_path / "projet.docx"
    document.save(chemin)
    relu = importer_fichier(chemin)
    assert relu.profil == "export projterr"
    assert not comparer(charger_projet(CDL), relu.projet).significatifs()


def test_modele_complet_en_a4_rien_a_dire(tmp_path: Path) -> None:
    """A charte that has every style, A4 pages and page numbers: nothing is said."""
    charte = tmp_path / "charte.docx"
    enregistrer(document_projet(charger_projet(CDL)), charte)
    notes: list[str] = []
    document_projet(charger_projet(CDL), modele=charte, avertir=notes.append)
    assert notes == []


# --- command line -----------------------------------------------------------------------------


def test_cli_export(tmp_path: Path) -> None:
    sortie = tmp_path / "projet.docx"
    r = runner.invoke(app, ["export", str(CDL), "-o", str(sortie)])
    assert r.exit_code == 0, r.stderr
    assert docx.Document(str(sortie)).paragraphs
    assert [f.name for f in tmp_path.iterdir()] == ["projet.docx"]  # no temporary file left


def test_cli_export_avec_modele(tmp_path: Path) -> None:
    charte, sortie = tmp_path / "charte.docx", tmp_path / "projet.docx"
    _charte_francaise(charte)
    r = runner.invoke(app, ["export", str(FICHES), "-o", str(sortie), "--modele", str(charte)])
    assert r.exit_code == 0, r.stderr
    assert "Titre1" in {p.style.style_id for p in docx.Document(str(sortie)).paragraphs}


@pytest.mark.parametrize("commande", ["export", "deliberation", "redline"])
def test_cli_dit_ce_qu_il_a_fait_du_modele(commande: str, tmp_path: Path) -> None:
    """Each command writing Word over a charte says, once, what it borrowed and kept."""
    charte, sortie = tmp_path / "charte.docx", tmp_path / "sortie.docx"
    charte_enregistree_par_word(charte)
    args = {
        "export": ["export", str(CDL), "-o", str(sortie)],
        "deliberation": ["export", str(CDL), "--deliberation", "-o", str(sortie)],
        "redline": ["diff", str(CDL), str(CDL), "-o", str(sortie)],
    }[commande]
    r = subprocess.run(
        [sys.executable, "-m", "projterr", *args, "--modele", str(charte)],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    lignes = [ligne for ligne in r.stderr.splitlines() if "numérotation à vérifier" not in ligne]
    assert len(lignes) == 4 and lignes[3] == f"Écrit dans {sortie}.", r.stderr
    assert lignes[0].startswith(f"projterr : {charte} : styles absents du modèle, repris de")
    assert lignes[2] == (
        f"projterr : {charte} : pages au format du modèle : Letter US, 21,6 × 27,9 cm, et non A4"
    )
    assert docx.Document(str(sortie)).paragraphs


@pytest.mark.parametrize(
    ("cas", "message"),
    [
        ("pas-docx", "ce n'est pas un document Word (.docx)"),
        ("absent", "modèle introuvable"),
        ("meme-sortie", "la sortie écraserait le fichier d'entrée"),
        ("suffixe", "format de sortie inconnu : donnez -o projet.docx (Word) ou -o plan.xlsx"),
    ],
)
def test_cli_erreurs_une_ligne(cas: str, message: str, tmp_path: Path) -> None:
    charte, sortie = tmp_path / "charte.docx", tmp_path / "projet.docx"
    entree = tmp_path / "projet.yaml"
    entree.write_bytes(CDL.read_bytes())
    if cas == "pas-docx":
        charte.write_bytes(b"%PDF-1.7 un PDF renomme")
    elif cas == "meme-sortie":
        sortie = entree
    elif cas == "suffixe":
        sortie = tmp_path / "projet.pdf"
    args = ["export", str(entree), "-o", str(sortie)]
    if cas in ("pas-docx", "absent"):
        args += ["--modele", str(charte)]
    r = subprocess.run([sys.executable, "-m", "projterr", *args], capture_output=True, text=True)
    assert r.returncode == 2
    lignes = r.stderr.splitlines()
    assert len(lignes) == 1 and message in lignes[0], r.stderr
    assert entree.read_bytes() == CDL.read_bytes()
    if cas != "meme-sortie":
        assert not sortie.exists()


def test_aide_sans_charger_python_docx() -> None:
    code = (
        "import sys\n"
        "from projterr.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('docx' in sys.modules, 'lxml' in sys.modules)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.stdout.splitlines()[-1] == "False False"


def test_enregistrer_remplace_sans_fichier_temporaire(tmp_path: Path) -> None:
    sortie = tmp_path / "projet.docx"
    sortie.write_bytes(b"ancien")
    enregistrer(document_projet(charger_projet(FICHES)), sortie)
    assert docx.Document(str(sortie)).paragraphs
    assert [f.name for f in tmp_path.iterdir()] == ["projet.docx"]


def test_un_projet_modifie_ne_change_pas_le_modele_par_defaut() -> None:
    """Two exports in one process: the default reference is rebuilt, never shared."""
    projet = charger_projet(FICHES)
    autre = copy.deepcopy(projet)
    autre.document.titre = "Autre titre"
    premier = relire(document_projet(projet))
    document_projet(autre)
    assert "Autre titre" not in texte_complet(premier)
