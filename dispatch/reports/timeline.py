"""An incident's timeline: everything the record holds about it, in time order.

Every call of the incident (its ring, answer and end), every note, every unit status row of its
assignments (and, for assignments recorded before the status history was kept, their milestones),
the alerts about it, its calls or its units' work on it (raised, acknowledged, cleared), the
callbacks of its calls (opened, each attempt, closed) and the audit rows naming the incident, its
calls, callbacks and alerts. Entries hold codes and values only: the UI words them in the reader's
language. Needs ``Action.REVIEW_SHIFTS``.

Entries at the same instant keep one order whatever the database returned: by kind (calls and
callbacks, then assignments and unit statuses, notes, alerts, audit rows), then by the row's id, then by
the step within the row (a call's ring before its answer before its end).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dispatch.domain.codes import Refusal
from dispatch.domain.permissions import Action, can, refusal_for
from dispatch.domain.timers import TimerKind
from dispatch.services.context import SYSTEM_USER, ServiceContext, ServiceError
from dispatch.services.uow import reading
from dispatch.store.tables import (
    Alert,
    Assignment,
    AuditEntry,
    Call,
    Callback,
    CallbackAttempt,
    Console,
    Incident,
    IncidentNote,
    Unit,
    UnitStatusChange,
    User,
)


class EntryKind(StrEnum):
    CALL = "call"
    CALLBACK = "callback"
    ASSIGNMENT = "assignment"
    UNIT_STATUS = "unit_status"
    NOTE = "note"
    ALERT = "alert"
    AUDIT = "audit"


#: Same-instant order of the kinds (the order of the enum).
_KIND_ORDER = {kind: position for position, kind in enumerate(EntryKind)}

#: ``event`` of call entries.
CALL_RING, CALL_ANSWER, CALL_END = "ring", "answer", "end"
#: ``event`` of alert entries.
ALERT_RAISED, ALERT_ACKNOWLEDGED, ALERT_CLEARED = "raised", "acknowledged", "cleared"
#: ``event`` of callback entries (an attempt's outcome is in its detail).
CALLBACK_OPENED, CALLBACK_ATTEMPT, CALLBACK_CLOSED = "opened", "attempt", "closed"
#: The milestone columns of an assignment, in the order they happen (``event`` of assignment entries).
MILESTONES = (
    "dispatched",
    "acknowledged",
    "en_route",
    "on_scene",
    "patient_contact",
    "transporting",
    "at_hospital",
    "cleared",
    "cancelled",
)
#: Alerts about a unit name the incident its wait belonged to in their message.
_UNIT_ALERTS = (
    TimerKind.NOT_ACKNOWLEDGED.value,
    TimerKind.EN_ROUTE.value,
    TimerKind.ON_SCENE_NO_UPDATE.value,
)


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: EntryKind
    #: What happened, a code of its kind: a call's ``ring``/``answer``/``end``; a note's
    #: ``NoteKind``; the ``UnitStatus`` a unit reached; an assignment's milestone (``MILESTONES``);
    #: an alert ``raised``/``acknowledged``/``cleared``; a callback ``opened``/``attempt``/``closed``;
    #: an audit row's ``AuditAction``.
    event: str
    #: Who did it ("" for the console itself, a feed or a timer).
    user_name: str = ""
    console_name: str = ""
    #: The id of the row in its table (calls, incident_notes, unit_status_history, assignments,
    #: alerts, callbacks or callback_attempts, audit_log).
    ref_id: int = 0
    #: The call it is about, where there is one.
    call_id: int | None = None
    #: The unit's call sign, for unit statuses, assignments and units' alerts.
    unit: str = ""
    #: Values as (name, value) pairs: codes, numbers, ids, a note's text.
    detail: tuple[tuple[str, str], ...] = ()

    @property
    def summary(self) -> str:
        """One line of codes and values: the event, the unit, then ``name=value`` pairs."""
        parts = [self.event, self.unit, *(f"{name}={value}" for name, value in self.detail)]
        return " ".join(part for part in parts if part)

    def value(self, name: str) -> str:
        """A detail's value ("" when the entry has none of that name)."""
        return next((value for key, value in self.detail if key == name), "")


def _require_reviewer(ctx: ServiceContext) -> None:
    if not can(ctx.actor.role, Action.REVIEW_SHIFTS):
        raise ServiceError(refusal_for(Action.REVIEW_SHIFTS))


def _pairs(**values: object) -> tuple[tuple[str, str], ...]:
    return tuple((name, str(value)) for name, value in values.items() if value is not None and value != "")


