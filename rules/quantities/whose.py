"""Whose and where: the actor and the place of a figure, and the qualifiers that change what it counts.

Read from the figure's clause first, then from the clauses of its sentence that state no figure
of their own: "De VS hebben 100.000 militairen in Europa, er patrouilleren 140 schepen" does
not give the ships to the US. Members are an owner's, anywhere ("de dertig NAVO-landen").
"""
from __future__ import annotations

import regex

from checker.rules.toolkit.analysis import Document
from checker.rules.quantities.counted import NEXT_WORD, WORDS_AFTER_NOUN
from checker.rules.quantities.figure import Figure
from checker.rules.toolkit.context import (
    Clause,
    actor_in,
    border_country,
    clause_around,
    place_in,
    qualifiers_in,
    sentence_actor,
    sentence_place,
)
from checker.rules.toolkit.lexicon import Hit, Vocabulary
from checker.rules.toolkit.numbers import NumberReader
from checker.rules.toolkit.frame_differences import change_by, contrasted_change
from checker.rules.toolkit.frame_verbs import received_more
from checker.rules.toolkit.frames import frame_vocabulary
from checker.rules.toolkit.subgroups import sub_group


def whose_and_where(doc: Document, fig: Figure, vocab: Vocabulary, figures: regex.Pattern) -> None:
    """Give the figure its concept, unit, actor and place as key parts, with their evidence.

    A border the sentence does not name is the article's leading country, inferred."""
    amount, concept, text = fig.amount, fig.concept, doc.scan_text
    if concept:
        fig.parts["concept"], fig.evidence["concept"] = concept.label, concept.words
    if amount.unit:
        fig.parts["unit"] = amount.unit
    noun_end = concept.end if concept and concept.start >= amount.end else amount.end
    owned = fig.owned
    fig.sized = vocab.size_of(text, amount.end) if concept is not None and concept.start == amount.end + 1 else None
    actor = sized_whole(doc, concept, fig.clause, vocab) if fig.sized else \
        actor_in(doc, fig.clause, amount.start, noun_end, vocab, owned)
    place = None if owned in vocab.owners else \
        place_in(doc, fig.clause, amount.start, vocab, actor.label if actor else None) or \
        sentence_place(doc, fig.clause, vocab, figures)  # members are an owner's, anywhere
    if not actor:
        actor = sentence_actor(doc, fig.clause, vocab, figures, place.label if place else None, owned)
    fig.actor = actor
    if actor:
        fig.parts["actor"], fig.evidence["actor"] = actor.label, actor.words
    if place and place.label == "border":
        country = border_country(doc, vocab, fig.parts.get("actor"))
        if country:
            fig.parts["place"], fig.evidence["place"] = country, f"{place.words} (the article's main country)"
            fig.inferred.append("place")
            place = None
    if place:
        fig.parts["place"], fig.evidence["place"] = place.label, place.words


def qualify(doc: Document, fig: Figure, vocab: Vocabulary, read: NumberReader) -> None:
    """Give the figure its qualifiers ("extra", "per dag", "planned"), those its concept implies aside."""
    noun_end = fig.concept.end if fig.concept and fig.concept.start >= fig.amount.end else fig.amount.end
    windows = qualifier_windows(doc, fig, noun_end, vocab, read)
    quals = [q for a, b in windows for q in qualifiers_in(doc, a, b, vocab)
             if q.label not in vocab.implied_qualifiers.get(fig.owned, ())]  # "20 killed": deaths, nothing more
    quals += [q for q in qualifiers_in(doc, *fig.sentence, vocab) if q.label in vocab.sentence_qualifiers]
    if group := sub_group(doc, fig.clause, (fig.amount.start, fig.amount.end), vocab):
        quals.append(group)  # "among voters under 25": a part of the population, not all of it
    clause = (fig.clause.start, fig.clause.end)
    more = received_more(doc.scan_text, clause, fig.amount.end, frame_vocabulary(vocab.source)) if fig.amount.unit else None
    if more:  # "Defensie krijgt er 1,8 miljard euro bij": more money, as "extra" says
        quals.append(Hit(*more, "extra", doc.scan_text[more[0]:more[1]]))
    if change := change_by(doc.scan_text, fig.amount.start, vocab.source, fig.amount.end) or \
            contrasted_change(doc.scan_text, fig.sentence[0], fig.amount.start, vocab.source, read.g.candidate):
        quals.append(change)  # "rose by 27 percent": the size of a change, not the level
    change = fig.change
    if change and change.planned and not change.is_from:  # "zal groeien van 40.000 tot 300.000"
        quals.append(Hit(change.start, fig.amount.end, "planned", change.planned))
    if quals:
        fig.parts["qualifier"] = "+".join(sorted({q.label for q in quals}))
        fig.evidence["qualifier"] = ", ".join(q.words for q in quals)


