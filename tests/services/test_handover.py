"""Signing off and acknowledging a handover report (two people, both audited), addenda, and a signed
report that neither the service nor the database itself lets anyone change, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.exc import DBAPIError

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.codes import AuditAction, Refusal
from dispatch.domain.enums import CallClass, Role, UnitStatus
from dispatch.domain.shifts import THREE_BY_EIGHT, shift_at
from dispatch.domain.signals import SignalKind
from dispatch.reports.handover import assemble_handover, canonical_json
from dispatch.services import accounts, calls, dispatching, handover, incidents, shifts
from dispatch.services.bus import Change, Topic
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.store.database import Database
from dispatch.store.tables import HandoverAddendum, HandoverReport
from tests.conftest import START
from tests.services.support import audit_since, audited, last_audit_id, signal, unit
from tests.store.postgres import shared_schema

WIB = ZoneInfo("Asia/Jakarta")
PASSWORD = "kata-sandi-112"


@pytest.fixture
def owner(request: pytest.FixtureRequest, database: Database) -> Iterator[Engine]:
    """Who owns the tables: SQLite has one role; on PostgreSQL the owner, whom the triggers still bind.
    (Every test here runs on a SQLite file and, as the consoles' role, on PostgreSQL: conftest.py.)"""
    if database.engine.dialect.name == "sqlite":
        yield database.engine
        return
    engine = create_engine(shared_schema(request.config).schema.owner_url)
    yield engine
    engine.dispose()


def supervisor(ctx: ServiceContext, username: str, console: str) -> ServiceContext:
    """Another supervisor, logged in at ``console`` (the incoming lead)."""
    accounts.create_user(ctx, username, username.title(), PASSWORD, PASSWORD, Role.SUPERVISOR)
    where = accounts.register_console(ctx.database, ctx.clock, ctx.bus, console, "test-host")
    result = accounts.log_in(where, username, PASSWORD, position="supervisor")
    assert result.actor is not None
    return where.acting_as(result.actor)


def worked_shift(ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue) -> int:
    """A shift with an incident still open, a prank and a pass-down, closed 20 minutes in."""
    clock.set(START + timedelta(minutes=1))
    duty = shifts.open_shift(ctx, shift_at(THREE_BY_EIGHT, WIB, clock.now()))
    clock.advance(60)
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    clock.advance(7)
    incident = calls.answer_call(ctx, ringing.id)[1]
    incidents.update_field(ctx, incident.id, "category", "FIRE", catalogue)
    clock.advance(40)
    dispatching.assign_units(ctx, incident.id, [unit(ctx, "DEMO-DMK-01").id])
    clock.advance(30)
    incidents.add_note(ctx, incident.id, "Api di lantai dua, penghuni sudah keluar.")
    prank = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), "081298765432"))
    assert prank is not None
    clock.advance(4)
    calls.answer_call(ctx, prank.id)
    clock.advance(10)
    calls.classify_call(ctx, prank.id, CallClass.PRANK)
    shifts.set_pass_down(ctx, duty.id, "Damkar masih di lokasi.", "Latihan evakuasi pukul 14.00.")
    clock.set(START + timedelta(minutes=21))
    shifts.close_shift(ctx, duty.id)
    clock.advance(30)
    return duty.id


@pytest.fixture
def closed_shift(ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue) -> int:
    return worked_shift(ctx, clock, catalogue)


def _refused(code: Refusal) -> pytest.RaisesExc[ServiceError]:
    return pytest.raises(ServiceError, match=code.value)


def _stored(database: Database, shift_id: int) -> HandoverReport:
    with database.transaction() as session:
        report = session.scalars(select(HandoverReport).where(HandoverReport.duty_shift_id == shift_id)).one()
        session.expunge(report)
        return report


