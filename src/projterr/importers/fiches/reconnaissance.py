"""What a line of a fiche document is, under one profil's fiche settings: a Markdown heading and
its text, a section label and the field it names, a fiche title; and the two passes over the
whole text before the reading (running headers repeated on every page, Markdown headings that
open a fiche)."""

from __future__ import annotations

import re
from collections import Counter

from projterr.importers.fiches.lignes import (
    GRAS_LIBELLE,
    ITEM_NUMERO,
    LIBELLE,
    PUCE,
    TITRE_MD,
    LigneFiche,
    sans_le_gras,
)
from projterr.importers.profil import Fiches
from projterr.importers.rubriques import MOT_FICHE, rubrique, titre_de_niveau
from projterr.normalize import normaliser


class Reconnaissance:
    def __init__(self, config: Fiches) -> None:
        self.config = config
        self.regex_rubriques = [(re.compile(r.motif), r.champ) for r in config.rubriques]
        self.regex_fiche = [re.compile(m) for m in config.titre]

    @staticmethod
    def niveau_md(brute: str) -> int:
        m = TITRE_MD.match(brute.strip())
        return len(m.group("diese")) if m else 0

    def lignes_repetees(self, lignes: list[LigneFiche]) -> set[str]:
        """Running headers and footers: the same plain line three times or more."""
        compte = Counter(
            ligne.texte
            for ligne in lignes
            if len(ligne.texte) >= 12
            and not ligne.niveau_md
            and not PUCE.match(ligne.brute)
            and not ITEM_NUMERO.match(ligne.texte)
            and not self.libelle(ligne.texte)
        )
        return {t for t, n in compte.items() if n >= 3}

    def titres_de_fiche(self, lignes: list[LigneFiche]) -> set[int]:
        """Markdown headings that open a fiche: at least two sections directly under them."""
        titres = [k for k, ligne in enumerate(lignes) if ligne.niveau_md]
        fiches: set[int] = set()
        for k in titres:
            niveau = lignes[k].niveau_md
            texte = self.texte_titre(lignes[k])
            if self.rubrique(texte) or titre_de_niveau(texte):
                continue
            directes = 0
            profond = 0  # level of a deeper non-section heading we are inside (0: none)
            for ligne in lignes[k + 1 :]:
                if ligne.brute.strip() == "---" and directes:
                    break
                if ligne.niveau_md:
                    if ligne.niveau_md <= niveau:
                        break
                    sous = self.texte_titre(ligne)
                    if self.rubrique(sous):
                        if not profond or ligne.niveau_md <= profond:
                            profond = 0
                            directes += 1
                    elif not profond or ligne.niveau_md <= profond:
                        profond = ligne.niveau_md
                elif not profond and self.libelle(ligne.texte):
                    directes += 1
            if directes >= 2:
                fiches.add(lignes[k].numero)
        return fiches

    @staticmethod
    def texte_titre(ligne: LigneFiche) -> str:
        m = TITRE_MD.match(ligne.brute.strip())
        return sans_le_gras(m.group("texte")) if m else ligne.texte

    def rubrique(self, libelle: str) -> str | None:
        cle = libelle.strip().rstrip(":").strip()
        for regex, champ in self.regex_rubriques:
            if regex.search(cle):
                return champ
        return rubrique(cle)

    def libelle(self, texte: str) -> tuple[str, str] | None:
        """(field, rest) for « **Partenaires :** A, B » or « Partenaires : A, B »."""
        m = GRAS_LIBELLE.match(texte) or LIBELLE.match(sans_le_gras(texte))
        if not m:
            return None
        champ = self.rubrique(m.group("libelle"))
        groupe = self.config.grouper_par
        if champ is None and groupe and normaliser(m.group("libelle")) == normaliser(groupe):
            return "__groupe__", m.group("reste").strip()
        return (champ, m.group("reste").strip()) if champ else None

    def titre_fiche(self, texte: str) -> tuple[str | None, str] | None:
        for regex in self.regex_fiche:
            m = regex.match(texte)
            if m:
                groupes = m.groupdict()
                return groupes.get("numero"), (groupes.get("titre") or texte).strip()
        m = MOT_FICHE.match(texte)
        if m:
            return m.group("numero"), m.group("titre").strip()
        return None
