"""The HTML report: one self-contained page an editor reads on a desk or a phone.

A summary of the findings by status with links, filters by status (CSS only, no script), and per
finding both quotes in their sentences with the figure marked, the articles' headlines, sources
and dates, who gave each figure and what was assumed, and for a running tally a small timeline.
Only the claims a finding uses are shown, and a finding shows at most ``MAX_CLAIMS`` of them, so
a report of thousands of findings stays light.
"""
from __future__ import annotations

from collections import Counter
from html import escape

from checker.explain import STATUS_WHY
from checker.formatters.base import Formatter
from checker.formatters.summary import summary_line
from checker.formatters.terminal import house_style, marked_key, shown_claimant
from checker.formatters.timeline import tally_points, timeline_svg
from checker.models import STATUS_ORDER, Article, Claim, Finding, Report
from checker.report import articles_by_id, claims_by_id, copies_note

MAX_CLAIMS = 12
STATUSES = sorted(STATUS_ORDER, key=lambda s: -STATUS_ORDER[s])  # conflict first
COLOURS = {"conflict": "#b3261e", "undated": "#8a4b00", "changed": "#1d5fa8", "variant": "#4f5b62"}

STYLE = """
*, *::before, *::after { box-sizing: border-box; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; max-width: 60em; margin: 0 auto; padding: 1em;
       color: #1b1b1b; background: #fff; overflow-wrap: anywhere; }
h1 { font-size: 1.5em; margin: .2em 0; } h2 { font-size: 1.2em; margin-top: 1.5em; }
code, .meta, .key { font: .85em/1.4 ui-monospace, Menlo, Consolas, monospace; }
table { border-collapse: collapse; font: .9em sans-serif; max-width: 100%; }
td, th { border: 1px solid #ccc; padding: .2em .5em; text-align: left; vertical-align: top; }
th { white-space: nowrap; } caption { text-align: left; font-weight: bold; }
.badge { font: bold .75em sans-serif; text-transform: uppercase; color: #fff; padding: .1em .5em;
         border-radius: .3em; white-space: nowrap; }
.finding { border: 1px solid #ccc; border-left: .4em solid; padding: .5em .8em; margin: 1em 0; }
.finding > header { display: flex; flex-wrap: wrap; gap: .3em .8em; align-items: baseline; }
.claims { list-style: none; padding: 0; margin: .5em 0 0; }
.claims > li { border-top: 1px solid #eee; padding: .5em 0; }
.source { font: .85em sans-serif; color: #444; } .source b { color: #1b1b1b; }
blockquote { margin: .3em 0 .3em .8em; padding-left: .6em; border-left: 2px solid #ddd; }
mark { background: #ffe066; color: #000; font-weight: bold; padding: 0 .15em; border-radius: .2em; }
.why, .more { font: .9em sans-serif; color: #333; }
.filters { display: flex; flex-wrap: wrap; gap: .4em; margin: 1em 0; font: .9em sans-serif; }
.filters label { border: 1px solid #999; border-radius: 1em; padding: .15em .7em; cursor: pointer; }
input.filter { position: absolute; opacity: 0; }
svg.timeline { display: block; width: 100%; max-width: 28em; height: auto; margin: .5em 0; }
svg .axis { stroke: #999; } svg .tally { fill: none; stroke: #1d5fa8; stroke-width: 2; }
svg .point { fill: #1d5fa8; } svg .newest { fill: #b3261e; }
svg text { font: 10px sans-serif; fill: #333; } svg text.end { text-anchor: end; }
"""


def status_style() -> str:
    """Colours per status, and the CSS that shows only the findings of the chosen filter."""
    out = [STYLE]
    for s, colour in COLOURS.items():
        out.append(f".{s} .badge, .badge.{s} {{ background: {colour}; }} .finding.{s} {{ border-left-color: {colour}; }}")
        out.append(f"#show-{s}:checked ~ main .finding:not(.{s}), #show-{s}:checked ~ main h2:not(.{s}) "
                   f"{{ display: none; }}")
    out.append(".filters label:hover, " + ", ".join(f"#show-{s}:checked ~ .filters label[for=show-{s}]"
                                                     for s in ["all", *STATUSES]) + " { background: #1b1b1b; color: #fff; }")
    return "\n".join(out)


def highlighted(claim: Claim) -> str:
    """The claim's sentence with the claim's span marked."""
    s = claim.sentence
    i, j = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    if not 0 <= i <= j <= len(s):
        return f"<mark>{escape(claim.text)}</mark>"
    return f"{escape(s[:i])}<mark>{escape(s[i:j])}</mark>{escape(s[j:])}"


def article_line(article: Article, claim: Claim) -> str:
    """Headline (else file name), source and date of a claim's article, and where the claim is."""
    parts = [f"<b>{escape(article.title or article.path.rsplit('/', 1)[-1])}</b>"]
    if article.source:
        parts.append(escape(article.source))
    parts.append(escape(article.date.label()) if article.date else "date unknown")
    where = f"<code>{escape(article.path)}:{claim.line}</code>"
    if article.url:
        where = f'<a href="{escape(article.url)}">{where}</a>'
    return f'<div class="source">{" · ".join(parts)} · {where}</div>{copies_line(article)}'


