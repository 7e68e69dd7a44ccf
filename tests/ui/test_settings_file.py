"""The settings file (it may hold a PBX secret) is private from the start and during every save."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ui.settings import ConsoleSettings, settings_file

SECRET_FEED = "ami://console:s3cret-pbx@192.0.2.10:5038"

#: Walks a folder as fast as it can for a while, noting each path, whether it is a folder, and
#: every mode it was seen with.
OBSERVER = r"""
import json, os, stat, sys, time
root, seconds = sys.argv[1], float(sys.argv[2])
seen = {}
print("ready", flush=True)
end = time.monotonic() + seconds
while time.monotonic() < end:
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            try:
                mode = os.lstat(path).st_mode
            except FileNotFoundError:
                continue
            key = ("d:" if stat.S_ISDIR(mode) else "f:") + os.path.relpath(path, root)
            seen.setdefault(key, set()).add(stat.S_IMODE(mode))
print(json.dumps({path: sorted(modes) for path, modes in seen.items()}))
"""


@pytest.fixture
def config(qapp: QApplication, tmp_path: Path) -> Path:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    return tmp_path / "config"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_first_save_creates_the_file_0600_even_with_an_open_umask(config: Path) -> None:
    path = settings_file()
    assert not path.exists()
    settings = ConsoleSettings.load()
    settings.feeds = [SECRET_FEED]
    old = os.umask(0)
    try:
        settings.save()
    finally:
        os.umask(old)
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700  # the folder was made by the console, private too
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # nothing left beside it
    assert ConsoleSettings.load().feeds == [SECRET_FEED]


def test_a_world_readable_file_of_an_older_console_becomes_private_keeping_unknown_keys(config: Path) -> None:
    path = settings_file()
    path.parent.mkdir(parents=True)
    path.write_text("[General]\nconsole_name=KONSOL-07\nfuture_key=kept\n")
    path.chmod(0o644)
    settings = ConsoleSettings.load()
    assert settings.console_name == "KONSOL-07"
    settings.sim_rate = 4.0
    settings.save()
    assert _mode(path) == 0o600
    assert "future_key=kept" in path.read_text()
    assert ConsoleSettings.load().sim_rate == 4.0


def test_no_file_with_the_settings_is_readable_by_others_at_any_moment_of_a_save(
    qapp: QApplication, tmp_path: Path
) -> None:
    """First saves into new folders and later saves over a file, watched by another process."""
    root = tmp_path / "watched"
    root.mkdir()
    observer = subprocess.Popen(
        [sys.executable, "-c", OBSERVER, str(root), "3.0"], stdout=subprocess.PIPE, text=True
    )
    assert observer.stdout is not None
    assert observer.stdout.readline().strip() == "ready"
    saves = 0
    started = time.monotonic()
    while time.monotonic() - started < 2.4:
        folder = root / str(saves // 4)  # a first save, then three saves over the file
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        settings = ConsoleSettings.load()
        settings.feeds = [SECRET_FEED]
        settings.console_name = f"KONSOL-{saves % 100:02d}"
        settings.save()
        saves += 1
    seen: dict[str, list[int]] = json.loads(observer.communicate(timeout=30)[0])
    name = settings_file().name
    # The observer saw saves in their middle (the staged file in its private folder), ...
    assert sum(1 for path in seen if path.count(os.sep) == 3 and path.endswith(name)) >= 3, (saves, seen)
    for key, modes in seen.items():
        kind, path = key.split(":", 1)
        depth = path.count(os.sep)
        if kind == "d" and depth >= 1:
            assert modes == [0o700], (path, [oct(m) for m in modes])  # config folder, private folders
        elif kind == "f" and path.endswith(".lock"):
            continue  # Qt's lock file (a process id), only ever inside a private folder
        elif kind == "f":
            assert modes == [0o600], (path, [oct(m) for m in modes])
    # ... and never a file with the settings outside the private folders except the saved file.
    assert all(
        path.count(os.sep) == 3 or path.endswith(os.sep + name)
        for key in seen
        if key.startswith("f:") and not key.endswith(".lock")
        for path in [key[2:]]
    )
    assert ConsoleSettings.load().feeds == [SECRET_FEED]
