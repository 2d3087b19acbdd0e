"""Frame keys: the key parts of a figure of people or of a noun no concept knows.

Built from what ``frames`` reads in the figure's clause: what is counted, the predicate, the most
specific place (or the article's, marked as inferred), an actor for a thing that is no person,
and a past year of the clause; whether the figure is a running tally.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

import regex

from checker.rules.toolkit.analysis import Analysis, Document
from checker.rules.toolkit.context import leader
from checker.rules.toolkit.lexicon import Hit
from checker.rules.toolkit.frames import (
    JOINT,
    WORD,
    FigureContext,
    FrameVocabulary,
    nearest_to,
    open_actor,
    open_places,
    place_id,
    predicate_near,
    running_words,
)
from checker.rules.toolkit.frame_counted import (as_said, count_noun_end, found_again, graded, positions,
                                                what_is_counted, who_they_were, with_group)
from checker.rules.toolkit.frame_events import circumstances
from checker.rules.toolkit.frame_places import with_institution
from checker.rules.toolkit.frame_whose import actor_before, said_by, sentence_before
from checker.rules.toolkit.frame_years import other_year
from checker.rules.toolkit.gazetteer import gazetteer, slug
from checker.rules.toolkit.home_country import home_country, home_in_headline, home_place, speaks_of_home
from checker.rules.toolkit.lemmas import lemma


@dataclass(frozen=True)
class Frame:
    """The key parts of a figure of people or of an open noun, with their evidence."""

    parts: dict[str, str]
    evidence: dict[str, str]
    inferred: list[str]
    running: str | None
    keyed: bool
    why: str | None = None  # why it is not keyed
    context: dict[str, str] = field(default_factory=dict)  # stated circumstances, no part of the key


VERB_REACH = 12  # characters before a figure of things where the verb of what happened to them stands


def quantity_frame(ctx: FigureContext, concept: Hit | None, parts: dict[str, str], evidence: dict[str, str],
                   vocab, fv: FrameVocabulary, article_place: str | None) -> Frame | None:
    """The key of a figure of people ("42 mensen zijn omgekomen in Verviers": people/died/in
    verviers) or of a noun no concept knows ("12.000 huishoudens zonder stroom in Luik"); None
    for the vocabulary's own concepts, whose key stands as the rule made it. People are keyed
    only with a predicate and a place (see ``inferred_place``); an open noun only with a place or
    actor its sentence states. A year of the clause before the article's own ("de ramp van
    1953") is part of the key: another event, not an earlier figure of this one."""
    ctx = with_parenthesis(ctx, vocab)
    counted = what_is_counted(ctx, concept, fv, vocab.function_words)
    if counted is None:
        return None
    people = counted[0] == "people"
    if people and who_they_were(ctx, counted[1], fv):
        return Frame({}, {}, [], None, False, "who some of the people were: a part of a count")
    out, ev = what_happened(ctx, counted, parts, evidence, fv)
    place = place_of(ctx, parts, evidence, vocab, fv, people)
    home = speaks_of_home(ctx.doc, *ctx.sentence, fv) if people and place is None else None
    if home:  # "in ons land": the country of the article's places; none inferred from elsewhere
        place = home_place(ctx.doc, home, vocab, fv)
    if people and place and not adjacent_extra(ctx, fv):
        # "another 20 missing" after "20 dead", "Another 31 died in Belgium" after Germany's toll:
        # the next figure of a list, not more of the same
        without_qualifiers(out, ev, evidence, {"extra"})
    if place is None and people and "actor" in parts and parts["actor"] in vocab.countries:
        place = (parts["actor"], evidence.get("actor", ""))  # "the German death toll"
    if not people and not things_actor(ctx, counted, place, parts, evidence, out, ev, fv, vocab):
        return Frame({}, {}, [], None, False, "no counted thing named")
    inferred: list[str] = []
    # "A coach overturned near Durham. Twenty were injured."; "The blaze near X ... The wildfire burned 8,500 ha"
    if place is None and not home and ("predicate" in out if people else "actor" not in out and same_event_before(ctx, fv)):
        place = place_before(ctx, vocab, fv)
    if place is None and not home and people and "predicate" in out and not places_before(ctx, vocab, fv):
        place = place_from_article(ctx, vocab, fv, article_place)
        inferred += ["place"] if place else []
    if place is not None:
        out["place"], ev["place"] = place
    if year := other_year(ctx, fv):
        out["year"], ev["year"] = year, year
    cause = cause_of(ctx, fv)
    if cause:
        ev["cause"] = cause.words
    if not people and cause and "place" not in out and "actor" not in out and cause.label in fv.keying_events:
        # "the turnout of Wednesday's general election": that election, not any other (its words, not its class)
        out["event"], ev["event"] = "-".join(lemma(w, fv.language) for w in cause.words.lower().split()), cause.words
    elif not people and ctx.has_unit and "place" not in out and "actor" not in out:
        if actor := said_by(ctx, vocab) or actor_before(ctx, vocab):  # "France presented its budget. The deficit will reach 3.1%"
            out["actor"], ev["actor"] = actor
    stated_where = "place" in out and "place" not in inferred or "actor" in out or "event" in out
    keyed = ("predicate" in out and "place" in out) if people else stated_where
    why = None if keyed else ("no predicate: what happened to the people" if "predicate" not in out else "no place")\
        if people else "no place, actor or event stated"
    running = running_words(ctx.doc, *ctx.clause, fv) or \
        (out.get("predicate") in fv.running_classes and ev.get("predicate")) or None
    return Frame(out, ev, inferred, running if "predicate" in out else None, keyed, why,
                 circumstances(ctx, cause, fv, vocab.function_words))


