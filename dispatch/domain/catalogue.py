"""The incident categories a call-taker chooses from, as validated data.

The catalogue is data a supervisor can extend (DOMAIN.md: Surabaya logs 38 categories), so the shipped
list lives in ``resources/catalogue/categories.json``; this module only parses and validates it. File I/O
is in :mod:`dispatch.catalogue_files`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from dispatch.domain.areas import normalize
from dispatch.domain.enums import AgencyType, Priority

CATALOGUE_VERSION = 1

#: A category code: an upper-case letter, then 1 to 15 upper-case letters, digits or underscores.
CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]{1,15}$")

#: Languages a category carries a label in; ``en`` is the fallback.
LABEL_LANGUAGES = ("id", "en")
FALLBACK_LANGUAGE = "en"

_PRIORITY_VALUES = frozenset(member.value for member in Priority)
_AGENCY_VALUES = frozenset(member.value for member in AgencyType)


class CatalogueError(ValueError):
    """The catalogue data is not valid; the message names the category and the field."""


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    label_id: str
    label_en: str
    default_priority: Priority
    agencies: tuple[AgencyType, ...]

    def label(self, lang: str) -> str:
        """The label in ``lang`` ("id" or "en"); any other language falls back to English."""
        if lang.lower().startswith("id") and self.label_id:
            return self.label_id
        return self.label_en

    @property
    def lead_agency(self) -> AgencyType | None:
        """The most important agency of the category, or None if it has none."""
        return self.agencies[0] if self.agencies else None


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The categories in file order; looked up by code."""

    categories: tuple[Category, ...]
    _by_code: Mapping[str, Category] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_code: dict[str, Category] = {}
        for index, category in enumerate(self.categories):
            if category.code in by_code:
                raise CatalogueError(f"category #{index} ({category.code}): code: duplicate code")
            by_code[category.code] = category
        object.__setattr__(self, "_by_code", by_code)

    def get(self, code: str) -> Category:
        """The category with ``code``; ``KeyError`` if there is none."""
        return self._by_code[code]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(category.code for category in self.categories)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __iter__(self) -> Iterator[Category]:
        return iter(self.categories)

    def __len__(self) -> int:
        return len(self.categories)


def search_categories(catalogue: Catalogue, query: str, lang: str = FALLBACK_LANGUAGE) -> list[Category]:
    """The categories ``query`` finds, best first: by code, or by any words of a label in either language.

    Every typed word must be the start of a word of the category's code or of one of its labels
    ("gawat", "kebakaran", "fire", "pohon tumb", "med"), whatever the case and accents. Ranked: the
    code typed exactly, then a code that starts with it, then a match in the label of ``lang`` (the
    user's language), then in the other language's; in catalogue order within each. An empty
    query finds every category, in catalogue order. Never raises, whatever the text.
    """
    words = normalize(query).split()
    if not words:
        return list(catalogue)
    typed = "".join(words)
    ranked: list[tuple[int, int, Category]] = []
    for position, category in enumerate(catalogue):
        code = category.code.casefold()
        if code == typed:
            rank = 0
        elif code.startswith(typed):
            rank = 1
        elif _words_match(words, category.label(lang)):
            rank = 2
        elif _words_match(words, f"{category.code} {category.label_id} {category.label_en}"):
            rank = 3
        else:
            continue
        ranked.append((rank, position, category))
    return [category for _rank, _position, category in sorted(ranked, key=lambda item: item[:2])]


def _words_match(typed: list[str], text: str) -> bool:
    """Each typed word starts some word of ``text`` (two typed words may start the same word)."""
    own = normalize(text).split()
    return all(any(word.startswith(part) for word in own) for part in typed)


def parse_catalogue(data: object) -> Catalogue:
    """Validate JSON-like ``data`` (as loaded from ``categories.json``) into a :class:`Catalogue`.

    Raises :class:`CatalogueError` for anything wrong, never another exception.
    """
    if not isinstance(data, Mapping):
        raise CatalogueError(f"catalogue: expected a JSON object, got {_type_name(data)}")
    version = data.get("version")
    if type(version) is not int or version != CATALOGUE_VERSION:
        raise CatalogueError(f"catalogue: version: expected {CATALOGUE_VERSION}, got {version!r}")
    raw_categories = data.get("categories")
    if not isinstance(raw_categories, list):
        raise CatalogueError(f"catalogue: categories: expected a list, got {_type_name(raw_categories)}")
    if not raw_categories:
        raise CatalogueError("catalogue: categories: the list is empty")
    categories: list[Category] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_categories):
        category = _parse_category(index, raw)
        if category.code in seen:
            raise CatalogueError(
                f"category #{index} ({category.code}): code: duplicate of category #{seen[category.code]}"
            )
        seen[category.code] = index
        categories.append(category)
    return Catalogue(tuple(categories))


def _parse_category(index: int, raw: object) -> Category:
    where = f"category #{index}"
    if not isinstance(raw, Mapping):
        raise CatalogueError(f"{where}: expected a JSON object, got {_type_name(raw)}")
    code = raw.get("code")
    if not isinstance(code, str):
        raise CatalogueError(f"{where}: code: missing or not a string")
    if not CODE_PATTERN.match(code):
        raise CatalogueError(f"{where}: code: {code!r} does not match {CODE_PATTERN.pattern}")
    where = f"category #{index} ({code})"

    label = raw.get("label")
    if not isinstance(label, Mapping):
        raise CatalogueError(f"{where}: label: missing or not an object with 'id' and 'en'")
    labels: dict[str, str] = {}
    for lang in LABEL_LANGUAGES:
        text = label.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise CatalogueError(f"{where}: label.{lang}: missing or empty")
        labels[lang] = text.strip()

    priority = raw.get("default_priority")
    if not isinstance(priority, str) or priority not in _PRIORITY_VALUES:
        raise CatalogueError(
            f"{where}: default_priority: unknown priority {priority!r} "
            f"(expected one of {', '.join(sorted(_PRIORITY_VALUES))})"
        )

    raw_agencies = raw.get("agencies")
    if not isinstance(raw_agencies, list) or not raw_agencies:
        raise CatalogueError(f"{where}: agencies: expected a non-empty list of agency types")
    agencies: list[AgencyType] = []
    for position, agency in enumerate(raw_agencies):
        if not isinstance(agency, str) or agency not in _AGENCY_VALUES:
            raise CatalogueError(
                f"{where}: agencies[{position}]: unknown agency {agency!r} "
                f"(expected one of {', '.join(member.value for member in AgencyType)})"
            )
        agency_type = AgencyType(agency)
        if agency_type in agencies:
            raise CatalogueError(f"{where}: agencies[{position}]: {agency!r} is listed twice")
        agencies.append(agency_type)

    return Category(
        code=code,
        label_id=labels["id"],
        label_en=labels["en"],
        default_priority=Priority(priority),
        agencies=tuple(agencies),
    )


def _type_name(value: object) -> str:
    if value is None:
        return "nothing"
    return type(value).__name__
