"""The layout conventions of projterr's Word export, which its reader reads back: separators,
the mark where a projet written as an annex begins, the labels of fiche fields in a fiche's
table. Writer (``export/docx_projet.py``) and reader (``importers/word/relecture.py``) both take
them from here."""

from __future__ import annotations

from projterr.champs_fiche import CHAMPS_FICHE

TIRET = " – "
SEPARATEUR = " · "
# The nature of the mark on the paragraph where a projet written as an annex begins.
DEBUT_DU_PROJET = "debut"

# The label of each list field in a fiche's table (the Word reader reads them back by it).
LIBELLES_LISTES = {c.nom: c.etiquette for c in CHAMPS_FICHE if c.etiquette is not None}

# Fields a plain list item shows (on a small line below it); any other filled field makes a fiche.
CHAMPS_LISTE = ("sous_points", "partenaires", "porteurs", "dispositifs", "thematiques")
# the small line's labelled parts (the sous-points are second-level bullets of their own)
DETAILS = tuple((nom, LIBELLES_LISTES[nom]) for nom in CHAMPS_LISTE if nom != "sous_points")
