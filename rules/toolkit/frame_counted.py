"""What a figure of people or of a noun no concept knows counts: the concept's people, a
tally, the noun after the figure (or the head of a compound of people), the noun an amount of
money or a reading on a scale measures, or the people a predicate speaks of."""
from __future__ import annotations

from dataclasses import replace

import regex

from checker.rules.toolkit.frames import (
    FigureContext,
    FrameVocabulary,
    counted_noun,
    inflected,
    measure_of_before,
    measured_noun,
    nearest_to,
    predicate_near,
    predicates_in,
)
from checker.rules.toolkit.frame_verbs import receiver
from checker.rules.toolkit.lemmas import lemma, noun_lemma
from checker.rules.toolkit.lexicon import Hit, data_cache, load_data, phrase_pattern, vocabulary, words_pattern
from checker.rules.toolkit.vocabulary import Language, frames_data, frames_grammar


def what_is_counted(ctx: FigureContext, concept: Hit | None, fv: FrameVocabulary,
                    function_words: frozenset[str]) -> tuple[str, str, str] | None:
    """What a figure of people or of an open noun counts: (label, words, implied predicate);
    None when a concept of the vocabulary that counts no people names it, or nothing does."""
    if concept is not None:
        if concept.label in fv.people_concepts:
            implied = fv.people_concepts[concept.label]
            if implied == "live" and lemma(concept.words.lower(), fv.language) not in fv.population_nouns:
                implied = ""  # "80 residents spent the night in a hall" are no population
            return "people", concept.words, implied
        return None
    if ctx.has_unit:  # "De totale verzekerde schade ... is 100 miljoen euro": what the amount measures
        noun = noun_after_money(ctx, fv, function_words) or measured_noun(ctx, fv, function_words) or \
            measured_noun(replace(ctx, clause=(ctx.sentence[0], ctx.clause[1])), fv, function_words)
        if noun is None and (aim := purpose_of(ctx, fv, function_words) or received_by(ctx, fv, function_words)):
            return f"for-{noun_class(aim.label, fv)}", aim.words, ""  # "2,1 miljard euro extra voor defensie"
        if noun is not None and noun_lemma(noun.label.lower(), fv.language) in anonymous(fv.source):
            return None  # "sentenced a 45-year-old man to four years": which man, no key says
        return (modified(noun, ctx.doc.scan_text, fv), noun.words, "") if noun else None
    text = ctx.doc.scan_text
    tallies = [h for h in fv.tallies.find(text, ctx.clause[0], ctx.figure[0])]
    noun = people_head_after(text, counted_noun(ctx.doc, ctx.figure[1], min(ctx.clause[1], ctx.figure[1] + 60),
                                                function_words, fv.transparent, fv.phrase_ends | fv.noun_stops), fv)
    if noun is None and not tallies:
        noun = number_of(ctx, fv, function_words)
    if noun is not None and lemma(noun.label, fv.language) in fv.time_nouns:
        return None  # "the toll rose to 62, the worst in five decades": a span of time
    if tallies and (noun is None or fv.predicate(noun.label) is None and lemma(noun.label, fv.language) not in fv.people):
        return "people", tallies[-1].words, tallies[-1].label  # "het dodental is opgelopen tot 42", not "... en 20 vermisten"
    if noun is None and not tallies and (told := tally_before(ctx, fv)):
        return "people", told.words, told.label  # "... 27 doden. De balans stond maandag op 12."
    # "een kracht van 7,8": the noun after a reading on a scale is none it counts ("7,8 trof")
    if (noun is None or ctx.on_a_scale) and measure_of_before(text, ctx.figure[0], fv.source):
        measured = measured_noun(ctx, fv, function_words)
        return (lemma(measured.label, fv.language), measured.words, "") if measured else None
    if noun is None:  # "which has killed at least 170 in Germany": what happened says people
        predicate = predicate_near(ctx.doc, *ctx.clause, ctx.figure, fv)
        if predicate is not None and predicate.label in fv.people_predicates:
            return "people", predicate.words, predicate.label
        measured = measured_noun(ctx, fv, function_words)  # "Measles cases in Birmingham have risen to 150"
        return (lemma(measured.label, fv.language), measured.words, "") if measured else None
    base = noun_lemma(noun.label, fv.language)
    if base in fv.people or noun.label in fv.people:
        return "people", noun.words, fv.people.get(base, fv.people.get(noun.label, ""))
    if head := person_head(noun.label, fv):  # "griepatiënten": patients
        return "people", noun.words, fv.people[head]
    if fv.predicate(noun.label) in fv.people_predicates:  # "20 missing", "110 dead": the predicate counts
        return "people", noun.words, fv.predicate(noun.label)  # people; "two proposals" are no people offered
    base = instance_of(text, noun, base, fv)
    return fv.noun_classes.get(base, base), noun.words, ""


