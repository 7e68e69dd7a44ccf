"""Spreadsheet CSV files as supervisors keep them (the roster, the agency directory, the cameras).

Import takes what Excel writes in Indonesia: UTF-8 with or without a byte-order mark, a comma or a
semicolon between cells (Excel uses the semicolon where the decimal separator is a comma), header
names in any case with spaces for underscores. A file that cannot be read as the expected table is
refused whole (:class:`CsvFileError`, with its line); otherwise good rows are taken and every refused
row is reported with its line, column and reason, so that a file with a typo is not all-or-nothing.

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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

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


CSV_PROBLEM_TEXT: Mapping[CsvProblem, str] = {
    CsvProblem.NOT_UTF8: "the file is not UTF-8 text (save it as 'CSV UTF-8')",
    CsvProblem.EMPTY: "the file has no header row",
    CsvProblem.MISSING_COLUMN: "a required column is missing from the header",
    CsvProblem.UNKNOWN_COLUMN: "unknown column in the header",
    CsvProblem.REPEATED_COLUMN: "column named twice in the header",
    CsvProblem.TOO_MANY_CELLS: "more cells than the header has columns",
    CsvProblem.MALFORMED: "not valid CSV (an unclosed quote?)",
    CsvProblem.TOO_MANY_ROWS: "more rows than such a file may have",
}


class CsvFileError(ValueError):
    """The file cannot be read as the expected table at all (no rows are taken from it)."""

    def __init__(self, line: int, column: str, problem: CsvProblem, value: str = "") -> None:
        self.line = line
        self.column = column
        self.problem = problem
        self.value = value
        where = f"line {line}" + (f", column {column}" if column else "")
        super().__init__(f"{where}: {CSV_PROBLEM_TEXT[problem]}" + (f": {value!r}" if value else ""))


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One record: the file line it starts on, its cells by column, and whether cells were left over."""

    line: int
    fields: dict[str, str]
    #: Non-empty cells beyond the header's columns (the row is refused: which column did they mean?).
    too_many_cells: bool


@dataclass(frozen=True, slots=True)
class CsvTable:
    delimiter: str
    #: The header's column names as read ("" for a blank header cell).
    header: tuple[str, ...]
    rows: tuple[CsvRow, ...]

    @property
    def columns(self) -> frozenset[str]:
        """The columns the file has: a known record keeps its stored value in the others."""
        return frozenset(name for name in self.header if name)


def read_csv_table(
    data: bytes | str,
    *,
    known_columns: Sequence[str],
    required_columns: Sequence[str],
    max_rows: int,
    error: type[CsvFileError] = CsvFileError,
) -> CsvTable:
    """The file's rows with their cells restored (:func:`restore_cell`); blank rows are skipped.

    Raises only ``error`` (a :class:`CsvFileError`) for a file that is not such a table.
    """
    text = decode_text(data, error)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records = _records(reader, error)
    header_line, header = next(records, (1, None))
    if header is None or not any(cell.strip() for cell in header):
        raise error(header_line, "", CsvProblem.EMPTY)
    columns = _columns(header_line, header, known_columns, required_columns, error)
    width = len(columns)
    rows: list[CsvRow] = []
    for count, (line, cells) in enumerate(records):
        if count >= max_rows:
            raise error(line, "", CsvProblem.TOO_MANY_ROWS)
        if not any(cell.strip() for cell in cells):
            continue  # blank lines and rows of empty cells (Excel leaves them after deleting)
        fields = {name: restore_cell(cells[i]) if i < len(cells) else "" for i, name in enumerate(columns)}
        fields.pop("", None)
        extra = len(cells) > width and any(cell.strip() for cell in cells[width:])
        rows.append(CsvRow(line, fields, extra))
    return CsvTable(delimiter, tuple(columns), tuple(rows))


def write_csv_table(columns: Sequence[str], rows: Iterable[Mapping[str, str]], delimiter: str = ",") -> str:
    """CSV text with a header row, every cell neutralised; :func:`read_csv_table` reads it back.

    The caller writes it as UTF-8 with a byte-order mark, so that Excel shows Indonesian names right.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for fields in rows:
        writer.writerow([neutralise_cell(fields[name]) for name in columns])
    return out.getvalue()


def decode_text(data: bytes | str, error: type[CsvFileError] = CsvFileError) -> str:
    """``data`` as text without its byte-order mark; NOT_UTF8 (with the line) otherwise."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as failure:
            line = data[: failure.start].count(b"\n") + 1
            raise error(line, "", CsvProblem.NOT_UTF8) from failure
    else:
        text = data.removeprefix("\ufeff")
    if "\x00" in text:
        raise error(text[: text.index("\x00")].count("\n") + 1, "", CsvProblem.NOT_UTF8)
    return text


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


# -- records checked row by row (the directory and the camera registry) --------------------------------

