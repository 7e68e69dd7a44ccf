"""Live or training, the console's mark, and upgrades that copy first and run one migration at a time."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from dispatch.store.database import (
    APPLICATION_ID,
    MARK,
    DatabaseKind,
    DatabaseRefused,
    RefusalReason,
    current_revision,
    head_revision,
    open_database,
    sqlite_url,
)
from tests.store.old_databases import KEPT_ROWS, make_database_at, revision_of, row_counts


def _listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _identity(path: Path) -> tuple[int, tuple[str, ...]]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        row = connection.execute(
            "SELECT mark, kind, kind_reason, console_version FROM database_identity"
        ).fetchall()
    finally:
        connection.close()
    assert len(row) == 1
    return application_id, tuple(row[0])


@pytest.mark.parametrize("kind", list(DatabaseKind))
def test_a_new_database_records_its_kind_and_the_mark(tmp_path: Path, kind: DatabaseKind) -> None:
    path = tmp_path / f"{kind.value}.sqlite3"
    database = open_database(sqlite_url(path), kind=kind)
    try:
        assert database.kind is kind
        assert database.backup is None  # nothing to copy
    finally:
        database.dispose()
    application_id, (mark, recorded, reason, version) = _identity(path)
    assert application_id == APPLICATION_ID
    assert (mark, recorded, reason) == (MARK, kind.value, "created")
    assert version  # the console's version, from the package


def test_without_a_kind_a_new_database_is_live_and_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    open_database(sqlite_url(path), kind=DatabaseKind.TRAINING).dispose()
    again = open_database(sqlite_url(path))
    try:
        assert again.kind is DatabaseKind.TRAINING
    finally:
        again.dispose()
    fresh = open_database(sqlite_url(tmp_path / "y.sqlite3"))
    try:
        assert fresh.kind is DatabaseKind.LIVE
    finally:
        fresh.dispose()


@pytest.mark.parametrize(
    ("made", "opened", "reason"),
    [
        (DatabaseKind.LIVE, DatabaseKind.TRAINING, RefusalReason.LIVE_IN_TRAINING),
        (DatabaseKind.TRAINING, DatabaseKind.LIVE, RefusalReason.TRAINING_IN_LIVE),
    ],
)
def test_the_other_kind_is_refused_untouched(
    tmp_path: Path, made: DatabaseKind, opened: DatabaseKind, reason: RefusalReason
) -> None:
    path = tmp_path / "centre.sqlite3"
    open_database(sqlite_url(path), kind=made).dispose()
    before, listing = _digest(path), _listing(tmp_path)
    with pytest.raises(DatabaseRefused) as refused:
        open_database(sqlite_url(path), kind=opened)
    assert refused.value.reason is reason
    assert _digest(path) == before
    assert _listing(tmp_path) == listing


def test_the_identity_row_is_written_once(database: object) -> None:
    engine = database.engine  # type: ignore[attr-defined]
    for statement in ("UPDATE database_identity SET kind = 'training'", "DELETE FROM database_identity"):
        with pytest.raises(IntegrityError, match="written once"), engine.begin() as connection:
            connection.execute(text(statement))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT kind FROM database_identity")).scalar_one() == "live"


# Upgrading a 0001-0004 database: which kind it is, decided by what it holds


@pytest.mark.parametrize(
    ("content", "kind", "reason"),
    [
        ("simulated", DatabaseKind.TRAINING, "upgrade:simulated-calls"),
        ("demo", DatabaseKind.TRAINING, "upgrade:demo-roster"),
        ("live", DatabaseKind.LIVE, "upgrade:live-calls"),
    ],
)
def test_an_unmarked_0004_database_is_classified_by_its_rows(
    tmp_path: Path, content: str, kind: DatabaseKind, reason: str
) -> None:
    path = tmp_path / "old.sqlite3"
    make_database_at(path, "0004", content)
    database = open_database(sqlite_url(path), kind=kind)
    try:
        assert database.kind is kind
        assert current_revision(database.engine) == head_revision()
    finally:
        database.dispose()
    assert _identity(path)[1][1:3] == (kind.value, reason)
    assert row_counts(path, list(KEPT_ROWS)) == KEPT_ROWS


@pytest.mark.parametrize("content", ["simulated", "demo"])
def test_an_old_training_database_is_refused_by_a_live_console_before_any_upgrade(
    tmp_path: Path, content: str
) -> None:
    path = tmp_path / "old.sqlite3"
    make_database_at(path, "0004", content)
    before, listing = _digest(path), _listing(tmp_path)
    with pytest.raises(DatabaseRefused) as refused:
        open_database(sqlite_url(path), kind=DatabaseKind.LIVE)
    assert refused.value.reason is RefusalReason.TRAINING_IN_LIVE
    assert (_digest(path), _listing(tmp_path)) == (before, listing)  # no upgrade, no copy


@pytest.mark.parametrize("kind", list(DatabaseKind))
def test_an_unused_old_database_takes_the_kind_it_is_opened_as(tmp_path: Path, kind: DatabaseKind) -> None:
    path = tmp_path / "old.sqlite3"
    make_database_at(path, "0004", "unused")
    open_database(sqlite_url(path), kind=kind).dispose()
    assert _identity(path)[1][1:3] == (kind.value, "upgrade:unused")


@pytest.mark.parametrize("revision", ["0001", "0002", "0003", "0004"])
def test_each_old_revision_upgrades_and_keeps_its_rows(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "old.sqlite3"
    make_database_at(path, revision, "live")
    tables = list(KEPT_ROWS) if revision != "0001" else ["consoles", "users", "shifts"]
    counts = row_counts(path, tables)
    open_database(sqlite_url(path), kind=DatabaseKind.LIVE).dispose()
    assert revision_of(path) == head_revision()
    assert row_counts(path, tables) == counts
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()


def test_a_copy_is_taken_before_an_upgrade_and_named_in_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "dispatch.sqlite3"
    make_database_at(path, "0003", "live")
    counts = row_counts(path, list(KEPT_ROWS))
    with caplog.at_level(logging.WARNING, logger="dispatch.store.database"):
        database = open_database(sqlite_url(path), kind=DatabaseKind.LIVE)
    try:
        backup = database.backup
    finally:
        database.dispose()
    assert backup is not None
    assert backup.parent == tmp_path
    assert backup.name.startswith("dispatch.backup-0003-")
    assert backup.name.endswith("Z.sqlite3")
    assert str(backup) in caplog.text
    assert revision_of(backup) == "0003"  # the database as it was, complete
    assert row_counts(backup, list(KEPT_ROWS)) == counts
    # Reopening at head takes no further copy.
    again = open_database(sqlite_url(path), kind=DatabaseKind.LIVE)
    try:
        assert again.backup is None
    finally:
        again.dispose()
    assert [name for name in _listing(tmp_path) if ".backup-" in name] == [backup.name]


def test_a_failing_migration_leaves_the_revision_before_it_intact(tmp_path: Path) -> None:
    """0004 recreates incidents, notes and units (batch operations) and then checks foreign keys: a
    note pointing at no incident makes it fail, and everything it did is rolled back."""
    path = tmp_path / "old.sqlite3"
    make_database_at(path, "0003", "live")
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO incident_notes (incident_id, at, kind, text) "
            "VALUES (99, '2026-11-27 05:00:00', 'note', 'x')"
        )
    schema_before = connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    connection.close()
    with pytest.raises(DatabaseRefused) as refused:
        open_database(sqlite_url(path), kind=DatabaseKind.LIVE)
    assert refused.value.reason is RefusalReason.UPGRADE_FAILED
    assert "left at revision 0003" in refused.value.detail
    assert ".backup-0003-" in refused.value.detail
    assert revision_of(path) == "0003"
    connection = sqlite3.connect(path)
    try:
        assert (
            connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
            == schema_before
        )
    finally:
        connection.close()


# What is not the console's, though it looks close


def _with_sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    try:
        with connection:
            for statement in statements:
                connection.execute(statement)
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        # An old revision of ours, but with a table we never made.
        (("CREATE TABLE recipes (id INTEGER PRIMARY KEY)",), RefusalReason.FOREIGN),
        # An old revision of ours, missing one of its tables.
        (("DROP TABLE number_flags",), RefusalReason.FOREIGN),
        # Another program that numbers its revisions like we do: 0005 without our mark.
        (("UPDATE alembic_version SET version_num = '0005'",), RefusalReason.FOREIGN),
        # Another program's application_id.
        (("PRAGMA application_id = 1234",), RefusalReason.FOREIGN),
        # An unknown revision without our mark: another Alembic program, not a newer console.
        (("UPDATE alembic_version SET version_num = '9999_future'",), RefusalReason.FOREIGN),
    ],
    ids=["extra-table", "missing-table", "0005-unmarked", "application-id", "unknown-unmarked"],
)
def test_an_unmarked_look_alike_is_foreign(
    tmp_path: Path, change: tuple[str, ...], reason: RefusalReason
) -> None:
    path = tmp_path / "old.sqlite3"
    make_database_at(path, "0004", "live")
    _with_sql(path, *change)
    before, listing = _digest(path), _listing(tmp_path)
    with pytest.raises(DatabaseRefused) as refused:
        open_database(sqlite_url(path))
    assert refused.value.reason is reason
    assert (_digest(path), _listing(tmp_path)) == (before, listing)


def test_a_marked_database_with_an_unknown_revision_is_newer(tmp_path: Path) -> None:
    path = tmp_path / "ours.sqlite3"
    open_database(sqlite_url(path)).dispose()
    _with_sql(path, "UPDATE alembic_version SET version_num = '0042'")
    with pytest.raises(DatabaseRefused) as refused:
        open_database(sqlite_url(path))
    assert refused.value.reason is RefusalReason.NEWER


def test_a_marked_database_without_its_application_id_is_foreign(tmp_path: Path) -> None:
    path = tmp_path / "ours.sqlite3"
    open_database(sqlite_url(path)).dispose()
    _with_sql(path, "PRAGMA application_id = 0")
    with pytest.raises(DatabaseRefused) as refused:
        open_database(sqlite_url(path))
    assert refused.value.reason is RefusalReason.FOREIGN
