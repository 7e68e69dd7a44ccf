"""Recorded facts refuse UPDATE and DELETE in the SQLite database itself (migrations 0006, 0015, 0016).

Calls, feed frames, incident notes, unit status history, assignments, handset positions (AML
messages), agencies' reports on forwardings and files attached to incidents: DELETE is refused, and
so is UPDATE of a recorded fact or of a milestone already written; what may change does.
"""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dispatch.domain.aml import AmlFix, AmlMethod
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import AgencyType, UnitStatus
from dispatch.domain.forwarding import ForwardChannel, ReportKind
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import LocationSignal, SignalKind
from dispatch.services import aml, calls, dispatching, forwarding, incidents
from dispatch.services.context import ServiceContext
from dispatch.store.database import MIGRATIONS_DIR, Database
from dispatch.store.tables import Agency, Base, IncidentFile
from tests.services.support import signal, unit


def migration_0006() -> ModuleType:
    return _migration("0006_tamper_evidence.py")


def _migration(name: str) -> ModuleType:
    path = MIGRATIONS_DIR / "versions" / name
    spec = importlib.util.spec_from_file_location(f"migration_{name[:4]}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def protected_tables() -> dict[str, Any]:
    """The recorded facts of migration 0006, the handset positions of 0015, the agencies' reports and
    the incidents' files of 0016."""
    return {
        **migration_0006().PROTECTED,
        **_migration("0015_positions_and_aml.py").PROTECTED,
        **_migration("0016_forwarding_and_cameras.py").PROTECTED,
    }


def test_every_column_of_a_protected_table_is_named_fixed_once_or_free() -> None:
    """A column added later must be put in one of the lists (and its triggers re-created)."""
    protected = protected_tables()
    for table, rule in protected.items():
        named = [*rule.fixed, *rule.once, *rule.free]
        assert len(named) == len(set(named)), table
        assert set(named) == set(Base.metadata.tables[table].columns.keys()), table


@pytest.fixture
def recorded(ctx: ServiceContext, clock: ManualClock) -> ServiceContext:
    """One call answered, noted, a unit dispatched and acknowledged, a handset's position, the incident
    forwarded to an agency that acknowledged, two stills attached (one named by its note, one not yet):
    a row in every protected table."""
    clock.advance(10)
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    clock.advance(3)
    _call, incident = calls.answer_call(ctx, ringing.id)
    incidents.add_note(ctx, incident.id, "Asap tebal dari lantai dua.")
    ambulance = unit(ctx, "DEMO-PSC-01")
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    clock.advance(30)
    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.ACKNOWLEDGED)
    fix = AmlFix(1, -6.99306, 110.42083, 12.0, clock.now(), 68, AmlMethod.GNSS, text='A"ML=1;...')
    number = parse_caller_number(ringing.number_raw, "ID")
    aml.record_location(ctx.as_system(), LocationSignal("aml-sms:serial:x", clock.now(), number, b"sms", fix))
    with ctx.database.transaction() as session:
        agency = Agency(
            code="DAMKAR-SMG",
            name="Damkar Kota Semarang",
            agency_type=AgencyType.FIRE.value,
            reach="forward",
            areas="33.74",
            categories="",
            phones="024-7600113",
            radio="",
            sms_number="",
            hours="",
            ack_limit_s=180,
            note="",
            active=True,
            updated_at=clock.now(),
        )
        session.add(agency)
        session.flush()
        agency_id = agency.id
    sent = forwarding.forward(ctx, incident.id, agency_id, channel=ForwardChannel.PHONE, person="Bp. Joko")
    clock.advance(20)
    forwarding.report(ctx, sent.id, ReportKind.ACKNOWLEDGED, text="segera meluncur")
    note = incidents.add_note(ctx, incident.id, "Foto dari kamera terlampir.")
    with ctx.database.transaction() as session:
        for note_id in (note.id, None):
            content = b"\x89PNG\r\n\x1a\n still"
            session.add(
                IncidentFile(
                    incident_id=incident.id,
                    at=clock.now(),
                    name="cctv.png",
                    media_type="image/png",
                    size=len(content),
                    sha256=hashlib.sha256(content).hexdigest(),
                    content=content,
                    author_id=ctx.actor.user_id,
                    console_id=ctx.console_id,
                    camera_id=None,
                    note_id=note_id,
                )
            )
    return ctx


