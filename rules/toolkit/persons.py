"""Names of people: the patterns of a person's name, the skeleton of a surname, the names data.

Shared by the rules that read people (N001 names, R001 roles): "Ursula von der Leyen" is one
name; "Zelensky", "Zelenski" and "Zelenskyy" have one skeleton, "zelenski"; the names data of a
language (``data/<language>/names.toml``) gives titles, verbs of speech, words that are no
names and the house style's spellings.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex
import simplemma

from checker.rules.toolkit.lexicon import Lexicon, calendar_names, data_cache, load_data, phrase_pattern, vocabulary
from checker.rules.toolkit.vocabulary import Language

PARTICLE = r"(?:van\s+der|van\s+den|van\s+de|van|de|der|den|von|al|bin|ter|ten)"
NAME_WORD = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?"
# A person's name: one to three capitalised words, with particles ("Ursula von der Leyen").
NAME = rf"(?P<name>{NAME_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{NAME_WORD}){{0,2}})(?![\p{{L}}\p{{N}}\-])"
NAME_AFTER = regex.compile(rf"[ \t]+{NAME}")
DOUBLED = regex.compile(r"(.)\1+")


@dataclass(frozen=True)
class NameGrammar:
    titles: Lexicon
    said_after: regex.Pattern
    not_names: frozenset[str]
    transliteration: tuple[tuple[str, str], ...]
    preferred: dict[str, str]


@data_cache
def name_grammar(language: Language) -> NameGrammar:
    """The names data of a language with a config's additions."""
    data = load_data(language, "names") or load_data(language.other("nl"), "names")
    g = data.get("grammar", {})
    vocab = vocabulary(language)
    names = calendar_names(language.code)
    not_names = {w.lower() for w in g.get("not_names", [])} | set(names["months"]) | set(names["weekdays"]) \
        | set(vocab.places.label_of)  # not the actors: they include people ("Poetin")
    speech = phrase_pattern(g.get("speech", [])) or "(?!)"
    translit = tuple((a, b) for a, b in g.get("transliteration", []))
    skeleton = Skeleton(translit)
    return NameGrammar(
        titles=Lexicon({"title": g.get("titles", [])}, compounds="head"),
        # a name begins with a capital letter: see lexicon.matches_at_capitals
        said_after=regex.compile(rf"(?<![\p{{L}}\p{{N}}\-]){NAME},?[ \t]+(?i:{speech})(?![\p{{L}}])"),
        not_names=frozenset(not_names),
        transliteration=translit,
        preferred={skeleton(n): n for n in data.get("house_style", {}).get("preferred", [])},
    )


@dataclass(frozen=True)
class Skeleton:
    """A surname with what spellings of it vary in taken out: "Zelenskyy" -> "zelenski"."""

    transliteration: tuple[tuple[str, str], ...]

    def __call__(self, name: str) -> str:
        s = unicodedata.normalize("NFKD", name.lower())
        s = "".join(c for c in s if c.isalpha())
        for a, b in self.transliteration:
            s = s.replace(a, b)
        return DOUBLED.sub(r"\1", s)


def known_word(word: str, language: str) -> bool:
    try:
        return simplemma.is_known(word.lower(), lang=language)
    except ValueError:
        return False


__all__ = ["NAME", "NAME_AFTER", "NAME_WORD", "PARTICLE", "NameGrammar", "Skeleton", "known_word", "name_grammar"]
