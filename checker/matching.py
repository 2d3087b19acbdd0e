"""Matching: which claims of different articles are about the same thing.

A rule keys a claim with what its sentence says. One article writes "Rusland heeft 100.000
militairen aan de grens met Oekraïne", another "Rusland heeft 100.000 militairen": the second
key lacks the place. When the claims of other articles that share everything the short key
says fill its open parts in exactly one way, the claim joins them; the parts it gains are
marked as inferred and their evidence names where they come from.

The claim's own article is asked first: when it gives the short key's open parts one way
elsewhere ("100.000 militairen aan de grens met Oekraïne" before "Tot voor kort ging het om
100.000 militairen"), the claim takes them, even when its key is partly inferred already.
A partial claim (a figure of "manschappen" whose sentence names no actor or place) is keyed only
this way. Otherwise a claim keyed partly by inference (an actor taken from the article) is not completed
further. When other articles fill its open parts in several ways (Russian troops at the
Ukrainian border and in Belarus), the claim joins the one placed where its article mostly is,
if its article leads with one place; else it keeps its own key.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from checker.keys import KeySchema, kind_of
from checker.models import Claim

# The parts a sentence may leave unsaid are the schema's open parts (for the built-in rules:
# whose and where). What is counted, its unit, the event and the qualifiers never are: a
# qualifier changes what is counted ("extra", "per dag", "geen lid").


@dataclass
class Group:
    """A key, its parts and the articles that state it: those at hand by name, and how many
    others an archive holds (``elsewhere``), so that a large archive's groups are not spelled out."""

    key: str
    parts: dict[str, str]
    articles: set[str] = field(default_factory=set)
    elsewhere: int = 0

    @property
    def size(self) -> int:
        """How many articles state the key."""
        return len(self.articles) + self.elsewhere


def complete_keys(claims: Sequence[Claim], schema: KeySchema, known: Iterable[Group] = ()) -> list[Claim]:
    """The claims, with keys completed where other articles fill their open parts one way.

    ``known`` adds groups whose claims are not at hand (an index's keys, see checker.index)."""
    groups: dict[str, Group] = {}
    for c in claims:
        if c.key is not None:
            group = groups.get(c.key)
            if group is None:
                group = groups[c.key] = Group(c.key, dict(c.key_parts))
            group.articles.add(c.article)
    for g in known:
        group = groups.setdefault(g.key, Group(g.key, dict(g.parts)))
        group.articles.update(g.articles)
        group.elsewhere += g.elsewhere
    cores = Cores(schema)
    by_core: dict[tuple, list[Group]] = defaultdict(list)
    for g in groups.values():
        by_core[kind_of(g.key), cores.of(g.key, g.parts)].append(g)
    fuller: dict[str, list[Group]] = {}  # per key: the groups that fill it, found once
    usual: dict[tuple, Group | None] = {}  # per key and article place: the filler for a claim of no filling group's article
    in_article = own_keys(claims, cores)
    open_parts = schema.open_parts
    out = []
    for c in claims:
        if open_parts <= c.key_parts.keys() or c.key is None and not c.partial:
            out.append(c)  # nothing open to fill (neither test below holds)
            continue
        core = cores.of(c.key, c.key_parts)
        candidates = in_article[c.article].get((c.kind, core), ())
        target = None
        # most often the article states the claim's key alone of its kind and core: nothing fills it
        if len(candidates) > 1 or candidates and candidates[0][1] != c.key_parts:
            target = same_article_filler(c, candidates, schema)
            if target:
                out.append(joined(c, target, schema, "the same article"))
                continue
        if c.key is not None and not c.inferred:  # may_be_completed: its open parts are known to be unfilled
            if c.key not in fuller:
                fuller[c.key] = [g for g in by_core[c.kind, core] if schema.fills(g.parts, c.key_parts)]
            if (c.key, c.article_place) not in usual:
                usual[c.key, c.article_place] = only_filler(c.model_copy(update={"article": ""}), fuller[c.key], schema)
            own = any(g.size == 1 and c.article in g.articles for g in fuller[c.key])
            target = only_filler(c, fuller[c.key], schema) if own else usual[c.key, c.article_place]
        out.append(joined(c, target, schema) if target else c)
    return out


