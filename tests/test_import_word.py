"""Word documents as people write them: heading styles in any interface language, Word's
automatic numbering, fiche tables, pending tracked changes; and bad Word files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from typer.testing import CliRunner

from projterr.cli import app
from projterr.errors import ProjterrError
from projterr.importers import importer_fichier
from projterr.importers.word import lire_word

runner = CliRunner()
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _en_francais(document: docx.document.Document) -> None:
    """Style names as a French Word writes them (« Titre 1 », styleId « Titre1 »)."""
    for style in document.styles:
        if style.name and style.name.startswith("Heading "):
            n = style.name.split()[-1]
            style.element.set(qn("w:styleId"), f"Titre{n}")
            style.element.find(qn("w:name")).set(qn("w:val"), f"Titre {n}")


def _titre(document: docx.document.Document, texte: str, niveau: int) -> None:
    p = document.add_paragraph(texte)
    p._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {nsdecls("w")} w:val="Titre{niveau}"/>'))


def _plan(chemin: Path) -> Path:
    """A CRTE written in a French Word: headings « Titre 1/2 », bullets, a fiche table."""
    document = docx.Document()
    _en_francais(document)
    document.add_paragraph("Contrat pour la réussite de la transition écologique", style="Title")
    document.add_paragraph("Le CRTE du PETR des Trois Vallées engage l'État et les EPCI.")
    _titre(document, "Orientation 1 : Mieux se loger", 1)
    _titre(document, "Objectif opérationnel 1.1 : Rénover le patrimoine public", 2)
    document.add_paragraph(
        "Accompagner les communes dans la rénovation énergétique.", style="List Bullet"
    )
    document.add_paragraph("Créer un guichet unique de la rénovation.", style="List Bullet")
    _titre(document, "Orientation 2 : Mieux se déplacer", 1)
    _titre(document, "Objectif opérationnel 2.1 : Développer les mobilités partagées", 2)
    document.add_paragraph("Mettre en place une plateforme de covoiturage.", style="List Bullet")
    document.save(chemin)
    return chemin


def test_titres_francais_et_puces(tmp_path: Path) -> None:
    resultat = importer_fichier(_plan(tmp_path / "crte.docx"))
    projet = resultat.projet
    assert [n.titre for n in projet.contenu] == ["Mieux se loger", "Mieux se déplacer"]
    assert [n.type for n in projet.contenu] == ["orientation", "orientation"]
    actions = [a.texte for _, a in projet.actions()]
    assert actions == [
        "Accompagner les communes dans la rénovation énergétique.",
        "Créer un guichet unique de la rénovation.",
        "Mettre en place une plateforme de covoiturage.",
    ]
    assert not resultat.avertissements


def _plan_sans_mots_de_niveau(chemin: Path, francais: bool) -> Path:
    """Headings that name no level (« Mobilité », not « Axe 1 : Mobilité »), as most Word
    plans are written: the heading style alone says the level."""
    document = docx.Document()
    if francais:
        _en_francais(document)

    def titre(texte: str, niveau: int) -> None:
        if francais:
            _titre(document, texte, niveau)
        else:
            document.add_heading(texte, niveau)

    document.add_paragraph("Projet de territoire du PETR du Val d'Ornain", style="Title")
    document.add_paragraph("Adopté par le Comité syndical du 12 mars 2026.")
    titre("Habiter et se déplacer", 1)
    titre("Rénover les logements anciens", 2)
    titre("Accompagner les propriétaires", 3)
    document.add_paragraph("Ouvrir une maison de l'habitat.", style="List Bullet")
    document.add_paragraph("Lancer une OPAH.", style="List Bullet")
    titre("Partager la voiture", 2)
    document.add_paragraph("Le covoiturage reste rare hors des bourgs.")
    titre("Créer des aires de covoiturage", 3)
    document.add_paragraph("Équiper trois aires près des bourgs-centres.", style="List Bullet")
    titre("Soigner", 1)
    titre("Attirer des médecins", 2)
    titre("Ouvrir une maison de santé", 3)
    document.add_paragraph("Chercher un site à Ligny-en-Barrois.", style="List Bullet")
    document.save(chemin)
    return chemin


@pytest.mark.parametrize("francais", [True, False], ids=["Titre N", "Heading N"])
def test_titres_sans_mot_de_niveau_lus_par_leur_style(tmp_path: Path, francais: bool) -> None:
    resultat = importer_fichier(_plan_sans_mots_de_niveau(tmp_path / "plan.docx", francais))
    projet = resultat.projet
    assert projet.document.titre == "Projet de territoire du PETR du Val d'Ornain"
    assert projet.preambule == ["Adopté par le Comité syndical du 12 mars 2026."]
    assert [(len(chemin), n.type, n.titre) for chemin, n in projet.noeuds()] == [
        (0, "axe", "Habiter et se déplacer"),
        (1, "objectif_strategique", "Rénover les logements anciens"),
        (2, "objectif_operationnel", "Accompagner les propriétaires"),
        (1, "objectif_strategique", "Partager la voiture"),
        (2, "objectif_operationnel", "Créer des aires de covoiturage"),
        (0, "axe", "Soigner"),
        (1, "objectif_strategique", "Attirer des médecins"),
        (2, "objectif_operationnel", "Ouvrir une maison de santé"),
    ]
    assert projet.contenu[0].enfants[1].description == [
        "Le covoiturage reste rare hors des bourgs."
    ]
    assert [a.texte for _, a in projet.actions()] == [
        "Ouvrir une maison de l'habitat.",
        "Lancer une OPAH.",
        "Équiper trois aires près des bourgs-centres.",
        "Chercher un site à Ligny-en-Barrois.",
    ]
    assert not resultat.avertissements, resultat.avertissements
    # A profil written for another territory read the structure only, never its metadata.
    assert projet.territoire.nom == "(territoire à compléter)"
    assert projet.document.type == "autre"


@pytest.mark.parametrize("premier", ["Mobilité", "Accueil", "Contact"])
def test_premier_titre_ni_titre_du_document_ni_menu(tmp_path: Path, premier: str) -> None:
    """A document that opens on a heading: the heading is the first axe, not the document's
    title (profils that take the first line for it) nor a web menu item (« Accueil »)."""
    document = docx.Document()
    document.add_heading(premier, 1)
    document.add_heading("Développer le covoiturage", 2)
    document.add_paragraph("Créer des aires de covoiturage.", style="List Bullet")
    document.add_heading("Santé", 1)
    document.add_heading("Attirer des médecins", 2)
    document.add_paragraph("Ouvrir une maison de santé.", style="List Bullet")
    chemin = tmp_path / "plan.docx"
    document.save(chemin)
    projet = importer_fichier(chemin).projet
    assert [(n.type, n.titre) for _, n in projet.noeuds()] == [
        ("axe", premier),
        ("objectif", "Développer le covoiturage"),
        ("axe", "Santé"),
        ("objectif", "Attirer des médecins"),
    ]
    assert projet.document.titre == "plan"
    assert not projet.non_classe


def test_titres_mixtes_le_motif_donne_type_et_numero(tmp_path: Path) -> None:
    """« Axe 1 : … » in a heading is an axe numbered 1; a heading under it without a level
    word takes the next level down."""
    document = docx.Document()
    document.add_heading("Axe 1 : Habiter", 1)
    document.add_heading("Rénover les logements", 2)
    document.add_paragraph("Lancer une OPAH.", style="List Bullet")
    document.add_heading("Axe 2 : Se déplacer", 1)
    document.add_heading("Partager la voiture", 2)
    document.add_paragraph("Ouvrir une plateforme de covoiturage.", style="List Bullet")
    chemin = tmp_path / "plan.docx"
    document.save(chemin)
    projet = importer_fichier(chemin).projet
    assert [(n.type, n.numero, n.titre) for _, n in projet.noeuds()] == [
        ("axe", "1", "Habiter"),
        ("objectif", None, "Rénover les logements"),
        ("axe", "2", "Se déplacer"),
        ("objectif", None, "Partager la voiture"),
    ]


def test_titres_numerotes_automatiquement(tmp_path: Path) -> None:
    """Headings numbered by Word (« 1. », « 1.1. ») keep their number, without the dot."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>')
    )
    for texte, niveau in [("Habiter", 0), ("Rénover", 1), ("Se déplacer", 0), ("Partager", 1)]:
        p = document.add_heading(texte, niveau + 1)
        p._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{niveau}"/><w:numId w:val="91"/></w:numPr>'
            )
        )
        if niveau:
            document.add_paragraph(f"Action pour {texte.lower()}.", style="List Bullet")
    chemin = tmp_path / "plan.docx"
    document.save(chemin)
    projet = importer_fichier(chemin).projet
    assert [(n.numero, n.titre) for _, n in projet.noeuds()] == [
        ("1", "Habiter"), ("1.1", "Rénover"), ("2", "Se déplacer"), ("2.1", "Partager"),
    ]  # fmt: skip
    assert sum(1 for _ in projet.actions()) == 2


