"""The comparison of whole keys against a plain pair-by-pair oracle, on random claims.

`find_conflicts` finds the claims that disagree without going pair by pair (checker.disagreement).
The oracle here goes pair by pair, as the comparison is defined: two claims of different
articles whose values cannot both hold, whose circumstances do not differ, are reported with
the status of their buckets' first claims (a numeric key), or their own (a text key, or a
weakly matched claim, which counts only where the other's sentence corroborates its own).
"""
from __future__ import annotations

import sys
from collections import defaultdict
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.conflicts import _finding, all_agree, claim_periods, find_conflicts, intervals, spans_of_days
from checker.models import Article, Claim, DateValue, Period, QuantityValue, TextValue
from checker.pairs import Compared, compatible, contradict, sentence_of, status_between, text_of, weak
from checker.registry import default_registry

SCHEMA = default_registry().schema()
STATUSES = ("conflict", "undated", "changed", "variant")


def oracle(claims, articles, schema, focus=None):
    """find_conflicts, pair by pair."""
    periods = claim_periods(claims, articles, schema)
    spans = intervals(claims, schema)
    groups = defaultdict(list)
    for c in claims:
        if c.key is not None and c.value is not None:
            groups[c.key].append(Compared(c, *spans[c.id], periods[c.id]))
    for c, days in spans_of_days(claims):
        if schema.duration_key(c.kind, c.key) in groups:
            groups[schema.duration_key(c.kind, c.key)].append(Compared(c, days, days, periods[c.id]))
    entries = [m for ms in groups.values() for m in ms]
    findings = []
    for key in sorted(groups):
        members = groups[key]
        if focus is not None and not any(m.claim.id in focus for m in members):
            continue
        if len({m.claim.article for m in members}) < 2 or all_agree(members):
            continue
        involved = involved_pairwise(members, entries, schema, focus)
        if involved["conflict"]:
            involved["conflict"] |= involved.pop("undated")
        for status in STATUSES:
            if involved.get(status):
                findings.append(_finding(key, status, [m for m in members if m.claim.id in involved[status]], focus,
                                         plain=schema.plain_parts))
    return findings


def involved_pairwise(members, entries, schema, focus):
    by_sentence = defaultdict(list)
    for m in entries:
        by_sentence[sentence_of(m)].append(m)

    def backed(x, y):
        """y's sentence states a figure of another key than x's that agrees with one of x's sentence."""
        return any(m.claim.key != x.claim.key and n.claim.key == m.claim.key and n.claim.article != x.claim.article
                   and compatible(m, n) for m in by_sentence[sentence_of(x)] for n in by_sentence[sentence_of(y)])

    text = any(isinstance(m.claim.value, TextValue) for m in members)
    first = {}
    for m in members:
        c = m.claim
        first.setdefault((m.period, bool(c.earlier), bool(c.inferred), weak(c, schema), bool(c.running),
                          tuple(sorted(c.context.items())), m.ahead), m)

    def rep(m):
        c = m.claim
        return first[(m.period, bool(c.earlier), bool(c.inferred), weak(c, schema), bool(c.running),
                      tuple(sorted(c.context.items())), m.ahead)]

    involved = {s: set() for s in STATUSES}
    for x in members:
        for y in members:
            if x is y or x.claim.article == y.claim.article or focus is not None and x.claim.id not in focus:
                continue
            if text:
                if text_of(x) == text_of(y) or focus is None and y.claim.id <= x.claim.id:
                    continue
                thin = weak(x.claim, schema) or weak(y.claim, schema)
                if not contradict(x.claim, y.claim) and (not thin or backed(x, y)) \
                        and (status := status_between(x, y, schema)):
                    involved[status] |= {x.claim.id, y.claim.id}
                continue
            if compatible(x, y):
                continue
            if weak(x.claim, schema) or focus is not None and weak(y.claim, schema):
                if not contradict(x.claim, y.claim) and backed(x, y) and (status := status_between(x, y, schema)):
                    involved[status] |= {x.claim.id, y.claim.id}
            elif not weak(y.claim, schema):
                a, b = rep(x), rep(y)
                if not contradict(a.claim, b.claim) and (status := status_between(a, b, schema)):
                    involved[status] |= {x.claim.id} if focus is None else {x.claim.id, y.claim.id}
    return involved


