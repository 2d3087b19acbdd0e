"""The value of one written number: number words in Dutch and English (through text2num, with
what it does not read itself) and digits with the separators of either language."""
from __future__ import annotations

from functools import lru_cache

import regex
from text_to_num import text2num

# "tweeentwintig" is written without its diaeresis too.
DUTCH_DIAERESIS = regex.compile(r"(twee|drie)en(?=twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)")
ABOVE_TEXT2NUM = {"en": {"trillion": 1e12}}  # scales text2num does not read
TENS = frozenset(float(t) for t in range(20, 100, 10))
CONNECTORS = {"nl": "en", "en": "and"}  # "tweeduizend en zestien", "three hundred and five"
# A connector joins a figure ending in one of these to one under a hundred after it.
CONNECTED_AFTER = ("honderd", "duizend", "miljoen", "miljard", "hundred", "thousand", "million", "billion",
                   "trillion")


def _text2num(words: str, language: str) -> float | None:
    try:
        return float(text2num(words, language))
    except (ValueError, TypeError, IndexError):
        return None


@lru_cache(maxsize=65536)
def word_value(word: str, language: str) -> float | None:
    """The value of one number word (or words joined by spaces, hyphens or "and"/"en"), or None."""
    w = word.lower().replace("-", " ").replace(",", " ").replace("één", "een")
    if language == "nl":
        w = DUTCH_DIAERESIS.sub(r"\1ën", w)
    tokens = [t for t in w.split() if t != CONNECTORS.get(language)]
    for scale_word, scale in ABOVE_TEXT2NUM.get(language, {}).items():
        if scale_word in tokens:  # "twenty-one trillion, five billion"
            at = len(tokens) - 1 - tokens[::-1].index(scale_word)
            left = word_value(" ".join(tokens[:at]), language) if at else 1.0
            right = word_value(" ".join(tokens[at + 1:]), language) if at + 1 < len(tokens) else 0.0
            if left is None or right is None or not 1 <= left < 1000 or right >= scale:
                return None
            return left * scale + right
    value = _text2num(" ".join(tokens), language)
    if value is None and language == "nl" and len(tokens) > 1:  # text2num reads Dutch compounds written as one word
        value = _text2num("".join(tokens), language)
    return value


THOUSANDS_DOT = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
THOUSANDS_COMMA = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
DECIMAL_COMMA = regex.compile(r"\d+,\d+")
DECIMAL_POINT = regex.compile(r"\d+\.\d+")
MAX_DIGITS = 24  # longer runs of digits are no amount of anything
SPACED_THOUSANDS = regex.compile(r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+")


def digits_value(token: str, language: str, scaled: bool) -> float | None:
    """Digits with separators: Dutch 100.000 and 1,5; English 100,000 and 1.5; "40 000" in both."""
    digits = plain_digits(token, language, scaled)
    return None if digits is None else float(digits)


def decimal_places(token: str, language: str, scaled: bool) -> int:
    """How many digits follow the decimal separator as ``digits_value`` reads it: "1,0" has one."""
    digits = plain_digits(token, language, scaled) or ""
    return len(digits.partition(".")[2])


def plain_digits(token: str, language: str, scaled: bool) -> str | None:
    """The digits of ``token`` with a full stop for the decimal separator and no other: Dutch
    "1.234,5" and English "1,234.5" are "1234.5"."""
    if SPACED_THOUSANDS.fullmatch(token):
        digits = "".join(token.split())
        return digits if len(digits) <= MAX_DIGITS else None
    thousands_dot = THOUSANDS_DOT.fullmatch(token)
    thousands_comma = THOUSANDS_COMMA.fullmatch(token)
    if language == "nl":
        if thousands_dot:
            return token.replace(".", "").replace(",", ".")
        if thousands_comma and not scaled and "." not in token:
            return token.replace(",", "")
        if DECIMAL_COMMA.fullmatch(token):
            return token.replace(",", ".")
        if DECIMAL_POINT.fullmatch(token):
            return token
    else:
        if thousands_comma:
            return token.replace(",", "")
        if DECIMAL_POINT.fullmatch(token):
            return token
        if thousands_dot:
            return token.replace(".", "")
        if DECIMAL_COMMA.fullmatch(token):
            return token.replace(",", ".")
    if token.isdigit():
        return token
    return None


URL_START = regex.compile(r"[a-z][a-z+.\-]*://|www\.", regex.I)


def in_address(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a web address (a run without white space with a scheme or
    "www." in it before ``pos``)."""
    run_start = pos
    while run_start > 0 and not text[run_start - 1].isspace() and pos - run_start < 300:
        run_start -= 1
    return bool(URL_START.search(text, run_start, pos))
