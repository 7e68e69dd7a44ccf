"""The timer limits in the settings dialog: one field per timer (m:ss or seconds), its error beside it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from dispatch.domain.timers import (
    MAX_LIMIT_S,
    MIN_LIMIT_S,
    THRESHOLD_FIELDS,
    TimerThresholds,
    format_duration,
    parse_duration,
)

translate = QCoreApplication.translate


def field_label(name: str) -> str:
    return {
        "call_ringing": translate("TimerSettings", "Call ringing longer than"),
        "not_dispatched": translate("TimerSettings", "Incident answered, no unit dispatched after"),
        "not_acknowledged": translate("TimerSettings", "Unit dispatched, not acknowledged after"),
        "en_route": translate("TimerSettings", "Unit en route longer than"),
        "on_scene_no_update": translate("TimerSettings", "Unit on scene without an update for"),
    }[name]


class TimerSettingsEditor(QGroupBox):
    def __init__(self, thresholds: TimerThresholds, alert_sound: bool, parent: QWidget | None = None) -> None:
        super().__init__(translate("TimerSettings", "Timers and alerts (m:ss, or seconds)"), parent)
        self.setObjectName("timerSettings")
        form = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for name in THRESHOLD_FIELDS:
            edit = QLineEdit(format_duration(getattr(thresholds, name)))
            edit.setObjectName(f"timer_{name}")
            edit.setMaxLength(12)
            error = QLabel()
            error.setObjectName(f"timer_{name}_error")
            error.setStyleSheet("color: #b71c1c;")
            error.hide()
            # The error sits beside its field, so the section stays short on a 768-pixel screen.
            row = QHBoxLayout()
            edit.setMaximumWidth(90)
            row.addWidget(edit)
            row.addWidget(error, 1)
            form.addRow(field_label(name), row)
            self.fields[name] = edit
            self.errors[name] = error
        self.alert_sound = QCheckBox(translate("TimerSettings", "Sound when an alert is raised"))
        self.alert_sound.setObjectName("alertSound")
        self.alert_sound.setChecked(alert_sound)
        form.addRow(self.alert_sound)

    def thresholds(self) -> TimerThresholds | None:
        """The limits typed, or None after showing what is wrong next to each bad field."""
        values: dict[str, int] = {}
        for name, edit in self.fields.items():
            error = self.errors[name]
            problem = ""
            try:
                seconds = parse_duration(edit.text())
            except ValueError:
                problem = translate("TimerSettings", "Write minutes:seconds (2:00) or seconds (120).")
            else:
                if seconds < MIN_LIMIT_S:
                    problem = translate("TimerSettings", "At least %1 seconds.")
                    problem = problem.replace("%1", str(MIN_LIMIT_S))
                elif seconds > MAX_LIMIT_S:
                    problem = translate("TimerSettings", "At most %1.").replace(
                        "%1", format_duration(MAX_LIMIT_S)
                    )
                else:
                    values[name] = seconds
            error.setText(problem)
            error.setVisible(bool(problem))
        if len(values) != len(self.fields):
            return None
        return TimerThresholds(**values)
