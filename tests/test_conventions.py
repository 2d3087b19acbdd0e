"""Conventions other tools keep: -o writes where it is told, the config is found up to the
repository root, - is standard input, --help names every command, -v names the config and keeps
libraries' debug lines out, Ctrl-C and a closed pipe end the run without a traceback."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker import cli
from checker.config import load_config

from conftest import ROOT, SEEDS

CHECK = [sys.executable, "-m", "checker"]
GOOD = " date 2022-03-02 De Navo heeft 140 schepen in de Oostzee.\n"
OTHER = " date 2022-03-02 De Navo heeft 170 schepen in de Oostzee.\n"


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("given, written", [("./x.md", "x.md"), ("out/x.md", "out/x.md"),
                                            ("x.md", "reports/x.md")])
def test_output_is_written_where_it_is_told(tmp_path, monkeypatch, capsys, given, written):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "a.txt", "-o", given)
    assert code == 0, err
    assert (tmp_path / written).read_text(encoding="utf-8").startswith("# Discrepancy report")
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.md")) == [written]


def test_output_to_a_folder_is_refused(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "adir").mkdir()
    monkeypatch.chdir(tmp_path)
    for given in ("adir/", "./adir"):
        code, _, err = run(capsys, "a.txt", "-o", given)
        assert code == 2 and f"-o {given}: is a folder" in err
    assert list((tmp_path / "adir").iterdir()) == []


def test_the_config_is_found_up_to_the_repository_root(tmp_path, monkeypatch, capsys):
    (tmp_path / "checker.toml").write_text('fail-on = "variant"\n', encoding="utf-8")  # outside the repository
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "pyproject.toml").write_text('[tool.checker]\nfail-on = "never"\n', encoding="utf-8")
    deep = repo / "articles" / "2022"
    deep.mkdir(parents=True)
    (deep / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")  # no [tool.checker]: passed over
    (deep / "a.txt").write_text(GOOD, encoding="utf-8")
    (deep / "b.txt").write_text(OTHER, encoding="utf-8")
    config, file = load_config(cwd=deep)
    assert file == repo / "pyproject.toml" and config.fail_on == "never"
    monkeypatch.chdir(deep)
    assert run(capsys, ".")[0] == 0  # found from the folder the command runs in
    assert run(capsys, ".", "--config", tmp_path / "checker.toml")[0] == 1
    (repo / "pyproject.toml").unlink()
    assert load_config(cwd=deep) == (load_config(cwd=deep)[0], None)  # nothing above the repository is read
    (repo / ".git").rmdir()  # no repository: the walk goes on to the top
    assert load_config(cwd=deep)[1] == tmp_path / "checker.toml"


def test_a_dash_reads_an_article_from_standard_input(tmp_path, monkeypatch, capsys):
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(OTHER.encode("utf-8"))))
    code, out, _ = run(capsys, "-", tmp_path / "b.txt", "--format", "line")
    assert code == 1
    assert out.splitlines()[0].startswith("-:1:32: conflict quantity:ships/nato/in-baltic-sea: 170 here, 140 at ")


def test_help_names_the_index_command(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert "check index ARCHIVE" in out and "130 interrupted" in out
    assert "<!-- check: ignore Q001 reason -->" in out


def test_verbose_names_the_config_and_keeps_libraries_quiet(tmp_path):
    (tmp_path / "checker.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    done = subprocess.run([*CHECK, "-v", "a.txt"], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert f"check: config: {tmp_path / 'checker.toml'}" in lines
    assert any(line.startswith("check: seconds per stage") for line in lines)
    assert not any("timezone" in line or "localtime" in line for line in lines), done.stderr


def test_a_closed_pipe_ends_the_run_quietly():
    shell = f"{' '.join(CHECK)} --schema | head -n 1; {' '.join(CHECK)} {SEEDS} --format json | head -c 10"
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.startswith("{\n{"), done.stdout
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr


def test_ctrl_c_is_one_line_and_exit_130(monkeypatch, capsys, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run_check", interrupted)
    code, out, err = run(capsys, tmp_path / "a.txt")
    assert code == 130 and err.strip() == "check: interrupted" and out == ""


def test_ctrl_c_in_a_real_process_prints_no_traceback(tmp_path):
    import signal
    import time
    for i in range(2000):  # some 20 s of work, each article its own: the signal comes in the middle of it
        (tmp_path / f"a{i}.txt").write_text(GOOD * 5 + f"Er waren {i + 3} journalisten.\n", encoding="utf-8")
    # --no-cache: read from the claim cache, 2,000 copies of one article can be done in 3 s
    proc = subprocess.Popen([*CHECK, str(tmp_path), "--no-cache"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert "Traceback" not in err, err
    assert proc.returncode == 130 and err.strip().endswith("check: interrupted")


def test_the_command_and_its_formats_keep_to_the_house_sizes():
    """No function over 60 lines, no module over 500, in the command, its formats and helpers:
    `cli.main` parses, runs, renders and exits in a screen of code."""
    import ast

    engine = Path(cli.__file__).parent
    files = [engine / n for n in ("cli.py", "config.py", "output.py", "progress.py", "suppress.py")]
    files += sorted((engine / "formatters").glob("*.py"))
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 500, file
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno - node.lineno < 60, f"{file.name}: {node.name}"
    main_lines = [n for n in ast.walk(ast.parse((engine / "cli.py").read_text(encoding="utf-8")))
                  if isinstance(n, ast.FunctionDef) and n.name == "main"][0]
    assert main_lines.end_lineno - main_lines.lineno < 25