def thing_actor(ctx: FigureContext, parts: dict[str, str], evidence: dict[str, str], vocab,
                fv: FrameVocabulary) -> tuple[str, str] | None:
    """Whose things a figure counts: the actor the rule read, else one the clause names."""
    if "actor" in parts:
        return parts["actor"], evidence.get("actor", "")
    return next(((a.label, a.words) for a in [open_actor(ctx, fv, vocab)] if a), None)


def what_happened(ctx: FigureContext, counted: tuple[str, str, str], parts: dict[str, str],
                  evidence: dict[str, str], fv: FrameVocabulary) -> tuple[dict[str, str], dict[str, str]]:
    """The key parts of what is counted and what happened to it (the predicate), with the unit
    and the qualifiers of ``parts`` (those a predicate of people says already left out)."""
    label, words, implied = counted
    people = label == "people"
    out = {k: v for k, v in parts.items() if k in ("unit", "qualifier")}
    ev = {k: v for k, v in evidence.items() if k in out}
    out["concept"], ev["concept"] = label, words
    # what happened to people is said on either side ("killed 32 people", "42 mensen zijn
    # omgekomen");
    # to other things after them ("12.000 huishoudens zonder stroom") or by the verb right before
    # them ("will cut 6,000 jobs"); an amount with a unit is what its noun is said to be, nothing
    # happens to it, unless it is a position in a negotiation ("eist 5 procent", "offered 6%")
    start = ctx.clause[0] if people else max(ctx.clause[0], ctx.figure[0] - VERB_REACH)
    if not people and (named := count_noun_end(ctx, fv)) is not None and words in ctx.doc.scan_text[named:ctx.figure[0]]:
        start = min(start, named)  # "het aantal huishoudens zonder stroom ... 3000"
    predicate = predicate_near(ctx.doc, ctx.clause[0] if ctx.has_unit else start, ctx.clause[1], ctx.figure, fv, words)
    if fv.tallies.find(words) or implied in fv.people_predicates and fv.predicate(words) == implied:
        predicate = None  # what a toll or "20 vermisten" says, not another figure's ("the toll reached 128 with more missing")
    if ctx.has_unit and not people and predicate is not None and predicate.label not in positions(fv.source):
        predicate = None
    if predicate is not None and (predicate := as_said(ctx, predicate, fv)) is not None:
        out["predicate"], ev["predicate"] = predicate.label, predicate.words
    elif implied:
        at = max(ctx.figure[1], ctx.doc.scan_text.find(words, ctx.figure[1], ctx.clause[1]))  # "6 zwaargewonden"
        implied = graded(ctx, Hit(at, at + len(words), implied, words), fv).label
        out["predicate"], ev["predicate"] = implied, f"{words} (what the noun says)"
    if people and (found := found_again(ctx, out.get("predicate"), fv)):  # "the 12 presumed missing were found"
        out["predicate"], ev["predicate"] = found.label, found.words
    if people:
        without_qualifiers(out, ev, evidence, fv.predicate_qualifiers)
        with_group(out, ev, words, fv)  # "five children were killed": a group of the people
    with_institution(ctx, out, ev, fv)  # "400 children at primary schools", "students at universities": who they are
    return out, ev


