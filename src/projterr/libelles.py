"""French labels for node types and counts, shared by every renderer."""

from __future__ import annotations

_LIBELLES = {
    "section": ("section", "sections"),
    "pilier": ("pilier", "piliers"),
    "axe": ("axe", "axes"),
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
