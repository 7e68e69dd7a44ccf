"""Duty shifts: a supervisor opens the centre's shift and closes it; the pass-down typed meanwhile.

A duty shift is one period of the centre's pattern (``dispatch.domain.shifts.ShiftPeriod``: the
morning shift of 27 November), opened and closed by a supervisor (``Action.MANAGE_SHIFTS``); every
change is audited and announced on ``Topic.SHIFTS``. At most one shift is open at a time: the
service refuses a second one (``SHIFT_ALREADY_OPEN``), and the database's unique index over open
shifts refuses the second of two consoles opening one at the same moment (the unit of work reports
that race as ``CHANGED_ELSEWHERE``). Each period is worked once: a closed shift is not opened again.

The outgoing lead's pass-down instructions and the planned events may be typed while the shift is
open and after it is closed, until its handover report is signed (``dispatch.services.handover``):
the report freezes them, so later changes are refused (``HANDOVER_SIGNED``) and go into addenda.

Reports cover a shift from ``opened_at`` to ``period_end`` (its closing, or the planned end while it
is open). ``staff_of`` lists who worked it: the attendance rows (log-in to log-out at a console) that
overlap that time or were made while the shift was open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session, aliased

from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.permissions import Action
from dispatch.domain.shifts import ShiftCode, ShiftPeriod
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.permissions import require
from dispatch.services.uow import UnitOfWork, reading, unit_of_work
from dispatch.store.tables import Attendance, Console, DutyShift, HandoverReport, User

#: The longest pass-down and the longest planned events, in characters each (the refusal's wording,
#: ui/labels.py NOTE_TOO_LONG, names the same limit as the callback notes').
PASS_DOWN_MAX = 2000


@dataclass(frozen=True)
class ShiftSnapshot:
    id: int
    code: ShiftCode
    #: The local date the shift starts on (the night shift of 2 December runs into 3 December).
    day: date
    planned_start: datetime
    planned_end: datetime
    opened_at: datetime
    #: Username of the supervisor who opened it.
    opened_by: str | None
    closed_at: datetime | None
    closed_by: str | None
    pass_down: str
    planned_events: str

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def period_end(self) -> datetime:
        """Where the shift's reports end: [opened_at, period_end)."""
        return self.closed_at if self.closed_at is not None else self.planned_end


@dataclass(frozen=True)
class StaffOnDuty:
    """One person's time at one console during a shift (an attendance row)."""

    user_id: int
    user_name: str
    full_name: str
    role: str
    console_name: str
    #: ``ui.positions.Position`` value taken at log-in; "" where none was given.
    position: str
    started_at: datetime
    #: None while the person is still logged in.
    ended_at: datetime | None


_opener = aliased(User)
_closer = aliased(User)


def _snapshots() -> Select[DutyShift, str, str]:
    # A username is None where no user opened or closed the shift (outer joins the typing cannot show).
    return (
        select(DutyShift, _opener.username, _closer.username)
        .outerjoin(_opener, _opener.id == DutyShift.opened_by)
        .outerjoin(_closer, _closer.id == DutyShift.closed_by)
    )


def _snapshot(row: DutyShift, opened_by: str | None, closed_by: str | None) -> ShiftSnapshot:
    return ShiftSnapshot(
        id=row.id,
        code=ShiftCode(row.code),
        day=row.day,
        planned_start=row.planned_start,
        planned_end=row.planned_end,
        opened_at=row.opened_at,
        opened_by=opened_by,
        closed_at=row.closed_at,
        closed_by=closed_by,
        pass_down=row.pass_down,
        planned_events=row.planned_events,
    )


def _read_one(session: Session, shift_id: int) -> ShiftSnapshot | None:
    found = session.execute(_snapshots().where(DutyShift.id == shift_id)).first()
    return None if found is None else _snapshot(*found)


def _locked(work: UnitOfWork, shift_id: int) -> DutyShift:
    row = work.session.get(DutyShift, shift_id, with_for_update=True)
    if row is None:
        work.refuse(Refusal.NO_SUCH_SHIFT, shift_id=shift_id)
    return row


def _written(work: UnitOfWork, row: DutyShift) -> ShiftSnapshot:
    """The row as the work leaves it, announced on ``Topic.SHIFTS`` once committed."""
    work.session.flush()
    work.notify(Topic.SHIFTS, row.id)
    snapshot = _read_one(work.session, row.id)
    assert snapshot is not None  # just written in this transaction
    return snapshot


