"""Figures of budgets and the economy: what an amount or a percentage is of, whatever the word
order, and which year it is for."""
from __future__ import annotations

from checker.runner import extract_document

from conftest import make_doc


def keys(registry, text: str, language: str = "nl", date: str = "2026-09-15") -> dict[str, str | None]:
    doc = make_doc(text, date=date, language=language)
    return {c.text: c.key for c in extract_document(doc, [registry.get("quantities")()], registry.schema()).claims}


def test_a_figure_with_a_unit_before_a_year_is_no_ratio(registry):
    """"2.9 percent in 2027" is no "one in three": a share or an amount is never a side of a ratio."""
    found = keys(registry, "France presented its budget. The budget deficit will rise to 2.9 percent in 2027.", "en")
    assert found["2.9 percent"] and "deficit" in found["2.9 percent"]
    assert keys(registry, "One in three households has no heating.", "en").get("One") is None


def test_the_particle_of_a_dutch_verb_makes_its_stem_a_verb_not_what_is_measured(registry):
    """"Het begrotingstekort loopt op tot 2,9 procent": oplopen, the deficit is measured, never "lopen"."""
    found = keys(registry, "Het kabinet presenteert de begroting. Het begrotingstekort loopt op tot 2,9 procent.")
    assert found["2,9 procent"] and found["2,9 procent"].startswith("quantity:begrotingstekort/")
