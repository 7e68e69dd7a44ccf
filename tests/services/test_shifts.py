"""Duty shifts opened, closed and passed down by supervisors, on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import json
import threading
import time
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import Refusal
from dispatch.domain.enums import Role
from dispatch.domain.shifts import DEFAULT_PATTERN, ShiftCode, shifts_of_day
from dispatch.services import accounts, shifts
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.store.database import Database
from dispatch.store.tables import Attendance, DutyShift, HandoverReport
from tests.conftest import START
from tests.services.support import audit_since, audited, last_audit_id

WIB = ZoneInfo("Asia/Jakarta")
#: The clock starts at 12:00 WIB on 27 November 2026, in the morning shift (07:00-15:00).
MORNING, AFTERNOON, NIGHT = shifts_of_day(DEFAULT_PATTERN, WIB, date(2026, 11, 27))
PASSWORD = "kata-sandi-112"


def _user(ctx: ServiceContext, username: str, role: Role, console: str = "KONSOL-02") -> ServiceContext:
    """Another person, logged in at ``console``."""
    accounts.create_user(ctx, username, username.title(), PASSWORD, PASSWORD, role)
    where = accounts.register_console(ctx.database, ctx.clock, ctx.bus, console, "test-host")
    result = accounts.log_in(where, username, PASSWORD)
    assert result.actor is not None
    return where.acting_as(result.actor)


def _refused(code: Refusal) -> pytest.RaisesExc[ServiceError]:
    return pytest.raises(ServiceError, match=code.value)


def _shift_rows(database: Database) -> list[DutyShift]:
    with database.transaction() as session:
        return list(session.scalars(select(DutyShift).order_by(DutyShift.id)))


def test_a_supervisor_opens_the_shift_of_the_pattern_and_it_is_current(
    ctx: ServiceContext, changes: list[Change]
) -> None:
    assert shifts.current_shift(ctx) is None
    opened, rows = audited(ctx, lambda: shifts.open_shift(ctx, MORNING))
    assert (opened.code, opened.day) == (ShiftCode.MORNING, date(2026, 11, 27))
    assert (opened.planned_start, opened.planned_end) == (MORNING.start, MORNING.end)
    assert opened.planned_start.astimezone(WIB).hour == 7
    assert (opened.opened_at, opened.opened_by) == (START, "sari")
    assert (opened.closed_at, opened.closed_by, opened.pass_down, opened.planned_events) == (
        None,
        None,
        "",
        "",
    )
    assert opened.is_open
    assert opened.period_end == MORNING.end  # while open, the planned end
    assert [(r.action, r.entity, r.entity_id, r.user_name) for r in rows] == [
        ("shift.open", "duty_shift", str(opened.id), "sari")
    ]
    assert json.loads(rows[0].detail or "{}") == {
        "code": "morning",
        "day": "2026-11-27",
        "planned_start": "2026-11-27T00:00:00+00:00",
        "planned_end": "2026-11-27T08:00:00+00:00",
    }
    assert Change(Topic.SHIFTS, (opened.id,)) in changes
    assert shifts.current_shift(ctx) == opened
    assert shifts.shift(ctx, opened.id) == opened
    assert shifts.recent_shifts(ctx) == [opened]


def test_only_supervisors_manage_shifts(ctx: ServiceContext) -> None:
    budi = _user(ctx, "budi", Role.CALL_TAKER)
    before = last_audit_id(ctx.database)
    with _refused(Refusal.SUPERVISOR_ONLY):
        shifts.open_shift(budi, MORNING)
    opened = shifts.open_shift(ctx, MORNING)
    with _refused(Refusal.SUPERVISOR_ONLY):
        shifts.set_pass_down(budi, opened.id, "Jalan ditutup", "")
    with _refused(Refusal.SUPERVISOR_ONLY):
        shifts.close_shift(budi, opened.id)
    assert [r.action for r in audit_since(ctx.database, before)] == ["shift.open"]
    # Anyone may read the shift: the call-taker's window shows it.
    assert shifts.current_shift(budi) == opened


def test_one_shift_is_open_at_a_time_and_each_period_is_worked_once(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    morning = shifts.open_shift(ctx, MORNING)
    with _refused(Refusal.SHIFT_ALREADY_OPEN) as refused:
        shifts.open_shift(ctx, AFTERNOON)
    assert refused.value.details["shift_id"] == morning.id
    clock.set(MORNING.end)
    shifts.close_shift(ctx, morning.id)
    with _refused(Refusal.SHIFT_CLOSED):
        shifts.open_shift(ctx, MORNING)  # closed: its report covers it whole
    afternoon = shifts.open_shift(ctx, AFTERNOON)
    assert [(row.code, row.closed_at is None) for row in _shift_rows(ctx.database)] == [
        ("morning", False),
        ("afternoon", True),
    ]
    assert shifts.current_shift(ctx) == afternoon


def test_the_database_refuses_a_second_open_shift_whoever_writes_it(ctx: ServiceContext) -> None:
    opened = shifts.open_shift(ctx, MORNING)
    row = DutyShift(
        code=AFTERNOON.code.value,
        day=AFTERNOON.day,
        planned_start=AFTERNOON.start,
        planned_end=AFTERNOON.end,
        opened_at=AFTERNOON.start,
        pass_down="",
        planned_events="",
    )
    with pytest.raises(IntegrityError), ctx.database.transaction() as session:
        session.add(row)
    assert [r.id for r in _shift_rows(ctx.database)] == [opened.id]


def test_closing_ends_the_shift_where_its_reports_end(
    ctx: ServiceContext, clock: ManualClock, changes: list[Change]
) -> None:
    opened = shifts.open_shift(ctx, MORNING)
    clock.set(MORNING.end + timedelta(minutes=12))  # the handover ran late
    closed, rows = audited(ctx, lambda: shifts.close_shift(ctx, opened.id))
    assert (closed.closed_at, closed.closed_by, closed.is_open) == (clock.now(), "sari", False)
    assert closed.period_end == clock.now()
    assert (closed.opened_at, closed.opened_by) == (opened.opened_at, "sari")
    assert [(r.action, r.entity_id) for r in rows] == [("shift.close", str(opened.id))]
    assert json.loads(rows[0].detail or "{}") == {"code": "morning", "day": "2026-11-27"}
    assert changes[-1] == Change(Topic.SHIFTS, (opened.id,))
    assert shifts.current_shift(ctx) is None
    with _refused(Refusal.SHIFT_CLOSED):
        shifts.close_shift(ctx, opened.id)
    with _refused(Refusal.NO_SUCH_SHIFT):
        shifts.close_shift(ctx, opened.id + 1)
    with _refused(Refusal.NO_SUCH_SHIFT):
        shifts.shift(ctx, opened.id + 1)


def test_the_pass_down_is_written_until_the_report_is_signed(ctx: ServiceContext, clock: ManualClock) -> None:
    opened = shifts.open_shift(ctx, MORNING)
    written, rows = audited(
        ctx,
        lambda: shifts.set_pass_down(
            ctx, opened.id, "  Jl. Pemuda ditutup\r\nsampai 18:00\x07 ", "Karnaval 14:00\tSimpang Lima"
        ),
    )
    assert written.pass_down == "Jl. Pemuda ditutup\nsampai 18:00"  # bell dropped, line break kept
    assert written.planned_events == "Karnaval 14:00\tSimpang Lima"
    assert [(r.action, r.entity_id) for r in rows] == [("shift.pass_down", str(opened.id))]
    # The audit log keeps every version; the row only the latest.
    assert json.loads(rows[0].detail or "{}") == {
        "pass_down": "Jl. Pemuda ditutup\nsampai 18:00",
        "planned_events": "Karnaval 14:00\tSimpang Lima",
    }
    same, rows = audited(
        ctx, lambda: shifts.set_pass_down(ctx, opened.id, written.pass_down, written.planned_events)
    )
    assert (same, rows) == (written, [])  # nothing changed, nothing audited

    clock.advance(60)
    closed = shifts.close_shift(ctx, opened.id)
    after_close = shifts.set_pass_down(ctx, opened.id, "Jl. Pemuda dibuka lagi", "")
    assert (after_close.pass_down, after_close.closed_at) == ("Jl. Pemuda dibuka lagi", closed.closed_at)

    with ctx.database.transaction() as session:  # engineer B's sign-off writes this row
        session.add(
            HandoverReport(
                duty_shift_id=opened.id,
                content="{}",
                content_sha256="0" * 64,
                signed_at=clock.now(),
                signed_by=ctx.actor.user_id,
            )
        )
    before = last_audit_id(ctx.database)
    with _refused(Refusal.HANDOVER_SIGNED):
        shifts.set_pass_down(ctx, opened.id, "terlambat", "")
    assert audit_since(ctx.database, before) == []
    assert shifts.shift(ctx, opened.id).pass_down == "Jl. Pemuda dibuka lagi"
    with _refused(Refusal.NO_SUCH_SHIFT):
        shifts.set_pass_down(ctx, opened.id + 1, "", "")


@pytest.mark.parametrize("field", ["pass_down", "planned_events"])
def test_a_pass_down_longer_than_the_limit_is_refused(ctx: ServiceContext, field: str) -> None:
    opened = shifts.open_shift(ctx, MORNING)
    at_limit = {"pass_down": "", "planned_events": "", field: "x" * shifts.PASS_DOWN_MAX}
    assert getattr(shifts.set_pass_down(ctx, opened.id, **at_limit), field) == "x" * 2000
    too_long = {"pass_down": "", "planned_events": "", field: "y" * 2001}
    with _refused(Refusal.NOTE_TOO_LONG) as refused:
        shifts.set_pass_down(ctx, opened.id, **too_long)
    assert refused.value.details == {"field": field, "limit": 2000, "length": 2001}
    assert getattr(shifts.shift(ctx, opened.id), field) == "x" * 2000


def test_recent_shifts_are_newest_first(ctx: ServiceContext, clock: ManualClock) -> None:
    opened = []
    for period in (MORNING, AFTERNOON, NIGHT):
        clock.set(period.start + timedelta(minutes=2))
        shift = shifts.open_shift(ctx, period)
        clock.set(period.end)
        opened.append(shifts.close_shift(ctx, shift.id))
    assert [s.code for s in shifts.recent_shifts(ctx)] == ["night", "afternoon", "morning"]
    assert shifts.recent_shifts(ctx, limit=2) == opened[:0:-1]


def test_the_staff_of_a_shift_are_those_at_a_console_while_it_ran(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    """The afternoon shift (15:00-23:00 WIB). Sari logged in at 12:00 and stays; Budi left before the
    shift opened; Dewi worked 16:00-22:00; Eko came at 23:05, while the shift was still open past its
    planned end; Fajar came after it closed."""
    clock.set(AFTERNOON.start - timedelta(hours=1))
    budi = _user(ctx, "budi", Role.CALL_TAKER)
    clock.set(AFTERNOON.start - timedelta(minutes=5))
    accounts.log_out(budi)
    for username in ("dewi", "eko", "fajar"):
        accounts.create_user(
            ctx, username, f"{username.title()} Lestari", PASSWORD, PASSWORD, Role.DISPATCHER
        )
    clock.set(AFTERNOON.start)
    opened = shifts.open_shift(ctx, AFTERNOON)
    third = accounts.register_console(ctx.database, clock, ctx.bus, "KONSOL-03", "test-host")
    clock.set(AFTERNOON.start + timedelta(hours=1))
    dewi = accounts.log_in(third, "dewi", PASSWORD, position="dispatcher").actor
    assert dewi is not None
    clock.set(AFTERNOON.start + timedelta(hours=7))
    accounts.log_out(third.acting_as(dewi))
    clock.set(AFTERNOON.end + timedelta(minutes=5))
    eko = accounts.log_in(third, "eko", PASSWORD, position="call_taker").actor
    assert eko is not None

    def staff() -> list[tuple[str, str, str, str, str]]:
        return [
            (s.user_name, s.full_name, s.role, s.console_name, s.position)
            for s in shifts.staff_of(ctx, opened.id)
        ]

    sari = ("sari", "Sari Wulandari", "supervisor", "KONSOL-01", "")
    worked = [
        sari,
        ("dewi", "Dewi Lestari", "dispatcher", "KONSOL-03", "dispatcher"),
        ("eko", "Eko Lestari", "dispatcher", "KONSOL-03", "call_taker"),  # tied by the log-in
    ]
    assert staff() == worked
    clock.set(AFTERNOON.end + timedelta(minutes=10))
    shifts.close_shift(ctx, opened.id)
    clock.advance(60)
    assert accounts.log_in(third, "fajar", PASSWORD).actor is not None
    assert staff() == worked
    dewi_row = shifts.staff_of(ctx, opened.id)[1]
    assert (dewi_row.user_id, dewi_row.started_at, dewi_row.ended_at) == (
        dewi.user_id,
        AFTERNOON.start + timedelta(hours=1),
        AFTERNOON.start + timedelta(hours=7),
    )
    with _refused(Refusal.NO_SUCH_SHIFT):
        shifts.staff_of(ctx, opened.id + 1)


def test_a_shift_opened_by_another_console_meanwhile_is_refused(
    ctx: ServiceContext, database: Database
) -> None:
    """Another console has written its open shift but not yet committed when this one opens one.

    SQLite: this console's write waits for the other's lock, then finds the shift open. PostgreSQL:
    both found no open shift; the unique index holds this console's insert until the other commits,
    then refuses it, and the unit of work reports the lost race.
    """
    other = create_engine(database.engine.url)
    outcome: list[object] = []
    try:
        with Session(other) as session:
            session.add(
                DutyShift(
                    code=AFTERNOON.code.value,
                    day=AFTERNOON.day,
                    planned_start=AFTERNOON.start,
                    planned_end=AFTERNOON.end,
                    opened_at=AFTERNOON.start,
                    pass_down="",
                    planned_events="",
                )
            )
            session.flush()

            def open_here() -> None:
                try:
                    outcome.append(shifts.open_shift(ctx, MORNING))
                except ServiceError as error:
                    outcome.append(error.code)

            opening = threading.Thread(target=open_here)
            opening.start()
            _wait_for_a_lock_wait(other, session)
            session.commit()
            opening.join(timeout=30)
    finally:
        other.dispose()
    postgres = database.engine.dialect.name == "postgresql"
    assert outcome == [Refusal.CHANGED_ELSEWHERE if postgres else Refusal.SHIFT_ALREADY_OPEN]
    assert [row.code for row in _shift_rows(database)] == ["afternoon"]


def _wait_for_a_lock_wait(engine: Engine, holder: Session) -> None:
    """Until a session waits for a lock ``holder`` holds (the console's insert, on the other
    console's open row); other tests' waits on a shared server do not count.

    SQLite cannot be asked; a moment is enough there, and the outcome is the same if the console's
    write only begins after the other's commit.
    """
    if engine.dialect.name == "sqlite":
        time.sleep(0.3)
        return
    holder_pid = holder.scalar(text("SELECT pg_backend_pid()"))
    for _ in range(200):
        with engine.connect() as watcher:
            waiting = watcher.scalar(
                text("SELECT count(*) FROM pg_locks WHERE NOT granted AND :pid = ANY(pg_blocking_pids(pid))"),
                {"pid": holder_pid},
            )
            if waiting:
                return
        time.sleep(0.05)
    raise AssertionError("the console's insert never waited for the other console's row")


def test_logging_in_ties_the_attendance_to_the_open_shift(ctx: ServiceContext, clock: ManualClock) -> None:
    opened = shifts.open_shift(ctx, MORNING)
    clock.advance(60)
    budi = _user(ctx, "budi", Role.CALL_TAKER)
    with ctx.database.transaction() as session:
        rows = session.execute(
            select(Attendance.user_id, Attendance.duty_shift_id).order_by(Attendance.id)
        ).all()
    # Sari logged in before the shift was opened: her row names none; Budi's names the shift.
    assert rows == [(ctx.actor.user_id, None), (budi.actor.user_id, opened.id)]
