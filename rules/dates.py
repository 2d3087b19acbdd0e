"""D001 dates: calendar dates, ranges, months, years and weekdays, keyed by the event they date."""
from __future__ import annotations

import bisect

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import regex

from checker.rules.toolkit.analysis import Document
from checker.rules.toolkit.key_parts import KindSpec
from checker.models import ClaimDraft, DateValue
from checker.rules.toolkit.context import clause_around, event_around, names_whose, vocabulary
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
    days: dict[str, int]  # days of the month in words
    full_months: frozenset[str]  # month names that are no abbreviation: a full stop after them ends a sentence
    events: Lexicon
    this_week: regex.Pattern
    next_week: regex.Pattern
    last_week: regex.Pattern
    ahead: regex.Pattern  # words that put a weekday after the article's day (see weekday_of)
    statement_before: regex.Pattern


DAY = r"(?:[12]\d|3[01]|0?[1-9])"
DAY_SUFFIX = r"(?:e|ste|de|th|st|nd|rd)"
YEAR = r"(?:1[89]|20)\d\d"  # a year alone, or after a month
FULL_YEAR = r"(?:1\d|20)\d\d"  # a year after a day and a month may be older: "5 december 1391"
JOIN = r"\s*(?:-|–|/|en|and|tot en met|tot|t/m|to|through)\s*"
END = r"(?![\p{L}\p{N}])"


def full_month_names(months: dict[str, int]) -> frozenset[str]:
    """The longest name of each month: "september", not "sept"."""
    longest: dict[int, str] = {}
    for name, number in months.items():
        longest[number] = max(longest.get(number, ""), name, key=len)
    return frozenset(longest.values())


def date_alternatives(names: dict, data: dict, language: str) -> list[str]:
    """The forms of a date, each a pattern; the groups name its parts (see DateRule.read)."""
    months = phrase_pattern(list(names["months"]))
    full_months = phrase_pattern(list(full_month_names(names["months"])))
    weekdays = phrase_pattern(list(names["weekdays"]))
    wdata = data.get("weekdays", {})
    parts = phrase_pattern(wdata.get("parts", []))
    years_before = phrase_pattern(data.get("years", {}).get("before", []))
    day_words = phrase_pattern(list(data.get("days", {}))) or "(?!)"
    month_case = "" if language == "nl" else r"(?-i:(?=\p{Lu}))"  # English months are capitalised ("may")
    verbs = data.get("months", {}).get("verbs", [])
    not_verb = rf"(?-i:(?!(?:{'|'.join(map(regex.escape, verbs))})\s+(?:{'|'.join(map(regex.escape, data['months']['not_before']))})(?![\p{{L}}])))" \
        if verbs else ""  # "May I ask"
    abbreviations = "|".join(map(regex.escape, wdata.get("abbreviations", {}))) or "(?!)"
    night = phrase_pattern(wdata.get("night_before", [])) or "(?!)"
    night_join = phrase_pattern(wdata.get("night_join", [])) or "(?!)"
    return [
        # "woensdag 6 april", "6-7 april 2022", "van 10 tot 20 februari", "26 juni tot 28 juni 2020",
        # "from the 13th to the 15th of July"
        rf"(?:(?P<wd>{weekdays}),?\s+)?(?:(?:van|from)\s+)?(?:the\s+)?(?P<d1>{DAY}){DAY_SUFFIX}?"
        rf"(?:(?:\s+(?P<m1>{months})\.?)?{JOIN}(?:the\s+)?(?P<d2>{DAY}){DAY_SUFFIX}?)?\s+(?:of\s+)?(?P<m>{months})\.?"
        rf"(?:,?\s+(?P<y>{FULL_YEAR}))?{END}",
        # "March 24, 2022", "Feb. 10", "March 24-25"
        rf"{month_case}(?P<m>{months})\.?\s+(?P<d1>{DAY})(?:st|nd|rd|th)?(?:{JOIN}(?P<d2>{DAY}))?"
        rf"(?:,?\s+(?P<y>{FULL_YEAR}))?{END}",
        # "negenentwintig mei", "the twenty-ninth of May"
        rf"(?P<dw>{day_words})\s+(?:of\s+)?{month_case}(?P<m>{months})\.?(?:,?\s+(?P<y>{FULL_YEAR}))?{END}",
        # "22/04/2016", "22-04-2016"; "2016-04-22"
        rf"(?P<nd>\d{{1,2}})(?P<sep>[-/.])(?P<nm>\d{{1,2}})(?P=sep)(?P<ny>{FULL_YEAR})(?![\p{{N}}]|[.,]\d)",
        rf"(?P<iy>{FULL_YEAR})-(?P<im>\d\d)-(?P<id>\d\d)(?![\p{{N}}]|[.,]\d)",
        # "maart 2022", "in februari", "eind juni", "juni van 1992"
        rf"(?:mid-|medio\s+)?{not_verb}{month_case}(?P<m>{full_months})(?:\s+(?:(?:van|of)\s+)?(?P<y>{YEAR}))?{END}",
        # "in 1994", "sinds 2014"; the second of "in 2007 en 2009"
        rf"(?<![\p{{L}}])(?:{years_before})\s+(?:het\s+jaar\s+|the\s+year\s+)?(?P<y>{YEAR})(?![\p{{L}}\p{{N}}]|[.,]\d)",
        rf"(?<=(?<![\p{{L}}])(?:{years_before})\s+{YEAR}(?:\s*,\s*{YEAR})*\s*(?:,|en|and|or)\s+)(?P<y>{YEAR})"
        rf"(?![\p{{L}}\p{{N}}]|[.,]\d)",
        # "op de 15e", "on the 15th": a day of the article's month
        rf"(?<=(?<![\p{{L}}])(?:op|on)\s+(?:de|the)\s+)(?P<dd>{DAY}){DAY_SUFFIX}{END}(?!\s*\p{{L}})",
        # "de nacht van zondag op maandag": the night from the first day into the second (read apart)
        rf"(?<=(?:{night})\s+)(?P<wd>{weekdays})(?=\s+(?:{night_join})\s+(?P<wd2>{weekdays}){END})",
        # "dinsdag", "donderdagochtend", "Thursday morning"; "Tue."
        rf"(?P<wd>{weekdays})(?P<part>{parts})?(?![\p{{L}}])",
        rf"(?-i:(?P<wa>{abbreviations}))\.",
    ]


