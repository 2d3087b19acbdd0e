"""The data that flows through the pipeline: articles, claims, findings and the report.

All models are frozen: a stage never changes what an earlier stage produced, it makes new
values. The JSON report is the serialisation of :class:`Report`.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Status = Literal["conflict", "undated", "changed", "variant"]
STATUS_ORDER: dict[str, int] = {"variant": 1, "changed": 2, "undated": 3, "conflict": 4}


class Frozen(BaseModel):
    # built when first used: a run that finds nothing never builds Finding, only --schema the JSON Schema
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Period(Frozen):
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


class Article(Frozen):
    """One input text: where it came from, when it was published and in which language."""

    id: str
    path: str
    date: Period | None = Field(None, description="publication period from the header or front matter")
    year: int | None = Field(None, description="year of dates written without one: the article's own, "
                                                "else the one year all dated articles of the run share")
    language: str = "nl"
    language_confidence: float | None = Field(None, description="how sure the detection of the language was (0.5 to "
                                                                "1); None when it was given")
    title: str | None = None
    source: str | None = None
    url: str | None = None
    sha256: str = ""
    encoding: str = "utf-8"
    copies: list[str] = Field(default_factory=list, description="the paths of the archive's identical copies of "
                              "this article (a wire report in many papers; the same claims, date, language, title, "
                              "source and link): each of its claims stands for theirs too")


class QuantityValue(Frozen):
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
    step: float | None = Field(None, description="the place of the last digit written (1 for \"34\", 0.1 for "
                                                 "\"34,2\", 100 million for \"2,5 miljard\"): a figure agrees with "
                                                 "one it rounds")

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


class DateValue(Frozen):
    """A calendar date or span of dates, both ends inclusive."""

    start: date
    end: date

    def as_text(self) -> str:
        return Period(start=self.start, end=self.end).label()


class TextValue(Frozen):
    """A factual value that is not a number or a date: an office, a place, a spelling."""

    text: str
    parts: dict[str, str] = Field(default_factory=dict)

    def as_text(self) -> str:
        return self.text


ClaimValue = Union[QuantityValue, DateValue, TextValue]


# What a rule says of a claim beyond its key, declared once for the draft and the claim.
Earlier = Annotated[str | None, Field(description="the words that put the claim before the article's time "
                                                  "(\"oorspronkelijk\", \"tot voor kort\"), if any")]
Inferred = Annotated[list[str], Field(description="key parts taken from the article, not the sentence")]
ArticlePlace = Annotated[str | None, Field(description="the place the claim's article is mostly about, for a key that "
                                           "names none: matching may choose it among the places other articles give")]
Partial = Annotated[bool, Field(description="the key parts name no actor or place: the claim is keyed only when its "
                                "own article gives them elsewhere")]
Running = Annotated[str | None, Field(description="the words that make the figure a running tally (\"dodental\", "
                                      "\"so far\", a predicate such as died): it moves on from one report to the next")]
Unkeyed = Annotated[str | None, Field(description="why the claim has no key, when it has none: what its sentence leaves "
                                      "unsaid (\"no place\", \"no predicate\")")]
Circumstances = Annotated[dict[str, str], Field(description="circumstances the sentence states that are no part of "
                                                "the key (\"bij een brand\"): claims whose circumstance of one name "
                                                "differs are not compared")]


class ClaimDraft(Frozen):
    """What a rule yields: a claim before the engine gives it an id, a line and its evidence."""

    kind: str
    start: int
    end: int
    value: ClaimValue | None
    key_parts: dict[str, str] = Field(default_factory=dict)
    evidence: dict[str, str] = Field(default_factory=dict, description="the words behind each key part")
    attribution: str | None = None
    period: Period | None = Field(None, description="the time the sentence itself refers to, if it says")
    earlier: Earlier = None
    inferred: Inferred = []
    article_place: ArticlePlace = None
    partial: Partial = False
    running: Running = None
    unkeyed: Unkeyed = None
    context: Circumstances = {}


class Claim(Frozen):
    """A normalised statement found in an article, with its span and what it is about."""

    id: str
    article: str
    rule: str
    kind: str
    start: int
    end: int
    line: int
    column: int = Field(1, description="1-based column of the claim's start in its line, in characters")
    text: str
    value: ClaimValue | None
    key: str | None
    key_parts: dict[str, str] = Field(default_factory=dict)
    evidence: dict[str, str] = Field(default_factory=dict)
    attribution: str | None = None
    period: Period | None = None
    earlier: Earlier = None
    inferred: Inferred = []
    article_place: ArticlePlace = None
    partial: Partial = False
    running: Running = None
    unkeyed: Unkeyed = None
    context: Circumstances = {}
    sentence: str = Field("", description="the sentence holding the claim")
    sentence_start: int = Field(0, description="offset of the sentence in the article text")


class Finding(Frozen):
    """Claims about the same thing, from different articles, that cannot all be true."""

    id: str
    status: Status
    key: str
    kind: str
    claims: list[str]
    reason: str
    confidence: float = Field(1.0, description="how sure the finding is that its claims speak of one thing (0..1)")
    signals: list[str] = Field(default_factory=list, description="the evidence behind the confidence")


class Problem(Frozen):
    """An input, rule or configuration error: reported, never fatal unless --strict."""

    severity: Literal["error", "warning"] = "error"
    file: str | None = None
    rule: str | None = None
    message: str


class Report(Frozen):
    schema_version: str = SCHEMA_VERSION
    tool: str
    articles: list[Article]
    claims: list[Claim]
    conflicts: list[Finding]
    problems: list[Problem] = Field(default_factory=list)
    hidden_by_baseline: int = 0
    below_confidence: int = Field(0, description="findings left out as less sure than --min-confidence")
    not_compared: dict[str, int] = Field(default_factory=dict, description="figures and dates with no key, "
                                         "by why: they could not be compared")
    suppressed: dict[str, int] = Field(default_factory=dict, description="claims silenced by a marker in their "
                                       "article (<!-- check: ignore ... -->), by the reason it gives")
