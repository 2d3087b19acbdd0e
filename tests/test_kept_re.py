"""Kept stdlib re patterns: built from what an earlier run kept, equal to what re compiles, and
every way the kept file can fail leaves re compiling as usual."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from checker.kept_re import KeptRe

PATTERNS = [(r"(?P<n>\d+(?:[.,]\d{3})*)\s+(?:mensen|people)\b", 0), (r"^\s*date\s+(\d{4})-(\d\d)", re.M.value),
            (rb"[\x00-\x1f]+", 0), (r"(?i)straße|STRASSE", 0), (r"\bé\w+", re.I.value)]


@pytest.fixture
def kept_re():
    """A KeptRe installed for the test, and re as it was after it."""
    original = re._compiler.compile
    made = []

    def make(path):
        kept = KeptRe(path)
        made.append(kept)
        return kept
    yield make
    re._compiler.compile = original
    re.purge()


def compiled(kept: KeptRe) -> list:
    return [kept.compile(p, f) for p, f in PATTERNS]


def test_kept_patterns_are_the_patterns_re_compiles(tmp_path, kept_re):
    first = kept_re(tmp_path / "re.marshal")
    first.install()
    assert re._compiler.compile == first.compile
    made = compiled(first)
    assert first.new == len(PATTERNS) and first.keep() == len(PATTERNS)
    second = kept_re(tmp_path / "re.marshal")
    second.original = None
    re._compiler.compile = first.original
    assert second.install() >= len(PATTERNS)
    again = compiled(second)
    assert second.new == 0, "built from the kept arguments, none compiled again"
    for (pattern, flags), one, other in zip(PATTERNS, made, again):
        assert one == other == first.original(pattern, flags)
        assert one.groupindex == other.groupindex and one.groups == other.groups
    assert again[0].match("12.000 mensen").group("n") == "12.000"
    assert again[3].search("de strasse") and again[4].search("Ébola")


@pytest.mark.parametrize("damage", ["missing", "truncated", "flipped", "other-python", "garbage"])
def test_a_kept_file_that_cannot_be_used_leaves_re_compiling(tmp_path, kept_re, damage):
    path = tmp_path / "re.marshal"
    writer = kept_re(path)
    writer.install()
    compiled(writer)
    writer.keep()
    re._compiler.compile = writer.original
    data = path.read_bytes()
    if damage == "missing":
        path.unlink()
    elif damage == "truncated":
        path.write_bytes(data[:len(data) // 2])
    elif damage == "flipped":
        path.write_bytes(data[:-5] + bytes([data[-5] ^ 1]) + data[-4:])
    elif damage == "other-python":
        import hashlib
        import marshal

        from checker.kept_re import MAGIC

        body = marshal.dumps(("2.7.18", {}))
        path.write_bytes(MAGIC + hashlib.sha1(body).digest() + body)
    else:
        path.write_bytes(b"\x00" * 100)
    reader = kept_re(path)
    assert reader.install() == 0
    assert [p == reader.original(*pf) for p, pf in zip(compiled(reader), PATTERNS)] == [True] * len(PATTERNS)
    assert reader.new == len(PATTERNS)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_folder_that_cannot_be_written_keeps_nothing(tmp_path, kept_re):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    kept = kept_re(folder / "re.marshal")
    kept.install()
    compiled(kept)
    assert kept.keep() == 0 and not (folder / "re.marshal").exists()


def test_a_file_in_the_way_of_the_folder_keeps_nothing(tmp_path, kept_re):
    (tmp_path / "file").write_text("not a folder")
    kept = kept_re(tmp_path / "file" / "re.marshal")
    kept.install()
    assert compiled(kept)[0].match("3 people")
    assert kept.keep() == 0


def test_the_command_keeps_its_patterns_and_a_library_import_leaves_re_alone(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    article = tmp_path / "a.txt"
    article.write_text("De minister zei dat 120 mensen zijn geëvacueerd.\n", encoding="utf-8")
    for _ in range(2):
        subprocess.run([sys.executable, "-m", "checker", str(article), "--no-cache"], env=env, capture_output=True,
                       timeout=120, check=False)
    kept = list((tmp_path / "cache" / "newscheck").glob("re-*.marshal"))
    assert len(kept) == 1 and KeptRe(kept[0]).read()
    library = subprocess.run([sys.executable, "-c", "import re; import checker.cli; "
                              "print(re._compiler.compile.__module__)"], env=env, capture_output=True, text=True,
                             timeout=120, check=True)
    assert library.stdout.strip() == "re._compiler"
