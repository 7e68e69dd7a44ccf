"""Forwarding an incident to the agency that handles it, as most Indonesian 112 centres work.

The operator records the report; the incident is handed to the responsible agency (Damkar, the
kecamatan's Polsek, PSC 119, BPBD...) by phone, radio or message; the agency acknowledges, reports
back (dispatched, arrived, handled, needs more help), and the centre closes the ticket when every
forwarding is closed. Units of agencies seated in the room keep the unit lifecycle
(``domain.lifecycle``); both can be on one incident.

Pure: the vocabularies (stored as their values), and the rules (which report moves a forwarding
where, when its acknowledgement is due, the summary SMS, the documented form of an SMS reply).

Reports and the state
---------------------
A forwarding's state is the furthest milestone reported: sent, acknowledged, dispatched, arrived,
then handled (closed); cancelled closes it from anywhere. A report of a milestone the forwarding has
already passed (the agency says "dispatched" after its people were reported there) is a late report:
recorded with its own time, the state stays where it is, and the milestone's column keeps the time
first written. A report that would move the forwarding on, or close it, with a time before the
milestone it has reached is refused as out of order (``REPORT_OUT_OF_ORDER``); no report may be
timed in the future or before the forwarding (``REPORT_TIME_INVALID``), and nothing is reported on
a closed forwarding (``FORWARDING_CLOSED``). A milestone implies the ones before it (arrived implies
dispatched implies acknowledged; handled implies acknowledged only: an agency may handle something
without going out, and the arrival figures must not count a handling as an arrival); the implied
milestones not yet written get the report's time. A note or a call for help moves nothing (a call for
help is no acknowledgement: the operator records that); "needs help" keeps its latest time.

The summary SMS
---------------
One message of at most 160 characters when it can be (the address is cut first, then the category,
the centre's name and the caller's number), in the characters every GSM modem sends alike whether it
reads its text as GSM 03.38 or as ASCII: letters A-Z a-z, digits, space and ``!"#%&'()*+,-./:;<=>?``
(accents folded: "é" becomes "e", "@" "(at)", "[" "("; other characters become "?")::

    112 P1 Kebakaran. Jl. Sirojudin 12, RT 3/RW 4... https://maps.google.com/?q=-7.05123,110.43912
    Pelapor 0812-3456-7890. Balas: 2026-000123 TERIMA/TIBA/SELESAI

(one line in the message, wrapped here; the incident's number is in the reply hint, the map link only
when the incident has a position).

The SMS reply form
------------------
An agency answers the summary SMS, or writes a new one, from the duty number the centre has for it
(its SMS number or one of its phones): the incident's number, one word, and anything else it wants
to say::

    2026-000123 TERIMA
    2026-123 tiba 2 unit di lokasi
    #2026-000123 SELESAI api padam, 1 korban dibawa ke RS Kariadi
    Balas: 2026-000123 BANTUAN perlu tangga 30 m

- The number is the incident's, ``YYYY-NNNNNN``; leading zeros of the sequence may be left out
  (``2026-123``), a ``#`` may come before it, and a ``Balas:`` copied from the summary SMS is allowed.
- The word, in any case, says what the report is:

  | word | report |
  |---|---|
  | TERIMA, OK, ACK | acknowledged |
  | BERANGKAT, KIRIM, DISPATCHED | dispatched |
  | TIBA, ARRIVED | arrived |
  | SELESAI, DONE | handled |
  | BANTUAN, HELP | needs help |
  | INFO, CATATAN | note |

- Spaces (any number), or any of ``: , ; . -``, between the number and the word and after the word
  (and ``!`` after it) are accepted; the rest of the message is the report's text (line breaks
  become spaces).
- The summary's own hint sent back unchanged (``TERIMA/TIBA/SELESAI``) is no reply: the agency must
  choose one word. A message that is not in this form is kept as received (the feed's log shows why:
  :class:`ReplyError`: "not a reply: no incident number (YYYY-NNNNNN) first", "no report word after
  2026-000123", "unknown report word 'okay' after 2026-000123", "no single report word after
  2026-000123"), and nothing is reported.
- The report is recorded against the incident's open forwarding to the agency the message came from
  (its number compared in E.164 form with the agency's SMS number and phones), with the time the SMS
  arrived and its frame; the same rules as a report typed by the operator apply. When there is no
  such incident, no open forwarding of it to that number, or the rules refuse the report, nothing
  is reported and the message is kept with the reason (``services.forwarding.record_sms_reply``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from dispatch.domain.codes import Refusal
from dispatch.domain.incidents import clean_text, format_incident_number


class ForwardChannel(StrEnum):
    """How the agency was told (``forwardings.channel``)."""

    PHONE = "phone"  # a call from the operator's telephone
    DIAL = "dial"  # a call the console dialled through the PBX (AMI Originate)
    RADIO = "radio"
    SMS = "sms"  # the console's summary SMS through the GSM modem
    WHATSAPP = "whatsapp"  # a message from the centre's messaging account (typed elsewhere)
    IN_PERSON = "in_person"  # the agency's liaison in the room


class ForwardState(StrEnum):
    """How far a forwarding has got (``forwardings.state``); the latest milestone reported."""

    SENT = "sent"  # told, not yet acknowledged
    ACKNOWLEDGED = "acknowledged"
    DISPATCHED = "dispatched"  # the agency sent its people
    ARRIVED = "arrived"  # they are at the scene
    HANDLED = "handled"  # the agency reports it handled: the forwarding is closed
    CANCELLED = "cancelled"  # not needed after all (wrong agency, another took it): closed


#: States in which a forwarding is finished (``closed_at`` is set).
CLOSED_STATES = frozenset({ForwardState.HANDLED, ForwardState.CANCELLED})


class ReportKind(StrEnum):
    """What an agency said back, or the operator recorded (``forwarding_reports.kind``)."""

    ACKNOWLEDGED = "acknowledged"
    DISPATCHED = "dispatched"
    ARRIVED = "arrived"
    HANDLED = "handled"
    NEEDS_HELP = "needs_help"  # the agency asks for more help (another agency, more units)
    NOTE = "note"  # anything else the agency said
    CANCELLED = "cancelled"  # the centre withdrew the forwarding


class ReportSource(StrEnum):
    """Who put a report on record (``forwarding_reports.source``)."""

    OPERATOR = "operator"
    SMS = "sms"


class OutboxKind(StrEnum):
    """What a feed is asked to send (``outbox.kind``)."""

    SMS = "sms"
    DIAL = "dial"


class OutboxState(StrEnum):
    """What became of an outbox entry (``outbox.state``)."""

    QUEUED = "queued"  # stored, no feed has taken it yet
    SENDING = "sending"  # a feed took it
    SENT = "sent"  # the modem accepted it (a reference), or the PBX began the call
    FAILED = "failed"  # the modem or the PBX refused it, or it could not be sent in time
    DELIVERED = "delivered"  # the delivery report says it reached the handset
    UNDELIVERED = "undelivered"  # the delivery report says it did not


class ForwardingError(ValueError):
    """A report the rules refuse; ``code`` is the service's refusal."""

    def __init__(self, code: Refusal) -> None:
        super().__init__(code.value)
        self.code = code


