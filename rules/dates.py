"""D001 dates: calendar dates, ranges, months, years and weekdays, keyed by the event they date."""
from __future__ import annotations

import bisect

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import dateparser
import regex

from checker.articles import Document
from checker.keys import KindSpec
from checker.models import ClaimDraft, DateValue
from checker.rules.toolkit.context import event_around, names_whose, vocabulary
from checker.rules.toolkit.lexicon import (
    Lexicon,
    Starts,
    calendar_names,
    data_cache,
    events,
    load_data,
    matches_at_words,
    phrase_pattern,
    words_pattern,
)
from checker.rules.toolkit import key_parts as part
from checker.rules.toolkit.vocabulary import Language, VocabularyRule


@dataclass(frozen=True)
class DateGrammar:
    pattern: regex.Pattern
    first_words: Starts | None  # what a date's first word begins with (see lexicon.matches_at_words)
    months: dict[str, int]
    weekdays: dict[str, int]
    events: Lexicon
    this_week: regex.Pattern
    statement_before: regex.Pattern


@data_cache
def grammar(language: Language) -> DateGrammar:
    names = calendar_names(language.code)
    data = load_data(language, "events") or load_data(language.other("nl"), "events")
    months = phrase_pattern(list(names["months"]))
    longest = {}
    for name, number in names["months"].items():
        longest[number] = max(longest.get(number, ""), name, key=len)
    full_months = phrase_pattern(list(longest.values()))
    weekdays = phrase_pattern(list(names["weekdays"]))
    parts = phrase_pattern(data.get("weekdays", {}).get("parts", []))
    years_before = phrase_pattern(data.get("years", {}).get("before", []))
    day = r"(?:[12]\d|3[01]|0?[1-9])"
    year = r"(?:1[89]|20)\d\d"
    join = r"\s*(?:-|–|/|en|and|tot en met|tot|t/m|to|through)\s*"
    month_case = "" if language.code == "nl" else r"(?-i:(?=\p{Lu}))"  # English months are capitalised ("may")
    alternatives = [
        # "woensdag 6 april", "6-7 april 2022", "van 10 tot 20 februari", "24 March 2022"
        rf"(?:(?P<wd>{weekdays}),?\s+)?(?:van\s+|from\s+)?(?P<d1>{day})(?:e|ste|de|th|st|nd|rd)?"
        rf"(?:{join}(?P<d2>{day}))?\s+(?P<m>{months})\.?(?:,?\s+(?P<y>{year}))?(?![\p{{L}}\p{{N}}])",
        # "March 24, 2022", "Feb. 10", "March 24-25"
        rf"{month_case}(?P<m>{months})\.?\s+(?P<d1>{day})(?:st|nd|rd|th)?(?:{join}(?P<d2>{day}))?"
        rf"(?:,?\s+(?P<y>{year}))?(?![\p{{L}}\p{{N}}])",
        # "maart 2022", "in februari", "eind juni"
        rf"(?:mid-|medio\s+)?{month_case}(?P<m>{full_months})(?:\s+(?P<y>{year}))?(?![\p{{L}}\p{{N}}])",
        # "in 1994", "sinds 2014"
        rf"(?<![\p{{L}}])(?:{years_before})\s+(?:het\s+jaar\s+|the\s+year\s+)?(?P<y>{year})(?![\p{{L}}\p{{N}}]|[.,]\d)",
        # "dinsdag", "donderdagochtend", "Thursday morning"
        rf"(?P<wd>{weekdays})(?P<part>{parts})?(?![\p{{L}}])",
    ]
    pattern = regex.compile(
        r"(?<![\p{L}\p{N}\-])(?:" + "|".join(f"(?:{a})" for a in alternatives) + ")", regex.I)
    # A date begins with a digit or with a word of the pattern's first words: a weekday, "van",
    # a month, "mid-", a word before a year ("in", "sinds"). None if the data gives such a word
    # that begins with no letter: the pattern is then tried everywhere.
    starters = [*names["weekdays"], "van", "from", *names["months"], "mid", "medio", *data.get("years", {}).get("before", [])]
    first_words = Starts.of(starters)
    return DateGrammar(
        pattern=pattern, first_words=first_words, months=names["months"], weekdays=names["weekdays"],
        events=events(language),
        this_week=regex.compile(phrase_pattern(data.get("weekdays", {}).get("this_week", [])) or r"(?!)", regex.I),
        statement_before=words_pattern(data.get("statements", {}).get("verbs", []), r"\s+(?:on\s+)?\Z"),
    )


