"""export → import: projterr's own Word file comes back as the same projet, fiche fields
included (French typography aside, which a diff calls typography), and an edit made in Word
comes back as that edit."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import docx
import docx.document
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lecture_docx import relire
from projterr.diff import comparer
from projterr.export import document_deliberation, document_projet, enregistrer
from projterr.export.redline import document_redline
from projterr.export.seance import Seance
from projterr.importers import importer_fichier
from projterr.model import Projet
from projterr.normalize import cle_typographique
from projterr.yamlio import charger_projet
from test_diff_appliquer import _muter_fiches
from test_diff_proprietes import _projet

RACINE = Path(__file__).parents[1]
EXEMPLES = [
    RACINE / "examples/coeur-de-lorraine_2025.yaml",
    RACINE / "examples/midi-quercy.yaml",
    RACINE / "examples/isigny-omaha_pvd.yaml",
    RACINE / "examples/atelier-des-territoires_2023.yaml",
    RACINE / "tests/data/diff/fiches/crte-2026.yaml",
    RACINE / "tests/fixtures/yaml/fiches-completes.yaml",
]


def _aller_retour(projet: Projet, dossier: Path) -> Projet:
    chemin = dossier / "projet.docx"
    enregistrer(document_projet(projet), chemin)
    resultat = importer_fichier(chemin)
    assert resultat.profil == "export projterr"
    return resultat.projet


def _meme_projet(a: Projet, b: Projet) -> None:
    rapport = comparer(a, b)
    significatifs = [
        (c.types, c.nature, [ch.champ for ch in c.champs_visibles()])
        for c in rapport.significatifs()
    ]
    assert significatifs == [], significatifs
    assert not rapport.reordonnancements
    # identity rides on the marks: every id comes back
    ids = {e.nouveau for e in rapport.correspondances if e.nouveau}
    assert ids == {e.ancien for e in rapport.correspondances if e.ancien}


@pytest.mark.parametrize("chemin", EXEMPLES, ids=lambda p: p.stem)
def test_exemples(chemin: Path, tmp_path: Path) -> None:
    projet = charger_projet(chemin)
    _meme_projet(projet, _aller_retour(projet, tmp_path))


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_projets_au_hasard_avec_leurs_fiches(tmp_path: Path, graine: int, fiches: int) -> None:
    projet = _muter_fiches(_projet(graine), fiches)
    _meme_projet(projet, _aller_retour(projet, tmp_path))


def test_une_modification_faite_dans_word_revient(tmp_path: Path) -> None:
    projet = charger_projet(RACINE / "tests/data/diff/fiches/crte-2026.yaml")
    chemin = tmp_path / "crte.docx"
    enregistrer(document_projet(projet), chemin)
    document = docx.Document(chemin)
    # the heading itself (the contents list it too, inside a link)
    run = next(r for p in document.paragraphs for r in p.runs if "Étudier un service" in r.text)
    run.text = run.text.replace("Étudier", "Lancer")
    document.save(chemin)
    relu = importer_fichier(chemin).projet
    rapport = comparer(projet, relu)
    (changement,) = rapport.significatifs()
    assert changement.types == ("modification",)
    assert changement.ancien.id == changement.nouveau.id  # the mark kept its identity
    assert [(s.op, s.texte) for s in changement.champ("texte").segments if s.op != "egal"] == [
        ("suppression", "Étudier"),
        ("ajout", "Lancer"),
    ]


def _apres(paragraphe, texte: str, style: str):  # type: ignore[no-untyped-def]
    """A paragraph inserted right after ``paragraphe``, as a person types Enter then text."""
    from copy import deepcopy

    nouveau = deepcopy(paragraphe._p)
    for enfant in list(nouveau):
        if enfant.tag != nouveau.tag.replace("}p", "}pPr"):
            nouveau.remove(enfant)  # keep the paragraph's properties, not its runs or marks
    paragraphe._p.addnext(nouveau)
    p = docx.text.paragraph.Paragraph(nouveau, paragraphe._parent)
    p.style = style
    p.add_run(texte)
    return p


def ecrire_export_edite(chemin: Path) -> Projet:
    """The Cœur de Lorraine projet exported to ``chemin``, then edited as a person does in
    Word (bullets and a heading typed without projterr's bookmarks); returns the projet.
    Also makes the LibreOffice fixture (tests/data/word-edite/README.md)."""
    projet = charger_projet(RACINE / "examples/coeur-de-lorraine_2025.yaml")
    enregistrer(document_projet(projet), chemin)
    document = docx.Document(chemin)
    paragraphes = document.paragraphs
    harmonisation = next(p for p in paragraphes if p.text.startswith("Mettre en place une harm"))
    _apres(harmonisation, "Créer un fonds d'amorçage pour les entreprises locales", "List Bullet")
    titre_113 = next(p for p in paragraphes if p.style.name == "Heading 3" and "1.1.3 –" in p.text)
    _apres(titre_113, "Recenser les besoins de recrutement des artisans", "List Bullet")
    dernier_du_111 = next(
        p for p in paragraphes if p.style.name == "Détails action" and "La Manufacture" in p.text
    )
    titre = _apres(
        dernier_du_111, "Objectif opérationnel 1.1.4 – Accompagner le télétravail", "Heading 3"
    )
    _apres(titre, "Ouvrir un espace de travail partagé à Commercy", "List Bullet")
    document.save(chemin)
    return projet


EDITIONS = [
    (("ajout",), "Créer un fonds d'amorçage pour les entreprises locales"),
    (("ajout",), "Recenser les besoins de recrutement des artisans"),
    (("ajout",), "Accompagner le télétravail"),  # with its action, as one addition
]


def _verifier_editions(projet: Projet, relu: Projet) -> None:
    changements = comparer(projet, relu).significatifs()
    assert sorted((c.types, c.nouveau.texte) for c in changements) == sorted(EDITIONS), [
        (c.types, c.nouveau and c.nouveau.texte) for c in changements
    ]
    nouveau = next(n for _, n in relu.noeuds() if n.titre == "Accompagner le télétravail")
    assert (nouveau.type, nouveau.numero) == ("objectif_operationnel", "1.1.4")
    assert [a.texte for a in nouveau.actions] == ["Ouvrir un espace de travail partagé à Commercy"]
    assert not relu.non_classe


def test_les_ajouts_faits_dans_word_sont_lus(tmp_path: Path) -> None:
    """Bullets and a heading typed in an exported projet, without projterr's bookmarks, come
    back as new actions and a new objectif: the diff shows exactly them, nothing is lost."""
    chemin = tmp_path / "coeur.docx"
    projet = ecrire_export_edite(chemin)
    _verifier_editions(projet, importer_fichier(chemin).projet)


def test_une_action_deplacee_dans_le_sommaire_n_est_pas_perdue(tmp_path: Path) -> None:
    projet = charger_projet(RACINE / "examples/coeur-de-lorraine_2025.yaml")
    chemin = tmp_path / "coeur.docx"
    enregistrer(document_projet(projet), chemin)
    document = docx.Document(chemin)
    puce = next(p for p in document.paragraphs if p.text.startswith("Mettre en place une harm"))
    sommaire = next(p for p in document.paragraphs if p.style.name.startswith("toc"))
    sommaire._p.addprevious(puce._p)  # dragged into the table of contents
    document.save(chemin)
    relu = importer_fichier(chemin).projet
    (ligne,) = relu.non_classe
    assert ligne.texte.startswith("Mettre en place une harmonisation")


def test_un_paragraphe_sans_place_va_aux_lignes_non_classees(tmp_path: Path) -> None:
    projet = charger_projet(RACINE / "examples/coeur-de-lorraine_2025.yaml")
    chemin = tmp_path / "coeur.docx"
    enregistrer(document_projet(projet), chemin)
    document = docx.Document(chemin)
    premier_titre = next(p for p in document.paragraphs if p.style.name == "Heading 1")
    # a bullet typed before the first pilier: no level to hold it
    premier_titre.insert_paragraph_before("Une idée notée en tête", style="List Bullet")
    document.save(chemin)
    relu = importer_fichier(chemin).projet
    (ligne,) = relu.non_classe
    assert ligne.texte == "Une idée notée en tête"
    assert (ligne.position or "").startswith("paragraphe ")


def test_une_puce_ajoutee_apres_les_details_d_une_action_garde_les_siens(tmp_path: Path) -> None:
    """The new bullet typed after an action's details line, then its own details and
    sub-bullet: each line goes to the action it was written for."""
    projet = charger_projet(RACINE / "examples/coeur-de-lorraine_2025.yaml")
    chemin = tmp_path / "coeur.docx"
    enregistrer(document_projet(projet), chemin)
    document = docx.Document(chemin)
    details = next(
        p
        for p in document.paragraphs
        if p.style.name == "Détails action" and "La Manufacture" in p.text
    )
    puce = _apres(details, "Créer un club d'entreprises", "List Bullet")
    _apres(puce, "avec la CCI", "List Bullet 2")
    document.save(chemin)
    relu = importer_fichier(chemin).projet
    changements = comparer(projet, relu).significatifs()
    assert [(c.types, c.nouveau.texte) for c in changements] == [
        (("ajout",), "Créer un club d'entreprises")
    ]
    ajoutee = next(a for _, a in relu.actions() if a.texte == "Créer un club d'entreprises")
    assert ajoutee.sous_points == ["avec la CCI"]


def test_la_partie_de_projterr_est_trouvee_sous_un_autre_nom(tmp_path: Path) -> None:
    """LibreOffice renames custom XML parts on save (« customXml/item2.xml »): projterr's is
    found by its namespace, and the export is read back with its ids, not generically."""
    import zipfile

    projet = charger_projet(RACINE / "examples/coeur-de-lorraine_2025.yaml")
    chemin, renomme = tmp_path / "coeur.docx", tmp_path / "coeur-renomme.docx"
    enregistrer(document_projet(projet), chemin)
    with zipfile.ZipFile(chemin) as source, zipfile.ZipFile(renomme, "w") as copie:
        for info in source.infolist():
            octets = source.read(info.filename).replace(
                b"customXml/projterr.xml", b"customXml/item2.xml"
            )
            copie.writestr(info.filename.replace("projterr.xml", "item2.xml"), octets)
    with zipfile.ZipFile(renomme) as archive:
        assert "customXml/projterr.xml" not in archive.namelist()
    resultat = importer_fichier(renomme)
    assert resultat.profil is None or "export" in (resultat.projet.document.source.profil or "")
    assert not comparer(projet, resultat.projet).significatifs()


def test_un_export_comme_modele_ne_double_pas_la_partie_de_projterr(tmp_path: Path) -> None:
    """« export --modele projet.docx » with an earlier export: no warning, one projterr part,
    and the new document reads back as the new projet (not the model's)."""
    import warnings
    import zipfile

    ancien = charger_projet(RACINE / "examples/coeur-de-lorraine_2019-illustratif.yaml")
    projet = charger_projet(RACINE / "examples/coeur-de-lorraine_2025.yaml")
    modele, sortie = tmp_path / "ancien.docx", tmp_path / "nouveau.docx"
    enregistrer(document_projet(ancien), modele)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # python-docx warns « Duplicate name » on a clash
        enregistrer(document_projet(projet, modele=modele), sortie)
    with zipfile.ZipFile(sortie) as archive:
        noms = archive.namelist()
        parties = [n for n in noms if b"urn:projterr:export" in archive.read(n)]
    assert len(noms) == len(set(noms))
    assert parties == ["customXml/projterr.xml"]
    assert not comparer(projet, importer_fichier(sortie).projet).significatifs()


def test_les_ajouts_relus_apres_un_enregistrement_par_libreoffice() -> None:
    """The same edited export, saved by LibreOffice (tests/data/word-edite/README.md): its
    renamed part, its table of contents in a content control and its page breaks inside
    paragraphs change nothing; the diff shows the same edits."""
    projet = charger_projet(RACINE / "examples/coeur-de-lorraine_2025.yaml")
    resultat = importer_fichier(RACINE / "tests/data/word-edite/coeur-edite-libreoffice.docx")
    assert resultat.projet.document.source.profil == "export projterr"
    _verifier_editions(projet, resultat.projet)
    assert resultat.projet.document == projet.document.model_copy(
        update={"source": resultat.projet.document.source}
    )


def ecrire_crte_edite(chemin: Path) -> Projet:
    """The CRTE with fiches exported to ``chemin``, then edited as a person does in Word: an
    action deleted, a paragraph reworded, a bullet moved under another objective, a partner
    changed in a fiche's table; returns the projet. Also makes the LibreOffice fixture
    (tests/data/word-edite/README.md)."""
    projet = charger_projet(RACINE / "tests/data/diff/fiches/crte-2026.yaml")
    enregistrer(document_projet(projet), chemin)
    document = docx.Document(chemin)
    paragraphes = document.paragraphs
    # 1. delete the fiche « Recenser les logements vacants » (its heading and description)
    for p in paragraphes:
        if p.text.startswith(("Action 1.2.1 –", "Croiser les fichiers fiscaux")):
            p._p.getparent().remove(p._p)
    # 2. reword a description paragraph
    description = next(p for p in paragraphes if p.text.startswith("Un conseiller en énergie"))
    description.runs[0].text = description.runs[0].text.replace("Un conseiller", "Une conseillère")
    # 3. move the bullet 2.1.3 under objective 1.1 (after its first fiche heading's table)
    puce = next(p for p in paragraphes if p.style.name == "List Bullet")
    titre_12 = next(
        p
        for p in paragraphes
        if p.style.name == "Heading 2" and p.text.startswith("Objectif opérationnel 1.2 –")
    )
    titre_12._p.addprevious(puce._p)
    # 4. change a partner in the first fiche table
    cellule = document.tables[0].rows[1].cells[1]
    for p in cellule.paragraphs:
        for run in p.runs:
            run.text = run.text.replace("Communes", "Département des Vosges")
    document.save(chemin)
    return projet


def _verifier_crte_edite(projet: Projet, relu: Projet) -> None:
    changements = comparer(projet, relu).significatifs()
    resume = sorted((c.types, (c.ancien or c.nouveau).texte[:30]) for c in changements)
    assert resume == [
        (("deplacement",), "Installer des abris vélos sécu"),
        (("modification",), "Rénovation énergétique des bât"),  # description and partner
        (("suppression",), "Recenser les logements vacants"),
    ]
    renovation = next(a for _, a in relu.actions() if a.texte.startswith("Rénovation énerg"))
    assert renovation.description[0].startswith("Une conseillère")
    assert "Département des Vosges" in renovation.partenaires
    assert "Communes" not in renovation.partenaires
    assert not relu.non_classe


def test_suppression_reformulation_deplacement_et_partenaire_dans_la_fiche(
    tmp_path: Path,
) -> None:
    """The other edits a person makes: an action deleted, a paragraph reworded, a bullet
    moved under another objective, a partner changed in a fiche's table. The diff shows each,
    and nothing else."""
    chemin = tmp_path / "crte.docx"
    projet = ecrire_crte_edite(chemin)
    _verifier_crte_edite(projet, importer_fichier(chemin).projet)


def test_les_memes_modifications_apres_un_enregistrement_par_libreoffice() -> None:
    """The same edits, the file then saved by LibreOffice: the same diff."""
    projet = charger_projet(RACINE / "tests/data/diff/fiches/crte-2026.yaml")
    resultat = importer_fichier(RACINE / "tests/data/word-edite/crte-edite-libreoffice.docx")
    assert resultat.profil == "export projterr"
    _verifier_crte_edite(projet, resultat.projet)


def test_le_redline_relu_donne_le_nouveau_projet(tmp_path: Path) -> None:
    """The redline carries the new projet's marks: imported, its tracked changes are
    accepted and it is the new projet, ids included; the old one's marks are gone."""
    ancien = charger_projet(RACINE / "examples/coeur-de-lorraine_2019-illustratif.yaml")
    nouveau = charger_projet(RACINE / "examples/coeur-de-lorraine_2025.yaml")
    chemin = tmp_path / "redline.docx"
    enregistrer(document_redline(ancien, nouveau), chemin)
    resultat = importer_fichier(chemin)
    assert resultat.profil == "export projterr"
    assert any("modifications suivies" in r and "acceptées" in r for r in resultat.remarques)
    _meme_projet(nouveau, resultat.projet)
    assert not resultat.projet.non_classe
    noms = re.findall(r'w:name="(pt_\d+)"', docx.Document(chemin).element.body.xml)
    assert noms and len(noms) == len(set(noms))  # one mark per element, none doubled


def test_la_deliberation_relue_donne_son_annexe_1(tmp_path: Path) -> None:
    """The délibération's annex 1 is the projet: imported, the délibération's own text and
    the table of changes (annex 2) stay out of it, and the import says so."""
    ancien = charger_projet(RACINE / "examples/coeur-de-lorraine_2019-illustratif.yaml")
    projet = charger_projet(RACINE / "examples/coeur-de-lorraine_2025.yaml")
    chemin = tmp_path / "deliberation.docx"
    enregistrer(document_deliberation(projet, Seance(), ancien=ancien), chemin)
    resultat = importer_fichier(chemin)
    assert resultat.profil == "export projterr"
    assert any(r.startswith("délibération écrite par projterr") for r in resultat.remarques)
    _meme_projet(projet, resultat.projet)
    assert not resultat.projet.non_classe
    assert resultat.projet.preambule == projet.preambule


def _mots(document: docx.document.Document) -> Counter[str]:
    """The words of a Word file's body, tables included, and how often each occurs; the
    table of contents left out (Word or projterr fills it from the headings; LibreOffice
    names its styles « Contents 1… »)."""
    paragraphes = (Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p")))
    return Counter(
        mot
        for p in paragraphes
        if not (p.style is not None and p.style.name.casefold().startswith(("toc", "contents")))
        for mot in re.findall(r"\w+", p.text.casefold())
    )


@pytest.mark.parametrize(
    "fichier",
    ["coeur-edite", "crte-edite", "coeur-edite-libreoffice", "crte-edite-libreoffice"],
)
def test_chaque_mot_du_fichier_modifie_est_dans_le_resultat(fichier: str, tmp_path: Path) -> None:
    """Nothing typed in Word is lost: every word of the edited file, as often as it occurs,
    is in what the import read (exported again to compare like with like)."""
    chemin = RACINE / "tests/data/word-edite" / f"{fichier}.docx"
    if fichier == "coeur-edite":
        chemin = tmp_path / "coeur.docx"
        ecrire_export_edite(chemin)
    elif fichier == "crte-edite":
        chemin = tmp_path / "crte.docx"
        ecrire_crte_edite(chemin)
    relu = importer_fichier(chemin).projet
    lus = _mots(relire(document_projet(relu)))
    ecrits = _mots(docx.Document(chemin))
    assert sum(ecrits.values()) > 300
    manquants = ecrits - lus
    assert not manquants, manquants


def sans_reperes(chemin: Path) -> None:
    """``chemin`` as after a copy into another document or a save by an online editor: no
    projterr part, no bookmarks; styles and texts kept."""
    document = docx.Document(chemin)
    for rid, relation in list(document.part.rels.items()):
        if relation.reltype == RT.CUSTOM_XML:
            document.part.drop_rel(rid)
    for marque in list(document.element.body.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
        marque.getparent().remove(marque)
    document.save(chemin)


def _textes_des_actions(projet: Projet) -> list[str]:
    """The actions' texts in order, French typography aside (the export adds it)."""
    return [cle_typographique(a.texte) for _, a in projet.actions()]


# What the pages of an export do not show, so what its marks alone carry.
_INVISIBLES = {"document.note", "territoire.siren", "territoire.siret", "territoire.code_insee"}


@pytest.mark.parametrize(
    "chemin",
    [
        RACINE / "examples/coeur-de-lorraine_2025.yaml",
        RACINE / "tests/data/diff/fiches/crte-2026.yaml",
        RACINE / "tests/fixtures/yaml/fiches-completes.yaml",
    ],
    ids=lambda p: p.stem,
)
def test_un_export_sans_ses_reperes_est_relu_par_sa_structure(chemin: Path, tmp_path: Path) -> None:
    """Marks lost, the export is still recognised by its styles and headings (« Pilier 1 – »,
    « Action 1.2.1 – », fiche tables): the same projet, up to ids and what no page shows."""
    projet = charger_projet(chemin)
    docx_ = tmp_path / "projet.docx"
    enregistrer(document_projet(projet), docx_)
    sans_reperes(docx_)
    resultat = importer_fichier(docx_)
    assert resultat.profil == "export projterr"
    assert resultat.remarques[0].startswith("document écrit par projterr export mais sans ses")
    relu = resultat.projet
    changements = [
        (c.nature, [ch.champ for ch in c.champs_visibles()])
        for c in comparer(projet, relu).significatifs()
    ]
    assert all(
        nature == "document" and set(champs) <= _INVISIBLES for nature, champs in changements
    ), changements
    assert relu.niveaux == projet.niveaux
    assert not relu.non_classe
    assert _textes_des_actions(relu) == _textes_des_actions(projet)


def test_sans_ses_reperes_les_titres_sans_type_sont_dits(tmp_path: Path) -> None:
    """Headings that do not name their type (« LES 3 DÉFIS ») cannot give it back: they are
    read as sections, and the import says how many."""
    projet = charger_projet(RACINE / "examples/midi-quercy.yaml")
    docx_ = tmp_path / "projet.docx"
    enregistrer(document_projet(projet), docx_)
    sans_reperes(docx_)
    resultat = importer_fichier(docx_)
    assert resultat.profil == "export projterr"
    sections = [n for _, n in resultat.projet.noeuds() if n.type == "section"]
    assert sections
    assert f"{len(sections)} titres ne disent pas leur type" in resultat.remarques[-1]
    assert _textes_des_actions(resultat.projet) == _textes_des_actions(projet)


def test_un_document_word_quelconque_n_est_pas_pris_pour_un_export(tmp_path: Path) -> None:
    """Headings named like projterr's, but none of projterr's styles: the generic reader."""
    document = docx.Document()
    document.add_heading("Axe 1 – Habiter le territoire", 1)
    document.add_paragraph("Rénover les logements vacants", style="List Bullet")
    chemin = tmp_path / "strategie.docx"
    document.save(chemin)
    assert importer_fichier(chemin).profil != "export projterr"


def test_la_boucle_du_readme_telle_qu_ecrite(tmp_path: Path) -> None:
    """The README's edit-in-Word loop, its commands run as written from a clone's root (the
    edit made with python-docx between export and import): the diff shows the edit, the
    redline and the délibération are written."""
    readme = (RACINE / "README.md").read_text(encoding="utf-8")
    debut = readme.index("La boucle, sur l'exemple livré :")
    bloc = readme[debut:].split("```", 2)[1]
    commandes = [ligne.split() for ligne in bloc.splitlines() if ligne.startswith("projterr ")]
    assert [c[1] for c in commandes] == ["export", "import", "diff", "diff", "export"]
    (tmp_path / "examples").symlink_to(RACINE / "examples")
    codes = []
    for commande in commandes:
        r = subprocess.run(
            [sys.executable, "-m", "projterr", *commande[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert "Traceback" not in r.stderr and r.returncode in (0, 1), r.stderr
        codes.append(r.returncode)
        if commande[1] == "export" and "projet.docx" in commande:  # the person's edit
            document = docx.Document(tmp_path / "projet.docx")
            harmonisation = next(
                p for p in document.paragraphs if p.text.startswith("Mettre en place une harm")
            )
            _apres(harmonisation, "Créer un fonds d'amorçage pour les artisans", "List Bullet")
            document.save(tmp_path / "projet.docx")
        if commande[1] == "diff" and "-o" not in commande:
            assert "Créer un fonds d'amorçage pour les artisans" in r.stdout
            assert "Résumé : 1 action ajoutée." in r.stdout, r.stdout
    assert codes == [0, 0, 1, 1, 0]
    for fichier in ("redline.docx", "deliberation.docx"):
        assert importer_fichier(tmp_path / fichier).profil == "export projterr"
