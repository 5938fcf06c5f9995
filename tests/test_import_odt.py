"""ODT documents as LibreOffice (or Word saving as .odt) writes them: heading styles in any
interface language, list numbering as printed, tracked changes, notes, spaces, tables; and
ODT files that are not what they claim."""

from __future__ import annotations

import contextlib
import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from fabrique_bureautique import contenu_odt, odt_brut, styles_odt
from projterr.cli import app
from projterr.errors import ProjterrError
from projterr.importers import importer_fichier
from projterr.importers.odt import lire_odt

runner = CliRunner()

# Styles as a French LibreOffice or Word writes them: « Titre 1 » is ``Titre_20_1``, with no
# outline level of its own (found by its name); « Überschrift 2 » from a German interface.
STYLES_FRANCAIS = styles_odt(
    '<style:style style:name="Heading" style:family="paragraph"/>'
    '<style:style style:name="Titre_20_1" style:display-name="Titre 1" '
    'style:family="paragraph" style:parent-style-name="Heading"/>'
    '<style:style style:name="_DC_berschrift_20_2" style:display-name="Überschrift 2" '
    'style:family="paragraph" style:parent-style-name="Heading"/>'
    '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" '
    'text:bullet-char="•"/><text:list-level-style-bullet text:level="2" '
    'text:bullet-char="◦"/></text:list-style>'
)
# An automatic style (P1) based on « Titre 1 », as LibreOffice makes one for a local change.
AUTOMATIQUES = (
    '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Titre_20_1">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
)


def _p(texte: str, style: str = "Standard") -> str:
    return f'<text:p text:style-name="{style}">{texte}</text:p>'


def _puces(*items: str) -> str:
    return (
        '<text:list text:style-name="L1">'
        + "".join(f"<text:list-item>{_p(i)}</text:list-item>" for i in items)
        + "</text:list>"
    )


def _plan() -> bytes:
    corps = (
        _p("Contrat pour la réussite de la transition écologique")
        + _p("Orientation 1 : Mieux se loger", "P1")
        + _p("Objectif opérationnel 1.1 : Rénover le patrimoine public", "_DC_berschrift_20_2")
        + _puces("Accompagner les communes dans la rénovation énergétique.",
                 "Créer un guichet unique de la rénovation.")
        + '<text:h text:outline-level="1">Orientation 2 : Mieux se déplacer</text:h>'
        + '<text:h text:outline-level="2">Objectif opérationnel 2.1 : Développer les '
        "mobilités partagées</text:h>"
        + _puces("Mettre en place une plateforme de covoiturage.")
    )  # fmt: skip
    return odt_brut(contenu_odt(corps, AUTOMATIQUES), STYLES_FRANCAIS)


def _ecrire(tmp_path: Path, data: bytes, nom: str = "plan.odt") -> Path:
    chemin = tmp_path / nom
    chemin.write_bytes(data)
    return chemin


def test_titres_de_toutes_langues_et_puces(tmp_path: Path) -> None:
    lecture = lire_odt(_plan(), "plan.odt")
    titres = [(b.niveau, b.style) for b in lecture.blocs if b.genre == "titre"]
    assert titres == [(1, "P1"), (2, "Überschrift 2"), (1, ""), (2, "")]
    resultat = importer_fichier(_ecrire(tmp_path, _plan()))
    projet = resultat.projet
    assert [n.titre for n in projet.contenu] == ["Mieux se loger", "Mieux se déplacer"]
    assert [a.texte for _, a in projet.actions()] == [
        "Accompagner les communes dans la rénovation énergétique.",
        "Créer un guichet unique de la rénovation.",
        "Mettre en place une plateforme de covoiturage.",
    ]
    assert not resultat.avertissements
    assert projet.document.source is not None and projet.document.source.fichier == "plan.odt"


# A numbering « Axe 1 : » / « Objectif 1.1 : » / bullet, as a list style (the numbers are
# not in the paragraphs' text).
STYLE_NUMEROTE = styles_odt(
    '<text:list-style style:name="N1">'
    '<text:list-level-style-number text:level="1" style:num-prefix="Axe " '
    'style:num-suffix=" :" style:num-format="1"/>'
    '<text:list-level-style-number text:level="2" style:num-prefix="Objectif " '
    'style:num-suffix=" :" style:num-format="1" text:display-levels="2"/>'
    '<text:list-level-style-bullet text:level="3" text:bullet-char="•"/>'
    '<text:list-level-style-number text:level="4" style:num-suffix=")" style:num-format="a"/>'
    "</text:list-style>"
)


