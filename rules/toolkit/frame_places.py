"""Places of frames: the patterns that find them, and places inside places.

A name after a preposition of place is a place ("in de Turkse stad Antakya", "the city of
Antakya"). A phrase of place right before a named place (a building, a cellar, a street) says
where inside that place a count was made: "in a collapsed hotel in Marrakesh" counts the hotel's
dead, not the town's; its key names both, so it is never compared with the town's toll.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from checker.rules.toolkit.gazetteer import slug
from checker.rules.toolkit.lexicon import data_cache, ending_at, phrase_pattern
from checker.rules.toolkit.lemmas import lemma, noun_lemma
from checker.rules.toolkit.numerals import word_value
from checker.rules.toolkit.vocabulary import Language, frames_grammar

if TYPE_CHECKING:
    from checker.rules.toolkit.frames import FigureContext, FrameVocabulary


def inner_place(text: str, start: int, fv: FrameVocabulary) -> str | None:
    """The lemma of the noun of a place inside the named one when a phrase of place stands right
    before it ("in a collapsed hotel in Marrakesh", "in ondergelopen kelders in Keulen"): a count
    there is of that building, not of the town. None when that phrase is a kind of place, an event
    ("died in the floods in Germany") or an event's place, a time, people, a number ("at least
    twenty people in") or a verb ("Bij de ramp kwamen in Zeeland")."""
    m = fv.within.search(text, max(0, start - 60), start)
    if not m or fv.joint.search(m.group()) or event_before(text, m.start(), fv):
        return None
    words = [w.lower() for w in m.group("phrase").split() if w.lower() not in fv.determiners]
    if len(m.group().split()) == len(words) + 1 and institution_label(words, fv):
        return None  # "children at primary schools in Rotterdam": who they are, not a place inside Rotterdam
    if not words or any(w in fv.governing or fv.list_split.fullmatch(f" {w} ") for w in words):
        return None  # "Vooral in en rondom Luik": two prepositions joined, no place inside Luik
    head = lemma(words[-1], fv.language)
    if fv.kind_after.match(f" {words[-1]}") and head not in facilities(fv.source) \
            or head in fv.time_nouns or head in fv.measure_stops or fv.predicate(words[-1]) or words[-1] in fv.people \
            or any(fv.causes.find(w) for w in words) or any(word_value(w, fv.language) is not None for w in words):
        return None
    return slug(head) or None


@data_cache
def facilities(language: Language) -> frozenset[str]:
    """The kinds of place of `[grammar] facility_kinds` of frames.toml: a name before one is a
    place ("the Heathrow hub"), and one inside a named town is a place inside it ("at the hub in
    Leeds"), where a kind such as a district is the town itself."""
    grammar = frames_grammar(language)
    return frozenset(grammar.get("facility_kinds", []))


@data_cache
def institutions(language: Language) -> tuple[frozenset[str], regex.Pattern]:
    """The nouns of `[grammar] institutions` of frames.toml and a pattern of a bare phrase of one or
    two words after a word of `institution_prepositions` ("at primary schools", "op basisscholen")."""
    grammar = frames_grammar(language)
    before = phrase_pattern(grammar.get("institution_prepositions", [])) or "(?!)"
    return frozenset(grammar.get("institutions", [])), regex.compile(
        rf"(?<![\p{{L}}])(?i:{before})\s+((?:\p{{Ll}}[\p{{L}}\-]*\s+)?\p{{Ll}}[\p{{L}}\-]*)(?![\p{{L}}])")


def institution_label(words: list[str], fv: FrameVocabulary) -> str | None:
    """The name of a bare plural of an institution, its adjective's lemma and its noun's joined
    ("primary schools": primary-school; "basisscholen": the name the noun's lemma shares with the
    other language, primary-school); None for another phrase ("the school", "a collapsed hotel")."""
    nouns = institutions(fv.source)[0]
    head = words[-1].lower()
    base = noun_lemma(head, fv.language)
    if len(words) > 2 or base == head or not fv.plural.fullmatch(head) or not any(base.endswith(n) for n in nouns) \
            or any(w.lower() in fv.determiners or w.lower() in fv.governing for w in words):
        return None
    label = "-".join([lemma(w.lower(), fv.language) for w in words[:-1]] + [base])
    return fv.noun_classes.get(label, label)


def with_institution(ctx: FigureContext, out: dict[str, str], ev: dict[str, str], fv: FrameVocabulary) -> None:
    """Put the institutions the counted people are of, named in their clause or before the
    figure in their sentence, into what is counted, as a qualifier ("400 children at primary
    schools in Rotterdam", "Op basisscholen in Rotterdam zijn 400 kinderen ...": at-primary-school);
    the place stays the named one."""
    text = ctx.doc.scan_text
    start = ctx.clause[0] if DIGIT.search(text, ctx.sentence[0], ctx.figure[0]) else ctx.sentence[0]
    for m in institutions(fv.source)[1].finditer(text, start, ctx.clause[1]):
        words = m.group(1).split()
        used = words if institution_label(words, fv) else words[:1]  # "op basisscholen in": the first word alone
        if not ctx.figure[0] <= m.start() < ctx.figure[1] and (label := institution_label(used, fv)):
            out["qualifier"] = "+".join(q for q in (out.get("qualifier"), f"at-{label}") if q)
            said = text[m.start():m.start(1)] + " ".join(used)
            ev["qualifier"] = "; ".join(q for q in (ev.get("qualifier"), said) if q)
            return


