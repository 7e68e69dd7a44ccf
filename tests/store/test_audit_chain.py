"""The audit log is a hash chain: service writes extend it, `verify` finds every kind of tampering.

Tampering is done as an attacker with access to the SQLite file would: with the plain ``sqlite3``
module, dropping the append-only triggers first.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.exc import DBAPIError

from dispatch.domain.clock import ManualClock
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, dispatching, incidents
from dispatch.services.context import ServiceContext
from dispatch.store import audit_chain
from dispatch.store.database import (
    Database,
    _create_engine,
    current_revision,
    head_revision,
    open_database,
    sqlite_url,
    upgrade_to_head,
)
from dispatch.store.maintenance import main as maintenance
from dispatch.store.tables import AuditEntry
from tests.services.support import signal, unit

ROOT = Path(__file__).resolve().parents[2]


def _busy_hour(ctx: ServiceContext, clock: ManualClock) -> None:
    """A few calls answered, noted and dispatched: a couple of dozen audit rows."""
    for index in range(3):
        clock.advance(20)
        ringing = calls.record_signal(
            ctx.as_system(), signal(SignalKind.INCOMING, clock.now(), f"08123456780{index}")
        )
        assert ringing is not None
        _call, incident = calls.answer_call(ctx, ringing.id)
        incidents.add_note(ctx, incident.id, f'Catatan {index}: "kutip", ümlaut, 日本, \u2028 baris')
        if index == 0:
            dispatching.assign_units(ctx, incident.id, [unit(ctx, "DEMO-PSC-01").id])


def _rows(path: Path) -> list[tuple[int, int]]:
    with sqlite3.connect(path) as connection:
        return [
            (int(r[0]), int(r[1])) for r in connection.execute("SELECT id, seq FROM audit_log ORDER BY seq")
        ]


def _verify(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = maintenance(["verify", "--db", str(path)])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def _as_attacker(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    try:
        for trigger in ("no_update", "no_delete", "in_chain", "extend_chain"):
            connection.execute(f"DROP TRIGGER IF EXISTS audit_log_{trigger}")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


@pytest.fixture
def written(ctx: ServiceContext, clock: ManualClock, database: Database, db_path: Path) -> Path:
    _busy_hour(ctx, clock)
    database.dispose()
    return db_path


def test_every_audited_write_extends_one_chain_in_commit_order(written: Path) -> None:
    rows = _rows(written)
    assert len(rows) >= 15
    assert [seq for _id, seq in rows] == list(range(1, len(rows) + 1))
    # One writer at a time on SQLite: the commit order is also the id order.
    assert [row_id for row_id, _seq in rows] == sorted(row_id for row_id, _seq in rows)


def test_the_stored_hashes_follow_the_documented_form(written: Path) -> None:
    """An independent computation from docs/architecture.md, not the module's own functions."""
    connection = sqlite3.connect(written)
    try:
        stored = connection.execute(
            "SELECT seq, hash, at, user_id, user_name, console_id, console_name, action, entity, "
            "entity_id, detail FROM audit_log ORDER BY seq"
        ).fetchall()
        head = connection.execute("SELECT seq, hash FROM audit_chain_head").fetchall()
    finally:
        connection.close()
    previous = "0" * 64
    for seq, stored_hash, at, *content in stored:
        instant = datetime.fromisoformat(at).replace(tzinfo=UTC)
        form = ["dispatch-audit/1", seq, instant.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), *content]
        canonical = json.dumps(form, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        previous = hashlib.sha256(previous.encode("ascii") + b"\n" + canonical).hexdigest()
        assert stored_hash == previous, seq
    assert head == [(len(stored), previous)]


def test_verify_reports_an_intact_chain_and_exits_0(written: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "verify", "--db", str(written)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    rows = len(_rows(written))
    assert f"audit chain intact: {rows} rows; head seq {rows}" in result.stdout


def test_verify_names_a_deleted_row_and_exits_1(written: Path) -> None:
    _as_attacker(written, "DELETE FROM audit_log WHERE seq = 7")
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "verify", "--db", str(written)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "first broken link at seq 8" in result.stdout
    assert "rows 7..7 are missing (deleted)" in result.stdout


def _renumbered_delete(path: Path) -> None:
    # Deleting and closing the gap: the row after it no longer links to its new predecessor.
    _as_attacker(
        path,
        "DELETE FROM audit_log WHERE seq = 5",
        "UPDATE audit_log SET seq = seq + 1000000 WHERE seq > 5",
        "UPDATE audit_log SET seq = seq - 1000001 WHERE seq > 1000000",
        "UPDATE audit_chain_head SET seq = seq - 1",
    )


def _altered(path: Path) -> None:
    _as_attacker(path, "UPDATE audit_log SET user_name = 'budi' WHERE seq = 9")


def _altered_time(path: Path) -> None:
    _as_attacker(path, "UPDATE audit_log SET at = '2026-11-27 05:00:00.000001' WHERE seq = 9")


def _inserted_without_hash(path: Path) -> None:
    _as_attacker(
        path,
        "INSERT INTO audit_log (at, user_name, console_name, action, entity) "
        "VALUES ('2026-11-27 05:00:30.000000', 'sari', 'KONSOL-01', 'user.logout', 'user')",
    )


def _inserted_and_chained(path: Path) -> None:
    """A row made to look chained: its own hash computed from its predecessor, later rows moved on."""
    connection = sqlite3.connect(path)
    previous = connection.execute("SELECT hash FROM audit_log WHERE seq = 8").fetchone()[0]
    connection.close()
    at = datetime(2026, 11, 27, 5, 0, 30, tzinfo=UTC)
    content = {
        "at": at,
        "user_id": None,
        "user_name": "sari",
        "console_id": 1,
        "console_name": "KONSOL-01",
        "action": "call.classify",
        "entity": "call",
        "entity_id": "1",
        "detail": None,
    }
    forged = audit_chain.link_hash(previous, 9, content)
    _as_attacker(
        path,
        "UPDATE audit_log SET seq = seq + 1000000 WHERE seq >= 9",
        "UPDATE audit_log SET seq = seq - 999999 WHERE seq > 1000000",
        "INSERT INTO audit_log "
        "(at, user_name, console_id, console_name, action, entity, entity_id, seq, hash) "
        f"VALUES ('2026-11-27 05:00:30.000000', 'sari', 1, 'KONSOL-01', 'call.classify', 'call', '1', 9, "
        f"'{forged}')",
        "UPDATE audit_chain_head SET seq = seq + 1",
    )


def _tail_removed(path: Path) -> None:
    _as_attacker(path, "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")


def _head_forged_after_tail_removed(path: Path) -> None:
    """The head moved back to a genuine earlier link still breaks nothing in the rows: only an
    anchor kept elsewhere finds this; here the head's hash is left behind and that is found."""
    _as_attacker(
        path,
        "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)",
        "UPDATE audit_chain_head SET seq = seq - 1",
    )


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        (_renumbered_delete, "at seq 5 "),
        (_altered, "at seq 9 "),
        (_altered_time, "at seq 9 "),
        (_inserted_without_hash, "a row without a place in the chain"),
        (_inserted_and_chained, "at seq 10 "),
        (_tail_removed, "at chain head: the chain head names seq"),
        (_head_forged_after_tail_removed, "at chain head"),
    ],
)
def test_verify_finds_the_first_broken_link(
    written: Path, capsys: pytest.CaptureFixture[str], tamper: Callable[[Path], None], expected: str
) -> None:
    assert _verify(written, capsys)[0] == 0
    tamper(written)
    status, output = _verify(written, capsys)
    assert status == 1, output
    assert "audit chain BROKEN: first broken link" in output
    assert expected in output


