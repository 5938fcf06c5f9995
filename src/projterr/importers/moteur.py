"""The profile engine: a line-by-line reading of a text driven by a :class:`Profil`.

Every non-blank line ends in one of four places, never nowhere: a node (title or
description), an action (text or sous-point), the document's preambule or contexte, or the
``non_classe`` list with its line number and a reason. Structure labels (« Comment ? »,
« Ambitions : ») are returned apart, so the summary can name them. A profil that describes
fiches hands the text to the fiche reader (:mod:`projterr.importers.fiches`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from projterr.ids import Identifiants
from projterr.importers.blocs import Bloc
from projterr.importers.fiches import analyser_fiches
from projterr.importers.profil import Niveau, Profil
from projterr.importers.resultat import ResultatImport
from projterr.model import Action, Document, Noeud, NonClasse, Projet, Territoire
from projterr.normalize import espaces


@dataclass
class _BAction:
    ligne: int
    parts: list[str]
    sous_points: list[list[str]] = field(default_factory=list)


@dataclass
class _BNoeud:
    type: str
    rang: int
    numero: str | None
    ligne: int
    titre: list[str]
    description: list[list[str]] = field(default_factory=list)
    enfants: list[_BNoeud] = field(default_factory=list)
    actions: list[_BAction] = field(default_factory=list)


@dataclass
class _Bloc:
    """What a continuation line would extend."""

    genre: str  # "titre" | "action" | "sous_point" | "paragraphe"
    cible: object  # _BNoeud, _BAction or the list of paragraphs


# Node types given to a document's heading levels when the heading text names no level
# (« Mobilité » in a « Titre 1 » style), by how many heading levels the document uses.
_TYPES_DES_TITRES = {
    1: ("axe",),
    2: ("axe", "objectif"),
    3: ("axe", "objectif_strategique", "objectif_operationnel"),
}


# The document title's style, as Word and LibreOffice name it in English and in French.
_STYLES_DU_TITRE = {"title", "titre", "titre du document"}


@dataclass(frozen=True)
class Titres:
    """The headings a word processor declared (style or outline level), by line index.

    Word and ODT say which paragraphs are headings and at which level, whatever their text;
    a heading the profil's patterns do not recognise opens a node at its level.
    """

    par_ligne: dict[int, Bloc]
    document: tuple[int, str] | None = None  # the paragraph in the « Titre » (Title) style

    @classmethod
    def des_origines(cls, origines: list[Bloc]) -> Titres:
        document = next(
            (
                (i, espaces(bloc.texte))
                for i, bloc in enumerate(origines)
                if bloc.texte.strip() and (bloc.style or "").casefold() in _STYLES_DU_TITRE
            ),
            None,
        )
        return cls(
            {
                i: bloc
                for i, bloc in enumerate(origines)
                if bloc.genre == "titre" and bloc.niveau and bloc.texte.strip()
            },
            document,
        )

    def rangs(self) -> dict[int, int]:
        """Heading level → rang (0 for the document's top heading level)."""
        niveaux = sorted({b.niveau for b in self.par_ligne.values() if b.niveau})
        return {niveau: rang for rang, niveau in enumerate(niveaux)}

    def types(self) -> tuple[str, ...]:
        n = len(self.rangs())
        if n in _TYPES_DES_TITRES:
            return _TYPES_DES_TITRES[n]
        return (*_TYPES_DES_TITRES[3], *(f"niveau_{k}" for k in range(4, n + 1)))


class _Lecture:
    def __init__(self, profil: Profil, lignes: list[str], titres: Titres | None = None) -> None:
        self.profil = profil
        self.titres = titres or Titres({})
        self.rangs_des_titres = self.titres.rangs()
        self.types_des_titres = self.titres.types()
        self.titres_sans_motif = 0
        # A word processor's paragraph is whole: no line of it continues the one before, as a
        # line wrapped by a PDF's or a web page's layout does.
        self.coupees = profil.lignes_coupees and titres is None
        self.lignes = [self._nettoyer(ligne) for ligne in lignes]
        self.racines: list[_BNoeud] = []
        self.pile: list[_BNoeud] = []
        self.preambule: list[list[str]] = []
        self.contexte: list[list[str]] = []
        self.non_classe: list[NonClasse] = []
        self.etiquettes: list[NonClasse] = []
        self.bloc: _Bloc | None = None
        self.mode_puces = "action"
        self.en_contexte = False
        self.prefixe: str | None = None
        self.vide_depuis_bloc = False

    def _nettoyer(self, ligne: str) -> str:
        for regex in self.profil.regex_nettoyage:
            ligne = regex.sub("", ligne)
        return ligne.replace("\f", " ").replace("\u00a0", " ").strip()

    # --- the reading loop ---------------------------------------------------------------

    def lire(self) -> None:
        for index, ligne in enumerate(self.lignes):
            numero = index + 1
            if not ligne:
                self.vide_depuis_bloc = True
                if not self.coupees and self.bloc and self.bloc.genre != "titre":
                    self.bloc = None
                continue
            self._classer(ligne, numero, index)
            self.vide_depuis_bloc = False

    def _classer(self, ligne: str, numero: int, index: int) -> None:
        p = self.profil
        declare = index in self.titres.par_ligne
        for regle in p.ignorer:
            # A heading its author styled as such is no menu item or page number.
            if not declare and regle.regex.search(ligne):
                self.non_classe.append(NonClasse(ligne=numero, texte=ligne, raison=regle.raison))
                return
        niveau, m = self._titre(ligne, index)
        if niveau and m:
            self._ouvrir(niveau, m, numero)
            return
        titre = self.titres.par_ligne.get(index)
        if titre is not None:
            self._ouvrir_titre(titre, numero)
            return
        for etiquette in p.etiquettes:
            if etiquette.regex.search(ligne):
                self.etiquettes.append(NonClasse(ligne=numero, texte=ligne, raison="étiquette"))
                if etiquette.garder == "prefixe":
                    self.prefixe = ligne
                self.bloc = None
                return
        for mode in p.modes:
            if mode.regex.search(ligne):
                self.mode_puces = mode.puces
                if mode.etiquette:
                    self.etiquettes.append(NonClasse(ligne=numero, texte=ligne, raison="étiquette"))
                    self.bloc = None
                else:
                    self._paragraphe(ligne, nouveau=True)
                return
        if p.regex_sous_point and self.bloc and self.bloc.genre in ("action", "sous_point"):
            m = p.regex_sous_point.match(ligne)
            if m:
                action = self._action_du_bloc()
                action.sous_points.append([m.group("texte")])
                self.bloc = _Bloc("sous_point", action)
                return
        m = p.regex_puce.match(ligne)
        if m:
            self._puce(m.group("texte"), numero)
            return
        self._suite(ligne, numero)

    def _titre(self, ligne: str, index: int) -> tuple[Niveau | None, re.Match[str] | None]:
        for niveau in self.profil.niveaux:
            for regex in niveau.regex:
                m = regex.match(ligne)
                if not m:
                    continue
                if niveau.regex_suivi and not niveau.regex_suivi.search(self._suivante(index)):
                    continue
                if niveau.regex_dans and not any(
                    niveau.regex_dans.search(" ".join(n.titre)) for n in self.pile
                ):
                    continue
                return niveau, m
        return None, None

    def _suivante(self, index: int) -> str:
        for ligne in self.lignes[index + 1 :]:
            if ligne:
                return ligne
        return ""

    # --- building the tree ---------------------------------------------------------------

    def _ouvrir(self, niveau: Niveau, m: re.Match[str], numero: int) -> None:
        groupes = m.groupdict()
        titre = (groupes.get("titre") or "").strip()
        noeud = _BNoeud(
            type=niveau.type,
            rang=niveau.rang,
            numero=(groupes.get("numero") or None),
            ligne=numero,
            titre=[titre] if titre else [],
        )
        self._empiler(noeud)

    def _ouvrir_titre(self, bloc: Bloc, numero: int) -> None:
        """A heading the word processor declared, at its level, whatever its text."""
        assert bloc.niveau is not None
        self.titres_sans_motif += 1
        rang = self.rangs_des_titres[bloc.niveau]
        texte = espaces(bloc.texte)
        self._empiler(
            _BNoeud(
                type=self.types_des_titres[rang],
                rang=rang,
                numero=bloc.numero.strip().rstrip(".") if bloc.numero else None,
                ligne=numero,
                titre=[texte],
            )
        )
        self.bloc = None  # a heading paragraph is whole: the next paragraph is not its end

    def _empiler(self, noeud: _BNoeud) -> None:
        while self.pile and self.pile[-1].rang >= noeud.rang:
            self.pile.pop()
        (self.pile[-1].enfants if self.pile else self.racines).append(noeud)
        self.pile.append(noeud)
        self.bloc = _Bloc("titre", noeud)
        self.mode_puces = "action"
        self.en_contexte = False
        self.prefixe = None

    def _puce(self, texte: str, numero: int) -> None:
        if not self.pile:
            # A bullet before any heading is introduction text: keep it in the preambule.
            self._paragraphe(f"• {texte}", nouveau=True)
            return
        parent = self.pile[-1]
        if self.mode_puces == "action":
            action = _BAction(ligne=numero, parts=[texte])
            parent.actions.append(action)
            self.bloc = _Bloc("action", action)
        else:
            noeud = _BNoeud(self.mode_puces, parent.rang + 1, None, numero, [texte])
            parent.enfants.append(noeud)
            self.bloc = _Bloc("titre", noeud)

    def _action_du_bloc(self) -> _BAction:
        assert self.bloc is not None and isinstance(self.bloc.cible, _BAction)
        return self.bloc.cible

    def _suite(self, ligne: str, numero: int) -> None:
        bloc = self.bloc
        coupees = self.coupees
        if (
            bloc
            and bloc.genre == "titre"
            and isinstance(bloc.cible, _BNoeud)
            and (coupees or not bloc.cible.titre)
        ):
            bloc.cible.titre.append(ligne)
            return
        if bloc and coupees and bloc.genre == "action" and isinstance(bloc.cible, _BAction):
            bloc.cible.parts.append(ligne)
            return
        if bloc and coupees and bloc.genre == "sous_point" and isinstance(bloc.cible, _BAction):
            bloc.cible.sous_points[-1].append(ligne)
            return
        if bloc and bloc.genre == "paragraphe" and coupees and not self.vide_depuis_bloc:
            assert isinstance(bloc.cible, list)
            bloc.cible[-1].append(ligne)
            return
        self._paragraphe(ligne, nouveau=True)

    def _paragraphe(self, ligne: str, nouveau: bool) -> None:
        if any(r.search(ligne) for r in self.profil.regex_contexte):
            self.en_contexte = True
        if self.en_contexte:
            cible = self.contexte
        elif self.pile:
            cible = self.pile[-1].description
        else:
            cible = self.preambule
        if self.prefixe:
            ligne = f"{self.prefixe} {ligne}"
            self.prefixe = None
        cible.append([ligne])
        self.bloc = _Bloc("paragraphe", cible)


_COUPURE = re.compile(r"(?<=\w)-\s*$")


def _joindre(parts: list[str]) -> str:
    """Join wrapped lines; a compound cut after its hyphen (« au-» / « delà ») is rejoined."""
    texte = ""
    for part in parts:
        part = part.strip()
        if texte and _COUPURE.search(texte):
            texte = texte.rstrip() + part
        else:
            texte = f"{texte} {part}" if texte else part
    return espaces(texte)


def _construire(lecture: _Lecture, ids: Identifiants) -> list[Noeud]:
    def action(b: _BAction, parent: str) -> Action:
        texte = _joindre(b.parts)
        a = Action(
            id=ids.action(texte, parent),
            texte=texte,
            sous_points=[_joindre(sp) for sp in b.sous_points],
        )
        a._ligne = b.ligne
        return a

    def noeud(b: _BNoeud, parent: str) -> Noeud:
        titre = _joindre(b.titre)
        n = Noeud(
            id=ids.noeud(b.type, titre, b.numero, parent),
            type=b.type,
            numero=b.numero,
            titre=titre,
            description=[_joindre(p) for p in b.description],
            enfants=[noeud(e, titre) for e in b.enfants],
            actions=[action(a, titre) for a in b.actions],
        )
        n._ligne = b.ligne
        return n

    return [noeud(r, "") for r in lecture.racines]


def _niveaux(contenu: list[Noeud]) -> list[str]:
    profondeurs: dict[str, int] = {}
    for racine in contenu:
        for parents, n in racine.walk():
            profondeurs.setdefault(n.type, len(parents))
    return sorted(profondeurs, key=lambda t: profondeurs[t])


def _titres_sans_noeud(titres: Titres, projet: Projet) -> int:
    """Declared headings a reading did not make a node, action or fiche title of."""
    lus = [espaces(n.titre) for _, n in projet.noeuds()]
    lus += [espaces(a.texte) for _, a in projet.actions()]
    return sum(
        1
        for bloc in titres.par_ligne.values()
        if not any(espaces(bloc.texte) in titre for titre in lus)
    )


# What encodings and conversions make of a line's arrow or bullet: Word's « Texte brut » in
# Windows-1252 writes « → » as « -> », a PDF's arrow glyph may come out as « > » or « => »,
# and second-level bullets as « o », « ▪ » or « ◦ ». Read like the originals.
_FLECHE_CONVERTIE = re.compile(r"^(\s*)(?:-{1,2}>|={1,2}>|[–—]>|>)(?=\s)\s*")
_PUCE_CONVERTIE = re.compile(r"^(\s*)(?:[▪◦▫‣⁃○]|(?<=\s)o)(?=\s+\S)\s*")


def forme_d_origine(ligne: str) -> str:
    """« -> Objectif stratégique n°2 : … » → « → Objectif stratégique n°2 : … »; « ▪ Texte »
    and an indented « o Texte » → « • Texte »."""
    if not ligne or ligne.lstrip()[:1] not in "-=–—>▪◦▫‣⁃○o":
        return ligne  # the common case, decided on one character
    ligne = _FLECHE_CONVERTIE.sub(r"\1→ ", ligne, count=1)
    return _PUCE_CONVERTIE.sub(r"\1• ", ligne, count=1)


def _comme_les_originaux(texte: str, profil: Profil) -> str:
    """The text with converted arrows and bullets read as their originals. The profil has
    the last word: a line it reads as written stays as written (a profil whose bullet is
    « > »), unless the original form opens a level or a sous-point of that profil (« -> » is
    also a « - » bullet, yet « -> Objectif stratégique n°2 : … » opens an objectif)."""
    structure = [regex for niveau in profil.niveaux for regex in niveau.regex]
    if profil.regex_sous_point is not None:
        structure.append(profil.regex_sous_point)
    tous = [profil.regex_puce, *structure]

    def reconnue(ligne: str, motifs: list[re.Pattern[str]]) -> bool:
        propre = ligne.strip()
        return any(m.search(ligne) or m.search(propre) for m in motifs)

    def ligne_lue(ligne: str) -> str:
        convertie = forme_d_origine(ligne)
        if convertie == ligne or reconnue(convertie, structure) or not reconnue(ligne, tous):
            return convertie
        return ligne

    return "\n".join(ligne_lue(ligne) for ligne in texte.split("\n"))


def analyser(
    texte: str, profil: Profil, fichier: str = "<texte>", titres: Titres | None = None
) -> ResultatImport:
    """Read ``texte`` with ``profil`` into a Projet (the library entry, no file needed).

    ``titres``: the headings a word processor declared, by line (Word, ODT)."""
    texte = _comme_les_originaux(texte, profil)
    if profil.fiches is not None:
        resultat = analyser_fiches(texte, profil, fichier)
        if titres is not None:
            resultat.titres_sans_motif = _titres_sans_noeud(titres, resultat.projet)
        return resultat
    lignes = texte.replace("\r\n", "\n").split("\n")
    doc = dict(profil.document)
    if titres is not None and titres.document is not None:
        index, titre_declare = titres.document
        doc.setdefault("titre", titre_declare)
        lignes[index] = ""  # now in document.titre: not read again
    elif profil.titre_document == "premiere_ligne" and "titre" not in doc:
        premiere = next((i for i, ligne in enumerate(lignes) if ligne.strip()), None)
        # A first line its author styled as a heading opens the tree: it is not the title.
        if premiere is not None and (titres is None or premiere not in titres.par_ligne):
            doc.setdefault("titre", espaces(lignes[premiere]))
            lignes[premiere] = ""  # now in document.titre: not read again
    territoire = dict(profil.territoire)
    if profil.territoire_depuis and "nom" not in territoire:
        trouve = re.search(profil.territoire_depuis, texte, re.MULTILINE)
        if trouve:
            territoire["nom"] = espaces(trouve.group("nom"))
    lecture = _Lecture(profil, lignes, titres)
    lecture.lire()
    contenu = _construire(lecture, Identifiants())
    preambule = [_joindre(p) for p in lecture.preambule]

    if profil.titre_document == "premier_paragraphe" and preambule and "titre" not in doc:
        doc.setdefault("titre", preambule.pop(0))
    doc.setdefault("titre", Path(fichier).stem)
    territoire.setdefault("nom", "(territoire à compléter)")

    projet = Projet(
        territoire=Territoire.model_validate(territoire),
        document=Document.model_validate(doc),
        niveaux=_niveaux(contenu),
        preambule=preambule,
        contexte=[_joindre(p) for p in lecture.contexte],
        contenu=contenu,
        non_classe=lecture.non_classe,
    )
    return ResultatImport(
        projet=projet,
        profil=profil.nom,
        etiquettes=lecture.etiquettes,
        titres_sans_motif=lecture.titres_sans_motif,
    )