Record = TypeVar("Record")


class FieldsRefused(Protocol):
    """What a record's parser raises: the first problem of each field, and the offending texts."""

    problems: dict[str, StrEnum]
    values: dict[str, str]


@dataclass(frozen=True, slots=True)
class RefusedRow:
    """One refused row: the first line of the row in the file, the column, and why."""

    line: int
    column: str
    #: The record kind's problem (``AgencyProblem``, ``CameraProblem``) or a :class:`CsvProblem`.
    problem: StrEnum
    value: str = ""
    #: The row's key as written (its code, may be empty), to help find it in the spreadsheet.
    key: str = ""
    #: In English, for logs; the UI words ``problem`` itself.
    reason: str = ""

    def __str__(self) -> str:
        column = f", {self.column}" if self.column else ""
        value = f": {self.value!r}" if self.value else ""
        return f"line {self.line}{column}: {self.reason}{value}"


@dataclass(frozen=True, slots=True)
class CsvRecords(Generic[Record]):
    records: tuple[Record, ...]
    #: The file line each record starts on.
    lines: tuple[int, ...]
    rejected: tuple[RefusedRow, ...]
    delimiter: str
    #: The columns the header names.
    columns: frozenset[str]

    @property
    def rejected_lines(self) -> int:
        """How many rows were refused (a row may be refused for several fields)."""
        return len({row.line for row in self.rejected})


def read_csv_records(
    data: bytes | str,
    *,
    known_columns: Sequence[str],
    required_columns: Sequence[str],
    max_rows: int,
    key_column: str,
    parse: Callable[[Mapping[str, str]], Record],
    refused: type[Exception],
    key_of: Callable[[Record], str],
    duplicate: StrEnum,
    texts: Mapping[StrEnum, str],
) -> CsvRecords[Record]:
    """Each row parsed by ``parse``, which raises ``refused`` (shaped as :class:`FieldsRefused`).

    A row whose key (``key_of``, compared whatever its case) an earlier good row has is refused
    as ``duplicate``. ``texts`` words the record's problems in English. Raises only
    :class:`CsvFileError` for a file that is not such a table.
    """
    table = read_csv_table(
        data, known_columns=known_columns, required_columns=required_columns, max_rows=max_rows
    )
    records: list[Record] = []
    lines: list[int] = []
    rejected: list[RefusedRow] = []
    seen: set[str] = set()
    for row in table.rows:
        key = row.fields.get(key_column, "").strip()[:40]
        if row.too_many_cells:
            problem = CsvProblem.TOO_MANY_CELLS
            rejected.append(RefusedRow(row.line, "", problem, key=key, reason=CSV_PROBLEM_TEXT[problem]))
            continue
        try:
            record = parse(row.fields)
        except refused as error:
            shaped: FieldsRefused = error  # type: ignore[assignment]
            rejected.extend(
                RefusedRow(
                    row.line,
                    name,
                    problem,
                    shaped.values.get(name, ""),
                    key,
                    texts.get(problem, str(problem)),
                )
                for name, problem in shaped.problems.items()
            )
            continue
        folded = key_of(record).casefold()
        if folded in seen:
            rejected.append(
                RefusedRow(row.line, key_column, duplicate, key_of(record), key, texts.get(duplicate, ""))
            )
            continue
        seen.add(folded)
        records.append(record)
        lines.append(row.line)
    return CsvRecords(tuple(records), tuple(lines), tuple(rejected), table.delimiter, table.columns)


def _delimiter(text: str) -> str:
    """The header row's separator: a semicolon if it has more of those than commas."""
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _records(reader: Iterable[list[str]], error: type[CsvFileError]) -> Iterator[tuple[int, list[str]]]:
    """Each record with the file line it starts on (a quoted cell may span lines)."""
    line_num = 0
    iterator = iter(reader)
    while True:
        start = line_num + 1
        try:
            cells = next(iterator)
        except StopIteration:
            return
        except csv.Error as failure:
            raise error(start, "", CsvProblem.MALFORMED, str(failure)[:80]) from failure
        line_num = getattr(reader, "line_num", line_num + 1)
        yield start, cells


def _columns(
    line: int,
    header: list[str],
    known_columns: Sequence[str],
    required_columns: Sequence[str],
    error: type[CsvFileError],
) -> list[str]:
    columns = [cell.strip().lower().replace(" ", "_") for cell in header]
    known = set(known_columns)
    for name in columns:
        if name and name not in known:
            raise error(line, name[:40], CsvProblem.UNKNOWN_COLUMN, name[:40])
        if name and columns.count(name) > 1:
            raise error(line, name, CsvProblem.REPEATED_COLUMN, name)
    for name in required_columns:
        if name not in columns:
            raise error(line, name, CsvProblem.MISSING_COLUMN, name)
    return columns
