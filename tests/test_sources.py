"""The digest of the engine's and the rules' source files in the claim cache's signature: the
plain hash of every file, kept while no file changed and hashed again when one did."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from checker import sources
from checker.sources import sources_digest

from conftest import ROOT


def plain_digest(folders) -> str:
    """Every *.py and *.toml file read and hashed, as the signature always did."""
    h = hashlib.sha256()
    for folder in sorted(folders):
        for path in sorted(p for p in folder.rglob("*") if p.suffix in (".py", ".toml") and p.is_file()):
            h.update(str(path.relative_to(folder)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@pytest.fixture
def user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "newscheck"


@pytest.fixture
def hashing(monkeypatch):
    """The times the files are read and hashed."""
    calls = []
    real = sources.hashed
    monkeypatch.setattr(sources, "hashed", lambda *a: calls.append(1) or real(*a))
    return calls


@pytest.fixture
def tree(tmp_path):
    """A package with the names and links that decide what is hashed and in which order."""
    top = tmp_path / "pkg"
    for name in ("a", "a-b", "a/deep", ".hidden"):
        (top / name).mkdir(parents=True)
    for name, text in {"x.py": "x = 1\n", "a/y.py": "y = 2\n", "a-b/z.toml": "z = 3\n", "a/deep/w.py": "",
                       ".hidden/h.py": "h\n", "notes.txt": "not a source\n", ".py": "no suffix\n"}.items():
        (top / name).write_text(text, encoding="utf-8")
    (top / "linked.py").symlink_to(top / "x.py")
    (top / "gone.py").symlink_to(top / "nowhere.py")
    (top / "loop").symlink_to(top, target_is_directory=True)
    return top


def test_the_digest_is_the_plain_hash_of_the_files(tree):
    engine = [ROOT / "checker", ROOT / "rules", ROOT / "rules" / "quantities"]
    assert sources_digest(engine) == plain_digest(engine)
    assert sources_digest([tree, tree / "a"]) == plain_digest([tree, tree / "a"])


def test_kept_while_nothing_changed(tree, user_cache, hashing, monkeypatch):
    monkeypatch.setattr(sources, "SETTLED_NS", 0)  # the files of a test were all made just now
    first = sources_digest([tree])
    assert sources_digest([tree]) == first and len(hashing) == 1, "read from the kept record"
    assert list(user_cache.glob("sources-*.kept"))


@pytest.mark.parametrize("change", ["edit", "same size and time", "add", "remove"])
def test_any_change_of_a_file_is_hashed_again(tree, user_cache, hashing, monkeypatch, change):
    monkeypatch.setattr(sources, "SETTLED_NS", 0)
    first = sources_digest([tree])
    target = tree / "a" / "y.py"
    info = target.stat()
    if change == "edit":
        target.write_text("y = 22\n", encoding="utf-8")
    elif change == "same size and time":  # a restore that keeps the old time: its change time moves
        target.write_text("y = 3\n", encoding="utf-8")
        os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    elif change == "add":
        (tree / "a" / "new.py").write_text("", encoding="utf-8")
    else:
        target.unlink()
    again = sources_digest([tree])
    assert again != first and again == plain_digest([tree]) and len(hashing) == 2


def test_files_changed_just_now_are_not_kept(tree, user_cache, hashing):
    sources_digest([tree])
    sources_digest([tree])
    assert len(hashing) == 2 and not list(user_cache.glob("sources-*.kept"))


def test_a_damaged_record_is_hashed_again(tree, user_cache, hashing, monkeypatch):
    monkeypatch.setattr(sources, "SETTLED_NS", 0)
    first = sources_digest([tree])
    (kept,) = user_cache.glob("sources-*.kept")
    kept.write_bytes(kept.read_bytes()[:-3] + b"xyz")
    assert sources_digest([tree]) == first and len(hashing) == 2
