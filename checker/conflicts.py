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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import timedelta

import msgspec

from checker.confidence import judge
from checker.disagreement import Corroboration, disagreeing
from checker.keys import KeySchema
from checker.models import Article, Claim, DateValue, Finding, Period, QuantityValue, TextValue
from checker.pairs import Compared, compatible, contradict, status_between, text_of, weak

__all__ = ["Compared", "Corroboration", "compatible", "contradict", "disagreeing", "find_conflicts", "intervals",
           "status_between", "text_of", "weak"]

APPROXIMATION = 0.10  # "zo'n", "ongeveer", "circa" agree with values within about 10%
# Of the last digit's place, either way: a figure agrees with the more precise ones it rounds
# ("34" with 34,2 and 34,4, "2 billion" with 1.8 billion), not with a half-way one (2,5 and 3
# billion) nor another of its own precision (distinct whole numbers, 2,0 and 2,1), since the
# two widths together stay under one place (0.45 + 0.045).
ROUNDING = 0.45


def interval(value: QuantityValue | DateValue | TextValue | None) -> tuple[float, float] | None:
    """A value as a closed numeric interval; open sides are infinite; None if not numeric."""
    if isinstance(value, QuantityValue):
        low = -math.inf if value.low is None else value.low
        high = math.inf if value.high is None or value.vague else value.high
        if value.approximate:
            low, high = low * (1 - APPROXIMATION), high * (1 + APPROXIMATION)
        elif value.step:  # a figure as written stands for those it rounds: "34" for 34,2, not 34,5
            low, high = low - value.step * ROUNDING, high + value.step * ROUNDING
        return low, high
    if isinstance(value, DateValue):
        return float(value.start.toordinal()), float(value.end.toordinal())
    return None


SHORT_DATE = 31  # days: a date this precise dates the sentence that gives it
NEWS_SPAN = 62  # days: the dates an undated article gives span at most this when they date it


class KindsOfTimes(dict):
    """Whether a kind's values are times (KindSpec.dates), looked up once per kind."""

    def __init__(self, schema: KeySchema) -> None:
        super().__init__()
        self.schema = schema

    def __missing__(self, kind: str) -> bool:
        self[kind] = dates = self.schema.kind(kind).dates
        return dates


class ArticleDates(dict):
    """Per article, what the periods of its claims are read from besides each claim, as JSON:
    its period and the dates of its sentences (see ClaimPeriods), written when first asked for."""

    def __init__(self, periods: ClaimPeriods) -> None:
        super().__init__()
        self.periods = periods

    def __missing__(self, article: str) -> bytes:
        p = self.periods
        self[article] = dates = msgspec.json.encode(
            (article, p.by_article.get(article), sorted(p.sentence_dates.get(article, {}).items())))
        return dates


class ClaimPeriods:
    """The period each claim speaks of: its own, a dated sentence's, or its article's period,
    worked out of one pass over the claims' dates.

    An article's period is its own date, else the span of the precise dates it gives (of a
    kind of times, at most a month wide): an undated article that dates its events within two
    months ("op 24 februari", "begin maart") is taken to speak of those months; one whose dates
    spread wider stays undated.
    """

    def __init__(self, claims: Sequence[Claim], articles: dict[str, Article], schema: KeySchema) -> None:
        self.times = times = KindsOfTimes(schema)
        spans: dict[str, list] = defaultdict(list)
        # per article, per sentence: the date of a sentence that gives one with no key; the date
        # of an event the sentence names ("since the invasion on 24 February") is the event's,
        # not the time of the sentence's figures
        self.sentence_dates: dict[str, dict[int, Period]] = defaultdict(dict)
        for c in claims:
            v = c.value
            if isinstance(v, DateValue) and (v.end - v.start).days <= SHORT_DATE and times[c.kind]:
                spans[c.article].append(v)
                if c.key is None:
                    self.sentence_dates[c.article].setdefault(c.sentence_start, Period(start=v.start, end=v.end))
        # per article, its period and the dates of its sentences as JSON: with a claim, all the
        # claim's period is read from
        self.dates = ArticleDates(self)
        self.by_article: dict[str, Period | None] = {}
        for aid, article in articles.items():
            values = spans.get(aid)
            if article.date is not None or not values:
                self.by_article[aid] = article.date
                continue
            start, end = min(v.start for v in values), max(v.end for v in values)
            self.by_article[aid] = Period(start=start, end=end) if (end - start).days <= NEWS_SPAN else None

    def of(self, claims: Iterable[Claim]) -> list[Period | None]:
        """The periods of these claims, in their order."""
        times, by_article, sentence_dates = self.times, self.by_article, self.sentence_dates
        out = []
        for c in claims:
            period = c.period
            if period is None:
                dated = sentence_dates.get(c.article)
                if dated is not None and not times[c.kind]:
                    period = dated.get(c.sentence_start)
                if period is None:
                    period = by_article.get(c.article)
            out.append(period)
        return out


