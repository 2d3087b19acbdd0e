"""Text formats: Markdown, CSV and JSON, and the summary line every report shows (the terminal
table is in :mod:`checker.formatters.terminal`)."""
from __future__ import annotations

import csv
import io

from checker.formatters.base import Formatter
from checker.formatters.summary import not_compared_line, problem_rows, summary_line  # noqa: F401 - also read from here
from checker.formatters.terminal import ASSUMED_NOTE, rows_of
from checker.models import Report
from checker.report import articles_by_id, claims_by_id, quote, to_json, to_json_bytes

HEADERS = ["finding", "status", "key", "where", "value", "reason", "quote"]


def finding_rows(report: Report, left: str = "»", right: str = "«") -> list[list[str]]:
    """One row per claim of each finding: the evidence an editor judges, where it is (path and
    line), why (claimant, assumed key parts marked * in the key, house style)."""
    rows = []
    for row in rows_of(report):
        first = bool(row.key)
        rows.append([row.finding if first else "", row.finding_status if first else "", row.key, row.where,
                     row.value, row.reason, quote(row.claim, left, right)])
    return rows


def markdown_cell(text: str) -> str:
    """A table cell's text: a pipe would end the cell, a newline the row."""
    return " ".join(text.split()).replace("|", "\\|")


class MarkdownFormatter(Formatter):
    name = "markdown"
    suffixes = (".md", ".markdown")

    def render(self, report: Report) -> str:
        from tabulate import tabulate  # imported here: the other formats need none of it

        articles = articles_by_id(report)
        out = ["# Discrepancy report", "", summary_line(report) + ".", ""]
        if report.conflicts:
            rows = [[markdown_cell(cell) for cell in row] for row in finding_rows(report, "**", "**")]
            for row in rows:
                row[2] = row[2].replace("*", "\\*")  # an assumed part's mark, not emphasis
            out += ["## Findings", "", tabulate(rows, headers=HEADERS, tablefmt="github", disable_numparse=True), ""]
            if any("*" in row[2] for row in rows):
                out += ["\\" + ASSUMED_NOTE, ""]
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
                    "text", "value", "period", "sentence", "copies"])
        for f in report.conflicts:
            for cid in f.claims:
                c = claims[cid]
                a = articles[c.article]
                w.writerow([f.id, f.status, f.key, c.id, c.article, a.path, c.line, c.start, c.end, c.text,
                            c.value.as_text() if c.value is not None else "",
                            a.date.label() if a.date else "", c.sentence, "; ".join(a.copies)])
        return buf.getvalue()


class JsonFormatter(Formatter):
    name = "json"
    suffixes = (".json",)

    def render(self, report: Report) -> str:
        return to_json(report)

    def render_bytes(self, report: Report) -> bytes:
        return to_json_bytes(report)
