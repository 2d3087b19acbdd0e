"""What comparison keeps of a set of claims to tell in one step whether a claim disagrees with any of it.

Two claims disagree when they come from different articles and their values cannot both hold.
Whether a claim disagrees with some claim of a set needs only a few claims of the set: the
highest low ends and the lowest high ends of two different articles (:class:`Extremes`), or,
for texts, a handful of spellings of different articles (:class:`Spellings`). These summaries
merge, so :class:`PeriodIndex` answers for the claims of any periods that overlap a period, lie
outside it or differ from it with a few merged summaries instead of a pass over the claims.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

from checker.models import Period, TextValue


class Summary(Protocol):
    def merge(self, other: Any) -> Any: ...
    def disagrees_with(self, x: Any) -> bool: ...


def highest_two(pairs: Iterable[tuple[float, str]]) -> tuple:
    """The highest (value, article) and the highest of another article than its: all that "is
    there a higher value in another article than x's" needs."""
    first = second = None
    for pair in pairs:
        if first is None or pair[0] > first[0]:
            if first is not None and first[1] != pair[1]:
                second = first  # else the best of another article stays the best of another
            first = pair
        elif pair[1] != first[1] and (second is None or pair[0] > second[0]):
            second = pair
    return (first,) if second is None else (first, second)


def lowest_two(pairs: Iterable[tuple[float, str]]) -> tuple:
    """The lowest (value, article) and the lowest of another article than its."""
    first = second = None
    for pair in pairs:
        if first is None or pair[0] < first[0]:
            if first is not None and first[1] != pair[1]:
                second = first
            first = pair
        elif pair[1] != first[1] and (second is None or pair[0] < second[0]):
            second = pair
    return (first,) if second is None else (first, second)


@dataclass(frozen=True)
class Extremes:
    """The highest low ends and the lowest high ends of a set of numeric claims, of two articles."""

    lows: tuple
    highs: tuple

    @classmethod
    def of(cls, members: Iterable) -> Extremes:
        members = list(members)
        return cls(highest_two([(m.low, m.claim.article) for m in members]),
                   lowest_two([(m.high, m.claim.article) for m in members]))

    def merge(self, other: Extremes) -> Extremes:
        return Extremes(highest_two((*self.lows, *other.lows)), lowest_two((*self.highs, *other.highs)))

    def disagrees_with(self, x) -> bool:
        """True when a claim of another article than x's lies wholly above or below x's value."""
        article = x.claim.article
        low = next((v for v, a in self.lows if a != article), None)
        high = next((v for v, a in self.highs if a != article), None)
        return low is not None and low > x.high or high is not None and high < x.low


def spelling(m) -> str | None:
    """What a text value is compared by: its "id" part if it has one (a person's name skeleton),
    else its text; None for a number or a date."""
    v = m.claim.value
    return v.parts.get("id", v.text) if isinstance(v, TextValue) else None


@dataclass(frozen=True)
class Spellings:
    """At most six (spelling, article) pairs of a set of claims, kept so that if any claim of the
    set has another spelling than x and another article, one of them does."""

    kept: tuple

    @classmethod
    def of(cls, members: Iterable) -> Spellings:
        return cls(keep_spellings((spelling(m), m.claim.article) for m in members))

    def merge(self, other: Spellings) -> Spellings:
        return Spellings(keep_spellings((*self.kept, *other.kept)))

    def disagrees_with(self, x) -> bool:
        own, article = spelling(x), x.claim.article
        return any(s != own and a != article for s, a in self.kept)


def keep_spellings(pairs: Iterable[tuple]) -> tuple:
    """The first pair; two of another spelling and different articles; two of another article and
    different spellings; one of another spelling and another article. Whatever (spelling, article)
    is asked about, a pair that differs in both is among them if there is one at all."""
    first, other_spelling, other_article, other_both = None, [], [], None
    for s, a in pairs:
        if first is None:
            first = (s, a)
            continue
        if s != first[0] and len(other_spelling) < 2 and all(a != k[1] for k in other_spelling):
            other_spelling.append((s, a))
        if a != first[1] and len(other_article) < 2 and all(s != k[0] for k in other_article):
            other_article.append((s, a))
        if other_both is None and s != first[0] and a != first[1]:
            other_both = (s, a)
    kept = [first, *other_spelling, *other_article, other_both] if first else []
    return tuple(dict.fromkeys(k for k in kept if k is not None))


