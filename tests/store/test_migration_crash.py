"""A SIGKILL inside every migration leaves a database that opens at the revision before it and
upgrades on the next start (each migration is one transaction, on SQLite too)."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from dispatch.store.database import (
    REVISIONS,
    DatabaseKind,
    _create_engine,
    head_revision,
    open_database,
    sqlite_url,
    upgrade_to_head,
)
from tests.store.migration_kill_child import is_version_write, is_write
from tests.store.old_databases import KEPT_ROWS, make_database_at, revision_of, row_counts

ROOT = Path(__file__).resolve().parents[2]


def _database_before(path: Path, revision: str) -> None:
    """A database with rows at ``revision``'s predecessor (no file at all before 0001)."""
    position = REVISIONS.index(revision)
    if position == 0:
        return
    previous = REVISIONS[position - 1]
    make_database_at(path, min(previous, "0004"), "live")
    if previous > "0004":
        engine = _create_engine(sqlite_url(path))
        try:
            upgrade_to_head(engine, previous, kind=DatabaseKind.LIVE, kind_reason="upgrade:live-calls")
        finally:
            engine.dispose()


def _writes_in_first_migration(path: Path) -> int:
    """How many writing statements the next migration makes, its version update last (on a copy)."""
    writes: list[str] = []

    def after(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if is_write(statement):
            writes.append(statement)

    event.listen(Engine, "after_cursor_execute", after)
    try:
        open_database(sqlite_url(path), kind=DatabaseKind.LIVE).dispose()
    finally:
        event.remove(Engine, "after_cursor_execute", after)
    return next(number for number, statement in enumerate(writes, 1) if is_version_write(statement))


@pytest.mark.timeout(600)
@pytest.mark.parametrize("revision", REVISIONS)
def test_a_kill_inside_the_migration_leaves_the_revision_before_it(tmp_path: Path, revision: str) -> None:
    template = tmp_path / "template.sqlite3"
    _database_before(template, revision)
    previous = None if revision == REVISIONS[0] else REVISIONS[REVISIONS.index(revision) - 1]
    probe = tmp_path / "probe" / "dispatch.sqlite3"
    probe.parent.mkdir()
    if template.exists():
        shutil.copyfile(template, probe)
    last = _writes_in_first_migration(probe)
    assert last >= 1
    # The first write, one in the middle, and the version update itself (all before the commit).
    for kill_at in sorted({1, max(1, last // 2), last}):
        folder = tmp_path / f"kill-{kill_at}"
        folder.mkdir()
        path = folder / "dispatch.sqlite3"
        if template.exists():
            shutil.copyfile(template, path)
        child = subprocess.run(
            [sys.executable, "-m", "tests.store.migration_kill_child", str(path), str(kill_at)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert child.returncode == -signal.SIGKILL, (kill_at, child.stdout, child.stderr)
        if previous is None:
            tables = (
                sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
                .execute("SELECT name FROM sqlite_master")
                .fetchall()
            )
            assert tables == []  # as if never created
        else:
            assert revision_of(path) == previous, kill_at
            backups = [entry.name for entry in folder.iterdir() if f".backup-{previous}-" in entry.name]
            assert len(backups) == 1
        # The next start upgrades it, rows intact.
        database = open_database(sqlite_url(path), kind=DatabaseKind.LIVE)
        database.dispose()
        assert revision_of(path) == head_revision()
        if previous is not None and previous >= "0002":
            assert row_counts(path, list(KEPT_ROWS)) == KEPT_ROWS
        connection = sqlite3.connect(path)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            assert connection.execute("SELECT kind FROM database_identity").fetchall() == [("live",)]
        finally:
            connection.close()
