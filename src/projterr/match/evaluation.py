"""Measuring ``match`` on hand-labelled pairs (``tests/data/match/paires.yaml``).

For each labelled pair (a, b), A's element is matched against the whole document of b, as
``projterr match`` would: the pair is *found at k* when b is among the k best candidates,
*found at the threshold* when it is also among the ``top`` shown with a score ≥ ``seuil``.

- rappel@3: share of positive pairs found at 3;
- rappel: share of positive pairs found at the threshold (default ``top`` and ``seuil``);
- précision (paires annotées): among labelled pairs (positive or negative) found at the
  threshold, the share of positives;
- précision stricte: among *all* pairs shown for the labelled elements of A, the share that
  are labelled positive — a lower bound, since an unlabelled proposal may be right.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from projterr.match.appariement import Apparieur, Paire, Poids
from projterr.match.corpus import Corpus, indexer
from projterr.match.elements import Element, elements_a_comparer
from projterr.match.plongements import Plongeur
from projterr.match.vocabulaire import Vocabulaire


@dataclass(frozen=True)
class Mesures:
    rappel_a_3: dict[str, float]  # per vocabulary half, and « tout »
    rappel: dict[str, float]
    effectifs: dict[str, int]
    precision_annotee: float
    precision_stricte: float
    manques: tuple[tuple[str, str, str, int | None], ...]  # (a, b, half, rank) missed at 3

    def to_dict(self) -> dict[str, Any]:
        return {
            "rappel_a_3": self.rappel_a_3,
            "rappel": self.rappel,
            "effectifs": self.effectifs,
            "precision_annotee": self.precision_annotee,
            "precision_stricte": self.precision_stricte,
        }


def evaluer(
    paires_yaml: Path,
    vocabulaire: Vocabulaire,
    seuil: float,
    top: int = 3,
    poids: Poids | None = None,
    plongeur: Plongeur | None = None,
) -> Mesures:
    from projterr.yamlio import charger_projet, charger_yaml

    donnees: Mapping[str, Any] = charger_yaml(paires_yaml)
    racine = paires_yaml.resolve().parents[3]  # tests/data/match/ → the repository
    elements: dict[str, dict[str, Element]] = {}
    apparieurs: dict[str, Apparieur] = {}
    for cle, fichier in donnees["documents"].items():
        liste = elements_a_comparer(charger_projet(racine / fichier))
        elements[cle] = {e.id: e for e in liste}
        corpus: Corpus = indexer(liste, vocabulaire)
        apparieurs[cle] = Apparieur(corpus, vocabulaire, poids, plongeur)

    classements: dict[tuple[str, str], list[Paire]] = {}

    def classement(a: str, doc_b: str) -> list[Paire]:
        if (a, doc_b) not in classements:
            doc_a, id_a = a.split("/", 1)
            element = elements[doc_a][id_a]
            apparieur = apparieurs[doc_b]
            profil = vocabulaire.signature(element.textes)
            classements[(a, doc_b)] = apparieur.scorer(
                element, apparieur.candidats(profil, element), profil
            )
        return classements[(a, doc_b)]

    def rang(a: str, b: str) -> tuple[int | None, bool]:
        doc_b, id_b = b.split("/", 1)
        paires = classement(a, doc_b)
        for i, p in enumerate(paires):
            if p.b.id == id_b:
                return i + 1, p.score >= seuil and i < top
        return None, False

    trouves3: dict[str, int] = defaultdict(int)
    trouves: dict[str, int] = defaultdict(int)
    effectifs: dict[str, int] = defaultdict(int)
    manques = []
    positives = set()
    for paire in donnees["paires"]:
        moitie = str(paire["vocabulaire"])
        positives.add((paire["a"], paire["b"]))
        r, montre = rang(paire["a"], paire["b"])
        for cle in (moitie, "tout"):
            effectifs[cle] += 1
            trouves3[cle] += r is not None and r <= 3
            trouves[cle] += montre
        if r is None or r > 3:
            manques.append((paire["a"], paire["b"], moitie, r))
    negatives_montrees = sum(rang(p["a"], p["b"])[1] for p in donnees["negatives"])
    positives_montrees = trouves["tout"]
    # every pair shown for the labelled elements of A, in the documents they are paired with
    montrees = {
        (a, f"{doc_b}/{p.b.id}")
        for (a, doc_b), paires in {(a, b.split("/")[0]): None for a, b in positives}.items()
        for p in classement(a, doc_b)[:top]
        if p.score >= seuil
    }
    return Mesures(
        {k: trouves3[k] / effectifs[k] for k in effectifs},
        {k: trouves[k] / effectifs[k] for k in effectifs},
        dict(effectifs),
        positives_montrees / (positives_montrees + negatives_montrees)
        if positives_montrees + negatives_montrees
        else 0.0,
        len(montrees & positives) / len(montrees) if montrees else 0.0,
        tuple(manques),
    )
