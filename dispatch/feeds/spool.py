"""A feed's frames not yet stored, kept in order in a local append-only file.

Every read's frames are appended to the feed's spool file before they are stored in the database,
and marked done once stored; when nothing is left the file is emptied. So frames the database does
not accept yet (a lock held by another process, a PostgreSQL server away) survive a crash or a kill
of the console and are stored at its next start, in order.

The file is JSON lines: ``{"b": seq, "f": [frame, ...]}`` for the frames of one read and
``{"d": seq}`` once that read is stored. A frame is a call event (``"t": "s"``), a handset's
position (``"t": "l"``, the AML fix's fields under ``"fix"``), a rejected frame (``"t": "r"``), an
SMS that is not AML (``"t": "m"``), a delivery report (``"t": "y"``) or what became of an outbox
message (``"t": "o"``).
A line cut short by a crash is dropped when the file is loaded (only the read being written at that
instant can be lost). Appends are written through to the operating system at once (a killed process
loses nothing); they are also fsynced while storing is behind (a power cut during an outage loses
nothing either).

The queue is bounded (``max_frames``, ``max_bytes``): past the bound frames are counted as lost and
the supervisor raises an alarm.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from dispatch.domain.aml import AmlFix, AmlMethod
from dispatch.domain.enums import Presentation
from dispatch.domain.phone import CallerNumber
from dispatch.domain.signals import CallSignal, LocationSignal, SignalKind
from dispatch.services.feeds import (
    DeliverySignal,
    OutboxOutcome,
    OutboxSignal,
    Received,
    RejectedSignal,
    TextMessageSignal,
)

log = logging.getLogger(__name__)

MAX_FRAMES = 100_000
MAX_BYTES = 64 * 1024 * 1024
SUFFIX = ".spool"


@dataclass
class Batch:
    """The frames of one read, numbered in the spool's order."""

    seq: int
    frames: list[Received]
    size: int


def spool_path(folder: Path, feed: str) -> Path:
    """The spool file of ``feed`` (its display form) in ``folder``: readable name plus a digest."""
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", feed)[:48].strip("_") or "feed"
    digest = hashlib.sha256(feed.encode()).hexdigest()[:12]
    return folder / f"{readable}-{digest}{SUFFIX}"


