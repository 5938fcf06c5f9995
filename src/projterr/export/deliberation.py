"""The délibération of the Conseil syndical that approves the projet, with its annexes.

Header (collectivité, n°, séance, quorum), objet, visas (CGCT L. 5711-1, L. 5741-1, L. 5741-2,
prefectoral order, statutes, opinions), exposé with a summary of the changes when the earlier
version is given, « Après en avoir délibéré », articles, vote, appeal notice, signatures; then
the projet as annex 1 and the table of changes as annex 2. A value the séance file lacks is a
blank « ……… » to fill by hand: projterr never invents one.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from projterr.export import valeurs
from projterr.export.modele_defaut import (
    STYLE_ENTETE_DELIBERATION,
    STYLE_SIGNATURE,
)
from projterr.export.redacteur import Cellule, Contenu, Morceau, Redacteur
from projterr.libelles import compte, libelle, libelle_champ, titre_libelle

if TYPE_CHECKING:
    from projterr.diff import Changement, RapportDiff
    from projterr.export.seance import Seance
    from projterr.model import Action, Projet
    from projterr.referentiels import Sigles

BLANC = "………"
NB = valeurs.ESPACE_INSECABLE
NOUVELLES_ACTIONS_MAX = 8  # new actions named in the exposé


def _v(valeur: object) -> str:
    """A value as written in the délibération, or the blank to fill."""
    if valeur is None or (isinstance(valeur, str) and not valeur.strip()):
        return BLANC
    if isinstance(valeur, dt.date):
        return valeurs.date(valeur)
    return str(valeur)


def instance(seance: Seance) -> str:
    return seance.instance or "Conseil syndical"


def objet(projet: Projet, seance: Seance, revision: bool) -> str:
    """The délibération's objet: the séance file's, or one said from the document."""
    if seance.delib_objet:
        return seance.delib_objet
    if projet.document.type == "projet_de_territoire":
        if revision:
            return "Approbation de la révision du projet de territoire"
        return "Approbation du projet de territoire"
    return f"Approbation du document « {projet.document.titre} »"


def ecrire_deliberation(
    red: Redacteur,
    projet: Projet,
    seance: Seance,
    sigles: Sigles,
    rapport: RapportDiff | None = None,
    ancien: Projet | None = None,
) -> None:
    """The délibération, the projet as annex 1 and, with ``rapport``, the changes as annex 2."""
    from projterr.export.docx_projet import ecrire_projet

    coll = seance.coll_nom or projet.territoire.nom
    numero = _v(seance.delib_id)
    _entete(red, seance, coll)
    _seance(red, seance, coll)
    red.paragraphe(
        Morceau("Objet : ", gras=True),
        Morceau(objet(projet, seance, rapport is not None), gras=True),
    )
    _visas(red, seance, coll, ancien)
    _expose(red, projet, seance, rapport, ancien)
    _decision(red, projet, seance, coll)
    _signatures(red, seance)

    mention = f"Annexe 1 à la délibération n°{NB}{numero} du {_v(seance.delib_date)}"
    suite = None
    if rapport is not None:

        def suite(r: Redacteur) -> None:
            _annexe_changements(r, rapport, ancien, numero, seance)

    ecrire_projet(red, projet, sigles, annexe=mention, apres=suite)


def _entete(red: Redacteur, seance: Seance, coll: str) -> None:
    red.paragraphe(coll, style=STYLE_ENTETE_DELIBERATION)
    red.paragraphe(
        f"Extrait du registre des délibérations du {instance(seance)}",
        style=STYLE_ENTETE_DELIBERATION,
    )
    red.paragraphe(
        f"Séance du {_v(seance.delib_date)} – délibération n°{NB}{_v(seance.delib_id)}",
        style=STYLE_ENTETE_DELIBERATION,
    )
    lignes: list[tuple[str, Cellule]] = [
        ("Date de convocation", [[_v(seance.date_convocation)]]),
        ("Membres en exercice", [[_v(seance.vote_effectif)]]),
        ("Présents", [[_v(seance.presents)]]),
        ("Représentés", [[_v(seance.representes)]]),
        ("Votants", [[_v(seance.vote_reel)]]),
    ]
    red.tableau(lignes, part_libelle=0.6, largeur=0.5)


def _seance(red: Redacteur, seance: Seance, coll: str) -> None:
    heure = f" à {seance.heure}" if seance.heure else ""
    red.paragraphe(
        f"Le {_v(seance.delib_date)}{heure}, le {instance(seance)} du ",
        coll,
        f", légalement convoqué le {_v(seance.date_convocation)}, s'est réuni à ",
        _v(seance.lieu),
        f", sous la présidence de {_v(seance.president)}.",
    )
    red.paragraphe(f"Secrétaire de séance : {_v(seance.secretaire)}.")


def _visas(red: Redacteur, seance: Seance, coll: str, ancien: Projet | None) -> None:
    arrete = seance.arrete_creation
    statuts = seance.statuts
    visas: list[list[Contenu]] = [
        [
            # Légifrance's typesetting: « L. 5741-2 », a non-breaking space after « L. »
            f"Vu le code général des collectivités territoriales, notamment ses articles "
            f"L.{NB}5711-1 et suivants relatifs aux syndicats mixtes, L.{NB}5741-1 relatif aux "
            f"pôles d'équilibre territoriaux et ruraux et L.{NB}5741-2 relatif au projet de "
            "territoire ;"
        ],
        [
            f"Vu l'arrêté préfectoral n°{NB}{_v(arrete.numero if arrete else None)} du "
            f"{_v(arrete.date if arrete else None)} portant création du ",
            coll,
            " ;",
        ],
        [
            "Vu les statuts du ",
            coll,
            f" modifiés le {_v(statuts.date)} ;" if statuts and statuts.date else " ;",
        ],
        [f"Vu l'avis de la conférence des maires du {_v(seance.avis_conference_maires)} ;"],
        [
            "Vu l'avis du conseil de développement territorial du "
            f"{_v(seance.avis_conseil_developpement)} ;"
        ],
    ]
    adoption = ancien.document.adoption if ancien else None
    if ancien is not None and adoption is not None and (adoption.deliberation or adoption.date):
        visas.append(
            [
                f"Vu la délibération n°{NB}{_v(adoption.deliberation)} du {_v(adoption.date)} "
                "approuvant le document « ",
                ancien.document.titre,
                " » ;",
            ]
        )
    for visa in visas:
        red.paragraphe(*visa)


def _expose(
    red: Redacteur,
    projet: Projet,
    seance: Seance,
    rapport: RapportDiff | None,
    ancien: Projet | None,
) -> None:
    from projterr.synthese import synthese

    red.paragraphe(Morceau("Le Président expose :", gras=True))
    red.paragraphe(
        f"Le projet de territoire prévu à l'article L.{NB}5741-2 du code général des collectivités "
        "territoriales définit les conditions du développement économique, écologique, culturel "
        "et social dans le périmètre du pôle d'équilibre territorial et rural. Il est soumis pour "
        "avis à la conférence des maires et au conseil de développement territorial, puis "
        "approuvé par les organes délibérants des établissements publics de coopération "
        "intercommunale membres."
    )
    s = synthese(projet)
    effectifs = [compte(t, n) for t, n in s.effectifs.items()]
    version = f" (version {projet.document.version})" if projet.document.version else ""
    red.paragraphe(
        "Le document soumis au ",
        instance(seance),
        ", « ",
        projet.document.titre,
        f" »{version}, compte " + ", ".join([*effectifs, compte("action", s.actions)]) + ".",
    )
    if rapport is not None and ancien is not None:
        _resume_changements(red, rapport, projet, ancien)
    red.paragraphe(
        f"Il est proposé au {instance(seance)} d'approuver ce document, annexé à la présente "
        "délibération."
    )


def _resume_changements(
    red: Redacteur, rapport: RapportDiff, projet: Projet, ancien: Projet
) -> None:
    """Counts by kind of change and element, then the main new actions (annex 2 lists all)."""
    version = f" (version {ancien.document.version})" if ancien.document.version else ""
    if rapport.identiques:
        red.paragraphe(
            "Le document est identique à la version précédente, « ",
            ancien.document.titre,
            f" »{version}.",
        )
        return
    resume = rapport.resume()
    par_type = [compte(t, n) for t, n in resume.items() if n]
    red.paragraphe(
        "Par rapport à la version précédente, « ",
        ancien.document.titre,
        f" »{version}, la révision compte " + _enumerer(par_type) + " (détail en annexe 2) :",
    )
    natures: dict[str, dict[str, int]] = {}
    for c in _elements_changes(rapport):
        for t in c.types:
            natures.setdefault(c.nature, dict.fromkeys(resume, 0))[t] += 1
    document = next((c for c in rapport.significatifs() if c.nature == DOCUMENT), None)
    if document is not None:
        champs = [libelle_champ(ch.champ) for ch in document.champs_visibles()]
        red.paragraphe(f"Document : {_enumerer(champs)} modifiés ;", style="List Bullet")
    for nature, types in natures.items():
        details = _enumerer([compte(t, n) for t, n in types.items() if n])
        pluriel = libelle(nature, 2)
        red.paragraphe(f"{pluriel[:1].upper()}{pluriel[1:]} : {details} ;", style="List Bullet")
    par_racine = _par_racine(rapport, projet, ancien)
    if len(par_racine) > 1:
        red.paragraphe("Par " + _libelle_racines(projet) + " :")
        for racine, types in par_racine.items():
            details = _enumerer([compte(t, n) for t, n in types.items() if n])
            red.paragraphe(racine, f" : {details} ;", style="List Bullet")
    nouvelles = [
        c.nouveau
        for c in rapport.significatifs()
        if "ajout" in c.types and c.nature == "action" and c.nouveau is not None
    ]
    if nouvelles:
        red.paragraphe(
            "Principales actions nouvelles :"
            if len(nouvelles) > NOUVELLES_ACTIONS_MAX
            else "Actions nouvelles :"
        )
        for cote in nouvelles[:NOUVELLES_ACTIONS_MAX]:
            red.paragraphe(
                *([cote.numero, " – "] if cote.numero else []), cote.texte, style="List Bullet 2"
            )


DOCUMENT = "document"  # the nature of the diff record about the document itself


def _elements_changes(rapport: RapportDiff) -> list[Changement]:
    """The changes people count, node and action by node and action: typographic retouches
    and the document's own metadata (said in one line) are left out."""
    return [c for c in rapport.significatifs() if c.nature != DOCUMENT]