#: The milestone column each report kind writes: once, from the first report of that kind or one
#: implying it; "needs help" keeps its latest report (see :data:`LATEST_KEPT`).
MILESTONES: dict[ReportKind, str] = {
    ReportKind.ACKNOWLEDGED: "acknowledged_at",
    ReportKind.DISPATCHED: "dispatched_at",
    ReportKind.ARRIVED: "arrived_at",
    ReportKind.HANDLED: "handled_at",
    ReportKind.NEEDS_HELP: "needs_help_at",
}

#: Report kinds whose column holds the latest report rather than the first (another call for help
#: later in the incident is the one the room must see).
LATEST_KEPT = frozenset({ReportKind.NEEDS_HELP})

#: States in the order a forwarding passes them (cancelled stands apart: it closes from any).
_ORDER = (
    ForwardState.SENT,
    ForwardState.ACKNOWLEDGED,
    ForwardState.DISPATCHED,
    ForwardState.ARRIVED,
    ForwardState.HANDLED,
)
_STATE_OF = {
    ReportKind.ACKNOWLEDGED: ForwardState.ACKNOWLEDGED,
    ReportKind.DISPATCHED: ForwardState.DISPATCHED,
    ReportKind.ARRIVED: ForwardState.ARRIVED,
    ReportKind.HANDLED: ForwardState.HANDLED,
    ReportKind.CANCELLED: ForwardState.CANCELLED,
}
#: The milestone a state is reached by: its time is when the forwarding got there.
REACHED_BY: dict[ForwardState, str] = {
    ForwardState.SENT: "forwarded_at",
    ForwardState.ACKNOWLEDGED: "acknowledged_at",
    ForwardState.DISPATCHED: "dispatched_at",
    ForwardState.ARRIVED: "arrived_at",
}
_IMPLIED = {
    ReportKind.DISPATCHED: (ReportKind.ACKNOWLEDGED,),
    ReportKind.ARRIVED: (ReportKind.ACKNOWLEDGED, ReportKind.DISPATCHED),
    ReportKind.HANDLED: (ReportKind.ACKNOWLEDGED,),
}


