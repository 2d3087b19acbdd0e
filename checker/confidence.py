"""How sure a finding is that its claims speak of one thing, from the evidence that says so.

A key says two claims are about the same thing; how much that is worth depends on how the key
was made. A finding's confidence is that of its best pair of disagreeing claims of two articles,
from these signals, each named so that an editor (and ``--explain``) sees why:

- the key's parts are stated in both sentences, not taken from the article or another one;
- the two sentences share words beyond the key (content words of five letters or more);
- the same claimant gives both figures; both articles are of the same day.

The weights are set by hand for precision: a key stated in full in both sentences is enough
(0.75), a key partly inferred needs shared words or a shared claimant to pass the default
threshold of ``--min-confidence`` (0.5).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import regex

from checker.models import Claim, Period

BASE = 0.45
STATED = 0.3  # times the share of key parts both sentences state
SHARED_WORDS = 0.2  # at most, for sentences that share a third of their content words
SAME_CLAIMANT = 0.1
SAME_DAY = 0.05
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
               words: SentenceWords | None = None) -> Judgement:
    """The confidence that two claims of one key speak of one thing, with its signals.
    ``words`` holds each claim's sentence words less its key words, when known already."""
    parts = set(a.key_parts)
    inferred = (set(a.inferred) | set(b.inferred)) & parts
    stated = 1 - len(inferred) / len(parts) if parts else 0.0
    signals = ["every key part stated in both sentences" if not inferred else
               f"inferred from the articles: {', '.join(sorted(inferred))}"]
    score = BASE + STATED * stated
    if words is None:
        words = SentenceWords()
    wa, wb = words.of(a), words.of(b)
    shared = wa & wb
    if shared:
        overlap = len(shared) / max(1, min(len(wa), len(wb)))
        score += SHARED_WORDS * min(1.0, 3 * overlap)
        signals.append(f"shared words: {', '.join(sorted(shared)[:6])}")
    if a.attribution and a.attribution == b.attribution:
        score += SAME_CLAIMANT
        signals.append(f"both per {a.attribution}")
    pa, pb = periods.get(a.id), periods.get(b.id)
    if pa and pb and pa.start == pa.end == pb.start == pb.end:
        score += SAME_DAY
        signals.append("both of one day")
    return Judgement(round(min(1.0, score), 2), signals)


def judge(members: Sequence[Claim], periods: dict[str, Period | None], disagree,
          focus: set[str] | None = None) -> Judgement:
    """A finding's confidence: that of its best pair of claims of two articles that disagree
    (``disagree(a, b)``); its signals are that pair's. With ``focus`` (a draft's claims), only
    the pairs with a claim of it are judged: a draft's finding is as sure as the draft's pairs."""
    best = None
    words = SentenceWords()  # of the claims of the pairs judged only: a long finding has many more
    if focus is None:
        pairs = ((a, b) for a, b in combinations(members, 2) if a.article != b.article)
    else:
        pairs = pairs_with(members, focus)
    alike: dict[str, tuple] = {}
    judged: set[tuple] = set()  # pairs alike in all a judgement reads (copies of one report) are judged once
    for n, (a, b) in enumerate(pairs):
        if n >= MAX_PAIRS or best is not None and best.confidence >= 1.0:
            break
        if not disagree(a, b):
            continue
        seen = (judged_as(a, periods, alike), judged_as(b, periods, alike))
        if seen in judged:
            continue
        judged.add(seen)
        j = judge_pair(a, b, periods, words)
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