MONTHS = [Period(start=date(2022, m, 1), end=date(2022, m, 28)) for m in (1, 2, 3)]
# Days a few apart and a week or more apart: dates of an event two reports announce as coming
# are compared when the reports are less than a week apart.
DAYS = [Period(start=date(2022, 2, d), end=date(2022, 2, d)) for d in (1, 2, 7, 8, 14)]
SPAN = Period(start=date(2022, 1, 20), end=date(2022, 2, 10))
PERIODS = st.sampled_from([None, *MONTHS, *DAYS, SPAN])
# Each example dwells on a few keys, so that its claims meet: a numeric key and the key beside
# it that corroborates weakly matched claims, the days of an event and its length, a name, an office.
SHAPES = {
    "figures": ["quantity:ships/nato", "quantity:jets/nato"],
    "durations": ["date:summit/nato", "quantity:summit/nato/day", "quantity:jets/nato", None],
    "names": ["name:zelenski", "quantity:jets/nato"],
    "offices": ["role:lavrov", "quantity:jets/nato"],
    "all": ["quantity:ships/nato", "quantity:jets/nato", "quantity:summit/nato/day", "date:summit/nato",
            "name:zelenski", "role:lavrov", None],
}


def kind_of(key):
    return "date" if key is None else key.partition(":")[0]


@st.composite
def values(draw, kind):
    if kind == "quantity":
        low = draw(st.one_of(st.none(), st.integers(0, 12)))
        high = draw(st.one_of(st.none(), st.integers(0, 4).map(lambda w: (low or 0) + w)))
        return QuantityValue(low=low, high=high, approximate=draw(st.booleans()), vague=draw(st.booleans()))
    if kind == "date":
        start = date(2022, 2, draw(st.integers(1, 6)))
        return DateValue(start=start, end=start + timedelta(days=draw(st.sampled_from([0, 0, 1, 2, 27]))))
    if kind == "name":
        text = draw(st.sampled_from(["Zelensky", "Zelenskyy", "Zelenski"]))
        return TextValue(text=text, parts={"id": text.rstrip("y"), "preferred": "Zelensky"})
    return TextValue(text=draw(st.sampled_from(["foreign-minister", "defence-minister"])))


@st.composite
def claim_sets(draw):
    articles = {f"a{i}": Article(id=f"a{i}", path=f"a{i}.txt", date=draw(PERIODS)) for i in range(draw(st.integers(2, 5)))}
    keys = SHAPES[draw(st.sampled_from(sorted(SHAPES)))]
    claims = []
    for i in range(draw(st.integers(2, 14))):
        key = draw(st.sampled_from(keys))
        parts = {"concept": "x", **({"place": "p"} if draw(st.booleans()) else {})}
        article = draw(st.sampled_from(sorted(articles)))
        claims.append(Claim(
            id=f"{article}@{i}", article=article, rule="T", kind=kind_of(key), start=0, end=1, line=1,
            text=f"t{i % 4}", value=draw(values(kind_of(key))), key=key, key_parts=parts,
            inferred=draw(st.sampled_from([[], [], ["actor"], ["place"], ["actor", "place"]])),
            period=draw(st.sampled_from([None, None, None, *MONTHS, *DAYS, SPAN])),
            earlier="eerder" if draw(st.integers(0, 3)) == 0 else None,
            running="dodental" if draw(st.booleans()) else None,
            context=draw(st.sampled_from([{}, {}, {"cause": "fire"}, {"cause": "crash"}])),
            attribution=draw(st.sampled_from([None, "nato"])), sentence=f"Zin nummer {i % 3} over schepen.",
            sentence_start=draw(st.integers(0, 2))))
    return claims, articles


@settings(max_examples=250, deadline=None)
@given(claim_sets(), st.integers(0, 2))
def test_the_comparison_finds_what_the_pairwise_comparison_finds(data, focused):
    claims, articles = data
    assert find_conflicts(claims, articles, SCHEMA) == oracle(claims, articles, SCHEMA)
    if focused:  # a draft's check: the claims of one article, or of two
        focus = {c.id for c in claims if c.article in ("a0", "a1")[:focused]}
        assert find_conflicts(claims, articles, SCHEMA, focus) == oracle(claims, articles, SCHEMA, focus)