def _racines(projet: Projet) -> dict[tuple[str, str], str]:
    """(nature, text) of every node and action → the heading of its top-level node; a text
    found under two top-level nodes is left out (the record cannot be placed)."""
    index: dict[tuple[str, str], str] = {}
    doubles: set[tuple[str, str]] = set()

    def noter(cle: tuple[str, str], entete: str) -> None:
        if index.setdefault(cle, entete) != entete:
            doubles.add(cle)

    def actions(liste: list[Action], entete: str) -> None:
        for action in liste:
            noter(("action", action.texte), entete)
            actions(action.sous_actions, entete)

    for racine in projet.contenu:
        entete = _entete_racine(racine.type, racine.numero, racine.titre)
        for _, noeud in racine.walk():
            noter((noeud.type, noeud.titre), entete)
            actions(noeud.actions, entete)
    return {cle: v for cle, v in index.items() if cle not in doubles}


def _entete_racine(type_: str, numero: str | None, titre: str) -> str:
    return f"{titre_libelle(type_)} {numero}" if numero else titre


def _libelle_racines(projet: Projet) -> str:
    types = {r.type for r in projet.contenu}
    return libelle(types.pop(), 1) if len(types) == 1 else "partie du document"


def _par_racine(rapport: RapportDiff, projet: Projet, ancien: Projet) -> dict[str, dict[str, int]]:
    """Counts of change kinds under each top-level node (pilier, axe…) of the new document, the
    old one's for a deletion; what cannot be placed by its text goes under « autres »."""
    nouveaux, anciens = _racines(projet), _racines(ancien)
    ordre = [_entete_racine(r.type, r.numero, r.titre) for r in projet.contenu]
    comptes: dict[str, dict[str, int]] = {}
    for c in _elements_changes(rapport):
        if c.nouveau is not None:
            racine = nouveaux.get((c.nature, c.nouveau.texte))
        else:
            assert c.ancien is not None
            racine = anciens.get((c.nature, c.ancien.texte))
            if racine is not None and racine not in ordre:  # that pilier is gone
                racine = f"{racine} (version précédente)"
        cle = racine or "Autres"
        for t in c.types:
            comptes.setdefault(cle, dict.fromkeys(rapport.resume(), 0))[t] += 1
    rang = {r: k for k, r in enumerate(ordre)}
    return dict(
        sorted(comptes.items(), key=lambda kv: (kv[0] == "Autres", rang.get(kv[0], len(rang))))
    )


