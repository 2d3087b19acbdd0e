"""Draft: the claim of a figure, keyed when its words say enough, else with why not.

A figure of people or of a noun no concept knows is keyed by its frame (see the toolkit's
``frame_keys``); a concept of the vocabulary by what the rule read; a bare figure of the same
sentence by the figure before it ("13.000 militairen ..., nu zijn dat er 40.000"), a duration by
the event it lasts ("de oefeningen duren tien dagen").
"""
from __future__ import annotations

from dataclasses import replace

import regex

from checker.rules.toolkit.analysis import Document
from checker.models import ClaimDraft, QuantityValue
from checker.rules.quantities.amount import in_ratio
from checker.rules.quantities.counted import names_a_noun, same_thing_again
from checker.rules.quantities.figure import MISSING, Figure, Previous, Reading
from checker.rules.quantities.whose import whole_set
from checker.rules.toolkit.context import attribution_of, dominant_actor, dominant_places, event_around, leader, names_whose
from checker.rules.toolkit.frame_differences import contrasted_change
from checker.rules.toolkit.frame_keys import Frame, again, clause_places, leading_open_place, most_specific, quantity_frame
from checker.rules.toolkit.frame_years import other_year, year_after
from checker.rules.toolkit.gazetteer import slug
from checker.rules.toolkit.frames import WORD, measure_of_before
from checker.rules.toolkit.lexicon import Vocabulary, events
from checker.rules.toolkit.numbers import Amount


def draft(doc: Document, fig: Figure, vocab: Vocabulary, parts: dict, evidence: dict, inferred: list,
          partial: bool = False, article_place: str | None = None, running: str | None = None,
          unkeyed: str | None = None, context: dict | None = None) -> ClaimDraft:
    """The claim of a figure with the key parts given, who says it and what puts it earlier.
    Who says it is a circumstance too: figures of two named claimants are each one's word."""
    amount = fig.amount
    claimant = attribution_of(doc, fig.sentence, vocab, amount.start)
    context = dict(context or {})
    if claimant:  # the police's count and the organisers' are two claims, never one fact's two values
        context["claimant"] = slug(claimant)
    return ClaimDraft(
        kind="quantity", start=amount.start, end=amount.end,
        value=QuantityValue(low=amount.low, high=amount.high, unit=amount.unit, approximate=amount.approximate,
                            vague=amount.vague, step=amount.step if exact(amount) else None),
        key_parts=parts, evidence=evidence, inferred=inferred, attribution=claimant,
        earlier=fig.earlier, partial=partial, article_place=article_place,
        running=running, unkeyed=unkeyed, context=context,
    )


def exact(amount) -> bool:
    """True for one figure as written: no bound, range, approximation or vague plural."""
    return amount.low is not None and amount.low == amount.high and not amount.approximate and not amount.vague


def spoken_of_again(reading: Reading, fig: Figure) -> ClaimDraft | None:
    """The claim of a bare figure that speaks of the previous figure's thing again, in the same
    sentence and unit ("13.000 militairen ..., nu zijn dat er 40.000"); None for another."""
    doc, vocab, amount, previous = reading.doc, reading.vocab, fig.amount, reading.previous
    if fig.concept is not None or not previous or previous.sentence != fig.sentence or previous.unit != amount.unit \
            or names_a_noun(doc.scan_text, amount.end, vocab, reading.frames.transparent) \
            or fig.change is None and measure_of_before(doc.scan_text, amount.start, reading.lang):
        return None
    parts, evidence = same_thing_again(previous, vocab)
    parts, evidence = own_place(reading, fig, parts, evidence)
    if gapped(reading, fig):  # "Last week 300 cases in New Mexico and 1,500 in Texas": last week's too
        fig.earlier = fig.earlier or previous.earlier
        fig.amount = shared_bound(fig.amount, previous.amount)
    if "place" in parts and reading.frames.whole_country.search(doc.scan_text, fig.clause.start, fig.clause.end):
        # "De opkomst in Amsterdam was 52 procent, landelijk 50,6 procent": not Amsterdam's again
        return draft(doc, fig, vocab, {}, {}, [], unkeyed="the whole country's, after a place's")
    running, inferred = None, previous.inferred
    if "predicate" in parts:  # its own place, if its clause names one, is stated ("with 43 in Saxony")
        frame = again(fig.context(reading), parts, evidence, previous.inferred, vocab, reading.frames)
        parts, evidence, running, inferred = frame.parts, frame.evidence, frame.running, frame.inferred
        if reading.earlier_place and parts.get("place", reading.earlier_place[0]) != reading.earlier_place[0]:
            reading.earlier_place = None  # "25 doden in Attica, 10 in Epirus": a breakdown places no later total
    year = other_year(fig.context(reading), reading.frames)
    if year_after(fig.context(reading), reading.frames) == "":  # "from 2.2 percent this year": not next year's
        parts, evidence = {k: v for k, v in parts.items() if k != "year"}, {k: v for k, v in evidence.items() if k != "year"}
    elif year and year != parts.get("year"):  # "44.4 percent, down from 64.1 percent in 2018": that year's
        parts, evidence = {**parts, "year": year}, {**evidence, "year": year}
    contrast = contrasted_change(doc.scan_text, fig.sentence[0], amount.start, reading.lang, reading.read.g.candidate)
    if contrast:  # "groeit met 1,3 procent, tegen 1,8 procent dit jaar": a change of another year, no level
        labels = sorted({*filter(None, parts.get("qualifier", "").split("+")), "change"})
        parts, evidence = {**parts, "qualifier": "+".join(labels)}, {**evidence, "qualifier": contrast.words}
    return draft(doc, fig, vocab, parts, evidence, [p for p in inferred if p in parts], running=running)


