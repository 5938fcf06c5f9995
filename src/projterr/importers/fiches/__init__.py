"""Fiche reader: plans written as fiches actions, whatever the markup.

A fiche is recognised by its usual sections (Contexte, Objectifs, Cibles, Pilote,
Partenaires, Financements, Calendrier, Indicateurs…) written as Markdown headings, bold labels
(« **Partenaires :** … ») or plain lines of a text export (« Partenaires : … »). Each section
goes to its :class:`Action` field, never becomes a node or an action. Markdown pages with YAML
front matter are fiches grouped under the parent their front matter names. Bullet pages whose
first-level bullets hold second-level ones give nodes and actions.

As in the profil engine, every non-blank line ends somewhere: the tree, a field, the
preambule, ``non_classe`` with a reason, or the structure labels of the summary.

Three steps, one module each: ``lignes`` (a line of any markup: Markdown headings, bold labels,
bullets, front matter, page furniture), ``lecture`` (the fiches, their sections and items, in
reading order), and here the Projet built from them (fields filled, items split, financeurs
and amounts, the document's territory and type).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from projterr.champs_fiche import CHAMPS_FICHE
from projterr.ids import Identifiants
from projterr.importers.fiches.lecture import BFiche, BNoeud, BSous, Item, LectureFiches
from projterr.importers.fiches.lignes import FINANCEUR, decouper_items, nombre_de
from projterr.importers.profil import Fiches, Profil
from projterr.importers.resultat import ResultatImport
from projterr.importers.rubriques import titre_de_niveau, type_niveau
from projterr.model import (
    Action,
    Document,
    Financement,
    Noeud,
    NonClasse,
    Projet,
    Territoire,
)
from projterr.normalize import normaliser
from projterr.valeurs import montant_dans

__all__ = ["NOM", "analyser_fiches", "remplir_champs"]


NOM = "fiches-actions"  # the shipped profil that selects this reader

# Fields whose items a fiche may write on one line: split at « ; », and at « , » for some.
_CHAMPS_LISTE_POINT_VIRGULE = {c.nom for c in CHAMPS_FICHE if c.separateurs}
_CHAMPS_LISTE_VIRGULES = {c.nom for c in CHAMPS_FICHE if "," in (c.separateurs or "")}


def _listes_de_reference(lecture: LectureFiches) -> set[int]:
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
    action: Action, fiche: BFiche, reference: set[int], non_classe: list[NonClasse]
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
                    cible.extend(decouper_items(texte, virgules=champ in _CHAMPS_LISTE_VIRGULES))
                else:
                    cible.append(texte.strip())
    if echeances:
        action.echeance = " ; ".join(echeances)


def remplir_champs(
    action: Action, champs: list[tuple[str, str]], non_classe: list[NonClasse]
) -> None:
    """Put ``(field, text)`` pairs in ``action`` as the fiche reader puts a fiche's sections
    (lists split, amounts read, statut checked): the cells of a one-row-per-action table."""
    fiche = BFiche(ligne=0, titre=action.texte, numero=None, parent=None)
    for champ, texte in champs:
        fiche.champs.setdefault(champ, []).append(Item(0, texte, en_ligne=True))
    _remplir(action, fiche, set(), non_classe)


def _financer(action: Action, champ: str, texte: str, en_ligne: bool) -> None:
    if champ == "budget":
        valeur = montant_dans(texte)
        if valeur is not None and action.budget is None:
            action.budget = nombre_de(valeur)
            if not re.fullmatch(
                r"[\d\s\u00a0\u202f.,]+\s*(k€|M€|€|euros?)\s*(HT|TTC)?\.?",
                texte.strip(),
                re.IGNORECASE,
            ):
                action.modalites_financement.append(texte)
        else:
            action.modalites_financement.append(texte)
        return
    morceaux = decouper_items(texte, virgules=False) if en_ligne else [texte.rstrip(".")]
    trouves = [FINANCEUR.match(m) for m in morceaux]
    if morceaux and all(trouves):
        for m in trouves:
            assert m is not None
            valeur = montant_dans(m.group("montant"))
            action.financements.append(
                Financement(
                    financeur=m.group("financeur").strip(),
                    montant=nombre_de(valeur) if valeur is not None else None,
                )
            )
    else:
        action.modalites_financement.append(texte)


def _sous_action(sous: BSous, ids: Identifiants, parent: str) -> Action:
    a = Action(id=ids.action(sous.texte, parent), numero=sous.numero, texte=sous.texte)
    a.sous_actions = [_sous_action(e, ids, sous.texte) for e in sous.enfants]
    a._ligne = sous.ligne
    return a


def _groupes(lecture: LectureFiches) -> None:
    """Fiches that name their parent (front matter, labelled line): one node per parent."""
    from rapidfuzz import fuzz

    cles: list[tuple[str, BNoeud, Counter[str]]] = []
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
            noeud = BNoeud(type_, 0, numero, titre, fiche.ligne)
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
    lecture = LectureFiches(texte, profil.fiches if profil and profil.fiches else Fiches())
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
        sans_parent = BNoeud("section", 0, None, "Fiches actions", orphelines[0].ligne)
        sans_parent.fiches = orphelines
        lecture.racines.insert(0, sans_parent)

    def action(fiche: BFiche, parent: str) -> Action:
        a = Action(id=ids.action(fiche.titre, parent), numero=fiche.numero, texte=fiche.titre)
        _remplir(a, fiche, reference, non_classe)
        a.sous_actions = [_sous_action(s, ids, fiche.titre) for s in fiche.sous_actions]
        a._ligne = fiche.ligne
        return a

    def noeud(b: BNoeud, parent: str) -> Noeud:
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
