"""Who is calling: a ringing number's history and flags, and the supervisor's watch list.

Flags inform the call-taker; nothing here hides, delays or drops a call. The summary is read while
the call rings, so it is shaped for the (number, ring_at) indexes of ``calls`` and must answer within
50 ms on a million calls (bench/bench_caller_history.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from dispatch.domain.callers import (
    DEFAULT_PRANK_THRESHOLD,
    CallerCounts,
    ClassCount,
    FlagProblem,
    NumberFlagKind,
    counts_from_classes,
    flag_problems,
    is_repeat_prank,
    window_starts,
)
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.enums import CallClass, Presentation
from dispatch.domain.permissions import Action, can
from dispatch.domain.phone import parse_caller_number
from dispatch.services import queries
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError, audit
from dispatch.services.snapshots import CallView
from dispatch.services.uow import unit_of_work
from dispatch.store.tables import Call, NumberFlag

#: Earlier calls listed in the summary (the counts cover all of them).
RECENT_LISTED = 8


@dataclass(frozen=True)
class NumberFlagView:
    id: int
    number: str
    kind: NumberFlagKind
    reason: str
    at: datetime
    user_id: int | None
    lifted_at: datetime | None


@dataclass(frozen=True)
class CallerSummary:
    call_id: int
    #: What history and flags are keyed by: E.164, else the digits as received; "" when withheld.
    number: str
    number_national: str
    #: Carrier or area, from the number (CallView.number_description).
    description: str
    withheld: bool
    counts: CallerCounts
    recent: tuple[CallView, ...]
    prank_threshold: int
    repeat_prank: bool
    flags: tuple[NumberFlagView, ...]

    @property
    def watch(self) -> NumberFlagView | None:
        return next((f for f in self.flags if f.kind is NumberFlagKind.WATCH), None)

    @property
    def block_requested(self) -> NumberFlagView | None:
        return next((f for f in self.flags if f.kind is NumberFlagKind.BLOCK_REQUESTED), None)


NO_CALLS = CallerCounts(0, 0, 0, {})


def caller_summary(
    ctx: ServiceContext, call: int | CallView, prank_threshold: int = DEFAULT_PRANK_THRESHOLD
) -> CallerSummary:
    """The ringing number's earlier calls (24 h, 30 days, all; per class), last calls and flags.

    Withheld and unavailable numbers have no history: all such callers share the same marker.
    """
    if isinstance(call, int):
        found = queries.call(ctx, call)
        if found is None:
            raise ServiceError(Refusal.NO_SUCH_CALL, call_id=call)
        call = found
    if call.presentation is not Presentation.ALLOWED:
        return CallerSummary(
            call.id, "", call.number_national, call.number_description, True, NO_CALLS, (), prank_threshold,
            False, (),
        )  # fmt: skip
    key = call.number_e164 or call.number_raw
    with ctx.database.sessions() as session:
        counts = _counts(session, call)
        flags = _active_flags(session, key)
    recent = tuple(queries.caller_history(ctx, call, limit=RECENT_LISTED))
    return CallerSummary(
        call_id=call.id,
        number=key,
        number_national=call.number_national,
        description=call.number_description,
        withheld=False,
        counts=counts,
        recent=recent,
        prank_threshold=prank_threshold,
        repeat_prank=is_repeat_prank(counts, prank_threshold),
        flags=flags,
    )


def _counts(session: Session, call: CallView) -> CallerCounts:
    """One pass over the number's index range, counting per class and window in the database."""
    day_start, month_start = window_starts(call.ring_at)
    number_column = Call.number_e164 if call.number_e164 else Call.number_raw
    rows = session.execute(
        select(
            Call.classification,
            func.sum(case((Call.ring_at >= day_start, 1), else_=0)),
            func.sum(case((Call.ring_at >= month_start, 1), else_=0)),
            func.count(),
        )
        .where(
            number_column == (call.number_e164 or call.number_raw),
            Call.ring_at <= call.ring_at,
            Call.id != call.id,
        )
        .group_by(Call.classification)
    ).all()
    return counts_from_classes(
        {
            (CallClass(cls) if cls else None): ClassCount(int(day or 0), int(month or 0), int(total))
            for cls, day, month, total in rows
        }
    )


def _active_flags(session: Session, key: str) -> tuple[NumberFlagView, ...]:
    rows = session.scalars(
        select(NumberFlag)
        .where(NumberFlag.number == key, NumberFlag.lifted_at.is_(None))
        .order_by(NumberFlag.at, NumberFlag.id)
    ).all()
    return tuple(_flag_view(r) for r in rows)


