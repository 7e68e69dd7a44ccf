"""Every start-up failure ends in the refusal dialog, never a traceback: the real command in a child
process (offscreen), its dialogs read and closed, its stderr and exit status checked."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from dispatch.store.database import DatabaseKind, open_database, sqlite_url
from tests.store import test_refusals

ROOT = Path(__file__).resolve().parents[2]
EXIT_REFUSED = 3


def _start(tmp_path: Path, *args: str, **extra_env: str) -> tuple[int, list[dict[str, str]], str]:
    env = {
        **os.environ,
        **extra_env,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),  # settings and the default database files stay in the test
        "XDG_CONFIG_HOME": str(tmp_path / "home" / "config"),
        "XDG_DATA_HOME": str(tmp_path / "home" / "data"),
    }
    child = subprocess.run(
        [sys.executable, "-m", "tests.store.startup_child", "--lang", "en", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    shown = [json.loads(line) for line in child.stdout.splitlines() if line.startswith("{")]
    return child.returncode, shown, child.stderr


def _assert_refused(tmp_path: Path, args: list[str], *words: str, **extra_env: str) -> str:
    code, shown, stderr = _start(tmp_path, *args, **extra_env)
    assert "Traceback" not in stderr, stderr
    assert code == EXIT_REFUSED, (code, shown, stderr)
    assert len(shown) == 1, shown
    assert "title" in shown[0]
    for word in words:
        assert word in shown[0]["text"], shown[0]["text"]
    return shown[0]["text"]


def test_a_training_console_refuses_the_live_database_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "live.sqlite3"
    open_database(sqlite_url(path), kind=DatabaseKind.LIVE).dispose()
    before = path.read_bytes()
    _assert_refused(tmp_path, ["--db", str(path), "--simulator"], "live database", "training mode", str(path))
    assert path.read_bytes() == before


def test_a_live_console_refuses_the_training_database_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "training.sqlite3"
    open_database(sqlite_url(path), kind=DatabaseKind.TRAINING).dispose()
    _assert_refused(tmp_path, ["--db", str(path), "--live"], "training database", "starting live")


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (test_refusals.other_alembic_program, "another program"),
        (test_refusals.corrupt_page, "damaged"),
        (test_refusals.directory, "not a database"),
        # Resolving the path already fails (ui/settings.database_url): the start-up failure dialog.
        (test_refusals.unreadable, "could not start"),
    ],
    ids=["other-alembic", "corrupt", "directory", "unreadable"],
)
def test_a_refused_file_ends_in_the_dialog(tmp_path: Path, make: Callable[[Path], None], words: str) -> None:
    path = tmp_path / "given.sqlite3"
    make(path)
    _assert_refused(tmp_path, ["--db", str(path), "--live"], words, str(path.name))


def test_a_database_locked_by_another_process_ends_in_the_dialog(tmp_path: Path) -> None:
    path = tmp_path / "live.sqlite3"
    open_database(sqlite_url(path), kind=DatabaseKind.LIVE).dispose()
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        # Each of the start's tries waits 0.3 s for the lock instead of 5 s (tests/store/startup_child.py).
        _assert_refused(
            tmp_path,
            ["--db", str(path), "--live"],
            "could not start",
            "database is locked",
            DISPATCH_TEST_BUSY_TIMEOUT_MS="300",
        )
    finally:
        holder.close()


def test_a_folder_that_cannot_be_made_ends_in_the_dialog(tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("x", encoding="utf-8")
    _assert_refused(
        tmp_path, ["--db", str(blocker / "sub" / "dispatch.sqlite3"), "--live"], "cannot be opened"
    )
