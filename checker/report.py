"""The report: one deterministic shape that every formatter renders."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from checker import __version__
from checker.models import STATUS_ORDER, Article, Claim, DateValue, Finding, Problem, QuantityValue, Report, TextValue

QUOTE_WIDTH = 70


def build_report(articles: Sequence[Article], claims: Sequence[Claim], findings: Sequence[Finding],
                 problems: Sequence[Problem], hidden_by_baseline: int = 0, below_confidence: int = 0,
                 suppressed: dict[str, int] | None = None) -> Report:
    """Assemble the report in a stable order, whatever order the stages produced things in."""
    order = {a.id: i for i, a in enumerate(articles)}
    not_compared = Counter(c.unkeyed or "no key" for c in claims if c.key is None)
    return Report(
        tool=f"check {__version__}",
        articles=list(articles),
        claims=sorted(claims, key=lambda c: (order.get(c.article, -1), c.start, c.rule)),
        conflicts=sorted(findings, key=lambda f: (-STATUS_ORDER[f.status], f.key, f.id)),
        problems=sorted(set(problems), key=lambda p: (p.file or "", p.rule or "", p.message)),
        hidden_by_baseline=hidden_by_baseline,
        below_confidence=below_confidence,
        not_compared=dict(sorted(not_compared.items(), key=lambda kv: (-kv[1], kv[0]))),
        suppressed=dict(sorted((suppressed or {}).items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def to_json(report: Report) -> str:
    """The JSON serialisation, byte for byte the same for the same report."""
    return to_json_bytes(report).decode("utf-8")


def to_json_bytes(report: Report) -> bytes:
    """The JSON serialisation as UTF-8: what ``to_json`` gives, without decoding it."""
    return report.json_bytes(indent=2, exponents=exponent_floats(report)) + b"\n"


# The floats of a report (the tests hold this to the models): msgspec writes one of 1e16 or
# more in another form than pydantic ("1e16", "1e+16"), which the report must not show.
REPORT_FLOATS = {"Article": ("language_confidence",), "QuantityValue": ("low", "high", "step"),
                 "Finding": ("confidence",)}
EXPONENT_FROM = 1e16


def exponent_floats(report: Report) -> bool | None:
    """Whether a float of the report is written in exponent form, read from its records (a
    few times faster than looking through the JSON of a report of 150 MB); None when a claim's
    value is of a type not known here."""
    def large(x: float | None) -> bool:
        return x is not None and not -EXPONENT_FROM < x < EXPONENT_FROM

    for claim in report.claims:
        value = claim.value
        kind = type(value)
        if kind is QuantityValue:
            if large(value.low) or large(value.high) or large(value.step):
                return True
        elif value is not None and kind is not DateValue and kind is not TextValue:
            return None
    return any(large(a.language_confidence) for a in report.articles) or any(large(f.confidence)
                                                                            for f in report.conflicts)


def claims_by_id(report: Report) -> dict[str, Claim]:
    return {c.id: c for c in report.claims}


def articles_by_id(report: Report) -> dict[str, Article]:
    return {a.id: a for a in report.articles}


def quote(claim: Claim, left: str = "»", right: str = "«", width: int = QUOTE_WIDTH) -> str:
    """The claim's sentence, cut to about ``width`` characters around the marked span."""
    s = claim.sentence
    i = claim.start - claim.sentence_start
    j = claim.end - claim.sentence_start
    if not (0 <= i <= j <= len(s)):
        return f"{left}{claim.text}{right}"
    before, span, after = s[:i], s[i:j], s[j:]
    room = max(10, (width - len(span)) // 2)
    if len(before) > room:
        before = "…" + before[-room:].lstrip()
    if len(after) > room:
        after = after[:room].rstrip() + "…"
    return " ".join(f"{before}{left}{span}{right}{after}".split())


def copies_note(article: Article) -> str:
    """How many identical copies of an archive's article its claims stand for ("and 49 copies"),
    or nothing."""
    n = len(article.copies)
    return f"and {n} {'copy' if n == 1 else 'copies'}" if n else ""


def counts(report: Report) -> dict[str, int]:
    out = {status: 0 for status in STATUS_ORDER}
    for f in report.conflicts:
        out[f.status] += 1
    return out
