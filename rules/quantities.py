"""Q001 quantities: counts and amounts, with what they count, whose they are and where."""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

import regex
from pydantic import BaseModel, ConfigDict

from checker.articles import Document
from checker.keys import KindSpec
from checker.models import ClaimDraft, QuantityValue
from checker.rules.toolkit.context import (
    Clause,
    actor_in,
    attribution_of,
    border_country,
    clause_around,
    dominant_actor,
    dominant_places,
    event_around,
    leader,
    names_whose,
    place_in,
    qualifiers_in,
    sentence_actor,
    sentence_place,
    vocabulary,
)
from checker.rules.changes import FROM_BEFORE, TO_OF_CHANGE, Change, change_around, earlier_words, reader
from checker.rules.toolkit.lexicon import Hit, ending_at, events, month_names
from checker.rules.toolkit.numbers import Amount, NumberReader
from checker.rules.toolkit import key_parts as part
from checker.rules.toolkit.frame_keys import again, quantity_frame
from checker.rules.toolkit.frames import FigureContext, frame_vocabulary, measure_of_before
from checker.rules.toolkit.gazetteer import gazetteer
from checker.rules.toolkit.vocabulary import Language, VocabularyRule

MISSING = object()
DAY_JOINER = r"(?:tot|en|t/m|to|and)"  # the words between two days of one date: "10 tot 20 februari", "April 6 and 7"
WORDS_TO_NOUN = 3  # a counted noun is at most this many words after the number
# Qualifiers may follow the counted noun closely, across a conjunction but not a comma:
# "8500 militairen paraat", "15.000 man extra", "130 vliegtuigen in actie of stand-by".
WORDS_AFTER_NOUN = regex.compile(r"(?:[\s(]+[\p{L}\-']+){0,6}")


class Previous(NamedTuple):
    """The last keyed figure, which a bare figure later in the sentence may refer to again."""

    sentence: tuple[int, int]
    unit: str | None
    parts: dict
    evidence: dict
    inferred: list




class QuantityOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    require_context: bool = True
    """Key a claim only when its sentence, or else its article, says whose or where the counted thing is."""


@cache
def date_neighbour(language: str) -> regex.Pattern:
    months = "|".join(sorted(month_names(language), key=len, reverse=True))
    return regex.compile(rf"[\s\-–/]*(?:{DAY_JOINER}\s+)?(?:\d{{1,2}}\s*)?(?:{months})(?![\p{{L}}])", regex.I)


CLOCK = regex.compile(r"\d{1,2}[.:]\d{2}")
PHONE = regex.compile(r"0\d{6,}")
AM_PM = regex.compile(r"\s*(?:am\b|pm\b|a\.m\.|p\.m\.)", regex.I)
AT_BEFORE = ending_at(r"(?<![\p{L}])(?:om|at|tegen|rond)\s+\Z", regex.I)
CURRENCY_SIGN = regex.compile(r"[€$£]")
CLOCK_AFTER = regex.compile(r"\s*(?:uur|u\b|h\b|am\b|pm\b|a\.m\.|p\.m\.)", regex.I)
YEAR = regex.compile(r"(?:1[89]|20)\d\d")
LIST_NUMBER = ending_at(r"(?:\A|\n)[ \t]*\Z")
GLUED_DIGITS = regex.compile(r"[.,]\d")
LIST_MARK = regex.compile(r"[.)]\s")
WORD_OR_DIGIT_BEFORE = ending_at(r"(?:\d|\p{L}{3,})[\s\-/]*\Z")
SLASHED_AFTER = regex.compile(r"[/:]\d")
SLASHED_BEFORE = ending_at(r"\d[/:]\Z")
NAME_BEFORE = ending_at(r"(\p{Lu}[\p{L}\-]*)\s\Z")
SENTENCE_OPENING_WORD = ending_at(r"(?:\A|[.!?:\n\"'“„‘])\s*\p{Lu}[\p{L}\-]*\s\Z")
PUNCTUATION = regex.compile(r"[.;:!?]")
WORDS_TO_CHANGE = 8  # "de gevechtsgroepen al in omvang verdubbelde, van vier tot acht"
CURRENCY_BEFORE = ending_at(r"([€$£])\s?\Z")
NEXT_WORD = regex.compile(r"\s+([\p{L}][\p{L}\-']*)")
# A word cut off by the text's source, a word or two after a figure: "circa 65.000 milit.."
CUT_OFF = regex.compile(r"(?:\s+[\p{L}\-]+){0,2}?\s+(\p{L}{4,})(?:\.\.+|…)(?!\p{L})")


