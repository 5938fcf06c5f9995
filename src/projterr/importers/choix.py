"""Which reading of a document to keep: the profil asked for, or the most plausible one.

Detection patterns recognise the documents the shipped profils were written for; on any
other document every shipped profil (the fiche reader among them) reads the text, each tree
is judged (:mod:`projterr.importers.plausibilite`), and the most plausible one is kept, with
the reason in French. A tree that nothing makes plausible is kept with its warnings.
"""

from __future__ import annotations

from dataclasses import dataclass

from projterr.importers.moteur import Titres, analyser
from projterr.importers.plausibilite import Jugement, juger
from projterr.importers.profil import Profil, choisir_profil, profils_integres
from projterr.importers.resultat import ResultatImport

# A plausible tree from a profil that was not detected loses to the fiche reader only when
# the reader found fiche sections and structures clearly more of the text.
_MARGE_STRUCTURE = 0.1
# Beyond this many characters the profils compete on the beginning of the text only.
_ECHANTILLON = 100_000


@dataclass
class Lecture:
    profil: Profil
    resultat: ResultatImport
    jugement: Jugement
    detection: float


def _lire(texte: str, profil: Profil, fichier: str, titres: Titres | None = None) -> Lecture:
    resultat = analyser(texte, profil, fichier, titres)
    return Lecture(profil, resultat, juger(resultat.projet), profil.score(texte[:200_000]))


def _conclure(lecture: Lecture, choix: str) -> ResultatImport:
    resultat = lecture.resultat
    resultat.choix = choix
    resultat.avertissements = list(lecture.jugement.raisons)
    return resultat


def _motifs(lecture: Lecture) -> str:
    n = len(lecture.profil.detection)
    trouves = round(lecture.detection * n)
    return f"{trouves} motif{'s' if trouves > 1 else ''} de détection sur {n}"


def lire_au_mieux(
    texte: str, demande: str | None, fichier: str = "<texte>", titres: Titres | None = None
) -> ResultatImport:
    """Read ``texte`` with the profil asked for, or with the most plausible shipped one."""
    if demande:
        lecture = _lire(texte, choisir_profil(texte, demande), fichier, titres)
        return _conclure(lecture, f"profil « {lecture.profil.nom} » demandé avec --profil")
    detecte = choisir_profil(texte, None)
    premiere = _lire(texte, detecte, fichier, titres)
    if detecte.detection and premiere.jugement.plausible:
        return _conclure(
            premiere, f"profil « {detecte.nom} » reconnu ({_motifs(premiere)}), arbre plausible"
        )
    if len(texte) > _ECHANTILLON:
        return _sur_echantillon(texte, premiere, fichier, titres)
    lectures = [premiere] + [
        _lire(texte, _sans_constantes(p), fichier, titres)
        for p in profils_integres()
        if p.nom != detecte.nom
    ]
    return _meilleure(premiere, lectures)


def _sur_echantillon(
    texte: str, premiere: Lecture, fichier: str, titres: Titres | None
) -> ResultatImport:
    """A long text: the profils compete on its beginning, the winner alone reads it all."""
    coupe = texte.rfind("\n", 0, _ECHANTILLON)
    debut = texte[: coupe if coupe > 0 else _ECHANTILLON]
    essais = [
        _lire(debut, p if p.nom == premiere.profil.nom else _sans_constantes(p), fichier, titres)
        for p in profils_integres()
    ]
    temoin = next(e for e in essais if e.profil.nom == premiere.profil.nom)
    gagnant = _meilleure(temoin, essais)
    if gagnant.profil == premiere.profil.nom:
        resultat = premiere.resultat
        autres = [a for a in gagnant.avertissements if a.startswith("lecture avec le profil")]
        resultat.avertissements = [*premiere.jugement.raisons, *autres]
    else:
        lecture = _lire(texte, _sans_constantes(_profil(gagnant.profil)), fichier, titres)
        resultat = _meilleure(premiere, [premiere, lecture])
    resultat.choix = f"{gagnant.choix} (profils comparés sur le début du texte)"
    return resultat


def _sans_constantes(profil: Profil) -> Profil:
    """A profil tried on a document it did not recognise reads its structure only: the
    territory and document it names (« PETR du Pays Midi-Quercy », « Contrat local de santé »)
    are those of the family it was written for, not this document's."""
    if not profil.territoire and not profil.document:
        return profil
    return profil.model_copy(update={"territoire": {}, "document": {}})


def _profil(nom: str | None) -> Profil:
    return next(p for p in profils_integres() if p.nom == nom)


def _meilleure(premiere: Lecture, lectures: list[Lecture]) -> ResultatImport:
    """The most plausible of ``lectures``; ``premiere`` when none is."""

    def rang(lecture: Lecture) -> tuple[int, float]:
        """First, how many of the headings a word processor declared the profil's own patterns
        recognised (they give the level its type and number); then how much of the text a
        plausible tree structures, with the fiche reader's handicap."""
        bonus = 0.0
        lecteur_de_fiches = lecture.profil.fiches is not None and lecture is not premiere
        if lecteur_de_fiches and (lecture.resultat.rubriques < 2 or premiere.jugement.plausible):
            bonus = -_MARGE_STRUCTURE
        return -lecture.resultat.titres_sans_motif, lecture.jugement.structure + bonus

    plausibles = [lec for lec in lectures if lec.jugement.plausible]
    if plausibles:
        meilleure = max(plausibles, key=rang)  # the first one on a tie: the detected profil
        if meilleure is premiere:
            pourquoi = "aucun autre profil ne donne un arbre plus plausible"
        else:
            ecartes = sum(1 for lec in lectures if not lec.jugement.plausible)
            pourquoi = (
                f"l'arbre le plus plausible : {round(100 * meilleure.jugement.structure)} % du "
                f"texte structuré ; {ecartes} autre{'s' if ecartes > 1 else ''} lecture"
                f"{'s' if ecartes > 1 else ''} écartée{'s' if ecartes > 1 else ''} comme "
                "incertaine" + ("s" if ecartes > 1 else "")
            )
        return _conclure(meilleure, f"profil « {meilleure.profil.nom} » choisi : {pourquoi}")
    # Nothing plausible: keep the reading the user would have had (the detected profil, or
    # « generique »), whose doubts say what went wrong, rather than an unrelated profil's.
    resultat = _conclure(
        premiere,
        f"profil « {premiere.profil.nom} » ; aucune des {len(lectures)} lectures essayées "
        "(un profil livré chacune) ne donne un arbre plausible",
    )
    # The alternative that structured most of the text says what a profil would have to fix.
    autres = [lec for lec in lectures if lec is not premiere and lec.jugement.structure > 0]
    if autres:
        autre = max(autres, key=lambda lec: lec.jugement.structure)
        if autre.jugement.structure > premiere.jugement.structure:
            resultat.avertissements.append(
                f"lecture avec le profil « {autre.profil.nom} », incertaine elle aussi : "
                + " ; ".join(autre.jugement.raisons)
            )
    return resultat