def open_shift(ctx: ServiceContext, period: ShiftPeriod) -> ShiftSnapshot:
    """Open ``period`` as the centre's duty shift, now (supervisors; one shift open at a time)."""
    require(ctx, Action.MANAGE_SHIFTS)
    with unit_of_work(ctx) as work:
        session = work.session
        already = session.scalars(select(DutyShift).where(DutyShift.closed_at.is_(None))).first()
        if already is not None:
            work.refuse(Refusal.SHIFT_ALREADY_OPEN, shift_id=already.id, shift=already.code, day=already.day)
        worked = session.scalars(
            select(DutyShift.id).where(DutyShift.day == period.day, DutyShift.code == period.code.value)
        ).first()
        if worked is not None:
            # Each period is worked once: its handover report covers it whole.
            work.refuse(Refusal.SHIFT_CLOSED, shift_id=worked)
        row = DutyShift(
            code=period.code.value,
            day=period.day,
            planned_start=period.start,
            planned_end=period.end,
            opened_at=ctx.clock.now(),
            opened_by=ctx.actor.user_id,
            opened_console_id=ctx.console_id,
            pass_down="",
            planned_events="",
        )
        session.add(row)
        # A second console opening a shift at the same moment fails here, on the unique index.
        session.flush()
        work.audit(
            AuditAction.SHIFT_OPEN,
            "duty_shift",
            row.id,
            code=row.code,
            day=row.day.isoformat(),
            planned_start=period.start.isoformat(),
            planned_end=period.end.isoformat(),
        )
        return _written(work, row)


def close_shift(ctx: ServiceContext, shift_id: int) -> ShiftSnapshot:
    """Close the shift now (supervisors): its reports end here."""
    require(ctx, Action.MANAGE_SHIFTS)
    with unit_of_work(ctx) as work:
        row = _locked(work, shift_id)
        if row.closed_at is not None:
            work.refuse(Refusal.SHIFT_CLOSED, shift_id=shift_id)
        row.closed_at = ctx.clock.now()
        row.closed_by = ctx.actor.user_id
        row.closed_console_id = ctx.console_id
        work.audit(AuditAction.SHIFT_CLOSE, "duty_shift", row.id, code=row.code, day=row.day.isoformat())
        return _written(work, row)


def clean_text(text: str) -> str:
    """Control characters dropped (but newlines and tabs), line breaks made ``\\n``, ends stripped."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in unified if ch in "\n\t" or ord(ch) >= 32).strip()


def set_pass_down(ctx: ServiceContext, shift_id: int, pass_down: str, planned_events: str) -> ShiftSnapshot:
    """Write the pass-down instructions and planned events (supervisors), until the report is signed."""
    require(ctx, Action.MANAGE_SHIFTS)
    texts = {"pass_down": clean_text(pass_down), "planned_events": clean_text(planned_events)}
    for field, text in texts.items():
        if len(text) > PASS_DOWN_MAX:
            raise ServiceError(Refusal.NOTE_TOO_LONG, field=field, limit=PASS_DOWN_MAX, length=len(text))
    with unit_of_work(ctx) as work:
        row = _locked(work, shift_id)
        signed = work.session.scalars(
            select(HandoverReport.id).where(HandoverReport.duty_shift_id == shift_id)
        ).first()
        if signed is not None:
            work.refuse(Refusal.HANDOVER_SIGNED, shift_id=shift_id, report_id=signed)
        if (row.pass_down, row.planned_events) != (texts["pass_down"], texts["planned_events"]):
            row.pass_down, row.planned_events = texts["pass_down"], texts["planned_events"]
            # The text itself: the row keeps only the latest, the audit log every version.
            work.audit(
                AuditAction.SHIFT_PASS_DOWN,
                "duty_shift",
                row.id,
                pass_down=texts["pass_down"],
                planned_events=texts["planned_events"],
            )
        return _written(work, row)


def current_shift(ctx: ServiceContext) -> ShiftSnapshot | None:
    """The open shift, if one is."""
    with reading(ctx) as session:
        found = session.execute(_snapshots().where(DutyShift.closed_at.is_(None))).first()
        return None if found is None else _snapshot(*found)


def shift(ctx: ServiceContext, shift_id: int) -> ShiftSnapshot:
    with reading(ctx) as session:
        found = _read_one(session, shift_id)
    if found is None:
        raise ServiceError(Refusal.NO_SUCH_SHIFT, shift_id=shift_id)
    return found


def recent_shifts(ctx: ServiceContext, limit: int = 50) -> list[ShiftSnapshot]:
    """The last ``limit`` shifts opened, newest first."""
    with reading(ctx) as session:
        rows = session.execute(
            _snapshots().order_by(DutyShift.opened_at.desc(), DutyShift.id.desc()).limit(limit)
        ).all()
        return [_snapshot(*row) for row in rows]


def staff_of(ctx: ServiceContext, shift_id: int) -> list[StaffOnDuty]:
    """Who worked the shift: attendance overlapping [opened_at, period_end) or begun under it.

    In order of logging in. A person who logged in before the shift was opened and stayed on is in
    it; one who logged out before it opened, or in only after it closed, is not.
    """
    worked = shift(ctx, shift_id)
    overlapping = and_(
        Attendance.started_at < worked.period_end,
        or_(Attendance.ended_at.is_(None), Attendance.ended_at > worked.opened_at),
    )
    with reading(ctx) as session:
        rows = session.execute(
            select(
                Attendance.user_id,
                User.username,
                User.full_name,
                User.role,
                Console.name,
                Attendance.position,
                Attendance.started_at,
                Attendance.ended_at,
            )
            .join(User, User.id == Attendance.user_id)
            .join(Console, Console.id == Attendance.console_id)
            .where(or_(Attendance.duty_shift_id == shift_id, overlapping))
            .order_by(Attendance.started_at, Attendance.id)
        ).all()
    return [StaffOnDuty(*row) for row in rows]
