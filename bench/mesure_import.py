"""The measure of the import benches (PDF, Word and ODT): one file, imported N times in this
process, then once more under tracemalloc for the peak of Python allocations."""

from __future__ import annotations

import statistics
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

from projterr.importers import ResultatImport, importer_fichier


@dataclass
class MesureImport:
    durees: list[float]  # seconds, one per run
    pic: int  # bytes: peak of Python allocations during one import
    resultat: ResultatImport

    def resume(self) -> str:
        """« N niveaux, M actions, profil « … » »."""
        projet = self.resultat.projet
        noeuds = sum(1 for _ in projet.noeuds())
        actions = sum(1 for _ in projet.actions())
        return f"{noeuds} niveaux, {actions} actions, profil « {self.resultat.profil} »"

    def temps(self, pages: float) -> str:
        """« min … s · médiane … s · max … s (N essais) ; P pages/s »."""
        mediane = statistics.median(self.durees)
        return (
            f"min {min(self.durees):.2f} s · médiane {mediane:.2f} s · "
            f"max {max(self.durees):.2f} s ({len(self.durees)} essais) ; "
            f"{pages / mediane:.0f} pages/s"
        )


def mesurer_import(data: bytes, suffixe: str, runs: int) -> MesureImport:
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / f"banc{suffixe}"
        chemin.write_bytes(data)
        durees = []
        for _ in range(runs):
            debut = time.perf_counter()
            resultat = importer_fichier(chemin)
            durees.append(time.perf_counter() - debut)
        tracemalloc.start()
        importer_fichier(chemin)
        _, pic = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return MesureImport(durees, pic, resultat)
