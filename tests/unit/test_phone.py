"""Caller numbers, after DOMAIN.md's Indonesian number rules (pure rules, no database)."""

from __future__ import annotations

import re

import phonenumbers
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, carrier, geocoder
from phonenumbers.shortnumberinfo import is_emergency_number

from dispatch.domain.enums import Presentation
from dispatch.domain.phone import PARSE_CACHE_SIZE, CallerNumber, format_national, parse_caller_number

TELKOMSEL_E164 = "+6281234567890"
SEMARANG_E164 = "+62248311234"


# --- the same mobile written every way it arrives ----------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "081234567890",
        "+6281234567890",
        "006281234567890",
        "0812-3456-7890",
        "0812 3456 7890",
        "0812.3456.7890",
        "+62 812-3456-7890",
        "0062-812-3456-7890",
        "00 62 812 3456 7890",
        " 081234567890 ",
        "+6281234567890\n",
    ],
)
def test_a_mobile_in_any_format_gives_the_same_e164(raw: str) -> None:
    number = parse_caller_number(raw)
    assert number.e164 == TELKOMSEL_E164
    assert number.raw == raw  # what the feed delivered, untouched
    assert number.presentation is Presentation.ALLOWED
    assert number.national == "0812-3456-7890"
    assert number.lookup_key == TELKOMSEL_E164


@pytest.mark.parametrize(
    ("raw", "carrier"),
    [
        ("081234567890", "Telkomsel"),
        ("0813 1234 5678", "Telkomsel"),
        ("0857 1234 5678", "Indosat Ooredoo Hutchison"),
        ("0858 1234 5678", "Indosat Ooredoo Hutchison"),
        ("0895 1234 5678", "Indosat Ooredoo Hutchison"),
        ("0881 2345 6789", "Smartfren"),
    ],
)
def test_a_mobile_is_described_by_its_carrier(raw: str, carrier: str) -> None:
    number = parse_caller_number(raw)
    assert number.e164 is not None
    assert number.e164.startswith("+628")
    assert number.description == carrier


# --- landlines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["024 8311234", "0248311234", "024-8311234", "+62 24 8311234", "0062 24 8311234"]
)
def test_a_semarang_landline(raw: str) -> None:
    number = parse_caller_number(raw)
    assert number.e164 == SEMARANG_E164
    assert number.presentation is Presentation.ALLOWED
    assert "Semarang" in number.description
    assert number.national == "(024) 8311234"
    assert number.lookup_key == SEMARANG_E164


@pytest.mark.parametrize("raw", ["0541 741234", "0541741234", "+62541741234"])
def test_a_samarinda_landline(raw: str) -> None:
    number = parse_caller_number(raw)
    assert number.e164 == "+62541741234"
    assert "Samarinda" in number.description
    assert number.national == "(0541) 741234"


def test_a_jakarta_landline() -> None:
    number = parse_caller_number("021 5551234")
    assert number.e164 == "+62215551234"
    assert number.national == "(021) 5551234"
    assert number.description


@pytest.mark.parametrize("raw", ["(024) 8311234", "(024)8311234", "(0541) 741234"])
def test_a_parenthesised_area_code_is_understood(raw: str) -> None:
    assert parse_caller_number(raw).e164 is not None


# --- numbers from abroad -----------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["+44 20 7946 0958", "0044 20 7946 0958"])
def test_a_foreign_number_is_shown_internationally(raw: str) -> None:
    number = parse_caller_number(raw)
    assert number.e164 == "+442079460958"
    assert number.national == "+44 20 7946 0958"


# --- withheld and missing numbers --------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["P", "p", "P ", "PRIVATE", "private", "ANONYMOUS", "Anonymous", "WITHHELD", "Restricted"]
)
def test_withheld_markers_are_private(raw: str) -> None:
    number = parse_caller_number(raw)
    assert number == CallerNumber(raw=raw, e164=None, presentation=Presentation.PRIVATE)
    assert number.national == raw
    assert number.lookup_key == raw


@pytest.mark.parametrize(
    "raw", ["O", "o", "OUT-OF-AREA", "out-of-area", "", "   ", "UNAVAILABLE", "unknown", "<UNKNOWN>", "-"]
)
def test_missing_markers_are_unavailable(raw: str) -> None:
    number = parse_caller_number(raw)
    assert number == CallerNumber(raw=raw, e164=None, presentation=Presentation.UNAVAILABLE)


