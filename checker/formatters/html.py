"""The HTML report: one self-contained file an editor opens in any browser."""
from __future__ import annotations

from html import escape

from checker.formatters.base import Formatter
from checker.formatters.tables import summary_line
from checker.models import Claim, Report
from checker.report import articles_by_id, claims_by_id

STYLE = """
body { font: 15px/1.5 Georgia, serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 2em; }
section.finding { border: 1px solid #ccc; border-left: 6px solid #c33; padding: .5em 1em; margin: 1em 0; }
section.changed { border-left-color: #d90; } section.variant { border-left-color: #39c; }
.status { font: bold 12px sans-serif; text-transform: uppercase; color: #fff; background: #c33;
          padding: 1px 6px; border-radius: 3px; }
.changed .status { background: #d90; } .variant .status { background: #39c; }
.key, .meta { font: 12px monospace; color: #666; }
blockquote { margin: .5em 0 .5em 1em; } mark { background: #fe6; font-weight: bold; }
table { border-collapse: collapse; font: 13px sans-serif; } td, th { border: 1px solid #ddd; padding: 2px 6px; }
"""


def highlighted(claim: Claim) -> str:
    """The claim's sentence with the claim's span marked."""
    s = claim.sentence
    i, j = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    if not 0 <= i <= j <= len(s):
        return f"<mark>{escape(claim.text)}</mark>"
    return f"{escape(s[:i])}<mark>{escape(s[i:j])}</mark>{escape(s[j:])}"


class HtmlFormatter(Formatter):
    name = "html"
    suffixes = (".html", ".htm")

    def render(self, report: Report) -> str:
        claims = claims_by_id(report)
        articles = articles_by_id(report)
        out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
               "<title>Discrepancy report</title>", f"<style>{STYLE}</style></head><body>",
               "<h1>Discrepancy report</h1>", f"<p>{escape(summary_line(report))}.</p>"]
        if not report.conflicts:
            out.append("<p>No discrepancies found.</p>")
        for f in report.conflicts:
            out.append(f'<section class="finding {f.status}" id="{f.id}">')
            out.append(f'<p><span class="status">{f.status}</span> <b>{escape(f.id)}</b> '
                       f'<span class="key">{escape(f.key)}</span></p>')
            out.append(f"<p>{escape(f.reason)}</p>")
            for cid in f.claims:
                c = claims[cid]
                a = articles[c.article]
                when = a.date.label() if a.date else "date unknown"
                value = c.value.as_text() if c.value is not None else "-"
                out.append(f'<p class="meta">{escape(a.path)}, line {c.line}, offset {c.start}-{c.end} '
                           f"({escape(when)}): {escape(value)}</p>")
                out.append(f"<blockquote>{highlighted(c)}</blockquote>")
            out.append("</section>")
        if report.problems:
            out.append("<h2>Problems</h2><table><tr><th>severity</th><th>file</th><th>rule</th><th>message</th></tr>")
            for p in report.problems:
                out.append(f"<tr><td>{p.severity}</td><td>{escape(p.file or '')}</td>"
                           f"<td>{escape(p.rule or '')}</td><td>{escape(p.message)}</td></tr>")
            out.append("</table>")
        out.append("</body></html>")
        return "\n".join(out) + "\n"
