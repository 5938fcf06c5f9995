"""Importers: every source format behind one entry point, :func:`importer_fichier`.

Read top to bottom, a file goes through:

- ``lecteurs``: the table of readers, which picks the reader by content and name;
- a reader per format (``texte``, ``pdf``, ``word`` — with ``word.relecture`` for a file
  projterr exported —, ``odt``; ``bureautique`` for what Word and ODT share), which turns the
  file into blocs (``blocs``): paragraphs, headings, list items, table cells, each with its
  place in the source; a Territoires en Transitions workbook (``tet``), already a tree, is
  read into a projet directly;
- ``pipeline``: the blocs become lines; ``choix`` keeps the most plausible reading
  (``plausibilite``) among the profils (``profil``) read by the profile engine (``moteur``)
  or the fiche reader (``fiches``); what was set aside gets back its place;
- ``resultat``: the projet and what the reading learnt on the way.
"""

from __future__ import annotations

from pathlib import Path

from projterr.importers.lecteurs import YAML, lecteur_du_fichier
from projterr.importers.resultat import ResultatImport
from projterr.model import Projet

__all__ = ["ResultatImport", "charger_projet", "importer_fichier"]


def importer_fichier(
    chemin: Path, profil: str | None = None, lignes: bool = False
) -> ResultatImport:
    """Read any supported file into a :class:`Projet`; the reader is chosen by content too.
    ``lignes``: a YAML document's levels and actions get their line (sources always do)."""
    if chemin.suffix.lower() in YAML:
        from projterr.yamlio import charger_projet as charger_yaml  # ruamel.yaml, when needed

        return ResultatImport(charger_yaml(chemin, lignes=lignes))
    return lecteur_du_fichier(chemin).importer(chemin, profil)


def charger_projet(chemin: Path, lignes: bool = False) -> Projet:
    """A Projet from a projterr YAML file or from any source ``import`` accepts."""
    return importer_fichier(chemin, lignes=lignes).projet
