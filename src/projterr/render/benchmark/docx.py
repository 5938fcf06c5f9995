"""The benchmark report as a Word document, on projterr's default reference document (styles,
French typography, A4 and page numbers, as ``export``): a title, the coverage chart as a
table whose cells are shaded by their count, the themes I don't cover, the pistes by theme.
Landscape when the territories would not fit across a portrait page."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from projterr.match.rapport_benchmark import RapportBenchmark
from projterr.render.benchmark import commun

if TYPE_CHECKING:
    from docx.table import Table, _Cell

    from projterr.ooxml.redacteur import Cellule

# Columns of counts a portrait page holds; a landscape one holds ten at the usual size.
_COLONNES_PORTRAIT = 4
_COLONNES_PAYSAGE = 10


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _colonnes(rapport: RapportBenchmark) -> int:
    """Columns of counts in the coverage table."""
    if commun.transposer(rapport):
        return len(rapport.lignes) + 1  # the themes, « sans thème », the number of actions
    return len(rapport.territoires)


def docx(rapport: RapportBenchmark) -> bytes:
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from projterr.ooxml import modele as modeles
    from projterr.ooxml.modele_defaut import STYLE_DETAILS, construire
    from projterr.ooxml.redacteur import Morceau, Redacteur

    document = construire()
    modeles.langue_francaise(document)
    modeles.vider_corps(document)
    styles = document.styles
    titre_1 = styles["Heading 1"].paragraph_format
    titre_1.page_break_before = False  # a short report: its parts follow each other
    titre_1.space_before = Pt(20)
    section = document.sections[0]
    section.different_first_page_header_footer = False  # no title page: numbered from 1
    if _colonnes(rapport) > _COLONNES_PORTRAIT:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    proprietes = document.core_properties
    proprietes.title = _court(f"{commun.TITRE} : {rapport.mien.nom}")
    proprietes.subject = _court(commun.sous_titre(rapport))
    proprietes.author = _court(rapport.mien.nom)
    proprietes.language = "fr-FR"
    redacteur = Redacteur(document, modeles.Styles(document))

    redacteur.paragraphe(commun.TITRE, style="Title")
    redacteur.paragraphe(commun.sous_titre(rapport), style="Subtitle")

    redacteur.titre(1, "Couverture des thèmes")
    redacteur.paragraphe(commun.explication_couverture(rapport))
    _carte(redacteur, rapport)
    legende = [
        "Plus la case est foncée, plus le territoire a d'actions sur ce thème ; la ligne "
        "« Sans thème » compte les actions qu'aucun mot-clé du référentiel ne classe."
    ]
    if rapport.non_couverts:
        legende.append(f"Case orange encadrée : {commun.ALERTE}")
    _legende(redacteur, rapport.maximum())
    for texte in legende:
        redacteur.paragraphe(texte, style=STYLE_DETAILS).paragraph_format.left_indent = 0

    redacteur.titre(1, "Thèmes où les autres agissent et pas vous")
    redacteur.paragraphe(commun.explication_non_couverts(rapport))
    for ligne in rapport.non_couverts:
        redacteur.paragraphe(Morceau(commun.non_couvert(rapport, ligne), gras=True),
                             style="List Bullet")  # fmt: skip
        for action in rapport.exemples_affiches(ligne):
            redacteur.paragraphe(commun.action_autre(rapport, action), style="List Bullet 2")
        if reste := commun.reste_exemples(rapport, ligne):
            redacteur.paragraphe(reste, style="List Bullet 2")

    redacteur.titre(1, "Pistes à étudier")
    redacteur.paragraphe(commun.explication_pistes(rapport))
    for groupe in rapport.groupes:
        redacteur.titre(2, commun.titre_groupe(groupe))
        lignes: list[list[Cellule]] = []
        for piste in rapport.affichees(groupe):
            proche = piste.proche
            lignes.append(
                [
                    [[commun.origine(rapport, piste)]],
                    [[piste.element.texte]],
                    [[proche.b.texte if proche else "rien d'approchant"]],
                    [[f"{proche.score:.0f}" if proche else "–"]],
                ]
            )
        redacteur.grille(
            ["Territoire", "Action", "Le plus proche chez vous", "Score"],
            lignes,
            [0.2, 0.4, 0.32, 0.08],
        )
        if reste := commun.reste(rapport, groupe):
            redacteur.paragraphe(reste, style=STYLE_DETAILS)
    p = redacteur.paragraphe(commun.reglages(rapport), style=STYLE_DETAILS)
    p.paragraph_format.left_indent = 0
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT

    tampon = io.BytesIO()
    document.save(tampon)
    return tampon.getvalue()


def _carte(redacteur: object, rapport: RapportBenchmark) -> None:
    """The coverage table: one row per theme, one column per territory (or the other way
    round past :data:`commun.TERRITOIRES_EN_COLONNES` territories), each count in a cell
    shaded by the scale shared with the HTML chart."""
    from docx.oxml import parse_xml

    from projterr.ooxml.redacteur import Redacteur

    assert isinstance(redacteur, Redacteur)
    transpose = commun.transposer(rapport)
    territoires = [t.nom + (" (vous)" if k == 0 else "") for k, t in enumerate(rapport.territoires)]
    themes = [ligne.libelle for ligne in rapport.lignes]
    if transpose:
        entetes = ["Territoire", *themes, "Actions"]
        lignes: list[list[Cellule]] = [
            [_case(nom), *(_case(str(ligne.effectifs[k])) for ligne in rapport.lignes),
             _case(str(rapport.territoires[k].actions))]
            for k, nom in enumerate(territoires)
        ]  # fmt: skip
    else:
        entetes = ["Thème", *territoires]
        lignes = [
            [_case(ligne.libelle), *(_case(str(x)) for x in ligne.effectifs)]
            for ligne in rapport.lignes
        ]
        lignes.append([_case("Actions"), *(_case(str(t.actions)) for t in rapport.territoires)])
    n = _colonnes(rapport)
    part_gauche = 0.34 if n <= _COLONNES_PORTRAIT else 0.22
    redacteur.grille(entetes, lignes, [part_gauche, *([(1 - part_gauche) / n] * n)])
    table = redacteur.document.tables[-1]
    maximum = rapport.maximum()
    vertical = n > _COLONNES_PAYSAGE  # narrow columns: headings written upwards, not cut
    for j in range(1, n + 1):
        if vertical:
            _vertical(table.cell(0, j))
        _centrer(table.cell(0, j))
    if vertical:
        hauteur = max(len(nom) for nom in entetes[1:]) * 110 + 300  # twips, one line of 9 pt
        trpr = table.rows[0]._tr.get_or_add_trPr()
        trpr.append(parse_xml(f'<w:trHeight {_W} w:val="{min(hauteur, 4200)}" w:hRule="atLeast"/>'))
    for r, ligne in enumerate(rapport.lignes):
        for k, valeur in enumerate(ligne.effectifs):
            cellule = table.cell(k + 1, r + 1) if transpose else table.cell(r + 1, k + 1)
            fond, encre = commun.couleur_case(ligne, valeur, maximum)
            if commun.alerte(ligne, k):
                fond, encre = commun.ALERTE_FOND, commun.ENCRE
                _bordure(cellule, commun.ALERTE_TRAIT)
            _ombrer(cellule, fond, encre, gras=ligne.code is not None)
    totaux = (
        [table.cell(i, n) for i in range(1, len(territoires) + 1)]
        if transpose
        else [table.cell(len(rapport.lignes) + 1, j) for j in range(1, n + 1)]
    )
    for cellule in totaux:
        for run in cellule.paragraphs[0].runs:
            run.bold = True
        _centrer(cellule)


def _legende(redacteur: object, maximum: int) -> None:
    """One row of swatches: the counts each shade stands for."""
    from projterr.ooxml.redacteur import Redacteur

    assert isinstance(redacteur, Redacteur)
    valeurs = sorted({0, *(round(maximum * p / 4) for p in range(1, 5))}) if maximum else [0]
    redacteur.grille(
        ["Actions :", *(str(v) for v in valeurs)],
        [],
        [0.14, *([0.07] * len(valeurs))],
    )
    table: Table = redacteur.document.tables[-1]
    table.cell(0, 0).paragraphs[0].runs[0].bold = False
    for k, v in enumerate(valeurs, 1):
        fond, encre = commun.couleur(v, maximum)
        _ombrer(table.cell(0, k), fond, encre, gras=False)


def _ombrer(cellule: _Cell, fond: str, encre: str, gras: bool) -> None:
    from docx.oxml import parse_xml
    from docx.shared import RGBColor

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    tcpr = cellule._tc.get_or_add_tcPr()
    for ancien in tcpr.findall(_w("w:shd")):
        tcpr.remove(ancien)
    tcpr.append(parse_xml(f'<w:shd {w} w:val="clear" w:color="auto" w:fill="{fond}"/>'))
    _centrer(cellule)
    for paragraphe in cellule.paragraphs:
        for run in paragraphe.runs:
            run.font.color.rgb = RGBColor.from_string(encre)
            run.bold = gras


def _bordure(cellule: _Cell, couleur: str) -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    bords = "".join(
        f'<w:{c} w:val="single" w:sz="18" w:space="0" w:color="{couleur}"/>'
        for c in ("top", "left", "bottom", "right")
    )
    tcpr = cellule._tc.get_or_add_tcPr()
    # w:tcBorders comes right after w:tcW (and before w:shd) in w:tcPr
    bordures = parse_xml(f"<w:tcBorders {w}>{bords}</w:tcBorders>")
    largeur = tcpr.find(_w("w:tcW"))
    if largeur is not None:
        largeur.addnext(bordures)
    else:
        tcpr.insert(0, bordures)


def _vertical(cellule: _Cell) -> None:
    """Text from bottom to top, as in the headings of a wide table."""
    from docx.oxml import parse_xml

    tcpr = cellule._tc.get_or_add_tcPr()
    sens = parse_xml(f'<w:textDirection {_W} w:val="btLr"/>')
    largeur = tcpr.find(_w("w:tcW"))  # w:textDirection comes after w:tcW and w:shd
    if largeur is not None:
        largeur.addnext(sens)
    else:
        tcpr.insert(0, sens)


def _centrer(cellule: _Cell) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    cellule.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for paragraphe in cellule.paragraphs:
        paragraphe.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _w(nom: str) -> str:
    from docx.oxml.ns import qn

    return qn(nom)


def _court(texte: str, limite: int = 255) -> str:
    """Word's document properties hold 255 characters at most."""
    return texte if len(texte) <= limite else texte[: limite - 1] + "…"


def _case(texte: str) -> Cellule:
    return [[texte]]
