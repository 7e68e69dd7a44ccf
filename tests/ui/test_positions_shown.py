"""Where the caller is, on screen, through the real window: the position's source and precision in
words under the location fields, the handset position offered and taken by keyboard, distances from a
kelurahan's centre marked "~" with what they are measured from, premise history's rough distances,
and the alert for a handset position that matched no call, in English and in Indonesian."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dispatch.domain.aml import AmlFix, AmlMethod
from dispatch.domain.areas import AreaLevel, area_index
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.geo import distance_m
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.positions import AmlState, PositionSource
from dispatch.domain.signals import CallSignal, LocationSignal, SignalKind
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.feeds.urls import SimFeedUrl
from dispatch.services import aml, calls, incidents, locations, queries
from dispatch.services.context import ServiceContext
from dispatch.services.snapshots import AmlView
from dispatch.simulator.callers import CallerGenerator
from dispatch.store.tables import Incident
from tests.ui.keys import CTRL, press, type_text
from ui.distances import distance_words
from ui.i18n import install_translator
from ui.main_window import MainWindow
from ui.session import ConsoleSession
from ui.timefmt import local_time
from ui.widgets.alert_list import AlertList
from ui.widgets.location_entry import radius_words

CALLER = "0812-3456-7890"
#: Typed by the call-taker (Jl. Ngesrep Timur, Tembalang) and the handset's own fix 80-odd m away.
TYPED = (-7.05210, 110.43950)
HANDSET = (-7.05280, 110.43990)


def ring(ctx: ServiceContext, number: str = CALLER) -> int:
    """A call from a chosen number (the simulator picks its own numbers), answered: its incident."""
    view = calls.record_signal(
        ctx.as_system(),
        CallSignal(
            kind=SignalKind.INCOMING,
            feed="sim://positions",
            received_at=ctx.clock.now(),
            number=parse_caller_number(number),
            raw=f"CID {number}".encode(),
            call_id=f"positions-{number}-{ctx.clock.now().timestamp()}",
        ),
    )
    assert view is not None
    return calls.answer_call(ctx, view.id)[1].id


def handset(ctx: ServiceContext, lat: float, lon: float, radius_m: float, number: str = CALLER) -> AmlView:
    """An AML SMS from ``number`` as the modem feed stores it: fixed 5 s before it came."""
    now = ctx.clock.now()
    text = f'A"ML=1;lt={lat:+.5f};lg={lon:+.5f};rd={radius_m:g};top={now:%Y%m%d%H%M%S};lc=68;pm=G'
    fix = AmlFix(1, lat, lon, radius_m, now - timedelta(seconds=5), 68, AmlMethod.GNSS, text=text)
    signal = LocationSignal(
        "aml-sms:serial:/dev/ttyUSB1", now, parse_caller_number(number), text.encode(), fix
    )
    return aml.record_location(ctx, signal)


def stored(ctx: ServiceContext, incident_id: int) -> Incident:
    with ctx.database.transaction() as session:
        row = session.get_one(Incident, incident_id)
        session.expunge(row)
        return row


def opened(qtbot: QtBot, window: MainWindow, incident_id: int) -> None:
    window.incidents.open(incident_id)  # what Enter on the incidents board does
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)


def tembalang() -> str:
    """Kelurahan Tembalang, Kecamatan Tembalang, Kota Semarang."""
    found = [
        match
        for match in area_index().search("tembalang", within="33.74")
        if match.level is AreaLevel.VILLAGE and match.name == "Tembalang" and match.code.startswith("33.74.")
    ]
    assert len(found) == 1
    return found[0].code


# -- the handset position ---------------------------------------------------------------------------


def test_a_handset_position_after_a_typed_one_is_offered_and_taken_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    incident_id = ring(ctx)
    incidents.update_field(ctx, incident_id, "category", "LAKA", catalogue)
    opened(qtbot, window, incident_id)
    location = window.incident_panel.location
    assert location.position_line.text().startswith("No position yet")
    assert not location.offer.isVisible()

    press(qtbot, Qt.Key.Key_L, CTRL)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is location.position_edit
    type_text(qtbot, f"{TYPED[0]}, {TYPED[1]}")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(ctx, incident_id).position_source == PositionSource.TYPED.value)
    typed_at = local_time(clock.now(), window.session.zone)
    assert location.position_line.text() == f"Typed at {typed_at}"
    qtbot.waitUntil(lambda: window.dispatch_panel.distances_from.isVisible())
    assert window.dispatch_panel.distances_from.text() == "Distances from the typed position"
    assert " · ~" not in window.dispatch_panel.recommended.text().split(" km")[0]

    clock.advance(20)
    message = handset(ctx, *HANDSET, 12)
    assert message.state is AmlState.KEPT  # the typed position stays until the call-taker says
    qtbot.waitUntil(location.offer.isVisible)
    apart = distance_words(distance_m(*TYPED, *HANDSET))
    fixed = local_time(clock.now() - timedelta(seconds=5), window.session.zone)
    assert location.offer_label.text() == (
        f"Handset position received: ±12 m, fixed at {fixed}, {apart} from the position now used."
    )
    assert location.offer_button.text() == "Use handset position (Ctrl+H)"
    assert (stored(ctx, incident_id).lat, stored(ctx, incident_id).lon) == TYPED

    # The button is the next stop after the position field, and Space presses it.
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is location.offer_button
    press(qtbot, Qt.Key.Key_Space)
    row = stored(ctx, incident_id)
    assert (row.lat, row.lon, row.position_source, row.position_radius_m) == (*HANDSET, "aml", 12)
    assert location.position_line.text() == f"Handset (AML) by satellite (GNSS), ±12 m, fixed at {fixed}"
    assert not location.offer.isVisible()
    # The button went away: the keyboard is back in the position field, which shows the handset's.
    assert QApplication.focusWidget() is location.position_edit
    assert location.position_edit.text() == "-7.05280, 110.43990"
    assert window.incident_panel.inputs["lat"].text().startswith("-7.0528")  # type: ignore[attr-defined]
    qtbot.waitUntil(
        lambda: window.dispatch_panel.distances_from.text() == "Distances from the handset position (±12 m)"
    )
    assert [m.state for m in aml.messages_for_incident(ctx, incident_id)] == [AmlState.APPLIED]


def test_ctrl_h_anywhere_in_the_form_takes_the_handset_position_and_says_when_there_is_none(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, clock: ManualClock
) -> None:
    incident_id = ring(ctx)
    opened(qtbot, window, incident_id)
    location = window.incident_panel.location
    press(qtbot, Qt.Key.Key_F5)
    caller_name = window.incident_panel.inputs["caller_name"]
    caller_name.setFocus()
    press(qtbot, Qt.Key.Key_H, CTRL)
    assert window.status.message() == "No handset position is waiting for this incident."

    locations.set_position(ctx, incident_id, *TYPED)
    clock.advance(25)
    handset(ctx, *HANDSET, 35)
    qtbot.waitUntil(location.offer.isVisible)
    assert QApplication.focusWidget() is caller_name
    press(qtbot, Qt.Key.Key_H, CTRL)
    row = stored(ctx, incident_id)
    assert (row.lat, row.lon, row.position_source) == (*HANDSET, "aml")
    assert not location.offer.isVisible()
    assert QApplication.focusWidget() is caller_name  # Ctrl+H did not move the keyboard
    assert "±35 m" in location.position_line.text()


def test_a_handset_position_with_no_typed_one_goes_on_the_incident_and_nothing_is_offered(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, clock: ManualClock
) -> None:
    incident_id = ring(ctx)
    opened(qtbot, window, incident_id)
    location = window.incident_panel.location
    clock.advance(20)
    assert handset(ctx, *HANDSET, 1800).state is AmlState.APPLIED
    qtbot.waitUntil(lambda: "Handset (AML)" in location.position_line.text())
    assert "±1.8 km" in location.position_line.text()
    assert location.position_edit.text() == "-7.05280, 110.43990"
    assert not location.offer.isVisible()


# -- a kelurahan's centre ---------------------------------------------------------------------------


def _pick_tembalang(qtbot: QtBot, window: MainWindow, ctx: ServiceContext, incident_id: int) -> None:
    press(qtbot, Qt.Key.Key_L, CTRL)
    type_text(qtbot, "tembalang tembalang")
    code = tembalang()
    suggestions = window.incident_panel.location.suggestions
    shown = [suggestions.item(row).text() for row in range(suggestions.count())]
    wanted = next(i for i, text in enumerate(shown) if text.startswith("Tembalang, Tembalang, Kota Semarang"))
    for _ in range(wanted):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(ctx, incident_id).area_code == code)


def test_a_kelurahan_alone_gives_rough_distances_that_say_what_they_are_from(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, catalogue: Catalogue
) -> None:
    window.session.centre_area = "33.74"
    incident_id = ring(ctx)
    incidents.update_field(ctx, incident_id, "category", "LAKA", catalogue)
    opened(qtbot, window, incident_id)
    _pick_tembalang(qtbot, window, ctx, incident_id)
    centre = area_index().centre(tembalang())
    assert centre is not None
    row = stored(ctx, incident_id)
    assert (row.lat, row.lon, row.position_source) == (centre.lat, centre.lon, "village")

    location = window.incident_panel.location
    radius = radius_words(centre.radius_m)
    assert location.position_line.text() == f"Centre of the kelurahan Tembalang, about {radius}"
    panel = window.dispatch_panel
    qtbot.waitUntil(panel.distances_from.isVisible)
    assert panel.distances_from.text() == f"Distances from the centre of the kelurahan Tembalang ({radius})"
    units = {unit.call_sign: unit for unit in queries.units(ctx)}
    lines = panel.recommended.text().splitlines()
    assert lines
    for line in lines:
        call_sign, _need, km, _eta = line.split(" · ")
        position = units[call_sign].position
        assert position is not None
        # Worked out here from the centre and the unit's station, not by the recommendation's code.
        assert km == f"~{distance_m(centre.lat, centre.lon, *position) / 1000:.1f} km"


def test_premise_history_marks_a_distance_from_a_centre_as_rough(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, clock: ManualClock
) -> None:
    window.session.centre_area = "33.74"
    code = tembalang()
    earlier = ring(ctx, "0813-1111-2222")
    locations.set_area(ctx, earlier, code)
    locations.set_position(ctx, earlier, *TYPED)
    clock.advance(30 * 60)
    incident_id = ring(ctx)
    opened(qtbot, window, incident_id)
    _pick_tembalang(qtbot, window, ctx, incident_id)
    centre = area_index().centre(code)
    assert centre is not None
    rough = "~" + distance_words(distance_m(centre.lat, centre.lon, *TYPED))
    premises = window.incident_panel.location.premises
    qtbot.waitUntil(lambda: rough in premises.text())
    assert stored(ctx, earlier).number in premises.text()


# -- the alert --------------------------------------------------------------------------------------


def test_a_handset_position_from_no_call_is_an_alert_in_words(
    qtbot: QtBot, ctx: ServiceContext, clock: ManualClock
) -> None:
    handset(ctx, *HANDSET, 12, number="0857-2222-3333")
    clock.advance(45)
    alert_list = AlertList()
    qtbot.addWidget(alert_list)
    alert_list.show_alerts(aml.open_unmatched_alerts(ctx), clock.now())
    assert alert_list.lines() == ["⚠ Handset position from 0857-2222-3333 with no call (received 0:45 ago)"]


# -- Indonesian ---------------------------------------------------------------------------------------


@pytest.fixture
def indonesian_window(
    qtbot: QtBot, qapp: QApplication, ctx: ServiceContext, catalogue: Catalogue
) -> Iterator[MainWindow]:
    translator = install_translator(qapp, "id")
    feed = SimulatedFeed(ctx, CallerGenerator(5, catalogue), SimFeedUrl(rate_per_minute=2, seed=5))
    main = MainWindow(ConsoleSession(ctx, catalogue, "id", simulator=feed))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    feed.stop()
    qapp.removeTranslator(translator)


def test_in_indonesian_the_centre_and_the_handset_are_said_with_a_decimal_comma(
    qtbot: QtBot, indonesian_window: MainWindow, ctx: ServiceContext, clock: ManualClock, catalogue: Catalogue
) -> None:
    window = indonesian_window
    assert QLocale().decimalPoint() == ","
    window.session.centre_area = "33.74"
    incident_id = ring(ctx)
    incidents.update_field(ctx, incident_id, "category", "LAKA", catalogue)
    opened(qtbot, window, incident_id)
    location = window.incident_panel.location
    assert location.position_line.text().startswith("Belum ada posisi")
    code = tembalang()
    locations.set_area(ctx, incident_id, code)
    centre = area_index().centre(code)
    assert centre is not None
    km = f"{centre.radius_m / 1000:.1f}".replace(".", ",")
    qtbot.waitUntil(
        lambda: location.position_line.text() == f"Titik tengah kelurahan Tembalang, sekitar ±{km} km"
    )
    panel = window.dispatch_panel
    qtbot.waitUntil(panel.distances_from.isVisible)
    assert panel.distances_from.text() == f"Jarak dari titik tengah kelurahan Tembalang (±{km} km)"
    first = panel.recommended.text().splitlines()[0].split(" · ")
    assert re.fullmatch(r"~\d+,\d km", first[2])

    locations.set_position(ctx, incident_id, *TYPED)
    clock.advance(20)
    handset(ctx, *HANDSET, 1240)
    qtbot.waitUntil(location.offer.isVisible)
    assert location.offer_label.text().startswith("Posisi ponsel diterima: ±1,2 km, ")
    assert location.offer_button.text() == "Pakai posisi ponsel (Ctrl+H)"
    location.offer_button.click()
    assert location.position_line.text().startswith("Posisi ponsel (AML) dari satelit (GNSS), ±1,2 km, ")
    qtbot.waitUntil(lambda: panel.distances_from.text() == "Jarak dari posisi ponsel (±1,2 km)")
