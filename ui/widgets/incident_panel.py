"""The incident form: fields save as they are edited; there is no Save button to forget.

Each field has its own message line that says what is wrong with it; a refused value is kept in
the field (nothing typed is lost) and not saved until it is put right.

In a centre of several consoles (issue 13) two more things can stop a save, and neither loses what
was typed:

- The database is away (``DatabaseUnavailable``): the value stays in the field, marked "not saved
  yet" in words beside it, and is saved when the link to the database is back (or the next write
  gets through, or the retry every few seconds); a note typed meanwhile waits, marked, at the end of
  the narrative. Switching to another incident keeps them too (per incident and field).
- Another console changed the field since this form showed it: each save passes the stored value the
  form last showed (``expected``), and the service refuses with ``FIELD_CHANGED_ELSEWHERE``; both
  values are shown beside the field until the person chooses (F11 keeps theirs, F12 saves theirs
  over). A change notice from elsewhere updates the fields the person is not editing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
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

from dispatch.domain.codes import Refusal
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
from dispatch.services.uow import DatabaseUnavailable
from ui import labels
from ui.actions import BY_ID
from ui.reveal import focus_visibly
from ui.session import ConsoleSession
from ui.timefmt import local_datetime, local_time
from ui.widgets.category_lookup import CategoryLookup
from ui.widgets.field_conflict import (
    KEEP_THEIRS_KEY,
    USE_YOURS_KEY,
    FieldConflict,
    scroll_into_view,
    value_words,
)
from ui.widgets.focus_out import FocusOutFilter
from ui.widgets.location_entry import AREA_FIELDS, USE_HANDSET_ACTION, LocationEntry, nesting_message

translate = QCoreApplication.translate

SAVE_DELAY_MS = 400
#: How many earlier calls the one-line history counts (more shows as 20+).
HISTORY_LIMIT = 20
#: While something typed is not saved because the database was away, it is tried again this often
#: (besides at once when the link is back or another write gets through); not while the link is down.
RETRY_UNSAVED_MS = 5000

# What stopped an edit from being stored.
UNSAVED = "unsaved"  # the database was away: saved when it is back
CONFLICT = "conflict"  # another console changed the field first: the person chooses
LOCATION = "location"  # the keys' field name for the location helpers (area search, position)

# The message line's looks, each with its words (never colour alone).
_REFUSED_STYLE = "color: #b71c1c;"
_UNSAVED_STYLE = "color: #8d3a00; font-weight: bold;"
_SAVED_STYLE = "color: #1b5e20;"


@dataclass
class FieldEdit:
    """A value typed into one field of one incident that is not stored yet."""

    value: str | float | None  # what is to be saved
    text: str  # what the field showed (put back if the incident is shown again)
    expected: object  # the stored value the form showed when the person began editing
    state: str = UNSAVED
    theirs: object = None  # CONFLICT: the value another console stored


@dataclass(frozen=True)
class QueuedNote:
    """A note entered while the database was away, in the order entered."""

    incident_id: int
    text: str
    corrects: int | None


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


class _ConflictKeys(QObject):
    """F11 / F12 in the form: keep the other console's value, or save yours over it."""

    def __init__(self, panel: IncidentPanel, field: str, parent: QObject) -> None:
        super().__init__(parent)
        self._panel = panel
        self._field = field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() == KEEP_THEIRS_KEY:
            return self._panel.resolve_conflict(self._field, keep_theirs=True)
        if event.key() == USE_YOURS_KEY:
            return self._panel.resolve_conflict(self._field, keep_theirs=False)
        return False


