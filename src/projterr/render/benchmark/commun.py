"""What every format of the benchmark report says, in French, and its colour scale."""

from __future__ import annotations

from projterr.match.rapport_benchmark import (
    PART_SANS_THEME_MAX,
    ActionAutre,
    GroupePistes,
    LigneCouverture,
    Piste,
    RapportBenchmark,
)
from projterr.render.match.commun import reperes

TITRE = "Ce que font les autres territoires"

# A sequential blue scale (ColorBrewer « Blues »), light to dark: 0 is the first.
PALETTE = ("F6F8FA", "DEEBF7", "C6DBEF", "9ECAE1", "6BAED6", "3182BD", "08519C")
ENCRE, ENCRE_CLAIRE = "1F2328", "FFFFFF"
# « Sans thème » is not on the scale: grey, whatever its count.
NEUTRE_FOND, NEUTRE_ENCRE = "EEEFF1", "57606A"
# A theme I don't cover while others do: the one warm colour of the table.
ALERTE_FOND, ALERTE_TRAIT = "FDE2CF", "C2410C"


# Beyond this many territories, the coverage chart and table put territories in rows.
TERRITOIRES_EN_COLONNES = 8


def transposer(rapport: RapportBenchmark) -> bool:
    """Territories in rows rather than columns (many territories, few themes)."""
    return len(rapport.territoires) > TERRITOIRES_EN_COLONNES


def pluriel(n: int, singulier: str, pluriel_: str | None = None) -> str:
    """« 0 action », « 1 action », « 3 actions » (French: 0 and 1 take the singular)."""
    return f"{n} {singulier if n <= 1 else (pluriel_ or singulier + 's')}"


