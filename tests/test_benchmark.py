"""`projterr benchmark`: the report checked against classify and match themselves, folders,
every format read back, bad input."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from messages import une_ligne_francaise
from projterr.classement import classer
from projterr.cli import app
from projterr.importers import importer_fichier
from projterr.match.elements import elements_a_comparer
from projterr.referentiels import charger_referentiel, charger_sigles

ROOT = Path(__file__).resolve().parents[1]
EXEMPLES = ROOT / "examples"
COEUR = EXEMPLES / "coeur-de-lorraine_2025.yaml"
MQ = EXEMPLES / "midi-quercy.yaml"
IO = EXEMPLES / "isigny-omaha_pvd.yaml"
ATELIER = EXEMPLES / "atelier-des-territoires_2023.yaml"
DONNEES = ROOT / "tests" / "data" / "benchmark"
REGENERER = bool(os.environ.get("PROJTERR_REGENERER"))

runner = CliRunner()


def _benchmark(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, ["benchmark", *args])
    return r.exit_code, r.stdout, r.stderr


def _json(*args: str) -> dict:
    code, sortie, erreurs = _benchmark(*args, "-f", "json")
    assert code == 0, erreurs
    return json.loads(sortie)


def _match(a: Path, b: Path, *args: str) -> dict:
    r = runner.invoke(app, ["match", str(a), str(b), "-f", "json", *args])
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _projet(chemin: Path):  # type: ignore[no-untyped-def]
    return importer_fichier(chemin).projet


# --- the data, against classify and match -------------------------------------------------


@pytest.mark.parametrize("nom_ref", ["crte", "pvd", "odd"])
def test_effectifs_egaux_a_ceux_de_classify(nom_ref: str) -> None:
    d = _json(str(COEUR), str(MQ), str(IO), "--referentiel", nom_ref)
    ref, sigles = charger_referentiel(nom_ref), charger_sigles()
    fichiers = [COEUR, MQ, IO]
    assert [t["nom"] for t in d["territoires"]] == [_projet(f).territoire.nom for f in fichiers]
    assert [t["mien"] for t in d["territoires"]] == [True, False, False]
    couverture = {ligne["code"]: ligne["effectifs"] for ligne in d["couverture"]}
    assert [ligne["code"] for ligne in d["couverture"]] == [t.code for t in ref.themes] + [None]
    for k, fichier in enumerate(fichiers):
        classement = classer(_projet(fichier), ref, sigles)
        for code, effectif in classement.effectifs().items():
            assert couverture[code][k] == effectif, (fichier.name, code)
        assert couverture[None][k] == len(classement.actions) - len(classement.classees)
        assert d["territoires"][k]["actions"] == len(classement.actions)


def test_theme_ou_les_autres_agissent_et_pas_moi() -> None:
    ref, sigles = charger_referentiel("crte"), charger_sigles()
    mien = classer(_projet(MQ), ref, sigles).effectifs()
    autres = [classer(_projet(f), ref, sigles) for f in (COEUR, IO)]
    attendus = [
        t.code
        for t in ref.themes
        if mien[t.code] == 0 and any(a.effectifs()[t.code] for a in autres)
    ]
    assert attendus, "l'exemple doit avoir un thème que Midi-Quercy ne couvre pas"
    d = _json(str(MQ), str(COEUR), str(IO), "--referentiel", "crte")
    assert [t["code"] for t in d["non_couverts"]] == attendus
    for theme in d["non_couverts"]:
        textes = {
            a.texte
            for c in autres
            for a in c.actions
            if theme["code"] in {t.theme.code for t in a.themes}
        }
        assert {a["texte"] for a in theme["actions"]} == textes
    # the uncovered theme's pistes, if any, come first
    premiers = [g["non_couvert"] for g in d["pistes"]]
    assert premiers == sorted(premiers, reverse=True)


@pytest.mark.parametrize("seuil", ["40", "65"])
def test_une_piste_est_ce_que_match_laisse_sans_correspondance(seuil: str) -> None:
    """A piste is an element match leaves without a pair — or one on a theme I don't cover,
    whatever its pair (the theme is uncovered: its actions are what to read)."""
    d = _json(str(COEUR), str(MQ), str(IO), "--referentiel", "crte", "--seuil", seuil, "--tout")
    pistes = [p for g in d["pistes"] for p in g["pistes"]]
    assert pistes
    non_couverts = {t["code"] for t in d["non_couverts"]}
    for autre in (MQ, IO):
        nom = _projet(autre).territoire.nom
        elements = [e.id for e in elements_a_comparer(_projet(autre), niveaux=False)]
        apparies = {p["a"]["id"] for p in _match(autre, COEUR, "--seuil", seuil)["paires"]}
        attendues = {i for i in elements if i not in apparies}
        obtenues = {p["id"]: p for p in pistes if p["territoire"] == nom}
        assert attendues <= set(obtenues)
        for i in set(obtenues) - attendues:  # paired, yet a piste: on an uncovered theme
            assert set(obtenues[i]["themes"]) & non_couverts, obtenues[i]
        # the closest of mine is match's best pair, below the threshold
        meilleures = {
            p["a"]["id"]: p for p in _match(autre, COEUR, "--seuil", "0", "--top", "1")["paires"]
        }
        for piste in (p for p in pistes if p["territoire"] == nom):
            proche = piste["proche"]
            if proche is None:
                assert piste["id"] not in meilleures or meilleures[piste["id"]]["score"] == 0
                continue
            assert proche["score"] < float(seuil) or piste["id"] in apparies
            assert proche["id"] == meilleures[piste["id"]]["b"]["id"]
            assert proche["score"] == meilleures[piste["id"]]["score"]


def test_pistes_rangees() -> None:
    d = _json(str(MQ), str(COEUR), str(IO), str(ATELIER), "--referentiel", "crte", "--seuil", "60")
    groupes = d["pistes"]
    assert len(groupes) >= 2
    # uncovered themes first, then the largest gap, « sans thème » last
    cles = [(not g["non_couvert"], -g["ecart"]) for g in groupes if g["code"] is not None]
    assert cles == sorted(cles)
    if any(g["code"] is None for g in groupes):
        assert groupes[-1]["code"] is None
    for g in groupes:
        scores = [p["proche"]["score"] if p["proche"] else 0 for p in g["pistes"]]
        assert scores == sorted(scores)
        if g["code"] is not None:
            assert all(g["code"] in p["themes"] for p in g["pistes"])


def test_pas_de_piste_contre_soi_meme_a_seuil_zero() -> None:
    d = _json(str(COEUR), str(MQ), "--referentiel", "crte", "--seuil", "0")
    assert d["resume"]["pistes"] == 0 and d["pistes"] == []


# --- folders --------------------------------------------------------------------------------


def test_dossier_une_colonne_par_document(tmp_path: Path) -> None:
    dossier = tmp_path / "autres"
    (dossier / "sous").mkdir(parents=True)
    shutil.copy(MQ, dossier / "midi-quercy.yaml")
    shutil.copy(IO, dossier / "sous" / "isigny.yaml")
    shutil.copy(COEUR, dossier / "copie-du-mien.yaml")  # my own document in the folder
    (dossier / "casse.yaml").write_text("pas: [un document\n", encoding="utf-8")
    code, sortie, erreurs = _benchmark(
        str(COEUR), str(dossier), "--referentiel", "crte", "-f", "json"
    )
    assert code == 0, erreurs
    assert "casse.yaml : ignoré" in erreurs and "copie-du-mien.yaml : ignoré" in erreurs
    d = json.loads(sortie)
    assert [t["nom"] for t in d["territoires"]] == [
        "PETR Cœur de Lorraine",
        "PETR du Pays Midi-Quercy",
        "Isigny-Omaha Intercom",
    ]  # named by territory, never by file
    a_part = _json(str(COEUR), str(MQ), str(IO), "--referentiel", "crte")
    assert d["couverture"] == a_part["couverture"]
    assert d["resume"]["pistes"] == a_part["resume"]["pistes"]
    assert d["ignores"] == [str(dossier / "casse.yaml")]


def test_dossier_et_fichier_melanges_et_homonymes(tmp_path: Path) -> None:
    dossier = tmp_path / "autres"
    dossier.mkdir()
    shutil.copy(EXEMPLES / "coeur-de-lorraine_2019-illustratif.yaml", dossier / "a.yaml")
    shutil.copy(EXEMPLES / "coeur-de-lorraine_cls.yaml", dossier / "b.yaml")
    d = _json(str(COEUR), str(dossier), str(MQ), "--referentiel", "crte")
    noms = [t["nom"] for t in d["territoires"]]
    assert len(set(noms)) == len(noms) == 4
    assert noms[0] == "PETR Cœur de Lorraine (2025)"
    assert noms[1] == "PETR Cœur de Lorraine (2019-illustratif)"
    assert noms[2].startswith("Contrat local de santé")
    assert not any(n.endswith(".yaml") for n in noms)


def test_dossier_vide(tmp_path: Path) -> None:
    code, _, erreurs = _benchmark(str(COEUR), str(tmp_path), "--referentiel", "crte")
    assert code == 2
    assert "dossier sans document projterr" in une_ligne_francaise(erreurs)


# --- every format ----------------------------------------------------------------------------


def test_texte() -> None:
    code, sortie, erreurs = _benchmark(str(MQ), str(COEUR), str(IO), "--referentiel", "crte")
    assert code == 0, erreurs
    assert "Couverture des thèmes" in sortie and "(vous)" in sortie
    assert re.search(r"Mieux consommer +│ +0 ! │ +5 │ +3 │", sortie)  # the table, read back
    assert "THÈMES OÙ LES AUTRES AGISSENT ET PAS VOUS" in sortie
    assert "Mieux consommer : PETR Cœur de Lorraine (5 actions)" in sortie
    assert "PISTES À ÉTUDIER" in sortie
    assert all(len(ligne) <= 110 for ligne in sortie.splitlines())


def test_texte_borne_et_dit_ce_qu_il_laisse() -> None:
    d = _json(str(MQ), str(COEUR), str(IO), "--referentiel", "crte")
    plus_grand = max(len(g["pistes"]) for g in d["pistes"])
    assert plus_grand > 1
    code, sortie, _ = _benchmark(str(MQ), str(COEUR), str(IO), "--referentiel", "crte",
                                 "--pistes", "1")  # fmt: skip
    assert code == 0
    reste = plus_grand - 1
    assert f"… et {reste} {'autres pistes' if reste > 1 else 'autre piste'} sur ce thème" in sortie
    code, sortie, _ = _benchmark(str(MQ), str(COEUR), str(IO), "--referentiel", "crte",
                                 "--pistes", "0")  # fmt: skip
    assert "sur ce thème (toutes avec" not in sortie


def test_markdown_golden(tmp_path: Path) -> None:
    sortie = tmp_path / "benchmark.md"
    code, _, erreurs = _benchmark(
        str(MQ), str(COEUR), str(IO), str(ATELIER),
        "--referentiel", "crte", "-f", "markdown", "-o", str(sortie),
    )  # fmt: skip
    assert code == 0, erreurs
    obtenu = sortie.read_text(encoding="utf-8")
    golden = DONNEES / "attendu.md"
    if REGENERER:
        golden.write_text(obtenu, encoding="utf-8")
    assert obtenu == golden.read_text(encoding="utf-8")


def test_html_carte_une_case_par_theme_et_territoire(tmp_path: Path) -> None:
    sortie = tmp_path / "benchmark.html"
    code, _, erreurs = _benchmark(str(MQ), str(COEUR), str(IO), "--referentiel", "crte",
                                  "-f", "html", "-o", str(sortie))  # fmt: skip
    assert code == 0, erreurs
    page = sortie.read_text(encoding="utf-8")
    d = _json(str(MQ), str(COEUR), str(IO), "--referentiel", "crte")
    assert page.count("<svg") == 1 and "<script" not in page
    assert not re.search(r"(?:src|href)=\"https?:", page)  # nothing fetched
    cases = re.findall(r"<g><title>(.*?) — (.*?) : (\d+) actions?</title>", page)
    attendues = [
        (ligne["libelle"], t["nom"], str(n))
        for ligne in d["couverture"]
        for t, n in zip(d["territoires"], ligne["effectifs"], strict=True)
    ]
    assert [(a.replace("&#x27;", "'"), b, n) for a, b, n in cases] == attendues
    assert len(cases) == len(d["couverture"]) * len(d["territoires"])
    assert 'lang="fr"' in page and "<title" in page


def test_xlsx_relu(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    sortie = tmp_path / "benchmark.xlsx"
    code, _, erreurs = _benchmark(str(MQ), str(COEUR), str(IO), "--referentiel", "crte",
                                  "-f", "xlsx", "-o", str(sortie))  # fmt: skip
    assert code == 0, erreurs
    d = _json(str(MQ), str(COEUR), str(IO), "--referentiel", "crte")
    classeur = load_workbook(sortie)
    assert classeur.sheetnames == ["Couverture", "Pistes", "Thèmes non couverts", "Réglages"]
    couverture = classeur["Couverture"]
    lignes = list(couverture.iter_rows(values_only=True))
    assert lignes[0][1:] == tuple(
        t["nom"] + (" (vous)" if t["mien"] else "") for t in d["territoires"]
    )
    for k, ligne in enumerate(d["couverture"], 1):
        assert lignes[k][0] == ligne["libelle"]
        assert list(lignes[k][1:]) == ligne["effectifs"]
    assert couverture.freeze_panes == "B2"
    assert couverture.conditional_formatting  # the colour scale
    assert len(couverture._charts) == 1
    pistes = list(classeur["Pistes"].iter_rows(values_only=True))
    assert len(pistes) - 1 == d["resume"]["pistes"]
    assert classeur["Pistes"].freeze_panes == "A2"
    toutes = [p for g in d["pistes"] for p in g["pistes"]]
    assert [ligne[4] for ligne in pistes[1:]] == [p["texte"] for p in toutes]


def test_docx_relu(tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    sortie = tmp_path / "benchmark.docx"
    code, _, erreurs = _benchmark(str(MQ), str(COEUR), str(IO), "--referentiel", "crte",
                                  "-f", "docx", "-o", str(sortie))  # fmt: skip
    assert code == 0, erreurs
    d = _json(str(MQ), str(COEUR), str(IO), "--referentiel", "crte")
    document = docx.Document(str(sortie))
    assert document.paragraphs[0].text == "Ce que font les autres territoires"
    carte = document.tables[0]
    assert [c.text for c in carte.rows[0].cells][1:] == [
        t["nom"] + (" (vous)" if t["mien"] else "") for t in d["territoires"]
    ]
    fonds = set()
    for k, ligne in enumerate(d["couverture"], 1):
        cellules = carte.rows[k].cells
        assert cellules[0].text == ligne["libelle"]
        assert [int(c.text) for c in cellules[1:]] == ligne["effectifs"]
        for c in cellules[1:]:
            shd = c._tc.tcPr.find(qn("w:shd"))
            assert shd is not None
            fonds.add(shd.get(qn("w:fill")))
    assert len(fonds) >= 3  # shaded by count, not one colour
    assert "FDE2CF" in fonds  # the theme Midi-Quercy does not cover
    texte = "\n".join(p.text for p in document.paragraphs)
    assert "Thèmes où les autres agissent et pas vous" in texte
    assert "Pistes à étudier" in texte
    section = document.sections[0]
    assert section.page_width < section.page_height  # three territories: portrait


def test_docx_paysage_au_dela_de_quatre_territoires(tmp_path: Path) -> None:
    import docx

    sortie = tmp_path / "benchmark.docx"
    code, _, erreurs = _benchmark(
        str(COEUR), str(MQ), str(IO), str(ATELIER), str(EXEMPLES / "coeur-de-lorraine_cls.yaml"),
        "--referentiel", "pvd", "-f", "docx", "-o", str(sortie),
    )  # fmt: skip
    assert code == 0, erreurs
    section = docx.Document(str(sortie)).sections[0]
    assert section.page_width > section.page_height


def test_json_de_la_cli_est_celui_de_la_bibliotheque() -> None:
    from projterr.cli.match import REFERENTIELS_DEFAUT
    from projterr.match.benchmark import comparer_territoires
    from projterr.match.corpus import DocumentLu
    from projterr.match.vocabulaire import Vocabulaire
    from projterr.referentiels import charger_thesaurus
    from projterr.render.benchmark.json_ import json_

    sigles = charger_sigles()
    refs = [charger_referentiel(n) for n in REFERENTIELS_DEFAUT.split(",")]
    vocabulaire = Vocabulaire(sigles, charger_thesaurus(), refs)
    rapport = comparer_territoires(
        DocumentLu(_projet(COEUR), str(COEUR)),
        [DocumentLu(_projet(MQ), str(MQ))],
        charger_referentiel("crte"),
        vocabulaire,
        sigles,
        seuil=40.0,
        limite=10,
        autres_referentiels=refs,
    )
    _, sortie, _ = _benchmark(str(COEUR), str(MQ), "--referentiel", "crte", "-f", "json")
    assert sortie == json_(rapport)


def test_deux_processus_donnent_le_meme_rapport() -> None:
    """The other documents shared among processes (forked workers): the same report as one
    process, in every format that is text."""
    from projterr.cli.match import REFERENTIELS_DEFAUT
    from projterr.match.benchmark import comparer_territoires
    from projterr.match.corpus import DocumentLu
    from projterr.match.vocabulaire import Vocabulaire
    from projterr.referentiels import charger_thesaurus
    from projterr.render.benchmark import RENDUS

    sigles = charger_sigles()
    refs = [charger_referentiel(n) for n in REFERENTIELS_DEFAUT.split(",")]
    autres = [DocumentLu(_projet(f), str(f)) for f in sorted(EXEMPLES.glob("*.yaml")) if f != COEUR]

    def rapport(processus: int) -> object:
        return comparer_territoires(
            DocumentLu(_projet(COEUR), str(COEUR)),
            autres,
            charger_referentiel("crte"),
            Vocabulaire(sigles, charger_thesaurus(), refs),
            sigles,
            processus=processus,
        )

    seul, deux = rapport(1), rapport(2)
    for format_ in ("json", "markdown", "html", "text"):
        assert RENDUS.rendre(format_, deux) == RENDUS.rendre(format_, seul), format_


# --- bad input -----------------------------------------------------------------------------


def _empreintes(*fichiers: Path) -> list[str]:
    return [hashlib.sha256(f.read_bytes()).hexdigest() for f in fichiers]


@pytest.mark.parametrize(
    ("args", "attendu"),
    [
        (["absent.yaml", str(MQ), "--referentiel", "crte"], "absent.yaml"),
        ([str(COEUR), "absent/", "--referentiel", "crte"], "introuvable"),
        ([str(COEUR), str(MQ), "--referentiel", "inconnu"], "référentiel inconnu « inconnu »"),
        ([str(COEUR), str(MQ), "--referentiel", "crte", "-f", "xlsx"], "ajoutez -o"),
        ([str(COEUR), str(MQ), "--referentiel", "crte", "-f", "docx"], "ajoutez -o"),
        ([str(COEUR), str(MQ), "--referentiel", "crte", "--seuil", "0,5"], "de 0 à 100"),
        ([str(COEUR), str(MQ)], "option manquante : --referentiel"),
        ([str(COEUR)], "argument manquant"),
        ([str(MQ), str(MQ), "--referentiel", "crte"], "même document que MIEN"),
        ([str(COEUR), str(ROOT / "referentiels" / "crte.yaml"), "-r", "crte"], "champ inconnu"),
    ],
)
def test_mauvaises_entrees(args: list[str], attendu: str) -> None:
    from projterr.cli import main

    avant = _empreintes(COEUR, MQ)
    tampon = io.StringIO()
    sortie = io.StringIO()
    anciens = sys.stderr, sys.stdout
    sys.stderr, sys.stdout = tampon, sortie
    try:
        with pytest.raises(SystemExit) as fin:
            main(["benchmark", *args])
    finally:
        sys.stderr, sys.stdout = anciens
    assert fin.value.code == 2
    assert attendu in une_ligne_francaise(tampon.getvalue())
    assert _empreintes(COEUR, MQ) == avant


@pytest.mark.parametrize("fmt", ["markdown", "xlsx"])
def test_sortie_egale_a_une_entree_refusee(tmp_path: Path, fmt: str) -> None:
    mien, autre = tmp_path / "mien.yaml", tmp_path / "autre.yaml"
    shutil.copy(COEUR, mien)
    shutil.copy(MQ, autre)
    avant = _empreintes(mien, autre)
    for cible in (mien, autre):
        code, _, erreurs = _benchmark(str(mien), str(autre), "--referentiel", "crte",
                                      "-f", fmt, "-o", str(cible))  # fmt: skip
        assert code == 2
        assert "écraserait le fichier d'entrée" in une_ligne_francaise(erreurs)
    assert _empreintes(mien, autre) == avant


def test_sortie_dans_un_dossier_d_entree_refusee(tmp_path: Path) -> None:
    dossier = tmp_path / "autres"
    dossier.mkdir()
    shutil.copy(MQ, dossier / "mq.yaml")
    avant = _empreintes(dossier / "mq.yaml")
    code, _, erreurs = _benchmark(str(COEUR), str(dossier), "--referentiel", "crte",
                                  "-f", "markdown", "-o", str(dossier / "mq.yaml"))  # fmt: skip
    assert code == 2 and "écraserait" in une_ligne_francaise(erreurs)
    assert _empreintes(dossier / "mq.yaml") == avant


def test_referentiel_utilisateur(tmp_path: Path) -> None:
    ref = tmp_path / "mon-ref.yaml"
    ref.write_text(
        "titre: Mon référentiel\nsource: écrit pour le test\nthemes:\n"
        "  - code: sante\n    libelle: Santé\n    mots_cles: [santé, soins]\n"
        "  - code: velo\n    libelle: Vélo\n    mots_cles: [vélo, cyclable]\n",
        encoding="utf-8",
    )
    d = _json(str(MQ), str(COEUR), "--referentiel", str(ref))
    assert [ligne["libelle"] for ligne in d["couverture"]] == ["Santé", "Vélo", "Sans thème"]


def test_aide_sans_bibliotheques_lourdes() -> None:
    """`projterr benchmark --help` imports neither openpyxl, python-docx nor rapidfuzz."""
    code = (
        "import sys\nfrom projterr.cli import main\n"
        "try:\n    main(['benchmark', '--help'])\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('openpyxl', 'docx', 'rapidfuzz', 'rich') if m in sys.modules])"
    )
    sortie = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert sortie.strip().splitlines()[-1] == "[]"
    assert "--referentiel" in sortie and "Code de sortie" in sortie


def test_barre_de_progression_sur_un_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """On a terminal, reading a large folder shows a bar on stderr; stdout gets the report."""
    import importlib

    from projterr.cli import main

    commande = importlib.import_module("projterr.cli.benchmark")  # the module, not the command

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    dossier = tmp_path / "autres"
    dossier.mkdir()
    for k in range(3):
        shutil.copy(IO, dossier / f"isigny-{k}.yaml")
    flux, sortie = Terminal(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", flux)
    monkeypatch.setattr(sys, "stdout", sortie)
    monkeypatch.setattr(commande, "_GROS_DOSSIER", 2)
    with pytest.raises(SystemExit) as fin:
        main(["benchmark", str(MQ), str(dossier), "--referentiel", "crte"])
    assert fin.value.code == 0
    assert "lecture des documents" in flux.getvalue()
    assert "Couverture des thèmes" in sortie.getvalue()


def _dossier_de_territoires(dossier: Path, nombre: int) -> None:
    """``nombre`` documents, each the example of Isigny-Omaha under another territory name."""
    dossier.mkdir()
    texte = IO.read_text(encoding="utf-8")
    assert "  nom: Isigny-Omaha Intercom\n" in texte
    for k in range(nombre):
        (dossier / f"t{k:02d}.yaml").write_text(
            texte.replace("  nom: Isigny-Omaha Intercom\n", f"  nom: Territoire {k:02d}\n", 1),
            encoding="utf-8",
        )


def test_beaucoup_de_territoires_en_lignes(tmp_path: Path) -> None:
    import docx
    from openpyxl import load_workbook

    from projterr.render.benchmark.commun import TERRITOIRES_EN_COLONNES

    dossier = tmp_path / "autres"
    _dossier_de_territoires(dossier, TERRITOIRES_EN_COLONNES)  # mine + 8: one too many
    args = [str(MQ), str(dossier), "--referentiel", "crte"]
    d = _json(*args)
    noms = [t["nom"] for t in d["territoires"]]
    assert len(noms) == TERRITOIRES_EN_COLONNES + 1
    for fmt in ("html", "docx", "xlsx"):
        code, _, erreurs = _benchmark(*args, "-f", fmt, "-o", str(tmp_path / f"b.{fmt}"))
        assert code == 0, erreurs
    page = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert "territoires en lignes" in page
    assert len(re.findall(r"<g><title>", page)) == len(noms) * len(d["couverture"])
    table = docx.Document(str(tmp_path / "b.docx")).tables[0]
    assert [r.cells[0].text for r in table.rows[1:]] == [noms[0] + " (vous)", *noms[1:]]
    for k, ligne in enumerate(table.rows[1:]):
        attendus = [c["effectifs"][k] for c in d["couverture"]] + [d["territoires"][k]["actions"]]
        assert [int(c.text) for c in ligne.cells[1:]] == attendus
    feuille = load_workbook(tmp_path / "b.xlsx")["Couverture"]
    lignes = list(feuille.iter_rows(values_only=True))
    assert lignes[0][0] == "Territoire" and lignes[1][0] == noms[0] + " (vous)"
    assert list(lignes[2][1 : 1 + len(d["couverture"])]) == [
        c["effectifs"][1] for c in d["couverture"]
    ]


def test_fonctionnement_interne_des_autres_n_est_pas_une_piste() -> None:
    """« Le CODEV peut être missionné par le CS… », « les agents du PETR pourront… »: no other
    territory can adopt them. Left out and counted; --tout shows them."""
    d = _json(str(MQ), str(COEUR), "--referentiel", "crte", "--pistes", "0")
    textes = [p["texte"] for g in d["pistes"] for p in g["pistes"]]
    assert not any("CODEV peut être missionné" in t or "agents du PETR" in t for t in textes)
    ecartes = d["resume"]["fonctionnement_interne_ecarte"]
    assert ecartes >= 4
    tout = _json(str(MQ), str(COEUR), "--referentiel", "crte", "--pistes", "0", "--tout")
    textes_tout = [p["texte"] for g in tout["pistes"] for p in g["pistes"]]
    assert any("CODEV peut être missionné" in t for t in textes_tout)
    assert len(textes_tout) == len(textes) + ecartes
    assert tout["resume"]["fonctionnement_interne_ecarte"] == 0
    _, sortie, _ = _benchmark(str(MQ), str(COEUR), "--referentiel", "crte")
    sortie = " ".join(sortie.split())  # the terminal wraps long lines
    assert f"{ecartes} éléments du fonctionnement interne des autres structures" in sortie
    assert "--tout les montre" in sortie


def test_sans_theme_au_dela_du_tiers_un_autre_referentiel_est_propose() -> None:
    """Under crte, 46 of Cœur de Lorraine's 71 actions have no theme: the report says it and
    names the shipped référentiel that leaves the fewest without one."""
    d = _json(str(COEUR), str(MQ), "--referentiel", "crte")
    assert d["resume"]["part_sans_theme"] > 1 / 3
    suggestion = d["suggestion"]
    assert suggestion is not None and suggestion["referentiel"] != "crte"
    assert suggestion["part_sans_theme"] < d["resume"]["part_sans_theme"]
    # the one that leaves the fewest, checked against classify
    parts = {}
    for nom in ("pvd", "crte", "pcaet", "ort", "odd", "leader"):
        c = classer(_projet(COEUR), charger_referentiel(nom), charger_sigles())
        parts[nom] = (len(c.actions) - len(c.classees)) / len(c.actions)
    assert suggestion["referentiel"] == min(parts, key=parts.__getitem__)
    _, sortie, _ = _benchmark(str(COEUR), str(MQ), "--referentiel", "crte")
    assert f"avec --referentiel {suggestion['referentiel']}" in " ".join(sortie.split())
    # under the suggested one, nothing more to say
    d = _json(str(COEUR), str(MQ), "--referentiel", suggestion["referentiel"])
    assert d["suggestion"] is None


def test_un_appel_a_projets_est_nomme_comme_tel() -> None:
    d = _json(str(COEUR), str(ATELIER), "--referentiel", "crte")
    (atelier,) = [t for t in d["territoires"] if not t["mien"]]
    assert atelier["nom"].endswith(" — appel à projets, pas une stratégie")
