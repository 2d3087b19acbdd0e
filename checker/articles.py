"""Loading articles: files and folders in, :class:`Document` objects out (finding, reading and
decoding the files: checker.files; their language: checker.language).

An article is a text file. Its first line may open with a ` date YYYY-MM[-DD]` token (metadata,
never a claim: the rest of the line is the title or first paragraph and is checked like the
body), or the file may open with a front-matter block between `---` lines. Bad input becomes a
:class:`~checker.models.Problem` naming the file; the run goes on. Files are only ever read.
"""
from __future__ import annotations

import bisect
import calendar
import hashlib
import logging
import os
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterator, Protocol, Sequence

import regex

from checker.files import DEFAULT_SUFFIXES, candidates, decode, read_bytes, shown
from checker.files import MAX_BYTES, STDIN, UNICODE_BOMS, decode_text, discover  # noqa: F401 - the loader's API
from checker.language import article_languages
from checker.language import detect_language, function_word_language, guess_language, language_parts  # noqa: F401 - the loader's API
from checker.models import Article, Period, Problem

log = logging.getLogger(__name__)

MAX_SENTENCE = 600  # characters: a longer "sentence" (a table, a line without stops) is cut; news sentences stay under 400

HEADER = regex.compile(r"\A[ \t]*date[ \t]+(\S+)")
HEADER_DATE = regex.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
FRONT_MATTER = regex.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", regex.S)
FRONT_FIELD = regex.compile(r"^([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$", regex.M)
# Abbreviations with a full stop that a name or a figure often follows, in Dutch and English
# news: titles, "St." and "Mt.", months, "No.", "ca.".
ABBREVIATIONS = ("Mr Mrs Ms Dr Prof St Mt Ft Gen Lt Col Maj Capt Sgt Adm Gov Sen Rep Rev Pres Jr Sr Inc "
                 "Corp Co Ltd No Nr nr vs ca dhr mevr drs ir ing mr dr prof bijv resp Jan Feb Mar Apr Jun "
                 "Jul Aug Sep Sept Oct Nov Dec jan feb mrt apr jun jul aug sep sept okt nov dec").split()
# Sentences end at . ! ? (before a capital, a quote or a digit) or at a line break; not after one
# of those abbreviations ("St. Lucie County", "Feb. 10") nor after initials and letters with
# full stops ("J. Biden", "the U.S. Army", "o.a.").
SENTENCE_END = regex.compile(
    r"(?<=[.!?…]['\"”’]?)(?<!(?<![\p{L}.])(?:" + "|".join(ABBREVIATIONS) + r")\.)(?<!(?<![\p{L}])(?:\p{L}\.)+)"
    r"\s+(?=[\p{Lu}\p{N}'\"„“‘,])|\n+")
NEWLINE = regex.compile(r"\n")
NOT_NEWLINE = regex.compile(r"[^\n]")


