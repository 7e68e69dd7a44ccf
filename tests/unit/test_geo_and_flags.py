"""Distances, bounding boxes, ETAs and incident flags."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.flags import IncidentFlag, format_flags, parse_flags
from dispatch.domain.geo import bounding_box, distance_m, eta_minutes

SIMPANG_LIMA = (-6.9903, 110.4229)
TUGU_MUDA = (-6.9840, 110.4098)


def test_distance_between_two_semarang_landmarks() -> None:
    # Measured on a map: about 1.6 km.
    assert distance_m(*SIMPANG_LIMA, *TUGU_MUDA) == pytest.approx(1608, rel=0.02)


def test_one_degree_of_latitude_is_about_111_km() -> None:
    assert distance_m(0, 0, 1, 0) == pytest.approx(111_195, rel=0.001)


@given(
    st.floats(-80.0, 80.0),
    st.floats(-179.0, 179.0),
    st.floats(1.0, 20_000.0),
    st.floats(-0.3, 0.3),
    st.floats(-0.3, 0.3),
)
def test_a_point_within_the_radius_lies_in_the_bounding_box(
    lat: float, lon: float, radius: float, d_lat: float, d_lon: float
) -> None:
    box = bounding_box(lat, lon, radius)
    other_lat, other_lon = lat + d_lat, lon + d_lon
    if distance_m(lat, lon, other_lat, other_lon) <= radius:
        assert box.min_lat <= other_lat <= box.max_lat
        assert box.min_lon <= other_lon <= box.max_lon
    assert distance_m(lat, lon, box.max_lat + 1e-6, lon) > radius


def test_eta_at_40_kmh() -> None:
    assert eta_minutes(10_000, 40) == pytest.approx(15.0)
    with pytest.raises(ValueError, match="positive"):
        eta_minutes(1, 0)


def test_flags_round_trip_in_a_stable_order() -> None:
    flags = {IncidentFlag.WEAPON, IncidentFlag.TRAPPED}
    stored = format_flags(flags)
    assert stored == "trapped,weapon"
    assert parse_flags(stored) == flags
    assert parse_flags("trapped,from_the_future,,") == {IncidentFlag.TRAPPED}
