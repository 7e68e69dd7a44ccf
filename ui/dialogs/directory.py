"""The agency directory and the camera registry (Console menu): the supervisor's editor.

Two tabs, Agencies and Cameras, each a table over a form with every field's problem next to it, and
CSV import (what the file would do, and every refused row with its line and reason, shown before
anything is written) and export, like the unit roster's editor (:mod:`ui.dialogs.roster`, whose words
for a file that is not a table it shares). Nothing is deleted: an agency or a camera is deactivated.

A registry of 20,000 cameras is a table model over the rows (no item per cell), filtered in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dispatch.domain.agencies import (
    AGENCY_FIELDS,
    AgencyProblem,
    AgencyReach,
    AgencyRejected,
    agency_to_text,
    format_duration,
)
from dispatch.domain.areas import area_index
from dispatch.domain.cameras import (
    CAMERA_FIELDS,
    CameraProblem,
    CameraRejected,
    camera_from_text,
    camera_to_text,
)
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.codes import Refusal
from dispatch.domain.csv_files import CsvFileError, CsvProblem, RefusedRow
from dispatch.domain.enums import AgencyType
from dispatch.services import agencies, camera_registry
from dispatch.services.agencies import AgencyImport, AgencyView
from dispatch.services.camera_registry import CameraImport, CameraView
from dispatch.services.context import ServiceContext, ServiceError
from ui import labels
from ui.dialogs import roster

translate = QCoreApplication.translate

RowIdRole = Qt.ItemDataRole.UserRole + 21
_ERROR_STYLE = "color: #b71c1c;"
_HINT_STYLE = "color: #555555;"

Row = TypeVar("Row", AgencyView, CameraView)


def agency_problem_text(problem: AgencyProblem) -> str:
    return {
        AgencyProblem.MISSING: translate("DirectoryDialog", "Required."),
        AgencyProblem.TOO_LONG: translate("DirectoryDialog", "Too long."),
        AgencyProblem.CONTROL_CHARACTERS: translate("DirectoryDialog", "Contains control characters."),
        AgencyProblem.NOT_A_CODE: translate(
            "DirectoryDialog", "Letters, digits, '.', '_' and '-' only (e.g. DAMKAR-SMG)."
        ),
        AgencyProblem.UNKNOWN_TYPE: translate("DirectoryDialog", "Unknown agency type."),
        AgencyProblem.UNKNOWN_REACH: translate("DirectoryDialog", "Write forward or room."),
        AgencyProblem.NOT_AN_AREA_CODE: translate(
            "DirectoryDialog", "Not an area code (e.g. 33.74 for a kota, 33.74.10 for a kecamatan)."
        ),
        AgencyProblem.UNKNOWN_AREA: translate("DirectoryDialog", "No such area."),
        AgencyProblem.UNKNOWN_CATEGORY: translate("DirectoryDialog", "No such incident category."),
        AgencyProblem.REPEATED: translate("DirectoryDialog", "Listed twice."),
        AgencyProblem.NOT_A_PHONE: translate("DirectoryDialog", "Not a phone number."),
        AgencyProblem.NOT_AN_SMS_NUMBER: translate(
            "DirectoryDialog", "Not a number an SMS can be sent to (e.g. 0812-3456-7890)."
        ),
        AgencyProblem.NOT_A_DURATION: translate("DirectoryDialog", "Not a duration (e.g. 5 min, 90 s, 1 h)."),
        AgencyProblem.OUT_OF_RANGE: translate("DirectoryDialog", "Between 30 seconds and 24 hours."),
        AgencyProblem.NOT_YES_OR_NO: translate("DirectoryDialog", "Write yes or no."),
        AgencyProblem.DUPLICATE_CODE: translate("DirectoryDialog", "Code used by an earlier row."),
    }[problem]


def camera_problem_text(problem: CameraProblem) -> str:
    return {
        CameraProblem.MISSING: translate("DirectoryDialog", "Required."),
        CameraProblem.TOO_LONG: translate("DirectoryDialog", "Too long."),
        CameraProblem.CONTROL_CHARACTERS: translate("DirectoryDialog", "Contains control characters."),
        CameraProblem.NOT_A_CODE: translate("DirectoryDialog", "No spaces in a camera id."),
        CameraProblem.NOT_A_NUMBER: translate("DirectoryDialog", "Not a decimal number (e.g. -6.9893)."),
        CameraProblem.OUT_OF_RANGE: translate(
            "DirectoryDialog", "Out of range (latitude -90..90, longitude -180..180)."
        ),
        CameraProblem.NOT_A_STREAM_URL: translate(
            "DirectoryDialog", "Not a stream address (rtsp://, rtsps://, http:// or https://)."
        ),
        CameraProblem.NO_HOST: translate("DirectoryDialog", "The stream address names no host."),
        CameraProblem.NOT_YES_OR_NO: translate("DirectoryDialog", "Write yes or no."),
        CameraProblem.DUPLICATE_CODE: translate("DirectoryDialog", "Camera id used by an earlier row."),
    }[problem]


def refused_row_text(row: RefusedRow) -> str:
    """``Line 4 (BAD-1), agency_type: Unknown agency type. 'army'``."""
    return roster.refused_row_words(row.line, row.key, row.column, row.value, _problem_text(row.problem))


def _problem_text(problem: object) -> str:
    if isinstance(problem, AgencyProblem):
        return agency_problem_text(problem)
    if isinstance(problem, CameraProblem):
        return camera_problem_text(problem)
    if isinstance(problem, CsvProblem):
        return roster.problem_text(problem)
    return str(problem)


def _yes_no(active: bool) -> str:
    return translate("DirectoryDialog", "yes") if active else translate("DirectoryDialog", "no")


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    text: Callable[[Row], str]


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Immutable rows shown through column functions; a typed filter keeps the rows containing it.

    The filter runs over one lower-case text per row made once, not over the model's cells: 20,000
    cameras are filtered at each keystroke without asking the view for 140,000 cells.
    """

    def __init__(self, columns: Sequence[Column[Row]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns: list[Column[Row]] = list(columns)
        self._all: list[Row] = []
        self._haystacks: list[str] = []
        self._rows: list[Row] = []
        self._filter = ""

    def set_rows(self, rows: Sequence[Row]) -> None:
        self._all = list(rows)
        self._haystacks = [
            "\t".join(column.text(row) for column in self._columns).casefold() for row in self._all
        ]
        self._apply()

    def set_filter(self, text: str) -> None:
        self._filter = text.strip().casefold()
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        if self._filter:
            self._rows = [
                row for row, hay in zip(self._all, self._haystacks, strict=True) if self._filter in hay
            ]
        else:
            self._rows = list(self._all)
        self.endResetModel()

    @property
    def total(self) -> int:
        """Rows before the filter."""
        return len(self._all)

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: int) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == row_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._columns):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()].text(row)
        if role == RowIdRole:
            return row.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        return None