def test_the_outgoing_lead_signs_and_another_supervisor_acknowledges_both_audited(
    ctx: ServiceContext, clock: ManualClock, closed_shift: int, changes: list[Change]
) -> None:
    incoming = supervisor(ctx, "rina", "KONSOL-02")
    assert handover.signed_handover(ctx, closed_shift) is None
    changes.clear()

    signed, sign_rows = audited(ctx, lambda: handover.sign_off(ctx, closed_shift))
    stored = _stored(ctx.database, closed_shift)
    digest = hashlib.sha256(stored.content.encode("utf-8")).hexdigest()
    assert (signed.signed_by, signed.signed_at, signed.content_sha256) == ("sari", clock.now(), digest)
    assert (signed.acknowledged_by, signed.acknowledged_at, signed.addenda) == (None, None, ())
    assert signed.content == json.loads(stored.content)
    assert [(r.action, r.entity, r.entity_id, r.user_name, r.console_name) for r in sign_rows] == [
        (AuditAction.HANDOVER_SIGN.value, "handover", str(signed.report_id), "sari", "KONSOL-01")
    ]
    assert json.loads(sign_rows[0].detail or "") == {"shift": closed_shift, "sha256": digest}
    assert changes == [Change(Topic.SHIFTS, (closed_shift,))]

    clock.advance(120)
    acknowledged, ack_rows = audited(ctx, lambda: handover.acknowledge(incoming, closed_shift))
    assert (acknowledged.acknowledged_by, acknowledged.acknowledged_at) == ("rina", clock.now())
    assert (acknowledged.signed_by, acknowledged.content_sha256) == ("sari", digest)
    assert [(r.action, r.entity, r.entity_id, r.user_name, r.console_name) for r in ack_rows] == [
        (AuditAction.HANDOVER_ACKNOWLEDGE.value, "handover", str(signed.report_id), "rina", "KONSOL-02")
    ]
    assert json.loads(ack_rows[0].detail or "") == {"shift": closed_shift, "sha256": digest}
    assert handover.signed_handover(ctx, closed_shift) == acknowledged
    row = _stored(ctx.database, closed_shift)
    assert (row.signed_by, row.acknowledged_by) == (ctx.actor.user_id, incoming.actor.user_id)
    assert row.acknowledged_console_id == incoming.console_id


def test_the_signer_cannot_acknowledge_and_nobody_acknowledges_twice(
    ctx: ServiceContext, closed_shift: int
) -> None:
    incoming = supervisor(ctx, "rina", "KONSOL-02")
    with _refused(Refusal.HANDOVER_NOT_SIGNED):
        handover.acknowledge(incoming, closed_shift)
    handover.sign_off(ctx, closed_shift)
    before = last_audit_id(ctx.database)
    with _refused(Refusal.SIGNER_CANNOT_ACKNOWLEDGE):
        handover.acknowledge(ctx, closed_shift)
    assert audit_since(ctx.database, before) == []
    assert _stored(ctx.database, closed_shift).acknowledged_by is None
    handover.acknowledge(incoming, closed_shift)
    third = supervisor(ctx, "agus", "KONSOL-03")
    with _refused(Refusal.HANDOVER_ACKNOWLEDGED):
        handover.acknowledge(third, closed_shift)
    with _refused(Refusal.HANDOVER_ACKNOWLEDGED):
        handover.acknowledge(incoming, closed_shift)
    assert _stored(ctx.database, closed_shift).acknowledged_by == incoming.actor.user_id


