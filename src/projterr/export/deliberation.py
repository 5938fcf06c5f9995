"""The délibération of the Conseil syndical that approves the projet, with its annexes.

Header (collectivité, n°, séance, figures), the opening (présents, excusés, absents, pouvoirs,
quorum, secrétaire), objet, visas (CGCT L. 5711-1, L. 5741-1, L. 5741-2, prefectoral order,
statutes, the délibération that approved the earlier version, opinions), exposé with a summary
of the changes when the earlier version is given, « Après en avoir délibéré » with how the vote
went, articles, vote, appeal notice, « Ainsi fait et délibéré », signatures « Pour extrait
conforme », « Certifié exécutoire »; then the projet as annex 1 and the table of changes as
annex 2. A value the séance file lacks is a blank « ……… » to fill by hand: projterr never
invents one (the common frame of real extraits de registre, ../shared/REFERENCES.md).

Annex 2, the table of changes, is written by :mod:`projterr.export.annexe_changements`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from projterr import valeurs
from projterr.export.annexe_changements import (
    DOCUMENT,
    changements_presentes,
    ecrire_annexe_changements,
    elements_changes,
)
from projterr.libelles import compte, libelle, libelle_champ, titre_libelle
from projterr.ooxml.modele_defaut import (
    STYLE_ENTETE_DELIBERATION,
    STYLE_SIGNATURE,
)
from projterr.ooxml.redacteur import Cellule, Contenu, Morceau, Redacteur

if TYPE_CHECKING:
    from projterr.check.constat import Constat
    from projterr.diff import RapportDiff
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

    douteux: list[Constat] = []
    if rapport is not None:
        rapport, douteux = changements_presentes(rapport, projet)
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
            assert rapport is not None
            delib = f"n°{NB}{numero} du {_v(seance.delib_date)}"
            ecrire_annexe_changements(r, rapport, ancien, delib, douteux)

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
        f", régulièrement convoqué le {_v(seance.date_convocation)}, s'est réuni à ",
        _v(seance.lieu),
        f", sous la présidence de {_v(seance.president)}.",
    )
    pouvoirs = [f"{p.de} à {p.a}" for p in seance.pouvoirs] if seance.pouvoirs is not None else None
    for libelle_, noms in (
        ("Présents", seance.noms_presents),
        ("Excusés", seance.excuses),
        ("Absents", seance.absents),
        ("Pouvoirs", pouvoirs),
    ):
        # an empty list is « néant » (said so), a missing one a blank to fill
        valeur = BLANC if noms is None else (", ".join(noms) if noms else "néant") + "."
        red.paragraphe(Morceau(f"{libelle_} : ", gras=True), valeur)
    red.paragraphe(_quorum(seance))
    red.paragraphe(f"Secrétaire de séance : {_v(seance.secretaire)}.")


def _quorum(seance: Seance) -> str:
    """The quorum sentence when the figures show it reached, else a blank to fill (a second
    convocation needs none: only the secretary knows)."""
    if seance.quorum_atteint():
        return (
            f"Le quorum étant atteint ({seance.presents} présents sur {seance.vote_effectif} "
            "membres en exercice), "
            f"le {instance(seance)} peut valablement délibérer."
        )
    return f"Quorum : {BLANC}."


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
    if ancien is not None:  # a revision: the délibération that approved the earlier version
        numero, date = _deliberation_precedente(seance, ancien)
        visas.append(
            [
                f"Vu la délibération n°{NB}{_v(numero)} du {_v(date)} approuvant le document « ",
                ancien.document.titre,
                " » ;",
            ]
        )
    for visa in visas:
        red.paragraphe(*visa)


def _deliberation_precedente(seance: Seance, ancien: Projet) -> tuple[str | None, object]:
    """Number and date of the délibération that approved ``ancien``: the séance file's, else
    the earlier document's own ``adoption``; None where neither says."""
    if seance.deliberation_precedente is not None:
        return seance.deliberation_precedente.numero, seance.deliberation_precedente.date
    adoption = ancien.document.adoption
    if adoption is not None:
        return adoption.deliberation, adoption.date
    return None, None


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
    for c in elements_changes(rapport):
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
                *([cote.numero, " – "] if cote.numero else []), cote.texte, style="List Bullet"
            )


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
    for c in elements_changes(rapport):
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
    red.paragraphe(
        Morceau(f"Après en avoir délibéré, {_majorite(seance)}, le {instance(seance)} :", gras=True)
    )
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


def _majorite(seance: Seance) -> str:
    """How the vote went, as the dispositif says it: « à l'unanimité », « à l'unanimité des
    suffrages exprimés » (abstentions only), « à la majorité des suffrages exprimés »; a
    blank when the votes are not known or do not adopt it."""
    pour, contre, abst = seance.vote_pour, seance.vote_contre, seance.vote_abstention
    if pour is None or contre is None or abst is None or pour <= contre:
        return f"à {BLANC}"
    if contre == 0 and abst == 0:
        return "à l'unanimité des membres présents et représentés"
    if contre == 0:
        return "à l'unanimité des suffrages exprimés"
    return "à la majorité des suffrages exprimés"


def _vote(seance: Seance) -> str:
    pour, contre, abst = seance.vote_pour, seance.vote_contre, seance.vote_abstention
    votants = f"Votants : {_v(seance.vote_reel)} – " if seance.vote_reel is not None else ""
    return f"{votants}Pour : {_v(pour)} – Contre : {_v(contre)} – Abstentions : {_v(abst)}."


def _signatures(red: Redacteur, seance: Seance) -> None:
    from docx.shared import Pt

    red.paragraphe("Ainsi fait et délibéré les jour, mois et an susdits.")
    red.paragraphe(f"Fait à {_v(seance.lieu)}, le {_v(seance.delib_date)}.")
    # two columns by a tab stop of the style: the secretary on the left, the président on the right
    titres = red.paragraphe(
        "Le secrétaire de séance,\tPour extrait conforme,", style=STYLE_SIGNATURE
    )
    titres.paragraph_format.keep_with_next = True
    fonction = red.paragraphe("\tLe Président,", style=STYLE_SIGNATURE)
    fonction.paragraph_format.keep_with_next = True
    red.paragraphe(_v(seance.secretaire), "\t", _v(seance.president), style=STYLE_SIGNATURE)
    certifie = red.paragraphe(
        Morceau("Certifié exécutoire", gras=True),
        f", transmis en préfecture le {_v(seance.pref_date)} et publié le "
        f"{_v(seance.date_publication)}.",
    )
    certifie.paragraph_format.space_before = Pt(24)  # apart from the signatures above
