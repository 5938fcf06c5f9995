"""What the diff renderers share: one view of the report, said once in French.

:func:`vue` turns the report into groups of records, each a heading, a place, a body of
marked text pieces and one line per changed field. The text, Markdown and HTML renderers
(and later Word) only decide how an inserted or deleted piece looks; none of them decides
what to say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from projterr import valeurs
from projterr.diff.rapport import (
    TYPES,
    TYPOGRAPHIE,
    Champ,
    Changement,
    Cote,
    Entete,
    Groupe,
    RapportDiff,
    Segment,
)
from projterr.libelles import FEMININS, libelle, libelle_champ, titre_libelle

_NUMERO = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$")
DOCUMENT = "document"
# Fields whose value the body of a record already shows.
_CORPS = frozenset({"texte", "titre", "numero"})
_LONGUEUR_TITRE_PARENT = 60


@dataclass
class LigneChamp:
    """One changed field: its French name, then pieces on one line or one line per paragraph."""

    libelle: str
    morceaux: list[Segment] = field(default_factory=list)
    paragraphes: list[list[Segment]] = field(default_factory=list)


@dataclass
class VueChangement:
    record: Changement
    types: str  # « Modification, renumérotation »
    designation: str  # « objectif opérationnel 1.2.3 », « action »
    lieu: str | None  # « sous 2.1.3 Adapter le territoire… », for actions and unnumbered nodes
    corps: list[Segment]
    champs: list[LigneChamp]
    contenu: list[tuple[int, str, str]]  # (depth, nature label, text) of an added/deleted node
    precisions: list[str]
    consequence: bool  # a renumbering shown under the insertion that caused it

    @property
    def op_contenu(self) -> str:
        return "ajout" if self.record.types == ("ajout",) else "suppression"

    @property
    def classes(self) -> list[str]:
        return [*self.record.types, *(["consequence"] if self.consequence else [])]


@dataclass
class VueDiff:
    ancien: str
    nouveau: str
    groupes: list[tuple[str, list[VueChangement]]]
    ordre: list[str]  # one line per parent whose children changed order
    mineures: str | None  # « 3 retouches typographiques, non comptées. »
    resume: str


def vue(rapport: RapportDiff) -> VueDiff:
    groupes: dict[str, list[VueChangement]] = {}
    for c in rapport.significatifs():
        titre = "Le document" if c.nature == DOCUMENT else libelle_groupe(c.groupe)
        groupes.setdefault(titre, []).append(_vue_changement(c, rapport))
    typo = len(rapport.mineurs(TYPOGRAPHIE))
    return VueDiff(
        ancien=entete_document(rapport.ancien),
        nouveau=entete_document(rapport.nouveau),
        groupes=list(groupes.items()),
        ordre=[_ligne_ordre(r) for r in rapport.reordonnancements],
        mineures=(
            f"{typo} retouche{'s' if typo > 1 else ''} typographique{'s' if typo > 1 else ''} "
            "(apostrophes, guillemets, espaces, ponctuation des numéros), non comptée"
            f"{'s' if typo > 1 else ''}."
            if typo
            else None
        ),
        resume=phrase_resume(rapport),
    )


# --- one record ----------------------------------------------------------------------------


def _vue_changement(c: Changement, rapport: RapportDiff) -> VueChangement:
    cote = c.nouveau or c.ancien
    assert cote is not None
    lieu = None
    if c.nature == "action" or (not cote.numero and c.nature != DOCUMENT):
        lieu = lieu_cote(cote)
    return VueChangement(
        record=c,
        types=types(c),
        designation=designation(c),
        lieu=lieu,
        corps=_corps(c, cote),
        champs=_lignes_champs(c),
        contenu=[(k.profondeur, libelle(k.nature), k.texte) for k in c.contenu],
        precisions=precisions(c, rapport),
        consequence=est_consequence(c),
    )


def _corps(c: Changement, cote: Cote) -> list[Segment]:
    if c.types == ("ajout",):
        return [Segment("ajout", cote.texte)]
    if c.types == ("suppression",):
        return [Segment("suppression", cote.texte)]
    if c.nature == DOCUMENT:
        return []
    texte = c.champ("texte") or c.champ("titre")
    if texte is not None and not texte.mineure:
        return list(texte.segments)
    return [Segment("egal", cote.texte)]


def _lignes_champs(c: Changement) -> list[LigneChamp]:
    if c.types in {("ajout",), ("suppression",)}:
        cote = c.nouveau or c.ancien
        assert cote is not None
        op = c.types[0]
        return [
            _ligne_valeur(nom, valeur, op)
            for nom, valeur in (cote.valeurs or {}).items()
            if nom not in _CORPS and nom != "type"
        ]
    lignes = []
    for champ in c.champs_visibles():
        if champ.champ in {"texte", "titre"}:
            continue
        lignes.append(_ligne_champ(champ))
    return lignes


def _ligne_valeur(nom: str, valeur: Any, op: str) -> LigneChamp:
    longs = isinstance(valeur, list) and len(valeur) > 1 and any(len(str(v)) > 60 for v in valeur)
    if longs and all(isinstance(v, str) for v in valeur):
        return LigneChamp(libelle_champ(nom), paragraphes=[[Segment(op, v)] for v in valeur])
    return LigneChamp(libelle_champ(nom), [Segment(op, valeur_fr(nom, valeur))])


def _ligne_champ(champ: Champ) -> LigneChamp:
    nom = libelle_champ(champ.champ)
    if champ.paragraphes:
        return LigneChamp(
            nom,
            paragraphes=[
                list(p.segments)
                for p in champ.paragraphes
                if p.ancien != p.nouveau and not p.mineure
            ],
        )
    if champ.segments:
        return LigneChamp(nom, list(champ.segments))
    if champ.ajoutes or champ.retires:
        cle = champ.champ.rsplit(".", 1)[-1]
        morceaux: list[Segment] = []
        for op, elements in (("suppression", champ.retires), ("ajout", champ.ajoutes)):
            for e in elements:
                if morceaux:
                    morceaux.append(Segment("egal", ", "))
                morceaux.append(Segment(op, valeur_fr(cle, [e]) if isinstance(e, dict) else e))
        return LigneChamp(nom, morceaux)
    morceaux = []
    if champ.ancien not in (None, [], ""):
        morceaux.append(Segment("suppression", valeur_fr(champ.champ, champ.ancien)))
    if champ.nouveau not in (None, [], ""):
        if morceaux:
            morceaux.append(Segment("egal", " → "))
        morceaux.append(Segment("ajout", valeur_fr(champ.champ, champ.nouveau)))
    return LigneChamp(nom, morceaux)


def valeur_fr(champ: str, valeur: Any) -> str:
    """A field's value as a French reader expects it: dates 15/01/2026, 150 000 €…"""
    cle = champ.rsplit(".", 1)[-1]
    if valeur is None:
        return "non renseigné"
    if cle in {"budget", "montant"} and isinstance(valeur, int | float):
        return valeurs.euros(valeur)
    if cle == "financements" and isinstance(valeur, list):
        return " ; ".join(
            f"{f.get('financeur', '')}"
            + (f" : {valeurs.euros(f['montant'])}" if f.get("montant") is not None else "")
            for f in valeur
        )
    if cle == "sous_actions" and isinstance(valeur, list):
        return " ; ".join(str(s.get("texte", "")) for s in valeur)
    if cle == "periode" and isinstance(valeur, dict):
        return f"{valeur.get('debut', '…')}–{valeur.get('fin', '…')}"
    if cle == "adoption" and isinstance(valeur, dict):
        parties = [
            valeur.get("instance"),
            valeurs.date_courte(valeur["date"]) if valeur.get("date") else None,
            f"délibération n° {valeur['deliberation']}" if valeur.get("deliberation") else None,
        ]
        return ", ".join(p for p in parties if p)
    if cle == "statut" and valeur in {"adopte", "projet"}:
        return "adopté" if valeur == "adopte" else "projet"
    if isinstance(valeur, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", valeur):
        return valeurs.date_courte(valeur)
    if isinstance(valeur, list):
        return " ; ".join(valeur_fr(cle, v) if not isinstance(v, str) else v for v in valeur)
    if isinstance(valeur, dict):
        return ", ".join(f"{k} : {v}" for k, v in valeur.items())
    return str(valeur)


# --- wording shared by every format -----------------------------------------------------


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


_PARTICIPES = {
    "ajout": "ajouté",
    "suppression": "supprimé",
    "deplacement": "déplacé",
    "modification": "modifié",
    "renumerotation": "renuméroté",
}


def _participe(type_: str, nature: str, nombre: int) -> str:
    mot = _PARTICIPES[type_]
    if nature in FEMININS:
        mot += "e"
    return mot + ("s" if nombre > 1 else "")


def phrase_resume(rapport: RapportDiff) -> str:
    """« 4 actions ajoutées, dont 2 dans le nouvel objectif opérationnel 1.2.2 ; 1 pilier
    modifié. » — what people count, by nature, in French."""
    par_nature = rapport.par_nature()
    if not par_nature and not rapport.reordonnancements:
        return "Aucune différence."
    ordre = [DOCUMENT, *(c.nature for c in rapport.correspondances if c.nature != "action")]
    ordre.append("action")
    natures = sorted(par_nature, key=lambda n: ordre.index(n) if n in ordre else len(ordre))
    parties = []
    for nature in natures:
        if nature == DOCUMENT:
            doc = next(c for c in rapport.significatifs() if c.nature == DOCUMENT)
            noms = [libelle_champ(ch.champ) for ch in doc.champs_visibles()]
            parties.append(f"document modifié ({', '.join(noms)})")
            continue
        for type_, nombre in par_nature[nature].items():
            texte = f"{nombre} {libelle(nature, nombre)} {_participe(type_, nature, nombre)}"
            texte += _dont(rapport, nature, type_)
            parties.append(texte)
    if rapport.reordonnancements:
        n = len(rapport.reordonnancements)
        parties.append(f"{n} changement{'s' if n > 1 else ''} d’ordre")
    return " ; ".join(parties) + "."


def _dont(rapport: RapportDiff, nature: str, type_: str) -> str:
    """« , dont 2 dans le nouvel objectif opérationnel 1.2.2 »."""
    if type_ not in {"ajout", "suppression"}:
        return ""
    details = []
    for c in rapport.significatifs():
        if c.types != (type_,) or c.nature == nature:
            continue
        k = sum(1 for x in c.contenu if x.nature == nature)
        if not k:
            continue
        quoi = designation(c)
        if type_ == "ajout":
            nouveau = (
                "nouvelle"
                if c.nature in FEMININS
                else ("nouvel" if quoi[:1] in "aeéiouh" else "nouveau")
            )
            article = "la" if c.nature in FEMININS else "le"
            details.append(f"{k} dans {article} {nouveau} {quoi}")
        else:
            article = "la" if c.nature in FEMININS else ("l’" if quoi[:1] in "aeéiouh" else "le")
            espace = "" if article.endswith("’") else " "
            details.append(
                f"{k} avec {article}{espace}{quoi} {_participe('suppression', c.nature, 1)}"
            )
    return (", dont " + ", ".join(details)) if details else ""


def types(c: Changement) -> str:
    """« Déplacement, modification »."""
    texte = ", ".join(nom_type(t) for t in c.types)
    return texte[:1].upper() + texte[1:]


def entete_document(e: Entete) -> str:
    """« Projet de territoire (version 2025) — PETR Cœur de Lorraine »: the document's own
    identity, never the name of the file it was read from."""
    version = f" (version {e.version})" if e.version else ""
    territoire = f" — {e.territoire}" if e.territoire and e.territoire not in e.titre else ""
    return f"{e.titre}{version}{territoire}"


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


def court(texte: str, limite: int = 80) -> str:
    """``texte`` within ``limite`` characters, cut at the end of a word (« … » after)."""
    if len(texte) <= limite:
        return texte
    coupe = texte[: limite - 1]
    espace = coupe.rfind(" ")
    if espace > limite // 2:  # a word's end not too far back; else cut inside the long word
        coupe = coupe[:espace]
    return coupe.rstrip(" ,;:") + "…"


def lieu_cote(cote: Cote) -> str:
    """Where an element stands: « sous 1.1.1 Développer les circuits courts… »."""
    if not cote.chemin:
        return "au premier niveau"
    numero = numero_complet(cote.chemin)
    titre = cote.parent_titre
    if titre and titre != numero:
        return f"sous {numero} {court(titre, _LONGUEUR_TITRE_PARENT)}"
    return f"sous {numero}"


def designation(c: Changement) -> str:
    """« objectif opérationnel 1.2.3 », « action »."""
    if c.nature == DOCUMENT:
        return "métadonnées et textes d’introduction"
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
    """Records people read, grouped by top-level node, in order of first appearance."""
    ordre: dict[str, list[Changement]] = {}
    for c in rapport.significatifs():
        ordre.setdefault(libelle_groupe(c.groupe), []).append(c)
    yield from ordre.items()


def _ligne_ordre(r: Any) -> str:
    if r.parent_id is None:
        ou = "au premier niveau"
    else:
        numero = f" {r.parent_numero}" if r.parent_numero else ""
        ou = f"sous{numero} {court(r.parent_titre or '', _LONGUEUR_TITRE_PARENT)}"
    n = len(r.nouvel_ordre)
    return f"Ordre changé {ou} : {n} {libelle(r.nature, n)} dans un autre ordre."


def precisions(c: Changement, rapport: RapportDiff | None = None) -> list[str]:
    """Lines that say what moved, what was renumbered, what was merged."""
    lignes = []
    if "deplacement" in c.types and c.ancien and c.nouveau:
        de = lieu_cote(c.ancien).removeprefix("sous ")
        vers = lieu_cote(c.nouveau).removeprefix("sous ")
        lignes.append(_phrase(f"Déplacement : de {de} vers {vers}"))
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
            f"Fusionnée dans l’action « {court(cible)} »."
            if cible
            else "Fusionnée dans une autre action."
        )
    return lignes


def _phrase(texte: str) -> str:
    """End a sentence with one full stop, not after an ellipsis or another full stop."""
    return texte if texte.endswith((".", "…", "!", "?")) else texte + "."


def est_consequence(c: Changement) -> bool:
    """A renumbering shown under the addition or deletion that caused it."""
    return c.cause is not None


def _texte_nouveau(rapport: RapportDiff, id_: str) -> str | None:
    for r in rapport.changements:
        if r.nouveau and r.nouveau.id == id_:
            return r.nouveau.texte
    return None