def test_verify_cannot_check_what_is_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.sqlite3"
    status, output = _verify(missing, capsys)
    assert (status, missing.exists()) == (2, False)
    assert "no such database file" in output


def test_rows_from_before_the_chain_are_chained_by_the_upgrade(db_path: Path) -> None:
    engine = _create_engine(sqlite_url(db_path))
    try:
        upgrade_to_head(engine, "0005")
        with engine.begin() as connection:
            for minute in (3, 1, 2):  # ids in insertion order, times not
                connection.exec_driver_sql(
                    "INSERT INTO audit_log (at, user_name, console_name, action, entity, detail) "
                    f"VALUES ('2026-11-27 05:0{minute}:00.000000', 'system', 'KONSOL-LAMA', "
                    f"'call.incoming', 'call', '{{\"minute\": {minute}}}')"
                )
    finally:
        engine.dispose()
    database = open_database(sqlite_url(db_path))
    try:
        assert current_revision(database.engine) == head_revision()
        with database.engine.connect() as connection:
            report = audit_chain.verify(connection)
        assert report.intact, report.broken
        assert report.rows == 3
        with database.transaction() as session:
            rows = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        assert [(row.id, row.seq) for row in rows] == [(1, 1), (2, 2), (3, 3)]
    finally:
        database.dispose()


