"""The status bar: the last message, who is logged in, the console, the feeds, the database, the clock.

Feed states are words (``up, last 12:03:04``, ``DOWN 0:45``), never colour alone. A console of a
centre shows its gateway's feeds, or that the gateway is silent (``ui.gateway_feeds``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from dispatch.domain.enums import Role
from dispatch.domain.gateway import Silence
from dispatch.feeds.runner import FeedHealth, FeedState
from dispatch.feeds.supervisor import FeedAlarm
from dispatch.services.feeds import FeedAlarmKind
from ui import labels
from ui.gateway_feeds import GatewayFeeds
from ui.session import ConsoleSession
from ui.timefmt import elapsed, local_time

translate = QCoreApplication.translate


class StatusLine:
    """Fills the window's status bar; ``show_message`` is how every presenter speaks to the user."""

    def __init__(self, bar: QStatusBar, session: ConsoleSession) -> None:
        self.session = session
        self.user_label = QLabel()
        self.user_label.setObjectName("userState")
        self.console_label = QLabel(
            translate("MainWindow", "Console: %1").replace("%1", session.ctx.console_name)
        )
        self.feed_label = QLabel()
        self.feed_label.setObjectName("feedState")
        self.database_label = QLabel(
            translate("MainWindow", "Database: %1").replace("%1", session.ctx.database.short_name)
        )
        self.database_label.setToolTip(session.ctx.database.display_url)
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock")
        self.message_label = QLabel()
        self.message_label.setObjectName("statusMessage")
        bar.addWidget(self.message_label, 1)
        for label in (
            self.user_label,
            self.console_label,
            self.feed_label,
            self.database_label,
            self.clock_label,
        ):
            bar.addPermanentWidget(label)
        self.update_user()
        self.update_feeds()
        self.update_clock()

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        # The whole message in its tooltip: at 1366x768 a long one is cut by the permanent labels.
        self.message_label.setToolTip(text)

    def message(self) -> str:
        return self.message_label.text()

    def update_user(self) -> None:
        if not self.session.logged_in:  # logged out: the console waits, locked, at the login prompt
            self.user_label.setText(translate("MainWindow", "No one logged in"))
            return
        actor = self.session.ctx.actor
        role = labels.role(Role(actor.role)) if actor.role else ""
        self.user_label.setText(
            translate("MainWindow", "User: %1 (%2)")
            .replace("%1", actor.full_name or actor.user_name)
            .replace("%2", role)
        )

    def update_clock(self) -> None:
        now = self.session.ctx.clock.now()
        zone_name = now.astimezone(self.session.zone).tzname() or ""
        self.clock_label.setText(f"{local_time(now, self.session.zone)} {zone_name}")

    def update_feeds(self) -> None:
        session = self.session
        feed = session.simulator
        monitor = session.feeds
        if isinstance(monitor, GatewayFeeds):
            self._show_gateway(monitor)
        elif monitor is not None:
            parts, tips, down = feed_parts(monitor.health.values(), session)
            self.feed_label.setText(translate("MainWindow", "Feeds: %1").replace("%1", " | ".join(parts)))
            self.feed_label.setToolTip("\n\n".join(tips))
            self.feed_label.setStyleSheet(ALARM_STYLE if down else "")
        elif feed is None:
            self.feed_label.setText(translate("MainWindow", "Feed: none configured"))
            self.feed_label.setStyleSheet("color: #b71c1c;")
        elif session.scenario_run is not None:
            # While a scenario is loaded the random callers are stopped: "simulator (paused)" read as
            # if nothing would ring.
            run = session.scenario_run
            if run.running and run.play.paused:
                state = translate("MainWindow", "paused")
            elif run.running:
                state = translate("MainWindow", "running")
            elif run.play.started:
                state = translate("MainWindow", "ended")
            else:
                state = translate("MainWindow", "not started")
            self.feed_label.setText(
                translate("MainWindow", "Feed: scenario %1 (%2)")
                .replace("%1", run.scenario.id)
                .replace("%2", state)
            )
            self.feed_label.setStyleSheet("")
        else:
            state = translate("MainWindow", "running") if feed.running else translate("MainWindow", "paused")
            self.feed_label.setText(translate("MainWindow", "Feed: simulator (%1)").replace("%1", state))
            self.feed_label.setStyleSheet("")

    def _show_gateway(self, gateway: GatewayFeeds) -> None:
        """A centre's console: the gateway's feeds, or at once (red, bold, in words) that the gateway
        is silent and calls from the telephone are not being recorded."""
        session = self.session
        now = session.ctx.clock.now()
        parts, tips, down = feed_parts(gateway.health.values(), session)
        for view in gateway.gateways:
            tips.append(
                translate("MainWindow", "Gateway %1 on %2 (process %3), last heartbeat %4")
                .replace("%1", view.name)
                .replace("%2", view.host)
                .replace("%3", str(view.pid or "?"))
                .replace("%4", local_time(view.heartbeat_at, session.zone))
            )
        if gateway.read_error:
            tips.append(
                translate("MainWindow", "The gateway's state could not be read: %1").replace(
                    "%1", gateway.read_error
                )
            )
        if gateway.silence:
            named = len(gateway.gateways) > 1
            text = " ".join(silence_text(s, now, session.zone, named) for s in gateway.silence)
            self.feed_label.setText(text)
            self.feed_label.setStyleSheet(ALARM_STYLE)
        else:
            shown = " | ".join(parts) or translate("MainWindow", "none")
            self.feed_label.setText(translate("MainWindow", "Gateway feeds: %1").replace("%1", shown))
            self.feed_label.setStyleSheet(ALARM_STYLE if down else "")
        self.feed_label.setToolTip("\n\n".join(tips))


