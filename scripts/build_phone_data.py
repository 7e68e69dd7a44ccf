"""Build ``resources/phone/indonesia.json``: the carrier and area names of Indonesian numbers, and
every country's name, taken from the installed ``phonenumbers`` package's own data.

Run after upgrading ``phonenumbers`` (``tests/unit/test_phone_data.py`` fails until it is)::

    .venv/bin/python scripts/build_phone_data.py

Why: ``phonenumbers.carrier`` and ``phonenumbers.geocoder`` load their tables for every country in
every language at import, some 150 MiB resident and a quarter of a second, to describe mostly
Indonesian callers. The console needs, for numbers of country code +62, the carrier names
(``CARRIER_DATA``, English, as ``carrier.name_for_valid_number(number, "en")`` answers) and the area
names (``GEOCODE_DATA``, Indonesian and English, as ``geocoder.description_for_valid_number``
answers), and for any number the name of its country (``geodata.locale.LOCALE_DATA``, Indonesian
and English, as ``geocoder.country_name_for_number`` answers): about 25 KB.

Each name is stored as phonenumbers resolves it for that language (``prefix._find_lang``: the
language's own entry, else English; ``geocoder._region_display_name``: "*xx" points to language
xx), so ``dispatch/domain/phone_names.py`` only has to find the longest listed prefix. The output
is JSON with sorted keys, so a rebuild from the same phonenumbers gives the same bytes.

Licence of the data: Apache-2.0, Copyright (C) 2009-2026 The Libphonenumber Authors (see
``resources/phone/NOTICE``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

#: The country whose carrier and area names are kept.
COUNTRY_CODE = 62
#: The languages a description is asked in (Indonesian first, then English).
LANGUAGES = ("id", "en")
TARGET = Path(__file__).resolve().parent.parent / "resources" / "phone" / "indonesia.json"


def _covers(prefix: str, country: str) -> bool:
    """A prefix that a number of ``country`` can start with, as the lookups try them."""
    return prefix.startswith(country) or country.startswith(prefix)


def build() -> bytes:
    """The file's bytes, from the installed phonenumbers (imported here only: it loads every country)."""
    import phonenumbers
    from phonenumbers import geocoder
    from phonenumbers.carrierdata import CARRIER_DATA
    from phonenumbers.geodata import GEOCODE_DATA
    from phonenumbers.geodata.locale import LOCALE_DATA
    from phonenumbers.prefix import _find_lang

    country = str(COUNTRY_CODE)
    # The geocoder strips a mobile token (Argentina's 9, Mexico's 1) before its lookup; the
    # console's lookup does not, so the country must have none.
    if phonenumbers.country_mobile_token(COUNTRY_CODE):
        raise SystemExit(f"+{COUNTRY_CODE} has a mobile token: the lookup would need to strip it")

    def resolved(data: dict[str, dict[str, str]], lang: str) -> dict[str, str]:
        # A prefix whose entry resolves to None is skipped by the lookup; "" ends it (kept).
        names = {prefix: _find_lang(langs, lang, None, None) for prefix, langs in data.items()}
        return {
            prefix: name for prefix, name in names.items() if name is not None and _covers(prefix, country)
        }

    content = {
        "source": f"phonenumbers {phonenumbers.__version__} (https://pypi.org/project/phonenumbers/)",
        "licence": "Apache-2.0, Copyright (C) 2009-2026 The Libphonenumber Authors",
        "built_by": "scripts/build_phone_data.py",
        "country_code": COUNTRY_CODE,
        "carrier": resolved(CARRIER_DATA, "en"),
        "area": {lang: resolved(GEOCODE_DATA, lang) for lang in LANGUAGES},
        "country": {
            lang: {region: geocoder._region_display_name(region, lang) for region in LOCALE_DATA}
            for lang in LANGUAGES
        },
    }
    return (json.dumps(content, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args()
    data = build()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    content = json.loads(data)
    print(
        f"{args.out}: {content['source']}; {len(content['carrier'])} carrier prefixes, "
        f"{len(content['area']['id'])} area prefixes, {len(content['country']['en'])} countries, "
        f"{len(data):,} bytes"
    )


if __name__ == "__main__":
    main()