def test_writers_on_many_threads_keep_one_chain(ctx: ServiceContext, database: Database) -> None:
    errors: list[BaseException] = []

    def ring(worker: int) -> None:
        try:
            for index in range(15):
                calls.record_signal(
                    ctx.as_system(),
                    signal(
                        SignalKind.INCOMING, ctx.clock.now(), f"0812{worker:02d}{index:06d}", line=str(worker)
                    ),
                )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=ring, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with database.engine.connect() as connection:
        report = audit_chain.verify(connection)
    assert report.intact, report.broken
    with database.transaction() as session:
        incoming = session.scalars(select(AuditEntry.seq).where(AuditEntry.action == "call.incoming")).all()
    assert len(incoming) == 60


def _rewrite_everything_from(path: Path, seq: int) -> None:
    """An attacker who knows the form: alters a row and recomputes every hash after it, and the head."""
    database = open_database(sqlite_url(path), upgrade=False)
    try:
        with database.engine.connect() as connection:
            rows = connection.execute(
                select(audit_chain.audit_log).order_by(audit_chain.audit_log.c.seq)
            ).all()
    finally:
        database.dispose()
    previous = audit_chain.GENESIS
    statements = []
    for row in rows:
        content = {name: row._mapping[name] for name in audit_chain.CONTENT_COLUMNS}
        if row.seq == seq:
            content["user_name"] = "budi"
            statements.append(f"UPDATE audit_log SET user_name = 'budi' WHERE seq = {seq}")
        previous = audit_chain.link_hash(previous, row.seq, content)
        if row.seq >= seq:
            statements.append(f"UPDATE audit_log SET hash = '{previous}' WHERE seq = {row.seq}")
    statements.append(f"UPDATE audit_chain_head SET hash = '{previous}'")
    _as_attacker(path, *statements)


def test_an_anchor_written_down_finds_a_chain_recomputed_from_scratch(
    written: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(written) as connection:
        (anchor,) = connection.execute("SELECT hash FROM audit_log WHERE seq = 10").fetchone()
    assert maintenance(["verify", "--db", str(written), "--anchor", f"10:{anchor}"]) == 0
    _rewrite_everything_from(written, 6)
    capsys.readouterr()
    # Without the anchor the rewritten chain is consistent in itself: that is what the anchor is for.
    assert _verify(written, capsys)[0] == 0
    status = maintenance(["verify", "--db", str(written), "--anchor", f"10:{anchor}"])
    output = capsys.readouterr().out
    assert status == 1
    assert "first broken link at seq 10 " in output
    assert f"not the anchor's {anchor}" in output
    assert maintenance(["verify", "--db", str(written), "--anchor", f"99999:{anchor}"]) == 1
    assert "before the anchor's seq 99999" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("seq", "digest"),
    [("NULL", "NULL"), ("(SELECT seq + 1 FROM audit_chain_head)", "NULL"), ("1", f"'{'a' * 64}'")],
)
def test_the_database_refuses_a_row_that_does_not_extend_the_chain(
    ctx: ServiceContext, database: Database, seq: str, digest: str
) -> None:
    with database.engine.connect() as connection:
        head = connection.execute(text("SELECT seq, hash FROM audit_chain_head")).one()
    with pytest.raises(DBAPIError, match="must extend the hash chain"), database.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO audit_log (at, user_name, console_name, action, entity, seq, hash) "
                f"VALUES ('2026-11-27 05:00:30.000000', 'sari', 'KONSOL-01', 'user.logout', 'user', {seq}, "
                f"{digest})"
            )
        )
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT seq, hash FROM audit_chain_head")).one() == head
        assert audit_chain.verify(connection).intact


def _audit_row(action: str) -> AuditEntry:
    return AuditEntry(
        at=datetime(2026, 11, 27, 5, 0, tzinfo=UTC),
        user_name="system",
        console_name="KONSOL-01",
        action=action,
        entity="test",
    )


def test_flushes_of_one_transaction_read_the_head_once_and_a_rolled_back_savepoint_is_forgotten(
    database: Database,
) -> None:
    reads: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "FROM audit_chain_head" in statement:
            reads.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        with database.transaction() as session:
            session.add(_audit_row("first"))
            session.flush()
            session.add(_audit_row("second"))
            session.flush()
            assert len(reads) == 1
            savepoint = session.begin_nested()
            session.add(_audit_row("rolled.back"))
            session.flush()
            savepoint.rollback()
            session.add(_audit_row("third"))  # the head is read again: the savepoint's row is gone
        assert len(reads) == 2
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    with database.engine.connect() as connection:
        report = audit_chain.verify(connection)
        actions = connection.execute(text("SELECT action FROM audit_log ORDER BY seq")).scalars().all()
    assert report.intact, report.broken
    assert actions == ["first", "second", "third"]
