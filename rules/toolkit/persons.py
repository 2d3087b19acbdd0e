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

from checker.rules.toolkit.lemmas import is_known, lemma
from checker.rules.toolkit.lexicon import Lexicon, calendar_names, data_cache, load_data, phrase_pattern, vocabulary
from checker.rules.toolkit.vocabulary import Language

NAME_WORD = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?"
NAME_REACH = 120  # characters after a title its name may take: every match of name_after gets this window
DOUBLED = regex.compile(r"(.)\1+")


@dataclass(frozen=True)
class NameGrammar:
    name: str  # the pattern of a person's name, in group "name": "Ursula von der Leyen"
    name_after: regex.Pattern  # a name after white space: "president Zelensky"
    full_name: regex.Pattern  # a first name and a surname (group "last"): "Sergej Lavrov"
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
    particle = f"(?:{phrase_pattern(g.get('particles', [])) or '(?!)'})"
    # one to three capitalised words, with particles between them
    name = rf"(?P<name>{NAME_WORD}(?:[ \t]+(?:{particle}[ \t]+)?{NAME_WORD}){{0,2}})(?![\p{{L}}\p{{N}}\-])"
    return NameGrammar(
        name=name,
        name_after=regex.compile(rf"[ \t]+{name}"),
        full_name=regex.compile(rf"(?<![\p{{L}}\p{{N}}\-]){NAME_WORD}[ \t]+(?:{particle}[ \t]+)?(?P<last>{NAME_WORD})"
                                rf"(?![\p{{L}}\p{{N}}\-])"),
        titles=Lexicon({"title": g.get("titles", [])}, compounds="head"),
        # a name begins with a capital letter: see lexicon.matches_at_capitals
        said_after=regex.compile(rf"(?<![\p{{L}}\p{{N}}\-]){name},?[ \t]+(?i:{speech})(?![\p{{L}}])"),
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
    """Whether simplemma's dictionary of the language holds the word, lowercased."""
    return is_known(word.lower(), language)



NEXT_LOWER = regex.compile(r"[ \t]+(\p{Ll}+)(?![\p{L}])")


def subject_name(word: str, text: str, end: int, fv) -> bool:
    """True when a capitalised word of a participle's form that opens a sentence is the name of
    its subject: a verb follows it, a word that is not its own lemma nor a plural ("United sold
    12 players", "United won": United; "Injured workers", "Armed police" open with no name).
    ``fv`` is the language's frame vocabulary (its participle and plural patterns)."""
    low = word.lower()
    if not fv.participle.fullmatch(low) or lemma(low, fv.language) == low:
        return False
    m = NEXT_LOWER.match(text, end)
    after = m.group(1) if m else ""
    return bool(after) and lemma(after, fv.language) != after and not fv.plural.fullmatch(after)


__all__ = ["NAME_WORD", "NameGrammar", "Skeleton", "known_word", "name_grammar", "subject_name"]