# --- DOMAIN.md's gotchas -----------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["112", "110", "113", "118", "119"])
def test_emergency_short_numbers_get_no_e164(raw: str) -> None:
    number = parse_caller_number(raw)
    assert number.e164 is None
    assert number.presentation is Presentation.ALLOWED
    assert number.raw == raw
    assert number.national == raw
    assert number.lookup_key == raw


@pytest.mark.parametrize("raw", ["O81234567890", "0812-3456-789O", "O812 3456 7890", "0812 3456 7890 ext 2"])
def test_letters_are_kept_raw_not_silently_dropped(raw: str) -> None:
    number = parse_caller_number(raw)
    assert number == CallerNumber(raw=raw, e164=None, presentation=Presentation.ALLOWED)
    assert number.lookup_key == raw


@pytest.mark.parametrize(
    "raw",
    [
        "0812 3456 7890 / 0813 1111 2222",  # two numbers run together
        "081234567890081311112222",
        "0812",
        "12345",
        "081234567890123",
        "+",
        "00",
    ],
)
def test_numbers_that_are_not_valid_get_no_e164(raw: str) -> None:
    number = parse_caller_number(raw)
    assert number.e164 is None
    assert number.presentation is Presentation.ALLOWED
    assert number.description == ""
    assert number.lookup_key == raw


def test_caller_number_is_frozen() -> None:
    number = parse_caller_number("081234567890")
    with pytest.raises(AttributeError):
        number.e164 = None  # type: ignore[misc]


@pytest.mark.parametrize(
    ("e164", "national"),
    [
        (TELKOMSEL_E164, "0812-3456-7890"),
        (SEMARANG_E164, "(024) 8311234"),
        ("+442079460958", "+44 20 7946 0958"),
        ("not a number", "not a number"),
    ],
)
def test_format_national(e164: str, national: str) -> None:
    assert format_national(e164) == national


# --- fuzzing -----------------------------------------------------------------------------------

_dialled = st.text(alphabet="0123456789+ ()./-", max_size=24)
_nearly_dialled = st.text(alphabet="0123456789+ ()./-Oo lPx\t\n", max_size=24)
_indonesian = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(["0", "+62", "0062", "62", "08", "+628", "00628", "024", "0541", "021"]),
    st.text(alphabet="0123456789 -", max_size=14),
)


@settings(deadline=None)
@given(st.one_of(st.text(max_size=40), _dialled, _nearly_dialled, _indonesian))
@example("")
@example("0" * 200)
@example("+" + "9" * 60)
@example("00")
@example("\x00081234567890")
@example("٠٨١٢٣٤٥٦٧٨٩٠")  # Arabic-Indic digits
def test_parse_caller_number_on_any_text(raw: str) -> None:
    number = parse_caller_number(raw)
    assert number.raw == raw
    assert isinstance(number.presentation, Presentation)
    assert isinstance(number.description, str)
    if number.e164 is not None:
        assert number.presentation is Presentation.ALLOWED
        assert number.e164.startswith("+")
        assert number.e164[1:].isdigit()
        assert number.e164[1:].isascii()
        assert len(number.e164) <= 16  # E.164: at most 15 digits
        assert number.lookup_key == number.e164
        assert number.national  # formatting the parsed number never fails
    else:
        assert number.lookup_key == raw
        assert number.description == ""


@settings(deadline=None)
@given(_indonesian)
def test_a_number_parses_the_same_from_its_own_e164(raw: str) -> None:
    number = parse_caller_number(raw)
    if number.e164 is not None:
        again = parse_caller_number(number.e164)
        assert again.e164 == number.e164
        assert again.description == number.description
        # A mobile's national form (0812-3456-7890) is dialled straight back.
        if number.national.startswith("08"):
            assert parse_caller_number(number.national).e164 == number.e164


# --- one type per number, the emergency shortcut, the cache -----------------------------------
#
# ``parse_caller_number`` works out a number's type once and skips the emergency check for numbers
# longer than any emergency number. These tests hold it to the documented phonenumbers calls, each
# made on its own as the module used to make them.

_REGIONS = ["ID", "US", "GB", "SG", "MY", "AU", "DE", "IT", "CA"]
_TYPES = [
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.VOIP,
    phonenumbers.PhoneNumberType.UAN,
]


