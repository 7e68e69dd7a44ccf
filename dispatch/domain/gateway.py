"""The feed gateway of a centre (issue 13): its heartbeat, its feeds' health as stored, its silence.

A centre's gateway (``dispatch-console gateway``) runs the feeds, the overdue timers and the alerts,
and every ``HEARTBEAT_SECONDS`` writes one ``gateway_status`` row: when it beat, and its feeds' health
as JSON (``FeedHealthView.to_json``: what a console's status line shows of a feed). A console reads
the rows back (``decode_feeds`` never raises: a newer gateway's row or a damaged one shows what can be
read) and says at once when a gateway is silent (``silences``): no heartbeat for ``SILENT_AFTER``, or
stopped, or no gateway at all. Calls from the telephone are then not being recorded.

Pure: the service (``dispatch.services.gateway_status``) reads and writes the rows.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

#: How often a gateway writes its heartbeat (seconds).
HEARTBEAT_SECONDS = 2.0
#: A heartbeat older than this: the gateway is silent (five beats missed).
SILENT_AFTER = timedelta(seconds=10)
#: A gateway silent for longer than this is taken as retired while another gateway beats (a gateway
#: renamed or moved to another host leaves its old row behind); with none beating it is still named.
RETIRED_AFTER = timedelta(days=1)
#: A feed's connection states, as ``dispatch.feeds.runner.FeedState`` names them (a test keeps them
#: equal); a feed in a state this console does not know (a newer gateway's) is not shown.
FEED_STATES = ("connecting", "up", "down", "stopped")


def _time(value: object) -> datetime | None:
    """An aware time from its ISO text, else None."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None and parsed.utcoffset() is not None else None


def _text(value: object, limit: int = 2000) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


@dataclass(frozen=True)
class FeedHealthView:
    """One feed of a gateway as its last heartbeat stored it (``dispatch.feeds.runner.FeedHealth``'s
    fields: the connection's state and since when, the last frame, why it is down, and how storing
    goes)."""

    feed: str
    state: str
    since: datetime
    last_frame_at: datetime | None = None
    detail: str = ""
    retry_in: float | None = None
    #: Frames read but not stored yet for a while: since when (None while storing keeps up).
    delayed_since: datetime | None = None
    queued: int = 0
    store_detail: str = ""
    rejected_dropped: int = 0

    def to_json(self) -> dict[str, Any]:
        def stamp(at: datetime | None) -> str | None:
            return None if at is None else at.isoformat()

        return {
            "feed": self.feed,
            "state": self.state,
            "since": stamp(self.since),
            "last_frame_at": stamp(self.last_frame_at),
            "detail": self.detail,
            "retry_in": self.retry_in,
            "delayed_since": stamp(self.delayed_since),
            "queued": self.queued,
            "store_detail": self.store_detail,
            "rejected_dropped": self.rejected_dropped,
        }

    @staticmethod
    def from_json(item: object) -> FeedHealthView | None:
        """``to_json`` read back; None when it is not a feed's health (never raises). Fields a newer
        gateway adds are ignored; a field that is missing or malformed takes its default."""
        if not isinstance(item, Mapping):
            return None
        feed, state, since = item.get("feed"), item.get("state"), _time(item.get("since"))
        if not isinstance(feed, str) or not feed or state not in FEED_STATES or since is None:
            return None
        retry = item.get("retry_in")
        retry_in = (
            float(retry)
            if isinstance(retry, int | float) and not isinstance(retry, bool) and math.isfinite(retry)
            else None
        )
        return FeedHealthView(
            feed=feed[:500],
            state=str(state),
            since=since,
            last_frame_at=_time(item.get("last_frame_at")),
            detail=_text(item.get("detail")),
            retry_in=retry_in,
            delayed_since=_time(item.get("delayed_since")),
            queued=_count(item.get("queued")),
            store_detail=_text(item.get("store_detail")),
            rejected_dropped=_count(item.get("rejected_dropped")),
        )

    @property
    def delayed(self) -> bool:
        return self.delayed_since is not None


def encode_feeds(feeds: Sequence[Mapping[str, Any]]) -> str:
    """The heartbeat's feeds as stored in ``gateway_status.feeds``."""
    return json.dumps(list(feeds), ensure_ascii=False, separators=(",", ":"), default=str)


def decode_feeds(text: str) -> tuple[FeedHealthView, ...]:
    """``gateway_status.feeds`` read back: the feeds that can be read, in order; never raises."""
    try:
        items = json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return ()
    if not isinstance(items, list):
        return ()
    found = (FeedHealthView.from_json(item) for item in items)
    return tuple(view for view in found if view is not None)


@dataclass(frozen=True)
class GatewayView:
    """A gateway's row: who it is (name, host, process, version), when it started and last beat, when
    it stopped (None while it runs), and its feeds."""

    name: str
    host: str
    pid: int | None
    version: str
    started_at: datetime
    heartbeat_at: datetime
    stopped_at: datetime | None
    feeds: tuple[FeedHealthView, ...]


def gateway_silent(view: GatewayView, now: datetime) -> bool:
    """No heartbeat for longer than ``SILENT_AFTER``, or stopped: its feeds' calls are not recorded.

    A heartbeat stamped after ``now`` (the gateway's clock ahead of this console's) is a heartbeat.
    """
    return view.stopped_at is not None or now - view.heartbeat_at > SILENT_AFTER


@dataclass(frozen=True)
class Silence:
    """A reason the centre's calls from the telephone may not be recorded.

    ``gateway`` None: no gateway has ever run on this database. Else that gateway's last heartbeat,
    and when it stopped if it did so in an orderly way (None: it went silent).
    """

    gateway: str | None
    heartbeat_at: datetime | None = None
    stopped_at: datetime | None = None

    def silent_for(self, now: datetime) -> timedelta:
        """How long since the last heartbeat (zero when none, or stamped after ``now``)."""
        if self.heartbeat_at is None:
            return timedelta(0)
        return max(timedelta(0), now - self.heartbeat_at)


NO_GATEWAY = Silence(None)


def silences(views: Iterable[GatewayView], now: datetime) -> tuple[Silence, ...]:
    """What a console of the centre must say about its gateways now, the longest silent first.

    Every silent gateway, except those silent for over ``RETIRED_AFTER`` while another one beats;
    ``NO_GATEWAY`` when there is none at all. Empty: every gateway beats.
    """
    known = list(views)
    if not known:
        return (NO_GATEWAY,)
    alive = any(not gateway_silent(view, now) for view in known)
    silent = [
        view
        for view in known
        if gateway_silent(view, now) and not (alive and now - view.heartbeat_at > RETIRED_AFTER)
    ]
    silent.sort(key=lambda view: (view.heartbeat_at, view.name))
    return tuple(Silence(view.name, view.heartbeat_at, view.stopped_at) for view in silent)


def parse_feed_alarm_message(message: str) -> tuple[datetime | None, str]:
    """(since, detail) of a feed alarm's ``alerts.message`` (``services.feeds.raise_feed_alarm``
    writes ``since <ISO time>`` and, when there is one, ``: <detail>``); (None, message) otherwise."""
    if not message.startswith("since "):
        return None, message
    head, _, detail = message.removeprefix("since ").partition(": ")
    since = _time(head)
    if since is None:
        return None, message
    return since, detail
