"""Lean decoding: claims and articles read back from the claim index.

Validating every stored claim with pydantic cost 25-50 µs a claim, and a draft's check against
a large archive reads tens of thousands of them. What was stored was valid when it was written,
so it is decoded here with msgspec into :class:`LeanClaim` and :class:`LeanArticle` structs
(a few µs each), and the values and periods in them, which repeat from claim to claim and from
copy to copy of a wire report, are decoded once each with pydantic and shared (they are frozen).

A lean claim reads like a :class:`checker.models.Claim` for matching and comparison (the same
attributes, ``model_copy(update=...)``); only the claims and articles a report shows are made
into the models, by :func:`as_claim` and :func:`as_article`, which give the same models (and so
the same JSON report) as validating the stored JSON would.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import msgspec

from checker.models import Article, Claim, ClaimValue, DateValue, Period, QuantityValue, TextValue
from checker.records import validate_json_as


class LeanClaim(msgspec.Struct, kw_only=True, gc=False):
    """A stored claim as matching and comparison read it (the fields of Claim, in its order).

    ``value`` and ``period`` arrive as their raw JSON and are replaced by the shared, decoded
    values in :meth:`Decoder.claims`; they are never read raw."""

    id: str
    article: str = ""  # a claim set of the index keeps claims without it (see Decoder.claim_of)
    rule: str
    kind: str
    start: int
    end: int
    line: int
    column: int = 1
    text: str
    value: Any = None
    key: str | None = None
    key_parts: dict[str, str] = {}
    evidence: dict[str, str] = {}
    attribution: str | None = None
    period: Any = None
    earlier: str | None = None
    inferred: list[str] = []
    article_place: str | None = None
    partial: bool = False
    running: str | None = None
    unkeyed: str | None = None
    context: dict[str, str] = {}
    sentence: str = ""
    sentence_start: int = 0

    def model_copy(self, update: dict[str, Any] | None = None) -> LeanClaim:
        """A copy with some fields changed, as pydantic's model_copy makes one."""
        return msgspec.structs.replace(self, **(update or {}))


class LeanArticle(msgspec.Struct, kw_only=True, gc=False):
    """A stored article as comparison reads it (the fields of Article, in its order)."""

    id: str
    path: str
    date: Any = None
    year: int | None = None
    language: str = "nl"
    language_confidence: float | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    sha256: str = ""
    encoding: str = "utf-8"
    copies: list[str] = []

    def model_copy(self, update: dict[str, Any] | None = None) -> LeanArticle:
        return msgspec.structs.replace(self, **(update or {}))


# The raw forms: value and period kept as their JSON text until they are looked up.
class _StoredClaim(LeanClaim, kw_only=True, gc=False):
    value: msgspec.Raw = msgspec.Raw(b"null")
    period: msgspec.Raw = msgspec.Raw(b"null")


class _StoredArticle(LeanArticle, kw_only=True, gc=False):
    date: msgspec.Raw = msgspec.Raw(b"null")


class _Quantity(msgspec.Struct, forbid_unknown_fields=True):
    low: float | None
    high: float | None
    unit: str | None = None
    approximate: bool = False
    vague: bool = False
    step: float | None = None


class _Dates(msgspec.Struct, forbid_unknown_fields=True):
    start: date
    end: date


class _Text(msgspec.Struct, forbid_unknown_fields=True):
    text: str
    parts: dict[str, str] = {}


# A stored value or period as its model wrote it (fields in the model's order) is read by the
# struct of its shape, told by how it begins; anything else is validated by pydantic.
_VALUE_SHAPES = ((b'{"low":', _Quantity, QuantityValue), (b'{"start":', _Dates, DateValue), (b'{"text":', _Text, TextValue))
_PERIOD_SHAPES = ((b'{"start":', _Dates, Period),)
_VALUE = ClaimValue | None
_PERIOD = Period | None
_MISSING = object()


