"""What a feed hands to the services: one call event, already decoded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from dispatch.domain.aml import AmlFix
from dispatch.domain.phone import CallerNumber


class SignalKind(StrEnum):
    INCOMING = "incoming"
    RING = "ring"
    ANSWERED = "answered"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class CallSignal:
    """A decoded feed event. ``raw`` is the frame exactly as received, for the feed log."""

    kind: SignalKind
    feed: str
    received_at: datetime
    number: CallerNumber
    raw: bytes
    line: str | None = None
    name: str | None = None
    call_id: str | None = None


@dataclass(frozen=True, slots=True)
class LocationSignal:
    """A handset's position (an AML SMS) from a modem feed. ``raw`` is the SMS as received."""

    feed: str
    received_at: datetime
    #: The SMS sender, parsed like a caller's number.
    number: CallerNumber
    raw: bytes
    fix: AmlFix
