"""Databases as earlier versions of the console left them: migrated to a revision, rows written by SQL.

``make_database_at(path, "0003", "live")`` runs the real migrations 0001..0003 on a new file, then
writes rows into every table of that revision with plain ``sqlite3`` (the ORM describes only the
newest schema). ``content`` decides what the rows say about the database's kind:
``live`` (a call from an NCID feed, a unit PSC-01), ``simulated`` (a call from ``sim://``),
``demo`` (a unit of the demonstration roster) or ``unused`` (accounts only).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dispatch.store.database import _create_engine, sqlite_url, upgrade_to_head

AT = "2026-11-27 05:00:00.000000"


def make_database_at(path: Path, revision: str, content: str = "live") -> None:
    engine = _create_engine(sqlite_url(path))
    try:
        upgrade_to_head(engine, revision)
    finally:
        engine.dispose()
    connection = sqlite3.connect(path)
    try:
        with connection:
            _rows(connection, int(revision), content)
    finally:
        connection.close()


def _rows(db: sqlite3.Connection, level: int, content: str) -> None:
    db.execute(
        "INSERT INTO consoles (id, name, hostname, registered_at) VALUES (1, 'KONSOL-01', 'host', ?)", (AT,)
    )
    db.execute(
        "INSERT INTO users (id, username, full_name, role, password_hash, active, failed_logins, created_at) "
        "VALUES (1, 'sari', 'Sari Wulandari', 'supervisor', 'x', 1, 0, ?)",
        (AT,),
    )
    db.execute(
        "INSERT INTO audit_log (at, user_id, user_name, console_id, console_name, action, entity, entity_id) "
        "VALUES (?, 1, 'sari', 1, 'KONSOL-01', 'console.register', 'console', '1')",
        (AT,),
    )
    db.execute("INSERT INTO shifts (console_id, user_id, started_at) VALUES (1, 1, ?)", (AT,))
    if level < 2 or content == "unused":
        return
    call_sign = "DEMO-POL-01" if content == "demo" else "PSC-01"
    feed = "sim://?rate=2&seed=1" if content == "simulated" else "ncid://127.0.0.1:3333"
    db.execute(
        "INSERT INTO units (id, call_sign, agency_type, agency_name, station, lat, lon, capabilities, radio, "
        "status, status_since, active) VALUES (1, ?, 'police', 'Polrestabes', 'Jl. Pemuda', -6.98, 110.41, "
        "'patrol', 'HT 1', 'dispatched', ?, 1)",
        (call_sign, AT),
    )
    db.execute("INSERT INTO incident_counters (year, last) VALUES (2026, 1)")
    db.execute(
        "INSERT INTO incidents (id, number, category, priority, status, created_at, created_by, console_id, "
        "updated_at, caller_name, callback_number, province, regency, district, village, rt, rw, street, "
        "house_number, postcode, landmark) VALUES (1, '2026-000001', 'fire', 'P1', 'dispatched', ?, 1, 1, ?, "
        "'Budi', '081234567890', 'Jawa Tengah', 'Kota Semarang', 'Semarang Tengah', 'Pekunden', '01', '02', "
        "'Jl. Pandanaran', '12', '50134', 'dekat masjid')",
        (AT, AT),
    )
    db.execute(
        "INSERT INTO calls (id, feed, number_raw, number_e164, presentation, number_description, state, "
        "ring_at, answered_at, answered_by, console_id, incident_id) "
        "VALUES (1, ?, '081234567890', '+6281234567890', "
        "'allowed', 'Telkomsel', 'answered', ?, ?, 1, 1, 1)",
        (feed, AT, AT),
    )
    db.execute(
        "INSERT INTO feed_frames (feed, received_at, raw, decoded, call_id) "
        "VALUES (?, ?, x'52494e47', 'RING', 1)",
        (feed, AT),
    )
    db.execute(
        "INSERT INTO incident_notes (incident_id, at, author_id, console_id, kind, text) "
        "VALUES (1, ?, 1, 1, 'note', 'Asap dari lantai dua')",
        (AT,),
    )
    db.execute(
        "INSERT INTO assignments (id, incident_id, unit_id, dispatched_by, dispatched_at) "
        "VALUES (1, 1, 1, 1, ?)",
        (AT,),
    )
    db.execute(
        "INSERT INTO unit_status_history (unit_id, assignment_id, incident_id, from_status, to_status, at, "
        "user_id, console_id) VALUES (1, 1, 1, 'available', 'dispatched', ?, 1, 1)",
        (AT,),
    )
    db.execute(
        "INSERT INTO alerts (kind, raised_at, entity, entity_id, message) "
        "VALUES ('not_acknowledged', ?, 'unit', '1', '{}')",
        (AT,),
    )
    if level < 3:
        return
    db.execute(
        "INSERT INTO feed_outages (feed, console_id, started_at, ended_at, reason) "
        "VALUES (?, 1, ?, ?, 'reset')",
        (feed, AT, AT),
    )
    if level < 4:
        return
    db.execute("INSERT INTO callbacks (id, call_id, reason, opened_at) VALUES (1, 1, 'silent', ?)", (AT,))
    db.execute(
        "INSERT INTO callback_attempts (callback_id, at, user_id, console_id, outcome) "
        "VALUES (1, ?, 1, 1, 'no_answer')",
        (AT,),
    )
    db.execute(
        "INSERT INTO number_flags (number, kind, reason, at, user_id, console_id) "
        "VALUES ('+6281234567890', 'watch', 'pranks', ?, 1, 1)",
        (AT,),
    )


#: Rows every populated database keeps through any upgrade: (table, count).
KEPT_ROWS = {
    "consoles": 1,
    "users": 1,
    "shifts": 1,
    "units": 1,
    "incidents": 1,
    "calls": 1,
    "feed_frames": 1,
    "incident_notes": 1,
    "assignments": 1,
    "unit_status_history": 1,
}


#: Tables a later migration renamed: old name -> new name (0009: a person's time at a console).
RENAMED = {"shifts": "attendance"}


def row_counts(path: Path, tables: list[str]) -> dict[str, int]:
    """Rows per table, a renamed table counted under its old name (so counts before and after an
    upgrade compare)."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        present = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
        counts = {}
        for table in tables:
            name = table if table in present else RENAMED.get(table, table)
            counts[table] = connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        return counts
    finally:
        connection.close()


def revision_of(path: Path) -> str | None:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    finally:
        connection.close()