def _item(texte: str, sous: str = "", attributs: str = "") -> str:
    return f"<text:list-item{attributs}>{_p(texte)}{sous}</text:list-item>"


def _liste(*items: str, attributs: str = "") -> str:
    return f"<text:list{attributs}>{''.join(items)}</text:list>"


def test_numerotation_automatique_lue_comme_imprimee(tmp_path: Path) -> None:
    premiere = _liste(
        _item("Habiter le territoire", _liste(
            _item("Rénover les logements", _liste(_item("Lancer une OPAH."))),
            _item("Lutter contre la vacance", _liste(_item("Recenser les logements vacants."))),
        )),
        attributs=' text:style-name="N1" xml:id="liste1"',
    )  # fmt: skip
    # A paragraph between the axes, then the list goes on: continue-numbering.
    seconde = _liste(
        _item("Se déplacer", _liste(_item("Partager la voiture", _liste(
            _item("Ouvrir une plateforme de covoiturage.", _liste(_item("en gare"))),
        )))),
        attributs=' text:style-name="N1" text:continue-numbering="true"',
    )  # fmt: skip
    # A list that continues the first one by its id, from a given number.
    troisieme = _liste(
        _item("Se soigner", attributs=' text:start-value="5"'),
        attributs=' text:style-name="N1" text:continue-list="liste1"',
    )
    corps = premiere + _p("Un mot entre deux axes.") + seconde + troisieme
    data = odt_brut(contenu_odt(corps), STYLE_NUMEROTE)
    marques = [b.marque for b in lire_odt(data, "x.odt").blocs if b.genre == "puce"]
    assert marques == [
        "Axe 1 :", "Objectif 1.1 :", "•", "Objectif 1.2 :", "•",
        "Axe 2 :", "Objectif 2.1 :", "•", "a)", "Axe 5 :",
    ]  # fmt: skip
    projet = importer_fichier(_ecrire(tmp_path, data)).projet
    assert [(n.type, n.numero) for n in projet.contenu] == [
        ("axe", "1"),
        ("axe", "2"),
        ("axe", "5"),
    ]
    assert [n.numero for n in projet.contenu[0].enfants] == ["1.1", "1.2"]


def test_numero_ecrit_par_libreoffice_et_numerotation_des_titres() -> None:
    plan = styles_odt(
        '<text:outline-style style:name="Outline">'
        '<text:outline-level-style text:level="1" style:num-format="I" style:num-suffix="."/>'
        '<text:outline-level-style text:level="2" style:num-format="1" '
        'text:display-levels="2" style:num-suffix="."/></text:outline-style>'
    )
    corps = (
        '<text:h text:outline-level="1">Habiter</text:h>'
        '<text:h text:outline-level="2">Rénover</text:h>'
        '<text:h text:outline-level="2"><text:number>II.7.</text:number>Vacance</text:h>'
        '<text:h text:outline-level="1">Se déplacer</text:h>'
    )
    blocs = lire_odt(odt_brut(contenu_odt(corps), plan), "x.odt").blocs
    assert [(b.numero, b.texte) for b in blocs] == [
        ("I.", "Habiter"), ("I.1.", "Rénover"), ("II.7.", "Vacance"), ("II.", "Se déplacer"),
    ]  # fmt: skip


