"""The records of checker.models are written, validated and described as their pydantic twins
are: the twin is the oracle."""
from __future__ import annotations

import json
import math
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.config import ConfigError, load_config
from checker.models import Article, Claim, ClaimDraft, Finding, Period, QuantityValue, Report, TextValue
from checker.records import Frozen, public_instance, public_model
from checker.report import REPORT_FLOATS, to_json, to_json_bytes

finite = st.floats(allow_nan=False, allow_infinity=False)
text = st.text(max_size=20)


@settings(max_examples=300, deadline=None)
@given(low=st.one_of(st.none(), finite, st.integers(-10**6, 10**6)), high=st.one_of(st.none(), st.floats()),
       step=st.one_of(st.none(), finite), unit=st.one_of(st.none(), text))
@example(low=1e16, high=1e-5, step=1e-7, unit="1e5")
@example(low=12345678901234567890.0, high=float("nan"), step=-0.0, unit="\u2028\x1f\"\\")
def test_a_value_is_written_as_pydantic_writes_it(low, high, step, unit):
    value = QuantityValue(low=low, high=high, step=step, unit=unit)
    twin = public_model(QuantityValue)(low=low, high=high, step=step, unit=unit)
    assert value.model_dump_json() == twin.model_dump_json()
    assert value.model_dump_json(indent=2) == twin.model_dump_json(indent=2)
    if high is None or math.isfinite(high):
        assert value.model_dump(mode="json") == twin.model_dump(mode="json") == json.loads(twin.model_dump_json())


@settings(max_examples=100, deadline=None)
@given(quote=text, parts=st.dictionaries(text, text, max_size=3), inferred=st.lists(text, max_size=3),
       confidence=st.one_of(st.integers(0, 1), st.floats(0, 1)), low=st.one_of(st.none(), finite))
@example(quote="1e5", parts={}, inferred=[], confidence=1, low=1e16)
@example(quote="", parts={}, inferred=[], confidence=0.5, low=-2.5e21)
def test_a_report_is_written_as_pydantic_writes_it(quote, parts, inferred, confidence, low):
    period = Period(start=date(2022, 3, 1), end=date(2022, 3, 31))
    article = Article(id="a", path="a.txt", date=period, language_confidence=1, title=quote)
    claim = Claim(id="a@1q", article="a", rule="R001", kind="role", start=0, end=1, line=1, text=quote,
                  value=TextValue(text=quote, parts=parts), key=None, period=period, inferred=inferred)
    figure = Claim(id="a@2q", article="a", rule="Q001", kind="quantity", start=2, end=3, line=1, text=quote,
                   value=QuantityValue(low=low, high=None, step=1), key="quantity:x")
    finding = Finding(id="F1", status="conflict", key="k", kind="role", claims=[claim.id], reason=quote,
                      confidence=confidence)
    report = Report(tool="check", articles=[article], claims=[claim, figure], conflicts=[finding])
    twin = public_instance(report)
    assert type(twin).__name__ == "Report" and type(twin.claims[0].value).__name__ == "TextValue"
    assert report.model_dump_json(indent=2) == twin.model_dump_json(indent=2)
    assert to_json(report) == twin.model_dump_json(indent=2) + "\n" == to_json_bytes(report).decode("utf-8")
    assert article.model_dump_json(exclude={"id", "path"}) == twin.articles[0].model_dump_json(exclude={"id", "path"})
    assert Report.model_validate_json(report.model_dump_json()) == report


def test_ints_given_to_float_fields_are_floats_as_pydantic_made_them():
    assert QuantityValue(low=5, high=None).low == 5.0 and type(QuantityValue(low=5, high=7).high) is float
    assert type(Finding(id="F", status="conflict", key="k", kind="q", claims=[], reason="", confidence=1)
                .confidence) is float
    assert '"low":5.0' in QuantityValue(low=5, high=5).model_dump_json()


def test_records_are_frozen_hashable_and_picklable():
    import pickle

    value = QuantityValue(low=1.0, high=2.0)
    with pytest.raises(AttributeError):
        value.low = 3.0
    assert hash(value) == hash(QuantityValue(low=1.0, high=2.0)) and value.model_copy(update={"low": 0.0}).low == 0.0
    draft = ClaimDraft(kind="quantity", start=0, end=1, value=value, key_parts={"concept": "troops"})
    assert pickle.loads(pickle.dumps(draft)) == draft
    assert list(ClaimDraft.model_fields)[:4] == ["kind", "start", "end", "value"]


