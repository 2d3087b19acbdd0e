"""Lemmas read from the kept table are simplemma's own; the table is written once per simplemma
version, safely when two runs write it at once, and left aside where the cache folder cannot be
written."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import simplemma
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from checker.rules.toolkit import kept_tables, lemmas

from conftest import SEEDS

# Endings that make many a word one the dictionary lacks, so simplemma's rules and compounds
# answer; and words of every kind its pipeline treats apart.
ENDINGS = {"nl": ("en", "heid", "tjes", "ingen", "de"), "en": ("s", "ing", "ed", "ness", "ly")}
ODD = ["", "12", "1,5", "’s", "d'r", "rock'n'roll", "NAVO-landen", "eu-ministers", "Amsterdam", "ÉÉN",
       "geëvacueerd", "geëvacueerd".upper(), unicodedata.normalize("NFD", "geëvacueerd"), "x", "-", "ʼt", "a‘b"]


def sample_words(language: str, every: int) -> list[str]:
    """Words of simplemma's dictionary (every n-th, and their lemmas), the same changed in case
    and with endings it may lack, the words of the seed articles and words of odd shapes."""
    dictionary = DefaultDictionaryFactory(cache_max_size=1).get_dictionary(language)
    chosen = [w for i, w in enumerate(sorted(dictionary)) if i % every == 0]
    words = chosen + [dictionary[w] for w in chosen[::3]] + [w.capitalize() for w in chosen[::5]]
    words += [w + e for i, w in enumerate(chosen[::4]) for e in ENDINGS[language][i % 5:i % 5 + 1]]
    words += [w.lower().strip(".,:;()\"'") for p in sorted(SEEDS.glob("*.txt"))[:2] for w in p.read_text().split()]
    return list(dict.fromkeys(words + ODD))


def files(folder: Path) -> list[str]:
    """The files of a cache folder, but for the record of installed distributions (the versions
    tables are named by, checker.installed)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("installed-"))


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    """A user cache folder of the test's own, and lemmas looked up afresh."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    forget()
    yield tmp_path / "newscheck"
    forget()


def forget() -> None:
    for cached in (lemmas.store, lemmas.learned, lemmas.lemma, lemmas.is_known, lemmas.lemmatizer,
                   lemmas.dictionary_lookup):
        cached.cache_clear()


@pytest.mark.parametrize("language, every", [("nl", 150), ("en", 80)])
def test_the_kept_table_gives_simplemmas_lemmas(cache_home, language, every):
    words = sample_words(language, every)
    assert len(words) > 3000
    ours = [(lemmas.lemma(w, language), lemmas.is_known(w, language)) for w in words]
    assert files(cache_home) == [f"lemmas-{language}-simplemma-{simplemma.__version__}-1.{end}"
                                                           for end in ("learned", "table")]
    theirs = [(simplemma.lemmatize(w, lang=language).lower() if w else w, bool(w) and simplemma.is_known(w, lang=language))
              for w in words]
    assert [w for w, a, b in zip(words, ours, theirs) if a != b] == []
    assert sum(lemmas.dictionary_lemma(w, language) is None for w in words) > 300, "the pipeline was tried too"
    forget()
    again = [(lemmas.lemma(w, language), lemmas.is_known(w, language)) for w in words]
    assert again == theirs and lemmas.lemmatizer.cache_info().currsize == 0, "learned, simplemma not asked again"


def test_the_kept_table_is_a_mapping_of_the_dictionary(cache_home):
    store = lemmas.store("en")
    dictionary = DefaultDictionaryFactory(cache_max_size=1).get_dictionary("en")
    assert len(store) == len(dictionary)
    sample = sorted(dictionary)[::500]
    assert {w: store[w] for w in sample} == {w: dictionary[w] for w in sample}
    assert "not-a-word-at-all" not in store and store.get("not-a-word-at-all") is None
    with pytest.raises(KeyError):
        store["not-a-word-at-all"]


def test_a_table_of_bytes_is_the_table_of_their_strings(tmp_path):
    strings = {"huizen": "huis", "één": "een", "a": ""}
    as_bytes = {k.encode(): v.encode() for k, v in strings.items()}
    assert kept_tables.encode(as_bytes) == kept_tables.encode(strings)
    (tmp_path / "t.table").write_bytes(kept_tables.encode(strings))
    table = kept_tables.read_table(tmp_path / "t.table")
    assert list(table) == sorted(strings, key=str.encode) and {k: table[k] for k in table} == strings
    assert len(kept_tables.SortedTable(kept_tables.encode({}))) == 0
    with pytest.raises(ValueError, match="NUL"):
        kept_tables.encode({"a\0b": "c"})


def test_the_apostrophes_are_simplemmas(cache_home):
    from simplemma.utils import has_apostrophe

    for glyph in ["'", "’", "ʼ", "‘", "`", "´", "′"]:
        assert (glyph in lemmas.APOSTROPHES) == has_apostrophe(glyph), glyph


def test_the_kept_languages_are_read_by_plain_lookup():
    """simplemma folds accents or splits at an apostrophe in some languages before its
    dictionary lookup; the store's shortcut holds only where it does neither."""
    from simplemma.strategies.apostrophe_boundary import APOSTROPHE_BOUNDARY_LANGS
    from simplemma.utils import CANON_LANGS

    assert not set(lemmas.LANGUAGES) & (APOSTROPHE_BOUNDARY_LANGS | CANON_LANGS)


