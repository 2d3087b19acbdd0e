"""Lemmas: the dictionary form of a word, so that "omgekomen", "kwamen om" and "omkomen" meet.

The lemmas are simplemma's. A word its dictionary holds (most words of an article) is looked up
in the language's lemma store (``lemma_store``: the dictionary kept sorted in the user's cache,
read a few pages at a time), which gives what simplemma's own lookup gives; any other word goes
through simplemma's whole pipeline (compounds, suffix rules, hyphens, apostrophes), with the
store as its dictionary. Where the store cannot be kept, simplemma is used as it comes.
"""
from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

from checker.rules.toolkit.lemma_store import LemmaStore, lemma_store

# The apostrophes simplemma tries a word's variants with (simplemma.utils.has_apostrophe): a word
# with one goes through its pipeline, whose dictionary lookup knows them.
APOSTROPHES = ("'", "’", "ʼ")


@cache
def store(language: str) -> LemmaStore | None:
    """The lemma store of a language, opened once per process."""
    return lemma_store(language)


def dictionary_lemma(word: str, language: str) -> str | None:
    """The lemma simplemma would give ``word`` from its dictionary, read from the store; None
    when the store cannot tell (a word it lacks or with an apostrophe, a language it lacks)."""
    found = store(language)
    if found is None or any(a in word for a in APOSTROPHES):
        return None
    token = unicodedata.normalize("NFC", word)  # simplemma's dictionaries are NFC
    if token.isnumeric():  # simplemma's pipeline keeps a number as it is, before any lookup
        return token
    return found.lookup(token)


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    """The lemma of a lowercased word in ``language`` ("nl", "en"); the word itself when unknown."""
    found = dictionary_lemma(word, language)
    if found is not None:
        return found.lower()
    try:
        return lemmatizer().lemmatize(word, lang=language).lower()
    except ValueError:  # a language simplemma does not know, or no word
        return word


@lru_cache(maxsize=200_000)
def is_known(word: str, language: str) -> bool:
    """Whether simplemma's dictionary of ``language`` holds ``word`` (simplemma.is_known)."""
    if store(language) is not None and not any(a in word for a in APOSTROPHES):
        return store(language).lookup(unicodedata.normalize("NFC", word)) is not None
    try:
        return dictionary_lookup().get_lemma(unicodedata.normalize("NFC", word), language) is not None
    except ValueError:  # a language simplemma does not know
        return False


class StoreDictionaries:
    """simplemma's dictionary factory (``DictionaryFactory``) that hands it the lemma store of
    a language, and simplemma's own dictionary of a language the store does not keep."""

    def get_dictionary(self, language: str):
        kept = store(language)
        if kept is not None:
            return kept
        from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

        return DEFAULT_DICTIONARY_FACTORY.get_dictionary(language)


@cache
def lemmatizer():
    """simplemma's lemmatizer as ``simplemma.lemmatize`` builds it, reading the lemma stores.
    Imported when first needed: simplemma's import costs some 100 ms."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=StoreDictionaries()))


@cache
def dictionary_lookup():
    """simplemma's dictionary lookup (what ``simplemma.is_known`` asks), reading the lemma stores."""
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy(StoreDictionaries())
