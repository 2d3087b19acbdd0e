"""Comparing again only what changed: a re-run reuses the kept findings of the keys whose claims
are as they were, and its report is the report of a run without the cache, byte for byte."""
from __future__ import annotations

import shutil
import sqlite3
import sys

import pytest

from checker import conflicts, disagreement
from checker.articles import load
from checker.cache import ClaimCache
from checker.compare_memo import ComparisonMemo
from checker.matching import complete_keys
from checker.pipeline import RunOptions, build_rules, run_check
from checker.registry import default_registry
from checker.report import to_json
from checker.runner import extract_all

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


def test_a_re_run_whose_keys_are_all_kept_works_out_no_interval_and_no_corroboration(articles, tmp_path, monkeypatch):
    """What a kept key's digest needs is read from its claims and their articles' dates: the
    intervals, the compared claims and the claims by sentence are made only for a key compared afresh."""
    options = RunOptions(paths=[str(articles)], cache=str(tmp_path / "cache"))
    first = to_json(run_check(options))
    made = []
    real_interval, real_init = conflicts.interval, disagreement.Corroboration.__init__
    monkeypatch.setattr(conflicts, "interval", lambda value: made.append("interval") or real_interval(value))
    monkeypatch.setattr(disagreement.Corroboration, "__init__",
                        lambda self, *a: made.append("corroboration") or real_init(self, *a))
    assert to_json(run_check(options)) == first and made == []
    (articles / "000003.txt").write_text((articles / "000003.txt").read_text(encoding="utf-8").replace("0", "7", 2),
                                         encoding="utf-8")
    assert to_json(run_check(options)) == uncached(articles) and "interval" in made  # compared afresh, as before


def test_a_key_is_digested_in_a_few_encodings_whatever_its_claims(articles, tmp_path):
    """The claims of a key and what their periods are read from are written in a few calls of the
    encoder, not one a claim."""
    registry = default_registry()
    schema = registry.schema()
    docs = load([str(articles)]).documents
    claims = complete_keys(extract_all(docs, build_rules(registry, RunOptions(paths=[])), schema).claims, schema)
    keyed = conflicts.KeyedClaims(claims, {d.article.id: d.article for d in docs}, schema)
    keys = [key for key in sorted(keyed.claims) if len(keyed.articles_of(key)) >= 2]
    memo = ComparisonMemo(ClaimCache(tmp_path / "cache", "s"), "s", schema)
    calls = []
    real = memo._encode
    memo._encode = lambda data: calls.append(1) or real(data)
    memo.prepare(keys, keyed)
    compared = sum(len(keyed.all_of(key)) for key in keys)
    assert len(keys) > 10 and compared > 3 * len(keys)
    assert len(calls) <= 3 * len(keys)  # the claims, the lengths' claims, and for a weakly matched claim those beside


def test_kept_findings_that_cannot_be_read_are_compared_again(articles, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    options = RunOptions(paths=[str(articles)], cache=str(cache))
    first = to_json(run_check(options))
    with sqlite3.connect(cache / "claims.sqlite") as db:
        db.execute("UPDATE comparisons SET findings = '[{\"id\": 1}]'")
    fresh = compared_afresh(monkeypatch)
    assert to_json(run_check(options)) == first and fresh
