"""The agency directory's rules: typed fields checked one by one, and whom an incident goes to."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.agencies import (
    AGENCY_FIELDS,
    AgencyFileError,
    AgencyProblem,
    AgencyReach,
    AgencyRejected,
    AgencySpec,
    agency_from_text,
    agency_to_text,
    choose_agencies,
    coverage,
    format_duration,
    parse_agency_list,
    parse_duration,
)
from dispatch.domain.areas import area_index
from dispatch.domain.enums import AgencyType

CATALOGUE = load_default_catalogue()
KNOWN_CATEGORIES = frozenset(CATALOGUE.codes)


def known_area(code: str) -> bool:
    return area_index().get(code) is not None


def known_category(code: str) -> bool:
    return code in KNOWN_CATEGORIES


def parse(**fields: str) -> AgencySpec:
    return agency_from_text(fields, known_area=known_area, known_category=known_category)


def refused(**fields: str) -> AgencyRejected:
    with pytest.raises(AgencyRejected) as raised:
        parse(**fields)
    return raised.value


def test_fields_are_the_csv_columns_in_form_order() -> None:
    assert AGENCY_FIELDS == (
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


def test_a_polsek_as_a_supervisor_types_it() -> None:
    spec = parse(
        code=" POLSEK-TEMBALANG ",
        name="Polsek Tembalang",
        agency_type="Police",
        areas="33.74.10",
        phones="(024) 7460000 / 0812-2800-1100",
        radio="HT kanal 3",
        sms_number="0812-2800-1100",
        hours="24 jam",
        ack_limit="5 menit",
    )
    assert spec == AgencySpec(
        code="POLSEK-TEMBALANG",
        name="Polsek Tembalang",
        agency_type=AgencyType.POLICE,
        reach=AgencyReach.FORWARD,
        areas=("33.74.10",),
        phones=("(024) 7460000", "0812-2800-1100"),
        radio="HT kanal 3",
        sms_number="0812-2800-1100",
        hours="24 jam",
        ack_limit_s=300,
    )


def test_lists_take_the_separators_people_type() -> None:
    spec = parse(
        code="BPBD",
        name="BPBD Kota Semarang",
        agency_type="disaster",
        reach="ROOM",
        areas="33.74; 33.22 |33.74.10.1001",
        categories="benc, pohon;tengg",
        phones="024-3512345;112",
        active="ya",
    )
    assert spec.reach is AgencyReach.ROOM
    assert spec.areas == ("33.74", "33.22", "33.74.10.1001")
    assert spec.categories == ("BENC", "POHON", "TENGG")
    assert spec.phones == ("024-3512345", "112")
    assert spec.active is True
    assert parse(code="X", name="X", agency_type="fire", active="nonaktif").active is False


def test_every_refused_field_is_named_with_its_problem_at_once() -> None:
    error = refused(
        code="POLSEK TEMBALANG",
        agency_type="army",
        reach="radio",
        areas="33.74.10;33.74.99;3374",
        categories="FIRE;FIRE",
        phones="024-7460000;abc",
        sms_number="112",
        ack_limit="10 s",
        note="a\x00b",
        active="maybe",
    )
    assert error.problems == {
        "code": AgencyProblem.NOT_A_CODE,
        "name": AgencyProblem.MISSING,
        "agency_type": AgencyProblem.UNKNOWN_TYPE,
        "reach": AgencyProblem.UNKNOWN_REACH,
        "areas": AgencyProblem.UNKNOWN_AREA,
        "categories": AgencyProblem.REPEATED,
        "phones": AgencyProblem.NOT_A_PHONE,
        "sms_number": AgencyProblem.NOT_AN_SMS_NUMBER,
        "ack_limit": AgencyProblem.OUT_OF_RANGE,
        "note": AgencyProblem.CONTROL_CHARACTERS,
        "active": AgencyProblem.NOT_YES_OR_NO,
    }
    assert error.values["areas"] == "33.74.99"
    assert error.values["phones"] == "abc"
    assert "areas: no such area: '33.74.99'" in str(error)


@pytest.mark.parametrize(
    ("fields", "field", "problem"),
    [
        ({"code": "A" * 33}, "code", AgencyProblem.TOO_LONG),
        ({"areas": "3374"}, "areas", AgencyProblem.NOT_AN_AREA_CODE),
        ({"areas": "33.74;33.74"}, "areas", AgencyProblem.REPEATED),
        ({"categories": "KEBAKARAN"}, "categories", AgencyProblem.UNKNOWN_CATEGORY),
        ({"phones": "12"}, "phones", AgencyProblem.NOT_A_PHONE),
        ({"phones": "024-1;024-1"}, "phones", AgencyProblem.REPEATED),
        ({"phones": ";".join(["0812-3456-7890"] * 15)}, "phones", AgencyProblem.REPEATED),
        ({"sms_number": "0812 abc"}, "sms_number", AgencyProblem.NOT_AN_SMS_NUMBER),
        ({"ack_limit": "lima menit"}, "ack_limit", AgencyProblem.NOT_A_DURATION),
        ({"ack_limit": "25 h"}, "ack_limit", AgencyProblem.OUT_OF_RANGE),
        ({"agency_type": ""}, "agency_type", AgencyProblem.MISSING),
        ({"hours": "x" * 101}, "hours", AgencyProblem.TOO_LONG),
    ],
)
def test_one_bad_field(fields: dict[str, str], field: str, problem: AgencyProblem) -> None:
    typed = {"code": "X", "name": "X", "agency_type": "fire"} | fields
    assert refused(**typed).problems == {field: problem}


def test_too_many_phones_for_the_column_is_too_long() -> None:
    phones = ";".join(f"0812-3456-{n:04d}" for n in range(15))
    assert refused(code="X", name="X", agency_type="fire", phones=phones).problems == {
        "phones": AgencyProblem.TOO_LONG
    }


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("5", 300),
        ("5 min", 300),
        ("5m", 300),
        ("90s", 90),
        ("90 detik", 90),
        ("1h 30m", 5400),
        ("2 jam", 7200),
        ("1h30m15s", 5415),
        ("3 MENIT", 180),
    ],
)
def test_durations_as_people_write_them(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "5 weeks", "1h 30", "30 1h", "5m 3m", "-5", "1.5 h", "5:00"])
def test_durations_that_say_nothing_clear(text: str) -> None:
    assert parse_duration(text) is None


@given(st.integers(1, 10**6))
def test_a_duration_reads_back(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


def test_coverage_counts_the_parts_of_the_most_specific_covering_area() -> None:
    assert coverage(["33.74"], "33.74.10.1001") == 2
    assert coverage(["33", "33.74.10"], "33.74.10.1001") == 3
    assert coverage(["33.74.10.1001"], "33.74.10.1001") == 4
    assert coverage(["33"], "33.74") == 1
    assert coverage(["33.7"], "33.74.10") == 0
    assert coverage(["33.74.10"], "33.74.1") == 0
    assert coverage(["33.74.10"], "33.74") == 0
    assert coverage([], "33.74") == 0
    assert coverage(["33.74"], "") == 0


def _agency(code: str, agency_type: AgencyType, areas: tuple[str, ...], **more: object) -> AgencySpec:
    return AgencySpec(code, code.replace("-", " ").title(), agency_type, AgencyReach.FORWARD, areas, **more)  # type: ignore[arg-type]


DIRECTORY: list[tuple[int, AgencySpec]] = [
    (1, _agency("DAMKAR-SMG", AgencyType.FIRE, ("33.74",))),
    (2, AgencySpec("POLRESTABES", "Polrestabes Semarang", AgencyType.POLICE, AgencyReach.ROOM, ("33.74",))),
    (3, _agency("POLSEK-TEMBALANG", AgencyType.POLICE, ("33.74.10",))),
    (4, _agency("POLSEK-BANYUMANIK", AgencyType.POLICE, ("33.74.11",))),
    (5, AgencySpec("PSC-119", "PSC 119 Kota Semarang", AgencyType.MEDICAL, AgencyReach.ROOM, ("33.74",))),
    (6, _agency("PLN-SMG", AgencyType.UTILITY, ("33.74",), categories=("LISTR",))),
    (7, _agency("PDAM-SMG", AgencyType.UTILITY, ("33.74",), categories=("AIR",))),
    (8, _agency("DLH-SMG", AgencyType.SOCIAL, ("33.74",), categories=("POHON",))),
    (9, _agency("POLSEK-OLD", AgencyType.POLICE, ("33.74.10",), active=False)),
    (10, _agency("BASARNAS", AgencyType.SAR, ("33",))),
]
TEMBALANG_VILLAGE = "33.74.10.1001"


def _chosen(category: str | None, area: str, centre: str = "") -> list[tuple[str, AgencyType, int]]:
    needs = CATALOGUE.get(category).agencies if category else ()
    return [
        (choice.spec.code, choice.agency_type, choice.coverage)
        for choice in choose_agencies(DIRECTORY, category, area, needs, centre)
    ]


def test_a_fire_in_tembalang_goes_to_damkar() -> None:
    assert _chosen("FIRE", TEMBALANG_VILLAGE) == [("DAMKAR-SMG", AgencyType.FIRE, 2)]


def test_police_in_tembalang_is_the_polsek_not_the_polrestabes() -> None:
    assert _chosen("CRIM", TEMBALANG_VILLAGE) == [("POLSEK-TEMBALANG", AgencyType.POLICE, 3)]
    assert _chosen("CRIM", "33.74.10") == [("POLSEK-TEMBALANG", AgencyType.POLICE, 3)]


def test_a_kecamatan_without_a_polsek_falls_back_to_the_kota() -> None:
    assert _chosen("CRIM", "33.74.14.1001") == [("POLRESTABES", AgencyType.POLICE, 2)]


def test_every_need_of_the_category_in_the_catalogues_order() -> None:
    # LAKA calls for medical, then police.
    assert _chosen("LAKA", TEMBALANG_VILLAGE) == [
        ("PSC-119", AgencyType.MEDICAL, 2),
        ("POLSEK-TEMBALANG", AgencyType.POLICE, 3),
    ]
    # TENGG calls for sar (the province's Basarnas) and fire.
    assert _chosen("TENGG", TEMBALANG_VILLAGE) == [
        ("BASARNAS", AgencyType.SAR, 1),
        ("DAMKAR-SMG", AgencyType.FIRE, 2),
    ]


def test_agencies_naming_the_category_come_after_the_catalogues_needs() -> None:
    # POHON calls for disaster and fire; the DLH names it explicitly; no disaster agency here.
    assert _chosen("POHON", TEMBALANG_VILLAGE) == [
        ("DAMKAR-SMG", AgencyType.FIRE, 2),
        ("DLH-SMG", AgencyType.SOCIAL, 2),
    ]
    # LISTR: utility (only the PLN names it, not the PDAM) and fire.
    assert _chosen("LISTR", TEMBALANG_VILLAGE) == [
        ("PLN-SMG", AgencyType.UTILITY, 2),
        ("DAMKAR-SMG", AgencyType.FIRE, 2),
    ]


def test_an_agency_naming_categories_takes_only_those() -> None:
    assert _chosen("AIR", TEMBALANG_VILLAGE) == [("PDAM-SMG", AgencyType.UTILITY, 2)]


def test_without_an_area_the_centres_area_decides_and_coverage_is_zero() -> None:
    assert _chosen("CRIM", "", centre="33.74") == [("POLRESTABES", AgencyType.POLICE, 0)]
    assert _chosen("CRIM", "") == []


def test_no_category_no_agency_and_outside_every_area_none() -> None:
    assert _chosen(None, TEMBALANG_VILLAGE) == []
    assert _chosen("FIRE", "31.71.01") == []


def test_equally_specific_agencies_are_all_chosen_by_name() -> None:
    second = (11, _agency("DAMKAR-POS-TIMUR", AgencyType.FIRE, ("33.74",)))
    choices = choose_agencies([*DIRECTORY, second], "FIRE", TEMBALANG_VILLAGE, (AgencyType.FIRE,))
    assert [choice.spec.name for choice in choices] == ["Damkar Pos Timur", "Damkar Smg"]


def test_choosing_among_500_agencies_takes_under_a_millisecond() -> None:
    kecamatan = [f"33.74.{n:02d}" for n in range(1, 17)]
    many = [
        (
            n,
            _agency(
                f"A-{n}", list(AgencyType)[n % 8], (kecamatan[n % 16], f"33.74.{n % 16 + 1:02d}.{n:04d}")
            ),
        )
        for n in range(500)
    ]
    needs = CATALOGUE.get("KDRT").agencies
    choose_agencies(many, "KDRT", TEMBALANG_VILLAGE, needs)
    best = min(_timed(lambda: choose_agencies(many, "KDRT", TEMBALANG_VILLAGE, needs)) for _ in range(20))
    assert best < 0.001


def _timed(work: object) -> float:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - start


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn")), max_size=30).map(
    str.strip
)
_SPECS = st.builds(
    AgencySpec,
    code=st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}", fullmatch=True),
    name=_TEXT.filter(bool),
    agency_type=st.sampled_from(AgencyType),
    reach=st.sampled_from(AgencyReach),
    areas=st.lists(st.sampled_from(["33", "33.74", "33.74.10", "33.74.10.1001", "11.01"]), unique=True).map(
        tuple
    ),
    categories=st.lists(st.sampled_from(sorted(KNOWN_CATEGORIES)), unique=True, max_size=6).map(tuple),
    phones=st.lists(
        st.sampled_from(["024-7460000", "(024) 8311234", "110", "+62 812 3456 7890"]), unique=True
    ).map(tuple),
    radio=_TEXT,
    sms_number=st.sampled_from(["", "0812-2800-1100", "+6281234567890"]),
    hours=_TEXT,
    ack_limit_s=st.integers(30, 24 * 3600),
    note=_TEXT,
    active=st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(_SPECS)
def test_a_spec_reads_back_from_its_text(spec: AgencySpec) -> None:
    text = agency_to_text(spec)
    assert tuple(text) == AGENCY_FIELDS
    assert parse(**text) == spec


_FIELD_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=" ;|,/.-+()0123456789abcdefhjmnorstyFIRELAKA", max_size=40),
)


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from([*AGENCY_FIELDS, "other"]), _FIELD_TEXT))
def test_any_text_gives_an_agency_or_the_modules_refusal(fields: dict[str, str]) -> None:
    error: AgencyRejected | None = None
    try:
        spec = parse(**fields)
    except AgencyRejected as refusal:
        error = refusal
    if error is not None:
        assert error.problems
        assert set(error.problems) <= set(AGENCY_FIELDS)
        assert str(error)
        return
    assert spec.code
    assert spec.name
    assert 30 <= spec.ack_limit_s <= 24 * 3600
    assert parse(**agency_to_text(spec)) == spec


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected a JSON object"),
        ({"version": 2, "agencies": []}, "version: expected 1"),
        ({"version": 1}, "agencies: expected a list"),
        ({"version": 1, "agencies": ["x"]}, "agency #0: expected a JSON object"),
        ({"version": 1, "agencies": [{"colour": "red"}]}, "agency #0: colour: unknown field"),
        ({"version": 1, "agencies": [{"code": 5}]}, "agency #0: code: expected text"),
        (
            {"version": 1, "agencies": [{"code": "X", "name": "X", "agency_type": "army"}]},
            "agency #0 (X): agency_type: unknown agency type",
        ),
        (
            {"version": 1, "agencies": [{"code": "X", "name": "X", "agency_type": "fire"}] * 2},
            "agency #1 (X): code: code already used",
        ),
    ],
)
def test_a_directory_file_that_is_not_valid_names_the_entry(data: object, message: str) -> None:
    with pytest.raises(AgencyFileError, match=re.escape(message)):
        parse_agency_list(data, known_area=known_area, known_category=known_category)


def test_a_directory_file_takes_lists_and_booleans() -> None:
    data = {
        "version": 1,
        "agencies": [
            {"code": "X", "name": "X", "agency_type": "fire", "areas": ["33.74", "33.22"], "active": False}
        ],
    }
    (spec,) = parse_agency_list(data, known_area=known_area, known_category=known_category)
    assert spec.areas == ("33.74", "33.22")
    assert spec.active is False


def test_in_tembalang_the_demo_directory_gives_damkar_for_a_fire_and_the_polsek_for_the_police() -> None:
    from dispatch.catalogue_files import load_demo_agencies

    demo = list(enumerate(load_demo_agencies(), start=1))
    fire = choose_agencies(demo, "FIRE", "33.74.10", CATALOGUE.get("FIRE").agencies)
    assert [(c.spec.name, c.agency_type, c.coverage) for c in fire] == [
        ("Damkar Kota Semarang (DEMO)", AgencyType.FIRE, 2)
    ]
    crime = choose_agencies(demo, "CRIM", "33.74.10.1001", CATALOGUE.get("CRIM").agencies)
    assert [(c.spec.name, c.spec.reach) for c in crime] == [("Polsek Tembalang (DEMO)", AgencyReach.FORWARD)]
    # The Polrestabes covers the whole kota: it is less specific than the kecamatan's Polsek.
    assert "Polrestabes Semarang (DEMO)" not in {c.spec.name for c in crime}