@data_cache
def instances(language: Language) -> tuple[frozenset[str], regex.Pattern]:
    """The nouns of `[grammar] instance_nouns` of frames.toml, which count what they are
    instances of ("gevallen van mazelen", "cases of measles"), and the words of
    `instance_of` that join them to it, as a pattern of the noun after them."""
    grammar = frames_grammar(language)
    joined = words_pattern(grammar.get("instance_of", []), r"\s+(\p{Ll}[\p{L}\-]*)")
    return frozenset(grammar.get("instance_nouns", [])), joined


def instance_of(text: str, noun: Hit, base: str, fv: FrameVocabulary) -> str:
    """What a noun of instances counts: the lemma of the noun it is joined to ("71 gevallen van
    mazelen", "cases of measles": mazelen, measles) or of the first part of a compound it ends
    ("mazelengevallen": mazelen), as "measles cases" counts measles; a case of measles is never
    a case of flu. Any other noun counts itself."""
    nouns, joined = instances(fv.source)
    if base in nouns:
        m = joined.match(text, noun.end + 1) if text[noun.end:noun.end + 1].isspace() else None
        return noun_lemma(m.group(1).lower(), fv.language) if m else base
    head = next((n for n in nouns if base.endswith(n) and len(base) - len(n) >= PART), None)
    return noun_lemma(base[:-len(head)], fv.language) if head else base


PART = 3  # letters: the shortest first part of a compound of instances ("mazelengevallen")


def number_of(ctx: FigureContext, fv: FrameVocabulary, function_words: frozenset[str]) -> Hit | None:
    """The noun a count noun of the clause names before a figure that no noun follows, read as
    the noun after a figure is ("The number of measles cases in Rotterdam has risen to 64" counts
    what "64 measles cases" counts, never "number"; "het aantal huishoudens zonder stroom")."""
    end = count_noun_end(ctx, fv)
    if end is None:
        return None
    return people_head_after(ctx.doc.scan_text, counted_noun(ctx.doc, end, ctx.figure[0], function_words, fv.transparent,
                                                             fv.phrase_ends | fv.noun_stops), fv)


def count_noun_end(ctx: FigureContext, fv: FrameVocabulary) -> int | None:
    """Where the last count noun of the figure's clause before it ends ("The number of |measles
    cases"); what happened to the things it names is said from there ("het aantal huishoudens
    zonder stroom ... 3000")."""
    found = None
    for found in vocabulary(fv.source).count_noun.finditer(ctx.doc.scan_text, ctx.clause[0], ctx.figure[0]):
        pass
    return found.end() if found else None


def noun_class(word: str, fv: FrameVocabulary) -> str:
    """The name of an open noun in the key: its lemma, or the name that lemma shares with the
    other language (``[nouns]`` of frames.toml: "banen" and "jobs" are both job)."""
    base = lemma(word, fv.language)
    return fv.noun_classes.get(base, base)


WORD_BEFORE = regex.compile(r"(?<![\p{L}\-])([\p{L}\-]+)\s+\Z", regex.REVERSE)


@data_cache
def modifiers(language: Language) -> dict[str, str]:
    """Words of `[modifiers]` of frames.toml that make the noun after them another measure ("net
    profit", "operating profit"), each with its name in the key."""
    return {w.lower(): m for w, m in (load_data(language, "frames") or {}).get("modifiers", {}).items()}


def modified(noun: Hit, text: str, fv: FrameVocabulary) -> str:
    """The name of the noun an amount measures with a modifier right before it that makes it
    another measure ("a net profit of 3 billion": net-profit, as the Dutch compound "nettowinst"
    is; an operating profit is no net profit), else the noun's own."""
    base = compound_apart(noun, text, fv) or noun_class(noun.label, fv)
    word = WORD_BEFORE.search(text, max(0, noun.start - 30), noun.start)
    modifier = modifiers(fv.source).get(word.group(1).lower()) if word else None
    return f"{modifier}-{base}" if modifier else base


