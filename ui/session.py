"""What one logged-in console needs on screen, built once at start-up."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from dispatch.domain.catalogue import Catalogue
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

    @property
    def training(self) -> bool:
        return self.simulator is not None
