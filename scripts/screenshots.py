"""Render the main window offscreen, in both languages and at both target sizes, for the README.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [OUT_DIR]

Builds a realistic scene on a throwaway database: calls ringing (one from a repeat prank caller on
the watch list), one incident being taken with its protocol card answered and units dispatched,
others on the board, a silent call waiting for its callback; then, a few minutes later, overdue
timers under the unit board.

The supervisor opened the morning shift before the first call and wrote a pass-down; a few calls
were drawn for quality review.

Writes ``{call-taker,dispatcher,supervisor,review}-{lang}-{size}.png`` (each position; the review
position with the shift log of the shift, one call's timeline and the shift's figures),
``handover-{lang}-1366x768.png`` (the shift dock with the draft handover report),
``charts-{lang}-1366x768.png`` (the figures' charts), ``quality-review-{lang}-1366x768.png`` (a drawn
call's review form, half answered),
``two-monitors-{lang}-3286x1080.png`` (a dispatcher's window and a second monitor's floated docks),
``call-taking-{lang}-1366x768.png`` (caller history and the
protocol card), ``alerts-{lang}-1366x768.png`` (unit board with overdue alerts) and
``closing-{lang}-1366x768.png`` (the widest one-key choice) and
``database-not-answering-{lang}-1366x768.png`` (the fault bar while another process holds the database),
``centre-{lang}-1366x768.png`` (a centre's console that lost its database, a field another console
changed meanwhile), ``map-{lang}-1366x768.png`` (the dispatcher's situation map over tiles of a small
MBTiles file the script draws, the incident in the form joined to its recommended units),
``map-plain-{lang}-1366x768.png`` (the same without tiles: drawn from the village points) and
``map-tiles-setting-{lang}.png`` (the settings dialog saying why a file is not a usable tile file).
"""

from __future__ import annotations

import math
import os
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from dispatch.catalogue_files import load_default_catalogue, load_demo_agencies, load_demo_roster
from dispatch.domain.areas import AreaLevel, area_index
from dispatch.domain.clock import ManualClock
from dispatch.domain.enums import CallClass, UnitStatus
from dispatch.domain.forwarding import ForwardChannel
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.shifts import THREE_BY_EIGHT, shift_at
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.feeds.urls import SimFeedUrl
from dispatch.services import (
    accounts,
    agencies,
    callers,
    calls,
    camera_registry,
    dispatching,
    forwarding,
    incidents,
    locations,
    protocols,
    queries,
    shifts,
)
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from dispatch.services.uow import DatabaseUnavailable
from dispatch.simulator.callers import CallerGenerator
from dispatch.store.database import open_database, sqlite_url
from ui import positions
from ui.i18n import install_translator
from ui.main_window import MainWindow
from ui.map.projection import TILE_SIZE, tile_range, tms_row, world_xy
from ui.positions import Position
from ui.reveal import reveal
from ui.session import DEFAULT_ZONE, ConsoleSession

SIZES = {"1920x1080": (1920, 1080), "1366x768": (1366, 768)}
PRANKSTER = "0857-1234-0099"
#: Kota Semarang: the centre's own area (its villages named on the map).
CENTRE_AREA = "33.74"
#: What the sketched tiles cover (west, south, east, north) and at which levels.
TILE_BOUNDS = (110.26, -7.15, 110.52, -6.92)
TILE_ZOOMS = range(11, 16)


def ring_number(ctx: ServiceContext, clock: ManualClock, number: str, call_id: str) -> int:
    """A call from a chosen number (the simulator picks its own numbers)."""
    view = calls.record_signal(
        ctx.as_system(),
        CallSignal(
            kind=SignalKind.INCOMING,
            feed="sim://screenshots",
            received_at=clock.now(),
            number=parse_caller_number(number),
            raw=f"CID {number}".encode(),
            call_id=call_id,
        ),
    )
    assert view is not None
    return view.id