def test_another_simplemma_version_has_a_table_of_its_own(cache_home, monkeypatch):
    lemmas.lemma("huishoudens", "nl")
    monkeypatch.setattr(lemmas, "simplemma_version", lambda: "99.0")
    forget()
    assert lemmas.lemma("huishoudens", "nl") == "huishouden"
    assert files(cache_home) == [
        f"lemmas-nl-simplemma-{simplemma.__version__}-1.table", "lemmas-nl-simplemma-99.0-1.table"]


def test_a_damaged_table_is_written_again(cache_home):
    lemmas.lemma("huishoudens", "nl")
    path = next(cache_home.glob("lemmas-*"))
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    forget()
    assert lemmas.lemma("huishoudens", "nl") == "huishouden"
    assert path.read_bytes() == whole


def test_a_damaged_line_of_learned_lemmas_is_passed_over(cache_home):
    lemmas.lemma("valencia", "nl")
    path = next(cache_home.glob("*.learned"))
    assert path.read_text(encoding="utf-8") == "valencia\tvalencia\n"
    path.write_bytes(b"valencia\tvalencia\nbrokn\xff\tx\nno tab\nhalf\tw")
    forget()
    assert lemmas.learned("nl").lemmas == {"valencia": "valencia"}
    assert lemmas.lemma("half", "nl") == simplemma.lemmatize("half", lang="nl").lower()


def test_an_unwritable_cache_folder_falls_back_to_simplemma(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    forget()
    try:
        assert lemmas.store("nl") is None
        assert lemmas.lemma("geëvacueerd", "nl") == "evacueren"
        assert lemmas.lemma("onderzoeksraden", "nl") == simplemma.lemmatize("onderzoeksraden", lang="nl").lower()
        assert lemmas.is_known("huishoudens", "nl") and not lemmas.is_known("xqzt", "nl")
    finally:
        forget()


def test_a_table_that_cannot_be_written_is_held_in_memory(cache_home, monkeypatch):
    def full_disk(path, content):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kept_tables, "write_table", full_disk)
    assert lemmas.store("nl") is not None
    assert lemmas.lemma("geëvacueerd", "nl") == "evacueren"
    assert not files(cache_home)


WORKER = """
import json, sys
from checker.rules.toolkit.lemmas import is_known, lemma
words = json.loads(sys.argv[1])
print(json.dumps([[lemma(w, "nl"), is_known(w, "nl")] for w in words]))
"""


def test_two_runs_writing_the_table_at_once_both_read_it_whole(tmp_path):
    words = sample_words("nl", 2000)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [subprocess.Popen([sys.executable, "-c", WORKER, json.dumps(words)], env=env, stdout=subprocess.PIPE)
            for _ in range(2)]
    outputs = [json.loads(run.communicate(timeout=120)[0]) for run in runs]
    assert all(run.returncode == 0 for run in runs)
    expected = [[simplemma.lemmatize(w, lang="nl").lower() if w else w, bool(w) and simplemma.is_known(w, lang="nl")]
                for w in words]
    assert outputs == [expected, expected]
    folder = Path(tmp_path, "newscheck")
    assert files(folder) == [
        f"lemmas-nl-simplemma-{simplemma.__version__}-1.{end}" for end in ("learned", "table")], "nothing half written"
    lines = next(folder.glob("*.learned")).read_text(encoding="utf-8").splitlines()
    assert lines and all(line.count("\t") == 1 for line in lines), "whole lines from both runs"


def test_a_check_in_a_read_only_home_reads_simplemma_as_it_comes(tmp_path):
    """No user cache can be made under /proc: the check says nothing of it and reports as ever."""
    article = tmp_path / "a.txt"
    article.write_text(" date 2022-03-04 De minister zei dat 120 inwoners van Valencia zijn geëvacueerd.\n",
                       encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if k != "XDG_CACHE_HOME"}
    runs = [subprocess.run([sys.executable, "-m", "checker", str(article), "--no-cache", "--format", "json"],
                           env={**base, **env}, capture_output=True, text=True, timeout=120)
            for env in ({}, {"HOME": "/proc"})]  # the user's cache, made by the tests before; none
    assert [(r.returncode, r.stderr) for r in runs] == [(0, ""), (0, "")]
    assert runs[1].stdout == runs[0].stdout and json.loads(runs[0].stdout)["claims"]
    assert not Path("/proc/.cache").exists()
