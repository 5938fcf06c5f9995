"""French labels for node types and counts, shared by every renderer."""

from __future__ import annotations

from projterr.champs_fiche import CHAMPS_FICHE

_LIBELLES = {
    "section": ("section", "sections"),
    "pilier": ("pilier", "piliers"),
    "axe": ("axe", "axes"),
    "sous_axe": ("sous-axe", "sous-axes"),  # Territoires en Transitions' levels
    "sous_sous_axe": ("sous-sous-axe", "sous-sous-axes"),
    "defi": ("défi", "défis"),
    "orientation": ("orientation", "orientations"),
    "finalite": ("finalité", "finalités"),
    "thematique": ("thématique", "thématiques"),
    "theme": ("thème", "thèmes"),
    "objectif_strategique": ("objectif stratégique", "objectifs stratégiques"),
    "objectif_operationnel": ("objectif opérationnel", "objectifs opérationnels"),
    "territoire_laureat": ("territoire lauréat", "territoires lauréats"),
    "action": ("action", "actions"),
    # kinds of change reported by diff
    "ajout": ("ajout", "ajouts"),
    "suppression": ("suppression", "suppressions"),
    "deplacement": ("déplacement", "déplacements"),
    "modification": ("modification", "modifications"),
    "renumerotation": ("renumérotation", "renumérotations"),
}


def libelle(type_: str, nombre: int = 1) -> str:
    """``libelle("objectif_strategique", 2)`` → ``"objectifs stratégiques"``."""
    singulier, pluriel = _LIBELLES.get(
        type_, (type_.replace("_", " "), type_.replace("_", " ") + "s")
    )
    return singulier if nombre <= 1 else pluriel


def compte(type_: str, nombre: int) -> str:
    """``compte("pilier", 4)`` → ``"4 piliers"`` (French: 0 and 1 take the singular)."""
    return f"{nombre} {libelle(type_, nombre)}"


def titre_libelle(type_: str) -> str:
    texte = libelle(type_)
    return texte[:1].upper() + texte[1:]


# French names of the fields a diff reports, in the users' words (Territoires en Transitions'
# column names where the field comes from there).
_CHAMPS = {
    "titre": "titre",
    "type": "niveau",
    **{c.nom: c.libelle for c in CHAMPS_FICHE},
    "territoire.nom": "nom du territoire",
    "territoire.type": "nature du territoire",
    "territoire.departement": "département",
    "territoire.siren": "SIREN",
    "territoire.siret": "SIRET",
    "territoire.code_insee": "code INSEE",
    "document.titre": "titre du document",
    "document.type": "nature du document",
    "document.version": "version",
    "document.date": "date du document",
    "document.statut": "statut du document",
    "document.periode": "période",
    "document.adoption": "adoption",
    "document.note": "note",
    "document.source": "source",
    "niveaux": "niveaux",
    "preambule": "préambule",
    "contexte": "contexte",
    "non_classe": "lignes non classées",
}

# Natures whose French name is feminine, for agreement (« 2 actions ajoutées »).
FEMININS = frozenset({"action", "orientation", "finalite", "thematique", "section"})


def libelle_champ(champ: str) -> str:
    """``"resultats_attendus"`` → ``"résultats attendus"``."""
    return _CHAMPS.get(champ, champ.rsplit(".", 1)[-1].replace("_", " "))
