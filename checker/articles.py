"""Loading articles: files and folders in, :class:`Document` objects out.

An article is a text file. Its first line may open with a ` date YYYY-MM[-DD]` token (metadata,
never a claim: the rest of the line is the title or first paragraph and is checked like the
body), or the file may open with a front-matter block between `---` lines. Bad input becomes a
:class:`~checker.models.Problem` naming the file; the run goes on. Files are only ever read.
"""
from __future__ import annotations

import bisect
import calendar
import codecs
import hashlib
import logging
import os
import stat
import sys
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterator, Protocol, Sequence

import regex

from checker.language import article_languages
from checker.language import detect_language, function_word_language, guess_language, language_parts  # noqa: F401 - the loader's API
from checker.models import Article, Period, Problem

log = logging.getLogger(__name__)

DEFAULT_SUFFIXES = (".txt", ".md")
STDIN = "-"  # the path that stands for standard input
MAX_BYTES = 4 * 1024 * 1024  # an article is tens of kilobytes; a bigger file is no article
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


def shown(path: str | os.PathLike) -> str:
    """A path as text that every output can hold: the bytes of a name that is not UTF-8 (a file
    from another system) are written as \\xNN escapes instead of the lone surrogates Python
    reads them as, which no encoder, JSON or SQLite accepts."""
    text = os.fspath(path)
    if isinstance(text, str) and text.isascii():  # nothing to escape
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def discover(paths: list[str], suffixes: tuple[str, ...] = DEFAULT_SUFFIXES) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders (recursively, following no symlink loops) into article files,
    each file once (a symlink and its target, hard links, a file named twice)."""
    found, problems = candidates(paths, suffixes)
    seen: set[object] = set()
    files = []
    for path in found:
        key = STDIN if str(path) == STDIN else identity(path)
        if key not in seen:
            seen.add(key)
            files.append(path)
    return files, problems


def candidates(paths: list[str], suffixes: tuple[str, ...] = DEFAULT_SUFFIXES) -> tuple[list[Path], list[Problem]]:
    """The article files of files and folders, in order; one file may come under several paths
    (``discover`` and ``read_bytes`` with ``seen`` keep the first)."""
    found: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        p = Path(raw)
        if raw == STDIN:
            if p not in found:
                found.append(p)
            continue
        if not p.exists():
            problems.append(Problem(file=shown(raw), message="no such file or folder"))
            continue
        # Anything but a folder is read as a file: a pipe or device named is then reported.
        known = len(problems)
        files = walk(p, suffixes, problems) if p.is_dir() else [p]
        if not files and len(problems) == known:  # not when the folder could not be read
            problems.append(Problem(severity="warning", file=shown(raw),
                                    message=f"no article files ({', '.join('*' + s for s in suffixes)}) in this folder"))
        found.extend(files)
    return found, problems


def walk(folder: Path, suffixes: tuple[str, ...], problems: list[Problem]) -> list[Path]:
    """The article files below a folder, each real folder once (symlinks may loop), in the order
    of a sorted top-down walk; a folder that cannot be read is a problem.

    A stack, not recursion (``os.walk`` recurses in Python 3.11: a tree 1,000 folders deep
    overflowed it), and folders are known by device and inode, not by their real path, which
    costs as many calls as the path is deep.
    """
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            info = current.stat()
            if (info.st_dev, info.st_ino) in visited:
                continue
            visited.add((info.st_dev, info.st_ino))
            with os.scandir(current) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as e:
            problems.append(Problem(file=shown(current), message=f"cannot read folder: {e.strerror or e}"))
            continue
        folders = []
        for entry in listed:
            if is_folder(entry):
                folders.append(Path(entry.path))
            elif entry.name.lower().endswith(suffixes):
                found.append(Path(entry.path))
        stack.extend(reversed(folders))
    return found


def is_folder(entry: os.DirEntry) -> bool:
    """A folder or a symlink to one; False for what cannot be asked (a dangling link)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def identity(path: Path) -> object:
    """What makes two paths one file (a symlink and its target): device and inode, or the path
    itself for what cannot be stat'ed (reading it will say why)."""
    try:
        info = path.stat()
    except OSError:
        return shown(path)
    return info.st_dev, info.st_ino


# By byte order mark: UTF-32 before UTF-16, whose little-endian mark begins UTF-32's.
UNICODE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
LONE_CR = regex.compile(r"\r(?!\n)")


