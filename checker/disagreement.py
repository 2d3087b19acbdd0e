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
sentences that corroborate theirs (see :class:`Corroboration`): claims that compare alike are
taken together, so that copies of one sentence in many articles cost as one.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

from checker.extremes import Extremes, PeriodIndex, Spellings, merged, spelling
from checker.keys import KeySchema
from checker.models import Period, TextValue
from checker import pairs
from checker.pairs import Compared, contradict, sentence_of, specific, status_between, weak

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
    differ = differ_in_spelling if text else differ_in_value
    thin = [m for m in members if weak(m.claim, schema)]
    strong = [m for m in members if not weak(m.claim, schema)]
    if focus is None:
        mark_corroborated(thin, members, support, differ, involved)
        mark_by_buckets(strong, schema, text, involved)
    else:
        chosen = [m for m in members if m.claim.id in focus]
        mark_corroborated([m for m in chosen if weak(m.claim, schema)], members, support, differ, involved)
        mark_corroborated([m for m in chosen if not weak(m.claim, schema)], thin, support, differ, involved)
        focused = [m for m in chosen if not weak(m.claim, schema)]
        if text:
            mark_spellings_of(focused, strong, schema, involved)
        else:
            mark_values_of(focused, strong, schema, involved)
    return {k: list(v.values()) for k, v in involved.items()}


def differ_in_spelling(a: Compared, b: Compared) -> bool:
    return spelling(a) != spelling(b)  # one spelling agrees with itself: never compared


def differ_in_value(a: Compared, b: Compared) -> bool:
    return not pairs.compatible(a, b)


def bucket_key(m: Compared, schema: KeySchema, text: bool) -> tuple:
    """What decides the status of a claim's disagreements. A text key compares claim by claim, so
    its buckets hold claims alike in all that a status reads; a numeric key reads its buckets'
    first claims (kinds and specificity may differ within a bucket of a key of durations)."""
    c = m.claim
    key = (m.period, bool(c.earlier), bool(c.inferred), weak(c, schema), bool(c.running),
           tuple(sorted(c.context.items())))
    return (*key, c.kind, specific(c, schema)) if text else key


def buckets_of(members: Iterable[Compared], schema: KeySchema, text: bool) -> list[list[Compared]]:
    grouped: dict[tuple, list[Compared]] = defaultdict(list)
    for m in members:
        grouped[bucket_key(m, schema, text)].append(m)
    return list(grouped.values())


def mark_by_buckets(strong: Sequence[Compared], schema: KeySchema, text: bool, involved: Involved) -> None:
    """Mark each claim that disagrees with a claim of another article (neither weakly matched),
    with the status its bucket and the other's decide."""
    summary = Spellings.of if text else Extremes.of
    buckets = buckets_of(strong, schema, text)
    classes: dict[tuple, tuple[Compared, list]] = {}
    for ms in buckets:
        rep = ms[0]
        c = rep.claim
        cls = (bool(c.earlier), bool(c.inferred), specific(c, schema), bool(c.running),
               tuple(sorted(c.context.items())))
        classes.setdefault(cls, (rep, []))[1].append((rep.period, summary(ms)))
    indexes = [(rep, PeriodIndex(items)) for rep, items in classes.values()]
    for ms in buckets:
        against = partners(ms[0], indexes, schema)
        for x in ms:
            for status, others in against.items():
                if x.claim.id not in involved[status] and others.disagrees_with(x):
                    involved[status][x.claim.id] = x


EVER = Period(start=date(2000, 1, 1), end=date(2000, 1, 1))  # a period, when any will do


def partners(a: Compared, indexes: list[tuple[Compared, PeriodIndex]], schema: KeySchema) -> dict:
    """For a bucket's first claim ``a``: the summaries of the claims of the buckets of each class
    (see mark_by_buckets) it may disagree with, merged by the status of that disagreement.

    Within a class a status reads only whether the other's period is known, is ``a``'s, overlaps
    it or not: a stand-in of each such period asks ``status_between`` which."""
    out: dict[str, object] = {}

    def add(status: str | None, summary) -> None:
        if status and summary is not None:
            out[status] = summary if status not in out else out[status].merge(summary)

    for rep, index in indexes:
        if contradict(a.claim, rep.claim):
            continue  # one fire, one road accident: two things, whatever the key says
        add(status_between(a, as_of(rep, None), schema), index.undated)
        p = a.period
        if p is None:
            add(status_between(a, as_of(rep, EVER), schema), index.dated())
            continue
        near, far = overlapping_other(p), outside(p)
        same = status_between(a, as_of(rep, p), schema)
        overlaps = status_between(a, as_of(rep, near), schema)
        apart = status_between(a, as_of(rep, far), schema) if far else overlaps  # none can lie outside
        if same == overlaps == apart:
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
    return out