def copies_line(article: Article) -> str:
    """The paths of an archive article's identical copies, the first ``MAX_CLAIMS`` of them."""
    if not article.copies:
        return ""
    paths = ", ".join(f"<code>{escape(path)}</code>" for path in article.copies[:MAX_CLAIMS])
    more = f", and {len(article.copies) - MAX_CLAIMS} more" if len(article.copies) > MAX_CLAIMS else ""
    return f'<div class="meta">{escape(copies_note(article))}, word for word: {paths}{more}</div>'


def claim_item(claim: Claim, article: Article) -> str:
    value = claim.value.as_text() if claim.value is not None else "-"
    facts = [f"value <b>{escape(value)}</b>"]
    if claim.attribution:
        facts.append(f"said by {escape(shown_claimant(claim.attribution))}")
    if claim.inferred:
        assumed = ", ".join(f"{p} {claim.key_parts.get(p, '')}".strip() for p in claim.inferred)
        facts.append(f"assumed from the article: {escape(assumed)}")
    if claim.running:
        facts.append(f"a running tally ({escape(claim.running)})")
    return (f"<li>{article_line(article, claim)}"
            f'<blockquote lang="{escape(article.language)}">{highlighted(claim)}</blockquote>'
            f'<div class="meta">{" · ".join(facts)}</div></li>')


def finding_section(f: Finding, claims: dict[str, Claim], articles: dict[str, Article]) -> str:
    members = [claims[c] for c in f.claims]
    style = house_style(f)
    out = [f'<section class="finding {f.status}" id="{escape(f.id)}">',
           f'<header><span class="badge">{f.status}</span> <code class="key">{escape(marked_key(f, members))}</code>'
           f' <a href="#{escape(f.id)}">{escape(f.id)}</a> <span class="meta">confidence {f.confidence:.2f}</span></header>',
           f'<p class="why">{escape(STATUS_WHY[f.status])}.{" " + escape(style[0].upper() + style[1:]) + "." if style else ""}</p>']
    points = tally_points(members, articles)
    if points:
        out.append(timeline_svg(points, f"{f.key} by date"))
    out.append('<ol class="claims">')
    out += [claim_item(c, articles[c.article]) for c in members[:MAX_CLAIMS]]
    out.append("</ol>")
    if len(members) > MAX_CLAIMS:
        out.append(f'<p class="more">and {len(members) - MAX_CLAIMS} more claims: check --explain {escape(f.id)}</p>')
    out.append("</section>")
    return "\n".join(out)


def summary_table(counts: Counter) -> str:
    rows = "".join(f'<tr><td><a href="#status-{s}"><span class="badge {s}">{s}</span></a></td><td>{counts[s]}</td>'
                   f"<td>{escape(STATUS_WHY[s])}</td></tr>" for s in STATUSES if counts[s])
    return (f"<table class=\"summary\"><caption>Findings by status</caption><tr><th>status</th><th>findings</th>"
            f"<th>what it means</th></tr>{rows}</table>") if rows else ""


def filters(counts: Counter) -> list[str]:
    """Radio buttons (hidden) and their labels: the CSS shows the findings of the one chosen."""
    shown = ["all", *(s for s in STATUSES if counts[s])]
    out = [f'<input type="radio" name="show" class="filter" id="show-{s}"{" checked" if s == "all" else ""}>'
           for s in shown]
    labels = "".join(f'<label for="show-{s}">{s} ({sum(counts.values()) if s == "all" else counts[s]})</label>'
                     for s in shown)
    return [*out, f'<nav class="filters" aria-label="show findings by status">{labels}</nav>']


def problems_table(report: Report) -> str:
    rows = "".join(f"<tr><td>{p.severity}</td><td>{escape(p.file or '')}</td><td>{escape(p.rule or '')}</td>"
                   f"<td>{escape(p.message)}</td></tr>" for p in report.problems)
    return (f'<h2 id="problems">Problems</h2><table><tr><th>severity</th><th>file</th><th>rule</th>'
            f"<th>message</th></tr>{rows}</table>")


class HtmlFormatter(Formatter):
    name = "html"
    suffixes = (".html", ".htm")

    def render(self, report: Report) -> str:
        claims, articles = claims_by_id(report), articles_by_id(report)
        counts = Counter(f.status for f in report.conflicts)
        out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
               '<meta name="viewport" content="width=device-width, initial-scale=1">',
               f"<title>Discrepancy report: {len(report.conflicts)} findings</title>",
               f"<style>{status_style()}</style></head><body>",
               "<header><h1>Discrepancy report</h1>", f"<p>{escape(summary_line(report))}.</p>",
               summary_table(counts), "</header>"]
        if report.conflicts:
            out += filters(counts)
        out.append("<main>")
        if not report.conflicts:
            out.append("<p>No discrepancies found.</p>")
        for s in STATUSES:
            group = [f for f in report.conflicts if f.status == s]
            if group:
                out.append(f'<h2 class="{s}" id="status-{s}">{s} ({len(group)})</h2>')
                out += [finding_section(f, claims, articles) for f in group]
        out.append("</main>")
        if report.problems:
            out.append(problems_table(report))
        out.append("</body></html>")
        return "\n".join(x for x in out if x) + "\n"