def _enumerer(morceaux: list[str]) -> str:
    if len(morceaux) <= 1:
        return "".join(morceaux)
    return ", ".join(morceaux[:-1]) + " et " + morceaux[-1]


def _decision(red: Redacteur, projet: Projet, seance: Seance, coll: str) -> None:
    red.paragraphe(Morceau(f"Après en avoir délibéré, le {instance(seance)} :", gras=True))
    articles: list[list[Contenu]] = [
        [
            "approuve le document « ",
            projet.document.titre,
            " », annexé à la présente délibération (annexe 1) ;",
        ],
        [
            "décide de le transmettre aux établissements publics de coopération intercommunale "
            "membres du ",
            coll,
            " pour approbation par leurs organes délibérants ;",
        ],
        [
            "autorise le Président à signer tout document relatif à l'exécution de la présente "
            "délibération."
        ],
    ]
    for k, article in enumerate(articles, start=1):
        red.paragraphe(Morceau(f"Article {k} : ", gras=True), *article)
    red.paragraphe(Morceau(_vote(seance), gras=True))
    red.paragraphe(
        "La présente délibération peut faire l'objet d'un recours pour excès de pouvoir devant "
        f"le tribunal administratif de {_v(seance.tribunal_administratif)} dans un délai de deux "
        "mois à compter de sa publication et de sa transmission au représentant de l'État. Le "
        "tribunal administratif peut être saisi par l'application « Télérecours citoyens » "
        "sur le site www.telerecours.fr."
    )


