"""An incident's position with its source and precision: which wins, and when a distance means something."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.positions import (
    AML_MATCH_AFTER,
    AML_MATCH_BEFORE,
    CENTRES,
    PlacedPosition,
    PositionSource,
    aml_window,
    aml_windows,
    distance_apart,
    placed_at,
    rank,
    replaces,
    resolves,
)

S = PositionSource
NONE, DISTRICT, VILLAGE, AML, TYPED = S.NONE, S.DISTRICT, S.VILLAGE, S.AML, S.TYPED

# Whether a new position (column) replaces the current one (row), arriving by itself (a feed, an
# area's pick) and at the call-taker's word. Written out case by case from the rule in words: a
# better or equal source wins; a centre follows the area (re-centres a centre) but never displaces a
# handset's or a typed position; the call-taker typing, or choosing the handset's, always wins.
_BY_ITSELF = """
current \\ new  none  district  village  aml  typed
none            yes   yes       yes      yes  yes
district        no    yes       yes      yes  yes
village         no    yes       yes      yes  yes
aml             no    no        no       yes  yes
typed           no    no        no       no   yes
"""
_BY_PERSON = """
current \\ new  none  district  village  aml  typed
none            yes   yes       yes      yes  yes
district        no    yes       yes      yes  yes
village         no    yes       yes      yes  yes
aml             no    no        no       yes  yes
typed           no    no        no       yes  yes
"""


def _table(text: str) -> dict[tuple[PositionSource, PositionSource], bool]:
    lines = text.strip().splitlines()
    columns = [_source(word) for word in lines[0].split()[3:]]
    table: dict[tuple[PositionSource, PositionSource], bool] = {}
    for line in lines[1:]:
        row, *cells = line.split()
        for column, cell in zip(columns, cells, strict=True):
            table[(_source(row), column)] = {"yes": True, "no": False}[cell]
    return table


def _source(word: str) -> PositionSource:
    return NONE if word == "none" else PositionSource(word)


@pytest.mark.parametrize(
    ("by_person", "table"),
    [(False, _table(_BY_ITSELF)), (True, _table(_BY_PERSON))],
    ids=["itself", "person"],
)
def test_replaces_every_pair_of_sources(
    by_person: bool, table: dict[tuple[PositionSource, PositionSource], bool]
) -> None:
    assert len(table) == len(PositionSource) ** 2  # every pair written out
    for (current, new), expected in table.items():
        assert replaces(current, new, by_person=by_person) is expected, (current, new, by_person)


def test_the_call_takers_word_differs_only_in_putting_the_handsets_over_a_typed_position() -> None:
    by_itself, by_person = _table(_BY_ITSELF), _table(_BY_PERSON)
    assert {pair for pair in by_itself if by_itself[pair] != by_person[pair]} == {(TYPED, AML)}


def test_nothing_worse_replaces_anything_better_by_itself_except_a_centre_re_centring() -> None:
    for current, new in itertools.product(PositionSource, repeat=2):
        if rank(new) < rank(current) and replaces(current, new, by_person=False):
            assert current in CENTRES
            assert new in CENTRES


def test_ranks_are_typed_then_handset_then_village_then_kecamatan_then_none() -> None:
    assert sorted(PositionSource, key=rank, reverse=True) == [TYPED, AML, VILLAGE, DISTRICT, NONE]


def test_only_an_areas_centre_is_approximate() -> None:
    assert {source for source in PositionSource if PlacedPosition(0.0, 0.0, source).approximate} == {
        VILLAGE,
        DISTRICT,
    }


@pytest.mark.parametrize(
    ("source", "radius", "limit", "expected"),
    [
        (TYPED, None, 200.0, True),  # typed: exact
        (NONE, None, 200.0, True),  # stored before sources were recorded: typed
        (AML, 12.0, 200.0, True),
        (AML, 200.0, 200.0, True),  # as precise as the rule's distance: still meaningful
        (AML, 200.5, 200.0, False),
        (AML, 450.0, 500.0, True),
        (AML, 1500.0, 500.0, False),
        (VILLAGE, 300.0, 500.0, False),  # a centre never, whatever its radius says
        (VILLAGE, 0.0, 500.0, False),
        (DISTRICT, None, 500.0, False),
    ],
)
def test_a_distance_means_something_only_within_the_positions_precision(
    source: PositionSource, radius: float | None, limit: float, expected: bool
) -> None:
    assert resolves(source, radius, limit) is expected


def test_distance_apart_is_none_between_two_centres_and_without_both() -> None:
    typed = PlacedPosition(-6.99306, 110.42083, TYPED)
    north = PlacedPosition(-6.99306 + 0.009, 110.42083, VILLAGE, 900.0, place="Pleburan")
    other_centre = PlacedPosition(-6.99306, 110.42083, DISTRICT, 3000.0, place="Semarang Selatan")
    assert distance_apart(typed, north) == pytest.approx(1000.8, abs=0.5)  # 0.009 degrees of latitude
    assert distance_apart(north, typed) == distance_apart(typed, north)
    assert distance_apart(north, other_centre) is None
    assert distance_apart(north, north) is None
    assert distance_apart(typed, None) is None
    assert distance_apart(None, typed) is None


def test_a_stored_position_comes_back_with_its_source() -> None:
    assert placed_at(None, 110.0, "typed", None) is None
    assert placed_at(-7.0, None, "aml", 10.0) is None
    assert placed_at(-7.0, 110.0, "", None) == PlacedPosition(-7.0, 110.0, TYPED)  # before 0015
    assert placed_at(-7.0, 110.0, None, None) == PlacedPosition(-7.0, 110.0, TYPED)
    assert placed_at(-7.0, 110.0, "village", 800.0) == PlacedPosition(-7.0, 110.0, VILLAGE, 800.0)
    with pytest.raises(ValueError, match="guessed"):
        placed_at(-7.0, 110.0, "guessed", None)


_NAIVE_BOUNDS = {"min_value": datetime(2000, 1, 1), "max_value": datetime(2100, 1, 1)}  # noqa: DTZ001 (hypothesis: naive bounds)


@given(st.datetimes(**_NAIVE_BOUNDS, timezones=st.just(UTC)))
def test_the_aml_window_reaches_ten_minutes_back_and_a_minute_ahead(received: datetime) -> None:
    first, last = aml_window(received)
    assert (received - first, last - received) == (timedelta(minutes=10), timedelta(seconds=60))


def test_a_late_read_message_is_looked_for_around_its_arrival_then_around_its_fix() -> None:
    received = datetime(2026, 12, 3, 5, 0, tzinfo=UTC)
    # A fix a few seconds (or, with a handset's clock off, a minute) before arrival: the arrival only.
    assert aml_windows(received, received - timedelta(seconds=90)) == [aml_window(received)]
    assert aml_windows(received, None) == [aml_window(received)]
    # Read an hour late from the SIM: around the arrival first (a handset's clock may be wrong),
    # then around the fix's time, which says when the call was.
    fixed = received - timedelta(hours=1)
    assert aml_windows(received, fixed) == [
        aml_window(received),
        (fixed - AML_MATCH_BEFORE, fixed + AML_MATCH_AFTER),
    ]