def _numerotation(document: docx.document.Document) -> str:
    """An automatic numbering « Axe %1 – » / « Objectif %1.%2 – » added to the document."""
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="Axe %1 :"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="Objectif %1.%2 :"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
            '<w:lvlText w:val="\uf0b7"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    return "90"


def _numerote(document: docx.document.Document, texte: str, num: str, niveau: int) -> None:
    p = document.add_paragraph(texte)
    p._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{niveau}"/><w:numId w:val="{num}"/></w:numPr>'
        )
    )


def test_numerotation_automatique_lue_comme_imprimee(tmp_path: Path) -> None:
    document = docx.Document()
    num = _numerotation(document)
    _numerote(document, "Habiter le territoire", num, 0)
    _numerote(document, "Rénover les logements", num, 1)
    _numerote(document, "Lancer une OPAH de revitalisation rurale.", num, 2)
    _numerote(document, "Lutter contre la vacance", num, 1)
    _numerote(document, "Recenser les logements vacants.", num, 2)
    _numerote(document, "Se déplacer", num, 0)
    _numerote(document, "Partager la voiture", num, 1)
    _numerote(document, "Ouvrir une plateforme de covoiturage.", num, 2)
    chemin = tmp_path / "plan.docx"
    document.save(chemin)
    lecture = lire_word(chemin.read_bytes(), str(chemin))
    marques = [b.marque for b in lecture.blocs if b.genre == "puce"]
    assert marques == [
        "Axe 1 :", "Objectif 1.1 :", "•", "Objectif 1.2 :", "•",
        "Axe 2 :", "Objectif 2.1 :", "•",
    ]  # fmt: skip
    projet = importer_fichier(chemin).projet
    assert [(n.type, n.numero) for n in projet.contenu] == [("axe", "1"), ("axe", "2")]
    assert [n.numero for n in projet.contenu[0].enfants] == ["1.1", "1.2"]
    assert sum(1 for _ in projet.actions()) == 3


