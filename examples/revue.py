"""Build the examples: import each source, then apply the review in sources/revue.yaml.

    python examples/revue.py            # rewrite the examples
    python examples/revue.py --verifier # exit 1 if an example differs from what it would write

The review is what a chargée de mission adds by hand after an import: metadata, and the
partners and dispositifs that the action texts name (found here by whole-word, case- and
accent-insensitive search, so the lists stay the reviewed source of truth).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from projterr.importers import importer_fichier
from projterr.model import Document, Projet, Territoire
from projterr.normalize import sans_accents
from projterr.yamlio import charger_yaml, projet_vers_yaml

ICI = Path(__file__).resolve().parent


def _motif(nom: str) -> re.Pattern[str]:
    cle = re.escape(sans_accents(nom).casefold()).replace("\\'", "['’]")
    return re.compile(rf"(?<!\w){cle}(?!\w)")


def _noms(entrees: list[Any]) -> list[tuple[str, list[re.Pattern[str]]]]:
    """Each canonical name with the patterns that find it (itself and its synonyms)."""
    noms = []
    for entree in entrees or []:
        if isinstance(entree, dict):
            for nom, synonymes in entree.items():
                autres = synonymes if isinstance(synonymes, list) else [synonymes]
                noms.append((nom, [_motif(nom), *(_motif(s) for s in autres)]))
        else:
            noms.append((str(entree), [_motif(str(entree))]))
    return noms


def _trouves(texte: str, noms: list[tuple[str, list[re.Pattern[str]]]]) -> list[str]:
    cle = sans_accents(texte).casefold()
    return [nom for nom, motifs in noms if any(m.search(cle) for m in motifs)]


def reviser(projet: Projet, revue: dict[str, Any]) -> Projet:
    territoire = {**projet.territoire.model_dump(exclude_none=True), **revue.get("territoire", {})}
    projet.territoire = Territoire.model_validate(territoire)
    document = projet.document.model_dump(exclude_none=True)
    document.update(revue.get("document", {}))
    projet.document = Document.model_validate(document)
    del projet.preambule[: revue.get("preambule_retire", 0)]
    partenaires = _noms(revue.get("partenaires", []))
    dispositifs = _noms(revue.get("dispositifs", []))
    for _, action in projet.actions():
        texte = " ".join([action.texte, *action.sous_points])
        action.partenaires = _trouves(texte, partenaires)
        action.dispositifs = _trouves(texte, dispositifs)
    return projet


def construire() -> dict[Path, str]:
    revues = charger_yaml(ICI / "sources" / "revue.yaml")["exemples"]
    sorties = {}
    for nom, revue in revues.items():
        projet = importer_fichier(ICI / "sources" / revue["source"]).projet
        entete = (
            f"# Exemple projterr : sources/{revue['source']} importé puis relu "
            "(sources/revue.yaml).\n"
            "# Fichier produit par `python examples/revue.py` : "
            "modifiez la relecture, pas ce fichier.\n"
        )
        sorties[ICI / nom] = entete + projet_vers_yaml(reviser(projet, revue))
    return sorties


def main() -> int:
    verifier = "--verifier" in sys.argv
    differents = []
    for chemin, texte in construire().items():
        if verifier:
            if not chemin.exists() or chemin.read_text(encoding="utf-8") != texte:
                differents.append(chemin.name)
        else:
            chemin.write_text(texte, encoding="utf-8")
            print(f"écrit : {chemin.relative_to(ICI.parent)}")
    if differents:
        print("exemples à régénérer : " + ", ".join(differents), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
