"""Formatters render one :class:`~checker.models.Report` shape; they are looked up by name."""
from __future__ import annotations

from checker.formatters.base import Formatter, FormatterRegistry
from checker.formatters.html import HtmlFormatter
from checker.formatters.tables import (
    CsvFormatter,
    JsonFormatter,
    MarkdownFormatter,
    TableFormatter,
)


def default_formatters() -> FormatterRegistry:
    """A fresh registry with the built-in formatters."""
    registry = FormatterRegistry()
    for f in (TableFormatter, MarkdownFormatter, CsvFormatter, JsonFormatter, HtmlFormatter):
        registry.register(f)
    return registry


__all__ = ["Formatter", "FormatterRegistry", "default_formatters"]
