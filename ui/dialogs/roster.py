"""The unit roster (Ctrl+Shift+R): supervisors add, edit, deactivate, import and export units.

Everyone else sees the roster read-only. Import shows what the file would do, and every refused row
with its line and reason, before anything is written; the same report stays on screen after.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
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
    QVBoxLayout,
    QWidget,
)

from dispatch.domain.enums import AgencyType
from dispatch.domain.roster import (
    CAPABILITIES,
    UNIT_FIELDS,
    UnitProblem,
    UnitRejected,
    UnitSpec,
    unit_from_text,
    unit_to_text,
)
from dispatch.domain.roster_csv import (
    CsvImport,
    CsvProblem,
    RejectedRow,
    RosterCsvError,
    read_roster_csv,
    write_roster_csv,
)
from dispatch.services import roster
from dispatch.services.context import ServiceContext, ServiceError
from dispatch.services.snapshots import UnitView
from ui import labels
from ui.widgets.dispatch_panel import capability

translate = QCoreApplication.translate

UnitIdRole = Qt.ItemDataRole.UserRole + 20
_ERROR_STYLE = "color: #b71c1c;"


def problem_text(problem: UnitProblem | CsvProblem) -> str:
    return {
        UnitProblem.MISSING: translate("RosterDialog", "Required."),
        UnitProblem.TOO_LONG: translate("RosterDialog", "Too long."),
        UnitProblem.CONTROL_CHARACTERS: translate("RosterDialog", "Contains control characters."),
        UnitProblem.UNKNOWN_AGENCY: translate("RosterDialog", "Unknown agency type."),
        UnitProblem.NOT_A_NUMBER: translate("RosterDialog", "Not a decimal number (e.g. -6.9893)."),
        UnitProblem.OUT_OF_RANGE: translate(
            "RosterDialog", "Out of range (latitude -90..90, longitude -180..180)."
        ),
        UnitProblem.HALF_POSITION: translate("RosterDialog", "Give both latitude and longitude, or neither."),
        UnitProblem.UNKNOWN_CAPABILITY: translate("RosterDialog", "Unknown capability."),
        UnitProblem.REPEATED_CAPABILITY: translate("RosterDialog", "Capability listed twice."),
        UnitProblem.NOT_A_PHONE_NUMBER: translate("RosterDialog", "Not a phone number."),
        UnitProblem.NOT_YES_OR_NO: translate("RosterDialog", "Write yes or no."),
        UnitProblem.DUPLICATE_CALL_SIGN: translate("RosterDialog", "Call sign used by an earlier row."),
        CsvProblem.NOT_UTF8: translate("RosterDialog", "The file is not UTF-8 text (save as 'CSV UTF-8')."),
        CsvProblem.EMPTY: translate("RosterDialog", "The file has no header row."),
        CsvProblem.MISSING_COLUMN: translate("RosterDialog", "A required column is missing."),
        CsvProblem.UNKNOWN_COLUMN: translate("RosterDialog", "Unknown column."),
        CsvProblem.REPEATED_COLUMN: translate("RosterDialog", "Column named twice."),
        CsvProblem.TOO_MANY_CELLS: translate("RosterDialog", "More cells than the header has columns."),
        CsvProblem.MALFORMED: translate("RosterDialog", "Not valid CSV (an unclosed quote?)."),
        CsvProblem.TOO_MANY_ROWS: translate("RosterDialog", "Too many rows."),
    }[problem]


def rejected_row_text(row: RejectedRow) -> str:
    """``Line 4 (BAD-1), agency_type: Unknown agency type. 'army'``."""
    return refused_row_words(row.line, row.call_sign, row.column, row.value, problem_text(row.problem))


def refused_row_words(line: int, key: str, column: str, value: str, problem: str) -> str:
    """A refused row of an imported file, as the roster's and the directory's previews list it."""
    where = translate("RosterDialog", "Line %1").replace("%1", str(line))
    if key:
        where += f" ({key})"
    if column:
        where += f", {column}"
    shown = f" {value!r}" if value else ""
    return f"{where}: {problem}{shown}"


class RosterDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterDialog")
        self.setWindowTitle(translate("RosterDialog", "Unit roster"))
        self._ctx = ctx
        self.editable = roster.can_edit(ctx)
        self._editing_id: int | None = None
        self._pending: CsvImport | None = None
        self._units: dict[int, UnitView] = {}

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName("rosterFilter")
        self.filter.setPlaceholderText(translate("RosterDialog", "Filter: call sign, agency, station…"))
        filter_label = QLabel(translate("RosterDialog", "&Filter"))
        filter_label.setBuddy(self.filter)
        top.addWidget(filter_label)
        top.addWidget(self.filter, 1)
        if not self.editable:
            read_only = QLabel(translate("RosterDialog", "Read only: only a supervisor edits the roster."))
            read_only.setObjectName("rosterReadOnly")
            top.addWidget(read_only)
        layout.addLayout(top)

        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(
            [
                translate("RosterDialog", "Call sign"),
                translate("RosterDialog", "Agency"),
                translate("RosterDialog", "Agency name"),
                translate("RosterDialog", "Station"),
                translate("RosterDialog", "Capabilities"),
                translate("RosterDialog", "Status"),
                translate("RosterDialog", "Active"),
            ]
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._select(current)
        )
        layout.addWidget(self.table, 2)

        layout.addWidget(self._build_form())
        layout.addLayout(self._build_buttons())

        self.report = QPlainTextEdit()
        self.report.setObjectName("importReport")
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(120)
        self.report.hide()
        layout.addWidget(self.report)
        self.message = QLabel()
        self.message.setObjectName("rosterMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.resize(1000, 680)
        self.reload()
        self._clear_form()

    # -- construction ------------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        texts = {
            "call_sign": translate("RosterDialog", "&Call sign"),
            "agency_name": translate("RosterDialog", "Agency &name"),
            "station": translate("RosterDialog", "S&tation"),
            "lat": translate("RosterDialog", "&Latitude"),
            "lon": translate("RosterDialog", "L&ongitude"),
            "radio": translate("RosterDialog", "&Radio channel"),
            "phone": translate("RosterDialog", "P&hone"),
        }
        left = QFormLayout()
        right = QFormLayout()
        self.agency = QComboBox()
        self.agency.setObjectName("roster_agency_type")
        for agency_type in AgencyType:
            self.agency.addItem(labels.agency(agency_type), agency_type.value)
        for name in UNIT_FIELDS:
            self.errors[name] = error = QLabel()
            error.setObjectName(f"roster_{name}_error")
            error.setStyleSheet(_ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
        for name in texts:
            edit = QLineEdit()
            edit.setObjectName(f"roster_{name}")
            self.fields[name] = edit
        for name in ("call_sign", "agency_type", "agency_name", "station", "radio", "phone"):
            widget: QWidget = self.agency if name == "agency_type" else self.fields[name]
            label = QLabel(
                translate("RosterDialog", "&Agency type") if name == "agency_type" else texts[name]
            )
            label.setBuddy(widget)
            left.addRow(label, self._with_error(widget, name))
        for name in ("lat", "lon"):
            label = QLabel(texts[name])
            label.setBuddy(self.fields[name])
            right.addRow(label, self._with_error(self.fields[name], name))
        self.capabilities = QListWidget()
        self.capabilities.setObjectName("roster_capabilities")
        self.capabilities.setMaximumHeight(130)
        for name in CAPABILITIES:
            item = QListWidgetItem(capability(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.capabilities.addItem(item)
        capabilities_label = QLabel(translate("RosterDialog", "Ca&pabilities (Space ticks)"))
        capabilities_label.setBuddy(self.capabilities)
        right.addRow(capabilities_label, self._with_error(self.capabilities, "capabilities"))
        self.active_label = QLabel()
        self.active_label.setObjectName("rosterActive")
        right.addRow(translate("RosterDialog", "Active"), self._with_error(self.active_label, "active"))
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        for widget in [*self.fields.values(), self.agency, self.capabilities]:
            widget.setEnabled(self.editable)
        return box

    def _with_error(self, widget: QWidget, name: str) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(widget)
        column.addWidget(self.errors[name])
        return holder

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_button = QPushButton(translate("RosterDialog", "Ne&w unit"))
        self.save_button = QPushButton(translate("RosterDialog", "&Save"))
        self.active_button = QPushButton(translate("RosterDialog", "&Deactivate"))
        self.import_button = QPushButton(translate("RosterDialog", "&Import CSV…"))
        self.apply_button = QPushButton(translate("RosterDialog", "Appl&y import"))
        self.export_button = QPushButton(translate("RosterDialog", "&Export CSV…"))
        close_button = QPushButton(translate("RosterDialog", "Close"))
        for name, button in (
            ("rosterNew", self.new_button),
            ("rosterSave", self.save_button),
            ("rosterActiveToggle", self.active_button),
            ("rosterImport", self.import_button),
            ("rosterApplyImport", self.apply_button),
            ("rosterExport", self.export_button),
        ):
            button.setObjectName(name)
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close_button)
        close_button.setAutoDefault(False)
        self.new_button.clicked.connect(self._clear_form)
        self.save_button.clicked.connect(self.save)
        self.active_button.clicked.connect(self.toggle_active)
        self.import_button.clicked.connect(self.choose_import_file)
        self.apply_button.clicked.connect(self.apply_import)
        self.export_button.clicked.connect(self.choose_export_file)
        close_button.clicked.connect(self.reject)
        for button in (self.new_button, self.save_button, self.active_button, self.import_button):
            button.setEnabled(self.editable)
        self.apply_button.setEnabled(False)
        return row

    # -- table and form ----------------------------------------------------------------------------

    def reload(self) -> None:
        views = roster.roster_units(self._ctx)
        self._units = {view.id: view for view in views}
        self.model.removeRows(0, self.model.rowCount())
        for view in views:
            cells = [
                view.call_sign,
                labels.agency(view.agency_type),
                view.agency_name,
                view.station,
                ", ".join(capability(c) for c in view.capabilities),
                labels.unit_status(view.status),
                translate("RosterDialog", "yes") if view.active else translate("RosterDialog", "no"),
            ]
            items = [QStandardItem(text) for text in cells]
            items[0].setData(view.id, UnitIdRole)
            self.model.appendRow(items)
        self.table.resizeColumnsToContents()

    def _select(self, index: object) -> None:
        from PySide6.QtCore import QModelIndex

        if not isinstance(index, QModelIndex) or not index.isValid():
            return
        unit_id = self.proxy.index(index.row(), 0).data(UnitIdRole)
        view = self._units.get(int(unit_id)) if unit_id is not None else None
        if view is not None:
            self._fill(view)

    def _fill(self, view: UnitView) -> None:
        self._editing_id = view.id
        texts = unit_to_text(roster.spec_of(view))
        for name, edit in self.fields.items():
            edit.setText(texts[name])
        self.agency.setCurrentIndex(max(0, self.agency.findData(view.agency_type.value)))
        for row in range(self.capabilities.count()):
            item = self.capabilities.item(row)
            ticked = item.data(Qt.ItemDataRole.UserRole) in view.capabilities
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.active_label.setText(
            translate("RosterDialog", "yes") if view.active else translate("RosterDialog", "no (deactivated)")
        )
        self.active_button.setText(
            translate("RosterDialog", "&Deactivate")
            if view.active
            else translate("RosterDialog", "Re&activate")
        )
        self.active_button.setEnabled(self.editable)
        self._show_issues({})

    def _clear_form(self) -> None:
        self._editing_id = None
        for edit in self.fields.values():
            edit.clear()
        self.agency.setCurrentIndex(0)
        for row in range(self.capabilities.count()):
            self.capabilities.item(row).setCheckState(Qt.CheckState.Unchecked)
        self.active_label.setText(translate("RosterDialog", "yes"))
        self.active_button.setEnabled(False)
        self.table.clearSelection()
        self._show_issues({})
        if self.editable:
            self.fields["call_sign"].setFocus()

    def _form_text(self, active: bool) -> dict[str, str]:
        texts = {name: edit.text() for name, edit in self.fields.items()}
        texts["agency_type"] = str(self.agency.currentData())
        texts["capabilities"] = ";".join(
            str(self.capabilities.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.capabilities.count())
            if self.capabilities.item(row).checkState() == Qt.CheckState.Checked
        )
        texts["active"] = "yes" if active else "no"
        return texts

    def _show_issues(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)

    def save(self) -> None:
        current = self._units.get(self._editing_id) if self._editing_id is not None else None
        try:
            spec = unit_from_text(self._form_text(current.active if current is not None else True))
        except UnitRejected as rejected:
            self._show_issues(
                {
                    name: problem_text(issue.problem) + (f" {issue.value!r}" if issue.value else "")
                    for name, issue in rejected.by_field().items()
                }
            )
            self._say(translate("RosterDialog", "Not saved: correct the fields marked."), error=True)
            return
        try:
            if current is None:
                view = roster.create_unit(self._ctx, spec)
                done = translate("RosterDialog", "Unit %1 added.")
            else:
                view = roster.update_unit(self._ctx, current.id, spec)
                done = translate("RosterDialog", "Unit %1 saved.")
        except ServiceError as error:
            if error.code == "call_sign_taken":
                self._show_issues({"call_sign": labels.service_error(error.code)})
            self._say(labels.service_error(error.code), error=True)
            return
        self._show_issues({})
        self.reload()
        self._select_unit(view.id)
        self._say(done.replace("%1", view.call_sign))

    def toggle_active(self) -> None:
        current = self._units.get(self._editing_id) if self._editing_id is not None else None
        if current is None:
            return
        try:
            view = roster.set_unit_active(self._ctx, current.id, not current.active)
        except ServiceError as error:
            self._say(labels.service_error(error.code), error=True)
            return
        self.reload()
        self._select_unit(view.id)
        text = translate("RosterDialog", "%1 is back on the roster.")
        if not view.active:
            text = translate("RosterDialog", "%1 is deactivated (kept on record).")
        self._say(text.replace("%1", view.call_sign))

    def _select_unit(self, unit_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(UnitIdRole) == unit_id:
                self.table.selectRow(row)
                self._fill(self._units[unit_id])
                return

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(_ERROR_STYLE if error else "")

    # -- CSV ---------------------------------------------------------------------------------------

    def choose_import_file(self) -> None:
        """A Qt file dialog (not the platform's), so that it is driven by keys like the rest."""
        chooser = QFileDialog(self, translate("RosterDialog", "Import units from CSV"))
        chooser.setObjectName("rosterImportFile")
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setNameFilter(translate("RosterDialog", "CSV files (*.csv);;All files (*)"))
        chooser.fileSelected.connect(self.import_file)
        chooser.open()

    def import_file(self, path: str) -> None:
        """Read the file and show what it would do; nothing is written until Apply import."""
        self._pending = None
        self.apply_button.setEnabled(False)
        try:
            result = read_roster_csv(Path(path).read_bytes())
        except OSError as error:
            self._report([translate("RosterDialog", "Cannot read the file: %1").replace("%1", str(error))])
            return
        except RosterCsvError as error:
            line = translate("RosterDialog", "Line %1").replace("%1", str(error.line))
            column = f", {error.column}" if error.column else ""
            self._report(
                [
                    translate("RosterDialog", "Nothing imported: the file is not a roster."),
                    f"{line}{column}: {problem_text(error.problem)}",
                ]
            )
            return
        preview = roster.preview_import(self._ctx, result.units, result.columns)
        lines = [
            translate("RosterDialog", "%1: %2 units to add, %3 to update, %4 unchanged, %5 rows rejected.")
            .replace("%1", Path(path).name)
            .replace("%2", str(len(preview.added)))
            .replace("%3", str(len(preview.updated)))
            .replace("%4", str(len(preview.unchanged)))
            .replace("%5", str(len({row.line for row in result.rejected})))
        ]
        lines += self._refusals(preview.refused)
        lines += [rejected_row_text(row) for row in result.rejected]
        if result.units:
            self._pending = result
            self.apply_button.setEnabled(self.editable)
            lines.append(translate("RosterDialog", "Alt+Y applies the import; rejected rows are left out."))
        self._report(lines)

    def apply_import(self) -> None:
        pending = self._pending
        if pending is None:
            return
        try:
            report = roster.import_units(self._ctx, pending.units, pending.columns)
        except ServiceError as error:
            self._say(labels.service_error(error.code), error=True)
            return
        self._pending = None
        self.apply_button.setEnabled(False)
        lines = [
            translate("RosterDialog", "Imported: %1 added, %2 updated, %3 unchanged, %4 rows rejected.")
            .replace("%1", str(len(report.added)))
            .replace("%2", str(len(report.updated)))
            .replace("%3", str(len(report.unchanged)))
            .replace("%4", str(len({row.line for row in pending.rejected})))
        ]
        lines += self._refusals(report.refused)
        lines += [rejected_row_text(row) for row in pending.rejected]
        self._report(lines)
        self.reload()

    def _refusals(self, refused: tuple[tuple[str, str], ...]) -> list[str]:
        return [f"{call_sign}: {labels.service_error(code)}" for call_sign, code in refused]

    def _report(self, lines: list[str]) -> None:
        self.report.setPlainText("\n".join(lines))
        self.report.show()
        self._say(lines[0], error=lines[0].startswith(translate("RosterDialog", "Nothing imported")))

    def choose_export_file(self) -> None:
        chooser = QFileDialog(self, translate("RosterDialog", "Export units to CSV"))
        chooser.setObjectName("rosterExportFile")
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("csv")
        chooser.setNameFilter(translate("RosterDialog", "CSV files (*.csv)"))
        chooser.fileSelected.connect(self.export_file)
        chooser.open()

    def export_file(self, path: str) -> None:
        specs: list[UnitSpec] = roster.export_units(self._ctx)
        try:
            # With a byte-order mark: Excel then reads the file as UTF-8.
            Path(path).write_text(write_roster_csv(specs), encoding="utf-8-sig", newline="")
        except OSError as error:
            self._say(translate("RosterDialog", "Not exported: %1").replace("%1", str(error)), error=True)
            return
        self._say(
            translate("RosterDialog", "%1 units exported to %2.")
            .replace("%1", str(len(specs)))
            .replace("%2", path)
        )
