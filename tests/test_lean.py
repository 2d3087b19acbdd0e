"""Lean decoding: claims and articles read back from the index and the cache are the same models
as validating their JSON gives, and a draft's check validates none of them one by one."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.articles import load
from checker.cli import main
from checker.index import ClaimIndex
from checker.lean import Decoder, LeanClaim, as_article, as_claim
from checker.models import Article, Claim, Period
from checker.registry import default_registry
from checker.runner import extract_all

from conftest import SEEDS


@pytest.fixture(scope="module")
def seed_claims() -> tuple[list[Article], list[Claim]]:
    registry = default_registry()
    loaded = load([str(SEEDS)])
    extraction = extract_all(loaded.documents, [rule() for rule in registry], registry.schema())
    return [d.article for d in loaded.documents], extraction.claims


def test_lean_claims_become_the_models_their_json_validates_to(seed_claims):
    articles, claims = seed_claims
    decoder = Decoder()
    assert {type(c.value).__name__ for c in claims} >= {"QuantityValue", "DateValue", "TextValue"}
    for claim in claims:
        stored = claim.model_dump_json()
        lean = decoder.claim(stored)
        assert isinstance(lean, LeanClaim) and lean.value == claim.value and lean.period == claim.period
        made = as_claim(lean)
        assert made == Claim.model_validate_json(stored) and made.model_dump_json() == stored
    for article in articles:
        made = as_article(decoder.article(article.model_dump_json()))
        assert made == article and made.model_dump_json() == article.model_dump_json()


def test_values_repeated_across_copies_are_decoded_once_and_shared(seed_claims):
    _, claims = seed_claims
    decoder = Decoder()
    claim = next(c for c in claims if c.value is not None)
    claim = claim.model_copy(update={"period": Period(start=date(2022, 3, 1), end=date(2022, 3, 31))})
    first, copy = (decoder.claim(claim.model_copy(update={"id": f"{n}{claim.id}"}).model_dump_json())
                   for n in range(2))
    assert first.value is copy.value and first.period is copy.period
    stored = claim.model_dump_json()
    assert decoder.claims(f"[{stored},{stored}]") == [decoder.claim(stored)] * 2
    changed = first.model_copy(update={"key": "quantity:other"})
    assert changed.key == "quantity:other" and first.key == claim.key  # a copy, as pydantic's


def test_a_draft_check_validates_no_archive_claim_or_article_one_by_one(tmp_path, capsys, monkeypatch):
    db = tmp_path / "seeds.sqlite"
    assert main(["index", str(SEEDS), "--db", str(db)]) == 0
    draft = Path(SEEDS / "002_1a0a6596d60781e4.txt")
    assert main([str(draft), "--against", str(db), "--format", "json"]) == 1
    before = capsys.readouterr().out

    def refused(*args, **kwargs):
        raise AssertionError("validated one by one")

    monkeypatch.setattr(Claim, "model_validate_json", refused)
    monkeypatch.setattr(Article, "model_validate_json", refused)
    monkeypatch.setattr(ClaimIndex, "count", refused)  # nor counts the archive's claims
    assert main([str(draft), "--against", str(db), "--format", "json"]) == 1
    assert capsys.readouterr().out == before


@pytest.mark.parametrize("stored", [
    '{"low":9,"high":null,"unit":null,"approximate":false,"vague":false}',  # as written before step
    '{"low":34.2,"high":34.2,"unit":null,"approximate":false,"vague":false,"step":0.1}',
    '{"low":null,"high":2.5,"unit":"EUR","approximate":true,"vague":false}',
    '{"low":1000.0,"high":10000.0,"unit":null,"approximate":false,"vague":true}',
    '{"start":"2022-03-06","end":"2022-03-07"}',
    '{"text":"Zelenskyy","parts":{"id":"zlnsk","preferred":"Zelensky"}}',
    '{"high":3.0,"low":1.0}',  # another order, fields left out: pydantic reads it
])
def test_a_stored_value_decodes_to_the_model_pydantic_makes_of_it(stored):
    from checker.models import ClaimValue
    from checker.records import validate_json_as

    claim = ('{"id":"a@1q","article":"a","rule":"Q001","kind":"quantity","start":0,"end":1,"line":1,"text":"x",'
             f'"value":{stored}}}')
    lean = Decoder().claim(claim)
    expected = validate_json_as(ClaimValue, stored)
    assert type(lean.value) is type(expected) and lean.value == expected
    assert lean.value.model_dump_json() == expected.model_dump_json()


def test_a_stored_value_of_unknown_fields_is_refused_as_pydantic_refuses_it():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Decoder().claim('{"id":"a@1q","article":"a","rule":"Q001","kind":"quantity","start":0,"end":1,"line":1,'
                        '"text":"x","value":{"low":1.0,"high":1.0,"colour":"red"}}')


def test_the_lean_structs_have_the_fields_of_the_models():
    """A field added to a model needs its struct here too (else that model is validated again,
    slowly but rightly)."""
    from checker import lean

    assert lean._CLAIM_FIELDS is not None and lean._ARTICLE_FIELDS is not None
    assert all(fields is not None for fields in lean._FIELDS.values())


def test_a_model_the_structs_lag_behind_is_validated_as_before(monkeypatch, seed_claims):
    from checker import lean

    monkeypatch.setattr(lean, "_CLAIM_FIELDS", None)
    monkeypatch.setattr(lean, "_FIELDS", dict.fromkeys(lean._FIELDS))
    claim = next(c for c in seed_claims[1] if c.value is not None)
    stored = claim.model_dump_json()
    assert as_claim(Decoder().claim(stored)).model_dump_json() == stored
