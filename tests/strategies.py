"""Hypothesis strategies that build random *valid* :class:`projterr.model.Projet` objects.

Texts are French-ish and deliberately awkward for YAML: accents, quotes, colons, ``#``,
leading dashes, numbers such as « 1.2 » or « 2.1.3. », words YAML 1.1 reads as booleans,
dates written as text. Reuse them: ``from strategies import projets``.
"""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import strategies as st

from projterr.model import (
    PARTICIPATIONS,
    PRIORITES,
    STATUTS_ACTION,
    TYPES_NOEUD_CONNUS,
    Action,
    Adoption,
    Document,
    Financement,
    Noeud,
    NonClasse,
    Periode,
    Projet,
    Source,
    Territoire,
)

LETTRES = string.ascii_letters + "àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÖÙÛÜŒÆ"
PONCTUATION = " .,;:!?'\"’«»…–—-()[]{}#&*%@/|>+=°€"

# Strings a YAML reader could take for something else than text, or that need quoting.
PIEGES = [
    "1", "1.2", "2.1.3.", "01", "0x1F", "1e3", "1_000", ".5", "-1",
    "yes", "no", "on", "off", "y", "n", "true", "False", "null", "~", "NULL",
    "2025-06-30", "2025", "12:30", "1:2:3",
    "- tiret en tête", "-", "— tiret cadratin", "# pas un commentaire", "mot # dièse",
    "clé : valeur", "clé: valeur", "a:b", ": deux-points en tête", "?", "? question",
    "« guillemets »", "l’apostrophe", "l'apostrophe", "\"double\"", "'simple'",
    "[crochets]", "{accolades}", "&ancre", "*alias", "!etiquette", "%directive", "@arobase",
    "`accent grave`", "|", ">", "espace finale ", " espace initiale", "  ", "",
    "Objectif opérationnel n°1.1.1 : Mettre en œuvre…", "Cœur de Lorraine",
    "ligne 1\nligne 2", "tab\tulation",
]  # fmt: skip

textes_libres = st.text(alphabet=LETTRES + PONCTUATION + string.digits, min_size=0, max_size=40)
textes = st.one_of(
    st.sampled_from(PIEGES),
    textes_libres,
    st.builds("{} {}".format, st.sampled_from(PIEGES), textes_libres),
)
textes_non_vides = textes.filter(lambda t: t.strip() != "")
listes = st.lists(textes, max_size=3)
optionnels = st.none() | textes
numeros = st.none() | st.sampled_from(
    ["1", "2", "1.2", "2.1.3", "2.1.3.", "n°4", "IV", "A", "3.1.3"]
)
identifiants = st.from_regex(r"\A[a-z][a-z0-9-]{0,10}\Z")
types_noeud = st.sampled_from(TYPES_NOEUD_CONNUS) | st.from_regex(r"\A[a-z][a-z0-9_]{0,12}\Z")
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


montants = st.none() | st.integers(0, 10_000_000) | st.sampled_from([0.5, 1234.56, 1e6, 99.9])
financements = st.builds(Financement, financeur=textes_non_vides, montant=montants)


# The fiche's list fields. Each action fills a few of them, drawn by name: drawing all twenty
# (most of them empty) made generation most of the property tests' time, for the same cases.
CHAMPS_LISTE = (
    "sous_points", "description", "objectifs", "resultats_attendus", "cibles", "indicateurs",
    "gouvernance", "moyens", "partenaires", "porteurs", "structures_pilotes",
    "services_pilotes", "personnes_pilotes", "elus_referents", "modalites_financement",
    "dispositifs",
)  # fmt: skip
CHAMPS_SIMPLES = (
    "participation_citoyenne", "financements", "budget", "thematiques", "echeance", "statut",
    "priorite", "date_debut", "date_fin", "sous_actions",
)  # fmt: skip


