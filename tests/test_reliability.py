"""One odd file, setting or failure never stops a run, never passes in silence and never loses
data: each case names the file or setting, exits 2 for an error (1 means findings), and the
good article beside the bad one is still checked."""
from __future__ import annotations

import errno
import json
import os
import signal
import sqlite3
from pathlib import Path

import pytest

from checker import cli, runner
from checker.index import ClaimIndex

GOOD = " date 2022-03 De NAVO heeft 140 schepen in de Oostzee.\n"


def write(path: Path, text: str = GOOD) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of `check ARGV`."""
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("header", [" date 0000-01 De NAVO heeft 200 schepen in de Oostzee.\n",
                                    "---\ndate: 0000-01-05\n---\nDe NAVO heeft 200 schepen in de Oostzee.\n"])
def test_a_date_of_year_zero_is_a_problem_of_its_file(tmp_path, capsys, header):
    bad = write(tmp_path / "archive" / "bad.txt", header)
    write(tmp_path / "archive" / "good.txt")
    code, out, err = run(capsys, tmp_path / "archive", "--format", "json", "--fail-on", "never")
    data = json.loads(out)
    assert code == 0 and {a["id"] for a in data["articles"]} == {"bad", "good"}
    assert [a["date"] for a in data["articles"] if a["id"] == "bad"] == [None]
    assert any(p["file"] == str(bad) and "0000-01" in p["message"] and "not a valid date" in p["message"]
               for p in data["problems"]), data["problems"]
    assert f"{bad}: " in err and "not a valid date" in err
    db = tmp_path / "i.sqlite"
    code, _, err = run(capsys, "index", tmp_path / "archive", "--db", db)
    assert code == 0 and "not a valid date" in err
    with ClaimIndex(db) as index:
        assert index.count()[0] == 2


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path, capsys):
    folder = tmp_path / "archive"
    write(folder / "good.txt")
    odd = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(odd, "wb") as f:
        f.write(b" date 2022-03 De NAVO heeft 200 schepen in de Oostzee.\n")
    code, out, _ = run(capsys, folder, "--format", "json")
    data = json.loads(out)
    assert code == 1 and sorted(Path(a["path"]).name for a in data["articles"]) == ["caf\\xe9.txt", "good.txt"]
    assert len(data["conflicts"]) == 1
    code, _, err = run(capsys, folder, "-o", tmp_path / "report.html")
    assert code == 1 and "caf\\xe9" in (tmp_path / "report.html").read_text(encoding="utf-8")
    for _ in range(2):  # the second run finds the stored name again
        code, _, err = run(capsys, "index", folder, "--db", tmp_path / "i.sqlite")
        assert code == 0 and "2 articles" in err
    assert "0 added, 0 changed, 2 unchanged" in err


def remove_tree(top: Path) -> None:
    """Remove a folder tree without recursion: shutil.rmtree recurses in Python 3.11, and pytest
    cleans old temporary folders with it."""
    folders, i = [top], 0
    while i < len(folders):
        for entry in os.scandir(folders[i]):
            if entry.is_dir(follow_symlinks=False):
                folders.append(Path(entry.path))
            else:
                os.unlink(entry.path)
        i += 1
    for folder in reversed(folders):
        folder.rmdir()


@pytest.fixture
def deep_tree(tmp_path):
    """A tree of folders 1,100 deep with an article at the bottom, removed afterwards."""
    deepest = tmp_path / "archive" / "d"
    deepest.mkdir(parents=True)
    for _ in range(1099):  # os.makedirs recurses: one mkdir a level
        deepest = deepest / "d"
        deepest.mkdir()
    write(deepest / "deep.txt")
    yield tmp_path / "archive"
    remove_tree(tmp_path / "archive" / "d")


def test_a_folder_tree_1100_deep_is_walked_without_recursion(deep_tree, capsys, monkeypatch):
    write(deep_tree / "top.txt")
    calls = []
    real = os.path.realpath
    monkeypatch.setattr(os.path, "realpath", lambda *a, **k: calls.append(a) or real(*a, **k))
    code, out, _ = run(capsys, deep_tree, "--format", "json")
    assert code == 0 and sorted(a["id"] for a in json.loads(out)["articles"]) == ["deep", "top"]
    assert len(calls) < 100  # not a real path of every folder and file: each costs a call per level


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("pyproject.toml", 'tool = "x"\n', "'tool' should be a table"),
    ("checker.toml", "paths = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deep"),
])
def test_a_config_that_cannot_be_read_is_named(tmp_path, capsys, monkeypatch, name, text, expected):
    write(tmp_path / name, text)
    write(tmp_path / "a.txt")
    monkeypatch.chdir(tmp_path)
    for argv in (["a.txt"], ["index", "a.txt", "--db", "i.sqlite"]):
        code, _, err = run(capsys, *argv)
        assert code == 2 and f"{name}: " in err and expected in err, err


def damage_key_column(db: Path) -> None:
    """Bytes that are not UTF-8 in the key column, as a damaged page gives them."""
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE claims SET key = CAST(x'ff' AS TEXT) || key")
        raw.execute("UPDATE key_counts SET key = CAST(x'ff' AS TEXT) || key")
    raw.close()


def damage_page(db: Path) -> None:
    """Overwrite the index's second page: sqlite finds the file malformed."""
    with db.open("r+b") as f:
        f.seek(4096)
        f.write(b"\xff" * 4096)


