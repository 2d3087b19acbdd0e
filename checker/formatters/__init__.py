"""Formatters render one :class:`~checker.models.Report` shape; they are looked up by name.

Built-in and third-party formatters are found by one path, the ``checker.formatters``
entry-point group, as rules are found through ``checker.rules``; a formatter that fails to load
is a problem of its own and the others still serve.
"""
from __future__ import annotations

import logging

from checker.formatters.base import Formatter, FormatterRegistry
from checker.formatters.html import HtmlFormatter
from checker.formatters.line import GithubFormatter, LineFormatter
from checker.formatters.tables import (
    CsvFormatter,
    JsonFormatter,
    MarkdownFormatter,
)
from checker.formatters.terminal import TableFormatter
from checker.installed import entry_points

ENTRY_POINT_GROUP = "checker.formatters"
BUILT_IN = (TableFormatter, MarkdownFormatter, CsvFormatter, JsonFormatter, HtmlFormatter, LineFormatter,
            GithubFormatter)
log = logging.getLogger(__name__)


def default_formatters(group: str = ENTRY_POINT_GROUP) -> FormatterRegistry:
    """A fresh registry with the formatters of installed distributions, this one's among them
    (its own are registered directly when it runs uninstalled, from a source tree)."""
    registry = FormatterRegistry()
    for ep in sorted(entry_points(group=group), key=lambda e: e.name):
        try:
            formatter = ep.load()
            if formatter.name not in registry.names():
                registry.register(formatter)
        except KeyboardInterrupt:
            raise
        except BaseException as e:  # noqa: BLE001 - a broken formatter (even one calling sys.exit) must not stop the run
            registry.problems.append(f"formatter {ep.name} failed to load from {ep.value}: {e!r}")
            log.debug("formatter %s failed to load", ep.name, exc_info=True)
    for formatter in BUILT_IN:
        if formatter.name not in registry.names():
            registry.register(formatter)
    return registry


__all__ = ["ENTRY_POINT_GROUP", "Formatter", "FormatterRegistry", "default_formatters"]
