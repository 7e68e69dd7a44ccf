"""Times on screen: local to the centre, from UTC in storage."""

from __future__ import annotations

from datetime import datetime, tzinfo


def local_time(instant: datetime | None, zone: tzinfo) -> str:
    return "" if instant is None else instant.astimezone(zone).strftime("%H:%M:%S")


def local_datetime(instant: datetime | None, zone: tzinfo) -> str:
    return "" if instant is None else instant.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def elapsed(since: datetime, now: datetime) -> str:
    """``m:ss`` under an hour, ``h:mm:ss`` after, ``d h`` after a day."""
    seconds = max(0, int((now - since).total_seconds()))
    if seconds >= 86400:
        return f"{seconds // 86400}d {seconds % 86400 // 3600}h"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
