"""The forwarding figures: answer to forwarding, to acknowledgement, to arrival reported, per agency and
over all, computed by hand; read from a real database (SQLite, and PostgreSQL when the tests have one).

The forwardings are rows of the tables as the forwarding service writes them (an agency, its
forwardings with their milestones and state), put in directly so that each time is exactly the one
the hand computation uses.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.clock import ManualClock
from dispatch.domain.figures import (
    Distribution,
    ForwardingFigures,
    ForwardingTiming,
    forwarding_figures,
    shift_figures,
)
from dispatch.domain.signals import SignalKind
from dispatch.reports.figures_data import forwarding_timings, period_figures
from dispatch.services import calls
from dispatch.services.context import ServiceContext
from dispatch.store.database import Database
from dispatch.store.tables import Agency, Forwarding
from tests.services.support import signal
from tests.store.postgres import (
    sqlite_and_postgres,  # noqa: F401 (the database fixture, both kinds)
)

WIB = ZoneInfo("Asia/Jakarta")
#: 10:00:00 WIB.
TEN = datetime(2026, 11, 27, 10, 0, 0, tzinfo=WIB)


def wib(minutes: int, seconds: int = 0) -> datetime:
    return TEN + timedelta(minutes=minutes, seconds=seconds)


def timing(
    forwarding_id: int,
    incident_id: int,
    agency_id: int,
    name: str,
    created: datetime,
    forwarded: datetime,
    acknowledged: datetime | None = None,
    arrived: datetime | None = None,
    state: str = "sent",
) -> ForwardingTiming:
    return ForwardingTiming(
        forwarding_id, incident_id, agency_id, name, created, forwarded, acknowledged, arrived, state
    )


DAMKAR, POLSEK, PSC = 1, 2, 3

#: Three incidents of the half hour 10:00-10:30 WIB (created 10:01, 10:05 and 10:29) and their
#: forwardings; the seconds each measures are in the comments.
FORWARDINGS = (
    # Incident 1, created 10:01:00.
    # Damkar told 10:01:40 (answer to forwarding 40), acknowledged 10:02:10 (30), arrived 10:09:40 (480).
    timing(11, 1, DAMKAR, "Damkar Semarang", wib(1), wib(1, 40), wib(2, 10), wib(9, 40), "arrived"),
    # The Polsek told 10:02:00 (60); it never acknowledged (still open when read).
    timing(12, 1, POLSEK, "Polsek Tembalang", wib(1), wib(2), state="sent"),
    # Incident 2, created 10:05:00.
    # The Polsek told 10:05:20 (20: its first forwarding of it), cancelled before acknowledging...
    timing(21, 2, POLSEK, "Polsek Tembalang", wib(5), wib(5, 20), state="cancelled"),
    # ...and told again 10:07:00: acknowledged 10:08:00 (60), arrived 10:20:00 (780).
    timing(22, 2, POLSEK, "Polsek Tembalang", wib(5), wib(7), wib(8), wib(20), "handled"),
    # Damkar (renamed in the directory since) told 10:06:30 (90), acknowledged on the phone (0),
    # handled without an arrival reported.
    timing(23, 2, DAMKAR, "Damkar Kota Semarang", wib(5), wib(6, 30), wib(6, 30), None, "handled"),
    # Incident 3, created 10:29:00: PSC 119 told 10:31:00 (120, after the period: the incident's is what
    # counts), acknowledged 10:33:00 (120), arrived 10:45:00 (840).
    timing(31, 3, PSC, "PSC 119", wib(29), wib(31), wib(33), wib(45), "arrived"),
)


def dist(count: int, p50: float | None, p90: float | None) -> tuple[int, float | None, float | None]:
    return (count, p50, p90)


def short(found: Distribution) -> tuple[int, float | None, float | None]:
    return (found.count, found.p50_s, found.p90_s)


def test_every_agency_and_each_agency_counted_by_hand() -> None:
    every, damkar, polsek, psc = forwarding_figures(FORWARDINGS)

    # Over all: answer to forwarding [20, 40, 60, 90, 120] (one per incident and agency: the Polsek's
    # second forwarding of incident 2 is not a second sample); p50 is the 3rd of 5 (60), p90 the 5th.
    assert (every.agency_id, every.agency_name, every.forwardings, every.cancelled) == (None, "", 6, 1)
    assert short(every.to_forwarding) == dist(5, 60.0, 120.0)
    # Acknowledged: [0, 30, 60, 120]: p50 the 2nd of 4, p90 the 4th.
    assert short(every.to_acknowledgement) == dist(4, 30.0, 120.0)
    # Arrived: [480, 780, 840].
    assert short(every.to_arrival) == dist(3, 780.0, 840.0)
    # Never acknowledged: the Polsek's open forwarding of incident 1 (the cancelled one is not counted).
    # Never arrived: that one and Damkar's handled without an arrival.
    assert (every.never_acknowledged, every.never_arrived) == (1, 2)

    # Named by its latest forwarding; by name, whatever the case: Damkar, Polsek, PSC.
    assert damkar == ForwardingFigures(
        agency_id=DAMKAR,
        agency_name="Damkar Kota Semarang",
        forwardings=2,
        cancelled=0,
        to_forwarding=damkar.to_forwarding,
        to_acknowledgement=damkar.to_acknowledgement,
        to_arrival=damkar.to_arrival,
        never_acknowledged=0,
        never_arrived=1,
    )
    assert short(damkar.to_forwarding) == dist(2, 40.0, 90.0)
    assert short(damkar.to_acknowledgement) == dist(2, 0.0, 30.0)
    assert short(damkar.to_arrival) == dist(1, 480.0, 480.0)

    assert (polsek.agency_id, polsek.agency_name, polsek.forwardings, polsek.cancelled) == (
        POLSEK,
        "Polsek Tembalang",
        3,
        1,
    )
    assert short(polsek.to_forwarding) == dist(2, 20.0, 60.0)
    assert short(polsek.to_acknowledgement) == dist(1, 60.0, 60.0)
    assert short(polsek.to_arrival) == dist(1, 780.0, 780.0)
    assert (polsek.never_acknowledged, polsek.never_arrived) == (1, 1)

    assert (psc.agency_id, psc.agency_name, psc.forwardings) == (PSC, "PSC 119", 1)
    assert short(psc.to_forwarding) == dist(1, 120.0, 120.0)
    assert short(psc.to_acknowledgement) == dist(1, 120.0, 120.0)
    assert short(psc.to_arrival) == dist(1, 840.0, 840.0)
    assert (psc.never_acknowledged, psc.never_arrived) == (0, 0)


def test_no_forwardings_no_rows_and_a_time_before_its_start_is_no_sample() -> None:
    assert forwarding_figures(()) == ()
    # An acknowledgement typed before the forwarding (a slip) was acknowledged, but its time is unknown.
    (every, only) = forwarding_figures([timing(1, 1, 7, "BPBD", wib(0), wib(1), wib(0, 30))])
    assert short(only.to_acknowledgement) == dist(0, None, None)
    assert only.never_acknowledged == 0
    assert every.to_forwarding.count == 1


def test_the_figures_carry_the_forwardings_as_json() -> None:
    figures = shift_figures((), forwardings=FORWARDINGS)
    data = json.loads(json.dumps(figures.to_json(), allow_nan=False))
    assert [row["agency_name"] for row in data["forwarding"]] == [
        "",
        "Damkar Kota Semarang",
        "Polsek Tembalang",
        "PSC 119",
    ]
    assert data["forwarding"][0]["to_acknowledgement"]["p90_s"] == 120.0
    assert data["forwarding"][1]["never_arrived"] == 1
    assert shift_figures(()).forwarding == ()


rows = st.lists(
    st.tuples(
        st.integers(1, 6),  # incident
        st.integers(1, 4),  # agency
        st.integers(0, 600),  # seconds from the incident's creation to the forwarding
        st.one_of(st.none(), st.integers(0, 900)),  # to the acknowledgement
        st.one_of(st.none(), st.integers(0, 3600)),  # to the arrival
        st.sampled_from(["sent", "acknowledged", "arrived", "handled", "cancelled"]),
    ),
    max_size=30,
)


@given(rows)
def test_every_agency_is_the_sum_of_the_agencies(
    drawn: list[tuple[int, int, int, int | None, int | None, str]],
) -> None:
    found = [
        timing(
            n,
            incident,
            agency,
            f"Agency {agency}",
            wib(incident),
            wib(incident) + timedelta(seconds=forward),
            None if ack is None else wib(incident) + timedelta(seconds=forward + ack),
            None if arrive is None else wib(incident) + timedelta(seconds=forward + arrive),
            state,
        )
        for n, (incident, agency, forward, ack, arrive, state) in enumerate(drawn)
    ]
    figures = forwarding_figures(found)
    if not found:
        assert figures == ()
        return
    every, *agencies = figures
    assert [a.agency_id for a in agencies] == sorted({row.agency_id for row in found})
    for field in ("forwardings", "cancelled", "never_acknowledged", "never_arrived"):
        assert getattr(every, field) == sum(getattr(a, field) for a in agencies), field
    for measure in ("to_forwarding", "to_acknowledgement", "to_arrival"):
        assert getattr(every, measure).count == sum(getattr(a, measure).count for a in agencies)
    assert every.to_forwarding.count == len({(row.incident_id, row.agency_id) for row in found})
    # Each forwarding not cancelled either has its acknowledgement or is never acknowledged.
    assert every.to_acknowledgement.count + every.never_acknowledged >= every.forwardings - every.cancelled
    for agency in figures:
        for measure in (agency.to_forwarding, agency.to_acknowledgement, agency.to_arrival):
            if measure.count:
                assert measure.min_s is not None
                assert measure.max_s is not None
                assert measure.min_s <= (measure.p50_s or 0) <= (measure.p90_s or 0) <= measure.max_s


# --- read from the database ---------------------------------------------------------------------------


def _incident_at(ctx: ServiceContext, clock: ManualClock, when: datetime, name: str) -> int:
    """A call rung and answered at ``when``: its incident is created then."""
    clock.set(when - timedelta(seconds=5))
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.RING, clock.now(), call_id=name))
    assert view is not None
    clock.set(when)
    return calls.answer_call(ctx, view.id)[1].id


def _agency(database: Database, code: str, name: str, agency_type: str) -> int:
    with database.transaction() as session:
        row = Agency(code=code, name=name, agency_type=agency_type, reach="forward", updated_at=TEN)
        session.add(row)
        session.flush()
        return int(row.id)


def _forwarding(database: Database, incident_id: int, agency_id: int, row: ForwardingTiming) -> int:
    closed = row.state in ("handled", "cancelled")
    with database.transaction() as session:
        stored = Forwarding(
            incident_id=incident_id,
            agency_id=agency_id,
            agency_name=row.agency_name,
            channel="phone",
            forwarded_at=row.forwarded_at,
            recorded_at=row.forwarded_at,
            ack_limit_s=300,
            ack_due_at=row.forwarded_at + timedelta(seconds=300),
            acknowledged_at=row.acknowledged_at,
            dispatched_at=row.arrived_at,
            arrived_at=row.arrived_at,
            handled_at=wib(25) if row.state == "handled" else None,
            state=row.state,
            closed_at=wib(25) if closed else None,
        )
        session.add(stored)
        session.flush()
        return int(stored.id)


def test_the_period_reads_the_forwardings_of_its_incidents(ctx: ServiceContext, clock: ManualClock) -> None:
    database = ctx.database
    agencies = {
        DAMKAR: _agency(database, "DAMKAR-SMG", "Damkar Kota Semarang", "fire"),
        POLSEK: _agency(database, "POLSEK-TEMBALANG", "Polsek Tembalang", "police"),
        PSC: _agency(database, "PSC-119", "PSC 119", "medical"),
    }
    before = _incident_at(ctx, clock, wib(-1), "before")  # opened before the period
    incidents = {
        1: _incident_at(ctx, clock, wib(1), "one"),
        2: _incident_at(ctx, clock, wib(5), "two"),
        3: _incident_at(ctx, clock, wib(29), "three"),
    }
    after = _incident_at(ctx, clock, wib(30), "after")  # the period's end is not in it
    ids = {}
    for row in FORWARDINGS:
        ids[row.forwarding_id] = _forwarding(
            database, incidents[row.incident_id], agencies[row.agency_id], row
        )
    for outside in (before, after):
        _forwarding(database, outside, agencies[DAMKAR], timing(0, 0, DAMKAR, "Damkar", wib(0), wib(31)))

    read = forwarding_timings(ctx, TEN, wib(30))
    # The stored rows, by incident and time, in the period's zone, with their incident's creation.
    expected = sorted(
        (
            timing(
                ids[row.forwarding_id],
                incidents[row.incident_id],
                agencies[row.agency_id],
                row.agency_name,
                row.incident_created_at,
                row.forwarded_at,
                row.acknowledged_at,
                row.arrived_at,
                row.state,
            )
            for row in FORWARDINGS
        ),
        key=lambda r: (r.incident_created_at, r.incident_id, r.forwarded_at, r.forwarding_id),
    )
    assert read == expected
    assert all(r.forwarded_at.tzinfo is WIB and r.incident_created_at.tzinfo is WIB for r in read)

    figures = period_figures(ctx, TEN, wib(30))
    every, damkar, polsek, psc = figures.forwarding
    assert short(every.to_forwarding) == dist(5, 60.0, 120.0)
    assert short(every.to_acknowledgement) == dist(4, 30.0, 120.0)
    assert short(every.to_arrival) == dist(3, 780.0, 840.0)
    assert (every.never_acknowledged, every.never_arrived, every.cancelled) == (1, 2, 1)
    assert [a.agency_id for a in (damkar, polsek, psc)] == [agencies[DAMKAR], agencies[POLSEK], agencies[PSC]]
    assert short(polsek.to_forwarding) == dist(2, 20.0, 60.0)
    # The same figures whichever zone the period is asked in.
    assert period_figures(ctx, TEN.astimezone(UTC), wib(30).astimezone(UTC)).forwarding == figures.forwarding
    with pytest.raises(ValueError, match="aware"):
        forwarding_timings(ctx, TEN.replace(tzinfo=None), wib(30).replace(tzinfo=None))
