"""The diff as one standalone HTML page: no network, <ins>/<del>, readable and printable."""

from __future__ import annotations

from html import escape

from projterr.diff.rapport import Changement, RapportDiff, Segment
from projterr.libelles import libelle
from projterr.render.diff import commun

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
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  ins, del { background: none; }
  h2 { break-after: avoid; }
}
"""


def html(rapport: RapportDiff) -> str:
    e = escape
    parties = [
        "<!DOCTYPE html>",
        '<html lang="fr">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Comparaison : {e(rapport.nouveau.titre)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<h1>Comparaison de deux versions</h1>",
        '<p class="versions">Ancienne version : '
        f"{e(commun.entete_document(rapport.ancien))}<br>"
        f"Nouvelle version : {e(commun.entete_document(rapport.nouveau))}</p>",
        f'<p class="resume">Résumé : {e(commun.resume(rapport))}</p>',
    ]
    for groupe, changements in commun.groupes(rapport):
        parties.append(f"<section>\n<h2>{e(groupe)}</h2>")
        parties.append('<ol class="changements">')
        for c in changements:
            parties.append(_changement(c, rapport))
        parties.append("</ol>\n</section>")
    parties += ["</body>", "</html>"]
    return "\n".join(parties) + "\n"


def _changement(c: Changement, rapport: RapportDiff) -> str:
    e = escape
    cote = c.nouveau or c.ancien
    assert cote is not None
    classes = ["changement", *c.types]
    if commun.est_consequence(c):
        classes.append("consequence")
    lieu = ""
    if c.nature == "action" or not cote.numero:
        lieu = f' <span class="lieu">({e(commun.lieu(cote))})</span>'
    morceaux = [
        f'<li class="{" ".join(classes)}" id="{e(c.id)}">',
        f'<div><span class="type">{e(commun.types(c))}</span> — '
        f"{e(commun.designation(c))}{lieu}</div>",
    ]
    if c.segments:
        corps = _segments(c.segments)
    elif c.types == ("ajout",):
        corps = f"<ins>{e(cote.texte)}</ins>"
    elif c.types == ("suppression",):
        corps = f"<del>{e(cote.texte)}</del>"
    else:
        corps = e(cote.texte)
    morceaux.append(f'<p class="texte">{corps}</p>')
    if c.contenu:
        balise = "ins" if c.types == ("ajout",) else "del"
        morceaux.append('<ul class="contenu">')
        for contenu in c.contenu:
            morceaux.append(
                f'<li style="margin-left:{contenu.profondeur - 1}rem">'
                f"{e(libelle(contenu.nature))} : <{balise}>{e(contenu.texte)}</{balise}></li>"
            )
        morceaux.append("</ul>")
    for precision in commun.precisions(c, rapport):
        morceaux.append(f'<p class="precision">{e(precision)}</p>')
    morceaux.append("</li>")
    return "\n".join(morceaux)


def _segments(segments: tuple[Segment, ...]) -> str:
    parties = []
    for s in segments:
        if s.op == "egal":
            parties.append(escape(s.texte))
        elif s.op == "suppression":
            parties.append(f"<del>{escape(s.texte)}</del>")
        else:
            parties.append(f"<ins>{escape(s.texte)}</ins>")
    return "".join(parties)
