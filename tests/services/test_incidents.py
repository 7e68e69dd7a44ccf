"""Incident fields saved as they are edited, notes, closing and reopening."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallState, Disposition, IncidentStatus, Priority, UnitStatus
from dispatch.domain.incidents import MAX_NOTE_LENGTH, TEXT_FIELDS, FieldProblem, FieldRejected
from dispatch.domain.signals import SignalKind
from dispatch.reports.intervals import interval_report
from dispatch.services import calls, dispatching, incidents, queries
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.snapshots import IncidentView
from dispatch.store.tables import Assignment, UnitStatusChange
from tests.services.support import audit_since, audited, last_audit_id, signal, unit


@pytest.fixture
def incident(ctx: ServiceContext, clock: ManualClock) -> IncidentView:
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    clock.advance(5)
    return calls.answer_call(ctx, ringing.id)[1]


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [
        ("caller_name", "Ibu Sri", "Ibu Sri"),
        ("callback_number", "024-7601234", "024-7601234"),
        ("province", "Jawa Tengah", "Jawa Tengah"),
        ("regency", "Kota Semarang", "Kota Semarang"),
        ("district", "Semarang Tengah", "Semarang Tengah"),
        ("village", "Sekayu", "Sekayu"),
        ("rt", "003", "003"),
        ("rw", "12", "12"),
        ("street", "  Jl. Pemuda  ", "Jl. Pemuda"),
        ("house_number", "150A", "150A"),
        ("postcode", "50132", "50132"),
        ("landmark", "depan Lawang Sewu", "depan Lawang Sewu"),
        ("priority", "P2", Priority.P2),
        ("lat", -6.98389, -6.98389),
        ("lon", 110.41028, 110.41028),
        ("lat", "-6,98389", -6.98389),
    ],
)
def test_each_field_is_saved_and_audited(
    ctx: ServiceContext,
    clock: ManualClock,
    catalogue: Catalogue,
    incident: IncidentView,
    field: str,
    value: str | float,
    stored: object,
    changes: list[Change],
) -> None:
    clock.advance(10)
    before = incident.field_value(field)
    changes.clear()
    view, rows = audited(ctx, lambda: incidents.update_field(ctx, incident.id, field, value, catalogue))
    assert view.field_value(field) == stored
    assert view.updated_at == clock.now()
    reread = queries.incident(ctx, incident.id)
    assert reread is not None
    assert reread.field_value(field) == stored
    assert [(r.action, r.entity_id, r.user_name, r.console_name) for r in rows] == [
        ("incident.update", str(incident.id), "sari", "KONSOL-01")
    ]
    detail = json.loads(rows[0].detail or "{}")
    assert (detail["field"], detail["before"], detail["after"]) == (field, before, stored)
    assert changes == [Change(Topic.INCIDENTS, (incident.id,))]


def test_saving_the_same_value_writes_nothing(
    ctx: ServiceContext, catalogue: Catalogue, incident: IncidentView
) -> None:
    incidents.update_field(ctx, incident.id, "village", "Sekayu", catalogue)
    before = last_audit_id(ctx.database)
    view = incidents.update_field(ctx, incident.id, "village", " Sekayu ", catalogue)
    assert view.village == "Sekayu"
    assert audit_since(ctx.database, before) == []


def test_a_category_brings_its_default_priority_but_not_over_a_chosen_one(
    ctx: ServiceContext, catalogue: Catalogue, incident: IncidentView
) -> None:
    assert incident.priority is Priority.P3
    view = incidents.update_field(ctx, incident.id, "category", "MED", catalogue)
    assert (view.category, view.priority) == ("MED", catalogue.get("MED").default_priority)
    assert view.status is IncidentStatus.AWAITING_DISPATCH
    view = incidents.update_field(ctx, incident.id, "priority", "P4", catalogue)
    assert view.priority is Priority.P4
    view = incidents.update_field(ctx, incident.id, "category", "LAKA", catalogue)
    assert (view.category, view.priority) == ("LAKA", Priority.P4)


def test_control_characters_are_stripped(
    ctx: ServiceContext, catalogue: Catalogue, incident: IncidentView
) -> None:
    view = incidents.update_field(ctx, incident.id, "landmark", "\x1b[31mdepan\x00 masjid\x07\x7f", catalogue)
    assert view.landmark == "[31mdepan masjid"


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("street", "J" * (TEXT_FIELDS["street"] + 1), FieldProblem.TOO_LONG),
        ("caller_name", "x" * 201, FieldProblem.TOO_LONG),
        ("rt", "3a", FieldProblem.RT_RW_DIGITS),
        ("rt", "1234", FieldProblem.RT_RW_DIGITS),
        ("rt", "123456789", FieldProblem.TOO_LONG),
        ("rw", "-1", FieldProblem.RT_RW_DIGITS),
        ("postcode", "5013", FieldProblem.POSTCODE_DIGITS),
        ("postcode", "50 132", FieldProblem.POSTCODE_DIGITS),
        ("category", "UFO", FieldProblem.UNKNOWN_FIELD),
        ("priority", "P9", FieldProblem.UNKNOWN_FIELD),
        ("status", "closed", FieldProblem.UNKNOWN_FIELD),
        ("number", "2026-999999", FieldProblem.UNKNOWN_FIELD),
        ("lat", 91.0, FieldProblem.LAT_OUT_OF_RANGE),
        ("lon", "-180.5", FieldProblem.LON_OUT_OF_RANGE),
        ("lat", "utara", FieldProblem.NOT_A_NUMBER),
        ("lon", float("nan"), FieldProblem.NOT_A_NUMBER),
    ],
)
def test_a_bad_value_is_rejected_and_nothing_is_saved(
    ctx: ServiceContext,
    catalogue: Catalogue,
    incident: IncidentView,
    field: str,
    value: str | float,
    problem: FieldProblem,
    changes: list[Change],
) -> None:
    before = last_audit_id(ctx.database)
    changes.clear()
    with pytest.raises(FieldRejected, match=problem.value) as rejected:
        incidents.update_field(ctx, incident.id, field, value, catalogue)
    assert (rejected.value.field, rejected.value.problem) == (field, problem)
    assert queries.incident(ctx, incident.id) == incident
    assert audit_since(ctx.database, before) == []
    assert changes == []


def test_a_coordinate_can_be_cleared(
    ctx: ServiceContext, catalogue: Catalogue, incident: IncidentView
) -> None:
    incidents.update_field(ctx, incident.id, "lat", -6.98, catalogue)
    view = incidents.update_field(ctx, incident.id, "lat", None, catalogue)
    assert view.lat is None


def test_notes_are_appended_in_order(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView, changes: list[Change]
) -> None:
    texts = ["Korban sadar, napas berat.", "Line 1\r\nLine 2\x00", "Ambulans diminta lewat Jl. Pemuda."]
    for text in texts:
        clock.advance(15)
        changes.clear()
        note, rows = audited(ctx, lambda text=text: incidents.add_note(ctx, incident.id, text))
        assert (note.author, note.kind, note.at) == ("sari", "narrative", clock.now())
        assert [(r.action, json.loads(r.detail or "{}")) for r in rows] == [
            ("incident.note", {"note": note.id})
        ]
        assert changes == [Change(Topic.NOTES, (incident.id,))]
    notes = queries.incident_notes(ctx, incident.id)
    assert [(n.kind, n.text) for n in notes] == [
        ("system", "call.answered +6281234567890"),
        ("narrative", "Korban sadar, napas berat."),
        ("narrative", "Line 1\nLine 2"),
        ("narrative", "Ambulans diminta lewat Jl. Pemuda."),
    ]
    assert [n.at for n in notes] == sorted(n.at for n in notes)


def test_a_note_may_be_long_but_not_too_long(ctx: ServiceContext, incident: IncidentView) -> None:
    longest = "a" * MAX_NOTE_LENGTH
    assert MAX_NOTE_LENGTH == 20_000
    assert incidents.add_note(ctx, incident.id, longest).text == longest
    before = last_audit_id(ctx.database)
    with pytest.raises(FieldRejected, match="too_long"):
        incidents.add_note(ctx, incident.id, longest + "a")
    with pytest.raises(FieldRejected, match="empty_note"):
        incidents.add_note(ctx, incident.id, " \x00\r\n ")
    assert audit_since(ctx.database, before) == []
    assert [n.text for n in queries.incident_notes(ctx, incident.id)][-1] == longest


def test_closing_releases_units_and_reopening_brings_the_incident_back(
    ctx: ServiceContext,
    clock: ManualClock,
    catalogue: Catalogue,
    incident: IncidentView,
    changes: list[Change],
) -> None:
    incidents.update_field(ctx, incident.id, "category", "LAKA", catalogue)
    on_scene, en_route, dispatched = (
        unit(ctx, "DEMO-PSC-01"),
        unit(ctx, "DEMO-POL-01"),
        unit(ctx, "DEMO-POL-02"),
    )
    dispatching.assign_units(ctx, incident.id, [on_scene.id, en_route.id, dispatched.id])
    for status in (UnitStatus.ACKNOWLEDGED, UnitStatus.EN_ROUTE, UnitStatus.ON_SCENE):
        clock.advance(60)
        dispatching.set_unit_status(ctx, on_scene.id, status)
    dispatching.set_unit_status(ctx, en_route.id, UnitStatus.EN_ROUTE)
    clock.advance(600)
    changes.clear()

    assert [(u.call_sign, u.status) for u in queries.units_still_out(ctx, incident.id)] == [
        ("DEMO-POL-01", UnitStatus.EN_ROUTE),
        ("DEMO-POL-02", UnitStatus.DISPATCHED),
        ("DEMO-PSC-01", UnitStatus.ON_SCENE),
    ]
    assert {u.incident_id for u in queries.units_still_out(ctx, incident.id)} == {incident.id}

    closed, rows = audited(ctx, lambda: incidents.close_incident(ctx, incident.id, Disposition.TRANSPORTED))

    assert (closed.status, closed.disposition, closed.closed_at) == (
        IncidentStatus.CLOSED,
        Disposition.TRANSPORTED,
        clock.now(),
    )
    # The call-taker never hung up: the call ends with its incident.
    (call,) = [c for c in queries.call_queue(ctx) if c.incident_id == incident.id]
    assert (call.state, call.ended_at) == (CallState.ENDED, clock.now())
    ended = [(r.action, r.entity_id, json.loads(r.detail or "{}")) for r in rows if r.entity == "call"]
    assert ended == [("call.end_with_incident", str(call.id), {"incident": closed.number})]
    assert Change(Topic.CALLS, (call.id,)) in changes
    # Each unit: the step that ends its assignment, then available again, said to be the release.
    unit_rows = [r for r in rows if r.entity == "unit"]
    assert sorted((r.action, r.entity_id, json.loads(r.detail or "{}")) for r in unit_rows) == sorted(
        [
            ("unit.status", str(on_scene.id), {"before": "on_scene", "after": "cleared"}),
            ("unit.status", str(en_route.id), {"before": "en_route", "after": "cancelled"}),
            ("unit.status", str(dispatched.id), {"before": "dispatched", "after": "cancelled"}),
            *(
                ("unit.release", str(u.id), {"before": step, "after": "available", "incident": closed.number})
                for u, step in ((on_scene, "cleared"), (en_route, "cancelled"), (dispatched, "cancelled"))
            ),
        ]
    )
    assert (rows[-1].action, json.loads(rows[-1].detail or "{}")) == (
        "incident.close",
        {"disposition": "transported"},
    )
    assert changes[0] == Change(Topic.INCIDENTS, (incident.id,))
    assert changes[1].topic is Topic.UNITS
    assert sorted(changes[1].ids) == sorted([on_scene.id, en_route.id, dispatched.id])
    with ctx.database.transaction() as session:
        history = session.scalars(
            select(UnitStatusChange)
            .where(UnitStatusChange.at == clock.now())
            .order_by(UnitStatusChange.unit_id, UnitStatusChange.id)
        ).all()
        ends = {
            a.unit_id: (a.cleared_at, a.cancelled_at)
            for a in session.scalars(select(Assignment).where(Assignment.incident_id == incident.id))
        }
    assert [(h.unit_id, h.from_status, h.to_status, h.incident_id) for h in history] == sorted(
        [
            (on_scene.id, "on_scene", "cleared", incident.id),
            (on_scene.id, "cleared", "available", incident.id),
            (en_route.id, "en_route", "cancelled", incident.id),
            (en_route.id, "cancelled", "available", incident.id),
            (dispatched.id, "dispatched", "cancelled", incident.id),
            (dispatched.id, "cancelled", "available", incident.id),
        ],
        key=lambda row: row[0],
    )
    assert all(h.assignment_id is not None for h in history)
    assert all((h.user_id, h.console_id) == (ctx.actor.user_id, ctx.console_id) for h in history)
    assert ends == {
        on_scene.id: (clock.now(), None),
        en_route.id: (None, clock.now()),
        dispatched.id: (None, clock.now()),
    }
    assert {u.call_sign: (u.status, u.incident_id) for u in queries.units(ctx) if u.id in ends} == {
        "DEMO-PSC-01": (UnitStatus.AVAILABLE, None),
        "DEMO-POL-01": (UnitStatus.AVAILABLE, None),
        "DEMO-POL-02": (UnitStatus.AVAILABLE, None),
    }
    assert queries.units_still_out(ctx, incident.id) == []
    assert incident.id not in {i.id for i in queries.active_incidents(ctx)}

    with pytest.raises(ServiceError, match="incident_closed"):
        incidents.update_field(ctx, incident.id, "street", "Jl. Pemuda", catalogue)
    with pytest.raises(ServiceError, match="incident_closed"):
        incidents.close_incident(ctx, incident.id, Disposition.HANDLED)
    with pytest.raises(ServiceError, match="incident_closed"):
        dispatching.assign_units(ctx, incident.id, [on_scene.id])

    clock.advance(60)
    reopened, rows = audited(ctx, lambda: incidents.reopen_incident(ctx, incident.id))
    assert (reopened.status, reopened.disposition, reopened.closed_at) == (
        IncidentStatus.REOPENED,
        None,
        None,
    )
    assert [(r.action, json.loads(r.detail or "{}")) for r in rows] == [
        ("incident.reopen", {"before": "closed"})
    ]
    assert incident.id in {i.id for i in queries.active_incidents(ctx)}
    with pytest.raises(ServiceError, match="incident_not_closed"):
        incidents.reopen_incident(ctx, incident.id)
    view = incidents.update_field(ctx, incident.id, "street", "Jl. Pemuda", catalogue)
    assert view.street == "Jl. Pemuda"


def test_an_incident_without_units_closes_cleanly(
    ctx: ServiceContext, incident: IncidentView, changes: list[Change]
) -> None:
    (call,) = [c for c in queries.call_queue(ctx) if c.incident_id == incident.id]
    calls.hang_up(ctx, call.id)
    changes.clear()
    closed, rows = audited(
        ctx, lambda: incidents.close_incident(ctx, incident.id, Disposition.NO_ACTION_NEEDED)
    )
    assert closed.status is IncidentStatus.CLOSED
    assert [r.action for r in rows] == ["incident.close"]
    assert changes == [Change(Topic.INCIDENTS, (incident.id,)), Change(Topic.UNITS, ())]


def test_unknown_incidents_are_refused(ctx: ServiceContext, catalogue: Catalogue) -> None:
    with pytest.raises(ServiceError, match="no_such_incident"):
        incidents.update_field(ctx, 404, "street", "Jl. Pemuda", catalogue)
    with pytest.raises(ServiceError, match="no_such_incident"):
        incidents.add_note(ctx, 404, "note")
    with pytest.raises(ServiceError, match="no_such_incident"):
        incidents.reopen_incident(ctx, 404)


def test_an_ambulance_that_transported_its_patient_is_free_again_when_the_incident_closes(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue, incident: IncidentView
) -> None:
    """Issue 10: released units stayed Cleared/Cancelled, unavailable, and could not be sent again."""
    incidents.update_field(ctx, incident.id, "category", "MED", catalogue)
    ambulance = unit(ctx, "DEMO-PSC-01")
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    for status in (UnitStatus.EN_ROUTE, UnitStatus.ON_SCENE, UnitStatus.TRANSPORTING):
        clock.advance(300)
        dispatching.set_unit_status(ctx, ambulance.id, status)
    assert [u.status for u in queries.units_still_out(ctx, incident.id)] == [UnitStatus.TRANSPORTING]
    clock.advance(900)
    incidents.close_incident(ctx, incident.id, Disposition.TRANSPORTED)

    freed = unit(ctx, "DEMO-PSC-01")
    assert (freed.status, freed.status_since, freed.incident_id) == (UnitStatus.AVAILABLE, clock.now(), None)
    with ctx.database.transaction() as session:
        history = session.scalars(
            select(UnitStatusChange)
            .where(UnitStatusChange.unit_id == ambulance.id)
            .order_by(UnitStatusChange.id)
        ).all()
    assert [(h.from_status, h.to_status) for h in history[-2:]] == [
        ("transporting", "cleared"),
        ("cleared", "available"),
    ]
    # The time on scene still ends at Transporting, not at the release.
    (report,) = interval_report(ctx, incident.created_at, clock.now())
    assert report.units[0].intervals.on_scene_s == 300

    # Sent straight to the next incident, without a status key pressed.
    clock.advance(10)
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), "081299998888"))
    assert ringing is not None
    _, following = calls.answer_call(ctx, ringing.id)
    (sent,) = dispatching.assign_units(ctx, following.id, [ambulance.id])
    assert sent.unit_status is UnitStatus.DISPATCHED


def test_units_still_out_names_only_this_incidents_working_units(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    patrol, fire = unit(ctx, "DEMO-POL-01"), unit(ctx, "DEMO-DMK-01")
    assert queries.units_still_out(ctx, incident.id) == []
    dispatching.assign_units(ctx, incident.id, [patrol.id, fire.id])
    dispatching.set_unit_status(ctx, fire.id, UnitStatus.CANCELLED)  # turned back by radio
    assert [(u.call_sign, u.status) for u in queries.units_still_out(ctx, incident.id)] == [
        ("DEMO-POL-01", UnitStatus.DISPATCHED)
    ]
    assert queries.units_still_out(ctx, 999_999) == []
