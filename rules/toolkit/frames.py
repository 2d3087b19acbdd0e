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

from bisect import bisect_left
from dataclasses import dataclass, field

import regex

from checker.rules.toolkit.analysis import Analysis, Document
from checker.rules.toolkit.context import attribution_spans
from checker.rules.toolkit.lexicon import (Hit, Language, Lexicon, data_cache, ending_at, load_data, month_names, phrase_pattern,
                                   words_pattern)
from checker.rules.toolkit.gazetteer import gazetteer, slug
from checker.rules.toolkit.lemmas import lemma
from checker.rules.toolkit.persons import known_word, subject_name
from checker.rules.toolkit.frame_places import LIST_ADJECTIVE, FrameWords, inner_place, place_patterns
from checker.rules.toolkit.frame_whose import forecasters
from checker.rules.toolkit.frame_verbs import MEASURE_REACH, clause_particles, equated, measure_stop
from checker.rules.toolkit.vocabulary import frames_data

WORD = regex.compile(r"\p{L}[\p{L}\-'’]*")
NOUN_REACH = 2  # words: the counted noun is at most this many words after the figure
NAME_REACH = 3  # capitalised words between a figure and its noun, not counted in NOUN_REACH
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
    noun_classes: dict[str, str]  # lemma of an open noun -> the name it shares with the other language
    tallies: Lexicon
    open_place: regex.Pattern
    causes: Lexicon  # the kinds of event a figure may be of: a fire, a road accident, a flood
    keying_events: frozenset[str]  # kinds of event that key a measure with no place or actor: an election
    year_to_date: regex.Pattern
    last_year: regex.Pattern  # "vorig jaar", "last year": the year before the article's
    next_year: regex.Pattern  # "volgend jaar", "next year": the year after the article's
    back_reference: regex.Pattern  # a clause's opening word that refers back to a time: "(in 1992,) when"
    identity: regex.Pattern  # a verb of being and the word after it: "(slachtoffers) waren brandweerlieden"
    plural: regex.Pattern  # a plural noun, no participle: "brandweerlieden", not "gevonden" or "trapped"
    inflected: regex.Pattern  # a word that heads no noun phrase when it is inflected: "published", "latest"
    participle: regex.Pattern  # a past participle: "culled", "geruimd"
    kind_after: regex.Pattern  # a kind of place right after a name: "the Ahrweiler district"
    kind_before: regex.Pattern  # a kind of place right before a name: "het plaatsje Pepinster"
    within: regex.Pattern  # a place inside the named one, before it: "in a collapsed hotel " (in Marrakesh)
    governing: frozenset[str]  # prepositions: a noun phrase after one is no subject
    possessing: frozenset[str]  # verbs that end a phrase but make no amount the noun's measure: "has"
    origin_place: regex.Pattern  # "evacuated from Bewdley": a place when the clause names no other
    preposition_before_name: regex.Pattern  # "in Zeeland ", "in Ter Apel " before a figure: a place, not a name with a number
    not_places: frozenset[str]
    joint: regex.Pattern
    whole_country: regex.Pattern  # a place named by no name: "the country's worst disaster", "in ons land"
    home_country: regex.Pattern  # the article's own country: "in ons land", "in our country"
    compounds: bool
    transparent: frozenset[str]
    determiners: frozenset[str]
    measure_stops: frozenset[str]
    people_predicates: frozenset[str]
    predicate_qualifiers: frozenset[str]  # qualifiers a predicate of people says already: "killed"
    time_nouns: frozenset[str]
    phrase_ends: frozenset[str]
    measure_of: frozenset[str]
    population_nouns: frozenset[str]
    particles: frozenset[str]
    measure_before: regex.Pattern
    not_measures: frozenset[str]
    noun_stops: frozenset[str]
    ratio: regex.Pattern
    increment_before: regex.Pattern
    increment_after: regex.Pattern
    name: regex.Pattern  # a name of one or more capitalised words: "the Party for Freedom"
    determined: regex.Pattern  # an article right before a name: "in the European elections"
    list_split: regex.Pattern  # between the names of a list of places: "Duitsland en België"
    known: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)  # word -> predicate

    def predicate(self, word: str) -> str | None:
        """The predicate class of one word, by its form or its lemma, or for a compound by the
        form it ends with ("griepprik" -> prik -> vaccinated)."""
        low = word.lower()
        if low in self.known:
            return self.known[low]
        self.known[low] = found = self._predicate(low)
        return found

    def _predicate(self, low: str) -> str | None:
        found = self.predicate_of.get(low) or self.predicate_of.get(lemma(low, self.language))
        if found or not self.compounds:
            return found
        for i in range(1, len(low) - HEAD_LENGTH + 1):
            if low[i:] in self.predicate_of:
                return self.predicate_of[low[i:]]
        return None


