"""The lifecycle refuses illegal transitions; a supervisor may override them, with a reason on record."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import Disposition, IncidentStatus, Role, UnitStatus
from dispatch.domain.signals import SignalKind
from dispatch.services import accounts, calls, dispatching, incidents, queries
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.snapshots import IncidentView
from dispatch.store.tables import UnitStatusChange
from tests.conftest import SUPERVISOR_PASSWORD
from tests.services.support import audited, signal, unit

AMBULANCE = "DEMO-PSC-01"


@pytest.fixture
def incident(ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue) -> IncidentView:
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    clock.advance(5)
    opened = calls.answer_call(ctx, ringing.id)[1]
    return incidents.update_field(ctx, opened.id, "category", "LAKA", catalogue)


def _acting(ctx: ServiceContext, role: Role) -> ServiceContext:
    name = f"user-{role.value.replace('_', '-')}"
    accounts.create_user(ctx, name, "Budi Santoso", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD, role)
    result = accounts.log_in(ctx, name, SUPERVISOR_PASSWORD)
    assert result.actor is not None
    return ctx.acting_as(result.actor)


def _history(ctx: ServiceContext, unit_id: int) -> list[UnitStatusChange]:
    with ctx.database.sessions() as session:
        return list(
            session.scalars(
                select(UnitStatusChange)
                .where(UnitStatusChange.unit_id == unit_id)
                .order_by(UnitStatusChange.id)
            )
        )


def test_an_illegal_transition_is_refused_naming_the_allowed_ones(
    ctx: ServiceContext, incident: IncidentView
) -> None:
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    before = len(_history(ctx, ambulance.id))
    with pytest.raises(ServiceError) as refused:
        dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.ON_SCENE)
    assert refused.value.code == "transition_refused"
    assert refused.value.details["current"] is UnitStatus.DISPATCHED
    assert refused.value.details["allowed"] == [
        UnitStatus.ACKNOWLEDGED,
        UnitStatus.EN_ROUTE,
        UnitStatus.DELAYED,
        UnitStatus.CANCELLED,
    ]
    assert len(_history(ctx, ambulance.id)) == before
    assert unit(ctx, AMBULANCE).status is UnitStatus.DISPATCHED


@pytest.mark.parametrize("role", [Role.CALL_TAKER, Role.DISPATCHER])
def test_only_a_supervisor_may_override(ctx: ServiceContext, incident: IncidentView, role: Role) -> None:
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    operator = _acting(ctx, role)
    with pytest.raises(ServiceError) as refused:
        dispatching.set_unit_status(
            operator, ambulance.id, UnitStatus.ON_SCENE, override_reason="radio rusak"
        )
    assert refused.value.code == "supervisor_only"
    assert unit(ctx, AMBULANCE).status is UnitStatus.DISPATCHED


def test_a_supervisor_override_is_a_history_row_with_its_reason_and_an_audit_row(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    clock.advance(400)
    view, written = audited(
        ctx,
        lambda: dispatching.set_unit_status(
            ctx, ambulance.id, UnitStatus.ON_SCENE, override_reason="  Radio mati;  lapor lewat telepon. "
        ),
    )
    assert view.status is UnitStatus.ON_SCENE
    last = _history(ctx, ambulance.id)[-1]
    assert (last.from_status, last.to_status, last.at) == ("dispatched", "on_scene", clock.now())
    assert (last.user_id, last.console_id) == (ctx.actor.user_id, ctx.console_id)
    assert last.override_reason == "Radio mati; lapor lewat telepon."
    (entry,) = written
    assert (entry.action, entry.entity, entry.entity_id, entry.user_name) == (
        "unit.status.override",
        "unit",
        str(ambulance.id),
        "sari",
    )
    assert json.loads(entry.detail or "{}") == {
        "before": "dispatched",
        "after": "on_scene",
        "reason": "Radio mati; lapor lewat telepon.",
    }
    # The incident's status still follows its units; its assignment got the milestone.
    assert queries.incident(ctx, incident.id).status is IncidentStatus.ON_SCENE  # type: ignore[union-attr]
    (assignment,) = queries.assignments(ctx, incident.id)
    assert assignment.on_scene_at == clock.now()


def test_an_allowed_change_with_a_reason_is_an_ordinary_change(
    ctx: ServiceContext, incident: IncidentView
) -> None:
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    _, written = audited(
        ctx,
        lambda: dispatching.set_unit_status(
            ctx, ambulance.id, UnitStatus.EN_ROUTE, override_reason="tidak perlu"
        ),
    )
    assert [e.action for e in written] == ["unit.status"]
    assert _history(ctx, ambulance.id)[-1].override_reason is None


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_override_needs_a_written_reason(ctx: ServiceContext, incident: IncidentView, reason: str) -> None:
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    with pytest.raises(ServiceError) as refused:
        dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.ON_SCENE, override_reason=reason)
    assert refused.value.code == "override_reason_required"


def test_closing_and_reopening_work_after_an_override(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.ON_SCENE, override_reason="lupa tekan")
    clock.advance(60)
    closed = incidents.close_incident(ctx, incident.id, Disposition.HANDLED)
    assert (closed.status, closed.disposition) == (IncidentStatus.CLOSED, Disposition.HANDLED)
    assert unit(ctx, AMBULANCE).status is UnitStatus.AVAILABLE
    reopened = incidents.reopen_incident(ctx, incident.id)
    assert reopened.status is IncidentStatus.REOPENED
    # Every change of the unit is a history row with time, user and console.
    rows = _history(ctx, ambulance.id)
    assert [r.to_status for r in rows] == ["available", "dispatched", "on_scene", "cleared", "available"]
    assert all(r.at is not None and r.console_id == ctx.console_id for r in rows)
    assert all(r.user_id == ctx.actor.user_id for r in rows[1:])
    # Released by the close: available, and from there en route only by override.
    with pytest.raises(ServiceError, match="transition_refused"):
        dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.EN_ROUTE)
    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.OUT_OF_SERVICE)


@pytest.mark.parametrize(
    "status", [UnitStatus.ACKNOWLEDGED, UnitStatus.EN_ROUTE, UnitStatus.ON_SCENE, UnitStatus.TRANSPORTING]
)
def test_a_unit_with_no_incident_cannot_be_overridden_into_working_one(
    ctx: ServiceContext, status: UnitStatus
) -> None:
    ambulance = unit(ctx, AMBULANCE)
    before = len(_history(ctx, ambulance.id))
    with pytest.raises(ServiceError) as refused:
        dispatching.set_unit_status(ctx, ambulance.id, status, override_reason="Radio mati; lapor lewat HP.")
    assert refused.value.code == "no_incident_for_status"
    assert unit(ctx, AMBULANCE).status is UnitStatus.AVAILABLE
    assert len(_history(ctx, ambulance.id)) == before


def test_an_override_to_cancelled_ends_the_assignment_as_cancelled_only(
    ctx: ServiceContext, clock: ManualClock, incident: IncidentView
) -> None:
    ambulance = unit(ctx, AMBULANCE)
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.EN_ROUTE)
    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.ON_SCENE)
    clock.advance(60)
    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.CANCELLED, override_reason="Salah kirim.")
    (assignment,) = queries.assignments(ctx, incident.id)
    assert (assignment.cancelled_at, assignment.cleared_at) == (clock.now(), None)
