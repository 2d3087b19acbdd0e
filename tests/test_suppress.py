"""Inline markers: `<!-- check: ignore [CODES] reason -->` silences the claims of its line (or,
alone on a line, of the next line with text); the report counts them by reason."""
from __future__ import annotations

import json

import pytest

from checker.cli import main

SHIPS = " date 2022-03-02 De vloot.\nDe Navo heeft 140 schepen in de Oostzee.{marker}\n"
OTHER = " date 2022-03-02 Marine.\nDe Navo heeft 170 schepen in de Oostzee.\n"


def check(tmp_path, capsys, text: str, *argv: str) -> tuple[int, dict, str]:
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "b.md").write_text(OTHER, encoding="utf-8")
    code = main([str(tmp_path / "a.md"), str(tmp_path / "b.md"), "--format", "json", *argv])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def claims_of_a(report: dict) -> list[dict]:
    return [c for c in report["claims"] if c["article"] == "a"]


@pytest.mark.parametrize("marker", [" <!-- check: ignore Q001 telling van de marine, bevestigd -->",
                                    "<!--check:ignore q001,D001   telling van de marine, bevestigd-->"])
def test_a_marker_on_the_line_silences_its_claim_with_the_reason_counted(tmp_path, capsys, marker):
    code, report, _ = check(tmp_path, capsys, SHIPS.format(marker=marker))
    assert code == 0 and report["conflicts"] == []
    assert claims_of_a(report) == []
    assert report["suppressed"] == {"telling van de marine, bevestigd": 1}


def test_without_a_marker_the_figures_conflict(tmp_path, capsys):
    code, report, _ = check(tmp_path, capsys, SHIPS.format(marker=""))
    assert code == 1 and report["suppressed"] == {} and len(report["conflicts"]) == 1


def test_a_marker_names_the_rules_it_silences(tmp_path, capsys):
    code, report, _ = check(tmp_path, capsys, SHIPS.format(marker=" <!-- check: ignore D001 only dates -->"))
    assert code == 1 and report["suppressed"] == {} and len(claims_of_a(report)) == 1


def test_a_marker_alone_on_a_line_silences_the_next_line_with_text(tmp_path, capsys):
    text = " date 2022-03-02 De vloot.\n<!-- check: ignore -->\n\nDe Navo heeft 140 schepen in de Oostzee.\n" \
           "Volgens de marine heeft de Navo 140 schepen in de Oostzee.\n"
    code, report, _ = check(tmp_path, capsys, text)
    assert [c["line"] for c in claims_of_a(report)] == [5]  # line 4 silenced, line 5 not
    assert report["suppressed"] == {"no reason given": 1} and code == 1


def test_the_words_of_a_marker_are_no_claim(tmp_path, capsys):
    marker = " <!-- check: ignore X999 de Navo heeft 200 schepen in de Oostzee volgens 2019 -->"
    _, report, _ = check(tmp_path, capsys, SHIPS.format(marker=marker))
    line = SHIPS.format(marker=marker).splitlines()[1]
    assert [c["text"] for c in claims_of_a(report)] == ["140"], line
    assert report["suppressed"] == {}


def test_a_misspelt_marker_is_a_warning_naming_file_and_line(tmp_path, capsys):
    code, report, err = check(tmp_path, capsys, SHIPS.format(marker=" <!-- check: ignor Q001 x -->"))
    assert code == 1 and report["suppressed"] == {}
    assert "a.md: line 2: unknown marker '<!-- check: ignor Q001 x -->'" in err


def test_markers_hold_with_jobs_and_in_an_archive(tmp_path, capsys):
    text = SHIPS.format(marker=" <!-- check: ignore Q001 checked -->")
    code, report, _ = check(tmp_path, capsys, text, "--jobs", "2")
    assert code == 0 and report["suppressed"] == {"checked": 1}
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.md").write_text(text, encoding="utf-8")
    assert main([str(tmp_path / "b.md"), "--against", str(archive)]) == 0  # the archive's figure is silenced
    assert main([str(tmp_path / "b.md"), "--against", str(tmp_path / "a.md"), "--format", "line"]) == 0
    capsys.readouterr()


def test_the_summary_line_counts_the_silenced(tmp_path, capsys):
    (tmp_path / "a.md").write_text(SHIPS.format(marker=" <!-- check: ignore Q001 checked -->"), encoding="utf-8")
    assert main([str(tmp_path / "a.md")]) == 0
    assert '1 silenced by markers in the articles ("checked" 1)' in capsys.readouterr().out