class Cores:
    """The cores of key parts (see KeySchema.core), worked out once for the parts of each key:
    the claims of a key in thousands of articles share its parts."""

    def __init__(self, schema: KeySchema) -> None:
        self.schema = schema
        self._known: dict[str | None, tuple[dict[str, str], tuple]] = {}

    def of(self, key: str | None, parts: dict[str, str]) -> tuple:
        known = self._known.get(key)
        if known is not None and known[0] == parts:
            return known[1]
        core = self.schema.core(parts)
        self._known[key] = (parts, core)
        return core


# An article's keys of one kind and core, each with its parts: only these can fill a claim's key
# of that kind and core (a filling key says all a claim's says, and more only in open parts).
OwnKeys = dict[tuple[str, tuple], list[tuple[str, dict[str, str]]]]


def own_keys(claims: Sequence[Claim], cores: Cores) -> dict[str, OwnKeys]:
    """Per article, its keys and their parts, by their kind and core (see KeySchema.core), each
    key once and in the order the article first states it."""
    first: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
    for c in claims:
        if c.key is not None:
            keys = first[c.article]
            if c.key not in keys:
                keys[c.key] = c.key_parts
    out: dict[str, OwnKeys] = defaultdict(dict)
    for article, keys in first.items():
        index = out[article]
        for key, parts in keys.items():
            index.setdefault((kind_of(key), cores.of(key, parts)), []).append((key, parts))
    return out


def same_article_filler(claim: Claim, candidates: Sequence[tuple[str, dict[str, str]]],
                        schema: KeySchema) -> Group | None:
    """The one most specific key of the claim's own article that fills its open parts, among
    that article's keys of the claim's kind and core (``candidates``): an article that says
    "100.000 militairen aan de grens met Oekraïne" means the same troops when it later says
    "100.000 militairen". Taken even for a key partly inferred already."""
    fills = schema.fills
    fuller = [(key, parts) for key, parts in candidates if fills(parts, claim.key_parts)]
    tops = [(key, parts) for key, parts in fuller if not any(other is not parts and fills(other, parts) for _, other in fuller)]
    return Group(tops[0][0], dict(tops[0][1]), {claim.article}) if len(tops) == 1 else None


def shorter_keys(claim: Claim, schema: KeySchema) -> set[str]:
    """The keys of claims that could be completed into this claim's key (and the key itself)."""
    open_parts = sorted(schema.open_parts & claim.key_parts.keys())
    keys = set()
    for mask in range(1 << len(open_parts)):
        dropped = {p for i, p in enumerate(open_parts) if mask >> i & 1}
        parts = {k: v for k, v in claim.key_parts.items() if k not in dropped}
        key = schema.make_key(claim.kind, parts)
        if key:
            keys.add(key)
    return keys


def may_be_completed(claim: Claim, schema: KeySchema) -> bool:
    """True when the claim's key leaves an open part that other articles could fill."""
    return claim.key is not None and not claim.inferred and not schema.open_parts <= claim.key_parts.keys()


def filler_key(claim: Claim, groups: Iterable[Group], schema: KeySchema) -> str | None:
    """The key ``claim`` would be completed to among ``groups``, if any."""
    own = schema.core(claim.key_parts)
    target = only_filler(claim, [g for g in groups if kind_of(g.key) == claim.kind and schema.core(g.parts) == own], schema)
    return target.key if target else None


def only_filler(claim: Claim, candidates: list[Group], schema: KeySchema) -> Group | None:
    """The one most specific group of other articles that fills the claim's open parts."""
    fills = schema.fills
    fuller = [g for g in candidates if fills(g.parts, claim.key_parts) and (g.size > 1 or claim.article not in g.articles)]
    tops = [g for g in fuller if not any(h is not g and fills(h.parts, g.parts) for h in fuller)]
    where = schema.article_place_part
    if len(tops) > 1 and claim.article_place and where:  # Russian troops at the Ukrainian border or in Belarus:
        tops = [g for g in tops if g.parts.get(where) == claim.article_place]  # where the article is
    return tops[0] if len(tops) == 1 else None


def joined(claim: Claim, group: Group, schema: KeySchema, where: str = "") -> Claim:
    added = sorted(group.parts.keys() - claim.key_parts.keys())
    others = group.size - (claim.article in group.articles)
    where = where or ("another article" if others == 1 else f"{others} other articles")
    evidence = dict(claim.evidence)
    for part in added:
        evidence[part] = f"({group.parts[part]}, as in {where})"
    return claim.model_copy(update={
        "key": schema.make_key(claim.kind, group.parts),
        "key_parts": dict(group.parts),
        "evidence": evidence,
        "inferred": [*claim.inferred, *added],
        "unkeyed": None,
    })
