"""Comparing claims: groups by key in, findings out.

Claims with the same key from different articles are compared as intervals. Two values that
cannot both hold make a finding: ``conflict`` when the claims refer to the same period as far
as the texts tell, ``changed`` when they refer to different periods (a tally that moved on),
``undated`` when the time of one of them is unknown (an article with no date line and no dates).
"""
from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta

from checker.keys import KeySchema
from checker.confidence import judge
from checker.models import (
    Article,
    Claim,
    DateValue,
    Finding,
    Period,
    QuantityValue,
    TextValue,
)

APPROXIMATION = 0.10  # "zo'n", "ongeveer", "circa" agree with values within about 10%
# Of the last digit's place, either way: a figure agrees with the more precise ones it rounds
# ("34" with 34,2 and 34,4, "2 billion" with 1.8 billion), not with a half-way one (2,5 and 3
# billion) nor another of its own precision (distinct whole numbers, 2,0 and 2,1), since the
# two widths together stay under one place (0.45 + 0.045).
ROUNDING = 0.45


@dataclass(frozen=True)
class Compared:
    """A claim with what comparison needs: its interval and the period it speaks of."""

    claim: Claim
    low: float
    high: float
    period: Period | None


def interval(value: QuantityValue | DateValue | TextValue | None) -> tuple[float, float] | None:
    """A value as a closed numeric interval; open sides are infinite; None if not numeric."""
    if isinstance(value, QuantityValue):
        low = -math.inf if value.low is None else value.low
        high = math.inf if value.high is None or value.vague else value.high
        if value.approximate:
            low, high = low * (1 - APPROXIMATION), high * (1 + APPROXIMATION)
        elif value.step:  # a figure as written stands for those it rounds: "34" for 34.2, not 34.5
            low, high = low - value.step * ROUNDING, high + value.step * ROUNDING
        return low, high
    if isinstance(value, DateValue):
        return float(value.start.toordinal()), float(value.end.toordinal())
    return None


def compatible(a: Compared, b: Compared) -> bool:
    """True when the two values can both be true."""
    if isinstance(a.claim.value, TextValue) or isinstance(b.claim.value, TextValue):
        return text_of(a) == text_of(b)
    return a.low <= b.high and b.low <= a.high


SHORT_DATE = 31  # days: a date this precise dates the sentence that gives it
NEWS_SPAN = 62  # days: the dates an undated article gives span at most this when they date it


def article_periods(claims: Sequence[Claim], articles: dict[str, Article], schema: KeySchema) -> dict[str, Period | None]:
    """Each article's period: its own date, else the span of the precise dates it gives.

    An undated article that dates its events within two months ("op 24 februari", "begin
    maart") is taken to speak of those months; one whose dates spread wider stays undated.
    """
    spans: dict[str, list] = defaultdict(list)
    for c in claims:
        if dates_its_sentence(c, schema):
            spans[c.article].append(c.value)
    periods = {}
    for aid, article in articles.items():
        values = spans.get(aid)
        if article.date is not None or not values:
            periods[aid] = article.date
            continue
        start, end = min(v.start for v in values), max(v.end for v in values)
        periods[aid] = Period(start=start, end=end) if (end - start).days <= NEWS_SPAN else None
    return periods


def text_of(m: Compared) -> str | None:
    """What a text value is compared by: its "id" part if it has one (a person's name skeleton),
    else its text."""
    v = m.claim.value
    return v.parts.get("id", v.text) if isinstance(v, TextValue) else None


def dates_its_sentence(claim: Claim, schema: KeySchema) -> bool:
    """True for a claim of a kind of times whose value is precise enough to date its sentence."""
    v = claim.value
    return schema.kind(claim.kind).dates and isinstance(v, DateValue) and (v.end - v.start).days <= SHORT_DATE


