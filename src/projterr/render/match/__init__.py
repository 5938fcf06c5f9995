"""Renderers of the match report: one module per format, listed in :data:`RENDUS`."""

from __future__ import annotations

from projterr.render.registre import Registre, Rendu

RENDUS = Registre(
    Rendu("text", "projterr.render.match.texte", "texte", "terminal, par défaut"),
    Rendu("markdown", "projterr.render.match.markdown", "markdown", "courriel, wiki"),
    Rendu("json", "projterr.render.match.json_", "json_", "données"),
    Rendu("html", "projterr.render.match.html", "html", "page autonome, imprimable"),
    Rendu("xlsx", "projterr.render.match.xlsx", "xlsx", "classeur Excel, avec -o", binaire=True),
)
