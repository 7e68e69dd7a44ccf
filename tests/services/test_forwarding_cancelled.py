"""An incident cancelled after it was forwarded: a duplicate's forwardings go to the incident it
duplicates (the agency was told of the event), a non-emergency's are withdrawn, and no acknowledgement
alert keeps running for an incident nobody works on."""

from __future__ import annotations

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, IncidentStatus
from dispatch.domain.forwarding import ForwardChannel, ForwardState, ReportKind
from dispatch.domain.timers import TimerKind, TimerThresholds
from dispatch.services import alerts, calls, duplicates, forwarding, queries
from dispatch.services.context import ServiceContext
from dispatch.store.tables import AuditEntry, Forwarding, ForwardingReport
from tests.services.support import audit_since, last_audit_id
from tests.services.test_forwarding import damkar, detail, open_fire, polsek, rows  # noqa: F401


def test_a_duplicate_s_forwardings_move_to_the_incident_it_duplicates(
    ctx: ServiceContext,
    clock: ManualClock,
    catalogue: Catalogue,
    damkar: int,  # noqa: F811
    polsek: int,  # noqa: F811
) -> None:
    first = open_fire(ctx, clock, catalogue, "081234567890")
    forwarding.forward(ctx, first.id, damkar, channel=ForwardChannel.PHONE, person="Budi")
    clock.advance(20)
    second = open_fire(ctx, clock, catalogue, "085700001111")
    to_damkar = forwarding.forward(ctx, second.id, damkar, channel=ForwardChannel.RADIO)
    to_polsek = forwarding.forward(ctx, second.id, polsek, channel=ForwardChannel.PHONE)
    call_id = next(c.id for c in queries.call_queue(ctx) if c.incident_number == second.number)
    before = last_audit_id(ctx.database)

    duplicates.attach_call(ctx, call_id, first.id)

    # Damkar already had the first incident: the duplicate's forwarding to it is withdrawn.
    withdrawn = rows(ctx.database, Forwarding, id=to_damkar.id)[0]
    assert (withdrawn.incident_id, withdrawn.state) == (second.id, ForwardState.CANCELLED.value)
    assert withdrawn.closed_at == clock.now()
    assert [r.kind for r in rows(ctx.database, ForwardingReport, forwarding_id=to_damkar.id)] == [
        ReportKind.CANCELLED.value
    ]
    # The Polsek's goes with the event to the first incident, still open and waiting.
    moved = rows(ctx.database, Forwarding, id=to_polsek.id)[0]
    assert (moved.incident_id, moved.state, moved.closed_at) == (first.id, ForwardState.SENT.value, None)
    assert {f.agency_id for f in forwarding.forwardings_of(ctx, first.id)} == {damkar, polsek}
    assert forwarding.forwardings_of(ctx, second.id) == [forwarding.forwardings_by_id(ctx, [to_damkar.id])[0]]
    written = audit_since(ctx.database, before)
    by_forwarding = {(e.action, e.entity_id): detail(e) for e in written if e.entity == "forwarding"}
    assert by_forwarding[("forwarding.update", str(to_polsek.id))] == {
        "incident_before": second.number,
        "incident_after": first.number,
        "reason": "duplicate",
    }
    assert by_forwarding[("forwarding.report", str(to_damkar.id))]["reason"] == "duplicate"
    assert queries.incident(ctx, second.id).status is IncidentStatus.CANCELLED  # type: ignore[union-attr]


def test_a_call_that_was_no_emergency_withdraws_its_forwardings_and_their_alert(
    ctx: ServiceContext,
    clock: ManualClock,
    catalogue: Catalogue,
    polsek: int,  # noqa: F811
) -> None:
    fire = open_fire(ctx, clock, catalogue)
    sent = forwarding.forward(ctx, fire.id, polsek, channel=ForwardChannel.RADIO)
    clock.advance(301)
    thresholds = TimerThresholds()
    assert [a.kind for a in alerts.check_timers(ctx, thresholds)].count(
        TimerKind.FORWARD_NOT_ACKNOWLEDGED.value
    ) == 1
    call_id = next(c.id for c in queries.call_queue(ctx) if c.incident_number == fire.number)

    calls.classify_call(ctx, call_id, CallClass.PRANK)

    row = rows(ctx.database, Forwarding, id=sent.id)[0]
    assert (row.state, row.closed_at) == (ForwardState.CANCELLED.value, clock.now())
    entry = [e for e in rows(ctx.database, AuditEntry) if e.entity == "forwarding"][-1]
    assert detail(entry)["reason"] == "not_an_emergency"
    assert TimerKind.FORWARD_NOT_ACKNOWLEDGED.value not in [
        a.kind for a in alerts.check_timers(ctx, thresholds)
    ]
