"""What is counted: the noun after a figure, the thing named before it, or asked about before.

"8500 militairen": troops, the first known noun just after; "Het aantal militairen ... wordt
opgevoerd, van 40.000": the thing whose number the sentence gives; "Hoeveel militairen ... is
niet bekend. Men schat het op 100.000": the thing the sentence before asks about; "nu zijn dat
er 40.000": the previous figure's thing again.
"""
from __future__ import annotations

import regex

from checker.rules.toolkit.analysis import Analysis, Document
from checker.rules.quantities.figure import Figure, Previous
from checker.rules.quantities.when import Change, change_around
from checker.rules.toolkit.context import Clause, clause_around
from checker.rules.toolkit.lexicon import Hit, Vocabulary
from checker.rules.toolkit.numbers import Amount

WORDS_TO_NOUN = 3  # a counted noun is at most this many words after the number
WORDS_TO_CHANGE = 8  # "de gevechtsgroepen al in omvang verdubbelde, van vier tot acht"
# Qualifiers may follow the counted noun closely, across a conjunction but not a comma:
# "8500 militairen paraat", "15.000 man extra", "130 vliegtuigen in actie of stand-by".
WORDS_AFTER_NOUN = regex.compile(r"(?:[\s(]+[\p{L}\-']+){0,6}")
PUNCTUATION = regex.compile(r"[.;:!?]")
BLANK_LINE = regex.compile(r"\n[^\S\n]*\n")
NEXT_WORD = regex.compile(r"\s+([\p{L}][\p{L}\-']*)")
# A word cut off by the text's source, a word or two after a figure: "circa 65.000 milit.."
CUT_OFF = regex.compile(r"(?:\s+[\p{L}\-]+){0,2}?\s+(\p{L}{4,})(?:\.\.+|…)(?!\p{L})")


def what_is_counted(doc: Document, amount: Amount, vocab: Vocabulary, figures: regex.Pattern) -> Figure:
    """A figure with its clause, sentence and change, and the concept it counts if one is named:
    after it, before it (the clause then reaches back to where it is named), or in the
    question the sentence before asks."""
    clause = clause_around(doc, amount.start, amount.end, vocab)
    sentence = doc.sentence_at(amount.start)
    change = change_around(doc, amount, vocab)
    concept, phrase = counted(doc, amount, clause.end, vocab), None
    if concept is None:
        concept, phrase = named_before(doc, amount, change, clause, sentence, vocab)
        if phrase and phrase[0] < clause.start:  # whose and where are said where the thing is named
            clause = Clause(clause_around(doc, phrase[0], phrase[0] + 1, vocab).start, clause.end)
    # a bare figure after a figure of a thing in its sentence is of that thing ("killed 45 people,
    # and 12 are missing"), not of one the sentence before names ("het dodental stijgt ... Het
    # aantal meldingen is van 30 toegenomen tot 43": the dead)
    thing = first_figure_of_a_thing(doc, sentence, vocab, figures)
    if concept is None and amount.unit is None and not names_a_noun(doc.scan_text, amount.end, vocab) \
            and not (thing is not None and thing < amount.start):
        concept, named = asked_before(doc, sentence, vocab, figures)
        if concept:  # "Hoeveel militairen ... is niet bekend. Men schat het op 100.000."
            clause = named
    return Figure(amount, clause, sentence, change, concept, phrase)


def counted(doc: Document, amount: Amount, clause_end: int, vocab: Vocabulary) -> Hit | None:
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