def claim_periods(claims: Sequence[Claim], articles: dict[str, Article], schema: KeySchema) -> dict[str, Period | None]:
    """The period each claim speaks of, by claim id (see ClaimPeriods)."""
    return dict(zip((c.id for c in claims), ClaimPeriods(claims, articles, schema).of(claims)))


def finding_id(key: str, status: str, claims: Iterable[Claim], copies: Mapping[str, Sequence[str]] | None = None) -> str:
    """Stable across runs: derived from the key, the status and the evidence, not from order.
    An archive's copies of a claim's article (``copies``, by article id) are evidence too, as
    the same claim of each copy: the id is the one their claims spelled out would give."""
    h = hashlib.sha1()
    h.update(f"{key}\n{status}\n".encode())
    lines = []
    for c in claims:
        line = f"|{c.text}|{c.sentence}\n"
        lines.append((c.id, c.article + line))
        own = c.id[len(c.article):]
        lines += [(aid + own, aid + line) for aid in copies.get(c.article, ())] if copies else []
    for _, line in sorted(lines):
        h.update(line.encode())
    return "F" + h.hexdigest()[:10]


def describe(members: Sequence[Compared], copies: Mapping[str, Sequence[str]] | None = None) -> str:
    """One line an editor reads: who says what, oldest first (an archive's article with copies
    says how many)."""
    parts = []
    for m in members:
        value = m.claim.value.as_text() if m.claim.value is not None else "?"
        when = f" ({m.period.label()})" if m.period else ""
        who = f" per {m.claim.attribution}" if m.claim.attribution else ""
        n = len(copies.get(m.claim.article, ())) if copies else 0
        also = f" and {n} {'copy' if n == 1 else 'copies'}" if n else ""
        parts.append(f"{m.claim.article}{also}{when}: {value}{who}")
    preferred = {m.claim.value.parts["preferred"] for m in members
                 if isinstance(m.claim.value, TextValue) and "preferred" in m.claim.value.parts}
    if preferred:
        parts.append(f"house style: {', '.join(sorted(preferred))}")
    return "; ".join(parts)


# Given the articles of a finding's claims, the archive's copies of those that have any, by article id.
CopiesOf = Callable[[list[str]], Mapping[str, Sequence[str]]]


def _finding(key: str, status: str, members: Iterable[Compared], focus: set[str] | None = None,
             copies_of: CopiesOf | None = None, plain: frozenset[str] = frozenset()) -> Finding:
    ordered = sorted(members, key=lambda m: (m.period.start.toordinal() if m.period else 0, m.claim.id))
    copies = copies_of([m.claim.article for m in ordered]) if copies_of else None
    by_id = {m.claim.id: m for m in ordered}
    judged = judge([m.claim for m in ordered], {m.claim.id: m.period for m in ordered},
                   lambda a, b: not compatible(by_id[a.id], by_id[b.id]) and not contradict(a, b), focus, plain)
    return Finding(
        id=finding_id(key, status, [m.claim for m in ordered], copies),
        status=status,
        key=key,
        kind=ordered[0].claim.kind,
        claims=[m.claim.id for m in ordered],
        reason=describe(ordered, copies),
        confidence=judged.confidence,
        signals=judged.signals,
    )


