"""Fiche reader: plans written as fiches actions, whatever the markup.

A fiche is recognised by its usual sections (Contexte, Objectifs, Cibles, Pilote,
Partenaires, Financements, Calendrier, Indicateurs…) written as Markdown headings, bold labels
(« **Partenaires :** … ») or plain lines of a text export (« Partenaires : … »). Each section
goes to its :class:`Action` field, never becomes a node or an action. Markdown pages with YAML
front matter are fiches grouped under the parent their front matter names. Bullet pages whose
first-level bullets hold second-level ones give nodes and actions.

As in the profil engine, every non-blank line ends somewhere: the tree, a field, the
preambule, ``non_classe`` with a reason, or the structure labels of the summary.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from projterr.champs_fiche import CHAMPS_FICHE
from projterr.ids import Identifiants
from projterr.importers.profil import Fiches, Profil
from projterr.importers.resultat import ResultatImport
from projterr.importers.rubriques import MOT_FICHE, rubrique, titre_de_niveau, type_niveau
from projterr.model import (
    Action,
    Document,
    Financement,
    Noeud,
    NonClasse,
    Projet,
    Territoire,
)
from projterr.normalize import espaces, normaliser
from projterr.valeurs import montant_dans

NOM = "fiches-actions"  # the shipped profil that selects this reader

_TITRE_MD = re.compile(r"^(?P<diese>#{1,6})\s+(?P<texte>.*?)\s*#*\s*$")
_GRAS_LIBELLE = re.compile(r"^\*\*(?P<libelle>[^*]+?)\s*:?\s*\*\*\s*:?\s*(?P<reste>.*)$")
_LIBELLE = re.compile(r"^(?P<libelle>[^:]{2,70}?)\s*:\s*(?P<reste>.*)$")
_PUCE = re.compile(r"^(?P<marge>\s*)(?P<signe>[-•*–▪◦·‣])\s+(?P<texte>\S.*)$")
_ITEM_NUMERO = re.compile(r"^\s*(?:(?P<n1>\d+(?:\.\d+)+)\.?|(?P<n2>\d+)[.)])\s+(?P<texte>\S.*)$")
_FILET = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|(?:- ){2,}-|(?:\* ){2,}\*)\s*$")
_CLE_FM = re.compile(r"^(?P<cle>[A-Za-z_][\w-]*)\s*:(?:\s+(?P<valeur>.*))?$")
_BARRE = re.compile(r"^~~(?P<texte>.+)~~\s*\.?$")
_FINANCEUR = re.compile(
    r"^(?P<financeur>[^:]{2,120}?)\s*[:–—-]\s*(?P<montant>[\d\s\u00a0\u202f.,]+\s*(?:k€|M€|€|euros?))\s*(?:HT|TTC)?\.?$",
    re.IGNORECASE,
)

# Page furniture of a copied web page or a PDF export: never part of the document.
_HABILLAGE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(m, re.IGNORECASE), raison)
    for m, raison in (
        (r"^aller au contenu", "lien d'évitement de la page web"),
        (r"^vous [êe]tes ici\b|^accueil\s*[>›»/|]", "fil d'Ariane de la page web"),
        (
            r"^(partager|imprimer|tweeter|envoyer (par|à)|facebook|linkedin|twitter)\b",
            "bouton de partage de la page web",
        ),
        (
            r"mentions l[ée]gales|plan du site|gestion des cookies|politique de confidentialit",
            "pied de la page web",
        ),
        (r"^(©|\(c\)|copyright)", "pied de la page web"),
        (r"^t[ée]l[ée]charger\b.*\((pdf|docx?|odt)\b", "lien de téléchargement de la page web"),
        (r"^(derni[èe]re )?mise à jour\s*:", "date de mise à jour de la page web"),
        (r"^page \d+( sur \d+| / \d+)?$|^\d{1,3}$", "numéro de page"),
        (r"\b\d{5}\b.*\b0\d(?:[ .]?\d\d){4}\b", "coordonnées en pied de page"),
    )
)
_MENU_MOTS_MAX = 3


@dataclass
class _Item:
    ligne: int
    texte: str
    liste: int | None = None  # id of the run of numbered items it belongs to
    barre: bool = False
    en_ligne: bool = False  # a phrase, not a bullet: « Partenaires : A, B » may list several


@dataclass
class _BSous:
    ligne: int
    texte: str
    numero: str | None
    enfants: list[_BSous] = field(default_factory=list)


@dataclass
class _BFiche:
    ligne: int
    titre: str
    numero: str | None
    parent: _BNoeud | None
    groupe: str | None = None
    champs: dict[str, list[_Item]] = field(default_factory=dict)
    sous_actions: list[_BSous] = field(default_factory=list)
    statut: str | None = None
    priorite: str | None = None
    par_numero: bool = False  # opened by a numbered line (« 6. Former… »): its siblings too


@dataclass
class _BNoeud:
    type: str
    rang: int
    numero: str | None
    titre: str
    ligne: int
    description: list[str] = field(default_factory=list)
    enfants: list[_BNoeud] = field(default_factory=list)
    fiches: list[_BFiche] = field(default_factory=list)


@dataclass
class _Ligne:
    numero: int
    brute: str
    texte: str  # without Markdown bold and blockquote marks, spaces collapsed
    niveau_md: int  # Markdown heading level, 0 when the line is not a heading


def _nettoyer(brute: str) -> str:
    texte = brute.replace("\u00a0", " ").replace("\f", " ").strip()
    texte = re.sub(r"^>\s?", "", texte)
    return espaces(texte)


def _sans_gras(texte: str) -> str:
    return espaces(texte.replace("**", "").replace("__", ""))


def _front_matter(lignes: list[str], i: int) -> int | None:
    """Index of the closing ``---`` when a YAML front matter block opens at ``i``."""
    if lignes[i].strip() != "---":
        return None
    cles = 0
    for j in range(i + 1, min(len(lignes), i + 60)):
        ligne = lignes[j]
        if ligne.strip() == "---":
            return j if cles else None
        if not ligne.strip() or ligne.startswith((" ", "\t")):
            continue
        if not _CLE_FM.match(ligne.strip()):
            return None
        cles += 1
    return None


def _valeur_fm(valeur: str | None) -> str:
    valeur = (valeur or "").strip()
    if len(valeur) >= 2 and valeur[0] == valeur[-1] and valeur[0] in "\"'":
        valeur = valeur[1:-1]
    return espaces(valeur)


def _decouper(texte: str, virgules: bool) -> list[str]:
    """Split « A ; B » (and « A, B » when ``virgules``) outside parentheses."""
    parts, courant, prof = [], "", 0
    for c in texte:
        prof += {"(": 1, ")": -1}.get(c, 0)
        if prof == 0 and (c == ";" or (virgules and c == ",")):
            parts.append(courant)
            courant = ""
        else:
            courant += c
    parts.append(courant)
    propres = [p.strip().rstrip(".").strip() for p in parts]
    return [p for p in propres if p]


def _nombre(valeur: float) -> int | float:
    return int(valeur) if valeur.is_integer() else valeur


class _Lecture:
    def __init__(self, texte: str, config: Fiches) -> None:
        self.config = config
        self.brutes = texte.replace("\r\n", "\n").split("\n")
        self.lignes = [
            _Ligne(i + 1, b, _nettoyer(b), self._niveau_md(b)) for i, b in enumerate(self.brutes)
        ]
        self.racines: list[_BNoeud] = []
        self.pile: list[_BNoeud] = []
        self.fiches: list[_BFiche] = []
        self.fiche: _BFiche | None = None
        self.champ: str | None = None
        self.niveau_champ = 0  # Markdown level of the open section heading
        self.niveau_fiche = 0  # Markdown level of the open fiche's heading (0: none)
        self.imbrique: _BSous | None = None
        self.a_part: str | None = None  # reason while a block is set aside
        self.niveau_a_part = 0
        self.preambule: list[str] = []
        self.titre_document: str | None = None
        self.non_classe: list[NonClasse] = []
        self.etiquettes: list[NonClasse] = []
        self.listes = 0
        self.liste_ouverte = False
        self.types_parents: list[str] = []
        self.pages = 0
        self.rubriques_lues = 0
        self.groupe_type = "orientation"  # node type of the parents named by front matter
        self.ignorer: list[tuple[re.Pattern[str], str]] = []
        self.regex_a_part = [(re.compile(r.motif), r.raison) for r in config.mettre_de_cote]
        self.regex_rubriques = [(re.compile(r.motif), r.champ) for r in config.rubriques]
        self.regex_fiche = [re.compile(m) for m in config.titre]
        self.repetees = self._lignes_repetees()
        self.fiches_md = self._titres_de_fiche()

    @staticmethod
    def _niveau_md(brute: str) -> int:
        m = _TITRE_MD.match(brute.strip())
        return len(m.group("diese")) if m else 0

    # --- pre-passes -------------------------------------------------------------------------

    def _lignes_repetees(self) -> set[str]:
        """Running headers and footers: the same plain line three times or more."""
        compte = Counter(
            ligne.texte
            for ligne in self.lignes
            if len(ligne.texte) >= 12
            and not ligne.niveau_md
            and not _PUCE.match(ligne.brute)
            and not _ITEM_NUMERO.match(ligne.texte)
            and not self._libelle(ligne.texte)
        )
        return {t for t, n in compte.items() if n >= 3}

    def _titres_de_fiche(self) -> set[int]:
        """Markdown headings that open a fiche: at least two sections directly under them."""
        titres = [k for k, ligne in enumerate(self.lignes) if ligne.niveau_md]
        fiches: set[int] = set()
        for k in titres:
            niveau = self.lignes[k].niveau_md
            texte = self._texte_titre(self.lignes[k])
            if self._rubrique(texte) or titre_de_niveau(texte):
                continue
            directes = 0
            profond = 0  # level of a deeper non-section heading we are inside (0: none)
            for ligne in self.lignes[k + 1 :]:
                if ligne.brute.strip() == "---" and directes:
                    break
                if ligne.niveau_md:
                    if ligne.niveau_md <= niveau:
                        break
                    sous = self._texte_titre(ligne)
                    if self._rubrique(sous):
                        if not profond or ligne.niveau_md <= profond:
                            profond = 0
                            directes += 1
                    elif not profond or ligne.niveau_md <= profond:
                        profond = ligne.niveau_md
                elif not profond and self._libelle(ligne.texte):
                    directes += 1
            if directes >= 2:
                fiches.add(self.lignes[k].numero)
        return fiches

    # --- recognising lines ------------------------------------------------------------------

    @staticmethod
    def _texte_titre(ligne: _Ligne) -> str:
        m = _TITRE_MD.match(ligne.brute.strip())
        return _sans_gras(m.group("texte")) if m else ligne.texte

    def _rubrique(self, libelle: str) -> str | None:
        cle = libelle.strip().rstrip(":").strip()
        for regex, champ in self.regex_rubriques:
            if regex.search(cle):
                return champ
        return rubrique(cle)

    def _libelle(self, texte: str) -> tuple[str, str] | None:
        """(field, rest) for « **Partenaires :** A, B » or « Partenaires : A, B »."""
        m = _GRAS_LIBELLE.match(texte) or _LIBELLE.match(_sans_gras(texte))
        if not m:
            return None
        champ = self._rubrique(m.group("libelle"))
        groupe = self.config.grouper_par
        if champ is None and groupe and normaliser(m.group("libelle")) == normaliser(groupe):
            return "__groupe__", m.group("reste").strip()
        return (champ, m.group("reste").strip()) if champ else None

    def _titre_fiche(self, texte: str) -> tuple[str | None, str] | None:
        for regex in self.regex_fiche:
            m = regex.match(texte)
            if m:
                groupes = m.groupdict()
                return groupes.get("numero"), (groupes.get("titre") or texte).strip()
        m = MOT_FICHE.match(texte)
        if m:
            return m.group("numero"), m.group("titre").strip()
        return None

    # --- the reading loop -------------------------------------------------------------------

    def lire(self) -> None:
        k = 0
        while k < len(self.lignes):
            ligne = self.lignes[k]
            fin = _front_matter(self.brutes, k)
            if fin is not None and (k == 0 or not self.brutes[k - 1].strip() or self.a_part):
                self._page(k, fin)
                k = fin + 1
                continue
            if ligne.texte:
                self._classer(ligne, k)
            else:
                self.liste_ouverte = False
            k += 1

    def _mettre_de_cote(self, ligne: _Ligne, raison: str) -> None:
        self.non_classe.append(NonClasse(ligne=ligne.numero, texte=ligne.texte, raison=raison))

    def _etiquette(self, ligne: _Ligne, raison: str = "étiquette") -> None:
        texte = self._texte_titre(ligne) if ligne.niveau_md else _sans_gras(ligne.texte)
        self.etiquettes.append(NonClasse(ligne=ligne.numero, texte=texte, raison=raison))

    def _classer(self, ligne: _Ligne, k: int) -> None:
        texte = ligne.texte
        for regex, raison in (*self.ignorer, *_HABILLAGE):
            if regex.search(texte):
                self._mettre_de_cote(ligne, raison)
                return
        if texte in self.repetees:
            self._mettre_de_cote(ligne, "en-tête ou pied de page répété")
            return
        if self._menu(k):
            self._mettre_de_cote(ligne, "menu de la page web")
            return
        if _FILET.match(ligne.brute):
            self._mettre_de_cote(ligne, "filet de séparation")
            if self.fiche or self.pile:
                self.a_part = (
                    "texte ajouté après un filet « --- » (commentaire d'un tiers), "
                    "hors du texte de la fiche"
                )
                self.niveau_a_part = self.niveau_fiche
            return
        if ligne.niveau_md:
            self._titre_md(ligne)
            return
        if self.a_part:
            if not self._fin_a_part_texte(texte):
                self._mettre_de_cote(ligne, self.a_part)
                return
            self.a_part = None
        for regex, raison in self.regex_a_part:
            if regex.search(_sans_gras(texte)):
                self.a_part, self.niveau_a_part = raison, 0
                self._mettre_de_cote(ligne, raison)
                return
        sans_gras = _sans_gras(texte)
        fiche = self._titre_fiche(sans_gras)
        if fiche:
            self._ouvrir_fiche(ligne, *fiche)
            return
        m = titre_de_niveau(sans_gras)
        if m:
            type_ = type_niveau(m.group("mot"))
            if self.fiche and self.champ and type_ not in self.types_parents:
                self._ouvrir_imbrique(ligne, sans_gras, m.group("numero"))
            else:
                self._ouvrir_noeud(ligne, type_, m.group("numero"), m.group("titre"), rang=None)
            return
        libelle = self._libelle(texte)
        if libelle and (self.fiche or libelle[0] != "__groupe__"):
            champ, reste = libelle
            if self.fiche is None:
                self._paragraphe(ligne, _sans_gras(texte))
                return
            if champ == "__groupe__":
                self.fiche.groupe = reste
                self._etiquette(ligne, "rattachement de la fiche")
                return
            # A label with its content on the same line is not a mere label: the line is
            # accounted for by its content, in the field.
            self._ouvrir_champ(ligne, champ, niveau=0, etiquette=not reste)
            if reste:
                self._item(ligne, reste, en_ligne=True)
            return
        seul = sans_gras.rstrip(":").strip()
        if (
            self.fiche
            and len(seul.split()) <= 4
            and self._rubrique(seul)
            and (sans_gras.endswith(":") or texte.startswith("**"))
        ):
            self._ouvrir_champ(ligne, self._rubrique(seul) or "description", niveau=0)
            return
        self._contenu(ligne)

    def _fin_a_part_texte(self, texte: str) -> bool:
        sans = _sans_gras(texte)
        return bool(self._titre_fiche(sans) or titre_de_niveau(sans))

    def _menu(self, k: int) -> bool:
        """A run of very short lines before the document starts: the site's menu."""
        if self.pile or self.fiche or self.preambule or self.titre_document:
            return False

        def court(ligne: _Ligne) -> bool:
            t = ligne.texte
            return bool(t) and len(t.split()) <= _MENU_MOTS_MAX and not re.search(r"[.:;!?\d]", t)

        debut = k
        while debut > 0 and court(self.lignes[debut - 1]):
            debut -= 1
        fin = k
        while fin + 1 < len(self.lignes) and court(self.lignes[fin + 1]):
            fin += 1
        return court(self.lignes[k]) and fin - debut + 1 >= 3

    # --- front matter pages ----------------------------------------------------------------

    def _page(self, debut: int, fin: int) -> None:
        self.pages += 1
        self.a_part = None
        self._fermer_fiche()
        self._etiquette(self.lignes[debut], "délimiteur de front matter")
        self._etiquette(self.lignes[fin], "délimiteur de front matter")
        valeurs: dict[str, tuple[int, str]] = {}
        for k in range(debut + 1, fin):
            ligne = self.lignes[k]
            m = _CLE_FM.match(ligne.brute.strip())
            if not ligne.texte:
                continue
            if not m:
                self._mettre_de_cote(ligne, "métadonnée de page (front matter) non lue")
                continue
            valeurs[m.group("cle").lower()] = (k, _valeur_fm(m.group("valeur")))
        titre = next((valeurs.pop(c) for c in ("title", "titre", "intitule") if c in valeurs), None)
        numero = next(
            (valeurs.pop(c) for c in ("number", "numero", "num", "n") if c in valeurs), None
        )
        cles_groupe = [self.config.grouper_par] if self.config.grouper_par else []
        cles_groupe += [
            "orientation",
            "axe",
            "pilier",
            "defi",
            "thematique",
            "volet",
            "parent",
            "categorie",
            "category",
            "objectif_strategique",
        ]
        groupe = next((c for c in cles_groupe if c and c.lower() in valeurs), None)
        if titre is None:
            titre = (debut + 1, f"Fiche {numero[1] if numero else self.pages}")
        fiche = _BFiche(
            ligne=self.lignes[titre[0]].numero,
            titre=titre[1],
            numero=numero[1] if numero else None,
            parent=None,
        )
        if groupe:
            _, valeur = valeurs.pop(groupe.lower())
            fiche.groupe = valeur
            self.groupe_type = type_niveau(groupe.replace("_", " "))
        self.fiches.append(fiche)
        self.fiche = fiche
        self.niveau_fiche = 1
        for cle, (k, valeur) in valeurs.items():
            ligne = self.lignes[k]
            champ = {
                "statut": "statut",
                "status": "statut",
                "priorite": "priorite",
                "echeance": "echeance",
                "porteur": "porteurs",
                "pilote": "porteurs",
                "partenaires": "partenaires",
            }.get(cle)
            if champ and valeur:
                fiche.champs.setdefault(champ, []).append(
                    _Item(ligne.numero, valeur.strip("[]"), en_ligne=True)
                )
            else:
                self._mettre_de_cote(
                    ligne, f"métadonnée de page « {cle} » sans équivalent dans le schéma"
                )

    # --- opening things --------------------------------------------------------------------

    def _fermer_fiche(self) -> None:
        self.fiche = None
        self.champ = None
        self.imbrique = None
        self.niveau_fiche = 0

    def _ouvrir_noeud(
        self, ligne: _Ligne, type_: str, numero: str | None, titre: str, rang: int | None
    ) -> None:
        self._fermer_fiche()
        self.a_part = None
        if type_ not in self.types_parents:
            self.types_parents.append(type_)
        if rang is None:
            rang = self.types_parents.index(type_)
        noeud = _BNoeud(type_, rang, numero, titre.strip(), ligne.numero)
        while self.pile and self.pile[-1].rang >= rang:
            self.pile.pop()
        (self.pile[-1].enfants if self.pile else self.racines).append(noeud)
        self.pile.append(noeud)

    def _ouvrir_fiche(self, ligne: _Ligne, numero: str | None, titre: str, niveau: int = 0) -> None:
        self._fermer_fiche()
        self.a_part = None
        parent = self.pile[-1] if self.pile else None
        fiche = _BFiche(ligne=ligne.numero, titre=titre, numero=numero, parent=parent)
        if parent:
            parent.fiches.append(fiche)
        self.fiches.append(fiche)
        self.fiche = fiche
        self.niveau_fiche = niveau

    def _ouvrir_champ(self, ligne: _Ligne, champ: str, niveau: int, etiquette: bool = True) -> None:
        self.champ = champ
        self.niveau_champ = niveau
        self.imbrique = None
        self.liste_ouverte = False
        self.rubriques_lues += 1
        if etiquette:
            self._etiquette(ligne, "rubrique de fiche")

    def _ouvrir_imbrique(self, ligne: _Ligne, texte: str, numero: str | None) -> None:
        assert self.fiche is not None
        sous = _BSous(ligne.numero, texte, numero)
        self.fiche.sous_actions.append(sous)
        self.imbrique = sous

    def _titre_md(self, ligne: _Ligne) -> None:
        texte = self._texte_titre(ligne)
        niveau = ligne.niveau_md
        if self.a_part:
            if niveau > self.niveau_a_part and self.niveau_a_part:
                self._mettre_de_cote(ligne, self.a_part)
                return
            if not self.niveau_a_part and not (
                self._titre_fiche(texte) or titre_de_niveau(texte) or ligne.numero in self.fiches_md
            ):
                self._mettre_de_cote(ligne, self.a_part)
                return
            self.a_part = None
        for regex, raison in self.regex_a_part:
            if regex.search(texte):
                self.a_part, self.niveau_a_part = raison, niveau
                self._mettre_de_cote(ligne, raison)
                return
        champ = self._rubrique(texte)
        if champ and self.fiche and (not self.niveau_fiche or niveau > self.niveau_fiche):
            self._ouvrir_champ(ligne, champ, niveau)
            return
        m = titre_de_niveau(texte)
        # A heading under a section heading, or a level word the document does not use for its
        # own levels, inside a fiche: a plan nested in the fiche, kept inside it.
        profond = bool(self.niveau_champ) and niveau > self.niveau_champ
        etranger = (
            not self.niveau_champ
            and m is not None
            and type_niveau(m.group("mot")) not in self.types_parents
            and niveau > self.niveau_fiche
        )
        if self.fiche and self.champ and (profond or etranger):
            self._ouvrir_imbrique(ligne, texte, m.group("numero") if m else None)
            return
        fiche = self._titre_fiche(texte)
        if fiche or ligne.numero in self.fiches_md:
            numero, titre = fiche or self._numero_en_tete(texte)
            self._ouvrir_fiche(ligne, numero, titre, niveau)
            return
        if m:
            self._ouvrir_noeud(
                ligne, type_niveau(m.group("mot")), m.group("numero"), m.group("titre"), rang=niveau
            )
            return
        if self.titre_document is None and not self.pile and not self.fiches and niveau == 1:
            self.titre_document = texte
            self._etiquette(ligne, "titre du document")
            return
        if self.fiche:
            self._item(ligne, texte)
            return
        if any(ligne.numero < n for n in self.fiches_md) and not champ:
            numero, titre = self._numero_en_tete(texte)
            self._ouvrir_noeud(ligne, "section", numero, titre, rang=niveau)
            return
        self._paragraphe(ligne, texte)

    @staticmethod
    def _numero_en_tete(texte: str) -> tuple[str | None, str]:
        m = re.match(r"^(?P<numero>\d+(?:\.\d+)*)[.)]?\s+(?P<titre>\S.*)$", texte)
        return (m.group("numero"), m.group("titre")) if m else (None, texte)

    # --- content --------------------------------------------------------------------------

    def _contenu(self, ligne: _Ligne) -> None:
        texte = ligne.texte
        puce = _PUCE.match(ligne.brute)
        item = _ITEM_NUMERO.match(texte)
        if self.fiche and self.fiche.par_numero and item and self.pile:
            # numbered actions under a level, numbering as printed (it may run on across levels)
            self._fiche_numerotee(ligne, item)
            return
        if self.fiche:
            if self.imbrique and (puce or item):
                corps = _sans_gras((puce or item).group("texte"))  # type: ignore[union-attr]
                numero = (item.group("n1") or item.group("n2")) if item else None
                self.imbrique.enfants.append(_BSous(ligne.numero, corps, numero))
                return
            if item:
                if not self.liste_ouverte:
                    self.listes += 1
                    self.liste_ouverte = True
                self._item(ligne, item.group("texte"), liste=self.listes)
                return
            self._item(ligne, puce.group("texte") if puce else texte, en_ligne=not puce)
            return
        if puce:
            self._puce(ligne, puce)
            return
        if item and self.pile:
            self._fiche_numerotee(ligne, item)
            return
        self._paragraphe(ligne, _sans_gras(texte))

    def _fiche_numerotee(self, ligne: _Ligne, item: re.Match[str]) -> None:
        numero = item.group("n1") or item.group("n2")
        self._ouvrir_fiche(ligne, numero, _sans_gras(item.group("texte")))
        assert self.fiche is not None
        self.fiche.par_numero = True

    def _puce(self, ligne: _Ligne, m: re.Match[str]) -> None:
        """A bullet outside any fiche: a node when deeper bullets follow it, else an action."""
        marge = len(m.group("marge").expandtabs(4))
        suivante = self._puce_suivante(ligne.numero)
        texte = _sans_gras(m.group("texte"))
        if suivante is not None and suivante > marge:
            self._ouvrir_noeud(ligne, self._type_puces(), None, texte, rang=0)
            return
        if self.pile:
            self._ouvrir_fiche(ligne, None, texte)
            self._fermer_fiche()
            return
        self._paragraphe(ligne, f"• {texte}")

    def _puce_suivante(self, numero: int) -> int | None:
        for ligne in self.lignes[numero:]:
            if not ligne.texte:
                continue
            m = _PUCE.match(ligne.brute)
            return len(m.group("marge").expandtabs(4)) if m else None
        return None

    def _type_puces(self) -> str:
        """The type a list of bullet nodes announces (« autour de quatre orientations : »)."""
        for paragraphe in reversed(self.preambule[-2:]):
            m = re.search(
                r"\b(orientations?|axes?|piliers?|d[ée]fis?|ambitions?|priorit[ée]s?|"
                r"th[ée]matiques?|objectifs?)\b",
                paragraphe,
                re.IGNORECASE,
            )
            if m:
                mot = normaliser(m.group(1)).rstrip("s")
                return "objectif_strategique" if mot == "objectif" else mot
        return "orientation"

    def _item(
        self, ligne: _Ligne, texte: str, liste: int | None = None, en_ligne: bool = False
    ) -> None:
        assert self.fiche is not None
        barre = _BARRE.match(texte.strip())
        if barre:
            texte = barre.group("texte")
        item = _Item(ligne.numero, _sans_gras(texte), liste, bool(barre), en_ligne)
        self.fiche.champs.setdefault(self.champ or "description", []).append(item)

    def _paragraphe(self, ligne: _Ligne, texte: str) -> None:
        if self.pile:
            self.pile[-1].description.append(texte)
        elif (
            self.titre_document is None
            and not self.preambule
            and len(texte.split()) <= 14
            and not texte.endswith((".", ":"))
        ):
            self.titre_document = texte
            self._etiquette(ligne, "titre du document")
        else:
            self.preambule.append(texte)


