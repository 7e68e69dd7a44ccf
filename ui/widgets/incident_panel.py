"""The incident form: fields save as they are edited; there is no Save button to forget.

Each field has its own message line that says what is wrong with it; a refused value is kept in
the field (nothing typed is lost) and not saved until it is put right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dispatch.domain.enums import CallClass, Presentation, Priority
from dispatch.domain.incidents import (
    MAX_NOTE_LENGTH,
    FieldProblem,
    FieldRejected,
    parse_coordinate,
    validate_note,
)
from dispatch.services import incidents, queries
from dispatch.services.context import ServiceError
from dispatch.services.snapshots import CallView, IncidentView, NoteView
from ui import labels
from ui.reveal import focus_visibly
from ui.session import ConsoleSession
from ui.timefmt import local_datetime, local_time
from ui.widgets.category_lookup import CategoryLookup
from ui.widgets.focus_out import FocusOutFilter
from ui.widgets.location_entry import AREA_FIELDS, LocationEntry, nesting_message

translate = QCoreApplication.translate

SAVE_DELAY_MS = 400
#: How many earlier calls the one-line history counts (more shows as 20+).
HISTORY_LIMIT = 20


def field_problem(problem: FieldProblem) -> str:
    return {
        FieldProblem.TOO_LONG: translate("IncidentPanel", "Too long: shorten this text."),
        FieldProblem.NOT_A_NUMBER: translate(
            "IncidentPanel", "Not a number: use decimal degrees such as -6.99306."
        ),
        FieldProblem.LAT_OUT_OF_RANGE: translate(
            "IncidentPanel", "Latitude must be between -90 and 90 (Indonesia: about -11 to 6)."
        ),
        FieldProblem.LON_OUT_OF_RANGE: translate(
            "IncidentPanel", "Longitude must be between -180 and 180 (Indonesia: about 95 to 141)."
        ),
        FieldProblem.RT_RW_DIGITS: translate("IncidentPanel", "Up to three digits, e.g. 003."),
        FieldProblem.POSTCODE_DIGITS: translate("IncidentPanel", "Five digits, e.g. 50132."),
        FieldProblem.UNKNOWN_FIELD: translate("IncidentPanel", "Not a known value."),
        FieldProblem.EMPTY_NOTE: translate("IncidentPanel", "Type the note first."),
    }[problem]


NoteRole = Qt.ItemDataRole.UserRole + 1


class NarrativeList(QListWidget):
    """The incident's notes, one row each (a NoteView in ``NoteRole``)."""

    def selected_note(self) -> NoteView | None:
        item = self.currentItem()
        note = None if item is None else item.data(NoteRole)
        return note if isinstance(note, NoteView) else None

    def select_note(self, note_id: int) -> None:
        for row in range(self.count()):
            note = self.item(row).data(NoteRole)
            if isinstance(note, NoteView) and note.id == note_id:
                self.setCurrentRow(row)
                return

    def toPlainText(self) -> str:
        """The narrative as text, one line per note (as shown)."""
        return "\n".join(self.item(row).text() for row in range(self.count()))