DIGIT = regex.compile(r"\d")


def event_before(text: str, start: int, fv: FrameVocabulary) -> bool:
    """True when an event is named right before a phrase of place: "died in a fire in a tower
    block in Leeds" is the fire's place, so the fire's toll is the block's and the town's alike."""
    return any(not text[h.end:start].strip() for h in fv.causes.find(text, max(0, start - 40), start))


LIST_ADJECTIVE = r"(?:\p{Ll}[\p{L}\-]*\s+)?"  # "and northern (Syria)"


def place_pattern(prepositions: str, kinds: str, name: str, words: FrameWords, adjectives: str = "(?!)") -> regex.Pattern:
    """Names after a preposition of place, through an article, an adjective or a kind of place
    ("in de Turkse stad Antakya", "in de provincie Luik", "the city of Antakya"), a list of them
    one match, an adjective before a later name too ("in southern Turkey and northern Syria").
    An adjective of a continent before a noun is none ("in the European flood disaster", "bij de
    Europese overstromingsramp": which disaster, not where its figures are)."""
    return regex.compile(
        rf"(?<![\p{{L}}])(?i:{prepositions})\s+(?:(?i:{words.articles})\s+)?(?:\p{{Ll}}[\p{{L}}\-]*\s+|[\p{{L}}\-]+\s+(?=(?i:{kinds})\s))?"
        rf"(?:(?i:{kinds})\s+(?:(?i:{words.kind_of})\s+)?)?(?!(?i:{adjectives})\s+\p{{Ll}})(?P<names>{name}"
        rf"(?:(?:\s*,\s*|\s+(?:{words.list_joiners})\s+{LIST_ADJECTIVE}){name}){{0,3}})")


@dataclass(frozen=True)
class FrameWords:
    """Alternations of the small words of the frame data: articles (vocabulary.toml), the words
    that join a list of places, that join a kind of place to its name ("the city of"), that join
    the words of a name ("Party for Freedom", "Partij van de Arbeid")."""

    articles: str
    list_joiners: str
    kind_of: str
    name_joiners: str

    @classmethod
    def of(cls, grammar: dict, vocabulary_grammar: dict) -> "FrameWords":
        def alternation(words: list[str]) -> str:
            return phrase_pattern(words) or "(?!)"
        return cls(alternation(vocabulary_grammar.get("articles", [])), alternation(grammar.get("list_joiners", [])),
                   alternation(grammar.get("kind_of", [])), alternation(grammar.get("name_joiners", [])))


def place_patterns(grammar: dict, words: FrameWords) -> dict[str, regex.Pattern]:
    """The patterns of places of the frame data: after a preposition of place or of origin, a kind
    of place after or before a name ("the Ahrweiler district", "het plaatsje Pepinster"), a
    phrase of place before a name ("in a collapsed hotel in")."""
    prepositions = "|".join(regex.escape(p) for p in grammar.get("place_prepositions", [])) or "(?!)"
    admin = "|".join(regex.escape(p) for p in grammar.get("place_kinds", [])) or "(?!)"
    facility = "|".join(regex.escape(p) for p in grammar.get("facility_kinds", [])) or "(?!)"
    kinds = f"{admin}|{facility}"
    adjectives = phrase_pattern(grammar.get("continent_adjectives", [])) or "(?!)"
    abbreviated = "|".join(regex.escape(a) for a in grammar.get("name_abbreviations", [])) or "(?!)"  # "St. Lucie County"
    name = rf"(?:(?:{abbreviated})\s+)?\p{{Lu}}[\p{{L}}\-'’]+(?:[ \-]\p{{Lu}}[\p{{L}}\-'’]+){{0,2}}"
    origins = "|".join(regex.escape(p) for p in grammar.get("origin_prepositions", [])) or "(?!)"
    before = rf"(?<![\p{{L}}])(?i:{prepositions})\s+(?:(?i:{words.articles})\s+)?"
    return {"open_place": place_pattern(prepositions, kinds, name, words, adjectives),
            "origin_place": place_pattern(origins, kinds, name, words, adjectives),
            # a facility named after a company is no place when a place follows: "the DHL hub in Leipzig"
            "kind_after": regex.compile(rf"\s+(?:(?i:{admin})|(?i:{facility})(?![\p{{L}}])(?!\s+(?i:{prepositions})\s))"
                                        rf"(?![\p{{L}}])"),
            "kind_before": regex.compile(rf"(?<![\p{{L}}])(?i:{kinds})\s+(?:(?i:{words.kind_of})\s+)?\p{{Lu}}"),
            "within": ending_at(rf"{before}(?P<phrase>(?:\p{{Ll}}[\p{{L}}\-]*\s+){{0,2}}\p{{Ll}}[\p{{L}}\-]*)\s+\Z"),
            "preposition_before_name": ending_at(rf"{before}(?:\p{{Lu}}[\p{{L}}\-]*\s){{1,3}}\Z")}