# --- building the Projet ----------------------------------------------------------------------

# Fields whose items a fiche may write on one line: split at « ; », and at « , » for some.
_CHAMPS_LISTE_POINT_VIRGULE = {c.nom for c in CHAMPS_FICHE if c.separateurs}
_CHAMPS_LISTE_VIRGULES = {c.nom for c in CHAMPS_FICHE if "," in (c.separateurs or "")}


def _listes_de_reference(lecture: _Lecture) -> set[int]:
    """Runs of numbered items repeated, the same, in several fiches: a reference list."""
    signatures: dict[int, tuple[str, ...]] = {}
    for fiche in lecture.fiches:
        par_liste: dict[int, list[str]] = {}
        for items in fiche.champs.values():
            for item in items:
                if item.liste is not None:
                    par_liste.setdefault(item.liste, []).append(normaliser(item.texte))
        for liste, textes in par_liste.items():
            if len(textes) >= 3:
                signatures[liste] = tuple(textes)
    compte = Counter(signatures.values())
    return {liste for liste, sig in signatures.items() if compte[sig] >= 2}


def _remplir(
    action: Action, fiche: _BFiche, reference: set[int], non_classe: list[NonClasse]
) -> None:
    echeances: list[str] = []
    for champ, items in fiche.champs.items():
        for item in items:
            if item.liste in reference:
                if item.barre:
                    non_classe.append(
                        NonClasse(
                            ligne=item.ligne,
                            texte=f"~~{item.texte}~~",
                            raison="élément barré d'une liste répétée dans chaque fiche",
                        )
                    )
                else:
                    action.thematiques.append(item.texte)
                continue
            texte = f"~~{item.texte}~~" if item.barre else item.texte
            if champ in ("financements", "budget"):
                _financer(action, champ, texte, item.en_ligne)
            elif champ == "echeance":
                echeances.append(texte.rstrip("."))
            elif champ in ("statut", "priorite", "participation_citoyenne"):
                try:
                    valide = Action.model_validate(
                        {"id": "x", "texte": "x", champ: texte.rstrip(".")}
                    )
                    setattr(action, champ, getattr(valide, champ))
                except ValueError:
                    action.description.append(f"{champ.replace('_', ' ').capitalize()} : {texte}")
            else:
                cible: list[str] = getattr(action, champ)
                if item.en_ligne and champ in _CHAMPS_LISTE_POINT_VIRGULE:
                    cible.extend(_decouper(texte, virgules=champ in _CHAMPS_LISTE_VIRGULES))
                else:
                    cible.append(texte.strip())
    if echeances:
        action.echeance = " ; ".join(echeances)


