"""Whose an amount is when its clause names no one and no place: who its sentence says states
it ("Volgens het CPB groeit de economie met 1,3 procent": the CPB's forecast), else the one actor
of the sentence right before ("France presented its budget. The deficit will reach 3.1%")."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from checker.rules.toolkit.context import attribution_of, no_owner
from checker.rules.toolkit.lexicon import data_cache, load_data
from checker.rules.toolkit.vocabulary import Language

if TYPE_CHECKING:
    from checker.rules.toolkit.frames import FigureContext

BLANK_LINE = regex.compile(r"\n[^\S\n]*\n")


def sentence_before(ctx: FigureContext) -> tuple[int, int] | None:
    """The sentence right before the figure's, if it stands in the same paragraph."""
    before = ctx.doc.sentence_before(ctx.sentence)
    if before is None or BLANK_LINE.search(ctx.doc.scan_text, before[1], ctx.sentence[0] + 1):
        return None
    return before


def actor_before(ctx: FigureContext, vocab) -> tuple[str, str] | None:
    """Whose an amount is when its sentence names no one and no place: the one actor the sentence
    right before names, in the same paragraph, not as a place or the other side ("France presented
    its budget on Tuesday. The deficit will reach 3.1% of GDP next year": France's deficit)."""
    before = sentence_before(ctx)
    if before is None:
        return None
    hits = [h for h in vocab.actors.find(ctx.doc.scan_text, *before) if not no_owner(ctx.doc, h, vocab)]
    if not hits or len({h.label for h in hits}) > 1:
        return None
    return hits[0].label, f"{hits[0].words} (the sentence before)"


def said_by(ctx: FigureContext, vocab) -> tuple[str, str] | None:
    """Whose an amount is when its clause names no one and no place: the actor or forecaster
    its sentence says states it ("Volgens het CPB groeit de economie met 1,3 procent", "..., the
    IMF forecasts"): the forecaster's figure, never another forecaster's."""
    said = attribution_of(ctx.doc, ctx.sentence, vocab, ctx.figure[0])
    owns = said in vocab.actors.label_of.values() or said in forecasters(vocab.source)
    return (said, f"{said} (who says it)") if owns else None


@data_cache
def forecasters(language: Language) -> frozenset[str]:
    """The claimants of `[grammar] forecasters` of vocabulary.toml, whose figures are their own
    forecasts (the CPB, the IMF); the police or a union own none of the figures they give."""
    data = load_data(language, "vocabulary") or load_data(language.other("nl"), "vocabulary")
    return frozenset(data.get("grammar", {}).get("forecasters", []))


__all__ = ["actor_before", "said_by", "sentence_before"]
