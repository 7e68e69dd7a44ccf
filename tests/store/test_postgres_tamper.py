"""On PostgreSQL the consoles' role owns nothing and cannot get around the triggers; the chain finds
what the owner does with the triggers dropped; concurrent writers keep one chain.

Needs the two roles of .ci/run (``DISPATCH_TEST_POSTGRES_URL``, ``DISPATCH_TEST_POSTGRES_OWNER_URL``).
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

from dispatch.domain.aml import AmlFix, AmlMethod
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import UnitStatus
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import LocationSignal, SignalKind
from dispatch.services import accounts, aml, calls, dispatching, incidents
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.store import audit_chain
from dispatch.store.database import (
    DatabaseRefused,
    RefusalReason,
    current_revision,
    head_revision,
    open_database,
    upgrade_to_head,
)
from dispatch.store.maintenance import main as maintenance
from dispatch.store.maintenance import snapshot
from dispatch.store.roles import PRIVILEGES
from dispatch.store.tables import AuditEntry
from tests.conftest import START
from tests.services.support import signal, unit
from tests.store.postgres import (
    Schema,
    Server,
    empty_schema,
    grant,
    migrated_schema,
    require_two_roles,
    server,
)
from tests.store.test_postgres import _log_in

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def found() -> Server:
    found = server()
    require_two_roles(found)
    return found


@pytest.fixture
def schema(found: Server) -> Iterator[Schema]:
    with migrated_schema(found) as made:
        yield made


@pytest.fixture
def ctx(schema: Schema) -> Iterator[ServiceContext]:
    """The consoles' role, logged in, with one call answered, noted and a unit acknowledged."""
    database = open_database(schema.console_url)
    clock = ManualClock(START)
    ctx = _log_in(database, clock, ChangeBus())
    clock.advance(10)
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    _call, incident = calls.answer_call(ctx, ringing.id)
    incidents.add_note(ctx, incident.id, "Asap tebal dari lantai dua.")
    ambulance = unit(ctx, "DEMO-PSC-01")
    dispatching.assign_units(ctx, incident.id, [ambulance.id])
    clock.advance(30)
    dispatching.set_unit_status(ctx, ambulance.id, UnitStatus.ACKNOWLEDGED)
    fix = AmlFix(1, -6.99306, 110.42083, 12.0, clock.now(), 68, AmlMethod.GNSS, text='A"ML=1;...')
    number = parse_caller_number(ringing.number_raw, "ID")
    aml.record_location(ctx.as_system(), LocationSignal("aml-sms:serial:x", clock.now(), number, b"sms", fix))
    yield ctx
    database.dispose()


@pytest.fixture
def owner(schema: Schema) -> Iterator[Engine]:
    engine = create_engine(schema.owner_url)
    yield engine
    engine.dispose()


def _refused(engine: Engine, statement: str, match: str) -> None:
    with pytest.raises(DBAPIError, match=match), engine.begin() as connection:
        connection.execute(text(statement))


BYPASSES = [
    "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change",
    "ALTER TABLE audit_log DISABLE TRIGGER ALL",
    "ALTER TABLE calls DISABLE TRIGGER calls_protect",
    "DROP TRIGGER calls_protect ON calls",
    "DROP TABLE audit_log",
    "DROP TABLE calls CASCADE",
    "ALTER TABLE calls DROP COLUMN number_raw",
    "CREATE OR REPLACE FUNCTION calls_protect() RETURNS trigger LANGUAGE plpgsql "
    "AS $$ BEGIN RETURN NEW; END $$",
    "DROP FUNCTION audit_log_append_only() CASCADE",
    "ALTER TABLE calls OWNER TO CURRENT_USER",
    "CREATE TABLE evidence (id int)",
    "TRUNCATE audit_log",
    "TRUNCATE calls CASCADE",
    "SET session_replication_role = replica",
]
ROLE_CHANGES = [
    "ALTER ROLE CURRENT_USER SUPERUSER",
    "ALTER ROLE CURRENT_USER CREATEROLE",
    "ALTER ROLE dispatch_owner PASSWORD 'taken'",
    "CREATE ROLE intruder LOGIN",
    "GRANT dispatch_owner TO CURRENT_USER",
    "SET ROLE dispatch_owner",
]


