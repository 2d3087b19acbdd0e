"""Lemmas: the dictionary form of a word, so that "omgekomen", "kwamen om" and "omkomen" meet."""
from __future__ import annotations

from functools import lru_cache



@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    """The lemma of a lowercased word in ``language`` ("nl", "en"); the word itself when unknown."""
    import simplemma  # imported when first needed: its import and dictionaries cost 50 ms and more

    try:
        return simplemma.lemmatize(word, lang=language).lower()
    except ValueError:  # a language simplemma does not know
        return word
