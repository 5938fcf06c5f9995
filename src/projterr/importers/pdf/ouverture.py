"""Opening a PDF safely: a file named .pdf that is another format, a truncated, protected or
damaged PDF each get one French sentence. pdfplumber is imported here, when a PDF is read.
"""

from __future__ import annotations

from typing import Any

from projterr.errors import FichierIllisible
from projterr.importers.blocs import NOMS_FORMATS, format_du_contenu


def erreur(nom: str, message: str) -> FichierIllisible:
    return FichierIllisible(message, nom)


def ouvrir(data: bytes, nom: str) -> Any:
    import io
    import logging

    # pdfminer logs its repairs (« defaulting to US Letter ») on stderr: a bad file must end in
    # one French line, and a readable one in the import summary only.
    for bibliotheque in ("pdfminer", "pdfplumber"):
        logging.getLogger(bibliotheque).setLevel(logging.CRITICAL)

    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if b"%%EOF" not in data[-2048:]:
        raise erreur(
            nom, "PDF tronqué (la fin du fichier manque) : téléchargez-le ou copiez-le à nouveau"
        )
    protege = "PDF protégé par un mot de passe : enregistrez-en une copie sans protection"
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # the page tree is read here: a broken file fails now
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise erreur(nom, protege) from exc
    except Exception as exc:  # pdfminer raises many kinds of errors on a damaged file
        # pdfplumber wraps pdfminer's own exception in its args.
        causes = [exc, *exc.args, exc.__context__]
        if any(isinstance(c, PDFPasswordIncorrect | PDFEncryptionError) for c in causes):
            raise erreur(nom, protege) from exc
        raise erreur(nom, "PDF endommagé ou illisible (structure interne invalide)") from exc
    return pdf


def verifier_entete(data: bytes, nom: str) -> None:
    """A file named .pdf must be a PDF: say what it is otherwise."""
    contenu = format_du_contenu(data)
    if contenu == "pdf":
        return
    if contenu is not None:
        raise erreur(nom, f"ce fichier nommé .pdf est en réalité {NOMS_FORMATS[contenu]}")
    raise erreur(
        nom,
        "ce fichier n'est pas un PDF (pas d'en-tête « %PDF- ») : fichier endommagé ou "
        "d'un autre format",
    )