def incident_timeline(ctx: ServiceContext, incident_id: int) -> list[TimelineEntry]:
    """The incident's record in time order (see the module docstring)."""
    _require_reviewer(ctx)
    with reading(ctx) as session:
        incident = session.get(Incident, incident_id)
        if incident is None:
            raise ServiceError(Refusal.NO_SUCH_INCIDENT, incident_id=incident_id)
        users = dict(session.execute(select(User.id, User.username)).all())
        consoles = dict(session.execute(select(Console.id, Console.name)).all())
        signs = dict(session.execute(select(Unit.id, Unit.call_sign)).all())
        names = _Names(users, consoles, signs)
        entries: list[tuple[tuple[Any, ...], TimelineEntry]] = []
        call_ids = _calls(session, incident_id, names, entries)
        _notes(session, incident_id, names, entries)
        unit_ids = _units(session, incident_id, names, entries)
        alert_ids = _alerts(session, incident, call_ids, unit_ids, names, entries)
        callback_ids = _callbacks(session, call_ids, names, entries)
        _audit(session, incident_id, call_ids, callback_ids, alert_ids, entries)
    entries.sort(key=lambda pair: pair[0])
    return [entry for _, entry in entries]


@dataclass(frozen=True)
class _Names:
    users: dict[int, str]
    consoles: dict[int, str]
    signs: dict[int, str]

    def user(self, user_id: int | None) -> str:
        return "" if user_id is None else self.users.get(user_id, "")

    def console(self, console_id: int | None) -> str:
        return "" if console_id is None else self.consoles.get(console_id, "")


def _add(entries: list[tuple[tuple[Any, ...], TimelineEntry]], entry: TimelineEntry, step: int = 0) -> None:
    entries.append(((entry.at, _KIND_ORDER[entry.kind], entry.ref_id, step), entry))


def _calls(
    session: Session, incident_id: int, names: _Names, entries: list[tuple[tuple[Any, ...], TimelineEntry]]
) -> list[int]:
    rows = session.scalars(select(Call).where(Call.incident_id == incident_id).order_by(Call.id)).all()
    for call in rows:
        number = call.number_e164 or call.number_raw
        ring = _pairs(number=number, presentation=call.presentation, feed=call.feed, line=call.line)
        _add(
            entries,
            TimelineEntry(
                call.ring_at, EntryKind.CALL, CALL_RING, ref_id=call.id, call_id=call.id, detail=ring
            ),
        )
        if call.answered_at is not None:
            answer = TimelineEntry(
                call.answered_at,
                EntryKind.CALL,
                CALL_ANSWER,
                names.user(call.answered_by),
                names.console(call.console_id),
                call.id,
                call.id,
            )
            _add(entries, answer, 1)
        if call.ended_at is not None:
            end = TimelineEntry(
                call.ended_at,
                EntryKind.CALL,
                CALL_END,
                ref_id=call.id,
                call_id=call.id,
                detail=_pairs(call_class=call.classification),
            )
            _add(entries, end, 2)
    return [call.id for call in rows]


def _notes(
    session: Session, incident_id: int, names: _Names, entries: list[tuple[tuple[Any, ...], TimelineEntry]]
) -> None:
    for note in session.scalars(select(IncidentNote).where(IncidentNote.incident_id == incident_id)):
        detail = _pairs(text=note.text, corrects=note.corrects_id)
        entry = TimelineEntry(
            note.at,
            EntryKind.NOTE,
            note.kind,
            names.user(note.author_id),
            names.console(note.console_id),
            note.id,
            detail=detail,
        )
        _add(entries, entry)


def _units(
    session: Session, incident_id: int, names: _Names, entries: list[tuple[tuple[Any, ...], TimelineEntry]]
) -> set[int]:
    """Status rows of the incident's units; milestones of assignments that have none. Unit ids."""
    signs = names.signs
    with_history: set[int] = set()
    unit_ids: set[int] = set()
    for row in session.scalars(select(UnitStatusChange).where(UnitStatusChange.incident_id == incident_id)):
        unit_ids.add(row.unit_id)
        if row.assignment_id is not None:
            with_history.add(row.assignment_id)
        detail = _pairs(
            **{"from": row.from_status}, assignment=row.assignment_id, override=row.override_reason
        )
        entry = TimelineEntry(
            row.at,
            EntryKind.UNIT_STATUS,
            row.to_status,
            names.user(row.user_id),
            names.console(row.console_id),
            row.id,
            unit=signs.get(row.unit_id, ""),
            detail=detail,
        )
        _add(entries, entry)
    for assignment in session.scalars(select(Assignment).where(Assignment.incident_id == incident_id)):
        unit_ids.add(assignment.unit_id)
        if assignment.id in with_history:
            continue
        for step, milestone in enumerate(MILESTONES):
            at = getattr(assignment, f"{milestone}_at")
            if at is None:
                continue
            entry = TimelineEntry(
                at,
                EntryKind.ASSIGNMENT,
                milestone,
                names.user(assignment.dispatched_by) if milestone == "dispatched" else "",
                "",
                assignment.id,
                unit=signs.get(assignment.unit_id, ""),
            )
            _add(entries, entry, step)
    return unit_ids


