"""The incident's location helpers: find an area by type-ahead, paste a position, premise history.

Part of the incident form (``IncidentPanel`` places it under the address fields). A picked area
fills provinsi to kelurahan and the postcode in one save; a pasted position is parsed on Enter or
when the field is left, and a position that cannot be read stays in the field with the reason
next to it.

A pick or a position refused because the database is away (a centre's PostgreSQL out of reach, a
SQLite file held by another program) is kept, marked "not saved yet" in words, and saved by
``retry_unsaved`` when the database is back (the incident form calls it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QListWidget, QWidget

from dispatch.domain.areas import AreaLevel, AreaMatch, NestingProblem, check_nesting, search
from dispatch.domain.coordinates import (
    ParsedPosition,
    PositionProblem,
    PositionRejected,
    format_decimal,
    format_dms,
    parse_position,
)
from dispatch.domain.incidents import FieldRejected
from dispatch.services import locations
from dispatch.services.context import ServiceError
from dispatch.services.snapshots import IncidentView
from dispatch.services.uow import DatabaseUnavailable
from ui import labels
from ui.reveal import focus_visibly
from ui.session import ConsoleSession
from ui.timefmt import local_datetime
from ui.widgets.focus_out import FocusOutFilter

translate = QCoreApplication.translate

#: How many areas the type-ahead lists, and how many earlier incidents the premise history shows.
AREA_SUGGESTIONS = 12
SUGGESTION_ROWS = 6
PREMISES_SHOWN = 5
AREA_FIELDS: dict[AreaLevel, str] = {
    AreaLevel.PROVINCE: "province",
    AreaLevel.REGENCY: "regency",
    AreaLevel.DISTRICT: "district",
    AreaLevel.VILLAGE: "village",
}


def level_name(level: AreaLevel) -> str:
    return {
        AreaLevel.PROVINCE: translate("LocationEntry", "province"),
        AreaLevel.REGENCY: translate("LocationEntry", "kabupaten/kota"),
        AreaLevel.DISTRICT: translate("LocationEntry", "kecamatan"),
        AreaLevel.VILLAGE: translate("LocationEntry", "kelurahan/desa"),
    }[level]


def nesting_message(values: dict[str, str]) -> tuple[str, str] | None:
    """(field, message) for the first address level that does not fit the one above it."""
    issue = check_nesting(*(values.get(field, "") for field in AREA_FIELDS.values()))
    if issue is None:
        return None
    field = AREA_FIELDS[issue.level]
    if issue.problem is NestingProblem.UNKNOWN:
        text = (
            translate(
                "LocationEntry", "No %1 named “%2” is known: check the spelling or use Find area (Ctrl+L)."
            )
            .replace("%1", level_name(issue.level))
            .replace("%2", issue.name)
        )
    else:
        assert issue.parent_level is not None
        text = (
            translate("LocationEntry", "“%1” is not in the %2 “%3”: one of them is wrong.")
            .replace("%1", issue.name)
            .replace("%2", level_name(issue.parent_level))
            .replace("%3", issue.parent_name)
        )
    return field, text


def position_problem(error: PositionRejected) -> str:
    if error.problem is PositionProblem.SWAPPED and error.suggestion is not None:
        return translate(
            "LocationEntry", "Latitude and longitude look swapped: latitude comes first. Did you mean %1?"
        ).replace("%1", format_decimal(*error.suggestion))
    return {
        PositionProblem.NOT_UNDERSTOOD: translate(
            "LocationEntry",
            "Not a position: paste e.g. -6.99306, 110.42083, 6°59'35\"S 110°25'15\"E or a map link.",
        ),
        PositionProblem.LINK_WITHOUT_POSITION: translate(
            "LocationEntry",
            "This link has no coordinates in it (a short link): open it and copy the position.",
        ),
        PositionProblem.LAT_OUT_OF_RANGE: translate(
            "LocationEntry", "Latitude must be between -90 and 90 (Indonesia: about -11 to 6)."
        ),
        PositionProblem.LON_OUT_OF_RANGE: translate(
            "LocationEntry", "Longitude must be between -180 and 180 (Indonesia: about 95 to 141)."
        ),
        PositionProblem.SWAPPED: translate("LocationEntry", "Latitude and longitude look swapped."),
    }[error.problem]


class _SuggestionKeys(QObject):
    """↓/↑ move through the area suggestions, Enter picks, Escape closes the list."""

    def __init__(self, entry: LocationEntry) -> None:
        super().__init__(entry)
        self._entry = entry

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key == Qt.Key.Key_Down:
            return self._entry.move_suggestion(1)
        if key == Qt.Key.Key_Up:
            return self._entry.move_suggestion(-1)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self._entry.pick_current()
        if key == Qt.Key.Key_Escape:
            return self._entry.hide_suggestions()
        return False


_UNSAVED_STYLE = "color: #8d3a00; font-weight: bold;"


class LocationEntry(QGroupBox):
    """Signals: ``changed(IncidentView)`` after an area or a position was saved (of the incident
    shown); ``said(str)``: a line for the status line about an incident no longer shown."""

    changed = Signal(object)
    said = Signal(str)

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(translate("LocationEntry", "Find the location"), parent)
        self._session = session
        self._incident: IncidentView | None = None
        self._applied_position = ""
        # Refused as the database was away, by incident id: the area picked; the position typed
        # (its text, latitude, longitude). Saved by retry_unsaved, in that order.
        self._unsaved_areas: dict[int, AreaMatch] = {}
        self._unsaved_positions: dict[int, tuple[str, float | None, float | None]] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)

        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("findArea")
        self.find_edit.setPlaceholderText(
            translate("LocationEntry", "Type a kelurahan, kecamatan or kota, pick with ↓ and Enter (Ctrl+L)")
        )
        # The suggestions are a list under the field, not a popup window: the typing stays in the
        # field, and ↓/↑ move through the list while Enter picks (a popup would take the keyboard).
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("areaSuggestions")
        self.suggestions.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.suggestions.setMaximumHeight(SUGGESTION_ROWS * 20 + 6)
        self.suggestions.itemActivated.connect(lambda item: self._pick_row(self.suggestions.row(item)))
        self.suggestions.hide()
        self._found: list[AreaMatch] = []
        self.find_edit.textEdited.connect(self._typed)
        self.find_edit.installEventFilter(_SuggestionKeys(self))
        self.area_message = QLabel()
        self.area_message.setObjectName("areaMessage")
        self.area_message.setWordWrap(True)
        self.area_message.hide()

        self.position_edit = QLineEdit()
        self.position_edit.setObjectName("positionInput")
        self.position_edit.setPlaceholderText(
            translate("LocationEntry", "Paste -6.99306, 110.42083, degrees-minutes-seconds or a map link")
        )
        self.position_edit.returnPressed.connect(self.apply_position)
        self.position_edit.installEventFilter(FocusOutFilter(self.apply_position, self.position_edit))
        self.position_message = QLabel()
        self.position_message.setObjectName("positionMessage")
        self.position_message.setWordWrap(True)
        self.position_message.hide()

        self.premises = QLabel()
        self.premises.setObjectName("premiseHistory")
        self.premises.setWordWrap(True)
        self.premises.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        find_label = QLabel(translate("LocationEntry", "Find area"))
        find_label.setBuddy(self.find_edit)
        position_label = QLabel(translate("LocationEntry", "Position"))
        position_label.setBuddy(self.position_edit)
        grid.addWidget(find_label, 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.suggestions, 1, 1)
        grid.addWidget(self.area_message, 2, 1)
        grid.addWidget(position_label, 3, 0)
        grid.addWidget(self.position_edit, 3, 1)
        grid.addWidget(self.position_message, 4, 1)
        grid.addWidget(self.premises, 5, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    # -- showing -----------------------------------------------------------------------------------

    def set_incident(self, incident: IncidentView | None) -> None:
        changed = incident is None or self._incident is None or incident.id != self._incident.id
        self._incident = incident
        self.setEnabled(incident is not None and incident.closed_at is None)
        if changed:
            self.find_edit.clear()
            self.area_message.hide()
            self._hide_position_message()
            self._show_position(incident)
            if incident is not None:
                self._show_unsaved(incident.id)
        self.show_premises()

    def _show_unsaved(self, incident_id: int) -> None:
        """What was picked or typed for this incident while the database was away, marked."""
        area = self._unsaved_areas.get(incident_id)
        if area is not None:
            self._say_unsaved(self.area_message, area_unsaved_words(area))
        position = self._unsaved_positions.get(incident_id)
        if position is not None:
            self.position_edit.setText(position[0])
            self._say_unsaved(self.position_message, position_unsaved_words())

    def refresh(self, incident: IncidentView) -> None:
        before = self._incident
        self._incident = incident
        moved = before is None or (before.lat, before.lon) != (incident.lat, incident.lon)
        # A position being typed, or refused and kept for correcting, is not overwritten.
        if moved and not self.position_edit.hasFocus() and not self.position_message.property("error"):
            self._show_position(incident)
        if before is None or (before.area_code, before.village, before.lat, before.lon) != (
            incident.area_code,
            incident.village,
            incident.lat,
            incident.lon,
        ):
            self.show_premises()

    def _show_position(self, incident: IncidentView | None) -> None:
        text = ""
        if incident is not None and incident.lat is not None and incident.lon is not None:
            text = format_decimal(incident.lat, incident.lon)
        self.position_edit.setText(text)
        self._applied_position = text

    def show_premises(self) -> None:
        incident = self._incident
        if incident is None:
            self.premises.setText("")
            return
        try:
            history = locations.premise_history(self._session.ctx, incident.id, limit=PREMISES_SHOWN)
        except ServiceError:
            history = ()
        if not history:
            self.premises.setText(translate("LocationEntry", "Premise history: no earlier incidents here."))
            return
        lines = [translate("LocationEntry", "Premise history (same kelurahan or within 200 m):")]
        for entry in history:
            where = (
                translate("LocationEntry", "%1 m").replace("%1", str(round(entry.distance_m)))
                if entry.distance_m is not None
                else translate("LocationEntry", "same kelurahan")
            )
            outcome = (
                labels.disposition(entry.disposition)
                if entry.disposition
                else labels.incident_status(entry.status)
            )
            lines.append(
                " · ".join(
                    (
                        entry.number,
                        entry.category or "—",
                        local_datetime(entry.created_at, self._session.zone),
                        where,
                        outcome,
                    )
                )
            )
        self.premises.setText("\n".join(lines))

    # -- finding an area ---------------------------------------------------------------------------

    def focus_find(self) -> None:
        focus_visibly(self.find_edit)
        self.find_edit.selectAll()

    def _typed(self, text: str) -> None:
        found = search(text, limit=AREA_SUGGESTIONS, within=self._session.centre_area)
        self._found = found
        self.suggestions.clear()
        self.suggestions.addItems([_label(match) for match in found])
        self.suggestions.setVisible(bool(found))
        if found:
            self.suggestions.setCurrentRow(0)
            self.area_message.hide()
        elif text.strip():
            self._say(
                self.area_message,
                translate("LocationEntry", "No area matches “%1”.").replace("%1", text),
                True,
            )
        else:
            self.area_message.hide()

    def move_suggestion(self, step: int) -> bool:
        if not self._found:
            return False
        self.suggestions.show()
        row = max(0, min(len(self._found) - 1, self.suggestions.currentRow() + step))
        self.suggestions.setCurrentRow(row)
        return True

    def pick_current(self) -> bool:
        """Enter picks the highlighted suggestion (the first, unless moved)."""
        return self._pick_row(max(0, self.suggestions.currentRow()))

    def hide_suggestions(self) -> bool:
        shown = self.suggestions.isVisible()
        self.suggestions.hide()
        return shown

    def _pick_row(self, row: int) -> bool:
        if not 0 <= row < len(self._found):
            return False
        self.pick(self._found[row])
        return True

    def pick(self, match: AreaMatch) -> None:
        if self._incident is None:
            return
        try:
            updated = locations.set_area(self._session.ctx, self._incident.id, match.code)
        except ServiceError as error:
            self._say(self.area_message, labels.service_error(error.code), True)
            return
        except FieldRejected:
            self._say(
                self.area_message, translate("LocationEntry", "This area's names do not fit the form."), True
            )
            return
        except DatabaseUnavailable:
            self._unsaved_areas[self._incident.id] = match
            self._clear_suggestions()
            self._say_unsaved(self.area_message, area_unsaved_words(match))
            return
        self._unsaved_areas.pop(self._incident.id, None)
        self._clear_suggestions()
        self._area_saved(updated, match)

    def _clear_suggestions(self) -> None:
        self.suggestions.hide()
        self.suggestions.clear()
        self.find_edit.clear()
        self._found = []

    def _area_saved(self, updated: IncidentView, match: AreaMatch) -> None:
        self._incident = updated
        self._say(
            self.area_message, translate("LocationEntry", "Saved: %1").replace("%1", _label(match)), False
        )
        self.changed.emit(updated)
        self.show_premises()

    # -- position ----------------------------------------------------------------------------------

    def apply_position(self) -> None:
        text = self.position_edit.text()
        if self._incident is None:
            return
        if text == self._applied_position:
            # A refused (or unsaved) text put back to the stored position: nothing is wrong any more.
            self._unsaved_positions.pop(self._incident.id, None)
            if self.position_message.property("error"):
                self._hide_position_message()
            return
        try:
            if text.strip():
                position = parse_position(text)
                lat: float | None = position.lat
                lon: float | None = position.lon
            else:
                position = None
                lat = lon = None
            updated = locations.set_position(self._session.ctx, self._incident.id, lat, lon)
        except PositionRejected as error:
            self._say(self.position_message, position_problem(error), True)
            return
        except ServiceError as error:
            self._say(self.position_message, labels.service_error(error.code), True)
            return
        except DatabaseUnavailable:
            # Kept in the field as typed; saved when the database is back.
            self._unsaved_positions[self._incident.id] = (text, lat, lon)
            self._say_unsaved(self.position_message, position_unsaved_words())
            return
        self._unsaved_positions.pop(self._incident.id, None)
        self._position_saved(updated, position, lat, lon)

    def _position_saved(
        self, updated: IncidentView, position: ParsedPosition | None, lat: float | None, lon: float | None
    ) -> None:
        self._incident = updated
        shown = "" if lat is None or lon is None else format_decimal(lat, lon)
        self.position_edit.setText(shown)
        self._applied_position = shown
        if position is None:
            self._hide_position_message()
        elif position.outside_indonesia:
            self._say(
                self.position_message,
                translate(
                    "LocationEntry", "Saved, but this is outside Indonesia: %1. Check it with the caller."
                ).replace("%1", format_dms(position.lat, position.lon)),
                True,
                error=False,
            )
        else:
            self._say(
                self.position_message,
                translate("LocationEntry", "Saved: %1").replace("%1", format_dms(position.lat, position.lon)),
                False,
            )
        self.changed.emit(updated)
        self.show_premises()

    # -- saved when the database is back ----------------------------------------------------------

    def unsaved_count(self) -> int:
        return len(self._unsaved_areas) + len(self._unsaved_positions)

    def retry_unsaved(self) -> tuple[int, bool]:
        """Save the areas and positions kept while the database was away: (how many were saved,
        whether it is still away)."""
        saved = 0
        ctx = self._session.ctx
        for incident_id, match in list(self._unsaved_areas.items()):
            try:
                updated = locations.set_area(ctx, incident_id, match.code)
            except DatabaseUnavailable:
                return saved, True
            except (ServiceError, FieldRejected) as error:
                self._retry_refused(incident_id, error, self.area_message)
            else:
                saved += 1
                if self._shows(incident_id):
                    self._area_saved(updated, match)
            del self._unsaved_areas[incident_id]
        for incident_id, (text, lat, lon) in list(self._unsaved_positions.items()):
            try:
                updated = locations.set_position(ctx, incident_id, lat, lon)
            except DatabaseUnavailable:
                return saved, True
            except (ServiceError, FieldRejected) as error:
                self._retry_refused(incident_id, error, self.position_message)
            else:
                saved += 1
                if self._shows(incident_id):
                    self._position_saved(updated, parse_position(text) if text.strip() else None, lat, lon)
            del self._unsaved_positions[incident_id]
        return saved, False

    def _shows(self, incident_id: int) -> bool:
        return self._incident is not None and self._incident.id == incident_id

    def _retry_refused(self, incident_id: int, error: Exception, label: QLabel) -> None:
        words = (
            labels.service_error(error.code)
            if isinstance(error, ServiceError)
            else translate("LocationEntry", "This area's names do not fit the form.")
        )
        if self._shows(incident_id):
            self._say(label, words, True)
        else:
            self.said.emit(
                translate("LocationEntry", "The location of incident %1 could not be saved: %2")
                .replace("%1", str(incident_id))
                .replace("%2", words)
            )

    def _say_unsaved(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setStyleSheet(_UNSAVED_STYLE)
        # Held like a refused text: refresh() does not put the stored position over it.
        label.setProperty("error", True)
        label.show()

    def _hide_position_message(self) -> None:
        # A hidden message holds nothing back: refresh() shows positions saved elsewhere again.
        self.position_message.hide()
        self.position_message.setProperty("error", False)

    def _say(self, label: QLabel, text: str, warning: bool, error: bool | None = None) -> None:
        label.setText(text)
        label.setStyleSheet("color: #b71c1c;" if warning else "color: #1b5e20;")
        label.setProperty("error", warning if error is None else error)
        label.show()


def area_unsaved_words(match: AreaMatch) -> str:
    return translate(
        "LocationEntry", "✎ Not saved yet: the database is away. %1 is saved when it is back."
    ).replace("%1", _label(match))


def position_unsaved_words() -> str:
    return translate(
        "LocationEntry", "✎ Not saved yet: the database is away. Kept as typed; saved when it is back."
    )


def _label(match: AreaMatch) -> str:
    text = match.label()
    return f"{text} · {match.postcode}" if match.postcode else text
