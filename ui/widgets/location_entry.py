"""The incident's location helpers: find an area by type-ahead, paste a position, premise history.

Part of the incident form (``IncidentPanel`` places it under the address fields). A picked area
fills provinsi to kelurahan and the postcode in one save; a pasted position is parsed on Enter or
when the field is left, and a position that cannot be read stays in the field with the reason
next to it.

A pick or a position refused because the database is away (a centre's PostgreSQL out of reach, a
SQLite file held by another program) is kept, marked "not saved yet" in words, and saved by
``retry_unsaved`` when the database is back (the incident form calls it). Each save passes what the
form showed (``expected``): an address or a position another console changed meanwhile is not
overwritten; both are said, and F11 keeps theirs, F12 saves this one over it (``resolve_conflict``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from dispatch.domain.areas import AreaLevel, AreaMatch, NestingProblem, check_nesting, search
from dispatch.domain.codes import Refusal
from dispatch.domain.coordinates import (
    ParsedPosition,
    PositionProblem,
    PositionRejected,
    format_decimal,
    format_dms,
    parse_position,
)
from dispatch.domain.geo import distance_m
from dispatch.domain.incidents import FieldRejected
from dispatch.domain.positions import PlacedPosition, PositionSource
from dispatch.services import aml, locations, queries
from dispatch.services.context import ServiceError
from dispatch.services.incidents import UNCHECKED
from dispatch.services.snapshots import AmlView, IncidentView
from dispatch.services.uow import DatabaseUnavailable
from ui import labels
from ui.actions import BY_ID
from ui.distances import distance_words
from ui.reveal import focus_visibly
from ui.session import ConsoleSession
from ui.timefmt import local_datetime, local_time
from ui.widgets.field_conflict import scroll_into_view
from ui.widgets.focus_out import FocusOutFilter

translate = QCoreApplication.translate

#: How many areas the type-ahead lists, and how many earlier incidents the premise history shows.
AREA_SUGGESTIONS = 12
SUGGESTION_ROWS = 6
PREMISES_SHOWN = 5
#: The registry's entry for Ctrl+H (a key of the incident form, ``ui/actions.py``).
USE_HANDSET_ACTION = "useHandsetPosition"
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


def radius_words(radius_m: float) -> str:
    """``±12 m``, ``±1.2 km``: how far off a position may be."""
    return "±" + distance_words(radius_m)


def when_words(instant: datetime, zone: tzinfo, now: datetime) -> str:
    """The time of day, with the date when it was not today (a fix hours old must not look fresh)."""
    if instant.astimezone(zone).date() != now.astimezone(zone).date():
        return local_datetime(instant, zone)
    return local_time(instant, zone)


def position_words(placed: PlacedPosition | None, zone: tzinfo, now: datetime) -> str:
    """What the incident's position is, in words: where it came from, how far off it may be, when.

    ``Centre of the kelurahan Tembalang, about ±1.2 km``; ``Handset (AML) by satellite (GNSS), ±12 m,
    fixed at 07:03:12``; ``Typed at 07:05:40``; ``No position: ...``.
    """
    if placed is None:
        return translate(
            "LocationEntry", "No position yet: pick the kelurahan (Ctrl+L) or paste a position here."
        )
    source = placed.source
    if source in (PositionSource.VILLAGE, PositionSource.DISTRICT):
        village = source is PositionSource.VILLAGE
        if placed.radius_m is None:
            text = (
                translate("LocationEntry", "Centre of the kelurahan %1")
                if village
                else translate("LocationEntry", "Centre of the kecamatan %1")
            )
        else:
            text = (
                translate("LocationEntry", "Centre of the kelurahan %1, about %2")
                if village
                else translate("LocationEntry", "Centre of the kecamatan %1, about %2")
            ).replace("%2", radius_words(placed.radius_m))
        return text.replace("%1", placed.place or "—")
    if source is PositionSource.AML:
        parts = [
            translate("LocationEntry", "Handset (AML) by %1").replace("%1", labels.aml_method(placed.method))
            if placed.method
            else translate("LocationEntry", "Handset (AML)")
        ]
        if placed.radius_m is not None:
            parts.append(radius_words(placed.radius_m))
        if placed.at is not None:
            parts.append(
                translate("LocationEntry", "fixed at %1").replace("%1", when_words(placed.at, zone, now))
            )
        return ", ".join(parts)
    if placed.at is not None:
        return translate("LocationEntry", "Typed at %1").replace("%1", when_words(placed.at, zone, now))
    return translate("LocationEntry", "Typed")


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
_CONFLICT_STYLE = (
    "color: black; background: #fffde7; border: 2px solid #f57f17; font-weight: bold; padding: 2px;"
)

# What stopped a pick or a position from being stored (as in the incident form).
UNSAVED = "unsaved"
CONFLICT = "conflict"
AREA = "area"
POSITION = "position"


@dataclass
class PendingLocation:
    """An area picked or a position typed for one incident and not stored yet."""

    kind: str  # AREA or POSITION
    expected: object  # what the form showed: locations.shown_area(...) or (lat, lon)
    match: AreaMatch | None = None  # AREA: the area picked
    text: str = ""  # POSITION: as typed
    lat: float | None = None
    lon: float | None = None
    parsed: ParsedPosition | None = None
    state: str = UNSAVED
    theirs: object = None  # CONFLICT: what another console stored


class LocationEntry(QGroupBox):
    """Signals: ``changed(IncidentView)`` after an area or a position was saved (of the incident
    shown); ``said(str)``: a line for the status line about an incident no longer shown;
    ``waiting_changed()``: a pick or a position began or ended waiting (for the database, or for
    the person to choose)."""

    changed = Signal(object)
    said = Signal(str)
    waiting_changed = Signal()

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(translate("LocationEntry", "Find the location"), parent)
        self._session = session
        self._incident: IncidentView | None = None
        self._applied_position = ""
        # The position the field shows, and the address fields when the search began: what a save
        # expects to find stored.
        self._position_shown: tuple[float | None, float | None] = (None, None)
        self._area_expected: dict[str, str] | None = None
        # Picks and positions not stored yet (the database away, or a conflict), by (incident, kind),
        # in the order made.
        self._pending: dict[tuple[int, str], PendingLocation] = {}
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

        # Where the position came from and how far off it may be, in words (never a colour alone).
        self.position_line = QLabel()
        self.position_line.setObjectName("positionSource")
        self.position_line.setWordWrap(True)
        # A handset position that came while a typed one was there: offered, not applied.
        self.offer = QFrame()
        self.offer.setObjectName("handsetOffer")
        # Framed, so that it reads as something to decide (the words say what; the frame only helps).
        self.offer.setStyleSheet("#handsetOffer { border: 1px solid #1565c0; background: #e3f2fd; }")
        offer_layout = QHBoxLayout(self.offer)
        offer_layout.setContentsMargins(4, 2, 4, 2)
        self.offer_label = QLabel()
        self.offer_label.setObjectName("handsetOfferText")
        self.offer_label.setWordWrap(True)
        self.offer_button = QPushButton()
        self.offer_button.setObjectName("useHandsetPosition")
        self.offer_button.setAutoDefault(False)
        self.offer_button.clicked.connect(self.use_handset_position)
        offer_layout.addWidget(self.offer_label, 1)
        offer_layout.addWidget(self.offer_button)
        self.offer.hide()
        self.offered: AmlView | None = None

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
        grid.addWidget(self.position_line, 5, 1)
        grid.addWidget(self.offer, 6, 1)
        grid.addWidget(self.premises, 7, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    # -- showing -----------------------------------------------------------------------------------

    def set_incident(self, incident: IncidentView | None) -> None:
        changed = incident is None or self._incident is None or incident.id != self._incident.id
        self._incident = incident
        self.setEnabled(incident is not None and incident.closed_at is None)
        if changed:
            self.find_edit.clear()
            self._area_expected = None
            self.area_message.hide()
            self._hide_position_message()
            self._show_position(incident)
            if incident is not None:
                for kind in (AREA, POSITION):
                    pending = self._pending.get((incident.id, kind))
                    if pending is not None:
                        self._show_pending(pending)
        self._show_position_line()
        self.show_offer()
        self.show_premises()

    def refresh(self, incident: IncidentView) -> None:
        before = self._incident
        self._incident = incident
        moved = before is None or (before.lat, before.lon) != (incident.lat, incident.lon)
        # A position being typed, or refused and kept for correcting, is not overwritten.
        if moved and not self.position_edit.hasFocus() and not self.position_message.property("error"):
            self._show_position(incident)
        self._show_position_line()
        # A handset position may have come for it (kept: the incident has a typed one).
        self.show_offer()
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
        self._position_shown = (None, None) if incident is None else (incident.lat, incident.lon)

    def _show_position_line(self) -> None:
        incident = self._incident
        if incident is None:
            self.position_line.setText("")
            return
        self.position_line.setText(
            position_words(incident.placed, self._session.zone, self._session.ctx.clock.now())
        )

    def show_offer(self) -> None:
        """A handset position kept for the incident (it had a typed one): offered, with the key."""
        incident = self._incident
        offered: AmlView | None = None
        if incident is not None and incident.closed_at is None:
            try:
                offered = aml.offered_for_incident(self._session.ctx, incident.id)
            except DatabaseUnavailable:
                offered = self.offered if self.offered and self.offered.incident_id == incident.id else None
        self.offered = offered
        if offered is None or offered.lat is None or offered.lon is None:
            if self.offer_button.hasFocus():
                focus_visibly(self.position_edit)
            self.offer.hide()
            return
        assert incident is not None
        now = self._session.ctx.clock.now()
        self.offer_label.setText(offer_words(offered, incident, self._session.zone, now))
        self.offer_button.setText(
            translate("LocationEntry", "Use handset position (%1)").replace(
                "%1", BY_ID[USE_HANDSET_ACTION].native_key()
            )
        )
        self.offer.show()

    def use_handset_position(self) -> bool:
        """The call-taker's word: the handset's position replaces the typed one (Ctrl+H, or the button)."""
        incident, offered = self._incident, self.offered
        if incident is None or incident.closed_at is not None or offered is None:
            self.said.emit(translate("LocationEntry", "No handset position is waiting for this incident."))
            return False
        try:
            updated = locations.use_handset_position(self._session.ctx, incident.id, offered.id)
        except ServiceError as error:
            self._say(self.position_message, labels.service_error(error.code), True, error=False)
            self.show_offer()
            return False
        except DatabaseUnavailable:
            self._say(
                self.position_message,
                translate("LocationEntry", "Not used: the database is away. Press it again when it is back."),
                True,
                error=False,
            )
            return False
        # Whatever position was typed and not stored yet gives way to the one chosen.
        if self._pending.pop((incident.id, POSITION), None) is not None:
            self.waiting_changed.emit()
        self._incident = updated
        self._hide_position_message()
        self._show_position(updated)
        self._show_position_line()
        self.show_offer()
        self.changed.emit(updated)
        self.show_premises()
        return True

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
            if entry.distance_m is None:
                where = translate("LocationEntry", "same kelurahan")
            elif entry.approximate:
                # Measured from (or to) an area's centre: as rough as the centre.
                where = "~" + distance_words(entry.distance_m)
            else:
                where = distance_words(entry.distance_m)
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
        if self._area_expected is None and self._incident is not None:
            # The search begins: the address as the form shows it now is what the pick replaces.
            self._area_expected = locations.shown_area(self._incident)
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
        expected = self._area_expected if self._area_expected is not None else UNCHECKED
        self._clear_suggestions()
        self._store(self._incident.id, PendingLocation(AREA, expected, match=match))

    def _clear_suggestions(self) -> None:
        self.suggestions.hide()
        self.suggestions.clear()
        self.find_edit.clear()
        self._found = []
        self._area_expected = None

    def _area_saved(self, updated: IncidentView, match: AreaMatch) -> None:
        self._incident = updated
        # The pick placed the area's centre (unless a better position was there): shown, and what
        # a position typed next expects to replace.
        pending = self._pending.get((updated.id, POSITION))
        if pending is None and not self.position_message.property("error"):
            self._show_position(updated)
        self._show_position_line()
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
        key = (self._incident.id, POSITION)
        if text == self._applied_position:
            # A refused (or unsaved) text put back to the stored position: nothing is wrong any more.
            self._pending.pop(key, None)
            if self.position_message.property("error"):
                self._hide_position_message()
            return
        earlier = self._pending.get(key)
        if earlier is not None and earlier.text == text:
            return  # waiting already (the database away, or a choice to make)
        try:
            if text.strip():
                position: ParsedPosition | None = parse_position(text)
                assert position is not None
                lat: float | None = position.lat
                lon: float | None = position.lon
            else:
                position = None
                lat = lon = None
        except PositionRejected as error:
            self._say(self.position_message, position_problem(error), True)
            return
        pending = PendingLocation(
            POSITION, self._position_shown, text=text, lat=lat, lon=lon, parsed=position
        )
        self._store(self._incident.id, pending)

    def _position_saved(
        self, updated: IncidentView, position: ParsedPosition | None, lat: float | None, lon: float | None
    ) -> None:
        self._incident = updated
        # What is stored now: the position typed, or (cleared) the area's centre it falls back to.
        self._show_position(updated)
        self._show_position_line()
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

    # -- storing: the database away, another console first -----------------------------------------

    def _store(self, incident_id: int, pending: PendingLocation) -> str:
        """Store a pick or a position: 'saved', 'conflict', 'unsaved' (kept, tried again), 'away'
        (still away, on a retry) or 'refused' (said)."""
        before = len(self._pending), self.has_conflict()
        outcome = self._try_store(incident_id, pending)
        if (len(self._pending), self.has_conflict()) != before or outcome == "unsaved":
            self.waiting_changed.emit()
        return outcome

    def _try_store(self, incident_id: int, pending: PendingLocation) -> str:
        key = (incident_id, pending.kind)
        label = self.area_message if pending.kind == AREA else self.position_message
        ctx = self._session.ctx
        try:
            if pending.kind == AREA:
                assert pending.match is not None
                updated = locations.set_area(
                    ctx,
                    incident_id,
                    pending.match.code,
                    expected=pending.expected,  # type: ignore[arg-type]
                )
            else:
                updated = locations.set_position(
                    ctx,
                    incident_id,
                    pending.lat,
                    pending.lon,
                    expected=pending.expected,  # type: ignore[arg-type]
                )
        except (ServiceError, FieldRejected) as error:
            if isinstance(error, ServiceError) and error.code is Refusal.FIELD_CHANGED_ELSEWHERE:
                pending.state, pending.theirs = CONFLICT, error.details.get("theirs")
                self._pending[key] = pending
                if self._shows(incident_id):
                    self._show_pending(pending)
                else:
                    self.said.emit(changed_elsewhere_words(incident_id))
                return "conflict"
            self._pending.pop(key, None)
            self._refused(incident_id, error, label)
            return "refused"
        except DatabaseUnavailable:
            if self._pending.get(key) is pending and pending.state == UNSAVED:
                return "away"
            pending.state = UNSAVED
            self._pending[key] = pending
            if self._shows(incident_id):
                self._show_pending(pending)
            return "unsaved"
        self._pending.pop(key, None)
        if self._shows(incident_id):
            if pending.kind == AREA:
                assert pending.match is not None
                self._area_saved(updated, pending.match)
            else:
                self._position_saved(updated, pending.parsed, pending.lat, pending.lon)
        return "saved"

    def _show_pending(self, pending: PendingLocation) -> None:
        """What waits, beside the search or the position field, in words."""
        if pending.kind == POSITION:
            self.position_edit.setText(pending.text)
        label = self.area_message if pending.kind == AREA else self.position_message
        if pending.state == UNSAVED:
            if pending.kind == AREA:
                assert pending.match is not None
                self._say_unsaved(label, area_unsaved_words(pending.match))
            else:
                self._say_unsaved(label, position_unsaved_words())
            return
        label.setText(conflict_words(pending))
        label.setStyleSheet(_CONFLICT_STYLE)
        label.setProperty("error", True)  # refresh() does not put the stored position over it
        label.show()
        scroll_into_view(label)

    def _refused(self, incident_id: int, error: Exception, label: QLabel) -> None:
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

    def _shows(self, incident_id: int) -> bool:
        return self._incident is not None and self._incident.id == incident_id

    # -- saved when the database is back ----------------------------------------------------------

    def waiting_count(self) -> int:
        """Picks and positions waiting for the database (of any incident)."""
        return sum(1 for pending in self._pending.values() if pending.state == UNSAVED)

    def pending_count(self) -> int:
        """Picks and positions not stored yet: waiting for the database, or for a choice."""
        return len(self._pending)

    def retry_unsaved(self) -> tuple[int, bool]:
        """Save the picks and positions kept while the database was away, in the order made: (how
        many were saved, whether it is still away)."""
        saved = 0
        for (incident_id, _kind), pending in list(self._pending.items()):
            if pending.state != UNSAVED:
                continue
            outcome = self._store(incident_id, pending)
            if outcome in ("away", "unsaved"):
                return saved, True
            saved += outcome == "saved"
        return saved, False

    # -- another console first ---------------------------------------------------------------------

    def has_conflict(self) -> bool:
        """The incident shown has a pick or a position another console changed first."""
        incident = self._incident
        return incident is not None and any(
            (pending := self._pending.get((incident.id, kind))) is not None and pending.state == CONFLICT
            for kind in (AREA, POSITION)
        )

    def resolve_conflict(self, keep_theirs: bool) -> bool:
        """F11 keeps what the other console stored, F12 saves this pick or position over it (the
        area first when both wait). False when there is nothing to choose."""
        incident = self._incident
        if incident is None:
            return False
        for kind, edit in ((AREA, self.find_edit), (POSITION, self.position_edit)):
            pending = self._pending.get((incident.id, kind))
            if pending is None or pending.state != CONFLICT:
                continue
            if not edit.hasFocus():
                focus_visibly(edit)
            if not keep_theirs:
                pending.expected = pending.theirs
                self._store(incident.id, pending)
                return True
            del self._pending[(incident.id, kind)]
            label = self.area_message if kind == AREA else self.position_message
            label.hide()
            label.setProperty("error", False)
            try:
                fresh = queries.incident(self._session.ctx, incident.id)
            except DatabaseUnavailable:
                fresh = None
            if fresh is not None:
                self._incident = fresh
                if kind == POSITION:
                    self._show_position(fresh)
                # The form's fields show what is stored (what was typed in them is replaced).
                self.changed.emit(fresh)
            self.waiting_changed.emit()
            return True
        return False

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


def offer_words(offered: AmlView, incident: IncidentView, zone: tzinfo, now: datetime) -> str:
    """``Handset position received: ±12 m, fixed at 07:03:12, 420 m from the position now used.``"""
    assert offered.lat is not None
    assert offered.lon is not None
    parts = []
    if offered.radius_m is not None:
        parts.append(radius_words(offered.radius_m))
    fixed = offered.fixed_at or offered.received_at
    parts.append(translate("LocationEntry", "fixed at %1").replace("%1", when_words(fixed, zone, now)))
    if incident.lat is not None and incident.lon is not None:
        apart = distance_m(incident.lat, incident.lon, offered.lat, offered.lon)
        parts.append(
            translate("LocationEntry", "%1 from the position now used").replace("%1", distance_words(apart))
        )
    return translate("LocationEntry", "Handset position received: %1.").replace("%1", ", ".join(parts))


def area_unsaved_words(match: AreaMatch) -> str:
    return translate(
        "LocationEntry", "✎ Not saved yet: the database is away. %1 is saved when it is back."
    ).replace("%1", _label(match))


def changed_elsewhere_words(incident_id: int) -> str:
    return translate(
        "LocationEntry",
        "The location of incident %1 was changed at another console meanwhile: open it to choose.",
    ).replace("%1", str(incident_id))


def conflict_words(pending: PendingLocation) -> str:
    """Both values of a pick or a position another console changed first, and the keys."""
    empty = translate("LocationEntry", "(empty)")
    if pending.kind == AREA:
        assert pending.match is not None
        theirs = pending.theirs if isinstance(pending.theirs, dict) else {}
        names = [str(theirs.get(field) or "") for field in ("village", "district", "regency", "province")]
        text = translate(
            "LocationEntry",
            "⚠ The address was changed at another console to: %1 — yours: %2. F11 keeps theirs, F12 uses"
            " yours.",
        )
        return text.replace("%1", ", ".join(n for n in names if n) or empty).replace(
            "%2", _label(pending.match)
        )
    lat, lon = pending.theirs if isinstance(pending.theirs, tuple | list) else (None, None)
    theirs_words = empty if lat is None or lon is None else format_decimal(float(lat), float(lon))
    yours = empty if pending.lat is None or pending.lon is None else format_decimal(pending.lat, pending.lon)
    text = translate(
        "LocationEntry",
        "⚠ The position was changed at another console to: %1 — yours: %2. F11 keeps theirs, F12 uses yours.",
    )
    return text.replace("%1", theirs_words).replace("%2", yours)


def position_unsaved_words() -> str:
    return translate(
        "LocationEntry", "✎ Not saved yet: the database is away. Kept as typed; saved when it is back."
    )


def _label(match: AreaMatch) -> str:
    text = match.label()
    return f"{text} · {match.postcode}" if match.postcode else text
