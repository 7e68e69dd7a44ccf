"""Facts about an incident, learnt from protocol answers, that change what must be sent.

A protocol card answer may set a flag ("people trapped"); the recommendation reads the flags to add
agencies and capabilities (a fire with people trapped needs fire, medical and rescue). Stored on the
incident as a comma-separated list (``incidents.flags``).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class IncidentFlag(StrEnum):
    CASUALTIES = "casualties"
    TRAPPED = "trapped"
    NOT_BREATHING = "not_breathing"
    UNCONSCIOUS = "unconscious"
    SEVERE_BLEEDING = "severe_bleeding"
    WEAPON = "weapon"
    CHILD_AT_RISK = "child_at_risk"
    PERSON_IN_WATER = "person_in_water"
    FIRE_SPREADING = "fire_spreading"
    HAZMAT = "hazmat"
    ELECTRICAL = "electrical"
    VENOMOUS = "venomous"


def parse_flags(stored: str) -> frozenset[IncidentFlag]:
    """The flags of ``incidents.flags``; unknown words (from a newer console) are ignored."""
    known = {member.value for member in IncidentFlag}
    return frozenset(IncidentFlag(word) for word in stored.split(",") if word in known)


def format_flags(flags: Iterable[IncidentFlag]) -> str:
    """Stable order (the enum's) so that equal sets are stored equally."""
    chosen = set(flags)
    return ",".join(member.value for member in IncidentFlag if member in chosen)
