"""Numbers, shares and durations in a report, written the way the report's language writes them.

Indonesian groups thousands with a point and writes a decimal comma (1.234,5); English the other way
round (1,234.5). Shares are written as percentages with a space before the sign, as docs/figures.md
writes them ("90 %"). A missing value (no sample: the figures say None) is an en dash, never 0.
Durations carry their unit in every cell, so a column may mix seconds and minutes without a legend.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

#: What a report prints where a figure has no value (no sample in the period).
MISSING = "–"
#: Between a number and its unit: a line never breaks there ("15" at the end of one line, "s" on the next).
NBSP = "\u00a0"


#: English separators to Indonesian ones: the group point and the decimal comma trade places.
_SWAP_SEPARATORS = str.maketrans(",.", ".,")


class NumberFormat:
    """Formats numbers for one report language (``id`` or ``en``)."""

    def __init__(self, language: str) -> None:
        if language not in ("id", "en"):
            raise ValueError(f"unsupported language {language!r}")
        self.language = language

    def _local(self, text: str) -> str:
        """Python's English form (``1,234.5``) in the report's language."""
        if self.language == "en":
            return text
        return text.translate(_SWAP_SEPARATORS)

    def integer(self, value: int | None) -> str:
        return MISSING if value is None else self._local(f"{value:,d}")

    def decimal(self, value: float | None, places: int = 1) -> str:
        if value is None or not math.isfinite(value):
            return MISSING
        return self._local(f"{value:,.{places}f}")

    def percent(self, share: float | None, places: int = 1) -> str:
        """A share from 0 to 1 as a percentage: 0.875 -> ``87,5 %`` / ``87.5 %``."""
        if share is None or not math.isfinite(share):
            return MISSING
        return f"{self.decimal(share * 100, places)}{NBSP}%"

    def target_percent(self, share: float) -> str:
        """A target's share as it is set (90 %, 95 %; a decimal only where the setting has one)."""
        value = share * 100
        return f"{self.decimal(value, 0 if value == round(value) else 1)}{NBSP}%"

    def seconds(self, value: float | None) -> str:
        """A measured time: ``12,3 s`` under a minute, ``4:05 min`` under an hour, ``1:02:05 h`` after."""
        if value is None or not math.isfinite(value):
            return MISSING
        if value < 60:
            return _unit(translate("ReportNumbers", "%1 s"), self.decimal(value))
        whole = round(value)
        hours, rest = divmod(whole, 3600)
        minutes, secs = divmod(rest, 60)
        if not hours:
            return _unit(translate("ReportNumbers", "%1 min"), f"{minutes}:{secs:02d}")
        return _unit(translate("ReportNumbers", "%1 h"), f"{self.integer(hours)}:{minutes:02d}:{secs:02d}")

    def limit(self, value: float) -> str:
        """A threshold as set: ``15 s``, ``60 s``, ``1,5 s`` (whole seconds without decimals)."""
        places = 0 if value == round(value) else 1
        return _unit(translate("ReportNumbers", "%1 s"), self.decimal(value, places))


def _unit(pattern: str, number: str) -> str:
    return pattern.replace(" ", NBSP).replace("%1", number)