@data_cache
def grammar(language: Language) -> DateGrammar:
    names = calendar_names(language.code)
    data = load_data(language, "events") or load_data(language.other("nl"), "events")
    pattern = regex.compile(
        r"(?<![\p{L}\p{N}\-])(?:" + "|".join(f"(?:{a})" for a in date_alternatives(names, data, language.code)) + ")",
        regex.I)
    # A date begins with a digit or with a word of the pattern's first words: a weekday, "van",
    # a month, "mid-", a word before a year ("in", "sinds"), a day in words, an abbreviated
    # weekday. None if the data gives such a word that begins with no letter: the pattern is
    # then tried everywhere.
    weekdays = data.get("weekdays", {})
    abbreviations = {k.lower(): v for k, v in weekdays.get("abbreviations", {}).items()}
    starters = [*names["weekdays"], "van", "from", "the", *names["months"], "mid", "medio",
                *data.get("years", {}).get("before", []), *data.get("days", {}), *abbreviations]
    return DateGrammar(
        pattern=pattern, first_words=Starts.of(starters), months=names["months"],
        weekdays={**abbreviations, **names["weekdays"]}, full_months=full_month_names(names["months"]), days={k.lower(): v for k, v in data.get("days", {}).items()},
        events=events(language),
        this_week=regex.compile(phrase_pattern(weekdays.get("this_week", [])) or r"(?!)", regex.I),
        next_week=words_pattern(weekdays.get("next_week", [])),
        last_week=words_pattern(weekdays.get("last_week", [])),
        ahead=words_pattern(weekdays.get("ahead", [])),
        statement_before=words_pattern(data.get("statements", {}).get("verbs", []), r"\s+(?:on\s+)?\Z"),
    )


@lru_cache(maxsize=8192)
def parse_day(day: int, month: int, year: int, language: str) -> date | None:
    """A day of the calendar through dateparser (fixed language, cached); None if impossible.

    A day of a year of four digits that the calendar has is the date dateparser reads from its
    format (strptime), so it is made at once; dateparser (0.1 s and 12 MB to import) is asked
    only about the others."""
    if 1000 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return date(year, month, day)
    import dateparser  # imported when first needed

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
    nights: int = 0  # "de nacht van zondag op maandag": the weekday and the day after it


