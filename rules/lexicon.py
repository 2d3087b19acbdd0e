"""Vocabulary of the built-in rules, read from the TOML data files beside them.

Each language has its data folder (``data/nl``, ``data/en``). The files are read and their
patterns compiled once per language; a newsroom extends the vocabulary by editing the data.
"""
from __future__ import annotations

import importlib
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex

WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")


@cache
def load_data(language: str, name: str) -> dict[str, Any]:
    """The parsed ``data/<language>/<name>.toml``; an empty dict when the language lacks it."""
    path = resources.files(__package__).joinpath("data", language, f"{name}.toml")
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8"))


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
        L = r"[\p{L}\p{N}]"
        parts = []
        if exact:
            parts.append(rf"(?<!{L}|-)(?P<w>{phrase_pattern(exact)})(?!{L}|-{L})")
        if loose:
            if compounds == "head":
                parts.append(rf"(?<!{L}|-)[\p{{L}}\-]*?(?P<w>{phrase_pattern(loose)})(?!{L})")
            elif compounds == "modifier":
                parts.append(rf"(?<!{L}|-)(?P<w>{phrase_pattern(loose)})(?:-[\p{{L}}\-]+)?(?!{L})")
            else:
                parts.append(rf"(?<!{L}|-)(?P<w>{phrase_pattern(loose)})(?!{L}|-{L})")
        self.pattern = regex.compile("|".join(f"(?:{p})" for p in parts) or r"(?!)", regex.I)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Every hit in ``text[start:end]``, offsets relative to ``text``."""
        end = len(text) if end is None else end
        hits = []
        for m in self.pattern.finditer(text, start, end, overlapped=False):
            word = " ".join(m.group("w").lower().split())
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


@cache
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
