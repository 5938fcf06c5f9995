"""A corpus of bad inputs, each run through import, check, diff and export.

Every file here is one a chargé de mission could really be handed (an empty export, a
truncated download, a PDF renamed .docx, a protected Word file, a hostile archive, a YAML
written by hand with the wrong types…). Each must end with exit code 2 and one French line
that names the file, never a traceback, in bounded time; a bomb is refused, not expanded.
The files are made by the test (nothing binary is committed), in a session folder.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from fabrique_bureautique import contenu_odt, odt_brut
from fabrique_pdf import pdf_chiffre, pdf_du_texte, pdf_scanne
from projterr.cli import app

BON = Path(__file__).parents[1] / "examples" / "midi-quercy.yaml"
ENTETE = "schema: projterr/1\nterritoire: {nom: PETR test}\ndocument: {titre: Projet}\n"
DUREE_MAX = 20.0  # seconds, for the slowest file and command on a loaded CI machine

runner = CliRunner()


def _docx() -> bytes:
    document = docx.Document()
    document.add_heading("Axe 1 : Habiter", level=1)
    document.add_paragraph("Rénover les logements du centre-bourg.", style="List Bullet")
    tampon = io.BytesIO()
    document.save(tampon)
    return tampon.getvalue()


def _zip(parties: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w", compression) as z:
        for nom, contenu in parties.items():
            z.writestr(nom, contenu)
    return tampon.getvalue()


def _docx_modifie(partie: str, contenu: bytes | None) -> bytes:
    with zipfile.ZipFile(io.BytesIO(_docx())) as z:
        parties: dict[str, bytes | str] = {n: z.read(n) for n in z.namelist()}
    if contenu is None:
        del parties[partie]
    else:
        parties[partie] = contenu
    return _zip(parties)


def _odt() -> bytes:
    return odt_brut(
        contenu_odt(
            '<text:h text:outline-level="1">Axe 1 : Habiter</text:h>'
            "<text:list><text:list-item><text:p>Rénover les logements du centre-bourg.</text:p>"
            "</text:list-item></text:list>"
        )
    )


_MANIFESTE_CHIFFRE = (
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
    '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
    "</manifest:file-entry></manifest:manifest>"
)
_XXE = (
    '<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    "<office:document-content"
)


def _alias_bomb() -> str:
    lignes = [ENTETE.rstrip("\n"), 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for k in range(1, 12):
        lignes.append(f"a{k}: &a{k} [" + ", ".join([f"*a{k - 1}"] * 9) + "]")
    return "\n".join(lignes) + "\n"


def _arbre_profond(niveaux: int) -> str:
    lignes = [ENTETE.rstrip("\n"), "contenu:"]
    retrait = "  "
    for k in range(niveaux):
        lignes += [f"{retrait}- id: n{k}", f"{retrait}  type: axe", f"{retrait}  titre: t"]
        lignes.append(f"{retrait}  enfants:")
        retrait += "    "
    lignes[-1] += " []"
    return "\n".join(lignes) + "\n"


def _fiche(champ: str) -> str:
    return (
        ENTETE
        + "contenu:\n  - id: p1\n    type: pilier\n    titre: Un\n    actions:\n"
        + f"      - id: a1\n        texte: Créer une maison de santé\n        {champ}\n"
    )


Fabrique = Callable[[], bytes | str]

CORPUS: dict[str, Fabrique] = {
    # text
    "vide.txt": lambda: b"",
    "binaire.txt": lambda: bytes(range(256)) * 40,
    "octets-nuls.md": lambda: "Axe 1 : Habiter\n\x00\x00\x00- Rénover\n".encode(),
    "une-ligne-10-mo.txt": lambda: b"a" * 10_000_000,
    "image-png.txt": lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 500,
    "utf16-caracteres-nuls.txt": lambda: "Axe 1 : Habiter\n".encode("utf-16-le") + b"\x00" * 64,
    "ancien-word.doc": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000,
    "texte-nomme.odt": lambda: b"Axe 1 : Habiter\n",
    # YAML
    "yaml-vide.yaml": lambda: "# rien\n",
    "yaml-liste.yaml": lambda: "- une\n- liste\n",
    "yaml-bombe-alias.yaml": _alias_bomb,
    "yaml-imbrication-profonde.yaml": lambda: ENTETE + "x: " + "[" * 5000 + "]" * 5000 + "\n",
    "yaml-arbre-profond.yaml": lambda: _arbre_profond(600),
    "yaml-mauvais-types.yaml": lambda: (
        "schema: projterr/1\nterritoire: {nom: [1, 2]}\ndocument: 3\ncontenu: oui\n"
    ),
    "yaml-ids-en-double.yaml": lambda: (
        ENTETE
        + "contenu:\n  - {id: a, type: axe, titre: Un}\n  - {id: a, type: axe, titre: Deux}\n"
    ),
    "yaml-tabulation.yaml": lambda: ENTETE + "contenu:\n\t- id: a\n",
    "yaml-guillemet-ouvert.yaml": lambda: ENTETE.replace("titre: Projet", 'titre: "Projet'),
    "yaml-date-impossible.yaml": lambda: ENTETE.replace(
        "titre: Projet}", "titre: Projet, date: 2025-13-45}"
    ),
    "yaml-latin1.yaml": lambda: ENTETE.replace("Projet", "Projet d'été").encode("latin-1"),
    "yaml-schema-inconnu.yaml": lambda: ENTETE.replace("projterr/1", "projterr/9"),
    "yaml-statut-invalide.yaml": lambda: _fiche("statut: presque fini"),
    "yaml-montant-negatif.yaml": lambda: _fiche("budget: -5000"),
    "yaml-siret-faux.yaml": lambda: ENTETE.replace(
        "nom: PETR test}", "nom: PETR test, siret: '123'}"
    ),
    "yaml-binaire.yaml": lambda: b"\x00\x01\x02schema",
    # Word
    "texte-nomme.docx": lambda: b"Ceci n'est pas un document Word.\n",
    "tronque.docx": lambda: _docx()[:3000],
    "protege-par-mot-de-passe.docx": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000,
    "pdf-renomme.docx": lambda: pdf_du_texte("Axe 1 : Habiter\n- Rénover", "Plan"),
    "bombe-zip.docx": lambda: _zip(
        {"[Content_Types].xml": "<Types/>", "word/document.xml": b" " * (20 * 1024 * 1024)}
    ),
    "sans-document.docx": lambda: _docx_modifie("word/document.xml", None),
    "xml-casse.docx": lambda: _docx_modifie("word/document.xml", b"<w:document><w:body>"),
    "sans-texte.docx": lambda: _docx_modifie(
        "word/document.xml",
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p/></w:body></w:document>",
    ),
    "zip-quelconque.docx": lambda: _zip({"lisez-moi.txt": "bonjour"}),
    # PDF
    "vide.pdf": lambda: b"",
    "tronque.pdf": lambda: pdf_du_texte("Axe 1 : Habiter\n- Rénover les logements", "Plan")[:400],
    "scan-sans-texte.pdf": pdf_scanne,
    "chiffre.pdf": lambda: pdf_chiffre("Axe 1 : Habiter\n- Rénover les logements"),
    "binaire.pdf": lambda: bytes(range(256)) * 10,
    "word-nomme.pdf": _docx,
    "entete-seul.pdf": lambda: b"%PDF-1.7\n",
    # ODT
    "odt-tronque.odt": lambda: b"PK\x03\x04" + b"\x00" * 100,
    "odt-coupe-en-deux.odt": lambda: _odt()[: len(_odt()) // 2],
    "tableur-nomme.odt": lambda: odt_brut(
        contenu_odt("<table:table/>", genre="spreadsheet"),
        type_mime="application/vnd.oasis.opendocument.spreadsheet",
    ),
    "odt-chiffre.odt": lambda: odt_brut(bytes(range(256)) * 8, manifeste=_MANIFESTE_CHIFFRE),
    "odt-entite-externe.odt": lambda: odt_brut(
        contenu_odt("<text:p>Axe 1 : &xxe;</text:p>").replace("<office:document-content", _XXE, 1)
    ),
    "odt-bombe-zip.odt": lambda: odt_brut(contenu_odt("<text:p>x</text:p>") + " " * 20_000_000),
    "odt-xml-casse.odt": lambda: odt_brut("<office:document-content><office:body>"),
    "odt-sans-texte.odt": lambda: odt_brut(contenu_odt("<text:p/>")),
    "docx-nomme.odt": _docx,
    # others
    "tableur-ancien.xls": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 4000,
}


def ecrire_corpus(dossier: Path) -> None:
    """Every bad file of the corpus, written in ``dossier`` (also used by
    bench/bench_mauvais_fichiers.py)."""
    for nom, fabrique in CORPUS.items():
        contenu = fabrique()
        chemin = dossier / nom
        if isinstance(contenu, str):
            chemin.write_text(contenu, encoding="utf-8")
        else:
            chemin.write_bytes(contenu)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dossier = tmp_path_factory.mktemp("mauvais")
    ecrire_corpus(dossier)
    return dossier


def test_corpus_d_au_moins_quarante_fichiers() -> None:
    assert len(CORPUS) >= 40


COMMANDES: dict[str, Callable[[Path, Path], list[str]]] = {
    "import": lambda f, tmp: ["import", str(f), "-o", str(tmp / "sortie.yaml")],
    "check": lambda f, tmp: ["check", str(f)],
    "diff": lambda f, tmp: ["diff", str(f), str(BON)],
    "export": lambda f, tmp: ["export", str(f), "-o", str(tmp / "sortie.docx")],
}


@pytest.mark.parametrize("commande", list(COMMANDES))
@pytest.mark.parametrize("nom", list(CORPUS))
def test_une_ligne_en_francais_code_2(
    corpus: Path, tmp_path: Path, nom: str, commande: str
) -> None:
    fichier = corpus / nom
    avant = fichier.read_bytes()
    debut = time.perf_counter()
    resultat = runner.invoke(app, COMMANDES[commande](fichier, tmp_path))
    duree = time.perf_counter() - debut
    assert resultat.exit_code == 2, (resultat.exit_code, resultat.stdout[-300:], resultat.stderr)
    lignes = resultat.stderr.strip().splitlines()
    assert len(lignes) == 1, resultat.stderr
    assert lignes[0].startswith(f"projterr : {fichier}"), lignes[0]
    assert "Traceback" not in resultat.stderr and "erreur interne" not in resultat.stderr
    assert duree < DUREE_MAX, f"{nom} {commande} : {duree:.1f} s"
    assert fichier.read_bytes() == avant  # never modified
    assert not (tmp_path / "sortie.yaml").exists() and not (tmp_path / "sortie.docx").exists()