def things_actor(ctx: FigureContext, counted: tuple[str, str, str], place: tuple[str, str] | None,
                 parts: dict[str, str], evidence: dict[str, str], out: dict[str, str], ev: dict[str, str],
                 fv: FrameVocabulary, vocab) -> bool:
    """Whose things a figure counts ("Nederland won in Parijs 34 medailles": the Dutch medals; "In
    Manchester, Labour took 60 seats", the place fronted), then what happened to things neither a
    predicate nor an actor says ("200.000 kippen geruimd"). False when the actor the clause opens
    with is the measured noun itself ("Booking moet 3 miljoen euro betalen")."""
    if place is None or "actor" in parts:
        if actor := thing_actor(ctx, parts, evidence, vocab, fv):
            if counted[1].lower() == actor[1].lower() and not counted[0].startswith("for-") \
                    and not actor_compound(counted[1], vocab):
                return False  # "Defensie krijgt 1,8 miljard": the ministry is what the money is for
            out["actor"], ev["actor"] = actor
    elif subject := subject_after_place(ctx, place, fv, vocab):
        out["actor"], ev["actor"] = subject.label, subject.words
    if not ctx.has_unit and "predicate" not in out and "actor" not in out and (verb := participle_near(ctx, fv, counted[1])):
        out["predicate"], ev["predicate"] = verb.label, verb.words
    return True


def actor_compound(word: str, vocab) -> bool:
    """True for a written compound that opens with an actor's name ("defensie-uitgaven"): a noun
    of its own, whose the actor says, never the actor itself."""
    head, _, rest = word.lower().partition("-")
    return bool(rest) and head in vocab.actors.label_of


def subject_after_place(ctx: FigureContext, place: tuple[str, str], fv: FrameVocabulary, vocab) -> Hit | None:
    """Whose things a figure counts when a place opens its sentence, outside the figure's clause:
    the first name of the clause, its subject ("In Manchester, Labour took 60 seats"; the
    Conservatives' 12 there are another count). None when the clause names the place itself or
    a preposition governs the name."""
    text = ctx.doc.scan_text
    if place[1] and place[1] in text[ctx.clause[0]:ctx.clause[1]]:
        return None
    subject = open_actor(ctx, fv, vocab)
    if subject is None or subject.label == place[0]:
        return None
    before = WORD.findall(text, max(ctx.clause[0], subject.start - 20), subject.start)
    return None if before and before[-1].lower() in fv.governing else subject


