"""The robustness battery: one case per fault class, each run as a newsroom runs the check
(`check articles/ -o report.json`, an earlier report in place). Every case asserts the exit code
(2 for an error, 1 means findings), the message naming the file or setting, that the good
article beside the bad one is still reported, that no input changed and that the report file
is the old one or the complete new one, with no temporary file left beside it.

`python tests/test_battery.py` prints the table of fault classes with exit code, message and time.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest

from checker import cli

GOOD = " date 2022-03 De NAVO heeft 140 schepen in de Oostzee.\n"
OLD_REPORT = "an earlier report\n"
HANGING_RULE = '''
from checker.registry import Rule


class HangingRule(Rule):
    code, name, description, kinds = "X800", "hanging", "Never ends on an article that says so.", ("x",)

    def extract(self, doc):
        while "HANG" in doc.text:
            pass
        return []
'''
EXITING_RULE = HANGING_RULE.replace("while \"HANG\" in doc.text:\n            pass", "import sys\n        sys.exit(1)")


@dataclass(frozen=True)
class Fault:
    """A fault class: how to make it in a run's folder, and what the run must say."""
    name: str
    make: Callable[[Path], list[str]]  # builds the fault below the folder, gives extra arguments
    code: int
    message: str  # on standard error, on a line naming `names`
    names: str  # the file or setting the message names
    reported: bool = True  # whether a report (with the good article) is written
    failing: str | None = None  # a function that fails with ENOSPC during the run, as on a full disk


def bad(name: str, data: bytes) -> Callable[[Path], list[str]]:
    def make(root: Path) -> list[str]:
        (root / "articles" / name).write_bytes(data)
        return []
    return make


def config(text: str, name: str = "checker.toml", bom: bytes = b"") -> Callable[[Path], list[str]]:
    def make(root: Path) -> list[str]:
        (root / name).write_bytes(bom + text.encode())
        return []
    return make


def plugin(source: str, article: str) -> Callable[[Path], list[str]]:
    def make(root: Path) -> list[str]:
        (root / "plugins").mkdir()
        (root / "plugins" / "trouble.py").write_text(source, encoding="utf-8")
        (root / "articles" / "bad.txt").write_text(article, encoding="utf-8")
        return ["--rules-dir", "plugins", "--time-limit", "0.2"]
    return make


def fifo(root: Path) -> list[str]:
    os.mkfifo(root / "articles" / "pipe.txt")
    return []


def big(root: Path) -> list[str]:
    with (root / "articles" / "big.txt").open("wb") as f:
        f.truncate(5 * 1024 * 1024)
    return []


def damaged_index(root: Path) -> list[str]:
    (root / "index.sqlite").write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    return ["--against", "index.sqlite"]


def index_being_built(root: Path) -> list[str]:
    archive = root / "archive"
    archive.mkdir()
    (archive / "old.txt").write_text(GOOD.replace("140", "200"), encoding="utf-8")
    assert cli.main(["index", str(archive), "--db", str(root / "index.sqlite")]) == 0
    with sqlite3.connect(root / "index.sqlite") as db:  # as a running `check index` leaves it
        db.execute("INSERT INTO meta VALUES ('building', 'process 1')")
    db.close()
    return ["--against", "index.sqlite"]


def full_disk(root: Path) -> list[str]:
    return []


def no_space(*args) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def killed_writer(root: Path) -> list[str]:
    (root / "out" / ".report.json.999999999.x1y2z3.partial").write_text("half a rep", encoding="utf-8")
    return []


def baseline_unwritable(root: Path) -> list[str]:
    return ["--write-baseline", "nowhere/sub/baseline.json"] if (root / "nowhere").write_text("a file") else []


def onto_input(root: Path) -> list[str]:
    return ["-o", "articles/good.txt"]


FAULTS = [
    Fault("binary file", bad("bin.txt", bytes(range(256)) * 4), 2, "binary file (NUL bytes), skipped", "bin.txt"),
    Fault("UTF-16 text with a BOM", bad("utf16.txt", GOOD.replace("140", "200").encode("utf-16")), 1,
          "", "", True),
    Fault("UTF-16 BOM before bytes that are not UTF-16", bad("odd16.txt", b"\xff\xfe" + b"a\x00\x00\xd8"), 2,
          "not UTF-16 after its byte order mark", "odd16.txt"),
    Fault("text that is not UTF-8", bad("latin.txt", "Café: 140 schepen.".encode("cp1252")), 0,
          "read as cp1252", "latin.txt"),
    Fault("lone CR line ends", bad("mac.txt", b" date 2022-03 Titel\rDe NAVO heeft 200 schepen in de Oostzee.\r"), 1,
          "", ""),
    Fault("empty file", bad("empty.txt", b""), 0, "empty file, skipped", "empty.txt"),
    Fault("header date of year 0", bad("zero.txt", b" date 0000-01 De NAVO heeft 140 schepen in de Oostzee.\n"), 0,
          "header date 0000-01 is not a valid date", "zero.txt"),
    Fault("file name not UTF-8", bad("caf\udce9.txt", GOOD.encode()), 0, "", ""),
    Fault("file over the size limit", big, 2, "byte limit, skipped", "big.txt"),
    Fault("pipe named like an article", fifo, 2, "not a regular file", "pipe.txt"),
    Fault("config with a BOM", config('fail-on = "never"\n', bom=b"\xef\xbb\xbf"), 0, "", ""),
    Fault("config: bad rule option", config("[rules.Q001]\nspeed = 3\n"), 2, "options of rule Q001", "checker.toml",
          False),
    Fault("config: unknown vocabulary table", config('[vocabulary.nl.nonsense]\nx = ["y"]\n'), 2,
          "no such vocabulary table", "checker.toml", False),
    Fault("config: not TOML", config("paths = [\n"), 2, "not valid TOML", "checker.toml", False),
    Fault("config: nested 5,000 deep", config("paths = " + "[" * 5000 + "]" * 5000 + "\n"), 2, "nested too deep",
          "checker.toml", False),
    Fault("pyproject.toml: tool is no table", config('tool = "x"\n', "pyproject.toml"), 2, "should be a table",
          "pyproject.toml", False),
    Fault("rule that never ends", plugin(HANGING_RULE, GOOD + "HANG\n"), 2, "ran past the time limit of 0.2 s",
          "bad.txt"),
    Fault("rule that calls sys.exit", plugin(EXITING_RULE, GOOD), 2, "rule hanging called sys.exit(1)", "bad.txt"),
    Fault("damaged index", damaged_index, 2, "not a claim index", "index.sqlite", False),
    Fault("index still being built", index_being_built, 1, "check index is building this index", "index.sqlite"),
    Fault("full disk while writing the report", full_disk, 2, "No space left on device", "out/report.json", False,
          failing="checker.output.os.fsync"),
    Fault("temporary file of a killed run", killed_writer, 0, "", ""),
    Fault("baseline that cannot be written", baseline_unwritable, 2, "cannot write the baseline",
          "nowhere/sub/baseline.json"),
    Fault("report onto an input article", onto_input, 2, "would overwrite an input article", "articles/good.txt",
          False),
]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every input file's content hash and mode."""
    return {str(p): (hashlib.sha256(p.read_bytes()).digest() if p.is_file() and not p.is_fifo() else b"", p.stat().st_mode)
            for p in sorted(folder.rglob("*"))}