def test_only_a_closed_shift_is_signed_and_only_once(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    clock.set(START + timedelta(minutes=1))
    duty = shifts.open_shift(ctx, shift_at(THREE_BY_EIGHT, WIB, clock.now()))
    with _refused(Refusal.SHIFT_STILL_OPEN):
        handover.sign_off(ctx, duty.id)
    with _refused(Refusal.NO_SUCH_SHIFT):
        handover.sign_off(ctx, duty.id + 1)
    clock.advance(600)
    shifts.close_shift(ctx, duty.id)
    first = handover.sign_off(ctx, duty.id)
    clock.advance(60)
    with _refused(Refusal.HANDOVER_SIGNED):
        handover.sign_off(ctx, duty.id)
    assert handover.signed_handover(ctx, duty.id) == first


def test_the_call_taker_may_not_sign_acknowledge_or_add(ctx: ServiceContext, closed_shift: int) -> None:
    accounts.create_user(ctx, "budi", "Budi Santoso", PASSWORD, PASSWORD, Role.CALL_TAKER)
    result = accounts.log_in(ctx, "budi", PASSWORD)
    assert result.actor is not None
    budi = ctx.acting_as(result.actor)
    with _refused(Refusal.SUPERVISOR_ONLY):
        handover.sign_off(budi, closed_shift)
    handover.sign_off(ctx, closed_shift)
    with _refused(Refusal.SUPERVISOR_ONLY):
        handover.acknowledge(budi, closed_shift)
    with _refused(Refusal.SUPERVISOR_ONLY):
        handover.add_addendum(budi, closed_shift, "Catatan")
    with _refused(Refusal.SUPERVISOR_ONLY):
        handover.sign_off(ctx.as_system(), closed_shift)


def test_the_stored_report_is_the_same_bytes_as_a_second_assembly_of_the_closed_shift(
    ctx: ServiceContext, clock: ManualClock, closed_shift: int
) -> None:
    signed = handover.sign_off(ctx, closed_shift)
    stored = _stored(ctx.database, closed_shift).content
    clock.advance(3600)
    again = canonical_json(assemble_handover(ctx, closed_shift).to_json())
    assert stored.encode("utf-8") == again.encode("utf-8")
    assert signed.content_sha256 == hashlib.sha256(again.encode("utf-8")).hexdigest()
    # What was signed holds the shift's own data.
    content = signed.content
    assert content["period"]["shift_id"] == closed_shift
    assert content["pass_down"] == "Damkar masih di lokasi."
    assert content["planned_events"] == "Latihan evakuasi pukul 14.00."
    assert [i["units"][0]["call_sign"] for i in content["open_incidents"]] == ["DEMO-DMK-01"]
    assert content["open_incidents"][0]["last_note"]["text"] == "Api di lantai dua, penghuni sudah keluar."
    assert content["calls"]["total"] == 2


def test_a_signed_report_cannot_be_altered_through_the_services(
    ctx: ServiceContext, clock: ManualClock, closed_shift: int
) -> None:
    signed = handover.sign_off(ctx, closed_shift)
    clock.advance(60)
    with _refused(Refusal.HANDOVER_SIGNED):
        shifts.set_pass_down(ctx, closed_shift, "Diubah setelah tanda tangan.", "")
    with _refused(Refusal.HANDOVER_SIGNED):
        handover.sign_off(ctx, closed_shift)
    # The world moves on; the signed content does not.
    dispatching.set_unit_status(ctx, unit(ctx, "DEMO-DMK-01").id, UnitStatus.ACKNOWLEDGED)
    assert handover.signed_handover(ctx, closed_shift) == signed
    assert _stored(ctx.database, closed_shift).content == canonical_json(signed.content)


REPORT_CHANGES = [
    "UPDATE handover_reports SET content = '{}'",
    "UPDATE handover_reports SET content_sha256 = '" + "0" * 64 + "'",
    "UPDATE handover_reports SET signed_at = signed_at + INTERVAL '1 hour'",
    "UPDATE handover_reports SET signed_by = acknowledged_by",
    "UPDATE handover_reports SET duty_shift_id = duty_shift_id + 1",
    "UPDATE handover_reports SET acknowledged_by = signed_by",
    "UPDATE handover_reports SET acknowledged_at = NULL",
]
ADDENDUM_CHANGES = [
    "UPDATE handover_addenda SET text = 'Tidak ada.'",
    "UPDATE handover_addenda SET at = at + INTERVAL '1 hour'",
    "UPDATE handover_addenda SET user_id = NULL",
]


def _sqlite(statement: str) -> str:
    """SQLite has no intervals: the column is set to another time instead."""
    return re.sub(r"\w+ \+ INTERVAL '1 hour'", "'2026-01-01 00:00:00.000000'", statement)


@pytest.fixture
def acknowledged(ctx: ServiceContext, clock: ManualClock, closed_shift: int) -> int:
    """The closed shift, signed, acknowledged by another supervisor and with an addendum."""
    handover.sign_off(ctx, closed_shift)
    clock.advance(60)
    handover.acknowledge(supervisor(ctx, "rina", "KONSOL-02"), closed_shift)
    clock.advance(60)
    handover.add_addendum(ctx, closed_shift, "Satu unit damkar kembali pukul 12.40.")
    return closed_shift


def _rows(engine: Engine, table: str) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))]


def _refuse_raw(engine: Engine, statement: str, match: str) -> None:
    if engine.dialect.name == "sqlite":
        statement = _sqlite(statement)
    with pytest.raises(DBAPIError, match=match), engine.begin() as connection:
        connection.execute(text(statement))


@pytest.mark.parametrize("statement", REPORT_CHANGES)
def test_the_database_refuses_to_change_a_signed_report(
    ctx: ServiceContext, owner: Engine, acknowledged: int, statement: str
) -> None:
    before = _rows(owner, "handover_reports")
    # The triggers of migration 0009 (the two-people CHECK says the same of acknowledged_by).
    match = (
        "handover_reports: recorded facts cannot be changed|ck_handover_reports_two_people|CHECK constraint"
    )
    _refuse_raw(owner, statement, match)
    _refuse_raw(ctx.database.engine, statement, match + "|permission denied")
    assert _rows(owner, "handover_reports") == before


