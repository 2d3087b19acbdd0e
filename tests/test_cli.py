"""The `check` command: exit codes, formats, output files, bad input, baselines, explanations."""
from __future__ import annotations

import json
import shutil

import pytest

from checker.cli import main

from conftest import SEEDS


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_seeds_report_exactly_the_ships_conflict(capsys):
    code, out, _ = run(capsys, SEEDS, "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert [f["status"] for f in report["conflicts"]] == ["conflict"]
    claims = {c["id"]: c for c in report["claims"]}
    texts = sorted(claims[c]["text"] for c in report["conflicts"][0]["claims"])
    assert texts == ["140", "meer dan 200"]
    jets = [c for c in report["claims"] if c["text"] == "130"]
    assert len(jets) == 2 and jets[0]["key"] == jets[1]["key"] == "quantity:aircraft/nato/high-readiness"


def test_fail_on_never_and_a_clean_file(capsys):
    assert run(capsys, SEEDS, "--fail-on", "never")[0] == 0
    assert run(capsys, SEEDS / "000_ec30e0fc741b648c.txt")[0] == 0


def test_usage_errors_exit_2(capsys):
    assert run(capsys)[0] == 2
    assert run(capsys, SEEDS, "--select", "NOPE")[0] == 2
    with pytest.raises(SystemExit) as e:
        main(["--format"])
    assert e.value.code == 2


def test_missing_path_is_named_and_the_rest_is_checked(capsys):
    code, out, err = run(capsys, SEEDS, "no/such/place", "--format", "json")
    assert code == 2
    assert "no/such/place: no such file or folder" in err
    assert len(json.loads(out)["articles"]) == 5


def test_bad_input_files(tmp_path, capsys):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "latin.txt").write_bytes(" date 2022-03 De NAVO heeft 140 schepen in de regio, zei hij café.".encode("cp1252"))
    (tmp_path / "header.txt").write_text(" date 2022-13 De Navo heeft meer dan 200 schepen.\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    code, out, err = run(capsys, tmp_path, "--format", "json")
    report = json.loads(out)
    assert "binary.txt: binary file" in err
    assert "empty.txt: empty file" in err
    assert "latin.txt: not UTF-8" in err and "read as cp1252" in err
    assert "header.txt: malformed header date '2022-13'" in err
    assert sorted(a["id"] for a in report["articles"]) == ["header", "latin"]
    assert code == 2  # a binary file is an input error
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # nothing modified


def test_output_file_goes_to_reports_atomically(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, SEEDS, "--output", "seeds.html")
    assert code == 1 and out == ""
    html = (tmp_path / "reports" / "seeds.html").read_text(encoding="utf-8")
    assert "<mark>meer dan 200</mark>" in html
    assert [p.name for p in (tmp_path / "reports").iterdir()] == ["seeds.html"]  # no temporary file left


def test_same_input_same_bytes(capsys):
    for fmt in ("json", "table", "html", "csv", "markdown"):
        first = run(capsys, SEEDS, "--format", fmt)[1]
        assert first == run(capsys, SEEDS, "--format", fmt)[1]


def test_schema_and_list_rules(capsys):
    code, out, _ = run(capsys, "--schema")
    assert code == 0 and json.loads(out)["title"] == "Report"
    code, out, _ = run(capsys, "--list-rules")
    assert code == 0 and "Q001" in out and "D001" in out


def test_explain_and_baseline(tmp_path, capsys):
    report = json.loads(run(capsys, SEEDS, "--format", "json")[1])
    fid = report["conflicts"][0]["id"]
    code, out, _ = run(capsys, SEEDS, "--explain", fid)
    assert code == 0 and "meer dan 200" in out
    assert "\n  concept      ships\n" in out and "\n  actor        nato" in out  # the key's parts, one a line
    baseline = tmp_path / "baseline.json"
    run(capsys, SEEDS, "--write-baseline", baseline)
    code, out, err = run(capsys, SEEDS, "--baseline", baseline, "--format", "json")
    assert code == 0 and json.loads(out)["conflicts"] == []
    assert "1 findings hidden by the baseline" in err


def test_config_errors_name_the_key_and_file(tmp_path, capsys):
    cfg = tmp_path / "checker.toml"
    cfg.write_text('fail-on = "conflict"\ncolour = "red"\n')
    code, _, err = run(capsys, SEEDS, "--config", cfg)
    assert code == 2 and "unknown key 'colour'" in err and str(cfg) in err
    cfg.write_text('fail-on = "sometimes"\n')
    code, _, err = run(capsys, SEEDS, "--config", cfg)
    assert code == 2 and "fail-on" in err


def test_jobs_give_the_same_report(capsys, tmp_path):
    for name in ("a", "b"):
        shutil.copytree(SEEDS, tmp_path / name)
    one = run(capsys, tmp_path, "--format", "json")[1]
    two = run(capsys, tmp_path, "--format", "json", "--jobs", "2")[1]
    assert one == two


def test_python_dash_m(tmp_path):
    import subprocess
    import sys
    proc = subprocess.run([sys.executable, "-m", "checker", str(SEEDS)], capture_output=True, text=True)
    assert proc.returncode == 1 and "quantity:ships/nato" in proc.stdout


# A run of the command in which a module holds an object that says when it is freed.
COMMAND_RUN = """
import os, sys
import checker.cli as cli
class Loud:
    def __del__(self):
        os.write(2, b"torn down\\n")
cli.LOUD = Loud()
sys.argv = ["check", *sys.argv[1:]]
cli.{}()
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_command_ends_without_tearing_down_its_heap(capsys, tmp_path, jobs):
    """The whole report reaches a pipe, the exit code is main's, worker pools and logging end
    as they do (no warning), and no object is freed one by one after the report."""
    import subprocess
    import sys
    for name in ("a", "b"):
        shutil.copytree(SEEDS, tmp_path / name)
    argv = [str(tmp_path), "--format", "json", "--jobs", jobs, "-v"]
    proc = subprocess.run([sys.executable, "-c", COMMAND_RUN.format("command"), *argv], capture_output=True,
                          text=True, timeout=300)
    assert (proc.returncode, proc.stdout) == run(capsys, *argv)[:2]
    assert "torn down" not in proc.stderr and "Traceback" not in proc.stderr and "leaked" not in proc.stderr
    assert "seconds per stage" in proc.stderr  # what -v logs is all there
    whole = subprocess.run([sys.executable, "-c", COMMAND_RUN.format("main"), *argv], capture_output=True, text=True)
    assert "torn down" in whole.stderr, "main keeps its interpreter, which frees its objects at the end"


def test_a_run_under_a_profiler_ends_as_python_does(tmp_path):
    """The profiler writes its results at the end: the command leaves the ending to it, run as
    a module or as the console script."""
    import subprocess
    import sys
    from pathlib import Path
    script = Path(sys.executable).parent / "check"
    for name, target in (("module", ["-m", "checker"]), ("script", [str(script)])):
        if name == "script" and not script.exists():
            continue
        out = tmp_path / f"{name}.prof"
        subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), *target, str(SEEDS), "--no-cache"],
                       capture_output=True, check=True, timeout=300)
        assert out.stat().st_size > 0, name


def test_front_matter_draft(tmp_path, capsys):
    (tmp_path / "draft.md").write_text("---\ntitle: Concept\ndate: 2022-03-20\nsource: redactie\n---\n"
                                       "De Navo heeft 150 schepen in de regio.\n", encoding="utf-8")
    code, out, _ = run(capsys, tmp_path, SEEDS / "002_1a0a6596d60781e4.txt", "--format", "json")
    report = json.loads(out)
    draft = next(a for a in report["articles"] if a["id"] == "draft")
    assert draft["title"] == "Concept" and draft["date"] == {"start": "2022-03-20", "end": "2022-03-20"}
    assert code == 1


def test_the_config_extends_the_vocabulary(tmp_path, capsys, monkeypatch):
    text = " date 2022-03 De NAVO heeft 40 landmachtbrigades in Polen.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("40 landmachtbrigades", "45 brigades"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # Two nouns no concept knows are two things: "landmachtbrigade" is not "brigade"
    assert run(capsys, str(tmp_path), "--format", "json")[0] == 0
    (tmp_path / "checker.toml").write_text('[vocabulary.nl.concepts]\nbrigades = ["brigades"]\n', encoding="utf-8")
    code, out, _ = run(capsys, str(tmp_path), "--format", "json")
    assert code == 1 and [f["key"] for f in json.loads(out)["conflicts"]] == ["quantity:brigades/nato/in-poland"]
    (tmp_path / "checker.toml").write_text('[vocabulary.nl.brigades]\nx = ["y"]\n', encoding="utf-8")
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2 and "vocabulary.nl.brigades: no such vocabulary table" in err
