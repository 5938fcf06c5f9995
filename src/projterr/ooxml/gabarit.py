"""The layout conventions of projterr's Word export, which its reader reads back: separators,
the mark where a projet written as an annex begins, the labels of fiche fields in a fiche's
table. Writer (``export/docx_projet.py``) and reader (``importers/word_projterr.py``) both take
them from here."""

from __future__ import annotations

TIRET = " – "
SEPARATEUR = " · "
# The nature of the mark on the paragraph where a projet written as an annex begins.
DEBUT_DU_PROJET = "debut"

# Fields a plain list item shows (on a small line below it); any other filled field makes a fiche.
CHAMPS_LISTE = ("sous_points", "partenaires", "porteurs", "dispositifs", "thematiques")
DETAILS = (
    ("partenaires", "Partenaires"),
    ("porteurs", "Porteurs"),
    ("dispositifs", "Dispositifs"),
    ("thematiques", "Thématiques"),
)


# The label of each list field in a fiche's table (the Word reader reads them back by it).
LIBELLES_LISTES = {
    "sous_points": "Précisions",
    "objectifs": "Objectifs",
    "resultats_attendus": "Résultats attendus",
    "cibles": "Publics cibles",
    "structures_pilotes": "Structure pilote",
    "services_pilotes": "Service pilote",
    "personnes_pilotes": "Personne pilote",
    "elus_referents": "Élu·e référent·e",
    "porteurs": "Porteurs",
    "partenaires": "Partenaires",
    "gouvernance": "Gouvernance",
    "moyens": "Moyens humains et techniques",
    "modalites_financement": "Financements",
    "indicateurs": "Indicateurs",
    "dispositifs": "Dispositifs",
    "thematiques": "Thématiques",
}
