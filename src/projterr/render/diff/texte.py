"""The diff for the terminal (rich): grouped by pilier, words struck or underlined in colour.

Without colour (a pipe, a file, ``NO_COLOR``), changed words are marked the way wdiff does:
``[-supprimé-]`` and ``{+ajouté+}``, so the output still says what changed.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from projterr.diff.rapport import Changement, RapportDiff, Segment
from projterr.render.diff import commun

_STYLES = {
    "ajout": "green",
    "suppression": "red",
    "deplacement": "cyan",
    "modification": "yellow",
    "renumerotation": "magenta",
}


def lignes(rapport: RapportDiff, marques: bool) -> list[Text]:
    """The report as rich Text lines; ``marques`` adds wdiff markers around changed words."""
    sortie = [
        Text("Comparaison de deux versions", style="bold"),
        Text(f"  ancienne : {commun.entete_document(rapport.ancien)}"),
        Text(f"  nouvelle : {commun.entete_document(rapport.nouveau)}"),
        Text(""),
    ]
    for groupe, changements in commun.groupes(rapport):
        sortie.append(Text(groupe, style="bold underline"))
        for c in changements:
            sortie.extend(_changement(c, rapport, marques))
        sortie.append(Text(""))
    sortie.append(Text(f"Résumé : {commun.resume(rapport)}", style="bold"))
    return sortie


def _changement(c: Changement, rapport: RapportDiff, marques: bool) -> list[Text]:
    retrait = "      " if commun.est_consequence(c) else "  "
    tete = Text(retrait)
    tete.append(commun.types(c), style=f"bold {_STYLES[c.types[0]]}")
    tete.append(f" · {commun.designation(c)}")
    cote = c.nouveau or c.ancien
    assert cote is not None
    if c.nature == "action" or not cote.numero:
        tete.append(f" ({commun.lieu(cote)})", style="dim")
    sortie = [tete]
    corps = retrait + "    "
    if c.segments:
        sortie.append(Text(corps).append_text(_segments(c.segments, marques)))
    elif c.types == ("ajout",):
        sortie.append(Text(corps).append(_marque(cote.texte, "ajout", marques), style="green"))
    elif c.types == ("suppression",):
        sortie.append(
            Text(corps).append(_marque(cote.texte, "suppression", marques), style="red strike")
        )
    else:
        sortie.append(Text(corps + cote.texte))
    for contenu in c.contenu:
        signe = "+" if c.types == ("ajout",) else "−"
        sortie.append(
            Text(
                f"{corps}{'  ' * contenu.profondeur}{signe} "
                f"{commun.libelle(contenu.nature)} : {contenu.texte}",
                style="dim",
            )
        )
    for precision in commun.precisions(c, rapport):
        sortie.append(Text(corps + precision, style="dim"))
    return sortie


def _marque(texte: str, op: str, marques: bool) -> str:
    if not marques:
        return texte
    return f"[-{texte}-]" if op == "suppression" else f"{{+{texte}+}}"


def _segments(segments: tuple[Segment, ...], marques: bool) -> Text:
    texte = Text()
    for s in segments:
        if s.op == "egal":
            texte.append(s.texte)
            continue
        # Keep the spaces outside the markers: « mot [-ancien-] » reads better.
        debut = s.texte[: len(s.texte) - len(s.texte.lstrip())]
        fin = s.texte[len(s.texte.rstrip()) :]
        coeur = s.texte.strip()
        texte.append(debut)
        style = "red strike" if s.op == "suppression" else "green underline"
        texte.append(_marque(coeur, s.op, marques), style=style)
        texte.append(fin)
    return texte


def afficher(rapport: RapportDiff, console: Console) -> None:
    """Print to a rich console: colours if it has them, wdiff markers otherwise."""
    marques = console.color_system is None
    for ligne in lignes(rapport, marques):
        console.print(ligne)


def texte(rapport: RapportDiff) -> str:
    """Plain text, with wdiff markers, for ``-o fichier.txt``."""
    tampon = io.StringIO()
    console = Console(
        file=tampon,
        width=500,
        color_system=None,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
    )
    for ligne in lignes(rapport, marques=True):
        console.print(ligne)
    return "\n".join(line.rstrip() for line in tampon.getvalue().splitlines()) + "\n"
