"""Renderers of the match report: one module per format, listed in :data:`RENDUS`.

Excel is not there yet (openpyxl is not a dependency): the JSON carries the same records.
"""

from __future__ import annotations

from projterr.render.registre import Registre, Rendu

RENDUS = Registre(
    Rendu("text", "projterr.render.match.texte", "texte", "terminal, par défaut"),
    Rendu("markdown", "projterr.render.match.markdown", "markdown", "courriel, wiki"),
    Rendu("json", "projterr.render.match.json_", "json_", "données"),
    Rendu("html", "projterr.render.match.html", "html", "page autonome, imprimable"),
)