def build_scene(workdir: Path, lang: str) -> MainWindow:
    database = open_database(sqlite_url(workdir / f"scene-{lang}.sqlite3"))
    clock = ManualClock(datetime(2026, 11, 28, 2, 14, 0, tzinfo=UTC))
    ctx = accounts.register_console(database, clock, ChangeBus(), "KONSOL-03", "cc112-semarang-03")
    accounts.create_first_supervisor(ctx, "dewi", "Dewi Lestari", "latihan-112", "latihan-112")
    actor = accounts.log_in(ctx, "dewi", "latihan-112").actor
    assert actor is not None
    ctx = ctx.acting_as(actor)
    catalogue = load_default_catalogue()
    dispatching.load_roster(ctx, load_demo_roster())
    # The morning shift, opened by the supervisor before the first call, with its pass-down.
    morning = shifts.open_shift(ctx, shift_at(THREE_BY_EIGHT, ZoneInfo(DEFAULT_ZONE), clock.now()))
    shifts.set_pass_down(
        ctx,
        morning.id,
        "Jl. Pemuda ditutup sampai pukul 18.00 karena pawai; arahkan unit lewat Jl. Imam Bonjol.",
        "Konser di Simpang Lima pukul 19.00: satu ambulans siaga di lokasi.",
    )
    clock.advance(60)
    feed = SimulatedFeed(ctx, CallerGenerator(7, catalogue), SimFeedUrl(2, 7))
    units = {u.call_sign: u for u in queries.units(ctx)}

    # Earlier in the shift: a few finished calls and two incidents under way.
    for call_class in (CallClass.PRANK, CallClass.SILENT, CallClass.INFORMATION):
        call = feed.ring()
        clock.advance(6)
        calls.answer_call(ctx, call.id)
        clock.advance(20)
        calls.classify_call(ctx, call.id, call_class)
        clock.advance(40)
    fire_call = feed.ring()
    clock.advance(4)
    _, fire = calls.answer_call(ctx, fire_call.id)
    for field, value in (
        ("category", "FIRE"),
        ("street", "Jl. Pemuda"),
        ("house_number", "118"),
        ("village", "Sekayu"),
        ("district", "Semarang Tengah"),
        ("landmark", "dekat Paragon"),
    ):
        incidents.update_field(ctx, fire.id, field, value, catalogue)
    fire_units = [u.id for u in units.values() if u.agency_type == "fire"][:2]
    dispatching.assign_units(ctx, fire.id, fire_units)
    clock.advance(50)
    for unit_id in fire_units:
        dispatching.set_unit_status(ctx, unit_id, UnitStatus.ACKNOWLEDGED)
        dispatching.set_unit_status(ctx, unit_id, UnitStatus.EN_ROUTE)
    calls.hang_up(ctx, fire_call.id)
    clock.advance(180)

    # The call being taken now: a traffic accident with two units sent.
    laka_call = feed.ring()
    clock.advance(5)
    _, laka = calls.answer_call(ctx, laka_call.id)
    for field, value in (
        ("category", "LAKA"),
        ("caller_name", "Budi Santoso"),
        ("street", "Jl. Jenderal Sudirman"),
        ("house_number", "45"),
        ("rt", "02"),
        ("rw", "05"),
        ("village", "Gisikdrono"),
        ("district", "Semarang Barat"),
        ("regency", "Kota Semarang"),
        ("province", "Jawa Tengah"),
        ("landmark", "depan Indomaret"),
        ("lat", -6.98412),
        ("lon", 110.38957),
    ):
        incidents.update_field(ctx, laka.id, field, value, catalogue)
    incidents.add_note(ctx, laka.id, "Dua motor bertabrakan, satu korban luka di kepala, sadar.")
    police = next(u.id for u in units.values() if u.agency_type == "police")
    medical = next(u.id for u in units.values() if u.agency_type == "medical")
    dispatching.assign_units(ctx, laka.id, [medical, police])
    clock.advance(35)
    dispatching.set_unit_status(ctx, medical, UnitStatus.ACKNOWLEDGED)
    for question, answer in (("injured", "1"), ("trapped", "2"), ("conscious", "1")):  # yes, no, yes
        protocols.answer_question(ctx, laka.id, "LAKA", question, answer, lang)
        clock.advance(8)
    gisikdrono = next(match.code for match in locations.area_index().search("gisikdrono", within="33.74"))
    locations.set_area(ctx, laka.id, gisikdrono)

    # A caller who pranked twice this shift, on the watch list, rings again (still answered).
    callers.watch_number(ctx, PRANKSTER, "Mengaku ada bom di sekolah, 3 kali minggu ini")
    for attempt in range(2):
        call_id = ring_number(ctx, clock, PRANKSTER, f"prank-{attempt}")
        clock.advance(4)
        calls.answer_call(ctx, call_id)
        clock.advance(15)
        calls.classify_call(ctx, call_id, CallClass.PRANK)
        clock.advance(60)
    silent = feed.ring()
    clock.advance(5)
    calls.answer_call(ctx, silent.id)
    clock.advance(12)
    calls.classify_call(ctx, silent.id, CallClass.SILENT)
    feed.ring()
    clock.advance(7)
    ring_number(ctx, clock, PRANKSTER, "prank-2")
    clock.advance(3)

    session = ConsoleSession(ctx, catalogue, lang, simulator=feed, centre_area=CENTRE_AREA)
    window = MainWindow(session)
    feed.start()  # as the console does: the status bar says the simulator runs
    window.calls.resume_line(
        laka_call.id, "Ada kecelakaan motor di Jl. Sudirman depan Indomaret, korbannya berdarah!"
    )
    return window