def state_after(current: ForwardState, kind: ReportKind) -> ForwardState:
    """The state a forwarding in ``current`` is in after a report of ``kind``.

    Raises ForwardingError(FORWARDING_CLOSED) on a closed forwarding. A milestone already passed is a
    late report and keeps the state (see the module docstring); a note or a call for help keeps it.
    """
    if current in CLOSED_STATES:
        raise ForwardingError(Refusal.FORWARDING_CLOSED)
    target = _STATE_OF.get(kind)
    if target is None:
        return current
    if target is ForwardState.CANCELLED:
        return target
    return target if _ORDER.index(target) > _ORDER.index(current) else current


def implied(kind: ReportKind) -> tuple[ReportKind, ...]:
    """The milestones a report of ``kind`` implies, earliest first (written with its time when not
    yet written): arrived implies dispatched implies acknowledged; handled implies acknowledged."""
    return _IMPLIED.get(kind, ())


def check_report_time(
    current: ForwardState,
    kind: ReportKind,
    at: datetime,
    *,
    forwarded_at: datetime,
    reached_at: datetime,
    now: datetime,
) -> None:
    """Refuse a report time: in the future or before the forwarding (REPORT_TIME_INVALID); moving the
    forwarding on (or closing it) at a time before ``reached_at``, when it reached ``current``
    (REPORT_OUT_OF_ORDER). A late or a note's report may carry any time in between."""
    if at > now or at < forwarded_at:
        raise ForwardingError(Refusal.REPORT_TIME_INVALID)
    if state_after(current, kind) is not current and at < reached_at:
        raise ForwardingError(Refusal.REPORT_OUT_OF_ORDER)


def ack_due(forwarded_at: datetime, limit_s: int) -> datetime:
    """When a forwarding not acknowledged by then raises its alert (exactly at the limit)."""
    return forwarded_at + timedelta(seconds=limit_s)


def ack_overdue(
    state: ForwardState, acknowledged_at: datetime | None, ack_due_at: datetime, now: datetime
) -> bool:
    """Open, not acknowledged, and its acknowledgement limit reached at ``now`` (the timer's condition)."""
    return state not in CLOSED_STATES and acknowledged_at is None and ack_due_at <= now


# --- the summary SMS ---------------------------------------------------------------------------