class IncidentPanel(QWidget):
    """Signals: ``save_state_changed(str)`` with 'saved', 'pending', 'error', 'conflict' (another
    console changed a field: the person chooses) or 'unsaved' (typed while the database was away);
    ``said(str)``: a line for the status line (what became of edits of an incident not shown)."""

    save_state_changed = Signal(str)
    said = Signal(str)

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._incident: IncidentView | None = None
        self._pending: dict[str, QTimer] = {}
        self._errors: set[str] = set()
        # The stored value each field last showed: what a save expects to find (another console's
        # change since then is a conflict, not overwritten).
        self._shown: dict[str, object] = {}
        # Edits not stored yet, of any incident: (incident id, field) -> the edit.
        self._edits: dict[tuple[int, str], FieldEdit] = {}
        self._queued_notes: list[QueuedNote] = []
        self._numbers: dict[int, str] = {}  # the numbers of the incidents shown, by id
        # Fields saved by a retry after the database came back (marked so in words until edited).
        self._saved_late: set[str] = set()
        self._link_down = False
        self._retrying = False
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_UNSAVED_MS)
        self._retry_timer.timeout.connect(self.retry_unsaved)
        self._retry_soon = QTimer(self)
        self._retry_soon.setSingleShot(True)
        self._retry_soon.setInterval(0)
        self._retry_soon.timeout.connect(self.retry_unsaved)
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
        # Wrapped: a long state (not saved yet, a conflict to choose) must not widen the form.
        self.saved_label.setWordWrap(True)
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
        self.conflicts: dict[str, FieldConflict] = {}
        self.field_names: dict[str, str] = {}  # each field's label, without its key's "&"

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
            # Under each row: the fields' message lines, then (across the row, hidden until needed)
            # the values of a field another console changed meanwhile.
            conflicts = QWidget()
            conflicts_layout = QVBoxLayout(conflicts)
            conflicts_layout.setContentsMargins(0, 0, 0, 0)
            conflicts_layout.setSpacing(2)
            for pair, (field, text, widget) in enumerate(row):
                if widget is None:
                    widget = QLineEdit()
                    widget.setMinimumWidth(70)
                    widget.textEdited.connect(partial(self._edited, field))
                widget.installEventFilter(FocusOutFilter(partial(self._left, field), widget))
                widget.installEventFilter(_ConflictKeys(self, field, widget))
                widget.setObjectName(f"field_{field}")
                label = QLabel(text)
                label.setBuddy(widget)
                message = QLabel()
                message.setObjectName(f"error_{field}")
                message.setStyleSheet(_REFUSED_STYLE)
                message.setWordWrap(True)
                message.hide()
                conflict = FieldConflict(field)
                conflict.keep_theirs.connect(partial(self.resolve_conflict, field, True))
                conflict.use_yours.connect(partial(self.resolve_conflict, field, False))
                conflicts_layout.addWidget(conflict)
                self.inputs[field] = widget
                self.messages[field] = message
                self.conflicts[field] = conflict
                self.field_names[field] = text.replace("&", "")
                grid.addWidget(label, row_number * 3, pair * 2)
                grid.addWidget(widget, row_number * 3, pair * 2 + 1)
                grid.addWidget(message, row_number * 3 + 1, pair * 2 + 1)
            grid.addWidget(conflicts, row_number * 3 + 2, 0, 1, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        self.category.currentIndexChanged.connect(lambda _i: self._schedule("category"))
        self.priority.currentIndexChanged.connect(lambda _i: self._save("priority"))
        layout.addWidget(self.form)
        # Location: find an area by type-ahead (Ctrl+L), a pasted position, the premise history.
        self.location = LocationEntry(session)
        self.location.changed.connect(self._location_saved)
        self.location.said.connect(self.said)
        self.location.waiting_changed.connect(self._location_waiting)
        for edit in (self.location.find_edit, self.location.position_edit):
            edit.installEventFilter(_ConflictKeys(self, LOCATION, edit))
        self._nesting_field = ""
        layout.addWidget(self.location)
        # Ctrl+H anywhere in the form: the handset position offered (a key of the form, in the registry).
        use_handset = QShortcut(QKeySequence(BY_ID[USE_HANDSET_ACTION].key), self)
        use_handset.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        use_handset.activated.connect(self.location.use_handset_position)

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
        self.note_input.installEventFilter(_ConflictKeys(self, "", self.note_input))
        self._correcting: NoteView | None = None
        self.correction_label = QLabel()
        self.correction_label.setObjectName("correctionLabel")
        self.correction_label.setWordWrap(True)
        self.correction_label.setStyleSheet("color: #0d47a1; font-weight: bold;")
        self.correction_label.hide()
        self.note_message = QLabel()
        self.note_message.setObjectName("noteMessage")
        self.note_message.setWordWrap(True)  # a long message must not widen the narrative
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
        if incident is not None:
            self._numbers[incident.id] = incident.number
        self._errors.clear()
        self._saved_late.clear()
        for message in self.messages.values():
            message.hide()
        for conflict in self.conflicts.values():
            conflict.hide()
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
        self._set_save_state(self._overall_state(), announce=incident is not None)

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
        """A newer snapshot arrived (from this console or another): update fields not being edited.

        A field in conflict shows the newest of the other console's values (and is no conflict any
        more when that is what this console typed)."""
        if self._incident is None or incident.id != self._incident.id:
            return
        self._incident = incident
        self._load_fields(skip_focused=True)
        self.location.refresh(incident)
        for field in self.inputs:
            edit = self._edits.get((incident.id, field))
            if edit is None or edit.state != CONFLICT:
                continue
            stored = incident.field_value(field)
            if stored == edit.value:
                del self._edits[(incident.id, field)]
                self._shown[field] = stored
                self.conflicts[field].hide()
            elif stored != edit.theirs:
                edit.theirs = stored
                self._show_edit(field, edit)
        self._set_save_state(self._overall_state())

    def _location_saved(self, incident: IncidentView) -> None:
        """An area or a position was saved: it replaces what was typed (or refused) in its fields."""
        for field in (*AREA_FIELDS.values(), "postcode", "lat", "lon"):
            timer = self._pending.pop(field, None)
            if timer is not None:
                timer.stop()
                timer.deleteLater()
            self._errors.discard(field)
            self._saved_late.discard(field)
            # What was typed in them and not stored yet is replaced by the area or position chosen.
            self._edits.pop((incident.id, field), None)
            self.messages[field].hide()
            self.conflicts[field].hide()
        self._incident = incident
        self._load_fields(skip_focused=True)
        self._show_nesting()
        self._set_save_state(self._overall_state())

    def _location_waiting(self) -> None:
        if self.location.waiting_count():
            self._arm_retry()
        self._set_save_state(self._overall_state())

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
                    .replace(
                        "%2",
                        labels.incident_state(
                            incident.status, any(brief.open for brief in incident.forwardings)
                        ),
                    )
                )
            for field in self.inputs:
                if skip_focused and self._being_edited(field):
                    continue
                edit = None if incident is None else self._edits.get((incident.id, field))
                if edit is not None:
                    # Typed here before and not stored yet: shown as typed, marked.
                    self._put(field, edit.value, edit.text)
                    self._shown[field] = edit.expected
                    self._show_edit(field, edit)
                    continue
                value = None if incident is None else incident.field_value(field)
                self._put(field, value)
                self._shown[field] = value
        finally:
            self._loading = False

    def _put(self, field: str, value: object, text: str | None = None) -> None:
        """Show ``value`` in the field (``text``: as it was typed); not a change of the person's."""
        widget = self.inputs[field]
        if isinstance(widget, QLineEdit):
            widget.setText(_as_text(value) if text is None else text)
        elif widget is self.category:
            self.category.setCurrentIndex(max(0, self.category.findData(value)))
        elif widget is self.priority:
            self.priority.setCurrentIndex(max(0, self.priority.findData(value or Priority.P3.value)))

    def _being_edited(self, field: str) -> bool:
        """The person is at it: typing (a save waiting), a refused or unsaved value kept, a conflict
        to choose, or the keyboard in it with something typed (or in a list being chosen from)."""
        incident = self._incident
        if field in self._pending or field in self._errors:
            return True
        if incident is not None and (incident.id, field) in self._edits:
            return True
        widget = self.inputs[field]
        if not widget.hasFocus():
            return False
        return widget.isModified() if isinstance(widget, QLineEdit) else True

    def refresh_notes(self) -> None:
        if self._incident is None:
            self.narrative.clear()
            return
        notes = queries.incident_notes(self._session.ctx, self._incident.id)
        self._show_notes(notes)

    def _show_notes(self, notes: Sequence[NoteView]) -> None:
        selected = self.narrative.selected_note()
        self.narrative.clear()
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
        for queued in self._queued_notes:
            if self._incident is not None and queued.incident_id == self._incident.id:
                self._add_queued_item(queued)
        if selected is not None and selected.id in by_id:
            self.narrative.select_note(selected.id)
        else:
            self.narrative.scrollToBottom()

    def _add_queued_item(self, queued: QueuedNote) -> None:
        """A note entered while the database was away, at the end of the narrative, in words."""
        item = QListWidgetItem(
            translate("IncidentPanel", "✎ NOT SAVED YET (saved when the database is back): %1").replace(
                "%1", queued.text
            )
        )
        font = item.font()
        font.setItalic(True)
        item.setFont(font)
        self.narrative.addItem(item)

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
        if field in self._saved_late:
            self._saved_late.discard(field)
            self.messages[field].hide()
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

    def _left(self, field: str) -> None:
        """The keyboard left the field: saved now; not edited, it shows what is stored (another
        console's change that came while the keyboard was in it)."""
        self._flush(field)
        incident = self._incident
        if incident is None or self._being_edited(field):
            return
        stored = incident.field_value(field)
        if self._shown.get(field) != stored or self._typed_differs(field, stored):
            self._loading = True
            try:
                self._put(field, stored)
            finally:
                self._loading = False
            self._shown[field] = stored

    def _typed_differs(self, field: str, stored: object) -> bool:
        widget = self.inputs[field]
        if isinstance(widget, QLineEdit):
            # A value saved is shown as the service cleaned it (a name trimmed) once the field is left.
            return widget.text() != _as_text(stored)
        return False

    def flush_all(self) -> None:
        for field in list(self._pending):
            self._flush(field)
        # A position pasted but not yet applied (no Enter, focus still there): saved too, if changed.
        self.location.apply_position()

    def _typed(self, field: str) -> tuple[str | float | None, str]:
        """The field's value to save, and its text as typed; raises FieldRejected for a coordinate
        that is not a number."""
        widget = self.inputs[field]
        if isinstance(widget, QLineEdit):
            text = widget.text()
            return (parse_coordinate(field, text) if field in ("lat", "lon") else text), text
        assert isinstance(widget, QComboBox)
        return widget.currentData(), ""

    def _save(self, field: str) -> None:
        if self._loading or self._incident is None:
            return
        try:
            value, text = self._typed(field)
        except FieldRejected as rejected:
            self._refused(field, field_problem(rejected.problem))
            return
        self._write(self._incident.id, field, value, text, self._shown.get(field, incidents.UNCHECKED))

    def _write(
        self, incident_id: int, field: str, value: str | float | None, text: str, expected: object
    ) -> str:
        """Store one field's value, if the stored value is still ``expected``: 'saved', 'conflict',
        'unsaved' (the database away: kept, tried again), 'refused' (said beside the field) or
        'away' (still away, on a retry: nothing changed)."""
        key = (incident_id, field)
        shown = self._incident is not None and self._incident.id == incident_id
        try:
            updated = incidents.update_field(
                self._session.ctx, incident_id, field, value, self._session.catalogue, expected=expected
            )
        except FieldRejected as rejected:
            self._edits.pop(key, None)
            self._refused_for(incident_id, field, field_problem(rejected.problem))
            return "refused"
        except ServiceError as error:
            if error.code is Refusal.FIELD_CHANGED_ELSEWHERE:
                edit = FieldEdit(value, text, expected, CONFLICT, error.details.get("theirs"))
                self._edits[key] = edit
                if shown:
                    self._show_edit(field, edit)
                else:
                    self._say_elsewhere(incident_id)
                self._set_save_state(self._overall_state())
                return "conflict"
            self._edits.pop(key, None)
            self._refused_for(incident_id, field, labels.service_error(error.code))
            return "refused"
        except DatabaseUnavailable:
            earlier = self._edits.get(key)
            if earlier is not None and (earlier.value, earlier.expected) == (value, expected):
                return "away"  # a retry that found it still away: as it was
            edit = FieldEdit(value, text, expected)
            self._edits[key] = edit
            if shown:
                self._show_edit(field, edit)
            self._set_save_state(self._overall_state())
            self._arm_retry()
            return "unsaved"
        had = self._edits.pop(key, None)
        if shown:
            self._saved(field, updated, late=had is not None and had.state == UNSAVED)
        return "saved"

    def _saved(self, field: str, updated: IncidentView, late: bool = False) -> None:
        self._errors.discard(field)
        self.conflicts[field].hide()
        message = self.messages[field]
        if late:
            # Typed while the database was away: said to be saved now, until the field is edited.
            self._saved_late.add(field)
            message.setText(
                translate("IncidentPanel", "✔ Saved at %1 (typed while the database was away)").replace(
                    "%1", local_time(self._session.ctx.clock.now(), self._session.zone)
                )
            )
            message.setStyleSheet(_SAVED_STYLE)
            message.show()
        elif field not in self._saved_late:
            message.hide()
        self._incident = updated
        self._shown[field] = updated.field_value(field)
        if field in AREA_FIELDS.values():
            self._show_nesting()
        if field == "category":
            self._loading = True
            self.priority.setCurrentIndex(max(0, self.priority.findData(updated.priority.value)))
            self._loading = False
            self._shown["priority"] = updated.priority.value
        self._set_save_state(self._overall_state())

    def _refused(self, field: str, text: str) -> None:
        self._errors.add(field)
        self._saved_late.discard(field)
        self.conflicts[field].hide()
        message = self.messages[field]
        message.setText(text)
        message.setStyleSheet(_REFUSED_STYLE)
        message.show()
        self._set_save_state("error")

    def _refused_for(self, incident_id: int, field: str, text: str) -> None:
        if self._incident is not None and self._incident.id == incident_id:
            self._refused(field, text)
        else:
            self.said.emit(
                translate("IncidentPanel", "Not saved in incident %1 (%2): %3")
                .replace("%1", self._number(incident_id))
                .replace("%2", self.field_names.get(field, field))
                .replace("%3", text)
            )

    def _say_elsewhere(self, incident_id: int) -> None:
        # An edit of an incident no longer shown met a change from another console: it waits, shown
        # with both values, for when that incident is opened again.
        self.said.emit(
            translate(
                "IncidentPanel",
                "Incident %1 was changed at another console while the database was away: open it to"
                " choose between the values.",
            ).replace("%1", self._number(incident_id))
        )

    def _number(self, incident_id: int) -> str:
        """The incident's number as people know it (its id if it was never shown here)."""
        return self._numbers.get(incident_id, str(incident_id))

    def _show_edit(self, field: str, edit: FieldEdit) -> None:
        """The edit's state beside its field, in words."""
        message = self.messages[field]
        self._saved_late.discard(field)
        if edit.state == CONFLICT:
            catalogue, lang = self._session.catalogue, self._session.lang
            self.conflicts[field].show_values(
                value_words(field, edit.theirs, catalogue, lang),
                value_words(field, edit.value, catalogue, lang),
            )
            message.hide()
            scroll_into_view(self.conflicts[field])
            return
        self.conflicts[field].hide()
        message.setText(
            translate("IncidentPanel", "✎ Not saved yet: the database is away; saved when it is back.")
        )
        message.setStyleSheet(_UNSAVED_STYLE)
        message.show()

    # -- field conflicts ---------------------------------------------------------------------------

    def conflict_fields(self) -> list[str]:
        """The shown incident's fields that another console changed meanwhile, in form order."""
        incident = self._incident
        if incident is None:
            return []
        return [
            field
            for field in self.inputs
            if (edit := self._edits.get((incident.id, field))) is not None and edit.state == CONFLICT
        ]

    def resolve_conflict(self, field: str, keep_theirs: bool) -> bool:
        """F11 (keep theirs) or F12 (save yours over theirs) on ``field``'s conflict (LOCATION: the
        area picked or the position typed), or, when that field has none, the form's first one (the
        keyboard goes there). False when there is none."""
        incident = self._incident
        if incident is None:
            return False
        if field == LOCATION and self.location.has_conflict():
            return self.location.resolve_conflict(keep_theirs)
        found = self.conflict_fields()
        if not found:
            return self.location.resolve_conflict(keep_theirs)
        if field not in found:
            field = found[0]
            focus_visibly(self.inputs[field])
        edit = self._edits[(incident.id, field)]
        if keep_theirs:
            del self._edits[(incident.id, field)]
            # The newest stored value (it may have changed again since the refusal; its notice may
            # not have come yet); the refusal's if the database is away now.
            try:
                fresh = queries.incident(self._session.ctx, incident.id)
            except DatabaseUnavailable:
                fresh = None
            stored = edit.theirs if fresh is None else fresh.field_value(field)
            self._loading = True
            try:
                self._put(field, stored)
            finally:
                self._loading = False
            self._shown[field] = stored
            self.conflicts[field].hide()
            if fresh is not None:
                self.refresh(fresh)
            self._set_save_state(self._overall_state())
            return True
        # Yours, knowingly over theirs: refused again only if it changed once more meanwhile.
        self._write(incident.id, field, edit.value, edit.text, edit.theirs)
        return True

    # -- the database away -------------------------------------------------------------------------

    def unsaved_count(self) -> int:
        """Edits and notes of any incident not stored yet (the database away, or a conflict)."""
        return len(self._edits) + len(self._queued_notes) + self.location.pending_count()

    def database_lost(self) -> None:
        """The link to the database is down: nothing is retried until it is back."""
        self._link_down = True
        self._retry_timer.stop()

    def database_back(self) -> int:
        """The link is back: what was typed meanwhile is saved now; how many things were saved."""
        self._link_down = False
        return self.retry_unsaved()

    def request_retry(self) -> None:
        """A write got through (a change notice): what waits is tried again, soon (not within the
        notice's own handling)."""
        if self._waiting_for_database() and not self._link_down:
            self._retry_soon.start()

    def _waiting_for_database(self) -> bool:
        return (
            any(edit.state == UNSAVED for edit in self._edits.values())
            or bool(self._queued_notes)
            or self.location.waiting_count() > 0
        )

    def _arm_retry(self) -> None:
        if not self._link_down and not self._retry_timer.isActive():
            self._retry_timer.start()

    def retry_unsaved(self) -> int:
        """Save what waits for the database, in the order typed (fields, then the location, then
        notes); stops at the first refusal as away. Returns how many were saved."""
        if self._retrying or not self._waiting_for_database():
            self._retry_timer.stop()
            return 0
        self._retrying = True
        saved = 0
        away = False
        try:
            for (incident_id, field), edit in list(self._edits.items()):
                if edit.state != UNSAVED:
                    continue
                outcome = self._write(incident_id, field, edit.value, edit.text, edit.expected)
                if outcome in ("away", "unsaved"):
                    away = True
                    break
                saved += outcome == "saved"
            if not away:
                found, away = self.location.retry_unsaved()
                saved += found
            if not away:
                found, away = self._retry_notes()
                saved += found
        finally:
            self._retrying = False
        if self._waiting_for_database():
            self._arm_retry()
        else:
            self._retry_timer.stop()
        self._set_save_state(self._overall_state())
        return saved

    def _retry_notes(self) -> tuple[int, bool]:
        saved = 0
        shown_saved = False
        while self._queued_notes:
            queued = self._queued_notes[0]
            try:
                incidents.add_note(self._session.ctx, queued.incident_id, queued.text, queued.corrects)
            except DatabaseUnavailable:
                return saved, True
            except (ServiceError, FieldRejected) as error:
                words = (
                    labels.service_error(error.code)
                    if isinstance(error, ServiceError)
                    else field_problem(error.problem)
                )
                self.said.emit(
                    translate("IncidentPanel", "A note for incident %1 could not be saved: %2 (“%3”)")
                    .replace("%1", self._number(queued.incident_id))
                    .replace("%2", words)
                    .replace("%3", queued.text)
                )
            else:
                saved += 1
                shown_saved |= self._incident is not None and queued.incident_id == self._incident.id
            self._queued_notes.pop(0)
        if shown_saved:
            self.refresh_notes()
            self.note_message.setText(
                translate("IncidentPanel", "✔ Notes typed while the database was away saved at %1.").replace(
                    "%1", local_time(self._session.ctx.clock.now(), self._session.zone)
                )
            )
            self.note_message.setStyleSheet(_SAVED_STYLE)
            self.note_message.show()
        return saved, False

    def _overall_state(self) -> str:
        incident = self._incident
        if self._errors:
            return "error"
        if incident is not None and (self.conflict_fields() or self.location.has_conflict()):
            return "conflict"
        if self._waiting_for_database():
            return "unsaved"
        return "pending" if self._pending else "saved"

    # -- notes -------------------------------------------------------------------------------------

    def add_note(self) -> None:
        if self._incident is None:
            return
        text = self.note_input.text()
        corrects = None if self._correcting is None else self._correcting.id
        try:
            validate_note(text)
            incidents.add_note(self._session.ctx, self._incident.id, text, corrects)
        except FieldRejected as rejected:
            self._note_refused(field_problem(rejected.problem))
            return
        except ServiceError as error:
            self._note_refused(labels.service_error(error.code))
            return
        except DatabaseUnavailable:
            # Kept, in the order entered, at the end of the narrative; the line is free for the next.
            queued = QueuedNote(self._incident.id, text, corrects)
            self._queued_notes.append(queued)
            self._add_queued_item(queued)
            self.narrative.scrollToBottom()
            self.note_input.clear()
            self.cancel_correction()
            self.note_message.setText(
                translate(
                    "IncidentPanel",
                    "✎ Not saved yet: the database is away. The note is kept in the narrative and saved"
                    " when it is back.",
                )
            )
            self.note_message.setStyleSheet(_UNSAVED_STYLE)
            self.note_message.show()
            self._set_save_state(self._overall_state())
            self._arm_retry()
            return
        self.note_message.hide()
        self.note_input.clear()
        self.cancel_correction()
        self.refresh_notes()

    def _note_refused(self, text: str) -> None:
        self.note_message.setText(text)
        self.note_message.setStyleSheet(_REFUSED_STYLE)
        self.note_message.show()

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
        elif state == "conflict":
            self.saved_label.setText(
                translate(
                    "IncidentPanel",
                    "⚠ Changed at another console meanwhile: choose beside the field (F11 keeps theirs,"
                    " F12 uses yours)",
                )
            )
            self.saved_label.setStyleSheet("color: #8d3a00; font-weight: bold;")
        elif state == "unsaved":
            self.saved_label.setText(
                translate(
                    "IncidentPanel",
                    "✎ Not saved yet: the database is away. What you typed is kept and saved when it is"
                    " back.",
                )
            )
            self.saved_label.setStyleSheet("color: #8d3a00; font-weight: bold;")
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
    if code in ("forwarding.sent", "forwarding.report"):
        # services.forwarding: the forwarding's id, the channel or report kind's value, the agency.
        _forwarding_id, _, rest = argument.partition(" ")
        value, _, agency = rest.partition(" ")
        if not agency:
            return text
        if code == "forwarding.sent":
            return (
                translate("IncidentPanel", "Forwarded to %1 (%2).")
                .replace("%1", agency)
                .replace("%2", labels.forward_channel(value))
            )
        return (
            translate("IncidentPanel", "%1 reported: %2.")
            .replace("%1", agency)
            .replace("%2", labels.report_kind(value))
        )
    if code == "file.attached":
        # services.files: the file's id, its SHA-256 in hex, the camera's code or "-".
        _file_id, _, rest = argument.partition(" ")
        digest, _, camera = rest.partition(" ")
        if not digest:
            return text
        if camera and camera != "-":
            return (
                translate("IncidentPanel", "Still from camera %1 attached (SHA-256 %2).")
                .replace("%1", camera)
                .replace("%2", digest)
            )
        return translate("IncidentPanel", "File attached (SHA-256 %1).").replace("%1", digest)
    return text
