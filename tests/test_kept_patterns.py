"""Compiled patterns kept between runs: every pattern a check compiles, built from the kept data,
matches as the freshly compiled one does; whatever goes wrong, patterns are compiled as usual."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import regex

from checker import kept_patterns
from checker.kept_patterns import Kept

from conftest import SEEDS


def check(args: list[str], cache_home) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    # no time limit: a first check fills a new user cache (lemma tables, gazetteer) on a busy machine
    return subprocess.run([sys.executable, "-m", "checker", *args, "--no-cache", "--time-limit", "0", "--format", "json"],
                          env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def kept_by_a_check(tmp_path_factory):
    """The user cache of a check of seeds/ (its patterns kept), and its report."""
    home = tmp_path_factory.mktemp("home")
    out = check([str(SEEDS)], home)
    assert out.returncode == 1, out.stderr
    return home, json.loads(out.stdout)


@pytest.fixture
def own_regex_cache(monkeypatch):
    """regex's cache emptied for the test (patterns other tests compiled are not in it), and put
    back after it."""
    main = regex._main
    for name in ("_cache", "_named_args", "_locale_sensitive"):
        monkeypatch.setattr(main, name, {})
    return main


def kept_file(home):
    files = list((home / "newscheck").glob("patterns-*.marshal"))
    assert len(files) == 1
    return files[0]


def matches(pattern: regex.Pattern, text: str, ends: list[int]) -> list:
    """All that a rule may read of a pattern on a text: every match, and the first match before
    each of some positions (patterns that end where the searched span ends)."""
    found = [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]
    for end in ends:
        m = pattern.search(text, 0, end)
        found.append(m and (m.span(), m.groups()))
        m = pattern.match(text, end)
        found.append(m and (m.span(), m.groups()))
    return found


def test_every_kept_pattern_matches_as_the_freshly_compiled_one(kept_by_a_check):
    home, _ = kept_by_a_check
    kept = Kept(kept_file(home))
    main, version, build, _ = kept.layout()
    entries = kept.read(version)
    assert len(entries) > 100, "the rules' patterns are kept"
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    ends = [[i for i, c in enumerate(t) if c.isdigit() or c == " "][::11] for t in texts]
    for (pattern, flags), arguments in entries.items():
        built, fresh = build(*arguments), regex.compile(pattern, flags, cache_pattern=False)
        assert (built.pattern, built.flags, built.groups, built.groupindex) == \
            (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
        for text, at in zip(texts, ends):
            assert matches(built, text, at) == matches(fresh, text, at), pattern


def test_a_check_with_kept_patterns_reports_as_one_without(kept_by_a_check, tmp_path):
    home, report = kept_by_a_check
    before = kept_file(home).read_bytes()
    again = check([str(SEEDS)], home)
    assert json.loads(again.stdout) == report
    assert kept_file(home).read_bytes() == before, "nothing new to keep"
    unwritable = tmp_path / "file"
    unwritable.write_text("not a folder")
    assert json.loads(check([str(SEEDS)], unwritable).stdout) == report


def test_kept_patterns_are_built_when_compiled(kept_by_a_check, own_regex_cache):
    home, _ = kept_by_a_check
    kept = Kept(kept_file(home))
    count = kept.load()
    assert count == len(kept.entries) > 100
    (pattern, flags), _ = next(iter(kept.entries.items()))
    assert (pattern, flags) not in kept.cache.used
    compiled = regex.compile(pattern, flags)
    assert (pattern, flags) in kept.cache.used, "built from the kept data"
    assert compiled.pattern == pattern and regex.compile(pattern, flags) is compiled
    assert kept.keep() == 0, "nothing new"
    regex.compile(r"(?:a pattern no run compiled before)\d+")
    assert kept.keep() == 1
    assert (r"(?:a pattern no run compiled before)\d+", 0) in Kept(kept.path).read(regex.DEFAULT_VERSION)


def damage(path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def test_a_damaged_file_is_left_aside_and_written_again(kept_by_a_check, tmp_path, own_regex_cache):
    path = tmp_path / "patterns.marshal"
    path.write_bytes(kept_file(kept_by_a_check[0]).read_bytes())
    damage(path)
    kept = Kept(path)
    assert kept.load() == 0
    assert regex.compile(r"(\d+) (?:dead|doden)").match("12 doden").group(1) == "12"
    assert kept.keep() >= 1
    assert Kept(path).read(regex.DEFAULT_VERSION)
    path.write_bytes(b"short")
    assert Kept(path).load() == 0


def test_another_regex_version_keeps_a_file_of_its_own(kept_by_a_check, monkeypatch):
    home, _ = kept_by_a_check
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    assert kept_patterns.cache_file() == kept_file(home)
    monkeypatch.setattr(regex, "__version__", "1999.1.1")
    assert kept_patterns.cache_file() != kept_file(home)


def test_a_regex_that_caches_otherwise_is_left_as_it_is(kept_by_a_check, own_regex_cache, monkeypatch):
    monkeypatch.setattr(regex._main, "_named_args", None)
    kept = Kept(kept_file(kept_by_a_check[0]))
    assert kept.load() == 0 and kept.cache is None
    assert kept.keep() == 0
    assert regex._main._cache.__class__ is dict


def test_an_unwritable_cache_is_left_aside(tmp_path, own_regex_cache, monkeypatch):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    kept = Kept()
    assert kept.load() == 0
    regex.compile(r"(?:another pattern no run compiled before)\d+")
    assert kept.keep() == 0


def test_concurrent_checks_leave_one_whole_file(kept_by_a_check):
    home, _ = kept_by_a_check
    kept_file(home).unlink()
    env = {**os.environ, "XDG_CACHE_HOME": str(home)}
    runs = [subprocess.Popen([sys.executable, "-m", "checker", str(SEEDS), "--no-cache", "--time-limit", "0",
                              "--format", "json"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(3)]
    reports = {run.communicate(timeout=300)[0] for run in runs}
    assert len(reports) == 1
    assert len(Kept(kept_file(home)).read(regex.DEFAULT_VERSION)) > 100
    assert not [p for p in (home / "newscheck").iterdir() if p.name.startswith(".patterns-")]
