"""What a protocol decoder produces: decoded call events and rejected frames, from bytes alone.

Every decoder is a small state machine fed with whatever bytes a transport received (a byte at a
time or a megabyte at once, cut anywhere): ``feed(data)`` returns the frames completed by those
bytes, in order, and keeps an incomplete frame for the next call; ``flush()`` is called when the
connection ends and returns a rejected frame for anything left over. Decoders never raise on
input: garbage becomes a ``RejectedFrame`` with its reason, and the next good frame decodes.
They do no I/O and do not read the clock: the transport stamps the time and parses the number
(``dispatch.feeds.runner``), so that every number goes through phonenumbers once, at the feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from dispatch.domain.aml import AmlFix
from dispatch.domain.signals import SignalKind


@dataclass(frozen=True, slots=True)
class DecodedFrame:
    """One call event, as the wire said it.

    ``number_raw`` is exactly the number text that arrived (or the withheld marker: ``P``, ``O``,
    ``PRIVATE``...); ``name`` is None when absent or a placeholder (NO NAME, O, P, <unknown>).
    """

    kind: SignalKind
    number_raw: str
    raw: bytes
    name: str | None = None
    line: str | None = None
    call_id: str | None = None


@dataclass(frozen=True, slots=True)
class RejectedFrame:
    """Bytes that could not be decoded, with a short reason in English for the feed log."""

    raw: bytes
    reason: str


@dataclass(frozen=True, slots=True)
class LocationFrame:
    """A decoded AML SMS from a GSM modem: its sender as the wire said it, and the fix."""

    sender_raw: str
    fix: AmlFix
    raw: bytes


@dataclass(frozen=True, slots=True)
class TextMessageFrame:
    """An SMS that is not AML (an agency's reply, the network's notices): the sender as the wire
    said it, the text as read (parts joined), and the bytes as received."""

    sender_raw: str
    text: str
    raw: bytes


@dataclass(frozen=True, slots=True)
class DeliveryFrame:
    """A delivery report of an SMS sent through this modem (``+CDS:``, or a stored one read): the
    message reference the modem gave when sending, the status (TP-ST, 3GPP TS 23.040 9.2.3.15: below
    32 delivered, 32-63 still trying, 64 and over not delivered), the recipient as the wire said it,
    and when the network says it was delivered (None when unreadable)."""

    reference: str
    status: int
    recipient_raw: str
    discharged_at: datetime | None
    raw: bytes


class SendOutcome(StrEnum):
    """What became of an outbox message a feed was given."""

    SENT = "sent"  # the modem or the PBX took it: ``detail`` is its reference
    FAILED = "failed"  # refused: ``detail`` says why
    UNSENT = "unsent"  # never sent (the device went away): back to the queue; ``detail`` says why


@dataclass(frozen=True, slots=True)
class OutboxFrame:
    """The device's answer about outbox message ``outbox_id`` (``raw`` as received, b"" when it
    said nothing: a time-out, a disconnect)."""

    outbox_id: int
    outcome: SendOutcome
    detail: str
    raw: bytes


@dataclass(frozen=True, slots=True)
class Outgoing:
    """An outbox message as a sending feed is given it: an SMS (``to_number`` in E.164, ``text``) or a
    dial (``to_number`` the digits the PBX dials, ``extension`` the operator's channel that rings
    first, ``context`` the dialplan context, ``caller_id`` what the operator's telephone shows)."""

    outbox_id: int
    to_number: str
    text: str = ""
    extension: str = ""
    context: str = ""
    caller_id: str = ""


Frame = DecodedFrame | LocationFrame | RejectedFrame | TextMessageFrame | DeliveryFrame | OutboxFrame


class Decoder(Protocol):
    def feed(self, data: bytes) -> list[Frame]:
        """Consume ``data``; return the frames it completed, in order."""
        ...

    def flush(self) -> list[Frame]:
        """The connection ended: whatever is left is a truncated frame."""
        ...


#: Caller-name texts that mean "no name" on one wire or another.
NAME_PLACEHOLDERS = frozenset(
    {
        "",
        "NO NAME",
        "O",
        "P",
        "<UNKNOWN>",
        "UNKNOWN",
        "NONE",
        "-",
        "NO-NAME",
        "ANONYMOUS",
        "PRIVATE",
        "OUT-OF-AREA",
    }
)


def clean_name(text: str | None) -> str | None:
    """The caller name, or None for a placeholder."""
    if text is None:
        return None
    name = text.strip()
    return None if name.upper() in NAME_PLACEHOLDERS else name
