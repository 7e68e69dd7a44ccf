"""The incident catalogue: the shipped file and the validation of supervisor-edited data."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.catalogue import Catalogue, CatalogueError, Category, parse_catalogue
from dispatch.domain.enums import AgencyType, Priority

DOMAIN_CODES = (
    "MED",
    "LAKA",
    "FIRE",
    "CRIM",
    "TAWUR",
    "KDRT",
    "BENC",
    "POHON",
    "HEWAN",
    "TENGG",
    "LISTR",
    "AIR",
    "JALAN",
    "MAYAT",
    "JENAZ",
    "SOS",
)


def _valid() -> dict[str, Any]:
    return {
        "version": 1,
        "categories": [
            {
                "code": "MED",
                "label": {"id": "Gawat darurat medis", "en": "Medical emergency"},
                "default_priority": "P1",
                "agencies": ["medical"],
            },
            {
                "code": "LAKA",
                "label": {"id": "Kecelakaan lalu lintas", "en": "Traffic accident"},
                "default_priority": "P2",
                "agencies": ["medical", "police"],
            },
        ],
    }


def test_shipped_catalogue_has_the_domain_codes_in_order() -> None:
    catalogue = load_default_catalogue()
    assert catalogue.codes == DOMAIN_CODES
    assert len(catalogue) == 16
    assert [category.code for category in catalogue] == list(DOMAIN_CODES)


def test_shipped_catalogue_has_both_labels_short_enough_for_a_combo_box() -> None:
    for category in load_default_catalogue():
        assert category.label_id.strip()
        assert category.label_en.strip()
        assert category.label("id") == category.label_id
        assert category.label("en") == category.label_en
        assert len(category.label_id) <= 45
        assert len(category.label_en) <= 45
        assert category.agencies


def test_shipped_catalogue_defaults() -> None:
    catalogue = load_default_catalogue()
    assert catalogue.get("MED").label("id") == "Gawat darurat medis"
    assert catalogue.get("MED").label("en") == "Medical emergency"
    assert catalogue.get("LAKA").agencies == (AgencyType.MEDICAL, AgencyType.POLICE)
    assert catalogue.get("TENGG").agencies[0] is AgencyType.SAR
    assert catalogue.get("LISTR").agencies[0] is AgencyType.UTILITY
    assert catalogue.get("MED").default_priority is Priority.P1
    assert catalogue.get("FIRE").default_priority is Priority.P1
    assert catalogue.get("LAKA").default_priority is Priority.P2
    assert catalogue.get("TENGG").default_priority is Priority.P1
    assert catalogue.get("AIR").default_priority is Priority.P3
    assert catalogue.get("JENAZ").default_priority is Priority.P4


def test_every_agency_type_is_used_by_some_category() -> None:
    used = {agency for category in load_default_catalogue() for agency in category.agencies}
    assert used == set(AgencyType)


def test_label_falls_back_to_english() -> None:
    category = load_default_catalogue().get("FIRE")
    assert category.label("fr") == "Fire"
    assert category.label("") == "Fire"
    assert category.label("id") == "Kebakaran"


def test_get_unknown_code_raises_key_error() -> None:
    catalogue = parse_catalogue(_valid())
    with pytest.raises(KeyError):
        catalogue.get("NOPE")
    assert "MED" in catalogue
    assert "NOPE" not in catalogue


def test_catalogue_is_frozen_and_comparable() -> None:
    first = parse_catalogue(_valid())
    second = parse_catalogue(_valid())
    assert first == second
    assert hash(first) == hash(second)
    with pytest.raises(AttributeError):
        first.categories = ()  # type: ignore[misc]


def test_catalogue_constructor_rejects_duplicate_codes() -> None:
    med = Category("MED", "Medis", "Medical", Priority.P1, (AgencyType.MEDICAL,))
    with pytest.raises(CatalogueError, match="MED"):
        Catalogue((med, med))


def _broken(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(_valid())
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (
            ("categories", 1, "agencies", 1),
            "army",
            r"category #1 \(LAKA\): agencies\[1\]: unknown agency 'army'",
        ),
        (("categories", 1, "agencies"), [], r"category #1 \(LAKA\): agencies"),
        (("categories", 1, "agencies"), ["police", "police"], r"LAKA.*agencies\[1\].*twice"),
        (("categories", 0, "default_priority"), "P5", r"category #0 \(MED\): default_priority: unknown"),
        (("categories", 0, "default_priority"), 1, r"category #0 \(MED\): default_priority"),
        (("categories", 0, "default_priority"), _DELETE, r"category #0 \(MED\): default_priority"),
        (("categories", 1, "code"), "MED", r"category #1 \(MED\): code: duplicate of category #0"),
        (("categories", 0, "code"), "med", r"category #0: code: 'med' does not match"),
        (("categories", 0, "code"), "M", r"category #0: code: 'M' does not match"),
        (("categories", 0, "code"), "A" * 17, r"category #0: code: .* does not match"),
        (("categories", 0, "code"), "1AB", r"category #0: code"),
        (("categories", 0, "code"), _DELETE, r"category #0: code: missing"),
        (("categories", 0, "label"), _DELETE, r"category #0 \(MED\): label"),
        (("categories", 0, "label"), "Medis", r"category #0 \(MED\): label"),
        (("categories", 0, "label", "id"), _DELETE, r"category #0 \(MED\): label\.id: missing"),
        (("categories", 0, "label", "en"), "  ", r"category #0 \(MED\): label\.en: missing or empty"),
        (("categories", 1), "LAKA", r"category #1: expected a JSON object"),
        (("categories",), [], r"categories: the list is empty"),
        (("categories",), _DELETE, r"categories: expected a list"),
        (("version",), 2, r"version: expected 1"),
        (("version",), True, r"version: expected 1"),
    ],
)
def test_validation_errors_name_the_category_and_field(
    path: tuple[Any, ...], value: Any, expected: str
) -> None:
    with pytest.raises(CatalogueError, match=expected):
        parse_catalogue(_broken(path, value))


@pytest.mark.parametrize("data", [None, [], "categories", 1])
def test_not_an_object(data: object) -> None:
    with pytest.raises(CatalogueError, match="catalogue: expected a JSON object"):
        parse_catalogue(data)


def test_catalogue_error_is_a_value_error() -> None:
    assert issubclass(CatalogueError, ValueError)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=20), children, max_size=5)
    ),
    max_leaves=25,
)
_category_like = st.fixed_dictionaries(
    {},
    optional={
        "code": st.sampled_from(["MED", "LAKA", "x", "AB_1"]) | _json,
        "label": st.fixed_dictionaries({}, optional={"id": st.text(max_size=5) | _json, "en": _json}) | _json,
        "default_priority": st.sampled_from(["P1", "P4", "P9"]) | _json,
        "agencies": st.lists(st.sampled_from([*AgencyType, "army"]) | _json, max_size=3) | _json,
    },
)
_catalogue_like = st.fixed_dictionaries(
    {},
    optional={
        "version": st.sampled_from([1, 1.0, True, "1"]) | _json,
        "categories": st.lists(_category_like, max_size=4) | _json,
    },
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_json, _catalogue_like))
def test_parse_catalogue_raises_only_catalogue_error(data: object) -> None:
    try:
        catalogue = parse_catalogue(data)
    except CatalogueError:
        return
    assert len(catalogue) >= 1
    for category in catalogue:
        assert category.code in catalogue.codes
