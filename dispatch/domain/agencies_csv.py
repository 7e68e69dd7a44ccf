"""The agency directory as a CSV file (columns :data:`~dispatch.domain.agencies.AGENCY_FIELDS`).

Read and written like the roster's file (:mod:`dispatch.domain.csv_files`): what Indonesian Excel
writes, a line, column and reason for every refused row, formulas neutralised on export. Lists
(areas, categories, phones) are one cell each, ";" between items.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum

from dispatch.domain.agencies import (
    AGENCY_FIELDS,
    PROBLEM_TEXT,
    AgencyProblem,
    AgencyRejected,
    AgencySpec,
    agency_from_text,
    agency_to_text,
)
from dispatch.domain.csv_files import CSV_PROBLEM_TEXT, CsvRecords, read_csv_records, write_csv_table

#: Columns every file must have; the others may be left out (a known agency keeps its values).
REQUIRED_COLUMNS = ("code", "name", "agency_type")
#: A province's directory is a few hundred agencies; far more is not a directory.
MAX_ROWS = 10_000
_TEXTS: dict[StrEnum, str] = dict(PROBLEM_TEXT.items())
_TEXTS.update(CSV_PROBLEM_TEXT.items())


def read_agency_csv(
    data: bytes | str,
    *,
    known_area: Callable[[str], bool],
    known_category: Callable[[str], bool],
) -> CsvRecords[AgencySpec]:
    """The file's agencies and refused rows; raises only ``CsvFileError`` (not a directory file)."""

    def parse(fields: Mapping[str, str]) -> AgencySpec:
        return agency_from_text(fields, known_area=known_area, known_category=known_category)

    return read_csv_records(
        data,
        known_columns=AGENCY_FIELDS,
        required_columns=REQUIRED_COLUMNS,
        max_rows=MAX_ROWS,
        key_column="code",
        parse=parse,
        refused=AgencyRejected,
        key_of=lambda spec: spec.code,
        duplicate=AgencyProblem.DUPLICATE_CODE,
        texts=_TEXTS,
    )


def write_agency_csv(specs: Iterable[AgencySpec], delimiter: str = ",") -> str:
    """The agencies as CSV text with a header row; :func:`read_agency_csv` reads them back."""
    return write_csv_table(AGENCY_FIELDS, (agency_to_text(spec) for spec in specs), delimiter)