def test_modifications_suivies_lues_acceptees(tmp_path: Path) -> None:
    chemin = _plan(tmp_path / "crte.docx")
    document = docx.Document(chemin)
    cible = next(p for p in document.paragraphs if p.text.startswith("Créer un guichet"))
    attrs = 'w:id="901" w:author="Relecteur" w:date="2026-11-20T10:00:00Z"'
    run = '<w:r><w:t xml:space="preserve"> de l’habitat</w:t></w:r>'
    cible._p.append(parse_xml(f"<w:ins {nsdecls('w')} {attrs}>{run}</w:ins>"))
    supprime = next(p for p in document.paragraphs if p.text.startswith("Mettre en place"))
    for r in list(supprime._p.iter(qn("w:r"))):
        d = parse_xml(
            f'<w:del {nsdecls("w")} w:id="902" w:author="Relecteur" w:date="2026-11-20T10:00:00Z"/>'
        )
        r.addprevious(d)
        d.append(r)
        for t in r.iter(qn("w:t")):
            t.tag = qn("w:delText")
    ajout = document.add_paragraph("Installer des abris vélos dans les gares.", style="List Bullet")
    for r in list(ajout._p.iter(qn("w:r"))):
        i = parse_xml(
            f'<w:ins {nsdecls("w")} w:id="903" w:author="Relecteur" w:date="2026-11-20T10:00:00Z"/>'
        )
        r.addprevious(i)
        i.append(r)
    document.save(chemin)
    resultat = importer_fichier(chemin)
    actions = [a.texte for _, a in resultat.projet.actions()]
    assert "Créer un guichet unique de la rénovation de l’habitat." in " ".join(actions) or any(
        a.startswith("Créer un guichet unique de la rénovation. de l’habitat") for a in actions
    )
    assert not any(a.startswith("Mettre en place") for a in actions)
    assert "Installer des abris vélos dans les gares." in actions
    # the import says how many: one per insertion or deletion mark Word wrote
    import re
    import zipfile

    xml = zipfile.ZipFile(chemin).read("word/document.xml")
    nombre = len(re.findall(rb"<w:(?:ins|del)[ >]", xml))
    assert nombre >= 3
    assert f"le document contenait {nombre} modifications suivies" in " ".join(resultat.remarques)


