"""Forwarding the incident in the form to the agencies that handle it: whom to call and how, a
compact row to record a forwarding, and the forwardings with what each agency reported back.

A thin widget: it shows what :class:`ui.presenters.forwarding_work.ForwardingWork` gives it and
says which key was pressed; the presenter reads the services and calls them. Every state is said in
words (an overdue acknowledgement says so, not only in red).

Keys (listed in ``ui/actions.py``, scope "forwarding"): in "Whom to call" Up/Down and Enter (the
record row for that agency), D (the console dials it: the operator's extension rings first); in the
record row the digits 1-6 on the channel choose it, Tab moves between the fields, Enter records, Esc
goes back; on a forwarding the digits 1-7 report (acknowledged, dispatched, arrived, handled, needs
help, note, cancel), then Enter records the report with its time and text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dispatch.domain.agencies import AgencyReach, ForwardChoice
from dispatch.domain.forwarding import ForwardChannel, ReportKind
from dispatch.domain.timers import format_duration
from dispatch.services.forwarding import TEXT_LIMITS, ForwardingView
from ui import labels
from ui.timefmt import elapsed, local_time

translate = QCoreApplication.translate

ProblemStyle = "color: #b71c1c; font-weight: bold;"
RowIdRole = Qt.ItemDataRole.UserRole + 20

#: The channel keys of the record row, in the order shown.
CHANNEL_KEYS: dict[str, ForwardChannel] = {
    "1": ForwardChannel.PHONE,
    "2": ForwardChannel.DIAL,
    "3": ForwardChannel.RADIO,
    "4": ForwardChannel.SMS,
    "5": ForwardChannel.WHATSAPP,
    "6": ForwardChannel.IN_PERSON,
}
#: The report keys on a forwarding.
REPORT_KEYS: dict[str, ReportKind] = {
    "1": ReportKind.ACKNOWLEDGED,
    "2": ReportKind.DISPATCHED,
    "3": ReportKind.ARRIVED,
    "4": ReportKind.HANDLED,
    "5": ReportKind.NEEDS_HELP,
    "6": ReportKind.NOTE,
    "7": ReportKind.CANCELLED,
}
#: Channels where the person named took it on the spot: naming them ticks "acknowledged".
SPOKEN = frozenset(
    {ForwardChannel.PHONE, ForwardChannel.DIAL, ForwardChannel.RADIO, ForwardChannel.IN_PERSON}
)


# -- words --------------------------------------------------------------------------------------------


def choice_text(choice: ForwardChoice, forwarded: ForwardingView | None, zone: tzinfo) -> str:
    """Two or three lines: the agency and what it answers; how to reach it; whether it is told."""
    spec = choice.spec
    head = f"{spec.name} · {labels.agency(choice.agency_type)}"
    if spec.reach is AgencyReach.ROOM:
        head += " · " + translate("ForwardingPanel", "in the room: send its units with F6")
    reach = []
    if spec.phones:
        reach.append(translate("ForwardingPanel", "Tel. %1").replace("%1", ", ".join(spec.phones)))
    if spec.radio:
        reach.append(translate("ForwardingPanel", "radio %1").replace("%1", spec.radio))
    if spec.sms_number:
        reach.append(translate("ForwardingPanel", "SMS %1").replace("%1", spec.sms_number))
    if spec.hours:
        reach.append(translate("ForwardingPanel", "hours %1").replace("%1", spec.hours))
    reach.append(
        translate("ForwardingPanel", "acknowledge within %1").replace("%1", format_duration(spec.ack_limit_s))
    )
    lines = [head, " · ".join(reach)]
    if forwarded is not None:
        lines.append(
            translate("ForwardingPanel", "✔ Forwarded at %1: %2")
            .replace("%1", local_time(forwarded.forwarded_at, zone))
            .replace("%2", labels.forward_state(forwarded.state))
        )
    return "\n".join(lines)


def forwarding_text(view: ForwardingView, now: datetime, zone: tzinfo) -> str:
    """The forwarding in words: agency, state, since when, overdue, how and to whom, the SMS."""
    state = labels.forward_state(view.state)
    head = (
        translate("ForwardingPanel", "%1: %2, forwarded %3 ago (%4)")
        .replace("%1", view.agency_name)
        .replace("%2", state)
        .replace("%3", elapsed(view.forwarded_at, now))
        .replace("%4", local_time(view.forwarded_at, zone))
    )
    if view.closed_at is not None:
        head = (
            translate("ForwardingPanel", "%1: %2 at %3")
            .replace("%1", view.agency_name)
            .replace("%2", state)
            .replace("%3", local_time(view.closed_at, zone))
        )
    lines = [head]
    if view.overdue(now):
        lines.append(
            translate("ForwardingPanel", "⚠ OVERDUE: not acknowledged within %1 (due at %2)")
            .replace("%1", format_duration(view.ack_limit_s))
            .replace("%2", local_time(view.ack_due_at, zone))
        )
    how = [labels.forward_channel(view.channel)]
    if view.contact:
        how.append(view.contact)
    if view.person:
        how.append(translate("ForwardingPanel", "taken by %1").replace("%1", view.person))
    if view.reference:
        how.append(translate("ForwardingPanel", "ref. %1").replace("%1", view.reference))
    if view.sms_state is not None:
        how.append(translate("ForwardingPanel", "SMS: %1").replace("%1", labels.outbox_state(view.sms_state)))
    lines.append(" · ".join(how))
    return "\n".join(lines)


def parse_time_of_day(text: str, now: datetime, zone: tzinfo) -> datetime | None:
    """``14:05`` or ``14:05:30`` typed: that time today (local), or yesterday when today's is still to
    come (a forwarding recorded just after midnight). None when it is not a time."""
    parts = text.strip().replace(".", ":").split(":")
    if len(parts) not in (2, 3) or not all(part.isdigit() and len(part) <= 2 for part in parts):
        return None
    hour, minute = int(parts[0]), int(parts[1])
    second = int(parts[2]) if len(parts) == 3 else 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    local_now = now.astimezone(zone)
    at = local_now.replace(hour=hour, minute=minute, second=second, microsecond=0)
    if at > local_now + timedelta(minutes=1):
        at -= timedelta(days=1)
    return at.astimezone(now.tzinfo)


# -- pieces ---------------------------------------------------------------------------------------------


def _problem_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ProblemStyle)
    label.setWordWrap(True)
    label.hide()
    return label


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("font-weight: bold;")
    return label


class ChoiceList(QListWidget):
    """Whom to call. Signals: ``entered(int)`` (Enter: the agency's id), ``dial(int)`` (D)."""

    entered = Signal(int)
    dial = Signal(int)

    def current_agency(self) -> int | None:
        item = self.currentItem()
        value = None if item is None else item.data(RowIdRole)
        return value if isinstance(value, int) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        agency_id = self.current_agency()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and agency_id is not None:
            self.entered.emit(agency_id)
            return
        if event.key() == Qt.Key.Key_D and not event.modifiers() and agency_id is not None:
            self.dial.emit(agency_id)
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Letters are keys here (D dials), not a search for a line starting with them."""


class ForwardingList(QListWidget):
    """The incident's forwardings. Signals: ``report(int, object)`` (a digit: the row, ReportKind)."""

    report = Signal(int, object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        kind = REPORT_KEYS.get(event.text())
        if kind is not None and self.currentRow() >= 0 and not event.modifiers():
            self.report.emit(self.currentRow(), kind)
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Digits report; nothing else types here."""


class ChannelPicker(QLabel):
    """The channel of the record row: a digit chooses it. Signals: ``chosen(object)``."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("forwardChannel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel:focus { border: 2px solid #1565c0; } QLabel { padding: 2px; }")
        self.channel = ForwardChannel.PHONE
        self.show_channel(ForwardChannel.PHONE)

    def show_channel(self, channel: ForwardChannel) -> None:
        self.channel = channel
        key = next(key for key, value in CHANNEL_KEYS.items() if value is channel)
        self.setText(f"[{key}] {labels.forward_channel(channel)}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        channel = CHANNEL_KEYS.get(event.text())
        if channel is not None and not event.modifiers():
            self.show_channel(channel)
            self.chosen.emit(channel)
            return
        super().keyPressEvent(event)


class _Row(QFrame):
    """A compact row of fields: Enter anywhere in it records, Esc goes back.

    Signals: ``submitted()``, ``cancelled()``."""

    submitted = Signal()
    cancelled = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"#{name} {{ background: #e3f2fd; border: 2px solid #1565c0; }}")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(6, 4, 6, 4)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 1)
        # Never squeezed below what its fields and words need (the dock scrolls instead).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._rows = 0
        self.hide()

    def add(self, caption: str, field: QWidget, problem: QLabel | None = None) -> None:
        label = QLabel(caption)
        label.setBuddy(field)
        self.grid.addWidget(label, self._rows, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(field, self._rows, 1)
        self._rows += 1
        if problem is not None:
            self.grid.addWidget(problem, self._rows, 1)
            self._rows += 1

    def add_wide(self, widget: QWidget) -> None:
        self.grid.addWidget(widget, self._rows, 0, 1, 2)
        self._rows += 1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


@dataclass(frozen=True)
class RecordEntry:
    """What the record row holds when Enter is pressed."""

    channel: ForwardChannel
    contact: str
    person: str
    reference: str
    time_text: str
    acknowledged: bool
    send_sms: bool


@dataclass(frozen=True)
class ReportEntry:
    time_text: str
    text: str


class ForwardingPanel(QWidget):
    """Signals (the presenter acts on them):
    choice_entered(int): Enter on a line of "Whom to call" (its row).
    dial_requested(int): D on a line of "Whom to call".
    record_submitted(): Enter in the record row (read ``record_entry()``).
    report_key(int, object): a report key on a forwarding (its row, the ReportKind).
    report_submitted(): Enter in the report row (read ``report_entry()``).
    """

    choice_entered = Signal(int)
    dial_requested = Signal(int)
    record_submitted = Signal()
    report_key = Signal(int, object)
    report_submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("forwardingPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.setSpacing(4)
        self.heading = QLabel()
        self.heading.setObjectName("forwardHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)

        # Headings are labels that wrap, not group box titles: a title never wraps, and a long one
        # in Indonesian made the panel wider than the call-taker's dock.
        choices_box = QWidget()
        choices_layout = QVBoxLayout(choices_box)
        choices_layout.setContentsMargins(0, 2, 0, 2)
        choices_layout.addWidget(
            _heading(translate("ForwardingPanel", "Whom to call (Ctrl+T; Enter records, D dials)"))
        )
        self.choices = ChoiceList()
        self.choices.setObjectName("forwardChoices")
        self.choices.setWordWrap(True)
        self.choices.setAlternatingRowColors(True)
        self.choices.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.choices.setMinimumHeight(90)
        self.choices.entered.connect(self.choice_entered)
        self.choices.dial.connect(self.dial_requested)
        choices_layout.addWidget(self.choices)
        self.choices_note = QLabel()
        self.choices_note.setObjectName("forwardChoicesNote")
        self.choices_note.setWordWrap(True)
        self.choices_note.hide()
        choices_layout.addWidget(self.choices_note)
        layout.addWidget(choices_box, 2)

        # -- the record row
        self.record_row = _Row("forwardRecordRow")
        self.record_agency = QLabel()
        self.record_agency.setObjectName("forwardRecordAgency")
        self.record_agency.setWordWrap(True)
        self.record_agency.setStyleSheet("font-weight: bold;")
        self.record_row.add_wide(self.record_agency)
        self.agency_problem = _problem_label("forwardAgencyProblem")
        self.record_row.add_wide(self.agency_problem)
        self.channel = ChannelPicker()
        self.channel_keys = QLabel(
            translate("ForwardingPanel", "A digit changes it: %1").replace(
                "%1",
                " · ".join(f"{key} {labels.forward_channel(value)}" for key, value in CHANNEL_KEYS.items()),
            )
        )
        self.channel_keys.setObjectName("forwardChannelKeys")
        self.channel_keys.setWordWrap(True)
        self.channel_keys.setStyleSheet("color: #424242;")
        self.record_row.add(translate("ForwardingPanel", "Channel"), self.channel, self.channel_keys)
        self.person = QLineEdit()
        self.person.setObjectName("forwardPerson")
        self.person.setMaxLength(TEXT_LIMITS["person"])
        self.person.setPlaceholderText(translate("ForwardingPanel", "who took it (name, rank)"))
        self.record_row.add(translate("ForwardingPanel", "Person"), self.person)
        self.reference = QLineEdit()
        self.reference.setObjectName("forwardReference")
        self.reference.setMaxLength(TEXT_LIMITS["reference"])
        self.reference.setPlaceholderText(translate("ForwardingPanel", "the agency's own number, if given"))
        self.record_row.add(translate("ForwardingPanel", "Reference"), self.reference)
        self.contact = QLineEdit()
        self.contact.setObjectName("forwardContact")
        self.contact.setMaxLength(TEXT_LIMITS["contact"])
        self.record_row.add(translate("ForwardingPanel", "Contact"), self.contact)
        self.time = QLineEdit()
        self.time.setObjectName("forwardTime")
        self.time_problem = _problem_label("forwardTimeProblem")
        self.record_row.add(translate("ForwardingPanel", "Time"), self.time, self.time_problem)
        self.acknowledged = QCheckBox(translate("ForwardingPanel", "Acknowledged (the person took it)"))
        self.acknowledged.setObjectName("forwardAcknowledged")
        self.record_row.add_wide(self.acknowledged)
        self.send_sms = QCheckBox(translate("ForwardingPanel", "Send the summary SMS"))
        self.send_sms.setObjectName("forwardSendSms")
        self.record_row.add_wide(self.send_sms)
        self.sms_problem = _problem_label("forwardSmsProblem")
        self.record_row.add_wide(self.sms_problem)
        self.record_hint = QLabel(
            translate("ForwardingPanel", "Enter records the forwarding, Esc goes back.")
        )
        self.record_hint.setWordWrap(True)
        self.record_row.add_wide(self.record_hint)
        self.record_row.submitted.connect(self.record_submitted)
        self.record_row.cancelled.connect(self.close_rows)
        self._person_touched_ack = True
        self._sms_possible = False
        self.person.textEdited.connect(self._person_typed)
        self.acknowledged.clicked.connect(self._ack_toggled)
        self.channel.chosen.connect(lambda _channel: self._person_typed(self.person.text()))
        layout.addWidget(self.record_row)

        forwardings_box = self.forwardings_box = QWidget()
        forwardings_layout = QVBoxLayout(forwardings_box)
        forwardings_layout.setContentsMargins(0, 2, 0, 2)
        forwardings_layout.addWidget(
            _heading(translate("ForwardingPanel", "Forwardings (Ctrl+T again; 1-7 report)"))
        )
        self.forwardings = ForwardingList()
        self.forwardings.setObjectName("forwardings")
        self.forwardings.setWordWrap(True)
        self.forwardings.setAlternatingRowColors(True)
        self.forwardings.setMinimumHeight(90)
        self.forwardings.report.connect(self.report_key)
        forwardings_layout.addWidget(self.forwardings)
        self.report_keys_line = QLabel(
            "  ".join(f"[{key}] {labels.report_kind(kind)}" for key, kind in REPORT_KEYS.items())
        )
        self.report_keys_line.setObjectName("forwardReportKeys")
        self.report_keys_line.setWordWrap(True)
        forwardings_layout.addWidget(self.report_keys_line)
        layout.addWidget(forwardings_box, 2)
        forwardings_box.hide()  # until there is one

        # -- the report row
        self.report_row = _Row("forwardReportRow")
        self.report_what = QLabel()
        self.report_what.setObjectName("forwardReportWhat")
        self.report_what.setWordWrap(True)
        self.report_what.setStyleSheet("font-weight: bold;")
        self.report_row.add_wide(self.report_what)
        self.report_problem = _problem_label("forwardReportProblem")
        self.report_row.add_wide(self.report_problem)
        self.report_time = QLineEdit()
        self.report_time.setObjectName("forwardReportTime")
        self.report_time_problem = _problem_label("forwardReportTimeProblem")
        self.report_row.add(translate("ForwardingPanel", "Time"), self.report_time, self.report_time_problem)
        self.report_text = QLineEdit()
        self.report_text.setObjectName("forwardReportText")
        self.report_text.setPlaceholderText(translate("ForwardingPanel", "what they said (optional)"))
        self.report_row.add(translate("ForwardingPanel", "Text"), self.report_text)
        hint = QLabel(translate("ForwardingPanel", "Enter records the report, Esc goes back."))
        hint.setWordWrap(True)
        self.report_row.add_wide(hint)
        self.report_row.submitted.connect(self.report_submitted)
        self.report_row.cancelled.connect(self.close_rows)
        layout.addWidget(self.report_row)

        self.message = QLabel()
        self.message.setObjectName("forwardMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

    # -- showing --------------------------------------------------------------------------------------

    def show_heading(self, text: str) -> None:
        self.heading.setText(text)

    def show_choices(
        self, lines: Sequence[tuple[int, str]], others: Sequence[tuple[int, str]] = (), note: str = ""
    ) -> None:
        """(agency id, text) lines: those the category and area call for, then under a heading the
        other agencies covering the area (a fire with a crowd to hold back: the kecamatan's Polsek).
        The current line is kept when its agency is still there."""
        keep = self.choices.current_agency()
        self.choices.clear()
        for agency_id, text in lines:
            self._add_choice(agency_id, text, keep)
        if others:
            heading = QListWidgetItem(translate("ForwardingPanel", "Other agencies covering this area:"))
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.choices.addItem(heading)
            for agency_id, text in others:
                self._add_choice(agency_id, text, keep)
        if self.choices.current_agency() is None:
            self.first_choice()
        self.choices_note.setText(note)
        self.choices_note.setVisible(bool(note))

    def _add_choice(self, agency_id: int, text: str, keep: int | None) -> None:
        item = QListWidgetItem(text)
        item.setData(RowIdRole, agency_id)
        self.choices.addItem(item)
        if agency_id == keep:
            self.choices.setCurrentItem(item)

    def next_choice_after(self, agency_id: int) -> None:
        """The agency line after ``agency_id``'s made current (the next to call), if there is one."""
        rows = [
            row
            for row in range(self.choices.count())
            if isinstance(self.choices.item(row).data(RowIdRole), int)
        ]
        ids = [self.choices.item(row).data(RowIdRole) for row in rows]
        if agency_id in ids and ids.index(agency_id) + 1 < len(rows):
            self.choices.setCurrentRow(rows[ids.index(agency_id) + 1])

    def first_choice(self) -> None:
        """The first agency line made current (not the heading of the others)."""
        for row in range(self.choices.count()):
            if isinstance(self.choices.item(row).data(RowIdRole), int):
                self.choices.setCurrentRow(row)
                return

    def show_forwardings(self, lines: Sequence[tuple[int, str, bool]]) -> None:
        """(forwarding id, text, needs attention) lines, in order; rewritten in place when only the
        words changed (the one-second tick), so the current line stays."""
        same = self.forwardings.count() == len(lines) and all(
            self.forwardings.item(row).data(RowIdRole) == key for row, (key, _t, _a) in enumerate(lines)
        )
        if not same:
            current = self.forwardings.currentItem()
            keep = None if current is None else current.data(RowIdRole)
            self.forwardings.clear()
            for key, text, _attention in lines:
                item = QListWidgetItem(text)
                item.setData(RowIdRole, key)
                self.forwardings.addItem(item)
                if key == keep:
                    self.forwardings.setCurrentItem(item)
            if self.forwardings.currentRow() < 0 and self.forwardings.count():
                self.forwardings.setCurrentRow(0)
        self.forwardings_box.setVisible(bool(lines))
        for row, (_key, text, attention) in enumerate(lines):
            item = self.forwardings.item(row)
            if item.text() != text:
                item.setText(text)
            font = item.font()
            if font.bold() != attention:
                font.setBold(attention)
                item.setFont(font)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- the record row -------------------------------------------------------------------------------

    def open_record_row(
        self,
        agency_words: str,
        channel: ForwardChannel,
        contact: str,
        time_text: str,
        sms_possible: bool,
        sms_checked: bool,
    ) -> None:
        self.report_row.hide()
        self.record_agency.setText(agency_words)
        self.channel.show_channel(channel)
        self.person.clear()
        self.reference.clear()
        self.contact.setText(contact)
        self.time.setText(time_text)
        self.acknowledged.setChecked(False)
        self._person_touched_ack = True
        self._sms_possible = sms_possible
        self.send_sms.setEnabled(sms_possible)
        self.send_sms.setChecked(sms_possible and sms_checked)
        self.send_sms.setVisible(sms_possible)
        self.show_record_problems({})
        self.record_row.show()
        self.channel.setFocus(Qt.FocusReason.OtherFocusReason)

    def record_entry(self) -> RecordEntry:
        return RecordEntry(
            channel=self.channel.channel,
            contact=self.contact.text().strip(),
            person=self.person.text().strip(),
            reference=self.reference.text().strip(),
            time_text=self.time.text(),
            acknowledged=self.acknowledged.isChecked(),
            send_sms=self._sms_possible and self.send_sms.isChecked(),
        )

    def show_record_problems(self, problems: dict[str, str]) -> None:
        """Each refusal beside the field it is about: "agency", "time", "sms"."""
        for key, label in (
            ("agency", self.agency_problem),
            ("time", self.time_problem),
            ("sms", self.sms_problem),
        ):
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        if "time" in problems:
            self.time.setFocus(Qt.FocusReason.OtherFocusReason)
            self.time.selectAll()

    def _person_typed(self, text: str) -> None:
        """Naming the person on a spoken channel means they took it: "acknowledged" ticks itself
        (until the operator sets it by hand)."""
        if self._person_touched_ack:
            self.acknowledged.setChecked(bool(text.strip()) and self.channel.channel in SPOKEN)

    def _ack_toggled(self) -> None:
        self._person_touched_ack = False

    # -- the report row -------------------------------------------------------------------------------

    def open_report_row(self, what: str, time_text: str) -> None:
        self.record_row.hide()
        self.report_what.setText(what)
        self.report_time.setText(time_text)
        self.report_text.clear()
        self.show_report_problems({})
        self.report_row.show()
        self.report_text.setFocus(Qt.FocusReason.OtherFocusReason)

    def report_entry(self) -> ReportEntry:
        return ReportEntry(time_text=self.report_time.text(), text=self.report_text.text().strip())

    def show_report_problems(self, problems: dict[str, str]) -> None:
        """ "report" (the kind: closed, out of order), "time"."""
        for key, label in (("report", self.report_problem), ("time", self.report_time_problem)):
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        if "time" in problems:
            self.report_time.setFocus(Qt.FocusReason.OtherFocusReason)
            self.report_time.selectAll()

    def close_rows(self) -> None:
        """Esc, or done: both rows go; the keyboard back on the list it came from."""
        came_from = self.forwardings if not self.report_row.isHidden() else self.choices
        self.record_row.hide()
        self.report_row.hide()
        came_from.setFocus(Qt.FocusReason.OtherFocusReason)
