"""The duty shift and its handover: open and close the shift, pass-down, sign off, acknowledge, addenda,
print and save the report (the shift dock, Ctrl+5; the Shift menu).

The shift a supervisor opens is the centre's pattern's shift at that moment
(``dispatch.domain.shifts.shift_at`` with ``ConsoleSession.shift_pattern``). The handover report is
assembled from the database, never typed: while the shift is unsigned the panel shows the draft as it
stands (``dispatch.reports.handover.assemble_handover``), once signed the content frozen at signing,
with who signed and acknowledged it and the addenda. Refusals from the services (the signer
acknowledging their own report, a pass-down after signing) are said in the status line and beside
the field in words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from dispatch.domain.enums import Role
from dispatch.domain.permissions import Action, can
from dispatch.domain.shifts import shift_at
from dispatch.services import shifts
from dispatch.services.bus import Topic
from dispatch.services.context import ServiceError
from dispatch.services.shifts import ShiftSnapshot, StaffOnDuty
from dispatch.services.uow import DatabaseUnavailable
from ui import labels
from ui.presenters.parts import Presenter, WindowParts
from ui.presenters.periods import shift_title
from ui.presenters.reader import LatestReader
from ui.presenters.report_output import document_bytes
from ui.reveal import focus_visibly
from ui.timefmt import local_datetime, local_time
from ui.widgets.shift_panel import ShiftPanel

if TYPE_CHECKING:
    # Signing and the report's document are imported when first used (start-up: bench/startup.py).
    from dispatch.services.handover import SignedHandover

translate = QCoreApplication.translate


def _role_words(code: str) -> str:
    try:
        return labels.role(Role(code))
    except ValueError:
        return code


class _Shown(QObject):
    """Reads the shift afresh when its panel is shown (changes are not read while it is hidden)."""

    def __init__(self, work: ShiftWork) -> None:
        super().__init__(work)
        self._work = work

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._work.stale:
            self._work.refresh()
        return False


class ShiftWork(Presenter):
    """Signals: ``shifts_listed(list[ShiftSnapshot])`` after the recent shifts were read (the shift
    log and the figures offer the same list)."""

    shifts_listed = Signal(object)

    def __init__(self, parts: WindowParts, panel: ShiftPanel, parent: QObject | None = None) -> None:
        super().__init__(parts, parent)
        self.panel = panel
        #: The shift on show (the open one unless another was picked), its signed report if any.
        self.shown: ShiftSnapshot | None = None
        self.signed: SignedHandover | None = None
        self.recent: list[ShiftSnapshot] = []
        #: The report's document as shown (draft or signed; ``dispatch.reports.export``), and its shift.
        self.report_data: dict[str, Any] | None = None
        self.report_data_for: int | None = None
        self._reader = LatestReader("handover", self)
        #: A shift picked from the list; None follows the open shift (or the latest).
        self._picked: int | None = None
        self.stale = True
        #: The pass-down as last saved or read, to tell an edit from a refresh.
        self._saved_texts: tuple[str, str] = ("", "")
        panel.shift_chosen.connect(self.pick)
        panel.pass_down_left.connect(self.save_pass_down)
        panel.pass_down_edited.connect(self._edited)
        panel.addendum_entered.connect(self.add_addendum_now)
        panel.installEventFilter(_Shown(self))
        parts.boards.applied.connect(lambda topics, _touched, _ids: self._changed(topics))
        parts.session.user_changed.connect(lambda _actor: self.refresh())

    @property
    def busy(self) -> bool:
        """The handover report is being read."""
        return self._reader.busy

    def close(self) -> None:
        self._reader.close()

    # -- reading -----------------------------------------------------------------------------------

    def _changed(self, topics: set[Topic]) -> None:
        if Topic.SHIFTS in topics:
            self.refresh()

    def refresh(self) -> None:
        """Read the shifts and the one shown (only while the panel can be seen; later otherwise)."""
        ctx = self.session.ctx
        if not can(ctx.actor.role, Action.MANAGE_SHIFTS):
            self.stale = True
            return
        try:
            self.recent = shifts.recent_shifts(ctx)
            self.shifts_listed.emit(self.recent)
            if not self.panel.isVisible():
                self.stale = True
                self._show_list()
                return
            self.stale = False
            self._read_shown()
        except DatabaseUnavailable:
            self.stale = True
            self.status.show_message(translate("Shifts", "Shift not read: the database is busy."))

    def _read_shown(self) -> None:
        from dispatch.services import handover

        ctx = self.session.ctx
        shown = next((s for s in self.recent if s.id == self._picked), None) if self._picked else None
        if shown is None and self._picked is not None:
            try:
                shown = shifts.shift(ctx, self._picked)
            except ServiceError:
                self._picked = None
        if shown is None:
            shown = next((s for s in self.recent if s.is_open), self.recent[0] if self.recent else None)
        self.shown = shown
        self._show_list()
        if shown is None:
            self.signed = None
            self.report_data = None
            self.panel.show_heading(
                translate("Shifts", "No shift has been opened yet."),
                translate("Shifts", "Ctrl+Shift+O opens the shift of the centre's pattern now."),
                "",
            )
            self.panel.show_pass_down("", "", False)
            self.panel.show_staff([])
            self.panel.show_report("")
            self._saved_texts = ("", "")
            self._update_buttons()
            return
        self.signed = handover.signed_handover(ctx, shown.id)
        self.panel.show_heading(self._heading(shown), self._details(shown), self._handover_words())
        self._saved_texts = (shown.pass_down, shown.planned_events)
        self.panel.show_pass_down(shown.pass_down, shown.planned_events, self.signed is None)
        if self.signed is not None:
            self.panel.set_save_state(
                "none", translate("Shifts", "The report is signed: corrections are addenda (Ctrl+Shift+N).")
            )
        self.panel.show_staff([self._staff_row(person) for person in shifts.staff_of(ctx, shown.id)])
        self._show_report()
        self._update_buttons()

    def _show_list(self) -> None:
        zone = self.session.zone
        current = self.shown.id if self.shown is not None else None
        self.panel.show_shift_list([(s.id, shift_title(s, zone)) for s in self.recent], current)

    def _heading(self, shown: ShiftSnapshot) -> str:
        zone = self.session.zone
        start = local_datetime(shown.planned_start, zone)
        end = local_time(shown.planned_end, zone)[:5]
        return (
            translate("Shifts", "%1 shift, %2 to %3")
            .replace("%1", labels.shift_name(shown.code))
            .replace("%2", start)
            .replace("%3", end)
        )

    def _details(self, shown: ShiftSnapshot) -> str:
        zone = self.session.zone
        opened = (
            translate("Shifts", "Opened %1 by %2")
            .replace("%1", local_datetime(shown.opened_at, zone))
            .replace("%2", shown.opened_by or "–")
        )
        if shown.is_open:
            return translate("Shifts", "● Open. %1.").replace("%1", opened)
        closed = (
            translate("Shifts", "closed %1 by %2")
            .replace("%1", local_datetime(shown.closed_at, zone))
            .replace("%2", shown.closed_by or "–")
        )
        return translate("Shifts", "Closed. %1; %2.").replace("%1", opened).replace("%2", closed)

    def _handover_words(self) -> str:
        zone = self.session.zone
        signed = self.signed
        if signed is None:
            if self.shown is not None and self.shown.is_open:
                return translate("Shifts", "Handover report: draft (the shift is still open).")
            return translate(
                "Shifts", "Handover report: draft, not signed. The outgoing lead signs it off (Ctrl+Shift+S)."
            )
        text = (
            translate("Shifts", "✔ Signed by %1 at %2.")
            .replace("%1", signed.signed_by)
            .replace("%2", local_datetime(signed.signed_at, zone))
        )
        if signed.acknowledged_at is not None:
            return (
                text
                + " "
                + translate("Shifts", "✔ Acknowledged by %1 at %2.")
                .replace("%1", signed.acknowledged_by or "–")
                .replace("%2", local_datetime(signed.acknowledged_at, zone))
            )
        return (
            text
            + " "
            + translate("Shifts", "✘ Not acknowledged yet: the incoming lead acknowledges it (Ctrl+Shift+T).")
        )

    def _staff_row(self, person: StaffOnDuty) -> list[str]:
        from ui.reports.common import Writer  # the report's words for a position, said the same

        zone = self.session.zone
        until = local_time(person.ended_at, zone)[:5] if person.ended_at else translate("Shifts", "now")
        return [
            person.full_name or person.user_name,
            _role_words(person.role),
            person.console_name,
            Writer.position(person.position),
            f"{local_time(person.started_at, zone)[:5]}–{until}",
        ]

    def _show_report(self) -> None:
        """The report's document read off the GUI thread (a draft is assembled from the whole shift),
        then worded here (the report's words come from Qt's translators, on this thread only)."""
        shown = self.shown
        if shown is None:
            return
        from dispatch.reports.export import handover_document

        ctx = self.session.ctx
        self._reader.request(lambda: handover_document(ctx, shown.id), self._document_read, self._not_read)

    def _document_read(self, document: dict[str, Any]) -> None:
        self.report_data = document
        self.report_data_for = self.shown.id if self.shown is not None else None
        self.panel.show_report(self.report_html() or "")

    def _not_read(self, error: BaseException) -> None:
        if isinstance(error, ServiceError):
            words = labels.service_error(error.code)
        elif isinstance(error, DatabaseUnavailable):
            words = translate("Shifts", "the database is busy.")
        else:
            words = str(error)
        self.panel.show_report("")
        self.status.show_message(translate("Shifts", "Handover report not read: %1").replace("%1", words))

    def _update_buttons(self) -> None:
        shown, signed = self.shown, self.signed
        is_open = shown is not None and shown.is_open
        self.panel.set_buttons(
            {
                "openShift": not any(s.is_open for s in self.recent),
                "closeShift": any(s.is_open for s in self.recent),
                "signOff": shown is not None and not is_open and signed is None,
                "acknowledgeHandover": signed is not None and signed.acknowledged_at is None,
                "printReport": shown is not None,
                "exportReport": shown is not None,
            }
        )
        self.panel.addendum.setEnabled(signed is not None)

    # -- choosing ------------------------------------------------------------------------------------

    def pick(self, shift_id: int) -> None:
        """Show another shift (from the list): its handover, pass-down and staff."""
        self.flush_pass_down()
        self._picked = shift_id
        self.refresh()

    def focus(self) -> None:
        """Ctrl+5: the shift panel, the keyboard on the list of shifts."""
        if self.stale:
            self.refresh()
        focus_visibly(self.panel.shift_list)

    # -- opening and closing -----------------------------------------------------------------------

    def open_shift(self) -> None:
        """Ctrl+Shift+O: open the pattern's shift at this moment; the keyboard goes to the pass-down."""
        session = self.session
        period = shift_at(session.shift_pattern, session.zone, session.ctx.clock.now())
        try:
            opened = shifts.open_shift(session.ctx, period)
        except ServiceError as error:
            self._refused(error)
            self.focus()
            return
        self._picked = None
        self.status.show_message(
            translate("Shifts", "Opened: %1.").replace("%1", shift_title(opened, session.zone))
        )
        self.refresh()
        self.focus_pass_down()

    def focus_pass_down(self) -> None:
        focus_visibly(self.panel.pass_down)

    def close_shift(self) -> None:
        """Ctrl+Shift+C: asks (1 closes, Esc keeps it open)."""
        try:
            open_now = shifts.current_shift(self.session.ctx)
        except DatabaseUnavailable:
            self.status.show_message(translate("Shifts", "Shift not read: the database is busy."))
            return
        if open_now is None:
            self.status.show_message(labels.service_error("no_open_shift"))
            return
        self.flush_pass_down()
        self.choice_bar.ask(
            translate("Shifts", "Close %1? Its handover report can then be signed.").replace(
                "%1", shift_title(open_now, self.session.zone)
            ),
            [("1", translate("Shifts", "Close the shift"), open_now.id)],
            self._then(self.close_now),
            QApplication.focusWidget(),
        )

    def close_now(self, shift_id: int) -> bool:
        try:
            closed = shifts.close_shift(self.session.ctx, shift_id)
        except ServiceError as error:
            self._refused(error)
            return False
        self._picked = closed.id
        self.status.show_message(
            translate(
                "Shifts", "Closed: %1. The outgoing lead signs the handover off (Ctrl+Shift+S)."
            ).replace("%1", shift_title(closed, self.session.zone))
        )
        self.refresh()
        return True

    # -- pass-down ------------------------------------------------------------------------------------

    def _edited(self) -> None:
        if self.panel.pass_down_texts() != self._saved_texts:
            self.panel.set_save_state(
                "pending", translate("Shifts", "● Changed, not saved yet (Tab or Ctrl+Enter saves).")
            )

    def flush_pass_down(self) -> None:
        """Save the pass-down if it was changed (before another shift is shown, or the user changes)."""
        if self.shown is not None and self.panel.pass_down_texts() != self._saved_texts:
            self.save_pass_down()

    def save_pass_down(self) -> bool:
        """The pass-down and planned events as typed, saved to the shift shown (refused once signed)."""
        shown = self.shown
        texts = self.panel.pass_down_texts()
        if shown is None or texts == self._saved_texts:
            return True
        try:
            saved = shifts.set_pass_down(self.session.ctx, shown.id, *texts)
        except ServiceError as error:
            words = labels.service_error(error.code)
            self.panel.set_save_state("refused", translate("Shifts", "✘ Not saved: %1").replace("%1", words))
            self.status.show_message(translate("Shifts", "Pass-down not saved: %1").replace("%1", words))
            return False
        except DatabaseUnavailable:
            words = translate("Shifts", "the database is busy; it is saved when you leave the field again.")
            self.panel.set_save_state("refused", translate("Shifts", "✘ Not saved: %1").replace("%1", words))
            return False
        self.shown = saved
        self._saved_texts = (saved.pass_down, saved.planned_events)
        self.panel.set_save_state(
            "saved",
            translate("Shifts", "✔ Saved at %1.").replace(
                "%1", local_time(self.session.ctx.clock.now(), self.session.zone)
            ),
        )
        return True

    # -- signing, acknowledging, addenda --------------------------------------------------------------

    def _closed_target(self) -> ShiftSnapshot | None:
        """The shift whose report is signed or acknowledged: the one shown when it is closed, else
        the latest closed one (the incoming lead may have opened the next shift already)."""
        if self.stale or not self.recent:
            self.refresh()
        if self.shown is not None and not self.shown.is_open:
            return self.shown
        return next((s for s in self.recent if not s.is_open), None)

    def sign_off(self) -> None:
        """Ctrl+Shift+S: asks (1 signs), then signs the closed shift's report."""
        self.flush_pass_down()
        target = self._closed_target()
        if target is None:
            self.status.show_message(labels.service_error("shift_still_open"))
            return
        self.choice_bar.ask(
            translate(
                "Shifts",
                "Sign off the handover report of %1? Once signed it never changes; corrections are addenda.",
            ).replace("%1", shift_title(target, self.session.zone)),
            [("1", translate("Shifts", "Sign off"), target.id)],
            self._then(self.sign_now),
            QApplication.focusWidget(),
        )

    def sign_now(self, shift_id: int) -> bool:
        from dispatch.services import handover

        try:
            handover.sign_off(self.session.ctx, shift_id)
        except ServiceError as error:
            self._refused(error)
            return False
        self._picked = shift_id
        self.status.show_message(
            translate("Shifts", "Handover report signed. The incoming lead acknowledges it.")
        )
        self.refresh()
        return True

    def acknowledge(self) -> None:
        """Ctrl+Shift+T: asks (1 acknowledges), then the incoming lead acknowledges the signed report."""
        target = self._closed_target()
        if target is None:
            self.status.show_message(labels.service_error("handover_not_signed"))
            return
        self.choice_bar.ask(
            translate("Shifts", "Acknowledge the handover report of %1 as the incoming lead (%2)?")
            .replace("%1", shift_title(target, self.session.zone))
            .replace("%2", self.session.ctx.actor.full_name or self.session.ctx.actor.user_name),
            [("1", translate("Shifts", "Acknowledge"), target.id)],
            self._then(self.acknowledge_now),
            QApplication.focusWidget(),
        )

    def acknowledge_now(self, shift_id: int) -> bool:
        from dispatch.services import handover

        try:
            handover.acknowledge(self.session.ctx, shift_id)
        except ServiceError as error:
            self._refused(error)
            return False
        self._picked = shift_id
        self.status.show_message(translate("Shifts", "Handover report acknowledged."))
        self.refresh()
        return True

    def focus_addendum(self) -> None:
        """Ctrl+Shift+N: the addendum line under the signed report."""
        if self.stale:
            self.refresh()
        if self.signed is None:
            # Nothing to add to: the list, to pick a signed shift.
            self.status.show_message(labels.service_error("handover_not_signed"))
            focus_visibly(self.panel.shift_list)
            return
        focus_visibly(self.panel.addendum)

    def add_addendum_now(self, text: str) -> bool:
        from dispatch.services import handover

        shown = self.shown
        if shown is None:
            self.status.show_message(labels.service_error("handover_not_signed"))
            return False
        try:
            handover.add_addendum(self.session.ctx, shown.id, text)
        except ServiceError as error:
            self._refused(error)
            return False
        self.panel.addendum.clear()
        self.status.show_message(translate("Shifts", "Addendum added to the signed report."))
        self.refresh()
        return True

    # -- the report, for printing and saving (ui/presenters/report_output.py) ------------------------

    @property
    def report_widget(self) -> QWidget:
        return self.panel

    def report_title(self) -> str | None:
        """The report in words ("the handover report of Morning 2026-11-27 ..."), None without one;
        read now if it has not been read yet."""
        if self.stale or self.shown is None:
            self.refresh()
        if self.shown is None:
            return None
        if self.report_data is None or self.report_data_for != self.shown.id or self._reader.busy:
            from dispatch.reports.export import handover_document

            self.report_data = handover_document(self.session.ctx, self.shown.id)
            self.report_data_for = self.shown.id
        return translate("Shifts", "the handover report of %1").replace(
            "%1", shift_title(self.shown, self.session.zone)
        )

    def report_html(self) -> str | None:
        if self.report_data is None:
            return None
        from ui.reports.document import render_html

        return render_html("handover", self.report_data, self.session.lang, self.session.zone)

    def report_name(self) -> str:
        shown = self.shown
        if shown is None:
            return "handover"
        return f"handover-{shown.day.isoformat()}-{shown.code.value}"

    def export_bytes(self, fmt: str) -> bytes | None:
        """The report as CSV or JSON, the same bytes as ``dispatch-console report`` writes (a signed
        report's content is exactly what was signed)."""
        data = self.report_data
        if data is None:
            return None
        return document_bytes("handover", data, fmt, self.session.lang)

    @staticmethod
    def _then(step: Callable[[int], bool]) -> Callable[[object], None]:
        """A one-key choice's callback: the step run on the shift chosen."""

        def chosen(shift_id: object) -> None:
            assert isinstance(shift_id, int)
            step(shift_id)

        return chosen

    # -- words ------------------------------------------------------------------------------------------

    def _refused(self, error: ServiceError) -> None:
        self.status.show_message(labels.service_error(error.code))
