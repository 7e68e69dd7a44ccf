"""What one logged-in console needs on screen, built once at start-up."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal, SignalInstance

from dispatch.domain.callers import DEFAULT_PRANK_THRESHOLD
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.shifts import DEFAULT_PATTERN, ShiftPattern
from dispatch.domain.timers import TimerThresholds
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services.context import Actor, ServiceContext

if TYPE_CHECKING:
    from dispatch.domain.play_clock import PlayClock
    from dispatch.simulator.crews import SimulatedCrews
    from dispatch.simulator.scenario_run import ScenarioRun
    from ui.feed_monitor import FeedMonitor
    from ui.gateway_feeds import GatewayFeeds

DEFAULT_ZONE = "Asia/Jakarta"
# Who acts while the console is locked after a log-out: no user, no role (``can`` refuses all).
NO_ONE = Actor(user_id=None, user_name="")


class SessionEvents(QObject):
    """What a session announces to the window (``ConsoleSession.events``)."""

    # The user at the console changed (change of user, log-out, log-in after a lock): the new
    # ``Actor`` (``NO_ONE`` while locked). What depends on the role is refreshed from it.
    user_changed = Signal(object)


@dataclass
class ConsoleSession:
    ctx: ServiceContext
    catalogue: Catalogue
    lang: str = "id"
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo(DEFAULT_ZONE))
    simulator: SimulatedFeed | None = None
    #: The feeds this console runs (``FeedMonitor``), or on a live centre's console its gateway's
    #: (``GatewayFeeds``: the console only shows them); None in training.
    feeds: FeedMonitor | GatewayFeeds | None = None
    thresholds: TimerThresholds = field(default_factory=TimerThresholds)
    #: Beep when a timer alert is raised (ConsoleSettings.alert_sound).
    alert_sound: bool = False
    #: Speed for the recommendation's straight-line ETA (ConsoleSettings.eta_speed_kmh).
    eta_speed_kmh: float = 40.0
    #: Prank calls in 24 h, the ringing one included, that flag a repeat prank caller.
    prank_threshold: int = DEFAULT_PRANK_THRESHOLD
    #: The centre's own area code prefix ("33.74"): its areas come first in the type-ahead.
    centre_area: str = ""
    #: The centre's shifts (ConsoleSettings.shift_pattern): Open shift opens the pattern's shift at now.
    shift_pattern: ShiftPattern = DEFAULT_PATTERN
    #: The position the window is arranged in (a ``ui.positions.Position`` value, "" before the
    #: window): a log-in at this console records it with the user and the duty shift.
    position: str = ""
    #: The training scenario loaded or running at this console (``--scenario``, or started from the
    #: trainer's panel); while it exists no random caller rings (the window's tick advances it instead).
    scenario_run: ScenarioRun | None = None
    #: The simulated units of a training console: dispatched units acknowledge, travel, arrive and
    #: clear by themselves (``dispatch.simulator.crews``). None on a live console.
    crews: SimulatedCrews | None = None
    #: Scenario time for the crews while no scenario runs (started with the window); a scenario run
    #: brings its own (``ScenarioRun.play``).
    play: PlayClock | None = None
    #: A console of a centre: its database is PostgreSQL, shared with other consoles (issue 13). It
    #: hears their changes through the change feed (``dispatch.services.change_feed``); on a live
    #: database the gateway (``dispatch-console gateway``) runs the feeds, the overdue timers and the
    #: alerts, and this console only shows them.
    centre: bool = False

    # Signals to the window; see ``SessionEvents``.
    events: SessionEvents = field(default_factory=SessionEvents, repr=False, compare=False)

    @property
    def training(self) -> bool:
        return self.simulator is not None

    @property
    def user_changed(self) -> SignalInstance:
        """``events.user_changed``: emitted with the new ``Actor`` after ``set_actor``."""
        return self.events.user_changed

    @property
    def logged_in(self) -> bool:
        return self.ctx.actor.user_id is not None

    def set_actor(self, actor: Actor) -> None:
        """From now on the console acts as ``actor`` (the rest of the context kept); announced."""
        self.ctx = replace(self.ctx, actor=actor)
        self.events.user_changed.emit(actor)
