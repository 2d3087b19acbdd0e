"""Strange input never crashes, hangs or loses a report: a clear message or a normal report.

The time limits below guard against hangs (catastrophic backtracking, quadratic loops); they
are far above the normal running time and measure nothing. Speed is measured in benchmarks/.
"""
from __future__ import annotations

import codecs
import gc
import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import cli
from checker.articles import MAX_BYTES, MAX_SENTENCE, UNICODE_BOMS, decode_text, discover, load
from checker.conflicts import find_conflicts
from checker.pipeline import RunOptions, run_check
from checker.registry import RegistryError, default_registry
from checker.report import to_json
from checker.runner import extract_document

from conftest import make_doc

HANG = 60  # seconds: no case may come near this

RULES = [rule() for rule in default_registry() if rule.__module__.startswith("checker.rules.")]
SCHEMA = default_registry().schema()


def check(*paths) -> tuple:
    """The report of a run, its JSON, and how long it took."""
    t = time.perf_counter()
    report = run_check(RunOptions(paths=[str(p) for p in paths], time_limit=HANG))  # not the default limit: a loaded machine
    text = to_json(report)
    return report, json.loads(text), time.perf_counter() - t


def messages(report) -> list[str]:
    return [f"{Path(p.file).name}: {p.message}" for p in report.problems if p.file]


def test_nul_bytes_after_the_start_are_read_as_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(" date 2022-03 De NAVO heeft 140 schepen.".encode() + b" " * 9000 + b"\x00\x00 Rusland heeft 30 tanks.")
    report, data, _ = check(f)
    assert [c["text"] for c in data["claims"]] == ["140", "30"]


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("binary.txt", bytes(range(256)) * 10, "binary file"),
    ("empty.txt", b"", "empty file"),
    ("header.txt", b" date 2022-03\n", "header only"),
    ("blank.txt", b"  \n\n\t\n", "empty file"),
    ("latin.txt", "De NAVO heeft 140 schepen, café.".encode("cp1252"), "read as cp1252"),
])
def test_bad_files_give_a_message_naming_the_file(tmp_path, name, content, expected):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(" date 2022-03 De NAVO heeft 140 schepen.", encoding="utf-8")
    report, data, _ = check(tmp_path)
    assert any(m.startswith(f"{name}: ") and expected in m for m in messages(report)), messages(report)
    assert "good" in {a["id"] for a in data["articles"]}


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_bom_and_crlf_keep_the_offsets(tmp_path, newline, bom):
    text = newline.join([" date 2022-03 Titel", "De NAVO heeft 140 schepen.", "Rusland heeft 30 tanks."])
    f = tmp_path / "a.txt"
    f.write_bytes(bom + text.encode())
    _, data, _ = check(f)
    decoded = f.read_bytes().decode("utf-8-sig")
    assert [decoded[c["start"]:c["end"]] for c in data["claims"]] == ["140", "30"]


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=24) | st.text(max_size=8).map(str.encode), bom=st.booleans())
def test_utf8_is_decoded_as_the_codec_utf8_sig_decodes_it(data, bom):
    data = (codecs.BOM_UTF8 if bom else b"") + data.replace(b"\x00", b"")
    if any(data.startswith(mark) for mark, _ in UNICODE_BOMS):
        return
    text, encoding, problem = decode_text(data, "a.txt")
    try:
        assert (text, encoding, problem) == (data.decode("utf-8-sig"), "utf-8", None)
    except UnicodeDecodeError as e:
        assert encoding in ("cp1252", "") and f"({e.reason} at byte {e.start})" in problem.message