@pytest.mark.parametrize("damage", [damage_key_column, damage_page])
def test_a_damaged_index_is_an_error_naming_it(tmp_path, capsys, damage):
    db = tmp_path / "i.sqlite"
    assert run(capsys, "index", write(tmp_path / "archive" / "a.txt"), "--db", db)[0] == 0
    damage(db)
    draft = write(tmp_path / "draft.txt", GOOD.replace("140", "200"))
    runs = [[draft, "--against", db]]
    if damage is damage_page:  # check index reads no key of an unchanged article
        runs.append(["index", tmp_path / "archive", "--db", db])
    for argv in runs:
        code, _, err = run(capsys, *argv)
        assert code == 2 and f"{db}: cannot " in err and "Traceback" not in err, err


@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"),
                                     sqlite3.OperationalError("database or disk is full")])
def test_an_index_that_cannot_be_written_is_an_error_naming_it(tmp_path, capsys, monkeypatch, failure):
    def full(*args):
        raise failure

    monkeypatch.setattr(ClaimIndex, "_write", full)
    db = tmp_path / "i.sqlite"
    code, _, err = run(capsys, "index", write(tmp_path / "archive" / "a.txt"), "--db", db)
    assert code == 2 and f"{db}: cannot update the claim index: {failure}" in err


def test_a_killed_worker_is_an_error_naming_jobs(tmp_path, capsys, monkeypatch):
    parent, real = os.getpid(), runner.extract_document

    def killed_in_a_worker(doc, rules, schema, *rest):
        if os.getpid() != parent:  # the workers are forked with this module as patched here
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc, rules, schema, *rest)

    monkeypatch.setattr(runner, "extract_document", killed_in_a_worker)
    write(tmp_path / "a.txt")
    write(tmp_path / "b.txt", GOOD.replace("140", "200"))
    code, out, err = run(capsys, tmp_path, "--jobs", "2")
    assert code == 2 and "--jobs 2: " in err and "Traceback" not in err and not out


def test_whatever_escapes_a_run_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("something unforeseen")

    monkeypatch.setattr(cli, "run_check", broken)
    code, _, err = run(capsys, write(tmp_path / "a.txt"))
    assert code == 2 and "RuntimeError: something unforeseen" in err


