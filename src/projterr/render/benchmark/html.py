"""The benchmark report as one standalone HTML page: inline CSS, the coverage chart as inline
SVG (themes × territories, the count in every cell), no script, nothing fetched."""

from __future__ import annotations

import textwrap
from html import escape

from projterr.match.rapport_benchmark import RapportBenchmark
from projterr.render.benchmark import commun
from projterr.render.registre import entete_html

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
       max-width: 68rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1.4rem 0 .4rem; }
.sous-titre, .reglages, .note { color: #57606a; }
figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
figcaption { color: #57606a; font-size: .9rem; }
ul.pistes { padding-left: 1.2rem; } ul.pistes li { margin-bottom: .5rem; }
.proche { color: #57606a; font-size: .9rem; display: block; }
.lieu { color: #57606a; }
.non-couvert { color: #c2410c; font-weight: 600; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } li { break-inside: avoid; } }
"""

# SVG geometry, in pixels
_CASE_L, _CASE_H, _MARGE = 132, 38, 8
_LIGNE_TEXTE = 16


def html(rapport: RapportBenchmark) -> str:
    e = escape
    parties = [
        *entete_html(f"{e(commun.TITRE)} : {e(rapport.mien.nom)}", _CSS),
        f"<h1>{e(commun.TITRE)}</h1>",
        f'<p class="sous-titre">{e(commun.sous_titre(rapport))}</p>',
        "<h2>Couverture des thèmes</h2>",
        f"<p>{e(commun.explication_couverture(rapport))}</p>",
        "<figure>",
        carte(rapport),
        "<figcaption>Plus la case est foncée, plus le territoire a d'actions sur ce thème."
        + (f" Case orange : {e(commun.ALERTE)}" if rapport.non_couverts else "")
        + "</figcaption>",
        "</figure>",
        "<h2>Thèmes où les autres agissent et pas vous</h2>",
        f"<p>{e(commun.explication_non_couverts(rapport))}</p>",
    ]
    if rapport.non_couverts:
        parties.append("<ul>")
        for ligne in rapport.non_couverts:
            parties.append(f'<li><span class="non-couvert">{e(commun.non_couvert(rapport, ligne))}'
                           "</span><ul>")  # fmt: skip
            parties += [
                f"<li>{e(commun.action_autre(rapport, a))}</li>"
                for a in rapport.exemples_affiches(ligne)
            ]
            if reste := commun.reste_exemples(rapport, ligne):
                parties.append(f'<li class="note">{e(reste)}</li>')
            parties.append("</ul></li>")
        parties.append("</ul>")
    parties += ["<h2>Pistes à étudier</h2>", f"<p>{e(commun.explication_pistes(rapport))}</p>"]
    for groupe in rapport.groupes:
        classe = ' class="non-couvert"' if groupe.non_couvert else ""
        parties.append(f"<h3{classe}>{e(commun.titre_groupe(groupe))}</h3>")
        parties.append('<ul class="pistes">')
        for piste in rapport.affichees(groupe):
            parties.append(
                f"<li>{e(piste.element.texte)} "
                f'<span class="lieu">({e(commun.origine(rapport, piste))})</span>'
                f'<span class="proche">{e(commun.proche(piste))}</span></li>'
            )
        if reste := commun.reste(rapport, groupe):
            parties.append(f'<li class="note">{e(reste)}</li>')
        parties.append("</ul>")
    parties.append(f'<p class="reglages">{e(commun.reglages(rapport))}</p>')
    if rapport.ignores:
        parties.append('<p class="note">Ignorés (pas des documents projterr lisibles) : '
                       f"{e(', '.join(rapport.ignores))}</p>")  # fmt: skip
    parties += ["</body>", "</html>", ""]
    return "\n".join(parties)


def carte(rapport: RapportBenchmark) -> str:
    """The coverage chart: one row per theme (then « sans thème »), one column per territory
    (mine first), each cell shaded by its count and showing it. Past
    :data:`commun.TERRITOIRES_EN_COLONNES` territories, territories are the rows instead: a
    page scrolls down, not across."""
    e = escape
    transpose = commun.transposer(rapport)
    territoires = [t.nom + (" (vous)" if k == 0 else "") for k, t in enumerate(rapport.territoires)]
    themes = [ligne.libelle for ligne in rapport.lignes]
    noms_lignes, noms_colonnes = (territoires, themes) if transpose else (themes, territoires)
    libelles = [textwrap.wrap(nom, 34) or [""] for nom in noms_lignes]
    entetes = [textwrap.wrap(nom, 17)[:4] or [""] for nom in noms_colonnes]
    # room for the longest label line, bold included (about 7.5 px a character at 13 px)
    gauche = 20 + int(7.5 * max((len(x) for lignes in libelles for x in lignes), default=10))
    haut_entete = _LIGNE_TEXTE * max(len(x) for x in entetes) + 14
    n_lig, n_col = len(noms_lignes), len(noms_colonnes)
    ecart = 10  # « sans thème » stands apart from the référentiel's themes

    def case(i: int, j: int) -> tuple[int, int]:
        """The row of the report and the territory of the cell at (row i, column j)."""
        return (j, i) if transpose else (i, j)

    def x_de(j: int) -> float:
        return gauche + j * _CASE_L + (ecart if transpose and j == n_col - 1 else 0)

    def y_de(i: int) -> float:
        return haut_entete + i * _CASE_H + (ecart if not transpose and i == n_lig - 1 else 0)

    largeur = gauche + n_col * _CASE_L + ecart + _MARGE
    hauteur = haut_entete + n_lig * _CASE_H + ecart + 58
    maximum = rapport.maximum()
    disposition = (
        f"{len(territoires)} territoires en lignes, {e(rapport.mien.nom)} en premier ; "
        f"{len(themes) - 1} thèmes et « sans thème » en colonnes"
        if transpose
        else f"{len(themes) - 1} thèmes et « sans thème » en lignes, {len(territoires)} "
        f"territoires en colonnes, {e(rapport.mien.nom)} en premier"
    )
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{largeur:.0f}" '
        f'height="{hauteur:.0f}" viewBox="0 0 {largeur:.0f} {hauteur:.0f}" '
        'aria-labelledby="carte-titre carte-desc" font-family="system-ui, sans-serif">',
        f'<title id="carte-titre">Couverture des thèmes du référentiel {e(rapport.referentiel.nom)}'
        " : nombre d'actions par thème et par territoire</title>",
        f'<desc id="carte-desc">{disposition}.</desc>',
    ]
    for j, lignes in enumerate(entetes):
        x = x_de(j) + _CASE_L / 2
        y0 = haut_entete - 8.0 - _LIGNE_TEXTE * (len(lignes) - 1)
        style = ' font-weight="700"' if j == 0 and not transpose else ""
        if transpose and j == n_col - 1:
            style = ' font-style="italic" fill="#57606a"'
        tspans = "".join(
            f'<tspan x="{x:.0f}" y="{y0 + i * _LIGNE_TEXTE:.0f}">{e(t)}</tspan>'
            for i, t in enumerate(lignes)
        )
        svg.append(f'<text text-anchor="middle" font-size="13"{style}>{tspans}</text>')
    for i, morceaux in enumerate(libelles):
        y = y_de(i)
        y0 = y + _CASE_H / 2 + 5 - (len(morceaux) - 1) * 7
        style = ' font-weight="700"' if i == 0 and transpose else ""
        if not transpose and i == n_lig - 1:
            style = ' font-style="italic" fill="#57606a"'
        tspans = "".join(
            f'<tspan x="{gauche - 10}" y="{y0 + j * 14:.0f}">{e(t)}</tspan>'
            for j, t in enumerate(morceaux)
        )
        svg.append(f'<text text-anchor="end" font-size="13"{style}>{tspans}</text>')
        for j in range(n_col):
            r, k = case(i, j)
            ligne = rapport.lignes[r]
            n = ligne.effectifs[k]
            x = x_de(j)
            fond, encre = commun.couleur_case(ligne, n, maximum)
            trait = 'stroke="#ffffff" stroke-width="2"'
            if commun.alerte(ligne, k):
                fond, encre = commun.ALERTE_FOND, commun.ENCRE
                trait = f'stroke="#{commun.ALERTE_TRAIT}" stroke-width="3"'
            info = f"{ligne.libelle} — {rapport.territoires[k].nom} : {commun.pluriel(n, 'action')}"
            svg.append(
                f"<g><title>{e(info)}</title>"
                f'<rect x="{x + 2:.0f}" y="{y + 2:.0f}" width="{_CASE_L - 4}" '
                f'height="{_CASE_H - 4}" rx="3" fill="#{fond}" {trait}/>'
                f'<text x="{x + _CASE_L / 2:.0f}" y="{y + _CASE_H / 2 + 5:.0f}" '
                f'text-anchor="middle" font-size="15" font-weight="700" fill="#{encre}">{n}'
                "</text></g>"
            )
    svg += _legende(gauche, int(haut_entete + n_lig * _CASE_H + ecart + 20), maximum)
    svg.append("</svg>")
    return "\n".join(svg)


def _legende(x: int, y: int, maximum: int) -> list[str]:
    """Swatches of the scale with the counts they stand for."""
    e = escape
    sortie = [f'<text x="{x - 10}" y="{y + 14}" text-anchor="end" font-size="12" '
              'fill="#57606a">actions :</text>']  # fmt: skip
    valeurs = sorted({0, *(round(maximum * p / 4) for p in range(1, 5))}) if maximum else [0]
    for i, v in enumerate(valeurs):
        fond, encre = commun.couleur(v, maximum)
        sortie.append(
            f'<rect x="{x + i * 46}" y="{y}" width="42" height="20" rx="2" fill="#{fond}" '
            'stroke="#d0d7de"/>'
            f'<text x="{x + i * 46 + 21}" y="{y + 14}" text-anchor="middle" font-size="12" '
            f'fill="#{encre}">{e(str(v))}</text>'
        )
    return sortie