def select_prank_call(window: MainWindow) -> None:
    """The repeat prank caller's ringing call selected: the caller panel shows its warnings."""
    rows = [
        row
        for row in range(window.call_model.rowCount())
        if window.call_model.row(row).number_national == PRANKSTER
        and window.call_model.row(row).state.value == "ringing"
    ]
    window.call_view.selectRow(rows[0])
    window.desk.follow_calls(force=True)


def two_monitors(app: QApplication, window: MainWindow) -> QImage:
    """A dispatcher's two monitors side by side: the window at 1920x1080 on the first, the unit board
    and the overdue timers floated onto a 1366x768 second one (each drawn as Qt draws it there)."""
    window.resize(1920, 1080)
    window.take_position(Position.DISPATCHER)
    units, alerts = window.docks[positions.UNITS], window.docks[positions.ALERTS]
    second = QRect(1920, 0, 1366, 768)
    units.setFloating(True)
    alerts.setFloating(True)
    units.setGeometry(QRect(second.x(), 0, 1366, 560))
    alerts.setGeometry(QRect(second.x(), 560, 1366, 208))
    settle(app)
    picture = QImage(1920 + 1366, 1080, QImage.Format.Format_RGB32)
    picture.fill(QColor("#202020"))
    painter = QPainter(picture)
    painter.drawPixmap(0, 0, window.grab())
    painter.drawPixmap(1920, 0, units.grab())
    painter.drawPixmap(1920, 560, alerts.grab())
    painter.end()
    window.take_position(Position.DISPATCHER)  # docked again
    return picture


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def wait_for_reads(app: QApplication, window: MainWindow) -> None:
    """The shift log, the figures and the handover report are read off the GUI thread."""
    for _ in range(200):
        settle(app)
        if not (window.review.busy or window.figures.busy or window.shifts.busy):
            break
        time.sleep(0.02)
    settle(app)


def show_review(app: QApplication, window: MainWindow) -> None:
    """The review position as a supervisor uses it: the shift's calls, a fire's timeline, the figures."""
    window.run_action("figures")
    window.run_action("shiftLog")
    wait_for_reads(app, window)
    rows = window.review.rows
    fire = next((row for row, found in enumerate(rows) if found.category == "FIRE"), 0)
    window.shift_log_view.results.selectRow(fire)
    window.review.show_timeline_of_row(fire)
    settle(app)