class Spool:
    """The pending reads of one feed (thread-safe: a runner appends, a storer takes the head)."""

    def __init__(self, path: Path, max_frames: int = MAX_FRAMES, max_bytes: int = MAX_BYTES) -> None:
        self.path = path
        self.max_frames = max_frames
        self.max_bytes = max_bytes
        self._lock = threading.Condition()
        self._batches: deque[Batch] = deque()
        self._frames = 0
        self._bytes = 0
        self._next_seq = 1
        #: Frames refused because the spool was full (since it was opened).
        self.lost = 0
        self.first_lost_at: datetime | None = None
        path.parent.mkdir(parents=True, exist_ok=True)
        self._load()
        self._file: IO[bytes] = open(path, "ab")  # noqa: SIM115 - kept open for appending
        self.recovered = len(self._batches)

    # -- the runner's side ------------------------------------------------------------------------

    def append(self, frames: Sequence[Received], now: datetime) -> bool:
        """Keep ``frames`` (one read) for storing; False if the spool is full and they are lost."""
        if not frames:
            return True
        try:
            line = _batch_line(self._next_seq, frames)
        except Exception:
            log.exception("spool %s: a frame cannot be written as it is; kept as rejected", self.path)
            frames = [_writable(frame) for frame in frames]
            line = _batch_line(self._next_seq, frames)
        with self._lock:
            if self._frames + len(frames) > self.max_frames or self._bytes + len(line) > self.max_bytes:
                self.lost += len(frames)
                if self.first_lost_at is None:
                    self.first_lost_at = now
                return False
            behind = bool(self._batches)
            batch = Batch(self._next_seq, list(frames), len(line))
            self._next_seq += 1
            try:
                self._write(line, sync=behind)
            except OSError:
                # The file cannot take it (a full disk): the read is still kept, in memory.
                log.exception("spool %s: read %d kept in memory only", self.path, batch.seq)
            self._batches.append(batch)
            self._frames += len(frames)
            self._bytes += len(line)
            self._lock.notify_all()
        return True

    # -- the storer's side ------------------------------------------------------------------------

    def head(self, timeout: float | None = None) -> Batch | None:
        """The oldest pending read, waiting up to ``timeout`` seconds for one."""
        with self._lock:
            if not self._batches and timeout:
                self._lock.wait(timeout)
            return self._batches[0] if self._batches else None

    def heads(self, max_frames: int, timeout: float | None = None) -> list[Batch]:
        """The oldest pending reads, as many as fit in ``max_frames`` (always at least one), waiting
        up to ``timeout`` seconds for one; [] when none came. Each is ``done`` in this order."""
        with self._lock:
            if not self._batches and timeout:
                self._lock.wait(timeout)
            taken: list[Batch] = []
            frames = 0
            for batch in self._batches:
                if taken and frames + len(batch.frames) > max_frames:
                    break
                taken.append(batch)
                frames += len(batch.frames)
            return taken

    def done(self, batch: Batch) -> None:
        """``batch`` (the head) is stored: forget it; an empty spool leaves an empty file."""
        with self._lock:
            if not self._batches or self._batches[0] is not batch:
                raise ValueError("only the oldest pending read can be done")
            self._batches.popleft()
            self._frames -= len(batch.frames)
            self._bytes -= batch.size
            try:
                if self._batches:
                    self._write(json.dumps({"d": batch.seq}).encode() + b"\n", sync=False)
                else:
                    self._file.flush()
                    self._file.truncate(0)
                    self._bytes = 0
            except OSError:
                # Not marked in the file: stored again after a restart (the read is in the database).
                log.exception("spool %s: read %d stored but not marked done", self.path, batch.seq)

    def drop_head_frames(self, batch: Batch, count: int) -> None:
        """The first ``count`` frames of the head were stored one by one; keep only the rest."""
        with self._lock:
            del batch.frames[:count]
            self._frames -= count

    @property
    def pending_frames(self) -> int:
        with self._lock:
            return self._frames

    def close(self) -> None:
        with self._lock:
            self._file.close()

    # -- the file ---------------------------------------------------------------------------------

    def _write(self, line: bytes, sync: bool) -> None:
        self._file.write(line)
        self._file.flush()
        if sync:
            os.fsync(self._file.fileno())

    def _load(self) -> None:
        """Read what an earlier run left; rewrite the file with just the pending reads."""
        if not self.path.exists():
            return
        pending: dict[int, list[Received]] = {}
        with open(self.path, "rb") as existing:
            content = existing.read()
        lines = content.split(b"\n")
        if lines and lines[-1]:
            log.warning(
                "spool %s: a read cut short by a crash is dropped (%d bytes)", self.path, len(lines[-1])
            )
        for number, line in enumerate(lines[:-1], 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if "d" in record:
                    pending.pop(int(record["d"]), None)
                else:
                    pending[int(record["b"])] = [_frame_from(item) for item in record["f"]]
            except (ValueError, KeyError, TypeError) as error:
                log.error("spool %s line %d unreadable, skipped: %s", self.path, number, error)
        if not pending and not content:
            return
        temporary = self.path.with_suffix(SUFFIX + ".new")
        with open(temporary, "wb") as rewritten:
            for frames in pending.values():
                line = _batch_line(self._next_seq, frames)
                rewritten.write(line)
                self._batches.append(Batch(self._next_seq, frames, len(line)))
                self._next_seq += 1
                self._frames += len(frames)
                self._bytes += len(line)
            rewritten.flush()
            os.fsync(rewritten.fileno())
        os.replace(temporary, self.path)
        if pending:
            log.warning("spool %s: %d frames left by an earlier run, to be stored", self.path, self._frames)


def spool_files(folder: Path) -> list[Path]:
    """The spool files in ``folder`` (a feed may have been removed from the settings since)."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.suffix == SUFFIX)


def _writable(frame: Received) -> Received:
    """``frame``, or a rejected frame with its bytes when it cannot be written (a bug upstream)."""
    try:
        _frame_to(frame)
        return frame
    except Exception as error:
        reason = f"not stored as received: {type(error).__name__}: {error}"[:1000]
        return RejectedSignal(str(frame.feed), frame.received_at, bytes(frame.raw), reason)


def _batch_line(seq: int, frames: Sequence[Received]) -> bytes:
    record = {"b": seq, "f": [_frame_to(frame) for frame in frames]}
    return json.dumps(record, ensure_ascii=True, separators=(",", ":")).encode() + b"\n"


def _frame_to(frame: Received) -> dict[str, Any]:
    raw = base64.b64encode(frame.raw).decode("ascii")
    if isinstance(frame, RejectedSignal):
        return {
            "t": "r",
            "feed": frame.feed,
            "at": frame.received_at.isoformat(),
            "raw": raw,
            "why": frame.reason,
        }
    if isinstance(frame, OutboxSignal):
        return {
            "t": "o",
            "feed": frame.feed,
            "at": frame.received_at.isoformat(),
            "raw": raw,
            "id": frame.outbox_id,
            "out": frame.outcome.value,
            "why": frame.detail,
        }
    if isinstance(frame, DeliverySignal):
        return {
            "t": "y",
            "feed": frame.feed,
            "at": frame.received_at.isoformat(),
            "raw": raw,
            "ref": frame.reference,
            "st": frame.status,
            **_number_to(frame.recipient),
            "dt": None if frame.discharged_at is None else frame.discharged_at.isoformat(),
        }
    number = frame.number
    if isinstance(frame, TextMessageSignal):
        return {
            "t": "m",
            "feed": frame.feed,
            "at": frame.received_at.isoformat(),
            "raw": raw,
            **_number_to(number),
            "text": frame.text,
        }
    if isinstance(frame, LocationSignal):
        fix = frame.fix
        return {
            "t": "l",
            "feed": frame.feed,
            "at": frame.received_at.isoformat(),
            "raw": raw,
            "nr": number.raw,
            "e164": number.e164,
            "pres": number.presentation.value,
            "desc": number.description,
            "fix": {
                "v": fix.version,
                "lat": fix.lat,
                "lon": fix.lon,
                "rd": fix.radius_m,
                "top": None if fix.fixed_at is None else fix.fixed_at.isoformat(),
                "lc": fix.confidence,
                "pm": fix.method.value,
                "si": fix.imsi,
                "ei": fix.imei,
                "mcc": fix.mcc,
                "mnc": fix.mnc,
                "text": fix.text,
            },
        }
    return {
        "t": "s",
        "kind": frame.kind.value,
        "feed": frame.feed,
        "at": frame.received_at.isoformat(),
        "raw": raw,
        "nr": number.raw,
        "e164": number.e164,
        "pres": number.presentation.value,
        "desc": number.description,
        "line": frame.line,
        "name": frame.name,
        "id": frame.call_id,
    }


def _frame_from(item: dict[str, Any]) -> Received:
    at = datetime.fromisoformat(item["at"])
    raw = base64.b64decode(item["raw"])
    if item["t"] == "r":
        return RejectedSignal(feed=item["feed"], received_at=at, raw=raw, reason=item["why"])
    if item["t"] == "o":
        outbox_id = item["id"]
        return OutboxSignal(
            feed=item["feed"],
            received_at=at,
            outbox_id=None if outbox_id is None else int(outbox_id),
            outcome=OutboxOutcome(item["out"]),
            detail=str(item["why"]),
            raw=raw,
        )
    number = CallerNumber(item["nr"], item["e164"], Presentation(item["pres"]), item["desc"])
    if item["t"] == "m":
        return TextMessageSignal(feed=item["feed"], received_at=at, number=number, text=item["text"], raw=raw)
    if item["t"] == "y":
        return DeliverySignal(
            feed=item["feed"],
            received_at=at,
            reference=str(item["ref"]),
            status=int(item["st"]),
            recipient=number,
            discharged_at=None if item["dt"] is None else datetime.fromisoformat(item["dt"]),
            raw=raw,
        )
    if item["t"] == "l":
        fix = item["fix"]
        return LocationSignal(
            feed=item["feed"],
            received_at=at,
            number=number,
            raw=raw,
            fix=AmlFix(
                version=int(fix["v"]),
                lat=_float_or_none(fix["lat"]),
                lon=_float_or_none(fix["lon"]),
                radius_m=_float_or_none(fix["rd"]),
                fixed_at=None if fix["top"] is None else datetime.fromisoformat(fix["top"]),
                confidence=None if fix["lc"] is None else int(fix["lc"]),
                method=AmlMethod(fix["pm"]),
                imsi=fix["si"],
                imei=fix["ei"],
                mcc=fix["mcc"],
                mnc=fix["mnc"],
                text=fix["text"],
            ),
        )
    return CallSignal(
        kind=SignalKind(item["kind"]),
        feed=item["feed"],
        received_at=at,
        number=number,
        raw=raw,
        line=item["line"],
        name=item["name"],
        call_id=item["id"],
    )


def _number_to(number: CallerNumber) -> dict[str, Any]:
    return {
        "nr": number.raw,
        "e164": number.e164,
        "pres": number.presentation.value,
        "desc": number.description,
    }


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)
