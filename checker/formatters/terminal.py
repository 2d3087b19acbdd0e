"""The terminal table: fits the width it is given (the terminal's), one row a claim with its file
and line, its value, why it is shown (claimant, assumed key parts, the house style) and its
quote cut around the figure; a key part assumed from the article is marked ``*``."""
from __future__ import annotations

import os
import shutil
import sys
import textwrap
from dataclasses import dataclass

from checker.formatters.base import Formatter
from checker.formatters.summary import problem_rows, summary_line
from checker.models import Claim, Finding, Report
from checker.report import articles_by_id, claims_by_id, copies_note

DEFAULT_WIDTH = 100  # when the report goes to no terminal
ASSUMED_NOTE = "* a key part assumed from the article: its sentence does not say it"


def terminal_width() -> int:
    """``COLUMNS`` if set, else the width of the terminal standard output is, else 100."""
    if os.environ.get("COLUMNS", "").isdigit():
        return max(40, int(os.environ["COLUMNS"]))
    if sys.stdout.isatty():
        return max(40, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)
    return DEFAULT_WIDTH


def cut(text: str, width: int, left: bool = False) -> str:
    """``text`` in at most ``width`` characters, the cut marked with …; ``left`` keeps the end."""
    if len(text) <= width:
        return text
    return "…" + text[len(text) - width + 1:] if left else text[:width - 1] + "…"


def marked_key(finding: Finding, claims: list[Claim]) -> str:
    """The finding's key with ``*`` after each part some claim assumed rather than stated."""
    assumed = {c.key_parts.get(p) for c in claims for p in c.inferred} - {None}
    if not assumed:
        return finding.key
    kind, _, rest = finding.key.partition(":")
    parts = [p + "*" if any(p == v or p.endswith("-" + v) for v in assumed) else p for p in rest.split("/")]
    return f"{kind}:{'/'.join(parts)}"


def claim_reason(claim: Claim) -> str:
    """Why a claim reads as it does: who says it, and what was assumed for it."""
    out = [f"said by {shown_claimant(claim.attribution)}"] if claim.attribution else []
    out += [f"{claim.key_parts.get(part) or part} assumed" for part in claim.inferred]
    return "; ".join(out)


def shown_claimant(name: str) -> str:
    """A claimant as written for a reader: a short lowercase name is an abbreviation (us, nato)."""
    return name.upper() if name.islower() and len(name) <= 4 else name


def house_style(finding: Finding) -> str:
    _, found, style = finding.reason.rpartition("house style: ")
    return f"house style {style}" if found else ""


@dataclass
class Row:
    """One claim of a finding as the tables show it: ``status`` is the finding's status on its
    first row and its id on the second; ``key`` is on the first row only."""

    status: str
    key: str
    where: str
    value: str
    reason: str
    claim: Claim
    finding: str = ""
    finding_status: str = ""


def rows_of(report: Report) -> list[Row]:
    claims, articles = claims_by_id(report), articles_by_id(report)
    rows = []
    for f in report.conflicts:
        members = [claims[c] for c in f.claims]
        key = marked_key(f, members)
        for i, c in enumerate(members):
            reason = "; ".join(x for x in (house_style(f) if i == 0 else "", claim_reason(c),
                                            copies_note(articles[c.article])) if x)
            rows.append(Row(status=[f.status, f.id].pop(i) if i < 2 else "", key=key if i == 0 else "",
                            where=f"{articles[c.article].path}:{c.line}",
                            value=c.value.as_text() if c.value is not None else "-", reason=reason, claim=c,
                            finding=f.id, finding_status=f.status))
    return rows


# The order in which columns give way to the quote, and how far: the folders of the path first
# (its file name stays), then the key and the value; the reason is never cut. When that leaves
# the quote too little room, each claim takes two lines instead (stacked_table).
GIVE_WAY = (("where", 0), ("key", 24), ("value", 10))  # where: to its file names