def remplir_champs(
    action: Action, champs: list[tuple[str, str]], non_classe: list[NonClasse]
) -> None:
    """Put ``(field, text)`` pairs in ``action`` as the fiche reader puts a fiche's sections
    (lists split, amounts read, statut checked): the cells of a one-row-per-action table."""
    fiche = _BFiche(ligne=0, titre=action.texte, numero=None, parent=None)
    for champ, texte in champs:
        fiche.champs.setdefault(champ, []).append(_Item(0, texte, en_ligne=True))
    _remplir(action, fiche, set(), non_classe)


def _financer(action: Action, champ: str, texte: str, en_ligne: bool) -> None:
    if champ == "budget":
        valeur = montant_dans(texte)
        if valeur is not None and action.budget is None:
            action.budget = _nombre(valeur)
            if not re.fullmatch(
                r"[\d\s\u00a0\u202f.,]+\s*(k€|M€|€|euros?)\s*(HT|TTC)?\.?",
                texte.strip(),
                re.IGNORECASE,
            ):
                action.modalites_financement.append(texte)
        else:
            action.modalites_financement.append(texte)
        return
    morceaux = _decouper(texte, virgules=False) if en_ligne else [texte.rstrip(".")]
    trouves = [_FINANCEUR.match(m) for m in morceaux]
    if morceaux and all(trouves):
        for m in trouves:
            assert m is not None
            valeur = montant_dans(m.group("montant"))
            action.financements.append(
                Financement(
                    financeur=m.group("financeur").strip(),
                    montant=_nombre(valeur) if valeur is not None else None,
                )
            )
    else:
        action.modalites_financement.append(texte)


