"""A category is found by its code or by any word of its label in either language (issue 10)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.catalogue import Catalogue, Category, search_categories
from dispatch.domain.enums import AgencyType, Priority

SHIPPED = load_default_catalogue()


def _category(code: str, label_id: str, label_en: str) -> Category:
    return Category(code, label_id, label_en, Priority.P3, (AgencyType.POLICE,))


@pytest.mark.parametrize(
    ("query", "lang", "first"),
    [
        ("med", "id", "MED"),
        ("MED", "en", "MED"),
        ("gawat", "id", "MED"),
        ("Gawat", "en", "MED"),
        ("kebakaran", "id", "FIRE"),
        ("kebakaran", "en", "FIRE"),
        ("fire", "id", "FIRE"),
        ("keb", "id", "FIRE"),
        ("pohon tumb", "id", "POHON"),
        ("tumbang pohon", "id", "POHON"),
        ("fallen", "id", "POHON"),
        ("ular", "en", "HEWAN"),
        ("snake", "id", "HEWAN"),
        ("ODGJ", "id", "SOS"),
        ("jenazah", "id", "JENAZ"),
        ("  kecelakaan  ", "id", "LAKA"),
        ("bencana,", "id", "BENC"),
        ("bánjir", "id", "BENC"),  # accents typed or not
    ],
)
def test_found_by_code_or_any_word_in_either_language(query: str, lang: str, first: str) -> None:
    found = search_categories(SHIPPED, query, lang)
    assert found, query
    assert found[0].code == first


def test_nothing_found_and_everything_for_an_empty_query() -> None:
    assert search_categories(SHIPPED, "zebra", "id") == []
    assert search_categories(SHIPPED, "pohon zebra", "id") == []  # every typed word must match
    assert search_categories(SHIPPED, "", "id") == list(SHIPPED)
    assert search_categories(SHIPPED, " / ", "en") == list(SHIPPED)


def test_the_code_typed_exactly_first_then_a_code_prefix_then_the_users_language_then_the_other() -> None:
    catalogue = Catalogue(
        (
            _category("BANJIR", "Banjir air", "Flood water"),
            _category("FLORA", "Pohon tumbang", "Fallen tree"),
            _category("AIRPORT", "Bandara", "Airport"),
            _category("AIR", "Pipa bocor", "Water main leak"),
            _category("BANDAR", "Flamboyan roboh", "Tree down"),
        )
    )
    assert [c.code for c in search_categories(catalogue, "air", "id")] == ["AIR", "AIRPORT", "BANJIR"]
    # "fl": FLORA by its code; then BANJIR by its English label or BANDAR by its Indonesian one.
    assert [c.code for c in search_categories(catalogue, "fl", "en")] == ["FLORA", "BANJIR", "BANDAR"]
    assert [c.code for c in search_categories(catalogue, "fl", "id")] == ["FLORA", "BANDAR", "BANJIR"]
    # Same rank (two codes starting "BAN"): catalogue order; then a label word.
    assert [c.code for c in search_categories(catalogue, "ban", "id")] == ["BANJIR", "BANDAR", "AIRPORT"]


@given(query=st.text(), lang=st.sampled_from(["id", "en", "", "fr", "ID-id"]))
def test_any_text_is_searched_without_raising(query: str, lang: str) -> None:
    found = search_categories(SHIPPED, query, lang)
    codes = [category.code for category in found]
    assert len(codes) == len(set(codes))
    assert set(codes) <= set(SHIPPED.codes)


@given(st.sampled_from(list(SHIPPED)), st.sampled_from(["id", "en"]), st.data())
def test_every_word_of_every_label_finds_its_category(
    category: Category, lang: str, data: st.DataObject
) -> None:
    text = data.draw(st.sampled_from([category.label_id, category.label_en]))
    words = [w for w in text.replace("/", " ").replace("(", " ").replace(")", " ").split() if w.strip(",")]
    word = data.draw(st.sampled_from(words)).strip(",")
    assert category in search_categories(SHIPPED, word, lang)
    assert search_categories(SHIPPED, category.code.lower(), lang)[0] == category
