"""``show`` for the terminal: the strategy tree with counts, then the summary."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from projterr.libelles import compte, libelle, titre_libelle
from projterr.model import Noeud, Projet
from projterr.render.terminal import ecrire_tel_quel
from projterr.synthese import Citations, Synthese

LONGUEUR_ACTION = 120  # characters of an action text shown by --actions
SEPARATEUR = " · "


def rendre_arbre(
    console: Console,
    projet: Projet,
    synthese: Synthese,
    niveau: int | None = None,
    actions: bool = False,
) -> None:
    """Print the tree (cut at depth ``niveau``, 1 = top level) and the summary."""
    tree = arbre(projet, synthese, niveau=niveau, actions=actions)
    lignes = lignes_simples(tree)
    if lignes is None or not ecrire_tel_quel(console, lignes):
        console.print(tree)
    console.print()
    console.print(resume(synthese, projet.niveaux))


def arbre(
    projet: Projet, synthese: Synthese, niveau: int | None = None, actions: bool = False
) -> Tree:
    racine = Text(synthese.titre, style="bold")
    racine.append("\n")
    racine.append(_territoire(projet), style="dim")
    tree = Tree(racine, guide_style="dim")
    ordre = [*synthese.effectifs, "action"]
    for noeud in projet.contenu:
        _ajouter(tree, noeud, ordre, profondeur=1, niveau=niveau, actions=actions)
    return tree


# rich's default tree guides: (space, vertical, branch, last branch)
_GUIDES = ("    ", "│   ", "├── ", "└── ")


def lignes_simples(tree: Tree) -> list[str] | None:
    """The tree as rich draws it without colour, when every label below the root is one
    line (rich takes half a second to lay out the 1,100 levels of a large plan); None
    otherwise."""
    if not isinstance(tree.label, Text):
        return None
    lignes = tree.label.plain.split("\n")
    pile = [(tree.children, "")]
    while pile:
        enfants, prefixe = pile.pop()
        for i, enfant in enumerate(enfants):
            if not isinstance(enfant.label, Text) or "\n" in enfant.label.plain:
                return None
            dernier = i == len(enfants) - 1
            lignes.append(prefixe + _GUIDES[3 if dernier else 2] + enfant.label.plain)
            if enfant.children:
                # depth first: the rest of this level waits below the child's subtree
                pile.append((enfants[i + 1 :], prefixe))
                pile.append((enfant.children, prefixe + _GUIDES[0 if dernier else 1]))
                break
    return lignes


def _territoire(projet: Projet) -> str:
    t = projet.territoire
    details = [d for d in (t.type, f"département {t.departement}" if t.departement else None) if d]
    return t.nom + (f" ({', '.join(details)})" if details else "")


def _ajouter(
    parent: Tree,
    noeud: Noeud,
    ordre: list[str],
    profondeur: int,
    niveau: int | None,
    actions: bool,
) -> None:
    branche = parent.add(etiquette(noeud, ordre))
    if actions:  # a shown node shows its own actions, even at the cut depth
        for action in noeud.actions:
            texte = Text("• ", style="dim")
            if action.numero:
                texte.append(f"{action.numero} ")
            texte.append(tronquer(action.texte))
            branche.add(texte)
    if niveau is not None and profondeur >= niveau:
        return
    for enfant in noeud.enfants:
        _ajouter(branche, enfant, ordre, profondeur + 1, niveau, actions)


def etiquette(noeud: Noeud, ordre: list[str]) -> Text:
    """« Pilier 1 : Titre  3 objectifs stratégiques · 12 actions »."""
    texte = Text()
    texte.append(titre_libelle(noeud.type), style="bold")
    if noeud.numero:
        texte.append(f" {noeud.numero}", style="bold")
    texte.append(" : ")
    texte.append(noeud.titre)
    texte.append("  ")
    texte.append(effectifs_descendants(noeud, ordre), style="dim")
    return texte


def effectifs_descendants(noeud: Noeud, ordre: list[str]) -> str:
    """Counts of every descendant (not the node itself), actions always shown."""
    effectifs: Counter[str] = Counter()
    for parents, n in noeud.walk():
        if parents:
            effectifs[n.type] += 1
        effectifs["action"] += len(n.actions)
    types = [t for t in ordre if effectifs[t] and t != "action"]
    types += sorted(t for t in effectifs if t not in types and t != "action" and effectifs[t])
    return SEPARATEUR.join(compte(t, effectifs[t]) for t in [*types, "action"])


def tronquer(texte: str, longueur: int = LONGUEUR_ACTION) -> str:
    """Cut at a word boundary and end with « … » when longer than ``longueur``."""
    texte = " ".join(texte.split())
    if len(texte) <= longueur:
        return texte
    coupe = texte[: longueur - 1]
    espace = coupe.rfind(" ")
    if espace > longueur // 2:
        coupe = coupe[:espace]
    return coupe.rstrip(" ,;:.–-") + "…"


def resume(synthese: Synthese, niveaux: list[str]) -> Text:
    texte = Text("Synthèse", style="bold")
    effectifs = [compte(t, n) for t, n in synthese.effectifs.items()]
    texte.append("\n" + ", ".join([*effectifs, compte("action", synthese.actions)]) + ".")
    if synthese.par_racine:
        types = {r.type for r in synthese.par_racine}
        type_racine = types.pop() if len(types) == 1 else None
        nom = libelle(type_racine) if type_racine else "premier niveau"
        texte.append(f"\nActions par {nom} :")
        for r in synthese.par_racine:
            repere = r.numero or ""
            if type_racine is None:
                repere = f"{titre_libelle(r.type)} {repere}".strip()
            entete = f"{repere} – {r.titre}" if repere else r.titre
            texte.append(f"\n  {tronquer(entete, 80)} : {compte('action', r.actions)}")
    texte.append("\n")
    texte.append_text(_citations("Partenaires les plus cités", synthese.partenaires))
    texte.append("\n")
    texte.append_text(_citations("Dispositifs les plus cités", synthese.dispositifs))
    if synthese.non_classe:
        n = synthese.non_classe
        s = "s" if n > 1 else ""
        texte.append(f"\n{n} ligne{s} non classée{s} (voir « non_classe » dans le YAML).")
    return texte


def _citations(titre: str, citations: Citations) -> Text:
    texte = Text(titre)
    if not citations.noms:
        texte.append(" : aucun.")
        return texte
    texte.append(f" ({citations.libelle_origine})", style="dim")
    texte.append(
        " : " + ", ".join(f"{nom} ({compte('action', n)})" for nom, n in citations.noms) + "."
    )
    return texte
