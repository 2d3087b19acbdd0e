"""Frame years: the year a figure's clause speaks of when it is not the article's own.

A figure of another year is another fact than this year's: "the deficit will reach 3.1% next
year", "Turnout was 44.4 percent, down from 64.1 percent in 2018", and a clause that refers back
to a year named just before it ("since 1992, when 167 people died", "sinds 1953, toen 1836
mensen omkwamen").
"""
from __future__ import annotations

import regex

from checker.rules.toolkit.context import sentence_opening, vocabulary
from checker.rules.toolkit.frames import FigureContext, FrameVocabulary
from checker.rules.toolkit.lexicon import data_cache, words_pattern
from checker.rules.toolkit.vocabulary import Language, frames_grammar

YEAR = regex.compile(r"(?<![\p{N}\p{L}])(1[89]\d\d|20\d\d)(?![\p{N}\p{L}])")
ANTECEDENT_WORDS = 5  # words before a clause's break where the year it refers back to stands
OWN_PHRASE = 30  # characters after a figure where a time of its own stands: "2.2 percent of GDP this year"
OWN_PHRASE_END = regex.compile(r"[\p{N},;:]")


def other_year(ctx: FigureContext, fv: FrameVocabulary) -> str | None:
    """A year the clause, or the phrase opening its sentence ("Last year, ..."), names other than
    the article's own, by its number or as the year before or after ("vorig jaar", "last year",
    "volgend jaar", "next year"), or that the clause refers back to ("in 1992, when ...")."""
    so_far = fv.year_to_date.search(ctx.doc.scan_text, *ctx.clause)
    if so_far:  # "dit jaar al 14 verkeersdoden": the year so far, not the day's
        return "year-to-date"
    own = ctx.doc.article.date.start.year if ctx.doc.article.date else ctx.doc.article.year
    if own is None:
        return None
    after = year_after(ctx, fv)
    if after is not None:  # "to 2.6 percent next year, from 2.2 percent this year": each its own
        return after or None
    opening = sentence_opening(ctx.doc, ctx.figure[0], vocabulary(fv.source))
    # "Last year, ...", "In 2022, ..." time the sentence; "in 1992, when ..." the clause after it
    spans = [ctx.clause, *filter(None, [opening, antecedent(ctx, fv)])]
    if any(fv.last_year.search(ctx.doc.scan_text, *span) for span in spans):
        return str(own - 1)
    if any(fv.next_year.search(ctx.doc.scan_text, *span) for span in spans):
        return str(own + 1)
    for m in (m for span in spans for m in YEAR.finditer(ctx.doc.scan_text, *span)):
        if (ctx.figure[0] <= m.start() < ctx.figure[1]):
            continue
        if int(m.group(1)) != own:
            return m.group(1)
    return None


@data_cache
def this_year(language: Language) -> regex.Pattern:
    """Words of `[grammar] this_year` of frames.toml: the article's own year ("this year", "dit jaar")."""
    grammar = frames_grammar(language)
    return words_pattern(grammar.get("this_year", []))


def year_after(ctx: FigureContext, fv: FrameVocabulary) -> str | None:
    """The year the words right after a figure name, before a mark or the next figure: "" for the
    article's own ("from 2.2 percent this year"), the year before or after it or by its number;
    None when they name none, and the clause decides."""
    text = ctx.doc.scan_text
    end = min(ctx.clause[1], ctx.figure[1] + OWN_PHRASE)
    stop = OWN_PHRASE_END.search(text, ctx.figure[1], end)
    span = (ctx.figure[1], stop.start() if stop else end)
    own = ctx.doc.article.date.start.year if ctx.doc.article.date else ctx.doc.article.year
    if this_year(fv.source).search(text, *span) and not fv.year_to_date.search(text, *span):
        return ""
    if own is not None and fv.last_year.search(text, *span):
        return str(own - 1)
    if own is not None and fv.next_year.search(text, *span):
        return str(own + 1)
    return None


def antecedent(ctx: FigureContext, fv: FrameVocabulary) -> tuple[int, int] | None:
    """The last words before the figure's clause when the clause opens with a word that refers
    back to a time ("when", "toen", "waarbij"): the time that clause is of ("the deadliest crash
    since 1992, when 167 people died"; "de ramp van 1953, waarbij 1836 mensen omkwamen")."""
    text = ctx.doc.scan_text
    if not fv.back_reference.match(text, ctx.clause[0]):
        return None
    start = max(ctx.sentence[0], ctx.clause[0] - 60)
    words = list(regex.finditer(r"\S+", text[start:ctx.clause[0]]))[-ANTECEDENT_WORDS:]
    return (start + words[0].start(), ctx.clause[0]) if words else None


__all__ = ["other_year", "year_after"]
