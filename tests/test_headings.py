"""A heading inside an article speaks of what the article is about, not of the paragraph before."""
from __future__ import annotations

from checker.runner import extract_document

from conftest import make_doc

ARTICLE = ("More than 40 dead after storms in Greece\n\n"
           "At least 12 people died in Athens, police said. Another 9 died in the port of Piraeus.\n\n"
           "More than 40 bodies recovered so far\n\n"
           "Rescue teams are still searching the coast.")


def claims(registry, text: str):
    doc = make_doc(text, date="2024-03", language="en")
    return [c for c in extract_document(doc, [registry.get("quantities")()], registry.schema()).claims]


def test_a_heading_s_figure_takes_the_headline_s_place_not_the_paragraph_before_s(registry):
    heading = [c for c in claims(registry, ARTICLE) if c.text == "More than 40"][-1]
    assert heading.key == "quantity:people/died/in-greece"
    assert heading.inferred == ["place"]


def test_a_heading_is_a_line_of_its_own_with_no_stop():
    import sys

    import checker.rules.quantities  # noqa: F401  (the package's names hide its module draft)
    is_heading = sys.modules["checker.rules.quantities.draft"].is_heading
    doc = make_doc(ARTICLE, date="2024-03", language="en")
    lines = {doc.scan_text[a:b].strip(): (a, b) for a, b in doc.sentence_spans}
    assert is_heading(doc, lines["More than 40 bodies recovered so far"])
    assert not is_heading(doc, lines["At least 12 people died in Athens, police said."])
    assert not is_heading(doc, lines["More than 40 dead after storms in Greece"])  # the headline
