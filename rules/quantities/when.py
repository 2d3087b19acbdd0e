"""Time: changes from one figure to another, and the words that put a figure before the article's time.

"van vier tot acht", "van de huidige 40.000 tot meer dan 300.000": the figures of a change; "zal
groeien van ... tot" makes it a plan; "oorspronkelijk", "up from 65,000" make a figure earlier.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from checker.rules.toolkit.analysis import Document
from checker.rules.quantities.candidates import reader
from checker.rules.toolkit.context import sentence_opening
from checker.rules.toolkit.lexicon import data_cache, ending_at, events, load_data, phrase_pattern
from checker.rules.toolkit.numbers import Amount
from checker.rules.toolkit.vocabulary import Language

@dataclass(frozen=True)
class ChangeGrammar:
    """The patterns of a change, from the ``[grammar]`` of vocabulary.toml: "van vier tot acht",
    "van de huidige 40.000 tot meer dan 300.000" (``change_from``, ``articles``, ``change_to``)."""

    target: regex.Pattern  # the words before the second figure of a change; bounds may follow "tot"
    to_of_change: regex.Pattern  # the same, right before the figure: "tot" here is no bound ("tot 300")
    from_before: regex.Pattern  # "van" before a figure, past an article and a word: "van de huidige"
    change_to: regex.Pattern  # "tot" and the second figure after a first one


@data_cache
def change_grammar(language: Language) -> ChangeGrammar:
    data = load_data(language, "vocabulary") or load_data(language.other("nl"), "vocabulary")
    g = data.get("grammar", {})
    from_, to = phrase_pattern(g.get("change_from", [])) or "(?!)", phrase_pattern(g.get("change_to", [])) or "(?!)"
    articles = phrase_pattern(g.get("articles", [])) or "(?!)"
    change_from = rf"(?<![\p{{L}}])(?:{from_})\s+(?:(?:{articles})\s+)?(?:\p{{L}}+\s+)?[\p{{L}}\p{{N}}][\p{{L}}\p{{N}}.,]*\s+(?:{to})\s+"
    return ChangeGrammar(
        target=ending_at(rf"{change_from}(?:\p{{L}}+\s+){{0,2}}\Z", regex.I),
        to_of_change=ending_at(rf"{change_from}\Z", regex.I),
        from_before=ending_at(rf"(?<![\p{{L}}])(?:{from_})\s+(?:(?:{articles})\s+)?(?:\p{{L}}+\s+)?\Z", regex.I),
        change_to=regex.compile(rf"\s+(?:{to})\s+(?P<to>[\p{{L}}\p{{N}}.,]*[\p{{L}}\p{{N}}])"),
    )


@dataclass(frozen=True)
class Change:
    """A change from one figure to another: "van vier tot acht"; ``planned`` holds the words that
    make it a plan ("zal ... worden, van 40.000 tot 300.000"): its start is then today's figure."""

    start: int
    words: str
    is_from: bool
    planned: str | None = None


def change_around(doc: Document, amount: Amount, vocab) -> Change | None:
    """The change a figure is the start or the end of, if any."""
    text, g = doc.scan_text, change_grammar(vocab.source)
    target = g.target.search(text, max(0, amount.start - 60), amount.start)
    if target:
        return Change(target.start(), text[target.start():amount.end], False, planned_words(doc, target.start(), vocab))
    opened = g.from_before.search(text, max(0, amount.start - 24), amount.start)
    to = opened and g.change_to.match(text, amount.end)
    if to and reader(vocab.source).g.candidate.match(text, to.start("to")):  # not "van wie 2 miljoen naar Polen"
        return Change(opened.start(), text[opened.start():to.end()], True, planned_words(doc, opened.start(), vocab))
    return None


def planned_words(doc: Document, change_start: int, vocab) -> str | None:
    """The words before a change in its sentence that make it a plan ("zal", "will", "huidige")."""
    found = vocab.planned.search(doc.scan_text, doc.sentence_at(change_start)[0], change_start + 20)
    return found.group() if found else None


def earlier_words(doc: Document, amount: Amount, clause, vocab, change: Change | None) -> str | None:
    """The words that put a figure before the article's time: "oorspronkelijk", "vóór de
    inval", also in a phrase that opens the sentence ("Last year, ..."), the start of a change ("van vier tot acht") or the figure a change is measured
    against ("een stijging vergeleken met de 65.000", "up from 65,000")."""
    text = doc.scan_text
    opening = sentence_opening(doc, amount.start, vocab)
    earlier = vocab.earlier.search(text, clause.start, clause.end) or opening and vocab.earlier.search(text, *opening)
    if earlier:
        return earlier.group()
    baseline = vocab.baseline.search(text, max(clause.start, amount.start - 80), amount.start)
    if baseline:
        return baseline.group().strip()
    for m in vocab.before_event.finditer(text, clause.start, clause.end):
        hits = events(vocab.source).find(text, m.end(), min(clause.end, m.end() + 40))
        if hits and len(text[m.end():hits[0].start].split()) <= 2:
            return text[m.start():hits[0].end]
    return change.words if change and change.is_from and not change.planned else None
