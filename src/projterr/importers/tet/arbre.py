"""The rows read, into the tree: axes, sous-axes and fiches, with the ids, types and metadata
the hidden « projterr » sheet gives back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from projterr.ids import Identifiants
from projterr.importers.tet.classeur import erreur_ligne
from projterr.importers.tet.colonnes import FEUILLE_PROJTERR, MARQUE_SUITE, decouper_axe
from projterr.importers.tet.modele import LecturePlan, LigneDuPlan
from projterr.model import (
    Action,
    Document,
    Noeud,
    NonClasse,
    Projet,
    Territoire,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


def construire_arbre(
    lecture: LecturePlan, ws: Worksheet, nom: str, ids: Identifiants
) -> list[Noeud]:
    meta = lecture.meta or {}
    meta_noeuds: dict[tuple[str, ...], dict[str, Any]] = {}
    for m in meta.get("noeuds", []):
        meta_noeuds.setdefault(tuple(m["chemin"]), m)
    meta_actions = {
        (tuple(m["chemin"]), m["titre"], m.get("sous_titre", "")): m
        for m in meta.get("actions", [])
    }
    types = ["axe", "sous_axe", "sous_sous_axe"]

    chemins = list(dict.fromkeys(c for c in (tuple(c) for c in meta.get("ordre", []))))
    chemins = [c for c in chemins if c in meta_noeuds]
    deja = set(chemins)
    chemins += [c for c in lecture.chemins if c not in deja]
    noeuds: dict[tuple[str, ...], Noeud] = {}
    racines: list[Noeud] = []
    for chemin in chemins:
        parent = noeuds.get(chemin[:-1]) if len(chemin) > 1 else None
        if len(chemin) > 1 and parent is None:
            # A level of the projterr sheet whose parent was renamed or deleted in the plan.
            for paragraphe in meta_noeuds.get(chemin, {}).get("description", []):
                lecture.non_classe.append(
                    NonClasse(
                        ligne=2,
                        texte=paragraphe,
                        raison=f"description du niveau « {chemin[-1][:60]} », dont le parent "
                        "a changé dans le plan",
                        position=f"onglet « {FEUILLE_PROJTERR} »",
                    )
                )
            continue
        m = meta_noeuds.get(chemin)
        if m:
            noeud = Noeud.model_validate({k: v for k, v in m.items() if k != "chemin"})
        else:
            numero, titre = decouper_axe(chemin[-1])
            type_ = types[min(len(chemin), 3) - 1]
            noeud = Noeud(
                id=ids.noeud(type_, titre, numero, parent.id if parent else ""),
                type=type_,
                numero=numero,
                titre=titre,
            )
        noeuds[chemin] = noeud
        (parent.enfants if parent else racines).append(noeud)

    actions: dict[tuple[tuple[str, ...], str], tuple[int, Action]] = {}
    sous: list[LigneDuPlan] = []
    sans_axe: list[Action] = []
    for ligne in lecture.lignes:
        if ligne.sous_titre:
            sous.append(ligne)
            continue
        cle = (ligne.chemin, ligne.titre)
        if cle in actions:
            lieu = f"sous l'axe « {ligne.chemin[-1]} »" if ligne.chemin else "hors axe"
            raise erreur_ligne(
                ws,
                nom,
                ligne.numero,
                f"l'action « {ligne.titre[:60]} » figure deux fois {lieu} (lignes "
                f"{actions[cle][0]} et {ligne.numero})",
            )
        parent_id = noeuds[ligne.chemin].id if ligne.chemin else ""
        action = _action(ligne, False, meta_actions, ids, parent_id)
        actions[cle] = (ligne.numero, action)
        if ligne.chemin:
            noeuds[ligne.chemin].actions.append(action)
        else:
            sans_axe.append(action)
    vus: dict[tuple[tuple[str, ...], str, str], int] = {}
    for ligne in sous:
        trouve = actions.get((ligne.chemin, ligne.titre))
        if trouve is None:
            lieu = f"sous l'axe « {ligne.chemin[-1]} »" if ligne.chemin else "hors axe"
            raise erreur_ligne(
                ws,
                nom,
                ligne.numero,
                f"sous-action « {ligne.sous_titre[:60]} » orpheline : aucune ligne d'action "
                f"« {ligne.titre[:60]} » {lieu} avec la colonne E vide",
            )
        cle_sous = (ligne.chemin, ligne.titre, ligne.sous_titre)
        if cle_sous in vus:
            raise erreur_ligne(
                ws,
                nom,
                ligne.numero,
                f"la sous-action « {ligne.sous_titre[:60]} » figure deux fois (lignes "
                f"{vus[cle_sous]} et {ligne.numero})",
            )
        vus[cle_sous] = ligne.numero
        fiche = trouve[1]
        fiche.sous_actions.append(_action(ligne, True, meta_actions, ids, fiche.id))
    _champs_orphelins(lecture, meta_actions)
    if sans_axe:
        noeud = Noeud(id="sans-axe", type="section", titre="Fiches sans axe", actions=sans_axe)
        racines.append(noeud)
        lecture.remarques.append(
            f"{len(sans_axe)} fiche(s) sans axe rangée(s) sous « Fiches sans axe »"
        )
    return racines


def _champs_orphelins(
    lecture: LecturePlan, restes: dict[tuple[tuple[str, ...], str, str], dict[str, Any]]
) -> None:
    """Fields kept in the projterr sheet for an action whose row was edited or deleted since
    the export: set aside, never dropped."""
    for (_, titre, sous_titre), m in restes.items():
        if not m.get("champs"):
            continue
        lecture.non_classe.append(
            NonClasse(
                ligne=2,
                texte=json.dumps(m["champs"], ensure_ascii=False),
                raison=f"champs projterr de l'action « {(sous_titre or titre)[:60]} », dont la "
                "ligne a été modifiée ou supprimée",
                position=f"onglet « {FEUILLE_PROJTERR} »",
            )
        )
        lecture.remarques.append(
            f"l'action « {(sous_titre or titre)[:60]} » de l'onglet projterr n'a plus de ligne "
            "dans le plan : ses champs sans colonne sont dans non_classe"
        )


def _action(
    ligne: LigneDuPlan,
    est_sous_action: bool,
    meta_actions: dict[tuple[tuple[str, ...], str, str], dict[str, Any]],
    ids: Identifiants,
    parent_id: str,
) -> Action:
    champs = dict(ligne.champs)
    description = list(champs.get("description", []))
    titre = ligne.sous_titre if est_sous_action else ligne.titre
    texte = titre
    if titre.endswith("…") and description and description[0].startswith(MARQUE_SUITE):
        texte = titre[:-1] + description[0][len(MARQUE_SUITE) :]
        description = description[1:]
    if "description" in champs:
        champs["description"] = description
    m = meta_actions.pop(
        (ligne.chemin, ligne.titre, ligne.sous_titre if est_sous_action else ""), None
    )
    extra = dict(m.get("champs", {})) if m else {}
    # A list or text the cell cannot carry exactly (an item with a comma, a paragraph with a
    # line break): the exact value, as long as the cell still reads as it was written.
    for nom_champ, (cellule, valeur) in (m.get("exacts", {}) if m else {}).items():
        if ligne.cellules.get(nom_champ) == cellule:
            extra[nom_champ] = valeur
    id_ = m["id"] if m and "id" in m else ids.action(texte, parent_id)
    numero = m.get("numero") if m else None
    return Action.model_validate({"id": id_, "numero": numero, "texte": texte, **champs, **extra})


def projet_du_plan(lecture: LecturePlan, contenu: list[Noeud], nom: str) -> Projet:
    meta = lecture.meta or {}
    base = dict(meta.get("projet", {}))
    base.setdefault("territoire", {"nom": "(territoire à compléter)"})
    base.setdefault("document", {"titre": Path(nom).stem, "type": "autre"})
    niveaux = base.pop("niveaux", None)
    non_classe = [NonClasse.model_validate(n) for n in base.pop("non_classe", [])]
    projet = Projet(
        territoire=Territoire.model_validate(base.pop("territoire")),
        document=Document.model_validate(base.pop("document")),
        niveaux=[],
        contenu=contenu,
        non_classe=[*non_classe, *lecture.non_classe],
        **base,
    )
    if niveaux is not None:
        projet.niveaux = niveaux
    else:
        vus: dict[str, int] = {}
        for parents, n in projet.noeuds():
            vus.setdefault(n.type, len(parents))
        projet.niveaux = sorted(vus, key=lambda t: vus[t])
    return projet