@data_cache
def compound_joiners(language: Language) -> regex.Pattern:
    """The words of `[grammar] compound_joiners` of frames.toml with the noun after them, which
    write a compound apart ("tekort op de begroting": begrotingstekort)."""
    grammar = frames_grammar(language)
    joiners = phrase_pattern(grammar.get("compound_joiners", [])) or "(?!)"
    return regex.compile(rf"\s+(?:{joiners})\s+(\p{{Ll}}[\p{{L}}\-]*)(?![\p{{L}}])")


def compound_apart(noun: Hit, text: str, fv: FrameVocabulary) -> str | None:
    """The name in [nouns] of the compound a noun and the noun after a joiner write apart ("het
    tekort op de begroting" is the begrotingstekort, deficit), with or without a linking "s";
    None when [nouns] knows no such compound."""
    m = compound_joiners(fv.source).match(text, noun.end)
    if m is None:
        return None
    first, head = lemma(m.group(1), fv.language), noun.label.lower()
    return next((fv.noun_classes[c] for c in (f"{first}s{head}", f"{first}{head}") if c in fv.noun_classes), None)


MEASURE_WORD = regex.compile(r"[ \t]+(\p{Ll}+)")


@data_cache
def counters(language: Language) -> regex.Pattern:
    """Nouns of `[grammar] counters` of frames.toml: a count that says nothing of what it counts
    ("de balans", "de teller", "the tally")."""
    grammar = frames_grammar(language)
    return words_pattern(grammar.get("counters", []))


def tally_before(ctx: FigureContext, fv: FrameVocabulary) -> Hit | None:
    """The tally a counter stands for, in a clause that names nothing counted ("Het aantal
    vermisten is gedaald. Maandag stond de teller op 9."; "... hebben 27 mensen het
    leven gekost. De balans stond maandag op 12."): the one tally, else the one predicate of
    people, that the sentence right before names in the same paragraph."""
    text = ctx.doc.scan_text
    if not counters(fv.source).search(text, ctx.clause[0], ctx.figure[0]):
        return None
    before = ctx.doc.sentence_before(ctx.sentence)
    if before is None or BLANK_LINE.search(text, before[1], ctx.sentence[0] + 1):
        return None
    hits = fv.tallies.find(text, *before) or \
        [h for h in predicates_in(ctx.doc, *before, fv, (0, 0)) if h.label in fv.people_predicates]
    return hits[-1] if hits and len({h.label for h in hits}) == 1 else None


BLANK_LINE = regex.compile(r"\n[^\S\n]*\n")


@data_cache
def negations(language: Language) -> regex.Pattern:
    """Words of `[grammar] negations` of frames.toml ending just before a predicate, one word
    between at most ("are not vaccinated", "niet zijn gevonden")."""
    grammar = frames_grammar(language)
    return words_pattern(grammar.get("negations", []), after=r"(?:\s+\p{L}+)?\s+\Z")


def denied(ctx: FigureContext, predicate: Hit, fv: FrameVocabulary) -> Hit:
    """The predicate as the clause says it: denied ("not-vaccinated") after a negation, else as
    it is; 40 children not vaccinated are never the children vaccinated."""
    no = negations(fv.source).search(ctx.doc.scan_text, max(ctx.clause[0], predicate.start - 40), predicate.start)
    if no is None:
        return predicate
    return Hit(no.start(), predicate.end, f"not-{predicate.label}", ctx.doc.scan_text[no.start():predicate.end])


@data_cache
def anonymous(language: Language) -> frozenset[str]:
    """Nouns of `[grammar] anonymous` of frames.toml, which name a person but not who ("a man",
    "een vrouw"): an amount said of one (a prison term, a fine) is of nobody a key could name, and
    two such amounts in one town are as likely two people's as one's."""
    data = frames_data(language)
    return frozenset(data.get("grammar", {}).get("anonymous", []))


@data_cache
def positions(language: Language) -> frozenset[str]:
    """The predicates that make a figure a position in a negotiation ("demanded", "offered"), from
    ``[grammar] positions`` of frames.toml: they key an amount with a unit too."""
    data = frames_data(language)
    return frozenset(data.get("grammar", {}).get("positions", []))


@data_cache
def finding(language: Language) -> tuple[regex.Pattern, frozenset[str], regex.Pattern]:
    """The words of `[grammar] found` of frames.toml, which say that people are found, the
    predicates of `found_of` that being found ends ("missing"), and the `subordinators` that open
    a clause of another subject ("missing after police found their car")."""
    grammar = frames_grammar(language)
    return words_pattern(grammar.get("found", [])), frozenset(grammar.get("found_of", [])), \
        words_pattern(grammar.get("subordinators", []))


