"""The training simulator's caller generator: reproducible, realistic shares, valid numbers."""

from __future__ import annotations

import math
import statistics
from collections import Counter

import pytest

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.catalogue import Catalogue, Category
from dispatch.domain.enums import AgencyType, CallClass, Presentation, Priority
from dispatch.domain.phone import parse_caller_number
from dispatch.simulator.callers import (
    CALLER_NAMES,
    CLASS_WEIGHTS,
    NAME_SHARE,
    UNAVAILABLE_SHARE,
    WITHHELD_SHARE,
    CallerGenerator,
    SimulatedCaller,
)

SAMPLE = 5000


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_default_catalogue()


@pytest.fixture(scope="module")
def callers(catalogue: Catalogue) -> list[SimulatedCaller]:
    generator = CallerGenerator(seed=112, catalogue=catalogue)
    return [generator.next_caller() for _ in range(SAMPLE)]


def test_same_seed_same_sequence(catalogue: Catalogue) -> None:
    first = CallerGenerator(42, catalogue)
    second = CallerGenerator(42, catalogue)
    assert [(first.next_caller(), first.next_interval(3.0)) for _ in range(200)] == [
        (second.next_caller(), second.next_interval(3.0)) for _ in range(200)
    ]
    again = CallerGenerator(42, catalogue)
    other = CallerGenerator(43, catalogue)
    assert [other.next_caller() for _ in range(50)] != [again.next_caller() for _ in range(50)]


def test_weights_sum_to_one_and_prank_plus_silent_is_about_39_percent() -> None:
    assert math.isclose(sum(CLASS_WEIGHTS.values()), 1.0)
    assert 0.37 <= CLASS_WEIGHTS[CallClass.PRANK] + CLASS_WEIGHTS[CallClass.SILENT] <= 0.41


def test_class_shares_within_tolerance(callers: list[SimulatedCaller]) -> None:
    counts = Counter(caller.intended_class for caller in callers)
    for call_class, weight in CLASS_WEIGHTS.items():
        assert counts[call_class] / SAMPLE == pytest.approx(weight, abs=0.02), call_class
    non_emergency = counts[CallClass.PRANK] + counts[CallClass.SILENT]
    assert non_emergency / SAMPLE == pytest.approx(0.386, abs=0.025)


def test_emergency_categories(callers: list[SimulatedCaller], catalogue: Catalogue) -> None:
    emergencies = [caller for caller in callers if caller.intended_class is CallClass.EMERGENCY]
    assert all(caller.category_code in catalogue for caller in emergencies)
    others = [caller for caller in callers if caller.intended_class is not CallClass.EMERGENCY]
    assert all(caller.category_code is None for caller in others)
    ranked = [code for code, _ in Counter(caller.category_code for caller in emergencies).most_common()]
    assert set(ranked[:2]) == {"MED", "LAKA"}
    assert set(ranked) == set(catalogue.codes)


def test_presented_numbers_parse_to_valid_e164(callers: list[SimulatedCaller]) -> None:
    for caller in callers:
        number = parse_caller_number(caller.number_raw)
        assert number.presentation is caller.presentation
        if caller.presentation is Presentation.ALLOWED:
            assert number.e164 is not None, caller.number_raw
            assert number.e164.startswith("+62")
            assert number.e164[3] == "8" or number.e164.startswith("+6224"), caller.number_raw
        else:
            assert caller.name is None


def test_withheld_unavailable_and_name_shares(callers: list[SimulatedCaller]) -> None:
    presentations = Counter(caller.presentation for caller in callers)
    assert presentations[Presentation.PRIVATE] / SAMPLE == pytest.approx(WITHHELD_SHARE, abs=0.01)
    assert presentations[Presentation.UNAVAILABLE] / SAMPLE == pytest.approx(UNAVAILABLE_SHARE, abs=0.008)
    named = [caller.name for caller in callers if caller.name is not None]
    assert len(named) / SAMPLE == pytest.approx(NAME_SHARE, abs=0.03)
    assert set(named) <= set(CALLER_NAMES)


def test_mobiles_and_semarang_landlines_both_occur(callers: list[SimulatedCaller]) -> None:
    e164s = [parse_caller_number(caller.number_raw).e164 for caller in callers]
    landlines = [number for number in e164s if number and number.startswith("+6224")]
    mobiles = [number for number in e164s if number and number.startswith("+628")]
    assert landlines
    assert len(mobiles) > 5 * len(landlines)
    for number in landlines:
        assert len(number) - len("+6224") in (7, 8)


def test_repeat_pranksters_recur(callers: list[SimulatedCaller]) -> None:
    prank_numbers = Counter(
        caller.number_raw
        for caller in callers
        if caller.intended_class is CallClass.PRANK and caller.presentation is Presentation.ALLOWED
    )
    assert prank_numbers.most_common(1)[0][1] >= 20
    assert sum(1 for count in prank_numbers.values() if count >= 5) >= 3


def test_opening_lines_and_ring_times(callers: list[SimulatedCaller]) -> None:
    for caller in callers:
        if caller.intended_class in (CallClass.SILENT, CallClass.ABANDONED):
            assert caller.opening_line == ""
        else:
            assert caller.opening_line.strip()
            assert "{" not in caller.opening_line
        # Patience: tests/unit/test_simulated_patience.py.
        if caller.intended_class is CallClass.ABANDONED:
            assert 1.0 <= caller.ring_seconds <= 6.0
        else:
            assert 40.0 <= caller.ring_seconds <= 300.0
    fires = {caller.opening_line for caller in callers if caller.category_code == "FIRE"}
    assert len(fires) > 10


@pytest.mark.parametrize("rate", [0.5, 2.0, 12.0])
def test_interval_mean_close_to_60_over_rate(catalogue: Catalogue, rate: float) -> None:
    generator = CallerGenerator(7, catalogue)
    intervals = [generator.next_interval(rate) for _ in range(SAMPLE)]
    assert all(interval >= 0 for interval in intervals)
    assert statistics.fmean(intervals) == pytest.approx(60.0 / rate, rel=0.05)


@pytest.mark.parametrize("rate", [0.0, -1.0, math.inf, math.nan])
def test_interval_rejects_bad_rates(catalogue: Catalogue, rate: float) -> None:
    with pytest.raises(ValueError, match="rate_per_minute"):
        CallerGenerator(1, catalogue).next_interval(rate)


def test_unlisted_category_gets_a_generic_line() -> None:
    catalogue = Catalogue(
        (Category("BANJIR_ROB", "Banjir rob", "Tidal flood", Priority.P2, (AgencyType.DISASTER,)),)
    )
    generator = CallerGenerator(5, catalogue)
    generated = [generator.next_caller() for _ in range(200)]
    emergencies = [caller for caller in generated if caller.intended_class is CallClass.EMERGENCY]
    assert emergencies
    assert all(caller.category_code == "BANJIR_ROB" for caller in emergencies)
    assert all("banjir rob" in caller.opening_line for caller in emergencies)


def test_empty_catalogue_is_rejected() -> None:
    with pytest.raises(ValueError, match="no categories"):
        CallerGenerator(1, Catalogue(()))
