"""Indonesian administrative areas: type-ahead over the whole hierarchy and nesting checks.

The shipped table (``resources/areas/areas.tsv.gz``, built by ``scripts/build_areas.py``) holds every
provinsi, kabupaten/kota, kecamatan and kelurahan/desa with a code in the Kemendagri layout
(``33.74.04.1001``), village postcodes and centre points (a village's own point; a kecamatan's, kota's
and provinsi's the mean of its villages' points), each with a radius: how far from the point the place
may be. Rows are sorted by code, so an area and everything inside it are one contiguous run of rows:
"inside the centre's area" and "descendants of" are index ranges.

A village without a point of its own has its kecamatan's centre (``AreaIndex.centre``); the nearest
village to a position is found through a grid of the village points (``AreaIndex.nearest_village``).

A search answers each keystroke: every typed word must be the start of a word in the area's own name or
in one of its parents' names (so "gayamsari semarang" finds the kelurahan Gayamsari in Kota Semarang),
and at least one typed word must match the area's own name. Leading words people type for the level
("kel.", "desa", "kec.", "kota", "kab.", "prov.") narrow the level instead of being matched.
"""

from __future__ import annotations

import bisect
import gzip
import heapq
import math
import re
import threading
import unicodedata
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Any

from dispatch.domain.geo import PointGrid
from dispatch.resources import resource_path


class AreaLevel(IntEnum):
    PROVINCE = 1
    REGENCY = 2
    DISTRICT = 3
    VILLAGE = 4


#: First regency number of a kota in the Kemendagri layout (kabupaten are numbered below it).
_FIRST_KOTA = 71

_APOSTROPHES = re.compile(r"['’`ʼ]")
_NON_WORD = re.compile(r"[^0-9a-z]+")

# Leading words naming the level: narrow the search to that level instead of being matched.
_LEVEL_WORDS: dict[str, str] = {
    "prov": "province",
    "provinsi": "province",
    "propinsi": "province",
    "kab": "kabupaten",
    "kabupaten": "kabupaten",
    "kota": "kota",
    "kodya": "kota",
    "kotamadya": "kota",
    "kec": "district",
    "kecamatan": "district",
    "kel": "village",
    "kelurahan": "village",
    "desa": "village",
    "ds": "village",
}
# Words of a regency's name that say what kind it is ("Kota Adm. Jakarta Pusat"), not which.
_REGENCY_TYPE_WORDS = frozenset({"kabupaten", "kota", "adm", "administrasi"})


