"""Word documents from a projet: the projet itself (``export``), over a reference document.

python-docx is imported inside these functions only: ``projterr --help`` must not load it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document as DocumentWord

    from projterr.export.seance import Seance
    from projterr.model import Projet
    from projterr.ooxml.redacteur import Redacteur
    from projterr.referentiels import Sigles


def document_projet(
    projet: Projet,
    modele: Path | None = None,
    sigles: Sigles | None = None,
    avertir: Callable[[str], None] | None = None,
) -> DocumentWord:
    """The projet as a Word document over ``modele`` (projterr's default when None).

    ``avertir`` receives, in French, what was done to fit the model (styles borrowed, page
    numbers added, a page size other than A4)."""
    from projterr.export.docx_projet import ecrire_projet
    from projterr.ooxml.reperes import ecrire_reperes

    document, redacteur = _preparer(projet, modele, avertir)
    ecrire_projet(redacteur, projet, _sigles(sigles))
    ecrire_reperes(document, redacteur.reperes, projet)
    return document


def document_deliberation(
    projet: Projet,
    seance: Seance,
    modele: Path | None = None,
    sigles: Sigles | None = None,
    ancien: Projet | None = None,
    avertir: Callable[[str], None] | None = None,
) -> DocumentWord:
    """The délibération approving ``projet``, the projet as annex 1 and, when ``ancien`` is
    given, the table of changes since it as annex 2 (``avertir``: as for
    :func:`document_projet`)."""
    from projterr.export.deliberation import ecrire_deliberation

    rapport = None
    if ancien is not None:
        from projterr.diff import comparer

        rapport = comparer(ancien, projet)
    from projterr.ooxml.reperes import ecrire_reperes

    document, redacteur = _preparer(projet, modele, avertir)
    ecrire_deliberation(redacteur, projet, seance, _sigles(sigles), rapport, ancien)
    ecrire_reperes(document, redacteur.reperes, projet)  # annex 1 reads back as the projet
    return document


def _sigles(sigles: Sigles | None) -> Sigles:
    from projterr.referentiels import charger_sigles

    return sigles if sigles is not None else charger_sigles()


def _preparer(
    projet: Projet, modele: Path | None, avertir: Callable[[str], None] | None
) -> tuple[DocumentWord, Redacteur]:
    """The reference document, completed, French, emptied; a writer on its body."""
    from projterr.export.docx_projet import niveaux_de_titre
    from projterr.ooxml import modele as modeles
    from projterr.ooxml.modele import mise_a_jour_a_l_ouverture
    from projterr.ooxml.modele_defaut import AUXILIAIRES, construire
    from projterr.ooxml.redacteur import Redacteur

    defaut = construire()
    document = defaut if modele is None else modeles.ouvrir(modele)
    styles = modeles.Styles(document, str(modele) if modele else None)
    requis = ["Normal", "Title"] + [f"Heading {n}" for n in range(1, niveaux_de_titre(projet) + 1)]
    if modele is not None:
        notes = modeles.adapter(styles, modeles.Styles(defaut), requis, list(AUXILIAIRES))
        if avertir is not None:
            for note in notes:
                avertir(note)
    modeles.langue_francaise(document)
    mise_a_jour_a_l_ouverture(document)
    modeles.vider_corps(document)
    proprietes = document.core_properties
    proprietes.title = projet.document.titre
    proprietes.subject = projet.territoire.nom
    proprietes.author = projet.territoire.nom
    proprietes.language = "fr-FR"
    return document, Redacteur(document, styles)


def enregistrer(document: DocumentWord, sortie: Path) -> None:
    """Save whole or not at all (see :func:`projterr.sorties.ecrire_atomiquement`)."""
    from projterr.sorties import ecrire_atomiquement

    ecrire_atomiquement(sortie, document.save)