def sized_whole(doc: Document, size: Hit, clause: Clause, vocab: Vocabulary) -> Hit | None:
    """Whose members a compound of size counts: the actor named just after it ("the
    30-nation military alliance"); none for another whole ("a 40-nation coalition")."""
    hits = vocab.actors.find(doc.scan_text, size.end, clause.end)
    if hits and len(doc.scan_text[size.end:hits[0].start].split()) <= 2:
        return hits[0]
    return None


def whole_set(text: str, fig: Figure, vocab: Vocabulary) -> bool:
    """True when a definite word makes the figure all of a set ("de dertig lidstaten"), not
    some of it ("zes grote NAVO-landen"), or a compound gives the size of a whole ("a
    30-nation alliance")."""
    amount = fig.amount
    return bool(vocab.definite_before.search(text, max(0, amount.start - 20), amount.start)) \
        or vocab.size_of(text, amount.end) is not None


RATE_REACH = 24  # characters after a figure where a qualifier of its own stands: "per maand", "a month"


def qualifier_windows(doc: Document, fig: Figure, noun_end: int, vocab: Vocabulary,
                      read: NumberReader) -> list[tuple[int, int]]:
    """Where the words that qualify a figure are: just before it, after its noun, in the
    phrase that named it, in the name of what it measures ("reactiemacht van 25.000 man"),
    and for a multiple in the sentence's subject ("De snelle reactiemacht, die ..., krijgt
    acht keer zoveel militairen")."""
    text, amount, clause, sentence = doc.scan_text, fig.amount, fig.clause, fig.sentence
    windows = [(max(clause.start, amount.start - 12), amount.start),
               (amount.end, tail_end(text, fig, noun_end, vocab, read))]
    # a rate right after the figure is its own: "2.100 euro per maand", "25,200 euros a year" (a
    # qualifier labelled per-...; "dozens more missing" stays as it was read), as "extra" right
    # after an amount with a unit is: "2,1 miljard euro extra voor defensie"
    windows += [(q.start, q.end) for q in vocab.qualifiers.find(text, amount.end, min(clause.end, amount.end + RATE_REACH))
                if (q.label.startswith("per-") or q.label == "extra" and amount.unit and q.words.lower() == "extra")
                and not text[amount.end:q.start].strip()
                and not any(a <= q.start and q.end <= b for a, b in windows)]
    owner = vocab.owner_before.search(text, max(clause.start, amount.start - 60), amount.start)
    if owner:
        windows.append((owner.start(1), owner.end(1)))
    if fig.phrase:
        windows.append(fig.phrase)
    if amount.unit == "times":
        windows.append((sentence[0], clause_around(doc, sentence[0], sentence[0], vocab).end))
    return windows


def tail_end(text: str, fig: Figure, noun_end: int, vocab: Vocabulary, read: NumberReader) -> int:
    """Where the words after a figure's noun that may qualify it end: before the next counted
    noun or figure and the qualifiers that are theirs ("en nog eens 40.000"), before the bound
    of the next figure ("100 jets on high alert and more than 120")."""
    amount, sentence = fig.amount, fig.sentence
    end = WORDS_AFTER_NOUN.match(text, noun_end, sentence[1]).end() if noun_end > amount.end else amount.end
    # the next counted noun may stand just past the tail: "30 allies pledged to send more troops"
    next_word = NEXT_WORD.match(text, end, sentence[1])
    noun_end_limit = next_word.end() if next_word else end
    qualifier_words = {(q.start, q.end) for q in vocab.qualifiers.find(text, noun_end, noun_end_limit)}
    other_noun = [h for h in vocab.concepts.find(text, noun_end, noun_end_limit) if (h.start, h.end) not in qualifier_words]
    other_figure = read.g.candidate.search(text, noun_end, end)
    others = [h.start for h in other_noun[:1]] + ([other_figure.start()] if other_figure else [])
    if others:  # a qualifier of the next figure or counted noun is not this one's: "en nog eens 40.000"
        end = min(end, *others)
        theirs = [q for q in vocab.qualifiers.find(text, noun_end, end) if len(text[q.end:end].split()) <= 1]
        end = theirs[0].start if theirs else end
    bound = read.g.candidate.match(text, end + 1) and read.g.before_bound.search(text[noun_end:end + 1])
    if bound:  # the tail ends inside the next figure's bound
        end = noun_end + bound.start("b")
    return end


__all__ = ["qualify", "whole_set", "whose_and_where"]
