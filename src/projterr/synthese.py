"""What ``show`` summarises: counts, actions per pilier, who and what is cited.

Partners and dispositifs come from the actions' ``partenaires`` and ``dispositifs`` fields.
A fresh import leaves those fields empty: the summary then counts, in the action texts, the
names of a known list, and says so (``origine == "texte"``), since a name found in a text is
weaker evidence than a field someone filled in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from projterr.model import Action, Projet
from projterr.normalize import sans_accents

Origine = Literal["champs", "texte"]

# Programmes and contracts that French territorial strategies name by acronym or short name.
DISPOSITIFS_CONNUS: tuple[str, ...] = (
    "ACV", "Action cœur de ville", "CLS", "CLEA", "CRTE", "CTE", "CTEAC", "DETR", "DSIL",
    "FEADER", "FEDER", "FSE+", "Fonds vert", "LEADER", "OPAH", "ORT", "PAT", "PCAET", "PIG",
    "PLH", "PLUi", "PTRTE", "PVD", "Petites villes de demain", "SCoT", "SDIRVE", "TEPCV",
    "TEPOS", "ZAN",
)  # fmt: skip

# Partners that recur from one territory to the next (State, agencies, chambers, networks).
PARTENAIRES_CONNUS: tuple[str, ...] = (
    "ADEME", "ADIL", "ANAH", "ANCT", "ANPP", "ARS", "Banque des Territoires", "CAF", "CAUE",
    "CCI", "CEREMA", "Chambre d’agriculture", "CMA", "CPIE", "CPTS", "DDT", "DRAC", "DREAL",
    "EPF", "France Services", "GAL", "Mission locale", "MDE", "Office de tourisme",
    "Pôle emploi", "France Travail", "Région", "Département",
)  # fmt: skip

TOP = 5


@dataclass(frozen=True)
class ActionsParNoeud:
    """How many actions sit under one top-level node (all depths)."""

    id: str
    type: str
    numero: str | None
    titre: str
    actions: int


@dataclass(frozen=True)
class Citations:
    """The most cited names and where the counts come from."""

    origine: Origine | None  # None: nothing found, neither in fields nor in texts
    noms: list[tuple[str, int]] = field(default_factory=list)  # (name, number of actions)

    @property
    def libelle_origine(self) -> str:
        if self.origine == "champs":
            return "d’après les champs partenaires/dispositifs"
        if self.origine == "texte":
            return "d’après le texte des actions"
        return ""


@dataclass(frozen=True)
class Synthese:
    """Counts and citations for one :class:`Projet`; rendered by ``render.show``."""

    titre: str
    territoire: str
    effectifs: dict[str, int]  # node type → count, in the document's level order
    actions: int
    par_racine: list[ActionsParNoeud]
    partenaires: Citations
    dispositifs: Citations
    non_classe: int

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for cle in ("partenaires", "dispositifs"):
            cites: Citations = getattr(self, cle)
            data[cle] = {
                "origine": cites.origine,
                "noms": [{"nom": nom, "actions": n} for nom, n in cites.noms],
            }
        return data


def synthese(
    projet: Projet,
    partenaires_connus: Sequence[str] | None = None,
    dispositifs_connus: Sequence[str] | None = None,
    top: int = TOP,
) -> Synthese:
    """Summarise ``projet``; the known-name lists are only used when the fields are empty."""
    effectifs: Counter[str] = Counter(n.type for _, n in projet.noeuds())
    ordre = [t for t in projet.niveaux if t in effectifs]
    ordre += sorted(t for t in effectifs if t not in ordre)
    actions = [a for _, a in projet.actions()]
    par_racine = [
        ActionsParNoeud(
            racine.id,
            racine.type,
            racine.numero,
            racine.titre,
            sum(len(n.actions) for _, n in racine.walk()),
        )
        for racine in projet.contenu
    ]
    return Synthese(
        titre=projet.document.titre,
        territoire=projet.territoire.nom,
        effectifs={t: effectifs[t] for t in ordre},
        actions=len(actions),
        par_racine=par_racine,
        partenaires=_citations(
            actions,
            lambda a: a.partenaires,
            PARTENAIRES_CONNUS if partenaires_connus is None else partenaires_connus,
            top,
        ),
        dispositifs=_citations(
            actions,
            lambda a: a.dispositifs,
            DISPOSITIFS_CONNUS if dispositifs_connus is None else dispositifs_connus,
            top,
        ),
        non_classe=len(projet.non_classe),
    )


def _citations(
    actions: Sequence[Action],
    champ: Any,
    connus: Sequence[str],
    top: int,
) -> Citations:
    # Counted once per action: "cited by 7 actions" reads better than a raw occurrence count.
    depuis_champs: Counter[str] = Counter()
    for action in actions:
        depuis_champs.update({nom.strip() for nom in champ(action) if nom.strip()})
    if depuis_champs:
        return Citations("champs", _classer(depuis_champs, top))
    chercheur = Chercheur(connus)
    depuis_texte: Counter[str] = Counter()
    for action in actions:
        depuis_texte.update(chercheur.trouver([action.texte, *action.sous_points]))
    if depuis_texte:
        return Citations("texte", _classer(depuis_texte, top))
    return Citations(None)


def _classer(compteur: Counter[str], top: int) -> list[tuple[str, int]]:
    # Most cited first, then alphabetical, so the output is stable from one run to the next.
    return sorted(compteur.items(), key=lambda kv: (-kv[1], sans_accents(kv[0]).casefold()))[:top]


class Chercheur:
    """Finds known names in texts, each as a whole word.

    Acronyms match with their exact case (« PAT », not « pat »); other names ignore accents
    and the case of all but their first letter, so « Région » is found but not « la région ».
    """

    def __init__(self, noms: Iterable[str]) -> None:
        # (name, literal every match contains, whether the literal is compared in lower case,
        # pattern): the regex runs only where the literal occurs, 30 times faster on a plan
        # of 10,000 actions.
        self._motifs: list[tuple[str, str, bool, re.Pattern[str]]] = []
        for nom in dict.fromkeys(n.strip() for n in noms if n.strip()):
            if _est_sigle(nom):
                corps = re.escape(nom)
                litteral, minuscules = nom, False
            else:
                plie = sans_accents(nom)
                corps = re.escape(plie[0]) + f"(?i:{re.escape(plie[1:])})"
                litteral, minuscules = _minuscules(plie[1:]), True
            self._motifs.append((nom, litteral, minuscules, re.compile(rf"(?<!\w){corps}(?!\w)")))

    def trouver(self, textes: Iterable[str]) -> set[str]:
        """The known names that occur in any of ``textes`` (each name once)."""
        texte = sans_accents("\n".join(textes))
        bas = _minuscules(texte)
        return {
            nom
            for nom, litteral, minuscules, motif in self._motifs
            if litteral in (bas if minuscules else texte) and motif.search(texte)
        }


# Characters that re's IGNORECASE matches beyond str.lower(): mapped to their partner, so that
# a literal test in lower case never misses what the pattern would find.
_EQUIVALENCES_CASSE = str.maketrans({"ı": "i", "ſ": "s", "µ": "μ", "ς": "σ", "ϐ": "β", "ϑ": "θ"})


def _minuscules(texte: str) -> str:
    return texte.lower().translate(_EQUIVALENCES_CASSE)


def _est_sigle(nom: str) -> bool:
    # « PLUi », « SCoT », « FSE+ »: mostly capitals, no space.
    lettres = [c for c in nom if c.isalpha()]
    return " " not in nom and sum(c.isupper() for c in lettres) >= max(2, len(lettres) - 1)