def supervisor_screens(app: QApplication, window: MainWindow, out: Path, lang: str) -> None:
    """The handover report, the figures' charts and a review form, at 1366x768."""
    window.take_position(Position.SUPERVISOR)
    window.run_action("shiftPanel")
    window.shift_panel.tabs.setCurrentIndex(0)
    wait_for_reads(app, window)
    shot(window, out / f"handover-{lang}-1366x768.png")
    window.take_position(Position.REVIEW)
    show_review(app, window)
    window.figures_view.tabs.setCurrentWidget(window.figures_view.charts_scroll)
    wait_for_reads(app, window)
    shot(window, out / f"charts-{lang}-1366x768.png")
    window.run_action("qualityReview")
    window.review.draw()
    if window.review.items:
        window.review.open_review(0)
        for row, key in enumerate("12141"):
            window.review.answer(row, key)
    settle(app)
    shot(window, out / f"quality-review-{lang}-1366x768.png")


def training_screens(app: QApplication, workdir: Path, out: Path, lang: str) -> None:
    """A trainer's console on a training database, at 1366x768: a scenario running with its fire call
    answered and half filled in (the trainer's panel; the trainee's caller lines), then ended and
    scored (the debrief)."""
    from dispatch.domain.enums import Role
    from dispatch.services import incidents, protocols
    from dispatch.simulator.scenario_files import find_scenario, load_scenario
    from dispatch.store.database import DatabaseKind

    database = open_database(sqlite_url(workdir / f"training-{lang}.sqlite3"), kind=DatabaseKind.TRAINING)
    clock = ManualClock(datetime(2026, 11, 28, 2, 14, 0, tzinfo=UTC))
    console = accounts.register_console(database, clock, ChangeBus(), "LATIH-01", "cc112-semarang-latih")
    accounts.create_first_supervisor(console, "sari", "Sari Wulandari", "latihan-112", "latihan-112")
    actor = accounts.log_in(console, "sari", "latihan-112").actor
    assert actor is not None
    ctx = console.acting_as(actor)
    accounts.create_user(ctx, "dewi", "Dewi Lestari", "latihan-112", "latihan-112", Role.CALL_TAKER)
    catalogue = load_default_catalogue()
    dispatching.load_roster(ctx, load_demo_roster())
    feed = SimulatedFeed(ctx, CallerGenerator(7, catalogue), SimFeedUrl(2, 7))
    window = MainWindow(ConsoleSession(ctx, catalogue, lang, simulator=feed))
    window.resize(*SIZES["1366x768"])
    window.show()
    path = find_scenario("fire-trapped-tembalang")
    assert path is not None
    loaded = load_scenario(path, catalogue)
    window.training.add_scenario(loaded)
    window.training.choose_scenario(loaded.scenario.id)
    run = window.training.new_run(loaded, [actor.user_id or 0])
    run.start()
    for _ in range(6):
        clock.advance(1)
        window.tick()
    window.boards.apply_changes()
    call = next(c for c in window.call_model.rows() if c.incident_id is None)
    window.calls.answer(call)
    window.training.say_opening(call.id)
    incident = window.incidents.shown
    assert incident is not None
    for field, value in (
        ("category", "FIRE"),
        ("street", "Jl. Banjarsari Raya gg. 3"),
        ("house_number", "21"),
    ):
        incidents.update_field(ctx, incident.id, field, value, catalogue)
    clock.advance(12)
    incidents.add_note(
        ctx,
        incident.id,
        "Alamatnya di mana? Ada patokan?" if lang == "id" else "Where exactly? Any landmark?",
    )
    window.tick()
    window.training.ask(call.id, "people_inside")
    protocols.answer_question(ctx, incident.id, "FIRE", "people_inside", "1", lang)
    window.boards.apply_changes()
    window.incidents.open(incident.id)
    window.take_position(Position.CALL_TAKER)
    settle(app)
    shot(window, out / f"training-caller-lines-{lang}-1366x768.png")
    window.take_position(Position.TRAINER)
    window.run_action("training.panel")
    window.training.refresh_calls()
    settle(app)
    shot(window, out / f"trainer-{lang}-1366x768.png")
    clock.advance(40)
    window.training.end_now()
    window.run_action("training.debrief")
    settle(app)
    shot(window, out / f"debrief-{lang}-1366x768.png")
    window.close()
    database.dispose()
    window.deleteLater()
    app.processEvents()


