"""What the steps of Q001 hand on: a figure being read, and what the article's earlier figures left.

``Figure`` gathers, step by step, what is known of one amount (its clause and sentence, the
change it is part of, what it counts, its key parts); ``Reading`` holds what one article's
figures leave for the next ones (the last keyed figure, where the last figure of people was,
the article's main actors and place, each found once).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from checker.rules.toolkit.analysis import Document
from checker.rules.quantities.when import Change
from checker.rules.toolkit.context import Clause
from checker.rules.toolkit.frames import FigureContext, FrameVocabulary
from checker.rules.toolkit.lexicon import Hit, Vocabulary
from checker.rules.toolkit.numbers import Amount, NumberReader, matter_units, money_units
from checker.rules.toolkit.vocabulary import Language

MISSING = object()  # not looked for yet (None: looked for, none found)


class Previous(NamedTuple):
    """The last keyed figure, which a bare figure later in the sentence may refer to again."""

    sentence: tuple[int, int]
    unit: str | None
    parts: dict
    evidence: dict
    inferred: list
    earlier: str | None = None  # the words that put it before the article's time ("last week")
    amount: Amount | None = None  # its value, whose bound a gapped figure after it shares ("at least 170 ... and 31")


@dataclass
class Reading:
    """One article as Q001 reads it, with what its figures so far leave for the next."""

    doc: Document
    lang: Language
    vocab: Vocabulary
    frames: FrameVocabulary
    read: NumberReader
    fallback_actors: dict[str | None, str | None] = field(default_factory=dict)  # per owned concept: the main actor
    article_place: str | None | object = MISSING  # the place the article is mostly about, found once
    earlier_place: tuple[str, str] | None = None  # where the article's last figure of people was
    headline_place: tuple[str, str] | None = None  # where the headline's figure of people was
    previous: Previous | None = None


@dataclass
class Figure:
    """One amount and what its steps have found: where it stands, what it counts, its key."""

    amount: Amount
    clause: Clause
    sentence: tuple[int, int]
    change: Change | None
    concept: Hit | None = None  # the vocabulary's concept of the counted noun
    phrase: tuple[int, int] | None = None  # the words that name the counted thing before the figure
    actor: Hit | None = None  # whose, as the clause or sentence says
    sized: Hit | None = None  # a compound of size right after it: "the 30-nation alliance"
    parts: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    inferred: list[str] = field(default_factory=list)
    earlier: str | None = None  # the words that put the figure before the article's time

    @property
    def owned(self) -> str | None:
        """The label of the concept counted, if the vocabulary knows it."""
        return self.concept.label if self.concept else None

    def context(self, reading: Reading, earlier_place: tuple[str, str] | None = None) -> FigureContext:
        """What the toolkit's frames read this figure from, in the article ``reading`` reads."""
        return FigureContext(reading.doc, (self.amount.start, self.amount.end), (self.clause.start, self.clause.end),
                             self.sentence, self.amount.unit is not None, earlier_place, self.amount.on_a_scale,
                             self.amount.unit in money_units(reading.lang), self.amount.unit in matter_units(reading.lang))


__all__ = ["MISSING", "Figure", "Previous", "Reading"]
