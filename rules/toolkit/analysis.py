"""The analysis of one article, computed once and handed to every rule that reads it.

The engine hands a rule what its class asks for in ``reads`` (see ``checker.registry.Rule``):
by default the article itself, a :class:`Document` (its text, the text with metadata blanked,
its sentences and lines). A rule that sets ``reads = Analysis`` (every rule built on the
toolkit's ``VocabularyRule`` does) gets an :class:`Analysis` instead, built once per article
and shared by all the rules of the run, as sqlfluff hands its rules a context parsed once: what
one rule works out about the article (its words, the capitalised words inside its sentences,
how a word is used, the places it names) the next rule finds done.

An ``Analysis`` reads like a ``Document`` (``article``, ``text``, ``scan_text``,
``sentence_at``, ``sentence_before``, ``line_of``), so the toolkit's functions take either;
given a plain ``Document`` they work on a fresh analysis of it.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import cached_property
from typing import TypeVar

import regex

from checker.articles import Document
from checker.models import Article

T = TypeVar("T")
WORD = regex.compile(r"\p{L}[\p{L}\-'’]*")
INNER_NAME = regex.compile(r"[\p{Ll},;]\s+(\p{Lu}[\p{L}\-]+)")


# A dateline at the start of a line: a place in capitals or a name before an agency in brackets,
# perhaps with its country, then a dash ("DEN HAAG (ANP) - ", "KYIV, Ukraine — ", "Kyiv (Reuters) - ").
# A name the gazetteer knows is a dateline; so is a longer one in capitals before an agency
# ("VALKENBURG (ANP) - "): no heading, and longer than an acronym ("NAVO").
DATELINE = regex.compile(
    r"^[ \t]*(?P<place>\p{Lu}[\p{Lu}\p{M}'’.\- ]*\p{Lu}|\p{Lu}\p{Ll}[\p{L}'’\-]*(?: \p{Lu}\p{Ll}[\p{L}'’\-]*)?(?=\s*\())"
    r"(?:,[ \t]*\p{Lu}[\p{L}.'’\- ]{1,30}?)?(?:[ \t]*(?P<agency>\(\p{Lu}[\p{L}.&\-]*(?:[ /]\p{Lu}[\p{L}.&\-]*){0,2}\)))?[ \t]*[-–—]{1,2}[ \t]+(?=\S)",
    regex.M)


def is_place(name: str, language: str) -> bool:
    """True when the gazetteer of ``language`` knows ``name`` (in any case) as a place."""
    from checker.rules.toolkit.gazetteer import gazetteer
    from checker.rules.toolkit.vocabulary import Language

    return gazetteer(Language(language)).lookup(name) is not None


class Analysis:
    """One article as the rules read it: the document, its words, and what the rules have
    worked out about it so far (each answer computed once, on first use)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._answers: dict[Hashable, object] = {}

    @property
    def article(self) -> Article:
        return self.doc.article

    @property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def scan_text(self) -> str:
        """The text the rules read: the document's, with its datelines blanked ("WASHINGTON (AP) -
        ", "Kyiv (Reuters) — "). Where a report was filed is no place or actor of the sentence
        it opens; offsets stay the same."""
        text = self.doc.scan_text
        found = [m for m in DATELINE.finditer(text) if m["agency"] and m["place"].isupper() and len(m["place"]) > 4
                 or is_place(m["place"], self.article.language)]
        if not found:
            return text
        pieces, at = [], 0
        for m in found:
            pieces += [text[at:m.start()], " " * (m.end() - m.start())]
            at = m.end()
        return "".join(pieces) + text[at:]

    @property
    def sentence_spans(self) -> list[tuple[int, int]]:
        return self.doc.sentence_spans

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding an offset."""
        return self.doc.sentence_at(offset)

    def sentence_before(self, sentence: tuple[int, int]) -> tuple[int, int] | None:
        """The sentence just before a sentence of this article, if there is one."""
        return self.doc.sentence_before(sentence)

    def line_of(self, offset: int) -> int:
        """1-based line number of an offset."""
        return self.doc.line_of(offset)

    @cached_property
    def words(self) -> list[regex.Match]:
        """The words of the text (letters, with inner hyphens and apostrophes), left to right."""
        return list(WORD.finditer(self.scan_text))

    @cached_property
    def names_within_sentences(self) -> frozenset[str]:
        """The capitalised words the article writes inside its sentences, not only at their start:
        a word that opens a sentence is a name when the article also writes it so elsewhere."""
        return frozenset(m.group(1) for m in INNER_NAME.finditer(self.scan_text))

    def remember(self, question: Hashable, work: Callable[[], T]) -> T:
        """The answer to a question about this article that depends on the vocabulary a rule
        reads with ("how is the word at 120..127 used?", "which places does it name after a
        preposition?"): worked out by ``work`` the first time, then found. ``question`` names
        the question, its arguments and the vocabulary."""
        answers = self._answers
        if question not in answers:
            answers[question] = work()
        return answers[question]  # type: ignore[return-value]

    @classmethod
    def of(cls, doc: Document | Analysis) -> Analysis:
        """The analysis a toolkit function works on: the one given, or a fresh one of a document."""
        return doc if isinstance(doc, Analysis) else cls(doc)


__all__ = ["Analysis", "Document"]
