"""Renderers of the diff report: one module per format, listed in :data:`RENDUS`."""

from __future__ import annotations

from projterr.render.registre import Registre, Rendu

RENDUS = Registre(
    Rendu("text", "projterr.render.diff.texte", "texte", "terminal, par défaut"),
    Rendu("markdown", "projterr.render.diff.markdown", "markdown", "courriel, wiki"),
    Rendu("json", "projterr.render.diff.json_", "json_", "données"),
    Rendu("html", "projterr.render.diff.html", "html", "page autonome, imprimable"),
    Rendu(
        "docx",
        "projterr.export.redline",
        "rendre_docx",
        "le nouveau projet en Word avec les modifications suivies, avec -o",
        binaire=True,
    ),
)
