"""Vocabulary of the built-in rules, read from the TOML data files beside them.

Each language has its data folder (``data/nl``, ``data/en``). The files are read and their
patterns compiled once per language; a newsroom extends the vocabulary by editing the data.
"""
from __future__ import annotations

import importlib
import re
import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex

WHOLE_TEXT_SCAN = 200  # characters: texts this long are scanned whole once, then looked up
WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")


DATA_FILES = ("vocabulary", "events", "numbers", "names", "offices", "places")
_caches: list = []
_extensions: dict[str, dict[str, dict[str, list[str]]]] = {}


def data_cache(fn):
    """``functools.cache`` for what is built from the vocabulary data: cleared when a run
    extends the vocabulary differently (see extend_vocabulary)."""
    cached = cache(fn)
    _caches.append(cached)
    return cached


def extend_vocabulary(extensions: dict[str, dict[str, dict[str, list[str]]]]) -> None:
    """Add a newsroom's own forms to the data files: {language: {table: {label: [forms]}}}.

    ``{"nl": {"concepts": {"troops": ["landmachtsoldaten"]}}}`` adds a form to the table
    ``[concepts]`` of the Dutch data. A table that no data file of the language has is an
    error (ValueError naming it)."""
    global _extensions
    for language, tables in extensions.items():
        known = {t for name in DATA_FILES for t in base_data(language, name)}
        for table in tables:
            if table not in known:
                raise ValueError(f"vocabulary.{language}.{table}: no such vocabulary table "
                                 f"(tables of {language!r}: {', '.join(sorted(known)) or 'none'})")
    if extensions != _extensions:
        _extensions = {lang: {t: dict(v) for t, v in tables.items()} for lang, tables in extensions.items()}
        for cached in _caches:
            cached.cache_clear()


@cache
def base_data(language: str, name: str) -> dict[str, Any]:
    """The parsed ``data/<language>/<name>.toml`` as shipped; an empty dict when there is none."""
    path = resources.files(__package__).joinpath("data", language, f"{name}.toml")
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8"))


@data_cache
def load_data(language: str, name: str) -> dict[str, Any]:
    """The data of ``data/<language>/<name>.toml`` with the run's vocabulary extensions."""
    data = dict(base_data(language, name))
    for table, entries in _extensions.get(language, {}).items():
        if isinstance(data.get(table), dict):
            merged = dict(data[table])
            for label, forms in entries.items():
                old = merged.get(label, [])
                merged[label] = [*old, *forms] if isinstance(old, list) else forms
            data[table] = merged
    return data


def literal_pattern(forms: list[str]) -> str:
    """Like ``phrase_pattern``, for the standard library's re."""
    alts = sorted({f.lower() for f in forms}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in f.split()) for f in alts)


_lowered: tuple[str, str] = ("", "")


def lowered(text: str) -> str:
    """``text`` in lower case with every offset kept (the last text is remembered)."""
    global _lowered
    if _lowered[0] is not text:
        low = text.lower()
        if len(low) != len(text):  # "İ" lowers to two characters: keep such letters as they are
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        _lowered = (text, low)
    return _lowered[1]


def phrase_pattern(forms: list[str]) -> str:
    """An alternation of phrases, longest first, with flexible white space."""
    alts = sorted({f.lower() for f in forms}, key=len, reverse=True)
    return "|".join(r"\s+".join(regex.escape(part) for part in f.split()) for f in alts)


@cache
def calendar_names(language: str) -> dict[str, dict[str, int]]:
    """Month and weekday names of a language, from dateparser's own language data.

    Returns {"months": {"april": 4, ...}, "weekdays": {"dinsdag": 1, ...}} (Monday is 0); only
    month names of three letters or more, weekday names of four or more (not "di", "zo").
    """
    data = importlib.import_module(f"dateparser.data.date_translation_data.{language}").info
    months = {name.lower(): i for i, key in enumerate(MONTH_KEYS, start=1) for name in data.get(key, []) if len(name) >= 3}
    weekdays = {name.lower(): i for i, key in enumerate(WEEKDAY_KEYS) for name in data.get(key, []) if len(name) >= 4}
    return {"months": months, "weekdays": weekdays}


MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def month_names(language: str) -> list[str]:
    return list(calendar_names(language)["months"])


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    label: str
    words: str


