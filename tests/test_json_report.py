"""The JSON report written by msgspec is pydantic's, byte for byte."""
from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.formatters.json_report import report_json
from checker.models import QuantityValue
from checker.pipeline import RunOptions, run_check
from checker.report import to_json

from conftest import SEEDS


@lru_cache(maxsize=1)
def seeds_report():
    return run_check(RunOptions(paths=[str(SEEDS)]))


def test_the_seeds_report_is_written_as_pydantic_writes_it():
    report = seeds_report()
    assert report.claims and report.conflicts
    assert report_json(report) == to_json(report)


floats = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**20, 10**20))


@settings(max_examples=60, deadline=None)
@given(low=floats, high=floats, step=floats, text=st.text(), confidence=st.floats(0, 1))
def test_any_figure_and_text_is_written_as_pydantic_writes_it(low, high, step, text, confidence):
    report = seeds_report()
    claim = next(c for c in report.claims if isinstance(c.value, QuantityValue))
    value = claim.value.model_copy(update={"low": low, "high": high, "step": step})
    odd = claim.model_copy(update={"value": value, "sentence": text, "attribution": text or None})
    finding = report.conflicts[0].model_copy(update={"confidence": confidence, "reason": text})
    changed = report.model_copy(update={"claims": [odd, *report.claims], "conflicts": [finding]})
    assert report_json(changed) == to_json(changed)