@cache
def month_before(language: str) -> regex.Pattern:
    """A month name just before a position: "24 februari 2022" is a date, not 2022 of something;
    so is the second day of "April 6 and 7"."""
    return ending_at(rf"(?:{'|'.join(month_names(language))})\.?\s*(?:\d{{1,2}}\s*(?:{DAY_JOINER}|[&\-–])\s*)?\Z", regex.I)


class QuantityRule(VocabularyRule):
    code = "Q001"
    name = "quantities"
    description = """Counts and amounts: troops, jets, ships, member states, refugees, money, durations.

    Reads digits with Dutch and English separators, number words ("veertigduizend"), scale words
    ("1 miljard"), vague plurals ("duizenden": 1000..10000) and bounds ("meer dan 200": at least
    200; "bijna 50": at most 50; "zo'n 130": about 130). The key joins what is counted
    (a concept: "jachtvliegtuigen" -> aircraft), whose it is (an actor) and where (a place):
    "de Navo heeft meer dan 200 schepen in de regio" -> quantity:ships/nato, value 200..open.
    People are keyed by what happened to them (the predicate, from the lemma of a word of the
    clause) and the most specific place named: "In Verviers zijn 42 mensen omgekomen" and "42
    people died in Verviers" -> quantity:people/died/in-verviers; people with no predicate are
    not keyed. A noun no concept knows is keyed by its lemma with a stated place or actor. A
    figure of a running tally ("het dodental", "so far", died, missing) is marked as such."""
    kinds = ("quantity",)
    key_parts = (part.EVENT, part.CONCEPT, part.PREDICATE, part.ACTOR, part.PLACE, part.QUALIFIER, part.UNIT, part.YEAR)
    kind_specs = (KindSpec("quantity", mark="q"),)
    languages = ("nl", "en")
    version = "4"
    Options = QuantityOptions

    def extract(self, doc: Document) -> Iterator[ClaimDraft]:
        lang = self.language(doc)
        read = reader(lang)
        vocab = vocabulary(lang)
        text = doc.scan_text
        fallback_actors: dict[str | None, str | None] = {}  # per owned concept: the article's main actor
        article_place: str | None | object = MISSING  # the place the article is mostly about, found once
        earlier_place: tuple[str, str] | None = None  # where the article's last figure of people was
        consumed = 0
        previous: Previous | None = None
        for m in read.g.candidate.finditer(text):
            if m.start() < consumed:
                continue
            if self.not_an_amount(text, m, lang):
                continue
            amount = read.read_one(text, m)
            if amount is None:
                continue
            amount = read.with_range(text, amount, FROM_BEFORE)
            if date_neighbour(lang.code).match(text, amount.end):
                continue  # "van 10 tot 20 februari": a date
            if not TO_OF_CHANGE.search(text, max(0, amount.start - 60), amount.start):
                amount = read.bounds(text, amount)
            amount = self.with_unit(text, amount, read)
            if amount.unit is None and amount.low is not None and amount.low == amount.high \
                    and YEAR.fullmatch(m.group()) and not self.counts_something(doc, amount, vocab):
                continue  # a year: the dates rule reads it
            consumed = amount.end
            parts, evidence, inferred = {}, {}, []
            clause = clause_around(doc, amount.start, amount.end, vocab)
            sentence = doc.sentence_at(amount.start)
            change = change_around(doc, amount, vocab)
            concept, phrase = self.counted(doc, amount, clause.end, vocab), None
            if concept is None:
                concept, phrase = self.named_before(doc, amount, change, clause, sentence, vocab)
                if phrase and phrase[0] < clause.start:  # whose and where are said where the thing is named
                    clause = Clause(clause_around(doc, phrase[0], phrase[0] + 1, vocab).start, clause.end)
            if concept is None and amount.unit is None and not self.names_a_noun(text, amount.end, vocab):
                concept, named = self.asked_before(doc, sentence, vocab, read.g.candidate)
                if concept:  # "Hoeveel militairen ... is niet bekend. Men schat het op 100.000."
                    clause = named
            if concept is None and previous and previous.sentence == sentence and previous.unit == amount.unit \
                    and not self.names_a_noun(text, amount.end, vocab) and not (change is None and measure_of_before(text, amount.start, lang)):
                parts, evidence = self.same_thing_again(previous, vocab)
                running = None
                if "predicate" in parts:
                    frame = again(FigureContext(doc, (amount.start, amount.end), (clause.start, clause.end), sentence,
                                                amount.unit is not None), parts, evidence, previous.inferred, vocab,
                                  frame_vocabulary(lang))
                    parts, evidence, running = frame.parts, frame.evidence, frame.running
                yield self.draft(doc, amount, parts, evidence, [p for p in previous.inferred if p in parts], sentence,
                                 clause, vocab, change, running=running)
                continue  # "13.000 militairen ..., nu zijn dat er 40.000": the same thing again
            if concept is None and amount.unit == "day":
                parts, evidence = event_around(doc, amount.start, amount.end, events(lang), vocab)
                if parts:  # "de oefeningen in Wit-Rusland duren tien dagen": how long an event lasts
                    yield self.draft(doc, amount, {**parts, "unit": "day"}, evidence, [], sentence, clause, vocab,
                                     change, partial=not names_whose(parts), unkeyed="whose or where not said")
                    continue
            if concept:
                parts["concept"], evidence["concept"] = concept.label, concept.words
            if amount.unit:
                parts["unit"] = amount.unit
            noun_end = concept.end if concept and concept.start >= amount.end else amount.end
            owned = concept.label if concept else None
            sized = concept is not None and concept.start == amount.end + 1 and vocab.size_of(text, amount.end)
            actor = self.sized_whole(doc, concept, clause, vocab) if sized else \
                actor_in(doc, clause, amount.start, noun_end, vocab, owned)
            place = None if owned in vocab.owners else \
                place_in(doc, clause, amount.start, vocab, actor.label if actor else None) or \
                sentence_place(doc, clause, vocab, read.g.candidate)  # members are an owner's, anywhere
            if not actor:
                actor = sentence_actor(doc, clause, vocab, read.g.candidate, place.label if place else None, owned)
            if actor:
                parts["actor"], evidence["actor"] = actor.label, actor.words
            if place and place.label == "border":
                country = border_country(doc, vocab, parts.get("actor"))
                if country:
                    parts["place"], evidence["place"] = country, f"{place.words} (the article's main country)"
                    inferred.append("place")
                    place = None
            if place:
                parts["place"], evidence["place"] = place.label, place.words
            windows = self.qualifier_windows(doc, amount, clause, sentence, noun_end, phrase, vocab, read)
            quals = [q for a, b in windows for q in qualifiers_in(doc, a, b, vocab)
                     if q.label not in vocab.implied_qualifiers.get(owned, ())]  # "20 killed": deaths, nothing more
            if change and change.planned and not change.is_from:  # "zal groeien van 40.000 tot 300.000"
                quals.append(Hit(change.start, amount.end, "planned", change.planned))
            if quals:
                parts["qualifier"] = "+".join(sorted({q.label for q in quals}))
                evidence["qualifier"] = ", ".join(q.words for q in quals)
            if article_place is MISSING:
                article_place = leader(dominant_places(doc, vocab))
            frame = quantity_frame(FigureContext(doc, (amount.start, amount.end), (clause.start, clause.end), sentence,
                                                 amount.unit is not None, earlier_place), concept, parts, evidence,
                                   vocab, frame_vocabulary(lang), article_place)
            if frame and frame.keyed and frame.parts.get("concept") == "people" and "place" not in frame.inferred:
                earlier_place = frame.parts["place"], frame.evidence["place"]
            if frame is None and concept and not actor and not sized:
                scope = owned if owned in vocab.owners else None
                if scope not in fallback_actors:
                    fallback_actors[scope] = dominant_actor(doc, vocab, scope)
                if main := fallback_actors[scope]:
                    parts["actor"], evidence["actor"] = main, "(the article's main actor)"
                    inferred.append("actor")
            general = vocab.generic.search(text, *sentence)  # "een brigade bestaat doorgaans uit"
            if frame is not None:
                parts, evidence, inferred = dict(frame.parts), dict(frame.evidence), [*inferred, *frame.inferred]
                inferred = [p for p in inferred if p in parts]
                keyed, why = frame.keyed and not general, frame.why
            else:
                keyed = concept is not None and not general and (actor or not sized) \
                    and (owned not in vocab.owners or "qualifier" in parts or self.whole_set(text, amount, vocab))
                why = "no counted thing named" if concept is None else "whose it is not said"
            ratio = self.in_ratio(text, amount, read, lang)  # "een op de drie huishoudens": no count
            if not keyed or ratio:
                parts, evidence, inferred = {}, {}, []
                why = "a ratio" if ratio else "a general statement" if general else why
            partial = bool(parts) and self.options.require_context and not names_whose(parts) \
                and not (frame and "event" in parts)  # "the turnout of the general election"
            previous = Previous(sentence, amount.unit, parts, evidence, inferred) if parts and not partial else previous
            where = None  # for a key with no place: where the article is (see checker.matching)
            if parts and "place" not in parts and owned not in vocab.owners:
                where = article_place
            # a partial claim is keyed only if its article says whose or where elsewhere
            yield self.draft(doc, amount, parts, evidence, inferred, sentence, clause, vocab,
                             change, partial=partial, article_place=where, running=frame.running if frame else None,
                             unkeyed=None if parts and not partial else "whose or where not said" if partial else why,
                             context=frame.context if frame and parts else {})

    @staticmethod
    def draft(doc: Document, amount: Amount, parts: dict, evidence: dict, inferred: list, sentence: tuple[int, int],
              clause, vocab, change: Change | None, partial: bool = False, article_place: str | None = None,
              running: str | None = None, unkeyed: str | None = None, context: dict | None = None) -> ClaimDraft:
        return ClaimDraft(
            kind="quantity", start=amount.start, end=amount.end,
            value=QuantityValue(low=amount.low, high=amount.high, unit=amount.unit, approximate=amount.approximate,
                                vague=amount.vague),
            key_parts=parts, evidence=evidence, inferred=inferred,
            attribution=attribution_of(doc, sentence, vocab, amount.start),
            earlier=earlier_words(doc, amount, clause, vocab, change), partial=partial, article_place=article_place,
            running=running, unkeyed=unkeyed, context=context or {},
        )

    @staticmethod
    def same_thing_again(previous: Previous, vocab) -> tuple[dict, dict]:
        """The key of a bare figure that speaks of the previous one's thing again, without the
        qualifiers that were that figure's own: "350 extra militairen; het contingent groeit tot
        900" -- 900 is the whole contingent, not an extra."""
        parts, evidence = dict(previous.parts), dict(previous.evidence)
        if "qualifier" in parts:
            kept = [q for q in parts["qualifier"].split("+") if q not in vocab.own_qualifiers]
            if kept:
                parts["qualifier"] = "+".join(kept)
            else:
                del parts["qualifier"], evidence["qualifier"]
        return parts, evidence

    @staticmethod
    def asked_before(doc: Document, sentence: tuple[int, int], vocab, figures: regex.Pattern):
        """The thing a bare figure answers, with the clause that names it: the one thing the
        sentence before names when that sentence states no figure ("Hoeveel militairen er rond de
        grens zijn samengetrokken, is niet bekend. Inlichtingendiensten schatten het op 100.000")."""
        before = doc.sentence_before(sentence)
        if before is None or figures.search(doc.scan_text, *before):
            return None, None
        hits = vocab.concepts.find(doc.scan_text, *before)
        if not hits or len({h.label for h in hits}) > 1:
            return None, None
        return hits[0], clause_around(doc, hits[0].start, hits[0].end, vocab)

    @staticmethod
    def sized_whole(doc: Document, size: Hit, clause, vocab) -> Hit | None:
        """Whose members a compound of size counts: the actor named just after it ("the
        30-nation military alliance"); none for another whole ("a 40-nation coalition")."""
        hits = vocab.actors.find(doc.scan_text, size.end, clause.end)
        if hits and len(doc.scan_text[size.end:hits[0].start].split()) <= 2:
            return hits[0]
        return None

    @staticmethod
    def whole_set(text: str, amount: Amount, vocab) -> bool:
        """True when a definite word makes the figure all of a set ("de dertig lidstaten"), not
        some of it ("zes grote NAVO-landen"), or a compound gives the size of a whole ("a
        30-nation alliance")."""
        return bool(vocab.definite_before.search(text, max(0, amount.start - 20), amount.start)) \
            or vocab.size_of(text, amount.end) is not None

    @staticmethod
    def names_a_noun(text: str, end: int, vocab) -> bool:
        """True when a word that is no function word follows a figure ("in 30 locations")."""
        m = NEXT_WORD.match(text, end, end + 40)
        return bool(m) and m.group(1).lower() not in vocab.function_words

    @staticmethod
    def named_before(doc: Document, amount: Amount, change: Change | None, clause, sentence: tuple[int, int], vocab):
        """The counted thing named before the figure, with the phrase that names it.

        "De reactiemacht wordt zeven keer zo groot": a multiple of the clause's subject;
        "de Navo verdubbelde de gevechtsgroepen, van vier tot acht": both figures of a change;
        "Het aantal militairen in hoge staat van paraatheid wordt opgevoerd, van 40.000 ...", "troop
        numbers in Belarus climb to 30,000": the thing whose number the sentence gives.
        """
        if amount.unit == "times":
            hits = vocab.concepts.find(doc.scan_text, clause.start, amount.start)
            if hits:
                return hits[-1], (clause.start, amount.start)
        if change:
            hits = vocab.concepts.find(doc.scan_text, sentence[0], change.start)
            if hits and len(doc.scan_text[hits[-1].end:change.start].split()) <= WORDS_TO_CHANGE:
                return hits[-1], (hits[-1].start, change.start)
        text = doc.scan_text
        for hit in reversed(vocab.concepts.find(text, clause.start, amount.start)):
            after = vocab.count_after.match(text, hit.end, amount.start)
            if after:  # "Russian troop numbers in Belarus are likely to climb to 30,000"
                phrase = WORDS_AFTER_NOUN.match(text, after.end(), amount.start)
                return hit, (hit.start, phrase.end())
        found = None
        for m in vocab.count_noun.finditer(doc.scan_text, sentence[0], amount.start):
            found = m
        if found:
            hits = vocab.concepts.find(doc.scan_text, found.end(), min(amount.start, found.end() + 40))
            if hits and len(doc.scan_text[found.end():hits[0].start].split()) <= 2:
                phrase = WORDS_AFTER_NOUN.match(doc.scan_text, hits[0].end, amount.start)
                return hits[0], (found.start(), phrase.end())
        return None, None

    @staticmethod
    def qualifier_windows(doc: Document, amount: Amount, clause, sentence: tuple[int, int], noun_end: int,
                          phrase: tuple[int, int] | None, vocab, read: NumberReader) -> list[tuple[int, int]]:
        """Where the words that qualify a figure are: just before it, after its noun, in the
        phrase that named it, in the name of what it measures ("reactiemacht van 25.000 man"),
        and for a multiple in the sentence's subject ("De snelle reactiemacht, die ..., krijgt
        acht keer zoveel militairen")."""
        text = doc.scan_text
        windows = [(max(clause.start, amount.start - 12), amount.start)]
        tail_end = WORDS_AFTER_NOUN.match(text, noun_end, sentence[1]).end() if noun_end > amount.end else amount.end
        # the next counted noun may stand just past the tail: "30 allies pledged to send more troops"
        next_word = NEXT_WORD.match(text, tail_end, sentence[1])
        noun_end_limit = next_word.end() if next_word else tail_end
        qualifier_words = {(q.start, q.end) for q in vocab.qualifiers.find(text, noun_end, noun_end_limit)}
        other_noun = [h for h in vocab.concepts.find(text, noun_end, noun_end_limit) if (h.start, h.end) not in qualifier_words]
        other_figure = read.g.candidate.search(text, noun_end, tail_end)
        others = [h.start for h in other_noun[:1]] + ([other_figure.start()] if other_figure else [])
        if others:  # a qualifier of the next figure or counted noun is not this one's: "en nog eens 40.000"
            tail_end = min(tail_end, *others)
            theirs = [q for q in vocab.qualifiers.find(text, noun_end, tail_end) if len(text[q.end:tail_end].split()) <= 1]
            tail_end = theirs[0].start if theirs else tail_end
        bound = read.g.candidate.match(text, tail_end + 1) and read.g.before_bound.search(text[noun_end:tail_end + 1])
        if bound:  # the tail ends inside the next figure's bound: "100 jets on high alert and more than 120"
            tail_end = noun_end + bound.start("b")
        windows.append((amount.end, tail_end))
        owner = vocab.owner_before.search(text, max(clause.start, amount.start - 60), amount.start)
        if owner:
            windows.append((owner.start(1), owner.end(1)))
        if phrase:
            windows.append(phrase)
        if amount.unit == "times":
            windows.append((sentence[0], clause_around(doc, sentence[0], sentence[0], vocab).end))
        return windows

    @staticmethod
    def not_an_amount(text: str, m: regex.Match, lang: Language) -> bool:
        """Numbers in names, identifiers, clock times, dates and list numbering."""
        token = m.group()
        after = text[m.end():m.end() + 20]
        before = text[max(0, m.start() - 40):m.start()]
        if token[0].isdigit():
            if GLUED_DIGITS.match(after):
                return True  # a number glued to more digits
            unit = reader(lang).g.unit_after.match(text, m.end())  # "0.77 percent" is no time of day
            if CLOCK.fullmatch(token) and (CLOCK_AFTER.match(after) or not unit and (
                    token[0] == "0" or lang.code == "nl" and "." in token)):
                return True
            if len(token) <= 2 and token.isdigit() and int(token) <= 24 and (AM_PM.match(after) or AT_BEFORE.search(before)) \
                    and CLOCK_AFTER.match(after):
                return True  # "at 2 pm", "om 8 uur"; not "de oefening duurt 8 uur"
            if PHONE.fullmatch(token):
                return True  # "0612345678": a telephone number
            if LIST_NUMBER.search(before) and LIST_MARK.match(after):
                return True
            if date_neighbour(lang.code).match(after) or WORD_OR_DIGIT_BEFORE.search(before) and \
                    month_before(lang.code).search(before):
                return True
            if SLASHED_AFTER.match(after) or SLASHED_BEFORE.search(before):
                return True
        if reader(lang).g.identifiers.search(before):
            return True
        prev = NAME_BEFORE.search(before) if token[0].isdigit() else None
        if prev and prev.group(1).lower() not in vocabulary(lang).function_words and \
                not SENTENCE_OPENING_WORD.search(before):
            word = prev.group(1)
            vocab = vocabulary(lang)
            fv = frame_vocabulary(lang)
            placed = fv.preposition_before_name.search(before)  # "In Bewdley 300 people"
            if not placed and not vocab.actors.find(word) and not vocab.places.find(word) \
                    and not gazetteer(lang).lookup(word) and not fv.causes.find(word):  # "Kamerverkiezingen 37"
                return True  # "Panzerfaust 3", "Leopard 2"; not "in Zeeland 1800 mensen"
        return False

    @staticmethod
    def in_ratio(text: str, amount: Amount, read: NumberReader, lang: Language) -> bool:
        """True when the figure is one side of a ratio: "one in three", "vier op de vijf"."""
        ratio = frame_vocabulary(lang).ratio
        after = ratio.match(text, amount.end)
        if after and read.g.candidate.match(text, after.end()):
            return True
        for m in read.g.candidate.finditer(text, max(0, amount.start - 30), amount.start):
            joined = ratio.match(text, m.end())
            if joined and joined.end() == amount.start:
                return True
        return False

    @staticmethod
    def counts_something(doc: Document, amount: Amount, vocab) -> bool:
        """True when a figure that could be a year is followed at once by a counted noun
        ("2022 militairen"); "the 1953 flood killed" is a year."""
        hits = vocab.concepts.find(doc.scan_text, amount.end, amount.end + 40)
        return bool(hits) and not doc.scan_text[amount.end:hits[0].start].strip()

    @staticmethod
    def counted(doc: Document, amount: Amount, clause_end: int, vocab):
        """The concept of the noun the amount counts: the first known noun just after it, the
        second part of a compound of size ("the 30-nation alliance"), or the one concept a word
        cut off by the text's source begins ("circa 65.000 milit..")."""
        size = vocab.size_of(doc.scan_text, amount.end)
        if size:
            return size
        end = min(clause_end, amount.end + 60)
        for hit in vocab.concepts.find(doc.scan_text, amount.end, end):
            between = doc.scan_text[amount.end:hit.start]
            if len(between.split()) <= WORDS_TO_NOUN and not PUNCTUATION.search(between):
                return hit
            break
        cut = CUT_OFF.match(doc.scan_text, amount.end, end)
        label = cut and vocab.concepts.completing(cut.group(1))
        return Hit(cut.start(1), cut.end(), label, doc.scan_text[cut.start(1):cut.end()]) if label else None

    @staticmethod
    def with_unit(text: str, amount: Amount, read: NumberReader) -> Amount:
        """Percentages, multiples, money, durations, distances; a currency sign before counts too."""
        unit = None
        end = amount.end
        m = read.g.unit_after.match(text, amount.end, min(len(text), amount.end + 30))
        if m:
            unit = read.g.unit_of.get((m.group("sym") or m.group("u")).lower())
            end = m.end()
        start = amount.start
        sign = CURRENCY_BEFORE.search(text, max(0, amount.start - 2), amount.start)
        if sign:
            unit, start = read.g.unit_of.get(sign.group(1)), amount.start - len(sign.group(0))
        elif unit is None and (inside := CURRENCY_SIGN.search(text, amount.start, amount.end)):
            unit = read.g.unit_of.get(inside.group())  # "exceeds € 10 billion": the sign after the bound
        if unit is None:
            return amount
        return Amount(start, end, amount.low, amount.high, amount.approximate, unit, amount.vague)
