"""Migration 0010: full text over the notes people wrote, filled at upgrade and kept by a trigger."""

from __future__ import annotations

import importlib.util
import sqlite3
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

from dispatch.store import tables
from dispatch.store.database import (
    MIGRATIONS_DIR,
    DatabaseKind,
    _create_engine,
    open_database,
    sqlite_url,
    upgrade_to_head,
)
from tests.store.old_databases import AT, make_database_at

WRITTEN = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)


def _migration() -> ModuleType:
    path = MIGRATIONS_DIR / "versions" / "0010_note_search.py"
    spec = importlib.util.spec_from_file_location("migration_0010", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_queries_name_what_the_migration_made() -> None:
    migration = _migration()
    assert migration.SEARCH_TABLE == tables.NOTE_SEARCH_TABLE
    assert migration.SEARCHABLE == tables.NOTE_SEARCHABLE
    assert migration.VECTOR == tables.NOTE_SEARCH_VECTOR
    assert (migration.FOLD_FROM, migration.FOLD_TO) == (tables.NOTE_FOLD_FROM, tables.NOTE_FOLD_TO)


def test_the_fold_is_unicodes_own_decomposition() -> None:
    """Each accented Latin letter stands against the one ASCII letter it decomposes to; marks go."""
    expected_from, expected_to = "", ""
    for code in range(0xC0, 0x250):
        letter = unicodedata.normalize("NFKD", chr(code))
        base = "".join(c for c in letter if not unicodedata.combining(c))
        if len(base) == 1 and base != chr(code) and base.isascii() and base.isalpha():
            expected_from, expected_to = expected_from + chr(code), expected_to + base
    marks = "".join(chr(code) for code in range(0x300, 0x370))
    assert expected_from + marks == tables.NOTE_FOLD_FROM
    assert expected_to == tables.NOTE_FOLD_TO
    assert {unicodedata.category(mark) for mark in marks} == {"Mn"}


def _found(path: Path, query: str) -> list[int]:
    connection = sqlite3.connect(path)
    try:
        return [
            row[0]
            for row in connection.execute(
                f"SELECT rowid FROM {tables.NOTE_SEARCH_TABLE} WHERE {tables.NOTE_SEARCH_TABLE} MATCH ? "
                "ORDER BY rowid",
                (query,),
            )
        ]
    finally:
        connection.close()


def test_an_older_database_gets_its_notes_indexed_and_new_ones_follow(tmp_path: Path) -> None:
    path = tmp_path / "dispatch.sqlite3"
    make_database_at(path, "0004", "live")  # note 1: 'Asap dari lantai dua' (narrative)
    engine = _create_engine(sqlite_url(path))
    try:
        upgrade_to_head(engine, "0009", kind=DatabaseKind.LIVE, kind_reason="upgrade:live-calls")
    finally:
        engine.dispose()
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO incident_notes (id, incident_id, at, author_id, console_id, kind, text) "
            "VALUES (?, 1, ?, 1, 1, ?, ?)",
            [
                (2, AT, "system", "unit.dispatched PSC-01"),
                (3, AT, "protocol", "Korban terjebak? Ya"),
                (4, AT, "narrative", "Pemilik rumah Bu Sèkar di lantai dua"),
            ],
        )
    connection.close()

    database = open_database(sqlite_url(path), kind=DatabaseKind.LIVE)
    try:
        assert _found(path, '"lantai" "dua"') == [1, 4]
        assert _found(path, '"sekar"') == [4]  # accents folded
        assert _found(path, '"terjeb"*') == [3]
        assert _found(path, '"dispatched"') == []  # system notes are codes, not searched
        with database.transaction() as session:
            session.add(
                tables.IncidentNote(
                    incident_id=1,
                    at=WRITTEN,
                    author_id=1,
                    console_id=1,
                    kind="narrative",
                    text="Api sudah padam",
                )
            )
            session.add(
                tables.IncidentNote(
                    incident_id=1,
                    at=WRITTEN,
                    author_id=1,
                    console_id=1,
                    kind="system",
                    text="unit.status padam",
                )
            )
    finally:
        database.dispose()
    assert _found(path, '"padam"') == [5]


def test_the_numbers_calls_came_from_are_kept_once(tmp_path: Path) -> None:
    """Migration 0012: filled from the calls at upgrade, then by the insert trigger."""
    path = tmp_path / "dispatch.sqlite3"
    make_database_at(path, "0004", "live")  # call 1: 081234567890 / +6281234567890
    open_database(sqlite_url(path), kind=DatabaseKind.LIVE).dispose()
    connection = sqlite3.connect(path)
    try:
        with connection:
            for call_id, raw, e164 in (
                (2, "081234567890", "+6281234567890"),
                (3, "P", None),
                (4, "0248311234", "+62248311234"),
            ):
                connection.execute(
                    "INSERT INTO calls (id, feed, number_raw, number_e164, presentation, number_description, "
                    "state, ring_at) VALUES (?, 'ncid://x', ?, ?, 'allowed', '', 'ended', ?)",
                    (call_id, raw, e164, AT),
                )
        numbers = sorted(row[0] for row in connection.execute("SELECT number FROM call_numbers"))
    finally:
        connection.close()
    assert numbers == ["+62248311234", "+6281234567890", "0248311234", "081234567890", "P"]


def test_every_table_of_a_new_database_reads_with_plain_sqlite(tmp_path: Path) -> None:
    """The start-up check reads one row of every table, the virtual one and its shadows included."""
    path = tmp_path / "dispatch.sqlite3"
    open_database(sqlite_url(path)).dispose()
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert tables.NOTE_SEARCH_TABLE in names
        for name in names:
            connection.execute(f'SELECT * FROM "{name}" LIMIT 1').fetchall()
    finally:
        connection.close()
    reopened = open_database(sqlite_url(path))
    reopened.dispose()