def test_files_over_the_size_limit_are_skipped_unread(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB that take no disk
    line = tmp_path / "line.txt"
    line.write_bytes(b"1" * (10 * 1024 * 1024))
    report, _, seconds = check(tmp_path)
    assert {m.split(":")[0] for m in messages(report) if f"{MAX_BYTES} byte limit" in m} == {"big.txt", "line.txt"}
    assert seconds < HANG


def test_a_long_line_is_read_in_bounded_sentences(tmp_path):
    f = tmp_path / "line.txt"
    f.write_text(" date 2022-03 " + "de NAVO heeft 140 schepen en Rusland heeft 30 tanks " * 2000, encoding="utf-8")
    report, _, seconds = check(f)
    assert len(report.claims) == 4000
    assert max(len(c.sentence) for c in report.claims) <= MAX_SENTENCE
    assert seconds < HANG


@pytest.mark.slow
def test_a_hundred_thousand_tiny_files(tmp_path):
    for i in range(100_000):
        (tmp_path / f"{i:06d}.txt").write_bytes(b"x")
    report, _, seconds = check(tmp_path)
    assert len(report.articles) == 100_000 and not report.problems
    assert seconds < HANG


def test_nested_and_looping_symlinks_are_walked_once(tmp_path):
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    (inner / "x.txt").write_text(" date 2022-03 De NAVO heeft 140 schepen.", encoding="utf-8")
    (inner / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "again").symlink_to(inner, target_is_directory=True)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    report, data, _ = check(tmp_path)
    assert [Path(a["path"]).name for a in data["articles"]] == ["x.txt"]
    assert any(m.startswith("dangling.txt: cannot read") for m in messages(report))


def test_a_file_under_several_paths_is_read_once(tmp_path):
    """A file named twice, by a symlink and by a hard link is one article; a pipe or a dangling
    link named twice is one problem (the loader knows them by the stat it reads them with)."""
    article = tmp_path / "a.txt"
    article.write_text(" date 2022-03 De NAVO heeft 140 schepen.", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(article)
    os.link(article, tmp_path / "hard.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    paths = [str(article), str(tmp_path), str(tmp_path / "link.txt"), str(tmp_path / "pipe.txt")]
    loaded = load(paths)
    assert [d.article.path for d in loaded.documents] == [str(article)]
    assert sorted((Path(p.file).name, p.message.split(":")[0].split(" (")[0]) for p in loaded.problems) == \
        [("dangling.txt", "cannot read"), ("pipe.txt", "not a regular file")]
    assert discover(paths)[0] == [article, tmp_path / "dangling.txt", tmp_path / "pipe.txt"]


def test_unreadable_files_and_pipes_are_named(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    locked = tmp_path / "locked.txt"
    locked.write_text("De NAVO heeft 140 schepen.", encoding="utf-8")
    locked.chmod(0)
    try:
        report, _, _ = check(tmp_path)
    finally:
        locked.chmod(0o644)
    found = messages(report)
    assert any(m.startswith("pipe.txt: not a regular file") for m in found)
    if os.geteuid() != 0:  # root reads any file
        assert any(m.startswith("locked.txt: cannot read") for m in found)


PATHOLOGICAL = {
    "dotted digits": "1.1." * 50_000,
    "runs of digits": "1" * 200_000 + " " + "123.456," * 20_000,
    "number words": "duizend " * 2_000 + "twee honderd duizend en " * 1_000,
    "English number words": "one hundred and " * 2_000,
    "months and days": "dinsdag 6 april " * 5_000 + "april " * 5_000,
    "bounds": "meer dan " * 20_000 + "5",
    "hyphens and ranges": "-" * 100_000 + " " + "6-7-8-9-" * 20_000,
    "vague plurals": "tienduizenden " * 2_000,  # each a claim of its own
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_strings_end_in_bounded_time(tmp_path, name):
    f = tmp_path / "p.txt"
    f.write_text(" date 2022-03 " + PATHOLOGICAL[name], encoding="utf-8")
    report, _, seconds = check(f)
    assert not [p for p in report.problems if p.rule]  # no rule crashed
    assert seconds < HANG


def test_a_failed_write_keeps_the_old_report(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text(" date 2022-03 De NAVO heeft 140 schepen.", encoding="utf-8")
    out = tmp_path / "report.json"
    out.write_text("old report\n", encoding="utf-8")

    def broken(report):
        raise OSError("disk full")

    monkeypatch.setattr("checker.formatters.tables.to_json", broken)
    monkeypatch.setattr("checker.formatters.tables.to_json_bytes", broken)
    code = cli.main([str(tmp_path / "a.txt"), "--format", "json", "--output", str(out)])
    assert code == 2 and out.read_text(encoding="utf-8") == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "report.json"]  # no temporary file left
    assert "disk full" in capsys.readouterr().err


TOKENS = ["De", "NAVO", "Rusland", "heeft", "meer dan", "bijna", "zo'n", "140", "100.000", "1,5", "miljoen",
          "duizenden", "veertigduizend", "militairen", "schepen", "in", "Wit-Rusland", "aan de grens", "op",
          "6-7 april", "dinsdag", "2022", "van", "tot", "en", ",", ".", "\n", "(", ")", "‘", "€", "%", "keer"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=60), min_size=2, max_size=3))
def test_random_text_through_the_whole_pipeline(articles):
    docs = [make_doc(" ".join(words), name=f"r{i}.txt") for i, words in enumerate(articles)]
    claims = []
    for doc in docs:
        result = extract_document(doc, RULES, SCHEMA)
        assert not result.problems, result.problems
        for c in result.claims:
            assert doc.text[c.start:c.end] == c.text
        claims += result.claims
    find_conflicts(claims, {d.article.id: d.article for d in docs}, SCHEMA)


def test_a_span_looked_up_past_the_end_of_the_text():
    """A year at the end of a short text is looked at with its next 40 characters."""
    from checker.rules.toolkit.lexicon import Language, vocabulary
    assert vocabulary(Language("nl")).concepts.find("2022 duizenden", 4, 60) == []


def test_a_check_leaves_the_cycle_collector_as_it_found_it(tmp_path):
    """The collector is paused during a check, and on again after it, also after a failed one."""
    (tmp_path / "a.txt").write_text(" date 2022-03\nDe NAVO heeft 140 schepen in de regio.", encoding="utf-8")
    assert gc.isenabled()
    run_check(RunOptions(paths=[str(tmp_path)]))
    assert gc.isenabled()
    with pytest.raises(RegistryError):
        run_check(RunOptions(paths=[str(tmp_path)], select=["no-such-rule"]))
    assert gc.isenabled()
    gc.disable()
    try:
        run_check(RunOptions(paths=[str(tmp_path)]))
        assert not gc.isenabled()  # a caller's choice stands
    finally:
        gc.enable()