def found_again(ctx: FigureContext, label: str | None, fv: FrameVocabulary) -> Hit | None:
    """What became of people the clause counts as missing and says were found after the figure:
    found ("the 12 people presumed missing were found", "de vermisten zijn teruggevonden": no
    figure of the missing), or what another predicate of people after the figure says ("the 12
    missing hikers were found dead": died). None when the clause says no such thing."""
    words, ended, subordinators = finding(fv.source)
    if label not in ended:
        return None
    m = words.search(ctx.doc.scan_text, ctx.figure[1], ctx.clause[1])
    if m is None or subordinators.search(ctx.doc.scan_text, ctx.figure[1], m.start()):
        return None
    other = [h for h in predicates_in(ctx.doc, ctx.figure[1], ctx.clause[1], fv, ctx.figure)
             if h.label in fv.people_predicates and h.label not in ended]
    return nearest_to(other, m.start()) or Hit(m.start(), m.end(), "found", m.group())


WORD_AFTER = regex.compile(r"[\p{L}\-]+")


def as_said(ctx: FigureContext, predicate: Hit, fv: FrameVocabulary) -> Hit | None:
    """The predicate as its clause says it: ordered, graded or denied; None when its word is
    the stem of another verb whose particle ends the clause ("vroegen 3000 mensen asiel aan":
    aanvragen, to apply for, not vragen, to demand)."""
    if other_separable_verb(ctx, predicate, fv):
        return None
    return denied(ctx, graded(ctx, ordered(ctx, predicate, fv), fv), fv)


def other_separable_verb(ctx: FigureContext, predicate: Hit, fv: FrameVocabulary) -> bool:
    """True when a particle after a one-word predicate in its clause ends the clause or stands
    before a preposition (a particle, not a preposition of a noun phrase: "vraagt 5 procent aan
    de werkgevers") and makes with its stem a verb of no predicate or of another."""
    if not fv.particles or " " in predicate.words:
        return False
    text = ctx.doc.scan_text
    words = list(WORD_AFTER.finditer(text, predicate.end, ctx.clause[1]))
    for i, m in enumerate(words):
        particle = m.group().lower()
        if particle not in fv.particles:
            continue
        after = words[i + 1].group().lower() if i + 1 < len(words) else None
        if after is None or after in fv.governing:
            verb = particle + lemma(predicate.words.lower(), fv.language)
            return fv.predicate_of.get(verb) != predicate.label
    return False


@data_cache
def mandates(language: Language) -> tuple[regex.Pattern, regex.Pattern]:
    """Words of `[grammar] mandates_before` of frames.toml ending just before a predicate
    ("ordered to evacuate", "het bevel om te evacueren"), and of `mandates_after` right after
    it ("evacuation orders")."""
    grammar = frames_grammar(language)
    return (words_pattern(grammar.get("mandates_before", []), after=r"\s+\Z"),
            regex.compile(rf"\s+(?:{phrase_pattern(grammar.get('mandates_after', [])) or '(?!)'})(?!\p{{L}})", regex.I))


def ordered(ctx: FigureContext, predicate: Hit, fv: FrameVocabulary) -> Hit:
    """The predicate as an order or a warning to do it ("ordered-evacuated": "30,000 were ordered
    to evacuate", "under evacuation orders"): those told to leave are not those who left."""
    before, after = mandates(fv.source)
    text = ctx.doc.scan_text
    if before.search(text, max(ctx.clause[0], predicate.start - 40), predicate.start) or \
            after.match(text, predicate.end, ctx.clause[1]):
        return replace(predicate, label=f"ordered-{predicate.label}")
    return predicate


@data_cache
def degrees(language: Language) -> tuple[dict[str, str], regex.Pattern]:
    """Words of `[degrees]` of frames.toml, each with the degree it names, and a pattern of them
    ending just before a predicate ("seriously injured", "zwaar gewond")."""
    words = (load_data(language, "frames") or {}).get("degrees", {})
    table = {" ".join(w.lower().split()): d for w, d in words.items()}
    return table, words_pattern(list(table), after=r"\s+\Z")


