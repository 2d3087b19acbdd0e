"""One line a claim of each finding, as compilers and linters write them: ``path:line: message``.

Editors, CI annotations and grep read it: ``seeds/002.txt:19: conflict quantity:ships/nato
>= 200 (Fe3d7bd32ff: 2 articles disagree, confidence 0.60)``.
"""
from __future__ import annotations

from checker.formatters.base import Formatter
from checker.models import Report
from checker.report import articles_by_id, claims_by_id


class LinesFormatter(Formatter):
    name = "lines"
    suffixes = (".log",)

    def render(self, report: Report) -> str:
        claims, articles = claims_by_id(report), articles_by_id(report)
        out = []
        for finding in report.conflicts:
            others = len({claims[c].article for c in finding.claims})
            for cid in finding.claims:
                c = claims[cid]
                value = c.value.as_text() if c.value is not None else "?"
                out.append(f"{articles[c.article].path}:{c.line}: {finding.status} {finding.key} {value} "
                           f"({finding.id}: {others} articles disagree, confidence {finding.confidence:.2f})")
        return "\n".join(out) + ("\n" if out else "")
