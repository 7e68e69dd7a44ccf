"""The roster as CSV: what Indonesian Excel writes is read; every refused row says where and why."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.catalogue_files import load_demo_roster
from dispatch.domain.enums import AgencyType
from dispatch.domain.roster import CAPABILITIES, UnitProblem, UnitRejected, UnitSpec, unit_from_text
from dispatch.domain.roster_csv import (
    CsvProblem,
    RosterCsvError,
    read_roster_csv,
    write_roster_csv,
)

HEADER = "call_sign,agency_type,agency_name,station,lat,lon,capabilities,radio,phone,active"


def test_demo_roster_round_trips_through_csv_with_a_byte_order_mark() -> None:
    units = load_demo_roster()
    text = write_roster_csv(units)
    assert text.splitlines()[0] == HEADER
    result = read_roster_csv(("\ufeff" + text).encode("utf-8"))
    assert result.units == units
    assert result.rejected == ()


def test_semicolon_file_with_decimal_commas_as_excel_writes_it() -> None:
    data = (
        "\ufeffCall sign;Agency type;Agency name;Lat;Lon;Capabilities;Phone\r\n"
        "PSC-07;medical;PSC 119 Kota Semarang;-6,9920;110,4180;ambulance_als|rescue;024-112\r\n"
        'POL-09;Police;Polsek Tembalang;-7.05;110.44;"patrol;tow";\r\n'
    ).encode()
    result = read_roster_csv(data)
    assert result.delimiter == ";"
    assert result.rejected == ()
    first, second = result.units
    assert first == UnitSpec(
        call_sign="PSC-07",
        agency_type=AgencyType.MEDICAL,
        agency_name="PSC 119 Kota Semarang",
        station="",
        lat=-6.992,
        lon=110.418,
        capabilities=("ambulance_als", "rescue"),
        radio="",
        phone="024-112",
    )
    assert second.agency_type is AgencyType.POLICE
    assert second.capabilities == ("patrol", "tow")


def test_bad_rows_are_reported_with_line_column_and_reason_and_good_rows_kept() -> None:
    text = "\n".join(
        [
            "call_sign,agency_type,agency_name,lat,lon,capabilities,active",
            "OK-1,fire,Damkar,-6.97,110.39,fire_engine,yes",
            "",
            "BAD-1,army,Kodim,-6.97,110.39,,",
            "BAD-2,fire,Damkar,-95,110.39,fire_engine;tank,",
            "ok-1,fire,Damkar,,,,",
            ",sar,Basarnas,-6.9,,rescue,maybe",
            '"OK-2",sar,"Basarnas, Pos Tanjung Emas",-6.94,110.42,boat|rescue,tidak',
            "BAD-3,sar,Basarnas,1,2,rescue,no,surplus",
        ]
    )
    result = read_roster_csv(text)
    assert [unit.call_sign for unit in result.units] == ["OK-1", "OK-2"]
    assert result.units[1].agency_name == "Basarnas, Pos Tanjung Emas"
    assert result.units[1].active is False
    found = {(r.line, r.column, r.problem) for r in result.rejected}
    assert found == {
        (4, "agency_type", UnitProblem.UNKNOWN_AGENCY),
        (5, "lat", UnitProblem.OUT_OF_RANGE),
        (5, "capabilities", UnitProblem.UNKNOWN_CAPABILITY),
        (6, "call_sign", UnitProblem.DUPLICATE_CALL_SIGN),
        (7, "call_sign", UnitProblem.MISSING),
        (7, "lon", UnitProblem.HALF_POSITION),
        (7, "active", UnitProblem.NOT_YES_OR_NO),
        (9, "", CsvProblem.TOO_MANY_CELLS),
    }
    bad_agency = next(r for r in result.rejected if r.line == 4)
    assert str(bad_agency).startswith("line 4, agency_type: unknown agency type")
    assert "'army'" in str(bad_agency)
    assert bad_agency.call_sign == "BAD-1"


def test_a_quoted_cell_over_two_lines_reports_the_row_by_its_first_line() -> None:
    text = 'call_sign,agency_type,agency_name,station\n"X-1",fire,Damkar,"Pos\nTimur"\nX-2,fire,,\n'
    result = read_roster_csv(text)
    assert result.units == ()
    assert [(r.line, r.column, r.problem) for r in result.rejected] == [
        (2, "station", UnitProblem.CONTROL_CHARACTERS),
        (4, "agency_name", UnitProblem.MISSING),
    ]


@pytest.mark.parametrize(
    ("data", "line", "problem"),
    [
        (b"", 1, CsvProblem.EMPTY),
        (b"\n\n", 1, CsvProblem.EMPTY),
        (b"call_sign,agency_type\nX,fire\n", 1, CsvProblem.MISSING_COLUMN),
        (b"call_sign,agency_type,agency_name,colour\n", 1, CsvProblem.UNKNOWN_COLUMN),
        (b"call_sign,agency_type,agency_name,lat,LAT\n", 1, CsvProblem.REPEATED_COLUMN),
        (b"call_sign,agency_type,agency_name\nX,fire,Damkar \xe9\n", 2, CsvProblem.NOT_UTF8),
        (b'call_sign,agency_type,agency_name\nX,fire,"Dam"kar\n', 2, CsvProblem.MALFORMED),
    ],
)
def test_a_file_that_is_not_a_roster_is_refused_whole(data: bytes, line: int, problem: CsvProblem) -> None:
    with pytest.raises(RosterCsvError) as raised:
        read_roster_csv(data)
    assert raised.value.line == line
    assert raised.value.problem is problem
    assert str(raised.value).startswith(f"line {line}")


def test_form_fields_each_get_their_problem() -> None:
    with pytest.raises(UnitRejected) as raised:
        unit_from_text({"call_sign": "A" * 33, "agency_type": "fire", "lat": "x", "lon": "1", "phone": "abc"})
    problems = {field: issue.problem for field, issue in raised.value.by_field().items()}
    assert problems == {
        "call_sign": UnitProblem.TOO_LONG,
        "agency_name": UnitProblem.MISSING,
        "lat": UnitProblem.NOT_A_NUMBER,
        "phone": UnitProblem.NOT_A_PHONE_NUMBER,
    }


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.binary()))
def test_arbitrary_input_raises_only_the_module_error(data: str | bytes) -> None:
    try:
        result = read_roster_csv(data)
    except RosterCsvError:
        return
    for unit in result.units:
        assert unit.call_sign


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["call_sign", "agency_type", "agency_name", "lat", "lon", "capabilities", "x"]),
        min_size=1,
    ),
    st.lists(st.lists(st.text(alphabet=',;|"\n -.0123456789aefilopr', max_size=12), max_size=8)),
    st.sampled_from([",", ";"]),
)
def test_csv_shaped_input_raises_only_the_module_error(
    header: list[str], rows: list[list[str]], delimiter: str
) -> None:
    text = "\n".join(delimiter.join(row) for row in [header, *rows])
    with contextlib.suppress(RosterCsvError):
        read_roster_csv(text)


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn")), max_size=30).map(
    str.strip
)
_UNITS = st.builds(
    UnitSpec,
    call_sign=_TEXT.filter(bool).map(lambda s: s[:32].strip()).filter(bool),
    agency_type=st.sampled_from(AgencyType),
    agency_name=_TEXT.filter(bool),
    station=_TEXT,
    lat=st.one_of(st.none(), st.floats(-90, 90)),
    lon=st.floats(-180, 180),
    capabilities=st.lists(st.sampled_from(CAPABILITIES), unique=True).map(tuple),
    radio=_TEXT,
    phone=st.sampled_from(["", "024-3560112", "+62 812 3456 7890", "(024) 112"]),
    active=st.booleans(),
).map(lambda u: u if u.lat is not None else UnitSpec(**{**_fields(u), "lon": None}))


def _fields(unit: UnitSpec) -> dict[str, object]:
    return {name: getattr(unit, name) for name in UnitSpec.__dataclass_fields__}


@settings(max_examples=200, deadline=None)
@given(st.lists(_UNITS, max_size=6, unique_by=lambda u: u.call_sign.casefold()), st.sampled_from([",", ";"]))
def test_export_then_import_gives_the_same_units(units: list[UnitSpec], delimiter: str) -> None:
    text = write_roster_csv(units, delimiter)
    result = read_roster_csv(("\ufeff" + text).encode("utf-8"))
    assert result.rejected == ()
    assert list(result.units) == units


def test_the_import_names_the_columns_the_file_has() -> None:
    result = read_roster_csv(
        b"Call sign;Agency type;Agency name;Phone;;\r\nPSC-07;medical;PSC 119;024-112;;\r\n"
    )
    assert result.columns == frozenset({"call_sign", "agency_type", "agency_name", "phone"})
    assert read_roster_csv(write_roster_csv(load_demo_roster())).columns == frozenset(HEADER.split(","))