class Lexicon:
    """Finds the labelled words of one vocabulary table in a text.

    ``compounds="head"`` lets a form match the end of a compound ("jachtvliegtuigen" ->
    "vliegtuigen"); ``compounds="modifier"`` lets it match the start of a hyphenated compound
    ("NAVO-troepen" -> "navo"). A form written as ``=form`` matches whole words only.
    """

    def __init__(self, table: dict[str, list[str]], compounds: str = "none") -> None:
        self.label_of: dict[str, str] = {}
        exact, loose = [], []
        for label, forms in table.items():
            for form in forms:
                bare = form.lstrip("=").lower()
                self.label_of[" ".join(bare.split())] = label
                (exact if form.startswith("=") else loose).append(bare)
        # The standard library's re scans a lower-cased text for long literal alternations
        # several times faster than regex does with IGNORECASE; these patterns need nothing more.
        L, LETTER = r"[^\W_]", r"(?:[^\W\d_]|-)"
        parts = []
        if exact:
            parts.append(rf"(?<!{L})(?<!-)(?P<w0>{literal_pattern(exact)})(?!{L}|-{L})")
        if loose:
            if compounds == "head":
                parts.append(rf"(?<!{L})(?<!-){LETTER}*?(?P<w1>{literal_pattern(loose)})(?!{L})")
            elif compounds == "modifier":
                parts.append(rf"(?<!{L})(?<!-)(?P<w1>{literal_pattern(loose)})(?:-{LETTER}+)?(?!{L})")
            else:
                parts.append(rf"(?<!{L})(?<!-)(?P<w1>{literal_pattern(loose)})(?!{L}|-{L})")
        self.pattern = re.compile("|".join(f"(?:{p})" for p in parts) or r"(?!)")
        self._scanned: tuple[str, list[Hit], list[int], list[int]] | None = None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Every hit in ``text[start:end]``, offsets relative to ``text``.

        A long text is scanned once and its hits kept, so that the many lookups a rule makes
        in one article (a clause here, a sentence there) cost a bisection each; a hit that
        reaches into the span counts ("snelle reactiemacht" for the span "reactiemacht").
        """
        end = len(text) if end is None else end
        if len(text) < WHOLE_TEXT_SCAN:
            return self._scan(text, start, end)
        if self._scanned is None or self._scanned[0] is not text:
            hits = self._scan(text, 0, len(text))
            self._scanned = (text, hits, [h.start for h in hits], [h.end for h in hits])
        _, hits, starts, ends = self._scanned
        return hits[bisect_right(ends, start):bisect_left(starts, end)]

    def _scan(self, text: str, start: int, end: int) -> list[Hit]:
        hits = []
        for m in self.pattern.finditer(lowered(text), start, end):
            word = " ".join(m.group(m.lastgroup).split())
            label = self.label_of.get(word)
            if label:
                hits.append(Hit(m.start(), m.end(), label, text[m.start():m.end()]))
        return hits


@dataclass(frozen=True)
class Vocabulary:
    """The compiled vocabulary of one language."""

    language: str
    concepts: Lexicon
    qualifiers: Lexicon
    actors: Lexicon
    places: Lexicon
    place_prepositions: frozenset[str]
    attribution: regex.Pattern
    clause_break: regex.Pattern
    generic: regex.Pattern
    count_noun: regex.Pattern
    earlier: regex.Pattern


@data_cache
def vocabulary(language: str) -> Vocabulary:
    data = load_data(language, "vocabulary") or load_data("nl", "vocabulary")
    grammar = data.get("grammar", {})
    breaks = grammar.get("clause_breaks", [","])
    return Vocabulary(
        language=language,
        concepts=Lexicon(data.get("concepts", {}), compounds="head"),
        qualifiers=Lexicon(data.get("qualifiers", {})),
        actors=Lexicon(data.get("actors", {}), compounds="modifier"),
        places=Lexicon(data.get("places", {}), compounds="modifier"),
        place_prepositions=frozenset(grammar.get("place_prepositions", [])),
        attribution=regex.compile(rf"(?<![\p{{L}}])(?:{phrase_pattern(grammar.get('attribution', []))})(?![\p{{L}}])", regex.I),
        clause_break=regex.compile("|".join(regex.escape(b) for b in breaks)),
        generic=regex.compile(rf"(?<![\p{{L}}])(?:{phrase_pattern(grammar.get('generic', [])) or '(?!)'})(?![\p{{L}}])", regex.I),
        earlier=regex.compile(rf"(?<![\p{{L}}])(?:{phrase_pattern(grammar.get('earlier', [])) or '(?!)'})(?![\p{{L}}])", regex.I),
        count_noun=regex.compile(rf"(?<![\p{{L}}])(?:{phrase_pattern(grammar.get('count_nouns', [])) or '(?!)'})\s+", regex.I),
    )


@data_cache
def events(language: str) -> Lexicon:
    """The events that dates and durations belong to ("NAVO-top", "oefeningen"), from events.toml."""
    data = load_data(language, "events") or load_data("nl", "events")
    return Lexicon(data.get("events", {}), compounds="head")
