"""Positions in the forms people paste: decimal pairs, degrees-minutes-seconds, map links.

Accepted, for example::

    -6.99306, 110.42083          -6.99306 110.42083          -6,99306; 110,42083
    6°59'35.0"S 110°25'15.0"E    S 6 59 35 E 110 25 15       6°59′35″ LS 110°25′15″ BT
    6° 59.5833' S, 110° 25.25' E
    https://www.google.com/maps?q=-6.99306,110.42083     .../maps/@-6.99306,110.42083,17z
    .../maps/place/Simpang+Lima/@-6.99,110.42,17z/data=!3d-6.99306!4d110.42083
    https://www.openstreetmap.org/#map=17/-6.99306/110.42083     ...?mlat=-6.99306&mlon=110.42083
    geo:-6.99306,110.42083       https://maps.apple.com/?ll=-6.99306,110.42083

Without hemisphere letters the first number is the latitude; a pair whose first number cannot be a
latitude but whose second can is reported as swapped, with the order it probably meant. Hemisphere
letters may be English (N S E W) or Indonesian (U S T B, or LU LS BT BB: lintang utara/selatan,
bujur timur/barat).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import unquote_plus

#: Indonesia with its seas, generously: a position outside is possible (a caller abroad, a ship),
#: so it is a warning, not an error.
INDONESIA_LAT = (-11.5, 6.5)
INDONESIA_LON = (94.5, 141.5)

_MAX_INPUT = 4000  # longer text is not a position (and keeps the regular expressions cheap)


class PositionProblem(StrEnum):
    NOT_UNDERSTOOD = "not_understood"
    LINK_WITHOUT_POSITION = "link_without_position"  # e.g. a short link, which only the web can resolve
    LAT_OUT_OF_RANGE = "lat_out_of_range"
    LON_OUT_OF_RANGE = "lon_out_of_range"
    SWAPPED = "swapped"


class PositionRejected(ValueError):
    def __init__(self, problem: PositionProblem, suggestion: tuple[float, float] | None = None) -> None:
        super().__init__(problem.value)
        self.problem = problem
        #: For SWAPPED: (lat, lon) in the order the text probably meant.
        self.suggestion = suggestion


@dataclass(frozen=True, slots=True)
class ParsedPosition:
    lat: float
    lon: float

    @property
    def outside_indonesia(self) -> bool:
        return not (
            INDONESIA_LAT[0] <= self.lat <= INDONESIA_LAT[1]
            and INDONESIA_LON[0] <= self.lon <= INDONESIA_LON[1]
        )


# -- map links ------------------------------------------------------------------------------------

_NUMBER = r"[-+]?\d{1,3}(?:\.\d+)?"
_LINK_PATTERNS = (
    # Google's place data: the place itself, more precise than the map centre after "@".
    re.compile(rf"!3d({_NUMBER})!4d({_NUMBER})"),
    re.compile(rf"[?&#;]mlat=({_NUMBER}).*?[?&#;]mlon=({_NUMBER})"),
    re.compile(rf"#map=\d+(?:\.\d+)?/({_NUMBER})/({_NUMBER})"),
    re.compile(
        rf"[?&](?:q|ll|sll|query|daddr|destination|center|center_point|coordinate)=(?:loc:)?\s*"
        rf"({_NUMBER})\s*,\s*({_NUMBER})"
    ),
    re.compile(rf"@({_NUMBER}),({_NUMBER})"),
    re.compile(rf"^geo:\s*({_NUMBER})\s*,\s*({_NUMBER})"),
    re.compile(rf"/(?:place|search|dir|@)?/?({_NUMBER})\s*,\s*({_NUMBER})(?:[/,?#]|$)"),
)
_LINK_START = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|geo:|www\.|maps\.|goo\.gl/|maps\.app\.goo\.gl/)", re.I)


def _from_link(text: str) -> tuple[float, float] | None:
    decoded = unquote_plus(text)
    for pattern in _LINK_PATTERNS:
        match = pattern.search(decoded)
        if match:
            return float(match.group(1)), float(match.group(2))
    return None


# -- written positions ----------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<num>\d+(?:\.\d+)?)
      | (?P<sign>[-+])
      | (?P<deg>°)
      | (?P<min>')
      | (?P<sec>")
      | (?P<hem>(?:LU|LS|BT|BB|[NSEWUTB])(?![A-Z0-9]))
      | (?P<sep>[,;])
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_SOUTH_WEST = frozenset({"S", "W", "B", "LS", "BB"})
_LATITUDE_LETTERS = frozenset({"N", "S", "U", "LU", "LS"})
# Typographic marks people (and apps) use for degrees, minutes and seconds.
_MARKS = str.maketrans(
    {
        "º": "°",
        "˚": "°",
        "′": "'",
        "’": "'",
        "‘": "'",
        "´": "'",
        "`": "'",
        "″": '"',
        "“": '"',
        "”": '"',
        "−": "-",
        "–": "-",
        "—": "-",
    }
)

_Token = tuple[str, str]  # (kind, text)


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            if text[position:].strip() == "":
                break
            raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
        kind = match.lastgroup
        assert kind is not None
        tokens.append((kind, match.group(kind).upper()))
        position = match.end()
    return tokens


def _split_in_two(tokens: list[_Token]) -> tuple[list[_Token], list[_Token]]:
    """The latitude's and the longitude's tokens (in the written order)."""
    separators = [k for k, (kind, _) in enumerate(tokens) if kind == "sep"]
    if separators:
        if len(separators) != 1:
            raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
        k = separators[0]
        return tokens[:k], tokens[k + 1 :]
    letters = [k for k, (kind, _) in enumerate(tokens) if kind == "hem"]
    if letters:
        if len(letters) != 2:
            raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
        if letters[0] == 0:  # "S 6 59 35 E 110 25 15"
            return tokens[: letters[1]], tokens[letters[1] :]
        if letters[1] == len(tokens) - 1:  # "6 59 35 S 110 25 15 E"
            return tokens[: letters[0] + 1], tokens[letters[0] + 1 :]
        raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
    degrees = [k for k, (kind, _) in enumerate(tokens) if kind == "deg"]
    if degrees:
        if len(degrees) != 2 or degrees[1] < 2:
            raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
        k = degrees[1] - 1  # the second angle starts at its degrees number (and its sign)
        if tokens[k - 1][0] == "sign":
            k -= 1
        return tokens[:k], tokens[k:]
    numbers = [k for k, (kind, _) in enumerate(tokens) if kind == "num"]
    if len(numbers) not in (2, 4, 6):
        raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
    k = numbers[len(numbers) // 2]
    if tokens[k - 1][0] == "sign":
        k -= 1
    return tokens[:k], tokens[k:]


def _angle(tokens: list[_Token]) -> tuple[float, str | None]:
    """Signed degrees and the hemisphere letter, if any, of one written angle."""
    letters = [text for kind, text in tokens if kind == "hem"]
    if len(letters) > 1 or (letters and tokens[0][0] != "hem" and tokens[-1][0] != "hem"):
        raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
    body = [token for token in tokens if token[0] != "hem"]
    negative = False
    if body and body[0][0] == "sign":
        negative = body[0][1] == "-"
        body = body[1:]
    parts: list[float] = []
    marks = ("deg", "min", "sec")
    k = 0
    while k < len(body):
        kind, text = body[k]
        if kind != "num" or len(parts) == 3:
            raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
        parts.append(float(text))
        k += 1
        if k < len(body) and body[k][0] in marks:
            if body[k][0] != marks[len(parts) - 1]:
                raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
            k += 1
    if not parts:
        raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
    # Only the last part may have decimals; minutes and seconds stay below 60.
    if any(part != int(part) for part in parts[:-1]) or any(part >= 60 for part in parts[1:]):
        raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
    value = sum(part / 60**index for index, part in enumerate(parts))
    letter = letters[0] if letters else None
    if letter in _SOUTH_WEST:
        if negative:
            raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)  # "-6 S": which did they mean?
        negative = True
    return (-value if negative else value), letter


def _written(text: str) -> tuple[float, float, bool]:
    """(lat, lon, hemisphere letters given) from a written position."""
    if ";" in text:
        text = text.replace(",", ".")  # "-6,99306; 110,42083": decimal commas
    tokens = _tokens(text)
    first, second = _split_in_two(tokens)
    a, a_letter = _angle(first)
    b, b_letter = _angle(second)
    if a_letter is None and b_letter is None:
        return a, b, False
    if a_letter is None or b_letter is None:
        raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
    a_is_lat = a_letter in _LATITUDE_LETTERS
    if a_is_lat == (b_letter in _LATITUDE_LETTERS):
        raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)  # two latitudes, or two longitudes
    return (a, b, True) if a_is_lat else (b, a, True)


def parse_position(text: str) -> ParsedPosition:
    """A position from pasted text; raises PositionRejected saying what is wrong."""
    if len(text) > _MAX_INPUT:
        raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
    cleaned = unicodedata.normalize("NFKC", text.translate(_MARKS)).translate(_MARKS)
    # NFKC writes a double prime as two primes, and some people type two apostrophes for seconds.
    cleaned = cleaned.replace("''", '"').strip()
    if not cleaned:
        raise PositionRejected(PositionProblem.NOT_UNDERSTOOD)
    explicit = False
    if _LINK_START.match(cleaned):
        pair = _from_link(cleaned)
        if pair is None:
            raise PositionRejected(PositionProblem.LINK_WITHOUT_POSITION)
        lat, lon = pair
    else:
        lat, lon, explicit = _written(cleaned)
    return ParsedPosition(*_checked(lat, lon, explicit))


def _checked(lat: float, lon: float, explicit: bool) -> tuple[float, float]:
    if abs(lat) > 90:
        if not explicit and abs(lon) <= 90 and abs(lat) <= 180:
            raise PositionRejected(PositionProblem.SWAPPED, suggestion=(lon, lat))
        raise PositionRejected(PositionProblem.LAT_OUT_OF_RANGE)
    if abs(lon) > 180:
        raise PositionRejected(PositionProblem.LON_OUT_OF_RANGE)
    # -0.0 from "-0" reads oddly and compares equal: store plain zero.
    return lat + 0.0, lon + 0.0


def format_decimal(lat: float, lon: float) -> str:
    """The way the form shows a stored position: "-6.99306, 110.42083" (about 1 m)."""
    return f"{lat:.5f}, {lon:.5f}"


def format_dms(lat: float, lon: float) -> str:
    """Degrees, minutes and seconds to a hundredth of a second: 6°59'35.02"S 110°25'15.00"E."""

    def angle(value: float, positive: str, negative: str) -> str:
        hundredths = round(abs(value) * 360_000)
        degrees, rest = divmod(hundredths, 360_000)
        minutes, rest = divmod(rest, 6_000)
        seconds = rest / 100
        return f"{degrees}°{minutes:02d}'{seconds:05.2f}\"{negative if value < 0 else positive}"

    return f"{angle(lat, 'N', 'S')} {angle(lon, 'E', 'W')}"
