"""Comparing again only what changed: a re-run reuses the kept findings of the keys whose claims
are as they were, and its report is the report of a run without the cache, byte for byte."""
from __future__ import annotations

import shutil
import sys

import pytest

from checker import conflicts
from checker.pipeline import RunOptions, run_check
from checker.report import to_json

from conftest import ROOT


@pytest.fixture
def articles(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import write_corpus

    return write_corpus(tmp_path / "articles", 24, seed=7)


def compared_afresh(monkeypatch) -> list[str]:
    """The keys compared from now on (not read from the kept comparisons)."""
    seen: list[str] = []
    real = conflicts.key_findings

    def key_findings(key, *args):
        seen.append(key)
        return real(key, *args)

    monkeypatch.setattr(conflicts, "key_findings", key_findings)
    return seen


def uncached(folder, **options) -> str:
    return to_json(run_check(RunOptions(paths=[str(folder)], **options)))


def test_a_re_run_compares_only_the_keys_of_the_article_changed_added_or_removed(articles, tmp_path, monkeypatch):
    options = RunOptions(paths=[str(articles)], cache=str(tmp_path / "cache"))
    fresh = compared_afresh(monkeypatch)
    first = to_json(run_check(options))
    every = len(fresh)
    assert every > 10 and '"conflict"' in first
    fresh.clear()
    assert to_json(run_check(options)) == first and fresh == []
    edited = articles / "000003.txt"
    text = edited.read_text(encoding="utf-8")
    changes = [
        lambda: edited.write_text(text.replace("0", "7", 2), encoding="utf-8"),
        lambda: shutil.copy(articles / "000005.txt", articles / "000099.txt"),
        lambda: (articles / "000011.txt").unlink(),
    ]
    before = first
    for change in changes:
        change()
        fresh.clear()
        again = to_json(run_check(options))
        afresh = len(fresh)
        assert again == uncached(articles) and again != before
        assert 0 < afresh < every / 2, (afresh, every)  # the keys of one article's claims, not all
        before = again


def test_a_changed_tolerance_or_rule_option_is_never_served_a_kept_comparison(articles, tmp_path, monkeypatch):
    cache = str(tmp_path / "cache")
    first = to_json(run_check(RunOptions(paths=[str(articles)], cache=cache)))
    # "zo'n", "ongeveer" read far wider: the tolerance is seen in the claims' intervals, which
    # the digest reads
    monkeypatch.setattr(conflicts, "APPROXIMATION", 2.0)
    wider = to_json(run_check(RunOptions(paths=[str(articles)], cache=cache)))
    assert wider == uncached(articles) and wider != first
    monkeypatch.undo()
    loose = {"Q001": {"require_context": False}}
    cached = to_json(run_check(RunOptions(paths=[str(articles)], cache=cache, rule_options=loose)))
    assert cached == uncached(articles, rule_options=loose) and cached != first
    sure = to_json(run_check(RunOptions(paths=[str(articles)], cache=cache, min_confidence=0.9)))
    assert sure == uncached(articles, min_confidence=0.9)
    assert to_json(run_check(RunOptions(paths=[str(articles)], cache=cache))) == first


def test_a_kept_comparison_is_read_by_its_digest_only(articles, tmp_path, monkeypatch):
    """The same claims under other article names are other claims: compared again."""
    cache = str(tmp_path / "cache")
    run_check(RunOptions(paths=[str(articles)], cache=cache))
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for path in sorted(articles.iterdir()):
        shutil.copy(path, renamed / f"x{path.name}")
    fresh = compared_afresh(monkeypatch)
    report = to_json(run_check(RunOptions(paths=[str(renamed)], cache=cache)))
    assert len(fresh) > 10 and len(fresh) == len(set(fresh))  # every key compared afresh, once
    assert report == uncached(renamed)
