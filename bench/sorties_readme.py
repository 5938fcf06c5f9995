"""Fingerprints of what every README command writes on the shipped examples, to prove that a
refactoring changed nothing a user sees (issue 23).

    python bench/sorties_readme.py entrees DOSSIER            # build the inputs once
    python bench/sorties_readme.py empreintes DOSSIER A.json  # run every command, fingerprint
    python bench/sorties_readme.py comparer A.json B.json     # exit 1 if anything differs

The inputs are the shipped examples and sources plus documents made the way users make them
(Word, LibreOffice, PDF, Territoires en Transitions workbooks, fiches), built once by the test
fabricators so that the two runs read the same bytes. Each command's exit code, stdout and
stderr are fingerprinted, and every file it writes: text as is, Word, Excel and ODT archives
member by member (XML parts compared without their creation and modification timestamps).

Run `empreintes` once with the old code (`PYTHONPATH=old/src`) and once with the new one,
then `comparer`: a redesign that keeps behaviour gives « 0 différence ».
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
EXEMPLES = RACINE / "examples"
TESTS = RACINE / "tests"

# What changes from one run to the next by design: the archive's timestamps, the date of each
# tracked change, and so the fingerprint of a Word file that projterr wrote and then reads back.
_HORODATAGE = re.compile(rb"<(dcterms:(?:created|modified))[^>]*>[^<]*</\1>|w:date=\"[^\"]*\"")
_EMPREINTE_RELUE = re.compile(rb"sha256:[0-9a-f]{64}")


def entrees(dossier: Path) -> None:
    """Copy the examples and fixtures and build the office documents once."""
    sys.path.insert(0, str(TESTS))
    from classeurs_tet import export_plateforme, modele_public, plan_realiste
    from fabrique_bureautique import docx_du_plan, odt_du_plan, plan_du_texte
    from fabrique_pdf import pdf_de_fiches, pdf_du_texte

    if dossier.exists():
        shutil.rmtree(dossier)
    shutil.copytree(EXEMPLES, dossier / "examples", ignore=shutil.ignore_patterns("*.py"))
    for sous in ("data", "fixtures"):
        shutil.copytree(TESTS / sous, dossier / sous)
    fab = dossier / "fabriques"
    fab.mkdir()
    for source in sorted((EXEMPLES / "sources").glob("*.txt")):
        texte = source.read_text(encoding="utf-8")
        plan = plan_du_texte(texte)
        (fab / f"{source.stem}.docx").write_bytes(docx_du_plan(plan, francais=True))
        (fab / f"{source.stem}.odt").write_bytes(odt_du_plan(plan, francais=True))
        (fab / f"{source.stem}.pdf").write_bytes(pdf_du_texte(texte, source.stem))
    fiches = (TESTS / "data" / "autres-territoires" / "crte-fiches.txt").read_text(encoding="utf-8")
    (fab / "crte-fiches.pdf").write_bytes(pdf_de_fiches(fiches, "CRTE"))
    (fab / "plan-realiste.xlsx").write_bytes(plan_realiste())
    (fab / "modele-public.xlsx").write_bytes(modele_public())
    (fab / "export-plateforme.xlsx").write_bytes(export_plateforme())
    print(f"entrées écrites dans {dossier}")


def _commandes(dossier: Path) -> list[list[str]]:
    ex = "examples/"
    coeur, ancien = (
        ex + "coeur-de-lorraine_2025.yaml",
        ex + "coeur-de-lorraine_2019-illustratif.yaml",
    )
    midi, isigny, atelier = (
        ex + "midi-quercy.yaml",
        ex + "isigny-omaha_pvd.yaml",
        ex + "atelier-des-territoires_2023.yaml",
    )
    cls = ex + "coeur-de-lorraine_cls.yaml"
    seance = ex + "seances/coeur-de-lorraine_2025-illustratif.yaml"
    c: list[list[str]] = [
        ["show", coeur],
        ["show", coeur, "--niveau", "2"],
        ["show", midi],
        ["diff", ancien, coeur],
        ["diff", ancien, coeur, "-f", "markdown"],
        ["diff", ancien, coeur, "-f", "json"],
        ["diff", ancien, coeur, "-f", "html", "-o", "changements.html"],
        [
            "diff",
            ancien,
            coeur,
            "-f",
            "docx",
            "-o",
            "redline.docx",
            "--auteur",
            "PETR Cœur de Lorraine",
        ],
        ["diff", "data/diff/fiches/crte-2024.yaml", "data/diff/fiches/crte-2024.yaml"],
        ["export", coeur, "-o", "projet.docx"],
        ["export", coeur, "-o", "plan.xlsx"],
        ["export", midi, "-o", "midi.docx"],
        ["export", cls, "-o", "cls.docx"],
        [
            "export",
            coeur,
            "--deliberation",
            "--seance",
            seance,
            "--ancien",
            ancien,
            "--scdl",
            "delib.csv",
            "-o",
            "cs-2025.docx",
        ],
        ["import", "projet.docx", "-o", "coeur-relu.yaml"],
        ["import", "redline.docx", "-o", "redline-relu.yaml"],
        ["import", "cs-2025.docx", "-o", "cs-relu.yaml"],
        ["import", "plan.xlsx", "-o", "plan-relu.yaml"],
        ["diff", coeur, "coeur-relu.yaml"],
        ["schema"],
        ["schema", "--seance"],
        ["profils"],
        ["profils", "--details"],
        ["referentiels"],
        ["referentiels", "pvd"],
        ["classify", coeur, "--referentiel", "pvd"],
        ["classify", midi, "--referentiel", "odd"],
        ["match", coeur, midi],
        ["match", coeur, midi, "-f", "json"],
        ["match", coeur, midi, "--un-pour-un", "-f", "markdown"],
        ["match", coeur, ex, "--index", "autres.idx", "-f", "html", "-o", "pistes.html"],
        ["match", coeur, midi, "-f", "xlsx", "-o", "pistes.xlsx"],
        ["benchmark", coeur, midi, isigny, "--referentiel", "crte"],
        [
            "benchmark",
            midi,
            coeur,
            isigny,
            atelier,
            "--referentiel",
            "crte",
            "-f",
            "html",
            "-o",
            "benchmark.html",
        ],
        ["benchmark", coeur, ex, "--referentiel", "pvd", "-f", "docx", "-o", "benchmark.docx"],
        ["benchmark", coeur, ex, "--referentiel", "pvd", "-f", "xlsx", "-o", "benchmark.xlsx"],
        [
            "check",
            *sorted(str(p.relative_to(dossier)) for p in (dossier / "examples").glob("*.yaml")),
        ],
        ["check", "fixtures/yaml/coeur-2025-commente.yaml"],
        ["import", "inexistant.docx"],
    ]
    lus = sorted(
        [p for p in (dossier / "examples" / "sources").glob("*.txt")]
        + [p for p in (dossier / "fabriques").iterdir()]
        + [p for p in (dossier / "fixtures" / "libreoffice").iterdir() if p.suffix != ".md"]
        + [p for p in (dossier / "data" / "word-edite").glob("*.docx")]
        + [
            p
            for p in (dossier / "data" / "autres-territoires").rglob("*")
            if p.suffix in (".txt", ".md")
        ]
        + [dossier / "data" / "autres-territoires" / "pcaet-fiches"]
    )
    for k, p in enumerate(lus):
        c.append(["import", str(p.relative_to(dossier)), "-o", f"lu-{k:02d}.yaml"])
    return c


def _empreinte_fichier(chemin: Path) -> str:
    donnees = chemin.read_bytes()
    if chemin.suffix in (".docx", ".xlsx", ".odt") and zipfile.is_zipfile(io.BytesIO(donnees)):
        h = hashlib.sha256()
        with zipfile.ZipFile(io.BytesIO(donnees)) as zf:
            for nom in sorted(zf.namelist()):
                h.update(nom.encode() + b"\0" + _HORODATAGE.sub(b"", zf.read(nom)) + b"\0")
        return "zip:" + h.hexdigest()
    return hashlib.sha256(_EMPREINTE_RELUE.sub(b"sha256:-", donnees)).hexdigest()


def empreintes(dossier: Path, sortie: Path) -> None:
    travail = dossier.parent / (dossier.name + "-travail")
    if travail.exists():
        shutil.rmtree(travail)
    shutil.copytree(dossier, travail)
    avant = {p for p in travail.rglob("*") if p.is_file()}
    env = {**os.environ, "COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1", "LANG": "C.UTF-8"}
    resultats: dict[str, str] = {}
    for cmd in _commandes(travail):
        r = subprocess.run(
            [sys.executable, "-m", "projterr", *cmd], cwd=travail, env=env, capture_output=True
        )
        cle = " ".join(cmd)
        sorties = str(r.returncode).encode() + b"\0" + r.stdout + b"\0" + r.stderr
        resultats[cle] = hashlib.sha256(_EMPREINTE_RELUE.sub(b"sha256:-", sorties)).hexdigest()
        (travail / ".sorties").mkdir(exist_ok=True)
        n = len(resultats)
        (travail / ".sorties" / f"{n:03d}.txt").write_bytes(
            f"$ projterr {cle}\n[{r.returncode}]\n".encode()
            + r.stdout
            + b"\n--- stderr\n"
            + r.stderr
        )
    for p in sorted(travail.rglob("*")):
        if p.is_file() and p not in avant and ".sorties" not in p.parts:
            resultats["fichier " + str(p.relative_to(travail))] = _empreinte_fichier(p)
    sortie.write_text(json.dumps(resultats, indent=1, ensure_ascii=False), encoding="utf-8")
    print(
        f"{len(resultats)} empreintes écrites dans {sortie}"
        f" (sorties en clair : {travail / '.sorties'})"
    )


def comparer(a: Path, b: Path) -> int:
    ea, eb = (json.loads(p.read_text(encoding="utf-8")) for p in (a, b))
    differences = [k for k in sorted(set(ea) | set(eb)) if ea.get(k) != eb.get(k)]
    for k in differences:
        print(f"diffère : {k}")
    print(f"{len(ea)} sorties comparées, {len(differences)} différence(s)")
    return 1 if differences else 0


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["entrees"] and len(args) == 2:
        entrees(Path(args[1]))
        return 0
    if args[:1] == ["empreintes"] and len(args) == 3:
        empreintes(Path(args[1]).resolve(), Path(args[2]))
        return 0
    if args[:1] == ["comparer"] and len(args) == 3:
        return comparer(Path(args[1]), Path(args[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
