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


@pytest.fixture
def registry():
    return default_registry()

