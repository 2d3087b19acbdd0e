"""The language of an article, and of each of its paragraphs: Dutch or English.

An article is English or Dutch when one language's function words ("the", "said"; "het",
"niet") clearly outnumber the other's among the words of its first 4,000 characters, else by
py3langid's model of the two. A paragraph (text between blank lines) whose function words say
the other language still more clearly is read in that language.

A word is a run of letters (``\\p{L}+``) of the lower-cased text. The function words are counted
without tokenising in Python: the lower-cased text as UTF-8 bytes, every byte of an ASCII
character that is no letter made a space (one ``bytes.translate``), and the few non-ASCII
characters that are no letters (quotes, dashes, combining marks) too; what is left between
spaces is exactly the runs of letters, each function word among them marked by one letter of its
language in C (``bytes.split``, ``dict.get``, ``bytes.join``). An article is scanned once: its paragraphs are counted, and the article's count is their sum.
"""
from __future__ import annotations

from itertools import repeat

import regex

SCAN_LIMIT = 4000  # characters of a text (or of a paragraph) whose function words are counted
ENGLISH_WORDS = frozenset("the of and to in is that for on with was said are by from has have it".split())
DUTCH_WORDS = frozenset("de het een van en in is dat op te met voor zijn niet die aan er ook".split())
SHARED_WORDS = ENGLISH_WORDS & DUTCH_WORDS  # "in", "is": no sign of either
# Each function word (as bytes) and the letter it is counted as: e English, n Dutch.
MARKS = {**{w.encode(): b"e" for w in ENGLISH_WORDS - SHARED_WORDS}, **{w.encode(): b"n" for w in DUTCH_WORDS - SHARED_WORDS}}

LETTER = regex.compile(r"\p{L}")
ASCII_BYTES = bytes(range(128))
# Bytes of ASCII characters that are no letters become spaces; ASCII letters and the bytes of
# other characters stay.
SPACE_FOR_ASCII_NON_LETTERS = bytes(b if chr(b).isalpha() or b >= 128 else 32 for b in range(256))

PARAGRAPH_END = regex.compile(r"\n[ \t]*\n\s*")
ARTICLE_MARGIN = 2  # an article is in a language whose function words outnumber the other's twice
PARAGRAPH_MARGIN = 3  # a paragraph changes language only when its function words say so this clearly


def function_word_counts(text: str) -> tuple[int, int]:
    """The English and the Dutch function words (but those of both) among the words of the
    first ``SCAN_LIMIT`` characters of a text."""
    data = text[:SCAN_LIMIT].lower().encode("utf-8", "surrogatepass")
    others = data.translate(None, ASCII_BYTES)  # the bytes of the characters beyond ASCII
    if others:
        for char in set(others.decode("utf-8", "surrogatepass")):
            if not LETTER.match(char):
                data = data.replace(char.encode("utf-8", "surrogatepass"), b" ")
    marks = b"".join(map(MARKS.get, data.translate(SPACE_FOR_ASCII_NON_LETTERS).split(), repeat(b"")))
    return marks.count(b"e"), marks.count(b"n")


def decided_by_counts(en: int, nl: int, margin: int = ARTICLE_MARGIN) -> tuple[str, float] | None:
    """Dutch or English when one language's function words outnumber the other's ``margin``
    times (three at least), with the share of them that are that language's; else None."""
    if en > margin * nl and en >= 3:
        return "en", round(en / (en + nl), 3)
    if nl > margin * en and nl >= 3:
        return "nl", round(nl / (en + nl), 3)
    return None


def function_word_language(text: str, margin: int = ARTICLE_MARGIN) -> tuple[str, float] | None:
    """The language a text's function words decide (see decided_by_counts), else None."""
    return decided_by_counts(*function_word_counts(text), margin)


def model_language(text: str) -> tuple[str, float]:
    """Dutch or English by py3langid's model of the two, its probability normalised over them."""
    from checker.langmodel import language_model

    language, probability = language_model().classify(text[:SCAN_LIMIT])
    return language, round(float(probability), 3)


def detect_language(text: str) -> tuple[str, float]:
    """Dutch or English with a confidence (0.5 to 1): by their function words when one
    language's clearly outnumber the other's, else by py3langid's model of the two (a short
    text, a list of names and figures), its probability normalised over the two."""
    return function_word_language(text) or model_language(text)


def guess_language(text: str) -> str:
    """Dutch or English (see detect_language)."""
    return detect_language(text)[0]


def paragraph_ends(scan: str) -> list[int]:
    """Where each paragraph of a text ends (after the blank lines that close it); the last one
    at the text's end."""
    if "\n" not in scan:
        return [len(scan)]
    return [m.end() for m in PARAGRAPH_END.finditer(scan)] + [len(scan)]


def language_parts(scan: str, language: str) -> tuple[tuple[int, int, str], ...]:
    """The runs of paragraphs of one language, (start, end, language) covering the text, when
    some paragraph's function words clearly say another language than the article's; else ().
    A paragraph they do not decide is read in the article's language."""
    ends = paragraph_ends(scan)
    return parts_of(ends, paragraph_counts(scan, ends), language)


def paragraph_counts(scan: str, ends: list[int]) -> list[tuple[int, int]]:
    """The function words of each paragraph (of its first ``SCAN_LIMIT`` characters)."""
    return [function_word_counts(scan[start:end]) for start, end in zip([0, *ends], ends)]


def parts_of(ends: list[int], counts: list[tuple[int, int]], language: str) -> tuple[tuple[int, int, str], ...]:
    """The runs of paragraphs of one language (see language_parts), of the paragraphs' ends and
    function words."""
    parts: list[tuple[int, int, str]] = []
    start = 0
    for end, (en, nl) in zip(ends, counts):
        decided = decided_by_counts(en, nl, PARAGRAPH_MARGIN)
        lang = decided[0] if decided else language
        if parts and parts[-1][2] == lang:
            parts[-1] = (parts[-1][0], end, lang)
        elif end > start:
            parts.append((start, end, lang))
        start = end
    return tuple(parts) if any(lang != language for _, _, lang in parts) else ()


def article_languages(scan: str) -> tuple[str, float, tuple[tuple[int, int, str], ...]]:
    """An article's language, its confidence and its runs of paragraphs in each language (see
    detect_language and language_parts), its function words counted in one pass: the article's
    are those of its paragraphs that begin within its first ``SCAN_LIMIT`` characters, the last
    of them cut there."""
    ends = paragraph_ends(scan)
    counts = paragraph_counts(scan, ends)
    en = nl = 0
    for start, end, (p_en, p_nl) in zip([0, *ends], ends, counts):
        if start >= SCAN_LIMIT:
            break
        if end > SCAN_LIMIT and start > 0:  # a paragraph's own count is of its first characters
            p_en, p_nl = function_word_counts(scan[start:SCAN_LIMIT])
        en, nl = en + p_en, nl + p_nl
    language, confidence = decided_by_counts(en, nl) or model_language(scan)
    return language, confidence, parts_of(ends, counts, language)
