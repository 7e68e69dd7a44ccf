"""A roster of units as shipped or imported data (call sign, agency, station, capabilities).

This is the specification of a unit, not its live status; the store keeps status history. File I/O is
in :mod:`dispatch.catalogue_files`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from dispatch.domain.enums import AgencyType
from dispatch.domain.typed_fields import has_control_characters, yes_or_no

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

#: The fields of a unit as typed in the roster form or a CSV column, in display order.
UNIT_FIELDS: tuple[str, ...] = (
    "call_sign",
    "agency_type",
    "agency_name",
    "station",
    "lat",
    "lon",
    "capabilities",
    "radio",
    "phone",
    "active",
)
#: Longest text each field may hold (the columns of ``units``).
FIELD_LIMITS: Mapping[str, int] = {
    "call_sign": _MAX_CALL_SIGN,
    "agency_name": 200,
    "station": 200,
    "radio": 100,
    "phone": 64,
}
_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?$")
_PHONE = re.compile(r"^[0-9+()\-. ]+$")
#: Between capabilities in one text cell (a CSV column, the form).
CAPABILITY_SEPARATORS = re.compile(r"[;|]")


class RosterError(ValueError):
    """The roster data is not valid; the message names the unit and the field."""


class UnitProblem(StrEnum):
    """Why a typed field of a unit was refused; the UI turns these into words."""

    MISSING = "missing"
    TOO_LONG = "too_long"
    CONTROL_CHARACTERS = "control_characters"
    UNKNOWN_AGENCY = "unknown_agency"
    NOT_A_NUMBER = "not_a_number"
    OUT_OF_RANGE = "out_of_range"
    HALF_POSITION = "half_position"
    UNKNOWN_CAPABILITY = "unknown_capability"
    REPEATED_CAPABILITY = "repeated_capability"
    NOT_A_PHONE_NUMBER = "not_a_phone_number"
    NOT_YES_OR_NO = "not_yes_or_no"
    DUPLICATE_CALL_SIGN = "duplicate_call_sign"


#: English reasons, for logs and exported reports; the UI has its own translated words.
PROBLEM_TEXT: Mapping[UnitProblem, str] = {
    UnitProblem.MISSING: "required, but empty",
    UnitProblem.TOO_LONG: "too long",
    UnitProblem.CONTROL_CHARACTERS: "contains control characters",
    UnitProblem.UNKNOWN_AGENCY: "unknown agency type (police, fire, medical, sar, disaster, utility, "
    "transport, social)",
    UnitProblem.NOT_A_NUMBER: "not a decimal number (use a dot: -6.9893)",
    UnitProblem.OUT_OF_RANGE: "outside the valid range (latitude -90..90, longitude -180..180)",
    UnitProblem.HALF_POSITION: "give both latitude and longitude, or neither",
    UnitProblem.UNKNOWN_CAPABILITY: "unknown capability",
    UnitProblem.REPEATED_CAPABILITY: "capability listed twice",
    UnitProblem.NOT_A_PHONE_NUMBER: "not a phone number (digits, spaces, + - ( ) only)",
    UnitProblem.NOT_YES_OR_NO: "not yes or no",
    UnitProblem.DUPLICATE_CALL_SIGN: "call sign already used by an earlier row",
}


@dataclass(frozen=True, slots=True)
class FieldIssue:
    field: str
    problem: UnitProblem
    #: The offending text (the capability word, the number as typed).
    value: str = ""

    @property
    def reason(self) -> str:
        return PROBLEM_TEXT[self.problem] + (f": {self.value!r}" if self.value else "")


class UnitRejected(RosterError):
    """Typed unit fields that cannot make a unit; every field's problem at once (for the form)."""

    def __init__(self, issues: tuple[FieldIssue, ...]) -> None:
        super().__init__("; ".join(f"{issue.field}: {issue.reason}" for issue in issues))
        self.issues = issues

    def by_field(self) -> dict[str, FieldIssue]:
        """The first problem of each field."""
        found: dict[str, FieldIssue] = {}
        for issue in self.issues:
            found.setdefault(issue.field, issue)
        return found


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
    phone: str = ""
    #: An inactive unit stays on record (history, reports) but is not shown or sent.
    active: bool = True

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None

    def can(self, capability: str) -> bool:
        return capability in self.capabilities


