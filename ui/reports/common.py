"""What every report page shares: the language's numbers, the centre's zone, and the domain's codes in
words (through ui/labels.py, so a report says what the window says; a code from a newer console is
printed as it is rather than failing the report)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.callers import CallbackOutcome, CallbackReason, NumberFlagKind
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.enums import AgencyType, CallClass, IncidentStatus, Priority, Role, UnitStatus
from dispatch.domain.forwarding import ForwardState
from dispatch.domain.timers import TimerKind
from dispatch.services.integrity import DATABASE_DAMAGED_ALERT
from ui import labels
from ui.reports.numbers import MISSING, NumberFormat
from ui.timefmt import local_datetime, local_time

translate = QCoreApplication.translate

E = TypeVar("E", bound=StrEnum)


def parse_instant(text: str | None) -> datetime | None:
    """An ISO 8601 time from a report's data (always with its offset), or None."""
    if not text:
        return None
    instant = datetime.fromisoformat(text)
    if instant.tzinfo is None:
        raise ValueError(f"a report's time must carry its offset: {text!r}")
    return instant


@cache
def _catalogue() -> Catalogue:
    return load_default_catalogue()


def class_order(code: object) -> tuple[int, str]:
    """Calls by class in the order the centre reports them (CallClass's), unknown codes after."""
    order = [member.value for member in CallClass]
    text = str(code) if code is not None else ""
    return (order.index(text) if text in order else len(order), text)


def _worded(enum: type[E], words: Callable[[E], str], code: object) -> str:
    if code is None or code == "":
        return MISSING
    try:
        return words(enum(str(code)))
    except ValueError:
        return str(code)


@dataclass(frozen=True)
class Writer:
    """How one report is written: its language's numbers and the centre's time zone."""

    language: str
    zone: tzinfo

    @property
    def numbers(self) -> NumberFormat:
        return NumberFormat(self.language)

    # --- times ---------------------------------------------------------------------------------

    def zone_name(self, at: datetime) -> str:
        return at.astimezone(self.zone).tzname() or ""

    def when(self, text: str | None) -> str:
        """``2026-11-27 14:05 WIB``."""
        instant = parse_instant(text)
        if instant is None:
            return MISSING
        return f"{local_datetime(instant, self.zone)} {self.zone_name(instant)}".strip()

    def clock(self, text: str | None) -> str:
        """``14:05:09``: a time inside the period the heading names (the zone is in the heading)."""
        instant = parse_instant(text)
        return MISSING if instant is None else local_time(instant, self.zone)

    def short(self, text: str | None) -> str:
        """``27-11 14:05``: day and time, for a table of times that may cross midnight."""
        instant = parse_instant(text)
        return MISSING if instant is None else instant.astimezone(self.zone).strftime("%d-%m %H:%M")

    def period(self, since: str | None, until: str | None) -> str:
        """``2026-11-27 07:00 – 15:00 WIB``; both dates when it crosses midnight."""
        start, end = parse_instant(since), parse_instant(until)
        if start is None:
            return MISSING
        first = local_datetime(start, self.zone)
        if end is None:
            return f"{first} – … {self.zone_name(start)}"
        last = local_datetime(end, self.zone)
        if last[:10] == first[:10]:
            last = last[11:]
        return f"{first} – {last} {self.zone_name(end)}".strip()

    def duration(self, seconds: float | None) -> str:
        return self.numbers.seconds(seconds)

    # --- the domain's codes ----------------------------------------------------------------------

    @staticmethod
    def call_class(code: object) -> str:
        if code is None:
            return translate("ReportWords", "Not classified")
        return _worded(CallClass, labels.call_class, code)

    @staticmethod
    def agency(code: object) -> str:
        return _worded(AgencyType, labels.agency, code)

    @staticmethod
    def priority(code: object) -> str:
        return _worded(Priority, labels.priority, code)

    @staticmethod
    def incident_status(code: object) -> str:
        return _worded(IncidentStatus, labels.incident_status, code)

    @staticmethod
    def unit_status(code: object) -> str:
        return _worded(UnitStatus, labels.unit_status, code)

    @staticmethod
    def role(code: object) -> str:
        return _worded(Role, labels.role, code)

    @staticmethod
    def callback_reason(code: object) -> str:
        return _worded(CallbackReason, labels.callback_reason, code)

    @staticmethod
    def flag_kind(code: object) -> str:
        return _worded(NumberFlagKind, labels.flag_kind, code)

    @staticmethod
    def shift_name(code: object) -> str:
        try:
            return labels.shift_name(str(code))
        except ValueError:
            return str(code)

    @staticmethod
    def forward_state(code: object) -> str:
        """How far a forwarding to an agency had got (``ForwardState`` value)."""
        return _worded(ForwardState, labels.forward_state, code)

    @staticmethod
    def callback_outcome(code: object) -> str:
        return _worded(CallbackOutcome, labels.callback_outcome, code)

    def category(self, code: object) -> str:
        """The catalogue's name of an incident category in the report's language."""
        if code is None or code == "":
            return translate("ReportWords", "No category")
        text = str(code)
        catalogue = _catalogue()
        return catalogue.get(text).label(self.language) if text in catalogue else text

    @staticmethod
    def position(code: object) -> str:
        """The position a person logged in to (ui/positions.py's names)."""
        words = {
            "call_taker": translate("ReportWords", "Call-taking"),
            "dispatcher": translate("ReportWords", "Dispatch"),
            "supervisor": translate("ReportWords", "Supervision"),
            "review": translate("ReportWords", "Review"),
        }
        return words.get(str(code or ""), str(code or MISSING))

    @staticmethod
    def alert_kind(code: object) -> str:
        words = {
            TimerKind.CALL_RINGING.value: translate("ReportWords", "Call ringing too long"),
            TimerKind.NOT_DISPATCHED.value: translate("ReportWords", "No unit dispatched in time"),
            TimerKind.NOT_ACKNOWLEDGED.value: translate("ReportWords", "Dispatch not acknowledged in time"),
            TimerKind.EN_ROUTE.value: translate("ReportWords", "En route too long"),
            TimerKind.ON_SCENE_NO_UPDATE.value: translate("ReportWords", "On scene without an update"),
            DATABASE_DAMAGED_ALERT: translate("ReportWords", "Database damaged"),
        }
        return words.get(str(code), str(code))

    @staticmethod
    def number(text: object) -> str:
        """A caller's number as stored (E.164 or digits as received), or the words for none."""
        return labels.stored_number(str(text or ""))


def mapping(value: Any) -> Mapping[str, Any]:
    """A section of a report's data that may be missing (an older report, a draft)."""
    return value if isinstance(value, Mapping) else {}


def sequence(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []
