"""The byte code of the dataclasses' methods, kept between runs: the same code as exec compiles
for each source, classes that behave as before; whatever goes wrong, sources are compiled."""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import types
import typing

import pytest

from checker import kept_code
from checker.kept_code import KeptCode

from conftest import SEEDS


@pytest.fixture(scope="module")
def kept_by_a_check(tmp_path_factory):
    """The user cache of a check of seeds/, with the code it compiled kept."""
    home = tmp_path_factory.mktemp("home")
    env = {**os.environ, "XDG_CACHE_HOME": str(home)}
    # no time limit: this check fills a new user cache (lemma tables, gazetteer) on a busy machine
    out = subprocess.run([sys.executable, "-m", "checker", str(SEEDS), "--no-cache", "--time-limit", "0",
                          "--format", "json"], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 1, out.stderr
    files = list((home / "newscheck").glob("code-*.marshal"))
    assert len(files) == 1
    return files[0]


@pytest.fixture
def own_dataclasses(monkeypatch):
    """A copy of the dataclasses module to hand kept code to (the real one is left as it is)."""
    copy = types.ModuleType("dataclasses")
    copy.__dict__.update({k: v for k, v in vars(dataclasses).items() if k not in ("exec", "compile")})
    for name, value in vars(dataclasses).items():
        if isinstance(value, types.FunctionType) and value.__module__ == "dataclasses":
            setattr(copy, name, types.FunctionType(value.__code__, copy.__dict__, name, value.__defaults__,
                                                   value.__closure__))
            getattr(copy, name).__kwdefaults__ = value.__kwdefaults__
    return copy


def test_the_kept_code_is_what_exec_and_compile_make(kept_by_a_check):
    code = KeptCode(kept_by_a_check).read()
    modes = {mode for mode, _, _ in code}
    assert modes == {"exec", "eval"}, "the dataclasses' methods and the annotations typing reads"
    assert len(code) > 200  # some 240: the models are structs, whose annotations pydantic no longer reads
    flags = {kept_code.module_flags(dataclasses), kept_code.module_flags(typing)}
    for (mode, future, source), compiled in code.items():
        assert future in flags
        assert compiled == compile(source, "<string>", mode, future, True), source


def test_the_kept_compile_compiles_as_the_built_in(tmp_path):
    kept = KeptCode(tmp_path / "code.marshal")
    kept_compile = kept.compile_with(kept_code.module_flags(typing))
    # as typing (no future features) compiles it; this module's own compile would pass on its annotations feature
    assert kept_compile("dict[str, int]", "<string>", "eval") == compile("dict[str, int]", "<string>", "eval", 0, True)
    assert kept_compile("dict[str, int]", "<string>", "eval") is kept_compile("dict[str, int]", "<string>", "eval")
    with pytest.raises(SyntaxError):
        kept_compile("1 +", "<string>", "eval")
    assert kept_compile("x = 1", "a.py", "exec") == compile("x = 1", "a.py", "exec", 0, True)
    assert kept.new == 1


def test_classes_built_with_kept_code_behave_as_before(kept_by_a_check, own_dataclasses):
    kept = KeptCode(kept_by_a_check)
    assert kept.install(own_dataclasses) > 200

    def point(make):
        @make(frozen=True, order=True)
        class Point:
            x: int
            y: int = 2
            tags: tuple = dataclasses.field(default=())
        return Point

    for Point in (point(own_dataclasses.dataclass), point(own_dataclasses.dataclass)):
        a, b = Point(1), Point(1, 3, ("t",))
        assert (repr(a), a == Point(1, 2), a < b, hash(a) == hash(Point(1)), b.tags) == \
            ("test_classes_built_with_kept_code_behave_as_before.<locals>.point.<locals>.Point(x=1, y=2, tags=())",
             True, True, True, ("t",))
        with pytest.raises(dataclasses.FrozenInstanceError):
            a.x = 5
    assert kept.used, "the methods were made through the kept code"
    new = kept.new  # the sources of Point's methods, written in this test's module
    assert kept.keep() == new
    assert len(KeptCode(kept_by_a_check).read()) == len(kept.code)


def test_a_damaged_file_is_left_aside_and_written_again(kept_by_a_check, tmp_path, own_dataclasses):
    path = tmp_path / "code.marshal"
    data = bytearray(kept_by_a_check.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    kept = KeptCode(path)
    assert kept.install(own_dataclasses) == 0

    @own_dataclasses.dataclass
    class Pair:
        a: int
        b: int

    assert Pair(1, 2) == Pair(1, 2) and kept.new > 0
    assert kept.keep() > 0
    assert len(KeptCode(path).read()) == len(kept.code)


def test_code_of_another_python_is_left_aside(kept_by_a_check, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(kept_by_a_check.parent.parent))
    assert kept_code.cache_file() == kept_by_a_check
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert kept_code.cache_file() != kept_by_a_check
    with pytest.raises(ValueError):
        KeptCode(kept_by_a_check).read()


def test_a_module_given_an_exec_by_another_hand_is_left_as_it_is(own_dataclasses, tmp_path):
    own_dataclasses.exec = exec
    kept = KeptCode(tmp_path / "code.marshal")
    assert kept.install(own_dataclasses) == 0 and own_dataclasses.exec is exec and not kept.modules
    assert kept.keep() == 0


def test_an_unwritable_cache_is_left_aside(tmp_path, monkeypatch, own_dataclasses):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    kept = KeptCode()
    kept.install(own_dataclasses)

    @own_dataclasses.dataclass
    class Pair:
        a: int

    assert Pair(1).a == 1
    assert kept.keep() == 0
