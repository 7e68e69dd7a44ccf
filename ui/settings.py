"""The console's own settings (language, console name, time zone, simulator rate), kept by QSettings
in the platform's configuration directory."""

from __future__ import annotations

import contextlib
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import QSettings

from dispatch.store.database import sqlite_url
from ui.session import DEFAULT_ZONE

APP_NAME = "dispatch-console"


def _settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


@dataclass
class ConsoleSettings:
    language: str = ""
    console_name: str = ""
    time_zone: str = DEFAULT_ZONE
    sim_rate: float = 2.0
    #: Feed URLs as typed (an AMI secret included: the file is the user's own, mode 0600).
    feeds: list[str] = field(default_factory=list)
    region: str = "ID"

    @staticmethod
    def load() -> ConsoleSettings:
        store = _settings()
        return ConsoleSettings(
            language=str(store.value("language", "")),
            console_name=str(store.value("console_name", "")) or socket.gethostname()[:64],
            time_zone=str(store.value("time_zone", DEFAULT_ZONE)),
            sim_rate=float(str(store.value("sim_rate", 2.0))),
            feeds=[str(url) for url in _as_list(store.value("feeds", []))],
            region=str(store.value("region", "ID")),
        )

    def save(self) -> None:
        store = _settings()
        store.setValue("language", self.language)
        store.setValue("console_name", self.console_name)
        store.setValue("time_zone", self.time_zone)
        store.setValue("sim_rate", self.sim_rate)
        store.setValue("feeds", list(self.feeds))
        store.setValue("region", self.region)
        store.sync()
        with contextlib.suppress(OSError):
            os.chmod(store.fileName(), 0o600)  # it may hold a PBX secret


def _as_list(value: object) -> list[object]:
    """QSettings gives a single string for a one-element list, and None for an empty one."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def database_url(option: str | None, training: bool) -> str:
    """``--db`` as given (a URL, or a path to a SQLite file), else the default file for the mode."""
    if option:
        return option if "://" in option else sqlite_url(Path(option).expanduser().resolve())
    name = "training.sqlite3" if training else "dispatch.sqlite3"
    return sqlite_url(data_dir() / name)
