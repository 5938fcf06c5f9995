"""The usual sections of a fiche action and the words that name levels, in French plans.

Shared by the fiche reader (to put each section in its :class:`Action` field) and by the
plausibility check (a section name read as an action is a sign of a wrong tree).
"""

from __future__ import annotations

import re

from projterr.champs_fiche import PAR_NOM
from projterr.normalize import normaliser

# Each field's synonyms (projterr/champs_fiche.py) are matched against the normalised label
# (lower case, no accents, punctuation as spaces), from its start: « Porteur / Pilote » →
# « porteur pilote ». Order matters: the first match wins (« structure pilote » before
# « pilote »); every field with synonyms is in this order (tests/test_champs_fiche.py).
_ORDRE = (
    "resultats_attendus",
    "description",
    "objectifs",
    "cibles",
    "structures_pilotes",
    "services_pilotes",
    "personnes_pilotes",
    "elus_referents",
    "porteurs",
    "partenaires",
    "moyens",
    "budget",
    "financements",
    "echeance",
    "indicateurs",
    "gouvernance",
    "statut",
    "priorite",
    "participation_citoyenne",
)
_RUBRIQUES: tuple[tuple[str, str], ...] = tuple(
    (synonymes, nom) for nom in _ORDRE if (synonymes := PAR_NOM[nom].synonymes) is not None
)
RUBRIQUES_USUELLES = _RUBRIQUES  # shown by « projterr profils --details »
_COMPILEES = tuple((re.compile(m), champ) for m, champ in _RUBRIQUES)

# A section label is short: « Indicateurs de suivi et d'évaluation » is one, a sentence is not.
MOTS_MAX_RUBRIQUE = 7


def rubrique(libelle: str) -> str | None:
    """The Action field a fiche section label stands for, or None (« Partenaires : » →
    ``partenaires``)."""
    cle = normaliser(libelle)
    if not cle or len(cle.split()) > MOTS_MAX_RUBRIQUE:
        return None
    for regex, champ in _COMPILEES:
        if regex.match(cle):
            return champ
    return None


# Words that name a level of a plan: « Axe 2 – … », « ORIENTATION 1 : … », « Défi n°3 ».
MOT_NIVEAU = re.compile(
    r"^(?P<mot>axe|orientation(?:\s+strat[ée]gique)?|pilier|d[ée]fi|priorit[ée]|volet|enjeu|"
    r"ambition|th[ée]matique|objectif\s+strat[ée]gique|finalit[ée])s?"
    r"\s*(?:n\s*[°o]\.?\s*)?(?P<numero>[0-9]+|[IVXL]+)\b\.?\s*(?:[:.–—-]\s*)?(?P<titre>.*)$",
    re.IGNORECASE,
)

# A numbered article of a convention: « Article 3 – Stratégie de revitalisation ». The separator
# is required, so that a sentence citing « l'article 5 du code… » never opens a level.
MOT_ARTICLE = re.compile(
    r"^(?P<mot>article)\s+(?P<numero>[0-9]+|1er|premier)\s*[:.–—-]\s*(?P<titre>\S.*)$",
    re.IGNORECASE,
)


def titre_de_niveau(texte: str) -> re.Match[str] | None:
    """« Axe 2 – … », « ORIENTATION 1 : … » or « Article 3 – … »: groups mot, numero, titre."""
    return MOT_NIVEAU.match(texte) or MOT_ARTICLE.match(texte)


# A fiche title with its keyword: « Fiche action n°1.1 : … », « Action 6 : … », « FA 3 – … ».
MOT_FICHE = re.compile(
    r"^(?:fiche(?:[\s-]*action)?|action|fa)\s*(?:n\s*[°o]\.?\s*)?"
    r"(?P<numero>[0-9]+(?:\.[0-9A-Za-z]+)*)\b\.?\s*[:.–—-]\s*(?P<titre>\S.*)$",
    re.IGNORECASE,
)


def type_niveau(mot: str) -> str:
    """« Orientation stratégique » → ``orientation``, « Défi » → ``defi``."""
    cle = normaliser(mot)
    if cle.startswith("objectif"):
        return "objectif_strategique"
    return cle.split()[0]
