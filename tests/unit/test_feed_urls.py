"""``sim://`` feed URLs (docs/feeds.md); the module imports no Qt."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dispatch.feeds.urls import DEFAULT_SIM_RATE, KNOWN_SCHEMES, FeedUrlError, SimFeedUrl, parse_sim_url


def test_the_module_imports_no_qt() -> None:
    # In a fresh interpreter: pytest-qt may already have loaded Qt into this one.
    code = "import sys, dispatch.feeds.urls; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_known_schemes() -> None:
    assert "sim" in KNOWN_SCHEMES
    assert set(KNOWN_SCHEMES) == {"serial", "ncid", "whozz-udp", "ami", "sim"}


@pytest.mark.parametrize("text", ["sim://", "sim://?", "sim:", "SIM://", "sim://?unknown=1"])
def test_defaults(text: str) -> None:
    url = parse_sim_url(text)
    assert url == SimFeedUrl()
    assert url.rate_per_minute == DEFAULT_SIM_RATE == 2.0
    assert url.seed == 1


@pytest.mark.parametrize(
    ("text", "rate", "seed"),
    [
        ("sim://?rate=6", 6.0, 1),
        ("sim://?rate=0.5&seed=42", 0.5, 42),
        ("sim://?seed=7&rate=12", 12.0, 7),
        ("sim://?seed=-3", DEFAULT_SIM_RATE, -3),
        ("sim://?rate=600", 600.0, 1),
        ("sim://?rate=0.001", 0.001, 1),
        ("sim://?rate=1e1", 10.0, 1),
        ("sim://?rate=%20%205%20", 5.0, 1),  # percent-escaped spaces around the number
        ("sim://?rate=1&rate=3", 3.0, 1),  # the last of a repeated parameter wins
        ("sim://localhost?rate=4&seed=0", 4.0, 0),
        ("sim://?rate=3#fragment", 3.0, 1),
    ],
)
def test_rate_and_seed(text: str, rate: float, seed: int) -> None:
    url = parse_sim_url(text)
    assert url.rate_per_minute == rate
    assert url.seed == seed


@pytest.mark.parametrize(
    "rate", ["0", "-1", "601", "600.0001", "nan", "NaN", "inf", "-inf", "1e999", "abc", "1e-400"]
)
def test_bad_rate_is_refused(rate: str) -> None:
    with pytest.raises(FeedUrlError):
        parse_sim_url(f"sim://?rate={rate}&seed=1")


@pytest.mark.parametrize("seed", ["abc", "1.5", "1e3", "0x10", "9" * 5000])
def test_bad_seed_is_refused(seed: str) -> None:
    with pytest.raises(FeedUrlError):
        parse_sim_url(f"sim://?rate=2&seed={seed}")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "sim",
        "serial:///dev/ttyUSB0?baud=1200",
        "ncid://localhost:3333",
        "http://sim/",
        "simulated://",
        "://",
    ],
)
def test_other_schemes_are_refused(text: str) -> None:
    with pytest.raises(FeedUrlError, match="not a sim:// URL"):
        parse_sim_url(text)


def test_an_empty_value_means_the_default() -> None:
    assert parse_sim_url("sim://?rate=&seed=") == SimFeedUrl()


def test_feed_url_error_is_a_value_error() -> None:
    assert issubclass(FeedUrlError, ValueError)


@pytest.mark.parametrize(
    ("url", "text"),
    [
        (SimFeedUrl(), "sim://?rate=2&seed=1"),
        (SimFeedUrl(0.5, 42), "sim://?rate=0.5&seed=42"),
        (SimFeedUrl(600.0, -1), "sim://?rate=600&seed=-1"),
        (SimFeedUrl(12.25, 0), "sim://?rate=12.25&seed=0"),
    ],
)
def test_str_round_trips(url: SimFeedUrl, text: str) -> None:
    assert str(url) == text
    assert parse_sim_url(str(url)) == url


@given(
    rate=st.integers(min_value=1, max_value=600).map(float)
    | st.sampled_from([0.1, 0.25, 0.5, 1.5, 2.5, 7.75]),
    seed=st.integers(min_value=-(2**63), max_value=2**63),
)
def test_str_round_trips_for_ordinary_rates_and_any_seed(rate: float, seed: int) -> None:
    url = SimFeedUrl(rate, seed)
    assert parse_sim_url(str(url)) == url


def test_str_round_trips_for_any_accepted_rate() -> None:
    url = parse_sim_url("sim://?rate=1.2345678")
    assert parse_sim_url(str(url)) == url


@pytest.mark.parametrize("text", ["sim://[", "sim://\uff03"])
def test_a_malformed_host_is_a_feed_url_error(text: str) -> None:
    with pytest.raises(FeedUrlError):
        parse_sim_url(text)


@given(st.text(max_size=60))
@example("rate=")
@example("rate=1e-400")  # underflows to 0.0
@example("rate=%6E%61%6E")  # nan, percent-escaped
@example("seed=" + "9" * 5000)  # past int()'s digit limit
@example("rate=" + "9" * 400)
@example("rate=2&seed=%FF")
@example("rate=\x00")
@example("[&]=#?")
def test_any_query_after_sim_is_parsed_or_refused_with_feed_url_error(query: str) -> None:
    try:
        url = parse_sim_url("sim://?" + query)
    except FeedUrlError:
        return
    assert isinstance(url, SimFeedUrl)
    assert math.isfinite(url.rate_per_minute)
    assert 0 < url.rate_per_minute <= 600
    assert isinstance(url.seed, int)