#: The longest single SMS in the GSM 7-bit alphabet.
SMS_LIMIT = 160
#: Characters a GSM modem sends the same whether its text mode reads GSM 03.38 or ASCII (IRA): the
#: printable ASCII ones at the same place in both tables (GSM puts "¤" at "$", "¡" at "@", accented
#: letters at "[\\]^`{|}~", "_" elsewhere).
SMS_CHARACTERS = frozenset(
    " !\"#%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)
_SMS_SPELLED = {
    "@": "(at)",
    "$": "S",
    "_": "-",
    "[": "(",
    "]": ")",
    "{": "(",
    "}": ")",
    "\\": "/",
    "|": "/",
    "~": "-",
    "^": "'",
    "`": "'",
    "ß": "ss",
    "Æ": "AE",
    "æ": "ae",
    "Ø": "O",
    "ø": "o",
    "Œ": "OE",
    "œ": "oe",
    "Đ": "D",
    "đ": "d",
    "Ł": "L",
    "ł": "l",
    "ı": "i",
    "€": "EUR",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
}
_SPACES = re.compile(r"\s+")
_CUT = "..."
#: A field cut shorter than this is left out rather than shown as a stump.
_SHORTEST_CUT = 6
_COORDINATES = "https://maps.google.com/?q={lat:.5f},{lon:.5f}"
REPLY_HINT = "Balas: {number} TERIMA/TIBA/SELESAI"


def sms_text(text: str) -> str:
    """``text`` in :data:`SMS_CHARACTERS`: accents folded, a few signs spelled, line breaks and runs
    of spaces made one space, anything else "?"."""
    out: list[str] = []
    for char in unicodedata.normalize("NFKD", _SPACES.sub(" ", text)):
        if char in SMS_CHARACTERS:
            out.append(char)
        elif char in _SMS_SPELLED:
            out.append(_SMS_SPELLED[char])
        elif unicodedata.combining(char):
            continue
        elif unicodedata.category(char).startswith("Z"):
            out.append(" ")
        else:
            out.append("?")
    return _SPACES.sub(" ", "".join(out)).strip()


def summary_sms(
    *,
    number: str,
    category_label: str,
    priority: str,
    address: str,
    lat: float | None,
    lon: float | None,
    callback: str,
    centre: str,
) -> str:
    """The incident in one SMS to the agency's duty number (format: the module docstring).

    At most :data:`SMS_LIMIT` characters whenever the number, the priority and the map link leave
    room: the address is cut first, then the category, the centre's name and the caller's number.
    """
    number = sms_text(number)
    fields = {
        "centre": sms_text(centre),
        "category": sms_text(category_label).rstrip(".").strip(),
        "address": sms_text(address).rstrip(".").strip(),
        "callback": sms_text(callback).replace(" ", ""),
    }
    link = ""
    if lat is not None and lon is not None and _on_earth(lat, lon):
        link = _COORDINATES.format(lat=lat, lon=lon)
    fixed = {"number": number, "priority": sms_text(priority), "link": link}
    text = _compose(fields, fixed)
    for name in ("address", "category", "centre", "callback"):
        excess = len(text) - SMS_LIMIT
        if excess <= 0:
            break
        fields[name] = _cut(fields[name], len(fields[name]) - excess)
        text = _compose(fields, fixed)
    return text


def _on_earth(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def _cut(value: str, length: int) -> str:
    if len(value) <= length:
        return value
    if length < _SHORTEST_CUT:
        return ""
    return value[: length - len(_CUT)].rstrip(" ,.;:-") + _CUT


def _compose(fields: dict[str, str], fixed: dict[str, str]) -> str:
    head = " ".join(part for part in (fields["centre"], fixed["priority"], fields["category"]) if part)
    parts = [_sentence(part) for part in (head, fields["address"]) if part]
    if fixed["link"]:
        parts.append(fixed["link"])
    if fields["callback"]:
        parts.append(_sentence(f"Pelapor {fields['callback']}"))
    parts.append(REPLY_HINT.format(number=fixed["number"]))
    return " ".join(parts)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


# --- the SMS reply form --------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    """An agency's SMS reply as understood (the form: the module docstring)."""

    #: The incident's full number (``2026-000123``).
    incident_number: str
    kind: ReportKind
    text: str


class ReplyError(ValueError):
    """An SMS that is not a reply in the documented form; ``reason`` is short English for the feed log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


#: Reply words (compared case-folded) and the report each means.
REPLY_WORDS: dict[str, ReportKind] = {
    "terima": ReportKind.ACKNOWLEDGED,
    "ok": ReportKind.ACKNOWLEDGED,
    "ack": ReportKind.ACKNOWLEDGED,
    "berangkat": ReportKind.DISPATCHED,
    "kirim": ReportKind.DISPATCHED,
    "dispatched": ReportKind.DISPATCHED,
    "tiba": ReportKind.ARRIVED,
    "arrived": ReportKind.ARRIVED,
    "selesai": ReportKind.HANDLED,
    "done": ReportKind.HANDLED,
    "bantuan": ReportKind.NEEDS_HELP,
    "help": ReportKind.NEEDS_HELP,
    "info": ReportKind.NOTE,
    "catatan": ReportKind.NOTE,
}
_NUMBER = re.compile(
    r"\s*(?:balas\s*:?\s*)?#?\s*(?P<year>[0-9]{4})\s*-\s*(?P<sequence>[0-9]{1,12})(?![0-9])",
    re.ASCII | re.IGNORECASE,
)
_WORD = re.compile(r"[\s:,;.\-]*(?P<word>[A-Za-z]+)", re.ASCII)
_WORD_END = re.compile(r"[\s:,;.!\-]|$", re.ASCII)
_LONGEST_SEQUENCE = 999_999


def parse_reply(text: str) -> Reply:
    """``text`` as an agency's reply, or ReplyError(reason). Total: any text, never another error."""
    match = _NUMBER.match(text)
    if match is None:
        raise ReplyError("not a reply: no incident number (YYYY-NNNNNN) first")
    sequence = int(match.group("sequence"))
    if not 1 <= sequence <= _LONGEST_SEQUENCE:
        raise ReplyError("not a reply: no such incident number")
    number = format_incident_number(int(match.group("year")), sequence)
    found = _WORD.match(text, match.end())
    if found is None:
        raise ReplyError(f"no report word after {number}")
    word = found.group("word")
    kind = REPLY_WORDS.get(word.casefold())
    if kind is None:
        raise ReplyError(f"unknown report word {word[:20]!r} after {number}")
    if _WORD_END.match(text, found.end()) is None:
        # "TERIMA/TIBA/SELESAI" sent back unchanged, or the word run into other text.
        raise ReplyError(f"no single report word after {number}")
    rest = clean_text(text[found.end() :]).lstrip(":,;.!- ").strip()
    return Reply(number, kind, rest)


# -- dialling through the PBX -----------------------------------------------------------------------

#: The dialplan context a dial is made in when the console names none.
DEFAULT_DIAL_CONTEXT = "from-internal"
#: A dial's channel ("PJSIP/201", "SIP/201", "Local/201@from-internal") and dialplan context: what
#: goes into an AMI action's header values, so nothing that could end a header or a line.
_EXTENSION = re.compile(r"[A-Za-z][A-Za-z0-9]*/[A-Za-z0-9_.@#*+:-]{1,58}", re.ASCII)
_CONTEXT = re.compile(r"[A-Za-z0-9_.-]{1,64}", re.ASCII)


def extension_problem(extension: str) -> str:
    """Why ``extension`` cannot be the channel a dial rings first: "missing", "not_a_channel"
    (a channel is technology and resource: PJSIP/201, SIP/201, Local/201@from-internal); "" when it can."""
    if not extension.strip():
        return "missing"
    if _EXTENSION.fullmatch(extension.strip()) is None:
        return "not_a_channel"
    return ""


def context_problem(context: str) -> str:
    """Why ``context`` cannot be a dialplan context: "missing", "bad_characters" (letters, digits,
    "-", "_" and "." only); "" when it can."""
    if not context.strip():
        return "missing"
    if _CONTEXT.fullmatch(context.strip()) is None:
        return "bad_characters"
    return ""
