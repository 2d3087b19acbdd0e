"""Formats for tools: `line` (path:line:col: status key: values) and `github` (workflow
annotations) point at the claim itself, and every status has its level."""
from __future__ import annotations

import io
import re
import sys

import pytest

from checker.cli import main
from checker.formatters import default_formatters
from checker.pipeline import RunOptions, run_check

FIRST = " date 2022-03-02 Navo in de regio.\nVolgens de Navo heeft het bondgenootschap inmiddels meer dan 200 schepen in de Oostzee.\n"
SECOND = " date 2022-03-02 De vloot.\nDe Navo heeft 140 schepen in de Oostzee.\n"


@pytest.fixture
def articles(tmp_path, monkeypatch):
    """Two articles that disagree, one with a comma and a colon in its name."""
    (tmp_path / "a,b:c.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def unescape(text: str) -> str:
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_line_format_points_at_the_figure(articles, capsys):
    assert main([".", "--format", "line"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    for line in lines:
        m = re.match(r"(.+?\.txt):(\d+):(\d+): conflict (\S+): (.+) here, (.+) at (.+) \((F\w+), confidence", line)
        assert m, line
        path, row, col = m.group(1), int(m.group(2)), int(m.group(3))
        text = (articles / path).read_text(encoding="utf-8").splitlines()[row - 1]
        assert text[col - 1:].startswith(("meer dan 200", "140")), (line, text[col - 1:])
        assert m.group(4) == "quantity:ships/nato/in-baltic-sea"
    assert "b.txt:2:15: conflict quantity:ships/nato/in-baltic-sea: 140 here, >= 200 at a,b:c.txt:2" in lines[1]


def test_github_annotations_escape_their_properties(articles, capsys):
    assert main([".", "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    m = re.fullmatch(r"::error file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.+)", out[0])
    assert m, out[0]
    assert unescape(m.group(1)) == "a,b:c.txt" and (m.group(2), m.group(3)) == ("2", "53")
    assert unescape(m.group(4)).startswith("conflict quantity:ships/nato/in-baltic-sea (F")
    assert m.group(5) == ">= 200 here, 140 at b.txt:2 (confidence 1.00)"


@pytest.mark.parametrize("status, level", [("conflict", "error"), ("undated", "warning"),
                                           ("changed", "warning"), ("variant", "notice")])
def test_each_status_has_its_annotation_level(articles, status, level):
    report = run_check(RunOptions(paths=["."]))
    report = report.model_copy(update={"conflicts": [f.model_copy(update={"status": status})
                                                     for f in report.conflicts]})
    formats = default_formatters()
    assert formats.get("github").render(report).startswith(f"::{level} file=")
    assert all(f" {status} quantity:" in line for line in formats.get("line").render(report).splitlines())


def test_a_message_with_a_newline_stays_one_annotation():
    from checker.formatters.line import escape_data, escape_property
    assert escape_data("50% of\r\nthem") == "50%25 of%0D%0Athem"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def test_the_tool_formats_are_found_by_name_and_lines_is_gone():
    names = default_formatters().names()
    assert {"line", "github"} <= set(names) and "lines" not in names


def test_the_markdown_report_names_where_and_keeps_its_table_whole(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text(" date 2022-03-02 De Navo | heeft 140 schepen in de Oostzee.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(" date 2022-03-02 Vloot.\nDe Navo heeft 170 schepen in de Oostzee.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([".", "--format", "markdown"]) == 1
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("| ") and "schepen" in line]
    assert rows and all(line.count(" | ") == 6 for line in rows), rows  # seven cells, the pipe escaped
    assert "De Navo \\| heeft **140** schepen" in out
    assert "| a.txt:1 " in out and "| b.txt:2 " in out


def test_a_long_finding_writes_each_claims_value_once_not_once_for_every_other_claim(articles, monkeypatch):
    from checker.formatters import line

    report = run_check(RunOptions(paths=["."]))
    finding = report.conflicts[0]
    copies = [c.model_copy(update={"id": f"{c.id}~{n}"}) for n in range(30) for c in report.claims
              if c.id in finding.claims]
    many = report.model_copy(update={"claims": [*report.claims, *copies],
                                     "conflicts": [finding.model_copy(update={"claims": [c.id for c in copies]})]})
    calls = []
    real = line.value_of
    monkeypatch.setattr(line, "value_of", lambda claim: calls.append(1) or real(claim))
    lines = default_formatters().get("line").render(many).splitlines()
    assert len(lines) == 60 and all(ln.count(" at ") == 59 for ln in lines)
    assert len(calls) == 60  # the claims of the finding, each once (each line lists the other 59)


class TextRefused(io.TextIOWrapper):
    """A UTF-8 standard output that takes bytes only: text written to it is refused."""

    def write(self, text: str) -> int:
        raise AssertionError("the report was written as text")


def test_the_json_report_is_written_as_its_bytes_never_as_text(articles, monkeypatch, capsys):
    from checker.report import to_json

    report = run_check(RunOptions(paths=["."]))
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", TextRefused(raw, encoding="utf-8"))
    assert main([".", "--format", "json"]) == 1
    sys.stdout.flush()
    assert raw.getvalue() == to_json(report).encode("utf-8")
    assert default_formatters().get("json").render_bytes(report) == raw.getvalue()


@pytest.mark.parametrize("fmt", ["json", "table", "markdown", "csv", "html", "line"])
def test_a_report_reads_the_same_on_any_standard_output(articles, monkeypatch, fmt):
    """As bytes on UTF-8, as text on another encoding or on a stream of text only; and a file
    holds the same bytes."""
    outputs = []
    for stream in (io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.TextIOWrapper(io.BytesIO(), encoding="utf-16"),
                   io.StringIO()):
        monkeypatch.setattr(sys, "stdout", stream)
        print("before the report")  # what was written as text before comes before it
        assert main([".", "--format", fmt]) == 1
        stream.flush()
        outputs.append(stream.getvalue() if isinstance(stream, io.StringIO) else
                       stream.buffer.getvalue().decode(stream.encoding))
    assert outputs[0] == outputs[1] == outputs[2] and outputs[0].startswith("before the report\n")
    assert main([".", "--format", fmt, "-o", "out/report"]) == 1
    assert (articles / "out" / "report").read_bytes() == outputs[0][len("before the report\n"):].encode("utf-8")
