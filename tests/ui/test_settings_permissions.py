"""Feeds, timer limits, the shifts and the centre's area in Settings: editable by a supervisor or an
administrator only; a call-taker or dispatcher sees them read-only with the reason, and saving keeps
them as they were."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from dispatch.domain.enums import Role
from dispatch.domain.shifts import FOUR_BY_SIX, TWO_BY_TWELVE, ShiftCode, ShiftPattern, ShiftSpec
from dispatch.domain.timers import TimerThresholds
from ui.dialogs.settings import SettingsDialog
from ui.settings import ConsoleSettings

FEED = "ncid://192.168.1.10:3333"


@pytest.fixture
def saved(qtbot: QtBot, tmp_path: Path) -> ConsoleSettings:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    settings = ConsoleSettings.load()
    settings.console_name = "KONSOL-03"
    settings.feeds = [FEED]
    settings.centre_area = "33.74"
    settings.thresholds = TimerThresholds(call_ringing=20)
    settings.shift_pattern = ShiftPattern.even(time(6), TWO_BY_TWELVE.codes)
    settings.save()
    return ConsoleSettings.load()


@pytest.mark.parametrize("role", [Role.CALL_TAKER, Role.DISPATCHER, None])
def test_a_call_taker_sees_feeds_timers_and_area_read_only_and_saving_keeps_them(
    qtbot: QtBot, saved: ConsoleSettings, role: Role | None
) -> None:
    dialog = SettingsDialog(saved, role=role)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    note = dialog.read_only_note
    assert note.isVisible()
    assert note.text() == (
        "Feeds, timer limits, the shifts and the centre's area are shown read-only: only a "
        "supervisor or an administrator can change them."
    )
    assert not dialog.shift_pattern.isEnabled()
    assert dialog.shift_pattern.choice.currentText() == ("2 x 12 h: Day 06:00, Night 18:00")
    assert not dialog.feeds.isEnabled()
    assert not dialog.feeds.url.isEnabled()
    assert not dialog.timers.isEnabled()
    assert dialog.centre_area.isReadOnly()
    assert not dialog.centre_area.isEnabled()  # greyed as the feeds and timers are
    assert dialog.feeds.urls == [FEED]  # shown, not hidden

    # Typing into the fields changes nothing: they take no keys.
    qtbot.keyClicks(dialog.centre_area, "99")
    assert dialog.centre_area.text() == "33.74"
    qtbot.keyClicks(dialog.timers.fields["call_ringing"], "5")
    assert dialog.timers.fields["call_ringing"].text() == "0:20"

    # What a call-taker may change is saved; the protected values stay as they were.
    dialog.console_name.setText("KONSOL-04")
    dialog._save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    again = ConsoleSettings.load()
    assert again.console_name == "KONSOL-04"
    assert (again.feeds, again.centre_area, again.thresholds, again.shift_pattern) == (
        [FEED],
        "33.74",
        TimerThresholds(call_ringing=20),
        ShiftPattern.even(time(6), TWO_BY_TWELVE.codes),
    )


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN])
def test_a_supervisor_edits_feeds_timers_and_area(qtbot: QtBot, saved: ConsoleSettings, role: Role) -> None:
    dialog = SettingsDialog(saved, role=role)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.read_only_note.isVisible()
    assert dialog.feeds.isEnabled()
    assert dialog.timers.isEnabled()
    assert not dialog.centre_area.isReadOnly()
    dialog.centre_area.clear()
    qtbot.keyClicks(dialog.centre_area, "33.22")
    dialog.timers.fields["call_ringing"].setText("30")
    dialog.feeds.url.setText("serial:/dev/ttyUSB0?protocol=modem")
    dialog.feeds.add()
    dialog._save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    again = ConsoleSettings.load()
    assert again.centre_area == "33.22"
    assert again.thresholds.call_ringing == 30
    assert again.feeds == [FEED, "serial:/dev/ttyUSB0?protocol=modem"]


def test_a_supervisor_chooses_the_shifts_by_keyboard(qtbot: QtBot, saved: ConsoleSettings) -> None:
    """4 x 6 h (Surabaya's pattern) from 07:00: the list's next entry, the start an hour later."""
    dialog = SettingsDialog(saved, role=Role.SUPERVISOR)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    editor = dialog.shift_pattern
    assert editor.start.isEnabled()
    qtbot.keyClick(editor.choice, Qt.Key.Key_Down)
    assert (
        editor.choice.currentText()
        == "4 x 6 h: Morning 06:00, Afternoon 12:00, Night 18:00, Small hours 00:00"
    )
    editor.start.setFocus()
    qtbot.keyClick(editor.start, Qt.Key.Key_Home)  # the hours
    qtbot.keyClick(editor.start, Qt.Key.Key_Up)
    assert (
        editor.choice.currentText()
        == "4 x 6 h: Morning 07:00, Afternoon 13:00, Night 19:00, Small hours 01:00"
    )
    dialog._save()
    assert ConsoleSettings.load().shift_pattern == FOUR_BY_SIX


def test_a_pattern_of_the_centre_s_own_is_shown_and_kept(qtbot: QtBot, saved: ConsoleSettings) -> None:
    """Bengkulu's 07-14, 14-21, 21-07: no preset; shown as saved, kept when saving other settings."""
    hours = timedelta(hours=1)
    own = ShiftPattern(
        (
            ShiftSpec(ShiftCode.MORNING, time(7), 7 * hours),
            ShiftSpec(ShiftCode.AFTERNOON, time(14), 7 * hours),
            ShiftSpec(ShiftCode.NIGHT, time(21), 10 * hours),
        )
    )
    saved.shift_pattern = own
    dialog = SettingsDialog(saved, role=Role.SUPERVISOR)
    qtbot.addWidget(dialog)
    editor = dialog.shift_pattern
    assert editor.choice.currentText() == (
        "As saved: Morning 07:00 (7:00), Afternoon 14:00 (7:00), Night 21:00 (10:00)"
    )
    assert not editor.start.isEnabled()
    dialog._save()
    assert ConsoleSettings.load().shift_pattern == own
