"""The match report as one standalone HTML page (no network), readable and printable."""

from __future__ import annotations

from html import escape

from projterr.match.rapport import RapportMatch
from projterr.render.match import commun
from projterr.render.registre import entete_html

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
       max-width: 64rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.05rem; margin-top: 1.6rem; }
.cotes, .reglages { color: #57606a; } .resume { font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .5rem; vertical-align: top;
         text-align: left; }
td.score { text-align: right; font-weight: 600; width: 3rem; }
.jauge { display: inline-block; height: .5rem; background: #0969da; border-radius: 2px; }
ul.raisons { margin: 0; padding-left: 1.1rem; color: #57606a; }
.lieu { color: #57606a; font-size: .85rem; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } tr { break-inside: avoid; } }
"""


def html(rapport: RapportMatch) -> str:
    e = escape
    parties = [
        *entete_html(f"Correspondances : {e(rapport.a.titre)}", _CSS),
        "<h1>Correspondances entre deux stratégies</h1>",
        f'<p class="cotes">{e(commun.nom_cote(rapport.a.titre, rapport.a.territoire))}<br>'
        f"comparé à {e(commun.nom_cote(rapport.b.titre, rapport.b.territoire))}</p>",
        f'<p class="reglages">{e(commun.parametres(rapport))}</p>',
        f'<p class="resume">{e(commun.resume(rapport))}</p>',
    ]
    for element, paires in rapport.par_element():
        if not paires:
            continue
        parties.append(f"<h2>{e(commun.reperes_a(element, rapport))} — {e(element.texte)}</h2>")
        parties.append("<table><tr><th>score</th><th>correspondance</th><th>pourquoi</th></tr>")
        for p in paires:
            origine = commun.origine(p.b, rapport)
            lieu = f"{origine}, " if origine else ""
            raisons = "".join(f"<li>{e(r)}</li>" for r in p.raisons)
            parties.append(
                f'<tr><td class="score">{commun.score(p.score)}<br>'
                f'<span class="jauge" style="width:{p.score / 100 * 2.5:.2f}rem"></span></td>'
                f'<td>{e(p.b.texte)}<br><span class="lieu">{e(lieu + commun.reperes(p.b))}'
                f'</span></td><td><ul class="raisons">{raisons}</ul></td></tr>'
            )
        parties.append("</table>")
    sans = rapport.sans_paire
    if sans:
        parties.append(f"<h2>Sans correspondance ({len(sans)})</h2><ul>")
        parties += [f"<li>{e(commun.reperes_a(x, rapport))} — {e(x.texte)}</li>" for x in sans]
        parties.append("</ul>")
    parties += ["</body>", "</html>", ""]
    return "\n".join(parties)
