"""Inline markers: an editor silences a claim in the article itself, with the reason.

    De Navo heeft 140 schepen in de regio. <!-- check: ignore Q001 telling van de marine, bevestigd -->

``<!-- check: ignore [CODES] REASON -->`` silences the claims of the rules named by their codes
(comma separated; none named: every rule) on the marker's line, or, when the marker stands on a
line of its own, on the next line with text. Markdown and HTML show no comment, so the marker
does not reach the reader. The report counts the silenced claims by reason, so nothing is
dropped unseen; the words of a marker are never a claim.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from checker.articles import Document
from checker.models import Claim, Problem

MARKER = re.compile(r"<!--\s*check\s*:\s*(?P<word>\S*)(?P<rest>.*?)-->", re.S | re.I)
CODES = re.compile(r"[A-Za-z]+\d+(?:,[A-Za-z]+\d+)*")
NO_REASON = "no reason given"


@dataclass(frozen=True)
class Marker:
    """One ``ignore`` marker: the lines it covers, the rule codes it names (empty: all) and why."""

    start: int
    end: int
    lines: frozenset[int]
    codes: frozenset[str]
    reason: str

    def covers(self, claim: Claim) -> bool:
        return claim.line in self.lines and (not self.codes or claim.rule.upper() in self.codes)


def next_text_line(doc: Document, line: int) -> int:
    """The number of the first line after ``line`` that holds text (``line`` when none does)."""
    starts = doc.line_starts
    for n in range(line + 1, len(starts) + 1):
        end = starts[n] if n < len(starts) else len(doc.text)
        if doc.text[starts[n - 1]:end].strip():
            return n
    return line


def codes_and_reason(rest: str) -> tuple[frozenset[str], str]:
    """``Q001,D001 the reason`` -> ({'Q001', 'D001'}, 'the reason'); no codes: every rule."""
    words = rest.split(None, 1)
    if words and CODES.fullmatch(words[0]):
        return frozenset(words[0].upper().split(",")), " ".join(" ".join(words[1:]).split())
    return frozenset(), " ".join(rest.split())


def markers(doc: Document, problems: list[Problem]) -> list[Marker]:
    """The ignore markers of an article; a ``check:`` comment that says something else is a
    warning naming the file and line (a misspelt marker must not silence nothing in silence)."""
    out = []
    for m in MARKER.finditer(doc.text):
        line = doc.line_of(m.start())
        if m["word"].lower() != "ignore":
            problems.append(Problem(severity="warning", file=doc.article.path,
                                    message=f"line {line}: unknown marker {m[0]!r}; write <!-- check: ignore "
                                            f"[CODES] reason -->"))
            continue
        codes, reason = codes_and_reason(m["rest"])
        line_start = doc.line_starts[line - 1]
        line_end = doc.text.find("\n", m.end())
        alone = not (doc.text[line_start:m.start()] + doc.text[m.end():len(doc.text) if line_end < 0 else line_end]).strip()
        lines = {line, next_text_line(doc, doc.line_of(m.end()))} if alone else {line}
        out.append(Marker(m.start(), m.end(), frozenset(lines), codes, reason or NO_REASON))
    return out


def apply_markers(doc: Document, claims: Sequence[Claim], problems: list[Problem]) -> tuple[list[Claim], Counter]:
    """The claims no marker silences, and how many each reason silenced. Claims made of a
    marker's own words are dropped uncounted: they are no part of the article."""
    found = markers(doc, problems) if "<!--" in doc.text else []
    if not found:
        return list(claims), Counter()
    kept, silenced = [], Counter()
    for claim in claims:
        if any(m.start < claim.end and claim.start < m.end for m in found):
            continue
        marker = next((m for m in found if m.covers(claim)), None)
        if marker is None:
            kept.append(claim)
        else:
            silenced[marker.reason] += 1
    return kept, silenced
