"""The Word toolkit, shared by the Word reader, the export and the renderers that write Word:
WordprocessingML helpers and tracked changes (``revisions``), the marks that let an export be
read back (``reperes``), reference documents and their styles (``modele``, ``modele_defaut``),
fields (``champs``), the paragraph writer (``redacteur``) and the layout both sides agree on
(``gabarit``). It knows Word, not projets: nothing here imports a reader, a report or the CLI.

python-docx is imported inside functions only: ``projterr --help`` must not load it.
"""