def test_modifications_suivies_lues_acceptees(tmp_path: Path) -> None:
    suivies = (
        "<text:tracked-changes>"
        '<text:changed-region xml:id="ct1" text:id="ct1"><text:insertion><office:change-info>'
        "<dc:creator>Relecteur</dc:creator><dc:date>2026-11-20T10:00:00</dc:date>"
        "</office:change-info></text:insertion></text:changed-region>"
        '<text:changed-region xml:id="ct2" text:id="ct2"><text:deletion><office:change-info>'
        "<dc:creator>Relecteur</dc:creator><dc:date>2026-11-20T10:00:00</dc:date>"
        "</office:change-info>"
        + _p("Mettre en place une plateforme de covoiturage.")
        + "</text:deletion></text:changed-region></text:tracked-changes>"
    )
    corps = (
        suivies
        + '<text:h text:outline-level="1">Orientation 1 : Mieux se loger</text:h>'
        + _liste(
            _item('Créer un guichet unique<text:change-start text:change-id="ct1"/> de '
                  "l’habitat<text:change-end text:change-id=\"ct1\"/>."),
            _item('Ouvrir un tiers-lieu<text:change text:change-id="ct2"/>.'),
            attributs=' text:style-name="L1"',
        )
    )  # fmt: skip
    resultat = importer_fichier(_ecrire(tmp_path, odt_brut(contenu_odt(corps), STYLES_FRANCAIS)))
    actions = [a.texte for _, a in resultat.projet.actions()]
    assert actions == ["Créer un guichet unique de l’habitat.", "Ouvrir un tiers-lieu."]
    assert "covoiturage" not in resultat.projet.model_dump_json()
    assert any("modifications suivies" in r for r in resultat.remarques)


def test_espaces_tabulations_sauts_de_ligne_notes_et_sommaire() -> None:
    corps = (
        '<text:table-of-content><text:index-body>'
        + _p("Orientation 1 : Mieux se loger ........ 3")
        + "</text:index-body></text:table-of-content>"
        + '<text:h text:outline-level="1">Orientation 1 : Mieux<text:s text:c="3"/>se'
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body>" + _p("Selon le diagnostic de 2024.") + "</text:note-body></text:note>"
        " loger</text:h>"
        + _p("Créer<text:tab/>un guichet<text:line-break/>unique"
             '<office:annotation><dc:creator>X</dc:creator>'
             + _p("à revoir") + "</office:annotation>.")
        + '<text:section text:name="S1">' + _p("Dans une section.") + "</text:section>"
    )  # fmt: skip
    styles = styles_odt(
        '<style:master-page style:name="Standard"><style:header>'
        + _p("PETR du Val — projet de territoire")
        + "</style:header></style:master-page>"
    )
    lecture = lire_odt(odt_brut(contenu_odt(corps), styles), "x.odt")
    assert [(b.genre, b.texte) for b in lecture.blocs] == [
        ("titre", "Orientation 1 : Mieux se loger"),
        ("paragraphe", "Créer un guichet unique."),
        ("paragraphe", "Dans une section."),
    ]
    # The note, kept apart with its number and the paragraph that calls it (as in Word).
    (note,) = lecture.a_part
    assert note.texte == "Selon le diagnostic de 2024."
    assert note.raison == "note de bas de page 1 (appelée au paragraphe 1)"
    remarques = " ".join(lecture.remarques)
    assert "1 note de bas de page" in remarques
    assert "1 commentaire de relecture non lu" in remarques
    assert "« PETR du Val — projet de territoire »" in remarques


def test_notes_dans_le_resultat(tmp_path: Path) -> None:
    corps = (
        '<text:h text:outline-level="1">Orientation 1 : Mieux se loger'
        '<text:note text:note-class="endnote"><text:note-citation>i</text:note-citation>'
        "<text:note-body>"
        + _p("Voir l'annexe.")
        + "</text:note-body></text:note></text:h>"
        + _puces("Créer un guichet unique.")
    )
    resultat = importer_fichier(_ecrire(tmp_path, odt_brut(contenu_odt(corps), STYLES_FRANCAIS)))
    assert [n.titre for n in resultat.projet.contenu] == ["Mieux se loger"]
    assert [(n.texte, n.raison) for n in resultat.projet.non_classe] == [
        ("Voir l'annexe.", "note de fin i (appelée au paragraphe 1)")
    ]


def _tableau(*rangees: str) -> str:
    return (
        '<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>'
        + "".join(rangees)
        + "</table:table>"
    )


def _rangee(*cellules: str) -> str:
    return "<table:table-row>" + "".join(cellules) + "</table:table-row>"


def _cellule(texte: str, attributs: str = "") -> str:
    return f"<table:table-cell{attributs}>{_p(texte)}</table:table-cell>"