def test_folders_without_articles_pipes_and_devices_are_named(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    write(tmp_path / "notes" / "readme.rst", "no article")
    os.mkfifo(tmp_path / "pipe")
    good = write(tmp_path / "a.txt")
    code, out, err = run(capsys, tmp_path / "empty", tmp_path / "notes", tmp_path / "pipe", "/dev/null", good,
                         "--format", "json")
    found = {(Path(p["file"]).name, p["message"]) for p in json.loads(out)["problems"]}
    assert {("empty", "no article files (*.txt, *.md) in this folder"),
            ("notes", "no article files (*.txt, *.md) in this folder")} <= found
    assert {name for name, message in found if message.startswith("not a regular file")} == {"pipe", "null"}
    assert code == 2 and f"{tmp_path / 'empty'}: no article files" in err
    assert [a["id"] for a in json.loads(out)["articles"]] == ["a"]


def test_folders_that_cannot_be_read_are_named(tmp_path, capsys, monkeypatch):
    locked = [tmp_path / "locked", tmp_path / "archive" / "sub"]
    for folder in locked:
        write(folder / "hidden.txt")
    write(tmp_path / "archive" / "a.txt")
    real = os.scandir

    def scandir(path="."):  # as without the read permission (which root does not need)
        if Path(path) in locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run(capsys, tmp_path / "locked", tmp_path / "archive", "--format", "json")
    problems = {(p["file"], p["message"]) for p in json.loads(out)["problems"]}
    assert problems == {(str(folder), "cannot read folder: Permission denied") for folder in locked}
    assert code == 2 and [a["id"] for a in json.loads(out)["articles"]] == ["a"]


@pytest.mark.parametrize("layout", [{}, {"notes/readme.rst": "no article"}, {"empty.txt": ""}])
def test_a_run_that_read_no_article_says_so(tmp_path, capsys, layout):
    (tmp_path / "archive").mkdir()
    for name, text in layout.items():
        write(tmp_path / "archive" / name, text)
    code, out, err = run(capsys, tmp_path / "archive", "--format", "json")
    assert code == 2 and "check: error: no article was read: nothing was checked" in err
    assert {"severity": "error", "file": None, "rule": None,
            "message": "no article was read: nothing was checked"} in json.loads(out)["problems"]


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("notes.csv", "a,b\n1,2\n", "neither a claim index"),
    ("archive.sqlite", "", "neither a claim index"),
    ("folder", None, "no article files"),
])
def test_an_archive_that_holds_no_article_is_an_error(tmp_path, capsys, name, content, expected):
    archive = tmp_path / name
    if content is None:
        archive.mkdir()
    else:
        write(archive, content)
    code, out, err = run(capsys, write(tmp_path / "draft.txt"), "--against", archive, "--format", "json")
    assert code == 2 and f"{archive}: {expected}" in err
    assert f"{archive}: the archive holds no article" in err
    assert [a["id"] for a in json.loads(out)["articles"]] == ["draft"]


@pytest.mark.parametrize(("setting", "expected"), [
    ('language = "fr"', "language: Input should be 'nl' or 'en'"),
    ('strict = "yes"', "strict: Input should be a valid boolean"),
    ("select = [1]", "select.0: Input should be a valid string"),
])
def test_a_setting_of_the_wrong_type_is_an_error_naming_it(tmp_path, capsys, monkeypatch, setting, expected):
    write(tmp_path / "checker.toml", setting + "\n")
    write(tmp_path / "a.txt")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "a.txt")
    assert code == 2 and f"checker.toml: {expected}" in err, err


def test_an_article_in_a_language_no_rule_reads_is_named(tmp_path, capsys):
    french = write(tmp_path / "fr.md", "---\nlanguage: fr\ndate: 2022-03\n---\nL'OTAN a 200 navires.\n")
    code, out, err = run(capsys, french, write(tmp_path / "a.txt"), "--format", "json")
    assert code == 0 and f"{french}: language 'fr': no selected rule reads it" in err
    assert len(json.loads(out)["articles"]) == 2


