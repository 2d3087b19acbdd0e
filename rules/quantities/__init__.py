"""Q001 quantities: counts and amounts, with what they count, whose they are and where.

``extract`` reads each figure of an article in steps, each a module of this package:
``candidates`` (the tokens that may be figures), ``amount`` (value, range, bounds, unit),
``counted`` (what is counted), ``whose`` (whose and where, and the qualifiers), ``when`` (a
change, words that put a figure earlier), ``draft`` (the frame of people and open nouns, the
key or why there is none, the claim). ``figure`` holds what the steps hand on.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.rules.toolkit.analysis import Analysis
from checker.rules.toolkit.key_parts import KindSpec
from checker.models import ClaimDraft
from checker.registry import Options
from checker.rules.quantities.amount import amounts, point_in_time, reads_a_scale
from checker.rules.quantities.candidates import reader
from checker.rules.quantities.counted import what_is_counted
from checker.rules.quantities.draft import draft, duration, framed, keyed, spoken_of_again
from checker.rules.quantities.figure import Reading
from checker.rules.quantities.when import earlier_words
from checker.rules.quantities.whose import qualify, whose_and_where
from checker.rules.toolkit import key_parts as part
from checker.rules.toolkit.frame_differences import is_age, is_difference, is_score, part_start
from checker.rules.toolkit.frames import frame_vocabulary
from checker.rules.toolkit.lexicon import vocabulary
from checker.rules.toolkit.numbers import Amount
from checker.rules.toolkit.vocabulary import Language, VocabularyRule


class QuantityOptions(Options, kw_only=True):
    require_context: bool = True
    """Key a claim only when its sentence, or else its article, says whose or where the counted thing is."""


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

    def extract(self, doc: Analysis) -> Iterator[ClaimDraft]:
        lang = self.language(doc)
        vocab = vocabulary(lang)
        reading = Reading(doc, lang, vocab, frame_vocabulary(lang), reader(lang))
        figures = reading.read.g.candidate
        for amount in amounts(doc, lang, vocab):  # candidates and their amounts
            fig = what_is_counted(doc, amount, vocab, figures)
            fig.earlier = earlier_words(doc, amount, fig.clause, vocab, fig.change)  # time
            unkeyed = no_count(doc.scan_text, amount, lang)
            if unkeyed:
                yield draft(doc, fig, vocab, {}, {}, [], unkeyed=unkeyed)
                continue
            told = spoken_of_again(reading, fig) or duration(reading, fig)
            if not told:
                whose_and_where(doc, fig, vocab, figures)
                qualify(doc, fig, vocab, reading.read)
            claim = told or keyed(reading, fig, framed(reading, fig), self.options.require_context)
            part = part_start(doc.scan_text, amount.start, amount.end, lang) if amount.unit is None else None
            if part is not None and not says_its_own(claim, doc.scan_text[part:fig.sentence[1]]):
                # "Eight of the injured are in a critical condition": a part of the injured, whose
                # place and predicate are theirs; "of whom 29 have been identified" says its own
                claim = draft(doc, fig, vocab, {}, {}, [], unkeyed="a part of a count, not the count")
            yield claim


def no_count(text: str, amount: Amount, lang: Language) -> str | None:
    """Why a figure counts no thing of its clause, if it does not: the figure's own words say so."""
    start, end = amount.start, amount.end
    if point_in_time(text, amount, lang):  # "twee jaar geleden"
        return "a point in time"
    if reads_a_scale(text, amount, lang):
        # "a magnitude 7.8 earthquake" counts no earthquakes; the magnitudes of a quake and of its
        # aftershock are not one fact's two values
        return "a reading on a scale, its measure not named"
    if is_difference(text, start, end, lang):  # "61, three more than on Monday"
        return "a difference between two counts, not a count"
    if is_age(text, start, end, lang):  # "a 45-year-old man": who, not how many
        return "an age, not a count"
    if is_score(text, start, end):  # "met 3-1 gewonnen"
        return "a score, not a count"
    return None


def says_its_own(claim: ClaimDraft, own: str) -> bool:
    """Whether the words of a part of a count (``own``) say its place or what happened to it
    ("van wie vijftien in de stad Euskirchen", "of whom 29 have been identified"): a count in its
    own right, not the count of the whole."""
    for name in ("place", "predicate"):
        said = claim.evidence.get(name)
        if said and name not in claim.inferred and "(" not in said and said in own:  # not "(the sentence before)"
            return True
    return False


__all__ = ["QuantityOptions", "QuantityRule"]