@st.composite
def actions(draw: st.DrawFn, sous_actions: bool = True) -> Action:
    """An action; every fiche field can be drawn, each action filling a few of them (as in
    real documents, where most fields of a fiche are empty)."""
    listes_remplies = draw(st.lists(st.sampled_from(CHAMPS_LISTE), unique=True, max_size=5))
    simples = draw(st.lists(st.sampled_from(CHAMPS_SIMPLES), unique=True, max_size=4))
    champs: dict[str, object] = {nom: draw(listes) for nom in listes_remplies}
    tirages = {
        "participation_citoyenne": st.sampled_from(PARTICIPATIONS),
        "financements": st.lists(financements, min_size=1, max_size=3),
        "budget": montants,
        "thematiques": st.lists(
            st.sampled_from(["pvd:mobilite", "odd:7", "crte:eau"]), min_size=1, max_size=2
        ),
        "echeance": st.sampled_from(["2027", "2025-2030", "fin 2026"]),
        "statut": st.sampled_from(STATUTS_ACTION)
        | st.sampled_from(["à venir", "EN COURS ", "realise", "A discuter"]),
        "priorite": st.sampled_from(PRIORITES),
        "date_debut": dates,
        "date_fin": dates,
        "sous_actions": st.lists(actions(sous_actions=False), min_size=1, max_size=2),
    }
    for nom in simples:
        if nom != "sous_actions" or sous_actions:
            champs[nom] = draw(tirages[nom])
    return Action(
        id=draw(identifiants),
        numero=draw(numeros),
        texte=draw(textes),
        **champs,  # type: ignore[arg-type]
    )


@st.composite
def noeuds(draw: st.DrawFn, profondeur: int = 3) -> Noeud:
    """A node and up to ``profondeur`` levels below it."""
    enfants = draw(st.lists(noeuds(profondeur - 1), max_size=2)) if profondeur > 0 else []
    return Noeud(
        id=draw(identifiants),
        type=draw(types_noeud),
        numero=draw(numeros),
        titre=draw(textes),
        description=draw(st.lists(textes, max_size=2)),
        enfants=enfants,
        actions=draw(st.lists(actions(), max_size=2)),
    )


def ids_uniques(projet: Projet) -> Projet:
    """Make every id of ``projet`` unique (a schema rule), keeping the first of each."""
    vus: set[str] = set()

    def unique(element: Noeud | Action) -> None:
        base, n = element.id, 2
        while element.id in vus:
            element.id = f"{base}-{n}"
            n += 1
        vus.add(element.id)

    def actions_(liste: list[Action]) -> None:
        for a in liste:
            unique(a)
            actions_(a.sous_actions)

    def noeuds_(liste: list[Noeud]) -> None:
        for noeud in liste:
            unique(noeud)
            noeuds_(noeud.enfants)
            actions_(noeud.actions)

    noeuds_(projet.contenu)
    return projet


@st.composite
def projets(draw: st.DrawFn, profondeur_max: int = 4) -> Projet:
    """A valid Projet whose tree is 1 to ``profondeur_max`` levels deep."""
    profondeur = draw(st.integers(min_value=1, max_value=profondeur_max))
    debut = draw(st.none() | st.integers(min_value=1990, max_value=2100))
    return ids_uniques(
        Projet(
            territoire=Territoire(
                nom=draw(textes_non_vides),
                type=draw(
                    st.none() | st.sampled_from(["PETR", "communauté de communes", "commune"])
                ),
                departement=draw(st.none() | st.sampled_from(["55", "01", "2A", "971", "55, 54"])),
                siren=draw(st.none() | st.just("200035897")),
                siret=draw(st.none() | st.just("20003589700013")),
                code_insee=draw(st.none() | st.sampled_from(["55029", "2A004"])),
            ),
            document=Document(
                titre=draw(textes_non_vides),
                type=draw(
                    st.sampled_from(["projet_de_territoire", "convention_ort", "crte", "autre"])
                ),
                version=draw(st.none() | st.sampled_from(["2025", "1.2", "v2", "2025-06-30"])),
                date=draw(st.none() | dates),
                statut=draw(st.sampled_from([None, "projet", "adopte"])),
                periode=draw(
                    st.none()
                    | st.builds(
                        Periode, debut=st.just(debut), fin=st.none() | st.integers(1990, 2100)
                    )
                ),
                source=draw(
                    st.none()
                    | st.builds(
                        Source,
                        fichier=optionnels,
                        empreinte=optionnels,
                        encodage=st.none() | st.just("windows-1252"),
                    )
                ),
                note=draw(optionnels),
                adoption=draw(
                    st.none()
                    | st.builds(
                        Adoption,
                        instance=st.none() | st.just("Conseil syndical"),
                        date=st.none() | dates,
                        deliberation=st.none() | st.sampled_from(["2025-014", "DEL 12/2025"]),
                    )
                ),
            ),
            niveaux=draw(st.lists(types_noeud, max_size=4)),
            preambule=draw(st.lists(textes, max_size=2)),
            contexte=draw(st.lists(textes, max_size=2)),
            contenu=draw(st.lists(noeuds(profondeur - 1), min_size=1, max_size=3)),
            non_classe=draw(
                st.lists(
                    st.builds(
                        NonClasse, ligne=st.integers(1, 10_000), texte=textes, raison=optionnels
                    ),
                    max_size=2,
                )
            ),
        )
    )
