"""Which claims of one key disagree with a claim of another article, and how, without going pair
by pair: the cost of a key of n claims grows as n log n, however many copies, periods or weakly
matched claims it holds.

A claim is involved in a finding of a status when some claim of another article disagrees with
it with that status (see :func:`checker.pairs.status_between`). Claims are bucketed by what
decides a status (period, earlier-time words, inference, running tally, circumstances); any two
claims of two buckets have the status of the buckets' first claims. The buckets of one class
(all of that but the period) are summarised in a :class:`PeriodIndex`, so that for each bucket
the claims it may disagree with are merged per status in a few log-time queries, and each of its
claims is then judged in one step. Weakly matched claims are compared only with the claims of
sentences that corroborate theirs (see :class:`Corroboration`): the claims beside figures of one
value are taken together and met the same way, so that copies of one sentence in many articles
cost as one. A draft's claims (a focus) find what they disagree with by value, by bisection.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from checker.extremes import Extremes, PeriodIndex, Spellings, merged, spelling
from checker.keys import KeySchema
from checker.models import Period, TextValue
from checker import pairs
from checker.pairs import WEEK, Compared, contradict, sentence_of, specific, status_between, weak

STATUSES = ("conflict", "undated", "changed", "variant")
Involved = dict[str, dict[str, Compared]]


class Corroboration:
    """The claims of each sentence, to tell whether two claims' sentences agree on something else.

    A claim whose key is thin (what is counted and whose, no place, qualifier or event) and
    partly taken from its article (an actor the sentence does not name) is matched weakly: it
    makes a finding only when its sentence and the other claim's sentence also state another
    figure with one key and compatible values ("130 jachtvliegtuigen" beside "140 schepen" in
    one article, "130 vliegtuigen" beside "meer dan 200 schepen" in the other).
    """

    def __init__(self, members: Iterable[Compared], schema: KeySchema) -> None:
        self.schema = schema
        self.by_sentence: dict[tuple[str, int], list[Compared]] = defaultdict(list)
        for m in members:
            self.by_sentence[sentence_of(m)].append(m)


def disagreeing(members: Sequence[Compared], schema: KeySchema, support: Corroboration | None = None,
                focus: set[str] | None = None) -> dict[str, list[Compared]]:
    """The claims that disagree with a claim of another article, by the status of that disagreement.

    With ``focus`` (claim ids: a draft's) only the pairs with a claim of it count, and the cost
    follows the focus's claims (times the log of the key's, and what they disagree with)."""
    support = support or Corroboration(members, schema)
    involved: Involved = {s: {} for s in STATUSES}
    text = any(isinstance(m.claim.value, TextValue) for m in members)
    thin = [m for m in members if weak(m.claim, schema)]
    strong = [m for m in members if not weak(m.claim, schema)]
    if focus is None:
        mark_corroborated(thin, members, support, text, involved)
        mark_by_buckets(strong, schema, text, involved)
    else:
        chosen = [m for m in members if m.claim.id in focus]
        mark_corroborated([m for m in chosen if weak(m.claim, schema)], members, support, text, involved)
        mark_corroborated([m for m in chosen if not weak(m.claim, schema)], thin, support, text, involved)
        focused = [m for m in chosen if not weak(m.claim, schema)]
        if text:
            mark_spellings_of(focused, strong, schema, involved)
        else:
            mark_values_of(focused, strong, schema, involved)
    return {k: list(v.values()) for k, v in involved.items()}


def bucket_key(m: Compared, schema: KeySchema, exact: bool) -> tuple:
    """What decides the status of a claim's disagreements. Exact buckets hold claims alike in all
    that a status reads; the buckets of the numeric claims of a key are read by their first
    claims (kinds and specificity may differ within a bucket of a key of durations)."""
    c = m.claim
    key = (m.period, bool(c.earlier), bool(c.inferred), weak(c, schema), bool(c.running),
           tuple(sorted(c.context.items())), m.ahead)
    return (*key, c.kind, specific(c, schema)) if exact else key


def buckets_of(members: Iterable[Compared], schema: KeySchema, exact: bool) -> list[list[Compared]]:
    grouped: dict[tuple, list[Compared]] = defaultdict(list)
    for m in members:
        grouped[bucket_key(m, schema, exact)].append(m)
    return list(grouped.values())


def by_class(buckets: Iterable[list[Compared]], schema: KeySchema, text: bool) -> list[tuple[Compared, PeriodIndex]]:
    """The buckets of each class (what a status reads of a bucket's first claim but its period),
    summarised by period: a class's first claim and its PeriodIndex."""
    summary = Spellings.of if text else Extremes.of
    classes: dict[tuple, tuple[Compared, list]] = {}
    for ms in buckets:
        c = ms[0].claim
        cls = (c.kind, bool(c.earlier), bool(c.inferred), specific(c, schema), bool(c.running),
               tuple(sorted(c.context.items())), ms[0].ahead)
        classes.setdefault(cls, (ms[0], []))[1].append((ms[0].period, summary(ms)))
    return [(rep, PeriodIndex(items)) for rep, items in classes.values()]


def mark_buckets(buckets: Iterable[list[Compared]], indexes: list[tuple[Compared, PeriodIndex]],
                 schema: KeySchema, involved: Involved, second: bool = False) -> None:
    """Mark each claim of the buckets that disagrees with a claim of another article of the
    indexed ones, with the status the two buckets' first claims decide (read with the bucket's
    claim second if ``second``)."""
    known: dict[tuple, tuple | None] = {}
    for ms in buckets:
        against = partners(ms[0], indexes, schema, second, known)
        for x in ms:
            for status, others in against.items():
                if x.claim.id not in involved[status] and others.disagrees_with(x):
                    involved[status][x.claim.id] = x


def mark_by_buckets(strong: Sequence[Compared], schema: KeySchema, text: bool, involved: Involved) -> None:
    """Mark each claim that disagrees with a claim of another article (neither weakly matched),
    with the status its bucket and the other's decide (a text key's buckets are exact)."""
    buckets = buckets_of(strong, schema, text)
    mark_buckets(buckets, by_class(buckets, schema, text), schema, involved)


EVER = Period(start=date(2000, 1, 1), end=date(2000, 1, 1))  # a period, when any will do


def partners(a: Compared, indexes: list[tuple[Compared, PeriodIndex]], schema: KeySchema,
             second: bool = False, known: dict | None = None) -> dict:
    """For a bucket's first claim ``a``: the summaries of the claims of the buckets of each class
    (see by_class) it may disagree with, merged by the status of that disagreement, with ``a``
    the first claim of ``status_between`` (the second if ``second``). ``known`` keeps the
    statuses a class gives claims alike (see statuses_against) from one bucket to the next."""
    out: dict[str, object] = {}

    def add(status: str | None, summary) -> None:
        if status and summary is not None:
            out[status] = summary if status not in out else out[status].merge(summary)

    known = {} if known is None else known
    c, p = a.claim, a.period
    alike = (c.kind, bool(c.earlier), bool(c.inferred), specific(c, schema), bool(c.running),
             tuple(sorted(c.context.items())), a.ahead, p is None, p is not None and p.start == p.end,
             p is not None and p.start == date.min and p.end == date.max)
    for n, (rep, index) in enumerate(indexes):
        if (n, alike) not in known:
            known[(n, alike)] = statuses_against(a, rep, schema, second)
        statuses = known[(n, alike)]
        if statuses is None:
            continue  # one fire, one road accident: two things, whatever the key says
        undated, same, overlaps, apart, near = statuses
        add(undated, index.undated)
        if p is None or same == overlaps == apart:
            add(same, index.dated())
        elif same == overlaps:
            add(same, index.overlapping(p))
            add(apart, index.outside(p))
        elif overlaps == apart:
            add(same, index.the(p))
            add(overlaps, index.other_than(p))
        else:  # status_between never tells these three apart; kept exact should it come to
            add(same, index.the(p))
            add(apart, index.outside(p))
            add(overlaps, merged(s for q, s in index.by_period.items() if q != p and q.overlaps(p)))
        days = days_near(p) if near and apart is None else {}  # the days less than a week away
        for offset, status in near:  # that status_between tells apart (a recurring event's)
            add(status, index.the(days[offset]) if offset in days else None)
    return out


def statuses_against(a: Compared, rep: Compared, schema: KeySchema, second: bool) -> tuple | None:
    """The status of ``a`` against a claim like ``rep`` of unknown time, of ``a``'s period, of
    one that overlaps it, of one that lies a week or more from it (of any period, when ``a``'s
    is unknown), and of each day less than a week from ``a``'s one day whose status differs from
    that (as (days away, status) pairs); None when their circumstances differ. A status reads
    nothing else of a period."""
    if contradict(a.claim, rep.claim):
        return None

    def status(period: Period | None) -> str | None:
        b = as_of(rep, period)
        return pairs.status_between(b, a, schema) if second else pairs.status_between(a, b, schema)

    p = a.period
    if p is None:
        return status(None), status(EVER), status(EVER), status(EVER), ()
    far = outside(p, WEEK)
    overlaps = status(overlapping_other(p))
    apart = status(far) if far else overlaps  # none can lie outside
    near = tuple((offset, by_day) for offset, q in days_near(p).items() if (by_day := status(q)) != apart)
    return status(None), status(p), overlaps, apart, near


def days_near(p: Period) -> dict[int, Period]:
    """The days less than a week from a period of one day, by their distance from it in days."""
    if p.start != p.end:
        return {}
    out = {}
    for offset in (*range(1 - WEEK, 0), *range(1, WEEK)):
        try:
            day = p.start + timedelta(days=offset)
        except OverflowError:
            continue
        out[offset] = Period(start=day, end=day)
    return out


def as_of(m: Compared, period: Period | None) -> Compared:
    return Compared(m.claim, m.low, m.high, period, m.ahead)


def overlapping_other(p: Period) -> Period:
    """A period that overlaps ``p`` and is not ``p`` (nor, if ``p`` is one day, one day)."""
    if p.start != p.end:
        return Period(start=p.start, end=p.start)
    try:
        return Period(start=p.start, end=p.end + timedelta(days=1))
    except OverflowError:
        return Period(start=p.start - timedelta(days=1), end=p.end)


def outside(p: Period, days: int = 1) -> Period | None:
    """A day ``days`` or more from ``p`` (so not overlapping it); None if there is none."""
    for day in (lambda: p.end + timedelta(days=days), lambda: p.start - timedelta(days=days)):
        try:
            return Period(start=day(), end=day())
        except OverflowError:
            continue
    return None


def mark_values_of(focused: Sequence[Compared], strong: Sequence[Compared], schema: KeySchema,
                   involved: Involved) -> None:
    """Mark each claim of ``focused`` and the claims of other articles it disagrees with (neither
    weakly matched), with the status their buckets decide: found by value, in log time."""
    bucket_of: dict[int, Compared] = {}
    for ms in buckets_of(strong, schema, False):
        for m in ms:
            bucket_of[id(m)] = ms[0]
    by_low = sorted(strong, key=lambda m: m.low)
    by_high = sorted(strong, key=lambda m: m.high)
    lows, highs = [m.low for m in by_low], [m.high for m in by_high]
    statuses: dict[tuple[int, int], str | None] = {}
    for x in focused:
        a = bucket_of[id(x)]
        above = by_low[bisect_right(lows, x.high):]
        below = by_high[:bisect_left(highs, x.low)]
        for y in (*above, *below):
            if y.claim.article == x.claim.article:
                continue
            b = bucket_of[id(y)]
            pair = (id(a), id(b))
            if pair not in statuses:
                statuses[pair] = None if contradict(a.claim, b.claim) else status_between(a, b, schema)
            if statuses[pair]:
                involved[statuses[pair]].update({x.claim.id: x, y.claim.id: y})


def mark_spellings_of(focused: Sequence[Compared], strong: Sequence[Compared], schema: KeySchema,
                      involved: Involved) -> None:
    """Mark each claim of ``focused`` and the claims of other articles spelled otherwise (neither
    weakly matched) that it disagrees with, claim by claim: only other spellings are looked at."""
    by_spelling: dict[str | None, list[Compared]] = defaultdict(list)
    for m in strong:
        by_spelling[spelling(m)].append(m)
    for x in focused:
        own = spelling(x)
        for other, ys in by_spelling.items():
            if other == own:
                continue
            for y in ys:
                if y.claim.article != x.claim.article and not contradict(x.claim, y.claim) \
                        and (status := status_between(x, y, schema)):
                    involved[status].update({x.claim.id: x, y.claim.id: y})


class Beside:
    """The claims beside a figure of one key and one value in their sentences."""

    def __init__(self, figure: Compared) -> None:
        self.figure = figure
        self.members: list[Compared] = []


def figures_beside(claims: Iterable[Compared], support: Corroboration, keys=None) -> dict:
    """For each key and value of a figure, the claims whose sentence states it (of another key
    than theirs, or, given ``keys``, of one of those)."""
    out: dict[str | None, dict[tuple, Beside]] = defaultdict(dict)
    for x in claims:
        for m in support.by_sentence[sentence_of(x)]:
            if m.claim.key != x.claim.key if keys is None else m.claim.key in keys:
                out[m.claim.key].setdefault(value_of(m), Beside(m)).members.append(x)
    return out


def value_of(m: Compared) -> tuple:
    return isinstance(m.claim.value, TextValue), spelling(m), m.low, m.high


def mark_corroborated(firsts: Sequence[Compared], seconds: Sequence[Compared], support: Corroboration,
                      text: bool, involved: Involved) -> None:
    """Mark the pairs of a claim x of ``firsts`` and a claim y of ``seconds`` of another article
    that disagree, with the status ``status_between(x, y)``, where x's sentence and y's state
    figures of one key, not x's, with compatible values (see Corroboration).

    Claims beside figures of one value are taken together: for each, the claims beside the
    figures compatible with it, in exact buckets and PeriodIndexes."""
    if not firsts:
        return
    schema = support.schema
    anchors = figures_beside(firsts, support)
    backers = figures_beside(seconds, support, anchors.keys())
    for key, xs in anchors.items():
        ys = backers.get(key, {})
        backing: dict[tuple, list[Beside]] = defaultdict(list)
        backed: dict[tuple, list[Beside]] = defaultdict(list)
        for xv, x in xs.items():
            for yv, y in ys.items():
                if pairs.compatible(x.figure, y.figure):
                    backing[xv].append(y)
                    backed[yv].append(x)
        for side, others, second in ((xs, backing, False), (ys, backed, True)):
            for value, found in others.items():
                indexes = by_class(buckets_of((m for b in found for m in b.members), schema, True), schema, text)
                mark_buckets(buckets_of(side[value].members, schema, True), indexes, schema, involved, second)
