"""Candidates: the tokens that may be figures, and those that are no amount.

One anchored pattern of the number reader (a digit or a number word at a word boundary) finds
the candidates; the words around each tell numbers in names ("Leopard 2"), identifiers, clock
times, telephone numbers, dates and list numbering from amounts.
"""
from __future__ import annotations

from functools import cache

import regex

from checker.rules.toolkit.frames import frame_vocabulary
from checker.rules.toolkit.gazetteer import gazetteer
from checker.rules.toolkit.lexicon import data_cache, ending_at, month_names, vocabulary
from checker.rules.toolkit.numbers import NumberReader
from checker.rules.toolkit.vocabulary import Language

DAY_JOINER = r"(?:tot|en|t/m|to|and)"  # the words between two days of one date: "10 tot 20 februari", "April 6 and 7"
CLOCK = regex.compile(r"\d{1,2}[.:]\d{2}")
PHONE = regex.compile(r"0\d{6,}")
AM_PM = regex.compile(r"\s*(?:am\b|pm\b|a\.m\.|p\.m\.)", regex.I)
AT_BEFORE = ending_at(r"(?<![\p{L}])(?:om|at|tegen|rond)\s+\Z", regex.I)
CLOCK_AFTER = regex.compile(r"\s*(?:uur|u\b|h\b|am\b|pm\b|a\.m\.|p\.m\.)", regex.I)
LIST_NUMBER = ending_at(r"(?:\A|\n)[ \t]*\Z")
GLUED_DIGITS = regex.compile(r"[.,]\d")
LIST_MARK = regex.compile(r"[.)]\s")
WORD_OR_DIGIT_BEFORE = ending_at(r"(?:\d|\p{L}{3,})[\s\-/]*\Z")
SLASHED_AFTER = regex.compile(r"[/:]\d")
SLASHED_BEFORE = ending_at(r"\d[/:]\Z")
NAME_BEFORE = ending_at(r"(\p{Lu}[\p{L}\-]*)\s\Z")
SENTENCE_OPENING_WORD = ending_at(r"(?:\A|[.!?:\n\"'“„‘])\s*\p{Lu}[\p{L}\-]*\s\Z")


@data_cache
def reader(language: Language) -> NumberReader:
    """The number reader of a language; its ``g.candidate`` pattern finds the candidates."""
    return NumberReader(language)


@cache
def date_neighbour(language: str) -> regex.Pattern:
    """A month name just after a position, across a second day: "10 tot 20 februari" is a date."""
    months = "|".join(sorted(month_names(language), key=len, reverse=True))
    return regex.compile(rf"[\s\-–/]*(?:{DAY_JOINER}\s+)?(?:\d{{1,2}}\s*)?(?:{months})(?![\p{{L}}])", regex.I)


@cache
def month_before(language: str) -> regex.Pattern:
    """A month name just before a position: "24 februari 2022" is a date, not 2022 of something;
    so is the second day of "April 6 and 7"."""
    return ending_at(rf"(?:{'|'.join(month_names(language))})\.?\s*(?:\d{{1,2}}\s*(?:{DAY_JOINER}|[&\-–])\s*)?\Z", regex.I)


def not_an_amount(text: str, m: regex.Match, lang: Language) -> bool:
    """Numbers in names, identifiers, clock times, dates and list numbering."""
    token = m.group()
    after = text[m.end():m.end() + 20]
    before = text[max(0, m.start() - 40):m.start()]
    if token[0].isdigit() and digits_of_no_amount(text, m, lang, before, after):
        return True
    if reader(lang).g.identifiers.search(before):
        return True
    return token[0].isdigit() and in_a_name(before, lang)


def digits_of_no_amount(text: str, m: regex.Match, lang: Language, before: str, after: str) -> bool:
    """True when digits are glued to more digits, a clock time, a telephone number, a list
    number, part of a date or of a fraction-like "24/7"."""
    token = m.group()
    if GLUED_DIGITS.match(after):
        return True  # a number glued to more digits
    unit = reader(lang).g.unit_after.match(text, m.end())  # "0.77 percent" is no time of day
    if CLOCK.fullmatch(token) and (CLOCK_AFTER.match(after) or not unit and (
            token[0] == "0" or lang.code == "nl" and "." in token)):
        return True
    if len(token) <= 2 and token.isdigit() and int(token) <= 24 and (AM_PM.match(after) or AT_BEFORE.search(before)) \
            and CLOCK_AFTER.match(after):
        return True  # "at 2 pm", "om 8 uur"; not "de oefening duurt 8 uur"
    if PHONE.fullmatch(token):
        return True  # "0612345678": a telephone number
    if LIST_NUMBER.search(before) and LIST_MARK.match(after):
        return True
    if date_neighbour(lang.code).match(after) or WORD_OR_DIGIT_BEFORE.search(before) and \
            month_before(lang.code).search(before):
        return True
    return bool(SLASHED_AFTER.match(after) or SLASHED_BEFORE.search(before))


def in_a_name(before: str, lang: Language) -> bool:
    """True when digits follow a capitalised word that is no function word, actor, place or
    kind of event, inside a sentence: "Panzerfaust 3", "Leopard 2"; not "in Zeeland 1800 mensen"."""
    prev = NAME_BEFORE.search(before)
    vocab = vocabulary(lang)
    if not prev or prev.group(1).lower() in vocab.function_words or SENTENCE_OPENING_WORD.search(before):
        return False
    word = prev.group(1)
    fv = frame_vocabulary(lang)
    placed = fv.preposition_before_name.search(before)  # "In Bewdley 300 people"
    return not placed and not vocab.actors.find(word) and not vocab.places.find(word) \
        and not gazetteer(lang).lookup(word) and not fv.causes.find(word)  # "Kamerverkiezingen 37"


__all__ = ["date_neighbour", "month_before", "not_an_amount", "reader"]
