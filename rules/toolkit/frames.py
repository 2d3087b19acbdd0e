"""Frames: what a figure counts and what happened to it, read from the words of its clause.

"Het noodweer heeft aan 42 mensen het leven gekost" and "42 people died" are one frame: people
(the counted noun), died (the predicate), wherever the clause places them. The predicate comes
from the lemma of a word of the clause ("omgekomen" -> omkomen -> died) through the classes of
``data/<language>/frames.toml``; a counted noun that no concept of the vocabulary knows is
keyed by its own lemma ("households", "huishoudens" -> huishouden); a place after a preposition
of place is looked up in the gazetteer, and a name it does not know is still a place of its own
("in Schuld"). A figure of a tally word or predicate ("het dodental is opgelopen tot", "so far",
died) is a running tally: it moves on from one report to the next.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import regex

from checker.articles import Document
from checker.rules.lexicon import Hit, Language, Lexicon, data_cache, load_data, month_names, phrase_pattern, words_pattern
from checker.rules.toolkit.gazetteer import gazetteer, slug
from checker.rules.toolkit.lemmas import lemma

WORD = regex.compile(r"\p{L}[\p{L}\-'’]*")
NOUN_REACH = 2  # words: the counted noun is at most this many words after the figure
HEAD_LENGTH = 4  # letters: the shortest form a compound may end with and take its predicate from
JOINT = " & "  # joins the places of a joint total: "in Duitsland en België" -> belgium & germany


@dataclass(frozen=True)
class FrameVocabulary:
    """The frame data of one language."""

    language: str
    source: Language  # the language and additions it was built from, for the gazetteer
    predicate_of: dict[str, str]
    predicate_phrases: Lexicon
    running_classes: frozenset[str]
    running_words: regex.Pattern
    people: dict[str, str]
    people_concepts: dict[str, str]
    tallies: Lexicon
    open_place: regex.Pattern
    not_places: frozenset[str]
    joint: regex.Pattern
    compounds: bool
    transparent: frozenset[str]
    determiners: frozenset[str]
    measure_stops: frozenset[str]
    people_predicates: frozenset[str]
    increment_before: regex.Pattern
    increment_after: regex.Pattern

    def predicate(self, word: str) -> str | None:
        """The predicate class of one word, by its form or its lemma, or for a compound by the
        form it ends with ("griepprik" -> prik -> vaccinated)."""
        low = word.lower()
        found = self.predicate_of.get(low) or self.predicate_of.get(lemma(low, self.language))
        if found or not self.compounds:
            return found
        for i in range(1, len(low) - HEAD_LENGTH + 1):
            if low[i:] in self.predicate_of:
                return self.predicate_of[low[i:]]
        return None


@data_cache
def frame_vocabulary(language: Language) -> FrameVocabulary:
    data = load_data(language, "frames") or load_data(language.other("nl"), "frames")
    single, phrases = {}, {}
    for label, forms in data.get("predicates", {}).items():
        for form in forms:
            if " " in form:
                phrases.setdefault(label, []).append(form)
            else:
                single.setdefault(form.lower(), label)
    grammar = data.get("grammar", {})
    prepositions = "|".join(regex.escape(p) for p in grammar.get("place_prepositions", [])) or "(?!)"
    kinds = "|".join(regex.escape(p) for p in grammar.get("place_kinds", [])) or "(?!)"
    name = r"\p{Lu}[\p{L}\-'’]+(?:[ \-]\p{Lu}[\p{L}\-'’]+){0,2}"
    return FrameVocabulary(
        language=language.code,
        source=language,
        predicate_of=single,
        predicate_phrases=Lexicon(phrases),
        running_classes=frozenset(data.get("running", {}).get("classes", [])),
        running_words=words_pattern(data.get("running", {}).get("words", [])),
        people={k.lower(): v for k, v in data.get("people", {}).items()},
        people_concepts=dict(data.get("people_concepts", {})),
        tallies=Lexicon(data.get("tallies", {})),
        open_place=regex.compile(
            rf"(?<![\p{{L}}])(?i:{prepositions})\s+(?:(?i:de|het|the)\s+)?(?:\p{{Ll}}[\p{{L}}\-]*\s+|[\p{{L}}\-]+\s+(?=(?i:{kinds})\s))?"
            rf"(?:(?i:{kinds})\s+(?:(?i:of)\s+)?)?(?P<names>{name}"
            rf"(?:(?:\s*,\s*|\s+(?:en|and)\s+){name}){{0,3}})"),
        not_places=frozenset(w.lower() for w in grammar.get("not_places", [])) | frozenset(month_names(language.code)),
        joint=words_pattern(grammar.get("joint", [])),
        compounds=bool(grammar.get("compounds", False)),
        transparent=frozenset(w.lower() for w in grammar.get("transparent", [])),
        determiners=frozenset(w.lower() for w in grammar.get("determiners", [])),
        measure_stops=frozenset(w.lower() for w in grammar.get("measure_stops", [])),
        people_predicates=frozenset(grammar.get("people_predicates", [])),
        increment_before=words_pattern(grammar.get("increment_before", []), r"\s+\Z"),
        increment_after=regex.compile(rf"\s+(?:{phrase_pattern(grammar.get('increment_after', [])) or '(?!)'})(?![\p{{L}}])",
                                      regex.I),
    )


def nearest_to(hits: list[Hit], position: int) -> Hit | None:
    """The hit nearest a position; one after it wins a tie."""
    def gap(h: Hit) -> int:
        return h.start - position if h.start >= position else position - h.end
    return min(hits, key=lambda h: (gap(h), h.start < position), default=None)


def predicates_in(doc: Document, start: int, end: int, fv: FrameVocabulary, skip: tuple[int, int]) -> list[Hit]:
    """Every word or phrase of ``start..end`` that names a predicate, outside ``skip`` (the figure)."""
    text = doc.scan_text
    hits = [h for h in fv.predicate_phrases.find(text, start, end) if not skip[0] <= h.start < skip[1]]
    for m in WORD.finditer(text, start, end):
        if skip[0] <= m.start() < skip[1]:
            continue
        label = fv.predicate(m.group())
        if label:
            hits.append(Hit(m.start(), m.end(), label, m.group()))
    return hits


def predicate_near(doc: Document, start: int, end: int, figure: tuple[int, int], fv: FrameVocabulary) -> Hit | None:
    """The predicate of a figure: the nearest word of its clause that names one."""
    return nearest_to(predicates_in(doc, start, end, fv, figure), figure[0])


def counted_noun(doc: Document, figure_end: int, limit: int, function_words: frozenset[str],
                 transparent: frozenset[str] = frozenset()) -> Hit | None:
    """The noun a figure counts when no concept names it: the first word after the figure that
    is no function word, within a couple of words, labelled with its lemma ("huishoudens").
    ``transparent`` words are passed over ("43 confirmed deaths", "officiële cijfers")."""
    text = doc.scan_text
    for i, m in enumerate(WORD.finditer(text, figure_end, limit)):
        if i >= NOUN_REACH or PUNCT.search(text, figure_end, m.start()):
            return None
        word = m.group()
        if CUT_OFF.match(text, m.end()):
            return None  # a word the text's source cut off: "12 sch.."
        if word.lower() in function_words or word.lower() in transparent or word[:1].isupper():
            continue
        return Hit(m.start(), m.end(), word.lower(), word)
    return None


def measured_noun(ctx: FigureContext, fv: FrameVocabulary, function_words: frozenset[str]) -> Hit | None:
    """What an amount with a unit measures, named before it: the last word of the first noun
    phrase a determiner opens in the figure's clause ("De totale verzekerde schade door ... is
    100 miljoen euro": schade; "Het begrotingstekort komt dit jaar uit op": not jaar), else of
    the phrase that opens the clause ("Turnout was 78 percent"). A phrase ends at a function word, a verb of being or amounting, a name or a
    predicate."""
    text = ctx.doc.scan_text
    phrases: list[tuple[bool, list[regex.Match]]] = []
    opened, current = False, []
    for i, m in enumerate(WORD.finditer(text, ctx.clause[0], ctx.figure[0])):
        word = m.group()
        low = word.lower()
        if low in fv.determiners:
            phrases.append((opened, current))
            opened, current = True, []
            continue
        stop = low in function_words or lemma(low, fv.language) in fv.measure_stops or fv.predicate(low) \
            or (word[:1].isupper() and i > 0) or low in fv.transparent
        if stop:
            phrases.append((opened, current))
            opened, current = False, []
            continue
        if i == 0 or current or opened:
            current.append(m)
    phrases.append((opened, current))
    chosen = [ms for opened, ms in phrases if opened and ms] or [ms for _, ms in phrases[:1] if ms]
    if not chosen:
        return None
    head = chosen[0][-1]
    return Hit(head.start(), head.end(), head.group().lower(), head.group())


PUNCT = regex.compile(r"[.,;:!?()]")
CUT_OFF = regex.compile(r"\.\.|…")
POSSESSIVE = regex.compile(r"['’]s?$")


def open_places(doc: Document, start: int, end: int, vocab_places: Lexicon, fv: FrameVocabulary) -> list[Hit]:
    """Places named after a preposition of place in ``start..end``, known to the gazetteer or
    not; a list of places ("in Duitsland en België") is one joint place."""
    text = doc.scan_text
    out = []
    for m in fv.open_place.finditer(text, start, end):
        names = [POSSESSIVE.sub("", n) for n in regex.split(r"\s*,\s*|\s+(?:en|and)\s+", m.group("names")) if n]
        ids = [place_id(n, vocab_places, fv) for n in names]
        ids = [i for i in ids if i]
        if not ids:
            continue
        label = JOINT.join(sorted(set(ids)))
        out.append(Hit(m.start("names"), m.end("names"), label, m.group("names")))
    return out


def place_id(name: str, vocab_places: Lexicon, fv: FrameVocabulary) -> str | None:
    """The id of a place name: the vocabulary's label, the gazetteer's id, or the name's own slug."""
    low = name.lower()
    if low in fv.not_places or low.split()[0] in fv.not_places:
        return None
    known = vocab_places.find(name)
    if known and known[0].start == 0 and known[0].end == len(name):
        return known[0].label
    place = gazetteer(fv.source).lookup(name)
    return place.id if place else slug(name) or None


