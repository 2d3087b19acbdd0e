"""Parsed TOML kept by its text: the vocabulary as tomllib parses it, whatever the cache holds."""
from __future__ import annotations

import tomllib

import pytest

from checker.kept_toml import parsed_toml

from conftest import ROOT

DATA = sorted((ROOT / "rules" / "data").glob("*/*.toml"))


def test_every_data_file_is_what_tomllib_parses(tmp_path):
    assert len(DATA) > 10
    for path in DATA:
        text = path.read_text(encoding="utf-8")
        expected = tomllib.loads(text)
        assert parsed_toml(text, tmp_path) == expected  # parsed and kept
        kept = parsed_toml(text, tmp_path)  # read from the kept file
        assert kept == expected and repr(kept) == repr(expected), path
    assert len(list(tmp_path.glob("*.marshal"))) == len(DATA)


def test_an_edited_file_is_parsed_again(tmp_path):
    assert parsed_toml('a = "one"\n', tmp_path) == {"a": "one"}
    assert parsed_toml('a = "two"\n', tmp_path) == {"a": "two"}


def test_a_damaged_kept_file_is_parsed_again(tmp_path):
    text = '[t]\nx = [1, 2.5, "three", true]\n'
    parsed_toml(text, tmp_path)
    kept = next(tmp_path.glob("*.marshal"))
    data = bytearray(kept.read_bytes())
    data[-3] ^= 0xFF
    kept.write_bytes(bytes(data))
    assert parsed_toml(text, tmp_path) == {"t": {"x": [1, 2.5, "three", True]}}
    kept.write_bytes(b"")
    assert parsed_toml(text, tmp_path) == {"t": {"x": [1, 2.5, "three", True]}}


def test_dates_and_an_unwritable_folder_are_parsed_as_before(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    assert parsed_toml("d = 2024-01-02\n", tmp_path)["d"].isoformat() == "2024-01-02"
    assert parsed_toml('a = 1\n', tmp_path / "file") == {"a": 1}
    with pytest.raises(tomllib.TOMLDecodeError):
        parsed_toml("a = \n", tmp_path)