def centre_screen(app: QApplication, window: MainWindow, out: Path, lang: str) -> None:
    """A centre's console (issue 13): the connection banner, and the street of the incident in the
    form changed at another console while the call-taker typed over it (both values beside it)."""
    ctx = window.session.ctx
    incident = max(queries.active_incidents(ctx), key=lambda view: view.id)
    window.take_position(Position.CALL_TAKER)
    window.incidents.open(incident.id)
    reveal(window.incident_panel)
    settle(app)
    other = accounts.register_console(ctx.database, ctx.clock, ChangeBus(), "KONSOL-02", "screenshots")
    incidents.update_field(
        other.acting_as(ctx.actor), incident.id, "street", "Jl. Sriwijaya", window.session.catalogue
    )
    street = window.incident_panel.inputs["street"]
    street.setFocus()
    street.selectAll()  # type: ignore[attr-defined]
    QTest.keyClicks(street, "Jl. Pandanaran")
    window.incident_panel.flush_all()
    window.connection_banner.show_lost(ctx.clock.now(), 2, 4.0, "connection refused")
    settle(app)
    shot(window, out / f"centre-{lang}-1366x768.png")
    window.connection_banner.show_restored()


def sketch_tiles(path: Path) -> Path:
    """A small MBTiles file of Kota Semarang drawn here, for the map's screenshots: not a street map
    (a centre's GIS office makes its own from OpenStreetMap) but enough to see tiles beneath the
    markers. Land, the Java Sea north of a rough coastline, two flood canals, and roads joining each
    kelurahan's centre to its nearest neighbours (main roads between the kecamatan's centres)."""
    index = area_index()
    villages = [(p.lat, p.lon) for p in index.places(CENTRE_AREA, AreaLevel.VILLAGE)]
    districts = [(p.lat, p.lon) for p in index.places(CENTRE_AREA, AreaLevel.DISTRICT)]

    def nearest_pairs(points: list[tuple[float, float]], count: int) -> set[tuple[int, int]]:
        pairs = set()
        for i, (lat, lon) in enumerate(points):
            ranked = sorted(
                range(len(points)), key=lambda j: math.hypot(points[j][0] - lat, points[j][1] - lon)
            )
            pairs.update(tuple(sorted((i, j))) for j in ranked[1 : count + 1])
        return pairs  # type: ignore[return-value]

    streets = [(villages[i], villages[j]) for i, j in nearest_pairs(villages, 3)]
    main_roads = [(districts[i], districts[j]) for i, j in nearest_pairs(districts, 2)]
    coast = [(-6.952, 110.26), (-6.955, 110.33), (-6.947, 110.38), (-6.938, 110.41), (-6.937, 110.43)]
    coast += [(-6.946, 110.44), (-6.951, 110.47), (-6.944, 110.52)]
    canals = [
        [(-6.940, 110.398), (-6.960, 110.399), (-6.985, 110.396), (-7.010, 110.392), (-7.030, 110.395)],
        [(-6.948, 110.445), (-6.975, 110.448), (-7.000, 110.452), (-7.020, 110.455)],
    ]
    west, south, east, north = TILE_BOUNDS
    covered = QRectF(QPointF(*world_xy(north, west)), QPointF(*world_xy(south, east)))
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        db.execute(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)"
        )
        metadata = {
            "name": "Kota Semarang (sketch)",
            "format": "png",
            "bounds": f"{west},{south},{east},{north}",
            "minzoom": str(min(TILE_ZOOMS)),
            "maxzoom": str(max(TILE_ZOOMS)),
            "attribution": "Sketch tiles (scripts/screenshots.py)",
        }
        db.executemany("INSERT INTO metadata VALUES (?, ?)", list(metadata.items()))
        for zoom in TILE_ZOOMS:
            scale = 2.0**zoom
            first_col, last_col, first_row, last_row = tile_range(covered, zoom)
            for column in range(first_col, last_col + 1):
                for row in range(first_row, last_row + 1):
                    image = QImage(TILE_SIZE, TILE_SIZE, QImage.Format.Format_RGB32)
                    image.fill(QColor("#f2efe9"))
                    painter = QPainter(image)
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                    painter.translate(-column * TILE_SIZE, -row * TILE_SIZE)
                    painter.scale(scale, scale)

                    def at(lat: float, lon: float) -> QPointF:
                        return QPointF(*world_xy(lat, lon))

                    sea = QPolygonF([at(-6.80, 110.20), *(at(*p) for p in coast), at(-6.80, 110.60)])
                    sea.append(at(-6.80, 110.20))
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor("#aad3df"))
                    painter.drawPolygon(sea)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    for line in canals:
                        path_ = QPainterPath(at(*line[0]))
                        for point in line[1:]:
                            path_.lineTo(at(*point))
                        painter.setPen(QPen(QColor("#aad3df"), 4 / scale))
                        painter.drawPath(path_)
                    for roads, casing, fill, width in (
                        (streets, "#d6d0c4", "#ffffff", 3.0 if zoom >= 14 else 1.6),
                        (main_roads, "#c9a65a", "#f7d98b", 5.0 if zoom >= 14 else 3.0),
                    ):
                        for colour, pixels in ((casing, width + 1.5), (fill, width)):
                            pen = QPen(QColor(colour), pixels / scale)
                            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                            painter.setPen(pen)
                            for a, b in roads:
                                painter.drawLine(at(*a), at(*b))
                    painter.end()
                    data = QByteArray()
                    buffer = QBuffer(data)
                    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
                    image.save(buffer, "PNG")
                    buffer.close()
                    db.execute(
                        "INSERT INTO tiles VALUES (?, ?, ?, ?)",
                        (zoom, column, tms_row(zoom, row), bytes(data.data())),
                    )
    return path


