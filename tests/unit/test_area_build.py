"""``scripts/build_areas.py`` on a tiny made-up input: how village points are joined (and when not),
the centres and radii it computes, what it reports, and that the console loads what it writes."""

from __future__ import annotations

import gzip
import json
import math
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.domain.areas import AreaLevel, load_area_index
from dispatch.domain.geo import distance_m

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_areas  # noqa: E402

REGIONS = {
    "33": "Jawa Tengah",
    "33.74": "Kota Semarang",
    "33.74.10": "Tembalang",
    "33.74.11": "Kecamatan Tanpa Titik",
    "16": "Sumatera Selatan",
    "16.71": "Kota Palembang",
    "16.71.02": "Seberang Ulu Satu",
    "95": "Papua Pegunungan",
    "95.01": "Kabupaten Jayawijaya",
    "95.01.02": "Kurulu",
}
VILLAGES = {
    "33.74.10.1001": "Meteseh",  # same code, same name
    "33.74.10.1002": "Rowosari",  # same code, "Rowo Sari" there
    "33.74.10.1003": "Mangunharjo",  # its code is another village's there; its name is at 1013
    "33.74.10.1004": "Bulusan",  # not there at all
    "33.74.10.1005": "Kramas",  # shares its point with 1006 there
    "33.74.10.1006": "Tembalang",
    "33.74.10.1007": "Jangli Baru",  # same code, "Jangli" there
    "33.74.11.1001": "Tanpa Titik",  # a kecamatan without any point
    "16.71.02.1002": "Satu Ulu",  # "1 Ulu" there
    "16.71.02.1003": "Dua Ulu",
    "16.71.02.1004": "Tiga Ulu",  # its point is 2,000 km away there
    "95.01.02.2001": "Kumima",  # a Papua code before 2022 there: 91.02.02.2001
}
POSTCODES = {"33.74.10.1001": "50271", "33.74.10.1002": "50279"}


def geo(code: str, village: str, district: str, city: str, lat: float, lon: float) -> dict[str, object]:
    return {
        "code": code,
        "postal": 50000,
        "village": village,
        "district": district,
        "city": city,
        "latitude": lat,
        "longitude": lon,
        "geometry": True,
    }


POINTS = [
    geo("33.74.10.1001", "Meteseh", "Tembalang", "Kota Semarang", -7.06642, 110.46330),
    geo("33.74.10.1002", "Rowo Sari", "Tembalang", "Kota Semarang", -7.07271, 110.48094),
    geo("33.74.10.1003", "Sendangguwo", "Tembalang", "Kota Semarang", -7.01348, 110.45641),
    geo("33.74.10.1013", "Mangunharjo", "Tembalang", "Kota Semarang", -7.04280, 110.45855),
    geo("33.74.10.1005", "Kramas", "Tembalang", "Kota Semarang", -7.05, 110.45),
    geo("33.74.10.1006", "Tembalang", "Tembalang", "Kota Semarang", -7.05, 110.45),
    geo("33.74.10.1007", "Jangli", "Tembalang", "Kota Semarang", -7.03443, 110.44176),
    geo("16.71.02.1002", "1 Ulu", "Seberang Ulu I", "Kota Palembang", -3.00991, 104.75368),
    geo("16.71.02.1003", "2 Ulu", "Seberang Ulu I", "Kota Palembang", -3.00695, 104.75547),
    geo("16.71.02.1004", "3 Ulu", "Seberang Ulu I", "Kota Palembang", -5.0, 122.5),
    geo("91.02.02.2001", "Kumima", "Kurulu", "Kabupaten Jayawijaya", -3.91, 138.95),
    {"code": "11.01.01.2001", "village": "No Point", "latitude": None, "longitude": None},
]


def write_inputs(folder: Path) -> tuple[Path, Path]:
    data = folder / "lokal" / "data"
    data.mkdir(parents=True)
    for name, content in (("wilayah", REGIONS), ("desa", VILLAGES), ("kodepos", POSTCODES)):
        with gzip.open(data / f"{name}.json.gz", "wt", encoding="utf-8") as handle:
            json.dump(content, handle)
    points = folder / "data.json"
    points.write_text(json.dumps(POINTS), encoding="utf-8")
    return data, points


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    return write_inputs(tmp_path)


def test_points_are_joined_by_code_and_name_then_by_name(inputs: tuple[Path, Path]) -> None:
    data, points_file = inputs
    rows = build_areas.build_rows(data)
    points, report = build_areas.join_points(rows, build_areas.load_points(points_file))
    assert points == {
        "33.74.10.1001": (-7.06642, 110.46330),
        "33.74.10.1002": (-7.07271, 110.48094),
        # Not the point of the village its code names there (Sendangguwo): its own name's.
        "33.74.10.1003": (-7.04280, 110.45855),
        "33.74.10.1007": (-7.03443, 110.44176),
        "16.71.02.1002": (-3.00991, 104.75368),
        "16.71.02.1003": (-3.00695, 104.75547),
        "95.01.02.2001": (-3.91, 138.95),
    }
    assert dict(report.joined) == {
        build_areas.BY_CODE: 7,  # Meteseh, Rowosari, Kramas, Tembalang, 1 Ulu, 2 Ulu, 3 Ulu
        build_areas.BY_NAME_IN_DISTRICT: 1,  # Mangunharjo
        build_areas.BY_NAME_IN_NAMED_DISTRICT: 1,  # Kumima
        build_areas.BY_CODE_ALIKE: 1,  # Jangli Baru
    }
    assert report.shared_point == ["33.74.10.1005", "33.74.10.1006"]
    assert report.far_point == ["16.71.02.1004"]
    assert report.without == [
        "16.71.02.1004",
        "33.74.10.1004",
        "33.74.10.1005",
        "33.74.10.1006",
        "33.74.11.1001",
    ]
    assert report.villages == len(VILLAGES)


