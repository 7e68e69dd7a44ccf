"""The CCTV camera registry as data: where each camera is and what it streams.

A supervisor imports the owner's list (Semarang's reaches tens of thousands of cameras) or edits a
camera in the directory editor. Pure: the camera's specification and its validation from typed text
(a CSV row: ``id,name,owner,lat,lon,stream_url,active``; "id" is the owner's code for the camera).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from dispatch.domain.typed_fields import FieldReader, has_control_characters, yes_or_no

#: The fields of a camera as typed in the form or a CSV column, in display order.
CAMERA_FIELDS: tuple[str, ...] = ("id", "name", "owner", "lat", "lon", "stream_url", "active")
#: Longest text each field may hold (the columns of ``cameras``).
FIELD_LIMITS: Mapping[str, int] = {"id": 64, "name": 200, "owner": 200, "stream_url": 1000}
#: What Qt Multimedia (FFmpeg) is asked to play: RTSP, HLS or MJPEG over HTTP(S).
STREAM_SCHEMES = frozenset({"rtsp", "rtsps", "http", "https"})

_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?$")
_SPACE = re.compile(r"\s")


class CameraProblem(StrEnum):
    """Why a typed field of a camera was refused; the UI turns these into words."""

    MISSING = "missing"
    TOO_LONG = "too_long"
    CONTROL_CHARACTERS = "control_characters"
    NOT_A_CODE = "not_a_code"
    NOT_A_NUMBER = "not_a_number"
    OUT_OF_RANGE = "out_of_range"
    NOT_A_STREAM_URL = "not_a_stream_url"
    NO_HOST = "no_host"
    NOT_YES_OR_NO = "not_yes_or_no"
    DUPLICATE_CODE = "duplicate_code"


#: English reasons, for logs and exported reports; the UI has its own translated words.
PROBLEM_TEXT: Mapping[CameraProblem, str] = {
    CameraProblem.MISSING: "required, but empty",
    CameraProblem.TOO_LONG: "too long",
    CameraProblem.CONTROL_CHARACTERS: "contains control characters",
    CameraProblem.NOT_A_CODE: "no spaces in a camera id",
    CameraProblem.NOT_A_NUMBER: "not a decimal number (use a dot: -6.9893)",
    CameraProblem.OUT_OF_RANGE: "outside the valid range (latitude -90..90, longitude -180..180)",
    CameraProblem.NOT_A_STREAM_URL: "not a stream address (rtsp://, rtsps://, http:// or https://)",
    CameraProblem.NO_HOST: "the stream address names no host",
    CameraProblem.NOT_YES_OR_NO: "not yes or no",
    CameraProblem.DUPLICATE_CODE: "camera id already used by an earlier row",
}


class CameraRejected(ValueError):
    """Typed camera fields that cannot make a camera; every field's problem at once (for the form)."""

    def __init__(
        self, problems: Mapping[str, CameraProblem], values: Mapping[str, str] | None = None
    ) -> None:
        self.problems: dict[str, CameraProblem] = dict(problems)
        self.values: dict[str, str] = dict(values or {})
        super().__init__("; ".join(f"{name}: {self.reason(name)}" for name in self.problems))

    def reason(self, name: str) -> str:
        value = self.values.get(name, "")
        return PROBLEM_TEXT[self.problems[name]] + (f": {value!r}" if value else "")


@dataclass(frozen=True, slots=True)
class CameraSpec:
    #: The owner's id for the camera ("SMG-CCTV-00123"); unique whatever its case.
    code: str
    name: str
    owner: str
    lat: float
    lon: float
    #: Credentials are part of it when the camera needs them (never shown in full on screen).
    stream_url: str
    #: An inactive camera stays on record (stills taken from it) but is not offered.
    active: bool = True


def camera_from_text(fields: Mapping[str, str]) -> CameraSpec:
    """A camera from typed text (the form, a CSV row); a missing key is an empty field.

    Raises :class:`CameraRejected` naming the problem of every refused field.
    """
    reader = FieldReader(
        fields,
        FIELD_LIMITS,
        missing=CameraProblem.MISSING,
        too_long=CameraProblem.TOO_LONG,
        control_characters=CameraProblem.CONTROL_CHARACTERS,
    )
    problems, values, refuse, text = reader.problems, reader.values, reader.refuse, reader.text

    code = text("id", required=True)
    if code and "id" not in problems and _SPACE.search(code):
        refuse("id", CameraProblem.NOT_A_CODE, code)
    name = text("name", required=True)
    owner = text("owner")
    lat = _coordinate("lat", fields.get("lat", ""), 90.0, refuse)
    lon = _coordinate("lon", fields.get("lon", ""), 180.0, refuse)
    stream_url = text("stream_url", required=True)
    if stream_url and "stream_url" not in problems:
        problem = stream_url_problem(stream_url)
        if problem is not None:
            refuse("stream_url", problem, stream_url)
    active_text = fields.get("active", "").strip().lower()
    active = yes_or_no(active_text)
    if active is None:
        refuse("active", CameraProblem.NOT_YES_OR_NO, active_text)
    if problems or lat is None or lon is None:
        raise CameraRejected(problems, values)
    return CameraSpec(
        code=code,
        name=name,
        owner=owner,
        lat=lat,
        lon=lon,
        stream_url=stream_url,
        active=active is not False,
    )


def camera_to_text(spec: CameraSpec) -> dict[str, str]:
    """The inverse of :func:`camera_from_text` for every valid spec."""
    return {
        "id": spec.code,
        "name": spec.name,
        "owner": spec.owner,
        # repr is the shortest text that reads back as the same float.
        "lat": repr(spec.lat),
        "lon": repr(spec.lon),
        "stream_url": spec.stream_url,
        "active": "yes" if spec.active else "no",
    }


def stream_url_problem(url: str) -> CameraProblem | None:
    """Why ``url`` is no stream address a camera dock can open, or None."""
    if _SPACE.search(url) or has_control_characters(url):
        return CameraProblem.NOT_A_STREAM_URL
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - a port out of range or not a number raises here
    except ValueError:
        return CameraProblem.NOT_A_STREAM_URL
    if parts.scheme.lower() not in STREAM_SCHEMES or not url.lower().startswith(parts.scheme.lower() + "://"):
        return CameraProblem.NOT_A_STREAM_URL
    if not parts.hostname:
        return CameraProblem.NO_HOST
    return None


def shown_url(url: str) -> str:
    """``url`` without its password, for the screen and the log (the stored one keeps it)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[-1]
    return parts._replace(netloc=f"{user}:***@{host}").geturl()


def _coordinate(
    name: str, typed: str, limit: float, refuse: Callable[[str, CameraProblem, str], None]
) -> float | None:
    value = typed.strip()
    if not value:
        refuse(name, CameraProblem.MISSING, "")
        return None
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")  # a decimal comma, as Indonesian Excel writes it
    if not _NUMBER.match(value):
        refuse(name, CameraProblem.NOT_A_NUMBER, typed.strip())
        return None
    number = float(value)
    if not math.isfinite(number) or not -limit <= number <= limit:
        refuse(name, CameraProblem.OUT_OF_RANGE, typed.strip())
        return None
    return number
