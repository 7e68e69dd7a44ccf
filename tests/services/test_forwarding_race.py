"""Two consoles forwarding the same incident to the same agency at the same moment: one forwarding is
recorded, the other console is told it is already forwarded (SQLite and PostgreSQL, two engines)."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import replace

from sqlalchemy import func, select

from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import Refusal
from dispatch.domain.enums import AgencyType
from dispatch.domain.forwarding import ForwardChannel
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, forwarding
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.store.database import open_database
from dispatch.store.tables import Forwarding
from tests.services.support import signal
from tests.services.test_forwarding import add_agency

ROUNDS = 30


def test_two_consoles_forwarding_one_incident_to_one_agency_make_one_forwarding(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    agency = add_agency(ctx.database, "DAMKAR-SMG", "Damkar Kota Semarang", AgencyType.FIRE)
    incident_ids = []
    for round_number in range(ROUNDS):
        ringing = calls.record_signal(
            ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), f"0812345{round_number:05d}")
        )
        assert ringing is not None
        incident_ids.append(calls.answer_call(ctx, ringing.id)[1].id)
    clock.advance(30)
    other_database = open_database(ctx.database.url, upgrade=False)
    consoles = [ctx, replace(ctx, database=other_database)]
    outcomes: Counter[str] = Counter()
    try:
        for incident_id in incident_ids:
            barrier = threading.Barrier(2)
            seen: list[str] = []
            threads = [
                threading.Thread(target=_forward, args=(console, incident_id, agency, barrier, seen))
                for console in consoles
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
            assert sorted(seen) == sorted(["done", Refusal.ALREADY_FORWARDED.value]), seen
            outcomes.update(seen)
    finally:
        other_database.dispose()
    with ctx.database.transaction() as session:
        per_incident = dict(
            session.execute(
                select(Forwarding.incident_id, func.count()).group_by(Forwarding.incident_id)
            ).all()
        )
    assert per_incident == dict.fromkeys(incident_ids, 1)
    assert outcomes == {"done": ROUNDS, Refusal.ALREADY_FORWARDED.value: ROUNDS}


def _forward(
    console: ServiceContext, incident_id: int, agency_id: int, barrier: threading.Barrier, seen: list[str]
) -> None:
    barrier.wait()
    try:
        forwarding.forward(console, incident_id, agency_id, channel=ForwardChannel.PHONE)
    except ServiceError as error:
        seen.append(error.code.value)
    else:
        seen.append("done")
