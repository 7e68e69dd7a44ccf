"""Reading training scenario files (``resources/scenarios/<id>.json``, docs/scenarios.md) into the
frozen types of :mod:`dispatch.domain.scenarios`, with a message naming the line of the first problem.

Python's ``json`` names a line only for a syntax error, and a trainer who typed ``"FIER"`` for
``"FIRE"`` needs the line of that value too. So the file is read by a small reader of its own
(:class:`_Document`: strict JSON, strings decoded by ``json.decoder.scanstring``) that keeps where
each value and each key starts; the checks then refer to a value by its path (``calls[2].truth.
category``) and the error carries that value's line. A missing key is reported on the line of the
object that lacks it; an unknown key (a typo must not pass silently) on the key's own line.

Everything a scenario names is checked against the data it refers to: the category against the
catalogue, questions and answers against that category's protocol card, the area code against the
area table (a kelurahan/desa), the point against Indonesia's bounds, agencies and form fields
against their enums. The first problem found is raised as :class:`ScenarioError`; its English text is
:func:`problem_text`, and ``ui.labels.scenario_problem`` words the same problem in the reader's language.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import NoReturn

from dispatch.catalogue_files import load_default_catalogue, load_default_protocols
from dispatch.domain.areas import AreaIndex, AreaLevel, area_index, normalize
from dispatch.domain.catalogue import Catalogue
from dispatch.domain.coordinates import INDONESIA_LAT, INDONESIA_LON
from dispatch.domain.enums import AgencyType, CallClass, Priority
from dispatch.domain.incidents import TEXT_FIELDS
from dispatch.domain.protocols import ProtocolSet
from dispatch.domain.scenarios import (
    SCENARIO_FORMAT,
    SCENARIO_LANGUAGES,
    CallerScript,
    CallTruth,
    KeywordReply,
    Scenario,
    ScriptedCall,
    Surge,
    TimeBudget,
    Words,
)
from dispatch.resources import resource_path

SCENARIOS_DIR = ("scenarios",)
#: Files in the scenarios folder that are not scenarios.
NOT_SCENARIOS = frozenset({"scoring.json", "scenario.schema.json"})

SCENARIO_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
KEY_PATTERN = re.compile(r"[a-z0-9_-]{1,40}")
#: As a caller-ID frame carries a number: digits (``+`` first for an international one), or ``P``
#: (withheld) or ``O`` (unavailable).
NUMBER_PATTERN = re.compile(r"P|O|\+?[0-9]{3,20}")

#: A scenario longer than a day is a mistake (a 30-minute shift drill is 1800 s).
MAX_DURATION_SECONDS = 86_400.0
#: Rings longer than an hour, or budgets above it, are mistakes too.
MAX_WAIT_SECONDS = 3_600.0
MAX_SURGE_COUNT = 200
MAX_AGENCY_UNITS = 20
#: Seeds are stored as 32-bit integers (training_sessions.seed).
MAX_SEED = 2**31 - 1
MAX_TEXT_LENGTH = 2_000
MAX_NAME_LENGTH = 64
MAX_WORD_LENGTH = 100
#: Nesting deeper than this is not a scenario (the format is five levels deep); keeps the reader's
#: recursion bounded whatever the file.
MAX_DEPTH = 20
#: Digits of a whole number beyond which it is no seed or count (and Python's own limit is far).
MAX_DIGITS = 40

#: Classes a silent call may turn out to be once called back.
_AFTER_CALLBACK = tuple(c for c in CallClass if c not in (CallClass.SILENT, CallClass.ABANDONED))

# C0 and C1 controls (tab and line feed aside) and lone surrogates: never text a reader sees, and a
# lone surrogate cannot even be written out as UTF-8.
_BAD_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_WHITESPACE = re.compile(r"[ \t\n\r]*")


class ScenarioProblem(StrEnum):
    """What is wrong with a scenario file; ``ScenarioError.detail`` holds the named parts."""

    UNREADABLE = "unreadable"  # reason
    NOT_UTF8 = "not_utf8"  # byte
    EMPTY = "empty"
    EXPECTED_VALUE = "expected_value"  # column
    EXPECTED_KEY = "expected_key"  # column
    EXPECTED_COLON = "expected_colon"  # column
    EXPECTED_COMMA = "expected_comma"  # column, close
    TRAILING_COMMA = "trailing_comma"  # column
    UNTERMINATED_STRING = "unterminated_string"  # column
    CONTROL_IN_STRING = "control_in_string"  # column
    BAD_ESCAPE = "bad_escape"  # column
    NUMBER_TOO_LARGE = "number_too_large"  # column
    TRAILING_DATA = "trailing_data"  # column
    TOO_DEEP = "too_deep"  # column
    DUPLICATE_KEY = "duplicate_key"  # key
    BAD_CHARACTER = "bad_character"  # code (U+0000)
    WRONG_TYPE = "wrong_type"  # expected, found (type codes below)
    UNKNOWN_KEY = "unknown_key"  # key, allowed
    MISSING_KEY = "missing_key"  # key
    WRONG_FORMAT = "wrong_format"  # value, expected
    ID_NOT_FILE_NAME = "id_not_file_name"  # value, expected
    BAD_NAME = "bad_name"  # value, allowed (characters)
    DUPLICATE_CALL_KEY = "duplicate_call_key"  # value
    DUPLICATE_ITEM = "duplicate_item"  # value
    BELOW_MINIMUM = "below_minimum"  # value, minimum
    NOT_POSITIVE = "not_positive"  # value
    ABOVE_MAXIMUM = "above_maximum"  # value, maximum
    NOT_BEFORE_END = "not_before_end"  # value, duration
    EMPTY_TEXT = "empty_text"  # language
    EMPTY_VALUE = "empty_value"
    NO_WORD = "no_word"  # value
    TOO_LONG = "too_long"  # length, maximum
    BAD_NUMBER = "bad_number"  # value
    NOT_ONE_OF = "not_one_of"  # value, allowed
    UNKNOWN_CATEGORY = "unknown_category"  # value, allowed
    NO_PROTOCOL_CARD = "no_protocol_card"  # category
    UNKNOWN_QUESTION = "unknown_question"  # value, category, allowed
    QUESTION_WITHOUT_ANSWER = "question_without_answer"  # value
    UNKNOWN_AREA = "unknown_area"  # value
    NOT_A_VILLAGE = "not_a_village"  # value, name
    OUTSIDE_INDONESIA = "outside_indonesia"  # lat, lon
    ONLY_FOR_EMERGENCY = "only_for_emergency"  # key, call_class
    ONLY_FOR_SILENT = "only_for_silent"  # call_class
    SILENT_WITH_OPENING = "silent_with_opening"
    CALLBACK_NEEDED = "callback_needed"  # after
    NO_CALLS = "no_calls"


#: Type codes of WRONG_TYPE's ``expected`` and ``found``.
TYPE_CODES = (
    "object",
    "list",
    "text",
    "whole_number",
    "number",
    "true_false",
    "null",
    "pair",
    "text_or_null",
)

#: English wording of each problem (``ui.labels.scenario_problem`` has the same in both languages).
ENGLISH: Mapping[ScenarioProblem, str] = {
    ScenarioProblem.UNREADABLE: "the file cannot be read: {reason}",
    ScenarioProblem.NOT_UTF8: "not UTF-8 text (byte {byte})",
    ScenarioProblem.EMPTY: "the file is empty",
    ScenarioProblem.EXPECTED_VALUE: "column {column}: a value was expected (text in double quotes, a number, "
    "true, false, null, {{...}} or [...])",
    ScenarioProblem.EXPECTED_KEY: "column {column}: a name in double quotes was expected (a comma too many?)",
    ScenarioProblem.EXPECTED_COLON: "column {column}: ':' was expected after the name",
    ScenarioProblem.EXPECTED_COMMA: "column {column}: ',' or '{close}' was expected (a comma missing?)",
    ScenarioProblem.TRAILING_COMMA: "column {column}: a comma before the end of an object or list "
    "(JSON allows none there)",
    ScenarioProblem.UNTERMINATED_STRING: "column {column}: the text in quotes is not closed",
    ScenarioProblem.CONTROL_IN_STRING: "column {column}: a line break or control character inside quotes "
    "(write \\n)",
    ScenarioProblem.BAD_ESCAPE: 'column {column}: a backslash must be followed by " \\ / b f n r t or uXXXX',
    ScenarioProblem.NUMBER_TOO_LARGE: "column {column}: the number is too large",
    ScenarioProblem.TRAILING_DATA: "column {column}: more after the end of the scenario",
    ScenarioProblem.TOO_DEEP: "column {column}: nested too deeply",
    ScenarioProblem.DUPLICATE_KEY: "{key} is given twice in the same object",
    ScenarioProblem.BAD_CHARACTER: "a control character ({code}) in the text",
    ScenarioProblem.WRONG_TYPE: "should be {expected}, not {found}",
    ScenarioProblem.UNKNOWN_KEY: "unknown name {key} (allowed: {allowed})",
    ScenarioProblem.MISSING_KEY: "{key} is missing",
    ScenarioProblem.WRONG_FORMAT: "the format is {value}; this console reads {expected}",
    ScenarioProblem.ID_NOT_FILE_NAME: "the id {value} differs from the file name: it should be {expected}",
    ScenarioProblem.BAD_NAME: "{value} may only have the characters {allowed}",
    ScenarioProblem.DUPLICATE_CALL_KEY: "the key {value} is already used by another call or surge",
    ScenarioProblem.DUPLICATE_ITEM: "{value} is given twice",
    ScenarioProblem.BELOW_MINIMUM: "{value} is less than {minimum}",
    ScenarioProblem.NOT_POSITIVE: "{value} should be more than 0",
    ScenarioProblem.ABOVE_MAXIMUM: "{value} is more than {maximum}",
    ScenarioProblem.NOT_BEFORE_END: "{value} is not before the scenario's end ({duration} s)",
    ScenarioProblem.EMPTY_TEXT: "the {language_name} text ({language}) is empty",
    ScenarioProblem.EMPTY_VALUE: "should not be empty",
    ScenarioProblem.NO_WORD: "{value} has no letter or digit: it can never be heard in a narrative",
    ScenarioProblem.TOO_LONG: "{length} characters, more than {maximum}",
    ScenarioProblem.BAD_NUMBER: "{value} is not a number as caller ID gives it (digits, + first, P withheld, "
    "O unavailable)",
    ScenarioProblem.NOT_ONE_OF: "{value} is not one of {allowed}",
    ScenarioProblem.UNKNOWN_CATEGORY: "{value} is not a category of the catalogue ({allowed})",
    ScenarioProblem.NO_PROTOCOL_CARD: "the category {category} has no protocol card, so no questions",
    ScenarioProblem.UNKNOWN_QUESTION: "{value} is not a question on the {category} protocol card ({allowed})",
    ScenarioProblem.QUESTION_WITHOUT_ANSWER: "the required question {value} has no answer in the script",
    ScenarioProblem.UNKNOWN_AREA: "{value} is not a code of the area table",
    ScenarioProblem.NOT_A_VILLAGE: "{value} ({name}) is not a kelurahan or desa: give a code of four parts "
    "(33.74.13.1003)",
    ScenarioProblem.OUTSIDE_INDONESIA: "{lat}, {lon} is outside Indonesia (latitude first, then longitude)",
    ScenarioProblem.ONLY_FOR_EMERGENCY: "{key} is only for an emergency (the class is {call_class})",
    ScenarioProblem.ONLY_FOR_SILENT: "after_callback is only for a silent call (the class is {call_class})",
    ScenarioProblem.SILENT_WITH_OPENING: "a silent caller says nothing on answer: the opening should be null",
    ScenarioProblem.CALLBACK_NEEDED: "a silent call that is {after} on callback needs the caller's "
    "callback line",
    ScenarioProblem.NO_CALLS: "the scenario has no calls and no surges",
}

#: English for the type codes of WRONG_TYPE.
ENGLISH_TYPES: Mapping[str, str] = {
    "object": "an object {...}",
    "list": "a list [...]",
    "text": "text in double quotes",
    "whole_number": "a whole number",
    "number": "a number",
    "true_false": "true or false",
    "null": "null",
    "pair": "a pair [latitude, longitude]",
    "text_or_null": "text in both languages or null",
}


class _Default(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def problem_text(problem: ScenarioProblem, detail: Mapping[str, str]) -> str:
    """The problem in English (the console words it in the reader's language: ui.labels)."""
    words = _Default(detail)
    if problem is ScenarioProblem.EMPTY_TEXT:
        words["language_name"] = {"id": "Indonesian", "en": "English"}.get(words.get("language", ""), "")
    for name in ("expected", "found"):
        if problem is ScenarioProblem.WRONG_TYPE and name in words:
            words[name] = ENGLISH_TYPES.get(words[name], words[name])
    return ENGLISH[problem].format_map(words)


class ScenarioError(ValueError):
    """The first problem of a scenario file: where (file, line, JSON path) and what."""

    def __init__(
        self,
        source: str,
        line: int,
        where: str,
        problem: ScenarioProblem,
        detail: Mapping[str, str] | None = None,
        column: int = 0,
    ) -> None:
        self.source = source
        self.line = line
        self.where = where
        self.problem = problem
        # Plain strings (an enum member given is kept as its value).
        self.detail: dict[str, str] = {key: str(value) for key, value in (detail or {}).items()}
        #: For a syntax error, the column (1-based, in characters); 0 otherwise.
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        text = problem_text(self.problem, self.detail)
        where = f" {self.where}:" if self.where else ""
        line = f"{self.line}:" if self.line else ""  # 0: the file as a whole (it cannot be read)
        return f"{self.source}:{line}{where} {text}"

    def __reduce__(self) -> tuple[object, ...]:
        return (
            type(self),
            (self.source, self.line, self.where, self.problem, self.detail, self.column),
        )


@dataclass(frozen=True, slots=True)
class LoadedScenario:
    scenario: Scenario
    #: SHA-256 of the file's bytes (hex): which version of the file a session ran.
    sha256: str
    path: Path


# -- the reader ------------------------------------------------------------------------------------

_Path = tuple[str | int, ...]


def where_of(path: _Path) -> str:
    """``("calls", 2, "truth", "category")`` -> ``calls[2].truth.category``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class _Document:
    """Strict JSON (RFC 8259) read with the offset where each value and each object key starts.

    Refuses what ``json`` lets through and a scenario must not hold: NaN and Infinity, a key twice in
    one object, control characters and lone surrogates in text, nesting deeper than MAX_DEPTH.
    """

    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.source = source
        self.values: dict[_Path, int] = {}
        self.keys: dict[_Path, int] = {}
        self._newlines = [match.start() for match in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self._newlines, offset) + 1

    def column(self, offset: int) -> int:
        line = self.line(offset)
        start = self._newlines[line - 2] + 1 if line > 1 else 0
        return offset - start + 1

    def syntax(self, offset: int, problem: ScenarioProblem, **detail: str) -> NoReturn:
        column = self.column(offset)
        raise ScenarioError(
            self.source, self.line(offset), "", problem, {"column": str(column), **detail}, column
        )

    def parse(self) -> object:
        position = self._skip(0)
        if position == len(self.text):
            raise ScenarioError(self.source, 1, "", ScenarioProblem.EMPTY)
        value, position = self._value(position, (), 0)
        position = self._skip(position)
        if position != len(self.text):
            self.syntax(position, ScenarioProblem.TRAILING_DATA)
        return value

    def _skip(self, position: int) -> int:
        match = _WHITESPACE.match(self.text, position)
        assert match is not None  # the pattern matches the empty string
        return match.end()

    def _string(self, position: int, path: _Path) -> tuple[str, int]:
        """The string whose opening quote is at ``position``, and the offset after it."""
        try:
            value, end = json.decoder.scanstring(self.text, position + 1, True)  # type: ignore[attr-defined]
        except json.JSONDecodeError as error:
            if error.msg.startswith("Unterminated"):
                self.syntax(position, ScenarioProblem.UNTERMINATED_STRING)
            if "control character" in error.msg:
                self.syntax(error.pos, ScenarioProblem.CONTROL_IN_STRING)
            self.syntax(error.pos, ScenarioProblem.BAD_ESCAPE)
        bad = _BAD_CHARACTER.search(value)
        if bad is not None:
            raise ScenarioError(
                self.source,
                self.line(position),
                where_of(path),
                ScenarioProblem.BAD_CHARACTER,
                {"code": f"U+{ord(bad.group()):04X}"},
            )
        return value, end

    def _value(self, position: int, path: _Path, depth: int) -> tuple[object, int]:
        text = self.text
        if position >= len(text):
            self.syntax(position, ScenarioProblem.EXPECTED_VALUE)
        self.values[path] = position
        char = text[position]
        if char == "{":
            return self._object(position, path, depth + 1)
        if char == "[":
            return self._list(position, path, depth + 1)
        if char == '"':
            return self._string(position, path)
        for word, constant in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, position):
                return constant, position + len(word)
        match = _NUMBER.match(text, position)
        if match is None:
            self.syntax(position, ScenarioProblem.EXPECTED_VALUE)
        number = match.group()
        if match.group(1) is None and match.group(2) is None:
            if len(number) > MAX_DIGITS:
                self.syntax(position, ScenarioProblem.NUMBER_TOO_LARGE)
            return int(number), match.end()
        value = float(number)
        if value in (float("inf"), float("-inf")):
            self.syntax(position, ScenarioProblem.NUMBER_TOO_LARGE)
        return value, match.end()

    def _object(self, start: int, path: _Path, depth: int) -> tuple[dict[str, object], int]:
        if depth > MAX_DEPTH:
            self.syntax(start, ScenarioProblem.TOO_DEEP)
        text = self.text
        members: dict[str, object] = {}
        position = self._skip(start + 1)
        if text.startswith("}", position):
            return members, position + 1
        while True:
            if not text.startswith('"', position):
                self.syntax(position, ScenarioProblem.EXPECTED_KEY)
            key_at = position
            key, position = self._string(position, path)
            if key in members:
                raise ScenarioError(
                    self.source,
                    self.line(key_at),
                    where_of((*path, key)),
                    ScenarioProblem.DUPLICATE_KEY,
                    {"key": key},
                )
            self.keys[(*path, key)] = key_at
            position = self._skip(position)
            if not text.startswith(":", position):
                self.syntax(position, ScenarioProblem.EXPECTED_COLON)
            position = self._skip(position + 1)
            members[key], position = self._value(position, (*path, key), depth)
            position = self._skip(position)
            if text.startswith(",", position):
                comma, position = position, self._skip(position + 1)
                if text.startswith("}", position):
                    self.syntax(comma, ScenarioProblem.TRAILING_COMMA)
                continue
            if text.startswith("}", position):
                return members, position + 1
            self.syntax(position, ScenarioProblem.EXPECTED_COMMA, close="}")

    def _list(self, start: int, path: _Path, depth: int) -> tuple[list[object], int]:
        if depth > MAX_DEPTH:
            self.syntax(start, ScenarioProblem.TOO_DEEP)
        text = self.text
        items: list[object] = []
        position = self._skip(start + 1)
        if text.startswith("]", position):
            return items, position + 1
        while True:
            item, position = self._value(position, (*path, len(items)), depth)
            items.append(item)
            position = self._skip(position)
            if text.startswith(",", position):
                comma, position = position, self._skip(position + 1)
                if text.startswith("]", position):
                    self.syntax(comma, ScenarioProblem.TRAILING_COMMA)
                continue
            if text.startswith("]", position):
                return items, position + 1
            self.syntax(position, ScenarioProblem.EXPECTED_COMMA, close="]")


# -- the checks ------------------------------------------------------------------------------------


def _type_code(value: object) -> str:
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true_false"
    if isinstance(value, int):
        return "whole_number"
    if isinstance(value, float):
        return "number"
    return "null"


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class _Checker:
    def __init__(
        self, document: _Document, catalogue: Catalogue, protocols: ProtocolSet, areas: AreaIndex | None
    ) -> None:
        self.document = document
        self.catalogue = catalogue
        self.protocols = protocols
        self._areas = areas
        self.duration = 0.0
        self.keys_used: set[str] = set()

    # -- raising

    def line(self, path: _Path) -> int:
        offset = self.document.values.get(path)
        while offset is None and path:
            path = path[:-1]
            offset = self.document.values.get(path)
        return self.document.line(offset or 0)

    def fail(self, path: _Path, problem: ScenarioProblem, **detail: str) -> NoReturn:
        """The problem of the value at ``path``, on that value's line."""
        raise ScenarioError(self.document.source, self.line(path), where_of(path), problem, detail)

    def fail_key(self, path: _Path, problem: ScenarioProblem, **detail: str) -> NoReturn:
        """The problem of the key that ends ``path``, on the key's line."""
        offset = self.document.keys.get(path)
        line = self.document.line(offset) if offset is not None else self.line(path)
        raise ScenarioError(self.document.source, line, where_of(path), problem, detail)

    # -- shapes

    def members(
        self, path: _Path, value: object, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, object]:
        if not isinstance(value, dict):
            self.fail(path, ScenarioProblem.WRONG_TYPE, expected="object", found=_type_code(value))
        allowed = required + optional
        for key in value:
            if key not in allowed:
                self.fail_key((*path, key), ScenarioProblem.UNKNOWN_KEY, key=key, allowed=", ".join(allowed))
        for key in required:
            if key not in value:
                # On the line of the object that lacks it: the key has no line of its own.
                raise ScenarioError(
                    self.document.source,
                    self.line(path),
                    where_of((*path, key)),
                    ScenarioProblem.MISSING_KEY,
                    {"key": key},
                )
        return value

    def items(self, path: _Path, value: object) -> list[object]:
        if not isinstance(value, list):
            self.fail(path, ScenarioProblem.WRONG_TYPE, expected="list", found=_type_code(value))
        return value

    def text(self, path: _Path, value: object, maximum: int = MAX_NAME_LENGTH) -> str:
        if not isinstance(value, str):
            self.fail(path, ScenarioProblem.WRONG_TYPE, expected="text", found=_type_code(value))
        if not value.strip():
            self.fail(path, ScenarioProblem.EMPTY_VALUE)
        if len(value) > maximum:
            self.fail(path, ScenarioProblem.TOO_LONG, length=str(len(value)), maximum=str(maximum))
        return value

    def name(self, path: _Path, value: object, pattern: re.Pattern[str], allowed: str) -> str:
        if not isinstance(value, str):
            self.fail(path, ScenarioProblem.WRONG_TYPE, expected="text", found=_type_code(value))
        if not pattern.fullmatch(value):
            self.fail(path, ScenarioProblem.BAD_NAME, value=value, allowed=allowed)
        return value

    def number(
        self,
        path: _Path,
        value: object,
        *,
        minimum: float | None = None,
        positive: bool = False,
        maximum: float | None = None,
        whole: bool = False,
    ) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            expected = "whole_number" if whole else "number"
            self.fail(path, ScenarioProblem.WRONG_TYPE, expected=expected, found=_type_code(value))
        if whole and not float(value).is_integer():
            self.fail(path, ScenarioProblem.WRONG_TYPE, expected="whole_number", found="number")
        shown = _number_text(value)
        if minimum is not None and value < minimum:
            self.fail(path, ScenarioProblem.BELOW_MINIMUM, value=shown, minimum=_number_text(minimum))
        if positive and value <= 0:
            self.fail(path, ScenarioProblem.NOT_POSITIVE, value=shown)
        if maximum is not None and value > maximum:
            self.fail(path, ScenarioProblem.ABOVE_MAXIMUM, value=shown, maximum=_number_text(maximum))
        return float(value)

    def whole(self, path: _Path, value: object, minimum: int, maximum: int) -> int:
        return int(self.number(path, value, minimum=minimum, maximum=maximum, whole=True))

    def at_seconds(self, path: _Path, value: object) -> float:
        seconds = self.number(path, value, minimum=0)
        if seconds >= self.duration:
            self.fail(
                path,
                ScenarioProblem.NOT_BEFORE_END,
                value=_number_text(seconds),
                duration=_number_text(self.duration),
            )
        return seconds

    def words(self, path: _Path, value: object) -> Words:
        data = self.members(path, value, SCENARIO_LANGUAGES)
        texts: dict[str, str] = {}
        for language in SCENARIO_LANGUAGES:
            text = data[language]
            if not isinstance(text, str):
                self.fail(
                    (*path, language), ScenarioProblem.WRONG_TYPE, expected="text", found=_type_code(text)
                )
            if not text.strip():
                self.fail((*path, language), ScenarioProblem.EMPTY_TEXT, language=language)
            if len(text) > MAX_TEXT_LENGTH:
                self.fail(
                    (*path, language),
                    ScenarioProblem.TOO_LONG,
                    length=str(len(text)),
                    maximum=str(MAX_TEXT_LENGTH),
                )
            texts[language] = text
        return Words(id=texts["id"], en=texts["en"])

    def optional_words(self, path: _Path, data: dict[str, object], key: str) -> Words | None:
        value = data.get(key)
        return None if value is None else self.words((*path, key), value)

    def choice(self, path: _Path, value: object, allowed: tuple[str, ...]) -> str:
        if not isinstance(value, str):
            self.fail(path, ScenarioProblem.WRONG_TYPE, expected="text", found=_type_code(value))
        if value not in allowed:
            self.fail(path, ScenarioProblem.NOT_ONE_OF, value=value, allowed=", ".join(allowed))
        return value

    def unique_texts(self, path: _Path, value: object, maximum: int = MAX_NAME_LENGTH) -> tuple[str, ...]:
        items = self.items(path, value)
        seen: list[str] = []
        for index, item in enumerate(items):
            text = self.text((*path, index), item, maximum)
            if text in seen:
                self.fail((*path, index), ScenarioProblem.DUPLICATE_ITEM, value=text)
            seen.append(text)
        return tuple(seen)

    def new_key(self, path: _Path, value: object) -> str:
        key = self.name(path, value, KEY_PATTERN, "a-z 0-9 _ -")
        if key in self.keys_used:
            self.fail(path, ScenarioProblem.DUPLICATE_CALL_KEY, value=key)
        self.keys_used.add(key)
        return key

    # -- the scenario

    def scenario(self, value: object, stem: str | None) -> Scenario:
        root: _Path = ()
        if isinstance(value, dict) and "format" in value:
            given = value["format"]
            if not isinstance(given, str):
                self.fail(("format",), ScenarioProblem.WRONG_TYPE, expected="text", found=_type_code(given))
            if given != SCENARIO_FORMAT:
                self.fail(("format",), ScenarioProblem.WRONG_FORMAT, value=given, expected=SCENARIO_FORMAT)
        data = self.members(
            root,
            value,
            ("format", "id", "title", "summary", "seed", "duration_seconds", "calls"),
            ("competencies", "surges", "$schema"),
        )
        if "$schema" in data:
            # Where an editor finds the schema (docs/scenarios.md); not read otherwise.
            self.text(("$schema",), data["$schema"], MAX_TEXT_LENGTH)
        scenario_id = self.name(("id",), data["id"], SCENARIO_ID_PATTERN, "a-z 0-9 -")
        if stem is not None and scenario_id != stem:
            self.fail(("id",), ScenarioProblem.ID_NOT_FILE_NAME, value=scenario_id, expected=stem)
        title = self.words(("title",), data["title"])
        summary = self.words(("summary",), data["summary"])
        competencies = self.unique_texts(("competencies",), data.get("competencies", []), MAX_TEXT_LENGTH)
        seed = self.whole(("seed",), data["seed"], 0, MAX_SEED)
        self.duration = self.number(
            ("duration_seconds",), data["duration_seconds"], positive=True, maximum=MAX_DURATION_SECONDS
        )
        calls = tuple(
            self.call(("calls", index), item)
            for index, item in enumerate(self.items(("calls",), data["calls"]))
        )
        surges = tuple(
            self.surge(("surges", index), item)
            for index, item in enumerate(self.items(("surges",), data.get("surges", [])))
        )
        if not calls and not surges:
            self.fail(("calls",), ScenarioProblem.NO_CALLS)
        return Scenario(
            id=scenario_id,
            title=title,
            summary=summary,
            competencies=competencies,
            seed=seed,
            duration_seconds=self.duration,
            calls=calls,
            surges=surges,
        )

    def call(self, path: _Path, value: object) -> ScriptedCall:
        data = self.members(
            path,
            value,
            ("key", "at_seconds", "number", "patience_seconds", "script", "truth"),
            ("name", "budget", "on_scene_report"),
        )
        key = self.new_key((*path, "key"), data["key"])
        at_seconds = self.at_seconds((*path, "at_seconds"), data["at_seconds"])
        number = data["number"]
        if not isinstance(number, str):
            self.fail(
                (*path, "number"), ScenarioProblem.WRONG_TYPE, expected="text", found=_type_code(number)
            )
        if not NUMBER_PATTERN.fullmatch(number):
            self.fail((*path, "number"), ScenarioProblem.BAD_NUMBER, value=number)
        name = data.get("name")
        if name is not None:
            name = self.text((*path, "name"), name)
        patience = self.number(
            (*path, "patience_seconds"), data["patience_seconds"], positive=True, maximum=MAX_WAIT_SECONDS
        )
        truth = self.truth((*path, "truth"), data["truth"])
        script = self.script((*path, "script"), data["script"], truth)
        budget = TimeBudget()
        if data.get("budget") is not None:
            budget = self.budget((*path, "budget"), data["budget"])
        return ScriptedCall(
            key=key,
            at_seconds=at_seconds,
            number=number,
            name=name,
            patience_seconds=patience,
            script=script,
            truth=truth,
            budget=budget,
            on_scene_report=self.optional_words(path, data, "on_scene_report"),
            line=self.line(path),
        )

    def truth(self, path: _Path, value: object) -> CallTruth:
        emergency_keys = ("category", "priority", "area_code", "point", "agencies", "questions", "fields")
        data = self.members(path, value, ("class",), ("after_callback", *emergency_keys))
        call_class = CallClass(self.choice((*path, "class"), data["class"], tuple(CallClass)))
        after: CallClass | None = None
        if "after_callback" in data:
            if call_class is not CallClass.SILENT:
                self.fail_key(
                    (*path, "after_callback"), ScenarioProblem.ONLY_FOR_SILENT, call_class=call_class
                )
            after = CallClass(self.choice((*path, "after_callback"), data["after_callback"], _AFTER_CALLBACK))
        if CallClass.EMERGENCY not in (call_class, after):
            for key in emergency_keys:
                if key in data:
                    self.fail_key(
                        (*path, key),
                        ScenarioProblem.ONLY_FOR_EMERGENCY,
                        key=key,
                        call_class=after or call_class,
                    )
            return CallTruth(call_class=call_class, after_callback=after)
        data = self.members(
            path, data, ("class", "category", "priority"), ("after_callback", *emergency_keys)
        )
        category = data["category"]
        if not isinstance(category, str):
            self.fail(
                (*path, "category"), ScenarioProblem.WRONG_TYPE, expected="text", found=_type_code(category)
            )
        if category not in self.catalogue:
            self.fail(
                (*path, "category"),
                ScenarioProblem.UNKNOWN_CATEGORY,
                value=category,
                allowed=", ".join(self.catalogue.codes),
            )
        priority = Priority(self.choice((*path, "priority"), data["priority"], tuple(Priority)))
        area_code: str | None = None
        if "area_code" in data:
            area_code = self.area((*path, "area_code"), data["area_code"])
        point: tuple[float, float] | None = None
        if "point" in data:
            point = self.point((*path, "point"), data["point"])
        agencies: dict[AgencyType, int] = {}
        if "agencies" in data:
            agencies = self.agencies((*path, "agencies"), data["agencies"])
        questions: tuple[str, ...] = ()
        if "questions" in data:
            questions = self.unique_texts((*path, "questions"), data["questions"])
            for index, question in enumerate(questions):
                self.question((*path, "questions", index), question, category)
        fields: tuple[str, ...] = ()
        if "fields" in data:
            fields = self.unique_texts((*path, "fields"), data["fields"])
            for index, field in enumerate(fields):
                self.choice((*path, "fields", index), field, tuple(TEXT_FIELDS))
        return CallTruth(
            call_class=call_class,
            after_callback=after,
            category=category,
            priority=priority,
            area_code=area_code,
            point=point,
            agencies=agencies,
            questions=questions,
            fields=fields,
        )

    def area(self, path: _Path, value: object) -> str:
        if not isinstance(value, str):
            self.fail(path, ScenarioProblem.WRONG_TYPE, expected="text", found=_type_code(value))
        if self._areas is None:
            # Loaded only for a scenario that names an area (half a second; shared once loaded).
            self._areas = area_index()
        match = self._areas.get(value)
        if match is None:
            self.fail(path, ScenarioProblem.UNKNOWN_AREA, value=value)
        if match.level is not AreaLevel.VILLAGE:
            self.fail(path, ScenarioProblem.NOT_A_VILLAGE, value=value, name=match.name)
        return value

    def point(self, path: _Path, value: object) -> tuple[float, float]:
        if (
            not isinstance(value, list)
            or len(value) != 2
            or any(isinstance(item, bool) or not isinstance(item, int | float) for item in value)
        ):
            self.fail(path, ScenarioProblem.WRONG_TYPE, expected="pair", found=_type_code(value))
        lat, lon = float(value[0]), float(value[1])
        if not (INDONESIA_LAT[0] <= lat <= INDONESIA_LAT[1] and INDONESIA_LON[0] <= lon <= INDONESIA_LON[1]):
            self.fail(path, ScenarioProblem.OUTSIDE_INDONESIA, lat=_number_text(lat), lon=_number_text(lon))
        return lat, lon

    def agencies(self, path: _Path, value: object) -> dict[AgencyType, int]:
        if not isinstance(value, dict):
            self.fail(path, ScenarioProblem.WRONG_TYPE, expected="object", found=_type_code(value))
        allowed = tuple(AgencyType)
        counts: dict[AgencyType, int] = {}
        for key, count in value.items():
            if key not in allowed:
                self.fail_key((*path, key), ScenarioProblem.NOT_ONE_OF, value=key, allowed=", ".join(allowed))
            counts[AgencyType(key)] = self.whole((*path, key), count, 1, MAX_AGENCY_UNITS)
        return counts

    def question(self, path: _Path, question: str, category: str | None, *, key: bool = False) -> None:
        fail = self.fail_key if key else self.fail
        if category is None:
            known = sorted({q.id for card in self.protocols for q in card.questions})
            if question not in known:
                fail(
                    path,
                    ScenarioProblem.UNKNOWN_QUESTION,
                    value=question,
                    category="",
                    allowed=", ".join(known),
                )
            return
        card = self.protocols.get(category)
        if card is None:
            fail(path, ScenarioProblem.NO_PROTOCOL_CARD, category=category)
        ids = tuple(q.id for q in card.questions)
        if question not in ids:
            fail(
                path,
                ScenarioProblem.UNKNOWN_QUESTION,
                value=question,
                category=category,
                allowed=", ".join(ids),
            )

    def script(self, path: _Path, value: object, truth: CallTruth) -> CallerScript:
        data = self.members(path, value, ("opening",), ("answers", "keywords", "callback"))
        opening = self.optional_words(path, data, "opening")
        if opening is not None and truth.call_class is CallClass.SILENT:
            self.fail((*path, "opening"), ScenarioProblem.SILENT_WITH_OPENING)
        answers: dict[str, Words] = {}
        if data.get("answers") is not None:
            given = data["answers"]
            if not isinstance(given, dict):
                self.fail(
                    (*path, "answers"), ScenarioProblem.WRONG_TYPE, expected="object", found=_type_code(given)
                )
            for question, answer in given.items():
                self.question((*path, "answers", question), question, truth.category, key=True)
                answers[question] = self.words((*path, "answers", question), answer)
        for index, question in enumerate(truth.questions):
            if question not in answers:
                # The trainee asks it (it is scored): the caller must have something to say.
                self.fail((*path[:-1], "truth", "questions", index), ScenarioProblem.QUESTION_WITHOUT_ANSWER,
                          value=question)  # fmt: skip
        keywords: list[KeywordReply] = []
        if data.get("keywords") is not None:
            seen: set[str] = set()
            for index, item in enumerate(self.items((*path, "keywords"), data["keywords"])):
                reply = self.keyword((*path, "keywords", index), item)
                if reply.key in seen:
                    self.fail(
                        (*path, "keywords", index, "key"), ScenarioProblem.DUPLICATE_ITEM, value=reply.key
                    )
                seen.add(reply.key)
                keywords.append(reply)
        callback = self.optional_words(path, data, "callback")
        if truth.after_callback is not None and callback is None:
            self.fail((*path, "callback") if "callback" in data else path, ScenarioProblem.CALLBACK_NEEDED,
                      after=truth.after_callback)  # fmt: skip
        return CallerScript(opening=opening, answers=answers, keywords=tuple(keywords), callback=callback)

    def keyword(self, path: _Path, value: object) -> KeywordReply:
        data = self.members(path, value, ("key", "words", "reply"))
        key = self.name((*path, "key"), data["key"], KEY_PATTERN, "a-z 0-9 _ -")
        words = self.unique_texts((*path, "words"), data["words"], MAX_WORD_LENGTH)
        if not words:
            self.fail((*path, "words"), ScenarioProblem.EMPTY_VALUE)
        for index, word in enumerate(words):
            # The run matches words as a narrative is normalised (case, accents and punctuation gone).
            if not normalize(word):
                self.fail((*path, "words", index), ScenarioProblem.NO_WORD, value=word)
        return KeywordReply(key=key, words=words, reply=self.words((*path, "reply"), data["reply"]))

    def budget(self, path: _Path, value: object) -> TimeBudget:
        data = self.members(path, value, (), ("answer_seconds", "dispatch_seconds"))
        default = TimeBudget()
        answer = default.answer_seconds
        if "answer_seconds" in data:
            answer = self.number(
                (*path, "answer_seconds"), data["answer_seconds"], positive=True, maximum=MAX_WAIT_SECONDS
            )
        dispatch = default.dispatch_seconds
        if "dispatch_seconds" in data:
            dispatch = self.number(
                (*path, "dispatch_seconds"), data["dispatch_seconds"], positive=True, maximum=MAX_WAIT_SECONDS
            )
        return TimeBudget(answer_seconds=answer, dispatch_seconds=dispatch)

    def surge(self, path: _Path, value: object) -> Surge:
        data = self.members(path, value, ("key", "at_seconds", "count", "over_seconds", "seed"))
        key = self.new_key((*path, "key"), data["key"])
        at_seconds = self.at_seconds((*path, "at_seconds"), data["at_seconds"])
        count = self.whole((*path, "count"), data["count"], 1, MAX_SURGE_COUNT)
        over = self.number((*path, "over_seconds"), data["over_seconds"], minimum=0)
        if at_seconds + over > self.duration:
            self.fail(
                (*path, "over_seconds"),
                ScenarioProblem.NOT_BEFORE_END,
                value=_number_text(at_seconds + over),
                duration=_number_text(self.duration),
            )
        seed = self.whole((*path, "seed"), data["seed"], 0, MAX_SEED)
        return Surge(
            key=key, at_seconds=at_seconds, count=count, over_seconds=over, seed=seed, line=self.line(path)
        )


# -- entry points ----------------------------------------------------------------------------------


def parse_scenario(
    text: str,
    source: str,
    catalogue: Catalogue | None = None,
    protocols: ProtocolSet | None = None,
    areas: AreaIndex | None = None,
) -> Scenario:
    """The scenario in ``text``; ``source`` names it in errors (a file name ending in ``.json`` also
    fixes the id: the name without ``.json``). ScenarioError on the first problem, never another
    exception. None: the shipped catalogue, protocol cards and areas."""
    if text.startswith("\ufeff"):
        # Windows editors write a byte-order mark; it is no part of the scenario.
        text = text[1:]
    document = _Document(text, source)
    value = document.parse()
    checker = _Checker(
        document,
        catalogue if catalogue is not None else load_default_catalogue(),
        protocols if protocols is not None else load_default_protocols(),
        areas,
    )
    name = Path(source).name
    stem = name[: -len(".json")] if name.endswith(".json") else None
    return checker.scenario(value, stem)


def load_scenario(
    path: Path,
    catalogue: Catalogue | None = None,
    protocols: ProtocolSet | None = None,
    areas: AreaIndex | None = None,
) -> LoadedScenario:
    """The scenario file at ``path`` with its SHA-256; ScenarioError (naming the file's name and the
    line) if it cannot be read or is not a valid scenario."""
    source = path.name
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ScenarioError(
            source, 0, "", ScenarioProblem.UNREADABLE, {"reason": error.strerror or type(error).__name__}
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ScenarioError(
            source, line, "", ScenarioProblem.NOT_UTF8, {"byte": f"0x{raw[error.start]:02X}"}
        ) from None
    scenario = parse_scenario(text, source, catalogue, protocols, areas)
    return LoadedScenario(scenario=scenario, sha256=hashlib.sha256(raw).hexdigest(), path=path)


def scenarios_dir() -> Path:
    return resource_path(*SCENARIOS_DIR)


def shipped_scenario_paths() -> list[Path]:
    """The shipped scenario files, sorted by name (the scoring rules and the schema left out)."""
    folder = scenarios_dir()
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.glob("*.json")
        if path.name not in NOT_SCENARIOS and SCENARIO_ID_PATTERN.fullmatch(path.stem)
    )


def find_scenario(scenario_id: str) -> Path | None:
    """The shipped file of the scenario ``scenario_id``, or None."""
    if not SCENARIO_ID_PATTERN.fullmatch(scenario_id):
        return None
    for path in shipped_scenario_paths():
        if path.stem == scenario_id:
            return path
    return None
