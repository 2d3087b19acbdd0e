"""How sure a finding is that its claims speak of one thing, from the evidence that says so.

A key says two claims are about the same thing; how much that is worth depends on how the key
was made. A finding's confidence is that of its best pair of disagreeing claims of two articles,
from these signals, each named so that an editor (and ``--explain``) sees why:

- the key's parts are stated in both sentences, not taken from the article or another one;
- the two sentences share words beyond the key (content words of five letters or more);
- the same claimant gives both figures; both articles are of the same day;
- against: the key says only what is counted and where ("600.000 huishoudens" in the
  Netherlands): no predicate, owner, qualifier or unit says that the two counts are one
  (households in arrears and households under a price cap are both households there).

The weights are set by hand for precision: a key stated in full in both sentences is enough
(0.75), a key partly inferred, or one of only what and where, needs shared words or a shared
claimant to pass the default threshold of ``--min-confidence`` (0.5).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, combinations, islice

import regex

from checker.models import Claim, Period

BASE = 0.45
STATED = 0.3  # times the share of key parts both sentences state
SHARED_WORDS = 0.2  # at most, for sentences that share a third of their content words
SAME_CLAIMANT = 0.1
SAME_DAY = 0.05
THIN_KEY = 0.35  # taken off the score of a key of parts that tell nothing (see KeyPart.tells)
DEFAULT_MIN_CONFIDENCE = 0.5
MAX_PAIRS = 200  # pairs of a finding looked at: a long timeline needs no more to find its best
CONTENT_WORD = regex.compile(r"\p{L}{5,}")


@dataclass(frozen=True)
class Judgement:
    confidence: float
    signals: list[str]


@lru_cache(maxsize=65536)
def content_words(sentence: str) -> frozenset[str]:
    """The words of five letters or more of a sentence, lower-cased (sentences repeat across claims)."""
    return frozenset(w.lower() for w in CONTENT_WORD.findall(sentence))


def key_words(claim: Claim) -> frozenset[str]:
    """The words behind a claim's key parts: sharing them says nothing the key does not."""
    return frozenset(w.lower() for v in claim.evidence.values() for w in CONTENT_WORD.findall(v))


def judge_pair(a: Claim, b: Claim, periods: dict[str, Period | None],
               words: SentenceWords | None = None, plain: frozenset[str] = frozenset()) -> Judgement:
    """The confidence that two claims of one key speak of one thing, with its signals.
    ``words`` holds each claim's sentence words less its key words, when known already;
    ``plain`` names the key parts that tell nothing (the schema's ``plain_parts``)."""
    inferred = inferred_parts(a, b)
    signals = ["every key part stated in both sentences" if not inferred else
               f"inferred from the articles: {', '.join(sorted(inferred))}"]
    if thin(a, plain):
        signals.append("the key says only what is counted and where")
    score = key_score(a, inferred, plain)
    if words is None:
        words = SentenceWords()
    wa, wb = words.of(a), words.of(b)
    shared = wa & wb
    if shared:
        overlap = len(shared) / max(1, min(len(wa), len(wb)))
        score += SHARED_WORDS * min(1.0, 3 * overlap)
        signals.append(f"shared words: {', '.join(sorted(shared)[:6])}")
    if same_claimant(a, b):
        score += SAME_CLAIMANT
        signals.append(f"both per {a.attribution}")
    if same_day(periods.get(a.id), periods.get(b.id)):
        score += SAME_DAY
        signals.append("both of one day")
    return Judgement(round(min(1.0, score), 2), signals)


def inferred_parts(a: Claim, b: Claim) -> set[str]:
    """The parts of ``a``'s key that either sentence leaves to its article."""
    return (set(a.inferred) | set(b.inferred)) & a.key_parts.keys()


def key_score(a: Claim, inferred: set[str], plain: frozenset[str] = frozenset()) -> float:
    """What a pair with ``a`` first scores for its key: the base, and the share of its parts
    stated, less ``THIN_KEY`` for a key of only what and where."""
    parts = len(a.key_parts)
    stated = 1 - len(inferred) / parts if parts else 0.0
    return BASE + STATED * stated - (THIN_KEY if thin(a, plain) else 0.0)


def thin(a: Claim, plain: frozenset[str]) -> bool:
    """Whether a claim's key says only what is counted and where: all its parts ``plain`` (a
    key of no parts is a rule's own, said whole)."""
    return bool(a.key_parts) and a.key_parts.keys() <= plain


def same_claimant(a: Claim, b: Claim) -> bool:
    return bool(a.attribution) and a.attribution == b.attribution


def same_day(pa: Period | None, pb: Period | None) -> bool:
    return bool(pa and pb and pa.start == pa.end == pb.start == pb.end)


