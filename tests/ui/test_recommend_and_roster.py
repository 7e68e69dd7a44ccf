"""Through the real window, by keyboard: accept the recommendation with Ctrl+R; import a roster CSV."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dispatch.domain.catalogue import Catalogue
from dispatch.domain.enums import AgencyType, UnitStatus
from dispatch.domain.flags import IncidentFlag
from dispatch.domain.geo import distance_m
from dispatch.feeds.simulated import SimulatedFeed
from dispatch.services import incidents, queries
from dispatch.services.context import ServiceContext
from dispatch.services.recommendations import set_incident_flags
from dispatch.store.tables import Assignment, AuditEntry, Unit
from tests.ui.keys import CTRL, press
from ui.dialogs.roster import RosterDialog
from ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
#: Simpang Lima, Semarang.
SCENE = (-6.9903, 110.4229)


def test_traffic_accident_with_casualties_dispatched_by_accepting_the_recommendation(
    qtbot: QtBot, window: MainWindow, feed: SimulatedFeed, ctx: ServiceContext, catalogue: Catalogue
) -> None:
    feed.ring()
    qtbot.waitUntil(lambda: window.call_model.first_ringing() is not None)
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.incident_panel.incident is not None)
    incident_id = window.incident_panel.incident.id  # type: ignore[union-attr]
    qtbot.keyClicks(QApplication.focusWidget(), "LAKA")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.incident_panel.save_state == "saved")
    # The position (as a map click would give) and the protocol answer "casualties" through services.
    incidents.update_field(ctx, incident_id, "lat", SCENE[0], catalogue)
    incidents.update_field(ctx, incident_id, "lon", SCENE[1], catalogue)
    set_incident_flags(ctx, incident_id, {IncidentFlag.CASUALTIES})

    expected = [
        _nearest(ctx, AgencyType.MEDICAL, ("ambulance_als", "ambulance_bls")),
        _nearest(ctx, AgencyType.POLICE, ("patrol",)),
    ]
    expected.sort(key=lambda pair: pair[1])
    qtbot.waitUntil(lambda: expected[0][0] in window.dispatch_panel.recommended.text())
    shown = window.dispatch_panel.recommended.text().splitlines()
    assert [line.split(" · ")[0] for line in shown] == [call_sign for call_sign, _ in expected]
    assert shown[0].endswith(" min")
    # The distance in metres under a kilometre ("25 m", once "0.0 km"), then the ETA; typed: the
    # distance is not marked rough.
    distance = shown[0].split(" · ")[2]
    assert re.fullmatch(r"\d+ m|\d+(\.\d)? km", distance), shown[0]
    assert window.dispatch_panel.distances_from.text() == "Distances from the typed position"

    press(qtbot, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: window.dispatch_panel.assignment_model.rowCount() == 2)

    with ctx.database.sessions() as session:
        rows = session.execute(
            select(Unit.call_sign, Unit.agency_type, Unit.status)
            .join(Assignment, Assignment.unit_id == Unit.id)
            .where(Assignment.incident_id == incident_id)
            .order_by(Assignment.id)
        ).all()
    assert [row.call_sign for row in rows] == [call_sign for call_sign, _ in expected]
    assert {row.agency_type for row in rows} == {AgencyType.MEDICAL.value, AgencyType.POLICE.value}
    assert {row.status for row in rows} == {UnitStatus.DISPATCHED.value}
    # Met: the panel says so, and a second Ctrl+R sends nobody more.
    qtbot.waitUntil(lambda: "✔" in window.dispatch_panel.recommended.text())
    press(qtbot, Qt.Key.Key_R, CTRL)
    assert window.dispatch_panel.assignment_model.rowCount() == 2


def _nearest(ctx: ServiceContext, agency: AgencyType, capabilities: tuple[str, ...]) -> tuple[str, float]:
    """Worked out here from the roster, independently of the recommendation code."""
    best = min(
        (distance_m(*SCENE, *unit.position), unit.call_sign)
        for unit in queries.units(ctx)
        if unit.agency_type is agency
        and unit.position is not None
        and set(unit.capabilities) & set(capabilities)
    )
    return best[1], best[0]


CSV_TEXT = (
    "\ufeffcall_sign;agency_type;agency_name;station;lat;lon;capabilities;radio;phone\r\n"
    "DEMO-PSC-21;medical;PSC 119 Kota Semarang (DEMO);Puskesmas Ngaliyan;-6,9950;110,3440;"
    "ambulance_bls|rescue;HT kanal DEMO-4;024-7610112\r\n"
    "DEMO-BAD-01;army;Kodim (DEMO);;-6.99;110.41;patrol;;\r\n"
    "DEMO-SAR-21;sar;Basarnas (DEMO);Pos Tanjung Emas;-95;110.42;boat;;\r\n"
)


# The file chooser's path completion pops up a list, which the offscreen platform cannot raise.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_roster_csv_import_reports_rejected_rows_and_stores_the_good_ones(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, tmp_path: Path
) -> None:
    path = tmp_path / "units.csv"
    path.write_bytes(CSV_TEXT.encode("utf-8"))
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RosterDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, RosterDialog)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))

    press(qtbot, Qt.Key.Key_I, ALT)  # Import CSV…
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
    chooser = QApplication.activeModalWidget()
    assert isinstance(chooser, QFileDialog)
    # The roster dialog's own fields are line edits too: wait for the chooser's to have the focus.
    qtbot.waitUntil(
        lambda: (
            isinstance(QApplication.focusWidget(), QLineEdit)
            and chooser.isAncestorOf(QApplication.focusWidget())
        )
    )
    qtbot.keyClicks(QApplication.focusWidget(), str(path))
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not chooser.isVisible())
    qtbot.waitUntil(lambda: dialog.report.isVisible())

    before = dialog.report.toPlainText()
    assert "1 units to add" in before
    assert "2 rows rejected" in before
    assert "Line 3 (DEMO-BAD-01), agency_type: Unknown agency type. 'army'" in before
    assert "Line 4 (DEMO-SAR-21), lat: Out of range" in before
    with ctx.database.sessions() as session:
        assert session.scalar(select(Unit).where(Unit.call_sign == "DEMO-PSC-21")) is None

    dialog.activateWindow()  # what the window manager does when the file chooser closes
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    press(qtbot, Qt.Key.Key_Y, ALT)  # Apply import
    qtbot.waitUntil(lambda: "Imported: 1 added" in dialog.report.toPlainText())
    assert "Line 3 (DEMO-BAD-01)" in dialog.report.toPlainText()

    with ctx.database.sessions() as session:
        added = session.scalars(select(Unit).where(Unit.call_sign == "DEMO-PSC-21")).one()
        assert (added.lat, added.lon) == (-6.995, 110.344)
        assert added.capabilities == "ambulance_bls,rescue"
        assert added.phone == "024-7610112"
        assert session.scalar(select(Unit).where(Unit.call_sign.in_(["DEMO-BAD-01", "DEMO-SAR-21"]))) is None
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.action == "roster.import")).all()
        assert actions == ["roster.import"]
    qtbot.waitUntil(lambda: any(u.call_sign == "DEMO-PSC-21" for u in window.unit_model.units()))
    dialog.close()


def test_a_csv_of_phone_numbers_changes_only_the_phone_numbers(
    qtbot: QtBot, window: MainWindow, ctx: ServiceContext, tmp_path: Path
) -> None:
    with ctx.database.transaction() as session:
        police = session.scalars(select(Unit).where(Unit.call_sign == "DEMO-POL-01")).one()
        police.active = False  # off the roster for now: a phone list must not put it back
        before = (police.station, police.lat, police.lon, police.capabilities, police.radio)
        assert all(before)
    path = tmp_path / "phones.csv"
    path.write_bytes(
        b"call_sign,agency_type,agency_name,phone\r\nDEMO-POL-01,police,Polrestabes (DEMO),024-1\r\n"
    )
    window.call_view.setFocus()
    press(qtbot, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RosterDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, RosterDialog)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    dialog.import_file(str(path))  # what choosing the file in Import CSV… does
    assert "0 units to add, 1 to update, 0 unchanged" in dialog.report.toPlainText()
    press(qtbot, Qt.Key.Key_Y, ALT)  # Apply import
    qtbot.waitUntil(lambda: "Imported: 0 added, 1 updated" in dialog.report.toPlainText())
    with ctx.database.sessions() as session:
        police = session.scalars(select(Unit).where(Unit.call_sign == "DEMO-POL-01")).one()
        assert (police.station, police.lat, police.lon, police.capabilities, police.radio) == before
        assert (police.agency_name, police.phone, police.active) == ("Polrestabes (DEMO)", "024-1", False)
    dialog.close()