@dataclass(frozen=True)
class Document:
    """An article with its text, as a rule sees it.

    ``text`` is the file's text (UTF-8, BOM removed); offsets of claims index into it.
    ``scan_text`` is the same text with metadata (the header date token, front matter) blanked
    out, so that rules cannot make claims of it while offsets stay the same.
    """

    article: Article
    text: str
    scan_text: str
    parts: tuple[tuple[int, int, str], ...] = ()  # runs of paragraphs in each language, if they differ

    def by_language(self) -> Iterator[Document]:
        """The article as rules read it: itself, or when its paragraphs differ in language, one
        document per run of paragraphs, in that language, with the rest of the text blanked."""
        if not self.parts:
            yield self
            return
        for start, end, language in self.parts:
            scan = NOT_NEWLINE.sub(" ", self.scan_text[:start]) + self.scan_text[start:end] + \
                NOT_NEWLINE.sub(" ", self.scan_text[end:])
            yield Document(article=self.article.model_copy(update={"language": language}), text=self.text, scan_text=scan)

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in NEWLINE.finditer(self.text))
        return starts

    def line_of(self, offset: int) -> int:
        """1-based line number of an offset."""
        return bisect.bisect_right(self.line_starts, offset)

    @cached_property
    def sentence_spans(self) -> list[tuple[int, int]]:
        """Sentences as (start, end); one longer than MAX_SENTENCE is cut at white space."""
        spans, start = [], 0
        for m in SENTENCE_END.finditer(self.scan_text):
            if m.start() > start:
                spans.extend(self._cut(start, m.start()))
            start = m.end()
        if start < len(self.text):
            spans.extend(self._cut(start, len(self.text)))
        return spans or [(0, len(self.text))]

    def _cut(self, start: int, end: int) -> list[tuple[int, int]]:
        pieces = []
        while end - start > MAX_SENTENCE:
            space = self.scan_text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            cut = space if space > start else start + MAX_SENTENCE
            pieces.append((start, cut))
            start = cut
        pieces.append((start, end))
        return pieces

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentence_spans]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding an offset."""
        i = max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)
        return self.sentence_spans[i]

    def sentence_before(self, sentence: tuple[int, int]) -> tuple[int, int] | None:
        """The sentence just before a sentence of this document, if there is one."""
        i = bisect.bisect_right(self._sentence_starts, sentence[0]) - 1
        return self.sentence_spans[i - 1] if i > 0 else None


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@lru_cache(maxsize=4096)  # articles share a few dates; a Period is immutable
def parse_header_date(token: str) -> Period | None:
    """`2022-04` -> the whole month; `2022-04-06` -> that day; anything else -> None."""
    m = HEADER_DATE.fullmatch(token)
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2]), m[3]
    try:  # year 0, month 13, 31 April: no date (date() raises ValueError for each)
        if day is None:
            start = date(year, month, 1)
            return Period(start=start, end=date(year, month, calendar.monthrange(year, month)[1]))
        d = date(year, month, int(day))
    except ValueError:
        return None
    return Period(start=d, end=d)


def date_problem(what: str, token: str) -> str:
    """Why a header or front-matter date was not read: its form, or a day no calendar has
    (year 0, 31 April)."""
    m = HEADER_DATE.fullmatch(token)
    if m and 1 <= int(m[2]) <= 12:
        return f"{what} date {token} is not a valid date; date unknown"
    return f"malformed {what} date {token!r} (want YYYY-MM or YYYY-MM-DD); date unknown"


def stem(name: str) -> str:
    """A file name without its suffix, as ``Path.stem`` gives it ("a.tar.gz": "a.tar"; ".txt"
    and "a." keep theirs)."""
    i = name.rfind(".")
    return name[:i] if 0 < i < len(name) - 1 else name


class IdBook(set):
    """The article ids taken, with the next counter to try for each name: many files of one
    name and folder get their ids in linear time, not by counting up from 2 for each."""

    def __init__(self, ids=()) -> None:
        super().__init__(ids)
        self.counters: dict[str, int] = {}


def article_id(path: Path | str, used: IdBook) -> str:
    """A readable, stable id: the file's stem, made unique with its folder or a counter (of a
    path as text as of the Path: its stem, the name of its parent)."""
    candidate = shown(stem(os.path.basename(path)))
    if candidate in used:
        candidate = f"{shown(os.path.basename(os.path.dirname(path)))}/{candidate}"
    base = candidate
    n = used.counters.get(base, 2)
    while candidate in used:
        candidate = f"{base}~{n}"
        n += 1
    used.counters[base] = n
    used.add(candidate)
    return candidate


def make_document(path: Path | str, text: str, encoding: str, aid: str, language: str | None,
                  problems: list[Problem], detected: tuple | None = None) -> Document:
    """Read the metadata of a decoded article and blank it out of the text rules scan; its
    language is detected (see checker.language), or given as ``detected`` when known."""
    name = shown(path)
    scan = text
    meta: dict[str, str] = {}
    period = None
    header = HEADER.match(text)
    fm = None if header else FRONT_MATTER.match(text)
    if header:
        token = header[1]
        period = parse_header_date(token)
        if period is None:
            problems.append(Problem(severity="warning", file=name, message=date_problem("header", token)))
        scan = " " * header.end() + text[header.end():]
    elif fm:
        meta = {k.lower(): v.strip("'\"") for k, v in FRONT_FIELD.findall(fm[1])}
        if "date" in meta:
            period = parse_header_date(meta["date"][:10])
            if period is None:
                problems.append(Problem(severity="warning", file=name,
                                        message=date_problem("front-matter", meta["date"][:10])))
        blank = NOT_NEWLINE.sub(" ", fm[0])
        scan = blank + text[fm.end():]
    given = language or meta.get("language") or meta.get("lang")
    read_as, confidence, parts = (given, None, ()) if given else detected or article_languages(scan)
    article = Article(
        id=aid, path=name, date=period, year=period.start.year if period else None,
        language=read_as, language_confidence=confidence,
        title=meta.get("title"), source=meta.get("source"), url=meta.get("url"),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), encoding=encoding,
    )
    return Document(article=article, text=text, scan_text=scan, parts=parts)


def document_of(path: Path | str, data: bytes, aid: str, language: str | None, problems: list[Problem],
                detected: tuple | None = None) -> Document | None:
    """The document of a file's bytes, or None with a problem (binary, empty); ``detected``: its
    language when known (see make_document)."""
    name = shown(path)
    text, encoding, problem = decode(data, name)
    if problem:
        problems.append(problem)
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem(severity="warning", file=name, message="empty file, skipped"))
        return None
    doc = make_document(path, text, encoding, aid, language, problems, detected)
    if not doc.scan_text.strip():
        problems.append(Problem(severity="warning", file=name, message="header only, no text to check"))
    return doc


class KeptLanguages(Protocol):
    """Where the languages detected of articles are kept by the SHA-256 of their bytes (the
    claim cache, checker.cache)."""

    def languages(self, digests: Sequence[str]) -> dict[str, tuple]: ...

    def keep_languages(self, detected: dict[str, tuple]) -> None: ...


def load(paths: list[str], language: str | None = None, suffixes: tuple[str, ...] = DEFAULT_SUFFIXES,
         kept: KeptLanguages | None = None) -> LoadResult:
    """Load every article below ``paths``; problems are collected, never raised. With ``kept``,
    the language of an article whose bytes are kept there is taken from it (the files are read
    first, then looked up in one query), and the languages detected of the others are kept."""
    result = LoadResult()
    files, result.problems = candidates(paths, suffixes)
    seen: set[object] = set()  # what makes two paths one file: see read_bytes
    read = [(path, data) for path in files if (data := read_bytes(path, result.problems, seen)) is not None]
    digests = [hashlib.sha256(data).hexdigest() for _, data in read] if kept is not None and not language else []
    known = kept.languages(digests) if digests else {}
    detected: dict[str, tuple] = {}
    used = IdBook()
    for i, (path, data) in enumerate(read):
        digest = digests[i] if digests else None
        doc = document_of(path, data, article_id(path, used), language, result.problems, known.get(digest))
        read[i] = None  # the bytes are no longer needed
        if doc is not None:
            result.documents.append(doc)
            if digest and digest not in known and doc.article.language_confidence is not None:
                detected[digest] = (doc.article.language, doc.article.language_confidence, doc.parts)
    if detected:
        kept.keep_languages(detected)
    result.documents = with_year_hints(result.documents)
    return result


def with_year_hints(docs: list[Document]) -> list[Document]:
    """Undated articles take the year that every dated article of the run shares, if there is one."""
    years = {d.article.year for d in docs if d.article.date is not None}
    if len(years) != 1:
        return docs
    year = years.pop()
    return [d if d.article.year is not None else
            replace(d, article=d.article.model_copy(update={"year": year})) for d in docs]