class DateRule(VocabularyRule):
    code = "D001"
    name = "dates"
    description = """Calendar dates and the events they date: meetings, summits, exercises, elections.

    Reads "24 februari", "6-7 april 2022", "van 10 tot 20 februari", "26 juni tot 28 juni 2020",
    "negenentwintig mei", "the 13th to the 15th of July", "maart 2022", "juni van 1992", "in 2007
    en 2009", "March 24, 2022", "22-04-2016", "2016-04-22", "op de 15e" (in the article's month),
    weekdays ("Tue.", "de nacht van zondag op maandag"). A missing year comes from the article's
    date. A weekday gets a value only when the article fixes its week (an explicit date on that
    weekday, "deze week" beside an explicit date, or a full header date, whose week then wins
    over dates of other weeks in the text: the day that was, or the day to come when the clause
    looks ahead, "zal maandag", "next Friday", "volgende week dinsdag"); otherwise the claim has
    no value. The key is
    the event named beside the date: "de ministers komen op 6-7 april bijeen" ->
    date:ministers-meeting, 2022-04-06..2022-04-07."""
    kinds = ("date",)
    key_parts = (part.EVENT, part.ACTOR, part.PLACE)
    # An event recurs; its dates date their sentences; its length is checked against the
    # durations the quantities rule reads ("de top duurt twee dagen": quantity:<event>/day).
    kind_specs = (KindSpec("date", mark="d", compared_as="recurring", dates=True, duration=("quantity", "day")),)
    languages = ("nl", "en")
    version = "5"

    def extract(self, doc: Document) -> Iterator[ClaimDraft]:
        lang = self.language(doc)
        g = grammar(lang)
        matches = matches_at_words(g.pattern, doc.scan_text, g.first_words) if g.first_words \
            else g.pattern.finditer(doc.scan_text)
        found = [f for m in matches if (f := self.read(m, doc, g)) is not None]
        vocab = vocabulary(lang)
        self.resolve_weekdays(doc, found, g, vocab)
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
        start, end = m.start(), m.end()
        if m["nd"] or m["iy"]:
            return numeric_date(m, doc.article.language)
        if m["dd"]:
            return day_of_article_month(m, doc)
        if m["m"]:
            month = g.months[m["m"].lower().rstrip(".")]
            if m.group().endswith(".") and m["m"].lower() in g.full_months:
                end -= 1  # a full stop after a full month name ends the sentence
            first = int(m["d1"]) if m["d1"] else g.days.get(" ".join(m["dw"].lower().split())) if m["dw"] else None
            year = int(m["y"]) if m["y"] else doc.article.year
            if year is None:
                return Found(start, end, None)
            if first:
                return days_of_month(m, g, first, month, year, doc.article.language, end)
            return Found(start, end, (date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])))
        if m["wd"] or m["wa"]:
            weekday = g.weekdays[(m["wd"] or m["wa"]).lower()]
            return Found(start, end, None, weekday=weekday, nights=1 if m["wd2"] else 0)
        y = int(m["y"])
        return Found(m.start("y"), m.end("y"), (date(y, 1, 1), date(y, 12, 31)))

    @staticmethod
    def resolve_weekdays(doc: Document, found: list[Found], g: DateGrammar, vocab) -> None:
        """Give weekdays a date only where the article fixes the week; never guess. A full
        header date fixes it (see weekday_of), and a date of another week in the text
        ("maandag 28 februari") does not move it there."""
        header = doc.article.date
        full_header = header is not None and header.start == header.end
        in_week = (lambda d: monday_of(d) == monday_of(header.start)) if full_header else (lambda d: True)
        exact = [f for f in found if f.exact_day and f.value and in_week(f.value[0])]
        by_weekday = {day: Nearest([e for e in exact if e.value[0].weekday() == day]) for day in range(7)}
        # Found once, not once per weekday: an article of many dates cost their square.
        weeks = Nearest([e for e in found if e.value and (e.value[1] - e.value[0]).days < 7 and in_week(e.value[0])
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
                day = monday_of(e.value[0]) + timedelta(days=f.weekday)
                f.value = (day, day)
            elif full_header:
                day = weekday_of(doc, f, g, vocab)
                f.value = (day, day)
        follow_joined_weekdays(found)
        for f in found:
            if f.nights and f.value:
                f.value = (f.value[0], f.value[0] + timedelta(days=f.nights))

    @staticmethod
    def event_key(doc: Document, f: Found, g: DateGrammar, vocab) -> tuple[dict[str, str], dict[str, str]]:
        """The event a date dates, with its actor and place (see context.event_around)."""
        return event_around(doc, f.start, f.end, g.events, vocab)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekday_of(doc: Document, f: Found, g: DateGrammar, vocab) -> date:
    """The day a weekday names, counted from the article's full header date: the last such day
    up to it ("zei maandag"), the first from it when its clause looks ahead ("de staking zal
    maandag beginnen", "komende vrijdag", "next Tuesday"), a week on or back when the clause
    says so ("volgende week dinsdag", "last week Friday"). A weekday right after a verb of
    speech dates the statement, which is never ahead."""
    header = doc.article.date.start
    behind = header - timedelta(days=(header.weekday() - f.weekday) % 7)
    clause = clause_around(doc, f.start, f.end, vocab)
    text = doc.scan_text
    if g.next_week.search(text, clause.start, clause.end):
        return monday_of(header) + timedelta(days=7 + f.weekday)
    if g.last_week.search(text, clause.start, clause.end):
        return monday_of(header) - timedelta(days=7 - f.weekday)
    if g.statement_before.search(text, max(0, f.start - 30), f.start) or not g.ahead.search(text, clause.start, clause.end):
        return behind
    return header + timedelta(days=(f.weekday - header.weekday()) % 7)


def follow_joined_weekdays(found: list[Found]) -> None:
    """"donderdag en vrijdag": the second follows the first, the first precedes the second."""
    for f, nxt in zip(found, found[1:]):
        if f.weekday is None or nxt.weekday is None or nxt.start - f.end > 5:
            continue
        if f.value and not nxt.value:
            day = f.value[0] + timedelta(days=(nxt.weekday - f.weekday) % 7)
            nxt.value = (day, day)
        elif nxt.value and not f.value:
            day = nxt.value[0] - timedelta(days=(nxt.weekday - f.weekday) % 7)
            f.value = (day, day)


def days_of_month(m: regex.Match, g: DateGrammar, first: int, month: int, year: int, language: str,
                  end: int) -> Found | None:
    """A day of a month, or days: "6-7 april", "26 juni tot 28 juni 2020" (the first day's
    month given with it), "30 december tot 2 januari 2021" (the first in the year before)."""
    first_month = g.months[m["m1"].lower().rstrip(".")] if m["m1"] else month
    d1 = parse_day(first, first_month, year - (first_month > month), language)
    d2 = parse_day(int(m["d2"]), month, year, language) if m["d2"] else d1
    if d1 is None or d2 is None or d2 < d1:
        return None
    return Found(m.start(), end, (d1, d2), exact_day=d1 == d2)


def numeric_date(m: regex.Match, language: str) -> Found | None:
    """"22-04-2016", "22/04/2016" (day first; in English month first when the day could not be
    a month, and no date when either could be the day), "2016-04-22"."""
    if m["iy"]:
        year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
    else:
        year, month, day = int(m["ny"]), int(m["nm"]), int(m["nd"])
        if language == "en" and month > 12 >= day:
            month, day = day, month  # "04/22/2016"
        elif language == "en" and day <= 12 and month != day:
            return None  # "04/05/2016": the fourth of May or the fifth of April
    d = parse_day(day, month, year, language) if 1 <= month <= 12 else None
    return Found(m.start(), m.end(), (d, d), exact_day=True) if d else None


def day_of_article_month(m: regex.Match, doc: Document) -> Found | None:
    """"op de 15e", "on the 15th": that day of the month the article is dated in, if it is."""
    header = doc.article.date
    if header is None or (header.start.year, header.start.month) != (header.end.year, header.end.month):
        return None
    d = parse_day(int(m["dd"]), header.start.month, header.start.year, doc.article.language)
    return Found(m.start(), m.end(), (d, d), exact_day=True) if d else None


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