def claim_periods(claims: Sequence[Claim], articles: dict[str, Article], schema: KeySchema) -> dict[str, Period | None]:
    """The period each claim speaks of: its own, a dated sentence's, or its article's period."""
    sentence_dates: dict[tuple[str, int], Period] = {}
    for c in claims:
        # the date of an event the sentence names ("since the invasion on 24 February") is the
        # event's, not the time of the sentence's figures
        if dates_its_sentence(c, schema) and c.key is None:
            sentence_dates.setdefault((c.article, c.sentence_start), Period(start=c.value.start, end=c.value.end))
    by_article = article_periods(claims, articles, schema)
    periods: dict[str, Period | None] = {}
    for c in claims:
        if c.period is not None:
            periods[c.id] = c.period
        elif not schema.kind(c.kind).dates and (c.article, c.sentence_start) in sentence_dates:
            periods[c.id] = sentence_dates[(c.article, c.sentence_start)]
        else:
            periods[c.id] = by_article.get(c.article)
    return periods


def finding_id(key: str, status: str, claims: Iterable[Claim]) -> str:
    """Stable across runs: derived from the key, the status and the evidence, not from order."""
    h = hashlib.sha1()
    h.update(f"{key}\n{status}\n".encode())
    for c in sorted(claims, key=lambda c: c.id):
        h.update(f"{c.article}|{c.text}|{c.sentence}\n".encode())
    return "F" + h.hexdigest()[:10]


def describe(members: Sequence[Compared]) -> str:
    """One line an editor reads: who says what, oldest first."""
    parts = []
    for m in members:
        value = m.claim.value.as_text() if m.claim.value is not None else "?"
        when = f" ({m.period.label()})" if m.period else ""
        who = f" per {m.claim.attribution}" if m.claim.attribution else ""
        parts.append(f"{m.claim.article}{when}: {value}{who}")
    preferred = {m.claim.value.parts["preferred"] for m in members
                 if isinstance(m.claim.value, TextValue) and "preferred" in m.claim.value.parts}
    if preferred:
        parts.append(f"house style: {', '.join(sorted(preferred))}")
    return "; ".join(parts)


def _finding(key: str, status: str, members: Iterable[Compared], focus: set[str] | None = None) -> Finding:
    ordered = sorted(members, key=lambda m: (m.period.start.toordinal() if m.period else 0, m.claim.id))
    by_id = {m.claim.id: m for m in ordered}
    judged = judge([m.claim for m in ordered], {m.claim.id: m.period for m in ordered},
                   lambda a, b: not compatible(by_id[a.id], by_id[b.id]) and not contradict(a, b), focus)
    return Finding(
        id=finding_id(key, status, [m.claim for m in ordered]),
        status=status,
        key=key,
        kind=ordered[0].claim.kind,
        claims=[m.claim.id for m in ordered],
        reason=describe(ordered),
        confidence=judged.confidence,
        signals=judged.signals,
    )


def find_conflicts(claims: Sequence[Claim], articles: dict[str, Article], schema: KeySchema,
                   focus: set[str] | None = None) -> list[Finding]:
    """Findings for every key whose claims from different articles cannot all be true.

    With ``focus`` (claim ids: a draft's), only pairs with a claim of it are compared, so that
    the cost follows the draft and not the archive it is checked against."""
    periods = claim_periods(claims, articles, schema)
    groups: dict[str, list[Compared]] = defaultdict(list)
    for c in claims:
        if c.key is None or c.value is None:
            continue
        span = interval(c.value)
        low, high = span if span else (0.0, 0.0)
        groups[c.key].append(Compared(c, low, high, periods[c.id]))
    for c, days in spans_of_days(claims):
        duration = schema.duration_key(c.kind, c.key)
        if duration in groups:  # only where an article states a duration
            groups[duration].append(Compared(c, days, days, periods[c.id]))
    support = Corroboration((m for ms in groups.values() for m in ms), schema)
    findings = []
    for key in sorted(groups):
        members = groups[key]
        if focus is not None and not any(m.claim.id in focus for m in members):
            continue
        if len({m.claim.article for m in members}) < 2 or all_agree(members):
            continue
        involved = disagreeing(members, schema, support, focus)
        if involved["conflict"]:  # one alarm per key: claims of unknown time join it
            seen = {m.claim.id for m in involved["conflict"]}
            involved["conflict"] += [m for m in involved.pop("undated") if m.claim.id not in seen]
        for status in ("conflict", "undated", "changed", "variant"):
            if involved.get(status):
                findings.append(_finding(key, status, involved[status], focus))
    return findings


