"""The shift log and quality review (the review dock; Ctrl+6, Ctrl+8).

The shift log filters as it is typed into: after a pause (:data:`FILTER_PAUSE_MS`) the filters are
read into a ``LogFilter`` and the search runs off the GUI thread (``dispatch.reports.shift_log``;
a search made out of date by more typing is dropped); Enter on a call shows its incident's timeline
(``dispatch.reports.timeline``). Quality review draws a random sample of the period's answered
calls (at least 2 %, ``dispatch.services.review``), shows the review form one question a row (a digit
answers it), computes the score as the form says, and lists the incidents closed without narrative.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QTableWidgetItem

from dispatch.domain.callers import CallbackOutcome, CallbackReason
from dispatch.domain.enums import CallClass, Presentation, UnitStatus
from dispatch.domain.phone import format_national
from dispatch.domain.review import FORM, ReviewAnswer, score
from dispatch.services import accounts
from dispatch.services.context import ServiceError
from dispatch.services.review import (
    ReviewItem,
    closed_without_narrative,
    draw_sample,
    period_label,
    record_review,
    reviews,
)
from dispatch.services.shifts import ShiftSnapshot
from dispatch.services.uow import DatabaseUnavailable
from ui import labels
from ui.models.snapshot_table import Column, SnapshotTableModel
from ui.presenters.parts import Presenter, WindowParts
from ui.presenters.periods import parse_typed_time, shift_title, typed_time
from ui.presenters.reader import LatestReader
from ui.reveal import focus_visibly
from ui.widgets.board_columns import fit_columns
from ui.widgets.choices import fill_choices
from ui.widgets.incident_panel import note_text
from ui.widgets.shift_log_view import ShiftLogView, fill

if TYPE_CHECKING:
    # The shift log's and the timeline's readers are imported when first used: the console's
    # start-up does not wait for them (bench/startup.py).
    from dispatch.reports.shift_log import LogFilter, LogRow
    from dispatch.reports.timeline import TimelineEntry

translate = QCoreApplication.translate

E = TypeVar("E", bound=StrEnum)

#: Typing waits this long for the next key before the log is searched (a search takes ~10-100 ms).
FILTER_PAUSE_MS = 150
#: Calls shown at most (the newest); the count says when there are more.
LOG_LIMIT = 500


def _class_words(value: CallClass | None) -> str:
    return labels.call_class(value) if value is not None else translate("ShiftLog", "not yet classified")


def _snippet_words(text: str) -> str:
    from dispatch.reports.shift_log import MARK_CLOSE, MARK_OPEN

    return text.replace(MARK_OPEN, "«").replace(MARK_CLOSE, "»")


class ReviewWork(Presenter):
    def __init__(self, parts: WindowParts, view: ShiftLogView, parent: QObject | None = None) -> None:
        super().__init__(parts, parent)
        self.view = view
        self.last_filter: LogFilter | None = None
        session = parts.session
        zone = session.zone

        def when(row: LogRow) -> str:
            return row.ring_at.astimezone(zone).strftime("%d-%m %H:%M:%S")

        def category(row: LogRow) -> str:
            return self.category_words(row.category)

        self.model: SnapshotTableModel[LogRow] = SnapshotTableModel(
            [
                Column(lambda: translate("ShiftLog", "Time"), when),
                Column(
                    lambda: translate("ShiftLog", "Number"),
                    lambda r: r.number or labels.presentation(r.presentation),
                ),
                Column(lambda: translate("ShiftLog", "Class"), lambda r: _class_words(r.call_class)),
                Column(lambda: translate("ShiftLog", "Answered by"), lambda r: r.answered_by or "–"),
                Column(lambda: translate("ShiftLog", "Incident"), lambda r: r.incident_number or ""),
                Column(lambda: translate("ShiftLog", "Category"), category),
                Column(
                    lambda: translate("ShiftLog", "Priority"),
                    lambda r: r.priority.value if r.priority is not None else "",
                    tooltip=lambda r: labels.priority(r.priority) if r.priority is not None else "",
                ),
                Column(
                    lambda: translate("ShiftLog", "Status"),
                    lambda r: labels.incident_status(r.incident_status) if r.incident_status else "",
                ),
                # Only a search of the notes fills it: without one it has no heading (an empty
                # column squeezed to nothing showed a heading cut to "…und").
                Column(
                    lambda: translate("ShiftLog", "Note found") if self._searching_notes() else "",
                    lambda r: _snippet_words(r.snippet),
                ),
            ],
            key=lambda row: row.call_id,
        )
        view.results.setModel(self.model)
        # Names, categories, statuses and the note give way first; times, numbers stay whole.
        view.results.setProperty("elidable", [2, 3, 5, 7, 8])
        self.rows: list[LogRow] = []
        self.shifts: dict[int, ShiftSnapshot] = {}
        self._filled = False
        self._searched_once = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(FILTER_PAUSE_MS)
        self._pause.timeout.connect(self.search)
        self._reader = LatestReader("shift-log", self)
        view.filters_changed.connect(self._pause.start)
        view.shift_picked.connect(self._shift_picked)
        view.timeline_wanted.connect(self.show_timeline_of_row)
        # Quality review: the sample of the period shown, the current call's answers as typed.
        self.items: list[ReviewItem] = []
        self.current_item: ReviewItem | None = None
        self.answers: dict[str, str] = {}
        view.sample_wanted.connect(self.draw)
        view.review_picked.connect(self.pick_review)
        view.review_opened.connect(self.open_review)
        view.review_answered.connect(self.answer)
        view.review_saved.connect(self.save_review)

    def category_words(self, code: str | None) -> str:
        catalogue = self.session.catalogue
        if code is None or code not in catalogue:
            return code or ""
        return catalogue.get(code).label(self.session.lang)

    def close(self) -> None:
        self._pause.stop()
        self._reader.close()

    @property
    def busy(self) -> bool:
        """A search is waiting for the pause or for its result."""
        return self._pause.isActive() or self._reader.busy

    # -- the filters' choices -------------------------------------------------------------------------

    def set_shifts(self, shifts: Sequence[ShiftSnapshot]) -> None:
        self.shifts = {shift.id: shift for shift in shifts}
        zone = self.session.zone
        keep = self.view.shift.currentData()
        items: list[tuple[str, object]] = [(translate("ShiftLog", "Any shift"), None)]
        items += [(shift_title(s, zone), s.id) for s in shifts]
        fill_choices(self.view.shift, items, keep)

    def _fill_choices(self) -> None:
        """Who answered, the classes and the categories (read once, when the log is first opened)."""
        view, session = self.view, self.session
        users: list[tuple[str, object]] = [(translate("ShiftLog", "Anyone"), None)]
        users += [
            (f"{user.full_name} ({user.username})", user.id)
            for user in sorted(accounts.list_users(session.ctx), key=lambda u: u.full_name.casefold())
        ]
        fill_choices(view.user, users, view.user.currentData())
        classes: list[tuple[str, object]] = [(translate("ShiftLog", "Any class"), None)]
        classes += [(labels.call_class(member), member.value) for member in CallClass]
        fill_choices(view.call_class, classes, view.call_class.currentData())
        categories: list[tuple[str, object]] = [(translate("ShiftLog", "Any category"), None)]
        categories += [(c.label(session.lang), c.code) for c in session.catalogue.categories]
        fill_choices(view.category, categories, view.category.currentData())
        self._filled = True

    def focus_log(self) -> None:
        """Ctrl+6: the shift log, the keyboard on its first filter; the open (or latest) shift's calls
        the first time."""
        self._prepare()
        self.view.tabs.setCurrentIndex(0)
        focus_visibly(self.view.first_filter())

    def focus_review(self) -> None:
        """Ctrl+8: quality review of the period the log shows, the keyboard on its sample (or on Draw
        while there is none)."""
        self._prepare()
        self.view.tabs.setCurrentIndex(1)
        self.refresh_review()
        focus_visibly(self.view.sample if self.items else self.view.draw)

    def _prepare(self) -> None:
        if not self._filled:
            try:
                self._fill_choices()
            except DatabaseUnavailable:
                self.status.show_message(translate("ShiftLog", "Shift log not read: the database is busy."))
                return
        if not self._searched_once:
            if self.view.shift.currentData() is None and self.shifts:
                first = next(iter(self.shifts.values()))
                self.view.shift.setCurrentIndex(max(0, self.view.shift.findData(first.id)))
                self._shift_picked(first.id)
            self.search()

    def _shift_picked(self, shift_id: int) -> None:
        """A shift chosen: from and to show its period (typing in them narrows it further)."""
        shift = self.shifts.get(shift_id)
        if shift is None:
            return
        zone = self.session.zone
        self.view.since.setText(typed_time(shift.opened_at, zone))
        self.view.until.setText(typed_time(shift.period_end, zone) if not shift.is_open else "")

    # -- searching ------------------------------------------------------------------------------------

    def current_filter(self) -> LogFilter | None:
        """The filters as typed; None (and the reason said) when a time cannot be read."""
        from dispatch.reports.shift_log import LogFilter

        view, zone = self.view, self.session.zone
        try:
            since = parse_typed_time(view.since.text(), zone)
            until = parse_typed_time(view.until.text(), zone)
        except ValueError:
            view.found.setText(translate("ShiftLog", "✘ Type the times as 2026-11-27 07:00 (local time)."))
            return None
        shift_id = view.shift.currentData()
        shift = self.shifts.get(shift_id) if isinstance(shift_id, int) else None
        if shift is not None:
            # The times the shift filled in are its own to the minute: the shift's exact period is
            # meant (a call in the minute it closed is the shift's, as the figures and handover say).
            if view.since.text() == typed_time(shift.opened_at, zone):
                since = None
            if view.until.text() == typed_time(shift.period_end, zone):
                until = None
        return LogFilter(
            since=since,
            until=until,
            shift_id=shift_id if isinstance(shift_id, int) else None,
            user_id=view.user.currentData(),
            call_class=view.call_class.currentData(),
            category=view.category.currentData(),
            number=view.number.text(),
            incident_number=view.incident.text(),
            text=view.text.text(),
            limit=LOG_LIMIT,
        )

    def search(self) -> None:
        """Search with the filters as they are now, off the GUI thread."""
        self._pause.stop()
        log_filter = self.current_filter()
        if log_filter is None:
            return
        self._searched_once = True
        self.last_filter = log_filter
        ctx = self.session.ctx
        from dispatch.reports.shift_log import search_log

        self._reader.request(lambda: search_log(ctx, log_filter), self._show_rows, self._failed)

    def _searching_notes(self) -> bool:
        return self.last_filter is not None and bool(self.last_filter.text.strip())

    def _show_rows(self, rows: list[LogRow]) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        last = self.model.columnCount() - 1
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, last, last)
        fit_columns(self.view.results)
        if len(rows) >= LOG_LIMIT:
            text = translate(
                "ShiftLog", "The newest %1 calls found, newest first: narrow the filters to see older ones."
            )
        else:
            text = translate(
                "ShiftLog", "Calls found: %1, newest first. Enter on a call shows its incident's timeline."
            )
        self.view.found.setText(text.replace("%1", str(len(rows))))
        if rows and not self.view.results.currentIndex().isValid():
            self.view.results.setCurrentIndex(self.model.index(0, 0))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ServiceError):
            words = labels.service_error(error.code)
        elif isinstance(error, DatabaseUnavailable):
            words = translate("ShiftLog", "the database is busy; type again to retry.")
        else:
            words = str(error)
        self.view.found.setText(translate("ShiftLog", "✘ Not searched: %1").replace("%1", words))

    # -- an incident's timeline -------------------------------------------------------------------------

    def show_timeline_of_row(self, row: int) -> None:
        """Enter on a call: its incident's timeline beside the log (a call without one says so)."""
        if not 0 <= row < len(self.rows):
            return
        found = self.rows[row]
        if found.incident_id is None:
            self.view.show_timeline(
                translate("ShiftLog", "This call has no incident: %1, %2.")
                .replace("%1", found.number or labels.presentation(found.presentation))
                .replace("%2", _class_words(found.call_class)),
                [],
            )
            return
        self.show_timeline(found.incident_id, found.incident_number or "")

    def show_timeline(self, incident_id: int, number: str) -> None:
        from dispatch.reports.timeline import incident_timeline

        try:
            entries = incident_timeline(self.session.ctx, incident_id)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return
        except DatabaseUnavailable:
            self.status.show_message(translate("ShiftLog", "Timeline not read: the database is busy."))
            return
        zone = self.session.zone
        rows = []
        for entry in entries:
            what, details = timeline_words(entry, zone)
            by = entry.user_name
            if entry.console_name:
                by = f"{by} @ {entry.console_name}" if by else entry.console_name
            rows.append([entry.at.astimezone(zone).strftime("%d-%m %H:%M:%S"), what, by, details])
        self.view.show_timeline(
            translate("ShiftLog", "Timeline of incident %1 (%2 entries)")
            .replace("%1", number)
            .replace("%2", str(len(rows))),
            rows,
        )

    # -- quality review -------------------------------------------------------------------------------

    def review_period(self) -> tuple[datetime, datetime, str, str] | None:
        """The period the log shows, for a sample: (since, until, the sample's label, words)."""
        zone = self.session.zone
        shift_id = self.view.shift.currentData()
        shift = self.shifts.get(shift_id) if isinstance(shift_id, int) else None
        if shift is not None:
            return shift.opened_at, shift.period_end, f"shift:{shift.id}", shift_title(shift, zone)
        try:
            since = parse_typed_time(self.view.since.text(), zone)
            until = parse_typed_time(self.view.until.text(), zone)
        except ValueError:
            return None
        if since is None or until is None or until <= since:
            return None
        words = (
            translate("ShiftLog", "%1 to %2")
            .replace("%1", typed_time(since, zone))
            .replace("%2", typed_time(until, zone))
        )
        return since, until, period_label(since, until), words

    def refresh_review(self) -> None:
        """The period's sample and its reviews, and the incidents closed in it without narrative."""
        view, ctx, zone = self.view, self.session.ctx, self.session.zone
        period = self.review_period()
        self.items = []
        if period is None:
            view.sample_period.setText(
                translate(
                    "ShiftLog",
                    "Choose a shift, or type both ends of a period, in the shift log (Ctrl+6) first.",
                )
            )
            fill(view.sample, [])
            fill(view.without, [])
            view.without_title.setText("")
            self._show_form()
            return
        since, until, label, words = period
        try:
            self.items = reviews(ctx, label)
            unnarrated = closed_without_narrative(ctx, since, until)
        except DatabaseUnavailable:
            self.status.show_message(translate("ShiftLog", "Review not read: the database is busy."))
            return
        done = [item.score for item in self.items if item.score is not None]
        summary = (
            translate("ShiftLog", "%1: drawn %2, reviewed %3.")
            .replace("%1", words)
            .replace("%2", str(len(self.items)))
            .replace("%3", str(len(done)))
        )
        if done:
            summary += " " + translate("ShiftLog", "Average score %1.").replace(
                "%1", str(round(sum(done) / len(done)))
            )
        view.sample_period.setText(summary)
        fill(
            view.sample,
            [
                [
                    item.ring_at.astimezone(zone).strftime("%d-%m %H:%M:%S"),
                    item.number or "–",
                    item.answered_by or "–",
                    _class_words(item.call_class),
                    item.incident_number or "",
                    str(item.score) if item.score is not None else translate("ShiftLog", "not yet"),
                ]
                for item in self.items
            ],
        )
        if unnarrated:
            view.without_title.setText(
                translate("ShiftLog", "✘ Incidents closed without narrative: %1").replace(
                    "%1", str(len(unnarrated))
                )
            )
        else:
            view.without_title.setText(
                translate("ShiftLog", "✔ Every incident closed in the period has a narrative.")
            )
        fill(
            view.without,
            [
                [
                    incident.number,
                    self.category_words(incident.category),
                    incident.closed_at.astimezone(zone).strftime("%d-%m %H:%M"),
                    incident.opened_by or "–",
                ]
                for incident in unnarrated
            ],
        )
        if self.items:
            row = min(max(self.view.sample.currentRow(), 0), len(self.items) - 1)
            self.view.sample.setCurrentCell(row, 0)
            self.pick_review(row)
        else:
            self._show_form()

    def draw(self) -> None:
        """Draw the period's sample (at least 2 % of its answered calls); said in the status line."""
        period = self.review_period()
        if period is None:
            self.refresh_review()  # it says what to choose first
            self.view.tabs.setCurrentIndex(0)
            focus_visibly(self.view.first_filter())
            return
        since, until, label, words = period
        try:
            drawn = draw_sample(self.session.ctx, since, until, label=label)
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return
        if drawn:
            message = translate("ShiftLog", "Calls drawn for review from %2: %1.")
        else:
            message = translate("ShiftLog", "Nothing more to draw from %2: its sample is complete.")
        self.status.show_message(message.replace("%1", str(len(drawn))).replace("%2", words))
        self.refresh_review()
        focus_visibly(self.view.sample if self.items else self.view.draw)

    def pick_review(self, row: int) -> None:
        """A sampled call made current: its form (its answers once reviewed)."""
        self.current_item = self.items[row] if 0 <= row < len(self.items) else None
        item = self.current_item
        self.answers = {} if item is None else {q.value: a.value for q, a in item.answers.items()}
        self.view.comment.setText("" if item is None else item.comment)
        self._show_form()

    def open_review(self, row: int) -> None:
        """Enter on a sampled call: the keyboard to its form's first unanswered question."""
        self.view.sample.setCurrentCell(row, 0)
        self.pick_review(row)
        form = self.view.form
        unanswered = [i for i, q in enumerate(FORM) if q.code.value not in self.answers]
        form.setCurrentCell(unanswered[0] if unanswered else 0, 0)
        focus_visibly(form)

    def _show_form(self) -> None:
        view, item = self.view, self.current_item
        form = view.form
        if item is None:
            view.form_title.setText(
                translate("ShiftLog", "Draw a sample, then Enter on a call opens its form.")
            )
            form.setRowCount(0)
            view.score.setText("")
            return
        who = item.answered_by or "–"
        title = (
            translate("ShiftLog", "Review of the call at %1 from %2, answered by %3")
            .replace("%1", item.ring_at.astimezone(self.session.zone).strftime("%d-%m %H:%M:%S"))
            .replace("%2", item.number or "–")
            .replace("%3", who)
        )
        if item.reviewed:
            title += " " + translate("ShiftLog", "(reviewed by %1: it cannot change)").replace(
                "%1", item.reviewer or "–"
            )
        else:
            title += " " + translate("ShiftLog", "(a digit answers the question; Enter in the comment saves)")
        view.form_title.setText(title)
        current = form.currentRow()
        form.setRowCount(len(FORM))
        for row, question in enumerate(FORM):
            given = self.answers.get(question.code.value)
            keys = " · ".join(
                f"{number} {labels.review_answer(answer)}"
                for number, answer in enumerate(question.answers, 1)
            )
            cells = (
                translate("ShiftLog", "%1 (%2 points)")
                .replace("%1", labels.review_question(question.code))
                .replace("%2", str(question.weight)),
                labels.review_answer(ReviewAnswer(given)) if given else "–",
                keys,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                form.setItem(row, column, cell)
        form.resizeRowsToContents()
        if 0 <= current < len(FORM):
            form.setCurrentCell(current, 0)
        view.comment.setReadOnly(item.reviewed)
        view.save.setEnabled(not item.reviewed)
        view.score.setText(self._score_words())

    def _score_words(self) -> str:
        item = self.current_item
        if item is not None and item.score is not None:
            return translate("ShiftLog", "Score: %1 / 100").replace("%1", str(item.score))
        if len(self.answers) < len(FORM):
            return (
                translate("ShiftLog", "Answered %1 of %2")
                .replace("%1", str(len(self.answers)))
                .replace("%2", str(len(FORM)))
            )
        return translate("ShiftLog", "Score: %1 / 100").replace("%1", str(score(self.answers)))

    def answer(self, row: int, key: str) -> None:
        """A digit on a question's row: that answer, if the question admits it (else the keys said)."""
        item = self.current_item
        if item is None or not 0 <= row < len(FORM):
            return
        if item.reviewed:
            self.status.show_message(labels.service_error("review_done"))
            return
        question = FORM[row]
        place = int(key) - 1
        if not 0 <= place < len(question.answers):
            self.status.show_message(
                translate("ShiftLog", "%1 is not an answer here: press 1 to %2.")
                .replace("%1", key)
                .replace("%2", str(len(question.answers)))
            )
            return
        self.answers[question.code.value] = question.answers[place].value
        self._show_form()
        self.view.form.setCurrentCell(min(row + 1, len(FORM) - 1), 0)
        if row == len(FORM) - 1 or len(self.answers) == len(FORM):
            focus_visibly(self.view.comment)

    def save_review(self) -> bool:
        """Enter in the comment: the review written (once), scored from the form."""
        item = self.current_item
        if item is None:
            return False
        if len(self.answers) < len(FORM):
            self.status.show_message(
                translate("ShiftLog", "Answer every question first: %1 of %2 answered.")
                .replace("%1", str(len(self.answers)))
                .replace("%2", str(len(FORM)))
            )
            unanswered = next(i for i, q in enumerate(FORM) if q.code.value not in self.answers)
            self.view.form.setCurrentCell(unanswered, 0)
            focus_visibly(self.view.form)
            return False
        try:
            saved = record_review(self.session.ctx, item.review_id, self.answers, self.view.comment.text())
        except ServiceError as error:
            self.status.show_message(labels.service_error(error.code))
            return False
        self.status.show_message(
            translate("ShiftLog", "Review saved: score %1 / 100.").replace("%1", str(saved.score))
        )
        row = self.view.sample.currentRow()
        self.refresh_review()
        if row + 1 < len(self.items):
            self.view.sample.setCurrentCell(row + 1, 0)
        focus_visibly(self.view.sample)
        return True


def timeline_words(entry: TimelineEntry, zone: tzinfo) -> tuple[str, str]:
    """(what happened, its details) of a timeline entry, in words (codes through ui/labels.py)."""
    from dispatch.reports.timeline import CALL_ANSWER, CALL_RING, EntryKind
    from ui.reports.common import Writer

    kind, event = entry.kind, entry.event
    if kind is EntryKind.CALL:
        if event == CALL_RING:
            number = entry.value("number")
            shown = format_national(number) if number.startswith("+") else number
            presentation = _enum(Presentation, entry.value("presentation"))
            return translate("ShiftLog", "Call rang"), labels.caller_number(
                presentation or Presentation.ALLOWED, shown
            )
        if event == CALL_ANSWER:
            return translate("ShiftLog", "Call answered"), ""
        call_class = _enum(CallClass, entry.value("call_class"))
        return translate("ShiftLog", "Call ended"), _class_words(call_class) if call_class else ""
    if kind is EntryKind.NOTE:
        # A console's note is stored as a code: worded as the incident panel words it.
        text = note_text(event, entry.value("text"), zone)
        corrects = entry.value("corrects")
        if corrects:
            text = translate("ShiftLog", "%1 (corrects note %2)").replace("%1", text).replace("%2", corrects)
        return translate("ShiftLog", "Note: %1").replace("%1", labels.note_kind(event)), text
    if kind in (EntryKind.UNIT_STATUS, EntryKind.ASSIGNMENT):
        status = _enum(UnitStatus, event)
        what = f"{entry.unit}: {labels.unit_status(status) if status else event}"
        before = _enum(UnitStatus, entry.value("from"))
        details = translate("ShiftLog", "from %1").replace("%1", labels.unit_status(before)) if before else ""
        override = entry.value("override")
        if override:
            details = (
                translate("ShiftLog", "%1; overridden: %2").replace("%1", details).replace("%2", override)
            )
        return what, details
    if kind is EntryKind.ALERT:
        words = {
            "raised": translate("ShiftLog", "Alert raised"),
            "acknowledged": translate("ShiftLog", "Alert acknowledged"),
            "cleared": translate("ShiftLog", "Alert cleared"),
        }.get(event, event)
        subject = Writer.alert_kind(entry.value("alert"))
        return words, f"{entry.unit}: {subject}" if entry.unit else subject
    if kind is EntryKind.CALLBACK:
        if event == "opened":
            reason = _enum(CallbackReason, entry.value("reason"))
            return translate("ShiftLog", "Callback queued"), labels.callback_reason(reason) if reason else ""
        outcome = _enum(CallbackOutcome, entry.value("outcome"))
        what = (
            translate("ShiftLog", "Callback attempt")
            if event == "attempt"
            else translate("ShiftLog", "Callback closed")
        )
        details = labels.callback_outcome(outcome) if outcome else ""
        note = entry.value("note")
        return what, f"{details}: {note}" if note and details else details or note
    details = ", ".join(f"{name}={value}" for name, value in entry.detail if name not in ("entity", "id"))
    return translate("ShiftLog", "Audit: %1").replace("%1", labels.audit_action(event)), details


def _enum(kind: type[E], value: str) -> E | None:
    try:
        return kind(value) if value else None
    except ValueError:
        return None
