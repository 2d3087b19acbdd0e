"""The article as rules read it.

Rules read an article through the toolkit, never through the engine's modules: ``Document``
(the article, its text, the text with metadata blanked, its sentences and lines) is the
engine's, handed on here.
"""
from __future__ import annotations

from checker.articles import Document

__all__ = ["Document"]
