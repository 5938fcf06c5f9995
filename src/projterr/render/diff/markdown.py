"""The diff in Markdown, for an e-mail or a wiki page: ~~struck~~ and **added** words."""

from __future__ import annotations

import re

from projterr.diff.rapport import RapportDiff, Segment
from projterr.render.diff import commun

_SPECIAUX = re.compile(r"([\\`*_~\[\]<>#|])")
_COLLE_DEBUT = re.compile(r"[^\w\s]")  # a change starting with punctuation…
_COLLE_FIN = re.compile(r"[^\w\s]$")  # …or ending with it
_MOT_FIN = re.compile(r"\w+$")
_MOT_DEBUT = re.compile(r"^\w+")


def _echapper(texte: str) -> str:
    return _SPECIAUX.sub(r"\\\1", texte)


def markdown(rapport: RapportDiff) -> str:
    v = commun.vue(rapport)
    lignes = [
        "# Comparaison de deux versions",
        "",
        f"- Ancienne version : {_echapper(v.ancien)}",
        f"- Nouvelle version : {_echapper(v.nouveau)}",
        "",
        f"**Résumé** : {_echapper(v.resume)}",
        "",
    ]
    if v.groupes:
        lignes += ["Mots supprimés ~~barrés~~, mots ajoutés **en gras**.", ""]
    for groupe, changements in v.groupes:
        lignes += [f"## {_echapper(groupe)}", ""]
        for c in changements:
            lignes += _changement(c)
        lignes.append("")
    if v.ordre:
        lignes += ["## Ordre", ""]
        lignes += [f"- {_echapper(ligne)}" for ligne in v.ordre]
        lignes.append("")
    if v.mineures:
        lignes += [f"*{_echapper(v.mineures)}*", ""]
    return "\n".join(lignes).rstrip("\n") + "\n"


def _changement(c: commun.VueChangement) -> list[str]:
    retrait = "  " if c.consequence else ""
    tete = f"{retrait}- **{c.types}** — {_echapper(c.designation)}"
    if c.lieu:
        tete += f" ({_echapper(c.lieu)})"
    lignes = [tete]
    corps = retrait + "  "
    if c.corps:
        lignes.append(f"{corps}{_segments(c.corps)}")
    for champ in c.champs:
        if champ.paragraphes:
            lignes.append(f"{corps}*{_echapper(champ.libelle)}* :")
            lignes += [f"{corps}  ¶ {_segments(p)}" for p in champ.paragraphes]
        else:
            lignes.append(f"{corps}*{_echapper(champ.libelle)}* : {_segments(champ.morceaux)}")
    for profondeur, nature, texte in c.contenu:
        # « → », not « - »: a nested list would mix with the renumberings shown below.
        lignes.append(f"{corps}{'  ' * (profondeur - 1)}→ {nature} : {_echapper(texte)}")
    for precision in c.precisions:
        lignes.append(f"{corps}*{_echapper(precision)}*")
    # One list item, one line per fact: a hard line break (two trailing spaces) keeps the
    # lines apart without blank lines, which some wiki engines take as the end of the list.
    return [f"{ligne}  " for ligne in lignes[:-1]] + lignes[-1:]


def _segments(segments: list[Segment]) -> str:
    """~~deleted~~**added** words; a change that starts or ends with punctuation glued to a
    word takes that word along (« public**, à** » would not render as bold in CommonMark)."""
    runs: list[list[str]] = []  # ["egal", text] or ["change", deleted, added]
    for s in segments:
        if s.op == "egal":
            runs.append(["egal", s.texte])
        elif runs and runs[-1][0] == "change":
            runs[-1][1 if s.op == "suppression" else 2] += s.texte
        else:
            runs.append(
                [
                    "change",
                    s.texte if s.op == "suppression" else "",
                    s.texte if s.op == "ajout" else "",
                ]
            )
    for k, run in enumerate(runs):
        if run[0] != "change":
            continue
        if k > 0 and any(_COLLE_DEBUT.match(t) for t in run[1:]):
            mot = _MOT_FIN.search(runs[k - 1][1])
            if mot:
                runs[k - 1][1] = runs[k - 1][1][: mot.start()]
                run[1], run[2] = mot.group() + run[1], mot.group() + run[2]
        if k + 1 < len(runs) and any(_COLLE_FIN.search(t) for t in run[1:]):
            mot = _MOT_DEBUT.match(runs[k + 1][1])
            if mot:
                runs[k + 1][1] = runs[k + 1][1][mot.end() :]
                run[1], run[2] = run[1] + mot.group(), run[2] + mot.group()
    parties = []
    for run in runs:
        if run[0] == "egal":
            parties.append(_echapper(run[1]))
        else:
            parties.append(_marquer(run[1], "~~") + _marquer(run[2], "**"))
    return "".join(parties)


def _marquer(texte: str, marque: str) -> str:
    if not texte.strip():
        return texte
    debut = texte[: len(texte) - len(texte.lstrip())]
    fin = texte[len(texte.rstrip()) :]
    return f"{debut}{marque}{_echapper(texte.strip())}{marque}{fin}"
