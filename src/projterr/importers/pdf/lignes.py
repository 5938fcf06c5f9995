"""Lines back into the author's paragraphs: wrapped lines joined, hyphenated words rejoined,
bullets and their indents, heading sizes; each bloc keeps its page and line.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from itertools import pairwise

from projterr.importers.blocs import Bloc, Genre
from projterr.importers.pdf.geometrie import PUCES, TOLERANCE_DROITE, Ligne, PageLue, Tableau

_MARQUES_TEXTE = {"-", "–", "*", "→", "•"}  # a line starting with one of these is never a wrap

# « au-delà », « vis-à-vis », « c'est-à-dire »: a line ending « au- » keeps its hyphen.
_PREFIXES_COMPOSES = {
    "au", "c'est", "c’est", "vis", "peut", "non", "quasi", "demi", "semi", "mi", "ex",
    "après", "arrière", "avant", "contre", "grand", "sous", "sur", "porte", "belle", "beau",
    "petit", "petite", "saint", "sainte", "nord", "sud", "est", "ouest", "franco", "ci",
    "celle", "celui", "ceux", "là", "tout", "entre", "anti", "extra", "co", "e",
}  # fmt: skip
_COUPURE = re.compile(r"(\w+)-$")


def _droite_du_document(pages: list[PageLue]) -> float:
    """The right edge of the text on single-column pages: where a wrapped line ends."""
    bords = [e.x1 for p in pages for e in p.elements if isinstance(e, Ligne) and not e.droite]
    return max(bords, default=0.0)


def _pas(pages: list[PageLue]) -> float:
    """Line pitch as a multiple of the font size (1.2 in most documents)."""
    rapports = []
    for page in pages:
        lignes = [e for e in page.elements if isinstance(e, Ligne)]
        for a, b in pairwise(lignes):
            r = (b.top - a.top) / max(a.taille, 1.0)
            if 0.9 <= r <= 1.8:
                rapports.append(r)
    return statistics.median(rapports) if rapports else 1.2


def _puce(ligne: Ligne) -> tuple[str | None, str]:
    """The bullet a line starts with (as « • » when drawn as a symbol), and the rest.

    An arrow stays text, even in a symbol font: « → » means something to a profil (a
    sous-point, an objectif), which a plain bullet would lose.
    """
    premier = ligne.mots[0]
    texte = ligne.texte
    initiale = premier.texte[:1]
    if initiale in "-–*→←⇒⇐↓↑":
        return None, texte
    seul = len(premier.texte) == 1
    if (initiale in PUCES or (premier.symbole and seul)) and (len(ligne.mots) > 1 or not seul):
        return "•", texte[1:].lstrip()
    return None, texte


_ELISION = re.compile(r"^(?:d|l|qu|s|n|j|c|m|t|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


def _enchainer(texte: str, suite: str, vocabulaire: frozenset[str] = frozenset()) -> str:
    """Join a wrapped line to the next: a word hyphenated across the two is made whole.

    A line ending « dévelop- » followed by « pement » is a hyphenated word, but word
    processors also break lines after a compound's own hyphen (« main- / d’œuvre »,
    « Midi- / Quercy »): the document's other words decide when they can (« développement »
    or « main-d’œuvre » written whole elsewhere), then the shape of the two halves does.
    """
    coupe = _COUPURE.search(texte)
    if not coupe:
        return f"{texte} {suite}"
    debut = coupe.group(1)
    reste = re.split(r"[\s,;:.!?)»]", suite, maxsplit=1)[0]
    if (f"{debut}-{reste}".lower()) in vocabulaire:
        return texte + suite  # the compound is written whole elsewhere
    if (debut + reste).lower() in vocabulaire:
        return texte[:-1] + suite
    compose = (
        not suite[:1].islower()
        or _ELISION.match(suite)
        or debut.lower() in _PREFIXES_COMPOSES
        or re.split(r"[\s'’-]", texte[:-1])[-1].lower() in _PREFIXES_COMPOSES
    )
    return texte + suite if compose else texte[:-1] + suite


def _vocabulaire(pages: list[PageLue]) -> frozenset[str]:
    """Every word of the document as written on one line (hyphenated compounds whole)."""
    mots = set()
    for page in pages:
        for e in page.elements:
            if isinstance(e, Ligne):
                for m in e.mots[:-1] if e.mots[-1].texte.endswith("-") else e.mots:
                    mots.add(m.texte.strip('.,;:!?()«»"“”').lower())
    return frozenset(mots)


def _cellule(texte: str | None) -> str:
    lignes = [ligne.strip() for ligne in (texte or "").split("\n") if ligne.strip()]
    out = ""
    for ligne in lignes:
        out = _enchainer(out, ligne) if out else ligne
    return out


def _retraits_des_puces(pages: list[PageLue]) -> list[float]:
    """The x where bullets are drawn, one per list level, left to right."""
    xs = sorted(e.x0 for p in pages for e in p.elements if isinstance(e, Ligne) and _puce(e)[0])
    niveaux: list[float] = []
    for x in xs:
        if not niveaux or x - niveaux[-1] > 3.0:
            niveaux.append(x)
    return niveaux


def _niveau(x0: float, retraits: list[float]) -> int:
    return 1 + sum(1 for r in retraits[1:] if x0 > r - 3.0)


def _tailles_des_titres(pages: list[PageLue]) -> list[float]:
    """Font sizes clearly larger than the body text's, largest first (heading levels)."""
    lignes = [e for p in pages for e in p.elements if isinstance(e, Ligne)]
    if not lignes:
        return []
    mots: Counter[float] = Counter()
    for ligne in lignes:
        mots[round(ligne.taille, 1)] += len(ligne.mots)
    corps = mots.most_common(1)[0][0]
    return sorted((t for t in mots if t > 1.15 * corps), reverse=True)


