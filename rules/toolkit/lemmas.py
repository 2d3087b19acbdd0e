"""Lemmas: the dictionary form of a word, so that "omgekomen", "kwamen om" and "omkomen" meet.

The lemmas are simplemma's. Decoding its dictionary of a language whole takes about a second
and 40 MB, so the dictionary is kept as a sorted table in the user's cache, one file per
language and simplemma version (see ``kept_tables``), written by the first run that needs it.
A word the dictionary holds (most words of an article) is looked up there, which gives what
simplemma's own lookup gives; any other word goes through simplemma's whole pipeline (compounds,
suffix rules, hyphens, apostrophes), with the kept table as its dictionary, and its answer
is learned: appended to a file beside the table, one line a word, which later runs read when
they first meet a word the dictionary lacks (names of places and people mostly), so that they
do not import simplemma (about 0.1 s) for words it has answered before. Where the table cannot
be kept, simplemma is used as it comes.
"""
from __future__ import annotations

import logging
import os
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path

from checker.rules.toolkit.kept_tables import SortedTable, kept_table
from checker.user_cache import cache_folder as user_cache_folder

log = logging.getLogger(__name__)

LANGUAGES = ("nl", "en")  # kept: simplemma reads them by plain lookup (no apostrophe or accent folding)
FORMAT = 1  # of the kept table's name
LEARNED_LIMIT = 300_000  # bytes: a file of learned lemmas stops growing there (some 15,000 words), so
# that reading it stays a matter of milliseconds

# The apostrophes simplemma tries a word's variants with (simplemma.utils.has_apostrophe): a word
# with one goes through its pipeline, whose dictionary lookup knows them.
APOSTROPHES = ("'", "’", "ʼ")


def simplemma_version() -> str | None:
    from checker.installed import version  # kept with the entry points: no importlib.metadata

    return version("simplemma")


def store_path(language: str) -> Path:
    return user_cache_folder() / f"lemmas-{language}-simplemma-{simplemma_version()}-{FORMAT}.table"


def simplemma_dictionary(language: str) -> Mapping[str, str] | Mapping[bytes, bytes]:
    """simplemma's dictionary of a language, decoded whole by a factory of its own, so that it
    is freed once the table is written: the dictionary of UTF-8 bytes its mapping wraps where it
    has one (reading 370,000 entries through the mapping decodes and encodes each again)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    dictionary = DefaultDictionaryFactory(cache_max_size=1).get_dictionary(language)
    underneath = getattr(dictionary, "_dict", None)
    if isinstance(underneath, dict) and len(underneath) == len(dictionary):
        return underneath
    return dictionary


@cache
def store(language: str) -> SortedTable | None:
    """simplemma's dictionary of a language as a kept table (word -> lemma), opened once per
    process; None for a language not kept or where the table cannot be kept."""
    if language not in LANGUAGES:
        return None
    return kept_table(store_path(language), lambda: simplemma_dictionary(language))


def first_lookup(table: SortedTable, token: str) -> str | None:
    """What simplemma's dictionary lookup answers first for a token (NFC): the token's entry,
    else that of the token with its first letter's case turned; None when both miss."""
    found = table.get(token)
    if found is None:
        found = table.get(token.lower() if token[:1].isupper() else token.capitalize())
    return found


def dictionary_lemma(word: str, language: str) -> str | None:
    """The lemma simplemma would give ``word`` from its dictionary, read from the kept table;
    None when the table cannot tell (a word it lacks or with an apostrophe, a language not kept)."""
    found = store(language)
    if found is None or any(a in word for a in APOSTROPHES):
        return None
    token = unicodedata.normalize("NFC", word)  # simplemma's dictionaries are NFC
    if token.isnumeric():  # simplemma's pipeline keeps a number as it is, before any lookup
        return token
    return first_lookup(found, token)


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    """The lemma of a lowercased word in ``language`` ("nl", "en"); the word itself when unknown."""
    found = dictionary_lemma(word, language)
    if found is not None:
        return found.lower()
    if not word:  # simplemma refuses it
        return word
    memory = learned(language)
    if memory is not None and word in memory.lemmas:
        return memory.lemmas[word]
    try:
        found = lemmatizer().lemmatize(word, lang=language).lower()
    except ValueError:  # a language simplemma does not know, or no word
        return word
    if memory is not None:
        memory.learn(word, found)
    return found


