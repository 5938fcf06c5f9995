"""Text files (.txt, .md) and folders of Markdown fiches, read through the pipeline."""

from __future__ import annotations

from pathlib import Path

from projterr.importers.blocs import blocs_du_texte
from projterr.importers.choix import lire_au_mieux
from projterr.importers.dossier import lire_dossier
from projterr.importers.pipeline import avec_source, importer_blocs, lignes_des_pages
from projterr.importers.resultat import ResultatImport
from projterr.sources import lire_texte


def importer_texte(chemin: Path, profil_demande: str | None = None) -> ResultatImport:
    """Import a text file, or a folder of Markdown pages, with the most plausible reading."""
    if chemin.is_dir():
        dossier = lire_dossier(chemin)
        resultat = lire_au_mieux(dossier.texte, profil_demande, chemin.name)
        lignes_des_pages(resultat, dossier.origines)
        resultat.remarques.insert(
            0,
            f"dossier de fiches Markdown : {dossier.pages} page"
            f"{'s' if dossier.pages > 1 else ''} lue{'s' if dossier.pages > 1 else ''} "
            "comme un seul document",
        )
        return avec_source(resultat, chemin.name, dossier.empreinte, "utf-8")
    source = lire_texte(chemin)
    return importer_blocs(
        blocs_du_texte(source.texte),
        chemin.name,
        profil_demande,
        empreinte=source.empreinte,
        encodage=source.encodage,
        remarques=source.remarques,
    )