def shared_bound(amount: Amount, before: Amount | None) -> Amount:
    """The value of a figure of a clause with its verb left out, after a bounded figure: "at
    least 170 in Bavaria and 31 in Tyrol" says at least 31, "up to 50 in X and 20 in Y" at most
    20. A figure with a bound or an approximation of its own keeps it."""
    if before is None or not exact(amount) or (before.low is None) == (before.high is None):
        return amount
    return replace(amount, high=None) if before.high is None else replace(amount, low=None)


def own_place(reading: Reading, fig: Figure, parts: dict, evidence: dict) -> tuple[dict, dict]:
    """The key of a figure spoken of again with the place its own clause names instead of the
    previous figure's: "300 cases in New Mexico and 1,500 in Texas" -- 1,500 is Texas's, not
    another count of New Mexico's."""
    ctx = fig.context(reading)
    own = most_specific(clause_places(ctx, reading.vocab, reading.frames), ctx.figure, reading.frames)
    if "place" not in parts or own is None or own.label in (parts["place"], "border"):
        return parts, evidence
    return {**parts, "place": own.label}, {**evidence, "place": own.words}


def gapped(reading: Reading, fig: Figure) -> bool:
    """True when the figure's clause says nothing but the figure, a place and function words ("and
    1,500 in Texas", "in Noord-Brabant 520"): a clause with its verb left out, which shares the
    time of the clause before; "nu zijn dat er 40.000" says a time of its own."""
    doc, vocab = reading.doc, reading.vocab
    ctx = fig.context(reading)
    places = [(h.start, h.end) for h in clause_places(ctx, vocab, reading.frames)]
    for m in WORD.finditer(doc.scan_text, fig.clause.start, fig.clause.end):
        inside = fig.amount.start <= m.start() < fig.amount.end or any(a <= m.start() < b for a, b in places)
        if not inside and m.group().lower() not in vocab.function_words:
            return False
    return True


def duration(reading: Reading, fig: Figure) -> ClaimDraft | None:
    """The claim of a number of days that says how long an event lasts ("de oefeningen in
    Wit-Rusland duren tien dagen"); None for any other figure."""
    if fig.concept is not None or fig.amount.unit != "day":
        return None
    doc, vocab = reading.doc, reading.vocab
    parts, evidence = event_around(doc, fig.amount.start, fig.amount.end, events(reading.lang), vocab)
    if not parts:
        return None
    return draft(doc, fig, vocab, {**parts, "unit": "day"}, evidence, [], partial=not names_whose(parts),
                 unkeyed="whose or where not said")


def article_place(doc: Document, vocab: Vocabulary, fv) -> str | None:
    """The place the article is mostly about: the one its places of the vocabulary clearly lead
    with, unless the places it names after a preposition of place (any the gazetteer knows) lead
    with another ("tourists from Germany" beside "near Utrecht" twice is no article about Germany)."""
    named = leader(dominant_places(doc, vocab))
    opened = leading_open_place(doc, vocab, fv)
    return named if opened is None or opened == named else None