class LearnedLemmas:
    """simplemma's lemmas of words its dictionary lacks, as earlier runs worked them out: a file
    beside the kept table, a line ``word TAB lemma`` each, appended in one write (runs side by
    side append whole lines; a line cut short by a run still writing is passed over)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            content = path.read_bytes()
        except OSError:
            content = b""
        self.size = len(content)
        whole = content[:content.rfind(b"\n") + 1]  # a last line without its newline is being written
        try:
            lines = whole.decode().split("\n")
        except UnicodeDecodeError:  # a damaged line: each whole line on its own
            lines = [line.decode(errors="replace") for line in whole.split(b"\n")]
        self.lemmas: dict[str, str] = dict(line.split("\t") for line in lines
                                           if line.count("\t") == 1 and "\ufffd" not in line)

    def learn(self, word: str, found: str) -> None:
        """Keep a word's lemma for later runs, unless the file is full or cannot be written."""
        line = f"{word}\t{found}\n"
        self.lemmas[word] = found
        if self.size > LEARNED_LIMIT or any(c in word + found for c in "\t\n\r"):
            return
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line.encode("utf-8"))
            finally:
                os.close(fd)
            self.size += len(line)
        except OSError as e:
            log.debug("%s: lemma not kept (%s)", self.path, e)


@cache
def learned(language: str) -> LearnedLemmas | None:
    """The lemmas learned of a kept language, read once per process when first needed."""
    if store(language) is None:
        return None
    path = store_path(language)
    return LearnedLemmas(path.with_name(path.stem + ".learned"))


@lru_cache(maxsize=200_000)
def is_known(word: str, language: str) -> bool:
    """Whether simplemma's dictionary of ``language`` holds ``word`` (simplemma.is_known)."""
    if store(language) is not None and not any(a in word for a in APOSTROPHES):
        return first_lookup(store(language), unicodedata.normalize("NFC", word)) is not None
    try:
        return dictionary_lookup().get_lemma(unicodedata.normalize("NFC", word), language) is not None
    except ValueError:  # a language simplemma does not know
        return False


class KeptDictionaries:
    """simplemma's dictionary factory (``DictionaryFactory``) that hands it the kept table of a
    language, and simplemma's own dictionary of a language not kept."""

    def get_dictionary(self, language: str):
        kept = store(language)
        if kept is not None:
            return kept
        from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

        return DEFAULT_DICTIONARY_FACTORY.get_dictionary(language)


@cache
def lemmatizer():
    """simplemma's lemmatizer as ``simplemma.lemmatize`` builds it, reading the kept tables.
    Imported when first needed: simplemma's import costs some 100 ms."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=KeptDictionaries()))


@cache
def dictionary_lookup():
    """simplemma's dictionary lookup (what ``simplemma.is_known`` asks), reading the kept tables."""
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy(KeptDictionaries())


COMPOUND_PART = 3  # letters: the shortest first part of a compound a noun lemma is looked for after


@lru_cache(maxsize=50_000)
def noun_lemma(word: str, language: str) -> str:
    """The lemma of a lowercased word that stands as a noun (a counted noun after a figure): the
    dictionary's lemma, unless the word is a Dutch plural noun that is also a verb's form
    ("gevallen": geval, not vallen; "gevaren": gevaar, not ervaren), read by its plural
    ending; a compound the dictionary lacks takes the noun lemma of the word it ends with
    ("mazelengevallen": mazelengeval)."""
    found = lemma(word, language)
    if language != "nl" or not word.endswith("en") or len(word) < 5:
        return found
    if found != word and not found.endswith("en"):
        return found  # "gebouwen": gebouw
    if found != word:
        return dutch_singular(word) or found
    if is_known(word, language):
        return found
    for i in range(COMPOUND_PART, len(word) - 4):
        if is_known(word[i:], language) and (head := noun_lemma(word[i:], language)) != lemma(word[i:], language):
            return word[:i] + head
    return found


def dutch_singular(word: str) -> str | None:
    """The singular of a Dutch plural in -en that the dictionary holds as its own lemma: a
    doubled consonant undone ("gevallen": geval), a long vowel written again ("gevaren": gevaar),
    or an -e kept ("gedeelten": gedeelte)."""
    stem = word[:-2]
    options = [word[:-1]]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        options.append(stem[:-1])
    if len(stem) > 2 and stem[-2] in "aeou" and stem[-3] not in "aeiou":
        options.append(stem[:-1] + stem[-2] + stem[-1])
    return next((s for s in options if is_known(s, "nl") and lemma(s, "nl") == s), None)