class _RegistryTab(QWidget, Generic[Row]):
    """What both tabs share: filter, table, form with problems, buttons, the import report."""

    #: Object-name prefix of the tab's widgets ("agency", "camera").
    prefix = ""
    #: The form's field names, the CSV columns.
    field_names: tuple[str, ...] = ()

    def __init__(self, ctx: ServiceContext, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.editable = editable
        self._editing: Row | None = None
        self._pending: bytes | None = None
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QLineEdit] = {}
        self.active_label = QLabel()
        self.active_label.setObjectName(f"{self.prefix}Active")

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName(f"{self.prefix}Filter")
        self.filter.setClearButtonEnabled(True)
        filter_label = QLabel(translate("DirectoryDialog", "&Filter"))
        filter_label.setBuddy(self.filter)
        top.addWidget(filter_label)
        top.addWidget(self.filter, 1)
        self.count = QLabel()
        self.count.setObjectName(f"{self.prefix}Count")
        top.addWidget(self.count)
        layout.addLayout(top)

        self.model: RowsModel[Row] = RowsModel(self.columns(), self)
        self.filter.textChanged.connect(self._filter_changed)
        self.table = QTableView()
        self.table.setObjectName(f"{self.prefix}Table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        layout.addWidget(self.table, 3)

        for name in self.field_names:
            self.errors[name] = error = QLabel()
            error.setObjectName(f"{self.prefix}_{name}_error")
            error.setStyleSheet(_ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
        form = self.build_form()
        layout.addWidget(form)
        layout.addLayout(self._build_buttons())

        self.report = QPlainTextEdit()
        self.report.setObjectName(f"{self.prefix}ImportReport")
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(96)
        self.report.hide()
        layout.addWidget(self.report)
        self.message = QLabel()
        self.message.setObjectName(f"{self.prefix}Message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        for widget in self.inputs():
            widget.setEnabled(editable)
        chain = [self.filter, self.table, *self.tab_chain(), *self.buttons]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- what each tab says -----------------------------------------------------------------------

    def columns(self) -> list[Column[Row]]:
        raise NotImplementedError

    def build_form(self) -> QWidget:
        raise NotImplementedError

    def inputs(self) -> list[QWidget]:
        return list(self.fields.values())

    def tab_chain(self) -> list[QWidget]:
        """The form's fields in the order Tab visits them."""
        return list(self.fields.values())

    def load(self) -> list[Row]:
        raise NotImplementedError

    def fill(self, row: Row) -> None:
        raise NotImplementedError

    def clear_fields(self) -> None:
        for edit in self.fields.values():
            edit.clear()

    def first_field(self) -> QWidget:
        raise NotImplementedError

    def saved(self, texts: dict[str, str], current: Row | None) -> Row | None:
        """Save the form; None (problems shown) when it was not saved."""
        raise NotImplementedError

    def activate(self, row: Row, active: bool) -> Row:
        raise NotImplementedError

    def key_of(self, row: Row) -> str:
        return str(getattr(row, "code", row.id))

    def preview(self, data: bytes) -> AgencyImport | CameraImport:
        raise NotImplementedError

    def apply(self, data: bytes) -> AgencyImport | CameraImport:
        raise NotImplementedError

    def export(self) -> tuple[bytes, int]:
        raise NotImplementedError

    def words(self) -> dict[str, str]:
        """The tab's own sentences (what is imported, added, saved)."""
        raise NotImplementedError

    # -- construction -----------------------------------------------------------------------------

    def with_error(self, widget: QWidget, name: str, hint: QLabel | None = None) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(widget)
        if hint is not None:
            column.addWidget(hint)
        column.addWidget(self.errors[name])
        return holder

    def line_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"{self.prefix}_{name}")
        self.fields[name] = edit
        return edit

    def add_row(
        self, form: QFormLayout, text: str, widget: QWidget, name: str, hint: QLabel | None = None
    ) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        form.addRow(label, self.with_error(widget, name, hint))

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        words = self.words()
        self.new_button = QPushButton(words["new"])
        self.save_button = QPushButton(translate("DirectoryDialog", "&Save"))
        self.active_button = QPushButton(translate("DirectoryDialog", "&Deactivate"))
        self.import_button = QPushButton(translate("DirectoryDialog", "&Import CSV…"))
        self.apply_button = QPushButton(translate("DirectoryDialog", "Appl&y import"))
        self.export_button = QPushButton(translate("DirectoryDialog", "&Export CSV…"))
        for name, button in (
            ("New", self.new_button),
            ("Save", self.save_button),
            ("ActiveToggle", self.active_button),
            ("Import", self.import_button),
            ("ApplyImport", self.apply_button),
            ("Export", self.export_button),
        ):
            button.setObjectName(f"{self.prefix}{name}")
            button.setAutoDefault(False)
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.active_button.clicked.connect(self.toggle_active)
        self.import_button.clicked.connect(self.choose_import_file)
        self.apply_button.clicked.connect(self.apply_import)
        self.export_button.clicked.connect(self.choose_export_file)
        for button in (self.new_button, self.save_button, self.import_button):
            button.setEnabled(self.editable)
        self.active_button.setEnabled(False)
        self.apply_button.setEnabled(False)
        return row

    # -- table and form ---------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        self.model.set_rows(self.load())
        self._show_count()
        self.table.resizeColumnsToContents()
        if select_id is not None:
            self.select(select_id)

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(
            translate("DirectoryDialog", "%1 of %2")
            .replace("%1", str(self.model.rowCount()))
            .replace("%2", str(self.model.total))
        )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is not None:
            self._fill_row(row)

    def select(self, row_id: int) -> None:
        position = self.model.row_of(row_id)
        if position < 0:
            return
        self.table.selectRow(position)
        self.table.scrollTo(self.model.index(position, 0))
        row = self.model.row_at(position)
        if row is not None:
            self._fill_row(row)

    def _fill_row(self, row: Row) -> None:
        self._editing = row
        self.fill(row)
        self.active_label.setText(
            translate("DirectoryDialog", "yes")
            if row.active
            else translate("DirectoryDialog", "no (deactivated)")
        )
        self.active_button.setText(
            translate("DirectoryDialog", "&Deactivate")
            if row.active
            else translate("DirectoryDialog", "Reacti&vate")
        )
        self.active_button.setEnabled(self.editable)
        self.show_problems({})

    def new(self) -> None:
        """An empty form: Save adds."""
        self._editing = None
        self.clear_fields()
        self.active_label.setText(translate("DirectoryDialog", "yes"))
        self.active_button.setText(translate("DirectoryDialog", "&Deactivate"))
        self.active_button.setEnabled(False)
        self.table.clearSelection()
        self.show_problems({})
        if self.editable:
            self.first_field().setFocus()

    def show_problems(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)

    def save(self) -> None:
        texts = self.form_text()
        current = self._editing
        texts["active"] = "yes" if current is None or current.active else "no"
        saved = self.saved(texts, current)
        if saved is None:
            return
        self.show_problems({})
        self.reload(saved.id)
        done = self.words()["added" if current is None else "saved"]
        self.say(done.replace("%1", self.key_of(saved)))

    def form_text(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.fields.items()}

    def refused(self, rejected: AgencyRejected | CameraRejected) -> None:
        problems: dict[str, str] = {}
        for name, problem in rejected.problems.items():
            value = rejected.values.get(name, "")
            problems[name] = _problem_text(problem) + (f" {value!r}" if value else "")
        self.show_problems(problems)
        self.say(translate("DirectoryDialog", "Not saved: correct the fields marked."), error=True)

    def service_refused(self, error: ServiceError, code_field: str, taken: Refusal) -> None:
        if error.code == taken:
            self.show_problems({code_field: labels.service_error(error.code)})
        self.say(labels.service_error(error.code), error=True)

    def toggle_active(self) -> None:
        current = self._editing
        if current is None:
            return
        try:
            row = self.activate(current, not current.active)
        except ServiceError as error:
            self.say(labels.service_error(error.code), error=True)
            return
        self.reload(row.id)
        text = self.words()["reactivated" if row.active else "deactivated"]
        self.say(text.replace("%1", self.key_of(row)))

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(_ERROR_STYLE if error else "")

    # -- CSV --------------------------------------------------------------------------------------

    def choose_import_file(self) -> None:
        """A Qt file dialog (not the platform's), so that it is driven by keys like the rest."""
        chooser = QFileDialog(self, self.words()["import_title"])
        chooser.setObjectName(f"{self.prefix}ImportFile")
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setNameFilter(translate("DirectoryDialog", "CSV files (*.csv);;All files (*)"))
        chooser.fileSelected.connect(self.import_file)
        chooser.open()

    def import_file(self, path: str) -> None:
        """Read the file and show what it would do; nothing is written until Apply import."""
        self._pending = None
        self.apply_button.setEnabled(False)
        try:
            data = Path(path).read_bytes()
            preview = self.preview(data)
        except OSError as error:
            self._report([translate("DirectoryDialog", "Cannot read the file: %1").replace("%1", str(error))])
            return
        except CsvFileError as error:
            line = translate("DirectoryDialog", "Line %1").replace("%1", str(error.line))
            column = f", {error.column}" if error.column else ""
            self._report(
                [self.words()["not_a_file"], f"{line}{column}: {roster.problem_text(error.problem)}"]
            )
            return
        lines = [self._counts(self.words()["would"], preview).replace("%0", Path(path).name)]
        lines += [refused_row_text(row) for row in preview.rejected]
        if preview.added or preview.updated:
            self._pending = data
            self.apply_button.setEnabled(self.editable)
            lines.append(
                translate("DirectoryDialog", "Alt+Y applies the import; rejected rows are left out.")
            )
        self._report(lines)

    def apply_import(self) -> None:
        data = self._pending
        if data is None:
            return
        try:
            report = self.apply(data)
        except ServiceError as error:
            self.say(labels.service_error(error.code), error=True)
            return
        except CsvFileError as error:  # the file was read at the preview: this cannot happen
            self.say(roster.problem_text(error.problem), error=True)
            return
        self._pending = None
        self.apply_button.setEnabled(False)
        lines = [self._counts(self.words()["did"], report)]
        lines += [refused_row_text(row) for row in report.rejected]
        self._report(lines)
        self.reload()

    @staticmethod
    def _counts(text: str, report: AgencyImport | CameraImport) -> str:
        return (
            text.replace("%1", str(len(report.added)))
            .replace("%2", str(len(report.updated)))
            .replace("%3", str(len(report.unchanged)))
            .replace("%4", str(report.rejected_lines))
        )

    def _report(self, lines: list[str]) -> None:
        self.report.setPlainText("\n".join(lines))
        self.report.show()
        self.say(lines[0], error=lines[0] == self.words()["not_a_file"])

    def choose_export_file(self) -> None:
        chooser = QFileDialog(self, self.words()["export_title"])
        chooser.setObjectName(f"{self.prefix}ExportFile")
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("csv")
        chooser.setNameFilter(translate("DirectoryDialog", "CSV files (*.csv)"))
        chooser.fileSelected.connect(self.export_file)
        chooser.open()

    def export_file(self, path: str) -> None:
        data, count = self.export()
        try:
            Path(path).write_bytes(data)  # UTF-8 with a byte-order mark: Excel reads it as UTF-8
        except OSError as error:
            self.say(translate("DirectoryDialog", "Not exported: %1").replace("%1", str(error)), error=True)
            return
        self.say(self.words()["exported"].replace("%1", str(count)).replace("%2", path))


class AgenciesTab(_RegistryTab[AgencyView]):
    """The agency directory: whom to call for which categories in which areas, and how."""

    prefix = "agency"
    field_names = AGENCY_FIELDS

    def __init__(self, ctx: ServiceContext, editable: bool, catalogue: Catalogue, lang: str) -> None:
        self._catalogue = catalogue
        self._lang = lang
        super().__init__(ctx, editable)

    def columns(self) -> list[Column[AgencyView]]:
        return [
            Column(translate("DirectoryDialog", "Code"), lambda a: a.code),
            Column(translate("DirectoryDialog", "Name"), lambda a: a.name),
            Column(translate("DirectoryDialog", "Type"), lambda a: labels.agency(a.agency_type)),
            Column(translate("DirectoryDialog", "Reach"), lambda a: labels.agency_reach(a.reach)),
            Column(
                translate("DirectoryDialog", "Areas"), lambda a: ", ".join(_area_name(c) for c in a.areas)
            ),
            Column(
                translate("DirectoryDialog", "Categories"),
                lambda a: ", ".join(a.categories) or translate("DirectoryDialog", "by type"),
            ),
            Column(translate("DirectoryDialog", "Phones"), lambda a: ", ".join(a.phones)),
            Column(translate("DirectoryDialog", "SMS"), lambda a: a.sms_number),
            Column(translate("DirectoryDialog", "Acknowledge"), lambda a: format_duration(a.ack_limit_s)),
            Column(translate("DirectoryDialog", "Active"), lambda a: _yes_no(a.active)),
        ]

    def build_form(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        left = QFormLayout()
        middle = QFormLayout()
        right = QFormLayout()
        # The categories' names need the column's width: their label goes above them.
        right.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.agency_type = QComboBox()
        self.agency_type.setObjectName("agency_agency_type")
        for agency_type in AgencyType:
            self.agency_type.addItem(labels.agency(agency_type), agency_type.value)
        self.reach = QComboBox()
        self.reach.setObjectName("agency_reach")
        for reach in AgencyReach:
            self.reach.addItem(labels.agency_reach(reach), reach.value)
        self.categories = QListWidget()
        self.categories.setObjectName("agency_categories")
        for category in self._catalogue:
            item = QListWidgetItem(f"{category.code} · {category.label(self._lang)}")
            item.setData(Qt.ItemDataRole.UserRole, category.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        self.categories.setMaximumHeight(128)
        self.categories.setToolTip(
            translate("DirectoryDialog", "None ticked: the categories whose agencies include its type.")
        )
        self.areas_hint = QLabel()
        self.areas_hint.setObjectName("agency_areas_hint")
        self.areas_hint.setStyleSheet(_HINT_STYLE)
        self.areas_hint.setWordWrap(True)

        self.add_row(left, translate("DirectoryDialog", "&Code"), self.line_edit("code"), "code")
        self.add_row(left, translate("DirectoryDialog", "&Name"), self.line_edit("name"), "name")
        self.add_row(left, translate("DirectoryDialog", "Agency &type"), self.agency_type, "agency_type")
        self.add_row(left, translate("DirectoryDialog", "&Reach"), self.reach, "reach")
        areas = self.line_edit("areas")
        areas.setPlaceholderText(translate("DirectoryDialog", "33.74.10; 33.74.11 (kecamatan), 33.74 (kota)"))
        areas.textChanged.connect(self._show_area_names)
        self.add_row(left, translate("DirectoryDialog", "Area c&odes"), areas, "areas", self.areas_hint)

        phones = self.line_edit("phones")
        phones.setPlaceholderText(translate("DirectoryDialog", "in the order to try, ; between"))
        self.add_row(middle, translate("DirectoryDialog", "&Phones"), phones, "phones")
        self.add_row(
            middle, translate("DirectoryDialog", "SMS n&umber"), self.line_edit("sms_number"), "sms_number"
        )
        self.add_row(middle, translate("DirectoryDialog", "Radio c&hannel"), self.line_edit("radio"), "radio")
        hours = self.line_edit("hours")
        hours.setPlaceholderText(translate("DirectoryDialog", "24 jam, or 07.00-16.00"))
        self.add_row(middle, translate("DirectoryDialog", "&Business hours"), hours, "hours")
        ack = self.line_edit("ack_limit")
        ack.setPlaceholderText(translate("DirectoryDialog", "5 min (30 s to 24 h)"))
        self.add_row(middle, translate("DirectoryDialog", "Ac&knowledge within"), ack, "ack_limit")
        self.add_row(
            middle, translate("DirectoryDialog", "Note for the ca&ll-taker"), self.line_edit("note"), "note"
        )

        self.add_row(
            right, translate("DirectoryDialog", "Cate&gories (Space ticks)"), self.categories, "categories"
        )
        right.addRow(translate("DirectoryDialog", "Active"), self.with_error(self.active_label, "active"))
        grid.addLayout(left, 0, 0)
        grid.addLayout(middle, 0, 1)
        grid.addLayout(right, 0, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 3)
        return box

    def inputs(self) -> list[QWidget]:
        return [*self.fields.values(), self.agency_type, self.reach, self.categories]

    def first_field(self) -> QWidget:
        return self.fields["code"]

    def tab_chain(self) -> list[QWidget]:
        fields = self.fields
        return [
            fields["code"],
            fields["name"],
            self.agency_type,
            self.reach,
            fields["areas"],
            fields["phones"],
            fields["sms_number"],
            fields["radio"],
            fields["hours"],
            fields["ack_limit"],
            fields["note"],
            self.categories,
        ]

    def load(self) -> list[AgencyView]:
        return agencies.agencies(self._ctx)

    def fill(self, row: AgencyView) -> None:
        texts = agency_to_text(row.spec)
        for name, edit in self.fields.items():
            edit.setText(texts[name])
        self.agency_type.setCurrentIndex(max(0, self.agency_type.findData(row.agency_type.value)))
        self.reach.setCurrentIndex(max(0, self.reach.findData(row.reach.value)))
        for index in range(self.categories.count()):
            item = self.categories.item(index)
            ticked = item.data(Qt.ItemDataRole.UserRole) in row.categories
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def clear_fields(self) -> None:
        super().clear_fields()
        self.agency_type.setCurrentIndex(0)
        self.reach.setCurrentIndex(0)
        for index in range(self.categories.count()):
            self.categories.item(index).setCheckState(Qt.CheckState.Unchecked)

    def form_text(self) -> dict[str, str]:
        texts = super().form_text()
        texts["agency_type"] = str(self.agency_type.currentData())
        texts["reach"] = str(self.reach.currentData())
        texts["categories"] = ";".join(
            str(self.categories.item(index).data(Qt.ItemDataRole.UserRole))
            for index in range(self.categories.count())
            if self.categories.item(index).checkState() == Qt.CheckState.Checked
        )
        return texts

    def saved(self, texts: dict[str, str], current: AgencyView | None) -> AgencyView | None:
        try:
            spec = agencies.agency_from_form(texts)
        except AgencyRejected as rejected:
            self.refused(rejected)
            return None
        try:
            if current is None:
                return agencies.create_agency(self._ctx, spec)
            return agencies.update_agency(self._ctx, current.id, spec)
        except ServiceError as error:
            self.service_refused(error, "code", Refusal.AGENCY_CODE_TAKEN)
            return None

    def activate(self, row: AgencyView, active: bool) -> AgencyView:
        return agencies.set_agency_active(self._ctx, row.id, active)

    def preview(self, data: bytes) -> AgencyImport:
        return agencies.preview_import(self._ctx, data)

    def apply(self, data: bytes) -> AgencyImport:
        return agencies.import_agencies(self._ctx, data)

    def export(self) -> tuple[bytes, int]:
        return agencies.export_agencies(self._ctx), self.model.total

    def _show_area_names(self, text: str) -> None:
        names = [
            _area_name(code) for code in text.replace(",", ";").replace("|", ";").split(";") if code.strip()
        ]
        self.areas_hint.setText(", ".join(names))
        self.areas_hint.setVisible(bool(names))

    def words(self) -> dict[str, str]:
        return {
            "new": translate("DirectoryDialog", "Ne&w agency"),
            "added": translate("DirectoryDialog", "Agency %1 added."),
            "saved": translate("DirectoryDialog", "Agency %1 saved."),
            "deactivated": translate(
                "DirectoryDialog", "%1 is deactivated (kept on record, no longer offered)."
            ),
            "reactivated": translate("DirectoryDialog", "%1 is offered again."),
            "import_title": translate("DirectoryDialog", "Import agencies from CSV"),
            "export_title": translate("DirectoryDialog", "Export agencies to CSV"),
            "not_a_file": translate(
                "DirectoryDialog", "Nothing imported: the file is not an agency directory."
            ),
            "would": translate(
                "DirectoryDialog", "%0: agencies to add %1, to update %2, unchanged %3; rows rejected %4."
            ),
            "did": translate(
                "DirectoryDialog", "Imported: agencies added %1, updated %2, unchanged %3; rows rejected %4."
            ),
            "exported": translate("DirectoryDialog", "Agencies exported to %2: %1."),
        }


class CamerasTab(_RegistryTab[CameraView]):
    """The camera registry: where each camera is and what it streams."""

    prefix = "camera"
    field_names = CAMERA_FIELDS

    def columns(self) -> list[Column[CameraView]]:
        return [
            Column(translate("DirectoryDialog", "Camera id"), lambda c: c.code),
            Column(translate("DirectoryDialog", "Name"), lambda c: c.name),
            Column(translate("DirectoryDialog", "Owner"), lambda c: c.owner),
            Column(translate("DirectoryDialog", "Latitude"), lambda c: f"{c.lat:.6f}"),
            Column(translate("DirectoryDialog", "Longitude"), lambda c: f"{c.lon:.6f}"),
            Column(translate("DirectoryDialog", "Active"), lambda c: _yes_no(c.active)),
            Column(translate("DirectoryDialog", "Stream"), lambda c: c.shown_url),
        ]

    def build_form(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        left = QFormLayout()
        right = QFormLayout()
        self.add_row(left, translate("DirectoryDialog", "&Camera id"), self.line_edit("id"), "id")
        self.add_row(left, translate("DirectoryDialog", "&Name"), self.line_edit("name"), "name")
        self.add_row(left, translate("DirectoryDialog", "&Owner"), self.line_edit("owner"), "owner")
        lat = self.line_edit("lat")
        lat.setPlaceholderText("-6.9905")
        self.add_row(right, translate("DirectoryDialog", "&Latitude"), lat, "lat")
        lon = self.line_edit("lon")
        lon.setPlaceholderText("110.4228")
        self.add_row(right, translate("DirectoryDialog", "Lon&gitude"), lon, "lon")
        url = self.line_edit("stream_url")
        url.setPlaceholderText("rtsp://…, http://…/mjpeg, https://…/index.m3u8")
        self.add_row(right, translate("DirectoryDialog", "Stream &URL"), url, "stream_url")
        right.addRow(translate("DirectoryDialog", "Active"), self.with_error(self.active_label, "active"))
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        return box

    def first_field(self) -> QWidget:
        return self.fields["id"]

    def load(self) -> list[CameraView]:
        return camera_registry.cameras(self._ctx, include_inactive=True)

    def fill(self, row: CameraView) -> None:
        texts = camera_to_text(row.spec)
        for name, edit in self.fields.items():
            edit.setText(texts[name])

    def saved(self, texts: dict[str, str], current: CameraView | None) -> CameraView | None:
        try:
            spec = camera_from_text(texts)
        except CameraRejected as rejected:
            self.refused(rejected)
            return None
        try:
            if current is None:
                return camera_registry.create_camera(self._ctx, spec)
            return camera_registry.update_camera(self._ctx, current.id, spec)
        except ServiceError as error:
            self.service_refused(error, "id", Refusal.CAMERA_CODE_TAKEN)
            return None

    def activate(self, row: CameraView, active: bool) -> CameraView:
        return camera_registry.set_camera_active(self._ctx, row.id, active)

    def preview(self, data: bytes) -> CameraImport:
        return camera_registry.preview_import(self._ctx, data)

    def apply(self, data: bytes) -> CameraImport:
        return camera_registry.import_cameras(self._ctx, data)

    def export(self) -> tuple[bytes, int]:
        return camera_registry.export_cameras(self._ctx), self.model.total

    def words(self) -> dict[str, str]:
        return {
            "new": translate("DirectoryDialog", "Ne&w camera"),
            "added": translate("DirectoryDialog", "Camera %1 added."),
            "saved": translate("DirectoryDialog", "Camera %1 saved."),
            "deactivated": translate(
                "DirectoryDialog", "%1 is deactivated (kept on record, no longer offered)."
            ),
            "reactivated": translate("DirectoryDialog", "%1 is offered again."),
            "import_title": translate("DirectoryDialog", "Import cameras from CSV"),
            "export_title": translate("DirectoryDialog", "Export cameras to CSV"),
            "not_a_file": translate("DirectoryDialog", "Nothing imported: the file is not a camera list."),
            "would": translate(
                "DirectoryDialog", "%0: cameras to add %1, to update %2, unchanged %3; rows rejected %4."
            ),
            "did": translate(
                "DirectoryDialog", "Imported: cameras added %1, updated %2, unchanged %3; rows rejected %4."
            ),
            "exported": translate("DirectoryDialog", "Cameras exported to %2: %1."),
        }


class DirectoryDialog(QDialog):
    """The supervisor's editor of the agency directory and the camera registry."""

    def __init__(
        self, ctx: ServiceContext, catalogue: Catalogue, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("directoryDialog")
        self.setWindowTitle(translate("DirectoryDialog", "Agency directory and cameras"))
        editable = agencies.can_edit(ctx)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("directoryTabs")
        self.agencies = AgenciesTab(ctx, editable, catalogue, lang)
        self.cameras = CamerasTab(ctx, editable)
        self.tabs.addTab(self.agencies, translate("DirectoryDialog", "&Agencies"))
        self.tabs.addTab(self.cameras, translate("DirectoryDialog", "Ca&meras"))
        layout.addWidget(self.tabs)
        bottom = QHBoxLayout()
        if not editable:
            read_only = QLabel(
                translate("DirectoryDialog", "Read only: only a supervisor edits the directory.")
            )
            read_only.setObjectName("directoryReadOnly")
            bottom.addWidget(read_only)
        bottom.addStretch(1)
        close_button = QPushButton(translate("DirectoryDialog", "Close"))
        close_button.setObjectName("directoryClose")
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        bottom.addWidget(close_button)
        layout.addLayout(bottom)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.resize(1300, 720)
        self.agencies.reload()
        self.agencies.new()
        self._cameras_loaded = False

    def _tab_changed(self, index: int) -> None:
        # The registry may hold tens of thousands of cameras: read when its tab is first shown.
        if self.tabs.widget(index) is self.cameras and not self._cameras_loaded:
            self._cameras_loaded = True
            self.cameras.reload()
            self.cameras.new()


def _area_name(code: str) -> str:
    """``33.74.10 Tembalang``; the code alone when the table does not know it."""
    match = area_index().get(code.strip())
    return f"{code.strip()} {match.name}" if match is not None else code.strip()
