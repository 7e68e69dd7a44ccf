"""The keys of every one-key choice (the choice bar): call classes, dispositions, unit statuses,
callback outcomes.

Digits both languages share, or letters of the words shown: see issue 10 and docs/glossary.md.
"""

from __future__ import annotations

from dispatch.domain.callers import ATTEMPT_OUTCOMES, SUPERVISOR_CLOSE_OUTCOMES, CallbackOutcome
from dispatch.domain.enums import CallClass, Disposition

CLASS_KEYS = {
    CallClass.INFORMATION: "I",
    CallClass.PRANK: "P",
    CallClass.SILENT: "S",
    CallClass.WRONG_NUMBER: "W",
}
DISPOSITION_KEYS = {
    Disposition.HANDLED: "1",
    Disposition.TRANSPORTED: "2",
    Disposition.REFERRED: "3",
    Disposition.NO_ACTION_NEEDED: "4",
    Disposition.GONE_ON_ARRIVAL: "5",
    Disposition.FALSE_ALARM: "6",
    Disposition.DUPLICATE: "7",
}
#: A unit's possible next statuses, in order, take these keys.
STATUS_KEYS = "123456789ABCDEF"
ATTEMPT_KEYS = {
    CallbackOutcome.REACHED_NO_EMERGENCY: "R",
    CallbackOutcome.REACHED_EMERGENCY: "E",
    CallbackOutcome.NO_ANSWER: "N",
    CallbackOutcome.BUSY: "B",
    CallbackOutcome.UNREACHABLE: "U",
}
CLOSE_KEYS = {
    CallbackOutcome.CLOSED_BY_SUPERVISOR: "C",
    CallbackOutcome.REACHED_NO_EMERGENCY: "R",
    CallbackOutcome.UNREACHABLE: "U",
}
assert set(ATTEMPT_KEYS) == set(ATTEMPT_OUTCOMES)
assert set(CLOSE_KEYS) == set(SUPERVISOR_CLOSE_OUTCOMES)
