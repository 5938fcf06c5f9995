"""Word documents from a projet: the projet itself (``export``), over a reference document.

python-docx is imported inside these functions only: ``projterr --help`` must not load it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from projterr.errors import ProjterrError, raison_systeme

if TYPE_CHECKING:
    from docx.document import Document as DocumentWord

    from projterr.model import Projet
    from projterr.referentiels import Sigles


def document_projet(
    projet: Projet, modele: Path | None = None, sigles: Sigles | None = None
) -> DocumentWord:
    """The projet as a Word document over ``modele`` (projterr's default when None)."""
    from projterr.export import modele as modeles
    from projterr.export.champs import mise_a_jour_a_l_ouverture
    from projterr.export.docx_projet import ecrire_projet, niveaux_de_titre
    from projterr.export.modele_defaut import AUXILIAIRES, construire
    from projterr.export.redacteur import Redacteur
    from projterr.referentiels import charger_sigles

    defaut = construire()
    document = defaut if modele is None else modeles.ouvrir(modele)
    styles = modeles.Styles(document, str(modele) if modele else None)
    requis = ["Normal", "Title"] + [f"Heading {n}" for n in range(1, niveaux_de_titre(projet) + 1)]
    styles.exiger(requis)
    if modele is not None:
        styles.completer(modeles.Styles(defaut), list(AUXILIAIRES))
    modeles.langue_francaise(document)
    mise_a_jour_a_l_ouverture(document)
    modeles.vider_corps(document)
    proprietes = document.core_properties
    proprietes.title = projet.document.titre
    proprietes.subject = projet.territoire.nom
    proprietes.author = projet.territoire.nom
    proprietes.language = "fr-FR"
    redacteur = Redacteur(document, styles)
    ecrire_projet(redacteur, projet, sigles if sigles is not None else charger_sigles())
    return document


def enregistrer(document: DocumentWord, sortie: Path) -> None:
    """Save to a temporary file beside ``sortie``, then rename: never a half-written file."""
    if sortie.is_dir():
        raise ProjterrError("c'est un dossier, pas un fichier de sortie", str(sortie))
    dossier = sortie.resolve().parent
    try:
        fd, temporaire = tempfile.mkstemp(prefix=f".{sortie.name}.", suffix=".tmp", dir=dossier)
        os.close(fd)
    except OSError as exc:
        raise ProjterrError(f"écriture impossible ({raison_systeme(exc)})", str(sortie)) from exc
    try:
        document.save(temporaire)
        os.replace(temporaire, sortie)
    except OSError as exc:
        raise ProjterrError(f"écriture impossible ({raison_systeme(exc)})", str(sortie)) from exc
    finally:
        if os.path.exists(temporaire):
            os.unlink(temporaire)
