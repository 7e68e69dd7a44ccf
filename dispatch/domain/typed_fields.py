"""Reading a record typed as text (a form, a CSV row) field by field: every refused field named once,
with what was refused, so that a form shows each problem next to its field and a CSV import names the
column of each refused cell. The directory's agencies and the camera registry read their fields so.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Generic, TypeVar

Problem = TypeVar("Problem")

#: The refused text kept for the message, cut to this many characters.
SHOWN_VALUE = 40
#: What a form or a spreadsheet writes for yes and no (an empty cell is yes), in both languages.
_YES_WORDS = frozenset({"", "yes", "y", "true", "1", "ya", "aktif", "active"})
_NO_WORDS = frozenset({"no", "n", "false", "0", "tidak", "nonaktif", "inactive"})


def yes_or_no(text: str) -> bool | None:
    """``text`` as yes (True) or no (False), as a person writes them ("ya", "tidak", "aktif", "0", an
    empty cell is yes); None for anything else."""
    word = text.strip().lower()
    if word in _YES_WORDS:
        return True
    if word in _NO_WORDS:
        return False
    return None


def has_control_characters(text: str) -> bool:
    """Whether ``text`` holds a control, format, surrogate, private-use or unassigned character."""
    # Printable text has none of these categories (the fast answer for nearly every cell); the
    # other unprintable characters are spaces of other kinds, which are allowed.
    return not text.isprintable() and any(
        unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in text
    )


class FieldReader(Generic[Problem]):
    """The typed ``fields`` of one record (a missing key is an empty field), read one by one.

    ``problems`` holds the first problem of each refused field, ``values`` the text refused (cut).
    """

    def __init__(
        self,
        fields: Mapping[str, str],
        limits: Mapping[str, int],
        *,
        missing: Problem,
        too_long: Problem,
        control_characters: Problem,
    ) -> None:
        self.fields = fields
        self.limits = limits
        self.missing = missing
        self.too_long = too_long
        self.control_characters = control_characters
        self.problems: dict[str, Problem] = {}
        self.values: dict[str, str] = {}

    def refuse(self, name: str, problem: Problem, value: str = "") -> None:
        """The field ``name`` is refused for ``problem`` (only its first problem is kept)."""
        if name not in self.problems:
            self.problems[name] = problem
            if value:
                self.values[name] = value[:SHOWN_VALUE]

    def text(self, name: str, required: bool = False) -> str:
        """The field's text, stripped; refused when missing (if ``required``), longer than its limit
        or holding control characters."""
        value = self.fields.get(name, "").strip()
        if required and not value:
            self.refuse(name, self.missing)
        elif len(value) > self.limits[name]:
            self.refuse(name, self.too_long)
        elif has_control_characters(value):
            self.refuse(name, self.control_characters)
        return value
