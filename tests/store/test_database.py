"""Opening, upgrading and refusing SQLite files, and what the database itself enforces."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError

from dispatch.catalogue_files import load_demo_roster
from dispatch.domain.clock import ManualClock
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.services import accounts, calls, dispatching
from dispatch.services.bus import ChangeBus
from dispatch.store.database import (
    SQLITE_HEADER,
    Database,
    DatabaseRefused,
    RefusalReason,
    _create_engine,
    current_revision,
    head_revision,
    open_database,
    sqlite_url,
    upgrade_to_head,
)
from dispatch.store.tables import AuditEntry, Console, User
from tests.conftest import START, SUPERVISOR_PASSWORD

SIDE_FILES = ("-wal", "-shm", "-journal")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _side_files(path: Path) -> list[str]:
    return [path.name + suffix for suffix in SIDE_FILES if path.with_name(path.name + suffix).exists()]


def _assert_refused(path: Path, reason: RefusalReason) -> DatabaseRefused:
    """Open ``path``, expect the refusal, and check that nothing on disk changed."""
    before = _digest(path) if path.is_file() else None
    with pytest.raises(DatabaseRefused) as refused:
        open_database(sqlite_url(path))
    assert refused.value.reason is reason
    if before is not None:
        assert _digest(path) == before
    assert _side_files(path) == []
    return refused.value


def _make_console_database(path: Path) -> None:
    """A real console database with rows in most tables, closed cleanly."""
    database = open_database(sqlite_url(path))
    try:
        ctx = accounts.register_console(database, ManualClock(START), ChangeBus(), "KONSOL-01", "host")
        accounts.create_first_supervisor(
            ctx, "sari", "Sari Wulandari", SUPERVISOR_PASSWORD, SUPERVISOR_PASSWORD
        )
        actor = accounts.log_in(ctx, "sari", SUPERVISOR_PASSWORD).actor
        assert actor is not None
        ctx = ctx.acting_as(actor)
        dispatching.load_roster(ctx, load_demo_roster())
        number = parse_caller_number("081234567890")
        view = calls.record_signal(
            ctx.as_system(), CallSignal(SignalKind.INCOMING, "test://feed", START, number, b"RING 0812")
        )
        assert view is not None
        calls.answer_call(ctx, view.id)
    finally:
        database.dispose()
    assert _side_files(path) == []


@pytest.fixture
def console_db(tmp_path: Path) -> Path:
    path = tmp_path / "console.sqlite3"
    _make_console_database(path)
    return path


# Opening and upgrading


def test_a_fresh_file_gets_the_head_revision(db_path: Path) -> None:
    database = open_database(sqlite_url(db_path))
    try:
        assert current_revision(database.engine) == head_revision()
    finally:
        database.dispose()
    assert db_path.read_bytes().startswith(SQLITE_HEADER)


def test_reopening_a_console_database_keeps_its_rows(console_db: Path) -> None:
    for _ in range(2):
        database = open_database(sqlite_url(console_db))
        try:
            assert current_revision(database.engine) == head_revision()
            with database.transaction() as session:
                assert session.scalars(select(Console.name)).all() == ["KONSOL-01"]
        finally:
            database.dispose()


def test_an_older_database_is_upgraded_and_its_rows_survive(db_path: Path) -> None:
    engine = _create_engine(sqlite_url(db_path))
    try:
        upgrade_to_head(engine, "0001")
        assert current_revision(engine) == "0001"
        with engine.begin() as connection:
            assert "calls" not in {
                row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")
            }
            connection.execute(
                text(
                    "INSERT INTO consoles (name, hostname, registered_at) "
                    "VALUES ('KONSOL-LAMA', 'old-host', '2025-06-01 01:02:03.000000')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO users (username, full_name, role, password_hash, active, failed_logins, "
                    "created_at) VALUES ('budi', 'Budi Santoso', 'call_taker', 'x', 1, 0, "
                    "'2025-06-01 01:02:03.000000')"
                )
            )
    finally:
        engine.dispose()

    database = open_database(sqlite_url(db_path))
    try:
        assert current_revision(database.engine) == head_revision()
        with database.transaction() as session:
            console = session.scalars(select(Console)).one()
            user = session.scalars(select(User)).one()
            assert session.execute(text("SELECT count(*) FROM calls")).scalar_one() == 0
    finally:
        database.dispose()
    assert (console.name, console.hostname) == ("KONSOL-LAMA", "old-host")
    assert console.registered_at == datetime(2025, 6, 1, 1, 2, 3, tzinfo=UTC)
    assert (user.username, user.full_name, user.role) == ("budi", "Budi Santoso", "call_taker")


def test_an_empty_file_is_a_new_database(db_path: Path) -> None:
    db_path.touch()
    database = open_database(sqlite_url(db_path))
    try:
        assert current_revision(database.engine) == head_revision()
    finally:
        database.dispose()


# Refusals: each leaves the file byte-for-byte as it was


def test_a_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Shift handover: nothing to report.\n" * 40, encoding="utf-8")
    _assert_refused(path, RefusalReason.NOT_A_DATABASE)


def test_a_directory_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "folder.sqlite3"
    path.mkdir()
    _assert_refused(path, RefusalReason.NOT_A_DATABASE)
    assert path.is_dir()
    assert list(path.iterdir()) == []


def test_a_truncated_database_is_corrupt(console_db: Path) -> None:
    data = console_db.read_bytes()
    console_db.write_bytes(data[: len(data) // 2])
    _assert_refused(console_db, RefusalReason.CORRUPT)


def _page_size(data: bytes) -> int:
    size = int.from_bytes(data[16:18], "big")
    return 65536 if size == 1 else size


def _garbage(length: int) -> bytes:
    return bytes((index * 151 + 77) % 256 for index in range(length))


@pytest.mark.parametrize(
    "where",
    [
        # Page 1 after the 100-byte file header: b-tree page header, cell pointers and what follows.
        "page_one_after_header",
        # The cells at the end of page 1: the entries of sqlite_master itself.
        "sqlite_master_cells",
    ],
)
def test_garbage_in_the_schema_page_is_corrupt(console_db: Path, where: str) -> None:
    data = bytearray(console_db.read_bytes())
    page_size = _page_size(data)
    if where == "page_one_after_header":
        start, end = 100, page_size - 100
    else:
        start, end = int.from_bytes(data[105:107], "big") or 65536, page_size
        assert 100 < start < end
    data[start:end] = _garbage(end - start)
    console_db.write_bytes(bytes(data))
    _assert_refused(console_db, RefusalReason.CORRUPT)


def test_a_database_from_a_newer_console_is_refused(console_db: Path) -> None:
    connection = sqlite3.connect(console_db)
    try:
        with connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    finally:
        connection.close()
    refused = _assert_refused(console_db, RefusalReason.NEWER)
    assert "9999_future" in refused.detail


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_another_applications_database_is_foreign(tmp_path: Path, journal_mode: str) -> None:
    path = tmp_path / "recipes.db"
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA journal_mode={journal_mode}")
        with connection:
            connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
            connection.execute("INSERT INTO recipes (name) VALUES ('soto ayam'), ('lumpia')")
    finally:
        connection.close()
    refused = _assert_refused(path, RefusalReason.FOREIGN)
    assert "recipes" in refused.detail


# What the database itself enforces


@pytest.fixture
def audited_database(database: Database) -> Database:
    accounts.register_console(database, ManualClock(START), ChangeBus(), "KONSOL-01", "host")
    return database


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET action = 'nothing.happened'",
        "UPDATE audit_log SET user_name = 'someone-else' WHERE id = 1",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE id = 1",
    ],
)
def test_the_audit_log_is_append_only(audited_database: Database, statement: str) -> None:
    with pytest.raises(IntegrityError, match="append-only"), audited_database.engine.begin() as connection:
        connection.execute(text(statement))
    with audited_database.transaction() as session:
        rows = session.scalars(select(AuditEntry)).all()
    assert [(row.id, row.action, row.user_name) for row in rows] == [(1, "console.register", "system")]


def test_the_audit_log_still_takes_new_rows(audited_database: Database) -> None:
    accounts.register_console(audited_database, ManualClock(START), ChangeBus(), "KONSOL-02", "host")
    with audited_database.transaction() as session:
        assert session.scalars(select(AuditEntry.action)).all() == ["console.register"] * 2


def test_every_connection_gets_the_pragmas(database: Database) -> None:
    with database.engine.connect() as first, database.engine.connect() as second:
        for connection in (first, second):
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == 5000


def test_foreign_keys_are_enforced(database: Database) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO attendance (console_id, user_id, started_at, position) "
                "VALUES (41, 42, '2026-01-01 00:00:00.000000', '')"
            )
        )


def test_a_naive_datetime_is_refused_on_write(database: Database) -> None:
    naive = datetime(2026, 1, 1, 12)  # noqa: DTZ001
    with database.sessions() as session:
        session.add(Console(name="KONSOL-01", hostname="host", registered_at=naive))
        with pytest.raises(StatementError, match="naive datetime refused"):
            session.flush()
    with database.transaction() as session:
        assert session.scalars(select(Console)).all() == []


def test_datetimes_come_back_as_utc(database: Database) -> None:
    wib = timezone(timedelta(hours=7), "WIB")
    local_noon = datetime(2026, 11, 27, 12, 0, 0, 123456, tzinfo=wib)
    with database.transaction() as session:
        session.add(Console(name="KONSOL-01", hostname="host", registered_at=local_noon))
    with database.transaction() as session:
        stored = session.scalars(select(Console.registered_at)).one()
        raw = session.execute(text("SELECT registered_at FROM consoles")).scalar_one()
    assert stored == local_noon
    assert stored.tzinfo is UTC
    assert stored == datetime(2026, 11, 27, 5, 0, 0, 123456, tzinfo=UTC)
    assert str(raw).startswith("2026-11-27 05:00:00.123456")


# Arbitrary bytes: opened only when SQLite sees an empty database or ours, refused otherwise


@pytest.fixture(scope="module")
def pristine_console_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once and only ever read (a path, not bytes: hypothesis prints its arguments)."""
    path = tmp_path_factory.mktemp("console") / "console.sqlite3"
    _make_console_database(path)
    return path