def _alerts(
    session: Session,
    incident: Incident,
    call_ids: list[int],
    unit_ids: set[int],
    names: _Names,
    entries: list[tuple[tuple[Any, ...], TimelineEntry]],
) -> list[int]:
    """Alerts about the incident, its calls, and its units' work on it (the kind/entity index)."""
    subjects: dict[str, list[str]] = {
        TimerKind.NOT_DISPATCHED.value: [str(incident.id)],
        TimerKind.CALL_RINGING.value: [str(call_id) for call_id in call_ids],
    }
    for kind in _UNIT_ALERTS:
        subjects[kind] = [str(unit_id) for unit_id in sorted(unit_ids)]
    condition = or_(
        *((Alert.kind == kind) & Alert.entity_id.in_(ids) for kind, ids in subjects.items() if ids)
    )
    rows = session.scalars(select(Alert).where(condition)).all()
    signs = names.signs
    kept: list[int] = []
    for alert in rows:
        about = _message(alert.message)
        if alert.kind in _UNIT_ALERTS and about.get("incident") != incident.number:
            continue  # the unit's wait on another incident
        kept.append(alert.id)
        unit = signs.get(int(alert.entity_id or 0), "") if alert.entity == "unit" else ""
        call_id = int(alert.entity_id or 0) if alert.entity == "call" else None
        detail = _pairs(alert=alert.kind, since=about.get("since"), limit_s=about.get("limit_s"))
        steps = (
            (alert.raised_at, ALERT_RAISED, None, alert.console_id),
            (alert.acknowledged_at, ALERT_ACKNOWLEDGED, alert.acknowledged_by, alert.acknowledged_console_id),
            (alert.cleared_at, ALERT_CLEARED, None, None),
        )
        for step, (at, event, user_id, console_id) in enumerate(steps):
            if at is not None:
                entry = TimelineEntry(
                    at,
                    EntryKind.ALERT,
                    event,
                    names.user(user_id),
                    names.console(console_id),
                    alert.id,
                    call_id,
                    unit,
                    detail,
                )
                _add(entries, entry, step)
    return kept


def _message(message: str) -> dict[str, Any]:
    try:
        loaded = json.loads(message)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _callbacks(
    session: Session, call_ids: list[int], names: _Names, entries: list[tuple[tuple[Any, ...], TimelineEntry]]
) -> list[int]:
    if not call_ids:
        return []
    rows = session.scalars(select(Callback).where(Callback.call_id.in_(call_ids))).all()
    for callback in rows:
        opened = TimelineEntry(
            callback.opened_at,
            EntryKind.CALLBACK,
            CALLBACK_OPENED,
            ref_id=callback.id,
            call_id=callback.call_id,
            detail=_pairs(reason=callback.reason, callback=callback.id),
        )
        _add(entries, opened)
        if callback.closed_at is not None:
            closed = TimelineEntry(
                callback.closed_at,
                EntryKind.CALLBACK,
                CALLBACK_CLOSED,
                names.user(callback.closed_by),
                "",
                callback.id,
                callback.call_id,
                detail=_pairs(outcome=callback.outcome, note=callback.note, callback=callback.id),
            )
            # After the attempt that closed it, at the same instant (attempts are ordered by their ids).
            entries.append(((closed.at, _KIND_ORDER[closed.kind], callback.id, 1 << 62), closed))
    call_of = {callback.id: callback.call_id for callback in rows}
    if call_of:
        for attempt in session.scalars(
            select(CallbackAttempt).where(CallbackAttempt.callback_id.in_(call_of))
        ):
            entry = TimelineEntry(
                attempt.at,
                EntryKind.CALLBACK,
                CALLBACK_ATTEMPT,
                names.user(attempt.user_id),
                names.console(attempt.console_id),
                attempt.id,
                call_of[attempt.callback_id],
                detail=_pairs(outcome=attempt.outcome, note=attempt.note, callback=attempt.callback_id),
            )
            entries.append(((entry.at, _KIND_ORDER[entry.kind], attempt.callback_id, attempt.id), entry))
    return list(call_of)


def _audit(
    session: Session,
    incident_id: int,
    call_ids: list[int],
    callback_ids: list[int],
    alert_ids: list[int],
    entries: list[tuple[tuple[Any, ...], TimelineEntry]],
) -> None:
    """Audit rows naming the incident, its calls, callbacks and alerts (the entity index)."""
    named = [
        ("incident", [incident_id]),
        ("call", call_ids),
        ("callback", callback_ids),
        ("alert", alert_ids),
    ]
    condition = or_(
        *(
            (AuditEntry.entity == entity) & AuditEntry.entity_id.in_([str(i) for i in ids])
            for entity, ids in named
            if ids
        )
    )
    for row in session.scalars(select(AuditEntry).where(condition)):
        detail = _pairs(entity=row.entity, id=row.entity_id) + tuple(
            (name, _text(value)) for name, value in sorted(_message(row.detail or "").items())
        )
        entry = TimelineEntry(
            row.at,
            EntryKind.AUDIT,
            row.action,
            "" if row.user_name == SYSTEM_USER else row.user_name,
            row.console_name,
            row.id,
            int(row.entity_id) if row.entity == "call" and row.entity_id else None,
            detail=detail,
        )
        _add(entries, entry)


def _text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
