"""The agency directory: who handles what, where, and how the centre reaches them.

A supervisor keeps it as data (the editor, or a CSV file like the roster's). Pure: the agency's
specification, its validation from typed text, and the choice of agencies an incident's category and
area call for (the kecamatan's Polsek rather than the kota's Polrestabes).

Areas are Kemendagri codes ("33.74" a kota, "33.74.10" a kecamatan, "33.74.10.1001" a village); an
agency covers an area and everything inside it, and the most specific cover wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from dispatch.domain.enums import AgencyType
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.typed_fields import FieldReader, yes_or_no


class AgencyReach(StrEnum):
    """How the centre works with an agency (``agencies.reach``)."""

    FORWARD = "forward"  # told by phone, radio or message; it sends its own people
    ROOM = "room"  # its liaison sits in the room and sends its units on the roster


#: The fields of an agency as typed in the directory form or a CSV column, in display order.
AGENCY_FIELDS: tuple[str, ...] = (
    "code",
    "name",
    "agency_type",
    "reach",
    "areas",
    "categories",
    "phones",
    "radio",
    "sms_number",
    "hours",
    "ack_limit",
    "note",
    "active",
)
#: Longest text each field may hold (the columns of ``agencies``; lists as stored, ";" between).
FIELD_LIMITS: Mapping[str, int] = {
    "code": 32,
    "name": 200,
    "areas": 1000,
    "categories": 300,
    "phones": 200,
    "radio": 100,
    "sms_number": 64,
    "hours": 100,
    "note": 1000,
}
#: The acknowledgement limit: half a minute at least (a phone call takes that), a day at most.
ACK_LIMIT_RANGE = (30, 24 * 3600)
DEFAULT_ACK_LIMIT_S = 300

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_AREA_CODE = re.compile(r"^[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?$")
_PHONE = re.compile(r"^[0-9+()\-. ]+$")
#: Between the items of a list typed in one cell: areas and categories also take commas and spaces.
_LIST_SEPARATORS = re.compile(r"[;|,\s]+")
#: Phone numbers hold spaces and dashes, so only these separate them ("024-123 / 024-456").
_PHONE_SEPARATORS = re.compile(r"[;|,/]")
_DURATION_PART = re.compile(r"([0-9]{1,6})\s*([a-z]*)")
_DURATION_UNITS: Mapping[str, int] = {
    "": 60,  # a bare number is minutes, as the form's label says
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "dtk": 1,
    "detik": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "mnt": 60,
    "menit": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "j": 3600,
    "jam": 3600,
}
_AGENCY_VALUES = frozenset(member.value for member in AgencyType)
_REACH_VALUES = frozenset(member.value for member in AgencyReach)


class AgencyProblem(StrEnum):
    """Why a typed field of an agency was refused; the UI turns these into words."""

    MISSING = "missing"
    TOO_LONG = "too_long"
    CONTROL_CHARACTERS = "control_characters"
    NOT_A_CODE = "not_a_code"
    UNKNOWN_TYPE = "unknown_type"
    UNKNOWN_REACH = "unknown_reach"
    NOT_AN_AREA_CODE = "not_an_area_code"
    UNKNOWN_AREA = "unknown_area"
    UNKNOWN_CATEGORY = "unknown_category"
    REPEATED = "repeated"
    NOT_A_PHONE = "not_a_phone"
    NOT_AN_SMS_NUMBER = "not_an_sms_number"
    NOT_A_DURATION = "not_a_duration"
    OUT_OF_RANGE = "out_of_range"
    NOT_YES_OR_NO = "not_yes_or_no"
    DUPLICATE_CODE = "duplicate_code"


#: English reasons, for logs and exported reports; the UI has its own translated words.
PROBLEM_TEXT: Mapping[AgencyProblem, str] = {
    AgencyProblem.MISSING: "required, but empty",
    AgencyProblem.TOO_LONG: "too long",
    AgencyProblem.CONTROL_CHARACTERS: "contains control characters",
    AgencyProblem.NOT_A_CODE: "letters, digits, '.', '_' and '-' only (DAMKAR-SMG)",
    AgencyProblem.UNKNOWN_TYPE: "unknown agency type (police, fire, medical, sar, disaster, utility, "
    "transport, social)",
    AgencyProblem.UNKNOWN_REACH: "unknown reach (forward, room)",
    AgencyProblem.NOT_AN_AREA_CODE: "not a Kemendagri area code (33.74 or 33.74.10)",
    AgencyProblem.UNKNOWN_AREA: "no such area",
    AgencyProblem.UNKNOWN_CATEGORY: "no such incident category",
    AgencyProblem.REPEATED: "listed twice",
    AgencyProblem.NOT_A_PHONE: "not a phone number (digits, spaces, + - ( ) only)",
    AgencyProblem.NOT_AN_SMS_NUMBER: "not a number an SMS can be sent to (0812-3456-7890)",
    AgencyProblem.NOT_A_DURATION: "not a duration (5 min, 90 s, 1 h)",
    AgencyProblem.OUT_OF_RANGE: "outside 30 seconds .. 24 hours",
    AgencyProblem.NOT_YES_OR_NO: "not yes or no",
    AgencyProblem.DUPLICATE_CODE: "code already used by an earlier row",
}


class AgencyRejected(ValueError):
    """Typed agency fields that cannot make an agency; every field's problem at once (for the form).

    ``problems`` holds the first problem of each field, ``values`` the offending text where one
    item of a list was refused (the area code, the phone number).
    """

    def __init__(
        self, problems: Mapping[str, AgencyProblem], values: Mapping[str, str] | None = None
    ) -> None:
        self.problems: dict[str, AgencyProblem] = dict(problems)
        self.values: dict[str, str] = dict(values or {})
        super().__init__("; ".join(f"{name}: {self.reason(name)}" for name in self.problems))

    def reason(self, name: str) -> str:
        """The English reason for field ``name`` (with the offending text)."""
        value = self.values.get(name, "")
        return PROBLEM_TEXT[self.problems[name]] + (f": {value!r}" if value else "")


@dataclass(frozen=True, slots=True)
class AgencySpec:
    code: str
    name: str
    agency_type: AgencyType
    reach: AgencyReach
    #: Kemendagri codes: "33.74" a kota, "33.74.10" a kecamatan, a village.
    areas: tuple[str, ...] = ()
    #: Category codes it takes; () = those whose catalogue agencies name its type.
    categories: tuple[str, ...] = ()
    #: Duty numbers, in the order to try.
    phones: tuple[str, ...] = ()
    radio: str = ""
    sms_number: str = ""
    hours: str = ""
    #: Seconds it may take to acknowledge a forwarding (30 s .. 24 h).
    ack_limit_s: int = DEFAULT_ACK_LIMIT_S
    note: str = ""
    #: An inactive agency stays on record (its forwardings) but is not offered.
    active: bool = True

    def takes(self, category: str, category_agencies: Sequence[AgencyType]) -> bool:
        """Whether it handles ``category`` (whose catalogue entry names ``category_agencies``)."""
        if self.categories:
            return category in self.categories
        return self.agency_type in category_agencies


def agency_from_text(
    fields: Mapping[str, str],
    *,
    known_area: Callable[[str], bool],
    known_category: Callable[[str], bool],
) -> AgencySpec:
    """An agency from typed text (the directory form, a CSV row); a missing key is an empty field.

    Raises :class:`AgencyRejected` naming the problem of every refused field. Lists (areas,
    categories, phones) are read from one cell each; an empty reach is "forward", an empty
    acknowledgement limit 5 minutes, an empty "active" yes.
    """
    reader = FieldReader(
        fields,
        FIELD_LIMITS,
        missing=AgencyProblem.MISSING,
        too_long=AgencyProblem.TOO_LONG,
        control_characters=AgencyProblem.CONTROL_CHARACTERS,
    )
    problems, values, refuse, text = reader.problems, reader.values, reader.refuse, reader.text

    code = text("code", required=True)
    if "code" not in problems and not _CODE.match(code):
        refuse("code", AgencyProblem.NOT_A_CODE, code)
    name = text("name", required=True)
    radio = text("radio")
    hours = text("hours")
    note = text("note")

    agency_type = _choice(fields, "agency_type", _AGENCY_VALUES, AgencyProblem.UNKNOWN_TYPE, refuse, "")
    reach = _choice(fields, "reach", _REACH_VALUES, AgencyProblem.UNKNOWN_REACH, refuse, AgencyReach.FORWARD)

    areas: list[str] = []
    for item in _items(fields.get("areas", ""), _LIST_SEPARATORS):
        if not _AREA_CODE.match(item):
            refuse("areas", AgencyProblem.NOT_AN_AREA_CODE, item)
        elif item in areas:
            refuse("areas", AgencyProblem.REPEATED, item)
        elif not known_area(item):
            refuse("areas", AgencyProblem.UNKNOWN_AREA, item)
        else:
            areas.append(item)
    if len(";".join(areas)) > FIELD_LIMITS["areas"]:
        refuse("areas", AgencyProblem.TOO_LONG)

    categories: list[str] = []
    for item in _items(fields.get("categories", ""), _LIST_SEPARATORS):
        category = item.upper()
        if category in categories:
            refuse("categories", AgencyProblem.REPEATED, item)
        elif not category.isascii() or not known_category(category):
            refuse("categories", AgencyProblem.UNKNOWN_CATEGORY, item)
        else:
            categories.append(category)
    if len(";".join(categories)) > FIELD_LIMITS["categories"]:
        refuse("categories", AgencyProblem.TOO_LONG)

    phones: list[str] = []
    for item in _items(fields.get("phones", ""), _PHONE_SEPARATORS):
        phone = " ".join(item.split())
        if not _is_phone(phone):
            refuse("phones", AgencyProblem.NOT_A_PHONE, item)
        elif phone in phones:
            refuse("phones", AgencyProblem.REPEATED, item)
        else:
            phones.append(phone)
    if len(";".join(phones)) > FIELD_LIMITS["phones"]:
        refuse("phones", AgencyProblem.TOO_LONG)

    sms_number = text("sms_number")
    if (
        sms_number
        and "sms_number" not in problems
        and (not _is_phone(sms_number) or parse_caller_number(sms_number, describe=False).e164 is None)
    ):
        refuse("sms_number", AgencyProblem.NOT_AN_SMS_NUMBER, sms_number)

    ack_limit_s = DEFAULT_ACK_LIMIT_S
    ack_text = fields.get("ack_limit", "").strip()
    if ack_text:
        seconds = parse_duration(ack_text)
        if seconds is None:
            refuse("ack_limit", AgencyProblem.NOT_A_DURATION, ack_text)
        elif not ACK_LIMIT_RANGE[0] <= seconds <= ACK_LIMIT_RANGE[1]:
            refuse("ack_limit", AgencyProblem.OUT_OF_RANGE, ack_text)
        else:
            ack_limit_s = seconds

    active_text = fields.get("active", "").strip().lower()
    active = yes_or_no(active_text)
    if active is None:
        refuse("active", AgencyProblem.NOT_YES_OR_NO, active_text)

    if problems or agency_type is None or reach is None:
        raise AgencyRejected(problems, values)
    return AgencySpec(
        code=code,
        name=name,
        agency_type=AgencyType(agency_type),
        reach=AgencyReach(reach),
        areas=tuple(areas),
        categories=tuple(categories),
        phones=tuple(phones),
        radio=radio,
        sms_number=sms_number,
        hours=hours,
        ack_limit_s=ack_limit_s,
        note=note,
        active=active is not False,
    )


def agency_to_text(spec: AgencySpec) -> dict[str, str]:
    """The inverse of :func:`agency_from_text` for every valid spec (what export and the form show)."""
    return {
        "code": spec.code,
        "name": spec.name,
        "agency_type": spec.agency_type.value,
        "reach": spec.reach.value,
        "areas": ";".join(spec.areas),
        "categories": ";".join(spec.categories),
        "phones": ";".join(spec.phones),
        "radio": spec.radio,
        "sms_number": spec.sms_number,
        "hours": spec.hours,
        "ack_limit": format_duration(spec.ack_limit_s),
        "note": spec.note,
        "active": "yes" if spec.active else "no",
    }


def parse_duration(text: str) -> int | None:
    """Seconds in "5 min", "90s", "1h 30m", "2 jam", "45 detik"; a bare number is minutes.

    None for anything else (a unit given twice, an unknown unit, a sign, a fraction).
    """
    rest = text.strip().lower()
    if not rest:
        return None
    total = 0
    used: set[int] = set()
    while rest:
        match = _DURATION_PART.match(rest)
        if match is None or match.end() == 0:
            return None
        unit = match.group(2)
        if unit not in _DURATION_UNITS:
            return None
        size = _DURATION_UNITS[unit]
        rest = rest[match.end() :].lstrip()
        if size in used or (not unit and (used or rest)):
            return None  # "5m 3m", or a bare number beside a unit ("1h 30": 30 what?)
        used.add(size)
        total += int(match.group(1)) * size
    return total


def format_duration(seconds: int) -> str:
    """``seconds`` as :func:`parse_duration` reads it back: "5m", "90s" -> "1m30s", "1h".

    Non-positive ``seconds`` (never a valid limit) gives "0s".
    """
    if seconds <= 0:
        return "0s"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{value}{unit}" for value, unit in ((hours, "h"), (minutes, "m"), (secs, "s")) if value]
    return "".join(parts)


def coverage(areas: Sequence[str], area_code: str) -> int:
    """How specifically ``areas`` cover ``area_code``: the parts of the longest covering area.

    4 a village, 3 a kecamatan, 2 a kota or kabupaten, 1 a province; 0 when none covers it (an
    area covers itself and everything inside it: "33.74" covers "33.74.10.1001", not "33.7").
    """
    if not area_code:
        return 0
    best = 0
    for area in areas:
        if area and (area_code == area or area_code.startswith(area + ".")):
            best = max(best, area.count(".") + 1)
    return best


@dataclass(frozen=True, slots=True)
class ForwardChoice:
    """An agency to tell about an incident, and why it was chosen."""

    agency_id: int
    spec: AgencySpec
    #: The need it answers.
    agency_type: AgencyType
    #: As :func:`coverage`; 0 = covers the centre's area only (the incident has no area).
    coverage: int


def choose_agencies(
    agencies: Sequence[tuple[int, AgencySpec]],
    category: str | None,
    area_code: str,
    category_agencies: Sequence[AgencyType],
    centre_area: str = "",
) -> list[ForwardChoice]:
    """The agencies an incident of ``category`` in ``area_code`` should be forwarded to.

    For each agency type the category calls for (``category_agencies``, the catalogue's order),
    then the types of agencies that name the category explicitly (in :class:`AgencyType` order):
    the active agencies of that type that take the category and cover the area most specifically
    (the kecamatan's Polsek, not the kota's Polrestabes; the kota's when the kecamatan has none).
    Several agencies equally specific are all chosen, by name. An incident without an area is
    matched on ``centre_area`` and its choices have coverage 0. Both reaches are chosen (a ROOM
    agency's units are sent from the roster). No category: nothing.
    """
    if not category:
        return []
    place = area_code or centre_area
    best: dict[AgencyType, tuple[int, list[tuple[int, AgencySpec]]]] = {}
    for agency_id, spec in agencies:
        if not spec.active or not spec.takes(category, category_agencies):
            continue
        level = coverage(spec.areas, place)
        if level == 0:
            continue
        found = best.get(spec.agency_type)
        if found is None or level > found[0]:
            best[spec.agency_type] = (level, [(agency_id, spec)])
        elif level == found[0]:
            found[1].append((agency_id, spec))
    needs = list(dict.fromkeys(category_agencies))
    needs.extend(member for member in AgencyType if member in best and member not in needs)
    choices: list[ForwardChoice] = []
    for need in needs:
        if need not in best:
            continue
        level, chosen = best[need]
        chosen.sort(key=lambda item: (item[1].name.casefold(), item[0]))
        choices.extend(
            ForwardChoice(agency_id, spec, need, level if area_code else 0) for agency_id, spec in chosen
        )
    return choices


def _choice(
    fields: Mapping[str, str],
    name: str,
    allowed: frozenset[str],
    unknown: AgencyProblem,
    refuse: Callable[[str, AgencyProblem, str], None],
    default: str,
) -> str | None:
    value = fields.get(name, "").strip().lower()
    if not value:
        if default:
            return default
        refuse(name, AgencyProblem.MISSING, "")
        return None
    if value not in allowed:
        refuse(name, unknown, value)
        return None
    return value


def _items(cell: str, separators: re.Pattern[str]) -> list[str]:
    return [item.strip() for item in separators.split(cell) if item.strip()]


def _is_phone(text: str) -> bool:
    return bool(_PHONE.match(text)) and sum(c.isdigit() for c in text) >= 3 and len(text) <= 64


AGENCY_FILE_VERSION = 1


class AgencyFileError(ValueError):
    """A shipped directory file (``resources/agencies/*.json``) is not valid; names the entry."""


def parse_agency_list(
    data: object,
    *,
    known_area: Callable[[str], bool],
    known_category: Callable[[str], bool],
) -> tuple[AgencySpec, ...]:
    """The agencies of a JSON-like directory file, in file order.

    ``data`` is an object with ``version`` and an ``agencies`` list; each entry holds the fields of
    :data:`AGENCY_FIELDS` as text (areas, categories and phones may be lists, ``active`` a boolean),
    checked as the form checks them. Raises :class:`AgencyFileError`, never another exception.
    """
    if not isinstance(data, Mapping):
        raise AgencyFileError("directory: expected a JSON object")
    version = data.get("version")
    if type(version) is not int or version != AGENCY_FILE_VERSION:
        raise AgencyFileError(f"directory: version: expected {AGENCY_FILE_VERSION}, got {version!r}")
    entries = data.get("agencies")
    if not isinstance(entries, list):
        raise AgencyFileError("directory: agencies: expected a list")
    specs: list[AgencySpec] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        where = f"agency #{index}"
        if not isinstance(entry, Mapping):
            raise AgencyFileError(f"{where}: expected a JSON object")
        fields: dict[str, str] = {}
        for name, value in entry.items():
            if name not in AGENCY_FIELDS:
                raise AgencyFileError(f"{where}: {name!s}: unknown field")
            if isinstance(value, bool):
                fields[name] = "yes" if value else "no"
            elif isinstance(value, str):
                fields[name] = value
            elif isinstance(value, list) and all(isinstance(item, str) for item in value):
                fields[name] = ";".join(value)
            else:
                raise AgencyFileError(f"{where}: {name}: expected text, a list of texts or true/false")
        try:
            spec = agency_from_text(fields, known_area=known_area, known_category=known_category)
        except AgencyRejected as rejected:
            raise AgencyFileError(f"{where} ({fields.get('code', '')}): {rejected}") from rejected
        if spec.code.casefold() in seen:
            raise AgencyFileError(
                f"{where} ({spec.code}): code: {PROBLEM_TEXT[AgencyProblem.DUPLICATE_CODE]}"
            )
        seen.add(spec.code.casefold())
        specs.append(spec)
    return tuple(specs)