class _EscapeKey(QObject):
    def __init__(self, callback: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        escape = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
        if escape and event.type() == QEvent.Type.KeyPress:
            self._callback()
            return True
        return False


class IncidentPanel(QWidget):
    """Signals: ``save_state_changed(str)`` with 'saved', 'pending' or 'error'."""

    save_state_changed = Signal(str)

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._incident: IncidentView | None = None
        self._pending: dict[str, QTimer] = {}
        self._errors: set[str] = set()
        self._loading = False
        self.save_state = "saved"

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel(
            translate("IncidentPanel", "No incident open. F2 answers the longest-ringing call.")
        )
        self.title.setObjectName("incidentTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saveState")
        layout.addWidget(self.saved_label)
        self.history_label = QLabel()
        self.history_label.setObjectName("callerHistory")
        self.history_label.setWordWrap(True)
        self.history_label.hide()
        layout.addWidget(self.history_label)
        self.script_label = QLabel()
        self.script_label.setWordWrap(True)
        self.script_label.setStyleSheet("background: #fff3e0; padding: 4px; border: 1px dashed #e65100;")
        self.script_label.hide()
        layout.addWidget(self.script_label)

        self.form = QWidget()
        grid = QGridLayout(self.form)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}

        self.category = QComboBox()
        self.category.addItem(translate("IncidentPanel", "- choose a category -"), None)
        for category in session.catalogue:
            self.category.addItem(f"{category.code} · {category.label(session.lang)}", category.code)
        # Found by its code or by any word of its label in either language ("gawat", "fire").
        self.category_lookup = CategoryLookup(self.category, session.catalogue, session.lang)
        self.priority = QComboBox()
        for value in Priority:
            self.priority.addItem(labels.priority(value), value.value)
        for combo in (self.category, self.priority):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)

        rows: list[list[tuple[str, str, QWidget | None]]] = [
            [
                ("category", translate("IncidentPanel", "&Category"), self.category),
                ("priority", translate("IncidentPanel", "Priorit&y"), self.priority),
            ],
            [
                ("caller_name", translate("IncidentPanel", "Caller &name"), None),
                ("callback_number", translate("IncidentPanel", "Call&back number"), None),
            ],
            [
                ("street", translate("IncidentPanel", "&Street (Jl.)"), None),
                ("house_number", translate("IncidentPanel", "No."), None),
            ],
            [("rt", translate("IncidentPanel", "RT"), None), ("rw", translate("IncidentPanel", "RW"), None)],
            [
                ("village", translate("IncidentPanel", "Kelurahan/Desa"), None),
                ("district", translate("IncidentPanel", "Kecamatan"), None),
            ],
            [
                ("regency", translate("IncidentPanel", "Kabupaten/Kota"), None),
                ("province", translate("IncidentPanel", "Province"), None),
            ],
            [
                ("postcode", translate("IncidentPanel", "Postcode"), None),
                ("landmark", translate("IncidentPanel", "&Landmark (patokan)"), None),
            ],
            [
                ("lat", translate("IncidentPanel", "Latitude"), None),
                ("lon", translate("IncidentPanel", "Longitude"), None),
            ],
        ]
        for row_number, row in enumerate(rows):
            for pair, (field, text, widget) in enumerate(row):
                if widget is None:
                    widget = QLineEdit()
                    widget.setMinimumWidth(70)
                    widget.textEdited.connect(partial(self._edited, field))
                    widget.installEventFilter(FocusOutFilter(partial(self._flush, field), widget))
                widget.setObjectName(f"field_{field}")
                label = QLabel(text)
                label.setBuddy(widget)
                message = QLabel()
                message.setObjectName(f"error_{field}")
                message.setStyleSheet("color: #b71c1c;")
                message.setWordWrap(True)
                message.hide()
                self.inputs[field] = widget
                self.messages[field] = message
                grid.addWidget(label, row_number * 2, pair * 2)
                grid.addWidget(widget, row_number * 2, pair * 2 + 1)
                grid.addWidget(message, row_number * 2 + 1, pair * 2 + 1)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        self.category.currentIndexChanged.connect(lambda _i: self._schedule("category"))
        self.category.installEventFilter(FocusOutFilter(lambda: self._flush("category"), self.category))
        self.priority.currentIndexChanged.connect(lambda _i: self._save("priority"))
        layout.addWidget(self.form)
        # Location: find an area by type-ahead (Ctrl+L), a pasted position, the premise history.
        self.location = LocationEntry(session)
        self.location.changed.connect(self._location_saved)
        self._nesting_field = ""
        layout.addWidget(self.location)

        narrative_box = QGroupBox(translate("IncidentPanel", "Narrative"))
        narrative_layout = QFormLayout(narrative_box)
        narrative_layout.setContentsMargins(4, 4, 4, 4)
        # One row per note, so that a note can be selected and corrected (Ctrl+Shift+F8).
        self.narrative = NarrativeList()
        self.narrative.setObjectName("narrative")
        self.narrative.setWordWrap(True)
        self.narrative.setMinimumHeight(70)
        self.note_input = QLineEdit()
        self.note_input.setObjectName("noteInput")
        self.note_input.setMaxLength(MAX_NOTE_LENGTH + 1000)  # longer than allowed: refused with a message
        self.note_input.setPlaceholderText(translate("IncidentPanel", "Type a note and press Enter (F8)"))
        self.note_input.returnPressed.connect(self.add_note)
        self.note_input.installEventFilter(_EscapeKey(self.cancel_correction, self.note_input))
        self._correcting: NoteView | None = None
        self.correction_label = QLabel()
        self.correction_label.setObjectName("correctionLabel")
        self.correction_label.setWordWrap(True)
        self.correction_label.setStyleSheet("color: #0d47a1; font-weight: bold;")
        self.correction_label.hide()
        self.note_message = QLabel()
        self.note_message.setObjectName("noteMessage")
        self.note_message.setStyleSheet("color: #b71c1c;")
        self.note_message.hide()
        narrative_layout.addRow(self.narrative)
        narrative_layout.addRow(self.correction_label)
        narrative_layout.addRow(translate("IncidentPanel", "&Note"), self.note_input)
        narrative_layout.addRow(self.note_message)
        layout.addWidget(narrative_box, 1)
        self._narrative_box = narrative_box
        self.set_incident(None)

    def detach_narrative(self) -> QWidget:
        """The narrative and its entry line, out of this panel for the window to place (under the
        form's scroll area, so that the entry line stays in view however the form is scrolled)."""
        layout = self.layout()
        assert layout is not None
        layout.removeWidget(self._narrative_box)
        self._narrative_box.setParent(None)
        return self._narrative_box

    # -- showing -----------------------------------------------------------------------------------

    @property
    def incident(self) -> IncidentView | None:
        return self._incident

    def set_incident(self, incident: IncidentView | None, script: str = "") -> None:
        """Show ``incident``; unsaved edits of the previous one are saved first."""
        self.flush_all()
        self.cancel_correction()
        if incident is None or self._incident is None or incident.id != self._incident.id:
            # What was typed into the category box belonged to the incident shown before: typed
            # within the search's 1.2 s on the next one, "KDRT" and "FIRE" read as "KDRTFIRE".
            self.category_lookup.forget()
        self._incident = incident
        self._errors.clear()
        for message in self.messages.values():
            message.hide()
        enabled = incident is not None and incident.closed_at is None
        self.form.setEnabled(enabled)
        self._narrative_box.setEnabled(incident is not None)
        if script:
            self.script_label.setText(
                translate("IncidentPanel", "Training caller says: %1").replace("%1", script)
            )
        self.script_label.setVisible(bool(script))
        self._load_fields()
        self.location.set_incident(incident)
        self._show_nesting()
        self.refresh_notes()
        self._set_save_state("saved", announce=incident is not None)

    def show_caller_history(self, call: CallView | None, earlier: Sequence[CallView]) -> None:
        """One line on the caller's earlier calls (the full history view comes with call-taking)."""
        if call is None:
            self.history_label.hide()
            return
        if call.presentation is Presentation.PRIVATE:
            text = translate("IncidentPanel", "Number withheld: no call history.")
        elif call.presentation is Presentation.UNAVAILABLE:  # not withheld: the network gave none
            text = translate("IncidentPanel", "Number unavailable: no call history.")
        elif not earlier:
            text = translate("IncidentPanel", "No earlier calls from this number.")
        else:
            last = earlier[0]
            kind = (
                labels.call_class(last.classification)
                if last.classification
                else labels.call_state(last.state)
            )
            pranks = sum(1 for c in earlier if c.classification is CallClass.PRANK)
            text = (
                translate("IncidentPanel", "Earlier calls from this number: %1 (last %2, %3; prank: %4)")
                .replace("%1", str(len(earlier)) + ("+" if len(earlier) >= HISTORY_LIMIT else ""))
                .replace("%2", local_datetime(last.ring_at, self._session.zone))
                .replace("%3", kind)
                .replace("%4", str(pranks))
            )
        self.history_label.setText(text)
        self.history_label.show()

    def refresh(self, incident: IncidentView) -> None:
        """A newer snapshot arrived (from this console or another): update fields not being edited."""
        if self._incident is None or incident.id != self._incident.id:
            return
        self._incident = incident
        self._load_fields(skip_focused=True)
        self.location.refresh(incident)

    def _location_saved(self, incident: IncidentView) -> None:
        """An area or a position was saved: it replaces what was typed (or refused) in its fields."""
        for field in (*AREA_FIELDS.values(), "postcode", "lat", "lon"):
            timer = self._pending.pop(field, None)
            if timer is not None:
                timer.stop()
                timer.deleteLater()
            self._errors.discard(field)
            self.messages[field].hide()
        self._incident = incident
        self._load_fields(skip_focused=True)
        self._show_nesting()
        self._set_save_state("error" if self._errors else ("pending" if self._pending else "saved"))

    def _show_nesting(self) -> None:
        """Address levels that do not fit together are kept as typed, with the reason next to them."""
        if self._nesting_field and self._nesting_field not in self._errors:
            self.messages[self._nesting_field].hide()
        self._nesting_field = ""
        if self._incident is None:
            return
        incident = self._incident
        typed = {field: _as_text(incident.field_value(field)) for field in AREA_FIELDS.values()}
        found = nesting_message(typed)
        if found is None or found[0] in self._errors:
            return
        self._nesting_field, text = found
        self.messages[self._nesting_field].setText(text)
        self.messages[self._nesting_field].show()

    def _load_fields(self, skip_focused: bool = False) -> None:
        incident = self._incident
        self._loading = True
        try:
            if incident is None:
                self.title.setText(
                    translate("IncidentPanel", "No incident open. F2 answers the longest-ringing call.")
                )
            else:
                self.title.setText(
                    translate("IncidentPanel", "Incident %1 · %2")
                    .replace("%1", incident.number)
                    .replace("%2", labels.incident_status(incident.status))
                )
            for field, widget in self.inputs.items():
                if skip_focused and (widget.hasFocus() or field in self._pending or field in self._errors):
                    continue
                value = None if incident is None else incident.field_value(field)
                if isinstance(widget, QLineEdit):
                    widget.setText(_as_text(value))
                elif widget is self.category:
                    self.category.setCurrentIndex(max(0, self.category.findData(value)))
                elif widget is self.priority:
                    self.priority.setCurrentIndex(max(0, self.priority.findData(value or Priority.P3.value)))
        finally:
            self._loading = False

    def refresh_notes(self) -> None:
        selected = self.narrative.selected_note()
        self.narrative.clear()
        if self._incident is None:
            return
        notes = queries.incident_notes(self._session.ctx, self._incident.id)
        zone = self._session.zone
        by_id = {n.id: n for n in notes}
        # Corrections are marked in words on both notes, not by style alone.
        corrected_at = {n.corrects_id: n.at for n in notes if n.corrects_id is not None}
        for note in notes:
            text = f"{local_time(note.at, zone)}  {note.author}: {note_text(note.kind, note.text, zone)}"
            original = by_id.get(note.corrects_id) if note.corrects_id is not None else None
            if original is not None:
                text = translate("IncidentPanel", "%1  (correction of the %2 note)").replace("%1", text)
                text = text.replace("%2", local_time(original.at, zone))
            if note.id in corrected_at:
                text = translate("IncidentPanel", "%1  [corrected at %2]").replace("%1", text)
                text = text.replace("%2", local_time(corrected_at[note.id], zone))
            item = QListWidgetItem(text)
            item.setData(NoteRole, note)
            if note.id in corrected_at:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
            self.narrative.addItem(item)
        if selected is not None and selected.id in by_id:
            self.narrative.select_note(selected.id)
        else:
            self.narrative.scrollToBottom()

    def start_correction(self) -> None:
        """Ctrl+Shift+F8: the note field writes a correction of the selected note.

        With no note selected yet, the last note is selected and the list focused (Up/Down to
        choose, Ctrl+Shift+F8 again to correct it).
        """
        if self._incident is None:
            return
        note = self.narrative.selected_note() if self.narrative.hasFocus() or self._correcting else None
        if note is None:
            if self.narrative.count() == 0:
                return
            if self.narrative.currentRow() < 0:
                self.narrative.setCurrentRow(self.narrative.count() - 1)
            self.narrative.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.note_message.setText(
                translate("IncidentPanel", "Choose the note with Up/Down, then press Ctrl+Shift+F8 again.")
            )
            self.note_message.show()
            return
        self._correcting = note
        self.note_message.hide()
        self.correction_label.setText(
            translate("IncidentPanel", "Correction of the %1 note by %2: “%3” (Enter saves, Esc cancels)")
            .replace("%1", local_time(note.at, self._session.zone))
            .replace("%2", note.author)
            .replace("%3", note_text(note.kind, note.text, self._session.zone)[:120])
        )
        self.correction_label.show()
        if not self.note_input.text():
            self.note_input.setText(note.text)
            self.note_input.selectAll()
        self.note_input.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def cancel_correction(self) -> None:
        self._correcting = None
        self.correction_label.hide()

    # -- saving ------------------------------------------------------------------------------------

    def _edited(self, field: str, _text: str) -> None:
        self._schedule(field)

    def _schedule(self, field: str) -> None:
        if self._loading or self._incident is None:
            return
        timer = self._pending.get(field)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda f=field: self._flush(f))
            self._pending[field] = timer
        timer.start(SAVE_DELAY_MS)
        self._set_save_state("pending")

    def _flush(self, field: str) -> None:
        timer = self._pending.pop(field, None)
        if timer is not None:
            timer.stop()
            timer.deleteLater()
            self._save(field)

    def flush_all(self) -> None:
        for field in list(self._pending):
            self._flush(field)
        # A position pasted but not yet applied (no Enter, focus still there): saved too, if changed.
        self.location.apply_position()

    def _save(self, field: str) -> None:
        if self._loading or self._incident is None:
            return
        widget = self.inputs[field]
        message = self.messages[field]
        try:
            value: str | float | None
            if isinstance(widget, QLineEdit):
                value = parse_coordinate(field, widget.text()) if field in ("lat", "lon") else widget.text()
            else:
                assert isinstance(widget, QComboBox)
                value = widget.currentData()
            updated = incidents.update_field(
                self._session.ctx, self._incident.id, field, value, self._session.catalogue
            )
        except FieldRejected as rejected:
            self._errors.add(field)
            message.setText(field_problem(rejected.problem))
            message.show()
            self._set_save_state("error")
            return
        except ServiceError as error:
            self._errors.add(field)
            message.setText(labels.service_error(error.code))
            message.show()
            self._set_save_state("error")
            return
        self._errors.discard(field)
        message.hide()
        self._incident = updated
        if field in AREA_FIELDS.values():
            self._show_nesting()
        if field == "category":
            self._loading = True
            self.priority.setCurrentIndex(max(0, self.priority.findData(updated.priority.value)))
            self._loading = False
        self._set_save_state("error" if self._errors else ("pending" if self._pending else "saved"))

    def add_note(self) -> None:
        if self._incident is None:
            return
        try:
            validate_note(self.note_input.text())
            corrects = None if self._correcting is None else self._correcting.id
            incidents.add_note(self._session.ctx, self._incident.id, self.note_input.text(), corrects)
        except FieldRejected as rejected:
            self.note_message.setText(field_problem(rejected.problem))
            self.note_message.show()
            return
        except ServiceError as error:
            self.note_message.setText(labels.service_error(error.code))
            self.note_message.show()
            return
        self.note_message.hide()
        self.note_input.clear()
        self.cancel_correction()
        self.refresh_notes()

    def _set_save_state(self, state: str, announce: bool = True) -> None:
        self.save_state = state
        if self._incident is None:
            self.saved_label.setText("")
        elif state == "saved":
            when = local_time(self._session.ctx.clock.now(), self._session.zone)
            self.saved_label.setText(
                translate("IncidentPanel", "✔ All changes saved (%1)").replace("%1", when)
            )
            self.saved_label.setStyleSheet("color: #1b5e20;")
        elif state == "pending":
            self.saved_label.setText(translate("IncidentPanel", "… Saving"))
            self.saved_label.setStyleSheet("color: #e65100;")
        else:
            self.saved_label.setText(
                translate("IncidentPanel", "✖ Not saved: correct the field marked in red")
            )
            self.saved_label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        if announce:
            self.save_state_changed.emit(state)

    def focus_first_field(self) -> None:
        focus_visibly(self.category)


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