@lru_cache(maxsize=8192)
def parse_day(day: int, month: int, year: int, language: str) -> date | None:
    """A day of the calendar through dateparser (fixed language, cached); None if impossible."""
    parsed = dateparser.parse(f"{year}-{month:02d}-{day:02d}", date_formats=["%Y-%m-%d"], languages=[language],
                              settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


@dataclass
class Found:
    start: int
    end: int
    value: tuple[date, date] | None
    weekday: int | None = None
    exact_day: bool = False


class DateRule(VocabularyRule):
    code = "D001"
    name = "dates"
    description = """Calendar dates and the events they date: meetings, summits, exercises, elections.

    Reads "24 februari", "6-7 april 2022", "van 10 tot 20 februari", "maart 2022", "in 1994",
    "March 24, 2022" and weekdays. A missing year comes from the article's date. A weekday gets a
    value only when the article fixes its week (an explicit date on that weekday, "deze week"
    beside an explicit date, or a full header date); otherwise the claim has no value. The key is
    the event named beside the date: "de ministers komen op 6-7 april bijeen" ->
    date:ministers-meeting, 2022-04-06..2022-04-07."""
    kinds = ("date",)
    key_parts = (part.EVENT, part.ACTOR, part.PLACE)
    # An event recurs; its dates date their sentences; its length is checked against the
    # durations the quantities rule reads ("de top duurt twee dagen": quantity:<event>/day).
    kind_specs = (KindSpec("date", mark="d", compared_as="recurring", dates=True, duration=("quantity", "day")),)
    languages = ("nl", "en")
    version = "3"

    def extract(self, doc: Document) -> Iterator[ClaimDraft]:
        lang = self.language(doc)
        g = grammar(lang)
        matches = matches_at_words(g.pattern, doc.scan_text, g.first_words) if g.first_words \
            else g.pattern.finditer(doc.scan_text)
        found = [f for m in matches if (f := self.read(m, doc, g)) is not None]
        self.resolve_weekdays(doc, found, g)
        vocab = vocabulary(lang)
        for f in found:
            statement = g.statement_before.search(doc.scan_text, max(0, f.start - 30), f.start)
            if statement:
                parts, evidence = {}, {}  # "kondigde dinsdag aan": the day of a statement
            else:
                parts, evidence = self.event_key(doc, f, g, vocab)
            value = DateValue(start=f.value[0], end=f.value[1]) if f.value else None
            partial = bool(parts) and not names_whose(parts)
            why = "the day of a statement" if statement else "whose or where not said" if partial else \
                "no event named" if not parts else None
            yield ClaimDraft(kind="date", start=f.start, end=f.end, value=value, key_parts=parts, evidence=evidence,
                             partial=partial, unkeyed=why)

    @staticmethod
    def read(m: regex.Match, doc: Document, g: DateGrammar) -> Found | None:
        year = int(m["y"]) if m["y"] else doc.article.year
        start, end = m.start(), m.end()
        if m["m"]:
            month = g.months[m["m"].lower().rstrip(".")]
            if m.group().endswith(".") and len(m["m"]) > 3:
                end -= 1  # a full stop after a full month name ends the sentence
            if m["d1"]:
                if year is None:
                    return Found(start, end, None)
                d1 = parse_day(int(m["d1"]), month, year, doc.article.language)
                d2 = parse_day(int(m["d2"]), month, year, doc.article.language) if m["d2"] else d1
                if d1 is None or d2 is None or d2 < d1:
                    return None
                return Found(start, end, (d1, d2), exact_day=d1 == d2)
            if year is None:
                return Found(start, end, None)
            return Found(start, end, (date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])))
        if m["wd"]:
            return Found(start, end, None, weekday=g.weekdays[m["wd"].lower()])
        y = int(m["y"])
        ys = m.start("y")
        return Found(ys, m.end("y"), (date(y, 1, 1), date(y, 12, 31)))

    @staticmethod
    def resolve_weekdays(doc: Document, found: list[Found], g: DateGrammar) -> None:
        """Give weekdays a date only where the article fixes the week; never guess."""
        exact = [f for f in found if f.exact_day and f.value]
        by_weekday = {day: Nearest([e for e in exact if e.value[0].weekday() == day]) for day in range(7)}
        header = doc.article.date
        # Found once, not once per weekday: an article of many dates cost their square.
        weeks = Nearest([e for e in found if e.value and (e.value[1] - e.value[0]).days < 7
                         and g.this_week.search(doc.scan_text, *doc.sentence_at(e.start))])
        for f in found:
            if f.weekday is None:
                continue
            same = by_weekday[f.weekday]
            if same.items:
                f.value = same.to(f.start).value
                continue
            if weeks.items:
                e = weeks.to(f.start)
                monday = e.value[0] - timedelta(days=e.value[0].weekday())
                day = monday + timedelta(days=f.weekday)
                f.value = (day, day)
            elif header and header.start == header.end:
                day = header.start - timedelta(days=(header.start.weekday() - f.weekday) % 7)
                f.value = (day, day)
        for f, nxt in zip(found, found[1:]):  # "donderdag en vrijdag": the second follows the first
            if f.weekday is None or nxt.weekday is None or nxt.start - f.end > 5:
                continue
            if f.value and not nxt.value:
                day = f.value[0] + timedelta(days=(nxt.weekday - f.weekday) % 7)
                nxt.value = (day, day)
            elif nxt.value and not f.value:
                day = nxt.value[0] - timedelta(days=(nxt.weekday - f.weekday) % 7)
                f.value = (day, day)

    @staticmethod
    def event_key(doc: Document, f: Found, g: DateGrammar, vocab) -> tuple[dict[str, str], dict[str, str]]:
        """The event a date dates, with its actor and place (see context.event_around)."""
        return event_around(doc, f.start, f.end, g.events, vocab)


__all__ = ["DateRule"]


class Nearest:
    """Dates found, to look up the one nearest a position (the first of equals) by bisection."""

    def __init__(self, items: list[Found]) -> None:
        self.items = sorted(items, key=lambda e: e.start)
        self.starts = [e.start for e in self.items]

    def to(self, position: int) -> Found:
        starts = self.starts
        i = bisect.bisect_left(starts, position)
        candidates = [bisect.bisect_left(starts, starts[i - 1])] if i > 0 else []
        candidates += [i] if i < len(starts) else []
        return self.items[min(candidates, key=lambda j: abs(starts[j] - position))]