def _sqlite_tables(data: bytes) -> list[str] | None:
    """The tables SQLite sees in ``data``, or None if it is not a readable database."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "copy.sqlite3"
        path.write_bytes(data)
        try:
            connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        except sqlite3.Error:
            return None
        try:
            return [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        except sqlite3.DatabaseError:
            return None
        finally:
            connection.close()


def _mutated(base: bytes, edits: list[tuple[int, bytes]]) -> bytes:
    data = bytearray(base)
    for offset, chunk in edits:
        position = offset % len(data)
        data[position : position + len(chunk)] = chunk
    return bytes(data[: len(base)])


def _with_page_size(rest: bytes) -> bytes:
    # A plausible header start (page size 4096, format 1/1), so that the check goes past the header.
    return SQLITE_HEADER + b"\x10\x00\x01\x01" + rest


_arbitrary_files = st.one_of(
    st.binary(max_size=2048),
    st.binary(max_size=4096).map(lambda rest: SQLITE_HEADER + rest),
    st.binary(min_size=80, max_size=8192).map(_with_page_size),
)


def _check_arbitrary(data: bytes, expect_ours: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "arbitrary.sqlite3"
        path.write_bytes(data)
        try:
            database = open_database(sqlite_url(path))
        except DatabaseRefused:
            assert path.read_bytes() == data
            assert _side_files(path) == []
            return
        try:
            assert current_revision(database.engine) == head_revision()
        finally:
            database.dispose()
        if expect_ours:
            return
        assert data == b"" or _sqlite_tables(data) == [], "opened a file that is neither empty nor ours"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_arbitrary_files)
def test_arbitrary_bytes_are_opened_only_if_empty_or_refused_unchanged(data: bytes) -> None:
    _check_arbitrary(data, expect_ours=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.integers(min_value=0), st.binary(min_size=1, max_size=64)), max_size=4))
def test_a_damaged_console_database_is_opened_only_if_intact(
    pristine_console_db: Path, edits: list[tuple[int, bytes]]
) -> None:
    _check_arbitrary(_mutated(pristine_console_db.read_bytes(), edits), expect_ours=True)
