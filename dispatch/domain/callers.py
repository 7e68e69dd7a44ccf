"""Caller history rules: counting a number's earlier calls, the repeat-prank flag, callback outcomes.

The repeat-prank rule, precisely: a ringing call is flagged when the same number made at least
``threshold - 1`` calls classified *prank* in the 24 hours before this call rang. The ringing call
(not yet classified) is counted as the one that would reach the threshold, so with the default
threshold of 3 the warning shows on the *third* call after two pranks that day. The flag only
informs: the call is answered like any other, and may be a real emergency.

Windows are measured back from the moment the ringing call rang and include their start:
an earlier call rung exactly 24 hours before is "in the last 24 h".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from dispatch.domain.enums import CallClass

DAY = timedelta(hours=24)
MONTH = timedelta(days=30)
#: Prank calls in 24 h, the ringing call included, that mark a repeat prank caller.
DEFAULT_PRANK_THRESHOLD = 3
#: The reason text a supervisor gives for a watch-list entry or block request, at most.
REASON_MAX = 500


@dataclass(frozen=True)
class PriorCall:
    ring_at: datetime
    classification: CallClass | None


@dataclass(frozen=True)
class ClassCount:
    """One class's earlier calls in each window."""

    last_24h: int = 0
    last_30d: int = 0
    total: int = 0


@dataclass(frozen=True)
class CallerCounts:
    last_24h: int
    last_30d: int
    total: int
    #: Per class (``None``: not classified yet, e.g. a call still live), only classes that occur.
    by_class: Mapping[CallClass | None, ClassCount] = field(default_factory=dict)

    def of(self, call_class: CallClass | None) -> ClassCount:
        return self.by_class.get(call_class, ClassCount())

    @property
    def pranks_24h(self) -> int:
        return self.of(CallClass.PRANK).last_24h


def window_starts(rang_at: datetime) -> tuple[datetime, datetime]:
    """The first instant of the 24-hour and the 30-day windows before a call that rang at ``rang_at``."""
    return rang_at - DAY, rang_at - MONTH


def count_calls(earlier: Iterable[PriorCall], rang_at: datetime) -> CallerCounts:
    """Count a number's earlier calls (those rung at or before ``rang_at``) per window and class."""
    day_start, month_start = window_starts(rang_at)
    per_class: dict[CallClass | None, list[int]] = {}
    for call in earlier:
        if call.ring_at > rang_at:
            continue
        counts = per_class.setdefault(call.classification, [0, 0, 0])
        counts[0] += call.ring_at >= day_start
        counts[1] += call.ring_at >= month_start
        counts[2] += 1
    return counts_from_classes({k: ClassCount(*v) for k, v in per_class.items()})


def counts_from_classes(by_class: Mapping[CallClass | None, ClassCount]) -> CallerCounts:
    """Totals from per-class counts (as a database aggregate returns them)."""
    kept = {k: v for k, v in by_class.items() if v.total}
    return CallerCounts(
        last_24h=sum(c.last_24h for c in kept.values()),
        last_30d=sum(c.last_30d for c in kept.values()),
        total=sum(c.total for c in kept.values()),
        by_class=kept,
    )


def is_repeat_prank(counts: CallerCounts, threshold: int = DEFAULT_PRANK_THRESHOLD) -> bool:
    """Whether the ringing call is at least the ``threshold``-th prank-or-ringing call in 24 h."""
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    return counts.pranks_24h + 1 >= threshold


class CallbackReason(StrEnum):
    SILENT = "silent"
    ABANDONED = "abandoned"


class CallbackOutcome(StrEnum):
    """What a callback attempt, or a supervisor closing the callback, came to."""

    REACHED_NO_EMERGENCY = "reached_no_emergency"
    REACHED_EMERGENCY = "reached_emergency"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    UNREACHABLE = "unreachable"
    # Only a supervisor closes a callback without reaching the caller; the note says why.
    CLOSED_BY_SUPERVISOR = "closed_by_supervisor"
    # Closed by the service when the call is classified as something that is not called back.
    RECLASSIFIED = "reclassified"


#: Outcomes a call-taker records for an attempt (one key each in the console).
ATTEMPT_OUTCOMES = (
    CallbackOutcome.REACHED_NO_EMERGENCY,
    CallbackOutcome.REACHED_EMERGENCY,
    CallbackOutcome.NO_ANSWER,
    CallbackOutcome.BUSY,
    CallbackOutcome.UNREACHABLE,
)
#: Outcomes a supervisor closes a callback with (the caller was reached by other means, or not).
SUPERVISOR_CLOSE_OUTCOMES = (
    CallbackOutcome.CLOSED_BY_SUPERVISOR,
    CallbackOutcome.REACHED_NO_EMERGENCY,
    CallbackOutcome.UNREACHABLE,
)


def attempt_closes(outcome: CallbackOutcome) -> bool:
    """Reaching the caller closes a callback; no answer, busy or unreachable leave it open."""
    return outcome in (CallbackOutcome.REACHED_NO_EMERGENCY, CallbackOutcome.REACHED_EMERGENCY)


class NumberFlagKind(StrEnum):
    WATCH = "watch"
    BLOCK_REQUESTED = "block_requested"


class FlagProblem(StrEnum):
    NUMBER_MISSING = "number_missing"
    NUMBER_WITHHELD = "number_withheld"
    REASON_MISSING = "reason_missing"
    REASON_TOO_LONG = "reason_too_long"
    CONTROL_CHARACTERS = "control_characters"
    ALREADY_FLAGGED = "already_flagged"


def flag_problems(presentable: bool, number: str, reason: str) -> dict[str, FlagProblem]:
    """What is wrong with a watch-list entry or block request, per field (``number``, ``reason``).

    ``presentable``: whether the number, as parsed, is a real caller number (not a withheld marker).
    """
    problems: dict[str, FlagProblem] = {}
    if not number.strip():
        problems["number"] = FlagProblem.NUMBER_MISSING
    elif not presentable:
        problems["number"] = FlagProblem.NUMBER_WITHHELD
    text = reason.strip()
    if not text:
        problems["reason"] = FlagProblem.REASON_MISSING
    elif len(text) > REASON_MAX:
        problems["reason"] = FlagProblem.REASON_TOO_LONG
    elif any(ord(ch) < 32 and ch not in "\t" for ch in text):
        problems["reason"] = FlagProblem.CONTROL_CHARACTERS
    return problems