def framed(reading: Reading, fig: Figure) -> Frame | None:
    """The frame of a figure of people or of an open noun (None for a concept of the
    vocabulary, which then takes the article's main actor when its sentence names none)."""
    doc, vocab = reading.doc, reading.vocab
    if reading.article_place is MISSING:
        reading.article_place = article_place(doc, vocab, reading.frames)
    heading = is_heading(doc, fig.sentence)  # "More than 150 bodies recovered so far": of the headline's people
    frame = quantity_frame(fig.context(reading, reading.headline_place if heading else reading.earlier_place), fig.concept,
                           fig.parts, fig.evidence, vocab, reading.frames, reading.article_place)
    if frame and frame.keyed and frame.parts.get("concept") == "people" and "place" not in frame.inferred:
        reading.earlier_place = frame.parts["place"], frame.evidence["place"]
        if fig.amount.start < first_line_end(doc):  # the article's headline
            reading.headline_place = reading.earlier_place
    if frame is None and fig.concept and not fig.actor and not fig.sized:
        scope = fig.owned if fig.owned in vocab.owners else None
        if scope not in reading.fallback_actors:
            reading.fallback_actors[scope] = dominant_actor(doc, vocab, scope)
        if main := reading.fallback_actors[scope]:
            fig.parts["actor"], fig.evidence["actor"] = main, "(the article's main actor)"
            fig.inferred.append("actor")
    return frame


def is_heading(doc: Document, sentence: tuple[int, int]) -> bool:
    """True for a heading inside an article: a line of its own between blank lines, with no stop
    at its end ("Death toll above 130"); it speaks of what the article is about, not of the
    paragraph before it."""
    text = doc.scan_text
    line = text[sentence[0]:sentence[1]].strip()
    return bool(line) and "\n" not in line and line[-1] not in ".!?:;\"'”’" \
        and bool(BLANK_BEFORE.search(text, max(0, sentence[0] - 40), sentence[0])) \
        and bool(BLANK_AFTER.match(text, sentence[1]))


BLANK_BEFORE = regex.compile(r"\n[ \t]*\n[ \t]*\Z")
BLANK_AFTER = regex.compile(r"[ \t]*(?:\n[ \t]*\n|\s*\Z)")


def first_line_end(doc: Document) -> int:
    """Where the article's first line with text ends: its headline, or its lead without one."""
    text = doc.scan_text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return end if end >= 0 else len(text)


def keyed(reading: Reading, fig: Figure, frame: Frame | None, require_context: bool) -> ClaimDraft:
    """The claim of a figure, keyed when what it counts and whose or where it is are said and it
    is no general statement or ratio; a key that says neither whose nor where is partial."""
    doc, vocab, text = reading.doc, reading.vocab, reading.doc.scan_text
    parts, evidence, inferred = fig.parts, fig.evidence, fig.inferred
    general = vocab.generic.search(text, *fig.sentence)  # "een brigade bestaat doorgaans uit"
    if frame is not None:
        parts, evidence, inferred = dict(frame.parts), dict(frame.evidence), [*inferred, *frame.inferred]
        inferred = [p for p in inferred if p in parts]
        is_keyed, why = frame.keyed and not general, frame.why
    else:
        is_keyed = fig.concept is not None and not general and (fig.actor or not fig.sized) \
            and (fig.owned not in vocab.owners or "qualifier" in parts or whole_set(text, fig, vocab))
        why = "no counted thing named" if fig.concept is None else "whose it is not said"
    ratio = in_ratio(text, fig.amount, reading.read, reading.lang)  # "een op de drie huishoudens": no count
    if not is_keyed or ratio:
        parts, evidence, inferred = {}, {}, []
        why = "a ratio" if ratio else "a general statement" if general else why
    partial = bool(parts) and require_context and not names_whose(parts) \
        and not (frame and "event" in parts)  # "the turnout of the general election"
    if parts and not partial:
        reading.previous = Previous(fig.sentence, fig.amount.unit, parts, evidence, inferred, fig.earlier, fig.amount)
    where = None  # for a key with no place: where the article is (see checker.matching)
    if parts and "place" not in parts and fig.owned not in vocab.owners:
        where = reading.article_place
    # a partial claim is keyed only if its article says whose or where elsewhere
    return draft(doc, fig, vocab, parts, evidence, inferred, partial=partial, article_place=where,
                 running=frame.running if frame else None,
                 unkeyed=None if parts and not partial else "whose or where not said" if partial else why,
                 context=frame.context if frame and parts else {})


__all__ = ["draft", "duration", "framed", "keyed", "spoken_of_again"]
