"""Golden files: each report format on seeds/, byte for byte.

Regenerate after an intended change with:  UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
(then read the diff before committing it).
"""
from __future__ import annotations

import os

import pytest

from checker.docs import builtin_registry, rules_markdown
from checker.formatters import default_formatters
from checker.pipeline import RunOptions, run_check

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def seeds_report():
    cwd = os.getcwd()
    os.chdir(ROOT)  # paths in the report are as given: seeds/...
    try:
        return run_check(RunOptions(paths=["seeds"]), builtin_registry())
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("fmt", default_formatters().names())
def test_format_matches_golden_file(seeds_report, fmt, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")  # the table fits the terminal: the golden one is 100 wide
    rendered = default_formatters().get(fmt).render(seeds_report)
    path = GOLDEN / f"seeds.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8", newline="")
    assert rendered == path.read_text(encoding="utf-8"), f"{path} is stale (see the module docstring)"


def test_rules_page_is_current():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(builtin_registry()), \
        "docs/rules.md is stale: python -m checker.docs > docs/rules.md"
