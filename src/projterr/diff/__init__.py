"""Diff of two revisions of a document: alignment of the two trees, then change records.

``comparer(ancien, nouveau)`` → :class:`~projterr.diff.rapport.RapportDiff`; the renderers in
``projterr.render.diff_*`` turn the report into text, Markdown, JSON or HTML.
"""

from __future__ import annotations

from projterr.diff.alignement import SEUIL_DEFAUT
from projterr.diff.changements import comparer
from projterr.diff.rapport import TYPES, Changement, RapportDiff

__all__ = ["SEUIL_DEFAUT", "TYPES", "Changement", "RapportDiff", "comparer"]