def merged(summaries: Iterable[Summary | None]) -> Summary | None:
    out = None
    for s in summaries:
        if s is not None:
            out = s if out is None else out.merge(s)
    return out


def _prefixes(summaries: Sequence[Summary]) -> list[Summary | None]:
    """out[i]: the summaries before i merged (out[0] None)."""
    out: list[Summary | None] = [None]
    for s in summaries:
        out.append(s if out[-1] is None else out[-1].merge(s))
    return out


def _suffixes(summaries: Sequence[Summary]) -> list[Summary | None]:
    """out[i]: the summaries from i on merged (out[len] None)."""
    return _prefixes(summaries[::-1])[::-1]


class PeriodIndex:
    """Summaries of claims by their period, for the claims of periods that overlap one period, lie
    wholly outside it, are that period or another one: each in O(log² n) merges.

    Built from (period, summary) pairs; periods may repeat (their summaries are merged). What a
    question needs is built when it is first asked."""

    def __init__(self, items: Iterable[tuple[Period | None, Summary]]) -> None:
        by_period: dict[Period | None, Summary] = {}
        for period, summary in items:
            known = by_period.get(period)
            by_period[period] = summary if known is None else known.merge(summary)
        self.undated = by_period.pop(None, None)
        self.by_period = by_period

    @cached_property
    def _in_order(self) -> tuple[list, list, list, list]:
        ordered = sorted(self.by_period, key=lambda p: (p.start, p.end))
        summaries = [self.by_period[p] for p in ordered]
        return ordered, [(p.start, p.end) for p in ordered], _prefixes(summaries), _suffixes(summaries)

    @cached_property
    def _by_end(self) -> tuple[list, list]:
        by_end = sorted(self.by_period, key=lambda p: p.end)
        return [p.end for p in by_end], _prefixes([self.by_period[p] for p in by_end])

    @cached_property
    def _starts(self) -> list:
        return [p.start for p in self._in_order[0]]

    @cached_property
    def _nodes(self) -> list[tuple[list, list]]:
        """A Fenwick tree over the periods in order of start: node i holds the periods
        (i - lowbit(i), i] sorted by end, with the summaries of each end and later merged."""
        ordered = self._in_order[0]
        nodes: list[tuple[list, list]] = [([], [])]
        for i in range(1, len(ordered) + 1):
            span = sorted(ordered[i - (i & -i):i], key=lambda p: p.end)
            nodes.append(([p.end for p in span], _suffixes([self.by_period[p] for p in span])))
        return nodes

    def dated(self) -> Summary | None:
        """Every claim with a period."""
        if len(self.by_period) == 1:
            return next(iter(self.by_period.values()))
        return self._in_order[2][-1]

    def the(self, period: Period) -> Summary | None:
        return self.by_period.get(period)

    def other_than(self, period: Period) -> Summary | None:
        """The claims of every period but this one."""
        _, keys, before, after = self._in_order
        at = bisect_left(keys, (period.start, period.end))
        beyond = at + 1 if at < len(keys) and keys[at] == (period.start, period.end) else at
        return merged((before[at], after[beyond]))

    def outside(self, period: Period) -> Summary | None:
        """The claims of periods that do not overlap this one."""
        ends, ending_before = self._by_end
        after = self._in_order[3]
        return merged((ending_before[bisect_left(ends, period.start)], after[bisect_right(self._starts, period.end)]))

    def overlapping(self, period: Period) -> Summary | None:
        """The claims of periods that overlap this one: start by its end, end from its start."""
        if len(self.by_period) == 1:
            (only, summary), = self.by_period.items()
            return summary if only.overlaps(period) else None
        out, i, nodes = None, bisect_right(self._starts, period.end), self._nodes
        while i > 0:
            ends, suffixes = nodes[i]
            out = merged((out, suffixes[bisect_left(ends, period.start)]))
            i -= i & -i
        return out
