"""A tally noun says what it counts: another figure's predicate in its clause does not."""
from __future__ import annotations

from checker.runner import extract_document

from conftest import make_doc


def keys(registry, text: str, language: str) -> dict[str, str | None]:
    doc = make_doc(text, date="2024-03", language=language)
    return {c.text: c.key for c in extract_document(doc, [registry.get("quantities")()], registry.schema()).claims}


def test_a_death_toll_is_of_the_dead_beside_more_missing(registry):
    found = keys(registry, "The death toll from the storms in Greece reached 64 on Monday with dozens more missing.", "en")
    assert found["64"] == "quantity:people/died/in-greece"
    assert found["dozens"] == "quantity:people/missing/in-greece"


def test_the_missing_after_a_toll_are_missing_not_dead(registry):
    found = keys(registry, "Het dodental in Griekenland is opgelopen tot 64 met nog tientallen vermisten.", "nl")
    assert found["64"] == "quantity:people/died/in-greece"
    assert found["tientallen"] == "quantity:people/missing/in-greece"


def test_residents_who_had_to_leave_are_evacuated(registry):
    found = keys(registry, "In Roermond moesten 4000 inwoners hun huis uit.", "nl")
    assert found["4000"] == "quantity:people/evacuated/in-roermond"
