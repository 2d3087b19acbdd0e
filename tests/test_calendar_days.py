"""A day of the calendar is read as dateparser reads it, without importing dateparser when the
calendar alone can tell."""
from __future__ import annotations

import dateparser
import pytest

from checker.rules.dates import parse_day

# Leap and common years in full; years at the edges of what dateparser takes only around the
# turns of their months (the days where a calendar of our own could go wrong).
YEARS = {"nl": [2024, 2100], "en": [1900, 2023]}
EDGE_YEARS = {"nl": [999, 1000, 9999, 10000], "en": []}
ALL_DAYS, EDGE_DAYS = range(0, 33), (0, 1, 2, 27, 28, 29, 30, 31, 32)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_day_is_what_dateparser_makes_of_it(language):
    parse_day.cache_clear()
    ours, theirs = {}, {}
    days = [(year, ALL_DAYS) for year in YEARS[language]] + [(year, EDGE_DAYS) for year in EDGE_YEARS[language]]
    for year, in_month in days:
        for month in range(0, 14):
            for day in in_month:
                parsed = dateparser.parse(f"{year}-{month:02d}-{day:02d}", date_formats=["%Y-%m-%d"],
                                          languages=[language], settings={"STRICT_PARSING": True})
                theirs[year, month, day] = parsed.date() if parsed else None
                ours[year, month, day] = parse_day(day, month, year, language)
    assert ours == theirs
    assert sum(v is None for v in ours.values()) > 100 and sum(v is not None for v in ours.values()) > 500
