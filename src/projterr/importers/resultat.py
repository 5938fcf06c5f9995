"""What an import gives: the Projet and what the reading learnt on the way."""

from __future__ import annotations

from dataclasses import dataclass, field

from projterr.model import NonClasse, Projet


@dataclass
class ResultatImport:
    """A Projet and what the import learnt on the way (profil, encoding, labels)."""

    projet: Projet
    profil: str | None = None
    remarques: list[str] = field(default_factory=list)
    etiquettes: list[NonClasse] = field(default_factory=list)  # structure labels read
    rubriques: int = 0  # fiche sections recognised (fiche reader)
    pages: int = 0  # front matter pages read (fiche reader)
    titres_sans_motif: int = 0  # Word/ODT headings no pattern of the profil recognised
    choix: str | None = None  # why this reading was kept (automatic choice), in French
    avertissements: list[str] = field(default_factory=list)  # reasons the tree is doubtful
