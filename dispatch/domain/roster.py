"""A roster of units as shipped or imported data (call sign, agency, station, capabilities).

This is the specification of a unit, not its live status; the store keeps status history. File I/O is
in :mod:`dispatch.catalogue_files`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from dispatch.domain.enums import AgencyType

ROSTER_VERSION = 1

#: The fixed vocabulary of what a unit can do.
CAPABILITIES: tuple[str, ...] = (
    "patrol",
    "ambulance_bls",
    "ambulance_als",
    "fire_engine",
    "rescue",
    "water_tanker",
    "boat",
    "hearse",
    "tow",
    "utility_crew",
    "social_outreach",
)
_CAPABILITY_SET = frozenset(CAPABILITIES)
_AGENCY_VALUES = frozenset(member.value for member in AgencyType)
_MAX_CALL_SIGN = 32


class RosterError(ValueError):
    """The roster data is not valid; the message names the unit and the field."""


@dataclass(frozen=True, slots=True)
class UnitSpec:
    call_sign: str
    agency_type: AgencyType
    agency_name: str
    station: str
    lat: float | None
    lon: float | None
    capabilities: tuple[str, ...]
    radio: str

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None

    def can(self, capability: str) -> bool:
        return capability in self.capabilities


def parse_roster(data: object) -> tuple[UnitSpec, ...]:
    """Validate JSON-like ``data`` into unit specifications, in file order.

    ``data`` is either an object with a ``units`` list (as in ``resources/roster/*.json``) or the list
    itself. Raises :class:`RosterError` for anything wrong, never another exception.
    """
    if isinstance(data, Mapping):
        version = data.get("version", ROSTER_VERSION)
        if type(version) is not int or version != ROSTER_VERSION:
            raise RosterError(f"roster: version: expected {ROSTER_VERSION}, got {version!r}")
        raw_units = data.get("units")
    else:
        raw_units = data
    if not isinstance(raw_units, list):
        raise RosterError(f"roster: units: expected a list, got {_type_name(raw_units)}")
    units: list[UnitSpec] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_units):
        unit = _parse_unit(index, raw)
        key = unit.call_sign.casefold()
        if key in seen:
            raise RosterError(f"unit #{index} ({unit.call_sign}): call_sign: duplicate of unit #{seen[key]}")
        seen[key] = index
        units.append(unit)
    return tuple(units)


def _parse_unit(index: int, raw: object) -> UnitSpec:
    where = f"unit #{index}"
    if not isinstance(raw, Mapping):
        raise RosterError(f"{where}: expected a JSON object, got {_type_name(raw)}")
    call_sign = raw.get("call_sign")
    if not isinstance(call_sign, str) or not call_sign.strip():
        raise RosterError(f"{where}: call_sign: missing or empty")
    call_sign = call_sign.strip()
    if len(call_sign) > _MAX_CALL_SIGN:
        raise RosterError(f"{where}: call_sign: longer than {_MAX_CALL_SIGN} characters")
    where = f"unit #{index} ({call_sign})"

    agency_type = raw.get("agency_type")
    if not isinstance(agency_type, str) or agency_type not in _AGENCY_VALUES:
        raise RosterError(
            f"{where}: agency_type: unknown agency type {agency_type!r} "
            f"(expected one of {', '.join(member.value for member in AgencyType)})"
        )

    agency_name = raw.get("agency_name")
    if not isinstance(agency_name, str) or not agency_name.strip():
        raise RosterError(f"{where}: agency_name: missing or empty")

    station = _optional_text(where, raw, "station")
    radio = _optional_text(where, raw, "radio")

    lat = _coordinate(where, raw, "lat", 90.0)
    lon = _coordinate(where, raw, "lon", 180.0)
    if (lat is None) != (lon is None):
        raise RosterError(f"{where}: lat/lon: give both or neither")

    raw_capabilities = raw.get("capabilities", [])
    if not isinstance(raw_capabilities, list):
        raise RosterError(f"{where}: capabilities: expected a list, got {_type_name(raw_capabilities)}")
    capabilities: list[str] = []
    for position, capability in enumerate(raw_capabilities):
        if not isinstance(capability, str) or capability not in _CAPABILITY_SET:
            raise RosterError(
                f"{where}: capabilities[{position}]: unknown capability {capability!r} "
                f"(expected one of {', '.join(CAPABILITIES)})"
            )
        if capability in capabilities:
            raise RosterError(f"{where}: capabilities[{position}]: {capability!r} is listed twice")
        capabilities.append(capability)

    return UnitSpec(
        call_sign=call_sign,
        agency_type=AgencyType(agency_type),
        agency_name=agency_name.strip(),
        station=station,
        lat=lat,
        lon=lon,
        capabilities=tuple(capabilities),
        radio=radio,
    )


def _optional_text(where: str, raw: Mapping[object, object], name: str) -> str:
    value = raw.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RosterError(f"{where}: {name}: expected a string, got {_type_name(value)}")
    return value.strip()


def _coordinate(where: str, raw: Mapping[object, object], name: str, limit: float) -> float | None:
    value = raw.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RosterError(f"{where}: {name}: expected a number, got {_type_name(value)}")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number) or not -limit <= number <= limit:
        raise RosterError(f"{where}: {name}: {value!r} is outside -{limit:g}..{limit:g}")
    return number


def _type_name(value: object) -> str:
    if value is None:
        return "nothing"
    return type(value).__name__
