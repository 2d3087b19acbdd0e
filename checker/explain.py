"""`check --explain ID`: why the claims of a finding were matched and why they disagree."""
from __future__ import annotations

from checker.models import Report
from checker.report import articles_by_id, claims_by_id, quote

STATUS_WHY = {
    "conflict": "the values cannot both be true, and the claims refer to the same period as far as the texts tell",
    "undated": "the values cannot both be true at one time, but the time of at least one claim is unknown "
               "(its article has no date line and gives no dates): a conflict if they speak of the same moment",
    "changed": "the values differ, but the claims refer to different periods: the figure moved on",
    "variant": "the same thing is written in different ways",
}


def explain(report: Report, finding_id: str) -> str | None:
    """A plain-text explanation of one finding, or None if the report has no such finding."""
    finding = next((f for f in report.conflicts if f.id == finding_id), None)
    if finding is None:
        return None
    claims = claims_by_id(report)
    articles = articles_by_id(report)
    lines = [f"Finding {finding.id}: {finding.status}", f"  key: {finding.key}",
             f"  confidence: {finding.confidence:.2f} ({'; '.join(finding.signals)})", "",
             "Matched because every claim has:"]
    first = claims[finding.claims[0]]
    inferred = {part for cid in finding.claims for part in claims[cid].inferred}
    for part, value in first.key_parts.items():
        mark = "   (inferred for some claim: see its words)" if part in inferred else ""
        lines.append(f"  {part:<12} {value}{mark}")
    lines += ["", "Claims:"]
    for cid in finding.claims:
        c = claims[cid]
        a = articles[c.article]
        lines.append(f"  {a.path}:{c.line} (offset {c.start}-{c.end}, article date "
                     f"{a.date.label() if a.date else 'unknown'})")
        lines.append(f"    quote:  {quote(c, width=120)}")
        lines.append(f"    value:  {c.value.as_text() if c.value is not None else '-'}")
        if c.period:
            lines.append(f"    period: {c.period.label()} (stated in the sentence)")
        if c.attribution:
            lines.append(f"    source: {c.attribution}")
        if c.running:
            lines.append(f"    tally:  a running tally ({c.running!r}): it moves on from one report to the next")
        words = ", ".join(f"{k} from {v!r}" for k, v in c.evidence.items())
        if words:
            lines.append(f"    words:  {words}")
    lines += ["", f"Why: {STATUS_WHY[finding.status]}.", f"  {finding.reason}", ""]
    return "\n".join(lines)