def specific(claim: Claim, schema: KeySchema) -> bool:
    """True when the claim's own sentence says a part that makes a key specific (for the
    built-in rules: where, in what state or at what event, "de snelle reactiemacht van 25.000
    man"), whatever its article had to add."""
    return bool(schema.specific_parts.intersection(claim.key_parts).difference(claim.inferred))


def weak(claim: Claim, schema: KeySchema) -> bool:
    """A thin key, partly inferred: see Corroboration."""
    return bool(claim.inferred) and not schema.specific_parts & claim.key_parts.keys()


class Corroboration:
    """Whether two claims' sentences agree on something else.

    A claim whose key is thin (what is counted and whose, no place, qualifier or event) and
    partly taken from its article (an actor the sentence does not name) is matched weakly: it
    makes a finding only when its sentence and the other claim's sentence also state another
    figure with one key and compatible values ("130 jachtvliegtuigen" beside "140 schepen" in
    one article, "130 vliegtuigen" beside "meer dan 200 schepen" in the other).
    """

    def __init__(self, members: Iterable[Compared], schema: KeySchema) -> None:
        self.schema = schema
        self.by_sentence: dict[tuple[str, int], list[Compared]] = defaultdict(list)
        self.by_key: dict[str | None, list[Compared]] = defaultdict(list)
        for m in members:
            self.by_sentence[sentence_of(m)].append(m)
            self.by_key[m.claim.key].append(m)
        self._backing: dict[tuple, frozenset[tuple[str, int]]] = {}

    def backing(self, x: Compared) -> frozenset[tuple[str, int]]:
        """The sentences of other articles that state another figure of x's sentence compatibly."""
        cached = self._backing.get((sentence_of(x), x.claim.key))
        if cached is not None:
            return cached
        found = set()
        for m in self.by_sentence[sentence_of(x)]:
            if m.claim.key == x.claim.key:
                continue
            found.update(sentence_of(n) for n in self.by_key[m.claim.key]
                         if n.claim.article != x.claim.article and compatible(m, n))
        self._backing[(sentence_of(x), x.claim.key)] = frozenset(found)
        return self._backing[(sentence_of(x), x.claim.key)]

    def __call__(self, a: Compared, b: Compared) -> bool:
        return not (weak(a.claim, self.schema) or weak(b.claim, self.schema)) or sentence_of(b) in self.backing(a)


def sentence_of(m: Compared) -> tuple[str, int]:
    return m.claim.article, m.claim.sentence_start


def spans_of_days(claims: Sequence[Claim]) -> Iterator[tuple[Claim, float]]:
    """Claims of times that give an event's first and last day ("6-7 april", "van 10 tot 20 februari"),
    with the number of days they span: a duration stated elsewhere ("de top duurt twee dagen")
    is checked against them. Whole months and years say nothing of how long an event lasts."""
    for c in claims:
        v = c.value
        if c.key is None or not isinstance(v, DateValue) or v.end <= v.start or whole_months(v):
            continue
        yield c, float((v.end - v.start).days + 1)


def whole_months(v: DateValue) -> bool:
    return v.start.day == 1 and (v.end + timedelta(days=1)).day == 1


def all_agree(members: Sequence[Compared]) -> bool:
    """True when one value fits every claim: nothing to compare pair by pair."""
    if any(isinstance(m.claim.value, TextValue) for m in members):
        return len({text_of(m) for m in members}) == 1
    return max(m.low for m in members) <= min(m.high for m in members)