def decode(data: bytes, name: str) -> tuple[str | None, str, Problem | None]:
    """Decode bytes as UTF-8 (BOM removed), or as UTF-16 or UTF-32 after their BOM; fall back to
    cp1252 with a warning. Line ends of a lone CR (old Mac files) are read as line feeds, one
    character for one, so that lines and sentences are found and offsets stay those of the text."""
    text, encoding, problem = decode_text(data, name)
    if text is not None and "\r" in text:
        text = LONE_CR.sub("\n", text)
    return text, encoding, problem


def decode_text(data: bytes, name: str) -> tuple[str | None, str, Problem | None]:
    for bom, encoding in UNICODE_BOMS:  # UTF-16 and UTF-32 are full of NUL bytes: by their BOM first
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding[:6], None
            except UnicodeDecodeError as e:
                return None, "", Problem(file=name, message=f"not {encoding[:6].upper()} after its byte order mark "
                                                            f"({e.reason} at byte {e.start + len(bom)}), skipped")
    if b"\x00" in data[:8192]:
        return None, "", Problem(file=name, message="binary file (NUL bytes), skipped")
    try:  # as the codec utf-8-sig does, without its Python wrapper; errors at offsets after the BOM
        return (data[3:] if data.startswith(codecs.BOM_UTF8) else data).decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as e:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return None, "", Problem(file=name, message=f"not UTF-8 ({e.reason} at byte {e.start}) nor cp1252, skipped")
        return text, "cp1252", Problem(
            severity="warning", file=name,
            message=f"not UTF-8 ({e.reason} at byte {e.start}); read as cp1252, offsets refer to that decoding")


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


class IdBook(set):
    """The article ids taken, with the next counter to try for each name: many files of one
    name and folder get their ids in linear time, not by counting up from 2 for each."""

    def __init__(self, ids=()) -> None:
        super().__init__(ids)
        self.counters: dict[str, int] = {}


def article_id(path: Path, used: IdBook) -> str:
    """A readable, stable id: the file's stem, made unique with its folder or a counter."""
    candidate = shown(path.stem)
    if candidate in used:
        candidate = f"{shown(path.parent.name)}/{candidate}"
    base = candidate
    n = used.counters.get(base, 2)
    while candidate in used:
        candidate = f"{base}~{n}"
        n += 1
    used.counters[base] = n
    used.add(candidate)
    return candidate


def make_document(path: Path, text: str, encoding: str, aid: str, language: str | None,
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


def read_bytes(path: Path, problems: list[Problem], seen: set[object] | None = None) -> bytes | None:
    """A file's bytes, or None with a problem (not a regular file, too big, unreadable). With
    ``seen``, None too for a file read before under this or another path (see identity; the
    file's is added): the file's one stat tells both."""
    if str(path) == STDIN:
        return read_stdin(problems)
    name = shown(path)
    try:
        info = path.stat()
    except OSError as e:
        if seen is not None:
            if name in seen:
                return None
            seen.add(name)
        problems.append(Problem(file=name, message=f"cannot read: {e.strerror or e}"))
        return None
    if seen is not None:
        if (info.st_dev, info.st_ino) in seen:
            return None
        seen.add((info.st_dev, info.st_ino))
    if not stat.S_ISREG(info.st_mode):
        problems.append(Problem(file=name, message="not a regular file (a pipe, a device), skipped"))
        return None
    if info.st_size > MAX_BYTES:
        problems.append(Problem(file=name, message=f"file of {info.st_size} bytes is over the {MAX_BYTES} byte limit, skipped"))
        return None
    try:
        return read_whole(path, info.st_size)
    except OSError as e:
        problems.append(Problem(file=name, message=f"cannot read: {e.strerror or e}"))
        return None


READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def read_whole(path: Path, size: int) -> bytes:
    """All bytes of a file of about ``size`` bytes, to its end (it may have changed since its
    size was read): by the operating system's calls, without a buffered file object."""
    fd = os.open(path, READ_FLAGS)
    try:
        chunks = []
        while chunk := os.read(fd, max(size + 1, 8192)):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def read_stdin(problems: list[Problem]) -> bytes | None:
    """The article given on standard input (path ``-``), within the size limit of a file."""
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        problems.append(Problem(file=STDIN, message=f"standard input is over the {MAX_BYTES} byte limit, skipped"))
        return None
    return data


def document_of(path: Path, data: bytes, aid: str, language: str | None, problems: list[Problem],
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