@pytest.fixture
def indexed(tmp_path, capsys):
    """An index of an archive of four articles, two of them in a subfolder."""
    archive = tmp_path / "archive"
    for name, n in (("a.txt", 10), ("b.txt", 20), ("sub/c.txt", 30), ("sub/d.txt", 40)):
        write(archive / name, GOOD.replace("140", str(n)))
    db = tmp_path / "i.sqlite"
    assert run(capsys, "index", archive, "--db", db)[0] == 0
    return archive, db


def held(db: Path) -> int:
    with ClaimIndex(db) as index:
        return index.count()[0]


def test_a_mistyped_archive_path_removes_nothing(indexed, capsys):
    archive, db = indexed
    code, _, err = run(capsys, "index", archive.with_name("archiv"), "--db", db)
    assert code == 2 and "archiv: no such file or folder" in err and held(db) == 4
    assert "check index: error: no article was read: nothing was indexed" in err


def test_indexing_one_file_keeps_the_others(indexed, capsys):
    archive, db = indexed
    code, _, err = run(capsys, "index", archive / "a.txt", "--db", db)
    assert code == 0 and "0 removed" in err and held(db) == 4


def test_a_folder_that_cannot_be_read_keeps_its_articles(indexed, capsys, monkeypatch):
    archive, db = indexed
    real = os.scandir

    def scandir(path="."):
        if Path(path) == archive / "sub":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, _, err = run(capsys, "index", archive, "--db", db)
    assert code == 2 and "sub: cannot read folder" in err and held(db) == 4


def test_removing_most_of_the_index_needs_prune(indexed, capsys):
    archive, db = indexed
    for name in ("a.txt", "sub/c.txt", "sub/d.txt"):  # an archive folder emptied, or a mount point
        (archive / name).unlink()
    code, _, err = run(capsys, "index", archive, "--db", db)
    assert code == 2 and held(db) == 4
    assert f"{db}: 3 of its 4 articles were not found again; none removed" in err and "--prune" in err
    code, _, err = run(capsys, "index", archive, "--db", db, "--prune")
    assert code == 0 and "3 removed" in err and held(db) == 1


@pytest.mark.parametrize("target", ["archive/a.txt", "archive/new.md", "{tmp}/draft.md"])
def test_a_report_never_overwrites_or_joins_the_input(tmp_path, capsys, monkeypatch, target):
    monkeypatch.chdir(tmp_path)
    target = target.format(tmp=tmp_path)  # a bare name goes to reports/
    write(tmp_path / "archive" / "a.txt")
    write(tmp_path / "draft.md", GOOD.replace("140", "200"))
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    code, out, err = run(capsys, "draft.md", "--against", "archive", "-o", target, "--format", "markdown")
    assert code == 2 and f"-o {target}: " in err and not out
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("old_mode", [0o644, 0o664, None])
def test_a_report_keeps_the_mode_of_the_file_it_replaces(tmp_path, capsys, old_mode):
    out = tmp_path / "report.json"
    if old_mode is not None:
        out.write_text("old\n", encoding="utf-8")
        out.chmod(old_mode)
    umask = os.umask(0o022)
    try:
        assert run(capsys, write(tmp_path / "a.txt"), "-o", out)[0] == 0
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == (old_mode or 0o644)


def test_a_report_that_cannot_be_written_names_its_path(tmp_path, capsys, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "report.json"
    code, _, err = run(capsys, write(tmp_path / "a.txt"), "-o", out)
    assert code == 2 and f"{out}: cannot write the report: No space left on device" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_a_foreign_database_is_refused_unchanged(tmp_path, capsys):
    db = tmp_path / "other.sqlite"
    with sqlite3.connect(db) as raw:
        raw.execute("CREATE TABLE t (x)")
    raw.close()
    before = db.read_bytes()
    for argv in ([write(tmp_path / "a.txt"), "--against", db], ["index", tmp_path / "a.txt", "--db", db]):
        code, _, err = run(capsys, *argv)
        assert code == 2 and f"{db}: not a claim index" in err
    assert db.read_bytes() == before  # not switched to WAL mode