@data_cache
def frame_vocabulary(language: Language) -> FrameVocabulary:
    data = frames_data(language)
    single, phrases = {}, {}
    for label, forms in data.get("predicates", {}).items():
        for form in forms:
            if " " in form:
                phrases.setdefault(label, []).append(form)
            else:
                single.setdefault(form.lower(), label)
    grammar = data.get("grammar", {})
    words = FrameWords.of(grammar, (load_data(language, "vocabulary") or load_data(language.other("nl"), "vocabulary"))
                          .get("grammar", {}))
    return FrameVocabulary(
        language=language.code,
        source=language,
        predicate_of=single,
        predicate_phrases=Lexicon(phrases),
        running_classes=frozenset(data.get("running", {}).get("classes", [])),
        running_words=words_pattern(data.get("running", {}).get("words", [])),
        people={k.lower(): v for k, v in data.get("people", {}).items()},
        people_concepts=dict(data.get("people_concepts", {})), noun_classes={k.lower(): v for k, v in data.get("nouns", {}).items()},
        tallies=Lexicon(data.get("tallies", {})),
        possessing=frozenset(grammar.get("possessing", [])),
        governing=frozenset(w.lower() for key in ("place_prepositions", "phrase_ends", "origin_prepositions",
                                                  "other_prepositions") for w in grammar.get(key, [])),
        causes=Lexicon(data.get("causes", {}), compounds="head" if grammar.get("compounds") else "none"),
        keying_events=frozenset(grammar.get("keying_events", [])),
        year_to_date=words_pattern(grammar.get("year_to_date", [])),
        last_year=words_pattern(grammar.get("last_year", [])),
        next_year=words_pattern(grammar.get("next_year", [])),
        back_reference=regex.compile(rf"[\s,;]*(?i:{phrase_pattern(grammar.get('back_references', [])) or '(?!)'})(?![\p{{L}}])"),
        identity=regex.compile(rf"\s+(?i:{phrase_pattern(grammar.get('copulas', [])) or '(?!)'})\s+(\p{{Ll}}[\p{{L}}\-]*)(?=[\s,.;:]|$)"),
        plural=regex.compile(grammar.get("plural", "(?!)")),
        inflected=regex.compile(grammar.get("inflected_no_head", "(?!)")), participle=regex.compile(grammar.get("participle", "(?!)")),
        **place_patterns(grammar, words),
        not_places=frozenset(w.lower() for w in grammar.get("not_places", [])) | frozenset(month_names(language.code)),
        joint=words_pattern(grammar.get("joint", [])),
        whole_country=words_pattern(grammar.get("whole_country", [])), home_country=words_pattern(grammar.get("home_country", [])),
        compounds=bool(grammar.get("compounds", False)),
        transparent=frozenset(w.lower() for w in grammar.get("transparent", [])),
        determiners=frozenset(w.lower() for w in grammar.get("determiners", [])),
        measure_stops=frozenset(w.lower() for w in grammar.get("measure_stops", [])),
        people_predicates=frozenset(grammar.get("people_predicates", [])),
        predicate_qualifiers=frozenset(grammar.get("predicate_qualifiers", [])),
        time_nouns=frozenset(grammar.get("time_nouns", [])),
        phrase_ends=frozenset(grammar.get("phrase_ends", [])),
        measure_of=frozenset(grammar.get("measure_of", [])),
        population_nouns=frozenset(grammar.get("population_nouns", [])),
        particles=frozenset(grammar.get("particles", [])),
        not_measures=frozenset(grammar.get("not_measures", [])),
        noun_stops=frozenset(grammar.get("noun_stops", [])),
        measure_before=ending_at(rf"(\p{{Ll}}[\p{{L}}\-]+)\s+(?:{phrase_pattern(grammar.get('measure_of', [])) or '(?!)'})\s+\Z"),
        ratio=regex.compile(rf"\s+(?:{phrase_pattern(grammar.get('ratio_joiners', [])) or '(?!)'})\s+(?=[\p{{N}}\p{{L}}])", regex.I),
        increment_before=words_pattern(grammar.get("increment_before", []), r"\s+\Z"),
        increment_after=regex.compile(rf"\s+(?:{phrase_pattern(grammar.get('increment_after', [])) or '(?!)'})(?![\p{{L}}])",
                                      regex.I),
        name=regex.compile(rf"\p{{Lu}}[\p{{L}}\-'’]*(?:\s+(?:(?:{words.name_joiners})\s+)?\p{{Lu}}[\p{{L}}\-'’]*)*"),
        determined=regex.compile(rf"(?i:\s(?:{words.articles})\s+)\Z"),
        list_split=regex.compile(rf"\s*,\s*|\s+(?:{words.list_joiners})\s+{LIST_ADJECTIVE}"),
    )


