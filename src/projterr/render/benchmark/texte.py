"""The benchmark report for the terminal: the coverage table drawn by rich, then the themes
I don't cover and the pistes, a few per theme."""

from __future__ import annotations

import io
import shutil
import sys
import textwrap

from projterr.match.rapport_benchmark import RapportBenchmark
from projterr.render.benchmark import commun

LARGEUR = 110  # characters outside a terminal (a file, a pipe)


def texte(rapport: RapportBenchmark) -> str:
    from rich.console import Console
    from rich.table import Table

    largeur = shutil.get_terminal_size((LARGEUR, 24)).columns if sys.stdout.isatty() else LARGEUR
    largeur = max(60, min(largeur, 160))
    tampon = io.StringIO()
    ecran = Console(
        file=tampon, width=largeur, color_system=None, highlight=False, emoji=False, markup=False
    )
    lignes: list[str] = []

    def dire(texte: str = "", retrait: int = 0, puce: str = "") -> None:
        if not texte:
            lignes.append("")
            return
        lignes.extend(
            textwrap.wrap(
                texte,
                largeur,
                initial_indent=" " * retrait + puce,
                subsequent_indent=" " * (retrait + len(puce)),
                break_on_hyphens=False,
            )
        )

    dire(commun.TITRE)
    dire(commun.sous_titre(rapport))
    dire()
    table = Table(title="Couverture des thèmes (nombre d'actions)", title_justify="left")
    # widths set here: left to itself, rich crops the last column of a wide table
    n = len(rapport.territoires)
    plus_long = max((len(ligne.libelle) for ligne in rapport.lignes), default=10)
    gauche = min(plus_long, 28 if n <= 4 else 22)
    colonne = max(6, min(24, (largeur - gauche - 3 * (n + 1) - 1) // n))
    table.add_column("Thème", width=gauche, overflow="fold")
    for k, territoire in enumerate(rapport.territoires):
        nom = f"{territoire.nom}{' (vous)' if k == 0 else ''}"
        table.add_column(nom, justify="right", overflow="fold", max_width=colonne)
    for ligne in rapport.lignes:
        cases = [
            f"{n} !" if commun.alerte(ligne, k) else str(n) for k, n in enumerate(ligne.effectifs)
        ]
        table.add_row(ligne.libelle, *cases, end_section=ligne.code is None)
    table.add_row("Actions", *(str(t.actions) for t in rapport.territoires))
    ecran.print(table)
    lignes += [ligne.rstrip() for ligne in tampon.getvalue().splitlines()]
    if rapport.non_couverts:
        dire(f"« ! » : {commun.ALERTE}")
    if sans := commun.sans_theme(rapport):
        dire(sans)
    dire()

    dire("THÈMES OÙ LES AUTRES AGISSENT ET PAS VOUS")
    dire(commun.explication_non_couverts(rapport))
    for ligne in rapport.non_couverts:
        dire(commun.non_couvert(rapport, ligne), 2, "• ")
        for action in rapport.exemples_affiches(ligne):
            dire(commun.action_autre(rapport, action), 6, "– ")
        if reste := commun.reste_exemples(rapport, ligne):
            dire(reste, 6)
    dire()

    dire("PISTES À ÉTUDIER")
    dire(commun.explication_pistes(rapport))
    for groupe in rapport.groupes:
        dire()
        dire(commun.titre_groupe(groupe))
        for piste in rapport.affichees(groupe):
            dire(f"{piste.element.texte} ({commun.origine(rapport, piste)})", 2, "• ")
            dire(commun.proche(piste), 6, "→ ")
        if reste := commun.reste(rapport, groupe):
            dire(reste, 2)
    dire()
    dire(commun.reglages(rapport))
    for fichier in rapport.ignores:
        dire(f"Ignoré (pas un document projterr lisible) : {fichier}")
    return "\n".join(lignes) + "\n"
