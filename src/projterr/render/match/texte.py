"""The match report for the terminal: each element of A, then its candidates and why."""

from __future__ import annotations

from projterr.match.rapport import RapportMatch
from projterr.render.match import commun


def texte(rapport: RapportMatch) -> str:
    lignes = [
        f"Correspondances de : {commun.nom_cote(rapport.a.titre, rapport.a.territoire)}",
        f"               dans : {commun.nom_cote(rapport.b.titre, rapport.b.territoire)}",
        f"({commun.parametres(rapport)})",
        "",
    ]
    for element, paires in rapport.par_element():
        if not paires:
            continue
        lignes.append(f"[{commun.reperes_a(element, rapport)}] {element.texte}")
        for p in paires:
            origine = commun.origine(p.b, rapport)
            lieu = f"{origine}, " if origine else ""
            lignes.append(
                f"  {commun.score(p.score):>3}  [{lieu}{commun.reperes(p.b)}] {p.b.texte}"
            )
            for raison in p.raisons:
                lignes.append(f"       · {raison}")
        lignes.append("")
    sans = rapport.sans_paire
    if sans:
        lignes.append(f"Sans correspondance ({len(sans)}) :")
        lignes += [f"  [{commun.reperes_a(e, rapport)}] {e.texte}" for e in sans]
        lignes.append("")
    lignes.append(commun.resume(rapport))
    return "\n".join(lignes) + "\n"
