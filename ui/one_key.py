"""The keys of every one-key choice (the choice bar): call classes, dispositions, unit statuses,
callback outcomes.

Every key is a digit: the words shown differ between Indonesian and English (Iseng / Prank, Tanpa
suara / Silent), digits do not, so a call-taker's hands learn one set whichever language the console
speaks (issue 10; docs/glossary.md). A digit is its option's place in the list shown. Esc cancels
every choice; unit statuses run on to letters only past nine.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dispatch.domain.callers import ATTEMPT_OUTCOMES, SUPERVISOR_CLOSE_OUTCOMES, CallbackOutcome
from dispatch.domain.enums import CallClass, Disposition

CLASS_KEYS = {
    CallClass.INFORMATION: "1",
    CallClass.PRANK: "2",
    CallClass.SILENT: "3",
    CallClass.WRONG_NUMBER: "4",
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
    CallbackOutcome.REACHED_NO_EMERGENCY: "1",
    CallbackOutcome.REACHED_EMERGENCY: "2",
    CallbackOutcome.NO_ANSWER: "3",
    CallbackOutcome.BUSY: "4",
    CallbackOutcome.UNREACHABLE: "5",
}
CLOSE_KEYS = {
    CallbackOutcome.CLOSED_BY_SUPERVISOR: "1",
    CallbackOutcome.REACHED_NO_EMERGENCY: "2",
    CallbackOutcome.UNREACHABLE: "3",
}
#: Every map of one choice, for the test that keeps each one's keys distinct digits.
CHOICES: dict[str, Mapping[Any, str]] = {
    "call class": CLASS_KEYS,
    "disposition": DISPOSITION_KEYS,
    "callback attempt": ATTEMPT_KEYS,
    "callback close": CLOSE_KEYS,
}
assert set(ATTEMPT_KEYS) == set(ATTEMPT_OUTCOMES)
assert set(CLOSE_KEYS) == set(SUPERVISOR_CLOSE_OUTCOMES)