def nearest_to(hits: list[Hit], position: int) -> Hit | None:
    """The hit nearest a position; one after it wins a tie."""
    def gap(h: Hit) -> int:
        return h.start - position if h.start >= position else position - h.end
    return min(hits, key=lambda h: (gap(h), h.start < position), default=None)


@dataclass(frozen=True)
class Words:
    """An article's words, each with the predicate it names, found once and looked up by range."""

    starts: list[int]
    matches: list[regex.Match]
    labels: list[str | None]
    particles: list[int]  # indexes of the words that may be particles of a separable verb

    @classmethod
    def of(cls, doc: Document, fv: FrameVocabulary) -> "Words":
        analysis = Analysis.of(doc)

        def work() -> Words:
            matches = analysis.words
            return cls([m.start() for m in matches], matches, [fv.predicate(m.group()) for m in matches],
                       [i for i, m in enumerate(matches) if m.group().lower() in fv.particles])
        return analysis.remember(("frame words", fv.language), work)

    def span(self, start: int, end: int) -> range:
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))


def predicates_in(doc: Document, start: int, end: int, fv: FrameVocabulary, skip: tuple[int, int]) -> list[Hit]:
    """Every word or phrase of ``start..end`` that names a predicate, outside ``skip`` (the figure)."""
    text = doc.scan_text
    hits = [h for h in fv.predicate_phrases.find(text, start, end) if not skip[0] <= h.start < skip[1]]
    words = Words.of(doc, fv)
    inside = words.span(start, end)
    for i in inside:
        m = words.matches[i]
        if skip[0] <= m.start() < skip[1] or m.end() > end:
            continue
        if words.labels[i]:
            hits.append(Hit(m.start(), m.end(), words.labels[i], m.group()))
    particles = [words.matches[i] for i in words.particles[bisect_left(words.particles, inside.start):
                                                           bisect_left(words.particles, inside.stop)]]
    for p in particles:  # a separable verb: "kwamen ... om" is omkomen
        if skip[0] <= p.start() < skip[1] or p.end() > end:
            continue
        for i in inside:
            m = words.matches[i]
            if m.end() >= p.start():
                break
            if words.labels[i] or skip[0] <= m.start() < skip[1]:
                continue
            label = fv.predicate_of.get(p.group().lower() + lemma(m.group().lower(), fv.language))
            if label:
                hits.append(Hit(m.start(), p.end(), label, f"{m.group()} ... {p.group()}"))
    return hits


def predicate_near(doc: Document, start: int, end: int, figure: tuple[int, int], fv: FrameVocabulary,
                   noun: str | None = None) -> Hit | None:
    """The predicate of a figure: the nearest word of its clause that names one, the counted
    ``noun`` itself only when no other does ("4000 inwoners moesten hun huis uit": evacuated)."""
    hits = predicates_in(doc, start, end, fv, figure)
    others = [h for h in hits if h.words.lower() != (noun or "").lower()]
    return nearest_to(others or hits, figure[0])