def test_tableau_de_fiche_vers_les_champs(tmp_path: Path) -> None:
    corps = (
        '<text:h text:outline-level="1">Axe 1 : Santé</text:h>'
        '<text:h text:outline-level="2">Fiche action n°1 : Créer une maison de santé '
        "pluriprofessionnelle</text:h>"
        + _tableau(
            "<table:table-header-rows>"
            + _rangee(_cellule("Fiche action", ' table:number-columns-spanned="2"'),
                      "<table:covered-table-cell/>")
            + "</table:table-header-rows>",
            _rangee(_cellule("Pilote"), _cellule("Communauté de communes")),
            _rangee(_cellule("Partenaires"),
                    "<table:table-cell>" + _p("ARS") + _p("– Département") + "</table:table-cell>"),
            _rangee(_cellule("Calendrier"), _cellule("2026-2027")),
        )
    )  # fmt: skip
    chemin = _ecrire(tmp_path, odt_brut(contenu_odt(corps)), "cls.odt")
    cellules = [b for b in lire_odt(chemin.read_bytes(), "x").blocs if b.genre == "cellule"]
    assert max(c.colonne or 0 for c in cellules) == 2  # the merged title is one cell
    (action,) = [a for _, a in importer_fichier(chemin).projet.actions()]
    assert action.texte.startswith("Créer une maison de santé")
    assert action.structures_pilotes or action.porteurs
    assert action.partenaires == ["ARS", "Département"]
    assert action.echeance == "2026-2027"


# --- bad ODT files -------------------------------------------------------------------------


def _erreur(chemin: Path) -> str:
    resultat = runner.invoke(app, ["import", str(chemin)])
    assert resultat.exit_code == 2, resultat.stdout
    lignes = resultat.stderr.strip().splitlines()
    assert len(lignes) == 1 and "Traceback" not in resultat.stderr, resultat.stderr
    assert str(chemin) in lignes[0]
    return lignes[0]