def find_conflicts(claims: Sequence[Claim], articles: dict[str, Article], schema: KeySchema,
                   focus: set[str] | None = None, copies_of: CopiesOf | None = None, memo=None) -> list[Finding]:
    """Findings for every key whose claims from different articles cannot all be true.

    With ``focus`` (claim ids: a draft's), only pairs with a claim of it are compared, so that
    the cost follows the draft and not the archive it is checked against. ``copies_of`` names, by
    article id, an archive's identical copies of the articles of a finding's claims: compared
    once through them (see checker.archive), and the finding's id and reason count them as its
    claims'. ``memo`` (a checker.compare_memo.ComparisonMemo, without focus or copies) gives the
    kept findings of the keys whose claims are as they were and keeps the others': the intervals
    and the corroboration of the claims are worked out only for keys compared afresh."""
    keyed = KeyedClaims(claims, articles, schema)
    keys = [key for key in sorted(keyed.claims)
            if (focus is None or any(c.id in focus for c in keyed.all_of(key))) and len(keyed.articles_of(key)) >= 2]
    if memo is not None:
        memo.prepare(keys, keyed)
    findings = []
    for key in keys:
        kept = memo.kept(key) if memo is not None else None
        if kept is None:
            members = keyed.members(key)
            kept = [] if all_agree(members) else key_findings(key, members, schema, keyed.support(), focus, copies_of)
            if memo is not None:
                memo.keep(key, kept)
        findings += kept
    if memo is not None:
        memo.save()
    return findings


def tolerances() -> str:
    """What besides its claims decides a claim's interval (see interval)."""
    return f"approximation {APPROXIMATION!r}, rounding {ROUNDING!r}"


class KeyedClaims:
    """The claims compared under each key: the key's claims with a value, then the times that give
    the first and last day of an event whose length is stated under the key (``lengths``, with
    their days: see spans_of_days). Each claim's period is read once; its interval, the
    :class:`Compared` of a key and the claims of each sentence are made when first asked for."""

    def __init__(self, claims: Sequence[Claim], articles: dict[str, Article], schema: KeySchema) -> None:
        self.schema = schema
        self.claims: dict[str, list[Claim]] = {}
        times = []
        for c in claims:
            if c.key is None or c.value is None:
                continue
            group = self.claims.get(c.key)
            if group is None:
                group = self.claims[c.key] = []
            group.append(c)
            if isinstance(c.value, DateValue):
                times.append(c)
        self.lengths: dict[str, list[tuple[Claim, float]]] = defaultdict(list)
        for c, days in spans_of_days(times):
            duration = schema.duration_key(c.kind, c.key)
            if duration in self.claims:  # only where an article states a duration
                self.lengths[duration].append((c, days))
        self._periods = ClaimPeriods(claims, articles, schema)
        self._articles: dict[str, list[str]] = {}
        self._members: dict[str, list[Compared]] = {}
        self._support: Corroboration | None = None

    def all_of(self, key: str) -> list[Claim]:
        """The claims compared under a key: its own, then the lengths'."""
        return [*self.claims[key], *(c for c, _ in self.lengths.get(key, ()))]

    def articles_of(self, key: str) -> list[str]:
        """The articles of the claims compared under a key, each once, in the claims' order."""
        found = self._articles.get(key)
        if found is None:
            found = dict.fromkeys(c.article for c in self.claims[key])
            found.update(dict.fromkeys(c.article for c, _ in self.lengths.get(key, ())))
            found = self._articles[key] = list(found)
        return found

    def dates_of(self, articles: Iterable[str]) -> bytes:
        """What the periods of the claims of these articles are read from besides the claims: each
        article's period and the dates of its sentences (see ClaimPeriods), as JSON."""
        return b"".join(map(self._periods.dates.__getitem__, articles))

    def members(self, key: str) -> list[Compared]:
        """The claims of a key as compared: with their intervals and periods."""
        found = self._members.get(key)
        if found is None:
            claims, lengths = self.claims[key], self.lengths.get(key, ())
            periods, of_lengths = self._periods.of(claims), self._periods.of(c for c, _ in lengths)
            found = [Compared(c, low, high, p) for c, (low, high), p in zip(claims, spans(claims, self.schema), periods)]
            found += [Compared(c, days, days, p) for (c, days), p in zip(lengths, of_lengths)]
            self._members[key] = found
        return found

    def support(self) -> Corroboration:
        """The claims of every key by sentence (see Corroboration)."""
        if self._support is None:
            self._support = Corroboration((m for key in self.claims for m in self.members(key)), self.schema)
        return self._support

    def in_sentences(self, sentences: set[tuple[str, int]]) -> dict[tuple[str, int], list[tuple[Claim, bool]]]:
        """The claims of every key in each of these sentences (of an article, by its start), in the
        order of the support's, each with whether it is there as a length (see Corroboration)."""
        articles = {article for article, _ in sentences}
        found: dict[tuple[str, int], list[tuple[Claim, bool]]] = defaultdict(list)
        for key, claims in self.claims.items():
            for c in claims:
                if c.article in articles and (sentence := (c.article, c.sentence_start)) in sentences:
                    found[sentence].append((c, False))
            for c, _ in self.lengths.get(key, ()):
                if (sentence := (c.article, c.sentence_start)) in sentences:
                    found[sentence].append((c, True))
        return found


