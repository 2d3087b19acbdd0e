"""The data that flows through the pipeline: articles, claims, findings and the report.

All models are frozen: a stage never changes what an earlier stage produced, it makes new
values. The JSON report is the serialisation of :class:`Report`. They are records
(:mod:`checker.records`): msgspec structs at run time, whose pydantic twins give the JSON Schema
and validate data from outside; a field's description is its ``Meta``.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Literal, Union

from msgspec import Meta, field

from checker.records import Frozen, coerce_floats

SCHEMA_VERSION = "1.0"

Status = Literal["conflict", "undated", "changed", "variant"]
STATUS_ORDER: dict[str, int] = {"variant": 1, "changed": 2, "undated": 3, "conflict": 4}


class Period(Frozen, kw_only=True):
    """A stretch of calendar time, both ends inclusive."""

    start: date
    end: date

    def overlaps(self, other: "Period") -> bool:
        return self.start <= other.end and other.start <= self.end

    def label(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        if self.start.day == 1 and self.start.month == self.end.month and self.start.year == self.end.year:
            return self.start.isoformat()[:7]
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


class Article(Frozen, kw_only=True):
    """One input text: where it came from, when it was published and in which language."""

    id: str
    path: str
    date: Annotated[Period | None, Meta(description="publication period from the header or front matter")] = None
    year: Annotated[int | None, Meta(description="year of dates written without one: the article's own, "
                                                "else the one year all dated articles of the run share")] = None
    language: str = "nl"
    language_confidence: Annotated[float | None, Meta(description="how sure the detection of the language was (0.5 to "
                                                                "1); None when it was given")] = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    sha256: str = ""
    encoding: str = "utf-8"
    copies: Annotated[list[str], Meta(description="the paths of the archive's identical copies of this article (a "
                                      "wire report in many papers; the same claims, date, language, title, source "
                                      "and link): each of its claims stands for theirs too")] = field(default_factory=list)

    def __post_init__(self) -> None:
        coerce_floats(self, ("language_confidence",))


class QuantityValue(Frozen, kw_only=True):
    """A count or amount as an interval; ``None`` marks an open side ("meer dan 200": 200..None).

    ``vague`` marks a vague plural ("duizenden": 1000..10000), which says "at least" when
    compared: thousands of troops on standby do not deny a force of 40,000. ``step`` is the
    place of the last digit written: "34 graden" rounds 34,2 and "28 billion" 28.4 billion.
    """

    low: float | None
    high: float | None
    unit: str | None = None
    approximate: bool = False
    vague: bool = False
    step: Annotated[float | None, Meta(description="the place of the last digit written (1 for \"34\", 0.1 for "
                                                 "\"34,2\", 100 million for \"2,5 miljard\"): a figure agrees with "
                                                 "one it rounds")] = None

    def __post_init__(self) -> None:
        coerce_floats(self, ("low", "high", "step"))

    def as_text(self) -> str:
        def fmt(x: float | None) -> str:
            return "?" if x is None else (f"{x:,.0f}" if float(x).is_integer() else f"{x:,g}")

        unit = f" {self.unit}" if self.unit else ""
        approx = "~" if self.approximate else ""
        if self.low == self.high:
            return f"{approx}{fmt(self.low)}{unit}"
        if self.high is None:
            return f">= {fmt(self.low)}{unit}"
        if self.low is None:
            return f"<= {fmt(self.high)}{unit}"
        return f"{fmt(self.low)}..{fmt(self.high)}{unit}"


class DateValue(Frozen, kw_only=True):
    """A calendar date or span of dates, both ends inclusive."""

    start: date
    end: date

    def as_text(self) -> str:
        return Period(start=self.start, end=self.end).label()


class TextValue(Frozen, kw_only=True):
    """A factual value that is not a number or a date: an office, a place, a spelling."""

    text: str
    parts: dict[str, str] = field(default_factory=dict)

    def as_text(self) -> str:
        return self.text


ClaimValue = Union[QuantityValue, DateValue, TextValue]


# What a rule says of a claim beyond its key, declared once for the draft and the claim.
Earlier = Annotated[str | None, Meta(description="the words that put the claim before the article's time "
                                                  "(\"oorspronkelijk\", \"tot voor kort\"), if any")]
Inferred = Annotated[list[str], Meta(description="key parts taken from the article, not the sentence")]
ArticlePlace = Annotated[str | None, Meta(description="the place the claim's article is mostly about, for a key that "
                                           "names none: matching may choose it among the places other articles give")]
Partial = Annotated[bool, Meta(description="the key parts name no actor or place: the claim is keyed only when its "
                                "own article gives them elsewhere")]
Running = Annotated[str | None, Meta(description="the words that make the figure a running tally (\"dodental\", "
                                      "\"so far\", a predicate such as died): it moves on from one report to the next")]
Unkeyed = Annotated[str | None, Meta(description="why the claim has no key, when it has none: what its sentence leaves "
                                      "unsaid (\"no place\", \"no predicate\")")]
Circumstances = Annotated[dict[str, str], Meta(description="circumstances the sentence states that are no part of "
                                                "the key (\"bij een brand\"): claims whose circumstance of one name "
                                                "differs are not compared")]


class ClaimDraft(Frozen, kw_only=True):
    """What a rule yields: a claim before the engine gives it an id, a line and its evidence."""

    kind: str
    start: int
    end: int
    value: ClaimValue | None
    key_parts: dict[str, str] = field(default_factory=dict)
    evidence: Annotated[dict[str, str], Meta(description="the words behind each key part")] = field(default_factory=dict)
    attribution: str | None = None
    period: Annotated[Period | None, Meta(description="the time the sentence itself refers to, if it says")] = None
    earlier: Earlier = None
    inferred: Inferred = []
    article_place: ArticlePlace = None
    partial: Partial = False
    running: Running = None
    unkeyed: Unkeyed = None
    context: Circumstances = {}
    shown_defaults: ClassVar[tuple[str, ...]] = ("inferred", "context")


class Claim(Frozen, kw_only=True):
    """A normalised statement found in an article, with its span and what it is about."""

    id: str
    article: str
    rule: str
    kind: str
    start: int
    end: int
    line: int
    column: Annotated[int, Meta(description="1-based column of the claim's start in its line, in characters")] = 1
    text: str
    value: ClaimValue | None
    key: str | None
    key_parts: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    attribution: str | None = None
    period: Period | None = None
    earlier: Earlier = None
    inferred: Inferred = []
    article_place: ArticlePlace = None
    partial: Partial = False
    running: Running = None
    unkeyed: Unkeyed = None
    context: Circumstances = {}
    shown_defaults: ClassVar[tuple[str, ...]] = ("inferred", "context")
    sentence: Annotated[str, Meta(description="the sentence holding the claim")] = ""
    sentence_start: Annotated[int, Meta(description="offset of the sentence in the article text")] = 0


class Finding(Frozen, kw_only=True):
    """Claims about the same thing, from different articles, that cannot all be true."""

    id: str
    status: Status
    key: str
    kind: str
    claims: list[str]
    reason: str
    confidence: Annotated[float, Meta(description="how sure the finding is that its claims speak of one thing (0..1)")] = 1.0
    signals: Annotated[list[str], Meta(description="the evidence behind the confidence")] = field(default_factory=list)

    def __post_init__(self) -> None:
        coerce_floats(self, ("confidence",))


class Problem(Frozen, kw_only=True):
    """An input, rule or configuration error: reported, never fatal unless --strict."""

    severity: Literal["error", "warning"] = "error"
    file: str | None = None
    rule: str | None = None
    message: str


class Report(Frozen, kw_only=True):
    schema_version: str = SCHEMA_VERSION
    tool: str
    articles: list[Article]
    claims: list[Claim]
    conflicts: list[Finding]
    problems: list[Problem] = field(default_factory=list)
    hidden_by_baseline: int = 0
    below_confidence: Annotated[int, Meta(description="findings left out as less sure than --min-confidence")] = 0
    not_compared: Annotated[dict[str, int], Meta(description="figures and dates with no key, "
                                         "by why: they could not be compared")] = field(default_factory=dict)
    suppressed: Annotated[dict[str, int], Meta(description="claims silenced by a marker in their "
                                       "article (<!-- check: ignore ... -->), by the reason it gives")] = field(default_factory=dict)
