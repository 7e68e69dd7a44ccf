"""Advanced Mobile Location (ETSI TS 103 625): the position a handset sends by SMS during an emergency call.

The SMS text (version 1) is ``A"ML=1;`` followed by ``key=value`` pairs separated by ``;``::

    A"ML=1;lt=-6.99306;lg=+110.42083;rd=12;top=20221115070312;lc=68;pm=G;si=510101234567890;
    ei=356938035643809;mcc=510;mnc=10;ml=128

``lt``/``lg`` WGS84 degrees, ``rd`` the radius in metres, ``top`` the fix's UTC time (YYYYMMDDhhmmss),
``lc`` the confidence in percent, ``pm`` the positioning method (G GNSS, W Wi-Fi, C cell, N none: no
position), ``si`` IMSI, ``ei`` IMEI, ``mcc``/``mnc`` the network, ``ml`` the message's whole length
including ``ml=...`` itself. Decoding is pure: ``decode_aml(text)`` returns an ``AmlFix`` or raises
``AmlError`` with a reason for the feed log; it never raises anything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

AML_PREFIX = 'A"ML='


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


def is_aml(text: str) -> bool:
    """The text claims to be an AML message (whether it decodes is ``decode_aml``'s to say)."""
    return text.lstrip().startswith(AML_PREFIX)


def decode_aml(text: str) -> AmlFix:
    """The fix in ``text``; ``AmlError`` with the reason when it is not a valid AML message."""
    raise NotImplementedError  # issue 15: written by the AML wire work
