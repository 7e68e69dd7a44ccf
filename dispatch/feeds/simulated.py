"""The built-in feed of synthetic callers: ``dispatch.simulator.driver`` (a pure driver, no timers
of its own; the window drives its time). Kept here because feeds are where calls come from."""

from dispatch.simulator.driver import SimulatedFeed

__all__ = ["SimulatedFeed"]
