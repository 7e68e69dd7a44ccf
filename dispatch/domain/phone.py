"""Caller numbers, parsed once at the feed into a frozen value object.

DOMAIN.md's gotchas are handled here and nowhere else: withheld markers, ``0062`` prefixes, letters
that phonenumbers would silently drop, and short emergency numbers that are not "valid" numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneMetadata, PhoneNumberFormat, PhoneNumberType
from phonenumbers.shortnumberinfo import is_emergency_number

from dispatch.domain.enums import Presentation
from dispatch.domain.phone_names import phone_names

DEFAULT_REGION = "ID"

_PRIVATE_MARKERS = frozenset({"P", "PRIVATE", "ANONYMOUS", "WITHHELD", "RESTRICTED"})
_UNAVAILABLE_MARKERS = frozenset(
    {"", "O", "OUT-OF-AREA", "UNAVAILABLE", "UNKNOWN", "<UNKNOWN>", "NO-NUMBER", "NONE", "-"}
)
# A number may start with "+" or an area code in brackets ("(024) 8311234", our own display form).
_DIALLABLE = re.compile(r"^\+?[0-9(][0-9 ()./-]*$")
_NOT_DIGIT = re.compile(r"[^0-9+]")


@dataclass(frozen=True, slots=True)
class CallerNumber:
    """A number as it arrived and as the console understands it.

    ``e164`` is set only when phonenumbers finds the number valid for the region; ``raw`` is always
    exactly what the feed delivered.
    """

    raw: str
    e164: str | None
    presentation: Presentation
    description: str = ""

    @property
    def national(self) -> str:
        """The number as a call-taker would dial it back (``0812-3456-7890``)."""
        if self.e164 is None:
            return self.raw
        return format_national(self.e164)

    @property
    def lookup_key(self) -> str:
        """What caller history is searched by: the E.164 form, else the digits as received."""
        return self.e164 or self.raw


def parse_caller_number(raw: str, region: str = DEFAULT_REGION, *, describe: bool = True) -> CallerNumber:
    """``raw`` as the console understands it; ``describe=False`` leaves ``description`` empty.

    The same callers ring again, so the answers for the last numbers seen are kept (the value is
    frozen). Without a description (``listen`` prints none) the carrier and area are not looked up.
    """
    return _parse_cached(raw, region, describe)


#: How many numbers' answers are kept (least recently seen dropped first).
PARSE_CACHE_SIZE = 1024


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def _parse_cached(raw: str, region: str, describe: bool) -> CallerNumber:
    text = raw.strip()
    marker = text.upper()
    if marker in _PRIVATE_MARKERS:
        return CallerNumber(raw=raw, e164=None, presentation=Presentation.PRIVATE)
    if marker in _UNAVAILABLE_MARKERS:
        return CallerNumber(raw=raw, e164=None, presentation=Presentation.UNAVAILABLE)
    if text.isascii() and text.isdigit():
        digits = text  # as nearly every feed sends it: the two patterns below would not change it
    elif not _DIALLABLE.match(text):
        # Letters would be dropped silently by phonenumbers ("O812..." parses): keep them raw.
        return CallerNumber(raw=raw, e164=None, presentation=Presentation.ALLOWED)
    else:
        digits = _NOT_DIGIT.sub("", text)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    shortest, longest = _emergency_lengths(region)
    if shortest <= len(digits) - digits.count("+") <= longest and is_emergency_number(digits, region):
        return CallerNumber(raw=raw, e164=None, presentation=Presentation.ALLOWED)
    try:
        parsed = phonenumbers.parse(digits, region)
    except NumberParseException:
        return CallerNumber(raw=raw, e164=None, presentation=Presentation.ALLOWED)
    # The type is worked out once: a number is valid exactly when it has one (``is_valid_number``
    # is ``number_type(...) != UNKNOWN`` for the region of the number's own country code), and the
    # carrier and area lookups would each work it out again.
    number_type = phonenumbers.number_type(parsed)
    if number_type == PhoneNumberType.UNKNOWN:
        return CallerNumber(raw=raw, e164=None, presentation=Presentation.ALLOWED)
    e164 = phonenumbers.format_number(parsed, PhoneNumberFormat.E164)
    description = _describe(parsed, number_type, e164) if describe else ""
    return CallerNumber(raw=raw, e164=e164, presentation=Presentation.ALLOWED, description=description)


@lru_cache(maxsize=64)
def _emergency_lengths(region: str) -> tuple[int, int]:
    """The fewest and most digits of the region's emergency numbers: a number outside is none.

    ``is_emergency_number`` matches all the digits against the region's emergency pattern, whose
    lengths the metadata lists (``tests/unit/test_phone.py`` checks every region's pattern against
    them), so that check, a good part of the cost of a new number, runs only for short numbers.
    """
    metadata = PhoneMetadata.short_metadata_for_region(region.upper(), None)
    if metadata is None or metadata.emergency is None or not metadata.emergency.national_number_pattern:
        return (1, 0)  # none: no length is between
    lengths = metadata.emergency.possible_length
    if not lengths:
        return (0, 1_000_000)  # lengths not listed: every number is checked
    return (min(lengths), max(lengths))


@lru_cache(maxsize=4096)
def format_national(e164: str) -> str:
    """The dialling form of an E.164 number (cached: boards format the same numbers again and again)."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except NumberParseException:
        return e164
    if parsed.country_code == 62:
        return str(phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL))
    return str(phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL))


def _describe(parsed: phonenumbers.PhoneNumber, number_type: int, e164: str) -> str:
    """Carrier for a mobile (by prefix only, numbers are ported), area for a landline.

    ``number_type`` is the number's (valid) type. For an Indonesian number this answers what
    ``carrier.name_for_number`` and then ``geocoder.description_for_number`` answer, from the shipped
    Indonesia-only table (``phone_names``: phonenumbers' own tables for every country cost some
    150 MiB). A number of another country is described by its country's name.
    """
    names = phone_names()
    if not names.covers(parsed):
        return names.country(parsed, "id") or names.country(parsed, "en")
    if number_type in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        name = names.carrier(e164)
        if name:
            return name
    if not phonenumbers.is_number_type_geographical(number_type, parsed.country_code or 0):
        return names.country(parsed, "id") or names.country(parsed, "en")
    # geocoder.description_for_valid_number: the area, else the country; in Indonesian, else English.
    return (
        names.area(e164, "id")
        or names.country(parsed, "id")
        or names.area(e164, "en")
        or names.country(parsed, "en")
    )


def warm_up_descriptions() -> None:
    """Load the carrier and area table (and the number metadata they need) before the first call."""
    for number in ("+6281234567890", "+62248311234"):
        parsed = phonenumbers.parse(number, None)
        _describe(parsed, phonenumbers.number_type(parsed), number)