def _sous_action(sous: _BSous, ids: Identifiants, parent: str) -> Action:
    a = Action(id=ids.action(sous.texte, parent), numero=sous.numero, texte=sous.texte)
    a.sous_actions = [_sous_action(e, ids, sous.texte) for e in sous.enfants]
    a._ligne = sous.ligne
    return a


def _groupes(lecture: _Lecture) -> None:
    """Fiches that name their parent (front matter, labelled line): one node per parent."""
    from rapidfuzz import fuzz

    cles: list[tuple[str, _BNoeud, Counter[str]]] = []
    for fiche in lecture.fiches:
        if not fiche.groupe:
            continue
        m = titre_de_niveau(fiche.groupe)
        numero = m.group("numero") if m else None
        titre = m.group("titre").strip() if m else fiche.groupe
        cle = normaliser(f"{numero or ''} {titre}")
        trouve = next((c for c in cles if fuzz.ratio(c[0], cle) >= 88), None)
        if trouve is None:
            type_ = type_niveau(m.group("mot")) if m else lecture.groupe_type
            noeud = _BNoeud(type_, 0, numero, titre, fiche.ligne)
            lecture.racines.append(noeud)
            trouve = (cle, noeud, Counter())
            cles.append(trouve)
        trouve[2][titre] += 1
        if fiche.parent is not None and fiche in fiche.parent.fiches:
            fiche.parent.fiches.remove(fiche)
        fiche.parent = trouve[1]
        trouve[1].fiches.append(fiche)
    for _, noeud, graphies in cles:
        # the spelling most fiches use (the first one on a tie)
        noeud.titre = max(graphies, key=lambda t: (graphies[t], -list(graphies).index(t)))