def normalize(text: str) -> str:
    """Lower case, no diacritics, apostrophes dropped, any other punctuation one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NON_WORD.sub(" ", _APOSTROPHES.sub("", plain.casefold())).split())


@dataclass(frozen=True, slots=True)
class AreaCentre:
    """Where an area is: its centre point and how far from it the place may be.

    ``code``, ``name`` and ``level`` are those of the area whose centre this is: the area asked for,
    or, when it has no point of its own, the nearest area above it that has one (a village without a
    point gets its kecamatan's centre, and ``level`` says so).
    """

    code: str
    name: str
    level: AreaLevel
    lat: float
    lon: float
    radius_m: float


@dataclass(frozen=True, slots=True)
class AreaPlace:
    """An area with a point of its own, for drawing it on a map."""

    code: str
    name: str
    level: AreaLevel
    lat: float
    lon: float


#: One row of the area table: code, level, name, parent code, postcode, and the centre's latitude,
#: longitude and radius in metres (None when the area has no point; a five-column row has none).
AreaRow = tuple[str, int, str, str, str, float | None, float | None, float | None]


@dataclass(frozen=True, slots=True)
class AreaMatch:
    """One area with its whole chain, province first (codes and names), its postcode and centre."""

    code: str
    level: AreaLevel
    name: str
    chain: tuple[tuple[str, str], ...]  # (code, name) from the province down to this area
    postcode: str
    centre: AreaCentre | None = None  # AreaIndex.centre of the area (its own or the level above's)

    def _name_at(self, level: AreaLevel) -> str:
        return self.chain[level - 1][1] if len(self.chain) >= level else ""

    @property
    def province(self) -> str:
        return self._name_at(AreaLevel.PROVINCE)

    @property
    def regency(self) -> str:
        return self._name_at(AreaLevel.REGENCY)

    @property
    def district(self) -> str:
        return self._name_at(AreaLevel.DISTRICT)

    @property
    def village(self) -> str:
        return self._name_at(AreaLevel.VILLAGE)

    def label(self) -> str:
        """The area and its parents, smallest first: "Gayamsari, Gayamsari, Kota Semarang, Jawa Tengah"."""
        return ", ".join(name for _code, name in reversed(self.chain))


class NestingProblem(StrEnum):
    UNKNOWN = "unknown"  # no area of that level has this name
    NOT_INSIDE = "not_inside"  # areas of that name exist, but none inside the level above


@dataclass(frozen=True, slots=True)
class NestingIssue:
    level: AreaLevel
    problem: NestingProblem
    name: str
    parent_level: AreaLevel | None = None  # for NOT_INSIDE: the nearest filled level above
    parent_name: str = ""


@dataclass(frozen=True, slots=True)
class _Hint:
    level: AreaLevel
    kota: bool | None = None  # for regencies: True kota, False kabupaten, None either


_HINTS = {
    "province": _Hint(AreaLevel.PROVINCE),
    "kabupaten": _Hint(AreaLevel.REGENCY, kota=False),
    "kota": _Hint(AreaLevel.REGENCY, kota=True),
    "district": _Hint(AreaLevel.DISTRICT),
    "village": _Hint(AreaLevel.VILLAGE),
}


#: Side of a square of the village grid, in degrees (about 5.5 km): a few villages a cell in towns.
_GRID_CELL_DEG = 0.05
#: ``nearest_village`` looks no farther than this (a position that far from every village centre is
#: not in any village: at sea, or abroad).
NEAREST_VILLAGE_MAX_M = 100_000.0


def _own_words(level: AreaLevel, normalized_name: str) -> list[str]:
    words = normalized_name.split()
    if level is AreaLevel.REGENCY:
        stripped = [word for word in words if word not in _REGENCY_TYPE_WORDS]
        return stripped or words
    return words


class AreaIndex:
    """All areas in code order, with a word index for type-ahead.

    Built to stay small (the console keeps it for its whole run): about 30 MiB of objects, 40 MiB
    resident, for the 91,599 shipped areas. Words point to rows through one flat integer array,
    each area's own words are the start of its chain text (no second string), postcodes are
    shared, and names are looked up through the word index instead of a dictionary of their own.
    Centre points and radii are three flat arrays of numbers (NaN: no point), not an object an
    area; the grid of village points for ``nearest_village`` is built on its first use.
    """

    def __init__(
        self,
        rows: Iterable[tuple[str, int, str, str, str] | AreaRow],
        *,
        in_code_order: bool = False,
    ) -> None:
        """``rows``: code, level, name, parent code, postcode and, optionally, the centre's latitude,
        longitude and radius in metres (None: no point). ``in_code_order``: the rows come sorted
        by code (the shipped file), and are read one at a time instead of being held and sorted.

        One pass over the rows builds everything an area keeps, each row's temporaries freed before
        the next row: memory taken and given back in step is reused, not left in holes between what
        is kept (built from a held list, the index left 62 MiB resident for 30 MiB of objects).
        """
        ordered = rows if in_code_order else sorted(rows, key=lambda row: row[0])
        self.codes: list[str] = []
        self.levels: list[AreaLevel] = []
        self.names: list[str] = []
        self.postcodes: list[str] = []
        self.parents = array("i")
        # The centre of each row (NaN when it has none) and its radius in metres.
        self._lat = array("d")
        self._lon = array("d")
        self._radius = array("f")
        # " own words parent's words ... province's words " for checking typed words against the
        # chain; the area's own words are its first ``_own_end[i]`` characters (" own words").
        self._chain_text: list[str] = []
        self._own_end = array("i")
        codes, chain_text, parents = self.codes, self._chain_text, self.parents
        shared: dict[str, str] = {}  # one string per distinct postcode
        word_ids: dict[str, int] = {}  # every word of an area's own name, numbered as first seen
        # Pairs (word id, row), one for each distinct own word of a row, in two flat arrays.
        pair_words = array("i")
        pair_rows = array("i")
        lats, lons, radii = self._lat, self._lon, self._radius
        nan = math.nan
        for row in ordered:
            code, level_number, name, parent_code, postcode = row[:5]
            i = len(codes)
            if codes and code <= codes[-1]:
                raise ValueError(f"area rows not in code order at {code!r}")
            parent = -1
            if parent_code:
                # Codes are sorted and a parent comes before its areas: found by bisection.
                parent = bisect.bisect_left(codes, parent_code)
                if parent == i or codes[parent] != parent_code:
                    raise ValueError(f"area {code!r}: parent {parent_code!r} not before it")
            level = AreaLevel(level_number)
            own = " ".join(_own_words(level, normalize(name)))
            codes.append(code)
            self.levels.append(level)
            self.names.append(name)
            self.postcodes.append(shared.setdefault(postcode, postcode))
            parents.append(parent)
            lat = lon = radius = None
            if len(row) == 8:
                lat, lon, radius = row[5], row[6], row[7]
            if (lat is None) != (lon is None):
                raise ValueError(f"area {code!r}: a latitude without a longitude or the reverse")
            if lat is not None and lon is not None:
                if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
                    raise ValueError(f"area {code!r}: no such position {lat}, {lon}")
                lats.append(lat)
                lons.append(lon)
                radii.append(radius or 0.0)
            else:
                lats.append(nan)
                lons.append(nan)
                radii.append(nan)
            chain_text.append(f" {own}{chain_text[parent] if parent >= 0 else ' '}")
            self._own_end.append(len(own) + 1)
            for word in set(own.split()):
                pair_words.append(word_ids.setdefault(word, len(word_ids)))
                pair_rows.append(i)
        del shared
        count = len(codes)
        # Rows are in code order, so an area's descendants follow it up to the next row not inside it.
        self._subtree_end = array("i", [count]) * count
        stack: list[int] = []
        for i in range(count):
            while stack and parents[i] != stack[-1]:
                self._subtree_end[stack.pop()] = i
            stack.append(i)
        self._vocabulary = sorted(word_ids)
        # The rows of word k (in vocabulary order) are _posting_rows[_posting_start[k]:
        # _posting_start[k + 1]], in row order: one integer array, filled by counting. It doubles as
        # the prefix sum of how many rows (own match) a word range covers; _covered_sum counts them
        # with their descendants (chain match): the most selective typed word is picked in O(1).
        rank_of_id = array("i", [0]) * len(word_ids)
        for k, word in enumerate(self._vocabulary):
            rank_of_id[word_ids[word]] = k
        del word_ids
        sizes = array("i", [0]) * (len(self._vocabulary) + 1)
        for word_id in pair_words:
            sizes[rank_of_id[word_id] + 1] += 1
        self._posting_start = array("i", [0]) * len(sizes)
        for k in range(1, len(sizes)):
            self._posting_start[k] = self._posting_start[k - 1] + sizes[k]
        fill = array("i", self._posting_start)
        self._posting_rows = array("i", [0]) * len(pair_rows)
        for word_id, i in zip(pair_words, pair_rows, strict=True):
            k = rank_of_id[word_id]
            self._posting_rows[fill[k]] = i
            fill[k] += 1
        del pair_words, pair_rows, fill, sizes, rank_of_id
        covered = 0
        self._covered_sum = array("q", [0])
        subtree_end, posting_rows, posting_start = self._subtree_end, self._posting_rows, self._posting_start
        for k in range(len(self._vocabulary)):
            covered += sum(subtree_end[i] - i for i in posting_rows[posting_start[k] : posting_start[k + 1]])
            self._covered_sum.append(covered)
        # Smaller levels first, then shorter names: a static order each search only has to merge.
        own_end, levels = self._own_end, self.levels
        order = sorted(range(count), key=lambda i: (levels[i], own_end[i], codes[i]))
        self._rank = array("i", [0]) * count
        for rank, i in enumerate(order):
            self._rank[i] = rank
        # Answers to the one- and two-letter first keystrokes, the slowest (most rows match).
        self._short_answers: dict[tuple[object, ...], list[int]] = {}
        self._short_lock = threading.Lock()
        # The village grid (``_point_grid``), built by the first ``nearest_village``.
        self._village_grid: PointGrid | None = None
        self._grid_rows = array("i")
        self._grid_lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.codes)

    def count(self, level: AreaLevel) -> int:
        return sum(1 for item in self.levels if item is level)

    # -- looking up -------------------------------------------------------------------------------

    def _match(self, i: int) -> AreaMatch:
        chain: list[tuple[str, str]] = []
        j = i
        while j >= 0:
            chain.append((self.codes[j], self.names[j]))
            j = self.parents[j]
        chain.reverse()
        return AreaMatch(
            self.codes[i], self.levels[i], self.names[i], tuple(chain), self.postcodes[i], self._centre(i)
        )

    def _row(self, code: str) -> int:
        """The row of ``code``, or -1."""
        i = bisect.bisect_left(self.codes, code)
        return i if i < len(self.codes) and self.codes[i] == code else -1

    def get(self, code: str) -> AreaMatch | None:
        i = self._row(code)
        return self._match(i) if i >= 0 else None

    # -- centres ----------------------------------------------------------------------------------

    def has_point(self, i: int) -> bool:
        """Whether row ``i`` has a centre of its own."""
        return not math.isnan(self._lat[i])

    def _centre(self, i: int) -> AreaCentre | None:
        lats = self._lat
        while i >= 0:
            lat = lats[i]
            if lat == lat:  # not NaN: this area has a point
                return AreaCentre(
                    self.codes[i], self.names[i], self.levels[i], lat, self._lon[i], self._radius[i]
                )
            i = self.parents[i]
        return None

    def centre(self, code: str) -> AreaCentre | None:
        """The area's own centre, else that of the nearest area above it with one (None: unknown
        code, or neither it nor any area above it has a point)."""
        i = self._row(code)
        return self._centre(i) if i >= 0 else None

    def places(self, within: str, level: AreaLevel) -> list[AreaPlace]:
        """The areas of ``level`` inside ``within`` (a code prefix; "" everywhere) that have a point,
        in code order."""
        lo, hi = self._range(within) if within.strip() else (0, len(self.codes))
        levels, lats, lons = self.levels, self._lat, self._lon
        return [
            AreaPlace(self.codes[i], self.names[i], level, lats[i], lons[i])
            for i in range(lo, hi)
            if levels[i] is level and lats[i] == lats[i]
        ]

    def _point_grid(self) -> tuple[PointGrid, array[int]]:
        """The grid of the village centres (``geo.PointGrid``, a village's number there is its place in
        the second array) and the rows of those villages, in row order; built on first use."""
        with self._grid_lock:
            if self._village_grid is None:
                lats, levels = self._lat, self.levels
                village = AreaLevel.VILLAGE
                rows = array(
                    "i", [i for i, level in enumerate(levels) if level is village and lats[i] == lats[i]]
                )
                lons = self._lon
                self._village_grid = PointGrid(
                    [lats[i] for i in rows], [lons[i] for i in rows], _GRID_CELL_DEG
                )
                self._grid_rows = rows
            return self._village_grid, self._grid_rows

    def _grid(self) -> tuple[array[Any], ...]:
        """The arrays the village grid keeps (built on first use), for measuring its memory."""
        grid, rows = self._point_grid()
        return (*grid.arrays, rows)

    def nearest_village(self, lat: float, lon: float, within: str = "") -> AreaMatch | None:
        """The village whose centre is nearest to the position, among those inside ``within`` (a code
        prefix; "" anywhere). None when no such village centre is within ``NEAREST_VILLAGE_MAX_M``.

        The grid of village centres (``geo.PointGrid``, shared with the nearest cameras) orders them by
        great-circle distance; the villages inside ``within`` are a run of its numbers, since both are
        in code order.
        """
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            return None
        lo, hi = self._range(within) if within.strip() else (0, len(self.codes))
        if lo >= hi:
            return None
        grid, rows = self._point_grid()
        first, end = bisect.bisect_left(rows, lo), bisect.bisect_left(rows, hi)
        found = grid.nearest(lat, lon, 1, NEAREST_VILLAGE_MAX_M, first=first, end=end)
        return self._match(rows[found[0][0]]) if found else None

    def _range(self, prefix: str) -> tuple[int, int]:
        """Rows whose code is ``prefix`` or inside it ("33.74" covers "33.74.04.1001")."""
        prefix = prefix.strip().rstrip(".")
        if not prefix:
            return 0, 0
        return bisect.bisect_left(self.codes, prefix), bisect.bisect_left(self.codes, prefix + "/")

    # -- type-ahead -------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20, within: str = "") -> list[AreaMatch]:
        """Areas matching what was typed so far; those inside ``within`` (a code prefix) first."""
        words = normalize(query).split()
        hint: _Hint | None = None
        while len(words) > 1 and words[0] in _LEVEL_WORDS:
            hint = _HINTS[_LEVEL_WORDS[words.pop(0)]]
        if not words or limit <= 0:
            return []
        found = self._search_words(words, hint, limit, within)
        if not found and hint is not None:
            # "Kota Baru" is also a village's name: the level word may have been part of it.
            found = self._search_words(normalize(query).split(), None, limit, within)
        return [self._match(i) for i in found]

    def _word_range(self, word: str) -> tuple[int, int]:
        return (
            bisect.bisect_left(self._vocabulary, word),
            bisect.bisect_left(self._vocabulary, word + "\uffff"),
        )

    def _search_words(self, words: list[str], hint: _Hint | None, limit: int, within: str) -> list[int]:
        typed = " ".join(words)
        if len(typed) > 2:
            return self._search_uncached(words, typed, hint, limit, within)
        key = (typed, hint, limit, within)
        with self._short_lock:
            known = self._short_answers.get(key)
        if known is None:
            known = self._search_uncached(words, typed, hint, limit, within)
            with self._short_lock:
                if len(self._short_answers) > 4096:
                    self._short_answers.clear()
                self._short_answers[key] = known
        return list(known)

    def _search_uncached(
        self, words: list[str], typed: str, hint: _Hint | None, limit: int, within: str
    ) -> list[int]:
        words = list(dict.fromkeys(words))
        ranges = [self._word_range(word) for word in words]
        if any(lo == hi for lo, hi in ranges):
            return []
        candidates: Iterable[int] = (
            self._union(*ranges[0]) if len(words) == 1 else self._multi_word(words, ranges)
        )
        if hint is not None:
            candidates = [i for i in candidates if self._fits(i, hint)]
        return self._ranked(candidates, typed, limit, within)

    def _multi_word(self, words: list[str], ranges: list[tuple[int, int]]) -> list[int]:
        """Rows whose own name matches one typed word and whose chain of names matches them all.

        Two ways to find them, whichever looks at fewer rows: the rows (with their descendants)
        matching the most selective word, or the rows whose own name matches any typed word.
        """
        covered = [self._covered_sum[hi] - self._covered_sum[lo] for lo, hi in ranges]
        start = self._posting_start
        own_total = sum(start[hi] - start[lo] for lo, hi in ranges)
        anchor = min(range(len(words)), key=covered.__getitem__)
        chain_text = self._chain_text
        spaced = [f" {word}" for word in words]
        if own_total < covered[anchor]:
            rows: set[int] = set()
            for lo, hi in ranges:
                rows |= self._union(lo, hi)
            return [i for i in rows if all(word in chain_text[i] for word in spaced)]
        others = [word for k, word in enumerate(spaced) if k != anchor]
        own_end = self._own_end
        found: list[int] = []
        for first, end in self._spans(self._union(*ranges[anchor])):
            found.extend(
                i
                for i in range(first, end)
                if all(other in chain_text[i] for other in others)
                and any(chain_text[i].find(word, 0, own_end[i]) >= 0 for word in spaced)
            )
        return found

    def _spans(self, rows: Iterable[int]) -> list[tuple[int, int]]:
        """The rows and their descendants as disjoint ranges (a row inside another's range adds nothing)."""
        spans: list[tuple[int, int]] = []
        for i in sorted(rows):
            if spans and i < spans[-1][1]:
                continue
            spans.append((i, self._subtree_end[i]))
        return spans

    def _union(self, lo: int, hi: int) -> set[int]:
        """The rows of the words lo..hi of the vocabulary (a run of the flat posting array)."""
        return set(self._posting_rows[self._posting_start[lo] : self._posting_start[hi]])

    def _fits(self, i: int, hint: _Hint) -> bool:
        if self.levels[i] is not hint.level:
            return False
        if hint.kota is None:
            return True
        return (int(self.codes[i][3:5]) >= _FIRST_KOTA) is hint.kota

    def _ranked(self, candidates: Iterable[int], typed: str, limit: int, within: str) -> list[int]:
        """Own area first; within it and outside, names starting with what was typed first."""
        lo, hi = self._range(within) if within else (0, 0)
        chain_text = self._chain_text
        own_end = self._own_end
        typed = f" {typed}"
        tiers: list[list[int]] = [[], [], [], []]
        for i in candidates:
            starts = chain_text[i].startswith(typed, 0, own_end[i])  # within its own words
            tiers[(0 if lo <= i < hi else 2) + (0 if starts else 1)].append(i)
        result: list[int] = []
        rank = self._rank.__getitem__
        for tier in tiers:
            if len(result) >= limit:
                break
            result.extend(heapq.nsmallest(limit - len(result), tier, key=rank))
        return result

    # -- nesting ----------------------------------------------------------------------------------

    def named(self, level: AreaLevel, name: str) -> list[int]:
        """Rows of ``level`` whose name, or its own words ("Semarang" for "Kota Semarang"), is ``name``.

        Such a row is in the postings of every word of ``name`` that does not say a regency's kind
        (of every word when all do): the rarest of them gives the candidates.
        """
        key = normalize(name)
        words = key.split()
        if not words:
            return []
        which = [word for word in words if word not in _REGENCY_TYPE_WORDS] or words
        spans = []
        for word in which:
            k = bisect.bisect_left(self._vocabulary, word)
            if k == len(self._vocabulary) or self._vocabulary[k] != word:
                return []
            spans.append((self._posting_start[k], self._posting_start[k + 1]))
        first, end = min(spans, key=lambda span: span[1] - span[0])
        own_key = f" {key}"
        return [
            i
            for i in self._posting_rows[first:end]
            if self.levels[i] is level
            and (
                (self._own_end[i] == len(own_key) and self._chain_text[i].startswith(own_key))
                or normalize(self.names[i]) == key
            )
        ]

    def _is_inside(self, i: int, ancestor: int) -> bool:
        return ancestor <= i < self._subtree_end[ancestor]

    def check_nesting(
        self, province: str = "", regency: str = "", district: str = "", village: str = ""
    ) -> NestingIssue | None:
        """The first level (from the top) whose name is unknown or not inside the filled level above."""
        given = [
            (level, name.strip())
            for level, name in zip(AreaLevel, (province, regency, district, village), strict=True)
            if name.strip()
        ]
        # Rows still possible for the levels checked so far (None: no level above was filled).
        possible: list[int] | None = None
        parent: tuple[AreaLevel, str] | None = None
        for level, name in given:
            rows = self.named(level, name)
            if not rows:
                return NestingIssue(level, NestingProblem.UNKNOWN, name)
            if possible is not None and parent is not None:
                above = possible
                rows = [i for i in rows if any(self._is_inside(i, a) for a in above)]
                if not rows:
                    return NestingIssue(level, NestingProblem.NOT_INSIDE, name, parent[0], parent[1])
            possible = rows
            parent = (level, name)
        return None


def parse_area_rows(lines: Iterable[str]) -> list[AreaRow]:
    return list(iter_area_rows(lines))


def iter_area_rows(lines: Iterable[str]) -> Iterator[AreaRow]:
    """Rows of the area table: five columns (before centres were added) or eight."""
    for line in lines:
        fields = line.rstrip("\n").split("\t")
        if len(fields) == 8:
            code, level, name, parent, postcode, lat, lon, radius = fields
            if lat:
                yield code, int(level), name, parent, postcode, float(lat), float(lon), float(radius or 0)
            else:
                yield code, int(level), name, parent, postcode, None, None, None
        elif len(fields) == 5:
            code, level, name, parent, postcode = fields
            yield code, int(level), name, parent, postcode, None, None, None
        else:
            raise ValueError(f"area row with {len(fields)} columns: {line[:60]!r}")


def load_area_index(path: Path | None = None) -> AreaIndex:
    """The shipped table (sorted by code, ``scripts/build_areas.py``), read a line at a time."""
    source = path or resource_path("areas", "areas.tsv.gz")
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        return AreaIndex(iter_area_rows(handle), in_code_order=True)


_lock = threading.Lock()
_shared: AreaIndex | None = None


def area_index() -> AreaIndex:
    """The shipped areas, loaded on first use (``warm_up_areas`` loads them ahead, off the GUI thread)."""
    global _shared
    with _lock:
        if _shared is None:
            _shared = load_area_index()
        return _shared


def warm_up_areas(within: str = "", limit: int = 12) -> None:
    """Load the areas and answer every first keystroke ahead, off the GUI thread."""
    index = area_index()
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789":
        index.search(letter, limit, within)


def search(query: str, limit: int = 20, within: str = "") -> list[AreaMatch]:
    return area_index().search(query, limit, within)


def check_nesting(
    province: str = "", regency: str = "", district: str = "", village: str = ""
) -> NestingIssue | None:
    return area_index().check_nesting(province, regency, district, village)
