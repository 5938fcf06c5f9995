"""The fiches read line by line: a title opens a fiche (or a node above fiches), a section label
opens a field, bullets and paragraphs fill it; pages of front matter, menus and repeated lines
are set aside with a reason. The result is a tree of fiches and fields, not yet a Projet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from projterr.importers.fiches.lignes import (
    BARRE,
    CLE_FM,
    FILET,
    HABILLAGE,
    ITEM_NUMERO,
    MENU_MOTS_MAX,
    PUCE,
    LigneFiche,
    front_matter,
    nettoyer_ligne,
    sans_le_gras,
    valeur_fm,
)
from projterr.importers.fiches.reconnaissance import Reconnaissance
from projterr.importers.profil import Fiches
from projterr.importers.rubriques import titre_de_niveau, type_niveau
from projterr.model import (
    NonClasse,
)
from projterr.normalize import normaliser


@dataclass
class Item:
    ligne: int
    texte: str
    liste: int | None = None  # id of the run of numbered items it belongs to
    barre: bool = False
    en_ligne: bool = False  # a phrase, not a bullet: « Partenaires : A, B » may list several


@dataclass
class BSous:
    ligne: int
    texte: str
    numero: str | None
    enfants: list[BSous] = field(default_factory=list)


@dataclass
class BFiche:
    ligne: int
    titre: str
    numero: str | None
    parent: BNoeud | None
    groupe: str | None = None
    champs: dict[str, list[Item]] = field(default_factory=dict)
    sous_actions: list[BSous] = field(default_factory=list)
    statut: str | None = None
    priorite: str | None = None
    par_numero: bool = False  # opened by a numbered line (« 6. Former… »): its siblings too


@dataclass
class BNoeud:
    type: str
    rang: int
    numero: str | None
    titre: str
    ligne: int
    description: list[str] = field(default_factory=list)
    enfants: list[BNoeud] = field(default_factory=list)
    fiches: list[BFiche] = field(default_factory=list)


class LectureFiches:
    def __init__(self, texte: str, config: Fiches) -> None:
        self.config = config
        self.brutes = texte.replace("\r\n", "\n").split("\n")
        self.lignes = [
            LigneFiche(i + 1, b, nettoyer_ligne(b), Reconnaissance.niveau_md(b))
            for i, b in enumerate(self.brutes)
        ]
        self.racines: list[BNoeud] = []
        self.pile: list[BNoeud] = []
        self.fiches: list[BFiche] = []
        self.fiche: BFiche | None = None
        self.champ: str | None = None
        self.niveau_champ = 0  # Markdown level of the open section heading
        self.niveau_fiche = 0  # Markdown level of the open fiche's heading (0: none)
        self.imbrique: BSous | None = None
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
        self.reco = Reconnaissance(config)
        self.repetees = self.reco.lignes_repetees(self.lignes)
        self.fiches_md = self.reco.titres_de_fiche(self.lignes)

    # --- the reading loop -------------------------------------------------------------------

    def lire(self) -> None:
        k = 0
        while k < len(self.lignes):
            ligne = self.lignes[k]
            fin = front_matter(self.brutes, k)
            if fin is not None and (k == 0 or not self.brutes[k - 1].strip() or self.a_part):
                self._page(k, fin)
                k = fin + 1
                continue
            if ligne.texte:
                self._classer(ligne, k)
            else:
                self.liste_ouverte = False
            k += 1

    def _mettre_de_cote(self, ligne: LigneFiche, raison: str) -> None:
        self.non_classe.append(NonClasse(ligne=ligne.numero, texte=ligne.texte, raison=raison))

    def _etiquette(self, ligne: LigneFiche, raison: str = "étiquette") -> None:
        texte = self.reco.texte_titre(ligne) if ligne.niveau_md else sans_le_gras(ligne.texte)
        self.etiquettes.append(NonClasse(ligne=ligne.numero, texte=texte, raison=raison))

    def _classer(self, ligne: LigneFiche, k: int) -> None:
        texte = ligne.texte
        for regex, raison in (*self.ignorer, *HABILLAGE):
            if regex.search(texte):
                self._mettre_de_cote(ligne, raison)
                return
        if texte in self.repetees:
            self._mettre_de_cote(ligne, "en-tête ou pied de page répété")
            return
        if self._menu(k):
            self._mettre_de_cote(ligne, "menu de la page web")
            return
        if FILET.match(ligne.brute):
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
            if regex.search(sans_le_gras(texte)):
                self.a_part, self.niveau_a_part = raison, 0
                self._mettre_de_cote(ligne, raison)
                return
        sans_gras = sans_le_gras(texte)
        fiche = self.reco.titre_fiche(sans_gras)
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
        libelle = self.reco.libelle(texte)
        if libelle and (self.fiche or libelle[0] != "__groupe__"):
            champ, reste = libelle
            if self.fiche is None:
                self._paragraphe(ligne, sans_le_gras(texte))
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
            and self.reco.rubrique(seul)
            and (sans_gras.endswith(":") or texte.startswith("**"))
        ):
            self._ouvrir_champ(ligne, self.reco.rubrique(seul) or "description", niveau=0)
            return
        self._contenu(ligne)

    def _fin_a_part_texte(self, texte: str) -> bool:
        sans = sans_le_gras(texte)
        return bool(self.reco.titre_fiche(sans) or titre_de_niveau(sans))

    def _menu(self, k: int) -> bool:
        """A run of very short lines before the document starts: the site's menu."""
        if self.pile or self.fiche or self.preambule or self.titre_document:
            return False

        def court(ligne: LigneFiche) -> bool:
            t = ligne.texte
            return bool(t) and len(t.split()) <= MENU_MOTS_MAX and not re.search(r"[.:;!?\d]", t)

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
            m = CLE_FM.match(ligne.brute.strip())
            if not ligne.texte:
                continue
            if not m:
                self._mettre_de_cote(ligne, "métadonnée de page (front matter) non lue")
                continue
            valeurs[m.group("cle").lower()] = (k, valeur_fm(m.group("valeur")))
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
        fiche = BFiche(
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
                    Item(ligne.numero, valeur.strip("[]"), en_ligne=True)
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
        self, ligne: LigneFiche, type_: str, numero: str | None, titre: str, rang: int | None
    ) -> None:
        self._fermer_fiche()
        self.a_part = None
        if type_ not in self.types_parents:
            self.types_parents.append(type_)
        if rang is None:
            rang = self.types_parents.index(type_)
        noeud = BNoeud(type_, rang, numero, titre.strip(), ligne.numero)
        while self.pile and self.pile[-1].rang >= rang:
            self.pile.pop()
        (self.pile[-1].enfants if self.pile else self.racines).append(noeud)
        self.pile.append(noeud)

    def _ouvrir_fiche(
        self, ligne: LigneFiche, numero: str | None, titre: str, niveau: int = 0
    ) -> None:
        self._fermer_fiche()
        self.a_part = None
        parent = self.pile[-1] if self.pile else None
        fiche = BFiche(ligne=ligne.numero, titre=titre, numero=numero, parent=parent)
        if parent:
            parent.fiches.append(fiche)
        self.fiches.append(fiche)
        self.fiche = fiche
        self.niveau_fiche = niveau

    def _ouvrir_champ(
        self, ligne: LigneFiche, champ: str, niveau: int, etiquette: bool = True
    ) -> None:
        self.champ = champ
        self.niveau_champ = niveau
        self.imbrique = None
        self.liste_ouverte = False
        self.rubriques_lues += 1
        if etiquette:
            self._etiquette(ligne, "rubrique de fiche")

    def _ouvrir_imbrique(self, ligne: LigneFiche, texte: str, numero: str | None) -> None:
        assert self.fiche is not None
        sous = BSous(ligne.numero, texte, numero)
        self.fiche.sous_actions.append(sous)
        self.imbrique = sous

    def _titre_md(self, ligne: LigneFiche) -> None:
        texte = self.reco.texte_titre(ligne)
        niveau = ligne.niveau_md
        if self.a_part:
            if niveau > self.niveau_a_part and self.niveau_a_part:
                self._mettre_de_cote(ligne, self.a_part)
                return
            if not self.niveau_a_part and not (
                self.reco.titre_fiche(texte)
                or titre_de_niveau(texte)
                or ligne.numero in self.fiches_md
            ):
                self._mettre_de_cote(ligne, self.a_part)
                return
            self.a_part = None
        for regex, raison in self.regex_a_part:
            if regex.search(texte):
                self.a_part, self.niveau_a_part = raison, niveau
                self._mettre_de_cote(ligne, raison)
                return
        champ = self.reco.rubrique(texte)
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
        fiche = self.reco.titre_fiche(texte)
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

    def _contenu(self, ligne: LigneFiche) -> None:
        texte = ligne.texte
        puce = PUCE.match(ligne.brute)
        item = ITEM_NUMERO.match(texte)
        if self.fiche and self.fiche.par_numero and item and self.pile:
            # numbered actions under a level, numbering as printed (it may run on across levels)
            self._fiche_numerotee(ligne, item)
            return
        if self.fiche:
            if self.imbrique and (puce or item):
                corps = sans_le_gras((puce or item).group("texte"))  # type: ignore[union-attr]
                numero = (item.group("n1") or item.group("n2")) if item else None
                self.imbrique.enfants.append(BSous(ligne.numero, corps, numero))
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
        self._paragraphe(ligne, sans_le_gras(texte))

    def _fiche_numerotee(self, ligne: LigneFiche, item: re.Match[str]) -> None:
        numero = item.group("n1") or item.group("n2")
        self._ouvrir_fiche(ligne, numero, sans_le_gras(item.group("texte")))
        assert self.fiche is not None
        self.fiche.par_numero = True

    def _puce(self, ligne: LigneFiche, m: re.Match[str]) -> None:
        """A bullet outside any fiche: a node when deeper bullets follow it, else an action."""
        marge = len(m.group("marge").expandtabs(4))
        suivante = self._puce_suivante(ligne.numero)
        texte = sans_le_gras(m.group("texte"))
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
            m = PUCE.match(ligne.brute)
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
        self, ligne: LigneFiche, texte: str, liste: int | None = None, en_ligne: bool = False
    ) -> None:
        assert self.fiche is not None
        barre = BARRE.match(texte.strip())
        if barre:
            texte = barre.group("texte")
        item = Item(ligne.numero, sans_le_gras(texte), liste, bool(barre), en_ligne)
        self.fiche.champs.setdefault(self.champ or "description", []).append(item)

    def _paragraphe(self, ligne: LigneFiche, texte: str) -> None:
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
