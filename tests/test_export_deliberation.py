"""`projterr export --deliberation`: the délibération, its annexes, the séance file, --scdl."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocumentWord
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

from lecture_docx import relire, texte_complet, textes_du_projet
from projterr.cli import app
from projterr.diff import comparer
from projterr.export import document_deliberation
from projterr.export.annexe_changements import champs_publics, changements_presentes
from projterr.export.scdl import COLONNES
from projterr.export.seance import Seance, charger_seance, incoherences
from projterr.libelles import compte as compte_de
from projterr.model import Projet
from projterr.render.diff.commun import designation, lieu_cote, numero_cote
from projterr.typographie import typographier
from projterr.yamlio import charger_projet
from strategies import projets

ROOT = Path(__file__).resolve().parents[1]
CDL = ROOT / "examples" / "coeur-de-lorraine_2025.yaml"
CDL_2019 = ROOT / "examples" / "coeur-de-lorraine_2019-illustratif.yaml"
SEANCE = ROOT / "examples" / "seances" / "coeur-de-lorraine_2025-illustratif.yaml"
NBSP, FINE = "\u00a0", "\u202f"
# What export says of the Cœur de Lorraine example, whose source numbers two objectives 3.1.3
NUMEROTATION_CDL = (
    f"projterr : {CDL} : numérotation à vérifier (voir projterr check) : objectif "
    "opérationnel 3.1.3, objectif opérationnel 4.2.1"
)
BLANC = "………"

runner = CliRunner()


def _deliberation(document: DocumentWord) -> list[str]:
    """The paragraphs of the délibération itself: everything before annex 1."""
    textes = []
    for p in document.paragraphs:
        if p.text.startswith("Annexe 1 à la délibération"):
            return textes
        textes.append(p.text)
    raise AssertionError("pas d'annexe 1")


@pytest.fixture(scope="module")
def complete() -> DocumentWord:
    return relire(
        document_deliberation(
            charger_projet(CDL), charger_seance(SEANCE), ancien=charger_projet(CDL_2019)
        )
    )


def test_entete_et_quorum(complete: DocumentWord) -> None:
    textes = _deliberation(complete)
    assert textes[:3] == [
        "PETR Cœur de Lorraine",
        "Extrait du registre des délibérations du Conseil syndical",
        f"Séance du 30{NBSP}juin 2025 – délibération n°{NBSP}2025-014",
    ]
    quorum = {r.cells[0].text: r.cells[1].text for r in complete.tables[0].rows}
    assert quorum == {
        "Date de convocation": f"20{NBSP}juin 2025",
        "Membres en exercice": "42",
        "Présents": "31",
        "Représentés": "4",
        "Votants": "35",
    }
    k = textes.index(
        f"Le 30{NBSP}juin 2025 à 18 h 30, le Conseil syndical du PETR Cœur de Lorraine, "
        f"régulièrement convoqué le 20{NBSP}juin 2025, s’est réuni à Saint-Mihiel, sous la "
        "présidence de Prénom Nom."
    )
    # the shipped séance gives no names: blanks to fill, in the order real registers use
    assert textes[k + 1 : k + 7] == [
        f"Présents{NBSP}: {BLANC}",
        f"Excusés{NBSP}: {BLANC}",
        f"Absents{NBSP}: {BLANC}",
        f"Pouvoirs{NBSP}: {BLANC}",
        "Le quorum étant atteint (31 présents sur 42 membres en exercice), le Conseil syndical "
        "peut valablement délibérer.",
        f"Secrétaire de séance{NBSP}: Prénom Nom.",
    ]
    assert f"Objet{NBSP}: Approbation de la révision du projet de territoire" in textes


def test_presents_excuses_absents_pouvoirs_donnes() -> None:
    seance = Seance(
        presents=2,
        representes=1,
        VOTE_EFFECTIF=4,
        noms_presents=["Anne Petit", "Paul Martin"],
        excuses=[],
        absents=["Luc Roy"],
        pouvoirs=[{"de": "Jean Martin", "a": "Anne Petit"}],
    )
    textes = _deliberation(relire(document_deliberation(charger_projet(CDL), seance)))
    assert f"Présents{NBSP}: Anne Petit, Paul Martin." in textes
    assert f"Excusés{NBSP}: néant." in textes  # an empty list is said, not left blank
    assert f"Absents{NBSP}: Luc Roy." in textes
    assert f"Pouvoirs{NBSP}: Jean Martin à Anne Petit." in textes
    # 2 present out of 4 is not more than half: the quorum is left for the secretary
    assert f"Quorum{NBSP}: {BLANC}." in textes
    assert not any("quorum étant atteint" in t for t in textes)


@pytest.mark.parametrize(
    ("pour", "contre", "abstention", "attendu"),
    [
        (30, 0, 0, "à l’unanimité des membres présents et représentés"),
        (28, 0, 2, "à l’unanimité des suffrages exprimés"),
        (20, 8, 2, "à la majorité des suffrages exprimés"),
        (10, 20, 0, f"à {BLANC}"),  # not adopted: never said adopted
        (None, None, None, f"à {BLANC}"),
    ],
)
def test_le_dispositif_dit_comment_le_vote_s_est_fait(
    pour: int | None, contre: int | None, abstention: int | None, attendu: str
) -> None:
    seance = Seance(VOTE_POUR=pour, VOTE_CONTRE=contre, VOTE_ABSTENTION=abstention)
    textes = _deliberation(relire(document_deliberation(charger_projet(CDL), seance)))
    assert f"Après en avoir délibéré, {attendu}, le Conseil syndical{NBSP}:" in textes


def test_visa_de_la_deliberation_precedente() -> None:
    """A revision cites the délibération that approved the earlier version: the séance
    file's, else the earlier document's adoption, else blanks."""
    ancien = charger_projet(CDL_2019)
    ancien.document.adoption = None
    cas = [
        (Seance(), f"n°{NBSP}{BLANC} du {BLANC}"),
        (
            Seance(deliberation_precedente={"numero": "2019-031", "date": "2019-12-12"}),
            f"n°{NBSP}2019-031 du 12{NBSP}décembre 2019",
        ),
    ]
    for seance, attendu in cas:
        document = relire(document_deliberation(charger_projet(CDL), seance, ancien=ancien))
        visas = [t for t in _deliberation(document) if t.startswith("Vu la délibération")]
        assert visas == [
            f"Vu la délibération {attendu} approuvant le document « {ancien.document.titre} »"
            f"{FINE};".replace("« ", f"«{NBSP}").replace(" »", f"{NBSP}»")
        ], visas
    # without --ancien: no such visa
    sans = _deliberation(relire(document_deliberation(charger_projet(CDL), Seance())))
    assert not any(t.startswith("Vu la délibération") for t in sans)


def test_incoherences_de_la_seance() -> None:
    assert incoherences(charger_seance(SEANCE)) == []
    seance = Seance(
        VOTE_EFFECTIF=42,
        presents=20,
        representes=4,
        VOTE_REEL=30,
        VOTE_POUR=10,
        VOTE_CONTRE=15,
        VOTE_ABSTENTION=2,
        noms_presents=["Anne Petit"],
    )
    assert incoherences(seance) == [
        "quorum non atteint : 20 présents sur 42 membres en exercice (il faut plus de la "
        "moitié, sauf seconde convocation) ; la délibération laisse le quorum en blanc",
        "30 votants pour 20 présents et 4 représentés",
        "pour, contre et abstentions font 27 voix pour 30 votants",
        "le vote (10 pour, 15 contre) n'adopte pas la délibération, qui l'approuve pourtant",
        "1 noms de présents pour un nombre de 20",
    ]


def test_visas(complete: DocumentWord) -> None:
    visas = [t for t in _deliberation(complete) if t.startswith("Vu ")]
    # Légifrance's typesetting: « L. », a non-breaking space, the number
    for article in ("5711-1", "5741-1", "5741-2"):
        assert f"L.\u00a0{article}" in visas[0], visas[0]
    assert not re.search(r"L5\d", visas[0])
    # the séance file has no prefectoral order: blanks, not an invented number or date
    assert visas[1] == (
        f"Vu l’arrêté préfectoral n°{NBSP}{BLANC} du {BLANC} portant création du "
        f"PETR Cœur de Lorraine{FINE};"
    )
    assert f"Vu l’avis de la conférence des maires du 12{NBSP}mai 2025{FINE};" in visas
    assert f"Vu l’avis du conseil de développement territorial du 20{NBSP}mai 2025{FINE};" in visas


def test_expose_resume_les_changements(complete: DocumentWord) -> None:
    textes = _deliberation(complete)
    rapport, _ = changements_presentes(
        comparer(charger_projet(CDL_2019), charger_projet(CDL)), charger_projet(CDL)
    )
    resume = next(t for t in textes if t.startswith("Par rapport à la version précédente"))
    compte = rapport.resume()
    for type_ in ("ajout", "suppression", "renumerotation"):
        assert compte_de(type_, compte[type_]) in resume, (type_, resume)
    # by pilier: every record counted once per kind, under the pilier that holds it
    k = textes.index(f"Par pilier{NBSP}:")
    par_pilier = textes[k + 1 : k + 5]
    # the PAT action reworded heavily is one modification, not a deletion and an addition
    assert par_pilier[0] == f"Pilier 1{NBSP}: 1 ajout et 1 modification{FINE};"
    # the document's own record (title, version…) is said on its own line, not by pilier
    document = next(c for c in rapport.significatifs() if c.nature == "document")
    compte = dict(compte)
    for t in document.types:
        compte[t] -= 1
    assert any(t.startswith(f"Document{NBSP}: titre du document, version") for t in textes)
    totaux = dict.fromkeys(compte, 0)
    noms = {"ajout": "ajout", "suppression": "suppression", "deplacement": "déplacement",
            "modification": "modification", "renumerotation": "renumérotation"}  # fmt: skip
    for ligne in par_pilier:
        for n, nom in re.findall(r"(\d+) (\w+)", ligne):
            totaux[next(t for t, v in noms.items() if v == nom.removesuffix("s"))] += int(n)
    assert totaux == compte
    ajouts = [
        c.nouveau.texte
        for c in rapport.significatifs()
        if "ajout" in c.types and c.nature == "action" and c.nouveau
    ]
    paragraphes = complete.paragraphs
    k = next(i for i, p in enumerate(paragraphes) if p.text == f"Actions nouvelles{NBSP}:")
    nouvelles = [p for p in paragraphes[k + 1 : k + 1 + len(ajouts)]]
    assert [p.text for p in nouvelles] == [typographier(t) for t in ajouts]
    # listed like the other lists of the exposé, not one level deeper
    assert {p.style.name for p in nouvelles} == {"List Bullet"}
    assert "compte 4 piliers, 9 objectifs stratégiques, 22 objectifs opérationnels, 71 actions." \
        in next(t for t in textes if t.startswith("Le document soumis"))  # fmt: skip


def test_decision_articles_vote_recours_signatures(complete: DocumentWord) -> None:
    textes = _deliberation(complete)
    k = textes.index(
        f"Après en avoir délibéré, à l’unanimité des suffrages exprimés, le Conseil syndical{NBSP}:"
    )
    articles = textes[k + 1 : k + 4]
    assert [a.split(NBSP)[0] for a in articles] == ["Article 1", "Article 2", "Article 3"]
    assert "approuve le document" in articles[0] and "annexe 1" in articles[0]
    assert "établissements publics de coopération intercommunale" in articles[1]
    assert "autorise le Président à signer" in articles[2]
    assert textes[k + 4] == (
        f"Votants{NBSP}: 35 – Pour{NBSP}: 33 – Contre{NBSP}: 0 – Abstentions{NBSP}: 2."
    )
    recours = textes[k + 5]
    assert "tribunal administratif de Nancy" in recours and "deux mois" in recours
    assert textes[k + 6 :] == [
        "Ainsi fait et délibéré les jour, mois et an susdits.",
        f"Fait à Saint-Mihiel, le 30{NBSP}juin 2025.",
        "Le secrétaire de séance,\tPour extrait conforme,",
        "\tLe Président,",
        "Prénom Nom\tPrénom Nom",
        f"Certifié exécutoire, transmis en préfecture le {BLANC} et publié le {BLANC}.",
    ]


def test_annexes(complete: DocumentWord) -> None:
    titres = [p.text for p in complete.paragraphs if p.style.name == "Heading 1"]
    assert titres[0] == "Pilier 1 – Dynamiser l’économie et l’emploi sur le territoire"
    assert titres[-2:] == ["Annexe – Glossaire des sigles", "Annexe 2 – Tableau des modifications"]
    rapport, _ = changements_presentes(
        comparer(charger_projet(CDL_2019), charger_projet(CDL)), charger_projet(CDL)
    )
    table = complete.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["Changement", "Élément", "Avant", "Après"]
    document, *lignes = table.rows[1:]
    # the document's own changes first (title, version, statut, note), then each element
    assert [c.text for c in document.cells[:2]] == ["Modification", "Document"]
    assert "version : 2019-illustratif" in document.cells[2].text.replace(NBSP, " ")
    assert "version : 2025" in document.cells[3].text.replace(NBSP, " ")
    changements = [c for c in rapport.significatifs() if c.nature != "document"]
    assert len(lignes) == len(changements)
    for ligne, c in zip(lignes, changements, strict=True):
        cellules = [x.text for x in ligne.cells]
        # every change located: the element (its number), where it stands
        element = cellules[1].split("\n")
        assert element[0] == designation(c)[:1].upper() + designation(c)[1:]
        deplace = "deplacement" in c.types
        if not deplace:
            assert element[1] == typographier(lieu_cote(c.nouveau or c.ancien))
        for cote, cellule in ((c.ancien, cellules[2]), (c.nouveau, cellules[3])):
            if cote is None:
                assert cellule == "—"
                continue
            lignes_cellule = cellule.split("\n")
            if deplace:  # a move: where it was, where it goes
                assert lignes_cellule[0] == typographier(lieu_cote(cote))
            texte = lignes_cellule[1 if deplace else 0]
            assert texte.endswith(typographier(cote.texte))
            if cote.numero:
                assert texte.startswith(numero_cote(cote) + " ")
    assert lignes[0].cells[0].text == "Reformulation"  # the PAT action, reworded heavily
    # the CLS action, expanded five times, is one rewording, not a deletion and an addition
    cls = [x for x in lignes if "CLS" in x.cells[2].text + x.cells[3].text]
    assert [x.cells[0].text for x in cls] == ["Reformulation"]
    # a renumbering: old → new number
    renumerotes = [x for x in lignes if x.cells[0].text == "Renumérotation"]
    assert renumerotes and all("→" in x.cells[3].text for x in renumerotes)
    # the note is projterr's, never the council's business
    assert "EXEMPLE INVENTÉ" not in document.cells[2].text + document.cells[3].text


def test_annexe_2_ne_presente_pas_une_erreur_de_numerotation_comme_une_renumerotation(
    complete: DocumentWord,
) -> None:
    """The 2025 source numbers two objectives 3.1.3 (check flags it): no row presents the
    move to that number as approved; a note lists the numbers to check."""
    table = complete.tables[-1]
    assert not any("3.2.3" in r.cells[2].text and "3.1.3" in r.cells[3].text for r in table.rows)
    textes = [p.text for p in complete.paragraphs]
    k = textes.index(
        f"Numérotation à vérifier dans le document soumis (ces numéros ne sont pas présentés "
        f"comme des renumérotations){NBSP}:"
    )
    assert textes[k + 1].startswith(f"objectif opérationnel 3.1.3{NBSP}: numéro incohérent")
    assert textes[k + 2].startswith(f"objectif opérationnel 4.2.1{NBSP}: numéro incohérent")


def test_sans_seance_des_blancs_jamais_inventes() -> None:
    document = relire(document_deliberation(charger_projet(CDL), Seance()))
    textes = _deliberation(document)
    assert textes[2] == f"Séance du {BLANC} – délibération n°{NBSP}{BLANC}"
    assert {r.cells[1].text for r in document.tables[0].rows} == {BLANC}
    texte = "\n".join(textes)
    assert f"sous la présidence de {BLANC}." in texte
    assert f"tribunal administratif de {BLANC} dans un délai de deux mois" in texte
    assert f"Pour{NBSP}: {BLANC} – Contre{NBSP}: {BLANC} – Abstentions{NBSP}: {BLANC}." in texte
    assert f"Quorum{NBSP}: {BLANC}." in texte and f"Présents{NBSP}: {BLANC}\n" in texte
    assert "Adoptée" not in texte and "unanimité" not in texte and "majorité" not in texte
    assert f"transmis en préfecture le {BLANC} et publié le {BLANC}." in texte
    # no date, no number of the séance was made up: the only figures are the law's and the
    # projet's own counts
    chiffres = set(re.findall(r"\d+", re.sub(r"L\.\s57\d\d-\d|Article \d|annexe \d", "", texte)))
    assert chiffres <= {"4", "9", "22", "71", "2025"}, chiffres  # counts, and the version 2025
    # without --ancien: no summary of changes, no annex 2
    assert "Par rapport à la version précédente" not in texte
    assert not any(p.text.startswith("Annexe 2") for p in document.paragraphs)


def test_ancien_identique() -> None:
    projet = charger_projet(CDL)
    document = relire(document_deliberation(projet, Seance(), ancien=charger_projet(CDL)))
    assert any(t.startswith("Le document est identique") for t in _deliberation(document))
    assert "Aucune modification." in [p.text for p in document.paragraphs]


# --- command line, séance file, --scdl ---------------------------------------------------------


def _seance_scdl(tmp_path: Path, **autres: str) -> Path:
    texte = SEANCE.read_text("utf-8")
    for cle, valeur in {"COLL_SIRET": "'12345678901234'", **autres}.items():
        texte = re.sub(rf"(?m)^{cle}:.*\n", "", texte) + (f"{cle}: {valeur}\n" if valeur else "")
    chemin = tmp_path / "seance.yaml"
    chemin.write_text(texte, "utf-8")
    return chemin


def test_cli_deliberation_et_scdl(tmp_path: Path) -> None:
    sortie, csv_ = tmp_path / "cs.docx", tmp_path / "delib.csv"
    seance = _seance_scdl(tmp_path)
    r = runner.invoke(
        app,
        ["export", str(CDL), "--deliberation", "--seance", str(seance), "--ancien", str(CDL_2019),
         "--scdl", str(csv_), "-o", str(sortie)],
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert docx.Document(str(sortie)).paragraphs[0].text == "PETR Cœur de Lorraine"
    lecteur = csv.DictReader(io.StringIO(csv_.read_text("utf-8")))
    assert tuple(lecteur.fieldnames or ()) == COLONNES
    (ligne,) = list(lecteur)
    assert ligne == {
        "COLL_NOM": "PETR Cœur de Lorraine",
        "COLL_SIRET": "12345678901234",
        "DELIB_ID": "2025-014",
        "DELIB_DATE": "2025-06-30",
        "DELIB_MATIERE_CODE": "8.4",
        "DELIB_MATIERE_NOM": "Domaines de compétences par thèmes/Aménagement du territoire",
        "DELIB_OBJET": "Approbation de la révision du projet de territoire",
        "BUDGET_ANNEE": "",
        "BUDGET_NOM": "",
        "PREF_ID": "",
        "PREF_DATE": "",
        "VOTE_EFFECTIF": "42",
        "VOTE_REEL": "35",
        "VOTE_POUR": "33",
        "VOTE_CONTRE": "0",
        "VOTE_ABSTENTION": "2",
        "DELIB_URL": "",
    }
    # the SCDL schema's constraints on the required columns
    assert all(ligne[c] for c in COLONNES[:7])
    assert re.fullmatch(r"\d{14}", ligne["COLL_SIRET"])
    assert re.fullmatch(r"\d\.\d{1,2}", ligne["DELIB_MATIERE_CODE"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", ligne["DELIB_DATE"])


def _projterr(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "projterr", *args], capture_output=True, text=True)


def test_cli_scdl_colonne_obligatoire_manquante(tmp_path: Path) -> None:
    seance = _seance_scdl(tmp_path, DELIB_MATIERE_CODE="", DELIB_MATIERE_NOM="")
    sortie, csv_ = tmp_path / "cs.docx", tmp_path / "delib.csv"
    r = _projterr("export", str(CDL), "--deliberation", "--seance", str(seance),
                  "--scdl", str(csv_), "-o", str(sortie))  # fmt: skip
    assert r.returncode == 2
    assert r.stderr.splitlines() == [
        NUMEROTATION_CDL,
        f"Écrit dans {sortie}.",
        "projterr : --scdl : valeurs obligatoires manquantes dans le fichier de séance : "
        "DELIB_MATIERE_CODE, DELIB_MATIERE_NOM ; la ligne de données ouvertes n'est pas écrite",
    ]
    # the délibération is written all the same; the row is not, not even a partial one
    assert docx.Document(str(sortie)).paragraphs[0].text == "PETR Cœur de Lorraine"
    assert not csv_.exists()


@pytest.mark.parametrize(
    ("contenu", "message"),
    [
        ("VOTE_POUR: beaucoup\n", "ligne 1, colonne 12, champ « VOTE_POUR » : nombre entier"),
        ("DELIB_DAT: 2025-06-30\n", "ligne 1, colonne 1, champ « DELIB_DAT »"),
        ("COLL_SIRET: '123'\n", "SIRET attendu (14 chiffres, sans espace)"),
        ("DELIB_MATIERE_CODE: '84'\n", "code de matière ACTES attendu"),
    ],
)
def test_cli_seance_invalide(contenu: str, message: str, tmp_path: Path) -> None:
    seance = tmp_path / "seance.yaml"
    seance.write_text(contenu, "utf-8")
    r = _projterr("export", str(CDL), "--deliberation", "--seance", str(seance),
                  "-o", str(tmp_path / "cs.docx"))  # fmt: skip
    assert r.returncode == 2
    assert len(r.stderr.splitlines()) == 1 and message in r.stderr, r.stderr


@pytest.mark.parametrize("option", ["--seance", "--ancien", "--scdl"])
def test_cli_options_de_deliberation_seules(option: str, tmp_path: Path) -> None:
    r = _projterr("export", str(CDL), option, str(SEANCE), "-o", str(tmp_path / "p.docx"))
    assert r.returncode == 2
    assert r.stderr.strip() == f"projterr : {option} ne s'emploie qu'avec --deliberation"


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
@given(projets(profondeur_max=3), projets(profondeur_max=2))
def test_deliberation_de_projets_quelconques(projet: Projet, ancien: Projet) -> None:
    """Any projet, against any earlier version: the projet is whole in annex 1, annex 2 has one
    row per change record, and the délibération's blanks stay blanks."""
    document = relire(document_deliberation(projet, Seance(), ancien=ancien))
    texte = texte_complet(document)
    for attendu in textes_du_projet(projet):
        assert attendu in texte, attendu
    presentes, _ = changements_presentes(comparer(ancien, projet), projet)
    # a header, then one row per record people count (typography and provenance aside; a
    # reordering alone has no row; a change of projterr's own note or source is not the
    # council's business)
    lignes = sum(
        1 for c in presentes.significatifs() if c.nature != "document" or champs_publics(c)
    )
    if lignes:
        assert len(document.tables[-1].rows) == lignes + 1
    else:
        assert "Aucune modification." in texte
    assert f"Séance du {BLANC} – délibération n°{NBSP}{BLANC}" in texte


