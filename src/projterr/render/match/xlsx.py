"""The match report as an Excel workbook: one row per pair, filterable, and the elements of
A without a match on a second sheet."""

from __future__ import annotations

import io

from projterr.match.rapport import RapportMatch
from projterr.render.match import commun
from projterr.tableur import envelopper

_COLONNES = [
    ("Élément de A", 16),
    ("Texte de A", 60),
    ("Score", 8),
    ("Territoire de B", 24),
    ("Élément de B", 16),
    ("Texte de B", 60),
    ("Raisons", 60),
    ("Identifiant A", 14),
    ("Identifiant B", 14),
]


def xlsx(rapport: RapportMatch) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    classeur = Workbook()
    feuille = classeur.active
    assert feuille is not None
    feuille.title = "Correspondances"
    _entete(feuille, [c for c, _ in _COLONNES], [w for _, w in _COLONNES], Font, Alignment)
    for p in rapport.paires:
        feuille.append(
            [
                commun.reperes_a(p.a, rapport),
                p.a.texte,
                round(p.score, 1),
                p.b.territoire,
                commun.reperes(p.b),
                p.b.texte,
                "\n".join(p.raisons),
                p.a.id,
                p.b.id,
            ]
        )
    haut = Alignment(vertical="top", wrap_text=True)
    envelopper(feuille, [w for _, w in _COLONNES], haut)
    feuille.auto_filter.ref = feuille.dimensions

    sans = classeur.create_sheet("Sans correspondance")
    largeurs_sans = [16, 80, 14]
    _entete(sans, ["Élément de A", "Texte de A", "Identifiant A"], largeurs_sans, Font, Alignment)
    for e in rapport.sans_paire:
        sans.append([commun.reperes_a(e, rapport), e.texte, e.id])
    envelopper(sans, largeurs_sans, haut)

    infos = classeur.create_sheet("Réglages")
    for cle, valeur in [
        ("Document comparé", commun.nom_cote(rapport.a.titre, rapport.a.territoire)),
        ("Comparé à", commun.nom_cote(rapport.b.titre, rapport.b.territoire)),
        ("Réglages", commun.parametres(rapport)),
        ("Résumé", commun.resume(rapport)),
    ]:
        infos.append([cle, valeur])
    infos.column_dimensions["A"].width = 20
    infos.column_dimensions["B"].width = 100
    envelopper(infos, [20, 100], haut, depuis=1)

    tampon = io.BytesIO()
    classeur.save(tampon)
    return tampon.getvalue()


def _entete(feuille, titres, largeurs, Font, Alignment) -> None:  # type: ignore[no-untyped-def]
    feuille.append(titres)
    for cellule in feuille[1]:
        cellule.font = Font(bold=True)
        cellule.alignment = Alignment(vertical="top")
    for i, largeur in enumerate(largeurs):
        feuille.column_dimensions[chr(ord("A") + i)].width = largeur
    feuille.freeze_panes = "A2"