def map_screens(app: QApplication, window: MainWindow, out: Path, lang: str, tiles: Path) -> None:
    """The dispatcher's situation map (Ctrl+M): a medical call from Tembalang placed at the kelurahan's
    centre (its radius dashed) in the form, joined to its recommended units; a fire at Sekayu's centre,
    another at Kaligawe's; with the sketched tiles beneath, then without. And the tile setting refusing
    a file."""
    ctx = window.session.ctx
    catalogue = window.session.catalogue
    feed = window.session.simulator
    assert feed is not None
    index = area_index()
    active = queries.active_incidents(ctx)
    fire = next(view for view in active if view.category == "FIRE")
    sekayu = next(m.code for m in index.search("sekayu", within=CENTRE_AREA) if m.village == "Sekayu")
    locations.set_area(ctx, fire.id, sekayu)
    for category, place in (("MED", "tembalang"), ("FIRE", "kaligawe")):
        call = feed.ring()
        _, incident = calls.answer_call(ctx, call.id)
        incidents.update_field(ctx, incident.id, "category", category, catalogue)
        code = next(m.code for m in index.search(place, within=CENTRE_AREA) if m.village)
        locations.set_area(ctx, incident.id, code)
        calls.hang_up(ctx, call.id)
    medical = next(view for view in queries.active_incidents(ctx) if view.category == "MED")
    window.boards.apply_changes()
    window.resize(*SIZES["1366x768"])
    window.take_position(Position.DISPATCHER)
    window.incidents.open(medical.id)
    window.run_action("showMap")
    for _ in range(200):
        settle(app)
        if window.map.places:
            break
        time.sleep(0.02)
    window.map.use_tiles(tiles)
    assert medical.id == window.situation_map.selected_incident
    shown = window.incidents.shown
    placed = None if shown is None else shown.placed
    assert placed is not None
    window.situation_map.centre_on(placed.lat - 0.01, placed.lon, 13)
    settle(app)
    shot(window, out / f"map-{lang}-1366x768.png")
    window.map.use_tiles(None)
    settle(app)
    shot(window, out / f"map-plain-{lang}-1366x768.png")
    window.map.use_tiles(tiles)

    from ui.dialogs.settings import SettingsDialog
    from ui.settings import ConsoleSettings

    notes = tiles.with_name("peta-semarang.mbtiles")
    notes.write_text("bukan berkas ubin peta\n")
    dialog = SettingsDialog(ConsoleSettings(console_name="KONSOL-03", centre_area=CENTRE_AREA), window)
    dialog.show()
    dialog.fit_screen(QRect(0, 0, *SIZES["1366x768"]))  # as on that screen (offscreen's is smaller)
    dialog.map_tiles.chosen(str(notes))
    dialog.scroll_area.ensureWidgetVisible(dialog.map_tiles)
    settle(app)
    dialog.grab().save(str(out / f"map-tiles-setting-{lang}.png"))
    print(out / f"map-tiles-setting-{lang}.png")
    dialog.close()


