"""Matching French actions to référentiels and, later, to each other.

One concept per module: ``racines`` (French words to comparable stems), ``classement``
(tagging actions with the themes of a référentiel, and why), ``etiquetage`` (writing those
tags back into a YAML document).
"""