def key_findings(key: str, members: list[Compared], schema: KeySchema, support: Corroboration,
                 focus: set[str] | None, copies_of: CopiesOf | None) -> list[Finding]:
    """The findings of one key's claims, by status (see find_conflicts)."""
    involved = disagreeing(members, schema, support, focus)
    if involved["conflict"]:  # one alarm per key: claims of unknown time join it
        seen = {m.claim.id for m in involved["conflict"]}
        involved["conflict"] += [m for m in involved.pop("undated") if m.claim.id not in seen]
    findings = []
    for status in ("conflict", "undated", "changed", "variant"):
        if involved.get(status):
            findings.append(_finding(key, status, involved[status], focus, copies_of, schema.plain_parts))
    return findings


def intervals(claims: Sequence[Claim], schema: KeySchema) -> dict[str, tuple[float, float]]:
    """The interval each claim with a key and a value is compared by, by claim id (see spans)."""
    compared = [c for c in claims if c.key is not None and c.value is not None]
    return dict(zip((c.id for c in compared), spans(compared, schema)))


def spans(claims: Sequence[Claim], schema: KeySchema) -> list[tuple[float, float]]:
    """The interval each claim (with a key and a value) is compared by, in their order: its value's,
    or for the times of one event that one sentence gives ("de EU-top is op donderdag en vrijdag",
    "begint op 5 april en eindigt op 7 april") the days from the first to the last of them: each is
    a day of that event, and the other article's Thursday does not deny this article's Friday."""
    times = KindsOfTimes(schema)
    joint: dict[tuple, tuple[float, float]] = {}
    out = []
    for c in claims:
        span = interval(c.value) or (0.0, 0.0)
        out.append(span)
        if isinstance(c.value, DateValue) and times[c.kind]:
            where = (c.key, c.article, c.sentence_start, bool(c.earlier))  # not "oorspronkelijk op 5 april"
            low, high = joint.get(where, span)
            joint[where] = min(low, span[0]), max(high, span[1])
    if joint:
        for i, c in enumerate(claims):
            if isinstance(c.value, DateValue) and times[c.kind]:
                out[i] = joint[c.key, c.article, c.sentence_start, bool(c.earlier)]
    return out


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