def running_words(doc: Document, start: int, end: int, fv: FrameVocabulary) -> str | None:
    """The words of a clause that make its figure a tally so far ("inmiddels", "has risen to")."""
    m = fv.running_words.search(doc.scan_text, start, end)
    return m.group() if m else None


@dataclass(frozen=True)
class Frame:
    """The key parts of a figure of people or of an open noun, with their evidence."""

    parts: dict[str, str]
    evidence: dict[str, str]
    inferred: list[str]
    running: str | None
    keyed: bool


IMPLIED_QUALIFIERS = frozenset({"killed", "wounded", "fled"})  # a predicate says these already
YEAR = regex.compile(r"(?<![\p{N}\p{L}])(1[89]\d\d|20\d\d)(?![\p{N}\p{L}])")



@dataclass(frozen=True)
class FigureContext:
    """What a frame is read from: the figure, its clause and sentence, the article's year."""

    doc: Document
    figure: tuple[int, int]
    clause: tuple[int, int]
    sentence: tuple[int, int]
    has_unit: bool
    earlier_place: tuple[str, str] | None = None  # the place of the article's last figure of people


def what_is_counted(ctx: FigureContext, concept: Hit | None, fv: FrameVocabulary,
                    function_words: frozenset[str]) -> tuple[str, str, str] | None:
    """What a figure of people or of an open noun counts: (label, words, implied predicate);
    None when a concept of the vocabulary that counts no people names it, or nothing does."""
    if concept is not None:
        if concept.label in fv.people_concepts:
            return "people", concept.words, fv.people_concepts[concept.label]
        return None
    if ctx.has_unit:  # "De totale verzekerde schade ... is 100 miljoen euro": what the amount measures
        noun = measured_noun(ctx, fv, function_words) or \
            measured_noun(replace(ctx, clause=(ctx.sentence[0], ctx.clause[1])), fv, function_words)
        return (lemma(noun.label, fv.language), noun.words, "") if noun else None
    text = ctx.doc.scan_text
    tallies = [h for h in fv.tallies.find(text, ctx.clause[0], ctx.figure[0])]
    if tallies:  # "het dodental is opgelopen tot 42"
        return "people", tallies[-1].words, tallies[-1].label
    noun = counted_noun(ctx.doc, ctx.figure[1], min(ctx.clause[1], ctx.figure[1] + 60), function_words, fv.transparent)
    if noun is None:  # "which has killed at least 170 in Germany": what happened says people
        predicate = predicate_near(ctx.doc, *ctx.clause, ctx.figure, fv)
        if predicate is not None and predicate.label in fv.people_predicates:
            return "people", predicate.words, predicate.label
        return None
    base = lemma(noun.label, fv.language)
    if base in fv.people or noun.label in fv.people:
        return "people", noun.words, fv.people.get(base, fv.people.get(noun.label, ""))
    if fv.predicate(noun.label):  # "20 missing", "110 dead": the predicate counts people
        return "people", noun.words, fv.predicate(noun.label)
    return base, noun.words, ""


