"""Formats for tools: one line a claim of each finding, as compilers and linters write them.

``line``: ``path:line:col: status key: values``, read by editors (jump to the place), grep and
CI logs::

    seeds/002.txt:19:45: conflict quantity:ships/nato: >= 200 here, 140 at seeds/003.txt:13 (Fe3d7bd32ff, confidence 0.60)

``github``: GitHub Actions workflow commands, shown as annotations on the changed lines of a pull
request: a conflict is an error, an undated or changed finding a warning, a variant a notice.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.formatters.base import Formatter
from checker.models import Article, Claim, Finding, Report
from checker.report import articles_by_id, claims_by_id

ANNOTATION_LEVEL = {"conflict": "error", "undated": "warning", "changed": "warning", "variant": "notice"}


def value_of(claim: Claim) -> str:
    return claim.value.as_text() if claim.value is not None else "?"


def claim_lines(report: Report) -> Iterator[tuple[Finding, Claim, Article, str]]:
    """Each claim of each finding with its article and the message about it: its value, then
    the values the other claims give and where."""
    claims, articles = claims_by_id(report), articles_by_id(report)
    for finding in report.conflicts:
        members = [claims[cid] for cid in finding.claims]
        # each claim's value and place written once a finding, not once for every other claim
        values = [value_of(o) for o in members]
        places = [f"{value} at {articles[o.article].path}:{o.line}" for value, o in zip(values, members)]
        ids = [o.id for o in members]
        unique = len(set(ids)) == len(ids)
        for n, claim in enumerate(members):
            others = ", ".join(places[:n] + places[n + 1:] if unique else
                               [p for i, p in zip(ids, places) if i != claim.id])
            message = f"{values[n]} here, {others}" if others else values[n]
            yield finding, claim, articles[claim.article], message


class LineFormatter(Formatter):
    name = "line"
    suffixes = (".log",)

    def render(self, report: Report) -> str:
        out = [f"{article.path}:{claim.line}:{claim.column}: {finding.status} {finding.key}: {message} "
               f"({finding.id}, confidence {finding.confidence:.2f})"
               for finding, claim, article, message in claim_lines(report)]
        return "".join(line + "\n" for line in out)


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped, as the runner reads them back."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: also ':' and ',' escaped."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    name = "github"

    def render(self, report: Report) -> str:
        out = []
        for finding, claim, article, message in claim_lines(report):
            props = ",".join(f"{k}={escape_property(str(v))}" for k, v in (
                ("file", article.path), ("line", claim.line), ("col", claim.column),
                ("title", f"{finding.status} {finding.key} ({finding.id})")))
            out.append(f"::{ANNOTATION_LEVEL[finding.status]} {props}::"
                       f"{escape_data(f'{message} (confidence {finding.confidence:.2f})')}")
        return "".join(line + "\n" for line in out)