@pytest.mark.parametrize("statement", BYPASSES)
def test_the_console_role_cannot_disable_or_drop_what_protects_the_records(
    ctx: ServiceContext, statement: str
) -> None:
    _refused(ctx.database.engine, statement, "must be owner|permission denied|not allowed")


@pytest.mark.parametrize("statement", ROLE_CHANGES)
def test_the_console_role_cannot_change_a_role(ctx: ServiceContext, statement: str) -> None:
    _refused(ctx.database.engine, statement, "permission denied|must have|must be|does not exist")


PROTECTED_CHANGES = [
    ("UPDATE calls SET number_raw = '0899999999'", "calls: recorded facts cannot be changed"),
    ("UPDATE calls SET answered_at = now() WHERE answered_at IS NOT NULL", "calls: recorded facts"),
    ("UPDATE feed_frames SET raw = '\\x00'::bytea", "feed_frames: recorded facts cannot be changed"),
    ("UPDATE assignments SET dispatched_at = now()", "assignments: recorded facts cannot be changed"),
    ("UPDATE assignments SET acknowledged_at = now()", "assignments: recorded facts cannot be changed"),
    ("UPDATE incident_notes SET text = 'x'", "permission denied"),
    ("UPDATE unit_status_history SET to_status = 'available'", "permission denied"),
    ("UPDATE audit_log SET action = 'x'", "permission denied"),
    ("DELETE FROM calls", "permission denied"),
    ("DELETE FROM feed_frames", "permission denied"),
    ("DELETE FROM incident_notes", "permission denied"),
    ("DELETE FROM unit_status_history", "permission denied"),
    ("DELETE FROM assignments", "permission denied"),
    ("DELETE FROM audit_log", "permission denied"),
    ("UPDATE audit_chain_head SET seq = seq - 1", "permission denied"),
    ("UPDATE audit_chain_head SET hash = repeat('0', 64)", "permission denied"),
    ("UPDATE audit_chain_head SET id = 2", "permission denied"),
    ("DELETE FROM audit_chain_head", "permission denied"),
    ("SELECT audit_log_extend_chain()", "permission denied|trigger functions can only be called"),
    ("UPDATE audit_log SET seq = seq + 1", "permission denied"),
]


@pytest.mark.parametrize(("statement", "match"), PROTECTED_CHANGES)
def test_the_console_role_cannot_change_or_delete_recorded_facts(
    ctx: ServiceContext, statement: str, match: str
) -> None:
    _refused(ctx.database.engine, statement, match)


@pytest.mark.parametrize(
    ("statement", "match"),
    [
        ("UPDATE calls SET ring_at = now()", "calls: recorded facts cannot be changed"),
        ("UPDATE incident_notes SET text = 'x'", "incident_notes: recorded facts cannot be changed"),
        (
            "UPDATE unit_status_history SET at = now()",
            "unit_status_history: recorded facts cannot be changed",
        ),
        ("DELETE FROM calls", "calls: recorded facts cannot be deleted"),
        ("DELETE FROM assignments", "assignments: recorded facts cannot be deleted"),
        # The handset positions (0015), the agencies' reports and the outbox (0016) name frames:
        # truncated together (PostgreSQL truncates nothing referenced alone), the facts refuse.
        (
            "TRUNCATE feed_frames, aml_messages, forwarding_reports, outbox",
            "(feed_frames|aml_messages|forwarding_reports): recorded facts cannot be deleted",
        ),
        ("DELETE FROM aml_messages", "aml_messages: recorded facts cannot be deleted"),
        ("UPDATE aml_messages SET lat = 0", "aml_messages: recorded facts cannot be changed"),
        # An incident's files name their notes (0016).
        (
            "TRUNCATE incident_notes, incident_files",
            "(incident_notes|incident_files): recorded facts cannot be deleted",
        ),
    ],
)
def test_even_the_owner_meets_the_triggers(
    ctx: ServiceContext, owner: Engine, statement: str, match: str
) -> None:
    _refused(owner, statement, match)


