"""Carrier, area and country names of caller numbers, from the shipped Indonesia-only table.

``resources/phone/indonesia.json`` is built by ``scripts/build_phone_data.py`` from phonenumbers'
own carrier, area and country data, kept for numbers of +62 (and every country's name). It replaces
``phonenumbers.carrier`` and ``phonenumbers.geocoder``, which load every country's tables at import
(about 150 MiB resident). The lookups are theirs: the longest listed prefix of the E.164 digits, the
name as phonenumbers resolves it for the language; ``tests/unit/test_phone_data.py`` checks the
file against a rebuild and the answers against phonenumbers' for Indonesian numbers.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumber

from dispatch.resources import resource_path

_lock = threading.Lock()
_shared: PhoneNames | None = None


@dataclass(frozen=True, slots=True)
class _Prefixes:
    names: dict[str, str]
    longest: int

    @classmethod
    def of(cls, names: dict[str, str]) -> _Prefixes:
        return cls(names, max(map(len, names), default=0))

    def find(self, digits: str) -> str:
        """The name of the longest listed prefix of ``digits`` ("" when none is listed)."""
        names = self.names
        for length in range(min(self.longest, len(digits)), 0, -1):
            name = names.get(digits[:length])
            if name is not None:
                return name
        return ""


class PhoneNames:
    """The shipped names: carriers and areas of one country's numbers, every country's name."""

    def __init__(self, content: dict[str, object]) -> None:
        self.country_code = int(content["country_code"])  # type: ignore[call-overload]
        self.source = str(content["source"])
        carrier: dict[str, str] = content["carrier"]  # type: ignore[assignment]
        area: dict[str, dict[str, str]] = content["area"]  # type: ignore[assignment]
        country: dict[str, dict[str, str]] = content["country"]  # type: ignore[assignment]
        self._carrier = _Prefixes.of(carrier)
        self._area = {lang: _Prefixes.of(names) for lang, names in area.items()}
        self._country = country

    def covers(self, number: PhoneNumber) -> bool:
        """Whether the carrier and area names of ``number`` are in the table (its country's are)."""
        return bool(number.country_code == self.country_code)

    def carrier(self, e164: str) -> str:
        """``phonenumbers.carrier.name_for_valid_number(number, "en")`` for a covered number."""
        return self._carrier.find(e164.lstrip("+"))

    def area(self, e164: str, lang: str) -> str:
        """The area alone (no country fallback) of ``geocoder.description_for_valid_number``."""
        prefixes = self._area.get(lang)
        return prefixes.find(e164.lstrip("+")) if prefixes is not None else ""

    def country(self, number: PhoneNumber, lang: str) -> str:
        """``phonenumbers.geocoder.country_name_for_number(number, lang)``, for any number."""
        names = self._country.get(lang, {})
        regions = phonenumbers.region_codes_for_country_code(number.country_code or 0)
        if len(regions) == 1:
            return names.get(regions[0], "")
        # A code shared by several regions (+1, +7, +44...): the one region the number is valid
        # for, else none (phonenumbers answers "" when it is valid for more than one).
        found = ""
        for region in regions:
            if phonenumbers.is_valid_number_for_region(number, region):
                if found:
                    return ""
                found = region
        return names.get(found, "")


def load_phone_names(path: str | None = None) -> PhoneNames:
    source = path or resource_path("phone", "indonesia.json")
    with open(source, encoding="utf-8") as handle:
        return PhoneNames(json.load(handle))


def phone_names() -> PhoneNames:
    """The shipped table, loaded on first use (some 30 KB, a millisecond)."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                _shared = load_phone_names()
    return _shared
