"""What another structure writes about its own functioning — its agents, its instances, its
meetings, its conventions with its member EPCI — rather than about its territory.

``benchmark`` shows the others' actions as pistes a chargé de mission could adopt; « les
agents du PETR pourront… » or « le CODEV peut être missionné par le CS… » are not such
pistes: no other territory can take them up. They are left out of the pistes unless asked
(``--tout``), and counted.
"""

from __future__ import annotations

import re

# The structure itself, as its documents name it; its members; its staff
_STRUCTURE = r"(?:PETR|p[ôo]le|pays|syndicat(?: mixte)?|GAL)"
_MEMBRES = r"(?:EPCI|intercommunalités|communautés de communes|CODECOM|communes membres|membres)"
_EQUIPE = r"(?:agents?|salariés?|personnel|équipe(?: technique)?|chargée?s? de mission)"
_MOTIFS = [
    # its own staff
    rf"\b{_EQUIPE}\s+(?:du|de la|de l['’])\s*{_STRUCTURE}\b",
    # its own instances (the CODEV as a means of an action meant for the territory — « missionner
    # le CODEV sur un événement d'artistes » — is a piste; its role among the instances is not)
    r"\b(?:le|du|les projets du) CODEV\b(?=.*\b(?:CS|conseil syndical|élus|compétences)\b)",
    r"\b(?:conseil|comité) syndical\b",
    r"\ble CS\b|\bpar le CS\b|\bdu CS\b|\bau CS\b",
    r"\bbureau (?:du|syndical)\b",
    r"\bconférences? des maires\b",
    r"\bassemblée générale\b",
    r"\binstances? (?:du|de la|de gouvernance)\b",
    # its relations with its members, its own meetings
    rf"\bentre (?:le |la )?{_STRUCTURE} et (?:les |ses )?{_MEMBRES}\b",
    rf"\bconventions? (?:avec|entre) (?:les |ses )?{_MEMBRES}\b",
    r"\b(?:statuts|règlement intérieur)\b",
]
_INTERNE = re.compile("|".join(f"(?:{m})" for m in _MOTIFS), re.IGNORECASE)


def fonctionnement_interne(texte: str) -> bool:
    """Whether ``texte`` is about the functioning of the structure that wrote it."""
    return _INTERNE.search(texte) is not None
