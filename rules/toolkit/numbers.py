"""Reading numbers as written in news text: digits, number words, scales, bounds and ranges.

The scan is anchored: one compiled pattern finds tokens that start with a digit or with a
number word, and the words around each hit are read afterwards. Number words go through
text2num; vocabulary (bounds, scales, vague plurals, units) comes from the rule data files.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex
from text_to_num import text2num

from checker.rules.toolkit.lexicon import Language, data_cache, load_data, phrase_pattern, words_pattern

NUMBER_WORD_STARTS = {
    "nl": ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
           "dertien", "veertien", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig",
           "negentig", "honderd", "duizend", "miljoen", "miljard", "tientallen", "anderhalf", "half", "dozijn",
           "verdubbel", "verdriedubbel", "ver"],
    "en": ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
           "thirteen", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
           "hundred", "thousand", "million", "billion", "tens", "dozen", "half", "double", "triple"],
}
ARTICLE_ONE = {"nl": "een", "en": "a"}
PRONOUN_ONE = {"een", "één", "one"}
HALF_ARTICLE = regex.compile(r"\s+an?(?=\s)", regex.I)  # "half a million"


@dataclass(frozen=True)
class Amount:
    """A number expression found in a text: its span and its value as an interval."""

    start: int
    end: int
    low: float | None
    high: float | None
    approximate: bool = False
    unit: str | None = None
    vague: bool = False


MULTIPLE = (2, 10)  # "een veelvoud van X", "a multiple of X": at least twice X, at most ten times


@dataclass(frozen=True)
class NumberGrammar:
    language: str
    candidate: regex.Pattern
    before_bound: regex.Pattern
    lower: frozenset[str]
    upper: frozenset[str]
    approx: frozenset[str]
    multiple: frozenset[str]
    change_before: regex.Pattern
    after_bound: regex.Pattern  # "200 of meer", "fewer than 500" written after: "500 or fewer"
    lower_after: frozenset[str]
    scales: dict[str, float]
    vague: dict[str, float]
    words: dict[str, float]
    unit_of: dict[str, str]
    unit_after: regex.Pattern
    range_after: regex.Pattern
    range_join: regex.Pattern
    range_open: regex.Pattern
    identifiers: regex.Pattern


@data_cache
def grammar(language: Language) -> NumberGrammar:
    data = load_data(language, "numbers") or load_data(language.other("nl"), "numbers")
    bounds = data.get("bounds", {})
    units = data.get("units", {})
    unit_of = {form.lower(): unit for unit, forms in units.items() for form in forms}
    starts = sorted(NUMBER_WORD_STARTS.get(language.code, NUMBER_WORD_STARTS["nl"]) + list(data.get("vague", {}))
                    + list(data.get("words", {})), key=len, reverse=True)
    starts_alt = "|".join(regex.escape(s.split()[0]) for s in starts)
    unit_forms = [f for f in unit_of if f not in ("%", "€", "$", "£")]
    ranges = data.get("ranges", {})
    return NumberGrammar(
        language=language.code,
        candidate=regex.compile(
            rf"(?<![\p{{L}}\p{{N}}\-/.,])(?:\d{{1,3}}(?:[ \u00a0\u2009\u202f]\d{{3}})+(?![\p{{N}}\p{{L}}]|[.,]\d)|\d+(?:[.,]\d+)*(?![\p{{N}}\p{{L}}])|(?i:(?:{starts_alt})\p{{L}}*)(?![\p{{L}}]))"),
        before_bound=regex.compile(
            rf"(?<![\p{{L}}])(?P<b>{phrase_pattern(bounds.get('lower', []) + bounds.get('upper', []) + bounds.get('approx', []) + bounds.get('multiple', []))})"
            rf"[\"'”’]?\s+(?:[€$£]\s?)?\Z", regex.I),
        lower=frozenset(" ".join(b.lower().split()) for b in bounds.get("lower", [])),
        upper=frozenset(" ".join(b.lower().split()) for b in bounds.get("upper", [])),
        approx=frozenset(" ".join(b.lower().split()) for b in bounds.get("approx", [])),
        multiple=frozenset(" ".join(b.lower().split()) for b in bounds.get("multiple", [])),
        change_before=words_pattern(bounds.get("change_verbs", []), r"\s+\Z"),
        after_bound=regex.compile(rf"\s+(?P<b>{phrase_pattern(bounds.get('lower_after', []) + bounds.get('upper_after', [])) or '(?!)'})"
                                  rf"(?![\p{{L}}])", regex.I),
        lower_after=frozenset(" ".join(b.lower().split()) for b in bounds.get("lower_after", [])),
        scales={k.lower(): float(v) for k, v in data.get("scales", {}).items()},
        vague={k.lower(): float(v) for k, v in data.get("vague", {}).items()},
        words={k.lower(): float(v) for k, v in data.get("words", {}).items()},
        unit_of=unit_of,
        unit_after=regex.compile(
            rf"(?:\s?(?P<sym>%)|\s+(?P<u>{phrase_pattern(unit_forms)})(?![\p{{L}}]))", regex.I),
        range_after=regex.compile(
            rf"-?\s*(?P<r>{phrase_pattern(ranges.get('words', []))})\s*(?=[\d\p{{L}}])", regex.I),
        range_join=regex.compile(rf"\s*(?P<r>{phrase_pattern(ranges.get('join', []))})\s+(?=[\d\p{{L}}])", regex.I),
        range_open=words_pattern(ranges.get("open", []), r"\s+\Z"),
        identifiers=words_pattern(data.get("identifiers", {}).get("before", []), r"\s+\Z"),
    )


@lru_cache(maxsize=65536)
def word_value(word: str, language: str) -> float | None:
    """The value of one number word (or words joined by spaces), or None."""
    w = word.lower().replace("-", " ").replace(",", " ").replace("één", "een")
    if language == "en":
        w = " ".join(t for t in w.split() if t != "and")
    try:
        return float(text2num(w, language))
    except (ValueError, TypeError, IndexError):
        pass
    if language == "nl" and " " in w:  # text2num reads Dutch compounds written as one word
        try:
            return float(text2num(w.replace(" ", ""), language))
        except (ValueError, TypeError, IndexError):
            return None
    return None


MAX_NUMBER_WORDS = 8  # "twee miljoen driehonderdduizend vijfhonderd": longer runs are no single number
THOUSANDS_DOT = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
THOUSANDS_COMMA = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
DECIMAL_COMMA = regex.compile(r"\d+,\d+")
DECIMAL_POINT = regex.compile(r"\d+\.\d+")
WORD_ABBREVIATED = regex.compile(r"\s+(\p{L}+\.?)")
NEXT_WORD = regex.compile(r"\s+(\p{L}+)")
NEXT_NUMBER_WORD = regex.compile(r"(\s+|-)(and\s+)?(\p{L}+)")
OF_WORD = regex.compile(r"\s+of\s+(\p{L}+)")
MULTIPLY_VERB = regex.compile(r"ver(\p{L}+?)voudig\p{L}*|verdubbel\p{L}*|verdriedubbel\p{L}*")
MULTIPLY_BY_WORD = regex.compile(r"ver(\p{L}+?)voudig\p{L}*")


MAX_DIGITS = 24  # longer runs of digits are no amount of anything
SPACED_THOUSANDS = regex.compile(r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+")


def digits_value(token: str, language: str, scaled: bool) -> float | None:
    """Digits with separators: Dutch 100.000 and 1,5; English 100,000 and 1.5; "40 000" in both."""
    if SPACED_THOUSANDS.fullmatch(token):
        digits = "".join(token.split())
        return float(digits) if len(digits) <= MAX_DIGITS else None
    thousands_dot = THOUSANDS_DOT.fullmatch(token)
    thousands_comma = THOUSANDS_COMMA.fullmatch(token)
    if language == "nl":
        if thousands_dot:
            return float(token.replace(".", "").replace(",", "."))
        if thousands_comma and not scaled and "." not in token:
            return float(token.replace(",", ""))
        if DECIMAL_COMMA.fullmatch(token):
            return float(token.replace(",", "."))
        if DECIMAL_POINT.fullmatch(token):
            return float(token)
    else:
        if thousands_comma:
            return float(token.replace(",", ""))
        if DECIMAL_POINT.fullmatch(token):
            return float(token)
        if thousands_dot:
            return float(token.replace(".", ""))
        if DECIMAL_COMMA.fullmatch(token):
            return float(token.replace(",", "."))
    if token.isdigit():
        return float(token)
    return None


class NumberReader:
    """Finds the amounts of one text in one language."""

    def __init__(self, language: Language) -> None:
        self.g = grammar(language)
        self.language = language.code

    def scale_after(self, text: str, pos: int) -> tuple[float, int] | None:
        m = WORD_ABBREVIATED.match(text, pos, pos + 20)
        if m and m.group(1).lower() in self.g.scales:
            return self.g.scales[m.group(1).lower()], m.end()
        if m and m.group(1).lower().rstrip(".") in self.g.scales:
            return self.g.scales[m.group(1).lower().rstrip(".")], m.end() - 1
        return None

    def _number_word_after(self, text: str, pos: int) -> bool:
        m = NEXT_WORD.match(text, pos, pos + 30)
        return bool(m) and m.group(1).lower() not in PRONOUN_ONE and word_value(m.group(1), self.language) is not None

    def _more_number_words(self, text: str, pos: int) -> int:
        """Extend a number word over following number words ("twee miljoen", "forty thousand")."""
        end = pos
        for _ in range(MAX_NUMBER_WORDS):
            m = NEXT_NUMBER_WORD.match(text, end, end + 40)
            if not m:
                return end
            w = m.group(3).lower()
            if w in PRONOUN_ONE and m.group(1) != "-" and not m.group(2) and not self._number_word_after(text, m.end()) or w in self.g.vague or w not in self.g.scales and word_value(w, self.language) is None:
                return end
            end = m.end()
        return end

    def _vague_phrase(self, text: str, word: str, end: int) -> tuple[str, int] | None:
        """A vague plural: "duizenden", or "tens of thousands" spanning several words."""
        m = OF_WORD.match(text, end, end + 20)
        if m and f"{word} of {m.group(1).lower()}" in self.g.vague:
            return f"{word} of {m.group(1).lower()}", m.end()
        return (word, end) if word in self.g.vague else None

    def read_one(self, text: str, m: regex.Match) -> Amount | None:
        """The amount that starts with candidate token ``m``, or None if it is no amount."""
        token = m.group()
        start, end = m.start(), m.end()
        low = high = None
        approximate = vague = False
        lower_token = token.lower()
        if token[0].isdigit():
            scale = self.scale_after(text, end)
            value = digits_value(token, self.language, scale is not None)
            if value is None:
                return None
            if scale:
                value, end = value * scale[0], scale[1]
            low = high = value
        elif (phrase := self._vague_phrase(text, lower_token, end)) is not None:
            low, high, vague = self.g.vague[phrase[0]], self.g.vague[phrase[0]] * 10, True
            end = phrase[1]
        elif lower_token in self.g.words:
            value = self.g.words[lower_token]
            scale = self.scale_after(text, end)
            if scale is None and value < 1:  # "half a million"
                article = HALF_ARTICLE.match(text, end, end + 8)  # a window: never to the end of the text
                scale = article and self.scale_after(text, article.end())
            if scale:
                value, end = value * scale[0], scale[1]
                approximate = value < scale[0]  # "een half miljoen" is a rounding
            elif value < 2 or lower_token in ("paar", "couple"):
                return None  # "half", "paar" alone are no amounts
            low = high = value
        elif lower_token.endswith("tal") and word_value(lower_token[:-3], self.language):
            low = high = word_value(lower_token[:-3], self.language)
            approximate = True
        elif MULTIPLY_VERB.fullmatch(lower_token):
            inner = MULTIPLY_BY_WORD.fullmatch(lower_token)
            if inner:
                value = word_value(inner.group(1), self.language)
            else:
                value = 3.0 if lower_token.startswith("verdriedubbel") else 2.0
            if not value:
                return None
            return Amount(start, end, value, value, unit="times")
        else:
            if lower_token in PRONOUN_ONE and self._more_number_words(text, end) == end:
                scale = self.scale_after(text, end)
                if not scale:
                    return None  # "een", "one": an article or a pronoun
                low = high = scale[0]
                end = scale[1]
            else:
                end = self._more_number_words(text, end)
                value = word_value(text[start:end], self.language)
                if value is None:
                    end = m.end()
                    value = word_value(token, self.language)
                if value is None:
                    return None
                if self.g.scales.get(lower_token, 0) >= 1e6:  # "miljoen" alone: only after "een"/"a"
                    before = text[max(0, start - 6):start].lower().split()
                    if not before or before[-1] not in (ARTICLE_ONE.get(self.language, "een"), "één"):
                        return None
                    start = start - 1 - len(before[-1])
                low = high = value
        return Amount(start, end, low, high, approximate, None, vague)

    def bounds(self, text: str, amount: Amount) -> Amount:
        """Apply "meer dan", "bijna", "zo'n" and friends written before the amount, or "of meer",
        "or fewer" after it."""
        after = self.g.after_bound.match(text, amount.end)
        if after:
            lower = " ".join(after.group("b").lower().split()) in self.g.lower_after
            return Amount(amount.start, after.end(), amount.low if lower else None, None if lower else amount.high,
                          amount.approximate, amount.unit, amount.vague)
        m = self.g.before_bound.search(text[max(0, amount.start - 40):amount.start])
        if not m:
            return amount
        word = " ".join(m.group("b").lower().split())
        start = amount.start - (len(text[max(0, amount.start - 40):amount.start]) - m.start("b"))
        low, high, approx = amount.low, amount.high, amount.approximate
        bound_start = m.start("b") + max(0, amount.start - 40)
        if word in self.g.upper and self.g.change_before.search(text, max(0, bound_start - 30), bound_start):
            return amount  # "is opgelopen tot 117": the new figure itself, no bound
        if word in self.g.lower:
            high = None
        elif word in self.g.upper:
            low = None
        elif word in self.g.approx:
            approx = True
        elif word in self.g.multiple:  # "een veelvoud van 100 miljoen": several times it
            low = None if low is None else low * MULTIPLE[0]
            high = None if high is None else high * MULTIPLE[1]
        return Amount(start, amount.end, low, high, approx, amount.unit, amount.vague)
