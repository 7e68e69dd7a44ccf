"""The camera registry as a CSV file: ``id,name,owner,lat,lon,stream_url,active``.

Read and written like the roster's file (:mod:`dispatch.domain.csv_files`): what Indonesian Excel
writes (a decimal comma in the coordinates too), a line, column and reason for every refused row,
formulas neutralised on export.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from dispatch.domain.cameras import (
    CAMERA_FIELDS,
    PROBLEM_TEXT,
    CameraProblem,
    CameraRejected,
    CameraSpec,
    camera_from_text,
    camera_to_text,
)
from dispatch.domain.csv_files import CSV_PROBLEM_TEXT, CsvRecords, read_csv_records, write_csv_table

#: Columns every file must have; owner and active may be left out.
REQUIRED_COLUMNS = ("id", "name", "lat", "lon", "stream_url")
#: A city's cameras down to RT/RW level are tens of thousands; far more is not a registry.
MAX_ROWS = 200_000
_TEXTS: dict[StrEnum, str] = dict(PROBLEM_TEXT.items())
_TEXTS.update(CSV_PROBLEM_TEXT.items())


def read_camera_csv(data: bytes | str) -> CsvRecords[CameraSpec]:
    """The file's cameras and refused rows; raises only ``CsvFileError`` (not a camera file)."""
    return read_csv_records(
        data,
        known_columns=CAMERA_FIELDS,
        required_columns=REQUIRED_COLUMNS,
        max_rows=MAX_ROWS,
        key_column="id",
        parse=camera_from_text,
        refused=CameraRejected,
        key_of=lambda spec: spec.code,
        duplicate=CameraProblem.DUPLICATE_CODE,
        texts=_TEXTS,
    )


def write_camera_csv(specs: Iterable[CameraSpec], delimiter: str = ",") -> str:
    """The cameras as CSV text with a header row; :func:`read_camera_csv` reads them back."""
    return write_csv_table(CAMERA_FIELDS, (camera_to_text(spec) for spec in specs), delimiter)