def status_between(a: Compared, b: Compared, schema: KeySchema) -> str | None:
    """How two disagreeing claims of different articles are reported, or None if not at all."""
    compared_as = schema.kind(a.claim.kind).compared_as
    if compared_as == "spelling":
        return "variant"  # a spelling is no fact of a moment
    if a.claim.inferred and b.claim.inferred and not (specific(a.claim, schema) and specific(b.claim, schema)):
        return None  # two claims matched only through what their articles are about: too weak
    if compared_as == "recurring":
        # An event recurs: one of another time (last year's summit, "twaalf jaar geleden") or
        # of unknown time is another event, not a moved one; but two reports of a few days
        # apart that both announce it (a date still to come) speak of one coming event.
        if a.period is None or b.period is None or bool(a.claim.earlier) != bool(b.claim.earlier):
            return None
        if a.period.overlaps(b.period):
            return "conflict"
        return "changed" if announced(a) and announced(b) and days_apart(a.period, b.period) <= NEAR else None
    if bool(a.claim.earlier) != bool(b.claim.earlier):
        return "changed"  # "oorspronkelijk 13.000" against today's figure
    if a.period is None or b.period is None:
        return "undated"  # the same moment or not: the texts do not tell
    if (a.claim.running or b.claim.running) and not same_day(a.period, b.period):
        return "changed"  # a running tally of two reports that need not be of one moment
    return "conflict" if a.period.overlaps(b.period) else "changed"


NEAR = 7  # days: two reports this close that announce an event's date announce one event


def announced(m: Compared) -> bool:
    """True for the date of an event still to come when its article appeared."""
    v = m.claim.value
    return isinstance(v, DateValue) and m.period is not None and v.start > m.period.end


def days_apart(a: Period, b: Period) -> int:
    """Days between two periods that do not overlap."""
    return max(a.start, b.start).toordinal() - min(a.end, b.end).toordinal()


def same_day(a: Period, b: Period) -> bool:
    """True when both periods are the one same day."""
    return a.start == a.end == b.start == b.end


@dataclass
class Bucket:
    """Claims of one key that share what decides a status: period, earlier-time words, inference.

    Any two claims of two buckets have one status; a bucket's extremes (the highest low ends
    and lowest high ends, of two different articles) tell whether a claim disagrees with any
    claim of it, so that a key of n claims in b buckets costs n * b steps, not n * n.
    """

    members: list[Compared]
    top_lows: list[Compared]
    bottom_highs: list[Compared]
    _by_sentence: dict[tuple[str, int], list[Compared]] | None = None

    @classmethod
    def of(cls, members: list[Compared]) -> "Bucket":
        return cls(members, two_articles(sorted(members, key=lambda m: -m.low)),
                   two_articles(sorted(members, key=lambda m: m.high)))

    def in_sentences(self, sentences: frozenset[tuple[str, int]]) -> list[Compared]:
        if not sentences:
            return []
        if self._by_sentence is None:
            self._by_sentence = defaultdict(list)
            for m in self.members:
                self._by_sentence[sentence_of(m)].append(m)
        return [m for s in sentences for m in self._by_sentence.get(s, ())]

    def disagrees_with(self, x: Compared) -> bool:
        above = next((m for m in self.top_lows if m.claim.article != x.claim.article), None)
        below = next((m for m in self.bottom_highs if m.claim.article != x.claim.article), None)
        return bool(above and above.low > x.high or below and below.high < x.low)


def two_articles(ordered: list[Compared]) -> list[Compared]:
    """The first claim, and the first after it from another article."""
    out = ordered[:1]
    for m in ordered[1:]:
        if m.claim.article != out[0].claim.article:
            out.append(m)
            break
    return out


def contradict(a: Claim, b: Claim) -> bool:
    """True when both claims state a circumstance of one name, differently ("bij een brand",
    "bij een verkeersongeluk")."""
    return any(b.context.get(name, value) != value for name, value in a.context.items())


