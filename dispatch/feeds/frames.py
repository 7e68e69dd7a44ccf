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


Frame = DecodedFrame | LocationFrame | RejectedFrame


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
