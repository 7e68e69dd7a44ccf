"""An incident's timeline: every call, note, unit status, alert, callback and audit row, in order."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from dispatch.domain.callers import CallbackOutcome
from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import AuditAction, NoteKind, Refusal
from dispatch.domain.enums import CallClass, Disposition, UnitStatus
from dispatch.domain.timers import TimerKind, TimerThresholds
from dispatch.reports.timeline import (
    ALERT_ACKNOWLEDGED,
    ALERT_CLEARED,
    ALERT_RAISED,
    CALL_ANSWER,
    CALL_END,
    CALL_RING,
    CALLBACK_ATTEMPT,
    CALLBACK_CLOSED,
    CALLBACK_OPENED,
    EntryKind,
    TimelineEntry,
    incident_timeline,
)
from dispatch.services import accounts, alerts, callbacks, calls, dispatching, duplicates, incidents
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.store.tables import Assignment
from tests.reports.log_calls import Floor
from tests.services.support import unit


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def floor(ctx: ServiceContext, clock: ManualClock) -> Floor:
    return Floor.of(ctx, clock)


def _shape(entries: list[TimelineEntry]) -> list[tuple[str, str, str, str]]:
    return [(entry.kind.value, entry.event, entry.unit, entry.user_name) for entry in entries]


def test_a_fire_from_the_first_ring_to_the_close(floor: Floor) -> None:
    dewi, agus, sari, clock = floor.dewi, floor.agus, floor.supervisor, floor.clock
    first, incident = floor.answer(dewi, "081234567890", category="FIRE", notes=("Gudang kayu terbakar",))
    # The timer for an incident waiting for a unit goes off (60 s), the supervisor acknowledges it.
    clock.advance(60)
    (raised,) = [
        a for a in alerts.check_timers(sari, TimerThresholds()) if a.kind == TimerKind.NOT_DISPATCHED
    ]
    clock.advance(2)
    alerts.acknowledge_alert(sari, raised.id)
    # A second caller about the same fire, attached to it.
    second = floor.ring("085712345678")
    clock.advance(2)
    calls.answer_call(agus, second.id)
    clock.advance(5)
    duplicates.attach_call(agus, second.id, incident.id)
    clock.advance(5)
    engine = unit(sari, "DEMO-DMK-01")
    dispatching.assign_units(dewi, incident.id, [engine.id])
    alerts.check_timers(sari, TimerThresholds())  # the waiting ended: the alert is cleared
    clock.advance(30)
    dispatching.set_unit_status(dewi, engine.id, UnitStatus.EN_ROUTE)
    clock.advance(300)
    dispatching.set_unit_status(dewi, engine.id, UnitStatus.ON_SCENE)
    clock.advance(600)
    incidents.add_note(dewi, incident.id, "Api padam")
    incidents.close_incident(dewi, incident.id, Disposition.HANDLED)

    timeline = incident_timeline(sari, incident.id)
    assert timeline == incident_timeline(sari, incident.id)  # the same every time
    assert [entry.at for entry in timeline] == sorted(entry.at for entry in timeline)
    shape = [s for s in _shape(timeline) if s[0] != EntryKind.AUDIT]
    assert shape == [
        ("call", CALL_RING, "", ""),
        ("call", CALL_ANSWER, "", "dewi"),
        ("note", NoteKind.SYSTEM, "", "dewi"),
        ("note", NoteKind.NARRATIVE, "", "dewi"),
        ("call", CALL_END, "", ""),
        ("alert", ALERT_RAISED, "", ""),
        ("alert", ALERT_ACKNOWLEDGED, "", "sari"),
        ("call", CALL_RING, "", ""),
        ("call", CALL_ANSWER, "", "agus"),
        ("note", NoteKind.COPIED, "", "agus"),  # what the second caller's incident held
        ("note", NoteKind.SYSTEM, "", "agus"),  # the attach, written into this incident
        ("unit_status", UnitStatus.DISPATCHED, "DEMO-DMK-01", "dewi"),
        ("note", NoteKind.SYSTEM, "", "dewi"),
        ("alert", ALERT_CLEARED, "", ""),
        ("unit_status", UnitStatus.EN_ROUTE, "DEMO-DMK-01", "dewi"),
        ("unit_status", UnitStatus.ON_SCENE, "DEMO-DMK-01", "dewi"),
        # The close, in one instant: the second caller's call ends with it, the unit is released.
        ("call", CALL_END, "", ""),
        ("unit_status", UnitStatus.CLEARED, "DEMO-DMK-01", "dewi"),
        ("unit_status", UnitStatus.AVAILABLE, "DEMO-DMK-01", "dewi"),
        ("note", NoteKind.NARRATIVE, "", "dewi"),
    ]
    audit = [entry for entry in timeline if entry.kind is EntryKind.AUDIT]
    actions = [entry.event for entry in audit]
    for action in (
        AuditAction.CALL_ANSWER,
        AuditAction.INCIDENT_OPEN,
        AuditAction.INCIDENT_UPDATE,
        AuditAction.INCIDENT_NOTE,
        AuditAction.CALL_HANG_UP,
        AuditAction.CALL_ATTACH,
        AuditAction.ALERT_RAISE,
        AuditAction.ALERT_ACKNOWLEDGE,
        AuditAction.INCIDENT_CLOSE,
    ):
        assert action in actions, action
    # Each audit row comes after (or with) what it records, never before the incident began.
    assert all(entry.at >= timeline[0].at for entry in audit)
    opened = next(entry for entry in audit if entry.event == AuditAction.INCIDENT_OPEN)
    assert (opened.user_name, opened.console_name) == ("dewi", "KONSOL-01")
    assert opened.value("number") == incident.number
    assert opened.value("call") == str(first.id)
    ring = timeline[0]
    assert (ring.call_id, ring.value("number"), ring.value("presentation")) == (
        first.id,
        "+6281234567890",
        "allowed",
    )
    end = next(entry for entry in timeline if entry.event == CALL_END)
    assert end.value("call_class") == CallClass.EMERGENCY
    raised_entry = next(entry for entry in timeline if entry.event == ALERT_RAISED)
    assert raised_entry.value("alert") == TimerKind.NOT_DISPATCHED
    on_scene = next(entry for entry in timeline if entry.event == UnitStatus.ON_SCENE)
    assert on_scene.value("from") == UnitStatus.EN_ROUTE
    assert on_scene.summary.startswith("on_scene DEMO-DMK-01 from=en_route assignment=")
    narrative = next(entry for entry in timeline if entry.event == NoteKind.NARRATIVE)
    assert narrative.value("text") == "Gudang kayu terbakar"


def test_entries_at_the_same_instant_keep_one_order(floor: Floor) -> None:
    """Answering writes the call's answer, the system note and audit rows in one instant."""
    call, incident = floor.answer(floor.dewi, "081234567890")
    timeline = incident_timeline(floor.supervisor, incident.id)
    answered_at = next(entry.at for entry in timeline if entry.event == CALL_ANSWER)
    same = [(entry.kind.value, entry.event) for entry in timeline if entry.at == answered_at]
    assert same == [
        ("call", CALL_ANSWER),
        ("note", NoteKind.SYSTEM),
        ("audit", AuditAction.CALL_ANSWER),
        ("audit", AuditAction.INCIDENT_OPEN),
    ]
    assert timeline[-1].event == AuditAction.CALL_HANG_UP
    assert timeline[-1].call_id == call.id


