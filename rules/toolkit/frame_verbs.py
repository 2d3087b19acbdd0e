"""Frame verbs: the verbs of being or amounting that end the noun phrase an amount measures,
whole or split from their particle ("Het begrotingstekort loopt op tot 2,9 procent": oplopen)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from checker.rules.toolkit.lemmas import lemma
from checker.rules.toolkit.lexicon import data_cache
from checker.rules.toolkit.vocabulary import Language, frames_data, frames_grammar

if TYPE_CHECKING:
    from checker.rules.toolkit.frames import FigureContext, FrameVocabulary

WORD = regex.compile(r"\p{L}[\p{L}\-'’]*")
MEASURE_REACH = 8  # words: a noun an amount is said to be stands at most this many words before it
VERB_AFTER = 2  # words: a clause's last verb stands at most this many words after its figure


def equated(ctx: FigureContext, head_end: int, fv: FrameVocabulary) -> bool:
    """True when the words between a noun and the amount make the amount its measure: a verb
    of being or amounting ("de schade is", "turnout was", "kwam uit op") or "van", "of" right
    after it ("een begrotingstekort van", "a turnout of"), or such a verb before its subject or
    closing a Dutch clause after the figure ("dat de economie met 1,1 procent groeit"); not "De
    gemeente trekt 5 miljoen uit"."""
    text = ctx.doc.scan_text
    words = [m.group().lower() for m in WORD.finditer(text, head_end, ctx.figure[0])]
    if words[:1] and words[0] in fv.measure_of:
        return True
    if len(words) > MEASURE_REACH or any(lemma(w, fv.language) in spending(fv.source) for w in words):
        return False  # too far to be said of it, or whose it is: "The cabinet will spend 2 billion"
    before = [m.group().lower() for m in WORD.finditer(text, ctx.clause[0], head_end)]
    # "Volgens het CBS groeide de economie met 0,8 procent": the verb before its subject
    after = [m.group().lower() for m in WORD.finditer(text, ctx.figure[1], ctx.clause[1])]
    closing = after if len(after) <= VERB_AFTER and verb_final(fv.source) else []
    parted = clause_particles(text, ctx.clause, fv)
    return any(measure_stop(w, fv, parted) and lemma(w, fv.language) not in fv.possessing
               for w in words + before[-4:] + closing)


@data_cache
def verb_final(language: Language) -> bool:
    """True for a language whose subordinate clause ends with its verb (`[grammar] verb_final`
    of frames.toml: "dat de economie met 1,1 procent groeit")."""
    data = frames_data(language)
    return bool(data.get("grammar", {}).get("verb_final", False))


@data_cache
def spending(language: Language) -> frozenset[str]:
    """The verbs of `[grammar] spending` of frames.toml: their subject spends or receives an
    amount, it is no measure of it ("Het kabinet trekt 2 miljard uit")."""
    data = frames_data(language)
    return frozenset(data.get("grammar", {}).get("spending", []))


@data_cache
def receiving(language: Language) -> tuple[frozenset[str], frozenset[str]]:
    """The verbs of `[grammar] receiving` of frames.toml and the `more_particles` that close such
    a clause and make the amount more of it ("Defensie krijgt er 1,8 miljard euro bij")."""
    grammar = frames_grammar(language)
    return frozenset(grammar.get("receiving", [])), frozenset(grammar.get("more_particles", []))


def receiver(text: str, clause: tuple[int, int], figure: int, fv: FrameVocabulary) -> regex.Match | None:
    """The one-word subject right before a verb of receiving, before the figure in its clause
    ("Defensie krijgt er 1,8 miljard bij", "defence gets 2 billion"); none for a name inside the
    sentence ("Ajax krijgt"): a name is someone, not what the money is for."""
    verbs = receiving(fv.source)[0]
    words = list(WORD.finditer(text, clause[0], figure))
    for before, verb in zip(words, words[1:]):
        if lemma(verb.group().lower(), fv.language) in verbs and not text[before.end():verb.start()].strip(" "):
            opens = not text[clause[0]:before.start()].strip(" \t\n\"'“‘")
            return before if before.group()[:1].islower() or opens else None
    return None


def received_more(text: str, clause: tuple[int, int], figure_end: int, fv: FrameVocabulary) -> tuple[int, int] | None:
    """The span of a clause of receiving whose closing particle makes its amount more of what was
    there ("krijgt er in 2027 1,8 miljard euro bij": extra), or None."""
    verbs, particles = receiving(fv.source)
    words = list(WORD.finditer(text, *clause))
    closing = [m for m in WORD.finditer(text, figure_end, clause[1])]
    if not particles or len(closing) != 1 or closing[0].group().lower() not in particles:
        return None
    verb = next((m for m in words if lemma(m.group().lower(), fv.language) in verbs and m.end() <= figure_end), None)
    return (verb.start(), closing[0].end()) if verb else None


def measure_stop(word: str, fv: FrameVocabulary, particles: frozenset[str] = frozenset()) -> bool:
    """True for a verb of being or amounting, by its lemma or as written ("sentenced": no noun),
    or by its lemma with a particle its clause writes ("Het tekort loopt op": oplopen, never a
    noun "lopen" the amount measures)."""
    base = lemma(word, fv.language)
    return word in fv.measure_stops or base in fv.measure_stops or any(p + base in fv.measure_stops for p in particles)


def clause_particles(text: str, clause: tuple[int, int], fv: FrameVocabulary) -> frozenset[str]:
    """The particles of separable verbs of ``[grammar] particles`` a clause writes ("loopt op tot": op)."""
    return fv.particles.intersection(w.lower() for w in WORD.findall(text, *clause))


__all__ = ["MEASURE_REACH", "clause_particles", "equated", "measure_stop", "received_more", "receiver", "verb_final"]
