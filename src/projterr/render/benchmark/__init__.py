"""Renderers of the benchmark report: one module per format, listed in :data:`RENDUS`."""

from __future__ import annotations

from projterr.render.registre import Registre, Rendu

RENDUS = Registre(
    Rendu("text", "projterr.render.benchmark.texte", "texte", "terminal, par défaut"),
    Rendu("markdown", "projterr.render.benchmark.markdown", "markdown", "courriel, wiki"),
    Rendu("json", "projterr.render.benchmark.json_", "json_", "données"),
    Rendu(
        "html", "projterr.render.benchmark.html", "html", "page autonome avec la carte des thèmes"
    ),
    Rendu(
        "xlsx", "projterr.render.benchmark.xlsx", "xlsx", "classeur Excel, avec -o", binaire=True
    ),
    Rendu("docx", "projterr.render.benchmark.docx", "docx", "document Word, avec -o", binaire=True),
)
