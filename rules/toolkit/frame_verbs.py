"""Frame verbs: the verbs of being or amounting that end the noun phrase an amount measures,
whole or split from their particle ("Het begrotingstekort loopt op tot 2,9 procent": oplopen)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from checker.rules.toolkit.lemmas import lemma

if TYPE_CHECKING:
    from checker.rules.toolkit.frames import FrameVocabulary

WORD = regex.compile(r"\p{L}[\p{L}\-'’]*")


def measure_stop(word: str, fv: FrameVocabulary, particles: frozenset[str] = frozenset()) -> bool:
    """True for a verb of being or amounting, by its lemma or as written ("sentenced": no noun),
    or by its lemma with a particle its clause writes ("Het tekort loopt op": oplopen, never a
    noun "lopen" the amount measures)."""
    base = lemma(word, fv.language)
    return word in fv.measure_stops or base in fv.measure_stops or any(p + base in fv.measure_stops for p in particles)


def clause_particles(text: str, clause: tuple[int, int], fv: FrameVocabulary) -> frozenset[str]:
    """The particles of separable verbs of ``[grammar] particles`` a clause writes ("loopt op tot": op)."""
    return fv.particles.intersection(w.lower() for w in WORD.findall(text, *clause))


__all__ = ["clause_particles", "measure_stop"]