def quantity_frame(ctx: FigureContext, concept: Hit | None, parts: dict[str, str], evidence: dict[str, str],
                   vocab, fv: FrameVocabulary, article_place: str | None) -> Frame | None:
    """The key of a figure of people ("42 mensen zijn omgekomen in Verviers": people/died/in
    verviers) or of a noun no concept knows ("12.000 huishoudens zonder stroom in Luik"); None
    for the vocabulary's own concepts, whose key stands as the rule made it.

    People are keyed only with a predicate and a place (the clause's, else that of the
    article's last figure of people, else the article's leading place, marked as inferred); an open noun only with a place or actor its sentence
    states. A year of the clause before the article's own ("de ramp van 1953") is part of the
    key: another event, not an earlier figure of this one."""
    counted = what_is_counted(ctx, concept, fv, vocab.function_words)
    if counted is None:
        return None
    label, words, implied = counted
    people = label == "people"
    out = {k: v for k, v in parts.items() if k in ("unit", "qualifier")}
    ev = {k: v for k, v in evidence.items() if k in out}
    out["concept"], ev["concept"] = label, words
    predicate = predicate_near(ctx.doc, *ctx.clause, ctx.figure, fv)
    if predicate is not None:
        out["predicate"], ev["predicate"] = predicate.label, predicate.words
    elif implied:
        out["predicate"], ev["predicate"] = implied, f"{words} (what the noun says)"
    if people and "qualifier" in out:
        kept = [q for q in out["qualifier"].split("+") if q not in IMPLIED_QUALIFIERS]
        out.pop("qualifier"), ev.pop("qualifier", None)
        if kept:
            out["qualifier"], ev["qualifier"] = "+".join(kept), evidence.get("qualifier", "")
    inferred: list[str] = []
    place = place_of(ctx, parts, evidence, vocab, fv)
    if people and place and not adjacent_extra(ctx, fv) and "extra" in out.get("qualifier", "").split("+"):
        # "another 20 missing" after "20 dead", "Another 31 died in Belgium" after Germany's toll:
        # the next figure of a list, not more of the same
        kept = [q for q in out.pop("qualifier").split("+") if q != "extra"]
        ev.pop("qualifier", None)
        if kept:
            out["qualifier"], ev["qualifier"] = "+".join(kept), evidence.get("qualifier", "")
    if place is None and people and "actor" in parts and parts["actor"] in vocab.countries:
        place = (parts["actor"], evidence.get("actor", ""))  # "the German death toll"
    if place is None and not people and "actor" in parts:
        out["actor"], ev["actor"] = parts["actor"], evidence.get("actor", "")
    if place is None and people and ctx.earlier_place and "predicate" in out:
        place = (ctx.earlier_place[0], f"(as earlier in the article: {ctx.earlier_place[1]})")
        inferred.append("place")
    article_place = article_place or leading_open_place(ctx.doc, vocab, fv)
    if place is None and people and article_place and "predicate" in out:
        place = (article_place, "(the place the article is mostly about)")
        inferred.append("place")
    if place is not None:
        out["place"], ev["place"] = place
    year = past_year(ctx)
    if year:
        out["year"], ev["year"] = year, year
    stated_where = "place" in out and "place" not in inferred or "actor" in out
    keyed = ("predicate" in out and "place" in out) if people else stated_where
    running = running_words(ctx.doc, *ctx.clause, fv) or \
        (out.get("predicate") in fv.running_classes and ev.get("predicate")) or None
    return Frame(out, ev, inferred, running if "predicate" in out else None, keyed)


