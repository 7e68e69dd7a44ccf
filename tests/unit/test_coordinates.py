"""Positions as people paste them: decimal, degrees-minutes-seconds, map links; clear errors."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.coordinates import (
    ParsedPosition,
    PositionProblem,
    PositionRejected,
    format_decimal,
    format_dms,
    parse_position,
)

SIMPANG_LIMA = (-6.99306, 110.42083)
SIMPANG_LIMA_DMS = (-(6 + 59 / 60 + 35 / 3600), 110 + 25 / 60 + 15 / 3600)


@pytest.mark.parametrize(
    "text",
    [
        "-6.99306, 110.42083",
        "-6.99306,110.42083",
        "  -6.99306   110.42083 ",
        "-6.99306; 110.42083",
        "-6,99306; 110,42083",
        "−6.99306, 110.42083",
        "https://www.google.com/maps?q=-6.99306,110.42083",
        "https://www.google.com/maps/@-6.99306,110.42083,17z",
        "https://www.google.com/maps/place/Simpang+Lima/@-6.9,110.4,17z/data=!3d-6.99306!4d110.42083",
        "https://www.google.com/maps/place/-6.99306,110.42083",
        "https://www.google.com/maps/search/-6.99306,+110.42083",
        "https://www.google.com/maps?ll=-6.99306%2C110.42083&z=15",
        "https://www.openstreetmap.org/#map=17/-6.99306/110.42083",
        "https://www.openstreetmap.org/?mlat=-6.99306&mlon=110.42083#map=17/-6.9/110.4",
        "geo:-6.99306,110.42083",
        "geo:-6.99306,110.42083;u=35",
        "https://maps.apple.com/?ll=-6.99306,110.42083&q=Dropped%20Pin",
    ],
)
def test_decimal_forms_and_map_links(text: str) -> None:
    position = parse_position(text)
    assert (position.lat, position.lon) == pytest.approx(SIMPANG_LIMA, abs=1e-9)
    assert not position.outside_indonesia


@pytest.mark.parametrize(
    "text",
    [
        "6°59'35.0\"S 110°25'15.0\"E",
        "6°59′35″S 110°25′15″E",
        "6°59'35''S, 110°25'15''E",
        "S 6 59 35 E 110 25 15",
        "6 59 35 S 110 25 15 E",
        "6°59′35″ LS 110°25′15″ BT",
        "E 110 25 15 S 6 59 35",
        "-6°59'35\" 110°25'15\"",
        "-6 59 35 110 25 15",
        "6º 59' 35\" S  110º 25' 15\" E",
    ],
)
def test_degrees_minutes_seconds(text: str) -> None:
    position = parse_position(text)
    assert (position.lat, position.lon) == pytest.approx(SIMPANG_LIMA_DMS, abs=1e-9)


def test_degrees_and_decimal_minutes() -> None:
    position = parse_position("6° 59.5' S, 110° 25.25' E")
    assert (position.lat, position.lon) == pytest.approx((-(6 + 59.5 / 60), 110 + 25.25 / 60))


def test_a_swapped_pair_says_so_and_suggests_the_order() -> None:
    with pytest.raises(PositionRejected) as caught:
        parse_position("110.42, -6.99")
    assert caught.value.problem is PositionProblem.SWAPPED
    assert caught.value.suggestion == (-6.99, 110.42)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("-95, 100", PositionProblem.LAT_OUT_OF_RANGE),
        ("95 N 110 E", PositionProblem.LAT_OUT_OF_RANGE),
        ("-6.9, 190", PositionProblem.LON_OUT_OF_RANGE),
        ("6 S 181 E", PositionProblem.LON_OUT_OF_RANGE),
        ("Jl. Pahlawan 1", PositionProblem.NOT_UNDERSTOOD),
        ("-6.9", PositionProblem.NOT_UNDERSTOOD),
        ("6 61 0 S 110 0 0 E", PositionProblem.NOT_UNDERSTOOD),
        ("6 S 7 N", PositionProblem.NOT_UNDERSTOOD),
        ("-6 S 110 E", PositionProblem.NOT_UNDERSTOOD),
        ("1, 2, 3", PositionProblem.NOT_UNDERSTOOD),
        ("", PositionProblem.NOT_UNDERSTOOD),
        ("https://maps.app.goo.gl/x7Yz", PositionProblem.LINK_WITHOUT_POSITION),
    ],
)
def test_each_problem_is_told_apart(text: str, problem: PositionProblem) -> None:
    with pytest.raises(PositionRejected) as caught:
        parse_position(text)
    assert caught.value.problem is problem


def test_outside_indonesia_is_a_warning_not_an_error() -> None:
    paris = parse_position("48.8566, 2.3522")
    assert paris.outside_indonesia
    assert not parse_position("5.5483, 95.3238").outside_indonesia  # Banda Aceh
    assert not parse_position("-2.5337, 140.7181").outside_indonesia  # Jayapura


def test_formats() -> None:
    assert format_dms(*SIMPANG_LIMA_DMS) == "6°59'35.00\"S 110°25'15.00\"E"
    assert format_dms(0.5, -0.5) == "0°30'00.00\"N 0°30'00.00\"W"
    assert format_decimal(*SIMPANG_LIMA) == "-6.99306, 110.42083"


@given(st.text(max_size=200))
def test_any_text_gives_a_position_or_the_module_error(text: str) -> None:
    try:
        position = parse_position(text)
    except PositionRejected as error:
        problem: PositionProblem | None = error.problem
    else:
        problem = None
        assert -90 <= position.lat <= 90
        assert -180 <= position.lon <= 180
    assert problem is None or problem in PositionProblem


_position_text = st.lists(
    st.sampled_from(
        [*"0123456789 -+.,;°'\"′″NSEWUTBL", "LS", "BT", "https://www.google.com/maps/@", "geo:", "#map=1/"]
    ),
    max_size=30,
).map("".join)


@given(_position_text)
def test_position_like_text_gives_a_position_or_the_module_error(text: str) -> None:
    with contextlib.suppress(PositionRejected):
        parse_position(text)


@given(
    st.floats(min_value=-90, max_value=90, allow_nan=False),
    st.floats(min_value=-180, max_value=180, allow_nan=False),
)
def test_formatted_positions_parse_back(lat: float, lon: float) -> None:
    for text in (format_dms(lat, lon), format_decimal(lat, lon)):
        position = parse_position(text)
        assert isinstance(position, ParsedPosition)
        assert position.lat == pytest.approx(lat, abs=1e-5)
        assert position.lon == pytest.approx(lon, abs=1e-5)