def forwarding_screens(app: QApplication, window: MainWindow, out: Path, lang: str) -> None:
    """Forwarding (Ctrl+T): a fire in Tembalang forwarded to Damkar (a person took it on the phone)
    and to the kecamatan's Polsek by radio, not acknowledged after its 5 minutes; the cameras near it
    (Ctrl+J) with a local test camera playing; the supervisor's agency directory."""
    from tests.ui.mjpeg_server import MjpegServer

    ctx = window.session.ctx
    clock = ctx.clock
    assert isinstance(clock, ManualClock)
    catalogue = window.session.catalogue
    feed = window.session.simulator
    assert feed is not None
    for spec in load_demo_agencies():  # the scene's database is a live one: entered as a supervisor would
        agencies.create_agency(ctx, spec)
    call = feed.ring()
    clock.advance(4)
    _, fire = calls.answer_call(ctx, call.id)
    for field, value in (("category", "FIRE"), ("street", "Jl. Mulawarman Raya"), ("house_number", "12")):
        incidents.update_field(ctx, fire.id, field, value, catalogue)
    tembalang = next(
        m.code for m in area_index().search("tembalang", within=CENTRE_AREA) if m.village == "Tembalang"
    )
    locations.set_area(ctx, fire.id, tembalang)
    clock.advance(30)
    by_code = {agency.code: agency.id for agency in agencies.agencies(ctx)}
    forwarding.forward(
        ctx, fire.id, by_code["DAMKAR-SMG"], channel=ForwardChannel.PHONE, person="Joko", acknowledged=True
    )
    clock.advance(15)
    forwarding.forward(ctx, fire.id, by_code["POLSEK-TEMBALANG"], channel=ForwardChannel.RADIO)
    clock.advance(5 * 60 + 10)
    window.alarms.check_timers()
    window.boards.apply_changes()
    window.resize(*SIZES["1366x768"])
    window.take_position(Position.CALL_TAKER)
    window.incidents.open(fire.id)
    window.run_action("forward")
    window.run_action("forward")  # again: the forwardings and what the agencies reported
    settle(app)
    wait_for_reads(app, window)
    shot(window, out / f"forwarding-{lang}-1366x768.png")

    placed = queries.incident(ctx, fire.id)
    assert placed is not None
    assert placed.lat is not None
    assert placed.lon is not None
    with MjpegServer(fps=10, width=640, height=360) as camera:
        rows = ["id,name,owner,lat,lon,stream_url"]
        for number in range(24):
            angle = number * 2.4
            metres = 120 + 90 * number
            lat = placed.lat + metres / 111_000 * math.sin(angle)
            lon = placed.lon + metres / 110_000 * math.cos(angle)
            url = camera.url if number == 0 else f"rtsp://10.12.0.{number}/stream1"
            name = f"SMG-CCTV-{number + 1:05d},Simpang RT {number + 1:02d},Diskominfo (DEMO)"
            rows.append(f"{name},{lat:.6f},{lon:.6f},{url}")
        camera_registry.import_cameras(ctx, ("\n".join(rows) + "\n").encode())
        window.take_position(Position.DISPATCHER)  # the cameras behind the units, the whole height
        window.run_action("cameras")
        for _ in range(250):
            settle(app)
            if window.camera_panel.cameras.current_camera() is not None:
                break
            time.sleep(0.02)
        nearest = window.camera_panel.cameras.current_camera()
        assert nearest is not None
        window.camera_work.play(nearest)
        for _ in range(500):
            settle(app)
            if not window.camera_panel.video.image.isNull():
                break
            time.sleep(0.02)
        settle(app)
        shot(window, out / f"cameras-{lang}-1366x768.png")
        window.camera_work.stop()
        settle(app)

    from ui.dialogs.directory import DirectoryDialog

    dialog = DirectoryDialog(ctx, catalogue, lang, window)
    dialog.resize(*SIZES["1366x768"])
    dialog.show()
    settle(app)
    dialog.grab().save(str(out / f"directory-{lang}.png"))
    print(out / f"directory-{lang}.png")
    dialog.close()


