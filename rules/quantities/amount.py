"""Amount: the value of a candidate, with its range, bounds and unit.

"100 tot 150" is a range, "meer dan 200" a bound, "4,6 miljard euro" an amount of money; a
candidate that turns out to be a date ("van 10 tot 20 februari") or a year is no figure.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.rules.toolkit.analysis import Document
from checker.rules.quantities.candidates import date_neighbour, not_an_amount, reader
from checker.rules.quantities.when import change_grammar
from checker.rules.toolkit.frames import frame_vocabulary, measure_of_before
from checker.rules.toolkit.lexicon import Vocabulary, data_cache, ending_at, load_data, phrase_pattern
from checker.rules.toolkit.numbers import Amount, NumberReader
from checker.rules.toolkit.vocabulary import Language

YEAR = regex.compile(r"(?:1[89]|20)\d\d")
CURRENCY_SIGN = regex.compile(r"[€$£]")
CURRENCY_BEFORE = ending_at(r"([€$£])\s?\Z")


def amounts(doc: Document, lang: Language, vocab: Vocabulary) -> Iterator[Amount]:
    """The amounts of an article, left to right: the candidates that are amounts, each read with
    its range, bounds and unit; a candidate inside the amount before it is passed over."""
    read = reader(lang)
    text = doc.scan_text
    consumed = 0
    for m in read.g.candidate.finditer(text):
        if m.start() < consumed or not_an_amount(text, m, lang):
            continue
        amount = amount_at(doc, m, read, lang, vocab)
        if amount is not None:
            consumed = amount.end
            yield amount


def amount_at(doc: Document, m: regex.Match, read: NumberReader, lang: Language, vocab: Vocabulary) -> Amount | None:
    """The amount a candidate begins, or None for no number, a date or a year."""
    text = doc.scan_text
    amount = read.read_one(text, m)
    if amount is None:
        return None
    change = change_grammar(lang)
    amount = read.with_range(text, amount, change.from_before)
    if date_neighbour(lang).match(text, amount.end):
        return None  # "van 10 tot 20 februari": a date
    if not change.to_of_change.search(text, max(0, amount.start - 60), amount.start):
        amount = read.bounds(text, amount)
    amount = with_unit(text, amount, read)
    if amount.unit is None and amount.low is not None and amount.low == amount.high \
            and YEAR.fullmatch(m.group()) and not counts_something(doc, amount, vocab):
        return None  # a year: the dates rule reads it
    return amount


def with_unit(text: str, amount: Amount, read: NumberReader) -> Amount:
    """Percentages, multiples, money, durations, distances; a currency sign before counts too."""
    unit = None
    end = amount.end
    m = read.g.unit_after.match(text, amount.end, min(len(text), amount.end + 30))
    if m:
        unit = read.g.unit_of.get((m.group("sym") or m.group("u")).lower())
        end = m.end()
    start = amount.start
    sign = CURRENCY_BEFORE.search(text, max(0, amount.start - 2), amount.start)
    if sign:
        unit, start = read.g.unit_of.get(sign.group(1)), amount.start - len(sign.group(0))
    elif unit is None and (inside := CURRENCY_SIGN.search(text, amount.start, amount.end)):
        unit = read.g.unit_of.get(inside.group())  # "exceeds € 10 billion": the sign after the bound
    if unit is None:
        return amount
    return Amount(start, end, amount.low, amount.high, amount.approximate, unit, amount.vague, amount.step)


TIME_UNITS = frozenset({"hour", "day", "week", "month", "year"})


def point_in_time(text: str, amount: Amount, lang: Language) -> bool:
    """True for a span of time that names a moment: "twee jaar geleden", "ten years later"."""
    return amount.unit in TIME_UNITS and bool(time_ago(lang).match(text, amount.end))


NEXT_WORD = regex.compile(r"[\s\-]+(\p{L}[\p{L}\-]*)")


def reads_a_scale(text: str, amount: Amount, lang: Language) -> bool:
    """True for a reading on a scale that names no measure: a figure with a fraction, no unit
    and no plural noun after it ("a magnitude 7.8 earthquake", "a 7.5-magnitude quake": no 7.8
    earthquakes), no measure named before it either ("een kracht van 7,8"); "34,6 graden" counts."""
    if not amount.on_a_scale or measure_of_before(text, amount.start, lang):
        return False
    word = NEXT_WORD.match(text, amount.end)
    return not (word and frame_vocabulary(lang).plural.fullmatch(word.group(1).lower()))


@data_cache
def time_ago(lang: Language) -> regex.Pattern:
    """The word after a span of time that makes it a point in time: "geleden", "ago"."""
    ago = load_data(lang, "numbers").get("grammar", {}).get("ago", [])
    return regex.compile(rf"\s+(?:{phrase_pattern(ago) or '(?!)'})(?![\p{{L}}])", regex.I)


def counts_something(doc: Document, amount: Amount, vocab: Vocabulary) -> bool:
    """True when a figure that could be a year is followed at once by a counted noun
    ("2022 militairen"); "the 1953 flood killed" is a year."""
    hits = vocab.concepts.find(doc.scan_text, amount.end, amount.end + 40)
    return bool(hits) and not doc.scan_text[amount.end:hits[0].start].strip()


def in_ratio(text: str, amount: Amount, read: NumberReader, lang: Language) -> bool:
    """True when the figure is one side of a ratio: "one in three", "vier op de vijf"; never an
    amount with a unit, whose "in" names when or where ("2.9 percent in 2027")."""
    if amount.unit:
        return False
    ratio = frame_vocabulary(lang).ratio
    after = ratio.match(text, amount.end)
    if after and read.g.candidate.match(text, after.end()):
        return True
    for m in read.g.candidate.finditer(text, max(0, amount.start - 30), amount.start):
        joined = ratio.match(text, m.end())
        if joined and joined.end() == amount.start:
            return True
    return False


__all__ = ["amount_at", "amounts", "in_ratio", "point_in_time", "reads_a_scale", "with_unit"]
