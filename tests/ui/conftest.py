"""The real main window on a real database, with the simulated feed under the test's control."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from dispatch.domain.catalogue import Catalogue
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.feeds.urls import SimFeedUrl
from dispatch.services.context import ServiceContext
from dispatch.simulator.callers import CallerGenerator
from ui.main_window import MainWindow
from ui.session import ConsoleSession


@pytest.fixture
def feed(ctx: ServiceContext, catalogue: Catalogue) -> Iterator[SimulatedFeed]:
    simulated = SimulatedFeed(ctx, CallerGenerator(11, catalogue), SimFeedUrl(rate_per_minute=2, seed=11))
    yield simulated
    simulated.stop()


@pytest.fixture
def window(
    qtbot: QtBot, ctx: ServiceContext, catalogue: Catalogue, feed: SimulatedFeed
) -> Iterator[MainWindow]:
    session = ConsoleSession(ctx, catalogue, "en", simulator=feed)
    main = MainWindow(session)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    qtbot.waitUntil(main.isActiveWindow)
    yield main
    main.close()
