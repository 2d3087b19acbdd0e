"""Data-driven cases: every built-in rule has a file of small articles and the claims expected."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.models import DateValue, QuantityValue, TextValue
from checker.runner import extract_document

from conftest import make_doc

CASES = Path(__file__).parent / "cases"


def load_cases():
    for path in sorted(CASES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{path.stem}: {case['name']}")


def test_every_rule_has_cases(registry):
    covered = {json.loads(p.read_text(encoding="utf-8"))["rule"] for p in CASES.glob("*.json")}
    builtin = {r.name for r in registry if r.__module__.startswith("checker.rules.")}
    assert builtin and builtin <= covered


@pytest.mark.parametrize("rule_name,case", list(load_cases()))
def test_case(registry, rule_name, case):
    rule = registry.get(rule_name)()
    doc = make_doc(case["text"], date=case.get("date", "2022-03"), language=case.get("language", "nl"))
    claims = extract_document(doc, [rule], registry.schema()).claims
    got = [c.text for c in claims]
    assert got == [e["text"] for e in case["claims"]], got
    for claim, expected in zip(claims, case["claims"]):
        assert doc.text[claim.start:claim.end] == claim.text
        if isinstance(claim.value, QuantityValue) or "low" in expected:
            assert claim.value.low == expected["low"] and claim.value.high == expected["high"], claim.value
            assert claim.value.approximate == expected.get("approximate", False)
            if "unit" in expected:
                assert claim.value.unit == expected["unit"]
        if "start" in expected:
            if expected["start"] is None:
                assert claim.value is None
            else:
                assert isinstance(claim.value, DateValue)
                assert (claim.value.start.isoformat(), claim.value.end.isoformat()) == (expected["start"], expected["end"])
        if "spelling" in expected:
            assert isinstance(claim.value, TextValue) and claim.value.text == expected["spelling"]
        if "key" in expected:
            assert claim.key == expected["key"]
