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


def test_a_heading_answers_no_question_of_the_paragraph_before(registry):
    found = keys(registry, "Italy promised aid to the flooded provinces.\n\nDeath toll above 40\n\n"
                           "The death toll in Italy has risen to 42.", "en")
    assert found["above 40"] is None or "aid" not in found["above 40"]


def test_a_bare_figure_past_a_word_that_says_nothing_of_what_is_counted(registry):
    doc = make_doc("The death toll in Italy has risen to 42, with 17 confirmed in Emilia-Romagna.", date="2024-03",
                   language="en")
    claims = {c.text: c for c in extract_document(doc, [registry.get("quantities")()], registry.schema()).claims}
    assert claims["17"].key == "quantity:people/died/in-emilia-romagna"
    assert claims["17"].inferred == []


def test_a_bare_figure_after_a_figure_of_no_thing_answers_the_sentence_before(registry):
    found = keys(registry, "Het dodental stijgt nu in Gelderland, nu nieuwe sterfgevallen bekend zijn. "
                           "Het aantal meldingen is zaterdag van 12 toegenomen tot 19.", "nl")
    assert found["19"] == "quantity:people/died/in-gelderland"