def participle_near(ctx: FigureContext, fv: FrameVocabulary, noun: str = "") -> Hit | None:
    """What happened to things in words no class of predicates knows: the past participle of the
    clause nearest the figure, as its lemma ("200,000 chickens were culled": cull); not one of
    observation ("gemeten", "recorded"), being or amounting, nor the counted ``noun`` ("71 gevallen")."""
    text = ctx.doc.scan_text
    hits = []
    for m in WORD.finditer(text, *ctx.clause):
        low = m.group().lower()
        if ctx.figure[0] <= m.start() < ctx.figure[1] or not fv.participle.fullmatch(low) or low in fv.transparent \
                or low == noun.lower() or m.group()[:1].isupper():  # "United sold 12 players": a name
            continue
        base = lemma(low, fv.language)
        if base != low and base not in fv.measure_stops:
            hits.append(Hit(m.start(), m.end(), slug(base), m.group()))
    return nearest_to(hits, ctx.figure[0])


def without_qualifiers(out: dict[str, str], ev: dict[str, str], evidence: dict[str, str], labels) -> None:
    """Take the qualifiers of ``labels`` out of the key parts (a predicate says them already)."""
    if "qualifier" not in out:
        return
    kept = [q for q in out.pop("qualifier").split("+") if q not in labels]
    said = ev.pop("qualifier", None)  # the rule's words, or those of an institution too
    if kept:
        out["qualifier"], ev["qualifier"] = "+".join(kept), said or evidence.get("qualifier", "")


def inferred_place(ctx: FigureContext, vocab, fv: FrameVocabulary, article_place: str | None) -> tuple[str, str] | None:
    """Where people are whose sentence names no place: where the article's last figure of people
    was, else the place the article is mostly about."""
    if ctx.earlier_place:
        return ctx.earlier_place[0], f"(as earlier in the article: {ctx.earlier_place[1]})"
    article_place = article_place or leading_open_place(ctx.doc, vocab, fv)
    if article_place:
        return article_place, "(the place the article is mostly about)"
    headline = home_in_headline(ctx.doc, fv)  # "Hoeveel doden zijn er in ons land gevallen?"
    country = home_country(ctx.doc, vocab, fv) if headline else None
    return (country, f"(the headline: {headline})") if country else None


def place_from_article(ctx: FigureContext, vocab, fv: FrameVocabulary, article_place: str | None) -> tuple[str, str] | None:
    """The place inferred for people whose sentence states none in their clause (see
    ``inferred_place``), unless the sentence speaks of the whole country and it is no country's, or
    names another place the figure may be of (see ``names_other_place``)."""
    place = whole_country(ctx, fv, inferred_place(ctx, vocab, fv, article_place))
    return None if place and names_other_place(ctx, vocab, fv, place[0]) else place


def places_before(ctx: FigureContext, vocab, fv: FrameVocabulary) -> bool:
    """True when the sentence of a figure with no place of its own names places before it that do
    not govern its clause ("In Turkije 320 doden, in Syrië 150, en 1.200 gewonden": the injured
    of both, or of either): such a figure is not placed by inference. Places after it ("the toll
    has risen to 133, with 43 in North Rhine-Westphalia") are a total's parts."""
    return bool(open_places(ctx.doc, ctx.sentence[0], ctx.figure[0], vocab.places, fv))


def whole_country(ctx: FigureContext, fv: FrameVocabulary, place: tuple[str, str] | None) -> tuple[str, str] | None:
    """The place inferred for a figure whose sentence speaks of the whole country ("in het hele
    land", "the country's worst disaster"): a country's, never a town's or a region's."""
    if place and fv.whole_country.search(ctx.doc.scan_text, *ctx.sentence) and specificity(place[0], fv) != 0:
        return None
    return place


def with_parenthesis(ctx: FigureContext, vocab) -> FigureContext:
    """A figure in brackets speaks of what the clause before the bracket names: "de evacuaties in
    Roermond (circa 5000 bewoners)" are the context of 5000."""
    text = ctx.doc.scan_text
    before = text[ctx.sentence[0]:ctx.clause[0]].rstrip()
    if not before.endswith("("):
        return ctx
    bracket = ctx.sentence[0] + len(before) - 1
    start = ctx.sentence[0]
    for m in vocab.clause_break.finditer(text, ctx.sentence[0], bracket):
        start = m.end()
    return replace(ctx, clause=(start, ctx.clause[1]))


