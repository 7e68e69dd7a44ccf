"""Simulated crews' plans: times from distance and speed, within their ranges, repeatable from a seed."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.crews import (
    DEFAULT_TIMINGS,
    AgencyTiming,
    CrewRules,
    ResponsePlan,
    crew_rng,
    plan_response,
    travel_seconds,
)
from dispatch.domain.enums import AgencyType
from dispatch.domain.geo import distance_m

A = AgencyType
#: Markas Damkar, Jl. Madukoro, and Simpang Lima (demo roster and a Semarang landmark).
MADUKORO = (-6.976, 110.393)
SIMPANG_LIMA = (-6.9903, 110.4229)


def _fixed(speed_kmh: float = 30.0) -> AgencyTiming:
    """No randomness in the ranges: every draw is the one value."""
    return AgencyTiming((10, 10), (60, 60), speed_kmh, (20, 20), back_in_service_s=(30, 30))


def _rules(timing: AgencyTiming, spread: float = 0.0) -> CrewRules:
    return CrewRules(timings={agency: timing for agency in AgencyType}, travel_spread=spread)


def test_a_plan_from_distance_at_the_agency_speed_on_roads_longer_than_the_straight_line() -> None:
    # 5 km straight, 6.5 km of road at 30 km/h: 13 minutes.
    plan = plan_response(random.Random(1), A.FIRE, 5_000.0, _rules(_fixed()))
    assert plan == ResponsePlan(
        acknowledge_s=10, en_route_s=60, on_scene_s=60 + 780, clear_s=840 + 1_200, available_s=2_040 + 30
    )
    assert plan.travel_s == 780
    assert travel_seconds(5_000.0, 30.0, 1.3) == pytest.approx(780)


def test_travel_randomness_stays_within_fifteen_percent() -> None:
    rules = _rules(_fixed(), spread=0.15)
    travels = {plan_response(random.Random(seed), A.POLICE, 5_000.0, rules).travel_s for seed in range(300)}
    assert min(travels) >= 780 * 0.85 - 1
    assert max(travels) <= 780 * 1.15 + 1
    # Both ways, not one value: the spread is used.
    assert min(travels) < 700
    assert max(travels) > 860


def test_without_a_position_the_agency_typical_distance_is_driven() -> None:
    timing = AgencyTiming((10, 10), (60, 60), 30.0, (20, 20), (30, 30), typical_distance_m=2_500.0)
    rules = _rules(timing)
    unknown = plan_response(random.Random(1), A.SAR, None, rules)
    assert unknown == plan_response(random.Random(1), A.SAR, 2_500.0, rules)
    assert unknown.travel_s == 390


def test_an_incident_next_door_still_takes_the_shortest_drive() -> None:
    plan = plan_response(random.Random(1), A.MEDICAL, 0.0, _rules(_fixed()))
    assert plan.travel_s == 30


def test_farther_is_later_with_the_same_draws() -> None:
    near = plan_response(random.Random(7), A.MEDICAL, 1_000.0)
    far = plan_response(random.Random(7), A.MEDICAL, 8_000.0)
    assert far.acknowledge_s == near.acknowledge_s
    assert far.en_route_s == near.en_route_s
    assert far.on_scene_s > near.on_scene_s
    assert far.clear_s - far.on_scene_s == near.clear_s - near.on_scene_s


def test_the_same_seed_unit_and_assignment_give_the_same_plan() -> None:
    first = plan_response(crew_rng(12, 5, 40), A.FIRE, 3_000.0)
    assert plan_response(crew_rng(12, 5, 40), A.FIRE, 3_000.0) == first
    others = {plan_response(crew_rng(12, 5, n), A.FIRE, 3_000.0) for n in range(41, 51)}
    assert len(others) > 5  # each assignment its own draws
    assert plan_response(crew_rng(13, 5, 40), A.FIRE, 3_000.0) != first


def test_default_turnout_ranges_straddle_nfpa_1710() -> None:
    medical, fire = DEFAULT_TIMINGS[A.MEDICAL].turnout_s, DEFAULT_TIMINGS[A.FIRE].turnout_s
    assert medical[0] < 60 < medical[1]
    assert fire[0] < 80 < fire[1]


def test_an_ambulance_three_km_away_always_meets_semarangs_ten_minutes() -> None:
    # Semarang's target (DOMAIN.md): on scene within 10 minutes; the ambulance's slowest draws.
    timing = DEFAULT_TIMINGS[A.MEDICAL]
    worst = timing.turnout_s[1] + travel_seconds(3_000.0, timing.speed_kmh, 1.3) * 1.15
    assert worst < 600
    plans = [plan_response(random.Random(seed), A.MEDICAL, 3_000.0) for seed in range(200)]
    assert max(plan.on_scene_s for plan in plans) <= worst + 1


def test_a_fire_engine_from_madukoro_to_simpang_lima() -> None:
    straight = distance_m(*MADUKORO, *SIMPANG_LIMA)
    assert 3_500 < straight < 3_700
    nominal = travel_seconds(straight, DEFAULT_TIMINGS[A.FIRE].speed_kmh, 1.3)
    # 3.6 km straight is 4.7 km of road at 32 km/h: some 8.8 minutes, drawn within ±15 %.
    assert 520 < nominal < 540
    plan = plan_response(crew_rng(1, 7, 1), A.FIRE, straight)
    assert 0.85 * nominal - 1 <= plan.travel_s <= 1.15 * nominal + 1


def test_rules_refuse_missing_agencies_and_bad_ranges() -> None:
    with pytest.raises(ValueError, match="no timing"):
        CrewRules(timings={A.POLICE: DEFAULT_TIMINGS[A.POLICE]})
    with pytest.raises(ValueError, match="range"):
        AgencyTiming((20, 10), (60, 60), 30.0, (20, 20))
    with pytest.raises(ValueError, match="speed"):
        AgencyTiming((10, 20), (60, 60), 0.0, (20, 20))
    with pytest.raises(ValueError, match="road factor"):
        CrewRules(road_factor=0.9)
    with pytest.raises(ValueError, match="distance"):
        plan_response(random.Random(1), A.POLICE, -1.0)


@given(
    st.integers(min_value=0, max_value=2**32),
    st.sampled_from(list(AgencyType)),
    st.one_of(st.none(), st.floats(min_value=0.0, max_value=60_000.0)),
)
def test_every_plan_is_positive_increasing_and_within_its_ranges(
    seed: int, agency: AgencyType, distance: float | None
) -> None:
    plan = plan_response(random.Random(seed), agency, distance)
    steps = plan.steps
    assert steps[0] >= 1
    assert all(later >= earlier + 1 for earlier, later in itertools.pairwise(steps))
    assert all(step == int(step) for step in steps)
    timing = DEFAULT_TIMINGS[agency]
    low, high = timing.acknowledge_s
    assert max(1, round(low)) <= plan.acknowledge_s <= round(high)
    assert (
        round(timing.turnout_s[0])
        <= plan.en_route_s
        <= max(round(timing.turnout_s[1]), plan.acknowledge_s + 1)
    )
    minutes = (plan.clear_s - plan.on_scene_s) / 60
    assert timing.on_scene_min[0] - 0.01 <= minutes <= timing.on_scene_min[1] + 0.01
    straight = timing.typical_distance_m if distance is None else distance
    nominal = travel_seconds(straight, timing.speed_kmh, 1.3)
    assert plan.travel_s >= max(30, nominal * 0.85) - 1
    assert plan.travel_s <= max(30, nominal * 1.15) + 1
