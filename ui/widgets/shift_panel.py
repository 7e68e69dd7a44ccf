"""The duty shift's panel: the shift shown, its buttons, pass-down, staff on duty and handover report.

A view only: the shift presenter (:mod:`ui.presenters.shift_work`) words and fills it and does
the work; the buttons ask the window to run the registry's actions (so a button and its key check
the same permission and say the same thing when they cannot run).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.choices import fill_choices

translate = QCoreApplication.translate

#: The state beside the pass-down editors: its words come with a mark, its colour is only a help.
SAVE_STATE_STYLE = {
    "saved": "color: #1b5e20; font-weight: bold;",
    "refused": "color: #b71c1c; font-weight: bold;",
    "pending": "color: #6d4c00; font-weight: bold;",
    "none": "color: palette(mid);",
}

#: The longest pass-down or planned-events text kept (a few screens of instructions).
MAX_PASS_DOWN = 4000


class _SaveOnLeave(QObject):
    """An editor that loses the focus, or gets Ctrl+Enter, asks for the pass-down to be saved."""

    def __init__(self, panel: ShiftPanel) -> None:
        super().__init__(panel)
        self._panel = panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._panel.pass_down_left.emit()
        elif event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self._panel.pass_down_left.emit()
                return True
        return False


class ShiftPanel(QWidget):
    """Signals:
    action_requested(str): a button for a registry action was pressed (its id).
    shift_chosen(int): another shift was picked from the list (its id).
    pass_down_left(): an editor of the pass-down lost the focus or got Ctrl+Enter (save it).
    pass_down_edited(): the pass-down text changed (not yet saved).
    addendum_entered(str): Enter in the addendum line.
    """

    action_requested = Signal(str)
    shift_chosen = Signal(int)
    pass_down_left = Signal()
    pass_down_edited = Signal()
    addendum_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        chooser = QHBoxLayout()
        self.shift_list = QComboBox()
        self.shift_list.setObjectName("shiftList")
        self.shift_list.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.shift_list.setMinimumContentsLength(18)
        self.shift_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        chooser_label = QLabel(translate("ShiftPanel", "Shift shown:"))
        chooser_label.setBuddy(self.shift_list)
        chooser.addWidget(chooser_label)
        chooser.addWidget(self.shift_list, 1)
        layout.addLayout(chooser)
        self.shift_list.activated.connect(self._chosen)

        self.heading = QLabel()
        self.heading.setObjectName("shiftHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        self.details = QLabel()
        self.details.setObjectName("shiftDetails")
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        self.handover_state = QLabel()
        self.handover_state.setObjectName("handoverState")
        self.handover_state.setWordWrap(True)
        self.handover_state.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.handover_state)

        # The actions' buttons: words with their keys; never focused by Tab (the keys are quicker).
        buttons = QGridLayout()
        buttons.setHorizontalSpacing(4)
        buttons.setVerticalSpacing(2)
        self.buttons: dict[str, QPushButton] = {}
        for place, (action_id, text) in enumerate(
            (
                ("openShift", translate("ShiftPanel", "Open shift (Ctrl+Shift+O)")),
                ("closeShift", translate("ShiftPanel", "Close shift (Ctrl+Shift+C)")),
                ("signOff", translate("ShiftPanel", "Sign off (Ctrl+Shift+S)")),
                ("acknowledgeHandover", translate("ShiftPanel", "Acknowledge (Ctrl+Shift+T)")),
                ("printReport", translate("ShiftPanel", "Print (Ctrl+Shift+P)")),
                ("exportReport", translate("ShiftPanel", "Save PDF/CSV/JSON (Ctrl+Shift+E)")),
            )
        ):
            button = QPushButton(text)
            button.setObjectName(f"{action_id}Button")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setToolTip(text)
            button.clicked.connect(lambda _checked=False, a=action_id: self.action_requested.emit(a))
            buttons.addWidget(button, place // 2, place % 2)
            self.buttons[action_id] = button
        layout.addLayout(buttons)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("shiftTabs")
        layout.addWidget(self.tabs, 1)

        # -- the handover report, and an addendum once it is signed
        report_page = QWidget()
        report_layout = QVBoxLayout(report_page)
        report_layout.setContentsMargins(0, 4, 0, 0)
        self.report = QTextBrowser()
        self.report.setObjectName("handoverReport")
        self.report.setOpenLinks(False)
        report_layout.addWidget(self.report, 1)
        addendum_row = QHBoxLayout()
        self.addendum = QLineEdit()
        self.addendum.setObjectName("addendumEntry")
        self.addendum.setMaxLength(2000)
        self.addendum.setPlaceholderText(
            translate("ShiftPanel", "Addendum to the signed report (Enter saves it)")
        )
        self.addendum.returnPressed.connect(lambda: self.addendum_entered.emit(self.addendum.text()))
        addendum_label = QLabel(translate("ShiftPanel", "Addendum:"))
        addendum_label.setBuddy(self.addendum)
        addendum_row.addWidget(addendum_label)
        addendum_row.addWidget(self.addendum, 1)
        report_layout.addLayout(addendum_row)
        self.tabs.addTab(report_page, translate("ShiftPanel", "Handover report"))

        # -- pass-down instructions and planned events, saved as the editor is left
        pass_down_page = QWidget()
        pass_down_layout = QFormLayout(pass_down_page)
        pass_down_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.pass_down = self._editor("passDown")
        self.planned_events = self._editor("plannedEvents")
        self.save_state = QLabel()
        self.save_state.setObjectName("passDownState")
        self.save_state.setWordWrap(True)
        pass_down_layout.addRow(translate("ShiftPanel", "Pass-down instructions:"), self.pass_down)
        pass_down_layout.addRow(translate("ShiftPanel", "Planned events:"), self.planned_events)
        pass_down_layout.addRow(self.save_state)
        hint = QLabel(translate("ShiftPanel", "Saved when you leave a field (Tab) or press Ctrl+Enter."))
        hint.setWordWrap(True)
        pass_down_layout.addRow(hint)
        self.tabs.addTab(pass_down_page, translate("ShiftPanel", "Pass-down"))

        # -- who is on duty
        self.staff = QTableWidget(0, 5)
        self.staff.setObjectName("staffOnDuty")
        self.staff.setHorizontalHeaderLabels(
            [
                translate("ShiftPanel", "Name"),
                translate("ShiftPanel", "Role"),
                translate("ShiftPanel", "Console"),
                translate("ShiftPanel", "Position"),
                translate("ShiftPanel", "From - to"),
            ]
        )
        self.staff.verticalHeader().hide()
        self.staff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.staff.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.staff.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.staff.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.staff, translate("ShiftPanel", "Staff on duty"))
        self.set_save_state("none", "")

    def _editor(self, name: str) -> QPlainTextEdit:
        editor = QPlainTextEdit()
        editor.setObjectName(name)
        editor.setTabChangesFocus(True)
        editor.setMinimumHeight(80)
        editor.installEventFilter(_SaveOnLeave(self))
        editor.textChanged.connect(self.pass_down_edited.emit)
        return editor

    def _chosen(self, index: int) -> None:
        shift_id = self.shift_list.itemData(index)
        if isinstance(shift_id, int):
            self.shift_chosen.emit(shift_id)

    # -- filled by the presenter -------------------------------------------------------------------

    def show_shift_list(self, items: Sequence[tuple[int, str]], current: int | None) -> None:
        """The shifts to choose from, (id, words), newest first; ``current`` selected."""
        choices: list[tuple[str, object]] = [(text, shift_id) for shift_id, text in items]
        fill_choices(
            self.shift_list, choices or [(translate("ShiftPanel", "No shift opened yet"), None)], current
        )

    def show_heading(self, heading: str, details: str, handover: str) -> None:
        self.heading.setText(heading)
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.handover_state.setText(handover)
        self.handover_state.setVisible(bool(handover))

    def show_pass_down(self, pass_down: str, planned_events: str, editable: bool) -> None:
        """The texts as stored (the editors keep the cursor where it was when nothing changed)."""
        for editor, text in ((self.pass_down, pass_down), (self.planned_events, planned_events)):
            if editor.toPlainText() != text:
                editor.blockSignals(True)
                editor.setPlainText(text)
                editor.blockSignals(False)
            editor.setReadOnly(not editable)

    def pass_down_texts(self) -> tuple[str, str]:
        return self.pass_down.toPlainText(), self.planned_events.toPlainText()

    def set_save_state(self, state: str, text: str) -> None:
        """``state``: saved / refused / pending / none; ``text`` says it in words (with a mark)."""
        self.save_state.setProperty("state", state)
        self.save_state.setStyleSheet(SAVE_STATE_STYLE[state])
        self.save_state.setText(text)

    def show_staff(self, rows: Sequence[Sequence[str]]) -> None:
        self.staff.setRowCount(len(rows))
        for row_number, row in enumerate(rows):
            for column, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.staff.setItem(row_number, column, item)

    def show_report(self, html: str) -> None:
        scroll = self.report.verticalScrollBar().value()
        self.report.setHtml(html)
        self.report.verticalScrollBar().setValue(scroll)

    def set_buttons(self, enabled: dict[str, bool]) -> None:
        """Buttons that cannot do anything for the shift shown are greyed (their keys say why)."""
        for action_id, button in self.buttons.items():
            button.setEnabled(enabled.get(action_id, True))
