"""Reading numbers as written in news text: digits, number words, scales, bounds and ranges.

The scan is anchored: one compiled pattern finds tokens that start with a digit or with a
number word, and the words around each hit are read afterwards. Number words go through
text2num (see numerals); vocabulary (bounds, scales, vague plurals, units) comes from the rule
data files.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from checker.rules.toolkit.lexicon import Language, data_cache, ending_at, load_data, phrase_pattern, words_pattern
from checker.rules.toolkit.numerals import (
    CONNECTED_AFTER,
    CONNECTORS,
    TENS,
    decimal_places,
    digits_value,
    in_address,
    word_value,
)

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
    step: float | None = None  # the place of the last digit written: "34,2" 0.1, "2,5 miljard" 100 million

    @property
    def on_a_scale(self) -> bool:
        """True for a figure with a fraction and neither unit nor scale word ("a magnitude 7.8
        earthquake", "een kracht van 7,8", "34,6 graden"): a reading or a measure, no count of things."""
        return self.unit is None and self.step is not None and self.step < 1 and not self.vague


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
    joined: regex.Pattern  # a figure right after another's joiner: "100-150", "four-five"
    half_after: regex.Pattern  # "twee en een halve", "one and a half"
    glued: dict[str, float]  # scale letters glued to digits: "10k"
    glued_money: dict[str, float]  # the same after a currency sign only: "€10M", not "100m"
    threshold_before: regex.Pattern  # "de grens van 1 miljoen", "the threshold of 50,000"
    threshold_after: regex.Pattern  # "the 1 million mark"
    threshold_passed: regex.Pattern  # "is gepasseerd", "was crossed"
    partitive: regex.Pattern  # "één van de": one of several
    one: frozenset[str]  # the forms of one that alone are an article or a pronoun: "een", "one"
    stressed_one: frozenset[str]  # the form of one that is always the number: "één"
    article_one: frozenset[str]  # an article before a scale word alone: "een miljoen", "a million"
    converted_bound: regex.Pattern  # "more than 300 million euros ($354 million)": the bound of a conversion
    estimate: regex.Pattern  # "een afvoer verwacht van 3350 tot 3700": a range
    list_before: regex.Pattern  # "10, 20 of 25": items of a list, no range


def last_digit(written: float, places: int, value: float) -> float:
    """The place of the last digit of figure ``written``, with ``places`` digits after its decimal
    separator, that is ``value`` after its scale word: 1 for "34", 0.1 for "34,2" and "1,0",
    100 million for "2,5 miljard"."""
    return (value / written if written else 1.0) / 10 ** places


def either(forms: list[str]) -> str:
    """An alternation of phrases that never matches when there are none."""
    return phrase_pattern(forms) or "(?!)"


def phrases(forms: list[str]) -> frozenset[str]:
    return frozenset(" ".join(f.lower().split()) for f in forms)


def bound_patterns(bounds: dict) -> dict:
    """The parts of a grammar that read bounds: words before and after a figure, thresholds,
    conversions in brackets."""
    before = bounds.get("lower", []) + bounds.get("upper", []) + bounds.get("approx", []) + bounds.get("multiple", [])
    return dict(
        before_bound=regex.compile(
            rf"(?<![\p{{L}}])(?P<b>{either(before)})[\"'”’]?\s+"
            rf"(?:(?:een|a|an)\s+(?:{either(bounds.get('measure_between', []))})\s+(?:van|of)\s+)?(?:[€$£]\s?)?\Z", regex.I),
        converted_bound=regex.compile(
            rf"(?<![\p{{L}}])(?P<b>{either(bounds.get('lower', []) + bounds.get('upper', []))})\s+(?:[€$£]\s?)?"
            r"[\p{N}\p{L}][\p{N}\p{L}.,]*(?:\s+[\p{L}.]+){0,3}\s*\(\s*[€$£]\s?\Z", regex.I),
        lower=phrases(bounds.get("lower", [])), upper=phrases(bounds.get("upper", [])),
        approx=phrases(bounds.get("approx", [])), multiple=phrases(bounds.get("multiple", [])),
        change_before=words_pattern(bounds.get("change_verbs", []), r"\s+\Z"),
        after_bound=regex.compile(rf"\s+(?P<b>{either(bounds.get('lower_after', []) + bounds.get('upper_after', []))})"
                                  rf"(?![\p{{L}}])", regex.I),
        lower_after=phrases(bounds.get("lower_after", [])),
        threshold_before=words_pattern(bounds.get("threshold_before", []), r"\s+\Z"),
        threshold_after=regex.compile(rf"[\s-]+(?:{either(bounds.get('threshold_after', []))})(?![\p{{L}}])", regex.I),
        threshold_passed=words_pattern(bounds.get("threshold_passed", [])),
    )


@data_cache
def matter_units(language: Language) -> frozenset[str]:
    """The units of a quantity of matter, from ``[unit_kinds] matter`` of numbers.toml: the noun
    after such an amount is what it is ("3 miljoen kuub water", "2 million litres of oil")."""
    data = load_data(language, "numbers") or load_data(language.other("nl"), "numbers")
    return frozenset(data.get("unit_kinds", {}).get("matter", []))


@data_cache
def money_units(language: Language) -> frozenset[str]:
    """The units of an amount of money, from ``[unit_kinds] money`` of numbers.toml."""
    data = load_data(language, "numbers") or load_data(language.other("nl"), "numbers")
    return frozenset(data.get("unit_kinds", {}).get("money", []))


@data_cache
def grammar(language: Language) -> NumberGrammar:
    data = load_data(language, "numbers") or load_data(language.other("nl"), "numbers")
    units = data.get("units", {})
    unit_of = {form.lower(): unit for unit, forms in units.items() for form in forms}
    forms = data.get("grammar", {})
    starts = sorted(forms.get("word_starts", []) + list(data.get("vague", {}))
                    + list(data.get("words", {})), key=len, reverse=True)
    starts_alt = "|".join(regex.escape(s.split()[0]) for s in starts)
    unit_forms = [f for f in unit_of if f not in ("%", "€", "$", "£")]
    ranges = data.get("ranges", {})
    glued = {k.lower(): float(v) for k, v in data.get("glued_scales", {}).items()}
    glued_money = {k.lower(): float(v) for k, v in data.get("glued_money_scales", {}).items()}
    figure = (rf"(?:\d{{1,3}}(?:[ \u00a0\u2009\u202f]\d{{3}})+(?![\p{{N}}\p{{L}}]|[.,]\d)"
              rf"|\d+(?:[.,]\d+)*(?:(?![\p{{N}}\p{{L}}])|(?=(?i:{either(list(glued) + list(glued_money))})(?![\p{{L}}\p{{N}}])))"
              rf"|(?i:(?:{starts_alt})\p{{L}}*)(?![\p{{L}}]))")
    return NumberGrammar(
        language=language.code,
        one=phrases(forms.get("one", [])), stressed_one=phrases(forms.get("stressed_one", [])),
        article_one=phrases(forms.get("article_one", [])),
        candidate=regex.compile(rf"(?<![\p{{L}}\p{{N}}\-/.,]){figure}"),
        joined=regex.compile(figure),
        half_after=regex.compile(rf"\s+(?:{either(data.get('fractions', {}).get('half_after', []))})(?![\p{{L}}])", regex.I),
        glued=glued,
        glued_money=glued_money,
        estimate=words_pattern(ranges.get("estimate", [])),
        list_before=ending_at(r"\d\s*,\s*\Z"),
        partitive=regex.compile(rf"\s+(?:{either(data.get('partitive', {}).get('after', []))})(?![\p{{L}}])", regex.I),
        scales={k.lower(): float(v) for k, v in data.get("scales", {}).items()},
        vague={k.lower(): float(v) for k, v in data.get("vague", {}).items()},
        words={k.lower(): float(v) for k, v in data.get("words", {}).items()},
        unit_of=unit_of,
        unit_after=regex.compile(
            rf"(?:\s?(?P<sym>%)|\s+(?P<u>{phrase_pattern(unit_forms)})(?![\p{{L}}]))", regex.I),
        range_after=regex.compile(
            rf"-?\s*(?P<r>{phrase_pattern(ranges.get('words', []))})\s*(?=[\d\p{{L}}])", regex.I),
        range_join=regex.compile(rf"-?\s*(?P<r>{phrase_pattern(ranges.get('join', []))})\s+(?=[\d\p{{L}}])", regex.I),
        range_open=words_pattern(ranges.get("open", []), r"\s+\Z"),
        identifiers=words_pattern(data.get("identifiers", {}).get("before", []), r"\s+\Z"),
        **bound_patterns(data.get("bounds", {})),
    )


MAX_NUMBER_WORDS = 30  # "seven hundred and fourteen billion nine hundred and ninety-two million ...": longer runs are no single number
WORD_ABBREVIATED = regex.compile(r"(?:\s+|-)(\p{L}+\.?)")  # "30 miljard", "€30-billion"
NEXT_WORD = regex.compile(r"\s+(\p{L}+)")
NEXT_NUMBER_WORD = regex.compile(r"(\s+|-)((?:and|en)\s+)?(\p{L}+)(?!\p{L})")
OF_WORD = regex.compile(r"\s+of\s+(\p{L}+)")
MULTIPLY_VERB = regex.compile(r"ver(\p{L}+?)voudig\p{L}*|verdubbel\p{L}*|verdriedubbel\p{L}*")
MULTIPLY_BY_WORD = regex.compile(r"ver(\p{L}+?)voudig\p{L}*")
GLUED_LETTERS = regex.compile(r"\p{L}+")
NUMERIC_DATE_REST = regex.compile(r"([-/.])\d{1,2}\1\d{2,4}(?!\d)")
CLAUSE_END = regex.compile(r"[.;:!?]\s")
YEAR = regex.compile(r"(?:1[89]|20)\d\d")
CURRENCY_JUST_BEFORE = regex.compile(r"[€$£]\s?\Z")


class NumberReader:
    """Finds the amounts of one text in one language."""

    def __init__(self, language: Language) -> None:
        self.g = grammar(language)
        self.language = language.code

    def scale_after(self, text: str, pos: int) -> tuple[float, int] | None:
        """A scale word after a figure ("30 miljard", "€30-billion"), or one glued to its digits
        ("10k"; "€10M" after a currency sign only): its factor and where it ends."""
        glued = GLUED_LETTERS.match(text, pos, pos + 4)
        if glued:
            letters = glued.group().lower()
            if letters in self.g.glued:
                return self.g.glued[letters], glued.end()
            money = CURRENCY_JUST_BEFORE.search(text[max(0, pos - 30):pos].rstrip("0123456789.,"))
            if letters in self.g.glued_money and money:
                return self.g.glued_money[letters], glued.end()
            return None
        m = WORD_ABBREVIATED.match(text, pos, pos + 20)
        if m and m.group(1).lower() in self.g.scales:
            return self.g.scales[m.group(1).lower()], m.end()
        if m and m.group(1).lower().rstrip(".") in self.g.scales:
            return self.g.scales[m.group(1).lower().rstrip(".")], m.end() - 1
        return None

    def _scaled(self, text: str, value: float, end: int) -> tuple[float, int, bool]:
        """A figure with "and a half" and a scale word after it: "twee en een half miljoen"."""
        half = self.g.half_after.match(text, end)
        if half and value == int(value):
            value, end = value + 0.5, half.end()
        scale = self.scale_after(text, end)
        return (value * scale[0], scale[1], True) if scale else (value, end, bool(half))

    def _number_word_after(self, text: str, pos: int) -> bool:
        m = NEXT_WORD.match(text, pos, pos + 30)
        return bool(m) and m.group(1).lower() not in self.g.one and word_value(m.group(1), self.language) is not None

    def _joins(self, text: str, end: int, m: regex.Match) -> bool:
        """Whether number word ``m`` continues the figure that ends at ``end``."""
        w = m.group(3).lower()
        if w in self.g.vague or w not in self.g.scales and word_value(w, self.language) is None:
            return False
        if m.group(2):  # "tweeduizend en zestien", "hundred and five"; not "twee en drie", "one hundred and two hundred"
            if m.group(2).split()[0].lower() != CONNECTORS.get(self.language):
                return False
            before = text[max(0, end - 12):end].lower()
            return before.endswith(CONNECTED_AFTER) and (word_value(w, self.language) or 100) < 100
        if w in self.g.one and m.group(1) != "-":  # "sixty one", "hundred one", "one million"; not "twintig een"
            before = text[max(0, end - 8):end].split()[-1].lower()
            after_tens = (word_value(before, self.language) or 0) in TENS or before in CONNECTED_AFTER
            if w in self.g.stressed_one and before in self.g.scales:
                return True  # "een miljoen één": the stressed form is the number, never the article
            return self.language == "en" and after_tens and not text.startswith("-", m.end()) \
                or self._number_word_after(text, m.end())
        return True

    def _more_number_words(self, text: str, pos: int) -> list[int]:
        """The ends of the runs of number words from ``pos`` ("twee miljoen", "forty thousand")."""
        ends = [pos]
        for _ in range(MAX_NUMBER_WORDS):
            m = NEXT_NUMBER_WORD.match(text, ends[-1], ends[-1] + 120)
            if not m or not self._joins(text, ends[-1], m):
                break
            ends.append(m.end())
        return ends

    def _is_scale(self, word: str) -> bool:
        """A word that multiplies what comes before it: "hundred", "duizend", "million"."""
        value = word_value(word, self.language) or 0
        return word.lower() in self.g.scales or value >= 100 and str(int(value)).rstrip("0") == "1"

    def _vague_phrase(self, text: str, word: str, end: int) -> tuple[str, int] | None:
        """A vague plural: "duizenden", or "tens of thousands" spanning several words."""
        m = OF_WORD.match(text, end, end + 20)
        if m and f"{word} of {m.group(1).lower()}" in self.g.vague:
            return f"{word} of {m.group(1).lower()}", m.end()
        return (word, end) if word in self.g.vague else None

    def read_one(self, text: str, m: regex.Match) -> Amount | None:
        """The amount that starts with candidate token ``m``, or None if it is no amount."""
        token = m.group()
        lower_token = token.lower()
        if in_address(text, m.start()):
            return None  # "a%20b", "?page=50"
        if token[0].isdigit():
            return self._digits(text, m)
        if (phrase := self._vague_phrase(text, lower_token, m.end())) is not None:
            low = self.g.vague[phrase[0]]
            return Amount(m.start(), phrase[1], low, low * 10, vague=True)
        if lower_token in self.g.words:
            return self._word(text, m)
        if lower_token.endswith("tal") and (value := word_value(lower_token[:-3], self.language)):
            return Amount(m.start(), m.end(), value, value, approximate=True)  # "een tiental"
        if MULTIPLY_VERB.fullmatch(lower_token):
            return self._multiplied(m)
        return self._number_words(text, m)

    def _digits(self, text: str, m: regex.Match) -> Amount | None:
        """Digits, with "and a half" and a scale word after them: "1,5 miljoen", "10k"."""
        if NUMERIC_DATE_REST.match(text, m.end()):
            return None  # "22-04-2016", "22/04/2016": a date
        glued = GLUED_LETTERS.match(text, m.end())
        scale = self.scale_after(text, m.end())
        if glued and scale is None:
            return None  # "100m": metres, no scale
        value = digits_value(m.group(), self.language, scale is not None)
        if value is None:
            return None
        written, (value, end, _) = value, self._scaled(text, value, m.end())
        half = self.g.half_after.match(text, m.end())  # "2 en een half miljoen": no digit's place
        places = decimal_places(m.group(), self.language, scale is not None)
        return Amount(m.start(), end, value, value, step=None if half else last_digit(written, places, value))

    def _word(self, text: str, m: regex.Match) -> Amount | None:
        """A word that stands for a number: "anderhalf", "dozijn", "half a million"."""
        value = self.g.words[m.group().lower()]
        end = m.end()
        scale = self.scale_after(text, end)
        if scale is None and value < 1:  # "half a million"
            article = HALF_ARTICLE.match(text, end, end + 8)  # a window: never to the end of the text
            scale = article and self.scale_after(text, article.end())
        if scale:
            approximate = value < 1  # "een half miljoen" is a rounding
            return Amount(m.start(), scale[1], value * scale[0], value * scale[0], approximate)
        if value < 1 or m.group().lower() in ("paar", "couple"):
            return None  # "half", "paar" alone are no amounts
        return Amount(m.start(), end, value, value)

    def _multiplied(self, m: regex.Match) -> Amount | None:
        """A verb of multiplying: "verdubbelen" is 2 times, "vervijfvoudigd" 5 times."""
        lower_token = m.group().lower()
        inner = MULTIPLY_BY_WORD.fullmatch(lower_token)
        if inner:
            value = word_value(inner.group(1), self.language)
        else:
            value = 3.0 if lower_token.startswith("verdriedubbel") else 2.0
        return Amount(m.start(), m.end(), value, value, unit="times") if value else None

    def _number_words(self, text: str, m: regex.Match) -> Amount | None:
        """Number words: "veertigduizend", "twee miljoen", "twenty-one trillion", "één"."""
        start, lower_token = m.start(), m.group().lower()
        ends = self._more_number_words(text, m.end())
        if lower_token in self.g.one and len(ends) == 1:
            value, end, scaled = self._scaled(text, 1.0, m.end())
            if not scaled and (lower_token not in self.g.stressed_one or self.g.partitive.match(text, end)):
                return None  # "een", "one": an article or a pronoun; "één" is the number, not in "één van de"
            return Amount(start, end, value, value)
        for i in range(len(ends) - 1, -1, -1):  # the longest run that reads as one number, not
            end = ends[i]                        # one cut before a scale ("one hundred and two| hundred")
            cut_before_scale = i + 1 < len(ends) and self._is_scale(text[end:ends[i + 1]].split()[-1])
            value = None if cut_before_scale else word_value(text[start:end], self.language)
            if value is not None:
                break
        else:
            return None
        if len(ends) == 1 and self._is_scale(lower_token):  # "a thousand"; "miljoen" alone only after "een"/"a"
            before = text[max(0, start - 6):start].lower().split()
            article = bool(before) and before[-1] in self.g.article_one \
                and text[start - 1].isspace()
            if not article and self.g.scales.get(lower_token, 0) >= 1e6:
                return None
            start = start - 1 - len(before[-1]) if article else start
        value, end, _ = self._scaled(text, value, end)
        return Amount(start, end, value, value)

    def with_range(self, text: str, amount: Amount, change_from: regex.Pattern | None = None) -> Amount:
        """"100 tot 150", "tussen 100 en 150", "100-150", "drie- tot vijfduizend", "$5-7 billion".

        A figure after ``change_from`` ("van vier tot acht") changes into the second, unless a
        unit follows ("van 0,5 tot 5 kilometer").
        """
        before = text[max(0, amount.start - 20):amount.start]
        opened = self.g.range_open.search(before)
        joiner = self.g.range_join if opened else self.g.range_after
        m = joiner.match(text, amount.end, min(len(text), amount.end + 20))
        second_m = m and self.g.joined.match(text, m.end())
        second = self.read_one(text, second_m) if second_m else None
        if second is None or second.low is None or amount.low is None:
            return amount
        if m.group("r") in "-–" and YEAR.fullmatch(text[amount.start:amount.end]) and YEAR.fullmatch(second_m.group()):
            return amount  # "2014-2022": years
        if change_from is not None and change_from.search(before) and not self.g.unit_after.match(text, second.end) \
                and not self.g.estimate.search(CLAUSE_END.split(text[max(0, amount.start - 40):amount.start])[-1]):
            return amount  # "van vier tot acht"; not "een afvoer verwacht van 3350 tot 3700"
        if self.g.list_before.search(text, max(0, amount.start - 6), amount.start):
            return amount  # "10, 20 of 25 euro"
        low, high = amount.low, second.low
        if text.startswith("-", amount.end) and not second_m.group()[0].isdigit():
            low *= self.suspended_scale(second_m.group(), low)  # "drie- tot vijfduizend", "tussen de vijf- en zesduizend"
        scale = self.scale_after(text, second_m.end()) if second_m.group()[0].isdigit() else None
        if scale and low > 0 and high / low >= scale[0] / 2:
            low *= scale[0]  # "20 tot 30 miljard", "$5-7 billion": the scale is shared
        if not low < high:
            return amount
        start = amount.start - (len(before) - opened.start()) if opened else amount.start
        return Amount(start, second.end, low, high, amount.approximate or second.approximate, None, amount.vague)

    def suspended_scale(self, word: str, low: float) -> float:
        """The scale a number word ends in that a suspended first figure shares: "zesduizend"
        after "vijf-" gives 1000, "zeshonderdduizend" 100000; 1 if none."""
        value = word_value(word, self.language)
        for i in range(1, len(word)):
            head, tail = word_value(word[:i], self.language), word_value(word[i:], self.language)
            if head and tail and head * tail == value and low < tail:
                return tail
        return 1.0

    def passed_threshold(self, text: str, amount: Amount) -> int | None:
        """Where a figure named as a threshold that is passed begins ("de grens van 1 miljoen is
        gepasseerd", "passed the 50,000 mark": at least the figure); None if it is none."""
        before = self.g.threshold_before.search(text, max(0, amount.start - 30), amount.start)
        after = self.g.threshold_after.match(text, amount.end, amount.end + 40)  # bounded, as the regex module
        # otherwise looks for the words the pattern requires through the rest of the text
        if not before and not after:
            return None
        start = before.start() if before else amount.start
        end = after.end() if after else amount.end
        ahead = CLAUSE_END.split(text[end:end + 40], 1)[0]
        behind = CLAUSE_END.split(text[max(0, start - 40):start])[-1]
        return start if self.g.threshold_passed.search(ahead) or self.g.threshold_passed.search(behind) else None

    def bounds(self, text: str, amount: Amount) -> Amount:
        """Apply "meer dan", "bijna", "zo'n" and friends written before the amount, or "of meer",
        "or fewer" after it. A range keeps both ends: "ruim 3350 tot 3700"."""
        after = self.g.after_bound.match(text, amount.end)
        if after:
            lower = " ".join(after.group("b").lower().split()) in self.g.lower_after
            return Amount(amount.start, after.end(), amount.low if lower else None, None if lower else amount.high,
                          amount.approximate, amount.unit, amount.vague)
        passed = self.passed_threshold(text, amount)
        if passed is not None:
            return Amount(passed, amount.end, amount.low, None, amount.approximate, amount.unit, amount.vague)
        window = text[max(0, amount.start - 40):amount.start]
        m = self.g.before_bound.search(window)
        if m:
            start = amount.start - (len(window) - m.start("b"))
        else:  # a conversion in brackets has the bound of the figure it converts
            m, start = self.g.converted_bound.search(text, max(0, amount.start - 80), amount.start), amount.start
        if not m:
            return amount
        word = " ".join(m.group("b").lower().split())
        low, high, approx = amount.low, amount.high, amount.approximate
        if word in self.g.upper and self.g.change_before.search(text, max(0, start - 30), start):
            return amount  # "is opgelopen tot 117": the new figure itself, no bound
        ranged = not amount.vague and low is not None and high is not None and low < high
        if word in self.g.approx or ranged and (word in self.g.lower or word in self.g.upper):
            approx = approx or word in self.g.approx
        elif word in self.g.lower:
            high = None
        elif word in self.g.upper:
            low = None
        elif word in self.g.multiple:  # "een veelvoud van 100 miljoen": several times it
            low = None if low is None else low * MULTIPLE[0]
            high = None if high is None else high * MULTIPLE[1]
        return Amount(start, amount.end, low, high, approx, amount.unit, amount.vague)