def unit_from_text(fields: Mapping[str, str]) -> UnitSpec:
    """A unit from typed text (the roster form, a CSV row); a missing key is an empty field.

    Raises :class:`UnitRejected` listing the problem of every refused field.
    """
    issues: list[FieldIssue] = []

    def text(name: str, required: bool = False) -> str:
        value = fields.get(name, "").strip()
        if required and not value:
            issues.append(FieldIssue(name, UnitProblem.MISSING))
        elif len(value) > FIELD_LIMITS.get(name, 10_000):
            issues.append(FieldIssue(name, UnitProblem.TOO_LONG))
        elif has_control_characters(value):
            issues.append(FieldIssue(name, UnitProblem.CONTROL_CHARACTERS))
        return value

    call_sign = text("call_sign", required=True)
    agency_name = text("agency_name", required=True)
    station = text("station")
    radio = text("radio")
    phone = text("phone")
    if phone and (not _PHONE.match(phone) or sum(c.isdigit() for c in phone) < 3):
        issues.append(FieldIssue("phone", UnitProblem.NOT_A_PHONE_NUMBER, phone))

    agency_text = fields.get("agency_type", "").strip().lower()
    agency_type: AgencyType | None = None
    if not agency_text:
        issues.append(FieldIssue("agency_type", UnitProblem.MISSING))
    elif agency_text not in _AGENCY_VALUES:
        issues.append(FieldIssue("agency_type", UnitProblem.UNKNOWN_AGENCY, agency_text[:40]))
    else:
        agency_type = AgencyType(agency_text)

    lat = _typed_coordinate("lat", fields.get("lat", ""), 90.0, issues)
    lon = _typed_coordinate("lon", fields.get("lon", ""), 180.0, issues)
    lat_given = bool(fields.get("lat", "").strip())
    lon_given = bool(fields.get("lon", "").strip())
    if lat_given != lon_given:
        issues.append(FieldIssue("lon" if lat_given else "lat", UnitProblem.HALF_POSITION))

    capabilities: list[str] = []
    for word in CAPABILITY_SEPARATORS.split(fields.get("capabilities", "")):
        capability = word.strip().lower()
        if not capability:
            continue
        if capability not in _CAPABILITY_SET:
            issues.append(FieldIssue("capabilities", UnitProblem.UNKNOWN_CAPABILITY, word.strip()[:40]))
        elif capability in capabilities:
            issues.append(FieldIssue("capabilities", UnitProblem.REPEATED_CAPABILITY, capability))
        else:
            capabilities.append(capability)

    active_text = fields.get("active", "").strip().lower()
    active = yes_or_no(active_text)
    if active is None:
        issues.append(FieldIssue("active", UnitProblem.NOT_YES_OR_NO, active_text[:20]))

    if issues or agency_type is None:
        raise UnitRejected(tuple(issues))
    return UnitSpec(
        call_sign=call_sign,
        agency_type=agency_type,
        agency_name=agency_name,
        station=station,
        lat=lat if lon is not None else None,
        lon=lon if lat is not None else None,
        capabilities=tuple(capabilities),
        radio=radio,
        phone=phone,
        active=active is not False,
    )


def unit_to_text(unit: UnitSpec) -> dict[str, str]:
    """The inverse of :func:`unit_from_text`: ``unit_from_text(unit_to_text(u)) == u``."""
    return {
        "call_sign": unit.call_sign,
        "agency_type": unit.agency_type.value,
        "agency_name": unit.agency_name,
        "station": unit.station,
        # repr is the shortest text that reads back as the same float.
        "lat": "" if unit.lat is None else repr(unit.lat),
        "lon": "" if unit.lon is None else repr(unit.lon),
        "capabilities": ";".join(unit.capabilities),
        "radio": unit.radio,
        "phone": unit.phone,
        "active": "yes" if unit.active else "no",
    }


def _typed_coordinate(name: str, typed: str, limit: float, issues: list[FieldIssue]) -> float | None:
    value = typed.strip()
    if not value:
        return None
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")  # a decimal comma, as Indonesian Excel writes it
    if not _NUMBER.match(value):
        issues.append(FieldIssue(name, UnitProblem.NOT_A_NUMBER, typed.strip()[:40]))
        return None
    number = float(value)
    if not math.isfinite(number) or not -limit <= number <= limit:
        issues.append(FieldIssue(name, UnitProblem.OUT_OF_RANGE, typed.strip()[:40]))
        return None
    return number


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
    phone = _optional_text(where, raw, "phone")
    active = raw.get("active", True)
    if not isinstance(active, bool):
        raise RosterError(f"{where}: active: expected true or false, got {_type_name(active)}")

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
        phone=phone,
        active=active,
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