def run_fault(fault: Fault, root: Path) -> tuple[int, str, float]:
    """Run `check articles -o out/report.json` in ``root`` with the fault made; exit code, standard
    error and seconds."""
    (root / "articles").mkdir()
    (root / "articles" / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "out").mkdir()
    (root / "out" / "report.json").write_text(OLD_REPORT, encoding="utf-8")
    extra = fault.make(root)
    argv = ["articles", "-o", "out/report.json", *extra]
    if "-o" in extra:
        argv = ["articles", *extra]
    before = snapshot(root / "articles")
    cwd = os.getcwd()
    os.chdir(root)
    err = sys.stderr
    sys.stderr = captured = io.StringIO()
    t = time.perf_counter()
    try:
        with mock.patch(fault.failing, no_space) if fault.failing else contextlib.nullcontext():
            code = cli.main(argv)
    finally:
        seconds = time.perf_counter() - t
        sys.stderr = err
        os.chdir(cwd)
    assert snapshot(root / "articles") == before, "an input changed"
    return code, captured.getvalue(), seconds


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_fault(fault, tmp_path):
    code, err, seconds = run_fault(fault, tmp_path)
    assert code == fault.code, err
    assert "Traceback" not in err
    if fault.message:
        assert any(fault.message in line and fault.names in line for line in err.splitlines()), err
    else:
        assert " error: " not in err, err
    report_text = (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    if fault.reported:
        report = json.loads(report_text)  # complete: it parses
        assert "good" in {a["id"] for a in report["articles"]}
    else:
        assert report_text == OLD_REPORT
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.json"]  # no temporary file
    assert seconds < 60


def test_utf16_and_lone_cr_are_read_with_their_lines(tmp_path):
    code, _, _ = run_fault(FAULTS[1], tmp_path)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert {(c["article"], c["text"], c["line"]) for c in report["claims"]} >= {("utf16", "200", 1), ("good", "140", 1)}
    mac = tmp_path / "mac"
    mac.mkdir()
    code, _, _ = run_fault(FAULTS[4], mac)
    report = json.loads((mac / "out" / "report.json").read_text(encoding="utf-8"))
    claim, = [c for c in report["claims"] if c["article"] == "mac"]
    assert (claim["text"], claim["line"], claim["sentence"]) == ("200", 2, "De NAVO heeft 200 schepen in de Oostzee.")


def table() -> str:
    """The battery as a Markdown table: fault class, exit code, message, seconds."""
    import tempfile
    rows = ["| fault class | exit | message | seconds |", "| --- | --- | --- | --- |"]
    for fault in FAULTS:
        with tempfile.TemporaryDirectory() as folder:
            code, err, seconds = run_fault(fault, Path(folder))
        lines = [line for line in err.splitlines() if fault.message and fault.message in line]
        shown = lines[0].replace(folder, "") if lines else "(none: read and checked)"
        rows.append(f"| {fault.name} | {code} | `{shown[:110]}` | {seconds:.2f} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())


@pytest.mark.slow  # a fresh process loads the rules: some seconds
def test_a_kill_during_the_report_write_leaves_the_old_report_and_the_next_run_cleans_up(tmp_path):
    """A real SIGKILL while the report is being written (held at its fsync)."""
    import signal
    import subprocess
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "report.json"
    out.write_text(OLD_REPORT, encoding="utf-8")
    held = ("import os, sys, time; os.fsync = lambda fd: time.sleep(600); from checker import cli; "
            "sys.exit(cli.main(sys.argv[1:]))")
    writer = subprocess.Popen([sys.executable, "-c", held, "articles", "-o", str(out)], cwd=tmp_path,
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        while not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")] and time.time() < deadline:
            time.sleep(0.05)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    assert out.read_text(encoding="utf-8") == OLD_REPORT
    assert len([p for p in tmp_path.iterdir() if p.name.endswith(".partial")]) == 1
    assert cli.main([str(tmp_path / "articles"), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["articles"][0]["id"] == "good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "report.json"]