def at_most(a: Claim, b: Claim, periods: dict[str, Period | None], plain: frozenset[str] = frozenset()) -> float:
    """The highest confidence ``judge_pair(a, b)`` can give, whatever words the two sentences
    share: its sums in its order, with the most that shared words add (floating-point sums
    grow with their terms, so this is never below the judgement, rounded or not)."""
    score = key_score(a, inferred_parts(a, b), plain) + SHARED_WORDS
    if same_claimant(a, b):
        score += SAME_CLAIMANT
    if same_day(periods.get(a.id), periods.get(b.id)):
        score += SAME_DAY
    return round(min(1.0, score), 2)


class Bounds:
    """``at_most`` of pairs, worked out once for each distinct pair of what it reads of a claim:
    its key parts, the parts it infers, its claimant, its day if it has one."""

    def __init__(self, periods: dict[str, Period | None], plain: frozenset[str] = frozenset()) -> None:
        self.periods = periods
        self.plain = plain
        self.profile: dict[str, int] = {}  # claim id -> the number of what at_most reads of it
        self.alike: dict[tuple, int] = {}
        self.first: list[Claim] = []  # the first claim met of each
        self.known: dict[tuple[int, int], float] = {}

    def of(self, c: Claim) -> int:
        found = self.profile.get(c.id)
        if found is None:
            p = self.periods.get(c.id)
            seen = (frozenset(c.inferred), frozenset(c.key_parts), c.attribution or None,
                    p.start if p and p.start == p.end else None)
            found = self.profile[c.id] = self.alike.setdefault(seen, len(self.alike))
            if found == len(self.first):
                self.first.append(c)
        return found

    def at_most(self, a: Claim, b: Claim) -> float:
        pair = (self.of(a), self.of(b))
        found = self.known.get(pair)
        if found is None:
            found = self.known[pair] = at_most(self.first[pair[0]], self.first[pair[1]], self.periods, self.plain)
        return found


def judge(members: Sequence[Claim], periods: dict[str, Period | None], disagree,
          focus: set[str] | None = None, plain: frozenset[str] = frozenset()) -> Judgement:
    """A finding's confidence: that of its best pair of claims of two articles that disagree
    (``disagree(a, b)``), of the first ``MAX_PAIRS`` pairs in order; its signals are that pair's
    (the first of the best). With ``focus`` (a draft's claims), only the pairs with a claim of
    it are judged: a draft's finding is as sure as the draft's pairs. ``plain``: see judge_pair.

    A pair is judged only when it could beat the best so far (see ``at_most``, worked out once
    per distinct pair of claims as it reads them), and the search ends once no pair left could:
    the same judgement as judging every pair, for the work of a few."""
    if focus is None:
        pairs = list(islice(((a, b) for a, b in combinations(members, 2) if a.article != b.article), MAX_PAIRS))
    else:
        pairs = list(islice(pairs_with(members, focus), MAX_PAIRS))
    bounds = Bounds(periods, plain)
    left = list(accumulate((bounds.at_most(a, b) for a, b in reversed(pairs)), max))[::-1]  # the most each rest can give
    best = None
    words = SentenceWords()  # of the claims of the pairs judged only: a long finding has many more
    alike: dict[str, tuple] = {}
    judged: set[tuple] = set()  # pairs alike in all a judgement reads (copies of one report) are judged once
    for n, (a, b) in enumerate(pairs):
        if best is not None:
            if best.confidence >= left[n]:
                break  # no pair left can beat it
            if bounds.at_most(a, b) <= best.confidence:
                continue
        if not disagree(a, b):
            continue
        seen = (judged_as(a, periods, alike), judged_as(b, periods, alike))
        if seen in judged:
            continue
        judged.add(seen)
        j = judge_pair(a, b, periods, words, plain)
        if best is None or j.confidence > best.confidence:
            best = j
    return best or Judgement(BASE, ["no pair of two articles disagrees alone"])


def judged_as(claim: Claim, periods: dict[str, Period | None], alike: dict[str, tuple]) -> tuple:
    """All that ``judge_pair`` reads of a claim, with its period: two pairs of claims alike in
    it are judged alike."""
    if claim.id not in alike:
        period = periods.get(claim.id)
        alike[claim.id] = (claim.sentence, tuple(sorted(claim.evidence.items())), claim.attribution,
                           tuple(sorted(claim.inferred)), tuple(sorted(claim.key_parts)),
                           (period.start, period.end) if period else None)
    return alike[claim.id]


class SentenceWords(dict):
    """A claim's sentence words less its key words, by claim id, worked out when first asked for."""

    def of(self, claim: Claim) -> frozenset[str]:
        if claim.id not in self:
            self[claim.id] = content_words(claim.sentence) - key_words(claim)
        return self[claim.id]


def pairs_with(members: Sequence[Claim], focus: set[str]):
    """The pairs of claims of two articles with a claim of ``focus`` in them, each once, each
    in the order of ``members``."""
    place = {c.id: i for i, c in enumerate(members)}
    for d in (c for c in members if c.id in focus):
        for c in members:
            if c.article != d.article and (c.id not in focus or place[d.id] < place[c.id]):
                yield (d, c) if place[d.id] < place[c.id] else (c, d)
