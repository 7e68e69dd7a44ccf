"""The gateway's rules: a heartbeat's feeds written and read back (never raising on what is stored),
when a gateway is silent, what a console says about the centre's gateways, a feed alarm's message."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.gateway import (
    FEED_STATES,
    NO_GATEWAY,
    RETIRED_AFTER,
    SILENT_AFTER,
    FeedHealthView,
    GatewayView,
    Silence,
    decode_feeds,
    encode_feeds,
    gateway_silent,
    parse_feed_alarm_message,
    silences,
)
from dispatch.feeds.runner import FeedState

NOW = datetime(2026, 11, 27, 5, 0, 0, tzinfo=UTC)

# st.datetimes takes naive bounds and makes aware times with the zone given.
aware_times = st.datetimes(
    min_value=datetime(2000, 1, 1),  # noqa: DTZ001
    max_value=datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=st.just(UTC),
)
feed_views = st.builds(
    FeedHealthView,
    feed=st.text(min_size=1, max_size=80),
    state=st.sampled_from(FEED_STATES),
    since=aware_times,
    last_frame_at=st.none() | aware_times,
    detail=st.text(max_size=200),
    retry_in=st.none() | st.floats(min_value=0, max_value=1e6, allow_nan=False),
    delayed_since=st.none() | aware_times,
    queued=st.integers(min_value=0, max_value=10**9),
    store_detail=st.text(max_size=200),
    rejected_dropped=st.integers(min_value=0, max_value=10**9),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=15), children, max_size=6)
    ),
    max_leaves=20,
)


def aware_time_text(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def gateway(name: str = "gateway", beat: datetime = NOW, stopped: datetime | None = None) -> GatewayView:
    return GatewayView(name, "host", 1, "0.1.0", beat - timedelta(hours=1), beat, stopped, ())


def test_the_domain_knows_every_state_a_feed_runner_reports() -> None:
    assert set(FEED_STATES) == {state.value for state in FeedState}


@given(st.lists(feed_views, max_size=5))
def test_feeds_read_back_as_written(views: list[FeedHealthView]) -> None:
    assert decode_feeds(encode_feeds([view.to_json() for view in views])) == tuple(views)


@given(json_values)
def test_whatever_json_is_stored_the_feeds_are_read_without_raising(value: object) -> None:
    found = decode_feeds(json.dumps(value))
    assert all(view.state in FEED_STATES and view.since.tzinfo is not None for view in found)


@given(st.text(max_size=300))
def test_any_text_stored_reads_without_raising(text: str) -> None:
    assert isinstance(decode_feeds(text), tuple)


@given(feed_views, st.sampled_from(["since", "state", "feed"]), json_values)
def test_a_feed_without_its_name_state_or_time_is_left_out(
    view: FeedHealthView, key: str, value: object
) -> None:
    item = view.to_json()
    item[key] = value
    readable = (
        (key == "since" and aware_time_text(value))
        or (key == "state" and value in FEED_STATES)
        or (key == "feed" and isinstance(value, str) and value != "")
    )
    assert (decode_feeds(json.dumps([item])) != ()) == readable


def test_a_malformed_field_takes_its_default_and_the_rest_is_kept() -> None:
    view = FeedHealthView("ncid://pbx:3333", "down", NOW, detail="refused", queued=4)
    item = view.to_json() | {"queued": -3, "last_frame_at": "yesterday", "retry_in": "soon", "new": 1}
    assert decode_feeds(json.dumps([item, {"feed": "x"}, 7])) == (
        FeedHealthView("ncid://pbx:3333", "down", NOW, detail="refused"),
    )


def test_a_naive_time_is_not_read_as_a_time() -> None:
    item = FeedHealthView("serial:/dev/ttyUSB0", "up", NOW).to_json() | {"since": "2026-11-27T05:00:00"}
    assert decode_feeds(json.dumps([item])) == ()


def test_a_gateway_is_silent_after_ten_seconds_without_a_heartbeat() -> None:
    view = gateway(beat=NOW)
    assert not gateway_silent(view, NOW + SILENT_AFTER)
    assert gateway_silent(view, NOW + SILENT_AFTER + timedelta(microseconds=1))
    # Its clock ahead of the console's: a heartbeat all the same.
    assert not gateway_silent(view, NOW - timedelta(minutes=5))


def test_a_stopped_gateway_is_silent_at_once() -> None:
    assert gateway_silent(gateway(beat=NOW, stopped=NOW), NOW)


def test_no_gateway_at_all_is_said() -> None:
    assert silences([], NOW) == (NO_GATEWAY,)


def test_beating_gateways_leave_nothing_to_say() -> None:
    assert silences([gateway("a"), gateway("b", NOW - timedelta(seconds=9))], NOW) == ()


def test_every_silent_gateway_is_named_the_longest_silent_first() -> None:
    found = silences(
        [
            gateway("pbx", NOW - timedelta(seconds=14)),
            gateway("modem", NOW - timedelta(seconds=60)),
            gateway("c"),
        ],
        NOW,
    )
    assert [s.gateway for s in found] == ["modem", "pbx"]
    assert found[1].silent_for(NOW) == timedelta(seconds=14)


def test_a_gateway_silent_for_a_day_is_retired_while_another_beats_but_named_when_none_does() -> None:
    old = gateway("old-host", NOW - RETIRED_AFTER - timedelta(seconds=1), stopped=NOW - RETIRED_AFTER)
    assert silences([old, gateway("new-host")], NOW) == ()
    assert silences([old], NOW) == (Silence("old-host", old.heartbeat_at, old.stopped_at),)


def test_silence_is_never_negative() -> None:
    assert Silence("g", NOW + timedelta(seconds=3)).silent_for(NOW) == timedelta(0)
    assert NO_GATEWAY.silent_for(NOW) == timedelta(0)


def test_a_feed_alarms_message_gives_its_time_and_detail() -> None:
    assert parse_feed_alarm_message(f"since {NOW.isoformat()}: 12 frames waiting; lost: x: y") == (
        NOW,
        "12 frames waiting; lost: x: y",
    )
    assert parse_feed_alarm_message(f"since {NOW.isoformat()}") == (NOW, "")
    assert parse_feed_alarm_message("the feed is down") == (None, "the feed is down")


@given(aware_times, st.text(max_size=100))
def test_a_feed_alarms_message_reads_back_as_the_service_writes_it(since: datetime, detail: str) -> None:
    message = f"since {since.isoformat()}" + (f": {detail}" if detail else "")
    assert parse_feed_alarm_message(message) == (since, detail)


@given(st.text(max_size=200))
def test_any_message_is_read_without_raising(message: str) -> None:
    since, detail = parse_feed_alarm_message(message)
    assert since is None or since.tzinfo is not None
    assert isinstance(detail, str)
