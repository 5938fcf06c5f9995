"""The diff as one standalone HTML page: no network, <ins>/<del>, readable and printable."""

from __future__ import annotations

from html import escape

from projterr.diff.rapport import RapportDiff, Segment
from projterr.render.diff import commun
from projterr.render.registre import entete_html

_CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
.versions { color: #57606a; margin: 0 0 1rem; }
.resume { font-weight: 600; }
ol.changements { list-style: none; padding: 0; }
li.changement { margin: .75rem 0; padding: .5rem .75rem; border-left: 4px solid #d0d7de;
                break-inside: avoid; }
li.consequence { margin-left: 2rem; }
li.ajout { border-color: #1a7f37; } li.suppression { border-color: #cf222e; }
li.deplacement { border-color: #0969da; } li.modification { border-color: #9a6700; }
li.renumerotation { border-color: #8250df; }
.type { font-weight: 600; } .lieu, .precision { color: #57606a; font-size: .9rem; }
.texte { margin: .25rem 0; }
ins { background: #dafbe1; color: #116329; text-decoration: underline; }
del { background: #ffebe9; color: #a40e26; text-decoration: line-through; }
ul.contenu { margin: .25rem 0; font-size: .9rem; }
dl.champs { margin: .25rem 0; font-size: .95rem; display: grid;
            grid-template-columns: max-content 1fr; gap: .1rem .75rem; }
dl.champs dt { color: #57606a; } dl.champs dd { margin: 0; } dl.champs p { margin: 0 0 .2rem; }
.mineures { color: #57606a; font-style: italic; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  ins, del { background: none; }
  h2 { break-after: avoid; }
}
"""


def html(rapport: RapportDiff) -> str:
    e = escape
    v = commun.vue(rapport)
    parties = [
        *entete_html(f"Comparaison : {e(rapport.nouveau.titre)}", _CSS),
        "<h1>Comparaison de deux versions</h1>",
        f'<p class="versions">Ancienne version : {e(v.ancien)}<br>'
        f"Nouvelle version : {e(v.nouveau)}</p>",
        f'<p class="resume">Résumé : {e(v.resume)}</p>',
    ]
    for groupe, changements in v.groupes:
        parties.append(f"<section>\n<h2>{e(groupe)}</h2>")
        parties.append('<ol class="changements">')
        for c in changements:
            parties.append(_changement(c))
        parties.append("</ol>\n</section>")
    if v.ordre:
        parties.append('<section class="ordre">\n<h2>Ordre</h2>\n<ul>')
        parties += [f"<li>{e(ligne)}</li>" for ligne in v.ordre]
        parties.append("</ul>\n</section>")
    if v.mineures:
        parties.append(f'<p class="mineures">{e(v.mineures)}</p>')
    parties += ["</body>", "</html>"]
    return "\n".join(parties) + "\n"


def _changement(c: commun.VueChangement) -> str:
    e = escape
    lieu = f' <span class="lieu">({e(c.lieu)})</span>' if c.lieu else ""
    morceaux = [
        f'<li class="{" ".join(c.classes)}" id="{e(c.record.id)}">',
        f'<div><span class="type">{e(c.types)}</span> — {e(c.designation)}{lieu}</div>',
    ]
    if c.corps:
        morceaux.append(f'<p class="texte">{_segments(c.corps)}</p>')
    if c.champs:
        morceaux.append('<dl class="champs">')
        for champ in c.champs:
            morceaux.append(f"<dt>{e(champ.libelle)}</dt>")
            if champ.paragraphes:
                paragraphes = "".join(f"<p>{_segments(p)}</p>" for p in champ.paragraphes)
                morceaux.append(f"<dd>{paragraphes}</dd>")
            else:
                morceaux.append(f"<dd>{_segments(champ.morceaux)}</dd>")
        morceaux.append("</dl>")
    if c.contenu:
        balise = "ins" if c.op_contenu == "ajout" else "del"
        morceaux.append('<ul class="contenu">')
        for profondeur, nature, texte in c.contenu:
            morceaux.append(
                f'<li style="margin-left:{profondeur - 1}rem">'
                f"{e(nature)} : <{balise}>{e(texte)}</{balise}></li>"
            )
        morceaux.append("</ul>")
    for precision in c.precisions:
        morceaux.append(f'<p class="precision">{e(precision)}</p>')
    morceaux.append("</li>")
    return "\n".join(morceaux)


def _segments(segments: list[Segment]) -> str:
    parties = []
    for s in segments:
        if s.op == "ajout":
            parties.append(f"<ins>{escape(s.texte)}</ins>")
        elif s.op == "suppression":
            parties.append(f"<del>{escape(s.texte)}</del>")
        else:
            parties.append(escape(s.texte))
    return "".join(parties)
