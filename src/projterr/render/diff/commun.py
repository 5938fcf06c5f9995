"""French wording shared by the diff renderers (text, Markdown, HTML): one record, one way
of saying it, whatever the format."""

from __future__ import annotations

import re
from collections.abc import Iterator

from projterr.diff.rapport import TYPES, Changement, Cote, Entete, Groupe, RapportDiff
from projterr.libelles import libelle, titre_libelle

_NUMERO = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$")


def nom_type(type_: str, nombre: int = 1) -> str:
    """« déplacement », « renumérotations »: the French name of a kind of change."""
    return libelle(type_, nombre)


def resume(rapport: RapportDiff) -> str:
    """« 1 ajout, 4 suppressions, 7 modifications. » or « Aucune différence. »"""
    comptes = rapport.resume()
    parties = [f"{comptes[t]} {nom_type(t, comptes[t])}" for t in TYPES if comptes[t]]
    if not parties:
        return "Aucune différence."
    return ", ".join(parties) + "."


def types(c: Changement) -> str:
    """« Déplacement, modification »."""
    texte = ", ".join(nom_type(t) for t in c.types)
    return texte[:1].upper() + texte[1:]


def entete_document(e: Entete) -> str:
    version = f" (version {e.version})" if e.version else ""
    fichier = f" [{e.fichier}]" if e.fichier else ""
    return f"{e.titre}{version}{fichier}"


def numero_complet(chemin: tuple[str, ...] | list[str]) -> str:
    """A number qualified by its parents': objectif stratégique « 2 » of pilier « 3 » → « 3.2 »."""
    complet = ""
    for ref in chemin:
        if not _NUMERO.match(ref):
            complet = ref
        elif complet and _NUMERO.match(complet) and ref.count(".") <= complet.count("."):
            complet = f"{complet}.{ref}"
        else:
            complet = ref
    return complet


def numero_cote(cote: Cote) -> str:
    return numero_complet([*cote.chemin, cote.numero]) if cote.numero else ""


def lieu(cote: Cote) -> str:
    """Where an element stands: « sous 1.1.1 », « au premier niveau »."""
    if not cote.chemin:
        return "au premier niveau"
    return f"sous {numero_complet(cote.chemin)}"


def designation(c: Changement) -> str:
    """« objectif opérationnel 1.2.3 », « action »."""
    cote = c.nouveau or c.ancien
    assert cote is not None
    numero = numero_cote(cote)
    return f"{libelle(c.nature)} {numero}".rstrip()


def libelle_groupe(g: Groupe | None) -> str:
    if g is None:
        return "Hors piliers"
    numero = f" {g.numero}" if g.numero else ""
    return f"{titre_libelle(g.nature)}{numero} : {g.titre}"


def groupes(rapport: RapportDiff) -> Iterator[tuple[str, list[Changement]]]:
    """Records grouped by top-level node, in order of first appearance."""
    ordre: dict[str, list[Changement]] = {}
    for c in rapport.changements:
        ordre.setdefault(libelle_groupe(c.groupe), []).append(c)
    yield from ordre.items()


def precisions(c: Changement, rapport: RapportDiff | None = None) -> list[str]:
    """Lines that say what moved, what was renumbered, what was merged."""
    lignes = []
    if "deplacement" in c.types and c.ancien and c.nouveau:
        de = numero_complet(c.ancien.chemin) or "premier niveau"
        vers = numero_complet(c.nouveau.chemin) or "premier niveau"
        lignes.append(f"Déplacement : de {de} vers {vers}.")
    if "renumerotation" in c.types and c.ancien and c.nouveau:
        ligne = (
            f"Renumérotation : {numero_cote(c.ancien) or 'sans numéro'} → "
            f"{numero_cote(c.nouveau) or 'sans numéro'}"
        )
        if c.cause:
            quoi = "l’ajout" if c.cause.type == "ajout" else "la suppression"
            numero = f" {c.cause.numero}" if c.cause.numero else ""
            ligne += f" (conséquence de {quoi} : {libelle(c.cause.nature)}{numero})"
        lignes.append(ligne + ".")
    if len(c.fusion) > 1:
        autres = len(c.fusion) - 1
        pluriel = "s" if autres > 1 else ""
        lignes.append(f"Fusion : reprend aussi {autres} action{pluriel} supprimée{pluriel}.")
    if c.fusionne_dans:
        cible = _texte_nouveau(rapport, c.fusionne_dans) if rapport else None
        lignes.append(
            f"Fusionnée dans l’action « {_court(cible)} »."
            if cible
            else "Fusionnée dans une autre action."
        )
    return lignes


def est_consequence(c: Changement) -> bool:
    """A renumbering shown under the addition or deletion that caused it."""
    return c.cause is not None


def _texte_nouveau(rapport: RapportDiff, id_: str) -> str | None:
    for r in rapport.changements:
        if r.nouveau and r.nouveau.id == id_:
            return r.nouveau.texte
    return None


def _court(texte: str, limite: int = 80) -> str:
    return texte if len(texte) <= limite else texte[: limite - 1].rstrip() + "…"
