"""Advanced Mobile Location (ETSI TS 103 625): the position a handset sends by SMS during an emergency call.

The SMS text (version 1) is ``A"ML=1;`` followed by ``key=value`` pairs separated by ``;``::

    A"ML=1;lt=-6.99306;lg=+110.42083;rd=12;top=20221115070312;lc=68;pm=G;si=510101234567890;
    ei=356938035643809;mcc=510;mnc=10;ml=128

``lt``/``lg`` WGS84 degrees, ``rd`` the radius in metres, ``top`` the fix's UTC time (YYYYMMDDhhmmss),
``lc`` the confidence in percent, ``pm`` the positioning method (G GNSS, W Wi-Fi, C cell, N none: no
position), ``si`` IMSI, ``ei`` IMEI, ``mcc``/``mnc`` the network, ``ml`` the message's whole length
including ``ml=...`` itself. Decoding is pure: ``decode_aml(text)`` returns an ``AmlFix`` or raises
``AmlError`` with a reason for the feed log; it never raises anything else.

What is accepted (a handset's message is read as written where it can be, and refused where a
position read from it could be wrong):

- the text is taken without surrounding white space; it starts ``A"ML=1`` (version 1 only: a later
  version may mean other things by the same keys); fields are ``key=value`` separated by ``;``, keys
  in any case and order, empty fields (``;;``, a final ``;``) skipped, unknown keys ignored, a key
  given twice refused;
- ``lt``/``lg``/``rd``/``top``/``pm`` are required. With ``pm=N`` (no position) the handset may
  send ``lt``/``lg``/``rd`` absent, empty or as placeholders (``lt=+00.00000;rd=N``): they are
  ignored, and ``top`` may be absent too;
- ``lt`` -90..90, ``lg`` -180..180 in decimal degrees (ASCII digits, an optional sign, no
  exponent), ``rd`` 0..100,000 m, ``top`` a real UTC time ``YYYYMMDDhhmmss``, ``lc`` (optional)
  a whole 0..100;
- ``ml``, when present, must be the length of the text: a message cut short or run into another is
  refused. A message without ``ml`` is read all the same (its fields are still checked);
- at most ``MAX_LENGTH`` characters (one SMS holds 160; a joined one a few hundred).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

AML_PREFIX = 'A"ML='
#: Longest text decoded (characters).
MAX_LENGTH = 1000
#: Largest radius taken as a position (metres): a cell's may be tens of kilometres, not more.
MAX_RADIUS_M = 100_000.0


class AmlMethod(StrEnum):
    """``pm``: how the handset found its position (stored by these values, shown by labels)."""

    GNSS = "gnss"  # G
    WIFI = "wifi"  # W
    CELL = "cell"  # C
    NONE = "none"  # N: the handset had no position


class AmlError(ValueError):
    """Not a valid AML message; ``str(error)`` is the reason, in English, for the feed log."""


@dataclass(frozen=True, slots=True)
class AmlFix:
    """One decoded AML message. ``lat``/``lon``/``radius_m`` are None only when ``method`` is NONE."""

    version: int
    lat: float | None
    lon: float | None
    radius_m: float | None
    fixed_at: datetime | None  # UTC
    confidence: int | None  # percent
    method: AmlMethod
    imsi: str = ""
    imei: str = ""
    mcc: str = ""
    mnc: str = ""
    #: The message text exactly as decoded.
    text: str = ""


def fix_fields(fix: AmlFix) -> dict[str, object]:
    """The fix as JSON-ready fields, named as ``listen`` prints them and the feed log stores them."""
    return {
        "lat": fix.lat,
        "lon": fix.lon,
        "radius_m": fix.radius_m,
        "fixed_at": None if fix.fixed_at is None else fix.fixed_at.isoformat(),
        "confidence": fix.confidence,
        "method": fix.method.value,
    }


def is_aml(text: str) -> bool:
    """The text claims to be an AML message (whether it decodes is ``decode_aml``'s to say)."""
    return text.lstrip().startswith(AML_PREFIX)


_METHODS = {"G": AmlMethod.GNSS, "W": AmlMethod.WIFI, "C": AmlMethod.CELL, "N": AmlMethod.NONE}
_REQUIRED = ("lt", "lg", "rd", "top", "pm")
# ASCII digits only: ``float`` and ``int`` would take other scripts' digits, "1_0", "nan" or "1e3".
_DEGREES = re.compile(r"[+-]?[0-9]{1,3}(?:\.[0-9]{1,12})?", re.ASCII)
_RADIUS = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,9})?", re.ASCII)
_WHOLE = re.compile(r"[0-9]{1,9}", re.ASCII)
_TIME = re.compile(r"[0-9]{14}", re.ASCII)


