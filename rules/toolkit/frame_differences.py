"""Figures that are no count of their own: a difference between two counts ("61, three more than
on Monday", "up three from Monday", "drie meer dan maandag"). Such a figure says by how much a
tally moved, never what it stands at, so it is no claim about the tally's level. An age ("a
45-year-old man", "een 45-jarige vrouw") counts nothing either: it says who someone is; nor does
a score ("met 3-1 gewonnen"), the two sides' tallies joined by a dash; and a part of a count
("eight of the injured", "van wie acht ernstig") is none of the count itself."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from checker.rules.toolkit.lemmas import lemma
from checker.rules.toolkit.frame_verbs import verb_final
from checker.rules.toolkit.lexicon import Hit, data_cache, phrase_pattern, words_pattern
from checker.rules.toolkit.vocabulary import Language, frames_grammar


@dataclass(frozen=True)
class DifferenceWords:
    """The words of `[grammar]` of frames.toml that make a figure a difference."""

    after: regex.Pattern  # right after the figure: "three more than", "drie meer dan"
    change_before: regex.Pattern  # right before the figure, with a word of `change_after` after it: "up three"
    change_after: regex.Pattern  # right after such a figure: "(up three) from Monday"


def after_pattern(forms: list[str]) -> regex.Pattern:
    """Words that must follow a figure straight away."""
    return regex.compile(rf"\s+(?:{phrase_pattern(forms) or '(?!)'})(?![\p{{L}}])", regex.I)


@data_cache
def difference_words(language: Language) -> DifferenceWords:
    grammar = frames_grammar(language)
    return DifferenceWords(
        after=after_pattern(grammar.get("difference_after", [])),
        change_before=words_pattern(grammar.get("change_before", []), r"\s+\Z"),
        change_after=after_pattern(grammar.get("change_after", [])),
    )


@data_cache
def age_pattern(language: Language) -> regex.Pattern:
    """The words of `[grammar] ages` of frames.toml right after a figure's number, joined to it by
    a hyphen or a space ("45-year-old", "45 years old", "45-jarige", "45 jaar oud")."""
    grammar = frames_grammar(language)
    forms = [form.replace("-", " ") for form in grammar.get("ages", [])]
    alternatives = "|".join(r"[\s-]+".join(regex.escape(word) for word in form.split()) for form in forms)
    return regex.compile(rf"[\s-]*(?:{alternatives or '(?!)'})(?![\p{{L}}])", regex.I)


AGE_REACH = 40  # characters from a figure's number to the end of its word of age: "45 years old"
NUMBER_START = regex.compile(r"[\p{N}.,]+|\p{L}+")


def is_age(text: str, start: int, end: int, language: Language) -> bool:
    """True when the figure at ``start..end`` is someone's age: its number is followed by a word of
    age ("a 45-year-old man", "who is 45 years old", "twaalf 16-jarigen": the 16, not the twelve)."""
    number = NUMBER_START.match(text, start, end)
    # bounded: the regex module looks for a word the pattern requires through all the text it is given
    return bool(number and age_pattern(language).match(text, number.end(), number.end() + AGE_REACH))


# A whole number, a dash and another that is no higher, no space between ("3-1", "2–2"): a score or
# a result of two sides, never a range (a range rises: "100-150").
SCORE = regex.compile(r"(?<![\p{N}.,\-–])(\p{N}+)[-–](\p{N}+)(?![\p{N}\-–]|[.,]\p{N})")


def is_score(text: str, start: int, end: int) -> bool:
    """True when the figure at ``start..end`` is a side of a score ("Ajax won met 3-1", "drew
    2-2"): the tally of one side, no count of a thing the clause names."""
    m = SCORE.match(text, start)
    return bool(m and m.end(1) == end and int(m.group(1)) >= int(m.group(2)))


@data_cache
def part_words(language: Language) -> tuple[regex.Pattern, regex.Pattern]:
    """The words of `[grammar] part_after` of frames.toml right after a figure ("eight of the
    injured") and of `part_before` right before it ("of whom eight", "van wie acht")."""
    grammar = frames_grammar(language)
    return after_pattern(grammar.get("part_after", [])), words_pattern(grammar.get("part_before", []), r"\s+\Z")


def part_start(text: str, start: int, end: int, language: Language) -> int | None:
    """Where the words of a part begin when the figure at ``start..end`` counts a part of people
    or things the text counts or names elsewhere ("Eight of the injured are in a critical
    condition": the figure; "31 gewond, van wie acht ernstig": "van wie"); None when it does not.
    Such a figure is never the count of the whole, and only what follows is its own."""
    after, before = part_words(language)
    if after.match(text, end):
        return start
    m = before.search(text, max(0, start - 20), start)
    return m.start() if m else None


def is_difference(text: str, start: int, end: int, language: Language) -> bool:
    """True when the figure at ``start..end`` is a difference between two counts, not a count: a
    comparative right after it ("three more than on Monday", "20 fewer than last year"), or a word
    of change right before it and the count it is measured from after it ("up three from Monday",
    "down 5 on last week")."""
    words = difference_words(language)
    if words.after.match(text, end):
        return True
    return bool(words.change_before.search(text, max(0, start - 12), start) and words.change_after.match(text, end))


WORDS_BEFORE = regex.compile(r"[\p{L}\-]+", regex.REVERSE)
CLOSING_VERB = regex.compile(r"(?:\s+[\p{L}\-]+){1,2}(?=\s*(?:[.,;:!?]|\Z))")  # "met 1,1 procent| zal groeien."
BY_REACH = 100  # characters before "by", "met" where the verb of change stands: "groeide de economie in het derde kwartaal met"


@data_cache
def contrast_before(language: Language) -> regex.Pattern:
    """The words of `[grammar] contrast` of frames.toml, ending right before a figure."""
    grammar = frames_grammar(language)
    return words_pattern(grammar.get("contrast", []), r"\s+\Z")


def contrasted_change(text: str, sentence_start: int, start: int, language: Language,
                      candidate: regex.Pattern) -> Hit | None:
    """The change a figure is set against ("met 1,3 procent, tegen 1,8 procent dit jaar", "by 1.3
    percent, against 1.8 percent"): the figure is the size of a change too, of another time."""
    m = contrast_before(language).search(text, max(sentence_start, start - 30), start)
    if m is None:
        return None
    before = None
    for before in candidate.finditer(text, sentence_start, m.start()):
        pass
    if before is None or change_by(text, before.start(), language) is None:
        return None
    return Hit(m.start(), start, "change", text[m.start():start].strip())


@data_cache
def change_words(language: Language) -> tuple[frozenset[str], frozenset[str]]:
    """The verbs of change of `[grammar] change_verbs` of frames.toml (by lemma or as written) and
    the words of `change_by` that may stand between such a verb and its figure."""
    grammar = frames_grammar(language)
    return (frozenset(w.lower() for w in grammar.get("change_verbs", [])),
            frozenset(w.lower() for w in grammar.get("change_by", [])))


def change_by(text: str, start: int, language: Language, end: int | None = None) -> Hit | None:
    """The verb of change a figure follows straight away or, with "by", "met" right before the
    figure, anywhere before in its clause ("support rose by 27 percent", "de omzet steeg 3
    procent", "groeide de economie in het derde kwartaal met 0,8 procent") or, in a language
    whose subordinate clause ends with its verb, right after the figure ("dat de economie met
    1,1 procent groeit"): the figure is the size of a change, qualifier ``change``, never the
    level the thing stands at ("rose to 14 percent")."""
    verbs, by = change_words(language)
    nearest = WORDS_BEFORE.search(text, max(0, start - BY_REACH), start)
    if nearest is None or text[nearest.end():start].strip():
        return None
    if end is not None and nearest.group().lower() in by and verb_final(language) and \
            (closing := CLOSING_VERB.match(text, end)) and \
            any(w in verbs or lemma(w, language.code) in verbs for w in closing.group().lower().split()):
        return Hit(nearest.start(), closing.end(), "change", text[nearest.start():closing.end()])
    reach = WORDS_BEFORE.finditer(text, max(0, start - BY_REACH), nearest.start()) \
        if nearest.group().lower() in by else [nearest]  # nearest first
    for m in reach:
        if regex.search(r"[.,;:!?]", text[m.end():start]):
            break
        low = m.group().lower()
        if low in verbs or lemma(low, language.code) in verbs:
            return Hit(m.start(), start, "change", text[m.start():start].strip())
    return None


__all__ = ["change_by", "contrasted_change", "is_difference"]
