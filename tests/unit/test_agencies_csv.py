"""The agency directory as CSV: what Excel writes is read, every refused row says where, export reads back."""

from __future__ import annotations

import contextlib
import csv
import io
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.catalogue_files import load_default_catalogue, load_demo_agencies
from dispatch.domain.agencies import AgencyProblem, AgencySpec
from dispatch.domain.agencies_csv import read_agency_csv, write_agency_csv
from dispatch.domain.areas import area_index
from dispatch.domain.csv_files import FORMULA_STARTS, CsvFileError, CsvProblem
from tests.unit.test_agencies import _SPECS

CATEGORIES = frozenset(load_default_catalogue().codes)


def read(data: bytes | str):  # type: ignore[no-untyped-def]
    return read_agency_csv(
        data,
        known_area=lambda code: area_index().get(code) is not None,
        known_category=lambda code: code in CATEGORIES,
    )


def test_the_demo_directory_reads_back_from_its_export_with_a_byte_order_mark() -> None:
    demo = load_demo_agencies()
    result = read(("\ufeff" + write_agency_csv(demo, ";")).encode())
    assert result.delimiter == ";"
    assert result.records == demo
    assert result.rejected == ()
    assert result.lines == tuple(range(2, len(demo) + 2))


def test_rows_refused_with_line_column_and_the_code_as_written() -> None:
    text = "\n".join(
        [
            "code,name,agency_type,areas,phones,active",
            "OK-1,Damkar,fire,33.74,024-7600113,yes",
            "BAD-1,Kodim,army,33.74,,",
            'BAD-2,"Polsek, Tugu",police,33.74.99,024-1;x,',
            "ok-1,Damkar lagi,fire,,,",
            "BAD-3,Damkar,fire,,,,surplus",
            "",
            "OK-2,Basarnas,sar,33,,tidak",
        ]
    )
    result = read(text)
    assert [spec.code for spec in result.records] == ["OK-1", "OK-2"]
    assert result.records[1].active is False
    assert result.lines == (2, 8)
    assert {(r.line, r.column, r.problem, r.key) for r in result.rejected} == {
        (3, "agency_type", AgencyProblem.UNKNOWN_TYPE, "BAD-1"),
        (4, "areas", AgencyProblem.UNKNOWN_AREA, "BAD-2"),
        (4, "phones", AgencyProblem.NOT_A_PHONE, "BAD-2"),
        (5, "code", AgencyProblem.DUPLICATE_CODE, "ok-1"),
        (6, "", CsvProblem.TOO_MANY_CELLS, "BAD-3"),
    }
    assert result.rejected_lines == 4
    assert (
        str(next(r for r in result.rejected if r.column == "areas"))
        == "line 4, areas: no such area: '33.74.99'"
    )


def test_no_exported_cell_starts_a_formula_and_the_import_restores_it() -> None:
    damkar = load_demo_agencies()[0]
    dangerous = replace(
        damkar,
        name='=HYPERLINK("http://example.invalid")',
        note="@SUM(1+1)*cmd|' /C calc'!A0",
        hours="-2+3",
        phones=("+62 24 7600113",),
        sms_number="+6281127000113",
    )
    text = write_agency_csv([dangerous])
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            assert cell[:1] not in FORMULA_STARTS, cell
    assert read(text).records == (dangerous,)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", CsvProblem.EMPTY),
        (b"code,name\n", CsvProblem.MISSING_COLUMN),
        (b"code,name,agency_type,colour\n", CsvProblem.UNKNOWN_COLUMN),
        (b"code,name,agency_type\nX,Damkar \xe9,fire\n", CsvProblem.NOT_UTF8),
        (b'code,name,agency_type\nX,"Dam"kar,fire\n', CsvProblem.MALFORMED),
    ],
)
def test_a_file_that_is_not_a_directory_is_refused_whole(data: bytes, problem: CsvProblem) -> None:
    with pytest.raises(CsvFileError) as refused:
        read(data)
    assert refused.value.problem is problem


@settings(max_examples=100, deadline=None)
@given(st.lists(_SPECS, max_size=5, unique_by=lambda spec: spec.code.casefold()), st.sampled_from([",", ";"]))
def test_export_then_import_gives_the_same_agencies(specs: list[AgencySpec], delimiter: str) -> None:
    result = read(("\ufeff" + write_agency_csv(specs, delimiter)).encode())
    assert result.rejected == ()
    assert list(result.records) == specs


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.binary()))
def test_arbitrary_input_raises_only_the_modules_error(data: str | bytes) -> None:
    with contextlib.suppress(CsvFileError):
        result = read(data)
        assert len(result.records) == len(result.lines)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["code", "name", "agency_type", "areas", "phones", "ack_limit", "x"]), min_size=1
    ),
    st.lists(st.lists(st.text(alphabet=',;|"\n -.0123456789aefilmoprs3', max_size=12), max_size=7)),
    st.sampled_from([",", ";"]),
)
def test_csv_shaped_input_raises_only_the_modules_error(
    header: list[str], rows: list[list[str]], delimiter: str
) -> None:
    text = "\n".join(delimiter.join(row) for row in [header, *rows])
    with contextlib.suppress(CsvFileError):
        result = read(text)
        for row in result.rejected:
            assert row.line >= 2
            assert row.reason