def adjacent_extra(ctx: FigureContext, fv: FrameVocabulary) -> bool:
    """True when a word of increment stands right against the figure ("nog eens 20", "20 more")."""
    text = ctx.doc.scan_text
    return bool(fv.increment_before.search(text, max(0, ctx.figure[0] - 20), ctx.figure[0])
                or fv.increment_after.match(text, ctx.figure[1]))


def place_of(ctx: FigureContext, parts: dict[str, str], evidence: dict[str, str], vocab,
             fv: FrameVocabulary, people: bool = True) -> tuple[str, str] | None:
    """Where the counted things are: the most specific place the clause names (a town before its
    region, a region before its country; the one after the figure first), else the vocabulary's
    place for the clause, else the most specific place of the sentence's clauses that state no
    figure ("In het district Ahrweiler, ..., werd het dodental bijgesteld"), else the place the
    sentence opens with (see ``governing_place``). Words of a joint
    total ("in both countries", "in totaal") make the place the total of the places named."""
    joint = fv.joint.search(ctx.doc.scan_text, *ctx.clause)
    if joint:
        return "total", joint.group()
    hit = most_specific(clause_places(ctx, vocab, fv), ctx.figure, fv)
    if hit:
        return hit.label, hit.words
    if "place" in parts and parts["place"] != "border":
        return parts["place"], evidence.get("place", "")
    hits = [h for a, b in figureless_clauses(ctx, vocab) for h in open_places(ctx.doc, a, b, vocab.places, fv)]
    hit = most_specific(hits, ctx.figure, fv) or governing_place(ctx, vocab, fv)
    if hit is None and people:  # "evacuated from Bewdley", "de inwoners van Roermond"
        hit = most_specific(open_places(ctx.doc, *ctx.clause, vocab.places, fv, origin=True), ctx.figure, fv)
    return (hit.label, hit.words) if hit else None


def clause_places(ctx: FigureContext, vocab, fv: FrameVocabulary, origin: bool = False) -> list[Hit]:
    """The places named in the figure's clause, a list of places that begins before it included
    ("In Duitsland en België zijn 202 mensen omgekomen": the clause begins at "België"); with
    ``origin``, the places things came from ("evacuated from Aubagne")."""
    hits = [h for h in open_places(ctx.doc, ctx.sentence[0], ctx.clause[1], vocab.places, fv, origin)
            if h.end > ctx.clause[0]]
    return hits if origin else hits + kind_named_places(ctx, vocab, fv, hits)


def kind_named_places(ctx: FigureContext, vocab, fv: FrameVocabulary, found: list[Hit]) -> list[Hit]:
    """Places of the clause that a kind of place names with no preposition of place right before
    it ("40 deaths in one of the hardest hit areas of Passau in Bavaria"): the
    area, not the state around it."""
    text, out = ctx.doc.scan_text, []
    for m in fv.kind_before.finditer(text, ctx.clause[0], ctx.clause[1]):
        name = fv.name.match(text, m.end() - 1, ctx.clause[1])
        ident = place_id(name.group(), vocab.places, fv) if name else None
        if ident and not any(h.start <= name.start() < h.end for h in found):
            out.append(Hit(name.start(), name.end(), ident, name.group()))
    return out


def most_specific(hits: list[Hit], figure: tuple[int, int], fv: FrameVocabulary) -> Hit | None:
    """The place of the smallest kind (a name the gazetteer does not know counts as a town);
    among equals the nearest after the figure, else the nearest."""
    if not hits:
        return None
    rank = {h: specificity(h.label, fv) for h in hits}
    best = max(rank.values())
    hits = [h for h in hits if rank[h] == best]
    after = [h for h in hits if h.start >= figure[1]]
    return nearest_to(after, figure[1]) if after else nearest_to(hits, figure[0])