class Decoder:
    """Decodes stored claims and articles, sharing each distinct value and period it meets."""

    def __init__(self) -> None:
        self._claim = msgspec.json.Decoder(_StoredClaim)
        self._claims = msgspec.json.Decoder(list[_StoredClaim])
        self._article = msgspec.json.Decoder(_StoredArticle)
        self._keys = msgspec.json.Decoder(dict[str, list[str]])
        self._values: dict[bytes, Any] = {}
        self._periods: dict[bytes, Any] = {}

    def _shared(self, raw: msgspec.Raw, seen: dict[bytes, Any], shapes: tuple, adapter: Any) -> Any:
        data = bytes(raw)
        found = seen.get(data, _MISSING)
        if found is _MISSING:
            found = seen[data] = decoded(data, shapes, adapter)
        return found

    def _lean(self, claim: _StoredClaim) -> LeanClaim:
        claim.value = self._shared(claim.value, self._values, _VALUE_SHAPES, _VALUE)
        claim.period = self._shared(claim.period, self._periods, _PERIOD_SHAPES, _PERIOD)
        return claim

    def claim(self, data: str | bytes) -> LeanClaim:
        """One claim from its JSON (as Claim.model_dump_json wrote it)."""
        return self._lean(self._claim.decode(data))

    def claims(self, data: str | bytes) -> list[LeanClaim]:
        """A JSON list of claims."""
        return [self._lean(c) for c in self._claims.decode(data)]

    def claim_of(self, data: str | bytes, article: str) -> LeanClaim:
        """One claim of an article from its JSON stored without its article and with its id
        relative to it (as a claim set of the index keeps it)."""
        claim = self._lean(self._claim.decode(data))
        claim.id = article + claim.id
        claim.article = article
        return claim

    def keys(self, data: str | bytes) -> dict[str, list[str]]:
        """The keys an archive article states, by their core (see checker.index.keys_by_core)."""
        return self._keys.decode(data)

    def article(self, data: str | bytes) -> LeanArticle:
        """One article from its JSON (as Article.model_dump_json wrote it)."""
        article = self._article.decode(data)
        article.date = self._shared(article.date, self._periods, _PERIOD_SHAPES, _PERIOD)
        return article


def decoded(data: bytes, shapes: tuple, hint: Any) -> Any:
    """A value or period from its JSON: by the struct of its shape, else validated by pydantic
    as a ``hint``."""
    if data == b"null":
        return None
    for start, shape, model in shapes:
        if data.startswith(start) and _FIELDS[model] is not None:
            try:
                return _model(model, _FIELDS[model], msgspec.json.decode(data, type=shape))
            except msgspec.ValidationError:
                break
    return validate_json_as(hint, data)


def _model(cls: type, fields: frozenset[str], lean: msgspec.Struct) -> Any:
    # a struct whose fields are the model's, all valid already (the values and periods are
    # models themselves): made without validation
    return cls(**msgspec.structs.asdict(lean))


def same_fields(struct: type, model: type) -> frozenset[str] | None:
    """The model's fields when the struct has exactly those (what ``_model`` needs), else None:
    a field added to a model and not yet to its struct makes the model be validated as before."""
    fields = frozenset(model.model_fields)
    return fields if frozenset(struct.__struct_fields__) == fields else None


_FIELDS = {model: same_fields(shape, model) for _, shape, model in (*_VALUE_SHAPES, *_PERIOD_SHAPES)}
_CLAIM_FIELDS = same_fields(LeanClaim, Claim)
_ARTICLE_FIELDS = same_fields(LeanArticle, Article)


def as_claim(claim: Claim | LeanClaim) -> Claim:
    """The public model of a claim (a Claim is returned as it is)."""
    return public(claim, LeanClaim, Claim, _CLAIM_FIELDS)


def as_article(article: Article | LeanArticle) -> Article:
    """The public model of an article (an Article is returned as it is)."""
    return public(article, LeanArticle, Article, _ARTICLE_FIELDS)


def public(obj, lean: type, model: type, fields):
    """The public model of a lean struct: made without validation where the two have the same
    fields, else validated by pydantic from the struct's fields; a model is returned as it is."""
    if not isinstance(obj, lean):
        return obj
    if fields is None:
        return model.model_validate(msgspec.structs.asdict(obj))
    return _model(model, fields, obj)
