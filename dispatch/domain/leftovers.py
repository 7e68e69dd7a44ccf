"""Calls an earlier run of the console left ringing or answered: which end at start, when, and why.

A console that closes (or crashes) while a call rings or is on the line never hears how that call
ended, and the next start found it ringing or answered for ever. At start each such call is judged
by the rules of the source it came from (FEEDS.md for the feeds):

- **Simulated** (``sim://``, training): the simulator that rang it is gone and a new run's
  simulator does not know it, so it is closed as **abandoned** (it goes to the callback queue like
  any abandoned call). Its end is put where its caller's patience ran out at the latest
  (``SIMULATED_LONGEST_RING`` after its last event), or now if that is earlier.
- **A telephone line** (serial caller-ID modem or Whozz unit, NCID): a ringing line rings again
  every ring cycle (``RING_CADENCE``); once no ring came for longer than the cycle plus a margin, the
  caller has hung up. A call whose last event is older than that is **abandoned**, ended at
  ``last event + RING_CADENCE + RING_MARGIN`` (when a listening console would have known). A
  younger one is left ringing: another console or a gateway may still be hearing it.
- **A PBX** (AMI): Asterisk reports no rings, only the hang-up; a caller is kept ringing by a queue
  for minutes, so the silence allowed is ``PBX_RING_LIMIT``.
- Any other source: the longest of these limits.
- **Answered** calls (by this console, or at the telephone with no console) are **ended** now,
  keeping their class (an emergency's incident goes on, as after a hang-up). A call answered at
  another console is that console's: it ends it at its own start.

Pure: the service (``services.calls.reconcile_leftovers``) reads the calls and writes the endings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from dispatch.domain.enums import CallState

#: The longest ring cycle of a telephone line: Indonesia rings 1 s on, 4 s off; North America 2 s
#: on, 4 s off (ITU-T E.180 ringing tones). A ringing line is heard again within this.
RING_CADENCE = timedelta(seconds=6)
#: Allowance for a late ring, the modem's caller-ID block between the rings and clock jitter.
RING_MARGIN = timedelta(seconds=4)
#: A PBX sends no ring events; a queue may keep a caller ringing for minutes.
PBX_RING_LIMIT = timedelta(minutes=5)
#: No simulated caller waits longer than this (``dispatch.simulator.callers`` keeps to it).
SIMULATED_LONGEST_RING = timedelta(minutes=5)


class CallSource(StrEnum):
    """Where a call came from, read from its feed URL (``calls.feed``)."""

    SIMULATED = "simulated"
    TELEPHONE_LINE = "telephone_line"
    PBX = "pbx"
    UNKNOWN = "unknown"


_SCHEMES = {
    "sim": CallSource.SIMULATED,
    "serial": CallSource.TELEPHONE_LINE,
    "ncid": CallSource.TELEPHONE_LINE,
    "whozz-udp": CallSource.TELEPHONE_LINE,
    "ami": CallSource.PBX,
}


def call_source(feed: str) -> CallSource:
    """The source of a call from its feed URL (``sim://?rate=2&seed=1``, ``serial:/dev/ttyUSB0``...)."""
    scheme = feed.split(":", 1)[0].strip().lower() if ":" in feed else ""
    return _SCHEMES.get(scheme, CallSource.UNKNOWN)


def ring_silence_limit(source: CallSource) -> timedelta:
    """How long a call from ``source`` may go without any event and still be ringing."""
    if source is CallSource.SIMULATED:
        return SIMULATED_LONGEST_RING
    if source is CallSource.TELEPHONE_LINE:
        return RING_CADENCE + RING_MARGIN
    return max(PBX_RING_LIMIT, SIMULATED_LONGEST_RING, RING_CADENCE + RING_MARGIN)


class EndingRule(StrEnum):
    """Why a left-over call was ended (in its audit row)."""

    SIMULATOR_GONE = "simulator_gone"
    RING_STOPPED = "ring_stopped"
    ANSWERED_NOT_ENDED = "answered_not_ended"


@dataclass(frozen=True)
class LeftoverCall:
    """What the rules need of an unfinished call."""

    id: int
    feed: str
    state: CallState
    #: The latest moment the call was known to be alive: its ring, answer or last feed event.
    last_event_at: datetime
    #: The console that answered it (None: not answered, or answered at the telephone).
    console_id: int | None = None


@dataclass(frozen=True)
class Ending:
    call_id: int
    ended_at: datetime
    #: Ended before anyone answered: classified abandoned and queued for a callback.
    abandoned: bool
    rule: EndingRule


def leftover_ending(call: LeftoverCall, now: datetime, console_id: int | None) -> Ending | None:
    """How ``call`` ends when console ``console_id`` starts at ``now``; None when it is left as it is."""
    if call.state is CallState.ANSWERED:
        if call.console_id is not None and call.console_id != console_id:
            return None
        return Ending(call.id, max(now, call.last_event_at), False, EndingRule.ANSWERED_NOT_ENDED)
    if call.state is not CallState.RINGING:
        return None
    source = call_source(call.feed)
    limit = ring_silence_limit(source)
    rang_out = min(now, call.last_event_at + limit)
    if source is CallSource.SIMULATED:
        return Ending(call.id, max(rang_out, call.last_event_at), True, EndingRule.SIMULATOR_GONE)
    if now - call.last_event_at <= limit:
        return None
    return Ending(call.id, rang_out, True, EndingRule.RING_STOPPED)
