"""Start-up: language, database (refused with a clear dialog when not usable), accounts, window."""

from __future__ import annotations

import argparse
import functools
import gc
import socket
import sys
import threading
from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from dispatch.catalogue_files import load_default_catalogue, load_demo_roster
from dispatch.domain.areas import warm_up_areas
from dispatch.domain.clock import SystemClock
from dispatch.domain.phone import warm_up_descriptions
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.feeds.urls import FeedUrlError, SimFeedUrl, parse_feed_url
from dispatch.resources import resource_path
from dispatch.services import accounts, dispatching
from dispatch.services.bus import ChangeBus
from dispatch.services.context import Actor, ServiceContext
from dispatch.simulator.callers import CallerGenerator
from dispatch.store.database import DatabaseRefused, open_database
from ui.dialogs.accounts import FirstSupervisorDialog, LoginDialog
from ui.dialogs.refusal import refusal_text
from ui.feed_monitor import FeedMonitor
from ui.i18n import default_language, install_translator
from ui.main_window import MainWindow
from ui.session import ConsoleSession
from ui.settings import APP_NAME, ConsoleSettings, database_url

EXIT_REFUSED = 3
EXIT_NOT_LOGGED_IN = 1


def run_console(options: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "dispatch-console.svg"))))
    settings = ConsoleSettings.load()
    lang = options.lang or settings.language or default_language()
    install_translator(app, lang)

    try:
        feed_urls = [parse_feed_url(text) for text in [*settings.feeds, *options.feed]]
    except FeedUrlError as error:
        QMessageBox.critical(None, app.translate("Refusal", "Feed not understood"), str(error))
        return EXIT_REFUSED
    # Training is what a console without feeds does, and training never runs live feeds.
    training = options.simulator or (not feed_urls and not options.live)
    url = database_url(options.db, training)
    try:
        database = open_database(url)
    except DatabaseRefused as refused:
        QMessageBox.critical(None, app.translate("Refusal", "Database refused"), refusal_text(refused))
        return EXIT_REFUSED

    clock = SystemClock()
    ctx = accounts.register_console(
        database, clock, ChangeBus(), options.console or settings.console_name, socket.gethostname()
    )
    actor = authenticate(ctx)
    if actor is None:
        database.dispose()
        return EXIT_NOT_LOGGED_IN
    ctx = ctx.acting_as(actor)
    catalogue = load_default_catalogue()
    simulator = None
    if training:
        dispatching.load_roster(ctx, load_demo_roster())
        sim_url = SimFeedUrl(
            rate_per_minute=options.sim_rate or settings.sim_rate, seed=options.sim_seed or 1
        )
        if options.sim_seed is None:
            sim_url = SimFeedUrl(rate_per_minute=sim_url.rate_per_minute, seed=int(clock.now().timestamp()))
        simulator = SimulatedFeed(ctx, CallerGenerator(sim_url.seed, catalogue), sim_url)
    monitor = None
    if not training and feed_urls:
        monitor = FeedMonitor(ctx, feed_urls, options.region or settings.region)
    session = ConsoleSession(
        ctx,
        catalogue,
        lang,
        ZoneInfo(settings.time_zone),
        simulator,
        monitor,
        thresholds=settings.thresholds,
        alert_sound=settings.alert_sound,
        eta_speed_kmh=settings.eta_speed_kmh,
        prank_threshold=settings.prank_threshold,
        centre_area=settings.centre_area,
    )
    window = MainWindow(session)
    window.show()
    if monitor is not None:
        monitor.start()
    # The carrier and area tables load off the GUI thread, before the first caller needs them; what
    # they load is then frozen out of the garbage collector's sight too (see freeze_long_lived).
    warm_ups = [
        threading.Thread(
            target=warm_up_then_freeze, args=(warm_up_descriptions,), name="phone-tables", daemon=True
        ),
        threading.Thread(
            target=warm_up_then_freeze,
            args=(functools.partial(warm_up_areas, within=settings.centre_area),),
            name="area-index",
        ),
    ]
    freeze_long_lived()
    for thread in warm_ups:
        thread.start()
    if simulator is not None:
        simulator.start()
    code = app.exec()
    # A warm-up still reading when the interpreter (or Qt) shuts down crashed the process at exit;
    # a quick quit waits for them instead (a few seconds at most).
    for thread in warm_ups:
        thread.join()
    # Collectable again, so that the window and its Qt objects are freed while Qt still exists (a
    # frozen object is left to the interpreter's exit, after Qt's, which can crash PySide6).
    gc.unfreeze()
    if monitor is not None:
        monitor.stop()
    accounts.log_out(ctx)
    database.dispose()
    return code


def freeze_long_lived(collect: bool = True) -> None:
    """Keep what exists now (modules, tables, the window) out of the garbage collector's full passes.

    A full collection walked every object the console had loaded and stopped the window for 57 ms
    (bench/bench_boards.py: the worst event-loop stalls at 2,000 units); with these objects frozen it
    took 4 ms. They live until the console quits, so nothing is lost by never collecting them.
    ``collect`` first clears what is already garbage (itself a full pass: done once, at start-up).
    """
    if collect:
        gc.collect()
    gc.freeze()


def warm_up_then_freeze(work: Callable[[], object]) -> None:
    """A warm-up off the GUI thread, then its tables frozen (no collection: that would stall the GUI)."""
    work()
    freeze_long_lived(collect=False)


def authenticate(ctx: ServiceContext) -> Actor | None:
    """First start asks for the supervisor account (and logs them in); later starts ask to log in."""
    dialog: FirstSupervisorDialog | LoginDialog
    dialog = FirstSupervisorDialog(ctx) if not accounts.has_users(ctx) else LoginDialog(ctx)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor
