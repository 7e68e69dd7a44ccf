"""What one logged-in console needs on screen, built once at start-up."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from dispatch.domain.callers import DEFAULT_PRANK_THRESHOLD
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.timers import TimerThresholds
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services.context import ServiceContext

if TYPE_CHECKING:
    from ui.feed_monitor import FeedMonitor

DEFAULT_ZONE = "Asia/Jakarta"


@dataclass
class ConsoleSession:
    ctx: ServiceContext
    catalogue: Catalogue
    lang: str = "id"
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo(DEFAULT_ZONE))
    simulator: SimulatedFeed | None = None
    feeds: FeedMonitor | None = None
    thresholds: TimerThresholds = field(default_factory=TimerThresholds)
    #: Beep when a timer alert is raised (ConsoleSettings.alert_sound).
    alert_sound: bool = False
    #: Speed for the recommendation's straight-line ETA (ConsoleSettings.eta_speed_kmh).
    eta_speed_kmh: float = 40.0
    #: Prank calls in 24 h, the ringing one included, that flag a repeat prank caller.
    prank_threshold: int = DEFAULT_PRANK_THRESHOLD
    #: The centre's own area code prefix ("33.74"): its areas come first in the type-ahead.
    centre_area: str = ""

    @property
    def training(self) -> bool:
        return self.simulator is not None
