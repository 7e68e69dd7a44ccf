"""The console's settings: language, console name, time zone, simulated call rate, the map's tile file,
the operator's telephone extension and the PBX's dial context (dialling an agency through AMI).

Feeds, timer limits, the shift pattern and the centre's area change how every call is taken or
every shift is opened: only a supervisor or an administrator edits them (``Action.EDIT_FEEDS``,
``Action.MANAGE_SHIFTS`` and the others); anyone else sees them read-only, with a line saying why.
"""

from __future__ import annotations

from datetime import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QRect, QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from dispatch.domain.areas import area_index
from dispatch.domain.enums import Role
from dispatch.domain.forwarding import context_problem, extension_problem
from dispatch.domain.permissions import Action, can
from dispatch.domain.shifts import PRESETS, ShiftCode, ShiftPattern, ShiftSpec, format_length
from ui import labels
from ui.dialogs.feeds import FeedListEditor
from ui.map.tiles import MBTilesFile, TileFileError
from ui.settings import ConsoleSettings
from ui.widgets.timer_settings import TimerSettingsEditor

translate = QCoreApplication.translate


def language_installed() -> str:
    """The language the running console speaks: ``install_translator`` sets Qt's default locale."""
    return "id" if QLocale().language() == QLocale.Language.Indonesian else "en"


#: Indonesia's three time zones, by their IANA names.
TIME_ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")


def day_order(pattern: ShiftPattern) -> list[ShiftSpec]:
    """The shifts from the day's first: the morning (or day) shift, as a duty roster lists them."""
    shifts = list(pattern.shifts)
    first = next((i for i, s in enumerate(shifts) if s.code in (ShiftCode.MORNING, ShiftCode.DAY)), 0)
    return shifts[first:] + shifts[:first]


def pattern_words(pattern: ShiftPattern) -> str:
    """``3 x 8 h: Morning 07:00, Afternoon 15:00, Night 23:00`` (a pattern of unequal shifts with each
    length), from the day's first shift."""
    shifts = day_order(pattern)
    parts = [f"{labels.shift_name(shift.code)} {shift.start:%H:%M}" for shift in shifts]
    if len({shift.length for shift in shifts}) == 1:
        hours = format_length(shifts[0].length).removesuffix(":00")
        return f"{len(shifts)} x {hours} h: " + ", ".join(parts)
    return ", ".join(
        f"{part} ({format_length(shift.length)})" for part, shift in zip(parts, shifts, strict=True)
    )


