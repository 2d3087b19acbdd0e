"""N001 names: how articles spell the people they name.

A transliteration that differs between pieces of one newsroom (Zelensky, Zelenski, Zelenskyy)
is a classic correction. The rule claims each person's surname where the text says it names a person:
after a title ("president Zelensky", "NAVO-topman Jens Stoltenberg") or before a verb of
speech ("Lavrov zei", "Stoltenberg said"). The key is the surname's skeleton (lower case, accents and doubled letters dropped,
letter groups that transliterations write differently read alike) and the article's language,
so that spellings of one surname in one language meet and differ only as variants: "Poetin" in
Dutch and "Putin" in English are each their language's own form and never meet.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import regex
import simplemma

from checker.articles import Document
from checker.keys import KindSpec
from checker.models import ClaimDraft, TextValue
from checker.rules.toolkit.context import vocabulary
from checker.rules.toolkit.lexicon import (
    Lexicon,
    calendar_names,
    data_cache,
    load_data,
    matches_at_capitals,
    phrase_pattern,
)
from checker.rules.toolkit import key_parts as part
from checker.rules.toolkit.frames import names_within_sentences
from checker.rules.toolkit.vocabulary import Language, VocabularyRule

PARTICLE = r"(?:van\s+der|van\s+den|van\s+de|van|de|der|den|von|al|bin|ter|ten)"
NAME_WORD = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?"
# A person's name: one to three capitalised words, with particles ("Ursula von der Leyen").
NAME = rf"(?P<name>{NAME_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{NAME_WORD}){{0,2}})(?![\p{{L}}\p{{N}}\-])"
NAME_AFTER = regex.compile(rf"[ \t]+{NAME}")
NAME_REACH = 120  # characters after a title that its name may take: every match of NAME_AFTER gets this window
DOUBLED = regex.compile(r"(.)\1+")


@dataclass(frozen=True)
class NameGrammar:
    titles: Lexicon
    said_after: regex.Pattern
    not_names: frozenset[str]
    transliteration: tuple[tuple[str, str], ...]
    preferred: dict[str, str]


@data_cache
def grammar(language: Language) -> NameGrammar:
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


class NameRule(VocabularyRule):
    code = "N001"
    name = "names"
    description = """Spellings of people's names: Zelensky, Zelenski and Zelenskyy are one person.

    Claims the surname of each person named after a title ("president Zelensky", "NAVO-topman
    Jens Stoltenberg") or before a verb of speech ("Lavrov zei"), keyed by the surname's transliteration-insensitive skeleton and the
    article's language. Different spellings of one surname in one language are a `variant`
    finding that names the house style's spelling (rules/data/<language>/names.toml); a
    language's own exonym (Poetin in Dutch, Putin in English) is no variant."""
    kinds = ("name",)
    key_parts = (part.PERSON,)  # and the article's language, undeclared: it goes last
    kind_specs = (KindSpec("name", mark="n", compared_as="spelling"),)
    languages = ("nl", "en")
    version = "1"

    @staticmethod
    def a_word_opening_a_sentence(doc: Document, start: int, word: str) -> bool:
        """True when a capitalised word opens its sentence, the language knows it as a word and the
        article never writes it capitalised inside a sentence ("Officials said"; not "Trump said"
        in an article that names Trump again)."""
        opens = not doc.scan_text[doc.sentence_at(start)[0]:start].strip(" \t\n\"'“„‘")
        return opens and known_word(word, doc.article.language) and word not in names_within_sentences(doc)

    def extract(self, doc: Document) -> Iterator[ClaimDraft]:
        g = grammar(self.language(doc))
        skeleton = Skeleton(g.transliteration)
        text = doc.scan_text
        found: dict[int, regex.Match] = {}
        for hit in g.titles.find(text):  # "president Zelensky", "NAVO-topman Jens Stoltenberg"
            m = NAME_AFTER.match(text, hit.end, hit.end + NAME_REACH)
            if m:
                found.setdefault(m.start("name"), m)
        for m in matches_at_capitals(g.said_after, text):  # "Jens Stoltenberg zei", "Stoltenberg said"
            found.setdefault(m.start("name"), m)
        for start in sorted(found):
            name = found[start].group("name")
            words = name.split()
            if any(w.lower() in g.not_names for w in words):
                continue
            if len(words) == 1 and self.a_word_opening_a_sentence(doc, start, name):
                continue  # "Officials said", "Police say": a word, not a name
            surname = words[-1]
            end = found[start].end("name")
            skel = skeleton(surname)
            if len(skel) < 3:
                continue
            parts = {"full": " ".join(words)}
            if skel in g.preferred:
                parts["preferred"] = g.preferred[skel]
            yield ClaimDraft(kind="name", start=end - len(surname), end=end, value=TextValue(text=surname, parts=parts),
                             key_parts={"person": skel, "language": doc.article.language},
                             evidence={"person": parts["full"]})


__all__ = ["NameRule", "Skeleton"]
