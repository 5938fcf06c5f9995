"""End to end through the CLI, as a user waits: process start to exit, and peak memory.

    python bench/bench_commandes.py                  # the targets below, 3 runs each
    python bench/bench_commandes.py --essais 5 --documents 200

Builds, in a temporary folder (or ``--dossier``, kept for the next run):

- two documents of 10,000 actions with full fiches, a revision of one another (the
  generator of ``bench_diff.py``, written by projterr itself: 22 MB of YAML each);
- a folder of 1,000 documents of 100 actions whose texts are the examples' actions with
  words dropped and a made-up place added (the generator of ``bench_match.py``), and one more
  such document as « mine ».

Then runs each command in its own process, output to /dev/null, and prints min / median /
max seconds and the largest peak memory. Targets (issue 19): ``diff`` of the two large
documents ≤ 5 s and < 1 GB; ``show`` of one ≤ 2 s; ``benchmark`` of one document against
the folder of 1,000 ≤ 30 s.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_diff import document, revision
from bench_match import _synthetique, _textes_exemples

from projterr.ids import Identifiants
from projterr.model import Action, Document, Noeud, Projet, Territoire
from projterr.yamlio import ecrire_projet

# the installed command, as a user runs it (its start-up included)
_SCRIPT = Path(sys.executable).parent / "projterr"
PROJTERR = (
    [str(_SCRIPT)]
    if _SCRIPT.exists()
    else [sys.executable, "-c", "from projterr.cli import main; main()"]
)
CIBLES: dict[str, float | None] = {"show": 2.0, "diff": 5.0, "import": None, "benchmark": 30.0}


def petit_document(base: list[str], graine: int, n_actions: int = 100) -> Projet:
    """A territory's plan: 2 piliers × 5 objectifs × ``n_actions / 10`` actions."""
    rng = random.Random(graine)
    ids = Identifiants()
    par_objectif = max(1, n_actions // 10)
    piliers = []
    for p in range(1, 3):
        objectifs = []
        for o in range(1, 6):
            titre = _synthetique(base, rng)
            actions = []
            for _ in range(par_objectif):
                texte = _synthetique(base, rng)
                actions.append(Action(id=ids.action(texte, titre), texte=texte))
            objectifs.append(
                Noeud(
                    id=ids.noeud("objectif_strategique", titre),
                    type="objectif_strategique",
                    numero=f"{p}.{o}",
                    titre=titre,
                    actions=actions,
                )
            )
        titre = _synthetique(base, rng)
        piliers.append(
            Noeud(
                id=ids.noeud("pilier", titre),
                type="pilier",
                numero=str(p),
                titre=titre,
                enfants=objectifs,
            )
        )
    return Projet(
        territoire=Territoire(nom=f"Territoire {graine}", type="PETR"),
        document=Document(titre=f"Projet de territoire {graine}"),
        niveaux=["pilier", "objectif_strategique"],
        contenu=piliers,
    )


def preparer(dossier: Path, n_documents: int) -> None:
    dossier.mkdir(parents=True, exist_ok=True)
    if not (dossier / "nouveau.yaml").exists():
        ancien, textes = document(10_000)
        nouveau, _ = revision(ancien, textes)
        ecrire_projet(ancien, dossier / "ancien.yaml")
        ecrire_projet(nouveau, dossier / "nouveau.yaml")
    autres = dossier / f"autres-{n_documents}"
    if not autres.is_dir() or len(list(autres.glob("*.yaml"))) != n_documents:
        shutil.rmtree(autres, ignore_errors=True)
        autres.mkdir()
        base = _textes_exemples()
        for k in range(1, n_documents + 1):
            ecrire_projet(petit_document(base, k), autres / f"territoire-{k:04}.yaml")
        ecrire_projet(petit_document(base, 0), dossier / "mien.yaml")


def mesurer(arguments: list[str], essais: int) -> tuple[list[float], float]:
    """Seconds of each run and the largest peak memory (MB) of the process."""
    durees = []
    pic = 0.0
    for _ in range(essais):
        debut = time.perf_counter()
        processus = subprocess.Popen(
            [*PROJTERR, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        _, statut, usage = os.wait4(processus.pid, 0)
        durees.append(time.perf_counter() - debut)
        code = os.waitstatus_to_exitcode(statut)
        erreurs = processus.stderr.read().decode() if processus.stderr else ""
        if code > 1:
            raise SystemExit(f"projterr {' '.join(arguments)} : code {code}\n{erreurs}")
        pic = max(pic, usage.ru_maxrss / 1024)  # kilobytes on Linux
    return durees, pic


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--essais", type=int, default=3)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--dossier", type=Path, help="where to keep the generated documents")
    parser.add_argument(
        "--commandes", default="show,diff,import,benchmark", help="commands, comma-separated"
    )
    args = parser.parse_args()
    temporaire = None
    if args.dossier is None:
        temporaire = tempfile.TemporaryDirectory(prefix="projterr-bench-")
        args.dossier = Path(temporaire.name)
    try:
        debut = time.perf_counter()
        preparer(args.dossier, args.documents)
        print(f"documents prêts en {time.perf_counter() - debut:.1f} s dans {args.dossier}")
        d = args.dossier
        commandes = {
            "show": ["show", str(d / "ancien.yaml")],
            "diff": ["diff", str(d / "ancien.yaml"), str(d / "nouveau.yaml")],
            # read and written again: the YAML writer's speed, end to end
            "import": ["import", str(d / "ancien.yaml"), "-o", str(d / "reecrit.yaml"), "--force"],
            "benchmark": [
                "benchmark",
                str(d / "mien.yaml"),
                str(d / f"autres-{args.documents}"),
                "--referentiel",
                "crte",
            ],
        }
        choisies = [c.strip() for c in args.commandes.split(",") if c.strip()]
        for nom, arguments in commandes.items():
            if nom not in choisies:
                continue
            durees, pic = mesurer(arguments, args.essais)
            cible = CIBLES[nom]
            if cible is None:
                verdict = "pas de cible"
            else:
                atteinte = "ok" if max(durees) <= cible else "AU-DELÀ DE LA CIBLE"
                verdict = f"cible ≤ {cible:g} s : {atteinte}"
            print(
                f"{nom:<10} min {min(durees):6.2f} s  médiane {statistics.median(durees):6.2f} s"
                f"  max {max(durees):6.2f} s  mémoire max {pic:6.0f} Mo  ({verdict})"
            )
    finally:
        if temporaire is not None:
            temporaire.cleanup()


if __name__ == "__main__":
    main()