def couleur(n: int, maximum: int) -> tuple[str, str]:
    """Fill and ink (RGB hex, no #) of a cell holding ``n`` in a table whose largest is
    ``maximum``: 0 stays near white, the largest is the darkest blue."""
    if n <= 0 or maximum <= 0:
        return PALETTE[0], ENCRE
    pas = max(1, min(len(PALETTE) - 1, -(-n * (len(PALETTE) - 1) // maximum)))
    return PALETTE[pas], ENCRE_CLAIRE if pas >= 5 else ENCRE


def couleur_case(ligne: LigneCouverture, n: int, maximum: int) -> tuple[str, str]:
    """Fill and ink of one cell of the coverage chart (see :func:`couleur`)."""
    if ligne.code is None:
        return NEUTRE_FOND, NEUTRE_ENCRE
    return couleur(n, maximum)


def alerte(ligne: LigneCouverture, colonne: int) -> bool:
    """My cell of a theme that others act on and I don't."""
    return colonne == 0 and ligne.code is not None and ligne.mien == 0 and any(ligne.autres)


def sous_titre(rapport: RapportBenchmark) -> str:
    ref = rapport.referentiel
    autres = [t.nom for t in rapport.autres]
    qui = _liste(autres) if len(autres) <= 5 else f"{len(autres)} autres territoires"
    return f"{rapport.mien.nom} comparé à {qui} — {ref.titre}"


def explication_couverture(rapport: RapportBenchmark) -> str:
    ref = rapport.referentiel
    texte = (
        f"Nombre d'actions de chaque territoire par thème du référentiel « {ref.titre} » "
        f"({ref.nom}), comme les classe projterr classify : une action peut "
        "relever de plusieurs thèmes, ou d'aucun."
    )
    sans = sans_theme(rapport)
    return f"{texte} {sans}" if sans else texte


def sans_theme(rapport: RapportBenchmark) -> str:
    """When more than a third of my actions have no theme: say so, and which shipped
    référentiel would take more of them."""
    if rapport.part_sans_theme <= PART_SANS_THEME_MAX:
        return ""
    n, total = rapport.lignes[-1].mien, rapport.mien.actions
    texte = (
        f"{n} de vos {pluriel(total, 'action')} ({_pourcent(rapport.part_sans_theme)}) "
        f"{'ne relèvent' if n > 1 else 'ne relève'} d'aucun thème de ce référentiel : "
        "le tableau en dit peu"
    )
    suggestion = rapport.suggestion
    if suggestion is None:
        return texte + "."
    return (
        f"{texte} ; avec --referentiel {suggestion.referentiel.nom} "
        f"(« {suggestion.referentiel.titre} »), {_pourcent(suggestion.part_sans_theme)} "
        "seulement resteraient sans thème."
    )


def _pourcent(part: float) -> str:
    return f"{round(100 * part)}\u202f%"  # a narrow non-breaking space, as French writes it


ALERTE = "un thème où d'autres territoires agissent et vous pas."


def explication_non_couverts(rapport: RapportBenchmark) -> str:
    if not rapport.non_couverts:
        return "Aucun : chaque thème où un autre territoire agit a au moins une action chez vous."
    n = len(rapport.non_couverts)
    return f"{pluriel(n, 'thème')} où d'autres territoires agissent et vous pas :"


def non_couvert(rapport: RapportBenchmark, ligne: LigneCouverture) -> str:
    """« Mieux consommer : Isigny-Omaha Intercom (3 actions) »."""
    qui = [
        f"{rapport.territoires[k].nom} ({pluriel(n, 'action')})"
        for k, n in enumerate(ligne.effectifs)
        if k and n
    ]
    return f"{ligne.libelle} : {_liste(qui)}"


def action_autre(rapport: RapportBenchmark, action: ActionAutre) -> str:
    """« Texte de l'action (Isigny-Omaha Intercom, action 2.1) »."""
    ou = rapport.territoires[action.territoire].nom
    numero = f", action {action.numero}" if action.numero else ""
    return f"{action.texte} ({ou}{numero})"


def reste_exemples(rapport: RapportBenchmark, ligne: LigneCouverture) -> str:
    n = len(rapport.exemples.get(ligne.code or "", ())) - len(rapport.exemples_affiches(ligne))
    if n <= 0:
        return ""
    return f"… et {n} {'autre action' if n == 1 else 'autres actions'} sur ce thème"


def explication_pistes(rapport: RapportBenchmark) -> str:
    if not rapport.pistes:
        return (
            f"Aucune : chaque action des autres territoires a une correspondance chez vous "
            f"(score d'au moins {rapport.seuil:g} sur 100). {internes(rapport)}"
        ).rstrip()
    n = len(rapport.pistes)
    verbe = "n'ont" if n > 1 else "n'a"
    texte = (
        f"{pluriel(n, 'action')} des autres territoires {verbe} pas de correspondance chez vous "
        f"(score de moins de {rapport.seuil:g} sur 100, comme projterr match), ou "
        f"{'relèvent' if n > 1 else 'relève'} d'un thème que vous ne couvrez pas : autant de "
        "pistes à étudier. Elles sont rangées par thème, d'abord ceux que vous ne couvrez pas, "
        "puis ceux où vous êtes le moins présent au regard des autres ; dans chaque thème, "
        "les plus éloignées de ce que vous faites d'abord."
    )
    return f"{texte} {internes(rapport)}".rstrip()


def internes(rapport: RapportBenchmark) -> str:
    """The others' elements about their own functioning, left out of the pistes."""
    n = 0 if rapport.tout else rapport.internes
    if not n:
        return ""
    return (
        f"{pluriel(n, 'élément')} du fonctionnement interne des autres structures (leurs "
        f"agents, leurs instances, leurs conventions avec leurs membres) "
        f"{'ne sont pas des pistes' if n > 1 else 'n’est pas une piste'} : --tout "
        f"{'les montre' if n > 1 else 'le montre'}."
    )


def titre_groupe(groupe: GroupePistes) -> str:
    suite = " — thème que vous ne couvrez pas" if groupe.non_couvert else ""
    return f"{groupe.libelle} ({pluriel(len(groupe.pistes), 'piste')}){suite}"


def origine(rapport: RapportBenchmark, piste: Piste) -> str:
    """« PETR du Pays Midi-Quercy, action 2.1 », « …, axe 3 », « PETR du Pays Midi-Quercy »
    (an action without a number)."""
    ou = rapport.territoires[piste.territoire].nom
    e = piste.element
    return f"{ou}, {reperes(e)}" if e.numero or e.genre != "action" else ou


def proche(piste: Piste) -> str:
    """« le plus proche chez vous : … (action 3.1, score 32) »."""
    if piste.proche is None:
        return "rien d'approchant chez vous"
    b = piste.proche.b
    ou = f"{reperes(b)}, " if b.numero or b.genre != "action" else ""
    return f"le plus proche chez vous : « {b.texte} » ({ou}score {piste.proche.score:.0f})"


def reste(rapport: RapportBenchmark, groupe: GroupePistes) -> str:
    """What a capped group leaves out, or ""."""
    n = len(groupe.pistes) - len(rapport.affichees(groupe))
    if n <= 0:
        return ""
    autres = "autre piste" if n == 1 else "autres pistes"
    return f"… et {n} {autres} sur ce thème (toutes avec --pistes 0, ou en xlsx et json)"


def reglages(rapport: RapportBenchmark) -> str:
    n = rapport.compares
    return (
        f"Référentiel {rapport.referentiel.nom} ; correspondance à partir d'un score de "
        f"{rapport.seuil:g} sur 100 ; {pluriel(n, 'élément')} des autres territoires "
        f"{'comparés' if n > 1 else 'comparé'} aux vôtres "
        f"({pluriel(rapport.mien.actions, 'action')} chez {rapport.mien.nom})."
    )


def _liste(noms: list[str]) -> str:
    if len(noms) <= 1:
        return "".join(noms)
    return ", ".join(noms[:-1]) + " et " + noms[-1]
