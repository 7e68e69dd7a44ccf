"""Which units to send: the needs of an incident, and the nearest available unit for each.

The needs are data (``resources/catalogue/needs.json``): one unit of each agency of the category
(categories.json), with the capabilities that agency's unit must have (an ambulance, a fire engine),
plus what the incident's flags add (casualties: an ambulance and the police; people trapped: a rescue
unit; a person in the water: a boat). Distances are straight lines from the unit's last known
position or its station, so the ETA at a set speed is an estimate, and the UI says so. They are
measured from the incident's best position, whatever its source: from a kelurahan's centre they are
as rough as the centre (``Recommendation.position`` says which, the UI writes "~2.1 km").
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.enums import AgencyType, UnitStatus
from dispatch.domain.flags import IncidentFlag
from dispatch.domain.geo import EARTH_RADIUS_M, eta_minutes
from dispatch.domain.lifecycle import DISPATCHABLE
from dispatch.domain.positions import PlacedPosition, PositionSource
from dispatch.domain.roster import CAPABILITIES

NEEDS_VERSION = 1
DEFAULT_SPEED_KMH = 40.0
#: Other units offered per need, nearest first, should the recommended one be refused.
ALTERNATES_PER_NEED = 2
_MAX_COUNT = 10
_AGENCY_VALUES = frozenset(member.value for member in AgencyType)
_FLAG_VALUES = frozenset(member.value for member in IncidentFlag)
_CAPABILITY_SET = frozenset(CAPABILITIES)


class NeedsError(ValueError):
    """The needs data is not valid; the message names the place in the file."""


@dataclass(frozen=True, slots=True)
class Need:
    """One unit of any of ``agencies`` having any of ``capabilities`` (none listed: any unit)."""

    agencies: tuple[AgencyType, ...]
    capabilities: tuple[str, ...] = ()

    def covered_by(self, agency_type: AgencyType, capabilities: Iterable[str]) -> bool:
        if agency_type not in self.agencies:
            return False
        return not self.capabilities or any(c in self.capabilities for c in capabilities)

    @property
    def key(self) -> tuple[frozenset[AgencyType], frozenset[str]]:
        return frozenset(self.agencies), frozenset(self.capabilities)


@dataclass(frozen=True, slots=True)
class FlagNeed:
    flag: IncidentFlag
    need: Need
    count: int
    #: Only for these categories; empty: for every category.
    categories: frozenset[str]


@dataclass(frozen=True)
class NeedsTable:
    agency_capabilities: Mapping[AgencyType, tuple[str, ...]]
    category_capabilities: Mapping[str, Mapping[AgencyType, tuple[str, ...]]]
    flag_needs: tuple[FlagNeed, ...] = field(default=())

    def needs_for(
        self, catalogue: Catalogue, category: str | None, flags: Iterable[IncidentFlag]
    ) -> tuple[Need, ...]:
        """The needs in order: the category's agencies first, then what the flags add.

        A flag asking for a kind of unit already needed raises its count instead of adding to it
        (casualties in a traffic accident: still one ambulance and one police unit).
        """
        counts: dict[tuple[frozenset[AgencyType], frozenset[str]], int] = {}
        order: list[Need] = []

        def want(need: Need, count: int) -> None:
            if need.key not in counts:
                order.append(need)
                counts[need.key] = count
            else:
                counts[need.key] = max(counts[need.key], count)

        if category is not None and category in catalogue:
            overrides = self.category_capabilities.get(category, {})
            for agency in catalogue.get(category).agencies:
                capabilities = overrides.get(agency, self.agency_capabilities.get(agency, ()))
                want(Need((agency,), capabilities), 1)
        chosen = set(flags)
        for rule in self.flag_needs:
            if rule.flag in chosen and (not rule.categories or category in rule.categories):
                want(rule.need, rule.count)
        return tuple(need for need in order for _ in range(counts[need.key]))


class UnitLike(Protocol):
    """What a recommendation reads of a unit (``UnitView`` has it)."""

    @property
    def id(self) -> int: ...
    @property
    def call_sign(self) -> str: ...
    @property
    def agency_type(self) -> AgencyType: ...
    @property
    def capabilities(self) -> tuple[str, ...]: ...
    @property
    def status(self) -> UnitStatus: ...
    @property
    def active(self) -> bool: ...
    @property
    def position(self) -> tuple[float, float] | None: ...


@dataclass(frozen=True, slots=True)
class Pick:
    unit_id: int
    call_sign: str
    agency_type: AgencyType
    need: Need
    #: None when the incident or the unit has no position.
    distance_m: float | None
    eta_minutes: float | None


@dataclass(frozen=True)
class Recommendation:
    needs: tuple[Need, ...]
    #: The units to send, nearest first (those without a distance last, by agency and call sign).
    picks: tuple[Pick, ...]
    #: Needs already met by units working the incident: (need, call sign).
    covered: tuple[tuple[Need, str], ...]
    #: Needs no available unit can meet.
    unmet: tuple[Need, ...]
    #: Next-nearest units per need, in need order.
    alternates: tuple[Pick, ...]
    #: False when the incident has no position: no distances, the order is by agency and call sign.
    has_position: bool
    #: What the distances are from (its source and radius: a kelurahan's centre is a rough guess).
    position: PlacedPosition | None = None

    @property
    def unit_ids(self) -> tuple[int, ...]:
        return tuple(pick.unit_id for pick in self.picks)


def _match_assigned(needs: Sequence[Need], units: Sequence[UnitLike]) -> dict[int, int]:
    """The most needs the units working the incident can meet, one need each: unit index -> need index.

    A maximum bipartite matching (augmenting paths; a handful of units and needs), not first fit:
    with needs [ALS or BLS, ALS] and units ALS then BLS, first fit spends the ALS unit on the first
    need, leaves the BLS unit idle and asks for another ALS unit.
    """
    fits = [
        [n for n, need in enumerate(needs) if need.covered_by(unit.agency_type, unit.capabilities)]
        for unit in units
    ]
    unit_of_need: dict[int, int] = {}

    def place(u: int, tried: set[int]) -> bool:
        for n in fits[u]:
            if n in tried:
                continue
            tried.add(n)
            if n not in unit_of_need or place(unit_of_need[n], tried):
                unit_of_need[n] = u
                return True
        return False

    for u in range(len(units)):
        place(u, set())
    return {u: n for n, u in unit_of_need.items()}


def recommend(
    needs: Sequence[Need],
    units: Iterable[UnitLike],
    incident_position: PlacedPosition | tuple[float, float] | None,
    *,
    speed_kmh: float = DEFAULT_SPEED_KMH,
    assigned: Iterable[UnitLike] = (),
    alternates_per_need: int = ALTERNATES_PER_NEED,
) -> Recommendation:
    """The nearest available unit for each need; a unit meets at most one need.

    Units already working the incident (``assigned``) meet needs first. The most constrained need
    chooses first (a boat before "any SAR unit"), so that a versatile unit is not spent on a need
    that others could meet.

    ``incident_position``: the incident's position with its source, or a bare (lat, lon), taken as
    exact. Distances from an area's centre are measured the same way as from any other position.
    """
    if speed_kmh <= 0:
        raise ValueError("speed must be positive")
    placed = (
        PlacedPosition(incident_position[0], incident_position[1], PositionSource.TYPED)
        if isinstance(incident_position, tuple)
        else incident_position
    )
    working = list(assigned)
    need_of_unit = _match_assigned(needs, working)
    covered = [(needs[need_of_unit[u]], working[u].call_sign) for u in sorted(need_of_unit)]
    open_needs = [i for i in range(len(needs)) if i not in need_of_unit.values()]

    # Only units that can meet an open need are measured: the cost grows with them, not the roster.
    ranked: list[_Ranked] = []
    if placed is not None:
        lat0 = math.radians(placed.lat)
        lon0 = math.radians(placed.lon)
        cos0 = math.cos(lat0)
    open_list = [needs[i] for i in open_needs]
    wanted_agencies = {agency for need in open_list for agency in need.agencies}
    for unit in units:
        if unit.agency_type not in wanted_agencies or unit.status not in DISPATCHABLE or not unit.active:
            continue
        if not any(need.covered_by(unit.agency_type, unit.capabilities) for need in open_list):
            continue
        distance: float | None = None
        position = unit.position if placed is not None else None
        if position is not None:
            lat1 = math.radians(position[0])
            d_phi = lat1 - lat0
            d_lambda = math.radians(position[1]) - lon0
            a = math.sin(d_phi / 2) ** 2 + cos0 * math.cos(lat1) * math.sin(d_lambda / 2) ** 2
            distance = 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))
        ranked.append(
            (
                distance is None,
                0.0 if distance is None else distance,
                unit.agency_type.value,
                unit.call_sign,
                unit,
                distance,
            )
        )
    ranked.sort(key=lambda entry: entry[:4])

    candidates = {
        i: [entry for entry in ranked if needs[i].covered_by(entry[4].agency_type, entry[4].capabilities)]
        for i in open_needs
    }
    used: set[int] = set()
    chosen: dict[int, Pick] = {}
    unmet: list[int] = []
    waiting = list(open_needs)
    while waiting:
        # The need that would lose most by waiting chooses next (Vogel's rule): the gap between its
        # nearest and second-nearest free unit, a need with a single candidate first of all.
        best: tuple[float, int, int] | None = None
        for index in waiting:
            free = _first_free(candidates[index], used, 2)
            if not free:
                continue
            nearest = free[0][1] if not free[0][0] else _FAR
            second = _FAR * 2 if len(free) < 2 else (free[1][1] if not free[1][0] else _FAR)
            rank = (-(second - nearest), len(candidates[index]), index)
            if best is None or rank < best:
                best = rank
        if best is None:
            unmet.extend(waiting)
            break
        index = best[2]
        waiting.remove(index)
        entry = _first_free(candidates[index], used, 1)[0]
        used.add(entry[4].id)
        chosen[index] = _pick(entry[4], needs[index], entry[5], speed_kmh)

    alternates: list[Pick] = []
    for index in open_needs:
        offered = 0
        for entry in candidates[index]:
            if offered >= alternates_per_need:
                break
            if entry[4].id in used:
                continue
            alternates.append(_pick(entry[4], needs[index], entry[5], speed_kmh))
            offered += 1

    picks = sorted(
        chosen.values(),
        key=lambda pick: (
            pick.distance_m is None,
            pick.distance_m or 0.0,
            pick.agency_type.value,
            pick.call_sign,
        ),
    )
    return Recommendation(
        needs=tuple(needs),
        picks=tuple(picks),
        covered=tuple(covered),
        unmet=tuple(needs[i] for i in sorted(unmet)),
        alternates=tuple(alternates),
        has_position=placed is not None,
        position=placed,
    )


_FAR = 1e9  # metres: farther than anything on Earth, for a unit whose distance is unknown
_Ranked = tuple[bool, float, str, str, UnitLike, float | None]


def _first_free(entries: list[_Ranked], used: set[int], count: int) -> list[_Ranked]:
    found: list[_Ranked] = []
    for entry in entries:
        if entry[4].id not in used:
            found.append(entry)
            if len(found) == count:
                break
    return found


def _pick(unit: UnitLike, need: Need, distance: float | None, speed_kmh: float) -> Pick:
    return Pick(
        unit_id=unit.id,
        call_sign=unit.call_sign,
        agency_type=unit.agency_type,
        need=need,
        distance_m=distance,
        eta_minutes=None if distance is None else eta_minutes(distance, speed_kmh),
    )


def parse_needs(data: object, catalogue: Catalogue) -> NeedsTable:
    """Validate JSON-like ``data`` (as loaded from ``needs.json``) against the catalogue.

    Raises :class:`NeedsError` for anything wrong, never another exception.
    """
    if not isinstance(data, Mapping):
        raise NeedsError(f"needs: expected a JSON object, got {_type_name(data)}")
    version = data.get("version")
    if type(version) is not int or version != NEEDS_VERSION:
        raise NeedsError(f"needs: version: expected {NEEDS_VERSION}, got {version!r}")

    raw_agencies = data.get("agencies", {})
    agency_capabilities = _agency_map("needs: agencies", raw_agencies)

    raw_categories = data.get("categories", {})
    if not isinstance(raw_categories, Mapping):
        raise NeedsError(f"needs: categories: expected an object, got {_type_name(raw_categories)}")
    category_capabilities: dict[str, Mapping[AgencyType, tuple[str, ...]]] = {}
    for code, raw in raw_categories.items():
        where = f"needs: categories.{code}"
        if not isinstance(code, str) or code not in catalogue:
            raise NeedsError(f"{where}: no such category in the catalogue")
        mapping = _agency_map(where, raw)
        for agency in mapping:
            if agency not in catalogue.get(code).agencies:
                raise NeedsError(
                    f"{where}.{agency.value}: the category does not call that agency (categories.json)"
                )
        category_capabilities[code] = mapping

    raw_flags = data.get("flags", [])
    if not isinstance(raw_flags, list):
        raise NeedsError(f"needs: flags: expected a list, got {_type_name(raw_flags)}")
    flag_needs: list[FlagNeed] = []
    for index, raw_rule in enumerate(raw_flags):
        where = f"needs: flags[{index}]"
        if not isinstance(raw_rule, Mapping):
            raise NeedsError(f"{where}: expected an object, got {_type_name(raw_rule)}")
        flag = raw_rule.get("flag")
        if not isinstance(flag, str) or flag not in _FLAG_VALUES:
            raise NeedsError(
                f"{where}: flag: unknown flag {flag!r} (expected one of {', '.join(sorted(_FLAG_VALUES))})"
            )
        where = f"needs: flags[{index}] ({flag})"
        raw_needs = raw_rule.get("needs")
        if not isinstance(raw_needs, list) or not raw_needs:
            raise NeedsError(f"{where}: needs: expected a non-empty list")
        for position, raw_need in enumerate(raw_needs):
            flag_needs.append(
                _flag_need(f"{where}: needs[{position}]", IncidentFlag(flag), raw_need, catalogue)
            )
    return NeedsTable(agency_capabilities, category_capabilities, tuple(flag_needs))


def _flag_need(where: str, flag: IncidentFlag, raw: object, catalogue: Catalogue) -> FlagNeed:
    if not isinstance(raw, Mapping):
        raise NeedsError(f"{where}: expected an object, got {_type_name(raw)}")
    raw_agencies = raw.get("agencies")
    if not isinstance(raw_agencies, list) or not raw_agencies:
        raise NeedsError(f"{where}: agencies: expected a non-empty list of agency types")
    agencies: list[AgencyType] = []
    for position, agency in enumerate(raw_agencies):
        if not isinstance(agency, str) or agency not in _AGENCY_VALUES:
            raise NeedsError(
                f"{where}: agencies[{position}]: unknown agency {agency!r} "
                f"(expected one of {', '.join(member.value for member in AgencyType)})"
            )
        if AgencyType(agency) in agencies:
            raise NeedsError(f"{where}: agencies[{position}]: {agency!r} is listed twice")
        agencies.append(AgencyType(agency))
    capabilities = _capabilities(f"{where}: capabilities", raw.get("capabilities", []))
    count = raw.get("count", 1)
    if type(count) is not int or not 1 <= count <= _MAX_COUNT:
        raise NeedsError(f"{where}: count: expected a whole number 1..{_MAX_COUNT}, got {count!r}")
    raw_categories = raw.get("categories", [])
    if not isinstance(raw_categories, list):
        raise NeedsError(f"{where}: categories: expected a list of category codes")
    for position, code in enumerate(raw_categories):
        if not isinstance(code, str) or code not in catalogue:
            raise NeedsError(f"{where}: categories[{position}]: no such category {code!r} in the catalogue")
    return FlagNeed(flag, Need(tuple(agencies), capabilities), count, frozenset(raw_categories))


def _agency_map(where: str, raw: object) -> dict[AgencyType, tuple[str, ...]]:
    if not isinstance(raw, Mapping):
        raise NeedsError(f"{where}: expected an object of agency: capabilities, got {_type_name(raw)}")
    mapping: dict[AgencyType, tuple[str, ...]] = {}
    for agency, capabilities in raw.items():
        if not isinstance(agency, str) or agency not in _AGENCY_VALUES:
            raise NeedsError(
                f"{where}: unknown agency {agency!r} "
                f"(expected one of {', '.join(member.value for member in AgencyType)})"
            )
        mapping[AgencyType(agency)] = _capabilities(f"{where}.{agency}", capabilities)
    return mapping


def _capabilities(where: str, raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise NeedsError(f"{where}: expected a list of capabilities, got {_type_name(raw)}")
    found: list[str] = []
    for position, capability in enumerate(raw):
        if not isinstance(capability, str) or capability not in _CAPABILITY_SET:
            raise NeedsError(
                f"{where}[{position}]: unknown capability {capability!r} "
                f"(expected one of {', '.join(CAPABILITIES)})"
            )
        if capability in found:
            raise NeedsError(f"{where}[{position}]: {capability!r} is listed twice")
        found.append(capability)
    return tuple(found)


def _type_name(value: object) -> str:
    if value is None:
        return "nothing"
    return type(value).__name__