def test_tableau_de_fiche_vers_les_champs(tmp_path: Path) -> None:
    document = docx.Document()
    _en_francais(document)
    _titre(document, "Axe 1 : Santé", 1)
    _titre(document, "Fiche action n°1 : Créer une maison de santé pluriprofessionnelle", 2)
    table = document.add_table(rows=3, cols=2)
    for ligne, (libelle, valeur) in zip(
        table.rows,
        [("Pilote", "Communauté de communes"), ("Partenaires", "ARS, Département"),
         ("Calendrier", "2026-2027")],
        strict=True,
    ):  # fmt: skip
        ligne.cells[0].text, ligne.cells[1].text = libelle, valeur
    chemin = tmp_path / "cls.docx"
    document.save(chemin)
    projet = importer_fichier(chemin).projet
    (action,) = [a for _, a in projet.actions()]
    assert action.texte.startswith("Créer une maison de santé")
    assert action.partenaires == ["ARS", "Département"]
    assert action.echeance == "2026-2027"


# --- bad Word files ------------------------------------------------------------------------


_MC = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
)


def _zone_de_texte(texte: str) -> str:
    """A run holding a text box as Word writes it: the drawing, and a VML copy for old
    readers (mc:Fallback) with the same paragraphs."""
    contenu = f"<w:txbxContent><w:p><w:r><w:t>{texte}</w:t></w:r></w:p></w:txbxContent>"
    return (
        f"<w:r {nsdecls('w')} {_MC}><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="2000000" cy="500000"/>'
        '<wp:docPr id="7" name="Zone de texte 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>{contenu}</wps:txbx><wps:bodyPr/>'
        "</wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{contenu}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_zone_de_texte_lue_une_fois_apres_son_ancre(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Axe 1 : Habiter le territoire", 1)
    p = document.add_paragraph("Le territoire compte 1 200 logements vacants.")
    p._p.append(parse_xml(_zone_de_texte("Encadré : la vacance a doublé depuis 2010.")))
    document.add_paragraph("Lancer une OPAH.", style="List Bullet")
    chemin = tmp_path / "plan.docx"
    document.save(chemin)
    textes = [b.texte for b in lire_word(chemin.read_bytes(), "plan.docx").blocs]
    assert textes == [
        "Axe 1 : Habiter le territoire",
        "Le territoire compte 1 200 logements vacants.",
        "Encadré : la vacance a doublé depuis 2010.",
        "Lancer une OPAH.",
    ]
    projet = importer_fichier(chemin).projet
    assert projet.contenu[0].description == [
        "Le territoire compte 1 200 logements vacants.",
        "Encadré : la vacance a doublé depuis 2010.",
    ]


def _avec_notes_et_commentaire(source: Path, cible: Path) -> None:
    """Add two footnotes (called in the 2nd and 4th paragraphs) and a reviewer's comment,
    with their relationships and content types, as Word saves them."""
    ns = nsdecls("w")
    notes = (
        f'<w:footnotes {ns}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
        '</w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p>'
        "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve">'
        " Source : INSEE, recensement 2021.</w:t></w:r></w:p></w:footnote>"
        '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>'
        "Délibération du 4 juillet 2024.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    commentaires = (
        f'<w:comments {ns}><w:comment w:id="0" w:author="DGS"><w:p><w:r><w:t>'
        "À vérifier avec la DDT.</w:t></w:r></w:p></w:comment></w:comments>"
    )
    with zipfile.ZipFile(source) as entree, zipfile.ZipFile(cible, "w") as sortie:
        for info in entree.infolist():
            data = entree.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                    b'<Override PartName="/word/comments.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
                )
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdN1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b'<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/comments" Target="comments.xml"/>'
                    b"</Relationships>",
                )
            sortie.writestr(info, data)
        sortie.writestr("word/footnotes.xml", notes)
        sortie.writestr("word/comments.xml", commentaires)