def adjacent_extra(ctx: FigureContext, fv: FrameVocabulary) -> bool:
    """True when a word of increment stands right against the figure ("nog eens 20", "20 more")."""
    text = ctx.doc.scan_text
    return bool(fv.increment_before.search(text, max(0, ctx.figure[0] - 20), ctx.figure[0])
                or fv.increment_after.match(text, ctx.figure[1]))


def place_of(ctx: FigureContext, parts: dict[str, str], evidence: dict[str, str], vocab,
             fv: FrameVocabulary) -> tuple[str, str] | None:
    """Where the counted things are: the most specific place the clause names (a town before its
    region, a region before its country; the one after the figure first), else the vocabulary's
    place for the clause, else the most specific place of the sentence's clauses that state no
    figure ("In het district Ahrweiler, ..., werd het dodental bijgesteld"). Words of a joint
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
    hit = most_specific(hits, ctx.figure, fv)
    return (hit.label, hit.words) if hit else None


def clause_places(ctx: FigureContext, vocab, fv: FrameVocabulary) -> list[Hit]:
    """The places named in the figure's clause, a list of places that begins before it included
    ("In Duitsland en België zijn 202 mensen omgekomen": the clause begins at "België")."""
    return [h for h in open_places(ctx.doc, ctx.sentence[0], ctx.clause[1], vocab.places, fv) if h.end > ctx.clause[0]]


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
    hit = None if joint else most_specific(clause_places(ctx, vocab, fv), ctx.figure, fv)
    if joint or hit:
        out["place"], ev["place"] = ("total", joint.group()) if joint else (hit.label, hit.words)
        inf = [p for p in inf if p != "place"]
    running = running_words(ctx.doc, *ctx.clause, fv) or \
        (out.get("predicate") in fv.running_classes and ev.get("predicate")) or None
    return Frame(out, ev, inf, running, True)


def leading_open_place(doc: Document, vocab, fv: FrameVocabulary) -> str | None:
    """The place the article names most often after a preposition of place, if one clearly leads."""
    key = ("leading_open_place", fv.language)
    if key not in doc.memo:
        counts = Counter(h.label for h in open_places(doc, 0, len(doc.scan_text), vocab.places, fv) if JOINT not in h.label)
        doc.memo[key] = leader(counts)
    return doc.memo[key]


def leader(counts: Counter) -> str | None:
    """The label that clearly leads a count (by a quarter), if any."""
    ranked = counts.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[1][1] * 1.25 >= ranked[0][1]:
        return None
    return ranked[0][0]


def past_year(ctx: FigureContext) -> str | None:
    """A year the clause names that lies before the article's own year."""
    own = ctx.doc.article.date.start.year if ctx.doc.article.date else ctx.doc.article.year
    if own is None:
        return None
    for m in YEAR.finditer(ctx.doc.scan_text, *ctx.clause):
        if (ctx.figure[0] <= m.start() < ctx.figure[1]):
            continue
        if int(m.group(1)) < own:
            return m.group(1)
    return None


__all__ = ["FigureContext", "Frame", "again", "FrameVocabulary", "JOINT", "counted_noun", "frame_vocabulary", "open_places",
           "predicate_near", "quantity_frame", "running_words"]
