"""The diff for the terminal (rich): grouped by pilier, words struck or underlined in colour.

Without colour (a pipe, a file, ``NO_COLOR``), changed words are marked the way wdiff does:
``[-supprimé-]`` and ``{+ajouté+}``, so the output still says what changed.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from projterr.diff.rapport import RapportDiff, Segment
from projterr.render.diff import commun
from projterr.render.terminal import imprimer

_STYLES = {
    "ajout": "green",
    "suppression": "red",
    "deplacement": "cyan",
    "modification": "yellow",
    "renumerotation": "magenta",
}


def lignes(rapport: RapportDiff, marques: bool) -> list[Text]:
    """The report as rich Text lines; ``marques`` adds wdiff markers around changed words."""
    v = commun.vue(rapport)
    sortie = [
        Text("Comparaison de deux versions", style="bold"),
        Text(f"  ancienne : {v.ancien}"),
        Text(f"  nouvelle : {v.nouveau}"),
        Text(""),
    ]
    for groupe, changements in v.groupes:
        sortie.append(Text(groupe, style="bold underline"))
        for c in changements:
            sortie.extend(_changement(c, marques))
        sortie.append(Text(""))
    if v.ordre:
        sortie.append(Text("Ordre", style="bold underline"))
        sortie += [Text(f"  {ligne}", style="dim") for ligne in v.ordre]
        sortie.append(Text(""))
    if v.mineures:
        sortie.append(Text(v.mineures, style="dim"))
    sortie.append(Text(f"Résumé : {v.resume}", style="bold"))
    return sortie


def _changement(c: commun.VueChangement, marques: bool) -> list[Text]:
    retrait = "      " if c.consequence else "  "
    tete = Text(retrait)
    tete.append(c.types, style=f"bold {_STYLES[c.record.types[0]]}")
    tete.append(f" · {c.designation}")
    if c.lieu:
        tete.append(f" ({c.lieu})", style="dim")
    sortie = [tete]
    corps = retrait + "    "
    if c.corps:
        sortie.append(Text(corps).append_text(_segments(c.corps, marques)))
    for champ in c.champs:
        ligne = Text(corps).append(f"{champ.libelle} : ", style="italic")
        if champ.paragraphes:
            sortie.append(ligne)
            sortie += [
                Text(corps + "  ¶ ").append_text(_segments(p, marques)) for p in champ.paragraphes
            ]
        else:
            sortie.append(ligne.append_text(_segments(champ.morceaux, marques)))
    signe = "+" if c.op_contenu == "ajout" else "−"
    for profondeur, nature, texte in c.contenu:
        sortie.append(Text(f"{corps}{'  ' * profondeur}{signe} {nature} : {texte}", style="dim"))
    for precision in c.precisions:
        sortie.append(Text(corps + precision, style="dim"))
    return sortie


def _marque(texte: str, op: str, marques: bool) -> str:
    if not marques:
        return texte
    return f"[-{texte}-]" if op == "suppression" else f"{{+{texte}+}}"


def _segments(segments: list[Segment], marques: bool) -> Text:
    texte = Text()
    for s in segments:
        if s.op not in {"ajout", "suppression"}:
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
    imprimer(console, lignes(rapport, marques))


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