def graded(ctx: FigureContext, predicate: Hit, fv: FrameVocabulary) -> Hit:
    """The predicate as the clause grades it: a word of degree right before it or the first part
    of its compound makes it a predicate of its own ("seriously-injured": "six were seriously
    injured", "zes zwaargewonden"); the seriously injured are a part of the injured, never all."""
    table, before = degrees(fv.source)
    text = ctx.doc.scan_text
    word = before.search(text, max(ctx.clause[0], predicate.start - 30), predicate.start)
    if word is not None:
        degree = table[" ".join(word.group().lower().split())]
        return Hit(word.start(), predicate.end, f"{degree}-{predicate.label}",
                   text[word.start():predicate.end])
    low = predicate.words.lower()
    head = next((w for w in table if low.startswith(w) and len(low) - len(w) > 3 and " " not in low), None)
    return predicate if head is None else replace(predicate, label=f"{table[head]}-{predicate.label}")


@data_cache
def people_groups(language: Language) -> dict[str, str]:
    """Nouns of people of `[groups]` of frames.toml that name a group of them, each with the
    group's name ("kinderen", "children": children)."""
    return {w.lower(): g for w, g in (load_data(language, "frames") or {}).get("groups", {}).items()}


def with_group(out: dict[str, str], ev: dict[str, str], words: str, fv: FrameVocabulary) -> None:
    """Give a figure of people the group its noun names as a qualifier: five children killed
    are a part of the twelve people killed, never all of them."""
    groups = people_groups(fv.source)
    last = words.lower().split()[-1] if words.split() else ""
    group = groups.get(last) or groups.get(lemma(last, fv.language))
    if group:
        kept = {q for q in out.get("qualifier", "").split("+") if q}
        out["qualifier"] = "+".join(sorted(kept | {group}))
        ev["qualifier"] = ", ".join(w for w in (ev.get("qualifier"), words) if w)


MONEY_NOUN = regex.compile(r"[ \t]+(\p{Ll}[\p{L}\-'’]*)(?=\s*(\p{L}?))")


def noun_after_money(ctx: FigureContext, fv: FrameVocabulary, function_words: frozenset[str]) -> Hit | None:
    """What an amount of money is when its noun follows it straight away ("3 miljoen euro boete",
    "a $5 million fine"), or a quantity of matter, "of" between or not ("3 miljoen kuub water",
    "2 million litres of oil"): a word that is no function word, predicate, participle or word of time
    or comparison. A Dutch word in -en that is its own lemma or ends its clause is a verb ("moet
    3 miljoen euro terugbetalen aan klanten", "moet 3 miljoen euro betalen"), no noun."""
    start = ctx.figure[1]
    if ctx.matter and (of := MEASURE_WORD.match(ctx.doc.scan_text, start, ctx.clause[1])) \
            and of.group(1).lower() in fv.measure_of:
        start = of.end(1)  # "2 million litres of oil"
    m = MONEY_NOUN.match(ctx.doc.scan_text, start, ctx.clause[1]) if ctx.money or ctx.matter else None
    if m is None:
        return None
    low = m.group(1).lower()
    base = lemma(low, fv.language)
    after = NEXT_NOUN.match(ctx.doc.scan_text, m.end(1), ctx.clause[1])
    if after and lemma(after.group(1).lower(), fv.language) in fv.time_nouns:
        return None  # "5 million euros last year": a phrase of time, no noun
    if low in function_words or low in fv.transparent or low in fv.noun_stops or low in fv.phrase_ends \
            or base in fv.measure_stops or base in fv.time_nouns or fv.predicate(low) or inflected(low, fv) \
            or fv.language == "nl" and low.endswith("en") and (base == low or not m.group(2)):
        return None
    return Hit(m.start(1), m.end(1), low, m.group(1))


NEXT_NOUN = regex.compile(r"[ \t]+(\p{Ll}[\p{L}\-'’]*)")


def received_by(ctx: FigureContext, fv: FrameVocabulary, function_words: frozenset[str]) -> Hit | None:
    """What an amount of money is for when what receives it is the subject ("Defensie krijgt er
    1,8 miljard euro bij", "defence gets an extra 1.8 billion"): that noun, no function word."""
    got = receiver(ctx.doc.scan_text, ctx.clause, ctx.figure[0], fv) if ctx.money else None
    if got is None or got.group().lower() in function_words or fv.predicate(got.group().lower()):
        return None
    return Hit(got.start(), got.end(), got.group().lower(), got.group())


