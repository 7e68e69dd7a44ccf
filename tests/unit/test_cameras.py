"""The camera registry's rules: a camera typed or imported is checked field by field; its CSV reads back."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.domain.cameras import (
    CAMERA_FIELDS,
    CameraProblem,
    CameraRejected,
    CameraSpec,
    camera_from_text,
    camera_to_text,
    shown_url,
    stream_url_problem,
)
from dispatch.domain.cameras_csv import read_camera_csv, write_camera_csv
from dispatch.domain.csv_files import FORMULA_STARTS, CsvFileError, CsvProblem

SIMPANG_LIMA = CameraSpec(
    code="SMG-CCTV-00123",
    name="Simpang Lima sisi utara",
    owner="Diskominfo Kota Semarang",
    lat=-6.9905,
    lon=110.4228,
    stream_url="rtsp://viewer:rahasia@10.12.0.7:554/stream1",
)


def test_fields_are_the_csv_columns() -> None:
    assert CAMERA_FIELDS == ("id", "name", "owner", "lat", "lon", "stream_url", "active")


def test_a_camera_as_excel_writes_it() -> None:
    spec = camera_from_text(
        {
            "id": " SMG-CCTV-00123 ",
            "name": "Simpang Lima sisi utara",
            "owner": "Diskominfo Kota Semarang",
            "lat": "-6,9905",
            "lon": "110,4228",
            "stream_url": "rtsp://viewer:rahasia@10.12.0.7:554/stream1",
            "active": "ya",
        }
    )
    assert spec == SIMPANG_LIMA
    assert camera_from_text(camera_to_text(spec)) == spec


def test_every_refused_field_at_once() -> None:
    with pytest.raises(CameraRejected) as refused:
        camera_from_text(
            {"id": "SMG CCTV 1", "lat": "-95", "lon": "timur", "stream_url": "ftp://x/y", "active": "mungkin"}
        )
    assert refused.value.problems == {
        "id": CameraProblem.NOT_A_CODE,
        "name": CameraProblem.MISSING,
        "lat": CameraProblem.OUT_OF_RANGE,
        "lon": CameraProblem.NOT_A_NUMBER,
        "stream_url": CameraProblem.NOT_A_STREAM_URL,
        "active": CameraProblem.NOT_YES_OR_NO,
    }
    assert refused.value.values["lon"] == "timur"
    with pytest.raises(CameraRejected) as refused:
        camera_from_text({"id": "A", "name": "A", "lat": "", "lon": "1", "stream_url": ""})
    assert refused.value.problems == {"lat": CameraProblem.MISSING, "stream_url": CameraProblem.MISSING}


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("rtsp://10.0.0.1/live", None),
        ("RTSPS://kamera.example:322/a?b=c", None),
        ("http://127.0.0.1:8081/mjpeg", None),
        ("https://cctv.semarangkota.go.id/hls/simpanglima.m3u8", None),
        ("ftp://10.0.0.1/a", CameraProblem.NOT_A_STREAM_URL),
        ("10.0.0.1/live", CameraProblem.NOT_A_STREAM_URL),
        ("http:/10.0.0.1", CameraProblem.NOT_A_STREAM_URL),
        ("http://10.0.0.1:99999/", CameraProblem.NOT_A_STREAM_URL),
        ("http://[::1/", CameraProblem.NOT_A_STREAM_URL),
        ("http://a b/", CameraProblem.NOT_A_STREAM_URL),
        ("rtsp:///live", CameraProblem.NO_HOST),
        ("http://user:pw@/x", CameraProblem.NO_HOST),
    ],
)
def test_stream_addresses(url: str, problem: CameraProblem | None) -> None:
    assert stream_url_problem(url) is problem


def test_a_password_is_never_shown() -> None:
    assert shown_url(SIMPANG_LIMA.stream_url) == "rtsp://viewer:***@10.12.0.7:554/stream1"
    assert shown_url("http://10.0.0.1/a") == "http://10.0.0.1/a"


def test_the_csv_reads_back_with_formulas_neutralised() -> None:
    dangerous = CameraSpec("=1+1", "@SUM(A1)", "-Dishub", -7.0, 110.0, "http://10.0.0.1/a", active=False)
    text = write_camera_csv([SIMPANG_LIMA, dangerous], ";")
    for line in text.splitlines()[1:]:
        for cell in line.split(";"):
            assert cell[:1] not in FORMULA_STARTS or cell.lstrip("-").replace(".", "", 1).isdigit(), cell
    result = read_camera_csv(("\ufeff" + text).encode())
    assert result.records == (SIMPANG_LIMA, dangerous)
    assert result.rejected == ()


def test_refused_rows_say_where_and_why() -> None:
    text = "\n".join(
        [
            "ID;Name;Lat;Lon;Stream URL",
            "CAM-1;Tugu Muda;-6,9840;110,4090;http://10.0.0.1/a",
            "CAM-2;Kota Lama;-6,96;;rtsp://10.0.0.2/",
            "cam-1;Tugu Muda lagi;-6,98;110,40;http://10.0.0.3/",
            "CAM-3;Banjir Kanal;-6,97;110,39;file:///etc/passwd",
        ]
    )
    result = read_camera_csv(text)
    assert [spec.code for spec in result.records] == ["CAM-1"]
    assert {(r.line, r.column, r.problem, r.key) for r in result.rejected} == {
        (3, "lon", CameraProblem.MISSING, "CAM-2"),
        (4, "id", CameraProblem.DUPLICATE_CODE, "cam-1"),
        (5, "stream_url", CameraProblem.NOT_A_STREAM_URL, "CAM-3"),
    }
    with pytest.raises(CsvFileError) as refused:
        read_camera_csv("id,name,lat,lon\n")
    assert refused.value.problem is CsvProblem.MISSING_COLUMN


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn")), max_size=30).map(
    str.strip
)
_CAMERAS = st.builds(
    CameraSpec,
    code=st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}", fullmatch=True),
    name=_TEXT.filter(bool),
    owner=_TEXT,
    lat=st.floats(-90, 90),
    lon=st.floats(-180, 180),
    stream_url=st.sampled_from(
        ["rtsp://10.0.0.1/live", "http://127.0.0.1:8081/mjpeg", "https://u:p@cctv.example/a.m3u8?x=1"]
    ),
    active=st.booleans(),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_CAMERAS, max_size=5, unique_by=lambda c: c.code.casefold()), st.sampled_from([",", ";"]))
def test_export_then_import_gives_the_same_cameras(specs: list[CameraSpec], delimiter: str) -> None:
    result = read_camera_csv(write_camera_csv(specs, delimiter).encode("utf-8-sig"))
    assert result.rejected == ()
    assert list(result.records) == specs


_FIELD_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=" ,.-+:/@[]0123456789ehprstwy", max_size=40),
)


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from([*CAMERA_FIELDS, "other"]), _FIELD_TEXT))
def test_any_text_gives_a_camera_or_the_modules_refusal(fields: dict[str, str]) -> None:
    problems: dict[str, CameraProblem] = {}
    try:
        spec = camera_from_text(fields)
    except CameraRejected as refused:
        problems = refused.problems
    if problems:
        assert set(problems) <= set(CAMERA_FIELDS)
        return
    assert -90 <= spec.lat <= 90
    assert -180 <= spec.lon <= 180
    assert stream_url_problem(spec.stream_url) is None
    assert camera_from_text(camera_to_text(spec)) == spec


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.binary()))
def test_any_file_gives_cameras_or_the_modules_error(data: str | bytes) -> None:
    with contextlib.suppress(CsvFileError):
        result = read_camera_csv(data)
        assert len(result.records) == len(result.lines)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([*CAMERA_FIELDS, "x"]), min_size=1),
    st.lists(st.lists(st.text(alphabet=',;"\n -.0123456789:/ahpst', max_size=14), max_size=8)),
    st.sampled_from([",", ";"]),
)
def test_csv_shaped_input_gives_cameras_or_the_modules_error(
    header: list[str], rows: list[list[str]], delimiter: str
) -> None:
    text = "\n".join(delimiter.join(row) for row in [header, *rows])
    with contextlib.suppress(CsvFileError):
        for row in read_camera_csv(text).rejected:
            assert row.line >= 2