def test_a_callback_that_reached_an_emergency(floor: Floor) -> None:
    """An abandoned call, called back twice; the second attempt reaches an emergency: its incident."""
    abandoned = floor.abandon("081298765432")
    (waiting,) = callbacks.open_callbacks(floor.supervisor)
    floor.clock.advance(60)
    callbacks.record_attempt(floor.agus, waiting.id, CallbackOutcome.NO_ANSWER)
    floor.clock.advance(120)
    reached = callbacks.record_attempt(
        floor.agus, waiting.id, CallbackOutcome.REACHED_EMERGENCY, "Ibu pingsan"
    )
    assert reached.incident_id is not None
    timeline = incident_timeline(floor.supervisor, reached.incident_id)
    shape = [(kind, event, user) for kind, event, _, user in _shape(timeline) if kind != EntryKind.AUDIT]
    assert shape == [
        ("call", CALL_RING, ""),
        ("call", CALL_END, ""),
        ("callback", CALLBACK_OPENED, ""),
        ("callback", CALLBACK_ATTEMPT, "agus"),
        ("callback", CALLBACK_ATTEMPT, "agus"),  # reached: the incident opens in the same instant
        ("callback", CALLBACK_CLOSED, "agus"),
        ("note", NoteKind.SYSTEM, "agus"),
    ]
    attempts = [entry for entry in timeline if entry.event == CALLBACK_ATTEMPT]
    assert [entry.value("outcome") for entry in attempts] == ["no_answer", "reached_emergency"]
    assert attempts[1].value("note") == "Ibu pingsan"
    assert {entry.call_id for entry in timeline if entry.kind is EntryKind.CALLBACK} == {abandoned.id}
    audit = {entry.event for entry in timeline if entry.kind is EntryKind.AUDIT}
    assert {AuditAction.CALLBACK_OPEN, AuditAction.CALLBACK_ATTEMPT, AuditAction.INCIDENT_OPEN} <= audit


