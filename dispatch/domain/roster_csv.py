"""The unit roster as a CSV file, for supervisors who keep it in a spreadsheet.

Reading and writing what Excel writes, and neutralising formulas on export, are
:mod:`dispatch.domain.csv_files` (shared with the agency directory and the cameras). Capabilities in
one cell are separated by ";" or "|", and a coordinate may have a decimal comma. Good rows are
returned and every refused row is reported with its line, column and reason. Export writes a file
that imports back to the same units.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dispatch.domain.csv_files import (
    CSV_PROBLEM_TEXT,
    FORMULA_STARTS,
    CsvFileError,
    CsvProblem,
    neutralise_cell,
    read_csv_table,
    restore_cell,
    write_csv_table,
)
from dispatch.domain.roster import (
    PROBLEM_TEXT,
    UNIT_FIELDS,
    UnitProblem,
    UnitRejected,
    UnitSpec,
    unit_from_text,
    unit_to_text,
)

__all__ = [
    "CSV_PROBLEM_TEXT",
    "FORMULA_STARTS",
    "MAX_ROWS",
    "REQUIRED_COLUMNS",
    "CsvImport",
    "CsvProblem",
    "RejectedRow",
    "RosterCsvError",
    "neutralise_cell",
    "read_roster_csv",
    "restore_cell",
    "write_roster_csv",
]

#: Columns every file must have; the others may be left out (empty).
REQUIRED_COLUMNS = ("call_sign", "agency_type", "agency_name")
#: A roster of a province is a few thousand units; far more is not a roster.
MAX_ROWS = 50_000


class RosterCsvError(CsvFileError):
    """The file cannot be read as a roster at all (no rows are taken from it)."""


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """One refused row: the first line of the row in the file, the column, and why."""

    line: int
    column: str
    problem: UnitProblem | CsvProblem
    value: str = ""
    #: The row's call sign as written (may be empty), to help find it in the spreadsheet.
    call_sign: str = ""

    @property
    def reason(self) -> str:
        if isinstance(self.problem, UnitProblem):
            text = PROBLEM_TEXT[self.problem]
        else:
            text = CSV_PROBLEM_TEXT[self.problem]
        return text + (f": {self.value!r}" if self.value else "")

    def __str__(self) -> str:
        column = f", {self.column}" if self.column else ""
        return f"line {self.line}{column}: {self.reason}"


@dataclass(frozen=True, slots=True)
class CsvImport:
    units: tuple[UnitSpec, ...]
    rejected: tuple[RejectedRow, ...]
    delimiter: str
    #: The columns the header names: a unit already on the roster keeps its value in the others.
    columns: frozenset[str]


def read_roster_csv(data: bytes | str) -> CsvImport:
    """Parse a roster file; raises only :class:`RosterCsvError` (for a file that is not a roster)."""
    table = read_csv_table(
        data,
        known_columns=UNIT_FIELDS,
        required_columns=REQUIRED_COLUMNS,
        max_rows=MAX_ROWS,
        error=RosterCsvError,
    )
    units: list[UnitSpec] = []
    rejected: list[RejectedRow] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        line = row.line
        call_sign = row.fields.get("call_sign", "").strip()[:40]
        if row.too_many_cells:
            rejected.append(RejectedRow(line, "", CsvProblem.TOO_MANY_CELLS, call_sign=call_sign))
            continue
        try:
            unit = unit_from_text(row.fields)
        except UnitRejected as refused:
            rejected.extend(
                RejectedRow(line, issue.field, issue.problem, issue.value, call_sign)
                for issue in refused.issues
            )
            continue
        key = unit.call_sign.casefold()
        if key in seen:
            rejected.append(
                RejectedRow(line, "call_sign", UnitProblem.DUPLICATE_CALL_SIGN, unit.call_sign, call_sign)
            )
            continue
        seen[key] = line
        units.append(unit)
    return CsvImport(tuple(units), tuple(rejected), table.delimiter, table.columns)


def write_roster_csv(units: Iterable[UnitSpec], delimiter: str = ",") -> str:
    """The units as CSV text with a header row; :func:`read_roster_csv` reads it back unchanged.

    The caller writes it as UTF-8 with a byte-order mark, so that Excel shows Indonesian names right.
    """
    return write_csv_table(UNIT_FIELDS, (unit_to_text(unit) for unit in units), delimiter)
