"""Similarity of short French texts, for every command that compares actions.

One concept per module:

- :mod:`~projterr.texte.racines`: French words to comparable stems (case, accents,
  elisions, plurals, Snowball) and the one list of French stop words;
- :mod:`~projterr.texte.sigles`: acronyms expanded both ways from ``sigles.yaml``
  (« PAT » ↔ « projet alimentaire territorial »);
- :mod:`~projterr.texte.termes`: runs of stems (thesaurus terms, theme keywords, acronym
  expansions) found in a text's stems;
- :mod:`~projterr.texte.index`: candidate retrieval without comparing every pair (an
  inverted index on rare features for ``match``, prefix filtering for ``check``, the
  rarest words of each new text for ``diff``);
- :mod:`~projterr.texte.score`: the rapidfuzz scorers, all on the 0–100 scale (``diff``
  shows its likeness on 0–1 and divides at its edge).
"""
