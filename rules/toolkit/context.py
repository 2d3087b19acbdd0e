"""What a claim is about, read from the words around it: actor, place, qualifiers, source.

Shared by the built-in rules. Everything is looked for in the claim's clause first (a sentence
cut at commas, semicolons, brackets and conjunctions), so that "De VS hebben 100.000 militairen
in Europa, er patrouilleren 140 schepen" does not give the ships to the US.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TypeVar

import regex

from checker.rules.toolkit.analysis import Analysis, Document
from checker.rules.toolkit.lexicon import (Hit, Language, Lexicon, Vocabulary, data_cache, ending_at, load_data,
                                           phrase_pattern, vocabulary)

SUBJECT_BEFORE = ending_at(r"(?:[\p{L}\-.]+\s+){1,4}\Z")  # "het Pentagon " before "schat"
NAME = regex.compile(r"\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){0,3}")  # "the Residential Tenancies Board"
NEXT_WORD = regex.compile(r"\s+([\p{L}\-]+)")
POSSESSIVE = regex.compile(r"['’]s(?![\p{L}])")
WORDS_AFTER = regex.compile(r"(?:\s+[\p{L}\-]+){0,4}")


@dataclass(frozen=True)
class ClauseGrammar:
    """The small words the clause readers need, from the ``[grammar]`` of vocabulary.toml."""

    attributed_words: regex.Pattern  # who a verb of saying is about: "aldus de NAVO"; not "said that"
    word_before: regex.Pattern  # the word before a name, past an article: "in (de) Oekraïne"
    list_before: regex.Pattern  # a country further down a list of places: "in de Baltische landen en Polen"
    list_joiner_before: regex.Pattern
    list_goes_on: regex.Pattern
    place_nouns: frozenset[str]  # nouns of territory: "op Wit-Russische bodem"


@data_cache
def clause_grammar(language: Language) -> ClauseGrammar:
    data = load_data(language, "vocabulary") or load_data(language.other("nl"), "vocabulary")
    g = data.get("grammar", {})
    articles = phrase_pattern(g.get("articles", [])) or "(?!)"
    joiners = phrase_pattern(g.get("list_joiners", [])) or "(?!)"
    that = phrase_pattern(g.get("complementisers", [])) or "(?!)"
    return ClauseGrammar(
        attributed_words=regex.compile(rf"\s+(?!(?i:{that})(?![\p{{L}}]))(?:(?:{articles})\s+)?[\p{{L}}\-]+"
                                       rf"(?:\s+\p{{Lu}}[\p{{L}}\-]+)?"),
        word_before=ending_at(rf"([\p{{L}}\-]+)\s+(?:(?:{articles})\s+)?\Z", regex.I),
        list_before=regex.compile(rf"([\p{{L}}\-]+)\s+(?:(?:{articles})\s+)?(?:\p{{Lu}}[\p{{L}}\-]*\s+){{0,2}}?"
                                  rf"\p{{Lu}}[\p{{L}}\-]*(?:(?:\s*,\s*|\s+(?:{joiners})\s+)\p{{Lu}}[\p{{L}}\-]*){{0,4}}?"
                                  rf"(?:\s*,\s*|\s+(?:{joiners})\s+)\Z"),
        list_joiner_before=ending_at(rf"(?:,|\s(?:{joiners}))\s*\Z", regex.I),
        list_goes_on=regex.compile(rf"\s*,|\s+(?:{joiners})\s", regex.I),
        place_nouns=frozenset(w.lower() for w in g.get("place_nouns", [])),
    )


T = TypeVar("T")


def per_word(fn: Callable[[Document, Hit, Vocabulary], T]) -> Callable[[Document, Hit, Vocabulary], T]:
    """Ask once per article how a word of it is used: the answer depends on the text around the
    word alone, and every claim of its sentence asks it again."""
    @wraps(fn)
    def remembered(doc: Document, hit: Hit, vocab: Vocabulary) -> T:
        analysis = Analysis.of(doc)
        # the word's span is all the question depends on
        return analysis.remember((fn, hit.start, hit.end), lambda: fn(analysis, hit, vocab))
    return remembered


@dataclass(frozen=True)
class Clause:
    start: int
    end: int


def clause_around(doc: Document, start: int, end: int, vocab: Vocabulary) -> Clause:
    """The clause holding the span ``start..end``: its sentence cut at the nearest breaks."""
    s_start, s_end = doc.sentence_at(start)
    text = doc.scan_text
    c_start, c_end = s_start, max(s_end, end)
    for m in vocab.clause_break.finditer(text, s_start, start):
        c_start = m.end()
    m = vocab.clause_break.search(text, end, c_end)
    if m:
        c_end = m.start()
    return Clause(c_start, c_end)


OPENING_WORDS = 4  # an opening phrase set off by a comma is short: "Last year,", "Twee jaar geleden,"


def sentence_opening(doc: Document, position: int, vocab: Vocabulary) -> tuple[int, int] | None:
    """The phrase that opens the sentence of ``position`` and is set off by a break, when it is
    short and ``position`` lies after it ("Last year, Hurricane Ian killed 150 people": the
    time of every clause of the sentence); None otherwise."""
    s_start, s_end = doc.sentence_at(position)
    m = vocab.clause_break.search(doc.scan_text, s_start, min(s_end, position))
    if not m or len(doc.scan_text[s_start:m.start()].split()) > OPENING_WORDS:
        return None
    return s_start, m.start()


def attribution_spans(doc: Document, clause_start: int, clause_end: int, vocab: Vocabulary) -> list[tuple[int, int]]:
    """Spans of "volgens de NAVO", "aldus Stoltenberg": who states, not who does."""
    return [attribution_span(doc, m, clause_end, vocab)
            for m in vocab.attribution.finditer(doc.scan_text, clause_start, clause_end)]


def attribution_span(doc: Document, m: regex.Match, end: int, vocab: Vocabulary) -> tuple[int, int]:
    """The word of saying with the words that name who says: "volgens de NAVO"."""
    words = clause_grammar(vocab.source).attributed_words.match(doc.scan_text[m.end():min(end, m.end() + 40)])
    return m.start(), m.end() + (words.end() if words else 0)


def attribution_of(doc: Document, sentence: tuple[int, int], vocab: Vocabulary, position: int | None = None) -> str | None:
    """Who states a figure: an actor's label or a name, if its sentence says. The word of saying
    nearest before the figure counts ("Ukraine claims 15,000, while the Pentagon puts the figure
    at 7,000"), else the first after it. The claimant follows the word ("volgens de NAVO", "zei
    Stoltenberg") or, for a verb, is its subject just before it ("Kyiv spreekt van", "Western
    officials say Russia has ...": not Russia) or, in a language that puts the subject after
    the verb, just after it ("Eerder meldde het kabinet"); an actor, else a claimant of the
    vocabulary ("volgens de politie", "organisers said"), wins over a name, a pronoun is no one,
    nor is the word of saying itself ("Volgens" opening a sentence)."""
    text = doc.scan_text
    found = list(vocab.attribution.finditer(text, *sentence))
    if position is not None:
        before = [m for m in found if m.start() < position]
        found = before[::-1] + [m for m in found if m.start() >= position]
    for m in found:
        after = attribution_span(doc, m, sentence[1], vocab)
        subject = None
        if " ".join(m.group().lower().split()) in vocab.claimant_before:
            subject = SUBJECT_BEFORE.search(text, max(sentence[0], m.start() - 50), m.start())
        spans = ([(subject.start(), subject.end(), -1)] if subject else []) + \
            ([(m.end(), after[1], 0)] if not subject or vocab.subject_after_verb else [])  # "Eerder meldde het kabinet"
        for a, b, which in spans:
            actors = vocab.actors.find(text, a, b) or vocab.claimants.find(text, a, b)
            if actors:
                return actors[which].label
        for a, b, which in spans:
            names = [name for n in NAME.finditer(text, a, b) if (name := without_function_words(n.group(), vocab))]
            if names:
                return names[which]
        if subject:
            return None  # "officials say Russia has ...": someone unnamed says it
    return None


def without_function_words(name: str, vocab: Vocabulary) -> str:
    """A name without the function words that open it: a sentence's "The Residential Tenancies
    Board" is the "Residential Tenancies Board" of another sentence."""
    words = name.split()
    while words and words[0].lower() in vocab.function_words:
        words.pop(0)
    return " ".join(words)


def distance(hit: Hit, position: int) -> int:
    if hit.end <= position:
        return position - hit.end
    if hit.start >= position:
        return hit.start - position
    return 0


def nearest(hits: list[Hit], position: int) -> Hit | None:
    """The hit nearest to a position; one before it wins a tie."""
    return min(hits, key=lambda h: (distance(h, position), h.start > position), default=None)


def actor_in(doc: Document, clause: Clause, start: int, end: int, vocab: Vocabulary,
             concept: str | None = None) -> Hit | None:
    """The actor of a claim: an adjective in its noun phrase, else the nearest one in its clause
    that may own the claim's concept."""
    excluded = attribution_spans(doc, clause.start, clause.end, vocab)
    hits = [h for h in vocab.actors.find(doc.scan_text, clause.start, clause.end)
            if vocab.may_own(concept, h.label)
            and not any(a <= h.start < b for a, b in excluded) and not no_owner(doc, h, vocab)
            and not followed_by_place_noun(doc, h, vocab)]
    inside = [h for h in hits if start <= h.start < end]
    if inside:
        return inside[0]
    return nearest(hits, start)


@per_word
def no_owner(doc: Document, hit: Hit, vocab: Vocabulary) -> bool:
    """True when an actor is named as a place ("in Wit-Rusland") or as the other side ("de
    oorlog tegen Rusland"): not as the one who has what is counted."""
    m = clause_grammar(vocab.source).word_before.search(doc.scan_text, max(0, hit.start - 30), hit.start)
    return bool(m) and m.group(1).lower() in vocab.opponent_prepositions or is_place_use(doc, hit, vocab)


@per_word
def is_place_use(doc: Document, hit: Hit, vocab: Vocabulary) -> bool:
    """True when a country is named as a place ("in Wit-Rusland"), not as an actor ("in
    Russia's armed forces")."""
    g = clause_grammar(vocab.source)
    owner = POSSESSIVE.match(doc.scan_text, hit.end)
    if owner:  # "Ukraine's northern borders" is a place, "Russia's armed forces" an actor
        words = WORDS_AFTER.match(doc.scan_text, owner.end()).group().split()
        return any(w.lower() in g.place_nouns or w.lower() in vocab.places.label_of for w in words)
    m = g.word_before.search(doc.scan_text, max(0, hit.start - 30), hit.start)
    if m and m.group(1).lower() in vocab.place_prepositions:
        return True
    if vocab.across_border.search(doc.scan_text, max(0, hit.start - 40), hit.start):
        return True  # "de grens met Oekraïne"
    if not g.list_joiner_before.search(doc.scan_text, max(0, hit.start - 6), hit.start):
        return False
    m = g.list_before.search(doc.scan_text, max(0, hit.start - 80), hit.start)
    if not (m and m.group(1).lower() in vocab.place_prepositions):
        return False
    # After a comma the name must go on with the list: "in Litouwen, Duitsland stuurt" is no list.
    return not m.group().rstrip().endswith(",") or bool(g.list_goes_on.match(doc.scan_text, hit.end))


def place_in(doc: Document, clause: Clause, position: int, vocab: Vocabulary, actor: str | None = None) -> Hit | None:
    """Where the counted thing is: a place word of the clause, the nearest after the claim first.

    Countries count as places after a place preposition ("in Wit-Rusland") or as adjectives of
    a place noun ("op Wit-Russische bodem"). A border is the country it borders on when the
    clause says which ("aan de Oekraïense grens", "de grens met Oekraïne": ukraine), the actor's
    own country excepted: troops "at the border with Ukraine" and "near Ukraine" are one fact.
    """
    hits = places_of(doc, clause.start, clause.end, vocab)
    after = [h for h in hits if h.start >= position]
    hit = nearest(after or hits, position)
    if hit is None:
        return None
    border_end = hit.end
    if hit.label in vocab.countries and (border_end := border_after(doc, hit, vocab)):
        hit = Hit(hit.start, hit.end, "border", hit.words)  # "aan de Russische grens met Oekraïne"
    if hit.label in vocab.countries:
        return hit
    if hit.label == "border":
        # "de grens met Oekraïne", "regio's die grenzen aan het buurland": only the country after
        across = vocab.border_with.match(doc.scan_text, border_end)
        window = vocab.places.find(doc.scan_text, across.end() if across else max(clause.start, hit.start - 30),
                                   min(clause.end, hit.end + 30))
        countries = [h for h in window if h.label in vocab.countries and h.label != actor]
        if countries:
            return Hit(hit.start, hit.end, countries[0].label, f"{hit.words} ({countries[0].words})")
    return hit


def border_country(doc: Document, vocab: Vocabulary, actor: str | None) -> str | None:
    """Which border "de grens" is when the sentence does not say: the article's leading country."""
    counts = dominant_places(doc, vocab)
    return leader(Counter({k: n for k, n in counts.items() if k in vocab.countries and k != actor}))


def places_of(doc: Document, start: int, end: int, vocab: Vocabulary) -> list[Hit]:
    """Place words of a span; a country only where it is used as a place."""
    return [h for h in vocab.places.find(doc.scan_text, start, end)
            if h.label not in vocab.countries or is_place_use(doc, h, vocab) or followed_by_place_noun(doc, h, vocab)]


def clauses_without_figures(doc: Document, clause: Clause, vocab: Vocabulary, figures: regex.Pattern) -> list[Clause]:
    """The other clauses of a claim's sentence that state no figure of their own.

    A clause like "Moscow is planning a manoeuvre in Belarus" lends its place to "fewer than
    13,000 soldiers" later in the sentence; "100.000 militairen in Europa" keeps its place.
    """
    s_start, s_end = doc.sentence_at(clause.start)
    bounds = [s_start] + [m.end() for m in vocab.clause_break.finditer(doc.scan_text, s_start, s_end)] + [s_end]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if b <= a or (a < clause.end and clause.start < b):
            continue
        if not figures.search(doc.scan_text, a, b):
            out.append(Clause(a, b))
    return out


def from_sentence(hits: list[Hit]) -> Hit | None:
    """The one label the other clauses agree on, or None when they name none or several."""
    return hits[0] if hits and len({h.label for h in hits}) == 1 else None


def sentence_place(doc: Document, clause: Clause, vocab: Vocabulary, figures: regex.Pattern) -> Hit | None:
    """A claim's place named elsewhere in its sentence, in a clause with no figure of its own."""
    hits = [h for c in clauses_without_figures(doc, clause, vocab, figures) for h in places_of(doc, c.start, c.end, vocab)
            if h.label != "border"]
    hit = from_sentence(hits)
    return None if hit and after_a_listed_place(doc, hit, vocab) else hit


def listed_with_another(doc: Document, hits: list[Hit], vocab: Vocabulary) -> bool:
    """True when two different places stand on one list, a joiner and at most a few words
    between them ("Turkije en het noorden van Syrië"): the figure is of both, not of the last."""
    g = clause_grammar(vocab.source)
    return any(a.label != b.label and g.list_goes_on.match(doc.scan_text, a.end)
               and len(doc.scan_text[a.end:b.start].split()) <= LIST_GAP for a, b in zip(hits, hits[1:]))


LIST_GAP = 5  # words between two places of one list: "en het noorden van"


def after_a_listed_place(doc: Document, hit: Hit, vocab: Vocabulary) -> bool:
    """True when a place is the next of a list whose place before it is another, though a clause
    break splits the list ("struck southern Turkey and northern Syria", "in het zuiden van
    Turkije en het noorden van Syrië"): its figure is of all of them, never of the last alone."""
    before = vocab.places.find(doc.scan_text, max(0, hit.start - 80), hit.start)
    return bool(before) and listed_with_another(doc, [before[-1], hit], vocab)


def sentence_actor(doc: Document, clause: Clause, vocab: Vocabulary, figures: regex.Pattern,
                   place: str | None = None, concept: str | None = None) -> Hit | None:
    """A claim's actor named before it in its sentence, in a clause with no figure of its own.

    The country the claim is placed in is not its actor there ("100.000 militairen aan de
    Oekraïense grens en de pogingen om de soevereiniteit van Oekraïne te ondermijnen").
    """
    hits = []
    for c in clauses_without_figures(doc, clause, vocab, figures):
        if c.start >= clause.start:
            break
        excluded = attribution_spans(doc, c.start, c.end, vocab)
        hits += [h for h in vocab.actors.find(doc.scan_text, c.start, c.end)
                 if not any(a <= h.start < b for a, b in excluded) and not no_owner(doc, h, vocab)
                 and h.label != place and vocab.may_own(concept, h.label)]
    hit = from_sentence(hits)
    return None if hit and after_a_listed_place(doc, hit, vocab) else hit


@per_word
def followed_by_place_noun(doc: Document, hit: Hit, vocab: Vocabulary) -> bool:
    """An adjective of a country before a place noun: "op Wit-Russische bodem", "Oekraïense grens"."""
    m = NEXT_WORD.match(doc.scan_text, hit.end, hit.end + 30)
    return bool(m and (m.group(1).lower() in clause_grammar(vocab.source).place_nouns
                   or vocab.places.find(doc.scan_text, m.start(1), m.end(1))))


@per_word
def border_after(doc: Document, hit: Hit, vocab: Vocabulary) -> int | None:
    """Where the border word right after a country's name ends ("Russische grens"), if any."""
    m = NEXT_WORD.match(doc.scan_text, hit.end, hit.end + 30)
    return m.end(1) if m and vocab.places.label_of.get(m.group(1).lower()) == "border" else None


def dominant_actor(doc: Document, vocab: Vocabulary, concept: str | None = None) -> str | None:
    """The actor an article is mostly about, among those that may own the concept, if one
    clearly leads; the fallback for claims. Names of places and of the other side do not count
    ("Nederland stuurt wapens naar Oekraïne")."""
    return leader(Counter(h.label for h in vocab.actors.find(doc.scan_text)
                          if vocab.may_own(concept, h.label) and not no_owner(doc, h, vocab)))


def dominant_places(doc: Document, vocab: Vocabulary) -> Counter[str]:
    """How often the article names each place, borders aside."""
    return Counter(h.label for h in places_of(doc, 0, len(doc.scan_text), vocab) if h.label != "border")


def leader(counts: Counter[str]) -> str | None:
    """The label that clearly leads a count (by a quarter), if any."""
    if not counts:
        return None
    (first, n1), *rest = counts.most_common(2)
    if rest and rest[0][1] * 1.25 >= n1:
        return None
    return first


def event_around(doc: Document, start: int, end: int, events: Lexicon, vocab: Vocabulary) -> tuple[dict, dict]:
    """The event a date or a duration belongs to, named in its clause or else its sentence,
    with the event's actor and place: key parts and their evidence. The event alone is too
    vague to key a claim ("de oefening" could be any exercise): see ``names_whose``.

    Actor and place are the event's, looked for next to it first ("de annexatie van de Krim
    door Rusland in 2014 heeft de NAVO ... in het oostelijke deel": crimea), then in the date's
    clause."""
    clause = clause_around(doc, start, end, vocab)
    hits = events.find(doc.scan_text, clause.start, clause.end) or events.find(doc.scan_text, *doc.sentence_at(start)) \
        or event_before(doc, start, events, vocab)
    if not hits:
        return {}, {}
    event = min(hits, key=lambda h: abs(h.start - start))
    if relative_to(doc, event, start, vocab):
        return {}, {}
    parts, evidence = {"event": event.label}, {"event": event.words}
    own = clause_around(doc, event.start, event.end, vocab)
    actor = vocab.actors.find(doc.scan_text, event.start, event.end)
    actor_hit = actor[0] if actor else actor_in(doc, own, event.start, event.end, vocab) or \
        actor_in(doc, clause, event.start, event.end, vocab)
    if actor_hit:
        parts["actor"], evidence["actor"] = actor_hit.label, actor_hit.words
    place = place_in(doc, own, event.end, vocab) or place_in(doc, clause, start, vocab)
    if place:
        parts["place"], evidence["place"] = place.label, place.words
    return parts, evidence


@data_cache
def event_pronoun(language: Language) -> regex.Pattern:
    """A pronoun and a verb opening a sentence ("Die stond al gepland", "It is scheduled"), from
    ``[pronouns]`` of events.toml."""
    data = (load_data(language, "events") or load_data(language.other("nl"), "events")).get("pronouns", {})
    return regex.compile(rf"\s*(?:{phrase_pattern(data.get('subjects', [])) or '(?!)'})\s+"
                         rf"(?:{phrase_pattern(data.get('verbs', [])) or '(?!)'})(?![\p{{L}}])", regex.I)


def event_before(doc: Document, position: int, events: Lexicon, vocab: Vocabulary) -> list[Hit]:
    """The events of the sentence before, in the same paragraph, when the sentence of
    ``position`` opens with a pronoun and a verb and that sentence names one kind of event:
    "Biden attends the EU summit. It is scheduled for Thursday and Friday"."""
    sentence = doc.sentence_at(position)
    before = doc.sentence_before(sentence)
    text = doc.scan_text
    if before is None or "\n\n" in text[before[1]:sentence[0]].replace(" ", "") \
            or not event_pronoun(vocab.source).match(text, sentence[0]):
        return []
    hits = events.find(text, *before)
    return hits if len({h.label for h in hits}) == 1 else []


def relative_to(doc: Document, event: Hit, position: int, vocab: Vocabulary) -> bool:
    """True when an event is named as a point of reference ("Biden travels to Poland on March
    25, after the NATO summit"): a date elsewhere in the sentence is another thing's, and no
    other event's either; one that follows the event in its phrase is still its own ("since the
    invasion on February 24")."""
    between = doc.scan_text[event.end:position]
    if event.end <= position and len(between.split()) <= 8 and not vocab.clause_break.search(between):
        return False
    return bool(vocab.relative_to_event.search(doc.scan_text, max(0, event.start - 40), event.start))


def names_whose(parts: dict[str, str]) -> bool:
    """True when key parts say whose or where; a claim keyed without either is partial."""
    return "actor" in parts or "place" in parts


def qualifiers_in(doc: Document, start: int, end: int, vocab: Vocabulary) -> list[Hit]:
    return vocab.qualifiers.find(doc.scan_text, start, end)


__all__ = ["Clause", "actor_in", "sentence_opening", "attribution_of", "clause_around", "border_country", "dominant_actor",
           "dominant_places", "event_around", "leader", "names_whose", "place_in",
           "qualifiers_in", "sentence_actor", "sentence_place", "vocabulary"]
