"""Candidates: the tokens that may be figures, and those that are no amount.

One anchored pattern of the number reader (a digit or a number word at a word boundary) finds
the candidates; the words around each tell numbers in names ("Leopard 2"), identifiers, clock
times, telephone numbers, dates and list numbering from amounts.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from checker.rules.toolkit.frames import frame_vocabulary
from checker.rules.toolkit.gazetteer import gazetteer
from checker.rules.toolkit.lemmas import lemma
from checker.rules.toolkit.lexicon import data_cache, ending_at, load_data, month_names, phrase_pattern, vocabulary
from checker.rules.toolkit.numbers import NumberReader
from checker.rules.toolkit.vocabulary import Language

CLOCK = regex.compile(r"\d{1,2}[.:]\d{2}")
PHONE = regex.compile(r"0\d{6,}")
LIST_NUMBER = ending_at(r"(?:\A|\n)[ \t]*\Z")
GLUED_DIGITS = regex.compile(r"[.,]\d")
LIST_MARK = regex.compile(r"[.)]\s")
WORD_OR_DIGIT_BEFORE = ending_at(r"(?:\d|\p{L}{3,})[\s\-/.]*\Z")
SLASHED_AFTER = regex.compile(r"[/:]\d")
SLASHED_BEFORE = ending_at(r"\d[/:]\Z")
NAME_BEFORE = ending_at(r"(\p{Lu}[\p{L}\-]*)\s\Z")
WORD_AFTER = regex.compile(r"\s+(\p{Ll}[\p{L}\-]*)")
SENTENCE_OPENING_WORD = ending_at(r"(?:\A|[.!?:\n\"'“„‘])\s*\p{Lu}[\p{L}\-]*\s\Z")


@data_cache
def reader(language: Language) -> NumberReader:
    """The number reader of a language; its ``g.candidate`` pattern finds the candidates."""
    return NumberReader(language)


@dataclass(frozen=True)
class FigureGrammar:
    """The words around a number that make it a time of day or a day of a date, from the
    ``[grammar]`` of vocabulary.toml."""

    date_neighbour: regex.Pattern  # a month name just after: "10 tot 20 februari" is a date
    month_before: regex.Pattern  # a month name just before: "24 februari 2022", "April 6 and 7"
    day_half: regex.Pattern  # "am", "pm" after a number
    clock_before: regex.Pattern  # "om", "at" before a time of day
    clock_after: regex.Pattern  # "uur", "h", "pm" after a time of day


@data_cache
def figure_grammar(language: Language) -> FigureGrammar:
    data = load_data(language, "vocabulary") or load_data(language.other("nl"), "vocabulary")
    g = data.get("grammar", {})
    months = "|".join(sorted(month_names(language.code), key=len, reverse=True))
    joiner = f"(?:{phrase_pattern(g.get('day_joiners', [])) or '(?!)'})"  # "10 tot 20 februari", "April 6 and 7"
    halves = phrase_pattern(g.get("day_halves", [])) or "(?!)"
    return FigureGrammar(
        date_neighbour=regex.compile(rf"[\s\-–/]*(?:{joiner}\s+)?(?:\d{{1,2}}\s*)?(?:{months})(?![\p{{L}}])", regex.I),
        month_before=ending_at(rf"(?:{'|'.join(month_names(language.code))})\.?\s*(?:\d{{1,2}}\s*(?:{joiner}|[&\-–])\s*)?\Z",
                               regex.I),
        day_half=regex.compile(rf"\s*(?:{halves})(?![\p{{L}}])", regex.I),
        clock_before=ending_at(rf"(?<![\p{{L}}])(?:{phrase_pattern(g.get('clock_before', [])) or '(?!)'})\s+\Z", regex.I),
        clock_after=regex.compile(rf"\s*(?:{phrase_pattern(g.get('clock_after', [])) or '(?!)'}|{halves})(?![\p{{L}}])",
                                  regex.I),
    )


def date_neighbour(language: Language) -> regex.Pattern:
    """A month name just after a position, across a second day: "10 tot 20 februari" is a date."""
    return figure_grammar(language).date_neighbour


def not_an_amount(text: str, m: regex.Match, lang: Language) -> bool:
    """Numbers in names, identifiers, clock times, dates and list numbering."""
    token = m.group()
    after = text[m.end():m.end() + 20]
    before = text[max(0, m.start() - 40):m.start()]
    if token[0].isdigit() and digits_of_no_amount(text, m, lang, before, after):
        return True
    if reader(lang).g.identifiers.search(before):
        return True
    return token[0].isdigit() and in_a_name(before, lang) and not people_after(after, lang)


def digits_of_no_amount(text: str, m: regex.Match, lang: Language, before: str, after: str) -> bool:
    """True when digits are glued to more digits, a clock time, a telephone number, a list
    number, part of a date or of a fraction-like "24/7"."""
    token = m.group()
    if GLUED_DIGITS.match(after):
        return True  # a number glued to more digits
    unit = reader(lang).g.unit_after.match(text, m.end())  # "0.77 percent" is no time of day
    g = figure_grammar(lang)
    if CLOCK.fullmatch(token) and (g.clock_after.match(after) or not unit and (
            token[0] == "0" or lang.code == "nl" and "." in token)):
        return True
    if len(token) <= 2 and token.isdigit() and int(token) <= 24 and (g.day_half.match(after) or g.clock_before.search(before)) \
            and g.clock_after.match(after):
        return True  # "at 2 pm", "om 8 uur"; not "de oefening duurt 8 uur"
    if PHONE.fullmatch(token):
        return True  # "0612345678": a telephone number
    if LIST_NUMBER.search(before) and LIST_MARK.match(after):
        return True
    if g.date_neighbour.match(after) or WORD_OR_DIGIT_BEFORE.search(before) and g.month_before.search(before):
        return True
    return bool(SLASHED_AFTER.match(after) or SLASHED_BEFORE.search(before))


def people_after(after: str, lang: Language) -> bool:
    """True when a noun of people follows the digits: a name's number counts no one, so "het
    ministerie van Binnenlandse Zaken 2100 mensen" is an amount; "Leopard 2 tanks" is none."""
    word = WORD_AFTER.match(after)
    return bool(word) and lemma(word.group(1).lower(), lang.code) in frame_vocabulary(lang).people


def in_a_name(before: str, lang: Language) -> bool:
    """True when digits follow a capitalised word that is no function word, actor, place,
    weekday or month or kind of event, inside a sentence: "Panzerfaust 3", "Leopard 2"; not "in
    Zeeland 1800 mensen", "in Ter Apel 450 asielzoekers", "On Monday 1,200 migrants"."""
    prev = NAME_BEFORE.search(before)
    vocab = vocabulary(lang)
    fv = frame_vocabulary(lang)
    if not prev or prev.group(1).lower() in vocab.function_words or prev.group(1).lower() in fv.not_places \
            or SENTENCE_OPENING_WORD.search(before):
        return False
    word = prev.group(1)
    placed = fv.preposition_before_name.search(before)  # "In Bewdley 300 people"
    return not placed and not vocab.actors.find(word) and not vocab.places.find(word) \
        and not gazetteer(lang).lookup(word) and not fv.causes.find(word)  # "Kamerverkiezingen 37"


__all__ = ["FigureGrammar", "date_neighbour", "figure_grammar", "not_an_amount", "reader"]