def _territoire(textes: list[str]) -> str | None:
    motif = re.compile(
        r"\b((?:Communauté de communes|Communauté d['’]agglomération|PETR|Pays|Syndicat mixte)"
        r"(?:\s+(?:(?:du|de la|de l['’]|des|de|d['’])\s*)?[A-ZÉÈÎÔŒ][\w'’-]*)+)"
    )
    for texte in textes:
        m = motif.search(texte)
        if m:
            return m.group(1).strip()
    return None


_TYPES_DOCUMENT = (
    (r"plan climat|\bpcaet\b", "pcaet"),
    (r"contrat local de sante|\bcls\b", "cls"),
    (r"contrat de relance et de transition|\bcrte\b", "crte"),
    (r"petites villes de demain", "pvd"),
    (r"operation de revitalisation", "convention_ort"),
    (r"projet alimentaire territorial", "autre"),
    (r"projet de territoire", "projet_de_territoire"),
)


def _type_document(entete: str, texte: str) -> str:
    """The document's nature, from its title and first paragraphs, else from its beginning
    (a food plan that names the CLS among its partners is not a CLS)."""
    for zone in (normaliser(entete), normaliser(texte[:5000])):
        for motif, type_ in _TYPES_DOCUMENT:
            if re.search(motif, zone):
                return type_
    return "autre"