@data_cache
def purposes(language: Language) -> regex.Pattern:
    """The words of `[grammar] purpose` of frames.toml with the noun after them, a determiner
    between or not: "voor defensie", "on the defence"."""
    data = frames_data(language)
    grammar = data.get("grammar", {})
    determiners = phrase_pattern(grammar.get("determiners", [])) or "(?!)"
    return words_pattern(grammar.get("purpose", []), rf"\s+(?i:(?:{determiners})\s+)?(\p{{Ll}}[\p{{L}}\-]*)(?![\p{{L}}])")


def purpose_of(ctx: FigureContext, fv: FrameVocabulary, function_words: frozenset[str]) -> Hit | None:
    """What an amount of money that no noun is said to be is for: the noun after a word of
    `purpose` in its clause, nearest the figure ("Het kabinet trekt 2,1 miljard euro extra uit
    voor defensie", "spend an extra 2.1 billion euros on defence"); none for a word of time,
    a function word, a predicate or participle, nor a noun a phrase of "of" goes on ("for the
    purchase of tanks": said of something else)."""
    if not ctx.money:
        return None
    text = ctx.doc.scan_text
    found = []
    for m in purposes(fv.source).finditer(text, *ctx.clause):
        low = m.group(1).lower()
        base = lemma(low, fv.language)
        of = MEASURE_WORD.match(text, m.end(1), ctx.clause[1])
        if m.group(1)[:1].isupper() or low in function_words or low in fv.transparent or base in fv.time_nouns or fv.predicate(low) \
                or inflected(low, fv) or of and of.group(1).lower() in fv.measure_of:
            continue
        found.append(Hit(m.start(1), m.end(1), low, m.group(1)))
    return nearest_to(found, ctx.figure[0])


def people_head_after(text: str, noun: Hit | None, fv: FrameVocabulary) -> Hit | None:
    """The head of a noun of two words when it is a noun of people ("340 flu patients" counts
    patients, not flu) or when the first names what happened as a noun or a verb's stem, no
    participle or adjective: "300 rescue workers" are workers, as the Dutch "reddingswerkers" are,
    not 300 rescued."""
    m = NEXT_NOUN.match(text, noun.end) if noun else None
    if m and (lemma(m.group(1).lower(), fv.language) in fv.people or act_before_head(noun, m.group(1).lower(), fv)):
        return Hit(m.start(1), m.end(1), m.group(1).lower(), m.group(1))
    return noun


def act_before_head(noun: Hit, head: str, fv: FrameVocabulary) -> bool:
    """True when ``noun``, a word of a predicate that is its own lemma (a noun or a verb's stem:
    "rescue", "evacuation"), stands before a plural ``head`` as the first part of an open
    compound: "rescue workers", "evacuation buses"; "dead", a noun of people, and participles
    ("injured tourists") say what happened to the head."""
    word = noun.label
    return not fv.compounds and fv.predicate(word) is not None and lemma(word, fv.language) == word \
        and word not in fv.people and not fv.participle.fullmatch(word) and bool(fv.plural.fullmatch(head))


PERSON_HEAD = 7  # letters: the shortest noun of people a compound ends with ("patiënt"; not "burger": "hamburger")


def person_head(word: str, fv: FrameVocabulary) -> str | None:
    """The noun of people a compound ends with, in a language that writes compounds as one word
    ("griepatiënten": patiënt, "buurtbewoners": bewoner)."""
    if not fv.compounds:
        return None
    for i in range(1, len(word) - PERSON_HEAD + 1):
        base = lemma(word[i:], fv.language)
        if len(base) >= PERSON_HEAD and base in fv.people:
            return base
    return None


def who_they_were(ctx: FigureContext, counted_words: str, fv: FrameVocabulary) -> bool:
    """True when the clause says who the counted people were ("twee dodelijke slachtoffers waren
    brandweerlieden", "two victims were children"): a part of a toll named by who they were, not
    the toll; a predicate or a participle after the verb ("were killed", "were found") is none."""
    text = ctx.doc.scan_text
    at = text.find(counted_words, ctx.figure[1], ctx.clause[1]) if counted_words else -1
    m = fv.identity.match(text, at + len(counted_words) if at >= 0 else ctx.figure[1])
    if not m:
        return False
    word = m.group(1).lower()
    base = lemma(word, fv.language)
    if base in fv.people:
        return True
    return base != word and fv.predicate(word) is None and bool(fv.plural.fullmatch(word))


__all__ = ["count_noun_end", "denied", "found_again", "positions", "what_is_counted", "who_they_were"]