def _reference(raw: str, region: str) -> tuple[str | None, str]:
    """e164 and description, by ``is_valid_number``, ``carrier.name_for_number`` and
    ``geocoder.description_for_number`` (each works out the type itself); a number of another
    country than Indonesia by ``geocoder.country_name_for_number``."""
    digits = re.sub(r"[^0-9+]", "", raw.strip())
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if is_emergency_number(digits, region):
        return None, ""
    try:
        parsed = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return None, ""
    if not phonenumbers.is_valid_number(parsed):
        return None, ""
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    if parsed.country_code != 62:  # only Indonesia's carriers and areas are shipped: the country
        return e164, geocoder.country_name_for_number(parsed, "id") or geocoder.country_name_for_number(
            parsed, "en"
        )
    if phonenumbers.number_type(parsed) in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        name = carrier.name_for_number(parsed, "en")
        if name:
            return e164, name
    return e164, geocoder.description_for_number(parsed, "id") or geocoder.description_for_number(
        parsed, "en"
    )


@st.composite
def _numbers_of_every_kind(draw: st.DrawFn) -> tuple[str, str]:
    """A region and a number written for it: an example of a type with its last digits changed,
    dialled nationally, internationally or with 00, with separators; or a few random digits."""
    region = draw(st.sampled_from(_REGIONS))
    example = phonenumbers.example_number_for_type(
        draw(st.sampled_from(_REGIONS)), draw(st.sampled_from(_TYPES))
    )
    if example is None or draw(st.integers(0, 4)) == 0:
        return region, draw(st.text(alphabet="0123456789", min_size=1, max_size=16))
    style = draw(
        st.sampled_from([PhoneNumberFormat.NATIONAL, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.E164])
    )
    text = phonenumbers.format_number(example, style)
    tail = draw(st.text(alphabet="0123456789", max_size=3))
    text = text[: len(text) - len(tail)] + tail + draw(st.text(alphabet="0123456789", max_size=1))
    if text.startswith("+") and draw(st.booleans()):
        text = "00" + text[1:]
    return region, text


@settings(max_examples=600, deadline=None)
@given(case=_numbers_of_every_kind())
@example(case=("ID", "081234567890"))
@example(case=("ID", "0248311234"))
@example(case=("ID", "+18005550100"))
@example(case=("US", "911"))
def test_one_type_per_number_gives_what_the_separate_calls_give(case: tuple[str, str]) -> None:
    region, raw = case
    number = parse_caller_number(raw, region)
    if number.presentation is Presentation.ALLOWED and re.fullmatch(r"\+?[0-9(][0-9 ()./-]*", raw.strip()):
        assert (number.e164, number.description) == _reference(raw, region)


def test_every_regions_emergency_numbers_are_within_their_listed_lengths() -> None:
    """The emergency check is skipped for a number whose digit count is outside the emergency
    description's possible lengths; every region's pattern must then match nothing outside."""
    from re import _parser  # the widths a pattern can match (the stdlib's own regex parser)

    from phonenumbers import PhoneMetadata
    from phonenumbers.shortnumberinfo import SUPPORTED_SHORT_REGIONS

    checked = 0
    for region in SUPPORTED_SHORT_REGIONS:
        metadata = PhoneMetadata.short_metadata_for_region(region, None)
        emergency = None if metadata is None else metadata.emergency
        if emergency is None or not emergency.national_number_pattern:
            continue
        shortest, longest = _parser.parse(emergency.national_number_pattern).getwidth()
        assert emergency.possible_length, region
        assert min(emergency.possible_length) <= shortest <= longest <= max(emergency.possible_length), region
        checked += 1
    assert checked > 200


@pytest.mark.parametrize("region", ["ID", "US", "GB", "DE", "AU"])
def test_each_regions_emergency_numbers_still_get_no_e164(region: str) -> None:
    from phonenumbers import PhoneMetadata

    metadata = PhoneMetadata.short_metadata_for_region(region, None)
    assert metadata is not None
    assert metadata.emergency is not None
    example_number = metadata.emergency.example_number
    assert is_emergency_number(example_number, region)
    assert parse_caller_number(example_number, region).e164 is None


def test_without_description_only_the_description_is_left_out() -> None:
    for raw in ["081234567890", "024 8311234", "+1 650 253 0000", "112", "P", "O812"]:
        full = parse_caller_number(raw)
        bare = parse_caller_number(raw, describe=False)
        assert bare == CallerNumber(full.raw, full.e164, full.presentation, "")
    assert parse_caller_number("081234567890").description == "Telkomsel"


def test_a_number_seen_again_is_answered_from_the_cache() -> None:
    first = parse_caller_number("0812 9999 0001")
    assert parse_caller_number("0812 9999 0001") is first
    assert parse_caller_number("0812 9999 0001", describe=False) is not first  # another answer
    for index in range(PARSE_CACHE_SIZE):  # the cache is bounded: the oldest answers go
        parse_caller_number(f"0813{index:08d}")
    assert parse_caller_number("0812 9999 0001") is not first
    assert parse_caller_number("0812 9999 0001") == first
