"""Forwarding an incident to the agency that handles it, as most Indonesian 112 centres work.

The operator records the report; the incident is handed to the responsible agency (Damkar, the
kecamatan's Polsek, PSC 119, BPBD...) by phone, radio or message; the agency acknowledges, reports
back (dispatched, arrived, handled, needs more help), and the centre closes the ticket when every
forwarding is closed. Units of agencies seated in the room keep the unit lifecycle
(``domain.lifecycle``); both can be on one incident.

Pure: the vocabularies (stored as their values), and the rules (which report moves a forwarding
where, when its acknowledgement is due, the summary SMS, the documented form of an SMS reply).
"""

from __future__ import annotations

from enum import StrEnum


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