def named_before(doc: Document, amount: Amount, change: Change | None, clause: Clause, sentence: tuple[int, int],
                 vocab: Vocabulary) -> tuple[Hit | None, tuple[int, int] | None]:
    """The counted thing named before the figure, with the phrase that names it.

    "De reactiemacht wordt zeven keer zo groot": a multiple of the clause's subject;
    "de Navo verdubbelde de gevechtsgroepen, van vier tot acht": both figures of a change;
    "Het aantal militairen in hoge staat van paraatheid wordt opgevoerd, van 40.000 ...", "troop
    numbers in Belarus climb to 30,000": the thing whose number the sentence gives.
    """
    text = doc.scan_text
    if amount.unit == "times":
        hits = vocab.concepts.find(text, clause.start, amount.start)
        if hits:
            return hits[-1], (clause.start, amount.start)
    if change:
        hits = vocab.concepts.find(text, sentence[0], change.start)
        if hits and len(text[hits[-1].end:change.start].split()) <= WORDS_TO_CHANGE:
            return hits[-1], (hits[-1].start, change.start)
    for hit in reversed(vocab.concepts.find(text, clause.start, amount.start)):
        after = vocab.count_after.match(text, hit.end, amount.start)
        if after:  # "Russian troop numbers in Belarus are likely to climb to 30,000"
            phrase = WORDS_AFTER_NOUN.match(text, after.end(), amount.start)
            return hit, (hit.start, phrase.end())
    return number_of(text, amount, sentence, vocab)


def number_of(text: str, amount: Amount, sentence: tuple[int, int], vocab: Vocabulary):
    """The thing after the last count noun of the sentence before the figure: "Het aantal
    militairen ... wordt opgevoerd, van 40.000"."""
    found = None
    for m in vocab.count_noun.finditer(text, sentence[0], amount.start):
        found = m
    if found:
        hits = vocab.concepts.find(text, found.end(), min(amount.start, found.end() + 40))
        if hits and len(text[found.end():hits[0].start].split()) <= 2:
            phrase = WORDS_AFTER_NOUN.match(text, hits[0].end, amount.start)
            return hits[0], (found.start(), phrase.end())
    return None, None


def asked_before(doc: Document, sentence: tuple[int, int], vocab: Vocabulary, figures: regex.Pattern):
    """The thing a bare figure answers, with the clause that names it: the one thing the
    sentence before names when that sentence states no figure ("Hoeveel militairen er rond de
    grens zijn samengetrokken, is niet bekend. Inlichtingendiensten schatten het op 100.000")."""
    before = doc.sentence_before(sentence)
    if before is None or figures.search(doc.scan_text, *before) or BLANK_LINE.search(doc.scan_text, before[1], sentence[0] + 1):
        return None, None  # a question is answered in its paragraph, not under a heading after it
    hits = vocab.concepts.find(doc.scan_text, *before)
    if not hits or len({h.label for h in hits}) > 1:
        return None, None
    return hits[0], clause_around(doc, hits[0].start, hits[0].end, vocab)


def first_figure_of_a_thing(doc: Document, sentence: tuple[int, int], vocab: Vocabulary, figures: regex.Pattern) -> int | None:
    """Where the first figure of the sentence that a concept's noun follows begins, found once a
    sentence."""
    analysis = Analysis.of(doc)

    def work() -> int | None:
        text = analysis.scan_text
        return next((m.start() for m in figures.finditer(text, *sentence) if names_a_concept(text, m.end(), vocab)), None)
    return analysis.remember(("figure of a thing", sentence, vocab.language, id(vocab)), work)


def names_a_concept(text: str, end: int, vocab: Vocabulary) -> bool:
    """True when a noun of the vocabulary's concepts follows a figure closely ("45 mensen")."""
    hits = vocab.concepts.find(text, end, end + 40)
    return bool(hits) and len(text[end:hits[0].start].split()) <= WORDS_TO_NOUN


def names_a_noun(text: str, end: int, vocab: Vocabulary, passed: frozenset[str] = frozenset()) -> bool:
    """True when a word that is no function word follows a figure ("in 30 locations"), past the
    words of ``passed`` ("43 confirmed in Saxony" names none; "43 confirmed deaths" does)."""
    m = NEXT_WORD.match(text, end, end + 40)
    while m and m.group(1).lower() in passed:
        m = NEXT_WORD.match(text, m.end(), m.end() + 40)
    return bool(m) and m.group(1).lower() not in vocab.function_words


def same_thing_again(previous: Previous, vocab: Vocabulary) -> tuple[dict, dict]:
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


__all__ = ["asked_before", "counted", "named_before", "names_a_noun", "same_thing_again", "what_is_counted"]