def test_the_console_role_holds_exactly_the_granted_privileges(ctx: ServiceContext, schema: Schema) -> None:
    with ctx.database.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) "
                "FROM information_schema.role_table_grants "
                "WHERE grantee = current_user AND table_schema = current_schema() GROUP BY table_name"
            )
        ).all()
        owns = connection.execute(
            text(
                "SELECT count(*) FROM pg_tables "
                "WHERE schemaname = current_schema() AND tableowner = current_user"
            )
        ).scalar_one()
    granted = dict(rows)
    assert owns == 0
    assert granted["audit_log"] == "INSERT,SELECT"
    assert granted["audit_chain_head"] == "SELECT"
    assert granted["alembic_version"] == "SELECT"
    assert granted["incident_notes"] == "INSERT,SELECT"
    # Change events are notices for the other consoles, pruned (migration 0014); no record is deleted.
    assert granted.pop("change_events") == "DELETE,INSERT,SELECT"
    assert granted["change_event_head"] == "SELECT,UPDATE"
    assert all("DELETE" not in privileges and "TRUNCATE" not in privileges for privileges in granted.values())
    assert set(PRIVILEGES) - {"change_events"} <= set(granted)


def _verify(url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = maintenance(["verify", "--db", url])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        ("DELETE FROM audit_log WHERE seq = 6", "at seq 7 "),
        ("UPDATE audit_log SET detail = '{\"forged\": true}' WHERE seq = 6", "at seq 6 "),
        (
            "INSERT INTO audit_log (at, user_name, console_name, action, entity) "
            "VALUES (now(), 'sari', 'KONSOL-01', 'user.logout', 'user')",
            "a row without a place in the chain",
        ),
        ("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)", "at chain head"),
    ],
)
def test_the_chain_finds_what_the_owner_did_with_the_trigger_dropped(
    ctx: ServiceContext,
    owner: Engine,
    schema: Schema,
    capsys: pytest.CaptureFixture[str],
    tamper: str,
    expected: str,
) -> None:
    assert _verify(schema.console_url, capsys)[0] == 0
    with owner.begin() as connection:
        connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
        connection.execute(text(tamper))
        connection.execute(text("ALTER TABLE audit_log ENABLE TRIGGER USER"))
    status, output = _verify(schema.console_url, capsys)
    assert status == 1, output
    assert expected in output


def test_concurrent_writers_keep_one_chain_in_commit_order(ctx: ServiceContext) -> None:
    """Ids come from a sequence (not the commit order); the chain's seq is given under the head's lock."""
    errors: list[BaseException] = []

    def ring(worker: int) -> None:
        try:
            for index in range(20):
                calls.record_signal(
                    ctx.as_system(),
                    signal(
                        SignalKind.INCOMING, ctx.clock.now(), f"0812{worker:02d}{index:06d}", line=str(worker)
                    ),
                )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=ring, args=(worker,)) for worker in range(6)]
    for thread in threads:
        thread.start()
    checks = []
    while any(thread.is_alive() for thread in threads):
        # verify's own snapshot: consistent while the writers go on.
        with ctx.database.engine.connect() as connection:
            checks.append(audit_chain.verify(snapshot(connection)))
    for thread in threads:
        thread.join()
    assert errors == []
    assert checks
    assert [check.broken for check in checks if not check.intact] == []
    with ctx.database.engine.connect() as connection:
        report = audit_chain.verify(connection)
        incoming = connection.execute(
            text("SELECT count(*) FROM audit_log WHERE action = 'call.incoming' AND entity_id IS NOT NULL")
        ).scalar_one()
    assert report.intact, report.broken
    assert incoming >= 120


