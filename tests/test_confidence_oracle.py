"""A finding's confidence against a plain pairwise oracle, on random findings.

`judge` looks at a pair only when it could beat the best pair so far and stops once no pair
left could (checker.confidence.Bounds). The oracle here judges every pair of the first
MAX_PAIRS of two articles in order, as a finding's confidence is defined: the confidence and
the signals must be the same, ties between pairs included (the first best pair's signals).
"""
from __future__ import annotations

from datetime import date
from itertools import combinations, islice

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.confidence import BASE, MAX_PAIRS, Judgement, judge, judge_pair, pairs_with
from checker.models import Claim, Period, QuantityValue

WORDS = ["brandweer", "schade", "dijken", "mensen", "verviers", "omgekomen", "militairen", "grens", "oekraine"]
PARTS = ["concept", "actor", "place", "qualifier"]
DAYS = [date(2024, 5, 13), date(2024, 5, 14)]


def oracle(members, periods, disagree, focus=None) -> Judgement:
    """Every disagreeing pair of the first MAX_PAIRS pairs of two articles judged; the first best wins."""
    if focus is None:
        pairs = ((a, b) for a, b in combinations(members, 2) if a.article != b.article)
    else:
        pairs = pairs_with(members, focus)
    best = None
    for a, b in islice(pairs, MAX_PAIRS):
        if disagree(a, b):
            j = judge_pair(a, b, periods)
            if best is None or j.confidence > best.confidence:
                best = j
    return best or Judgement(BASE, ["no pair of two articles disagrees alone"])


periods_drawn = st.one_of(st.none(), st.sampled_from(DAYS).map(lambda d: Period(start=d, end=d)),
                          st.just(Period(start=DAYS[0], end=DAYS[1])))


@st.composite
def findings(draw):
    """Claims of one key (random articles, sentences, stated and inferred parts, claimants,
    values, periods), their periods, and maybe a focus."""
    size = draw(st.integers(2, 32))
    members, periods = [], {}
    for n in range(size):
        parts = draw(st.lists(st.sampled_from(PARTS), unique=True, max_size=3))
        cid = f"c{n:03d}"
        members.append(Claim(
            id=cid, article=f"a{draw(st.integers(0, 5))}", rule="Q001", kind="quantity", start=0, end=2, line=1,
            text="10", value=QuantityValue(low=draw(st.integers(1, 3)), high=None), key="k",
            key_parts={p: p for p in parts},
            evidence={p: draw(st.sampled_from(WORDS)) for p in parts if draw(st.booleans())},
            inferred=draw(st.lists(st.sampled_from(PARTS), unique=True, max_size=2)),
            attribution=draw(st.sampled_from([None, "", "brandweer", "politie"])),
            sentence=" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=6)))))
        periods[cid] = draw(periods_drawn)
    focus = draw(st.one_of(st.none(), st.sets(st.sampled_from([c.id for c in members]), min_size=1)))
    return members, periods, focus


def disagree(a, b) -> bool:
    return a.value.low != b.value.low


@settings(max_examples=100, deadline=None)
@given(findings())
def test_the_confidence_and_signals_are_the_pairwise_oracles(finding):
    members, periods, focus = finding
    assert judge(members, periods, disagree, focus) == oracle(members, periods, disagree, focus)


@settings(max_examples=30, deadline=None)
@given(findings())
def test_without_disagreement_the_confidence_is_the_base(finding):
    members, periods, focus = finding
    assert judge(members, periods, lambda a, b: False, focus) == Judgement(BASE, ["no pair of two articles disagrees alone"])


def test_a_long_finding_judges_a_few_pairs_not_all_two_hundred(monkeypatch):
    from checker import confidence

    calls = []
    real = confidence.judge_pair
    monkeypatch.setattr(confidence, "judge_pair", lambda *args, **kw: calls.append(1) or real(*args, **kw))
    members = [Claim(id=f"c{n:03d}", article=f"a{n}", rule="Q001", kind="quantity", start=0, end=2, line=1, text="10",
                     value=QuantityValue(low=n, high=n), key="k", key_parts={"concept": "people", "place": "verviers"},
                     sentence=f"In Verviers zijn {n} mensen omgekomen bij overstromingen, meldt burgemeester{n}.")
               for n in range(60)]
    judged = confidence.judge(members, {}, lambda a, b: True)
    assert judged == oracle(members, {}, lambda a, b: True)
    assert len(calls) == 1  # the first pair scores the most a pair without a claimant or day in common can
