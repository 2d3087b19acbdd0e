"""The terminal table fits the width it is given, keeps each figure whole in its quote, names file
and line, gives the reason and marks assumed key parts; the summary counts every status; a long
run shows that it is working on a terminal, and only there."""
from __future__ import annotations

import io
import os
import time

import pytest

from checker.formatters.terminal import TableFormatter, fit_quote
from checker.pipeline import RunOptions, run_check
from checker.progress import Ticker

from conftest import ROOT


@pytest.fixture(scope="module")
def report():
    """The seeds' conflict, and copies of it as each other status (a variant with a house style,
    a claimant on one claim)."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        seeds = run_check(RunOptions(paths=["seeds"]))
    finally:
        os.chdir(cwd)
    finding = seeds.conflicts[0]
    copies = [finding.model_copy(update={"status": s, "id": f"F{s}", "reason": finding.reason + (
        "; house style: Zelensky" if s == "variant" else "")}) for s in ("undated", "changed", "variant")]
    claims = [c.model_copy(update={"attribution": "us"}) if c.id == finding.claims[0] else c for c in seeds.claims]
    return seeds.model_copy(update={"conflicts": [finding, *copies], "claims": claims})


def render(report, width: int) -> str:
    formatter = TableFormatter()
    formatter.width = width
    return formatter.render(report)


@pytest.mark.parametrize("width", [40, 60, 80, 100, 140, 200])
def test_the_table_fits_the_width_and_keeps_the_evidence(report, width):
    text = render(report, width)
    assert max(len(line) for line in text.splitlines()[:-1]) <= width, text  # the summary is one line
    claims = {c.id: c for c in report.claims}
    for cid in report.conflicts[0].claims:
        c = claims[cid]
        assert f"»{c.text}«" in text, (c.text, text)  # the figure whole, marked
        assert f"{os.path.basename(c.article)}.txt:{c.line}" in text
    assert "1 conflict, 1 undated, 1 changed, 1 variant" in text.splitlines()[-1]
    assert "ships/nato*" in text and "* a key part assumed" in text
    if width >= 80:
        assert "said by US" in text and "nato assumed" in text and "house style Zelensky" in text
        assert "Fe3d7bd32ff" in text


def test_a_wide_terminal_gets_one_line_a_claim(report):
    lines = render(report, 200).splitlines()
    assert lines[0].split() == ["status", "key", "where", "value", "reason", "quote"]
    row = next(line for line in lines if "»140«" in line)
    assert "seeds/003_d3539aa3f6ec2937.txt:13" in row and "140" in row.split("»")[0]


def test_the_width_comes_from_columns(report, monkeypatch):
    monkeypatch.setenv("COLUMNS", "72")
    assert max(len(line) for line in TableFormatter().render(report).splitlines()[:-1]) <= 72


def test_a_quote_is_cut_around_its_figure(report):
    claim = next(c for c in report.claims if c.text == "meer dan 200")
    for width in (20, 30, 50, 200):
        quoted = fit_quote(claim, width)
        assert len(quoted) <= width and "»meer dan 200«" in quoted
    assert fit_quote(claim, 30).startswith("…") and fit_quote(claim, 30).endswith("…")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_run_shows_it_is_working_on_a_terminal_only():
    screen = Terminal()
    with Ticker("checking", stream=screen, delay=0.05):
        time.sleep(0.3)
    assert "\rchecking 0 s" in screen.getvalue()
    assert screen.getvalue().endswith("\r" + " " * len("checking 0 s") + "\r")  # erased at the end
    quick, file = Terminal(), io.StringIO()
    with Ticker("checking", stream=quick, delay=5):
        pass
    with Ticker("checking", stream=file, delay=0):
        time.sleep(0.1)
    assert quick.getvalue() == "" and file.getvalue() == ""
