"""P001 places: where events take place.

"De NAVO-ministers komen bijeen in Brussel", "de top in Madrid", "the talks in Moscow": a city
after a preposition of place, in the clause of an event (the events of the dates rule), is a
claim of kind `place` keyed by that event and its actor, whose value is the city. Two cities
for one event at one time are a conflict; the same kind of event in other months (a summit in
March, another in June) is another event and no finding.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from checker.rules.toolkit.analysis import Document
from checker.rules.toolkit.key_parts import KindSpec
from checker.models import ClaimDraft, TextValue
from checker.rules.toolkit.context import actor_in, clause_around, nearest, vocabulary
from checker.rules.toolkit.lexicon import Lexicon, data_cache, events, load_data, phrase_pattern
from checker.rules.toolkit import key_parts as part
from checker.rules.toolkit.vocabulary import Language, VocabularyRule

EVENT_REACH = 80  # characters: an event named this near a city, in its sentence, takes place there


@dataclass(frozen=True)
class PlaceGrammar:
    cities: Lexicon
    preposition_before: regex.Pattern


@data_cache
def grammar(language: Language) -> PlaceGrammar:
    data = load_data(language, "places") or load_data(language.other("nl"), "places")
    prepositions = phrase_pattern(data.get("grammar", {}).get("prepositions", [])) or "(?!)"
    return PlaceGrammar(
        cities=Lexicon(data.get("cities", {})),
        preposition_before=regex.compile(rf"(?<![\p{{L}}])(?:{prepositions})\s+\Z", regex.I),
    )


class PlaceRule(VocabularyRule):
    code = "P001"
    name = "places"
    description = """Places of events: the city where a summit, meeting or talks take place.

    A city after "in" or "te" (rules/data/<language>/places.toml) in the clause of an event
    ("de NAVO-ministers komen bijeen in Brussel") is a claim of kind `place`, keyed by the
    event and its actor as the dates rule keys them: place:ministers-meeting/nato = brussels."""
    kinds = ("place",)
    key_parts = (part.EVENT, part.ACTOR)
    kind_specs = (KindSpec("place", mark="p", compared_as="recurring"),)  # a summit recurs elsewhere
    languages = ("nl", "en")
    version = "1"

    def extract(self, doc: Document) -> Iterator[ClaimDraft]:
        lang = self.language(doc)
        g, vocab, lexicon = grammar(lang), vocabulary(lang), events(lang)
        text = doc.scan_text
        for city in g.cities.find(text):
            if not g.preposition_before.search(text, max(0, city.start - 12), city.start):
                continue
            clause = clause_around(doc, city.start, city.end, vocab)
            s_start, s_end = doc.sentence_at(city.start)
            event = nearest(lexicon.find(text, max(s_start, city.start - EVENT_REACH), min(s_end, city.end + EVENT_REACH)),
                            city.start)
            if event is None:
                continue
            parts, evidence = {"event": event.label}, {"event": event.words, "place": city.words}
            inside = vocab.actors.find(text, event.start, event.end)
            actor = inside[0] if inside else actor_in(doc, clause, event.start, event.end, vocab)
            if actor:
                parts["actor"], evidence["actor"] = actor.label, actor.words
            keyed = "actor" in parts  # "de top" alone could be any summit
            earlier = vocab.earlier.search(text, *doc.sentence_at(city.start))
            yield ClaimDraft(kind="place", start=city.start, end=city.end, value=TextValue(text=city.label),
                             key_parts=parts if keyed else {}, evidence=evidence if keyed else {},
                             earlier=earlier.group() if earlier else None,
                             unkeyed=None if keyed else "no actor of the event named")


__all__ = ["PlaceRule"]