def test_seule_la_note_change_pas_de_tableau_vide() -> None:
    """Only projterr's internal note changed (a case hypothesis found): annex 2 says that
    nothing changed instead of drawing a table with a header and no row, and the exposé
    says the same."""

    def projet(note: str | None) -> Projet:
        return Projet.model_validate(
            {
                "territoire": {"nom": "PETR"},
                "document": {"titre": "Projet", "note": note},
                "contenu": [{"id": "a", "type": "section", "titre": "Mobilités"}],
            }
        )

    document = relire(document_deliberation(projet(None), Seance(), ancien=projet("à relire")))
    texte = texte_complet(document)
    annexe = texte.split("Annexe 2")[-1]
    assert "Aucune modification." in annexe
    # and the exposé agrees: it does not announce a change the annex does not show
    assert "Le document est identique à la version précédente" in texte
    assert "la révision compte" not in texte
    assert all(t.rows[0].cells[0].text != "Changement" for t in document.tables)


def test_l_exemple_du_readme_tel_qu_ecrit(tmp_path: Path) -> None:
    """The README's délibération command, as written, from a clone's root: the Word file and
    the open-data row are written (the shipped séance has every required column)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    debut = readme.index("### La délibération du Conseil syndical")
    bloc = readme[debut:].split("```", 2)[1]
    commande = bloc.replace("\\\n", " ").split()
    assert commande[:2] == ["projterr", "export"] and "--scdl" in commande
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    r = subprocess.run(
        [sys.executable, "-m", "projterr", *commande[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    sortie = tmp_path / commande[commande.index("-o") + 1]
    csv_ = tmp_path / commande[commande.index("--scdl") + 1]
    assert docx.Document(str(sortie)).paragraphs[0].text == "PETR Cœur de Lorraine"
    (ligne,) = list(csv.DictReader(io.StringIO(csv_.read_text("utf-8"))))
    assert ligne["COLL_SIRET"] == "20005581200016" and ligne["DELIB_ID"] == "2025-014"


def test_schema_seance_decrit_chaque_cle() -> None:
    """`projterr schema --seance`: every key the séance file accepts, by the name written in
    the file (SCDL columns in capitals), each with a French description."""
    import json

    r = _projterr("schema", "--seance")
    assert r.returncode == 0, r.stderr
    schema = json.loads(r.stdout)
    proprietes = schema["properties"]
    attendues = {champ.alias or nom for nom, champ in Seance.model_fields.items()}
    assert set(proprietes) == attendues
    assert {"COLL_SIRET", "VOTE_POUR", "noms_presents", "pouvoirs", "date_publication"} <= set(
        proprietes
    )
    assert all(p.get("description") for p in proprietes.values()), [
        k for k, p in proprietes.items() if not p.get("description")
    ]
    # the shipped example uses only keys the schema knows
    exemple = charger_seance(SEANCE).model_dump(by_alias=True, exclude_none=True)
    assert set(exemple) <= attendues


def test_cli_dit_les_incoherences_de_la_seance(tmp_path: Path) -> None:
    seance = _seance_scdl(tmp_path, presents="15", VOTE_POUR="20")
    sortie = tmp_path / "cs.docx"
    r = _projterr("export", str(CDL), "--deliberation", "--seance", str(seance), "-o", str(sortie))
    assert r.returncode == 0, r.stderr
    assert r.stderr.splitlines() == [
        f"projterr : {seance} : quorum non atteint : 15 présents sur 42 membres en exercice (il "
        "faut plus de la moitié, sauf seconde convocation) ; la délibération laisse le quorum "
        "en blanc",
        f"projterr : {seance} : 35 votants pour 15 présents et 4 représentés",
        f"projterr : {seance} : pour, contre et abstentions font 22 voix pour 35 votants",
        NUMEROTATION_CDL,
        f"Écrit dans {sortie}.",
    ]


def test_export_dit_les_erreurs_de_numerotation_de_la_source(tmp_path: Path) -> None:
    """One line naming the numbers check flags; none for a document without such errors."""
    r = _projterr("export", str(CDL), "-o", str(tmp_path / "p.docx"))
    assert r.returncode == 0
    assert r.stderr.splitlines() == [NUMEROTATION_CDL, f"Écrit dans {tmp_path / 'p.docx'}."]
    propre = ROOT / "tests" / "data" / "diff" / "fiches" / "crte-2026.yaml"
    r = _projterr("export", str(propre), "-o", str(tmp_path / "q.docx"))
    assert r.returncode == 0 and "numérotation" not in r.stderr, r.stderr
