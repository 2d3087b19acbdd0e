"""The summary line every report shows, and the problems as rows."""
from __future__ import annotations

from checker.models import Report
from checker.report import counts


def not_compared_line(report: Report, reasons: int = 3) -> str:
    """How many claims had no key, and the commonest reasons why: "12 not compared (no place 5, ...)"."""
    total = sum(report.not_compared.values())
    top = ", ".join(f"{why} {n}" for why, n in list(report.not_compared.items())[:reasons])
    return f"{total} not compared ({top}{', ...' if len(report.not_compared) > reasons else ''})"


def counted(n: int, noun: str) -> str:
    """ "1 conflict", "2 conflicts", "0 conflicts"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary_line(report: Report) -> str:
    n = counts(report)
    parts = [counted(len(report.articles), "article"), counted(len(report.claims), "claim"),
             counted(n["conflict"], "conflict"), f"{n['undated']} undated", f"{n['changed']} changed",
             counted(n["variant"], "variant")]
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
        parts.append(counted(len(report.problems), "problem"))
    return ", ".join(parts)


def problem_rows(report: Report) -> list[list[str]]:
    return [[p.severity, p.file or "", p.rule or "", p.message] for p in report.problems]
