"""projterr's own exceptions. The CLI turns each into one French line and exit code 2."""

from __future__ import annotations


class ProjterrError(Exception):
    """Bad input or usage: a message in French, naming the file when there is one."""

    def __init__(self, message: str, fichier: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fichier = fichier

    def __str__(self) -> str:
        return f"{self.fichier} : {self.message}" if self.fichier else self.message


class FichierIllisible(ProjterrError):
    """Missing, a directory, empty, binary, or not decodable."""


class YamlInvalide(ProjterrError):
    """The file is not well-formed YAML."""


class SchemaInvalide(ProjterrError):
    """Well-formed YAML that does not follow the projterr schema."""


class ProfilInvalide(ProjterrError):
    """An import profil that cannot be used."""


class ClasseurInvalide(ProjterrError):
    """An Excel workbook that cannot be read as a Territoires en Transitions plan: not a
    workbook, damaged, encrypted, a zip bomb, columns missing, a row that breaks the rules."""


class FormatNonPris(ProjterrError):
    """A file type that no importer reads."""


def raison_systeme(exc: OSError) -> str:
    """The French reason of an operating-system error (the OS gives it in English)."""
    import errno

    raisons = {
        errno.ENOENT: "dossier ou fichier introuvable",
        errno.EACCES: "permission refusée",
        errno.EPERM: "opération non permise",
        errno.ENOSPC: "disque plein",
        errno.EISDIR: "c'est un dossier",
        errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
        errno.EROFS: "système de fichiers en lecture seule",
        errno.ENAMETOOLONG: "nom de fichier trop long",
    }
    return raisons.get(exc.errno or -1, f"erreur système {exc.errno}")
