"""Shared helpers: documents from inline text, the repository's folders."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.articles import Document, make_document
from checker.registry import default_registry

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def make_doc(text: str, date: str | None = "2022-03", language: str = "nl", name: str = "a.txt") -> Document:
    """A document as the loader would make it of a file holding ``text`` (with a date header)."""
    full = f" date {date} {text}" if date else text
    return make_document(Path(name), full, "utf-8", Path(name).stem, language, [])


@pytest.fixture(autouse=True)
def own_claim_cache(tmp_path_factory, monkeypatch):
    """Each test's check has a claim cache of its own: no test reads what another one cached."""
    monkeypatch.setenv("NEWSCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def registry():
    return default_registry()

