"""The languages of articles kept in the claim cache by their bytes: a re-run counts no function
words of an unchanged article, and reads every article as a run without the cache does."""
from __future__ import annotations

import shutil

from checker import articles
from checker.articles import load
from checker.cache import ClaimCache

from conftest import SEEDS

DUTCH = "De NAVO heeft meer dan 200 schepen in de regio. Dat is een groot aantal en het is niet eerder gezien."
ENGLISH = "Russia has sent more than 120 troops to Belarus, and the ministers said that it is the largest number."


def detections(monkeypatch) -> list[str]:
    """The texts whose language is detected from now on."""
    calls: list[str] = []
    real = articles.article_languages
    monkeypatch.setattr(articles, "article_languages", lambda scan: calls.append(scan) or real(scan))
    return calls


def read(loaded) -> list[tuple]:
    return [(d.article, d.parts) for d in loaded.documents]


def test_a_rerun_takes_the_kept_languages(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    (folder / "mixed.txt").write_text(f" date 2022-03 {DUTCH}\n\n{ENGLISH}\n", encoding="utf-8")
    (folder / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "model.txt").write_text("De NAVO stuurt 4.000 militairen naar Litouwen.\n", encoding="utf-8")
    (folder / "given.md").write_text(f"---\nlanguage: en\n---\n{DUTCH}\n", encoding="utf-8")
    cache = ClaimCache(tmp_path / "cache", "signature")
    calls = detections(monkeypatch)
    plain = read(load([str(folder)]))
    assert len(calls) == 8 and any(parts for _, parts in plain)
    assert read(load([str(folder)], kept=cache)) == plain and len(calls) == 16
    assert read(load([str(folder)], kept=cache)) == plain and len(calls) == 16, "all kept"
    (folder / "english.txt").write_text(ENGLISH + " It was said.", encoding="utf-8")
    load([str(folder)], kept=cache)
    assert calls[16:] == [ENGLISH + " It was said."], "a changed article is read again"
    load([str(folder)], kept=ClaimCache(tmp_path / "cache", "other rules"))
    assert len(calls) == 25, "other sources of the engine: every article again"
    load([str(folder)], language="nl", kept=cache)
    assert len(calls) == 25, "a language given: none detected"