def disagreeing(members: Sequence[Compared], schema: KeySchema, support: Corroboration | None = None,
                focus: set[str] | None = None) -> dict[str, list[Compared]]:
    """The claims that disagree with a claim of another article, by the status of that disagreement.

    Claims are bucketed by what decides a status; a weakly matched claim (see Corroboration)
    is compared only with the claims of the sentences that corroborate it. With ``focus`` only
    the pairs with a claim of it count (see disagreeing_with).
    """
    support = support or Corroboration(members, schema)
    involved: dict[str, dict[str, Compared]] = {"conflict": {}, "undated": {}, "changed": {}, "variant": {}}

    def mark(a: Compared, b: Compared) -> None:
        if a.claim.article != b.claim.article and not compatible(a, b) and not contradict(a.claim, b.claim) \
                and support(a, b):
            status = status_between(a, b, schema)
            if status:
                involved[status].update({a.claim.id: a, b.claim.id: b})

    if any(isinstance(m.claim.value, TextValue) for m in members):
        chosen = members if focus is None else [m for m in members if m.claim.id in focus]
        for a in chosen:
            for b in by_spelling(members, a):  # one spelling agrees with itself: never compared
                if focus is None and b.claim.id <= a.claim.id:
                    continue
                mark(a, b)
        return {k: list(v.values()) for k, v in involved.items()}
    grouped: dict[tuple, list[Compared]] = defaultdict(list)
    for m in members:
        grouped[(m.period, bool(m.claim.earlier), bool(m.claim.inferred), weak(m.claim, schema),
                 bool(m.claim.running), announced(m), tuple(sorted(m.claim.context.items())))].append(m)
    buckets = [Bucket.of(ms) for ms in grouped.values()]
    everyone = Bucket.of(list(members))
    strong = [b for b in buckets if not weak(b.members[0].claim, schema)]
    if focus is not None:
        disagreeing_with(focus, buckets, strong, everyone, schema, support, involved, mark)
        return {k: list(v.values()) for k, v in involved.items()}
    for a in buckets:
        if weak(a.members[0].claim, schema):
            for x in a.members:
                for y in everyone.in_sentences(support.backing(x)):
                    mark(x, y)
            continue
        for b in strong:
            if contradict(a.members[0].claim, b.members[0].claim):
                continue  # one fire, one road accident: two things, whatever the key says
            status = status_between(a.members[0], b.members[0], schema)
            if status is None:
                continue
            for x in a.members:
                if x.claim.id not in involved[status] and b.disagrees_with(x):
                    involved[status][x.claim.id] = x
    return {k: list(v.values()) for k, v in involved.items()}


def by_spelling(members: Sequence[Compared], a: Compared) -> list[Compared]:
    """The members spelled otherwise than ``a``: the only ones it can disagree with."""
    own = text_of(a)
    return [b for b in members if b is not a and text_of(b) != own]


def disagreeing_with(focus: set[str], buckets: list[Bucket], strong: list[Bucket], everyone: Bucket,
                     schema: KeySchema, support: Corroboration, involved: dict[str, dict[str, Compared]],
                     mark: Callable[[Compared, Compared], None]) -> None:
    """Mark the pairs of disagreeing claims with a claim of ``focus`` in them, as ``disagreeing``
    marks them among all claims: a pair with a weakly matched claim where one sentence backs the
    other (which holds both ways), a pair of others by what their buckets decide."""
    for a in buckets:
        for x in (m for m in a.members if m.claim.id in focus):
            backed = everyone.in_sentences(support.backing(x))
            if weak(x.claim, schema):
                for y in backed:
                    mark(x, y)
                continue
            for y in backed:
                if weak(y.claim, schema):
                    mark(x, y)
            for b in strong:
                if contradict(a.members[0].claim, b.members[0].claim):
                    continue
                status = status_between(a.members[0], b.members[0], schema)
                if status is None:
                    continue
                ys = [y for y in b.members if y.claim.article != x.claim.article and (y.low > x.high or y.high < x.low)]
                if ys:
                    involved[status].update({m.claim.id: m for m in (x, *ys)})