def test_a_console_whose_role_may_not_upgrade_is_refused_until_the_owner_migrates(
    found: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    with empty_schema(found) as schema:
        # A new, empty schema: the consoles' role cannot create the tables.
        with pytest.raises(DatabaseRefused) as refused:
            open_database(schema.console_url)
        assert refused.value.reason is RefusalReason.NOT_MIGRATED
        assert "dispatch-console migrate" in refused.value.detail

        engine = create_engine(schema.owner_url)
        try:
            upgrade_to_head(engine, "0005")
        finally:
            engine.dispose()
        grant(schema)
        with pytest.raises(DatabaseRefused) as refused:
            open_database(schema.console_url)
        assert refused.value.reason is RefusalReason.NOT_MIGRATED
        assert "revision 0005" in refused.value.detail

        status = maintenance(["migrate", "--db", schema.owner_url, "--console-role", schema.console_role])
        output = capsys.readouterr().out
        assert status == 0
        assert f"at revision {head_revision()}" in output
        assert f"{schema.console_role}: SELECT, INSERT on audit_log" in output
        database = open_database(schema.console_url)
        try:
            assert current_revision(database.engine) == head_revision()
            accounts.register_console(database, ManualClock(START), ChangeBus(), "KONSOL-01", "pg-host")
        finally:
            database.dispose()
        assert _verify(schema.console_url, capsys)[0] == 0


def test_migrate_refuses_to_make_the_owner_the_console_role(
    found: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    with empty_schema(found) as schema:
        owner_role = str(create_engine(schema.owner_url).url.username)
        status = maintenance(["migrate", "--db", schema.owner_url, "--console-role", owner_role])
        assert status == 2
        assert "the console needs its own" in capsys.readouterr().err


def test_the_documented_migrate_command(found: Server) -> None:
    """docs/installing.md's migrate command, as a process, with the test server's owner and role."""
    text_of_doc = (ROOT / "docs" / "installing.md").read_text(encoding="utf-8").replace("\\\n", " ")
    documented = re.search(r"^dispatch-console migrate --db (\S+)\s+--console-role (\S+)$", text_of_doc, re.M)
    assert documented is not None
    with empty_schema(found) as schema:
        command = documented.group(0).split()
        command[command.index(documented.group(1))] = schema.owner_url
        command[command.index(documented.group(2))] = schema.console_role
        console = Path(sys.executable).parent / "dispatch-console"
        result = subprocess.run(
            [str(console), *command[1:]], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
        )
        assert result.returncode == 0, result.stderr
        assert f"at revision {head_revision()}" in result.stdout
        database = open_database(schema.console_url)
        try:
            accounts.register_console(database, ManualClock(START), ChangeBus(), "KONSOL-01", "pg-host")
        finally:
            database.dispose()
        verified = subprocess.run(
            [str(console), "verify", "--db", schema.console_url],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert verified.returncode == 0, verified.stderr
        assert "audit chain intact: 1 rows" in verified.stdout


def test_a_link_the_console_role_forges_is_replaced_by_the_databases_own(ctx: ServiceContext) -> None:
    engine = ctx.database.engine
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_log (at, user_name, console_name, action, entity, seq, hash) "
                "VALUES (now(), 'sari', 'KONSOL-01', 'user.logout', 'user', 1, repeat('a', 64))"
            )
        )
    with engine.connect() as connection:
        report = audit_chain.verify(snapshot(connection))
        last = connection.execute(text("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")).one()
        head = connection.execute(text("SELECT seq, hash FROM audit_chain_head")).one()
    assert last.seq > 1
    assert last.hash != "a" * 64
    assert tuple(head) == tuple(last)
    assert report.intact, report.broken


# Text PostgreSQL can store (no NUL), weighted to what JSON escaping treats specially.
awkward_text = st.text(
    alphabet=st.one_of(
        st.sampled_from('"\\/\b\f\n\r\t\x01\x1f\x7f\u2028\u2029é日😀'),
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(awkward_text, st.one_of(st.none(), awkward_text), st.integers(0, 10**6 - 1)),
        min_size=1,
        max_size=3,
    )
)
def test_the_database_and_python_compute_the_same_links(ctx: ServiceContext, rows: list) -> None:
    """Rows added in one flush (one multi-row INSERT), chained by PostgreSQL, checked by Python."""
    with ctx.database.transaction() as session:
        for name, detail, micros in rows:
            session.add(
                AuditEntry(
                    at=START.replace(microsecond=micros),
                    user_id=None,
                    user_name=name[:64],
                    console_id=None,
                    console_name="KONSOL-01",
                    action="test.parity",
                    entity="test",
                    entity_id=name[:64] or None,
                    detail=detail,
                )
            )
    with ctx.database.engine.connect() as connection:
        report = audit_chain.verify(snapshot(connection))
    assert report.intact, report.broken
