"""The fields of a fiche action, one row each: everything projterr knows about a field outside
the schema itself — its French name, the words a fiche uses for its section, its Territoires en
Transitions column, how diff compares it, its label in the Word export.

Every other table is derived from this one: the names in reports (``libelles``), the sections
the fiche reader recognises (``importers/rubriques``, ``importers/profil``), how it splits a
list (``importers/fiches``), what the plausibility judge counts as structure, the Territoires en
Transitions reader and writer (``importers/tet``, ``export/tet_excel``), the diff's kinds
of field (``diff/champs``) and the Word export's fiche table, which the Word reader reads back
by its labels (``ooxml/gabarit``). ``tests/test_champs_fiche.py`` checks that it covers every
field of :class:`projterr.model.Action` but its id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Comparaison = Literal["texte", "paragraphes", "noms"]
FormeTet = Literal["texte", "liste"]


@dataclass(frozen=True, slots=True)
class ChampFiche:
    nom: str  # the Action field
    libelle: str  # its French name in reports: « résultats attendus »
    # the Word export's label in a fiche's table (the Word reader reads the field back by it)
    etiquette: str | None = None
    # a regular expression matched from the start of a normalised fiche section label (lower
    # case, no accents, punctuation as spaces): « Effets attendus : » → resultats_attendus
    synonymes: str | None = None
    rubrique: bool = False  # a profil may send a fiche section to it (« rubriques: »)
    # how the fiche reader splits one line of items: « ; » always, « , » too
    separateurs: str | None = None
    structure: bool = False  # counts as structure when an import's tree is judged
    diff: Comparaison | None = None  # how diff compares it (others: one value)
    colonne_tet: str | None = None  # Territoires en Transitions' column
    tet_modele: FormeTet | None = None  # in the import template: a text or a list column
    tet_export: FormeTet | None = None  # in the platform's export


CHAMPS_FICHE: tuple[ChampFiche, ...] = (
    ChampFiche("numero", "numéro"),
    ChampFiche("texte", "intitulé", diff="texte", colonne_tet="Titre de l'action"),
    ChampFiche("sous_points", "précisions", etiquette="Précisions", diff="paragraphes"),
    ChampFiche(
        "description",
        "description",
        synonymes=r"(presentation|description|descriptif|contexte|enjeux?|constats?|contenu|"
        r"detail)\b",
        rubrique=True,
        diff="paragraphes",
        colonne_tet="Descriptif",
        tet_modele="texte",
        tet_export="texte",
    ),
    ChampFiche(
        "objectifs",
        "objectifs",
        etiquette="Objectifs",
        synonymes=r"objectifs?\b",
        rubrique=True,
        separateurs=";",
        structure=True,
        diff="paragraphes",
        colonne_tet="Objectifs",
        tet_modele="texte",
        tet_export="texte",
    ),
    ChampFiche(
        "resultats_attendus",
        "résultats attendus",
        etiquette="Résultats attendus",
        synonymes=r"(effets?|resultats?|impacts?|benefices?) attendus?",
        rubrique=True,
        separateurs=";",
        structure=True,
        diff="paragraphes",
        colonne_tet="Résultats attendus",
        tet_export="liste",
    ),
    ChampFiche(
        "cibles",
        "cibles",
        etiquette="Publics cibles",
        synonymes=r"(publics?|cibles?|beneficiaires?)\b",
        rubrique=True,
        structure=True,
        diff="paragraphes",
        colonne_tet="Cibles",
        tet_export="liste",
    ),
    ChampFiche(
        "indicateurs",
        "indicateurs",
        etiquette="Indicateurs",
        synonymes=r"indicateurs?\b",
        rubrique=True,
        separateurs=";",
        structure=True,
        diff="paragraphes",
        colonne_tet="Indicateurs liés",
        tet_modele="texte",
        tet_export="liste",
    ),
    ChampFiche(
        "gouvernance",
        "instances de gouvernance",
        etiquette="Gouvernance",
        synonymes=r"(gouvernance|instances? de (suivi|pilotage|gouvernance)|comites? de "
        r"(suivi|pilotage))",
        rubrique=True,
        separateurs=";",
        diff="paragraphes",
        colonne_tet="Instances de gouvernance",
        tet_modele="liste",
        tet_export="liste",
    ),
    ChampFiche(
        "moyens",
        "moyens humains et techniques",
        etiquette="Moyens humains et techniques",
        synonymes=r"moyens?\b",
        rubrique=True,
        structure=True,
        diff="paragraphes",
        colonne_tet="Moyens humains et techniques",
        tet_modele="texte",
        tet_export="texte",
    ),
    ChampFiche(
        "porteurs",
        "porteurs",
        etiquette="Porteurs",
        synonymes=r"(porteurs?|pilotes?|pilotage)\b",
        rubrique=True,
        separateurs=";",
        structure=True,
        diff="noms",
    ),
    ChampFiche(
        "structures_pilotes",
        "structure pilote",
        etiquette="Structure pilote",
        synonymes=r"(maitre|maitrise) d ouvrage|structures? pilotes?|structures? porteuses?",
        rubrique=True,
        separateurs=";",
        structure=True,
        diff="noms",
        colonne_tet="Structure pilote",
        tet_modele="liste",
        tet_export="liste",
    ),
    ChampFiche(
        "services_pilotes",
        "direction ou service pilote",
        etiquette="Service pilote",
        synonymes=r"(services?|directions?) pilotes?",
        rubrique=True,
        separateurs=";",
        diff="noms",
        colonne_tet="Direction ou service pilote",
        tet_modele="liste",
        tet_export="liste",
    ),
    ChampFiche(
        "personnes_pilotes",
        "personne pilote",
        etiquette="Personne pilote",
        synonymes=r"(chefs? de projet|personnes? pilotes?|referents? techniques?|contacts?)\b",
        rubrique=True,
        separateurs=";",
        diff="noms",
        colonne_tet="Personne pilote",
        tet_modele="liste",
        tet_export="liste",
    ),
    ChampFiche(
        "elus_referents",
        "élu·e référent·e",
        etiquette="Élu·e référent·e",
        synonymes=r"(elus?|elues?) referent",
        rubrique=True,
        separateurs=";",
        diff="noms",
        colonne_tet="Élu·e référent·e",
        tet_modele="liste",
        tet_export="liste",
    ),
    ChampFiche(
        "partenaires",
        "partenaires",
        etiquette="Partenaires",
        synonymes=r"partenaires?\b|partenariats?\b",
        rubrique=True,
        separateurs=";,",
        structure=True,
        diff="noms",
        colonne_tet="Partenaires",
        tet_modele="liste",
        tet_export="liste",
    ),
    ChampFiche(
        "participation_citoyenne",
        "participation citoyenne",
        synonymes=r"participation citoyenne",
        rubrique=True,
        colonne_tet="Participation Citoyenne",
    ),
    ChampFiche(
        "modalites_financement",
        "financements",
        etiquette="Financements",
        structure=True,
        diff="paragraphes",
        colonne_tet="Financements",
        tet_modele="texte",
        tet_export="texte",
    ),
    ChampFiche(
        "financements",
        "financeurs",
        synonymes=r"(financements?|plan de financement|financeurs?|sources? de financement|"
        r"modalites de financement)\b",
        rubrique=True,
        colonne_tet="Financeur 1",
    ),
    ChampFiche(
        "budget",
        "budget prévisionnel",
        synonymes=r"(budget|cout|couts|montant)\b",
        rubrique=True,
        colonne_tet="Budget prévisionnel total € HT",
    ),
    ChampFiche("dispositifs", "dispositifs", etiquette="Dispositifs", rubrique=True, diff="noms"),
    ChampFiche("thematiques", "thématiques", etiquette="Thématiques", structure=True, diff="noms"),
    ChampFiche(
        "statut",
        "statut",
        synonymes=r"(statut|etat d avancement|avancement)$",
        rubrique=True,
        colonne_tet="Statut",
    ),
    ChampFiche(
        "priorite",
        "priorité",
        synonymes=r"priorite$",
        rubrique=True,
        colonne_tet="Niveau de priorité",
    ),
    ChampFiche("date_debut", "date de début", colonne_tet="Date de début"),
    ChampFiche("date_fin", "date de fin", colonne_tet="Date de fin"),
    ChampFiche(
        "echeance",
        "échéance",
        synonymes=r"(calendrier|echeancier|echeances?|planning|duree|delais?|periode de "
        r"realisation)\b",
        rubrique=True,
    ),
    ChampFiche("sous_actions", "sous-actions", colonne_tet="Titre de la sous-action"),
)

PAR_NOM = {c.nom: c for c in CHAMPS_FICHE}