def shot(window: MainWindow, path: Path) -> None:
    window.grab().save(str(path))
    print(path)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        tiles = sketch_tiles(Path(tmp) / "semarang-sketch.mbtiles")
        for lang in ("id", "en"):
            translator = install_translator(app, lang)
            window = build_scene(Path(tmp), lang)
            for size_name, (width, height) in SIZES.items():
                window.resize(width, height)
                window.show()
                for position in Position:
                    if position is Position.TRAINER:
                        continue  # a live console trains nobody: training_screens shows it
                    window.take_position(position)
                    if position is Position.REVIEW:
                        show_review(app, window)
                    settle(app)
                    path = out / f"{position.value.replace('_', '-')}-{lang}-{size_name}.png"
                    window.grab().save(str(path))
                    print(path)
            path = out / f"two-monitors-{lang}-3286x1080.png"
            two_monitors(app, window).save(str(path))
            print(path)
            window.resize(*SIZES["1366x768"])
            supervisor_screens(app, window, out, lang)
            window.take_position(Position.CALL_TAKER)
            select_prank_call(window)
            reveal(window.protocol_card)
            settle(app)
            path = out / f"call-taking-{lang}-1366x768.png"
            window.grab().save(str(path))
            print(path)
            # Three minutes on: the police unit never acknowledged, a call still ringing.
            clock = window.session.ctx.clock
            assert isinstance(clock, ManualClock)
            clock.advance(150)
            window.alarms.check_timers()
            reveal(window.dispatch_panel)
            settle(app)
            path = out / f"alerts-{lang}-1366x768.png"
            window.grab().save(str(path))
            print(path)
            # Another console held the database while a key was pressed: what the fault bar says.
            window.fault_bar.report(DatabaseUnavailable("busy", "database is locked"))
            settle(app)
            path = out / f"database-not-answering-{lang}-1366x768.png"
            window.grab().save(str(path))
            print(path)
            window.fault_bar.database_answered()
            centre_screen(app, window, out, lang)
            # The smallest screen with the widest one-key choice showing (closing an incident).
            window.resize(*SIZES["1366x768"])
            window.incidents.close_incident()
            for _ in range(5):
                app.processEvents()
            path = out / f"closing-{lang}-1366x768.png"
            window.grab().save(str(path))
            print(path)
            QTest.keyClick(window.choice_bar, Qt.Key.Key_Escape)
            map_screens(app, window, out, lang, tiles)
            forwarding_screens(app, window, out, lang)
            window.close()
            window.session.ctx.database.dispose()
            window.deleteLater()
            training_screens(app, Path(tmp), out, lang)
            app.removeTranslator(translator)
            app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
