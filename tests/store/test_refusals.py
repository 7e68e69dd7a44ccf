"""Ten kinds of file that must be refused untouched: the same bytes, and no file appears beside them."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from dispatch.store.database import DatabaseKind, DatabaseRefused, RefusalReason, open_database, sqlite_url


def _make_console_database(path: Path) -> None:
    open_database(sqlite_url(path), kind=DatabaseKind.LIVE).dispose()


def zeros(path: Path) -> None:
    """Not empty, not SQLite: a preallocated file of NUL bytes."""
    path.write_bytes(bytes(4096))


def text_file(path: Path) -> None:
    path.write_text("Daftar piket malam\nSari, Budi, Dewi\n" * 50, encoding="utf-8")


def truncated(path: Path) -> None:
    _make_console_database(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def corrupt_page(path: Path) -> None:
    """A table's page overwritten: the header and the schema are fine, quick_check is not."""
    _make_console_database(path)
    connection = sqlite3.connect(path)
    try:
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'alembic_version'"
        ).fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xde\xad\xbe\xef" * (page_size // 4)
    path.write_bytes(bytes(data))


def _foreign(path: Path, journal_mode: str = "delete") -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA journal_mode={journal_mode}")
    with connection:
        connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        connection.execute("INSERT INTO recipes (name) VALUES ('soto ayam'), ('lumpia')")
    return connection


def foreign_app(path: Path) -> None:
    _foreign(path).close()


def other_alembic_program(path: Path) -> None:
    connection = _foreign(path)
    with connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
    connection.close()


def newer_console(path: Path) -> None:
    _make_console_database(path)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    connection.close()


def foreign_wal_with_wal_file(path: Path) -> None:
    """A WAL database of another program, its last writes still in the -wal (copied while open)."""
    source = path.with_name("source.db")
    connection = _foreign(source, "wal")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    with connection:
        connection.execute("INSERT INTO recipes (name) VALUES ('gado-gado')")
    shutil.copyfile(source, path)
    shutil.copyfile(source.with_name("source.db-wal"), path.with_name(path.name + "-wal"))
    connection.close()
    source.unlink()
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def directory(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("x", encoding="utf-8")


def unreadable(path: Path) -> None:
    """A link to itself: the system refuses to open it, for root too (permissions do not stop root)."""
    path.symlink_to(path.name)


KINDS: list[tuple[Callable[[Path], None], RefusalReason]] = [
    (zeros, RefusalReason.NOT_A_DATABASE),
    (text_file, RefusalReason.NOT_A_DATABASE),
    (truncated, RefusalReason.CORRUPT),
    (corrupt_page, RefusalReason.CORRUPT),
    (foreign_app, RefusalReason.FOREIGN),
    (other_alembic_program, RefusalReason.FOREIGN),
    (newer_console, RefusalReason.NEWER),
    (foreign_wal_with_wal_file, RefusalReason.FOREIGN),
    (directory, RefusalReason.NOT_A_DATABASE),
    (unreadable, RefusalReason.UNREACHABLE),
]


def _state(folder: Path) -> dict[str, str]:
    """Every entry of the folder (recursively) with a digest of its bytes, or what it is."""
    state = {}
    for entry in sorted(folder.rglob("*")):
        name = str(entry.relative_to(folder))
        if entry.is_symlink():
            state[name] = "link -> " + str(entry.readlink())
        elif entry.is_dir():
            state[name] = "directory"
        else:
            state[name] = hashlib.sha256(entry.read_bytes()).hexdigest()
    return state


@pytest.mark.parametrize("kind", [DatabaseKind.LIVE, DatabaseKind.TRAINING, None])
@pytest.mark.parametrize(("make", "reason"), KINDS, ids=[make.__name__ for make, _ in KINDS])
def test_refused_untouched(
    tmp_path: Path, make: Callable[[Path], None], reason: RefusalReason, kind: DatabaseKind | None
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "dispatch.sqlite3"
    make(path)
    before = _state(folder)
    with pytest.raises(DatabaseRefused) as refused:
        open_database(sqlite_url(path), kind=kind)
    assert refused.value.reason is reason, refused.value
    assert refused.value.location == str(path)
    assert _state(folder) == before
