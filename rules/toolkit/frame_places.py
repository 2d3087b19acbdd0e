"""Places inside places: "in a collapsed hotel in Marrakesh" counts the hotel's dead, not the town's.

A phrase of place right before a named place (a building, a cellar, a street) says where inside
that place a count was made; its key names both, so it is never compared with the town's toll.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from checker.rules.toolkit.gazetteer import slug
from checker.rules.toolkit.lemmas import lemma
from checker.rules.toolkit.numerals import word_value

if TYPE_CHECKING:
    from checker.rules.toolkit.frames import FrameVocabulary


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
    if not words:
        return None
    head = lemma(words[-1], fv.language)
    if fv.kind_after.match(f" {words[-1]}") or head in fv.time_nouns or head in fv.measure_stops \
            or fv.predicate(words[-1]) or words[-1] in fv.people \
            or any(fv.causes.find(w) for w in words) or any(word_value(w, fv.language) is not None for w in words):
        return None
    return slug(head) or None


def event_before(text: str, start: int, fv: FrameVocabulary) -> bool:
    """True when an event is named right before a phrase of place: "died in a fire in a tower
    block in Leeds" is the fire's place, so the fire's toll is the block's and the town's alike."""
    return any(not text[h.end:start].strip() for h in fv.causes.find(text, max(0, start - 40), start))