def test_centres_are_the_mean_of_the_villages_and_radii_cover_them(inputs: tuple[Path, Path]) -> None:
    data, points_file = inputs
    rows = build_areas.build_rows(data)
    points, _report = build_areas.join_points(rows, build_areas.load_points(points_file))
    centres = build_areas.centres(rows, points)
    tembalang = ["33.74.10.1001", "33.74.10.1002", "33.74.10.1003", "33.74.10.1007"]
    lat = statistics.fmean(points[c][0] for c in tembalang)
    lon = statistics.fmean(points[c][1] for c in tembalang)
    assert centres["33.74.10"][:2] == pytest.approx((lat, lon))
    assert centres["33.74"][:2] == pytest.approx((lat, lon))  # its only kecamatan with points
    # A village's radius: the nearest other village point of its kecamatan, within 300..5,000 m.
    meteseh = points["33.74.10.1001"]
    nearest = min(distance_m(*meteseh, *points[c]) for c in tembalang[1:])
    assert centres["33.74.10.1001"][2] == math.ceil(nearest)
    between = distance_m(*points["16.71.02.1002"], *points["16.71.02.1003"])
    assert 300 < between < 400
    assert centres["16.71.02.1002"][2] == centres["16.71.02.1003"][2] == math.ceil(between)
    # The kecamatan's: the farthest of its villages from its centre plus their median radius.
    farthest = max(distance_m(lat, lon, *points[c]) for c in tembalang)
    typical = statistics.median(build_areas.village_radii(points)[c] for c in tembalang)
    assert centres["33.74.10"][2] == math.ceil(farthest + typical)
    # Papua: the village alone in its kecamatan and kabupaten gets the largest radius.
    assert centres["95.01.02.2001"][2] == 5000
    close = {"a.01.01.0001": (-7.0, 110.0), "a.01.01.0002": (-7.0, 110.001)}  # 110 m apart
    assert build_areas.village_radii(close) == {code: 300.0 for code in close}
    assert "33.74.11" not in centres  # no village of it has a point
    assert "33.74.11.1001" not in centres


def run_build(data: Path, points_file: Path, out: Path) -> str:
    """The script as its docstring says to run it; what it printed."""
    script = ROOT / "scripts" / "build_areas.py"
    done = subprocess.run(
        [sys.executable, str(script), str(data), str(points_file), "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
        cwd=out.parent,
    )
    return done.stdout


def test_the_script_reports_and_the_console_loads_its_table(
    inputs: tuple[Path, Path], tmp_path: Path
) -> None:
    data, points_file = inputs
    out = tmp_path / "areas.tsv.gz"
    text = run_build(data, points_file, out)
    assert "village points: 7 of 12 villages joined" in text
    assert "villages without a point: 5 (they fall back to their kecamatan's centre)" in text
    assert "33.74.10.1004  Bulusan, Tembalang, Kota Semarang" in text
    assert "2 of those shared their point with another village" in text
    assert "1 of those had a point over 1000 km" in text
    assert "areas above villages without a centre (no village of theirs has a point): 1" in text
    first = out.read_bytes()
    run_build(data, points_file, out)
    assert out.read_bytes() == first  # the same inputs give the same bytes

    lines = gzip.decompress(first).decode("utf-8").splitlines()
    assert "33.74.10.1001\t4\tMeteseh\t33.74.10\t50271\t-7.06642\t110.46330\t" in "\n".join(lines)
    assert "33.74.10.1004\t4\tBulusan\t33.74.10\t\t\t\t" in lines
    index = load_area_index(out)
    own = index.centre("33.74.10.1001")
    assert own is not None
    assert (own.level, own.lat, own.lon) == (AreaLevel.VILLAGE, -7.06642, 110.4633)
    fallback = index.centre("33.74.10.1004")
    assert fallback is not None
    assert (fallback.code, fallback.level) == ("33.74.10", AreaLevel.DISTRICT)
    no_kecamatan_point = index.centre("33.74.11.1001")
    assert no_kecamatan_point is not None
    assert (no_kecamatan_point.code, no_kecamatan_point.level) == ("33.74", AreaLevel.REGENCY)


def test_names_compare_without_case_punctuation_or_the_way_numbers_are_written() -> None:
    squashed = build_areas.squashed
    assert squashed("Pa'loo") == squashed("PALOO")
    assert squashed("Rowo Sari") == squashed("Rowosari")
    assert squashed("1 Ulu") == squashed("Satu Ulu")
    assert squashed("3 / 4 Ulu") == squashed("Tiga Empat Ulu")
    assert squashed("Seberang Ulu I") == squashed("Seberang Ulu Satu")
    assert squashed("Koto XI Tarusan") == squashed("Koto Sebelas Tarusan")
    assert squashed("21 Ilir") == squashed("Dua Puluh Satu Ilir")
    assert squashed("Livi") == "livi"  # letters of Roman numerals, but not written as one
    assert not build_areas.same_village_name("Kuta Buluh", "Kisam")
    assert build_areas.same_village_name("Meunasah Jareng", "Jareng")
    assert build_areas.same_village_name("Pepayungen Angkup", "Pepayungan Angkup")


@given(st.integers(min_value=1, max_value=39))
def test_roman_numerals_and_words_agree_with_digits(number: int) -> None:
    squashed = build_areas.squashed
    assert squashed(f"Koto {build_areas.roman(number).upper()}") == squashed(f"Koto {number}")
    words = build_areas.number_words(number)
    assert squashed(f"Koto {words}") == squashed(f"Koto {number}")
    assert words.split()[0] in {*build_areas._ONES[1:], "sepuluh", "sebelas"}