def test_assignments_without_status_history_show_their_milestones(floor: Floor) -> None:
    """Databases seeded before the history was kept hold milestone columns only."""
    _, incident = floor.answer(floor.dewi, "081234567890")
    engine = unit(floor.supervisor, "DEMO-DMK-02")
    dispatched = floor.now()
    with floor.supervisor.database.transaction() as session:
        session.add(
            Assignment(
                incident_id=incident.id,
                unit_id=engine.id,
                dispatched_by=floor.dewi.actor.user_id,
                dispatched_at=dispatched,
                en_route_at=dispatched.replace(second=dispatched.second + 1),
            )
        )
    milestones = [
        e for e in incident_timeline(floor.supervisor, incident.id) if e.kind is EntryKind.ASSIGNMENT
    ]
    assert [(e.event, e.unit, e.user_name) for e in milestones] == [
        ("dispatched", "DEMO-DMK-02", "dewi"),
        ("en_route", "DEMO-DMK-02", ""),
    ]


def test_unknown_incident_and_call_taker_are_refused(floor: Floor) -> None:
    _, incident = floor.answer(floor.dewi, "081234567890")
    with pytest.raises(ServiceError) as unknown:
        incident_timeline(floor.supervisor, incident.id + 1)
    assert unknown.value.code is Refusal.NO_SUCH_INCIDENT
    with pytest.raises(ServiceError) as refused:
        incident_timeline(floor.dewi, incident.id)
    assert refused.value.code is Refusal.SUPERVISOR_ONLY


def test_alerts_about_a_unit_on_another_incident_are_left_out(floor: Floor) -> None:
    sari, clock = floor.supervisor, floor.clock
    engine = unit(sari, "DEMO-DMK-03")
    _, first = floor.answer(floor.dewi, "081234567890", category="FIRE")
    dispatching.assign_units(floor.dewi, first.id, [engine.id])
    clock.advance(120)  # not acknowledged within the limit
    alerts.check_timers(sari, TimerThresholds())
    incidents.close_incident(floor.dewi, first.id, Disposition.FALSE_ALARM)
    _, second = floor.answer(floor.dewi, "081234567891", category="FIRE")
    dispatching.assign_units(floor.dewi, second.id, [engine.id])
    on_first = [e for e in incident_timeline(sari, first.id) if e.kind is EntryKind.ALERT]
    on_second = [e for e in incident_timeline(sari, second.id) if e.kind is EntryKind.ALERT]
    assert [(e.event, e.unit, e.value("alert")) for e in on_first][:1] == [
        (ALERT_RAISED, "DEMO-DMK-03", TimerKind.NOT_ACKNOWLEDGED)
    ]
    assert not [e for e in on_second if e.value("alert") == TimerKind.NOT_ACKNOWLEDGED]
