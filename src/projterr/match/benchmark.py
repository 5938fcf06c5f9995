"""Benchmark: my strategy beside other territories', theme by theme, and what they do that I
don't.

Three findings, all data (:class:`RapportBenchmark`, ``to_dict()``):

- **couverture**: for each theme of a référentiel (in its order) and each territory (mine
  first), the number of actions ``classify`` gives that theme — an action may count for
  several themes — and a « sans thème » row;
- **thèmes non couverts**: themes where at least one other territory acts and I have none;
- **pistes**: each element of the others that ``match`` would leave without a pair in my
  document at the same threshold, with the closest of mine and its score. Each piste sits
  under one theme, the one where I am weakest; themes I don't cover come first, then those
  where my share of actions falls furthest below the others'.

The counts come from :func:`projterr.classement.classer` and the pistes from
:func:`projterr.match.rapport.apparier`, so that ``benchmark`` never disagrees with
``classify`` or ``match``.

The report's data classes are in :mod:`projterr.match.rapport_benchmark`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from projterr.classement import Classeur, RapportClassement, classer
from projterr.match.appariement import Apparieur, Paire
from projterr.match.corpus import DocumentLu, indexer
from projterr.match.elements import Element, elements_a_comparer, nom_document
from projterr.match.interne import fonctionnement_interne
from projterr.match.rapport import CoteDocument, apparier
from projterr.match.rapport_benchmark import (
    PART_SANS_THEME_MAX,
    SANS_THEME,
    ActionAutre,
    Colonne,
    GroupePistes,
    LigneCouverture,
    Piste,
    RapportBenchmark,
    Suggestion,
)
from projterr.match.vocabulaire import Vocabulaire
from projterr.model import Projet
from projterr.referentiels import Referentiel, Sigles


def comparer_territoires(
    mien: DocumentLu,
    autres: Sequence[DocumentLu],
    referentiel: Referentiel,
    vocabulaire: Vocabulaire,
    sigles: Sigles | None = None,
    seuil: float = 40.0,
    limite: int = 0,
    ignores: Sequence[str] = (),
    progression: Callable[[int], None] | None = None,
    processus: int | None = None,
    tout: bool = False,
    autres_referentiels: Sequence[Referentiel] = (),
) -> RapportBenchmark:
    """The benchmark of ``mien`` against ``autres`` (see the module's docstring).

    ``vocabulaire`` carries the matching layers (as ``match`` builds it); ``sigles`` expands
    acronyms for the classification (as ``classify`` does). ``processus``: how many
    processes share the other documents (default: one per core, where processes can fork,
    for a large corpus); the report is the same whatever the number. ``tout``: the others'
    elements about their own functioning are pistes too. ``autres_referentiels``: where one
    classifies more of my actions than ``referentiel``, it is suggested.
    """
    # My document is the corpus, each other's elements are looked for in it: exactly
    # `projterr match AUTRE MIEN`, so a piste is an element that match leaves without a pair.
    apparieur = Apparieur(indexer(elements_a_comparer(mien.projet), vocabulaire), vocabulaire)
    classements = [classer(mien.projet, referentiel, sigles, fichier=mien.fichier)]
    contexte = _Contexte(
        autres,
        referentiel,
        sigles,
        apparieur,
        CoteDocument(nom_document(mien.projet), mien.projet.territoire.nom, mien.fichier),
        Classeur(referentiel, sigles),
        seuil,
        frozenset(code for code, n in classements[0].effectifs().items() if n),
        tout,
    )
    pistes: list[Piste] = []
    compares = internes = 0
    for k, (classement, sans_paire, n, m) in enumerate(_comparer_chacun(contexte, processus), 1):
        classements.append(classement)
        compares += n
        internes += m
        pistes += [Piste(element, k, themes, proche) for element, themes, proche in sans_paire]
        if progression is not None:
            progression(n)
    documents = [mien, *autres]
    territoires = _territoires(documents, classements)
    lignes = _lignes(referentiel, classements)
    return RapportBenchmark(
        referentiel,
        territoires,
        lignes,
        _grouper(pistes, lignes, territoires),
        seuil,
        tuple(sorted(vocabulaire.couches)),
        compares,
        limite,
        tuple(ignores),
        _exemples(lignes, classements),
        internes,
        tout,
        _suggestion(mien, classements[0], referentiel, autres_referentiels, sigles),
    )


@dataclass
class _Contexte:
    """What comparing one other document needs: built once, inherited by forked workers."""

    autres: Sequence[DocumentLu]
    referentiel: Referentiel
    sigles: Sigles | None
    apparieur: Apparieur
    cote_mien: CoteDocument
    classeur: Classeur
    seuil: float
    couverts: frozenset[str]  # the themes where I have at least one action
    tout: bool  # the others' elements about their own functioning are pistes too


# An element of another territory without a pair in mine: (element, its themes, the closest)
SansPaire = tuple[Element, tuple[str, ...], Paire | None]
_CONTEXTE: _Contexte | None = None  # the forked workers' copy
# Below this many elements to compare, starting processes costs more than it saves.
_ELEMENTS_PAR_PROCESSUS = 3_000


def _comparer_un(
    contexte: _Contexte, k: int
) -> tuple[RapportClassement, list[SansPaire], int, int]:
    """Classify the other document ``k`` and find which of its elements are pistes: those
    with no pair in mine, and those on a theme I don't cover (whatever their pair: the
    theme is uncovered, its actions are what to look at); but not, unless asked, those
    about the other structure's own functioning. Also how many elements were compared and
    how many were left out as internal functioning."""
    doc = contexte.autres[k]
    classement = classer(doc.projet, contexte.referentiel, contexte.sigles, fichier=doc.fichier)
    elements = elements_a_comparer(doc.projet, niveaux=False)
    meilleures = apparier(
        elements,
        contexte.apparieur,
        CoteDocument(nom_document(doc.projet), doc.projet.territoire.nom, doc.fichier),
        contexte.cote_mien,
        seuil=0.0,
        top=1,
        expliquer=False,  # most elements have a pair: only the pistes' closest is explained
    )
    themes = _themes_des_elements(doc.projet, classement, contexte.classeur)
    sans_paire: list[SansPaire] = []
    internes = 0
    for element, paires in meilleures.par_element():
        proche = paires[0] if paires else None
        themes_element = themes.get(element.id, ())
        hors_couverture = any(t not in contexte.couverts for t in themes_element)
        if proche is not None and proche.score >= contexte.seuil and not hors_couverture:
            continue
        if not contexte.tout and fonctionnement_interne(" ".join(element.textes)):
            internes += 1
            continue
        if proche is not None and proche.score <= 0:
            proche = None
        if proche is not None:
            proche = contexte.apparieur.expliquer(proche)
        sans_paire.append((element, themes_element, proche))
    return classement, sans_paire, len(elements), internes


def _comparer_herite(k: int) -> tuple[RapportClassement, list[SansPaire], int, int]:
    assert _CONTEXTE is not None
    return _comparer_un(_CONTEXTE, k)


def _comparer_chacun(
    contexte: _Contexte, processus: int | None
) -> Iterator[tuple[RapportClassement, list[SansPaire], int, int]]:
    """Each other document's comparison, in their order; shared among processes (forked,
    so the index of my document is not copied by hand) when the corpus is large."""
    import multiprocessing
    import os

    n = len(contexte.autres)
    if processus is None:
        elements = sum(sum(1 for _ in d.projet.actions()) for d in contexte.autres)
        assez = elements >= _ELEMENTS_PAR_PROCESSUS
        processus = (os.cpu_count() or 1) if assez else 1
    processus = min(processus, n)
    if processus <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for k in range(n):
            yield _comparer_un(contexte, k)
        return
    from concurrent.futures import ProcessPoolExecutor

    global _CONTEXTE
    _CONTEXTE = contexte
    try:
        with ProcessPoolExecutor(processus, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(_comparer_herite, range(n), chunksize=max(1, n // (processus * 8)))
    finally:
        _CONTEXTE = None


def _suggestion(
    mien: DocumentLu,
    classement: RapportClassement,
    referentiel: Referentiel,
    autres: Sequence[Referentiel],
    sigles: Sigles | None,
) -> Suggestion | None:
    """When more than a third of my actions are « sans thème », the référentiel among
    ``autres`` that leaves the fewest of them so, if it does better."""
    total = len(classement.actions)
    if not total or (total - len(classement.classees)) / total <= PART_SANS_THEME_MAX:
        return None
    meilleure: Suggestion | None = None
    for ref in autres:
        if ref.nom == referentiel.nom:
            continue
        autre = classer(mien.projet, ref, sigles, fichier=mien.fichier)
        part = (total - len(autre.classees)) / total
        if meilleure is None or part < meilleure.part_sans_theme:
            meilleure = Suggestion(ref, part)
    actuelle = (total - len(classement.classees)) / total
    return meilleure if meilleure is not None and meilleure.part_sans_theme < actuelle else None


def _exemples(
    lignes: Sequence[LigneCouverture], classements: Sequence[RapportClassement]
) -> dict[str, tuple[ActionAutre, ...]]:
    """The others' actions on each theme I don't cover, in column then document order."""
    sortie: dict[str, tuple[ActionAutre, ...]] = {}
    for ligne in lignes:
        if ligne.code is None or ligne.mien or not any(ligne.autres):
            continue
        sortie[ligne.code] = tuple(
            ActionAutre(k, a.id, a.numero, a.texte)
            for k, classement in enumerate(classements[1:], 1)
            for a in classement.actions
            if ligne.code in {t.theme.code for t in a.themes}
        )
    return sortie


def _territoires(
    documents: Sequence[DocumentLu], classements: Sequence[RapportClassement]
) -> tuple[Colonne, ...]:
    """Columns named by territory, or by document title when the territory is unnamed or
    shared (two versions of one PETR's projet, its projet and its CLS)."""
    noms = [d.projet.territoire.nom.strip() or nom_document(d.projet) for d in documents]
    for nom in set(noms):
        rangs = [k for k, n in enumerate(noms) if n == nom]
        if len(rangs) < 2:
            continue
        # « PETR Cœur de Lorraine (2025) » beside « … (2019) », else the document's title
        versions = [documents[k].projet.document.version for k in rangs]
        for k, version in zip(rangs, versions, strict=True):
            unique = version and versions.count(version) == 1
            noms[k] = f"{nom} ({version})" if unique else nom_document(documents[k].projet)
    sortie: list[Colonne] = []
    for k, (doc, classement) in enumerate(zip(documents, classements, strict=True)):
        nom = noms[k] if noms.count(noms[k]) == 1 else f"{noms[k]} [{k + 1}]"
        if doc.projet.document.type in _PAS_UNE_STRATEGIE:  # said, so that no one reads it so
            nom = f"{nom} — {_PAS_UNE_STRATEGIE[doc.projet.document.type]}"
        sortie.append(
            Colonne(nom, nom_document(doc.projet), doc.fichier, len(classement.actions), k == 0)
        )
    return tuple(sortie)


# Documents that are not a territory's strategy: named as such in their column.
_PAS_UNE_STRATEGIE = {"appel_a_projets": "appel à projets, pas une stratégie"}


def _lignes(
    referentiel: Referentiel, classements: Sequence[RapportClassement]
) -> tuple[LigneCouverture, ...]:
    effectifs = [c.effectifs() for c in classements]
    lignes = [
        LigneCouverture(t.code, t.libelle, tuple(e[t.code] for e in effectifs))
        for t in referentiel.themes
    ]
    sans = tuple(len(c.actions) - len(c.classees) for c in classements)
    lignes.append(LigneCouverture(None, SANS_THEME, sans))
    return tuple(lignes)


def _themes_des_elements(
    projet: Projet, classement: RapportClassement, classeur: Classeur
) -> dict[str, tuple[str, ...]]:
    """Theme codes of each element match compares: an action's come from ``classify``; a
    node (in a document written as lists of axes, without actions) is classified on its
    title and description, the same way."""
    themes = {a.id: tuple(t.theme.code for t in a.themes) for a in classement.actions}
    for _, noeud in projet.noeuds():
        if noeud.id not in themes:
            trouves = classeur.classer_textes([noeud.titre, *noeud.description])
            themes[noeud.id] = tuple(t.theme.code for t in trouves)
    return themes


def _parts(ligne: LigneCouverture, territoires: Sequence[Colonne]) -> tuple[float, float]:
    """My share of actions on the theme, and the others' mean share."""

    def part(k: int) -> float:
        total = territoires[k].actions
        return ligne.effectifs[k] / total if total else 0.0

    autres = [part(k) for k in range(1, len(territoires))]
    return part(0), (sum(autres) / len(autres) if autres else 0.0)


def _grouper(
    pistes: Sequence[Piste],
    lignes: Sequence[LigneCouverture],
    territoires: Sequence[Colonne],
) -> tuple[GroupePistes, ...]:
    """Each piste under its theme where I am weakest; themes I don't cover first, then by
    how far my share falls below the others', « sans thème » last."""
    rangs: dict[str, tuple[int, float, int]] = {}
    ecarts: dict[str, float] = {}
    for rang, ligne in enumerate(lignes):
        if ligne.code is None:
            continue
        ma_part, leur_part = _parts(ligne, territoires)
        ecarts[ligne.code] = leur_part - ma_part
        non_couvert = ligne.mien == 0 and any(ligne.autres)
        rangs[ligne.code] = (0 if non_couvert else 1, -ecarts[ligne.code], rang)
    par_theme: dict[str | None, list[Piste]] = {}
    for piste in pistes:
        connus = [c for c in piste.themes if c in rangs]
        cle = min(connus, key=rangs.__getitem__) if connus else None
        par_theme.setdefault(cle, []).append(piste)
    groupes: list[GroupePistes] = []
    ordre = sorted((c for c in par_theme if c is not None), key=rangs.__getitem__)
    libelles = {ligne.code: ligne.libelle for ligne in lignes}
    for code in [*ordre, None] if None in par_theme else ordre:
        groupe = sorted(par_theme[code], key=lambda p: (p.score, p.territoire))
        groupes.append(
            GroupePistes(
                code,
                libelles[code] if code is not None else SANS_THEME,
                code is not None and rangs[code][0] == 0,
                ecarts.get(code, 0.0) if code is not None else 0.0,
                tuple(groupe),
            )
        )
    return tuple(groupes)
