"""The summary line every report shows, and the problems as rows."""
from __future__ import annotations

from checker.models import Report
from checker.report import counts


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
