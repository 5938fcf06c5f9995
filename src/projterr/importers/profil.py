"""Import *profils*: the rules that recognise a document's levels, bullets and artefacts.

A profil is a YAML file; projterr ships one per known document family (``profils/``) and a
user can write their own without any Python. See ``docs/profils.md`` for the format.
"""

from __future__ import annotations

import functools
import re
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from projterr.errors import ProfilInvalide, YamlInvalide


class _Regle(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# Python's regular-expression errors, in French (the most frequent ones).
_ERREURS_REGEX = {
    "missing ), unterminated subpattern": "parenthèse ouverte jamais fermée",
    "unbalanced parenthesis": "parenthèse fermante sans ouvrante",
    "nothing to repeat": "rien à répéter avant *, + ou ?",
    "multiple repeat": "deux répétitions de suite (**, +*…)",
    "unterminated character set": "crochet [ jamais fermé",
    "bad escape": "séquence d'échappement inconnue",
    "unknown extension": "groupe (?…) inconnu",
    "missing >, unterminated name": "nom de groupe non fermé : écrivez (?P<nom>…)",
    "bad character in group name": "caractère interdit dans un nom de groupe",
    "redefinition of group name": "deux groupes portent le même nom",
    "bad character range": "intervalle de caractères à l'envers",
    "missing ), unterminated comment": "commentaire (?#… non fermé",
}


def _compiler(motif: str) -> re.Pattern[str]:
    try:
        return re.compile(motif)
    except re.error as exc:
        anglais = exc.msg
        francais = next((f for a, f in _ERREURS_REGEX.items() if anglais.startswith(a)), anglais)
        position = f", position {exc.pos + 1}" if exc.pos is not None else ""
        raise ValueError(
            f"expression régulière invalide « {motif} » ({francais}{position})"
        ) from exc


class Niveau(_Regle):
    """A heading level: lines matching one of ``motifs`` open a node of ``type``."""

    type: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    rang: int = Field(ge=0, description="Profondeur : 0 pour le premier niveau.")
    motifs: list[str] = Field(
        min_length=1, description="Regex ; groupes nommés « numero » et « titre »."
    )
    suivi_de: str | None = Field(
        default=None, description="La ligne non vide suivante doit correspondre à ce motif."
    )
    dans: str | None = Field(
        default=None, description="Seulement sous un niveau dont le titre correspond à ce motif."
    )

    @field_validator("motifs")
    @classmethod
    def _valider(cls, motifs: list[str]) -> list[str]:
        for motif in motifs:
            _compiler(motif)
        return motifs

    @field_validator("suivi_de", "dans")
    @classmethod
    def _valider_un(cls, motif: str | None) -> str | None:
        if motif:
            _compiler(motif)
        return motif

    @cached_property
    def regex(self) -> list[re.Pattern[str]]:
        return [re.compile(m) for m in self.motifs]

    @cached_property
    def regex_suivi(self) -> re.Pattern[str] | None:
        return re.compile(self.suivi_de) if self.suivi_de else None

    @cached_property
    def regex_dans(self) -> re.Pattern[str] | None:
        return re.compile(self.dans) if self.dans else None


class _AvecMotif(_Regle):
    motif: str

    @field_validator("motif")
    @classmethod
    def _valider_motif(cls, motif: str) -> str:
        _compiler(motif)
        return motif


class Ignorer(_AvecMotif):
    """Lines that are page or web artefacts: kept in ``non_classe`` with their reason."""

    raison: str

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return _compiler(self.motif)


class Mode(_AvecMotif):
    """A line after which the bullets mean something else (nodes of a type, or actions)."""

    puces: str = Field(description="« action » ou un type de niveau, ex. « thematique ».")
    etiquette: bool = Field(
        default=False,
        description="La ligne n'est qu'une étiquette de structure (ex. « Ambitions : ») : "
        "elle n'est pas reprise comme texte.",
    )

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return _compiler(self.motif)


class Etiquette(_AvecMotif):
    """A label line such as « Comment ? »: structure, optionally kept before the next paragraph."""

    garder: Literal["non", "prefixe"] = "non"

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return _compiler(self.motif)


# The fiche fields a section may fill (projterr/champs_fiche.py, rubrique=True), written out for
# the type checker; tests/test_champs_fiche.py ties the two.
CHAMPS_RUBRIQUE = Literal[
    "description",
    "objectifs",
    "resultats_attendus",
    "cibles",
    "indicateurs",
    "gouvernance",
    "moyens",
    "porteurs",
    "structures_pilotes",
    "services_pilotes",
    "personnes_pilotes",
    "elus_referents",
    "partenaires",
    "participation_citoyenne",
    "financements",
    "budget",
    "echeance",
    "statut",
    "priorite",
    "dispositifs",
]


class Rubrique(_AvecMotif):
    """A fiche section heading and the Action field its content goes to."""

    champ: CHAMPS_RUBRIQUE = Field(description="Champ de l'action : partenaires, cibles…")


class MiseDeCote(_AvecMotif):
    """A heading that opens a block set aside (``non_classe``) up to the next heading of the
    same level (Markdown), or up to the next fiche or level (text)."""

    raison: str


class Fiches(_Regle):
    """How to read a document of fiches actions (the fiche reader)."""

    titre: list[str] = Field(
        default_factory=list,
        description="Motifs d'un titre de fiche, en plus de « Fiche action n°… » (groupes "
        "« numero » et « titre »).",
    )
    grouper_par: str | None = Field(
        default=None,
        description="Clé du front matter ou libellé d'une ligne (« Orientation : … ») qui "
        "nomme le parent de la fiche : un nœud par parent distinct.",
    )
    rubriques: list[Rubrique] = Field(
        default_factory=list,
        description="Intitulés de rubrique propres au document, et leur champ.",
    )
    mettre_de_cote: list[MiseDeCote] = Field(default_factory=list)

    @field_validator("titre")
    @classmethod
    def _valider(cls, motifs: list[str]) -> list[str]:
        for motif in motifs:
            _compiler(motif)
        return motifs


class Profil(_Regle):
    nom: str
    description: str = ""
    detection: list[str] = Field(
        default_factory=list, description="Motifs qui signalent ce type de document."
    )
    lignes_coupees: bool = Field(
        default=False,
        description="Texte extrait d'un PDF : les titres, puces et paragraphes se poursuivent "
        "sur les lignes suivantes (même après une ligne vide pour les titres et les puces).",
    )
    titre_document: Literal["profil", "premier_paragraphe", "premiere_ligne"] = Field(
        default="profil",
        description="D'où vient le titre du document : le profil, le premier paragraphe du "
        "préambule ou la première ligne du texte.",
    )
    territoire_depuis: str | None = Field(
        default=None,
        description="Motif qui trouve le nom du territoire dans le texte (groupe « nom »).",
    )
    document: dict[str, Any] = Field(default_factory=dict)
    territoire: dict[str, Any] = Field(default_factory=dict)
    nettoyage: list[str] = Field(
        default_factory=list, description="Motifs retirés de chaque ligne (ex. « \\*\\* »)."
    )
    ignorer: list[Ignorer] = Field(default_factory=list)
    niveaux: list[Niveau] = Field(default_factory=list)
    puce: str = r"^\s*[-•*–▪◦]\s*(?P<texte>.+)$"
    sous_point: str | None = Field(
        default=None, description="Motif d'un sous-point d'action (ex. « → … »)."
    )
    modes: list[Mode] = Field(default_factory=list)
    etiquettes: list[Etiquette] = Field(default_factory=list)
    contexte: list[str] = Field(
        default_factory=list,
        description="Un paragraphe qui correspond ouvre le contexte (historique…) : "
        "les paragraphes suivants y vont jusqu'au prochain titre.",
    )
    fiches: Fiches | None = Field(
        default=None,
        description="Document de fiches actions : lu par le lecteur de fiches (rubriques vers "
        "les champs de l'action) au lieu des niveaux ligne à ligne.",
    )

    @field_validator("territoire_depuis")
    @classmethod
    def _valider_un(cls, motif: str | None) -> str | None:
        if motif:
            _compiler(motif)
        return motif

    @field_validator("puce", "sous_point")
    @classmethod
    def _valider_puce(cls, motif: str | None) -> str | None:
        if motif:
            _compiler(motif)
        return motif

    @field_validator("detection", "nettoyage", "contexte")
    @classmethod
    def _valider(cls, motifs: list[str]) -> list[str]:
        for motif in motifs:
            _compiler(motif)
        return motifs

    @cached_property
    def regex_puce(self) -> re.Pattern[str]:
        return _compiler(self.puce)

    @cached_property
    def regex_sous_point(self) -> re.Pattern[str] | None:
        return _compiler(self.sous_point) if self.sous_point else None

    @cached_property
    def regex_nettoyage(self) -> list[re.Pattern[str]]:
        return [re.compile(m) for m in self.nettoyage]

    @cached_property
    def regex_contexte(self) -> list[re.Pattern[str]]:
        return [re.compile(m) for m in self.contexte]

    def score(self, texte: str) -> float:
        """Share of the detection patterns found in the text (0 when it has none)."""
        if not self.detection:
            return 0.0
        trouves = sum(1 for m in self.detection if re.search(m, texte, re.MULTILINE))
        return trouves / len(self.detection)


def _ligne_yaml(data: Any, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the YAML node at ``loc`` (ruamel's round-trip objects know it)."""
    ligne = None
    noeud = data
    for cle in loc:
        lc = getattr(noeud, "lc", None)
        if lc is None:
            break
        try:
            if isinstance(noeud, dict) and cle in noeud:
                ligne = lc.key(cle)[0] + 1
            elif isinstance(noeud, list) and isinstance(cle, int) and cle < len(noeud):
                ligne = lc.item(cle)[0] + 1
            else:
                ligne = lc.line + 1
                break
        except (KeyError, TypeError, IndexError):
            break
        noeud = noeud[cle]
    return ligne


def _depuis_donnees(data: Any, origine: str) -> Profil:
    if not isinstance(data, dict):
        raise ProfilInvalide("un profil doit être un dictionnaire YAML (nom, niveaux…)", origine)
    try:
        return Profil.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        chemin = ".".join(str(p) for p in err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "missing":
            message = "champ obligatoire manquant"
        elif err["type"] == "extra_forbidden":
            message = "champ inconnu"
        elif err["type"] == "literal_error":
            message = f"valeur non autorisée (attendu : {err.get('ctx', {}).get('expected', '')})"
        ligne = _ligne_yaml(data, tuple(err["loc"]))
        ou = f"ligne {ligne}, " if ligne else ""
        raise ProfilInvalide(
            f"profil invalide, {ou}champ « {chemin} » : {message}", origine
        ) from exc


_ECHAPPEMENT = re.compile(r"unknown escape character '(.)'|unknown escape")


def charger_profil_fichier(chemin: Path) -> Profil:
    from projterr.yamlio import charger_yaml  # ruamel.yaml, loaded when a profil is read

    try:
        data = charger_yaml(chemin)
    except YamlInvalide as exc:
        echappement = _ECHAPPEMENT.search(str(exc.__cause__ or ""))
        if echappement:
            ou = re.match(r"^ligne \d+, colonne \d+", exc.message)
            car = echappement.group(1) or ""
            raise ProfilInvalide(
                f"{ou.group(0) + ' : ' if ou else ''}barre oblique inverse « \\{car} » entre "
                "guillemets doubles : YAML la lit comme un échappement, pas comme une "
                "expression régulière ; écrivez le motif entre apostrophes ('^Axe\\s+\\d+') ou "
                'doublez chaque barre ("^Axe\\\\s+\\\\d+")',
                str(chemin),
            ) from exc
        raise ProfilInvalide(exc.message, str(chemin)) from exc
    return _depuis_donnees(data, str(chemin))


@functools.cache
def profils_integres() -> tuple[Profil, ...]:
    """The profils shipped with projterr, in name order (read once per process)."""
    from projterr.yamlio import lire  # ruamel.yaml, loaded when a profil is read

    dossier = resources.files("projterr") / "profils"
    profils = []
    for entree in sorted(dossier.iterdir(), key=lambda e: e.name):
        if entree.name.endswith(".yaml"):
            profils.append(
                _depuis_donnees(lire(entree.read_text("utf-8"), entree.name), entree.name)
            )
    return tuple(profils)


# Detection reads the beginning of the text: enough for any document's first pages, and a
# 10 MB text costs no more to recognise than a 100 kB one.
_DEBUT_DETECTION = 200_000


def choisir_profil(texte: str, demande: str | None) -> Profil:
    """The profil asked for (a name or a .yaml file), or the best-scoring one for ``texte``."""
    if demande:
        if demande.endswith((".yaml", ".yml")) or "/" in demande:
            return charger_profil_fichier(Path(demande))
        for profil in profils_integres():
            if profil.nom == demande:
                return profil
        noms = ", ".join(p.nom for p in profils_integres())
        raise ProfilInvalide(f"profil « {demande} » inconnu (profils disponibles : {noms})")
    debut = texte[:_DEBUT_DETECTION]
    candidats = [(p.score(debut), p) for p in profils_integres()]
    meilleur_score, meilleur = max(candidats, key=lambda c: c[0])
    if meilleur_score < 0.5:
        return next(p for _, p in candidats if p.nom == "generique")
    return meilleur