def _flag_view(row: NumberFlag) -> NumberFlagView:
    return NumberFlagView(
        id=row.id,
        number=row.number,
        kind=NumberFlagKind(row.kind),
        reason=row.reason,
        at=row.at,
        user_id=row.user_id,
        lifted_at=row.lifted_at,
    )


def number_key(text: str) -> tuple[bool, str]:
    """(presentable, key) for a number typed by a supervisor: keyed as calls are (E.164, else raw)."""
    parsed = parse_caller_number(text.strip())
    presentable = parsed.presentation is Presentation.ALLOWED and bool(text.strip())
    return presentable, parsed.lookup_key.strip()


def number_description(key: str) -> str:
    """Carrier or area of a flagged number, as the call queue shows it ("" for raw digits)."""
    return parse_caller_number(key).description


# -- the watch list (supervisors) ---------------------------------------------------------------


def _require_supervisor(ctx: ServiceContext, action: str) -> None:
    if not can(ctx.actor.role, Action.MANAGE_NUMBER_FLAGS):
        raise ServiceError(Refusal.SUPERVISOR_ONLY, action=action)


def watch_number(ctx: ServiceContext, number: str, reason: str) -> NumberFlagView:
    """Put a number on the watch list; the reason is shown to whoever takes its next call."""
    return _add_flag(ctx, NumberFlagKind.WATCH, number, reason)


def request_block(ctx: ServiceContext, number: str, requested_on_note: str) -> NumberFlagView:
    """Mark a number "block requested from telco" (dated now); the note says how and to whom."""
    return _add_flag(ctx, NumberFlagKind.BLOCK_REQUESTED, number, requested_on_note)


def _add_flag(ctx: ServiceContext, kind: NumberFlagKind, number: str, reason: str) -> NumberFlagView:
    _require_supervisor(ctx, f"flag.{kind.value}")
    presentable, key = number_key(number)
    problems = flag_problems(presentable, number, reason)
    with unit_of_work(ctx) as work:
        session = work.session
        if "number" not in problems and any(f.kind is kind for f in _active_flags(session, key)):
            problems["number"] = FlagProblem.ALREADY_FLAGGED
        if problems:
            raise ServiceError(Refusal.FLAG_REFUSED, problems=problems)
        row = NumberFlag(
            number=key,
            kind=kind.value,
            reason=reason.strip(),
            at=ctx.clock.now(),
            user_id=ctx.actor.user_id,
            console_id=ctx.console_id,
        )
        session.add(row)
        session.flush()
        audit(session, ctx, AuditAction(f"number_flag.{kind.value}"), "number_flag", row.id, number=key)
        view = _flag_view(row)
        work.announce(Change(Topic.NUMBER_FLAGS, (view.id,)))
    return view


def lift_flag(ctx: ServiceContext, flag_id: int) -> NumberFlagView:
    """Lift a flag (kept, with who lifted it and when; flags are never deleted)."""
    _require_supervisor(ctx, "flag.lift")
    with unit_of_work(ctx) as work:
        session = work.session
        row = session.get(NumberFlag, flag_id, with_for_update=True)
        if row is None:
            raise ServiceError(Refusal.NO_SUCH_FLAG, flag_id=flag_id)
        if row.lifted_at is not None:
            raise ServiceError(Refusal.FLAG_LIFTED, flag_id=flag_id)
        row.lifted_at = ctx.clock.now()
        row.lifted_by = ctx.actor.user_id
        audit(
            session,
            ctx,
            AuditAction.NUMBER_FLAG_LIFT,
            "number_flag",
            row.id,
            number=row.number,
            kind=row.kind,
        )
        view = _flag_view(row)
        work.announce(Change(Topic.NUMBER_FLAGS, (flag_id,)))
    return view


def number_flags(ctx: ServiceContext, number: str) -> list[NumberFlagView]:
    """The flags in force for a number (typed in any common form)."""
    _presentable, key = number_key(number)
    if not key:
        return []
    with ctx.database.sessions() as session:
        return list(_active_flags(session, key))


def flagged_numbers(ctx: ServiceContext) -> list[NumberFlagView]:
    """Every flag in force, by number then date (the watch list)."""
    with ctx.database.sessions() as session:
        rows = session.scalars(
            select(NumberFlag)
            .where(NumberFlag.lifted_at.is_(None))
            .order_by(NumberFlag.number, NumberFlag.at, NumberFlag.id)
        ).all()
        return [_flag_view(r) for r in rows]