def test_notes_gardees_a_part_et_commentaires_signales(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Axe 1 : Habiter le territoire", 1)
    appel = (
        '<w:r {}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        '<w:footnoteReference w:id="{}"/></w:r>'
    )
    p = document.add_paragraph("La vacance touche 9 % des logements.")
    p._p.append(parse_xml(appel.format(nsdecls("w"), 1)))
    document.add_paragraph("Lancer une OPAH.", style="List Bullet")
    p = document.add_paragraph("Le PLUi a été prescrit.")
    p._p.append(parse_xml(appel.format(nsdecls("w"), 2)))
    brut, chemin = tmp_path / "brut.docx", tmp_path / "plan.docx"
    document.save(brut)
    _avec_notes_et_commentaire(brut, chemin)
    resultat = importer_fichier(chemin)
    notes = [(nc.ligne, nc.texte, nc.raison) for nc in resultat.projet.non_classe]
    assert notes == [
        (2, "Source : INSEE, recensement 2021.", "note de bas de page 1 (appelée au paragraphe 2)"),
        (4, "Délibération du 4 juillet 2024.", "note de bas de page 2 (appelée au paragraphe 4)"),
    ]
    assert resultat.projet.contenu[0].description == [
        "La vacance touche 9 % des logements.", "Le PLUi a été prescrit."
    ]  # fmt: skip
    assert any("2 notes" in r for r in resultat.remarques)
    assert any("1 commentaire de relecture non lu" in r for r in resultat.remarques)


def test_en_tetes_et_pieds_de_page_nommes_dans_une_remarque(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "PETR du Val — Projet de territoire"
    document.sections[0].footer.paragraphs[0].text = "Document de travail"
    document.add_heading("Axe 1 : Habiter", 1)
    document.add_paragraph("Lancer une OPAH.", style="List Bullet")
    chemin = tmp_path / "plan.docx"
    document.save(chemin)
    resultat = importer_fichier(chemin)
    assert [a.texte for _, a in resultat.projet.actions()] == ["Lancer une OPAH."]
    remarque = next(r for r in resultat.remarques if r.startswith("en-têtes et pieds de page"))
    assert "« PETR du Val — Projet de territoire »" in remarque
    assert "« Document de travail »" in remarque


def _erreur(chemin: Path) -> str:
    resultat = runner.invoke(app, ["import", str(chemin)])
    assert resultat.exit_code == 2, resultat.stdout
    lignes = resultat.stderr.strip().splitlines()
    assert len(lignes) == 1 and "Traceback" not in resultat.stderr
    assert str(chemin) in lignes[0]
    return lignes[0]


def test_pas_une_archive(tmp_path: Path) -> None:
    chemin = tmp_path / "faux.docx"
    chemin.write_text("Ceci n'est pas un document Word.", encoding="utf-8")
    assert "docx" in _erreur(chemin) or "Word" in _erreur(chemin)


def test_archive_tronquee(tmp_path: Path) -> None:
    complet = _plan(tmp_path / "plan.docx").read_bytes()
    chemin = tmp_path / "tronque.docx"
    chemin.write_bytes(complet[: len(complet) // 2])
    assert "Word" in _erreur(chemin) or "archive" in _erreur(chemin)


def test_protege_par_mot_de_passe(tmp_path: Path) -> None:
    chemin = tmp_path / "protege.docx"
    chemin.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    assert "mot de passe" in _erreur(chemin)


def test_pdf_renomme(tmp_path: Path) -> None:
    chemin = tmp_path / "plan.docx"
    chemin.write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    assert "PDF" in _erreur(chemin)


def test_bombe_zip_refusee_sans_etre_decompressee(tmp_path: Path) -> None:
    chemin = tmp_path / "bombe.docx"
    with zipfile.ZipFile(chemin, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document/>" + b" " * (20 * 1024 * 1024))
    assert chemin.stat().st_size < 2 * 1024 * 1024
    assert "bombe zip" in _erreur(chemin)


def test_entite_externe_jamais_resolue(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MOT-DE-PASSE-SECRET", encoding="utf-8")
    chemin = _plan(tmp_path / "xxe.docx")
    with zipfile.ZipFile(chemin) as z:
        parties = {n: z.read(n) for n in z.namelist()}
    xml = parties["word/document.xml"].decode("utf-8")
    xml = xml.replace(
        "<w:document",
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]><w:document',
        1,
    ).replace("Créer un guichet", "&xxe; Créer un guichet")
    parties["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(chemin, "w") as z:
        for nom, contenu in parties.items():
            z.writestr(nom, contenu)
    try:
        projet = importer_fichier(chemin).projet
    except ProjterrError:
        return  # refusing the file is fine too
    assert "MOT-DE-PASSE-SECRET" not in projet.model_dump_json()


def test_document_vide(tmp_path: Path) -> None:
    chemin = tmp_path / "vide.docx"
    docx.Document().save(chemin)
    assert "sans texte" in _erreur(chemin)


def test_lecture_ne_modifie_pas_le_fichier(tmp_path: Path) -> None:
    chemin = _plan(tmp_path / "crte.docx")
    avant = chemin.read_bytes()
    importer_fichier(chemin)
    assert chemin.read_bytes() == avant


def test_titre_allemand_par_son_nom() -> None:
    """« Überschrift 2 » (a German Word's style name) is a level-2 heading, like « Titre 2 »."""
    from projterr.importers.bureautique import niveau_du_nom

    assert [niveau_du_nom(n) for n in ("Überschrift 2", "Titre 1", "heading 3", "Titre")] == [
        2, 1, 3, None,
    ]  # fmt: skip
