"""The console's own settings (language, console name, time zone, simulator rate, the map's tile file),
kept by QSettings in the platform's configuration directory.

The file may hold a PBX secret (an AMI feed URL), so it is private from the start: each save writes a
new file inside a private temporary folder beside it (mode 0700), created 0600 before anything is
written, flushed to disk, and renamed over the old file. No moment exists when another user of the
machine could read it, and a crash during a save leaves the old file whole.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import QSettings

from dispatch.domain.callers import DEFAULT_PRANK_THRESHOLD
from dispatch.domain.forwarding import DEFAULT_DIAL_CONTEXT, context_problem, extension_problem
from dispatch.domain.shifts import (
    DEFAULT_PATTERN,
    ShiftPattern,
    ShiftPatternError,
    shift_pattern_from_json,
    shift_pattern_to_json,
)
from dispatch.domain.timers import THRESHOLD_FIELDS, TimerThresholds
from dispatch.store.database import sqlite_url, url_from_option
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
    #: Timer limits in seconds (defaults: the standards in DOMAIN.md).
    thresholds: TimerThresholds = field(default_factory=TimerThresholds)
    alert_sound: bool = False
    #: Speed for the recommendation's straight-line ETA.
    eta_speed_kmh: float = 40.0
    #: Prank calls in 24 h (the ringing one included) that mark a repeat prank caller.
    prank_threshold: int = DEFAULT_PRANK_THRESHOLD
    #: The centre's own area (a Kemendagri code prefix such as "33.74"): first in the type-ahead.
    centre_area: str = ""
    #: The centre's shifts (3 x 8 h from 07:00 unless set): the shift a supervisor opens is the
    #: pattern's shift at that moment. Kept as the small JSON form of dispatch/domain/shifts.py.
    shift_pattern: ShiftPattern = DEFAULT_PATTERN
    #: The situation map's raster tiles: an MBTiles file the centre's GIS office made ("" none: the
    #: map is drawn plainly from the village points).
    map_tiles: str = ""
    #: The operator's own telephone as the PBX names it ("PJSIP/201"): a dial through an ``ami://``
    #: feed rings it first ("" none: the console does not dial).
    ami_extension: str = ""
    #: The PBX's dialplan context the agency's number is dialled in.
    ami_dial_context: str = DEFAULT_DIAL_CONTEXT

    @staticmethod
    def load() -> ConsoleSettings:
        store = _settings()
        return ConsoleSettings(
            thresholds=_load_thresholds(store),
            alert_sound=str(store.value("timers/alert_sound", "false")).lower() == "true",
            language=str(store.value("language", "")),
            console_name=str(store.value("console_name", "")) or socket.gethostname()[:64],
            time_zone=str(store.value("time_zone", DEFAULT_ZONE)),
            sim_rate=float(str(store.value("sim_rate", 2.0))),
            feeds=[str(url) for url in _as_list(store.value("feeds", []))],
            region=str(store.value("region", "ID")),
            eta_speed_kmh=_speed(store.value("eta_speed_kmh", 40.0)),
            prank_threshold=_prank_threshold(store.value("prank_threshold", DEFAULT_PRANK_THRESHOLD)),
            centre_area=_area_code(store.value("centre_area", "")),
            shift_pattern=_shift_pattern(store.value("shift_pattern", "")),
            map_tiles=str(store.value("map_tiles", "") or "").strip(),
            ami_extension=_extension(store.value("ami/extension", "")),
            ami_dial_context=_dial_context(store.value("ami/dial_context", DEFAULT_DIAL_CONTEXT)),
        )

    def save(self) -> None:
        """Write the settings privately and atomically (see the module's docstring)."""
        final = Path(_settings().fileName())
        final.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        private = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))  # mode 0700
        try:
            staged = private / final.name
            _create_private(staged, final)
            store = QSettings(str(staged), QSettings.Format.IniFormat)
            self._write(store)
            store.sync()
            status = store.status()
            del store
            if status != QSettings.Status.NoError:
                raise OSError(f"the settings could not be written ({status.name})")
            os.chmod(staged, 0o600)
            with open(staged, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(staged, final)
            _fsync_directory(final.parent)
        finally:
            shutil.rmtree(private, ignore_errors=True)

    def _write(self, store: QSettings) -> None:
        store.setValue("language", self.language)
        store.setValue("console_name", self.console_name)
        store.setValue("time_zone", self.time_zone)
        store.setValue("sim_rate", self.sim_rate)
        store.setValue("feeds", list(self.feeds))
        store.setValue("region", self.region)
        for name in THRESHOLD_FIELDS:
            store.setValue(f"timers/{name}", getattr(self.thresholds, name))
        store.setValue("timers/alert_sound", "true" if self.alert_sound else "false")
        store.setValue("eta_speed_kmh", self.eta_speed_kmh)
        store.setValue("prank_threshold", self.prank_threshold)
        store.setValue("centre_area", self.centre_area)
        store.setValue("shift_pattern", shift_pattern_to_json(self.shift_pattern))
        store.setValue("map_tiles", self.map_tiles)
        store.setValue("ami/extension", self.ami_extension)
        store.setValue("ami/dial_context", self.ami_dial_context)


def settings_file() -> Path:
    """Where the settings are saved (the platform's configuration folder)."""
    return Path(_settings().fileName())


def _create_private(staged: Path, current: Path) -> None:
    """``staged`` created with mode 0600, holding ``current``'s text (keys of newer versions stay)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(staged, flags, 0o600), "wb") as out:
        if hasattr(os, "fchmod"):
            os.fchmod(out.fileno(), 0o600)  # exactly 0600, whatever the umask
        with contextlib.suppress(FileNotFoundError), open(current, "rb") as old:
            shutil.copyfileobj(old, out)


def _fsync_directory(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _area_code(value: object) -> str:
    """The saved area code if it has the shape of one ("33", "33.74", "33.74.04"), else none."""
    text = str(value or "").strip()
    return text if re.fullmatch(r"[0-9]{2}(\.[0-9]{2}){0,2}(\.[0-9]{4})?", text) else ""


def _extension(value: object) -> str:
    """The saved extension if it is a channel the PBX can ring ("PJSIP/201"), else none."""
    text = str(value or "").strip()
    return "" if extension_problem(text) else text


def _dial_context(value: object) -> str:
    """The saved dial context, or the default when missing or not a context name (a hand-edited file)."""
    text = str(value or "").strip()
    return DEFAULT_DIAL_CONTEXT if context_problem(text) else text


def _speed(value: object) -> float:
    """The saved ETA speed, or 40 km/h when missing or not a sensible speed (a hand-edited file)."""
    try:
        speed = float(str(value))
    except ValueError:
        return 40.0
    return speed if 5.0 <= speed <= 200.0 else 40.0


def _prank_threshold(value: object) -> int:
    """The saved repeat-prank threshold, or the default when missing or not sensible (2 to 20)."""
    try:
        threshold = int(str(value))
    except ValueError:
        return DEFAULT_PRANK_THRESHOLD
    return threshold if 2 <= threshold <= 20 else DEFAULT_PRANK_THRESHOLD


def _shift_pattern(value: object) -> ShiftPattern:
    """The saved shift pattern, or 3 x 8 h when missing or not a valid pattern (a hand-edited file)."""
    text = str(value or "").strip()
    if not text:
        return DEFAULT_PATTERN
    try:
        return shift_pattern_from_json(text)
    except ShiftPatternError:
        return DEFAULT_PATTERN


def _load_thresholds(store: QSettings) -> TimerThresholds:
    """Each limit as saved, or its default when missing or out of range (a hand-edited file)."""
    defaults = TimerThresholds()
    values = {}
    for name in THRESHOLD_FIELDS:
        try:
            values[name] = int(str(store.value(f"timers/{name}", getattr(defaults, name))))
        except ValueError:
            values[name] = getattr(defaults, name)
    loaded = TimerThresholds(**values)
    return replace(loaded, **{name: getattr(defaults, name) for name in loaded.problems()})


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
    """``--db`` as given (a URL, or a path to a SQLite file), else the default file for the mode.

    A PostgreSQL URL naming several servers in libpq's form (``@a:5432,b:5432/db``) is rewritten in
    SQLAlchemy's (``@/db?host=a,b&port=5432,5432``): docs/failover.md.
    """
    if option:
        return url_from_option(option)
    name = "training.sqlite3" if training else "dispatch.sqlite3"
    return sqlite_url(data_dir() / name)