@pytest.mark.parametrize("statement", ADDENDUM_CHANGES)
def test_the_database_refuses_to_change_an_addendum(
    ctx: ServiceContext, owner: Engine, acknowledged: int, statement: str
) -> None:
    before = _rows(owner, "handover_addenda")
    assert before
    _refuse_raw(owner, statement, "handover_addenda: recorded facts cannot be changed")
    # The consoles' role on PostgreSQL may only insert addenda.
    _refuse_raw(ctx.database.engine, statement, "handover_addenda: recorded facts|permission denied")
    assert _rows(owner, "handover_addenda") == before


@pytest.mark.parametrize("table", ["handover_addenda", "handover_reports"])
def test_the_database_refuses_to_delete_a_report_or_an_addendum(
    ctx: ServiceContext, owner: Engine, acknowledged: int, table: str
) -> None:
    before = _rows(owner, table)
    _refuse_raw(owner, f"DELETE FROM {table}", f"{table}: recorded facts cannot be deleted")
    _refuse_raw(ctx.database.engine, f"DELETE FROM {table}", f"{table}: recorded facts|permission denied")
    assert _rows(owner, table) == before


def test_the_database_refuses_an_acknowledgement_by_the_signer(
    ctx: ServiceContext, owner: Engine, closed_shift: int
) -> None:
    """The service's refusal has a backstop: the CHECK of migration 0009."""
    handover.sign_off(ctx, closed_shift)
    statement = (
        "UPDATE handover_reports SET acknowledged_by = signed_by, "
        "acknowledged_at = signed_at WHERE acknowledged_by IS NULL"
    )
    _refuse_raw(ctx.database.engine, statement, "ck_handover_reports_two_people|CHECK constraint")
    assert _stored(ctx.database, closed_shift).acknowledged_by is None


def test_an_addendum_after_signing_and_after_acknowledging(
    ctx: ServiceContext, clock: ManualClock, closed_shift: int, changes: list[Change]
) -> None:
    with _refused(Refusal.HANDOVER_NOT_SIGNED):
        handover.add_addendum(ctx, closed_shift, "Terlalu awal.")
    signed = handover.sign_off(ctx, closed_shift)
    clock.advance(60)
    changes.clear()
    first, rows = audited(
        ctx, lambda: handover.add_addendum(ctx, closed_shift, "  Unit damkar\tkembali.\x07\n")
    )
    (added,) = first.addenda
    assert (added.at, added.user_name, added.text) == (clock.now(), "sari", "Unit damkar\tkembali.")
    assert [(r.action, r.entity, r.entity_id, r.user_name) for r in rows] == [
        (AuditAction.HANDOVER_ADDENDUM.value, "handover", str(signed.report_id), "sari")
    ]
    assert json.loads(rows[0].detail or "") == {"shift": closed_shift, "addendum": added.id}
    assert changes == [Change(Topic.SHIFTS, (closed_shift,))]
    # The report itself is as signed.
    assert (first.content, first.content_sha256) == (signed.content, signed.content_sha256)

    incoming = supervisor(ctx, "rina", "KONSOL-02")
    clock.advance(60)
    handover.acknowledge(incoming, closed_shift)
    clock.advance(60)
    later = handover.add_addendum(incoming, closed_shift, "Diterima, damkar dipantau.")
    assert [(a.user_name, a.text) for a in later.addenda] == [
        ("sari", "Unit damkar\tkembali."),
        ("rina", "Diterima, damkar dipantau."),
    ]
    assert handover.signed_handover(ctx, closed_shift) == later
    with ctx.database.transaction() as session:
        assert session.scalar(select(HandoverAddendum.text).order_by(HandoverAddendum.id)) == (
            "Unit damkar\tkembali."
        )


def test_an_addendum_needs_words_and_not_too_many(ctx: ServiceContext, closed_shift: int) -> None:
    handover.sign_off(ctx, closed_shift)
    before = last_audit_id(ctx.database)
    with _refused(Refusal.NOTE_REQUIRED):
        handover.add_addendum(ctx, closed_shift, " \n\x00 ")
    with _refused(Refusal.NOTE_TOO_LONG):
        handover.add_addendum(ctx, closed_shift, "x" * (handover.ADDENDUM_MAX + 1))
    assert audit_since(ctx.database, before) == []
    assert handover.add_addendum(ctx, closed_shift, "x" * handover.ADDENDUM_MAX).addenda[0].text == (
        "x" * handover.ADDENDUM_MAX
    )
    with _refused(Refusal.NO_SUCH_SHIFT):
        handover.add_addendum(ctx, closed_shift + 1, "Salah shift.")