class ShiftPatternEditor(QWidget):
    """The centre's shifts: one of the presets (3 x 8 h, 2 x 12 h, 4 x 6 h) from a chosen start, or
    the custom pattern as saved (written in the settings file; shown, kept, not edited here)."""

    def __init__(self, current: ShiftPattern, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.choice = QComboBox()
        self.choice.setObjectName("shiftPattern")
        self.start = QTimeEdit()
        self.start.setObjectName("shiftStart")
        self.start.setDisplayFormat("HH:mm")
        self.start.setToolTip(translate("SettingsDialog", "When the first shift of the day starts"))
        start_label = QLabel(translate("SettingsDialog", "first shift from"))
        start_label.setBuddy(self.start)
        layout.addWidget(self.choice, 1)
        layout.addWidget(start_label)
        layout.addWidget(self.start)
        self._custom: ShiftPattern | None = None
        for index, preset in enumerate(PRESETS):
            self.choice.addItem(pattern_words(preset), index)
        chosen = self._preset_of(current)
        if chosen is None:
            self._custom = current
            self.choice.addItem(
                translate("SettingsDialog", "As saved: %1").replace("%1", pattern_words(current)), -1
            )
            self.choice.setCurrentIndex(self.choice.count() - 1)
            first = day_order(current)[0].start
        else:
            index, first = chosen
            self.choice.setCurrentIndex(index)
        self.start.setTime(QTime(first.hour, first.minute))
        self.choice.currentIndexChanged.connect(lambda _index: self._follow())
        self.start.timeChanged.connect(lambda _time: self._relabel())
        self._follow()

    @staticmethod
    def _preset_of(pattern: ShiftPattern) -> tuple[int, time] | None:
        """Which preset ``pattern`` is, from which start (None: a pattern of its own)."""
        for index, preset in enumerate(PRESETS):
            codes = [shift.code for shift in day_order(preset)]
            first = next((s.start for s in pattern.shifts if s.code == codes[0]), None)
            if first is not None and ShiftPattern.even(first, codes) == pattern:
                return index, first
        return None

    def _follow(self) -> None:
        self.start.setEnabled(self.isEnabled() and int(self.choice.currentData()) >= 0)
        self._relabel()

    def _relabel(self) -> None:
        """Each preset's words say its times from the start chosen."""
        for item in range(self.choice.count()):
            index = int(self.choice.itemData(item))
            if index >= 0:
                self.choice.setItemText(item, pattern_words(self._preset(index)))

    def _preset(self, index: int) -> ShiftPattern:
        chosen = self.start.time()
        codes = [shift.code for shift in day_order(PRESETS[index])]
        return ShiftPattern.even(time(chosen.hour(), chosen.minute()), codes)

    def pattern(self) -> ShiftPattern:
        index = int(self.choice.currentData())
        if index < 0:
            assert self._custom is not None
            return self._custom
        return self._preset(index)


def tile_file_check(text: str) -> tuple[bool, str]:
    """Whether ``text`` names a tile file the map can use, and what to say beside the field: why
    not, or what the file holds ("" for no file: the map is drawn plainly)."""
    text = text.strip()
    if not text:
        return True, ""
    try:
        tiles = MBTilesFile(Path(text).expanduser())
    except TileFileError as error:
        words = translate("SettingsDialog", "Not a usable map tile file: %1.")
        return False, words.replace("%1", error.words())
    info = tiles.info
    tiles.close()
    return True, (
        translate("SettingsDialog", "Map tiles: %1, zoom levels %2 to %3.")
        .replace("%1", info.format)
        .replace("%2", str(info.min_zoom))
        .replace("%3", str(info.max_zoom))
    )


class MapTilesField(QWidget):
    """The MBTiles file's path, a button to choose it, and beside them what the file is (or why the map
    cannot use it), checked as soon as it is typed or chosen."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit(current)
        self.path.setObjectName("mapTiles")
        self.path.setPlaceholderText(
            translate("SettingsDialog", "none: the map is drawn from the village points")
        )
        self.path.setClearButtonEnabled(True)
        self.choose = QPushButton(translate("SettingsDialog", "&Browse…"))
        self.choose.setObjectName("mapTilesChoose")
        self.choose.clicked.connect(self._choose)
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        layout.addLayout(row)
        self.note = QLabel()
        self.note.setObjectName("mapTilesNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.path.editingFinished.connect(self.check)
        self.path.textChanged.connect(self._typed)
        self.check()

    def check(self) -> bool:
        """The file looked at now; what it is (or why not) shown beside the field."""
        usable, words = tile_file_check(self.path.text())
        self.note.setText(words)
        self.note.setStyleSheet("" if usable else "color: #b71c1c; font-weight: bold;")
        self.note.setVisible(bool(words))
        return usable

    def _typed(self, text: str) -> None:
        if not text.strip():  # no file: nothing to say
            self.note.hide()

    def _choose(self) -> None:
        chooser = QFileDialog(self, translate("SettingsDialog", "Map tile file (MBTiles)"))
        chooser.setObjectName("mapTilesFile")
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setNameFilter(translate("SettingsDialog", "MBTiles files (*.mbtiles);;All files (*)"))
        chooser.fileSelected.connect(self.chosen)
        chooser.open()

    def chosen(self, path: str) -> None:
        self.path.setText(path)
        self.check()
        self.path.setFocus()


def _problem_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("color: #b71c1c;")
    label.setWordWrap(True)
    label.hide()
    return label


class SettingsDialog(QDialog):
    """Edits ``ConsoleSettings``; saved when accepted. Changes apply at the next start."""

    def __init__(
        self,
        settings: ConsoleSettings,
        parent: QWidget | None = None,
        *,
        role: Role | str | None = None,
        language: str | None = None,
    ) -> None:
        """``language``: the one this run speaks (``ConsoleSession.lang``; by default the installed one).

        The list shows the language in force, not the saved preference: under ``--lang en`` with
        Indonesian saved it showed Indonesian, and saving then switched the saved language. The saved
        language changes only when the user picks another one.
        """
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.may_edit_feeds = can(role, Action.EDIT_FEEDS)
        self.may_edit_timers = can(role, Action.EDIT_TIMER_LIMITS)
        self.may_edit_centre_area = can(role, Action.EDIT_CENTRE_AREA)
        self.may_edit_shifts = can(role, Action.MANAGE_SHIFTS)
        self.setWindowTitle(translate("SettingsDialog", "Console settings"))
        self.settings = settings
        # The settings scroll when the screen is short (1366x768 with the map's tile file under the
        # shifts); the note and the buttons stay below them.
        outer = QVBoxLayout(self)
        self.content = QWidget()
        content = self.content
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("settingsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area, 1)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language_in_force = language or language_installed()
        self.language.setCurrentIndex(max(0, self.language.findData(self.language_in_force)))
        self.language_note = QLabel()
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        self.language.currentIndexChanged.connect(lambda _index: self._show_language_note())
        self._show_language_note()
        self.console_name = QLineEdit(settings.console_name)
        self.console_name.setObjectName("consoleName")
        self.console_name.setMaxLength(64)
        self.console_error = QLabel()
        self.console_error.setStyleSheet("color: #b71c1c;")
        self.console_error.hide()
        self.time_zone = QComboBox()
        self.time_zone.setObjectName("timeZone")
        for zone, label in zip(
            TIME_ZONES,
            (
                translate("SettingsDialog", "WIB (Western Indonesia, UTC+7)"),
                translate("SettingsDialog", "WITA (Central Indonesia, UTC+8)"),
                translate("SettingsDialog", "WIT (Eastern Indonesia, UTC+9)"),
            ),
            strict=True,
        ):
            self.time_zone.addItem(label, zone)
        self.time_zone.setCurrentIndex(max(0, self.time_zone.findData(settings.time_zone)))
        self.sim_rate = QDoubleSpinBox()
        self.sim_rate.setObjectName("simRate")
        self.sim_rate.setRange(0.1, 60.0)
        self.sim_rate.setDecimals(1)
        self.sim_rate.setValue(settings.sim_rate)
        self.eta_speed = QDoubleSpinBox()
        self.eta_speed.setObjectName("etaSpeed")
        self.eta_speed.setRange(5.0, 200.0)
        self.eta_speed.setDecimals(0)
        self.eta_speed.setSuffix(" km/h")
        self.eta_speed.setValue(settings.eta_speed_kmh)
        self.prank_threshold = QSpinBox()
        self.prank_threshold.setObjectName("prankThreshold")
        self.prank_threshold.setRange(2, 20)
        self.prank_threshold.setValue(settings.prank_threshold)
        self.centre_area = QLineEdit(settings.centre_area)
        self.centre_area.setObjectName("centreArea")
        self.centre_area.setPlaceholderText(translate("SettingsDialog", "e.g. 33.74 (Kota Semarang)"))
        self.centre_area_error = QLabel()
        self.centre_area_error.setObjectName("centreAreaError")
        self.centre_area_error.setStyleSheet("color: #b71c1c;")
        self.centre_area_error.hide()
        form.addRow(translate("SettingsDialog", "&Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(translate("SettingsDialog", "&Console name"), self.console_name)
        form.addRow("", self.console_error)
        form.addRow(translate("SettingsDialog", "Time &zone"), self.time_zone)
        form.addRow(translate("SettingsDialog", "&Simulated calls per minute"), self.sim_rate)
        form.addRow(translate("SettingsDialog", "Spee&d for unit ETA (straight line)"), self.eta_speed)
        form.addRow(
            translate("SettingsDialog", "Repeat &prank caller: prank calls in 24 h, this one included"),
            self.prank_threshold,
        )
        form.addRow(
            translate("SettingsDialog", "Centre's own a&rea code (first in Find area)"), self.centre_area
        )
        form.addRow("", self.centre_area_error)
        self.shift_pattern = ShiftPatternEditor(settings.shift_pattern)
        self.shift_pattern.setEnabled(self.may_edit_shifts)
        self.shift_pattern._follow()
        form.addRow(translate("SettingsDialog", "S&hifts of the centre"), self.shift_pattern)
        self.map_tiles = MapTilesField(settings.map_tiles)
        tiles_label = QLabel(translate("SettingsDialog", "Map t&iles (MBTiles file)"))
        tiles_label.setBuddy(self.map_tiles.path)
        form.addRow(tiles_label, self.map_tiles)
        layout.addLayout(form)
        feeds_title = QLabel(
            translate("SettingsDialog", "Feeds (caller-ID modems, Whozz Calling, NCID, Asterisk)")
        )
        feeds_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(feeds_title)
        self.feeds = FeedListEditor(settings.feeds, settings.region)
        layout.addWidget(self.feeds, 1)
        layout.addLayout(self._dialling_form(settings))
        self.timers = TimerSettingsEditor(settings.thresholds, settings.alert_sound)
        layout.addWidget(self.timers)
        self.feeds.setEnabled(self.may_edit_feeds)
        self.timers.setEnabled(self.may_edit_timers)
        self.centre_area.setReadOnly(not self.may_edit_centre_area)
        # Greyed like the feeds and timers: read-only alone looked like a field waiting for a code.
        self.centre_area.setEnabled(self.may_edit_centre_area)
        self.read_only_note = QLabel(
            translate(
                "SettingsDialog",
                "Feeds, timer limits, the shifts and the centre's area are shown read-only: only a "
                "supervisor or an administrator can change them.",
            )
        )
        self.read_only_note.setObjectName("settingsReadOnlyNote")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet("font-weight: bold;")
        self.read_only_note.setVisible(
            not (
                self.may_edit_feeds
                and self.may_edit_timers
                and self.may_edit_centre_area
                and self.may_edit_shifts
            )
        )
        layout.insertWidget(0, self.read_only_note)
        note = QLabel(translate("SettingsDialog", "Changes take effect the next time the console starts."))
        note.setWordWrap(True)
        outer.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._fitted = False

    def _dialling_form(self, settings: ConsoleSettings) -> QFormLayout:
        """The operator's extension (anyone: it is this console's telephone) and the PBX's dial
        context (a feeds setting), each with its problem under it."""
        form = QFormLayout()
        self.ami_extension = QLineEdit(settings.ami_extension)
        self.ami_extension.setObjectName("amiExtension")
        self.ami_extension.setMaxLength(64)
        self.ami_extension.setPlaceholderText(translate("SettingsDialog", "e.g. PJSIP/201"))
        self.ami_extension_error = _problem_label("amiExtensionError")
        self.ami_dial_context = QLineEdit(settings.ami_dial_context)
        self.ami_dial_context.setObjectName("amiDialContext")
        self.ami_dial_context.setMaxLength(64)
        self.ami_dial_context_error = _problem_label("amiDialContextError")
        self.ami_dial_context.setEnabled(self.may_edit_feeds)
        self.ami_extension.textEdited.connect(lambda _text: self.ami_extension_error.hide())
        self.ami_dial_context.textEdited.connect(lambda _text: self.ami_dial_context_error.hide())
        form.addRow(
            translate("SettingsDialog", "Your telephone e&xtension (rings first when dialling an agency)"),
            self.ami_extension,
        )
        form.addRow("", self.ami_extension_error)
        form.addRow(
            translate("SettingsDialog", "PBX dial c&ontext for agencies' numbers"), self.ami_dial_context
        )
        form.addRow("", self.ami_dial_context_error)
        return form

    def _dialling_checked(self) -> bool:
        """The extension and the dial context into the settings, or False with the problem shown
        beside the field (and the field focused)."""
        extension = self.ami_extension.text().strip()
        problem = extension_problem(extension) if extension else ""
        if problem:
            self.ami_extension_error.setText(
                translate(
                    "SettingsDialog", "Not a telephone channel: write it as the PBX names it, e.g. PJSIP/201."
                )
            )
            self.ami_extension_error.show()
            self.ami_extension.setFocus()
            return False
        context = self.ami_dial_context.text().strip()
        problem = context_problem(context) if self.may_edit_feeds else ""
        if problem:
            self.ami_dial_context_error.setText(
                translate("SettingsDialog", "Give the PBX's dial context, e.g. from-internal.")
                if problem == "missing"
                else translate(
                    "SettingsDialog",
                    "A dial context has letters, digits, '-', '_' and '.' only, e.g. from-internal.",
                )
            )
            self.ami_dial_context_error.show()
            self.ami_dial_context.setFocus()
            return False
        self.settings.ami_extension = extension
        if self.may_edit_feeds:
            self.settings.ami_dial_context = context
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # sized once its fields are laid out as shown
            self._fitted = True
            screen = self.screen() or QApplication.primaryScreen()
            self.fit_screen(screen.availableGeometry() if screen is not None else None)

    def fit_screen(self, room: QRect | None) -> None:
        """As large as the settings want, within ``room`` (the screen's free area; what does not
        fit scrolls)."""
        content = self.content
        wanted = content.sizeHint()
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        width = max(wanted.width(), content.minimumSizeHint().width()) + bar + 24
        height = wanted.height() + 110
        if room is not None:
            # A window manager's title bar and frame take some of the screen too.
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(width, height)

    @property
    def language_changed(self) -> bool:
        """Whether the user picked a language other than the one this run speaks."""
        return str(self.language.currentData()) != self.language_in_force

    def _show_language_note(self) -> None:
        """When a language change takes effect; and, before any change, which one is saved when the
        run speaks another (``--lang``, or the system's language with none saved)."""
        chosen = str(self.language.currentData())
        if chosen != self.language_in_force:
            self.language_note.setText(
                translate(
                    "SettingsDialog",
                    "Saved when you press Save: the console speaks %1 from its next start (unless "
                    "started with --lang).",
                ).replace("%1", self.language.currentText())
            )
        elif self.settings.language and self.settings.language != self.language_in_force:
            index = self.language.findData(self.settings.language)
            saved = self.language.itemText(index) if index >= 0 else self.settings.language
            self.language_note.setText(
                translate("SettingsDialog", "This run speaks %1 (--lang); %2 stays saved for other starts.")
                .replace("%1", self.language.currentText())
                .replace("%2", saved)
            )
        else:
            self.language_note.setText("")
        self.language_note.setVisible(bool(self.language_note.text()))

    def done(self, result: int) -> None:
        self.feeds.stop_test()
        super().done(result)

    def _save(self) -> None:
        name = self.console_name.text().strip()
        if not name:
            self.console_error.setText(
                translate("SettingsDialog", "Give this console a name, e.g. KONSOL-01.")
            )
            self.console_error.show()
            return
        if self.may_edit_timers:
            thresholds = self.timers.thresholds()
            if thresholds is None:
                return
            self.settings.thresholds = thresholds
            self.settings.alert_sound = self.timers.alert_sound.isChecked()
        if self.language_changed:
            self.settings.language = str(self.language.currentData())
        self.settings.console_name = name
        self.settings.time_zone = str(self.time_zone.currentData())
        self.settings.sim_rate = self.sim_rate.value()
        self.settings.eta_speed_kmh = self.eta_speed.value()
        self.settings.prank_threshold = self.prank_threshold.value()
        if self.may_edit_centre_area:
            centre_area = self.centre_area.text().strip().rstrip(".")
            if centre_area and area_index().get(centre_area) is None:
                self.centre_area_error.setText(
                    translate("SettingsDialog", "Not a known area code: use e.g. 33.74 for Kota Semarang.")
                )
                self.centre_area_error.show()
                return
            self.settings.centre_area = centre_area
        if not self.map_tiles.check():
            self.map_tiles.path.setFocus()
            return
        self.settings.map_tiles = self.map_tiles.path.text().strip()
        if not self._dialling_checked():
            return
        if self.may_edit_feeds:
            self.settings.feeds = self.feeds.urls
        if self.may_edit_shifts:
            self.settings.shift_pattern = self.shift_pattern.pattern()
        self.settings.save()
        self.accept()
