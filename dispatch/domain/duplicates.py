"""When a new call is probably about an incident already open (several people call about one fire).

The rules (issue 4): the same number called about it within 30 minutes; the same category within
500 m; the same kelurahan (village code, or village and kecamatan names when no village code was picked)
within 30 minutes.

Positions have a precision (issue 15): "within 500 m" counts only between positions precise enough for
it (``positions.resolves``: typed, or a handset's fix with a radius up to 500 m). Two incidents at one
kelurahan's centre are the same kelurahan, not two places 0 m apart.
The console only *offers* to attach the call: the call-taker decides.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from dispatch.domain.geo import distance_m
from dispatch.domain.positions import PositionSource, resolves

SAME_NUMBER_WINDOW = timedelta(minutes=30)
SAME_AREA_WINDOW = timedelta(minutes=30)
NEARBY_RADIUS_M = 500.0


class DuplicateReason(StrEnum):
    SAME_NUMBER = "same_number"
    SAME_CATEGORY_NEARBY = "same_category_nearby"
    SAME_AREA = "same_area"


@dataclass(frozen=True, slots=True)
class IncidentFacts:
    """What the rules compare, for the new incident (the probe) and for each open incident."""

    created_at: datetime
    category: str | None = None
    lat: float | None = None
    lon: float | None = None
    area_code: str = ""
    village: str = ""
    district: str = ""
    #: Where lat/lon came from and how far off they may be (None: exact).
    position_source: PositionSource = PositionSource.NONE
    radius_m: float | None = None

    def within(self, other: IncidentFacts, limit_m: float) -> bool:
        """Both positions known, precise enough for ``limit_m`` to mean something, and that close."""
        if self.lat is None or self.lon is None or other.lat is None or other.lon is None:
            return False
        if not (
            resolves(self.position_source, self.radius_m, limit_m)
            and resolves(other.position_source, other.radius_m, limit_m)
        ):
            return False
        return distance_m(self.lat, self.lon, other.lat, other.lon) <= limit_m


def village_key(name: str) -> str:
    """Village names compared as people type them: case, accents, "Kel."/"Desa" and spacing ignored."""
    return _name_key(name, ("kel", "kelurahan", "desa", "ds"))


def district_key(name: str) -> str:
    """Kecamatan names compared as people type them: case, accents, "Kec." and spacing ignored."""
    return _name_key(name, ("kec", "kecamatan"))


def _name_key(name: str, prefixes: tuple[str, ...]) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()
    words = folded.replace(".", " ").split()
    while words and words[0] in prefixes:
        words = words[1:]
    return " ".join(words)


def _is_village_code(code: str) -> bool:
    """A Kemendagri code down to the kelurahan ("33.74.04.1001"), not a regency or district."""
    parts = code.split(".")
    return len(parts) == 4 and all(parts)


def duplicate_reasons(
    probe: IncidentFacts,
    candidate: IncidentFacts,
    now: datetime,
    last_call_from_number: datetime | None = None,
) -> tuple[DuplicateReason, ...]:
    """Why ``candidate`` may be the incident the probe's call is about (empty: it is not).

    ``last_call_from_number`` is when the probe's caller last called about the candidate (None if
    never, or if the number is withheld: every withheld caller shares one marker).
    """
    reasons: list[DuplicateReason] = []
    if last_call_from_number is not None and now - last_call_from_number <= SAME_NUMBER_WINDOW:
        reasons.append(DuplicateReason.SAME_NUMBER)
    if (
        probe.category is not None
        and probe.category == candidate.category
        and probe.within(candidate, NEARBY_RADIUS_M)
    ):
        reasons.append(DuplicateReason.SAME_CATEGORY_NEARBY)
    # A fallen tree and a heart attack in one kelurahan are two events: when both categories are
    # known they must agree.
    categories_agree = (
        probe.category is None or candidate.category is None or probe.category == candidate.category
    )
    if categories_agree and now - candidate.created_at <= SAME_AREA_WINDOW and _same_area(probe, candidate):
        reasons.append(DuplicateReason.SAME_AREA)
    return tuple(reasons)


def _same_area(probe: IncidentFacts, candidate: IncidentFacts) -> bool:
    if _is_village_code(probe.area_code) and _is_village_code(candidate.area_code):
        return probe.area_code == candidate.area_code
    if _same_village_centre(probe, candidate):
        return True
    # Desa names repeat across a regency (several "Sukorejo"): the kecamatan must agree too.
    villages = village_key(probe.village), village_key(candidate.village)
    districts = district_key(probe.district), district_key(candidate.district)
    return all(villages) and all(districts) and villages[0] == villages[1] and districts[0] == districts[1]


#: Two centres this close are one point (the stored floats of one village's centre).
_SAME_POINT_M = 1.0


def _same_village_centre(probe: IncidentFacts, candidate: IncidentFacts) -> bool:
    """Both placed at a kelurahan's centre, and the same one."""
    if (
        probe.position_source is not PositionSource.VILLAGE
        or candidate.position_source is not PositionSource.VILLAGE
    ):
        return False
    if probe.lat is None or probe.lon is None or candidate.lat is None or candidate.lon is None:
        return False
    return distance_m(probe.lat, probe.lon, candidate.lat, candidate.lon) <= _SAME_POINT_M
