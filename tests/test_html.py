"""The HTML report without a browser: light (only the claims findings use, a cap per finding),
a colour per status, the articles' languages, the timeline only for running tallies."""
from __future__ import annotations

import os
import re

import pytest

from checker.formatters.html import COLOURS, MAX_CLAIMS, HtmlFormatter
from checker.formatters.timeline import tally_points
from checker.pipeline import RunOptions, run_check

from conftest import ROOT


@pytest.fixture(scope="module")
def seeds():
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return run_check(RunOptions(paths=["seeds"]))
    finally:
        os.chdir(cwd)


def test_only_the_claims_of_findings_are_shown(seeds):
    page = HtmlFormatter().render(seeds)
    assert len(seeds.claims) > 10 and page.count("<blockquote") == 2
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert page.count('<blockquote lang="nl">') == 2


def test_a_finding_shows_at_most_a_dozen_claims_and_says_how_many_more(seeds):
    finding = seeds.conflicts[0]
    claim = next(c for c in seeds.claims if c.id == finding.claims[0])
    many = [claim.model_copy(update={"id": f"{claim.id}-{i}"}) for i in range(30)]
    report = seeds.model_copy(update={"claims": many, "conflicts": [
        finding.model_copy(update={"claims": [c.id for c in many]})]})
    page = HtmlFormatter().render(report)
    assert page.count("<blockquote") == MAX_CLAIMS
    assert f"and {30 - MAX_CLAIMS} more claims: check --explain {finding.id}" in page


def test_large_reports_stay_light(seeds):
    finding = seeds.conflicts[0]
    findings = [finding.model_copy(update={"id": f"F{i:010x}"}) for i in range(1000)]
    page = HtmlFormatter().render(seeds.model_copy(update={"conflicts": findings}))
    assert len(page.encode()) / 1000 < 3000  # bytes a finding of two claims


def test_each_status_has_its_own_colour_and_badge(seeds):
    assert len(set(COLOURS.values())) == 4
    finding = seeds.conflicts[0].model_copy(update={"status": "undated"})
    page = HtmlFormatter().render(seeds.model_copy(update={"conflicts": [finding]}))
    assert '<section class="finding undated"' in page and '<span class="badge">undated</span>' in page
    assert re.search(r"\.undated \.badge, \.badge\.undated \{ background: #8a4b00; \}", page)


def test_no_timeline_without_a_running_tally(seeds):
    claims = {c.id: c for c in seeds.claims}
    members = [claims[c] for c in seeds.conflicts[0].claims]
    assert tally_points(members, {a.id: a for a in seeds.articles}) == []
    running = [c.model_copy(update={"running": "inmiddels"}) for c in members]
    assert tally_points(running, {a.id: a for a in seeds.articles}) == []  # one month for both: no line
