"""How two claims of one key compare: whether their values can both hold, whether their
circumstances differ, how their disagreement is reported.

These are the pairwise rules; :mod:`checker.disagreement` applies them to whole keys without
going pair by pair.
"""
from __future__ import annotations

from dataclasses import dataclass

from checker.extremes import spelling
from checker.keys import KeySchema
from checker.models import Claim, DateValue, Period, TextValue


WEEK = 7  # days: two reports less than this apart that announce one coming event speak of one event


@dataclass(frozen=True)
class Compared:
    """A claim with what comparison needs: its interval, the period it speaks of and, for a date
    its report of one day announces as coming, how many days ahead it lies (at most a week:
    ``ahead``; 0 when it is no such date). ``ahead`` is worked out from the claim's own period
    and kept when the claim is compared as of another period (see checker.disagreement)."""

    claim: Claim
    low: float
    high: float
    period: Period | None
    ahead: int | None = None

    def __post_init__(self) -> None:
        if self.ahead is None:
            object.__setattr__(self, "ahead", days_ahead(self.claim, self.period))


def days_ahead(claim: Claim, period: Period | None) -> int:
    """How many days (at most a week) a date lies after the one day of the report that gives it."""
    value = claim.value
    if not isinstance(value, DateValue) or period is None or period.start != period.end or value.start <= period.end:
        return 0
    return min((value.start - period.end).days, WEEK)


def text_of(m: Compared) -> str | None:
    """What a text value is compared by: its "id" part if it has one (a person's name skeleton),
    else its text."""
    return spelling(m)


def compatible(a: Compared, b: Compared) -> bool:
    """True when the two values can both be true."""
    if isinstance(a.claim.value, TextValue) or isinstance(b.claim.value, TextValue):
        return text_of(a) == text_of(b)
    return a.low <= b.high and b.low <= a.high


def contradict(a: Claim, b: Claim) -> bool:
    """True when both claims state a circumstance of one name, differently ("bij een brand",
    "bij een verkeersongeluk")."""
    return any(b.context.get(name, value) != value for name, value in a.context.items())


def specific(claim: Claim, schema: KeySchema) -> bool:
    """True when the claim's own sentence says a part that makes a key specific (for the
    built-in rules: where, in what state or at what event, "de snelle reactiemacht van 25.000
    man"), whatever its article had to add."""
    return bool(schema.specific_parts.intersection(claim.key_parts).difference(claim.inferred))


def weak(claim: Claim, schema: KeySchema) -> bool:
    """A thin key, partly inferred: see checker.disagreement.Corroboration."""
    return bool(claim.inferred) and not schema.specific_parts & claim.key_parts.keys()


def sentence_of(m: Compared) -> tuple[str, int]:
    return m.claim.article, m.claim.sentence_start


def status_between(a: Compared, b: Compared, schema: KeySchema) -> str | None:
    """How two disagreeing claims of different articles are reported, or None if not at all.

    It reads of ``b`` only whether it is inferred, specific, of earlier time or a running tally,
    and its period: whether it is known, overlaps ``a``'s or is ``a``'s one same day."""
    compared_as = schema.kind(a.claim.kind).compared_as
    if compared_as == "spelling":
        return "variant"  # a spelling is no fact of a moment
    if a.claim.inferred and b.claim.inferred and not (specific(a.claim, schema) and specific(b.claim, schema)):
        return None  # two claims matched only through what their articles are about: too weak
    if compared_as == "recurring":
        # An event recurs: one of another time (last year's summit, "twaalf jaar geleden") or
        # of unknown time is another event, not a moved one; unless two reports less than a
        # week apart both announce it as coming, after both their days (moved, or one is wrong).
        known = a.period is not None and b.period is not None and a.period.overlaps(b.period)
        if known:
            return "conflict" if bool(a.claim.earlier) == bool(b.claim.earlier) else None
        return "changed" if announced_together(a, b) else None
    if bool(a.claim.earlier) != bool(b.claim.earlier):
        return "changed"  # "oorspronkelijk 13.000" against today's figure
    if a.period is None or b.period is None:
        return "undated"  # the same moment or not: the texts do not tell
    if (a.claim.running or b.claim.running) and not same_day(a.period, b.period):
        return "changed"  # a running tally of two reports that need not be of one moment
    return "conflict" if a.period.overlaps(b.period) else "changed"


def announced_together(a: Compared, b: Compared) -> bool:
    """True when the reports of two dates, each of one day and less than a week apart, both
    announce them as coming after both their days ("de top is op 6 april" on 10 March, "op 5
    april" on 11 March). It reads of ``b`` its period and how far ahead its date lies."""
    if not (a.ahead and b.ahead) or a.claim.earlier or b.claim.earlier or a.period is None or b.period is None \
            or a.period.start != a.period.end or b.period.start != b.period.end:
        return False
    apart = (b.period.start - a.period.start).days
    return 0 < abs(apart) < WEEK and a.ahead > apart and b.ahead > -apart


def same_day(a: Period, b: Period) -> bool:
    """True when both periods are the one same day."""
    return a.start == a.end == b.start == b.end