def as_of(m: Compared, period: Period | None) -> Compared:
    return Compared(m.claim, m.low, m.high, period)


def overlapping_other(p: Period) -> Period:
    """A period that overlaps ``p`` and is not ``p`` (nor, if ``p`` is one day, one day)."""
    if p.start != p.end:
        return Period(start=p.start, end=p.start)
    try:
        return Period(start=p.start, end=p.end + timedelta(days=1))
    except OverflowError:
        return Period(start=p.start - timedelta(days=1), end=p.end)


def outside(p: Period) -> Period | None:
    """A period that does not overlap ``p``; None if ``p`` is all of time."""
    for day in (lambda: p.end + timedelta(days=1), lambda: p.start - timedelta(days=1)):
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


class Alike:
    """Claims that compare alike (one value, one form of key, one period, one circumstance),
    each beside a figure of one value in its sentence: copies of one sentence in many articles
    are one of these. It keeps two of its articles, and those of the claims it disagrees with."""

    def __init__(self, beside: Compared, first: Compared) -> None:
        self.beside, self.first = beside, first
        self.members: dict[str, Compared] = {}
        self.articles: list[str] = []
        self.against: dict[str, list[str]] = {}

    def add(self, m: Compared) -> None:
        self.members[m.claim.id] = m
        add_article(self.articles, m.claim.article)

    def meets(self, status: str, articles: Iterable[str]) -> None:
        known = self.against.setdefault(status, [])
        for article in articles:
            add_article(known, article)

    def mark(self, involved: Involved) -> None:
        for status, articles in self.against.items():
            for m in self.members.values():
                if any(a != m.claim.article for a in articles):
                    involved[status][m.claim.id] = m


def add_article(kept: list[str], article: str) -> None:
    """Keep two different articles: enough to tell whether one differs from any article."""
    if len(kept) < 2 and article not in kept:
        kept.append(article)


def alike(beside: Compared, m: Compared, schema: KeySchema) -> tuple:
    """All that compatible, contradict and status_between read of a claim, and of the figure
    beside it that corroborates it."""
    c = m.claim
    return (value_of(beside), value_of(m), c.kind, bool(c.inferred), specific(c, schema), bool(c.earlier),
            bool(c.running), m.period, tuple(sorted(c.context.items())))


def value_of(m: Compared) -> tuple:
    return isinstance(m.claim.value, TextValue), spelling(m), m.low, m.high


def mark_corroborated(firsts: Sequence[Compared], seconds: Sequence[Compared], support: Corroboration,
                      differ: Callable[[Compared, Compared], bool], involved: Involved) -> None:
    """Mark the pairs of a claim x of ``firsts`` and a claim y of ``seconds`` of another article
    that disagree, with the status ``status_between(x, y)``, where x's sentence and y's state
    figures of another key than x's with compatible values (see Corroboration)."""
    if not firsts:
        return
    schema = support.schema
    anchors: dict[str | None, dict[tuple, Alike]] = defaultdict(dict)
    for x in firsts:
        for m in support.by_sentence[sentence_of(x)]:
            if m.claim.key != x.claim.key:
                group = anchors[m.claim.key].setdefault(alike(m, x, schema), Alike(m, x))
                group.add(x)
    backers: dict[str | None, dict[tuple, Alike]] = defaultdict(dict)
    for y in seconds:
        for n in support.by_sentence[sentence_of(y)]:
            if n.claim.key in anchors:
                group = backers[n.claim.key].setdefault(alike(n, y, schema), Alike(n, y))
                group.add(y)
    for key, xs in anchors.items():
        for ys in backers.get(key, {}).values():
            for group in xs.values():
                x, y = group.first, ys.first
                if pairs.compatible(group.beside, ys.beside) and differ(x, y) \
                        and not contradict(x.claim, y.claim) and (status := status_between(x, y, schema)):
                    group.meets(status, ys.articles)
                    ys.meets(status, group.articles)
    for groups in (*anchors.values(), *backers.values()):
        for group in groups.values():
            group.mark(involved)
