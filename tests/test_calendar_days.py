"""A day of the calendar is read as dateparser reads it, without importing dateparser when the
calendar alone can tell."""
from __future__ import annotations

import dateparser
import pytest

from checker.rules.dates import parse_day

YEARS = {"nl": [999, 1000, 2024, 2100, 9999, 10000], "en": [1900, 2023]}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_day_is_what_dateparser_makes_of_it(language):
    parse_day.cache_clear()
    ours, theirs = {}, {}
    for year in YEARS[language]:
        for month in range(0, 14):
            for day in range(0, 33):
                parsed = dateparser.parse(f"{year}-{month:02d}-{day:02d}", date_formats=["%Y-%m-%d"],
                                          languages=[language], settings={"STRICT_PARSING": True})
                theirs[year, month, day] = parsed.date() if parsed else None
                ours[year, month, day] = parse_day(day, month, year, language)
    assert ours == theirs
    assert sum(v is None for v in ours.values()) > 100 and sum(v is not None for v in ours.values()) > 500