def analyser_fiches(
    texte: str, profil: Profil | None = None, fichier: str = "<texte>"
) -> ResultatImport:
    """Read ``texte`` as a plan of fiches actions into a Projet (library entry, no file)."""
    lecture = _Lecture(texte, profil.fiches if profil and profil.fiches else Fiches())
    if profil:
        lecture.ignorer = [(r.regex, r.raison) for r in profil.ignorer]
    lecture.lire()
    _groupes(lecture)
    reference = _listes_de_reference(lecture)
    ids = Identifiants()
    non_classe = list(lecture.non_classe)
    orphelines = [f for f in lecture.fiches if f.parent is None]
    if orphelines:
        # Fiches under no level: one node holds them, so that they stay in the tree.
        sans_parent = _BNoeud("section", 0, None, "Fiches actions", orphelines[0].ligne)
        sans_parent.fiches = orphelines
        lecture.racines.insert(0, sans_parent)

    def action(fiche: _BFiche, parent: str) -> Action:
        a = Action(id=ids.action(fiche.titre, parent), numero=fiche.numero, texte=fiche.titre)
        _remplir(a, fiche, reference, non_classe)
        a.sous_actions = [_sous_action(s, ids, fiche.titre) for s in fiche.sous_actions]
        a._ligne = fiche.ligne
        return a

    def noeud(b: _BNoeud, parent: str) -> Noeud:
        n = Noeud(
            id=ids.noeud(b.type, b.titre, b.numero, parent),
            type=b.type,
            numero=b.numero,
            titre=b.titre,
            description=b.description,
            enfants=[noeud(e, b.titre) for e in b.enfants],
            actions=[action(f, b.titre) for f in b.fiches],
        )
        n._ligne = b.ligne
        return n

    contenu = [noeud(r, "") for r in lecture.racines]
    profondeurs: dict[str, int] = {}
    for racine in contenu:
        for parents, n in racine.walk():
            profondeurs.setdefault(n.type, len(parents))
    doc = dict(profil.document) if profil else {}
    doc.setdefault("titre", lecture.titre_document or Path(fichier).stem)
    doc.setdefault("type", _type_document(" ".join([doc["titre"], *lecture.preambule[:2]]), texte))
    territoire = dict(profil.territoire) if profil else {}
    territoire.setdefault(
        "nom", _territoire([doc["titre"], *lecture.preambule[:3]]) or "(territoire à compléter)"
    )
    projet = Projet(
        territoire=Territoire.model_validate(territoire),
        document=Document.model_validate(doc),
        niveaux=sorted(profondeurs, key=lambda t: profondeurs[t]),
        preambule=lecture.preambule,
        contenu=contenu,
        non_classe=sorted(non_classe, key=lambda nc: nc.ligne),
    )
    nom = profil.nom if profil else NOM
    resultat = ResultatImport(projet=projet, profil=nom, etiquettes=lecture.etiquettes)
    resultat.rubriques = lecture.rubriques_lues
    resultat.pages = lecture.pages
    return resultat