def test_tronque(tmp_path: Path) -> None:
    data = _plan()
    assert "tronqué" in _erreur(_ecrire(tmp_path, data[: len(data) // 2]))


def test_tableur_nomme_odt(tmp_path: Path) -> None:
    ods = odt_brut(
        contenu_odt("<table:table/>", genre="spreadsheet"),
        type_mime="application/vnd.oasis.opendocument.spreadsheet",
    )
    assert "classeur OpenDocument" in _erreur(_ecrire(tmp_path, ods))


def test_protege_par_mot_de_passe(tmp_path: Path) -> None:
    manifeste = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
        '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        'manifest:initialisation-vector="y"/></manifest:encryption-data></manifest:file-entry>'
        "</manifest:manifest>"
    )
    data = odt_brut(bytes(range(256)) * 8, bytes(range(256)), manifeste=manifeste)
    assert "mot de passe" in _erreur(_ecrire(tmp_path, data))


def test_entite_externe_jamais_resolue(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MOT-DE-PASSE-SECRET", encoding="utf-8")
    contenu = contenu_odt('<text:h text:outline-level="1">Axe 1 : &xxe;</text:h>').replace(
        "<office:document-content",
        f'<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<office:document-content",
        1,
    )
    ligne = _erreur(_ecrire(tmp_path, odt_brut(contenu)))
    assert "DOCTYPE" in ligne and "MOT-DE-PASSE-SECRET" not in ligne


def test_bombe_zip(tmp_path: Path) -> None:
    data = odt_brut(contenu_odt(_p("x")) + " " * (20 * 1024 * 1024))
    assert len(data) < 2 * 1024 * 1024
    assert "bombe zip" in _erreur(_ecrire(tmp_path, data))


def test_texte_nomme_odt_et_sans_texte(tmp_path: Path) -> None:
    assert "renommez-le en .txt" in _erreur(_ecrire(tmp_path, b"Axe 1 : Habiter\n", "texte.odt"))
    vide = odt_brut(contenu_odt(_p("") + "<text:sequence-decls/>"))
    assert "sans texte" in _erreur(_ecrire(tmp_path, vide, "vide.odt"))


def test_odt_reconnu_au_contenu(tmp_path: Path) -> None:
    """An ODT saved without its suffix, or as .docx, is named for what it is."""
    sans = _ecrire(tmp_path, _plan(), "plan")
    assert next(n.titre for n in importer_fichier(sans).projet.contenu) == "Mieux se loger"
    assert "OpenDocument" in _erreur(_ecrire(tmp_path, _plan(), "plan.docx"))


# --- any bytes given as .odt: a result or projterr's own error ----------------------------


def _zip(parties: dict[str, bytes]) -> bytes:
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as z:
        for nom, contenu in parties.items():
            z.writestr(nom, contenu)
    return tampon.getvalue()


_BALISES = st.sampled_from(
    ["<text:p>", "</text:p>", "<text:h text:outline-level='2'>", "</text:h>", "<text:list>",
     "</text:list>", "<text:list-item>", "</text:list-item>", "<table:table>", "</table:table>",
     "<table:table-row>", "<table:table-cell table:number-columns-repeated='999999999'>",
     "</table:table-cell>", "</table:table-row>", "<text:s text:c='-4'/>", "<text:tab/>",
     "<text:note><text:note-body>", "</text:note-body></text:note>", "Axe 1 : ", "- ", "&amp;",
     "<text:tracked-changes>", "</text:tracked-changes>", "<text:table-of-content>"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=400),
        st.lists(_BALISES | st.text(max_size=20), max_size=30).map(
            lambda morceaux: odt_brut(contenu_odt("".join(morceaux)))
        ),
        st.binary(max_size=300).map(lambda octets: _zip({"content.xml": octets})),
        st.binary(max_size=300).map(lambda octets: odt_brut(octets)),
    )
)
def test_nimporte_quels_octets_en_odt(data: bytes) -> None:
    """Through the whole import (dispatch, reader, engines): a projet or projterr's error."""
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "plan.odt"
        chemin.write_bytes(data)
        with contextlib.suppress(ProjterrError):
            importer_fichier(chemin)


@pytest.mark.parametrize("part", [0.02, 0.1, 0.3, 0.6, 0.9, 0.99])
def test_archive_coupee_a_tout_endroit(part: float) -> None:
    data = _plan()
    with pytest.raises(ProjterrError):
        lire_odt(data[: int(len(data) * part)], "x.odt")


def test_repetitions_bornees_et_cadres_de_page() -> None:
    """Rows and cells repeated a billion times are written a bounded number of times; a text
    box anchored to the page is read."""
    cellule = (
        '<table:table-cell table:number-columns-repeated="1000000000">'
        "<text:p>x</text:p></table:table-cell>"
    )
    rangee = f'<table:table-row table:number-rows-repeated="1000000000">{cellule}</table:table-row>'
    corps = (
        "<table:table>" + rangee * 200 + "</table:table>"
        "<draw:frame><draw:text-box><text:p>Dans un cadre.</text:p></draw:text-box></draw:frame>"
    )
    blocs = lire_odt(odt_brut(contenu_odt(corps)), "x.odt").blocs
    assert len(blocs) < 400_000
    assert blocs[-1].texte == "Dans un cadre."


def test_titres_sans_mot_de_niveau(tmp_path: Path) -> None:
    """« Titre 1 : Mobilité »: the heading style is the author's, a node opens at its level
    even though its text names no level (as in Word)."""
    corps = (
        _p("Plan d'action 2026-2030") + '<text:h text:outline-level="1">Habiter</text:h>'
        '<text:p text:style-name="_DC_berschrift_20_2">Rénover les logements</text:p>'
        + _puces("Ouvrir une plateforme de covoiturage.")
        + '<text:h text:outline-level="1">Santé</text:h>'
        + _puces("Créer une maison de santé.")
    )
    chemin = _ecrire(tmp_path, odt_brut(contenu_odt(corps), STYLES_FRANCAIS))
    projet = importer_fichier(chemin).projet
    assert [(n.type, n.titre) for n in projet.contenu] == [("axe", "Habiter"), ("axe", "Santé")]
    assert [e.titre for e in projet.contenu[0].enfants] == ["Rénover les logements"]
    assert [a.texte for _, a in projet.actions()] == [
        "Ouvrir une plateforme de covoiturage.",
        "Créer une maison de santé.",
    ]