def fit_columns(natural: dict[str, int], width: int, names: int = 24) -> tuple[dict[str, int], int] | None:
    """Column widths that leave the quote at least a third of ``width`` (GIVE_WAY says which
    column narrows first, and how far; the paths down to ``names``, the longest file name with
    its line), with the quote's room; None when they cannot."""
    widths = dict(natural)
    spacing = 2 * len(widths) + 2
    wanted = max(30, width // 3)
    for name, floor in GIVE_WAY:
        excess = sum(widths.values()) + spacing + wanted - width
        if excess <= 0:
            break
        floor = floor or names
        widths[name] = max(min(floor, widths[name]), widths[name] - excess)
    room = width - sum(widths.values()) - spacing + 2
    return (widths, room) if room >= wanted else None


def fit_quote(claim: Claim, width: int) -> str:
    """The claim's sentence in at most ``width`` characters, the figure marked »so« and kept whole
    when it fits, the words around it cut evenly at word boundaries."""
    s, span = claim.sentence, claim.text
    i, j = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    before, after = (s[:i], s[j:]) if 0 <= i <= j <= len(s) else ("", "")
    before = " ".join(before.split()) + (" " if before[-1:].isspace() else "")
    after = (" " if after[:1].isspace() else "") + " ".join(after.split())
    span = cut(" ".join(span.split()), width - 2)
    room = width - len(span) - 2
    keep_after = min(len(after), max(room // 2, room - len(before)))
    keep_before = room - keep_after
    if len(before) > keep_before:
        tail = before[len(before) - keep_before + 1:] if keep_before > 1 else ""
        before = "…" + (tail.split(" ", 1)[-1] if " " in tail[:-1] else tail) if keep_before > 0 else ""
    if len(after) > keep_after:
        head = after[:keep_after - 1] if keep_after > 1 else ""
        after = (head.rsplit(" ", 1)[0] if " " in head[1:] else head) + "…" if keep_after > 0 else ""
    return f"{before}»{span}«{after}"


HEADS = ("status", "key", "where", "value", "reason")


def wide_table(rows: list[Row], widths: dict[str, int], room: int) -> list[str]:
    """Columns status, key, where, value, reason, quote, one line a claim; the quote takes the
    room left."""
    heads = HEADS
    out = ["  ".join(h.ljust(widths[h]) for h in heads) + "  quote",
           "  ".join("-" * w for w in [*widths.values(), room])]
    for r in rows:
        cells = [cut(r.status, widths["status"]), cut(r.key, widths["key"], left=True),
                 cut(r.where, widths["where"], left=True), cut(r.value, widths["value"]),
                 cut(r.reason, widths["reason"])]
        line = "  ".join(c.ljust(widths[h]) for c, h in zip(cells, heads)) + "  " + fit_quote(r.claim, room)
        out.append(line.rstrip())
    return out


def stacked_table(rows: list[Row], width: int) -> list[str]:
    """For a terminal too narrow for one line a claim: a finding's status, key and id on a line,
    then per claim where, value and reason (on two lines when they do not fit on one), and its
    quote indented under them."""
    out: list[str] = []
    where = max(len(r.where) for r in rows)
    value = min(16, max(len(r.value) for r in rows))
    one_line = 2 + where + 2 + value <= width
    for i, r in enumerate(rows):
        if r.key:
            finding_id = rows[i + 1].status if i + 1 < len(rows) and not rows[i + 1].key else ""
            out += [""] if out else []
            out.append(cut(f"{r.status}  {r.key}  {finding_id}".rstrip(), width))
        what = f"{cut(r.value, value).ljust(value)}  {r.reason}".rstrip()
        if one_line:
            out.append(cut(f"  {r.where.ljust(where)}  {what}", width))
        else:
            out += [cut(f"  {r.where}", width, left=True), cut(f"    {what}", width)]
        out.append("      " + fit_quote(r.claim, width - 6))
    return out


class TableFormatter(Formatter):
    name = "table"
    suffixes = (".txt",)
    width: int | None = None  # None: the terminal's (see terminal_width)

    def render(self, report: Report) -> str:

        width = self.width or terminal_width()
        rows = rows_of(report)
        fitted = fit_columns({h: max([len(h)] + [len(getattr(r, h)) for r in rows]) for h in HEADS}, width,
                             names=max([len(os.path.basename(r.where)) + 1 for r in rows], default=0))
        if not rows:
            out = ["No discrepancies found."]
        else:
            out = wide_table(rows, *fitted) if fitted else stacked_table(rows, width)
        if any("*" in r.key for r in rows):
            out += ["", *textwrap.wrap(ASSUMED_NOTE, width)]
        if report.problems:
            out += ["", "Problems:"]
            for severity, file, rule, message in problem_rows(report):
                where = ": ".join(x for x in (file, f"rule {rule}" if rule else "") if x)
                out += textwrap.wrap(f"{severity}: {where + ': ' if where else ''}{message}", width,
                                     subsequent_indent="    ")
        out += ["", summary_line(report)]  # one line, as scripts and CI logs read it
        return "\n".join(out) + "\n"
