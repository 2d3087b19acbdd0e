"""Text formats: Markdown, CSV and JSON, and the summary line every report shows (the terminal
table is in :mod:`checker.formatters.terminal`)."""
from __future__ import annotations

import csv
import io

from tabulate import tabulate

from checker.formatters.base import Formatter
from checker.models import Report
from checker.report import articles_by_id, claims_by_id, counts, quote, to_json

HEADERS = ["finding", "status", "key", "article", "line", "value", "quote"]


def finding_rows(report: Report, left: str = "»", right: str = "«") -> list[list[str]]:
    """One row per claim of each finding: the evidence an editor judges."""
    claims = claims_by_id(report)
    rows = []
    for f in report.conflicts:
        for i, cid in enumerate(f.claims):
            c = claims[cid]
            rows.append([
                f.id if i == 0 else "",
                f.status if i == 0 else "",
                f.key if i == 0 else "",
                f"{c.article}@{c.start}",
                str(c.line),
                c.value.as_text() if c.value is not None else "-",
                quote(c, left, right),
            ])
    return rows


def not_compared_line(report: Report, reasons: int = 3) -> str:
    """How many claims had no key, and the commonest reasons why: "12 not compared (no place 5, ...)"."""
    total = sum(report.not_compared.values())
    top = ", ".join(f"{why} {n}" for why, n in list(report.not_compared.items())[:reasons])
    return f"{total} not compared ({top}{', ...' if len(report.not_compared) > reasons else ''})"


def summary_line(report: Report) -> str:
    n = counts(report)
    parts = [f"{len(report.articles)} articles", f"{len(report.claims)} claims",
             f"{n['conflict']} conflicts", f"{n['undated']} undated", f"{n['changed']} changed",
             f"{n['variant']} variants"]
    if report.hidden_by_baseline:
        parts.append(f"{report.hidden_by_baseline} hidden by the baseline")
    if report.below_confidence:
        parts.append(f"{report.below_confidence} below --min-confidence")
    if report.not_compared:
        parts.append(not_compared_line(report))
    if report.suppressed:
        why = ", ".join(f"\"{reason}\" {n}" for reason, n in report.suppressed.items())
        parts.append(f"{sum(report.suppressed.values())} silenced by markers in the articles ({why})")
    if report.problems:
        parts.append(f"{len(report.problems)} problems")
    return ", ".join(parts)


def problem_rows(report: Report) -> list[list[str]]:
    return [[p.severity, p.file or "", p.rule or "", p.message] for p in report.problems]


class MarkdownFormatter(Formatter):
    name = "markdown"
    suffixes = (".md", ".markdown")

    def render(self, report: Report) -> str:
        articles = articles_by_id(report)
        out = ["# Discrepancy report", "", summary_line(report) + ".", ""]
        if report.conflicts:
            out += ["## Findings", "", tabulate(finding_rows(report, "**", "**"), headers=HEADERS, tablefmt="github"), ""]
        out += ["## Articles", "", tabulate(
            [[a.id, a.path, a.date.label() if a.date else "unknown", a.language] for a in articles.values()],
            headers=["article", "path", "date", "language"], tablefmt="github"), ""]
        if report.problems:
            out += ["## Problems", "", tabulate(problem_rows(report), headers=["severity", "file", "rule", "message"],
                                                 tablefmt="github"), ""]
        return "\n".join(out)


class CsvFormatter(Formatter):
    name = "csv"
    suffixes = (".csv",)

    def render(self, report: Report) -> str:
        claims = claims_by_id(report)
        articles = articles_by_id(report)
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["finding", "status", "key", "claim", "article", "path", "line", "start", "end",
                    "text", "value", "period", "sentence"])
        for f in report.conflicts:
            for cid in f.claims:
                c = claims[cid]
                a = articles[c.article]
                w.writerow([f.id, f.status, f.key, c.id, c.article, a.path, c.line, c.start, c.end, c.text,
                            c.value.as_text() if c.value is not None else "",
                            a.date.label() if a.date else "", c.sentence])
        return buf.getvalue()


class JsonFormatter(Formatter):
    name = "json"
    suffixes = (".json",)

    def render(self, report: Report) -> str:
        return to_json(report)
