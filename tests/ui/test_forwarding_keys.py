"""The forwarding dock's keys and words beyond the story: refusals said beside their field, the
console dialling an agency (or saying why it cannot), the summary SMS and its state, a ROOM agency
and an incident without a kelurahan, the system notes in words, and the dock in Indonesian."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.catalogue_files import load_demo_agencies
from dispatch.domain.areas import AreaLevel, area_index
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.clock import ManualClock
from dispatch.domain.forwarding import ForwardChannel, OutboxKind, OutboxState
from dispatch.domain.phone import parse_caller_number
from dispatch.domain.signals import CallSignal, SignalKind
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.feeds.urls import SimFeedUrl
from dispatch.services import agencies, calls, forwarding, incidents, locations, outbox
from dispatch.services.context import ServiceContext
from dispatch.simulator.callers import CallerGenerator
from dispatch.store.tables import Forwarding
from tests.ui.keys import CTRL, press, type_text
from ui.i18n import install_translator
from ui.main_window import MainWindow
from ui.presenters.forwarding_work import SendSetup, console_send_setup
from ui.session import ConsoleSession
from ui.timefmt import local_time
from ui.widgets.forwarding_panel import parse_time_of_day
from ui.widgets.incident_panel import note_text


@pytest.fixture
def directory(ctx: ServiceContext) -> dict[str, int]:
    return {spec.code: agencies.create_agency(ctx, spec).id for spec in load_demo_agencies()}


def fire_in_tembalang(ctx: ServiceContext, catalogue: Catalogue, area: bool = True) -> int:
    view = calls.record_signal(
        ctx.as_system(),
        CallSignal(
            kind=SignalKind.INCOMING,
            feed="sim://forwarding",
            received_at=ctx.clock.now(),
            number=parse_caller_number("0812-3456-7890"),
            raw=b"CID 081234567890",
            call_id=f"forwarding-{ctx.clock.now().timestamp()}",
        ),
    )
    assert view is not None
    incident_id = calls.answer_call(ctx, view.id)[1].id
    incidents.update_field(ctx, incident_id, "category", "FIRE", catalogue)
    if area:
        code = next(
            m.code
            for m in area_index().search("tembalang", within="33.74")
            if m.level is AreaLevel.VILLAGE and m.name == "Tembalang"
        )
        locations.set_area(ctx, incident_id, code)
    return incident_id


def opened(qtbot: QtBot, window: MainWindow, incident_id: int) -> None:
    window.session.centre_area = "33.74"
    window.incidents.open(incident_id)
    qtbot.waitUntil(lambda: window.forwarding.incident is not None)


def test_a_time_that_is_no_time_or_in_the_future_is_said_beside_the_time_field(
    qtbot: QtBot,
    window: MainWindow,
    ctx: ServiceContext,
    clock: ManualClock,
    catalogue: Catalogue,
    directory: dict[str, int],
) -> None:
    incident_id = fire_in_tembalang(ctx, catalogue)
    opened(qtbot, window, incident_id)
    panel = window.forwarding_panel
    press(qtbot, Qt.Key.Key_T, CTRL)
    press(qtbot, Qt.Key.Key_Return)
    panel.time.setFocus()
    panel.time.selectAll()
    type_text(qtbot, "25:61")
    press(qtbot, Qt.Key.Key_Return)
    assert not panel.time_problem.isHidden()
    assert panel.time_problem.text() == "Type the time as 14:05 or 14:05:30."
    assert QApplication.focusWidget() is panel.time
    # A minute ahead of the clock (beyond the minute's grace it is read as yesterday: before the call).
    ahead = local_time(clock.now() + timedelta(seconds=50), window.session.zone)
    panel.time.selectAll()
    type_text(qtbot, ahead)
    press(qtbot, Qt.Key.Key_Return)
    assert panel.time_problem.text() == "That time is before the incident was forwarded, or in the future."
    assert not panel.record_row.isHidden()
    assert forwarding.forwardings_of(ctx, incident_id) == []
    # Esc goes back to whom to call; nothing recorded.
    press(qtbot, Qt.Key.Key_Escape)
    assert panel.record_row.isHidden()
    assert QApplication.focusWidget() is panel.choices


def test_parse_time_of_day_reads_today_or_yesterday_and_refuses_what_is_no_time(clock: ManualClock) -> None:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Asia/Jakarta")
    now = clock.now()  # 12:00 WIB
    assert parse_time_of_day("11:58", now, zone) == now - timedelta(minutes=2)
    assert parse_time_of_day("11.58.30", now, zone) == now - timedelta(seconds=90)
    assert parse_time_of_day("12:00:40", now, zone) == now + timedelta(seconds=40)  # within the minute
    assert parse_time_of_day("13:00", now, zone) == now + timedelta(hours=1) - timedelta(days=1)
    for text in ("", "12", "24:00", "12:60", "1:2:3:4", "ab:cd", "123:00"):
        assert parse_time_of_day(text, now, zone) is None, text


def test_an_agency_already_told_is_not_told_twice_enter_goes_to_its_forwarding(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, catalogue: Catalogue, directory: dict[str, int]
) -> None:
    incident_id = fire_in_tembalang(ctx, catalogue)
    forwarding.forward(ctx, incident_id, directory["DAMKAR-SMG"], channel=ForwardChannel.PHONE)
    opened(qtbot, window, incident_id)
    panel = window.forwarding_panel
    press(qtbot, Qt.Key.Key_T, CTRL)
    assert panel.choices.currentItem().text().splitlines()[-1].startswith("✔ Forwarded at ")
    press(qtbot, Qt.Key.Key_Return)
    assert panel.record_row.isHidden()
    assert QApplication.focusWidget() is panel.forwardings
    assert (
        window.status.message() == "Already forwarded to Damkar Kota Semarang (DEMO): report on it with 1-7."
    )


def test_d_dials_through_the_pbx_only_when_this_console_can_and_says_why_not(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, catalogue: Catalogue, directory: dict[str, int]
) -> None:
    incident_id = fire_in_tembalang(ctx, catalogue)
    opened(qtbot, window, incident_id)
    panel = window.forwarding_panel
    work = window.forwarding
    work.send_setup = lambda: SendSetup()
    press(qtbot, Qt.Key.Key_T, CTRL)
    press(qtbot, Qt.Key.Key_D)
    assert panel.message.text() == (
        "The console cannot dial: no AMI feed is set (Console, Settings, Feeds). "
        "Call (024) 7600-0113, 0811-2700-0113 by telephone."
    )
    assert panel.record_row.isHidden()
    assert outbox.outbox_of(ctx, incident_id=incident_id) == []

    work.send_setup = lambda: SendSetup(ami_feed=True, extension="")
    press(qtbot, Qt.Key.Key_D)
    assert panel.message.text() == (
        "This console has no telephone extension set (Settings), so the PBX cannot ring you first."
    )
    assert outbox.outbox_of(ctx, incident_id=incident_id) == []

    work.send_setup = lambda: SendSetup(ami_feed=True, extension="PJSIP/201")
    press(qtbot, Qt.Key.Key_D)
    queued = outbox.outbox_of(ctx, incident_id=incident_id)
    assert [(m.kind, m.to_number, m.from_extension, m.state) for m in queued] == [
        (OutboxKind.DIAL, "02476000113", "PJSIP/201", OutboxState.QUEUED)
    ]
    assert window.status.message() == "Your extension PJSIP/201 rings first, then (024) 7600-0113 is dialled."
    assert not panel.record_row.isHidden()
    assert panel.channel.text() == "[2] Telephone (dialled by the console)"
    assert panel.contact.text() == "(024) 7600-0113"
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Bu Rina")
    press(qtbot, Qt.Key.Key_Return)
    [made] = forwarding.forwardings_of(ctx, incident_id)
    assert (made.channel, made.person, made.acknowledged_at) == (
        ForwardChannel.DIAL,
        "Bu Rina",
        made.forwarded_at,
    )


def test_the_summary_sms_goes_with_the_forwarding_and_its_state_is_said(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, catalogue: Catalogue, directory: dict[str, int]
) -> None:
    incident_id = fire_in_tembalang(ctx, catalogue)
    opened(qtbot, window, incident_id)
    panel = window.forwarding_panel
    window.forwarding.send_setup = lambda: SendSetup(sms_feed=True)
    press(qtbot, Qt.Key.Key_T, CTRL)
    press(qtbot, Qt.Key.Key_Return)
    assert not panel.send_sms.isHidden()
    assert panel.send_sms.isChecked()  # a modem feed is set and the agency has an SMS number
    press(qtbot, Qt.Key.Key_Return)
    [made] = forwarding.forwardings_of(ctx, incident_id)
    [sms] = outbox.outbox_of(ctx, forwarding_id=made.id)
    assert (sms.kind, sms.to_number, sms.state) == (OutboxKind.SMS, "+6281127000113", OutboxState.QUEUED)
    assert panel.forwardings.item(0).text().splitlines()[-1] == (
        "Telephone · (024) 7600-0113 · SMS: waiting to be sent"
    )
    # A ROOM agency (PSC 119) has no SMS number: no box to tick, and it starts "in person".
    while "PSC 119" not in (panel.choices.currentItem().text() if panel.choices.currentItem() else ""):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert panel.send_sms.isHidden()
    assert panel.channel.text() == "[6] In person (liaison in the room)"
    press(qtbot, Qt.Key.Key_Escape)


def test_without_a_kelurahan_the_centre_s_agencies_are_listed_and_it_says_so(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, catalogue: Catalogue, directory: dict[str, int]
) -> None:
    incident_id = fire_in_tembalang(ctx, catalogue, area=False)
    opened(qtbot, window, incident_id)
    panel = window.forwarding_panel
    assert (
        panel.choices_note.text()
        == "No kelurahan yet (Ctrl+L): agencies covering the centre's area are listed."
    )
    assert panel.choices.item(0).text().startswith("Damkar Kota Semarang (DEMO)")
    # No Polsek is chosen without its kecamatan: the kota's police (in the room) instead.
    texts = [panel.choices.item(row).text() for row in range(panel.choices.count())]
    assert not any(text.startswith("Polsek") for text in texts)
    assert any(text.startswith("Polrestabes Semarang (DEMO)") for text in texts)


def test_the_system_notes_of_forwarding_and_of_a_still_are_words() -> None:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Asia/Jakarta")
    assert note_text("system", "forwarding.sent 7 radio Polsek Tembalang (DEMO)", zone) == (
        "Forwarded to Polsek Tembalang (DEMO) (Radio call)."
    )
    assert note_text("system", "forwarding.report 7 arrived Polsek Tembalang (DEMO)", zone) == (
        "Polsek Tembalang (DEMO) reported: Arrived at the scene."
    )
    digest = "ab" * 32
    assert note_text("system", f"file.attached 3 {digest} SMG-CCTV-0042", zone) == (
        f"Still from camera SMG-CCTV-0042 attached (SHA-256 {digest})."
    )
    assert note_text("system", f"file.attached 3 {digest} -", zone) == f"File attached (SHA-256 {digest})."
    # Not this code's form: shown as stored rather than lost.
    assert note_text("system", "forwarding.sent 7", zone) == "forwarding.sent 7"


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


def test_in_indonesian_the_dock_says_whom_to_call_and_what_is_overdue(
    qtbot: QtBot,
    indonesian_window: MainWindow,
    ctx: ServiceContext,
    clock: ManualClock,
    catalogue: Catalogue,
    directory: dict[str, int],
) -> None:
    window = indonesian_window
    incident_id = fire_in_tembalang(ctx, catalogue)
    forwarding.forward(ctx, incident_id, directory["POLSEK-TEMBALANG"], channel=ForwardChannel.RADIO)
    opened(qtbot, window, incident_id)
    panel = window.forwarding_panel
    assert panel.choices.item(0).text().splitlines()[0] == "Damkar Kota Semarang (DEMO) · Pemadam kebakaran"
    assert "konfirmasi dalam 3:00" in panel.choices.item(0).text()
    clock.advance(5 * 60)
    window.tick()
    lines = panel.forwardings.item(0).text().splitlines()
    assert lines[0].startswith(
        "Polsek Tembalang (DEMO): diteruskan, belum dikonfirmasi, diteruskan 5:00 lalu"
    )
    assert lines[1].startswith("⚠ LEWAT BATAS WAKTU: belum dikonfirmasi dalam 5:00")
    # The dock's words fit its width: nothing scrolls sideways.
    scroll = window.forwarding_scroll
    assert scroll.widget().width() <= scroll.viewport().width()
    with ctx.database.sessions() as session:
        assert session.scalar(select(Forwarding.channel)) == "radio"


def test_ctrl_t_right_after_typing_the_category_lists_whom_it_calls_for(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, catalogue: Catalogue, directory: dict[str, int]
) -> None:
    incident_id = fire_in_tembalang(ctx, catalogue, area=False)
    incidents.update_field(ctx, incident_id, "category", None, catalogue)
    opened(qtbot, window, incident_id)
    panel = window.forwarding_panel
    assert panel.choices.count() == 0
    assert panel.choices_note.text() == "Choose the category: the agencies it calls for are listed here."
    press(qtbot, Qt.Key.Key_F5)
    assert QApplication.focusWidget() is window.incident_panel.category
    type_text(qtbot, "FIRE")
    press(qtbot, Qt.Key.Key_T, CTRL)  # the category is saved, then read for the choices
    assert QApplication.focusWidget() is panel.choices
    assert panel.choices.currentItem().text().startswith("Damkar Kota Semarang (DEMO) · Fire and rescue")


def test_the_contact_follows_the_channel_unless_the_operator_typed_one(
    qtbot: QtBot,
    window: MainWindow,
    ctx: ServiceContext,
    catalogue: Catalogue,
    directory: dict[str, int],
) -> None:
    incident_id = fire_in_tembalang(ctx, catalogue)
    opened(qtbot, window, incident_id)
    panel = window.forwarding_panel
    press(qtbot, Qt.Key.Key_T, CTRL)
    press(qtbot, Qt.Key.Key_Return)  # Damkar: telephone, its first duty number
    assert panel.contact.text() == "(024) 7600-0113"
    press(qtbot, Qt.Key.Key_3)  # a radio call: its radio channel
    assert panel.contact.text() == "HT kanal DEMO-3"
    press(qtbot, Qt.Key.Key_4)  # the console's SMS: its SMS number
    assert panel.contact.text() == "0811-2700-0113"
    press(qtbot, Qt.Key.Key_1)
    assert panel.contact.text() == "(024) 7600-0113"
    panel.contact.setFocus()
    panel.contact.selectAll()
    type_text(qtbot, "HP Danru 0812-0000-1111")
    panel.channel.setFocus()
    press(qtbot, Qt.Key.Key_3)  # what the operator typed stays
    assert panel.contact.text() == "HP Danru 0812-0000-1111"
    press(qtbot, Qt.Key.Key_Return)
    recorded = forwarding.forwardings_of(ctx, incident_id)[0]
    assert (recorded.channel.value, recorded.contact) == ("radio", "HP Danru 0812-0000-1111")


def test_a_centre_console_sends_through_the_feeds_its_gateway_runs(tmp_path: Path) -> None:
    """A centre's console runs no feed itself: the gateway's GSM modem and AMI link, from its
    heartbeat, are what the summary SMS and the dial go through."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    assert console_send_setup() == SendSetup(context="from-internal")
    setup = console_send_setup(["aml-sms:serial:/dev/ttyUSB1?baud=115200", "ami://dispatch:***@pbx:5038"])
    assert (setup.sms_feed, setup.ami_feed) == (True, True)
    assert console_send_setup(["ncid://10.0.0.5:3333"]) == SendSetup(context="from-internal")
