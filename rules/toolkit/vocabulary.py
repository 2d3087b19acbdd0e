"""Vocabulary objects: a language's data files with a newsroom's additions, carried by the rule.

The built-in rules keep their vocabulary in ``data/<language>/*.toml``. A config adds forms to
it (``[vocabulary.nl.concepts] brigades = ["landmachtbrigades"]``); the registry hands those
additions to every rule it builds, and a rule reads its data through a :class:`Language`: an
article's language with the additions of the rule's config. Whatever is built from the data
(compiled word lists, grammars, the gazetteer) is cached per process and per Language, so that
nothing is rebuilt per article, a worker process that receives a configured rule builds the same
data as the parent, and rules built with other additions never share an entry.
"""
from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from checker.articles import Document
from checker.kept_toml import parsed_toml
from checker.rules.toolkit.analysis import Analysis
from checker.registry import Rule

DATA_FILES = ("vocabulary", "events", "numbers", "names", "offices", "places", "frames")
DATA_PACKAGE = "checker.rules"  # the folder data/ beside the built-in rules

# {language: {table: {label: [forms]}}} as nested tuples, in the config's order: hashable, so
# that it can key the caches, and picklable with the rule that holds it.
Additions = tuple[tuple[str, tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]], ...]


@dataclass(frozen=True)
class Language:
    """A language (``code``: "nl", "en") and a config's additions to the data of all languages."""

    code: str
    additions: Additions = ()

    def other(self, code: str) -> Language:
        """Another language with the same additions (the Dutch data stand in for missing files)."""
        return Language(code, self.additions)

    def tables(self) -> tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]:
        """The additions to this language's tables: ((table, ((label, forms), ...)), ...)."""
        return next((tables for code, tables in self.additions if code == self.code), ())


def frozen_additions(vocabulary: Mapping[str, Mapping[str, Mapping[str, list[str]]]]) -> Additions:
    """A config's ``[vocabulary]`` as Additions; ValueError naming a table no data file has."""
    for language, tables in vocabulary.items():
        known = {t for name in DATA_FILES for t in base_data(language, name)}
        for table in tables:
            if table not in known:
                raise ValueError(f"vocabulary.{language}.{table}: no such vocabulary table "
                                 f"(tables of {language!r}: {', '.join(sorted(known)) or 'none'})")
    return tuple((language, tuple((table, tuple((label, tuple(forms)) for label, forms in entries.items()))
                                  for table, entries in tables.items()))
                 for language, tables in vocabulary.items())


@cache
def base_data(language: str, name: str) -> dict[str, Any]:
    """The parsed ``data/<language>/<name>.toml`` as shipped; an empty dict when there is none."""
    # beside the package's own files (importlib.resources would import tempfile and zipfile for it)
    path = Path(importlib.import_module(DATA_PACKAGE).__file__).parent / "data" / language / f"{name}.toml"
    if not path.is_file():
        return {}
    return parsed_toml(path.read_text(encoding="utf-8"))  # kept by its text: tomllib parses in Python


@cache
def load_data(language: Language, name: str) -> dict[str, Any]:
    """The data of ``data/<language>/<name>.toml`` with the additions: forms join a label's forms."""
    data = dict(base_data(language.code, name))
    for table, entries in language.tables():
        if isinstance(data.get(table), dict):
            merged = dict(data[table])
            for label, forms in entries:
                old = merged.get(label, [])
                merged[label] = [*old, *forms] if isinstance(old, list) else list(forms)
            data[table] = merged
    return data


def frames_data(language: Language) -> dict[str, Any]:
    """The data of the language's frames.toml, Dutch's when it has none."""
    return load_data(language, "frames") or load_data(language.other("nl"), "frames")


def frames_grammar(language: Language) -> dict[str, Any]:
    """The ``[grammar]`` table of the language's frames.toml (see ``frames_data``)."""
    return frames_data(language).get("grammar", {})


@cache
def calendar_names(language: str) -> dict[str, dict[str, int]]:
    """Month and weekday names of a language, from dateparser's own language data.

    Returns {"months": {"april": 4, ...}, "weekdays": {"dinsdag": 1, ...}} (Monday is 0); only
    month names of three letters or more, weekday names of four or more (not "di", "zo").
    """
    data = dateparser_language_data(language)
    months = {name.lower(): i for i, key in enumerate(MONTH_KEYS, start=1) for name in data.get(key, []) if len(name) >= 3}
    weekdays = {name.lower(): i for i, key in enumerate(WEEKDAY_KEYS) for name in data.get(key, []) if len(name) >= 4}
    return {"months": months, "weekdays": weekdays}


def dateparser_language_data(language: str) -> dict:
    """dateparser's data of one language, read from its file without importing dateparser (30
    ms on a run that parses no date through it); imported as a module where that file is not found."""
    spec = importlib.util.find_spec("dateparser")
    folders = spec.submodule_search_locations if spec else None
    path = Path(folders[0], "data", "date_translation_data", f"{language}.py") if folders else None
    if path is None or not path.is_file():
        return importlib.import_module(f"dateparser.data.date_translation_data.{language}").info
    namespace: dict = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # a literal: info = {...}
    return namespace["info"]


MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def month_names(language: str) -> list[str]:
    return list(calendar_names(language)["months"])


class VocabularyRule(Rule):
    """A rule that reads the vocabulary data: built with the config's additions (checked here,
    an unknown table is a ValueError), it reads each article's data through ``language(doc)``.
    Its ``extract`` is handed the article's :class:`~checker.rules.toolkit.analysis.Analysis`,
    shared with the other rules that read one."""

    reads = Analysis

    def __init__(self, options=None, vocabulary: Mapping | None = None) -> None:
        super().__init__(options, vocabulary)
        self.additions = frozen_additions(self.vocabulary)
        self._languages: dict[str, Language] = {}  # one object per language: cache look-ups find it by identity

    def language(self, doc: Document) -> Language:
        """The article's language with this rule's additions."""
        code = doc.article.language
        found = self._languages.get(code)
        if found is None:
            found = self._languages[code] = Language(code, self.additions)
        return found


__all__ = ["DATA_FILES", "Additions", "Language", "VocabularyRule", "base_data", "calendar_names", "frozen_additions",
           "load_data", "month_names"]
