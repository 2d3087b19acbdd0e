"""Key completion against a plain oracle, on random claims.

`complete_keys` finds the keys of a claim's own article that could fill its open parts through an
index by kind and core. The oracle here is completion as it is defined, with no index: every key
of the claim's article is looked at for the same-article filler, every group of the run for the
cross-article one.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.keys import kind_of
from checker.matching import Group, complete_keys, joined, may_be_completed, only_filler
from checker.models import Claim, QuantityValue
from checker.registry import default_registry

SCHEMA = default_registry().schema()


def oracle_same_article(claim, claims, schema):
    """The one most specific key of the claim's article that fills it, looked for among all its keys."""
    keys = {}
    for c in claims:
        if c.article == claim.article and c.key is not None:
            keys.setdefault(c.key, c.key_parts)
    fuller = [(k, p) for k, p in keys.items() if kind_of(k) == claim.kind and schema.fills(p, claim.key_parts)]
    tops = [(k, p) for k, p in fuller if not any(q is not p and schema.fills(q, p) for _, q in fuller)]
    return Group(tops[0][0], dict(tops[0][1]), {claim.article}) if len(tops) == 1 else None


def oracle(claims, schema):
    """complete_keys, each claim looked at on its own against all keys and groups."""
    groups: dict[str, Group] = {}
    for c in claims:
        if c.key is not None:
            groups.setdefault(c.key, Group(c.key, dict(c.key_parts))).articles.add(c.article)
    out = []
    for c in claims:
        target = None
        if (c.key is not None or c.partial) and not schema.open_parts <= c.key_parts.keys():
            target = oracle_same_article(c, claims, schema)
        if target:
            out.append(joined(c, target, schema, "the same article"))
            continue
        if may_be_completed(c, schema):
            # a key's filling groups are found for its first claim to come here, and its usual
            # filler for each place its articles are about
            alike = [d for d in claims if d.key == c.key and may_be_completed(d, schema)
                     and not oracle_same_article(d, claims, schema)]
            first = alike[0].key_parts
            fuller = [g for g in groups.values() if kind_of(g.key) == c.kind and schema.fills(g.parts, first)]
            first_of_place = next(d for d in alike if d.article_place == c.article_place)
            own = any(g.size == 1 and c.article in g.articles for g in fuller)
            usual = only_filler(first_of_place.model_copy(update={"article": ""}), fuller, schema)
            target = only_filler(c, fuller, schema) if own else usual
        out.append(joined(c, target, schema) if target else c)
    return out


PARTS = {
    "concept": st.sampled_from(["troops", "ships"]),
    "predicate": st.sampled_from([None, None, "died"]),
    "actor": st.sampled_from([None, "russia", "nato"]),
    "place": st.sampled_from([None, "belarus", "ukraine"]),
    "qualifier": st.sampled_from([None, None, "extra"]),
}


@st.composite
def claim_sets(draw):
    claims = []
    for i in range(draw(st.integers(1, 24))):
        article = f"a{draw(st.integers(0, 3))}"
        kind = draw(st.sampled_from(["quantity", "quantity", "date"]))
        parts = {name: value for name, part in PARTS.items() if (value := draw(part))}
        partial = draw(st.integers(0, 5)) == 0
        if partial:
            parts = {k: v for k, v in parts.items() if k not in SCHEMA.open_parts}
        key = None if partial else SCHEMA.make_key(kind, parts)
        claims.append(Claim(
            id=f"{article}@{i}", article=article, rule="T", kind=kind, start=0, end=1, line=1, text=str(i),
            value=QuantityValue(low=i, high=i), key=key, key_parts=parts, partial=partial,
            inferred=draw(st.sampled_from([[], [], [], ["actor"], ["place"]])),
            article_place=draw(st.sampled_from([None, "belarus", "ukraine"]))))
    return claims


@settings(max_examples=400, deadline=None)
@given(claim_sets())
def test_completion_finds_what_the_plain_oracle_finds(claims):
    assert complete_keys(claims, SCHEMA) == oracle(claims, SCHEMA)


def test_a_claim_is_filled_by_its_own_article_before_the_others():
    def claim(cid, parts, **more):
        return Claim(id=cid, article=cid[:2], rule="T", kind="quantity", start=0, end=1, line=1, text="1",
                     value=QuantityValue(low=1, high=1), key=SCHEMA.make_key("quantity", parts), key_parts=parts, **more)

    claims = [claim("a0@1", {"concept": "troops", "actor": "russia", "place": "belarus"}),
              claim("a0@2", {"concept": "troops"}),
              claim("a1@1", {"concept": "troops", "actor": "russia", "place": "ukraine"}),
              claim("a1@2", {"concept": "ships", "actor": "russia"})]
    done = complete_keys(claims, SCHEMA)
    assert done == oracle(claims, SCHEMA)
    assert done[1].key == "quantity:troops/russia/in-belarus" and done[1].inferred == ["actor", "place"]
    assert done[3].key == "quantity:ships/russia"
