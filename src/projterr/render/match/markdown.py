"""The match report in Markdown: one section per element of A that has candidates."""

from __future__ import annotations

import re

from projterr.match.rapport import RapportMatch
from projterr.render.match import commun

_SPECIAUX = re.compile(r"([\\`*_~\[\]<>#|])")


def _e(texte: str) -> str:
    return _SPECIAUX.sub(r"\\\1", texte)


def markdown(rapport: RapportMatch) -> str:
    lignes = [
        "# Correspondances entre deux stratégies",
        "",
        f"- Document comparé : {_e(commun.nom_cote(rapport.a.titre, rapport.a.territoire))}",
        f"- Comparé à : {_e(commun.nom_cote(rapport.b.titre, rapport.b.territoire))}",
        f"- Réglages : {_e(commun.parametres(rapport))}",
        "",
        f"**Résumé** : {_e(commun.resume(rapport))}",
        "",
    ]
    for element, paires in rapport.par_element():
        if not paires:
            continue
        lignes += [f"## {_e(commun.reperes_a(element, rapport))} — {_e(element.texte)}", ""]
        lignes += ["| score | correspondance | pourquoi |", "|---:|---|---|"]
        for p in paires:
            origine = commun.origine(p.b, rapport)
            lieu = f"{origine}, " if origine else ""
            cible = f"{_e(p.b.texte)} ({_e(lieu + commun.reperes(p.b))})"
            pourquoi = " ; ".join(_e(r) for r in p.raisons)
            lignes.append(f"| {commun.score(p.score)} | {cible} | {pourquoi} |")
        lignes.append("")
    sans = rapport.sans_paire
    if sans:
        lignes += ["## Sans correspondance", ""]
        lignes += [f"- {_e(commun.reperes_a(e, rapport))} — {_e(e.texte)}" for e in sans]
        lignes.append("")
    return "\n".join(lignes)
