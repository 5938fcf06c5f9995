"""PT008 texte.vide: a node without title, an action without text."""

from __future__ import annotations

from collections.abc import Iterator

from projterr.check.constat import Constat
from projterr.check.regle import Contexte, Regle
from projterr.normalize import normaliser


def verifier(ctx: Contexte) -> Iterator[Constat]:
    for el in ctx.noeuds:
        if not normaliser(el.noeud.titre):
            yield ctx.constat_noeud(REGLE, el, "titre vide", champ="titre")
    for ea, texte in zip(ctx.actions, ctx.textes_actions, strict=True):
        if not texte:
            yield ctx.constat_action(REGLE, ea, "texte de l’action vide", champ="texte")
        for k, point in enumerate(ea.action.sous_points):
            if not normaliser(point):
                yield ctx.constat_action(
                    REGLE, ea, f"précision n°{k + 1} vide", champ=f"sous_points[{k}]"
                )


REGLE = Regle(
    code="PT008",
    nom="texte.vide",
    titre="Titre ou texte vide",
    description="""\
Un niveau sans titre, une action ou une précision sans texte (ou faite seulement de
ponctuation, comme « … » ou « - ») : une ligne perdue à l’import, ou un gabarit resté vide.

Anti-pattern :
    - id: p2-os1-oo3
      type: objectif_operationnel
      titre: ""

Bonne pratique : un titre qui dit l’intention, ou pas de niveau du tout.
""",
    verifier=verifier,
)
