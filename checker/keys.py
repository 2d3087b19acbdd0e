"""The key schema: what the key parts and claim kinds of the rules mean, read from their metadata.

A rule declares the parts its keys are made of (:class:`KeyPart`: where a part goes in a key,
whether a sentence may leave it unsaid, whether it makes a key specific) and how the values of
its kinds compare (:class:`KindSpec`). The registry joins the declarations of the rules it holds
into one :class:`KeySchema`; the engine writes, completes, compares and stores keys through it
and names no kind or part itself. Two rules that declare one part or kind differently cannot
share a schema: :meth:`KeySchema.of` raises :class:`SchemaError` naming both.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

Comparison = Literal["fact", "spelling", "recurring"]


@dataclass(frozen=True)
class KeyPart:
    """One part of a key, as the rules that use it declare it."""

    name: str
    order: int  # where the part goes in a key: lower first; undeclared parts go last, by name
    mark: str = ""  # written before the value, where it could be read as another part ("in-russia")
    open: bool = False  # a sentence may leave it unsaid: matching fills it from other claims
    specific: bool = False  # said by the claim's own sentence, it makes the key specific
    article_place: bool = False  # a claim's ``article_place`` is a value of this part
    # Its value tells which of the things of a kind and place are meant (what happened to them,
    # whose, which kind); a key of parts that tell nothing says only what is counted and where.
    tells: bool = True


@dataclass(frozen=True)
class KindSpec:
    """A kind of claim, as the rule that makes it declares it."""

    name: str
    mark: str  # the letter that ends the ids of its claims ("001@40q")
    compared_as: Comparison = "fact"
    # fact: values of one moment (numbers and dates as intervals, texts by identity), so a
    # difference is a conflict, a change or undated; spelling: different values are spellings of
    # one thing (a variant); recurring: the values describe an event, which recurs, so values of
    # different or unknown times are other events.
    dates: bool = False  # its values are times: a precise one dates its sentence and an undated article
    duration: tuple[str, str] | None = None  # (kind, unit): a value spanning days is compared with
    # the lengths stated under the same key in that kind with that unit ("de top duurt twee dagen")


def kind_of(key: str) -> str:
    """The kind a key is of: the text before its colon."""
    return key.partition(":")[0]


class SchemaError(ValueError):
    """Two rules declare one key part or kind differently."""


@dataclass(frozen=True)
class KeySchema:
    """The key parts and kinds of a set of rules: how keys are written, completed and compared."""

    parts: Mapping[str, KeyPart] = field(default_factory=dict)
    kinds: Mapping[str, KindSpec] = field(default_factory=dict)
    # Read off the parts once, not per key:
    open_parts: frozenset[str] = field(init=False, repr=False, compare=False)
    specific_parts: frozenset[str] = field(init=False, repr=False, compare=False)
    article_place_part: str | None = field(init=False, repr=False, compare=False)
    plain_parts: frozenset[str] = field(init=False, repr=False, compare=False)  # parts that tell nothing
    _order: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _marks: dict[str, str] = field(init=False, repr=False, compare=False)

    @classmethod
    def of(cls, declarations: Iterable[tuple[str, Iterable[KeyPart], Iterable[KindSpec]]]) -> KeySchema:
        """The schema of (declarer, key parts, kind specs) declarations; SchemaError on a clash."""
        parts: dict[str, tuple[KeyPart, str]] = {}
        kinds: dict[str, tuple[KindSpec, str]] = {}
        for who, key_parts, kind_specs in declarations:
            for what, declared, table in (("key part", key_parts, parts), ("kind", kind_specs, kinds)):
                for item in declared:
                    known = table.setdefault(item.name, (item, who))
                    if known[0] != item:
                        raise SchemaError(f"{who} declares the {what} {item.name!r} as {item}, "
                                          f"but {known[1]} declares it as {known[0]}")
        placed = [p for p, _ in parts.values() if p.article_place]
        if len(placed) > 1:
            raise SchemaError(f"key parts {', '.join(p.name for p in placed)} all take the article's place; one may")
        return cls({n: p for n, (p, _) in parts.items()}, {n: k for n, (k, _) in kinds.items()})

    def __post_init__(self) -> None:
        ordered = tuple(p.name for p in sorted(self.parts.values(), key=lambda p: (p.order, p.name)))
        object.__setattr__(self, "_order", ordered)
        object.__setattr__(self, "_marks", {p.name: p.mark for p in self.parts.values() if p.mark})
        object.__setattr__(self, "open_parts", frozenset(p.name for p in self.parts.values() if p.open))
        object.__setattr__(self, "specific_parts", frozenset(p.name for p in self.parts.values() if p.specific))
        object.__setattr__(self, "plain_parts", frozenset(p.name for p in self.parts.values() if not p.tells))
        place = next((p.name for p in self.parts.values() if p.article_place), None)
        object.__setattr__(self, "article_place_part", place)

    def kind(self, name: str) -> KindSpec:
        """The spec of a kind; a kind no rule declares is a fact whose ids end in its first letter."""
        spec = self.kinds.get(name)
        return spec if spec is not None else KindSpec(name, name[:1])

    def make_key(self, kind: str, parts: Mapping[str, str]) -> str | None:
        """The key of a claim: its kind and key parts in the schema's order; None without parts."""
        marks = self._marks
        ordered = [marks.get(k, "") + parts[k] for k in self._order if parts.get(k)]
        ordered += [parts[k] for k in sorted(parts) if k not in self.parts and parts[k]]
        return f"{kind}:" + "/".join(ordered) if ordered else None

    def core(self, parts: Mapping[str, str]) -> tuple:
        """The parts that matching never fills in, sorted."""
        return tuple(sorted((k, v) for k, v in parts.items() if k not in self.open_parts))

    def core_text(self, kind: str, parts: Mapping[str, str]) -> str:
        """The core of a key as stored text (see checker.index)."""
        return f"{kind}:{json.dumps(self.core(parts))}"

    def fills(self, fuller: Mapping[str, str], shorter: Mapping[str, str]) -> bool:
        """True when ``fuller`` says all that ``shorter`` says, and more only in open parts."""
        # as sets of (part, value) pairs: the shorter's all in the fuller's (values are text)
        return len(fuller) > len(shorter) and shorter.items() <= fuller.items() \
            and fuller.keys() - shorter.keys() <= self.open_parts

    def duration_key(self, kind: str, key: str) -> str | None:
        """Where the length of a claim's event is compared, for a kind that declares one:
        "date:exercise/russia" -> "quantity:exercise/russia/day"."""
        duration = self.kind(kind).duration
        if duration is None:
            return None
        return f"{duration[0]}:{key.split(':', 1)[1]}/{duration[1]}"

    def event_keys(self, key: str) -> set[str]:
        """The keys of the events whose length a key states: "quantity:exercise/russia/day" ->
        {"date:exercise/russia"}."""
        kind, _, rest = key.partition(":")
        return {f"{spec.name}:{rest.removesuffix('/' + spec.duration[1])}" for spec in self.kinds.values()
                if spec.duration and spec.duration[0] == kind and rest.endswith("/" + spec.duration[1])}