def counted_noun(doc: Document, figure_end: int, limit: int, function_words: frozenset[str],
                 transparent: frozenset[str] = frozenset(), stops: frozenset[str] = frozenset()) -> Hit | None:
    """The noun a figure counts when no concept names it: the first word after the figure that
    is no function word, within a couple of words, a name of up to three words not counted ("27
    Premier League goals"). ``transparent`` words are passed over ("43 confirmed deaths",
    "officiële cijfers"); a preposition or adverb of ``stops`` ends it ("2.3 seconds behind")."""
    text = doc.scan_text
    found, i, names = None, 0, 0
    for m in WORD.finditer(text, figure_end, limit):
        word = m.group()
        low = word.lower()
        if found is not None:
            break
        if i >= NOUN_REACH or names > NAME_REACH or PUNCT.search(text, figure_end, m.start()):
            return None
        if CUT_OFF.match(text, m.end()):
            return None  # a word the text's source cut off: "12 sch.."
        if word[:1].isupper():
            names += 1
            continue
        i += 1
        if low in function_words or low in transparent:
            continue
        if low in stops:
            return None  # "on lap 64 after a clash"
        found = Hit(m.start(), m.end(), low, word)
    return found


def measured_noun(ctx: FigureContext, fv: FrameVocabulary, function_words: frozenset[str]) -> Hit | None:
    """What an amount with a unit measures, named before it: the last word of the noun phrase a
    determiner opens nearest before the figure ("De totale verzekerde schade door ... is 100
    miljoen euro": schade; "Nederland had in 2023 een begrotingstekort van": begrotingstekort),
    a phrase of time aside ("komt dit jaar uit op"), else of the phrase that opens the clause
    ("Turnout in the municipal election was 51 percent": turnout, not election), else one a
    preposition governs. A phrase ends at a function word, a verb of being or amounting, a name
    after its first word."""
    text = ctx.doc.scan_text
    phrases: list[tuple[bool, list[regex.Match]]] = []
    opened, current = False, []
    governed: set[int] = set()  # phrases opened right after a preposition: "in the municipal election"
    parted = clause_particles(text, ctx.clause, fv)  # "loopt ... op"
    timed = [t.span() for p in (fv.next_year, fv.last_year) for t in p.finditer(text, ctx.clause[0], ctx.figure[0])]
    for i, m in enumerate(WORD.finditer(text, ctx.clause[0], ctx.figure[0])):
        word = m.group()
        low = word.lower()
        if any(a <= m.start() < b for a, b in timed):  # "groeit de economie volgend jaar met": when, no measure
            phrases.append((opened, current))
            opened, current = False, []
            continue
        if low in fv.determiners:
            phrases.append((opened, current))
            before = WORD_BEFORE.search(text, max(ctx.clause[0], m.start() - 20), m.start())
            if before and before.group(1).lower() in fv.governing:
                governed.add(len(phrases))
            opened, current = True, []
            continue
        name = word[:1].isupper() and i > 0 and not (opened and not current)  # "de Nederlandse economie"
        if name or low in function_words or low in fv.phrase_ends or measure_stop(low, fv, parted) \
                or low in fv.transparent:
            phrases.append((opened, current))
            opened, current = False, []
            continue
        if i == 0 or current or opened:
            current.append(m)
    phrases.append((opened, current))
    opened_heads = [(n in governed, ms[-1]) for n, (opened, ms) in enumerate(phrases)
                    if opened and ms and ms[-1].group()[:1].islower()  # "the Netherlands" is no measure
                    and lemma(ms[-1].group().lower(), fv.language) not in fv.time_nouns]
    subject = [ms[-1] for _, ms in phrases[:1] if ms]
    # "A YouGov poll published on Sunday puts Labour on 40 percent", "The latest poll": no noun
    opened_heads = [(gov, h) for gov, h in opened_heads if not inflected(h.group(), fv)]
    subject = [h for h in subject if not inflected(h.group(), fv)]
    # a phrase of its own first, then the clause's first words, then one a preposition governs
    # that no phrase of its own stands before ("De hoofdverdachte van de overval op de juwelier
    # ... moet tien jaar de cel in": the juweler's is a modifier of the suspect, no measure);
    # the nearest of the first of these that the amount is said to be
    own = [h for gov, h in opened_heads if not gov]
    first_own = min((h.start() for h in own + subject), default=ctx.figure[0])
    for heads in (own, subject, [h for gov, h in opened_heads if gov and h.start() < first_own]):
        heads = [h for h in heads if equated(ctx, h.end(), fv)]
        if heads:
            return Hit(heads[-1].start(), heads[-1].end(), heads[-1].group().lower(), heads[-1].group())
    return None


