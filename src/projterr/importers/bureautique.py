"""What Word and ODT documents share, read the same way: heading styles named in any language,
list numbers as the word processor prints them, bullets drawn from symbol fonts, a paragraph
as a bloc, a table cell's paragraphs, and what the reader says about tracked changes, notes,
running headers and comments."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from projterr.importers.blocs import Bloc

_TITRES = re.compile(
    r"^(?:heading|titre|überschrift|título|titolo|kop|nagłówek|rubrik|otsikko)\s*(\d)$"
)


def niveau_du_nom(nom: str) -> int | None:
    m = _TITRES.search(nom.casefold().replace("é", "é"))
    return int(m.group(1)) if m and m.group(1) != "0" else None


@dataclass(frozen=True, slots=True)
class StyleDeParagraphe:
    """A paragraph style as both readers need it."""

    nom: str  # the name people see
    parent: str | None  # the style it is based on
    niveau: int | None  # its outline level (1 for a first-level heading)


def niveau_herite(
    id_: str | None,
    styles: Mapping[str, StyleDeParagraphe],
    affiche: Callable[[str], str] | None = None,
) -> int | None:
    """Heading level of a style: its outline level, a heading name (« Titre 2 », « Heading 2 »,
    « Überschrift 2 »), or its parent's, up the chain. ``affiche`` gives a style id's displayed
    name when the id names the style too (ODT encodes spaces in ids: « Heading_20_2 »)."""
    vus = set()
    while id_ and id_ not in vus:
        vus.add(id_)
        style = styles.get(id_)
        if style is None:
            return niveau_du_nom(affiche(id_) if affiche else id_)
        if style.niveau is not None:
            return style.niveau
        niveau = niveau_du_nom(style.nom)
        if niveau is None and affiche is not None:
            niveau = niveau_du_nom(affiche(id_))
        if niveau is not None:
            return niveau
        id_ = style.parent
    return None


def formater_numero(n: int, format_: str) -> str:
    if format_ in ("lowerLetter", "upperLetter"):
        lettres = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            lettres = chr(97 + r) + lettres
        return lettres.upper() if format_ == "upperLetter" else lettres
    if format_ in ("lowerRoman", "upperRoman"):
        romain = _romain(n)
        return romain.lower() if format_ == "lowerRoman" else romain
    if format_ == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _romain(n: int) -> str:
    valeurs = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]  # fmt: skip
    sortie = ""
    for v, s in valeurs:
        while n >= v:
            sortie += s
            n -= v
    return sortie


def texte_de_cellule(paragraphes: Iterable[str]) -> str:
    """A table cell's paragraphs as one text: « ; » between them, a typed bullet dropped."""
    return " ; ".join(t.lstrip("–-•· ").strip() or t for t in paragraphes if t)


# Bullets drawn from a symbol font (Symbol, Wingdings) are private-use characters in the
# file: « \uf0b7 » is Word's round bullet, and LibreOffice keeps it when it converts.
# « \uf0ae » is Symbol's arrow, which LibreOffice writes for a « → » bullet.
_PUCES_SYMBOLES = {
    "\uf0b7": "•",  # Symbol, bullet
    "\uf0ae": "→",  # Symbol, arrow
    "\uf0de": "⇒",  # Symbol, double arrow
    "\uf0a7": "▪",  # Wingdings, small square
    "\uf06e": "■",  # Wingdings, square
    "\uf076": "❖",  # Wingdings, diamond
    "\uf0d8": "➢",  # Wingdings, arrowhead
    "\uf0e0": "→",  # Wingdings, arrow
    "\uf0e8": "➔",  # Wingdings, heavy arrow
    "\uf0fc": "✓",  # Wingdings, check mark
    "o": "◦",  # Courier New « o », Word's second-level bullet
}


def puce_lisible(caractere: str | None) -> str:
    """The bullet as a reader sees it: a symbol font's private-use character becomes the
    glyph it draws (« • » when unknown), so the profils' bullet patterns recognise it."""
    if not caractere:
        return "•"
    if caractere in _PUCES_SYMBOLES:
        return _PUCES_SYMBOLES[caractere]
    if all("\ue000" <= c <= "\uf8ff" for c in caractere):
        return "•"
    return caractere


def bloc_de_paragraphe(
    texte: str,
    style: str,
    paragraphe: int,
    *,
    niveau_titre: int | None = None,
    numero_titre: tuple[str, bool] | None = None,
    liste: tuple[str, bool, int] | None = None,
    style_de_liste: bool = False,
) -> Bloc:
    """A word processor's paragraph as a bloc, the same way for Word and ODT.

    ``niveau_titre``: its heading level (outline level or heading style);
    ``numero_titre``: the number printed before a heading and whether it is a bullet;
    ``liste``: (mark printed, whether it is a bullet, list level) of a list paragraph;
    ``style_de_liste``: a « List Bullet » style without list numbering, still a bullet.
    """
    if not texte:
        return Bloc("", "vide", paragraphe=paragraphe)
    if niveau_titre is not None:
        numero = numero_titre[0] if numero_titre and not numero_titre[1] else None
        return Bloc(
            texte, "titre", niveau=niveau_titre, style=style, numero=numero, paragraphe=paragraphe
        )
    if liste is not None:
        marque, puce, niveau = liste
        return Bloc(
            texte,
            "puce",
            niveau=niveau,
            style=style,
            numero=None if puce else marque,
            marque=marque,
            paragraphe=paragraphe,
        )
    if style_de_liste:
        return Bloc(texte, "puce", niveau=1, style=style, marque="•", paragraphe=paragraphe)
    return Bloc(texte, "paragraphe", style=style, paragraphe=paragraphe)


def modifications_acceptees(nombre: int) -> str:
    """« 3 modifications suivies (insertions, suppressions, déplacements) lues comme
    acceptées »: what the import did with a document's tracked changes."""
    s = "s" if nombre > 1 else ""
    return (
        f"le document contenait {nombre} modification{s} suivie{s} (insertions, suppressions, "
        f"déplacements) : lue{s} comme acceptée{s}"
    )


def remarques_de_bureautique(
    *, suivies: int, notes: int, repetes: Sequence[str], commentaires: int
) -> list[str]:
    """What a Word or ODT reader says it did with what is not the plan's text: tracked
    changes accepted, notes set apart, page headers and footers (``repetes``, their texts)
    and reviewers' comments not read."""
    remarques = []
    if suivies:
        remarques.append(modifications_acceptees(suivies))
    if notes:
        s = "s" if notes > 1 else ""
        remarques.append(
            f"{notes} note{s} de bas de page ou de fin gardée{s} à part, dans les lignes non "
            "classées"
        )
    if repetes:
        n = len(repetes)
        remarques.append(
            "en-têtes et pieds de page non lus (ils se répètent à chaque page) : "
            + " ; ".join(f"« {t[:60]} »" for t in repetes[:3])
            + (f" et {n - 3} autre{'s' if n > 4 else ''}" if n > 3 else "")
        )
    if commentaires:
        s = "s" if commentaires > 1 else ""
        remarques.append(
            f"{commentaires} commentaire{s} de relecture non lu{s} : ils ne font pas partie du "
            "texte du document"
        )
    return remarques