def test_an_office_is_judged_by_its_own_claims_not_by_the_first_of_its_bucket():
    """Two claims matched through what their articles are about are compared only when both
    sentences name a specific part; a text key asks that of each claim, not of the claim its
    bucket starts with."""
    feb = Period(start=date(2022, 2, 1), end=date(2022, 2, 28))
    articles = {a: Article(id=a, path=f"{a}.txt", date=feb) for a in ("a0", "a1", "a2")}

    def office(cid, value, inferred):
        return Claim(id=cid, article=cid[:2], rule="T", kind="role", start=0, end=1, line=1, text=value,
                     value=TextValue(text=value), key="role:lavrov", key_parts={"concept": "x", "place": "p"},
                     inferred=inferred)

    claims = [office("a0@1", "foreign-minister", ["actor"]), office("a1@1", "defence-minister", ["place"]),
              office("a2@1", "foreign-minister", ["actor"])]
    assert find_conflicts(claims, articles, SCHEMA) == oracle(claims, articles, SCHEMA) == []


def story(n):
    """``n`` copies of one story, three of each day: a figure beside another (in every other copy
    its owner is the article's, so it is matched weakly and every copy corroborates it), a running
    tally that moves on, a name spelled four ways."""
    articles, claims = {}, []

    def claim(aid, i, key, value, sentence, **more):
        kind = key.partition(":")[0]
        claims.append(Claim(id=f"{aid}@{i}", article=aid, rule="T", kind=kind, start=0, end=1, line=1, text=str(i),
                            value=value, key=key, sentence=f"Zin {sentence}.", sentence_start=sentence, **more))

    for i in range(n):
        aid = f"a{i:05d}"
        day = date(2022, 1, 1) + timedelta(days=i // 3)
        articles[aid] = Article(id=aid, path=f"{aid}.txt", date=Period(start=day, end=day))
        ships, jets = QuantityValue(low=140 + 60 * (i % 2), high=140 + 60 * (i % 2)), QuantityValue(low=130, high=130)
        claim(aid, 1, "quantity:ships/nato", ships, 0, key_parts={"concept": "ships", "actor": "nato"},
              inferred=["actor"] if i % 2 else [])
        claim(aid, 2, "quantity:jets/nato", jets, 0, key_parts={"concept": "jets", "actor": "nato"})
        dead = 40 + i % 7
        claim(aid, 3, "quantity:killed/verviers", QuantityValue(low=dead, high=dead), 1, running="omgekomen",
              key_parts={"concept": "killed", "place": "verviers"})
        spelling = ("Zelensky", "Zelenskyy", "Zelenski", "Zelenskiy")[i % 4]
        claim(aid, 4, "name:zelenski", TextValue(text=spelling, parts={"id": spelling}), 2)
    return list(claims), articles


def test_twice_the_articles_are_at_most_about_twice_the_work():
    """Counted in calls of Python functions, so that the load of the machine does not count:
    pair by pair, twice the copies of this story were four times the work."""
    def calls(claims, articles):
        count = 0

        def profile(frame, event, arg):
            nonlocal count
            count += event == "call"

        sys.setprofile(profile)
        try:
            findings = find_conflicts(claims, articles, SCHEMA)
        finally:
            sys.setprofile(None)
        assert {f.status for f in findings} == {"conflict", "changed", "variant"}
        return count

    small, large = calls(*story(200)), calls(*story(400))
    assert large < 2.3 * small, (small, large)


def test_a_weakly_matched_length_is_read_first_against_the_days_of_its_event():
    """"Vijf dagen" of last month, whose owner is its article's, beside the 130 jets another
    article gives beside the summit's three days: a figure that moved on (the length's kind is
    a fact of a moment), though the summit's days, of a recurring event, would say nothing."""
    feb, jan = (Period(start=date(2022, m, 1), end=date(2022, m, 28)) for m in (2, 1))
    articles = {a: Article(id=a, path=f"{a}.txt", date=feb) for a in ("a0", "a1")}

    def claim(cid, key, value, **more):
        return Claim(id=cid, article=cid[:2], rule="T", kind=key.partition(":")[0], start=0, end=1, line=1,
                     text=cid, value=value, key=key, key_parts={"concept": "x"}, **more)

    jets = QuantityValue(low=130, high=130)
    claims = [claim("a0@1", "quantity:summit/nato/day", QuantityValue(low=5, high=5), inferred=["actor"], period=jan),
              claim("a0@2", "quantity:jets/nato", jets),
              claim("a1@1", "date:summit/nato", DateValue(start=date(2022, 2, 1), end=date(2022, 2, 3))),
              claim("a1@2", "quantity:jets/nato", jets)]
    found = find_conflicts(claims, articles, SCHEMA)
    assert [(f.status, f.claims) for f in found] == [("changed", ["a0@1", "a1@1"])]
    assert found == oracle(claims, articles, SCHEMA)
