"""Cross-article cases: small sets of articles run through the whole check, with the findings
expected and the silence expected.

Each file ``tests/cases/cross/<domain>.json`` holds ``{"cases": [...]}``. A case has a ``name``,
an optional ``language`` (``nl`` unless given; ``null``: each article's own, as detected), ``articles`` (``{"name": "a.txt", "date":
"2024-05-14", "text": "..."}``; the date becomes the article's ` date` header line, ``null``
leaves it without one), ``expect`` and ``silent``. An ``expect`` entry ``{"status": "conflict",
"quotes": [["a.txt", "120"], ["b.txt", "300"]]}`` asks for a finding of that status holding a
claim of a.txt whose text contains "120" and a claim of b.txt whose text contains "300", and for
no finding of another status holding both (a tally that moved on is ``changed``, never also a
``conflict``). A ``silent`` entry ``[["a.txt", "150"], ["b.txt", "1.800"]]`` asks that no
finding of any status holds such claims together. Every quote must occur in its article's text.
Expectations say what a careful editor would say is right, not what the check does today: a
case the check does not meet yet carries ``"known_gap": "<why>"`` and runs as a strict xfail, so
the day it passes the test fails until the field is removed.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.models import Claim, Finding, Report
from checker.pipeline import RunOptions, run_check

CROSS = Path(__file__).parent / "cases" / "cross"
STATUSES = {"conflict", "changed", "undated", "variant"}
CASE_FIELDS = {"name", "language", "articles", "expect", "silent", "known_gap"}
LANGUAGES = ("nl", "en")

Quote = tuple[str, str]  # (article file name, text the claim's text contains)


def domain_files() -> list[Path]:
    return sorted(CROSS.glob("*.json"))


def read_cases(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cases"]


def load_cases():
    for path in domain_files():
        for case in read_cases(path):
            marks = []
            if case.get("known_gap"):
                marks.append(pytest.mark.xfail(strict=True, reason=case["known_gap"]))
            yield pytest.param(case, id=f"{path.stem}: {case['name']}", marks=marks)


def write_articles(case: dict, folder: Path) -> None:
    """The case's articles as files the loader reads, each with its ` date` header line."""
    for article in case["articles"]:
        header = f" date {article['date']}\n" if article.get("date") else ""
        (folder / article["name"]).write_text(header + article["text"] + "\n", encoding="utf-8")


class Outcome:
    """A report read by article file name: which claims a quote names, which findings hold them."""

    def __init__(self, report: Report) -> None:
        files = {a.id: Path(a.path).name for a in report.articles}
        self.findings = report.conflicts
        self.claims: dict[str, Claim] = {c.id: c for c in report.claims}
        self.file_of = {c.id: files[c.article] for c in report.claims}

    def named(self, quote: Quote, claim_ids) -> set[str]:
        name, text = quote
        return {cid for cid in claim_ids if self.file_of.get(cid) == name and text in self.claims[cid].text}

    def holding(self, quotes: list[Quote]) -> list[Finding]:
        """The findings that hold, for every quote, a claim it names."""
        return [f for f in self.findings if all(self.named(q, f.claims) for q in quotes)]

    def describe(self, quotes: list[Quote]) -> str:
        """What was reported, for a failure message: every finding, then the quoted claims' keys."""
        lines = ["findings reported:"] if self.findings else ["no findings reported"]
        for f in self.findings:
            held = ", ".join(f"{self.file_of[c]}: {self.claims[c].text!r}" for c in f.claims if c in self.claims)
            lines.append(f"  {f.id} {f.status:9} {f.key}  [{held}]")
        lines.append("claims the quotes name:")
        for quote in quotes:
            ids = sorted(self.named(quote, self.claims))
            found = "; ".join(f"{self.claims[c].text!r} key={self.claims[c].key}" for c in ids) or "no claim"
            lines.append(f"  {quote[0]} {quote[1]!r}: {found}")
        return "\n".join(lines)


def quotes_of(entry) -> list[Quote]:
    return [(name, text) for name, text in entry]


@pytest.mark.parametrize("case", list(load_cases()))
def test_cross_case(case, tmp_path):
    write_articles(case, tmp_path)
    report = run_check(RunOptions(paths=[str(tmp_path)], language=case.get("language", "nl")))
    assert not [p for p in report.problems if p.severity == "error"], report.problems
    outcome = Outcome(report)
    for entry in case.get("expect", []):
        quotes = quotes_of(entry["quotes"])
        statuses = {f.status for f in outcome.holding(quotes)}
        assert entry["status"] in statuses, (
            f"expected a {entry['status']} finding holding {quotes}\n{outcome.describe(quotes)}")
        assert statuses == {entry["status"]}, (
            f"expected only {entry['status']} for {quotes}, got {sorted(statuses)}\n{outcome.describe(quotes)}")
    for entry in case.get("silent", []):
        quotes = quotes_of(entry)
        assert not outcome.holding(quotes), f"expected no finding holding {quotes}\n{outcome.describe(quotes)}"


@pytest.mark.parametrize("path", domain_files(), ids=lambda p: p.stem)
def test_domain_file_is_well_formed(path):
    """Known fields only, unique names, valid statuses, and quotes that occur in their articles."""
    names = set()
    for case in read_cases(path):
        assert set(case) <= CASE_FIELDS, f"{case.get('name')}: unknown fields {set(case) - CASE_FIELDS}"
        assert case["name"] not in names, f"duplicate case name {case['name']!r}"
        names.add(case["name"])
        assert case.get("language", "nl") in (*LANGUAGES, None), case["name"]
        assert case.get("expect") or case.get("silent"), f"{case['name']}: neither expect nor silent"
        texts = {a["name"]: a["text"] for a in case["articles"]}
        assert len(texts) == len(case["articles"]) >= 2, f"{case['name']}: two or more articles, distinct names"
        assert all(n.endswith((".txt", ".md")) for n in texts), case["name"]
        quotes = [q for e in case.get("expect", []) for q in e["quotes"]] + [q for e in case.get("silent", []) for q in e]
        for entry in case.get("expect", []):
            assert entry["status"] in STATUSES, f"{case['name']}: unknown status {entry['status']!r}"
        for name, text in quotes:
            assert text in texts.get(name, ""), f"{case['name']}: {text!r} is not in {name}"


def test_every_domain_has_expected_findings_and_silence_in_both_languages():
    files = domain_files()
    assert len(files) >= 4
    for path in files:
        cases = read_cases(path)
        for language in LANGUAGES:
            of_language = [c for c in cases if c.get("language", "nl") == language]
            assert any(c.get("expect") for c in of_language), f"{path.name}: no {language} case expects a finding"
            assert any(c.get("silent") for c in of_language), f"{path.name}: no {language} case expects silence"