def note_text(kind: str, text: str, zone: tzinfo) -> str:
    """System notes are stored as codes so that each reader sees them in their own language."""
    if kind == "copied":
        # services.duplicates: the cancelled duplicate's number, then "field: value" / "note: text" lines.
        source, _, rest = text.partition("\n")
        return (
            translate("IncidentPanel", "Copied from duplicate incident %1: %2")
            .replace("%1", source)
            .replace("%2", " | ".join(rest.splitlines()))
        )
    if kind != "system":
        return text
    code, _, argument = text.partition(" ")
    if code == "call.answered":
        number = labels.stored_number(argument)  # "P" or nothing for a withheld or missing number
        return translate("IncidentPanel", "Call from %1 answered; incident opened.").replace("%1", number)
    if code == "unit.dispatched":
        return translate("IncidentPanel", "Unit %1 dispatched.").replace("%1", argument)
    if code == "call.attached":
        number, _, cancelled = argument.partition(" ")
        number = labels.stored_number(number)
        return (
            translate(
                "IncidentPanel", "Further call from %1 attached (its incident %2 cancelled as duplicate)."
            )
            .replace("%1", number)
            .replace("%2", cancelled)
        )
    if code == "incident.duplicate_of":
        return translate("IncidentPanel", "Cancelled: duplicate of incident %1.").replace("%1", argument)
    if code == "callback.reached_emergency":
        # services.callbacks: the call's id, then its ring time in ISO form (UTC).
        call_id, _, rang = argument.partition(" ")
        try:
            ring_at = datetime.fromisoformat(rang)
        except ValueError:
            return text  # not this code's form: shown as stored rather than lost
        return (
            translate(
                "IncidentPanel",
                "Callback reached the caller of call %1 (rang at %2): emergency, incident opened.",
            )
            .replace("%1", call_id)
            .replace("%2", local_time(ring_at, zone))
        )
    return text