def specificity(label: str, fv: FrameVocabulary) -> int:
    if JOINT in label:
        return 0
    place = gazetteer(fv.source).lookup(label)
    if place is None or place.id != label:
        return 2
    return {"country": 0, "region": 1}.get(place.kind, 2)


def figureless_clauses(ctx: FigureContext, vocab) -> list[tuple[int, int]]:
    """The clauses of the figure's sentence that hold no digit (a figure in words, "vier
    lichamen", does not count: the measured cost of reading every number word was more lost
    places than gained)."""
    text = ctx.doc.scan_text
    s_start, s_end = ctx.sentence
    bounds = [s_start] + [m.end() for m in vocab.clause_break.finditer(text, s_start, s_end)] + [s_end]
    return [(a, b) for a, b in zip(bounds, bounds[1:])
            if b > a and not (a < ctx.clause[1] and ctx.clause[0] < b) and not DIGIT.search(text, a, b)]


DIGIT = regex.compile(r"\d")


def governing_place(ctx: FigureContext, vocab, fv: FrameVocabulary) -> Hit | None:
    """The place a sentence opens with, before its first figure, for a later clause that names
    none: it governs the clauses after it ("Bij de aardbeving in Turkije kwamen 320 mensen om en
    raakten 1.200 mensen gewond": the injured are in Turkije too). None when a place is named
    between that figure and the clause ("In Turkije 320 doden, in Syrië 150, en 1.200 gewonden")
    or the clause speaks of the whole country ("en in het hele land raakten 5.000 mensen gewond")."""
    text = ctx.doc.scan_text
    first = DIGIT.search(text, ctx.sentence[0], ctx.clause[0])
    if first is None or open_places(ctx.doc, first.start(), ctx.clause[0], vocab.places, fv) \
            or fv.whole_country.search(text, *ctx.clause):
        return None
    return single_most_specific(open_places(ctx.doc, ctx.sentence[0], first.start(), vocab.places, fv), ctx.figure, fv)


def place_before(ctx: FigureContext, vocab, fv: FrameVocabulary) -> tuple[str, str] | None:
    """The place of the sentence right before, in the same paragraph, for a figure whose sentence
    names none: "A coach overturned on the A1 near Durham. Twenty passengers were injured." Its
    one most specific place; none when it names two of one kind, or when the figure's sentence
    names a place in other words ("Het plaatsje Pepinster is ...", "the country's worst")."""
    before = sentence_before(ctx)
    if before is None or fv.whole_country.search(ctx.doc.scan_text, *ctx.sentence) or names_a_place(ctx, vocab, fv):
        return None
    hit = single_most_specific(open_places(ctx.doc, *before, vocab.places, fv), ctx.figure, fv)
    return (hit.label, f"{hit.words} (the sentence before)") if hit else None


def same_event_before(ctx: FigureContext, fv: FrameVocabulary) -> bool:
    """True when the figure's sentence and the one before name one kind of event ("the blaze near
    Castelo Branco ... The wildfire has burned 8,500 hectares"): a thing counted is that event's."""
    cause = cause_of(ctx, fv)
    before = sentence_before(ctx)
    return bool(cause and before and any(h.label == cause.label for h in fv.causes.find(ctx.doc.scan_text, *before)))


def names_a_place(ctx: FigureContext, vocab, fv: FrameVocabulary) -> bool:
    """True when the sentence names a place by a name after its first word, with or without a
    preposition: one the gazetteer knows, or any after a kind of place ("Het plaatsje Pepinster
    is een van de zwaarst getroffen gebieden")."""
    text, places = ctx.doc.scan_text, gazetteer(fv.source)
    if fv.kind_before.search(text, *ctx.sentence):
        return True
    return any(m.start() > ctx.sentence[0] and (vocab.places.find(m.group()) or places.lookup(m.group()))
               for m in fv.name.finditer(text, *ctx.sentence))


