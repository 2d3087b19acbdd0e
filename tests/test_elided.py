"""Counts whose thing is elided: a bare figure after another figure of its sentence."""
from __future__ import annotations

from checker.runner import extract_document

from conftest import make_doc


def keys(registry, text: str, language: str) -> dict[str, str | None]:
    doc = make_doc(text, date="2024-03", language=language)
    return {c.text: c.key for c in extract_document(doc, [registry.get("quantities")()], registry.schema()).claims}


def test_a_bare_figure_after_a_toll_counts_people_not_the_sentence_before_s_thing(registry):
    found = keys(registry, "The government hopes for more assistance from the European Union. "
                           "The landslide in Nepal killed 45 people, and 12 are still missing.", "en")
    assert found["12"] == "quantity:people/missing/in-nepal"


def test_a_bare_figure_is_no_amount_of_the_aid_named_before(registry):
    found = keys(registry, "De regering rekent op extra hulp van de Europese Unie. "
                           "Bij de aardverschuiving in Nepal kwamen 45 mensen om en 12 worden nog vermist.", "nl")
    assert found["12"] == "quantity:people/missing/in-nepal"


def test_a_bare_figure_alone_in_its_sentence_answers_the_question_before(registry):
    found = keys(registry, "Hoeveel militairen er rond de grens zijn samengetrokken, is niet bekend. "
                           "Inlichtingendiensten schatten het op 100.000.", "nl")
    assert found["100.000"] is not None and found["100.000"].startswith("quantity:troops")
