"""The French summary that ``import`` prints on stderr."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from projterr.importers.resultat import ResultatImport
from projterr.libelles import compte


def compter(resultat: ResultatImport) -> Counter[str]:
    projet = resultat.projet
    effectifs: Counter[str] = Counter(n.type for _, n in projet.noeuds())
    effectifs["action"] = sum(1 for _ in projet.actions())
    return effectifs


def resume_import(resultat: ResultatImport, fichier: Path, sortie: Path | None) -> str:
    projet = resultat.projet
    effectifs = compter(resultat)
    ordre = [*projet.niveaux, "action"]
    parties = [compte(t, effectifs[t]) for t in ordre if effectifs[t] or t == "action"]
    lignes = []
    profil = f" (profil « {resultat.profil} »)" if resultat.profil else ""
    lignes.append(f"Import de {fichier.name}{profil} : " + ", ".join(parties) + ".")
    for remarque in resultat.remarques:
        lignes.append(f"Remarque : {remarque}.")
    n = len(projet.non_classe)
    if n:
        raisons = Counter(nc.raison or "non reconnue" for nc in projet.non_classe)
        detail = ", ".join(f"{k} : {v}" for k, v in raisons.most_common())
        pluriel = "s" if n > 1 else ""
        lignes.append(
            f"{n} ligne{pluriel} non classée{pluriel} ({detail}), conservée{pluriel} dans "
            f"« non_classe »."
        )
    else:
        lignes.append("Aucune ligne non classée.")
    if resultat.etiquettes:
        vues = sorted({e.texte for e in resultat.etiquettes})
        lignes.append(f"Étiquettes de structure reconnues : {', '.join(vues)}.")
    if sortie:
        lignes.append(f"Écrit dans {sortie}.")
    return "\n".join(lignes) + "\n"