def en_blocs(pages: list[PageLue]) -> list[Bloc]:
    droite_doc = _droite_du_document(pages)
    pas = _pas(pages)
    retraits = _retraits_des_puces(pages)
    titres = _tailles_des_titres(pages)
    vocabulaire = _vocabulaire(pages)
    blocs: list[Bloc] = []
    tableaux = 0
    # The line being built: its last physical line, text, bullet, page, line on the page, level.
    ouverte: tuple[Ligne, str, str | None, int, int, int] | None = None

    def fermer() -> None:
        nonlocal ouverte
        if ouverte:
            derniere, texte, marque, page, numero, niveau = ouverte
            genre: Genre = "puce" if marque else "paragraphe"
            style = None
            if marque and niveau > 1:
                marque = "◦"
            taille = round(derniere.taille, 1)
            if not marque and taille in titres:
                # Larger than the body text: a heading, level by size. The profil still decides
                # what it is (the line engines read its text), the bloc says what it looked like.
                genre, niveau, style = "titre", titres.index(taille) + 1, f"{taille:g} pt"
            blocs.append(
                Bloc(
                    texte,
                    genre,
                    niveau=niveau if genre != "paragraphe" else None,
                    style=style,
                    marque=marque,
                    page=page,
                    ligne=numero,
                )
            )
        ouverte = None

    precedente: Ligne | None = None
    for page in pages:
        numero = 0
        for element in page.elements:
            numero += 1
            if isinstance(element, Tableau):
                fermer()
                precedente = None
                tableaux += 1
                for r, rangee in enumerate(element.rangees, start=1):
                    for c, cellule in enumerate(rangee, start=1):
                        blocs.append(
                            Bloc(
                                _cellule(cellule),
                                "cellule",
                                page=page.numero,
                                ligne=numero,
                                tableau=tableaux,
                                rangee=r,
                                colonne=c,
                            )
                        )
                continue
            ligne = element
            ligne.numero = numero
            marque, texte = _puce(ligne)
            if not texte.strip():
                continue
            vides = 0
            if precedente is not None and precedente.page == ligne.page:
                ecart = ligne.top - precedente.top
                if ecart > 0 and precedente.droite == ligne.droite:
                    vides = max(0, round(ecart / (pas * max(precedente.taille, 1.0))) - 1)
            if ouverte and not vides and not marque and _coupee(ouverte[0], ligne, droite_doc):
                _, deja, m, p, n, niv = ouverte
                ouverte = (ligne, _enchainer(deja, texte, vocabulaire), m, p, n, niv)
            else:
                fermer()
                for _ in range(min(vides, 3)):
                    blocs.append(Bloc("", "vide", page=page.numero))
                niveau = _niveau(ligne.x0, retraits) if marque else 0
                ouverte = (ligne, texte, marque, page.numero, numero, niveau)
            precedente = ligne
    fermer()
    return blocs


_OUVRANTES = {"«", "“", "(", "[", "‹", "—", "–"}
_FERMANTES = {"»", "”", ")", "]", "›", ":", ";", "!", "?", "%", "€"}


def _premiere_unite(ligne: Ligne) -> float:
    """Width of what a layout cannot break at the start of ``ligne``: its first word, with a
    French quote or a « : » kept to its word by a no-break space (« « consom’acteurs »)."""
    mots = ligne.mots
    fin = 0
    while fin + 1 < len(mots) and (
        mots[fin].texte in _OUVRANTES or mots[fin + 1].texte in _FERMANTES
    ):
        fin += 1
    return mots[fin].x1 - mots[0].x0


def _coupee(ligne: Ligne, suivante: Ligne, droite_doc: float) -> bool:
    """Was ``ligne`` wrapped by the layout: would the next line's first word have fitted?"""
    premier = suivante.mots[0].texte
    if premier in _MARQUES_TEXTE:
        return False
    if abs(ligne.taille - suivante.taille) > 0.6:
        return False  # a title followed by its text
    if premier[:1] in _FERMANTES or premier[:1] in ",.":
        return True  # no paragraph starts with « » » or « , »
    droite = ligne.droite or droite_doc
    espace = 0.25 * ligne.taille
    return ligne.x1 + espace + _premiere_unite(suivante) > droite - TOLERANCE_DROITE
