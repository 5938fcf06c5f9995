"""Matching French actions to référentiels and to each other.

One concept per module: ``classement`` (tagging actions with the themes of a référentiel,
and why), ``etiquetage`` (writing those tags back into a YAML document), ``elements`` (what
``match`` compares), ``semantique`` (thesaurus and themes as features), ``profil`` (an
element read once), ``appariement`` (corpus, scores, reasons), ``rapport`` (the report,
top K, one-to-one), ``corpus`` (a folder of documents and its saved index),
``plongements`` (the optional embedding backend), ``evaluation`` (figures on labelled
pairs). Text normalisation, stems and the candidate index live in :mod:`projterr.texte`.
"""