#: Red and bold, always with words that say the same (never colour alone).
ALARM_STYLE = "color: #b71c1c; font-weight: bold;"
#: Under this, a gateway's silence is said in seconds ("for 14 s"); from it on, since when.
SILENCE_IN_SECONDS = 120


def feed_parts(healths: Iterable[FeedHealth], session: ConsoleSession) -> tuple[list[str], list[str], bool]:
    """(each feed's short state, each feed's tooltip, whether any is down or delayed)."""
    parts, tips, down = [], [], False
    for health in healths:
        state = feed_state_text(health, session) + storing_text(health)
        # Storing delayed first: at the end it was what the squeezed status line cut off,
        # leaving a red "up, last 01:25" (colour alone) until the banner came 10 s later.
        shown = storing_text(health).lstrip(", ") if health.delayed else state
        parts.append(f"{health.feed.split('?')[0]}: {shown}")
        tips.append(f"{health.feed}\n{state} {health.detail} {health.store_detail}".strip())
        down = down or health.state is not FeedState.UP or health.delayed
    return parts, tips, down


def silence_text(silence: Silence, now: datetime, zone: tzinfo, named: bool) -> str:
    """``No heartbeat from the gateway for 14 s: calls from the telephone are not being recorded.``
    (``named``: the gateway's name too, when the centre has several)."""
    if silence.gateway is None:
        return translate(
            "MainWindow", "No gateway is running: calls from the telephone are not being recorded."
        )
    if silence.stopped_at is not None:
        template = (
            translate(
                "MainWindow",
                "The gateway %2 stopped at %1: calls from the telephone are not being recorded.",
            )
            if named
            else translate(
                "MainWindow", "The gateway stopped at %1: calls from the telephone are not being recorded."
            )
        )
        return template.replace("%1", local_time(silence.stopped_at, zone)).replace("%2", silence.gateway)
    seconds = int(silence.silent_for(now).total_seconds())
    if seconds < SILENCE_IN_SECONDS:
        template = (
            translate(
                "MainWindow",
                "No heartbeat from the gateway %2 for %1 s: calls from the telephone are not being recorded.",
            )
            if named
            else translate(
                "MainWindow",
                "No heartbeat from the gateway for %1 s: calls from the telephone are not being recorded.",
            )
        )
        shown = str(seconds)
    else:
        template = (
            translate(
                "MainWindow",
                "No heartbeat from the gateway %2 since %1: calls from the telephone are not being recorded.",
            )
            if named
            else translate(
                "MainWindow",
                "No heartbeat from the gateway since %1: calls from the telephone are not being recorded.",
            )
        )
        shown = local_time(silence.heartbeat_at, zone)
    return template.replace("%1", shown).replace("%2", silence.gateway)


def feed_state_text(health: FeedHealth, session: ConsoleSession) -> str:
    """``up, last 12:03:04`` / ``DOWN 0:45`` / ``connecting``: state as words, never colour alone."""
    now = session.ctx.clock.now()
    if health.state is FeedState.UP:
        if health.last_frame_at is None:
            return translate("MainWindow", "up")
        last = local_time(health.last_frame_at, session.zone)
        return translate("MainWindow", "up, last %1").replace("%1", last)
    if health.state is FeedState.DOWN:
        return translate("MainWindow", "DOWN %1").replace("%1", elapsed(health.since, now))
    if health.state is FeedState.CONNECTING:
        return translate("MainWindow", "connecting")
    return translate("MainWindow", "stopped")


def storing_text(health: FeedHealth) -> str:
    """``, STORING DELAYED (12 waiting)`` while a feed's frames wait for the database; else nothing."""
    if not health.delayed:
        return ""
    return translate("MainWindow", ", STORING DELAYED (%1 waiting)").replace("%1", str(health.queued))


def feed_alarm_text(alarm: FeedAlarm, zone: tzinfo) -> str:
    """One line of the alarm bar for a feed alarm (dispatch.feeds.supervisor)."""
    texts = {
        FeedAlarmKind.DOWN: translate(
            "MainWindow", "⚠ FEED DOWN: %1 since %2. Calls from it are not reaching this console."
        ),
        FeedAlarmKind.DELAYED: translate(
            "MainWindow",
            "⚠ CALLS NOT STORED YET: %1 since %2. The database does not accept them; they are kept on "
            "this computer and stored when it does.",
        ),
        FeedAlarmKind.RESTARTED: translate(
            "MainWindow", "⚠ FEED RESTARTED: %1 stopped at %2 and was started again (%3)."
        ),
        FeedAlarmKind.GARBAGE: translate(
            "MainWindow", "⚠ FEED SENDS GARBAGE: %1 since %2. Most of it is counted, not stored (%3)."
        ),
        FeedAlarmKind.SPOOL_FULL: translate(
            "MainWindow", "⚠ CALLS LOST: %1 since %2. The spool of frames waiting for the database is full."
        ),
    }
    return (
        texts[alarm.kind]
        .replace("%1", alarm.feed)
        .replace("%2", local_time(alarm.since, zone))
        .replace("%3", alarm.detail)
    )