def names_other_place(ctx: FigureContext, vocab, fv: FrameVocabulary, label: str) -> bool:
    """True when the sentence of a figure with no place in its clause names a place other than
    ``label``, the one inferred from the rest of the article, and not inside it: in other words
    ("Het dorp Hamoir is zwaar getroffen: daar vielen vijf doden"), or by a name the
    vocabulary or the gazetteer knows. The figure may be that place's, so it takes none from
    elsewhere. Names after a later figure of the sentence are that figure's ("has risen to 90,
    with 30 in Saxony"); a region of the inferred country is a part of it ("the
    floods that mostly hit Wallonia have killed 16 people")."""
    text, places = ctx.doc.scan_text, gazetteer(fv.source)
    later = DIGIT.search(text, ctx.figure[1], ctx.sentence[1])
    end = later.start() if later else ctx.sentence[1]
    if fv.kind_before.search(text, ctx.sentence[0], end):
        return True
    for m in fv.name.finditer(text, ctx.sentence[0] + 1, end):
        known = vocab.places.find(m.group())
        if known:
            if known[0].label != label:
                return True
            continue
        found = places.lookup(m.group())
        country = places.country(found.country) if found and found.country else None
        if found and found.id != label and not (country and country.id == label):
            return True
    return False


def single_most_specific(hits: list[Hit], figure: tuple[int, int], fv: FrameVocabulary) -> Hit | None:
    """The most specific of the places, when no other place of its kind is named beside it."""
    hit = most_specific(hits, figure, fv)
    if hit is None:
        return None
    rank = specificity(hit.label, fv)
    return hit if all(h.label == hit.label for h in hits if specificity(h.label, fv) == rank) else None


def again(ctx: FigureContext, parts: dict[str, str], evidence: dict[str, str], inferred: list[str], vocab,
          fv: FrameVocabulary) -> Frame:
    """The frame of a bare figure that speaks of the previous figure's people again ("19 people
    have died and dozens are missing", "130 dead in Germany and 150 across Europe"): their
    predicate and place unless its own clause names others."""
    out, ev, inf = dict(parts), dict(evidence), list(inferred)
    predicate = predicate_near(ctx.doc, *ctx.clause, ctx.figure, fv)
    if predicate is not None:
        out["predicate"], ev["predicate"] = predicate.label, predicate.words
    joint = fv.joint.search(ctx.doc.scan_text, *ctx.clause)
    hit = None if joint else most_specific(clause_places(ctx, vocab, fv), ctx.figure, fv) or \
        most_specific(clause_places(ctx, vocab, fv, origin=True), ctx.figure, fv)  # "and 800 from Cassis"
    if joint or hit:
        out["place"], ev["place"] = ("total", joint.group()) if joint else (hit.label, hit.words)
        inf = [p for p in inf if p != "place"]
    running = running_words(ctx.doc, *ctx.clause, fv) or \
        (out.get("predicate") in fv.running_classes and ev.get("predicate")) or None
    return Frame(out, ev, inf, running, True)


def leading_open_place(doc: Document, vocab, fv: FrameVocabulary) -> str | None:
    """The place the article names most often after a preposition of place, if one clearly leads."""
    analysis = Analysis.of(doc)

    def work() -> str | None:
        return leader(Counter(h.label for h in open_places(analysis, 0, len(doc.scan_text), vocab.places, fv)
                              if JOINT not in h.label))
    return analysis.remember(("leading_open_place", fv.language), work)


def cause_of(ctx: FigureContext, fv: FrameVocabulary) -> Hit | None:
    """The kind of event a figure is of, named in its clause, else its sentence ("bij een brand",
    "the earthquake in Japan killed"): the nearest; none when the text names none."""
    text = ctx.doc.scan_text
    hits = fv.causes.find(text, *ctx.clause) or fv.causes.find(text, *ctx.sentence)
    return nearest_to(hits, ctx.figure[0])


__all__ = ["Frame", "again", "quantity_frame"]
