"""The simulator is a pure driver: nothing happens until its driver advances it, by the clock it is given."""

from __future__ import annotations

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, CallState
from dispatch.feeds.urls import SimFeedUrl
from dispatch.services import queries
from dispatch.services.context import ServiceContext
from dispatch.simulator.callers import CallerGenerator
from dispatch.simulator.driver import SimulatedFeed


def test_calls_ring_and_hang_up_only_as_the_driven_clock_passes(
    ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    feed = SimulatedFeed(ctx, CallerGenerator(4, catalogue), SimFeedUrl(rate_per_minute=2, seed=4))
    assert feed.advance() == [], "not started: nothing rings"
    feed.start()
    assert feed.running
    wait = feed.seconds_until_due()
    assert wait is not None
    assert wait > 0
    assert feed.advance() == [], "not due yet"
    clock.advance(wait)
    (rang,) = feed.advance()
    assert rang.state is CallState.RINGING
    assert [c.id for c in queries.call_queue(ctx)] == [rang.id]
    caller = feed.caller_for(rang.id)
    assert caller is not None
    feed.stop()
    clock.advance(caller.ring_seconds + 1)
    assert feed.advance() == [], "stopped: no new caller, and nobody hangs up"
    feed.start()
    feed.advance()
    ended = next(c for c in queries.call_queue(ctx) if c.id == rang.id)
    assert ended.state is CallState.ENDED, "the caller's patience ran out"
    assert ended.classification is CallClass.ABANDONED
