"""Every service call writes exactly its audit rows, and announces its change only after commit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, Disposition, Role, UnitStatus
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, calls, dispatching, incidents
from dispatch.services.bus import Change, ChangeBus, Topic
from dispatch.services.context import ServiceContext
from dispatch.store.database import Database
from dispatch.store.tables import Call, FeedFrame, Incident, IncidentNote, Unit
from tests.services.support import audit_since, last_audit_id, signal, unit


@dataclass
class Step:
    name: str
    run: Callable[[], object]
    actions: list[str]
    user_name: str = "sari"


def test_every_service_call_writes_exactly_its_audit_rows(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    system = ctx.as_system()
    ids: dict[str, int] = {}

    def ring(number: str, key: str) -> None:
        view = calls.record_signal(system, signal(SignalKind.INCOMING, clock.now(), number))
        assert view is not None
        ids[key] = view.id

    def answer(call_key: str, incident_key: str) -> None:
        ids[incident_key] = calls.answer_call(ctx, ids[call_key])[1].id

    ambulance, patrol = unit(ctx, "DEMO-PSC-01").id, unit(ctx, "DEMO-POL-01").id
    steps = [
        Step("ring", lambda: ring("081234567890", "call"), ["call.incoming"], "system"),
        Step("ring again", lambda: ring("081234567890", "call"), ["call.incoming"], "system"),
        Step("answer", lambda: answer("call", "incident"), ["call.answer", "incident.open"]),
        Step(
            "category",
            lambda: incidents.update_field(ctx, ids["incident"], "category", "LAKA", catalogue),
            ["incident.update"],
        ),
        Step(
            "street",
            lambda: incidents.update_field(ctx, ids["incident"], "street", "Jl. Pemuda", catalogue),
            ["incident.update"],
        ),
        Step(
            "same street",
            lambda: incidents.update_field(ctx, ids["incident"], "street", "Jl. Pemuda", catalogue),
            [],
        ),
        Step("note", lambda: incidents.add_note(ctx, ids["incident"], "Dua korban."), ["incident.note"]),
        Step(
            "assign",
            lambda: dispatching.assign_units(ctx, ids["incident"], [ambulance, patrol]),
            ["unit.dispatch", "unit.dispatch"],
        ),
        Step(
            "en route",
            lambda: dispatching.set_unit_status(ctx, ambulance, UnitStatus.EN_ROUTE),
            ["unit.status"],
        ),
        Step(
            "on scene",
            lambda: dispatching.set_unit_status(ctx, ambulance, UnitStatus.ON_SCENE),
            ["unit.status"],
        ),
        Step("hang up", lambda: calls.hang_up(ctx, ids["call"]), ["call.hang_up"]),
        Step(
            "close",
            lambda: incidents.close_incident(ctx, ids["incident"], Disposition.HANDLED),
            ["unit.status", "unit.release", "unit.status", "unit.release", "incident.close"],
        ),
        Step("reopen", lambda: incidents.reopen_incident(ctx, ids["incident"]), ["incident.reopen"]),
        Step("ring 2", lambda: ring("081234567891", "call2"), ["call.incoming"], "system"),
        Step("answer 2", lambda: answer("call2", "incident2"), ["call.answer", "incident.open"]),
        Step(
            "prank",
            lambda: calls.classify_call(ctx, ids["call2"], CallClass.PRANK),
            ["incident.cancel", "call.classify"],
        ),
        Step("ring 3", lambda: ring("081234567892", "call3"), ["call.incoming"], "system"),
        Step(
            "abandoned",
            lambda: calls.record_signal(system, signal(SignalKind.ENDED, clock.now(), "081234567892")),
            ["callback.open", "call.ended"],
            "system",
        ),
        Step(
            "rejected frame",
            lambda: calls.record_rejected_frame(system, "ncid://x", b"??", "garbled"),
            [],
            "system",
        ),
        Step(
            "new user",
            lambda: accounts.create_user(ctx, "budi", "Budi", "password-1", "password-1", Role.CALL_TAKER),
            ["user.create"],
        ),
        Step("logout", lambda: accounts.log_out(ctx), ["user.logout"]),
    ]
    for step in steps:
        clock.advance(7)
        before = last_audit_id(ctx.database)
        step.run()
        rows = audit_since(ctx.database, before)
        assert [row.action for row in rows] == step.actions, step.name
        for row in rows:
            assert row.user_name == step.user_name, step.name
            assert row.console_name == "KONSOL-01", step.name
            assert row.console_id == ctx.console_id, step.name
            assert row.at == clock.now(), step.name
            assert row.at.tzinfo is not None, step.name
            assert row.user_id == (None if step.user_name == "system" else ctx.actor.user_id), step.name


@dataclass(frozen=True)
class Seen:
    change: Change
    committed: object


def _look(database: Database, change: Change) -> object:
    """What a second console would read the moment the notice arrives."""
    with database.sessions() as session:
        if change.topic is Topic.CALLS:
            return [
                (c.id, c.state, c.incident_id)
                for c in session.scalars(select(Call).where(Call.id.in_(change.ids)))
            ]
        if change.topic is Topic.INCIDENTS:
            rows = session.scalars(select(Incident).where(Incident.id.in_(change.ids)))
            return [(i.id, i.status, i.street) for i in rows]
        if change.topic is Topic.NOTES:
            return session.scalar(
                select(func.count()).select_from(IncidentNote).where(IncidentNote.kind == "narrative")
            )
        if change.topic is Topic.UNITS:
            return sorted(
                (u.id, u.status) for u in session.scalars(select(Unit).where(Unit.id.in_(change.ids)))
            )
        return session.scalar(select(func.count()).select_from(FeedFrame))


def test_changes_are_announced_after_commit(
    ctx: ServiceContext, bus: ChangeBus, clock: ManualClock, catalogue: Catalogue
) -> None:
    seen: list[Seen] = []
    unsubscribe = bus.subscribe(lambda change: seen.append(Seen(change, _look(ctx.database, change))))
    try:
        ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
        assert ringing is not None
        assert seen == [
            Seen(Change(Topic.FEED), 1),
            Seen(Change(Topic.CALLS, (ringing.id,)), [(ringing.id, "ringing", None)]),
        ]

        seen.clear()
        call, incident = calls.answer_call(ctx, ringing.id)
        assert seen == [
            Seen(Change(Topic.CALLS, (call.id,)), [(call.id, "answered", incident.id)]),
            Seen(Change(Topic.INCIDENTS, (incident.id,)), [(incident.id, "new", "")]),
        ]

        seen.clear()
        incidents.update_field(ctx, incident.id, "street", "Jl. Pemuda", catalogue)
        assert seen == [Seen(Change(Topic.INCIDENTS, (incident.id,)), [(incident.id, "new", "Jl. Pemuda")])]

        seen.clear()
        incidents.add_note(ctx, incident.id, "Asap terlihat dari jalan.")
        assert seen == [Seen(Change(Topic.NOTES, (incident.id,)), 1)]

        seen.clear()
        patrol = unit(ctx, "DEMO-POL-01")
        dispatching.assign_units(ctx, incident.id, [patrol.id])
        assert seen == [
            Seen(Change(Topic.UNITS, (patrol.id,)), [(patrol.id, "dispatched")]),
            Seen(Change(Topic.INCIDENTS, (incident.id,)), [(incident.id, "dispatched", "Jl. Pemuda")]),
        ]

        seen.clear()
        incidents.close_incident(ctx, incident.id, Disposition.HANDLED)
        assert seen == [
            Seen(Change(Topic.INCIDENTS, (incident.id,)), [(incident.id, "closed", "Jl. Pemuda")]),
            Seen(Change(Topic.UNITS, (patrol.id,)), [(patrol.id, "available")]),
            # Never hung up: the call ends with its incident.
            Seen(Change(Topic.CALLS, (call.id,)), [(call.id, "ended", incident.id)]),
        ]
    finally:
        unsubscribe()