def inflected(word: str, fv: FrameVocabulary) -> bool:
    """True for a participle or a superlative, which ends a noun phrase but heads none: its lemma
    is another word and it has the form of ``inflected_no_head`` ("published", "latest")."""
    low = word.lower()
    return bool(fv.inflected.fullmatch(low)) and lemma(low, fv.language) != low


def measure_of_before(text: str, position: int, language: Language) -> bool:
    """True when a noun and "van", "of" stand right before a figure ("een kracht van 7,8", "a
    magnitude of 7.8"): the figure measures that noun, not the thing of a figure before it."""
    fv = frame_vocabulary(language)
    m = fv.measure_before.search(text, max(0, position - 40), position)
    return bool(m) and m.group(1).lower() not in fv.determiners and m.group(1).lower() not in fv.not_measures


def names_within_sentences(doc: Document) -> frozenset[str]:
    """The capitalised words an article writes inside its sentences, not only at their start."""
    return Analysis.of(doc).names_within_sentences


def open_actor(ctx: FigureContext, fv: FrameVocabulary, vocab) -> Hit | None:
    """Who an open noun's figure is of, when the vocabulary knows no actor there: the first name
    of the clause that is no place, no month or weekday and no claimant ("De PVV behaalde 37
    zetels", "the Party for Freedom won 35 seats"). A capitalised first word of a sentence is a
    name only when the language does not know it as a word, or a name goes on after it. A name
    a preposition governs is the clause's only when no other is ("In de peiling van Ipsos staat
    de PVV op 32 zetels": the PVV's seats)."""
    text = ctx.doc.scan_text
    claimed = [span for span in attribution_spans(ctx.doc, *ctx.clause, vocab)]
    governed = None
    for m in fv.name.finditer(text, ctx.clause[0], ctx.figure[0]):  # "of GDP" after the figure is none
        words = m.group().split()
        while words and words[0].lower() in vocab.function_words:  # "The Party for Freedom"
            words = words[1:]
        if not words:
            continue
        name = POSSESSIVE.sub("", " ".join(words))
        low = name.lower()
        if any(a <= m.start() < b for a, b in claimed) or low in fv.not_places or low.split()[0] in fv.not_places:
            continue
        if low.split()[0] in vocab.function_words or fv.predicate(low.split()[0]):
            continue
        opens_sentence = not text[ctx.sentence[0]:m.start()].strip() and len(words) == len(m.group().split())
        if opens_sentence and " " not in name and known_word(low, fv.language) and not subject_name(name, text, m.end(), fv) \
                and name not in names_within_sentences(ctx.doc):
            continue  # "Officials", "Turnout": a word; "Ajax", named mid-sentence elsewhere too: a name
        if vocab.places.find(name) or gazetteer(fv.source).lookup(name) or fv.causes.find(name):
            continue  # a place, or an event ("de Tweede Kamerverkiezingen"): no one's
        before = WORD_BEFORE.search(text, max(ctx.clause[0], m.start() - 20), m.start())
        if before and before.group(1).lower() in fv.governing:
            governed = governed or Hit(m.start(), m.end(), slug(name), name)
            continue
        known = [h.label for h in vocab.claimants.find(name) if h.label in forecasters(vocab.source)]
        return Hit(m.start(), m.end(), known[0] if known else slug(name), name)  # "Het Centraal Planbureau": cpb
    return governed


PUNCT = regex.compile(r"[.,;:!?()]")
CUT_OFF = regex.compile(r"\.\.|…")
POSSESSIVE = regex.compile(r"['’]s?$")
WORD_BEFORE = ending_at(r"(\p{L}+)\s+\Z")


