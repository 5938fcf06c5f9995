"""The benchmark report in Markdown: the coverage table, the themes I don't cover, the
pistes by theme."""

from __future__ import annotations

from projterr.match.rapport_benchmark import RapportBenchmark
from projterr.render.benchmark import commun
from projterr.render.match.markdown import _e


def markdown(rapport: RapportBenchmark) -> str:
    lignes = [f"# {commun.TITRE}", "", _e(commun.sous_titre(rapport)), ""]
    lignes += ["## Couverture des thèmes", "", _e(commun.explication_couverture(rapport)), ""]
    entetes = [_e(t.nom) + (" (vous)" if k == 0 else "") for k, t in enumerate(rapport.territoires)]
    lignes.append("| Thème | " + " | ".join(entetes) + " |")
    lignes.append("|---|" + "---:|" * len(entetes))
    for ligne in rapport.lignes:
        cases = [
            f"**{n}** ⚠" if commun.alerte(ligne, k) else str(n)
            for k, n in enumerate(ligne.effectifs)
        ]
        lignes.append(f"| {_e(ligne.libelle)} | " + " | ".join(cases) + " |")
    lignes.append("| *Actions* | " + " | ".join(str(t.actions) for t in rapport.territoires) + " |")
    lignes.append("")
    if rapport.non_couverts:
        lignes += ["⚠ : " + _e(commun.ALERTE), ""]

    lignes += ["## Thèmes où les autres agissent et pas vous", ""]
    lignes += [_e(commun.explication_non_couverts(rapport)), ""]
    if rapport.non_couverts:
        for ligne in rapport.non_couverts:
            lignes.append(f"- {_e(commun.non_couvert(rapport, ligne))}")
            for action in rapport.exemples_affiches(ligne):
                lignes.append(f"  - {_e(commun.action_autre(rapport, action))}")
            if reste := commun.reste_exemples(rapport, ligne):
                lignes.append(f"  - {_e(reste)}")
        lignes.append("")

    lignes += ["## Pistes à étudier", "", _e(commun.explication_pistes(rapport)), ""]
    for groupe in rapport.groupes:
        lignes += [f"### {_e(commun.titre_groupe(groupe))}", ""]
        for piste in rapport.affichees(groupe):
            lignes.append(
                f"- **{_e(piste.element.texte)}** ({_e(commun.origine(rapport, piste))})  \n"
                f"  {_e(commun.proche(piste))}"
            )
        if reste := commun.reste(rapport, groupe):
            lignes.append(f"- {_e(reste)}")
        lignes.append("")
    lignes += [f"*{_e(commun.reglages(rapport))}*", ""]
    for fichier in rapport.ignores:
        lignes += [f"Ignoré (pas un document projterr lisible) : {_e(fichier)}", ""]
    return "\n".join(lignes)
