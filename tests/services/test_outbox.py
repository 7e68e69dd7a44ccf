"""The outbox: queueing SMS and dials, feeds taking them (never two the same, also across processes on
PostgreSQL), what the modem or the PBX said, delivery reports, and the alerts a person must see."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.enums import AgencyType
from dispatch.domain.forwarding import (
    SMS_CHARACTERS,
    SMS_LIMIT,
    ForwardChannel,
    ForwardState,
    OutboxKind,
    OutboxState,
)
from dispatch.domain.signals import SignalKind
from dispatch.services import alerts, calls, outbox
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.uow import unit_of_work
from dispatch.store.database import Database, open_database
from dispatch.store.tables import Agency, Alert, Forwarding, OutboxMessage
from tests.conftest import START
from tests.services.support import audit_since, last_audit_id, signal

DAMKAR_SMS = "0812-2500-1130"
DAMKAR_E164 = "+6281225001130"
MODEM = "aml-sms:serial:/dev/ttyUSB1?baud=115200"


@pytest.fixture
def incident_id(ctx: ServiceContext) -> int:
    view = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, START))
    assert view is not None
    _call, incident = calls.answer_call(ctx, view.id)
    return incident.id


@pytest.fixture
def agency_id(ctx: ServiceContext) -> int:
    with ctx.database.transaction() as session:
        agency = Agency(
            code="DAMKAR-SMG",
            name="Damkar Kota Semarang (DEMO)",
            agency_type=AgencyType.FIRE.value,
            reach="forward",
            phones="024-3544113;113",
            sms_number=DAMKAR_SMS,
            ack_limit_s=180,
            updated_at=START,
        )
        session.add(agency)
        session.flush()
        return agency.id


@pytest.fixture
def forwarding_id(ctx: ServiceContext, incident_id: int, agency_id: int) -> int:
    """A forwarding row as the forwarding service writes it (the service is another engineer's)."""
    with ctx.database.transaction() as session:
        row = Forwarding(
            incident_id=incident_id,
            agency_id=agency_id,
            agency_name="Damkar Kota Semarang (DEMO)",
            channel=ForwardChannel.SMS.value,
            forwarded_at=START,
            recorded_at=START,
            ack_limit_s=180,
            ack_due_at=START + timedelta(seconds=180),
            state=ForwardState.SENT.value,
        )
        session.add(row)
        session.flush()
        return row.id


def queue(ctx: ServiceContext, text: str = "112 SMG: kebakaran", **kw: object) -> int:
    with unit_of_work(ctx) as work:
        return outbox.queue_sms(
            work,
            to_number=str(kw.get("to_number", DAMKAR_SMS)),
            text=text,
            forwarding_id=kw.get("forwarding_id"),  # type: ignore[arg-type]
            incident_id=kw.get("incident_id"),  # type: ignore[arg-type]
        )


def row_of(ctx: ServiceContext, outbox_id: int) -> OutboxMessage:
    with ctx.database.transaction() as session:
        row = session.get(OutboxMessage, outbox_id)
        assert row is not None
        session.expunge(row)
        return row


# -- queueing -------------------------------------------------------------------------------------


def test_an_sms_is_queued_in_the_callers_unit_of_work_with_its_audit_and_notice(
    ctx: ServiceContext, incident_id: int, forwarding_id: int, changes: list[Change], clock: ManualClock
) -> None:
    before = last_audit_id(ctx.database)
    with unit_of_work(ctx) as work:
        outbox_id = outbox.queue_sms(
            work,
            to_number=DAMKAR_SMS,
            text="112 SMG #1: Kebakaran – Jl. Pemuda “Gedung” @ RT [3]",
            forwarding_id=forwarding_id,
            incident_id=incident_id,
        )
        assert changes == [], "announced only after the commit"
    [view] = outbox.outbox_of(ctx, forwarding_id=forwarding_id)
    assert view.id == outbox_id
    assert (view.kind, view.state, view.to_number) == (OutboxKind.SMS, OutboxState.QUEUED, DAMKAR_E164)
    assert view.text == '112 SMG #1: Kebakaran - Jl. Pemuda "Gedung" (at) RT (3)'
    assert (view.queued_at, view.attempts, view.feed, view.taken_at) == (START, 0, "", None)
    assert outbox.outbox_of(ctx, incident_id=incident_id) == [view]
    assert Change(Topic.OUTBOX, (outbox_id,)) in changes
    [entry] = audit_since(ctx.database, before)
    assert (entry.action, entity_of(entry)) == (AuditAction.OUTBOX_QUEUE.value, ("outbox", str(outbox_id)))
    assert json.loads(entry.detail or "{}")["to"] == DAMKAR_E164
    assert entry.user_name == "sari"


def entity_of(entry: object) -> tuple[str, str]:
    return entry.entity, entry.entity_id  # type: ignore[attr-defined]


def test_an_sms_to_no_valid_number_is_refused_and_the_callers_work_rolls_back(
    ctx: ServiceContext, incident_id: int
) -> None:
    for number in ("", "12ab", "113", "0812"):
        with pytest.raises(ServiceError) as refused:
            queue(ctx, to_number=number, incident_id=incident_id)
        assert refused.value.code is Refusal.NO_SMS_NUMBER
    assert outbox.outbox_of(ctx, incident_id=incident_id) == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_becomes_one_sms_every_modem_sends_alike(text: str) -> None:
    sent = outbox.sms_text(text)
    assert set(sent) <= SMS_CHARACTERS
    assert len(sent) <= SMS_LIMIT
    # Text of those characters that fits is kept exactly.
    plain = " ".join("".join(char for char in text if char in SMS_CHARACTERS).split())[:160].strip()
    assert outbox.sms_text(plain) == plain


def test_a_text_too_long_is_cut_at_160_characters() -> None:
    assert len(outbox.sms_text("x" * 300)) == 160
    assert outbox.sms_text("a\r\nb\x1ac\x1bd") == "a b?c?d"
    assert outbox.sms_text("Kécamatan Tembalang") == "Kecamatan Tembalang"


def test_what_the_pbx_dials() -> None:
    assert outbox.dial_digits("113") == "113"
    assert outbox.dial_digits("(024) 354-4113") == "0243544113"
    assert outbox.dial_digits("+62 812 2500 1130") == "081225001130"
    assert outbox.dial_digits("+44 20 7946 0958") == "+442079460958"
    assert outbox.dial_digits("") == ""
    assert outbox.dial_digits("telepon damkar") == ""


def test_a_dial_is_queued_with_the_operators_extension_and_context(
    ctx: ServiceContext, incident_id: int, agency_id: int
) -> None:
    view = outbox.queue_dial(
        ctx,
        incident_id=incident_id,
        agency_id=agency_id,
        to_number="(024) 354-4113",
        extension="PJSIP/201",
        context="from-internal",
    )
    assert (view.kind, view.state, view.to_number) == (OutboxKind.DIAL, OutboxState.QUEUED, "0243544113")
    assert (view.from_extension, view.text, view.incident_id) == ("PJSIP/201", "from-internal", incident_id)
    assert view.incident_number.startswith("2026-")


@pytest.mark.parametrize(
    ("number", "extension", "context", "code"),
    [
        ("0243544113", "", "", Refusal.NO_EXTENSION),
        ("0243544113", "201", "", Refusal.NO_EXTENSION),
        ("0243544113", "PJSIP/201\r\nAction: Logoff", "", Refusal.NO_EXTENSION),
        ("0243544113", "PJSIP/201", "from internal", Refusal.NO_EXTENSION),
        ("", "PJSIP/201", "", Refusal.NO_DIAL_NUMBER),
        ("damkar", "PJSIP/201", "", Refusal.NO_DIAL_NUMBER),
    ],
)
def test_a_dial_without_a_usable_extension_or_number_is_refused(
    ctx: ServiceContext,
    incident_id: int,
    agency_id: int,
    number: str,
    extension: str,
    context: str,
    code: Refusal,
) -> None:
    with pytest.raises(ServiceError) as refused:
        outbox.queue_dial(
            ctx,
            incident_id=incident_id,
            agency_id=agency_id,
            to_number=number,
            extension=extension,
            context=context,
        )
    assert refused.value.code is code
    assert outbox.outbox_of(ctx, incident_id=incident_id) == []


def test_a_dial_for_an_unknown_incident_or_agency_is_refused(
    ctx: ServiceContext, incident_id: int, agency_id: int
) -> None:
    for incident, agency, code in (
        (incident_id + 99, agency_id, Refusal.NO_SUCH_INCIDENT),
        (incident_id, agency_id + 99, Refusal.NO_SUCH_AGENCY),
    ):
        with pytest.raises(ServiceError) as refused:
            outbox.queue_dial(
                ctx, incident_id=incident, agency_id=agency, to_number="113", extension="PJSIP/201"
            )
        assert refused.value.code is code


# -- taking and answering -------------------------------------------------------------------------


def test_a_feed_takes_the_oldest_messages_of_its_kind(
    ctx: ServiceContext, incident_id: int, agency_id: int, clock: ManualClock, changes: list[Change]
) -> None:
    first = queue(ctx, "one", incident_id=incident_id)
    clock.advance(1)
    dial = outbox.queue_dial(
        ctx, incident_id=incident_id, agency_id=agency_id, to_number="113", extension="SIP/7"
    )
    clock.advance(1)
    second, third = queue(ctx, "two"), queue(ctx, "three")
    changes.clear()
    taken = outbox.take_outgoing(ctx, MODEM, OutboxKind.SMS, limit=2)
    assert [view.id for view in taken] == [first, second]
    assert all(
        (v.state, v.feed, v.attempts, v.taken_at) == (OutboxState.SENDING, MODEM, 1, clock.now())
        for v in taken
    )
    assert changes == [Change(Topic.OUTBOX, (first, second))]
    assert [v.id for v in outbox.take_outgoing(ctx, MODEM, OutboxKind.SMS)] == [third]
    assert outbox.take_outgoing(ctx, MODEM, OutboxKind.SMS) == []
    [taken_dial] = outbox.take_outgoing(ctx, "ami://u:***@pbx:5038", OutboxKind.DIAL)
    assert taken_dial.id == dial.id


def test_nothing_queued_writes_nothing(ctx: ServiceContext, changes: list[Change]) -> None:
    before = last_audit_id(ctx.database)
    assert outbox.take_outgoing(ctx, MODEM, OutboxKind.SMS) == []
    assert changes == []
    assert audit_since(ctx.database, before) == []


def test_sent_then_delivered(
    ctx: ServiceContext, incident_id: int, forwarding_id: int, clock: ManualClock
) -> None:
    outbox_id = queue(ctx, forwarding_id=forwarding_id, incident_id=incident_id)
    outbox.take_outgoing(ctx, MODEM, OutboxKind.SMS)
    clock.advance(3)
    before = last_audit_id(ctx.database)
    outbox.record_sent(ctx, outbox_id, reference="17")
    view = outbox.outbox_message(ctx, outbox_id)
    assert view is not None
    assert (view.state, view.reference, view.sent_at) == (
        OutboxState.SENT,
        "17",
        START + timedelta(seconds=3),
    )
    clock.advance(5)
    with unit_of_work(ctx.as_system()) as work:
        found = outbox.record_delivery(
            work, feed=MODEM, reference="17", status=0, at=clock.now(), frame_id=None, to_number=DAMKAR_E164
        )
    assert found == outbox_id
    view = outbox.outbox_message(ctx, outbox_id)
    assert view is not None
    assert (view.state, view.delivery_status, view.delivered_at) == (OutboxState.DELIVERED, 0, clock.now())
    actions = [entry.action for entry in audit_since(ctx.database, before)]
    assert actions == [AuditAction.OUTBOX_SENT.value, AuditAction.OUTBOX_DELIVERY.value]
    assert outbox.open_failure_alerts(ctx) == []


def test_a_delivery_report_goes_to_the_latest_message_sent_with_its_reference(ctx: ServiceContext) -> None:
    old, new = queue(ctx, "old"), queue(ctx, "new")
    outbox.take_outgoing(ctx, MODEM, OutboxKind.SMS)
    outbox.record_sent(ctx, old, reference="5")
    ctx.clock.advance(1)  # type: ignore[attr-defined]
    outbox.record_sent(ctx, new, reference="5")
    with unit_of_work(ctx.as_system()) as work:
        assert (
            outbox.record_delivery(work, feed=MODEM, reference="5", status=0, at=START, frame_id=None) == new
        )
        # Another feed's reference 5, or a reference nobody waits for: no message.
        assert (
            outbox.record_delivery(work, feed="other", reference="5", status=0, at=START, frame_id=None)
            is None
        )
        assert (
            outbox.record_delivery(work, feed=MODEM, reference="6", status=0, at=START, frame_id=None) is None
        )
    with unit_of_work(ctx.as_system()) as work:
        # Delivered already: a second report for it finds the older one still waiting.
        assert (
            outbox.record_delivery(work, feed=MODEM, reference="5", status=0, at=START, frame_id=None) == old
        )


def test_the_network_still_trying_settles_nothing_and_a_permanent_error_raises_an_alert(
    ctx: ServiceContext, incident_id: int, forwarding_id: int
) -> None:
    outbox_id = queue(ctx, forwarding_id=forwarding_id, incident_id=incident_id)
    outbox.take_outgoing(ctx, MODEM, OutboxKind.SMS)
    outbox.record_sent(ctx, outbox_id, reference="200")
    with unit_of_work(ctx.as_system()) as work:
        outbox.record_delivery(work, feed=MODEM, reference="200", status=48, at=START, frame_id=None)
    view = outbox.outbox_message(ctx, outbox_id)
    assert view is not None
    assert (view.state, view.delivery_status) == (OutboxState.SENT, 48)
    with unit_of_work(ctx.as_system()) as work:
        outbox.record_delivery(work, feed=MODEM, reference="200", status=65, at=START, frame_id=None)
    view = outbox.outbox_message(ctx, outbox_id)
    assert view is not None
    assert (view.state, view.delivery_status) == (OutboxState.UNDELIVERED, 65)
    [alert] = outbox.open_failure_alerts(ctx)
    assert (alert.kind, alert.entity, alert.entity_id) == ("outbox_sms_undelivered", "outbox", str(outbox_id))
    assert (alert.label, alert.since) == ("Damkar Kota Semarang (DEMO)", START)
    assert alert.incident_number != ""
    alerts.acknowledge_alert(ctx, alert.id)
    assert outbox.open_failure_alerts(ctx) == []


def test_a_refusal_fails_the_message_with_its_reason_and_an_alert(
    ctx: ServiceContext, incident_id: int, forwarding_id: int, clock: ManualClock
) -> None:
    outbox_id = queue(ctx, forwarding_id=forwarding_id, incident_id=incident_id)
    outbox.take_outgoing(ctx, MODEM, OutboxKind.SMS)
    clock.advance(2)
    outbox.record_failed(ctx, outbox_id, "the modem refused: +CMS ERROR: 500")
    view = outbox.outbox_message(ctx, outbox_id)
    assert view is not None
    assert (view.state, view.failed_reason) == (OutboxState.FAILED, "the modem refused: +CMS ERROR: 500")
    [alert] = outbox.open_failure_alerts(ctx)
    assert (alert.kind, alert.since, alert.label) == (
        "outbox_sms_failed",
        clock.now(),
        "Damkar Kota Semarang (DEMO)",
    )
    # A late confirmation changes nothing (it is in the audit log).
    outbox.record_sent(ctx, outbox_id, reference="9")
    view = outbox.outbox_message(ctx, outbox_id)
    assert view is not None
    assert view.state is OutboxState.FAILED
    with pytest.raises(ServiceError) as refused:
        outbox.record_failed(ctx, outbox_id + 1000, "no such")
    assert refused.value.code is Refusal.NO_SUCH_OUTBOX_MESSAGE


def test_taken_but_never_sent_goes_back_and_fails_after_three_attempts(ctx: ServiceContext) -> None:
    outbox_id = queue(ctx)
    for attempt in (1, 2):
        [taken] = outbox.take_outgoing(ctx, MODEM, OutboxKind.SMS)
        assert taken.attempts == attempt
        outbox.release_unsent(ctx, outbox_id, "the modem went away")
        assert row_of(ctx, outbox_id).state == OutboxState.QUEUED.value
    outbox.take_outgoing(ctx, MODEM, OutboxKind.SMS)
    outbox.release_unsent(ctx, outbox_id, "the modem went away")
    row = row_of(ctx, outbox_id)
    assert (row.state, row.attempts) == (OutboxState.FAILED.value, 3)
    assert row.failed_reason == "not sent after 3 attempts; the last: the modem went away"
    assert [a.kind for a in outbox.open_failure_alerts(ctx)] == ["outbox_sms_failed"]
    # Released again (a late report of the same disconnect): nothing changes.
    outbox.release_unsent(ctx, outbox_id, "again")
    assert row_of(ctx, outbox_id).state == OutboxState.FAILED.value


def test_messages_left_sending_by_a_process_that_ended_are_released(
    ctx: ServiceContext, clock: ManualClock
) -> None:
    left, other = queue(ctx, "left"), queue(ctx, "other feed's")
    outbox.take_outgoing(ctx, MODEM, OutboxKind.SMS, limit=1)
    outbox.take_outgoing(ctx, "another", OutboxKind.SMS, limit=1)
    clock.advance(1)
    started = clock.now()
    mine = queue(ctx, "taken after the start")
    outbox.take_outgoing(ctx, MODEM, OutboxKind.SMS)
    with unit_of_work(ctx.as_system()) as work:
        assert outbox.release_taken_before(work, MODEM, started, "the console stopped") == [left]
    assert [row_of(ctx, i).state for i in (left, other, mine)] == ["queued", "sending", "sending"]


# -- alerts about waiting ---------------------------------------------------------------------------


def test_a_message_no_feed_takes_for_a_minute_raises_an_alert_which_clears_when_taken(
    ctx: ServiceContext, incident_id: int, agency_id: int, clock: ManualClock
) -> None:
    dial = outbox.queue_dial(
        ctx, incident_id=incident_id, agency_id=agency_id, to_number="113", extension="SIP/7"
    )
    clock.advance(59)
    assert outbox.open_failure_alerts(ctx) == []
    clock.advance(2)
    [alert] = outbox.open_failure_alerts(ctx)
    assert (alert.kind, alert.label, alert.since) == ("outbox_dial_waiting", "113", START)
    assert outbox.open_failure_alerts(ctx) == [alert], "raised once"
    alerts.acknowledge_alert(ctx, alert.id)
    before = last_audit_id(ctx.database)
    assert outbox.open_failure_alerts(ctx) == []
    assert audit_since(ctx.database, before) == [], "an acknowledged wait is not raised again"
    outbox.take_outgoing(ctx, "ami://pbx", OutboxKind.DIAL)
    with ctx.database.transaction() as session:
        row = session.scalars(select(Alert).where(Alert.id == alert.id)).one()
        assert row.cleared_at == clock.now()
    # Taken and never answered for five minutes: waiting again.
    clock.advance(299)
    assert outbox.open_failure_alerts(ctx) == []
    clock.advance(2)
    [again] = outbox.open_failure_alerts(ctx)
    assert (again.kind, again.entity_id) == ("outbox_dial_waiting", str(dial.id))
    outbox.record_sent(ctx, dial.id, reference=f"outbox-{dial.id}")
    assert outbox.open_failure_alerts(ctx) == []


# -- two takers at once -----------------------------------------------------------------------------


@pytest.fixture
def second_ctx(ctx: ServiceContext) -> Iterator[ServiceContext]:
    """Another process's view of the same database: its own engine and connections."""
    other: Database = open_database(ctx.database.url, upgrade=False, kind=ctx.database.kind)
    try:
        yield ServiceContext(other, ctx.clock, ctx.bus, ctx.console_id, "KONSOL-02")
    finally:
        other.dispose()


ROUNDS = 100


def test_two_takers_racing_never_take_the_same_message(
    ctx: ServiceContext, second_ctx: ServiceContext
) -> None:
    """Each round one message is queued and two takers (each with its own connections) take at the
    same instant: exactly one gets it. Then 60 messages drained by both at once, three at a time:
    each taken exactly once."""
    start, end = threading.Barrier(3), threading.Barrier(3)
    took: dict[str, list[int]] = {"a": [], "b": []}
    errors: list[BaseException] = []

    def racer(name: str, racing: ServiceContext, rounds: int, limit: int) -> None:
        try:
            for _ in range(rounds):
                start.wait(10)
                took[name] += [
                    v.id for v in outbox.take_outgoing(racing, f"feed-{name}", OutboxKind.SMS, limit)
                ]
                end.wait(10)
        except BaseException as error:  # reported below
            errors.append(error)
            start.abort()
            end.abort()

    def race(rounds: int, limit: int, before_each: Callable[[], object]) -> None:
        threads = [
            threading.Thread(target=racer, args=(name, racing, rounds, limit))
            for name, racing in (("a", ctx), ("b", second_ctx))
        ]
        for thread in threads:
            thread.start()
        try:
            for _ in range(rounds):
                before_each()
                start.wait(10)
                end.wait(10)
        finally:
            for thread in threads:
                thread.join(30)
        assert not errors, errors

    queued: list[int] = []
    race(ROUNDS, 1, lambda: queued.append(queue(ctx, "one")))
    assert sorted(took["a"] + took["b"]) == queued, "each round's message taken once, by one taker"
    assert took["a"], "both won some rounds"
    assert took["b"], "both won some rounds"
    took["a"].clear()
    took["b"].clear()
    more = [queue(ctx, f"drain {n}") for n in range(60)]
    race(10, 3, lambda: None)
    assert sorted(took["a"] + took["b"]) == more
    with ctx.database.transaction() as session:
        states = Counter(session.scalars(select(OutboxMessage.state)))
    assert states == {"sending": ROUNDS + 60}


# -- what a feed hands on, stored -------------------------------------------------------------------


def test_a_feeds_answers_and_reports_are_stored_with_their_frames(
    ctx: ServiceContext, incident_id: int, forwarding_id: int, clock: ManualClock
) -> None:
    from dispatch.domain.phone import parse_caller_number
    from dispatch.services.feeds import (
        DeliverySignal,
        OutboxOutcome,
        OutboxSignal,
        TextMessageSignal,
        store_frames,
    )
    from dispatch.store.tables import FeedFrame

    outbox_id = queue(ctx, forwarding_id=forwarding_id, incident_id=incident_id)
    stale = queue(ctx, "taken before a restart")
    outbox.take_outgoing(ctx, MODEM, OutboxKind.SMS)
    now = clock.now()
    damkar = parse_caller_number(DAMKAR_SMS)
    store_frames(
        ctx,
        [
            OutboxSignal(MODEM, now, outbox_id, OutboxOutcome.SENT, "17", b"+CMGS: 17\r\nOK\r\n"),
            DeliverySignal(MODEM, now, "17", 0, damkar, START, b"+CDS: 6,17\r\n"),
            DeliverySignal(MODEM, now, "99", 0, damkar, None, b"+CDS: 6,99\r\n"),
            TextMessageSignal(MODEM, now, parse_caller_number("TELKOMSEL"), "Sisa kuota", b"Sisa kuota\r\n"),
        ],
    )
    row = row_of(ctx, outbox_id)
    assert (row.state, row.reference, row.delivery_status) == ("delivered", "17", 0)
    clock.advance(1)
    store_frames(ctx, [OutboxSignal(MODEM, clock.now(), None, OutboxOutcome.RELEASE, "started again", b"")])
    assert row_of(ctx, stale).state == "queued"
    with ctx.database.transaction() as session:
        frames = list(session.scalars(select(FeedFrame).order_by(FeedFrame.id)))
    by_raw = {frame.raw: frame for frame in frames}
    sent = by_raw[b"+CMGS: 17\r\nOK\r\n"]
    assert json.loads(sent.decoded or "{}") == {
        "event": "outbox",
        "outbox": outbox_id,
        "outcome": "sent",
        "reference": "17",
    }
    assert row.delivery_frame_id == by_raw[b"+CDS: 6,17\r\n"].id
    assert by_raw[b"+CDS: 6,99\r\n"].rejected_reason == (
        "a delivery report for no SMS sent from here (reference 99, status 0)"
    )
    assert by_raw[b"Sisa kuota\r\n"].rejected_reason == (
        "not an AML message: not a reply: no incident number (YYYY-NNNNNN) first"
    )