def open_places(doc: Document, start: int, end: int, vocab_places: Lexicon, fv: FrameVocabulary,
                origin: bool = False) -> list[Hit]:
    """Places named after a preposition of place in ``start..end``, known to the gazetteer or
    not; a list of places ("in Duitsland en België") is one joint place. The article is read
    once; a list that runs past ``end`` is read again up to it."""
    pattern = fv.origin_place if origin else fv.open_place  # "from", "uit": where things came from
    def work() -> tuple[list[int], list[Hit]]:
        hits = places_of_matches(pattern.finditer(doc.scan_text), vocab_places, fv, inside=not origin)
        return [h.start for h in hits], hits
    starts, hits = Analysis.of(doc).remember(("open places", fv.language, id(vocab_places), origin), work)
    out = []
    for h in hits[bisect_left(starts, start):bisect_left(starts, end)]:
        if h.end <= end:
            out.append(h)
        else:
            out += places_of_matches(pattern.finditer(doc.scan_text, max(start, h.start - 40), end),
                                     vocab_places, fv, inside=not origin)[-1:]
    return out


def places_of_matches(matches, vocab_places: Lexicon, fv: FrameVocabulary, inside: bool = True) -> list[Hit]:
    """The places of matches of a place pattern; with ``inside``, a place inside the named one
    that a phrase of place before it names ("in a collapsed hotel in Marrakesh") is the place."""
    out = []
    for m in matches:
        text = m.string
        names = [POSSESSIVE.sub("", n) for n in fv.list_split.split(m.group("names")) if n]
        first = place_id(names[0], vocab_places, fv)
        if not first:
            continue
        if fv.determined.search(m.group(), 0, m.start("names") - m.start()) and not known_place(names[0], vocab_places, fv) \
                and not fv.kind_after.match(text, m.end("names")):
            continue  # "in the European elections": after an article, a place if known or a kind follows ("the Ahrweiler district")
        ids = [first]
        for name in names[1:]:  # "In Pennsylvania, Trump won": only known places go on a list
            if not known_place(name, vocab_places, fv):
                break
            ids.append(place_id(name, vocab_places, fv))
        label = JOINT.join(sorted(set(ids)))
        inner = inner_place(text, m.start(), fv) if inside else None
        if inner:  # "in flooded cellars in Cologne": the cellars' count, not Cologne's
            label = f"{inner}-in-{label}"
        out.append(Hit(m.start("names"), m.end("names"), label, m.group("names")))
    return out


def known_place(name: str, vocab_places: Lexicon, fv: FrameVocabulary) -> bool:
    """True when the vocabulary or the gazetteer knows the name as a place."""
    known = vocab_places.find(name)
    return bool(known and known[0].start == 0 and known[0].end == len(name)) or \
        gazetteer(fv.source).lookup(name) is not None


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
    def work() -> tuple[list[int], list[regex.Match]]:
        found = list(fv.running_words.finditer(doc.scan_text))
        return [m.start() for m in found], found
    starts, found = Analysis.of(doc).remember(("running words", fv.language), work)
    for m in found[bisect_left(starts, start):bisect_left(starts, end)]:
        if m.end() <= end:
            return m.group()
    return None


@dataclass(frozen=True)
class FigureContext:
    """What a frame is read from: the figure, its clause and sentence, the article's year."""

    doc: Document
    figure: tuple[int, int]
    clause: tuple[int, int]
    sentence: tuple[int, int]
    has_unit: bool
    earlier_place: tuple[str, str] | None = None  # the place of the article's last figure of people
    on_a_scale: bool = False  # a figure with a fraction and no unit: a reading, never a count ("7,8")
    money: bool = False  # an amount of money, whose noun may follow it: "3 miljoen euro boete"
    matter: bool = False  # a quantity of matter, whose noun follows it, "of" between or not: "2 million litres of oil"


__all__ = ["FigureContext", "FrameVocabulary", "JOINT", "Words", "counted_noun", "equated", "frame_vocabulary",
           "measure_of_before", "measured_noun", "nearest_to", "open_actor", "open_places", "predicate_near",
           "running_words"]
