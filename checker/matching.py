"""Matching: which claims of different articles are about the same thing.

A rule keys a claim with what its sentence says. One article writes "Rusland heeft 100.000
militairen aan de grens met Oekraïne", another "Rusland heeft 100.000 militairen": the second
key lacks the place. When the claims of other articles that share everything the short key
says fill its open parts in exactly one way, the claim joins them; the parts it gains are
marked as inferred and their evidence names where they come from. A claim keyed partly by
inference already (an actor taken from the article) is not completed further. When other articles fill
them in several ways (Russian troops at the Ukrainian border and in Belarus), the claim keeps
its own key: which of them it means is not for the checker to guess.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from checker.models import Claim
from checker.runner import make_key

# The parts a sentence may leave unsaid. What is counted, its unit, the event and the qualifiers
# never are: a qualifier changes what is counted ("extra", "per dag", "geen lid").
OPEN_PARTS = frozenset({"actor", "place"})


@dataclass
class Group:
    key: str
    parts: dict[str, str]
    articles: set[str] = field(default_factory=set)


def fills(fuller: dict[str, str], shorter: dict[str, str]) -> bool:
    """True when ``fuller`` says all that ``shorter`` says, and more only in open parts."""
    if len(fuller) <= len(shorter) or any(fuller.get(k) != v for k, v in shorter.items()):
        return False
    return all(k in OPEN_PARTS for k in fuller.keys() - shorter.keys())


def complete_keys(claims: Sequence[Claim]) -> list[Claim]:
    """The claims, with keys completed where other articles fill their open parts one way."""
    groups: dict[str, Group] = {}
    for c in claims:
        if c.key is not None:
            groups.setdefault(c.key, Group(c.key, dict(c.key_parts))).articles.add(c.article)
    by_core: dict[tuple, list[Group]] = defaultdict(list)
    for g in groups.values():
        by_core[core(g.parts)].append(g)
    out = []
    for c in claims:
        target = None
        if c.key is not None and not c.inferred and not OPEN_PARTS <= c.key_parts.keys():
            target = only_filler(c, by_core[core(c.key_parts)])
        out.append(joined(c, target) if target else c)
    return out


def core(parts: dict[str, str]) -> tuple:
    return tuple(sorted((k, v) for k, v in parts.items() if k not in OPEN_PARTS))


def only_filler(claim: Claim, candidates: list[Group]) -> Group | None:
    """The one most specific group of other articles that fills the claim's open parts."""
    fuller = [g for g in candidates if fills(g.parts, claim.key_parts) and g.articles - {claim.article}]
    tops = [g for g in fuller if not any(h is not g and fills(h.parts, g.parts) for h in fuller)]
    return tops[0] if len(tops) == 1 else None


def joined(claim: Claim, group: Group) -> Claim:
    added = sorted(group.parts.keys() - claim.key_parts.keys())
    others = len(group.articles - {claim.article})
    where = "another article" if others == 1 else f"{others} other articles"
    evidence = dict(claim.evidence)
    for part in added:
        evidence[part] = f"({group.parts[part]}, as in {where})"
    return claim.model_copy(update={
        "key": make_key(claim.kind, group.parts),
        "key_parts": dict(group.parts),
        "evidence": evidence,
        "inferred": [*claim.inferred, *added],
    })