def test_data_from_outside_is_validated_by_the_twin():
    from pydantic import ValidationError

    claim = Claim.model_validate({"id": "a@1q", "article": "a", "rule": "Q001", "kind": "quantity", "start": 0,
                                  "end": 1, "line": 1, "text": "4", "key": None,
                                  "value": {"low": 4, "high": 4}, "period": {"start": "2022-03-01", "end": "2022-03-02"}})
    assert isinstance(claim, Claim) and claim.value == QuantityValue(low=4.0, high=4.0)
    assert claim.period == Period(start=date(2022, 3, 1), end=date(2022, 3, 2))
    with pytest.raises(ValidationError, match="extra"):
        Period.model_validate({"start": "2022-03-01", "end": "2022-03-01", "middle": "x"})


def test_a_config_is_checked_with_the_same_messages(tmp_path):
    (tmp_path / "checker.toml").write_text('min-confidence = 2\nstrict = "yes"\nbogus = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_config(cwd=tmp_path)
    message = str(e.value)
    assert "checker.toml" in message and "unknown key 'bogus'" in message
    assert "min-confidence: Input should be less than or equal to 1" in message
    assert "strict: Input should be a valid boolean" in message
    (tmp_path / "checker.toml").write_text('rules-dir = ["mine"]\nmin-confidence = 0.5\n', encoding="utf-8")
    config, path = load_config(cwd=tmp_path)
    assert config.rules_dir == [str(tmp_path / "mine")] and config.min_confidence == 0.5 and path.parent == tmp_path


def test_rule_options_are_validated_only_when_given():
    from checker.registry import RegistryError, default_registry

    registry = default_registry()
    quantities = registry.get("Q001")
    assert registry.instantiate(quantities, None).options.require_context is True
    assert registry.instantiate(quantities, {"require_context": False}).options.require_context is False
    with pytest.raises(RegistryError, match=r"Q001 \(quantities\): require_context: Input should be a valid boolean"):
        registry.instantiate(quantities, {"require_context": "perhaps"})
    with pytest.raises(RegistryError, match="Extra inputs are not permitted"):
        registry.instantiate(quantities, {"unknown": 1})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers(), st.text("0123456789e.-:,[ab\"", max_size=30)),
                max_size=12))
@example([1e16, "F12e4", 3.5])
@example(["ratio 3:1e5"])
def test_the_fast_look_for_exponents_finds_what_the_pattern_finds(values):
    import msgspec

    from checker.records import _EXPONENT, has_exponent

    data = msgspec.json.encode(values)
    assert has_exponent(data) == bool(_EXPONENT.search(data))


def test_the_report_knows_every_float_field_of_its_records():
    """report.exponent_floats reads the floats of a report where REPORT_FLOATS says they are."""
    import typing

    seen, floats, todo = set(), {}, [Report]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for name, hint in typing.get_type_hints(cls).items():
            inner = set(flat_types(hint))
            if float in inner:
                floats.setdefault(cls.__name__, []).append(name)
            todo += [t for t in inner if isinstance(t, type) and issubclass(t, Frozen)]
    assert {k: tuple(v) for k, v in floats.items()} == REPORT_FLOATS


def flat_types(hint):
    import typing

    args = typing.get_args(hint)
    if not args:
        yield hint
    for arg in args:
        yield from flat_types(arg)


def test_a_report_with_a_value_of_a_plugin_type_looks_for_exponents_in_its_json():
    from checker.report import exponent_floats

    class Share(QuantityValue, kw_only=True):
        """A plugin's value: its report's floats are looked for in the JSON."""

    claim = Claim(id="a@1q", article="a", rule="X001", kind="share", start=0, end=1, line=1, text="x",
                  value=Share(low=1e17, high=None), key=None)
    report = Report(tool="check", articles=[], claims=[claim], conflicts=[])
    assert exponent_floats(report) is None
    assert '"low": 1e+17' in to_json(report)