def _vote(seance: Seance) -> str:
    pour, contre, abst = seance.vote_pour, seance.vote_contre, seance.vote_abstention
    texte = f"Vote : pour {_v(pour)} ; contre {_v(contre)} ; abstentions {_v(abst)}."
    if pour and contre == 0 and abst == 0:
        texte += " Adoptée à l'unanimité des votants."
    elif pour is not None and contre is not None and pour > contre:
        texte += " Adoptée."
    return texte


def _signatures(red: Redacteur, seance: Seance) -> None:
    red.paragraphe(f"Fait à {_v(seance.lieu)}, le {_v(seance.delib_date)}.")
    # two columns by a tab stop of the style: the secretary on the left, the président on the right
    titres = red.paragraphe("Le secrétaire de séance,\tLe Président,", style=STYLE_SIGNATURE)
    titres.paragraph_format.keep_with_next = True
    red.paragraphe(_v(seance.secretaire), "\t", _v(seance.president), style=STYLE_SIGNATURE)


_TYPES_COURTS = {
    "ajout": "Ajout",
    "suppression": "Suppression",
    "deplacement": "Déplacement",
    "modification": "Reformulation",
    "renumerotation": "Renumérotation",
}


def _annexe_changements(
    red: Redacteur, rapport: RapportDiff, ancien: Projet | None, numero: str, seance: Seance
) -> None:
    titre = red.titre(1, "Annexe 2", " – ", "Tableau des modifications")
    titre.paragraph_format.page_break_before = True
    red.paragraphe(
        f"Annexe 2 à la délibération n°{NB}{numero} du {_v(seance.delib_date)} : ce qui change "
        "par rapport à la version précédente",
        *([", « ", ancien.document.titre, " »"] if ancien else []),
        ".",
    )
    if rapport.identiques:
        red.paragraphe("Aucune modification.")
        return
    lignes: list[list[Cellule]] = []
    document = next((c for c in rapport.significatifs() if c.nature == DOCUMENT), None)
    if document is not None:
        lignes.append(_ligne_document(document))
    for c in _elements_changes(rapport):
        types = " et ".join(_TYPES_COURTS.get(t, t) for t in c.types)
        avant: Cellule = [[*_numero(c.ancien.numero), c.ancien.texte]] if c.ancien else [["—"]]
        apres: Cellule = [[*_numero(c.nouveau.numero), c.nouveau.texte]] if c.nouveau else [["—"]]
        lignes.append([[[types]], [[titre_libelle(c.nature)]], avant, apres])
    red.grille(["Changement", "Élément", "Avant", "Après"], lignes, [0.19, 0.15, 0.33, 0.33])


def _ligne_document(c: Changement) -> list[Cellule]:
    """The document's own changes (title, version, dates, preamble…): one row, one line per
    field on each side."""
    from projterr.render.diff.commun import court, valeur_fr

    def cote(valeur: object, champ: str) -> str:
        if isinstance(valeur, list) and all(isinstance(v, str) for v in valeur):
            return court(" ".join(valeur), 120) if valeur else "—"
        return court(valeur_fr(champ, valeur), 120) if valeur not in (None, "") else "—"

    avant: Cellule = []
    apres: Cellule = []
    for champ in c.champs_visibles():
        libelle_ = libelle_champ(champ.champ)
        avant.append([Morceau(libelle_, gras=True), " : ", cote(champ.ancien, champ.champ)])
        apres.append([Morceau(libelle_, gras=True), " : ", cote(champ.nouveau, champ.champ)])
    return [[["Modification"]], [["Document"]], avant, apres]


def _numero(numero: str | None) -> list[Contenu]:
    return [Morceau(numero, gras=True), " "] if numero else []
