"""The handover report's data: every section from rows made through the services, checked literally.

A half-hour shift is run with a driven clock: calls of every class, an incident still open with its
units and notes, a unit taken out of service by an override and one by the lifecycle, callbacks,
flags, feed outages and alarms, staff logging in and out, the pass-down. Then the shift is closed and
the report assembled; afterwards the world moves on (the unit arrives, the callback is reached, the
flag lifted, the alert acknowledged, the incident closed...), and the report of the closed shift,
assembled again, still says what held at its end.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.callers import CallbackOutcome
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import Refusal
from dispatch.domain.enums import CallClass, Disposition, IncidentStatus, Role, UnitStatus
from dispatch.domain.shifts import THREE_BY_EIGHT, shift_at
from dispatch.domain.signals import SignalKind
from dispatch.reports.handover import (
    FORMAT,
    assemble_handover,
    canonical,
    canonical_json,
)
from dispatch.services import (
    accounts,
    alerts,
    callbacks,
    callers,
    calls,
    dispatching,
    duplicates,
    feeds,
    incidents,
    queries,
    shifts,
)
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.feeds import FeedAlarmKind
from tests.conftest import START
from tests.reports import scripted_shift as scripted
from tests.services.support import FEED, signal, unit

WIB = ZoneInfo("Asia/Jakarta")
#: The shift is opened a minute after the supervisor logged in (START, 12:00 WIB).
OPENED = START + timedelta(minutes=1)
BUDI_PASSWORD = "operator-112"


def at(minutes: int, seconds: int = 0) -> datetime:
    return OPENED + timedelta(minutes=minutes, seconds=seconds)


def iso(minutes: int, seconds: int = 0) -> str:
    return at(minutes, seconds).isoformat()


def number(n: int) -> str:
    """A distinct mobile number per call: 0812345678NN."""
    return f"0812345678{n:02d}"


def e164(n: int) -> str:
    return f"+62812345678{n:02d}"


@dataclass(frozen=True)
class Script:
    shift_id: int
    supervisor: ServiceContext
    call_taker: ServiceContext
    incident_id: int
    silent_callback: int
    abandoned_callback: int
    block_flag: int
    down_alert: int


def ring(ctx: ServiceContext, clock: ManualClock, when: datetime, n: int) -> int:
    clock.set(when)
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, when, number(n)))
    assert view is not None
    return view.id


def answer(ctx: ServiceContext, clock: ManualClock, when: datetime, call_id: int) -> int:
    clock.set(when)
    return calls.answer_call(ctx, call_id)[1].id


def run_shift(ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue) -> Script:
    """The scripted half hour (times after OPENED in the comments), closed at 30:00."""
    sari = ctx
    clock.set(at(0))
    duty = shifts.open_shift(sari, shift_at(THREE_BY_EIGHT, WIB, at(0)))
    accounts.create_user(sari, "budi", "Budi Santoso", BUDI_PASSWORD, BUDI_PASSWORD, Role.CALL_TAKER)
    second = accounts.register_console(ctx.database, clock, ctx.bus, "KONSOL-02", "host-2")
    clock.set(at(0, 30))
    login = accounts.log_in(second, "budi", BUDI_PASSWORD, position="call_taker")
    assert login.actor is not None
    budi = second.acting_as(login.actor)

    # 01:00 an accident: answered, two units sent; the police car breaks down on the way.
    accident_call = ring(budi, clock, at(1), 1)
    accident = answer(budi, clock, at(1, 12), accident_call)
    incidents.update_field(budi, accident, "category", "LAKA", catalogue)
    ambulance, patrol = unit(sari, "DEMO-PSC-01"), unit(sari, "DEMO-POL-01")
    clock.set(at(2))
    dispatching.assign_units(budi, accident, [ambulance.id, patrol.id])
    clock.set(at(2, 30))
    dispatching.set_unit_status(budi, ambulance.id, UnitStatus.EN_ROUTE)
    dispatching.set_unit_status(budi, patrol.id, UnitStatus.EN_ROUTE)
    clock.set(at(4))
    dispatching.set_unit_status(sari, patrol.id, UnitStatus.OUT_OF_SERVICE, "Ban pecah di jalan")

    # 05:00-09:50 a prank, a silent call, an abandoned one, information, a wrong number.
    prank = ring(budi, clock, at(5), 2)
    answer(budi, clock, at(5, 5), prank)
    clock.set(at(5, 40))
    calls.classify_call(budi, prank, CallClass.PRANK)
    silent = ring(budi, clock, at(6), 3)
    answer(budi, clock, at(6, 4), silent)
    clock.set(at(6, 30))
    calls.classify_call(budi, silent, CallClass.SILENT)
    ring(budi, clock, at(7), 4)
    clock.set(at(7, 20))
    calls.record_signal(budi.as_system(), signal(SignalKind.ENDED, at(7, 20), number(4)))
    information = ring(budi, clock, at(8), 5)
    answer(budi, clock, at(8, 10), information)
    clock.set(at(9))
    calls.classify_call(budi, information, CallClass.INFORMATION)
    wrong = ring(budi, clock, at(9, 30), 6)
    answer(budi, clock, at(9, 33), wrong)
    clock.set(at(9, 50))
    calls.classify_call(budi, wrong, CallClass.WRONG_NUMBER)

    # 10:00 a fire, handled and closed within the shift.
    fire_call = ring(budi, clock, at(10), 7)
    fire = answer(budi, clock, at(10, 2), fire_call)
    incidents.update_field(budi, fire, "category", "FIRE", catalogue)
    clock.set(at(12))
    incidents.close_incident(budi, fire, Disposition.HANDLED)

    # 12:30 a second caller about the accident, attached to it; 13:00 the narrative.
    second_caller = ring(budi, clock, at(12, 30), 8)
    answer(budi, clock, at(12, 40), second_caller)
    clock.set(at(12, 50))
    duplicates.attach_call(budi, second_caller, accident)
    clock.set(at(13))
    incidents.add_note(budi, accident, "Korban dua orang, satu terjepit.")

    # 14:00 the silent caller does not answer; 15:00 the fire engine goes out of service.
    (silent_queued, abandoned_queued) = callbacks.open_callbacks(sari)
    clock.set(at(14))
    callbacks.record_attempt(budi, silent_queued.id, CallbackOutcome.NO_ANSWER)
    clock.set(at(15))
    dispatching.set_unit_status(sari, unit(sari, "DEMO-DMK-01").id, UnitStatus.OUT_OF_SERVICE)

    # 16:00-17:00 flags: a block requested for the prank number, a watch entry set and lifted.
    clock.set(at(16))
    block = callers.request_block(sari, number(2), "Surat ke Telkomsel 27/11")
    watched = callers.watch_number(sari, number(9), "Penelepon bingung")
    clock.set(at(17))
    callers.lift_flag(sari, watched.id)

    # 18:00-19:30 the feed is down for 90 s; alarms: one left, one acknowledged. 25:00 down again.
    clock.set(at(18))
    feeds.outage_started(sari, FEED, at(18), "connection refused")
    down = feeds.raise_feed_alarm(sari, FEED, at(17, 30))
    clock.set(at(18, 5))
    garbage = feeds.raise_feed_alarm(sari, FEED, at(18), FeedAlarmKind.GARBAGE)
    clock.set(at(18, 30))
    alerts.acknowledge_alert(sari, garbage)
    feeds.outage_ended(sari, FEED, at(19, 30))
    clock.set(at(21))
    accounts.log_out(budi)
    ring(sari, clock, at(22), 10)  # still ringing when the shift closes
    clock.set(at(23))
    shifts.set_pass_down(sari, duty.id, "Pantau banjir di Kaligawe.", "16.00 kunjungan Gubernur.")
    clock.set(at(25))
    feeds.outage_started(sari, FEED, at(25), "no carrier")
    clock.set(at(30))
    shifts.close_shift(sari, duty.id)
    return Script(duty.id, sari, budi, accident, silent_queued.id, abandoned_queued.id, block.id, down)


def move_on(script: Script, clock: ManualClock) -> None:
    """What happens after the shift closed: none of it may change what the report says of the shift."""
    sari, budi = script.supervisor, script.call_taker
    ambulance = unit(sari, "DEMO-PSC-01")
    clock.set(at(31))
    dispatching.set_unit_status(sari, ambulance.id, UnitStatus.ON_SCENE)
    clock.set(at(31, 10))
    callbacks.record_attempt(sari, script.abandoned_callback, CallbackOutcome.REACHED_NO_EMERGENCY)
    clock.set(at(31, 20))
    callers.lift_flag(sari, script.block_flag)
    clock.set(at(31, 30))
    alerts.acknowledge_alert(sari, script.down_alert)
    feeds.outage_ended(sari, FEED, at(31, 40))
    clock.set(at(31, 50))
    incidents.add_note(sari, script.incident_id, "Korban dibawa ke RSUP Kariadi.")
    clock.set(at(32, 10))
    incidents.close_incident(sari, script.incident_id, Disposition.TRANSPORTED)
    clock.set(at(33))
    dispatching.set_unit_status(sari, unit(sari, "DEMO-DMK-01").id, UnitStatus.AVAILABLE)
    ring(sari, clock, at(34), 11)
    clock.set(at(35))
    accounts.log_out(sari)
    del budi


@pytest.fixture
def script(ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue) -> Script:
    return run_shift(ctx, clock, catalogue)


def test_the_period_and_who_worked_it(script: Script) -> None:
    data = assemble_handover(script.supervisor, script.shift_id).to_json()
    assert data["format"] == FORMAT
    assert data["period"] == {
        "shift_id": script.shift_id,
        "code": "morning",
        "day": "2026-11-27",
        "planned_start": "2026-11-27T00:00:00+00:00",
        "planned_end": "2026-11-27T08:00:00+00:00",
        "opened_at": iso(0),
        "opened_by": "sari",
        "closed_at": iso(30),
        "closed_by": "sari",
        "period_end": iso(30),
        "as_of": iso(30),
        "duration_s": 1800,
    }
    sari_id, budi_id = script.supervisor.actor.user_id, script.call_taker.actor.user_id
    assert data["staff"] == [
        {
            "user_id": sari_id,
            "username": "sari",
            "full_name": "Sari Wulandari",
            "role": "supervisor",
            "console": "KONSOL-01",
            "position": "",
            "started_at": START.isoformat(),
            "ended_at": None,
        },
        {
            "user_id": budi_id,
            "username": "budi",
            "full_name": "Budi Santoso",
            "role": "call_taker",
            "console": "KONSOL-02",
            "position": "call_taker",
            "started_at": iso(0, 30),
            "ended_at": iso(21),
        },
    ]
    assert (data["pass_down"], data["planned_events"]) == (
        "Pantau banjir di Kaligawe.",
        "16.00 kunjungan Gubernur.",
    )


def test_calls_by_class_and_by_category(script: Script) -> None:
    data = assemble_handover(script.supervisor, script.shift_id)
    assert data.calls.to_json() == {
        "total": 9,
        "by_class": [
            {"call_class": "emergency", "count": 2},  # the accident, the fire
            {"call_class": "information", "count": 1},
            {"call_class": "prank", "count": 1},
            {"call_class": "silent", "count": 1},
            {"call_class": "abandoned", "count": 1},
            {"call_class": "duplicate", "count": 1},  # the second caller about the accident
            {"call_class": "wrong_number", "count": 1},
        ],
        "unclassified": 1,  # still ringing at the close
        "by_category": [
            {"category": "LAKA", "calls": 2, "incidents": 1},
            {"category": "FIRE", "calls": 1, "incidents": 1},
        ],
    }
    assert data.calls.count(CallClass.PRANK) == 1


def test_open_incidents_with_units_age_and_last_note(script: Script) -> None:
    data = assemble_handover(script.supervisor, script.shift_id).to_json()
    # The prank, silent, information and wrong-number incidents were cancelled, the fire closed,
    # the second caller's own incident cancelled as a duplicate: the accident is left.
    assert data["open_incidents"] == [
        {
            "incident_id": script.incident_id,
            "number": "2026-000001",
            "category": "LAKA",
            "priority": "P2",
            "status": "dispatched",
            "created_at": iso(1, 12),
            "age_s": 28 * 60 + 48,
            # The patrol car left the incident when it went out of service.
            "units": [
                {
                    "call_sign": "DEMO-PSC-01",
                    "agency": "medical",
                    "status": "en_route",
                    "status_since": iso(2, 30),
                    "dispatched_at": iso(2),
                }
            ],
            "last_note": {
                "at": iso(13),
                "kind": "narrative",
                "text": "Korban dua orang, satu terjepit.",
                "author": "budi",
            },
        }
    ]


def test_units_out_of_service_and_why(script: Script) -> None:
    data = assemble_handover(script.supervisor, script.shift_id).to_json()
    assert data["units_out_of_service"] == [
        {
            "call_sign": "DEMO-DMK-01",
            "agency": "fire",
            "status": "out_of_service",
            "since": iso(15),
            "from_status": "available",
            "by": "sari",
            "override_reason": None,
        },
        {
            "call_sign": "DEMO-POL-01",
            "agency": "police",
            "status": "out_of_service",
            "since": iso(4),
            "from_status": "en_route",
            "by": "sari",
            "override_reason": "Ban pecah di jalan",
        },
    ]


def test_callbacks_flags_outages_and_alerts(script: Script) -> None:
    data = assemble_handover(script.supervisor, script.shift_id).to_json()
    assert data["callbacks"] == [
        {
            "callback_id": script.silent_callback,
            "call_id": data["callbacks"][0]["call_id"],
            "reason": "silent",
            "number": e164(3),
            "presentation": "allowed",
            "ring_at": iso(6),
            "opened_at": iso(6, 30),
            "attempts": 1,
            "last_attempt_at": iso(14),
            "last_attempt_outcome": "no_answer",
            "incident_number": "2026-000003",
        },
        {
            "callback_id": script.abandoned_callback,
            "call_id": data["callbacks"][1]["call_id"],
            "reason": "abandoned",
            "number": e164(4),
            "presentation": "allowed",
            "ring_at": iso(7),
            "opened_at": iso(7, 20),
            "attempts": 0,
            "last_attempt_at": None,
            "last_attempt_outcome": None,
            "incident_number": None,
        },
    ]
    assert data["number_flags"] == [
        {
            "flag_id": script.block_flag,
            "number": e164(2),
            "kind": "block_requested",
            "reason": "Surat ke Telkomsel 27/11",
            "at": iso(16),
            "by": "sari",
        }
    ]
    assert [{k: v for k, v in o.items() if k != "outage_id"} for o in data["feed_outages"]] == [
        {
            "feed": FEED,
            "started_at": iso(18),
            "ended_at": iso(19, 30),
            "duration_s": 90,
            "in_period_s": 90,
            "reason": "connection refused",
        },
        {
            "feed": FEED,
            "started_at": iso(25),
            "ended_at": None,  # still down at the close
            "duration_s": 300,
            "in_period_s": 300,
            "reason": "no carrier",
        },
    ]
    assert data["alerts"] == [
        {
            "alert_id": script.down_alert,
            "kind": "feed_down",
            "entity": "feed",
            "entity_id": FEED,
            "label": FEED,
            "incident_number": "",
            "raised_at": iso(18),
            "since": None,
            "limit_s": None,
            "cleared": False,
        }
    ]


def test_the_figures_are_the_periods(script: Script) -> None:
    figures = assemble_handover(script.supervisor, script.shift_id).to_json()["figures"]
    # Answered: the accident, prank, silent, information, wrong number, fire, second caller (7);
    # abandoned: one; the call ringing at the close is unresolved.
    assert (figures["offered"], figures["answered"], figures["abandoned"], figures["unresolved"]) == (
        8,
        7,
        1,
        1,
    )
    assert figures["abandonment_rate"] == 0.125
    # Ring to answer: 12, 5, 4, 10, 3, 2, 10 seconds.
    assert figures["answer"]["max_s"] == 12.0
    assert figures["answer"]["p50_s"] == 5.0
    assert figures["answer"]["mean_s"] == round(46 / 7, 6)
    assert figures["longest_ring"]["seconds"] == 20.0  # the abandoned call rang 20 s


def test_the_report_of_a_closed_shift_says_what_held_at_its_end(script: Script, clock: ManualClock) -> None:
    before = assemble_handover(script.supervisor, script.shift_id).to_json()
    move_on(script, clock)
    sari = script.supervisor
    # The world did move on: the abandoned call was reached, the flag lifted, the accident closed.
    assert [c.id for c in callbacks.open_callbacks(sari)] == [script.silent_callback]
    assert callers.flagged_numbers(sari) == []
    assert alerts.open_alerts(sari) == []
    assert queries.incident(sari, script.incident_id).status is IncidentStatus.CLOSED  # type: ignore[union-attr]
    assert unit(sari, "DEMO-DMK-01").status is UnitStatus.AVAILABLE
    after = assemble_handover(sari, script.shift_id).to_json()
    # The figures are the period's calls and incidents as they stand (an interval finished after the
    # close counts): everything else is as at the close.
    del before["figures"], after["figures"]
    assert after == before


def test_the_draft_of_an_open_shift_reads_the_present(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    clock.set(at(0))
    duty = shifts.open_shift(ctx, shift_at(THREE_BY_EIGHT, WIB, at(0)))
    accident = answer(ctx, clock, at(1, 10), ring(ctx, clock, at(1), 1))
    clock.set(at(5))
    data = assemble_handover(ctx, duty.id).to_json()
    assert data["period"]["closed_at"] is None
    assert data["period"]["period_end"] == "2026-11-27T08:00:00+00:00"  # the planned end
    assert data["period"]["as_of"] == iso(5)
    (open_incident,) = data["open_incidents"]
    assert (open_incident["incident_id"], open_incident["status"], open_incident["age_s"]) == (
        accident,
        "new",
        230,
    )
    assert data["calls"]["total"] == 1


def test_an_unknown_shift_is_refused(ctx: ServiceContext) -> None:
    with pytest.raises(ServiceError) as refused:
        assemble_handover(ctx, 999)
    assert refused.value.code is Refusal.NO_SUCH_SHIFT


def test_two_assemblies_of_a_closed_shift_are_the_same_bytes(script: Script) -> None:
    first = canonical_json(assemble_handover(script.supervisor, script.shift_id).to_json())
    second = canonical_json(assemble_handover(script.supervisor, script.shift_id).to_json())
    assert first.encode() == second.encode()
    assert json.loads(first) == assemble_handover(script.supervisor, script.shift_id).to_json()


# --- canonical JSON --------------------------------------------------------------------------------


def test_canonical_json_writes_one_form() -> None:
    data = {
        "b": [1, 2.5, None, True],
        "a": {"z": "Gubernur – Jawa Tengah", "y": 1 / 3},
        "at": datetime(2026, 11, 27, 12, 0, tzinfo=ZoneInfo("Asia/Jakarta")),
        "day": date(2026, 11, 27),
        "class": CallClass.PRANK,
        "neg": -0.0,
        "tuple": (1, 2),
    }
    assert canonical_json(data) == (
        '{"a":{"y":0.333333,"z":"Gubernur – Jawa Tengah"},"at":"2026-11-27T05:00:00+00:00",'
        '"b":[1,2.5,null,true],"class":"prank","day":"2026-11-27","neg":0.0,"tuple":[1,2]}'
    )


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_canonical_json_refuses_what_is_not_a_number(bad: float) -> None:
    with pytest.raises(ValueError, match="not a finite number"):
        canonical_json({"x": bad})


def test_canonical_json_refuses_keys_that_are_not_text_and_naive_times() -> None:
    with pytest.raises(TypeError):
        canonical_json({1: "one"})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="naive"):
        canonical_json({"at": datetime(2026, 11, 27, 12, 0)})  # noqa: DTZ001 (the point)
    with pytest.raises(TypeError):
        canonical_json({"x": object()})


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)


@given(st.dictionaries(st.text(), json_values, max_size=6))
def test_canonical_json_reads_back_and_writes_the_same_bytes_again(data: dict[str, object]) -> None:
    text = canonical_json(data)
    loaded = json.loads(text)
    assert loaded == canonical(data)
    assert canonical_json(loaded) == text
    # The order keys were inserted in does not matter.
    assert canonical_json(dict(reversed(list(data.items())))) == text


@given(
    st.datetimes(timezones=st.just(UTC))
    | st.datetimes(timezones=st.sampled_from([WIB, ZoneInfo("Asia/Jayapura")]))
)
def test_canonical_json_writes_every_instant_in_utc(instant: datetime) -> None:
    written = json.loads(canonical_json({"at": instant}))["at"]
    assert written.endswith("+00:00")
    # (Compared in UTC: a local time the clock showed twice never equals another zone's instant.)
    assert datetime.fromisoformat(written) == instant.astimezone(UTC)
    assert datetime.fromisoformat(written).tzinfo == UTC


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_a_float_is_rounded_once_and_stays(value: float) -> None:
    once = json.loads(canonical_json({"x": value}))["x"]
    assert once == round(value, 6) or (once == 0.0 and round(value, 6) == 0)
    assert json.loads(canonical_json({"x": once}))["x"] == once


# --- the scripted 8-hour shift (tests/reports/scripted_shift.py) -----------------------------------


def utc(hour: int, minute: int, second: int = 0) -> str:
    """A WIB moment of the scripted day as the report writes it (UTC)."""
    return scripted.wib(hour, minute, second).astimezone(UTC).isoformat()


def test_the_handover_of_the_scripted_shift_counted_by_hand(ctx: ServiceContext, clock: ManualClock) -> None:
    worked = scripted.run_scripted_shift(ctx, clock)
    data = assemble_handover(ctx, worked.shift_id).to_json()
    assert (data["period"]["opened_at"], data["period"]["closed_at"], data["period"]["as_of"]) == (
        "2026-11-28T00:00:00+00:00",
        "2026-11-28T08:00:00+00:00",
        "2026-11-28T08:00:00+00:00",
    )
    # Sari's log-in of the day before ended at 06:45, before the shift; everyone logged out at 15:02,
    # after it: still at their consoles at the close.
    assert [
        (s["username"], s["console"], s["position"], s["started_at"], s["ended_at"]) for s in data["staff"]
    ] == [
        ("sari", "KONSOL-01", "supervisor", utc(6, 50), None),
        ("budi", "KONSOL-02", "call_taker", utc(6, 58), None),
        ("citra", "KONSOL-03", "call_taker", utc(7, 1), None),
        ("dodi", "KONSOL-04", "dispatcher", utc(7, 2), None),
    ]
    # The script's table, class by class: emergency 1, 5, 10, 14, 16, 21, 25, 28, 32, 33; information
    # 2, 11, 15, 23, 27, 31; prank 3, 9, 13, 17, 22, 24, 29, 34; silent 8, 19, 30; abandoned 4, 12, 18,
    # 26; duplicate 6; wrong number 7, 20; call 35 still ringing.
    assert data["calls"] == {
        "total": 35,
        "by_class": [
            {"call_class": "emergency", "count": 10},
            {"call_class": "information", "count": 6},
            {"call_class": "prank", "count": 8},
            {"call_class": "silent", "count": 3},
            {"call_class": "abandoned", "count": 4},
            {"call_class": "duplicate", "count": 1},
            {"call_class": "wrong_number", "count": 2},
        ],
        "unclassified": 1,
        # MED 10, 16, 25, 32, 33; FIRE 5, its second caller 6, and 21; CRIM 14, 28; LAKA 1.
        "by_category": [
            {"category": "MED", "calls": 5, "incidents": 5},
            {"category": "FIRE", "calls": 3, "incidents": 2},
            {"category": "CRIM", "calls": 2, "incidents": 2},
            {"category": "LAKA", "calls": 1, "incidents": 1},
        ],
    }
    # Eight emergencies were closed; 32 (PMI-01 on scene) and 33 (no unit free) are handed over.
    # Every answered call opened an incident: 27 of calls 1-31 were answered (4, 12, 18, 26 were not),
    # so call 32 opened the 28th and call 33 the 29th.
    assert data["open_incidents"] == [
        {
            "incident_id": worked.incidents[32],
            "number": "2026-000028",
            "category": "MED",
            "priority": "P1",
            "status": "on_scene",
            "created_at": utc(14, 12, 10),
            "age_s": 47 * 60 + 50,  # 14:12:10 to 15:00:00
            "units": [
                {
                    "call_sign": "DEMO-PMI-01",
                    "agency": "medical",
                    "status": "on_scene",
                    "status_since": utc(14, 24, 10),
                    "dispatched_at": utc(14, 13),
                }
            ],
            "last_note": {
                "at": utc(14, 30),
                "kind": "narrative",
                "text": "PMI-01 masih menangani pasien di lokasi.",
                "author": "budi",
            },
        },
        {
            "incident_id": worked.incidents[33],
            "number": "2026-000029",
            "category": "MED",
            "priority": "P1",
            "status": "awaiting_dispatch",
            "created_at": utc(14, 40, 9),
            "age_s": 19 * 60 + 51,  # 14:40:09 to 15:00:00
            "units": [],
            "last_note": {
                "at": utc(14, 41),
                "kind": "narrative",
                "text": "Lansia jatuh di kamar mandi, sadar, tidak bisa berdiri.",
                "author": "citra",
            },
        },
    ]
    assert data["units_out_of_service"] == [
        {
            "call_sign": "DEMO-DMK-05",
            "agency": "fire",
            "status": "out_of_service",
            "since": utc(8, 0),
            "from_status": "available",
            "by": "dodi",
            "override_reason": None,
        }
    ]
    # Abandoned 4 and 12 and silent 19 were reached; silent 8 and abandoned 18 were tried once; 26 and 30
    # wait. A silent call is queued when classified (30 s after the answer), an abandoned one when the
    # caller hangs up.
    assert [
        (c["call_id"], c["reason"], c["number"], c["opened_at"], c["attempts"], c["last_attempt_outcome"])
        for c in data["callbacks"]
    ] == [
        (worked.calls[8], "silent", "+62812" + "00000008", utc(7, 52, 43), 1, "no_answer"),
        (worked.calls[18], "abandoned", "+62812" + "00000018", utc(9, 35, 38), 1, "no_answer"),
        (worked.calls[26], "abandoned", "+62812" + "00000026", utc(12, 5, 19), 0, None),
        (worked.calls[30], "silent", "+62812" + "00000030", utc(13, 33, 41), 0, None),
    ]
    assert [(f["number"], f["kind"], f["at"], f["by"]) for f in data["number_flags"]] == [
        ("+6285712345678", "block_requested", utc(11, 30), "sari")
    ]
    assert [
        (o["started_at"], o["ended_at"], o["duration_s"], o["in_period_s"]) for o in data["feed_outages"]
    ] == [(utc(10, 50), utc(11, 1), 660, 660)]
    assert [(a["alert_id"], a["kind"], a["raised_at"]) for a in data["alerts"]] == [
        (worked.alert_id, "feed_down", utc(10, 50))
    ]
    assert (data["pass_down"], data["planned_events"]) == (scripted.PASS_DOWN, scripted.PLANNED_EVENTS)
    assert (data["figures"]["offered"], data["figures"]["answered"], data["figures"]["abandoned"]) == (
        34,
        30,
        4,
    )