REFUSED_CHANGES = [
    "UPDATE calls SET number_raw = '0899999999'",
    "UPDATE calls SET ring_at = '2026-01-01 00:00:00.000000'",
    "UPDATE calls SET caller_name = 'someone else'",
    "UPDATE calls SET answered_at = '2026-01-01 00:00:00.000000' WHERE answered_at IS NOT NULL",
    "UPDATE calls SET answered_by = NULL WHERE answered_by IS NOT NULL",
    "UPDATE feed_frames SET raw = X'00'",
    "UPDATE feed_frames SET received_at = '2026-01-01 00:00:00.000000'",
    "UPDATE feed_frames SET call_id = NULL WHERE call_id IS NOT NULL",
    "UPDATE incident_notes SET text = 'nothing to see'",
    "UPDATE incident_notes SET at = '2026-01-01 00:00:00.000000'",
    "UPDATE unit_status_history SET to_status = 'available'",
    "UPDATE unit_status_history SET override_reason = 'forged'",
    "UPDATE assignments SET dispatched_at = '2026-01-01 00:00:00.000000'",
    "UPDATE assignments SET unit_id = unit_id + 1",
    "UPDATE assignments SET acknowledged_at = '2026-01-01 00:00:00.000000' WHERE acknowledged_at IS NOT NULL",
    "UPDATE assignments SET acknowledged_at = NULL",
    "UPDATE aml_messages SET lat = 0",
    "UPDATE aml_messages SET text = 'A\"ML=1;lt=0'",
    "UPDATE aml_messages SET call_id = NULL",
    "UPDATE aml_messages SET incident_id = NULL WHERE incident_id IS NOT NULL",
    "UPDATE forwarding_reports SET kind = 'handled'",
    "UPDATE forwarding_reports SET at = '2026-01-01 00:00:00.000000'",
    "UPDATE forwarding_reports SET text = 'tidak pernah dikatakan'",
    "UPDATE forwarding_reports SET source = 'sms'",
    "UPDATE forwarding_reports SET user_id = NULL",
    "UPDATE incident_files SET content = X'00'",
    "UPDATE incident_files SET sha256 = '0000000000000000000000000000000000000000000000000000000000000000'",
    "UPDATE incident_files SET name = 'lain.png', size = 1",
    "UPDATE incident_files SET at = '2026-01-01 00:00:00.000000'",
    "UPDATE incident_files SET note_id = NULL WHERE note_id IS NOT NULL",
    "UPDATE incident_files SET note_id = note_id - 1 WHERE note_id IS NOT NULL",
]
REFUSED_DELETES = [
    "DELETE FROM calls",
    "DELETE FROM feed_frames",
    "DELETE FROM incident_notes",
    "DELETE FROM unit_status_history",
    "DELETE FROM assignments",
    "DELETE FROM aml_messages",
    "DELETE FROM forwarding_reports",
    "DELETE FROM incident_files",
]


def _count(database: Database, table: str) -> int:
    with database.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


@pytest.mark.parametrize("statement", REFUSED_CHANGES)
def test_a_recorded_fact_cannot_be_changed(recorded: ServiceContext, statement: str) -> None:
    database = recorded.database
    table = statement.split()[1]
    with database.engine.connect() as connection:
        before = connection.execute(text(f"SELECT * FROM {table} ORDER BY id")).all()
        assert before, table
    with database.engine.connect() as connection:
        where = statement.partition(" WHERE ")[2]
        hit = connection.execute(text(f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else "")))
        assert hit.scalar_one() > 0, "the statement must hit a row for the refusal to mean anything"
    with (
        pytest.raises(DBAPIError, match=f"{table}: recorded facts cannot be changed"),
        database.engine.begin() as c,
    ):
        c.execute(text(statement))
    with database.engine.connect() as connection:
        assert connection.execute(text(f"SELECT * FROM {table} ORDER BY id")).all() == before


@pytest.mark.parametrize("statement", REFUSED_DELETES)
def test_a_recorded_fact_cannot_be_deleted(recorded: ServiceContext, statement: str) -> None:
    database = recorded.database
    table = statement.split()[2]
    before = _count(database, table)
    assert before > 0
    with (
        pytest.raises(DBAPIError, match=f"{table}: recorded facts cannot be deleted"),
        database.engine.begin() as c,
    ):
        c.execute(text(statement))
    assert _count(database, table) == before


ALLOWED_CHANGES = [
    # Current state: the call moves on, is reclassified, attached to another incident.
    "UPDATE calls SET state = 'ended', classification = 'prank'",
    "UPDATE calls SET incident_id = NULL",
    # Written once: NULL -> value.
    "UPDATE calls SET ended_at = '2026-11-27 06:00:00.000000' WHERE ended_at IS NULL",
    "UPDATE assignments SET en_route_at = '2026-11-27 06:00:00.000000' WHERE en_route_at IS NULL",
    "UPDATE assignments SET cleared_at = '2026-11-27 06:00:00.000000' WHERE cleared_at IS NULL",
    # A handset position's state: kept, then used by the call-taker.
    "UPDATE aml_messages SET state = 'kept'",
    # An attached file's note, written once.
    "UPDATE incident_files SET note_id = (SELECT min(id) FROM incident_notes) WHERE note_id IS NULL",
    # Setting a value to itself is no change.
    "UPDATE assignments SET acknowledged_at = acknowledged_at, dispatched_at = dispatched_at",
]


@pytest.mark.parametrize("statement", ALLOWED_CHANGES)
def test_what_may_change_does(recorded: ServiceContext, statement: str) -> None:
    with recorded.database.engine.begin() as connection:
        assert connection.execute(text(statement)).rowcount > 0


def test_every_protected_table_has_its_triggers_at_head(recorded: ServiceContext, db_path: Path) -> None:
    import sqlite3

    with sqlite3.connect(db_path) as connection:
        names = {
            row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    for table in protected_tables():
        assert {f"{table}_facts_fixed", f"{table}_no_delete"} <= names
    assert {"audit_log_no_update", "audit_log_no_delete"} <= names
