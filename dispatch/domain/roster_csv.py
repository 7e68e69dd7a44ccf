"""The unit roster as a CSV file, for supervisors who keep it in a spreadsheet.

Import takes what Excel writes in Indonesia: UTF-8 with or without a byte-order mark, a comma or a
semicolon between cells (Excel uses the semicolon where the decimal separator is a comma), and then a
decimal comma in coordinates too. Capabilities in one cell are separated by ";" or "|". Good rows are
returned and every refused row is reported with its line, column and reason, so that a file with a
typo is not all-or-nothing. Export writes a file that imports back to the same units.

Export neutralises formulas (OWASP "CSV injection"): a cell starting with = + - @ a tab or a carriage
return would be run by a spreadsheet as a formula (``=cmd|' /C calc'!A0``), so it gets a leading
apostrophe, which spreadsheets read as "text follows" and do not show. Plain numbers such as a
negative latitude stay numbers. Import removes the one apostrophe that export added (and that a
spreadsheet keeps when it saves such a text back), so a round trip changes nothing.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from dispatch.domain.roster import (
    PROBLEM_TEXT,
    UNIT_FIELDS,
    UnitProblem,
    UnitRejected,
    UnitSpec,
    unit_from_text,
    unit_to_text,
)

#: Columns every file must have; the others may be left out (empty).
REQUIRED_COLUMNS = ("call_sign", "agency_type", "agency_name")
#: A roster of a province is a few thousand units; far more is not a roster.
MAX_ROWS = 50_000
#: First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
FORMULA_STARTS = frozenset("=+-@\t\r")
#: A cell that is only a decimal number ("-6.9893", "1e-05") is a number, not a formula.
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
#: What :func:`neutralise_cell` made: apostrophes, then the start of a formula.
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")


class CsvProblem(StrEnum):
    """Why a whole file, or a row as a whole, was refused."""

    NOT_UTF8 = "not_utf8"
    EMPTY = "empty"
    MISSING_COLUMN = "missing_column"
    UNKNOWN_COLUMN = "unknown_column"
    REPEATED_COLUMN = "repeated_column"
    TOO_MANY_CELLS = "too_many_cells"
    MALFORMED = "malformed"
    TOO_MANY_ROWS = "too_many_rows"


CSV_PROBLEM_TEXT = {
    CsvProblem.NOT_UTF8: "the file is not UTF-8 text (save it as 'CSV UTF-8')",
    CsvProblem.EMPTY: "the file has no header row",
    CsvProblem.MISSING_COLUMN: "a required column is missing from the header",
    CsvProblem.UNKNOWN_COLUMN: "unknown column in the header",
    CsvProblem.REPEATED_COLUMN: "column named twice in the header",
    CsvProblem.TOO_MANY_CELLS: "more cells than the header has columns",
    CsvProblem.MALFORMED: "not valid CSV (an unclosed quote?)",
    CsvProblem.TOO_MANY_ROWS: f"more than {MAX_ROWS} rows",
}


class RosterCsvError(ValueError):
    """The file cannot be read as a roster at all (no rows are taken from it)."""

    def __init__(self, line: int, column: str, problem: CsvProblem, value: str = "") -> None:
        self.line = line
        self.column = column
        self.problem = problem
        self.value = value
        where = f"line {line}" + (f", column {column}" if column else "")
        super().__init__(f"{where}: {CSV_PROBLEM_TEXT[problem]}" + (f": {value!r}" if value else ""))


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
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise RosterCsvError(line, "", CsvProblem.NOT_UTF8) from error
    else:
        text = data.removeprefix("\ufeff")
    if "\x00" in text:
        raise RosterCsvError(text[: text.index("\x00")].count("\n") + 1, "", CsvProblem.NOT_UTF8)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = _rows(reader)
    first: tuple[int, list[str] | None] = next(rows, (1, None))
    header_line, header = first
    if header is None or not any(cell.strip() for cell in header):
        raise RosterCsvError(header_line, "", CsvProblem.EMPTY)
    columns = _columns(header_line, header)

    units: list[UnitSpec] = []
    rejected: list[RejectedRow] = []
    seen: dict[str, int] = {}
    for count, (line, cells) in enumerate(rows):
        if count >= MAX_ROWS:
            raise RosterCsvError(line, "", CsvProblem.TOO_MANY_ROWS)
        if not any(cell.strip() for cell in cells):
            continue  # blank lines and rows of empty cells (Excel leaves them after deleting)
        fields = {name: restore_cell(cells[i]) if i < len(cells) else "" for i, name in enumerate(columns)}
        call_sign = fields.get("call_sign", "").strip()[:40]
        if len(cells) > len(columns) and any(cell.strip() for cell in cells[len(columns) :]):
            rejected.append(RejectedRow(line, "", CsvProblem.TOO_MANY_CELLS, call_sign=call_sign))
            continue
        try:
            unit = unit_from_text(fields)
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
    return CsvImport(tuple(units), tuple(rejected), delimiter, frozenset(name for name in columns if name))


def write_roster_csv(units: Iterable[UnitSpec], delimiter: str = ",") -> str:
    """The units as CSV text with a header row; :func:`read_roster_csv` reads it back unchanged.

    The caller writes it as UTF-8 with a byte-order mark, so that Excel shows Indonesian names right.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(UNIT_FIELDS)
    for unit in units:
        fields = unit_to_text(unit)
        writer.writerow([neutralise_cell(fields[name]) for name in UNIT_FIELDS])
    return out.getvalue()


def neutralise_cell(text: str) -> str:
    """``text`` as a spreadsheet will show it and never run it: a formula start gets an apostrophe.

    Apostrophes already in front of a formula start get one more, so that :func:`restore_cell`
    can tell what export added from what was typed.
    """
    if _PLAIN_NUMBER.fullmatch(text):
        return text
    rest = text.lstrip("'")
    return "'" + text if rest[:1] in FORMULA_STARTS and rest else text


def restore_cell(text: str) -> str:
    """The inverse of :func:`neutralise_cell`: ``restore_cell(neutralise_cell(t)) == t``."""
    return text[1:] if _NEUTRALISED.match(text) else text


def _delimiter(text: str) -> str:
    """The header row's separator: a semicolon if it has more of those than commas."""
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _rows(reader: Iterable[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """Each record with the file line it starts on (a quoted cell may span lines)."""
    line_num = 0
    iterator = iter(reader)
    while True:
        start = line_num + 1
        try:
            cells = next(iterator)
        except StopIteration:
            return
        except csv.Error as error:
            raise RosterCsvError(start, "", CsvProblem.MALFORMED, str(error)[:80]) from error
        line_num = getattr(reader, "line_num", line_num + 1)
        yield start, cells


def _columns(line: int, header: list[str]) -> list[str]:
    columns = [cell.strip().lower().replace(" ", "_") for cell in header]
    known = set(UNIT_FIELDS)
    for name in columns:
        if name and name not in known:
            raise RosterCsvError(line, name[:40], CsvProblem.UNKNOWN_COLUMN, name[:40])
        if name and columns.count(name) > 1:
            raise RosterCsvError(line, name, CsvProblem.REPEATED_COLUMN, name)
    for name in REQUIRED_COLUMNS:
        if name not in columns:
            raise RosterCsvError(line, name, CsvProblem.MISSING_COLUMN, name)
    return columns