def decode_aml(text: str) -> AmlFix:
    """The fix in ``text``; ``AmlError`` with the reason when it is not a valid AML message."""
    text = text.strip()
    if len(text) > MAX_LENGTH:
        raise AmlError(f"AML: message too long ({len(text)} characters, at most {MAX_LENGTH})")
    if not text.startswith(AML_PREFIX):
        raise AmlError(f"AML: does not start with {AML_PREFIX}")
    head, _, rest = text[len(AML_PREFIX) :].partition(";")
    version = head.strip()
    if _WHOLE.fullmatch(version) is None:
        raise AmlError(f"AML: version {_shown(version)} is not a number")
    if int(version) != 1:
        raise AmlError(f"AML: version {int(version)} is not supported (only 1)")
    fields = _fields(rest)
    # The length first: a message cut short or run into another explains whatever else is wrong.
    if "ml" in fields:
        if _WHOLE.fullmatch(fields["ml"]) is None:
            raise AmlError(f"AML: ml {_shown(fields['ml'])} is not a number")
        if int(fields["ml"]) != len(text):
            raise AmlError(f"AML: ml says {int(fields['ml'])}, message is {len(text)}")
    for key in _REQUIRED:
        if key not in fields and not (key != "pm" and fields.get("pm", "").upper() == "N"):
            raise AmlError(f"AML: {key} missing")
    method = _METHODS.get(fields["pm"].upper())
    if method is None:
        raise AmlError(f"AML: pm {_shown(fields['pm'])} is not G, W, C or N")
    lat = lon = radius = None
    fixed_at = None
    if method is not AmlMethod.NONE:
        lat = _number(fields, "lt", _DEGREES, 90.0)
        lon = _number(fields, "lg", _DEGREES, 180.0)
        radius = _number(fields, "rd", _RADIUS, MAX_RADIUS_M)
        fixed_at = _time(fields["top"])
    elif fields.get("top"):
        fixed_at = _time(fields["top"])
    confidence = None
    if fields.get("lc"):
        if _WHOLE.fullmatch(fields["lc"]) is None or int(fields["lc"]) > 100:
            raise AmlError(f"AML: lc {_shown(fields['lc'])} is not a whole 0..100")
        confidence = int(fields["lc"])
    return AmlFix(
        version=1,
        lat=lat,
        lon=lon,
        radius_m=radius,
        fixed_at=fixed_at,
        confidence=confidence,
        method=method,
        imsi=fields.get("si", ""),
        imei=fields.get("ei", ""),
        mcc=fields.get("mcc", ""),
        mnc=fields.get("mnc", ""),
        text=text,
    )


def _fields(rest: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for number, field in enumerate(rest.split(";"), 2):
        if not field.strip():
            continue
        key, equals, value = field.partition("=")
        key = key.strip().lower()
        if not equals or not key or "=" in value:
            # Two fields run together ("zz=1ml=131", a separator lost) are one malformed field, not
            # a value holding "=": the second would otherwise be lost unseen (even the length).
            raise AmlError(f"AML: field {number} {_shown(field)} is not key=value")
        if key in fields:
            raise AmlError(f"AML: {key} given twice")
        fields[key] = value.strip()
    return fields


def _number(fields: dict[str, str], key: str, form: re.Pattern[str], limit: float) -> float:
    value = fields[key]
    if not value:
        raise AmlError(f"AML: {key} empty")
    if form.fullmatch(value) is None:
        raise AmlError(f"AML: {key} {_shown(value)} is not a number")
    number = float(value)
    low = 0.0 if key == "rd" else -limit
    if not low <= number <= limit:
        raise AmlError(f"AML: {key} {_shown(value)} out of range {low:g}..{limit:g}")
    return number


def _time(value: str) -> datetime:
    if _TIME.fullmatch(value) is None:
        raise AmlError(f"AML: top {_shown(value)} is not YYYYMMDDhhmmss")
    try:
        return datetime(
            int(value[0:4]),
            int(value[4:6]),
            int(value[6:8]),
            int(value[8:10]),
            int(value[10:12]),
            int(value[12:14]),
            tzinfo=UTC,
        )
    except ValueError:
        raise AmlError(f"AML: top {_shown(value)} is not a real time") from None


def _shown(value: str) -> str:
    """A value for a reason: quoted, escaped, and short (the reason goes to the feed log)."""
    return repr(value if len(value) <= 24 else value[:24] + "...")
