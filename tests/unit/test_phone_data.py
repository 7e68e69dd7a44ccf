"""The shipped Indonesia-only carrier and area table (``resources/phone/indonesia.json``): current with
the installed phonenumbers, and answering what phonenumbers' own carrier and geocoder answer."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import phonenumbers
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from phonenumbers import carrier, geocoder

from dispatch.domain.phone import parse_caller_number
from dispatch.domain.phone_names import load_phone_names, phone_names
from dispatch.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_phone_data  # noqa: E402

SHIPPED = resource_path("phone", "indonesia.json")
TABLE = json.loads(SHIPPED.read_text(encoding="utf-8"))
PREFIXES = sorted({*TABLE["carrier"], *TABLE["area"]["id"], *TABLE["area"]["en"]})


def _phonenumbers_description(number: phonenumbers.PhoneNumber) -> str:
    """What the console described numbers by before the table: phonenumbers' carrier, else geocoder."""
    if phonenumbers.number_type(number) in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        name = carrier.name_for_number(number, "en")
        if name:
            return str(name)
    return str(geocoder.description_for_number(number, "id") or geocoder.description_for_number(number, "en"))


def test_the_shipped_file_is_what_the_build_script_makes_from_the_installed_phonenumbers() -> None:
    """Fails after a phonenumbers upgrade until ``scripts/build_phone_data.py`` is run again."""
    assert build_phone_data.build() == SHIPPED.read_bytes(), "run scripts/build_phone_data.py"
    assert TABLE["source"].startswith(f"phonenumbers {phonenumbers.__version__} ")
    assert load_phone_names(str(SHIPPED)).source == TABLE["source"]


def test_the_table_holds_indonesia_and_every_country_name() -> None:
    assert TABLE["country_code"] == 62
    assert all(prefix.startswith("62") for prefix in PREFIXES)
    assert len(TABLE["carrier"]) >= 30
    assert len(TABLE["area"]["id"]) >= 250
    assert TABLE["country"]["id"]["ID"] == "Indonesia"
    assert TABLE["country"]["id"]["US"] == "Amerika Serikat"
    assert TABLE["country"]["en"]["US"] == "United States"
    assert len(TABLE["country"]["en"]) >= 240


@st.composite
def _indonesian_numbers(draw: st.DrawFn) -> str:
    """A prefix of the table (a carrier's or an area's) or an example number's first digits, filled
    with random digits to a length Indonesian numbers have, written nationally or internationally."""
    if draw(st.integers(0, 5)) == 0:
        kind = draw(st.sampled_from(list(phonenumbers.PhoneNumberType.values())))
        example_number = phonenumbers.example_number_for_type("ID", kind)
        start = "62" + phonenumbers.national_significant_number(example_number) if example_number else "62"
        start = start[: draw(st.integers(2, len(start)))]
    else:
        start = draw(st.sampled_from(PREFIXES))
    national_length = draw(st.integers(max(7, len(start) - 2), 13))
    rest = draw(st.text(alphabet="0123456789", min_size=0, max_size=13))
    digits = (start[2:] + rest + "0" * 13)[:national_length]
    if digits.startswith("0"):
        # A national number never starts with 0 after its trunk prefix: "0" + "03360..." is
        # "0033 60...", France dialled from Indonesia, not an Indonesian number.
        digits = "8" + digits[1:]
    style = draw(st.sampled_from(["0{}", "+62{}", "0062{}", "+62 {}"]))
    return style.format(digits)


@settings(max_examples=1500, deadline=None)
@given(raw=_indonesian_numbers())
@example(raw="081234567890")
@example(raw="0248311234")
@example(raw="02129000000")
@example(raw="0881 2345 6789")
@example(raw="0800 1234 567")  # toll free: not geographical, the country's name
@example(raw="+62 8071 234 567")
def test_an_indonesian_number_is_described_as_phonenumbers_describes_it(raw: str) -> None:
    number = parse_caller_number(raw)
    # "0062..." is read as "+62..." by the console (DOMAIN.md), not by phonenumbers.
    try:
        parsed = phonenumbers.parse("+" + raw[2:] if raw.startswith("00") else raw, "ID")
    except phonenumbers.NumberParseException:
        assert number.e164 is None
        return
    if not phonenumbers.is_valid_number(parsed):
        assert number.e164 is None
        return
    assert number.e164 == phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    assert number.description == _phonenumbers_description(parsed)


def test_every_prefix_of_the_table_answers_as_phonenumbers_for_its_valid_numbers() -> None:
    """Each carrier and area prefix, filled with seeded random digits to every length: the valid
    numbers among them are described as phonenumbers describes them."""
    rng = random.Random(62)
    compared: set[str] = set()
    for prefix in PREFIXES:
        for national_length in range(8, 13):
            for _ in range(4):
                digits = prefix[2:] + "".join(rng.choice("0123456789") for _ in range(13))
                parsed = phonenumbers.parse("+62" + digits[:national_length], None)
                if not phonenumbers.is_valid_number(parsed):
                    continue
                number = parse_caller_number("0" + digits[:national_length])
                assert number.description == _phonenumbers_description(parsed), number
                compared.add(prefix)
    assert len(compared) >= 0.9 * len(PREFIXES), sorted(set(PREFIXES) - compared)


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("+1 650 253 0000", "Amerika Serikat"),
        ("+44 20 7946 0958", "Inggris Raya"),
        ("+60 12 345 6789", "Malaysia"),  # a mobile: its country, not its carrier
        ("+65 6123 4567", "Singapura"),
        ("+7 912 345 6789", "Rusia"),
        ("+1 800 555 0100", ""),  # toll free in every region of +1: no one country
    ],
)
def test_a_number_of_another_country_is_described_by_its_country(raw: str, country: str) -> None:
    """Only Indonesia's carriers and areas are shipped; another country's number gets its country's
    name (in Indonesian, else English), as ``geocoder.country_name_for_number`` gives it."""
    number = parse_caller_number(raw)
    parsed = phonenumbers.parse(raw, None)
    assert number.description == country
    assert country == (
        geocoder.country_name_for_number(parsed, "id") or geocoder.country_name_for_number(parsed, "en")
    )


def test_describing_numbers_loads_neither_carrier_nor_geocoder_and_stays_small() -> None:
    """In a fresh interpreter: the numbers are described, phonenumbers.carrier and .geocoder (every
    country's tables, some 150 MiB) never imported, and the process grows by less than 10 MiB."""
    code = (
        "import sys\n"
        "def rss():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmRSS:'): return int(line.split()[1]) / 1024\n"
        "from dispatch.domain.phone import parse_caller_number, warm_up_descriptions\n"
        "before = rss()\n"
        "warm_up_descriptions()\n"
        "numbers = ('081234567890', '0248311234', '+16502530000')\n"
        "names = [parse_caller_number(n).description for n in numbers]\n"
        "print(rss() - before, '|'.join(names), 'phonenumbers.carrier' in sys.modules,"
        " 'phonenumbers.geocoder' in sys.modules, sep=';')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    grown, names, carrier_loaded, geocoder_loaded = done.stdout.strip().split(";")
    assert names == "Telkomsel|Semarang/Demak|Amerika Serikat"
    assert (carrier_loaded, geocoder_loaded) == ("False", "False")
    assert float(grown) < 10, f"grew {grown} MiB"


def test_the_table_is_read_once_and_shared() -> None:
    assert phone_names() is phone_names()
