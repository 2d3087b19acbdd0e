"""A date whose sentence names its event by a pronoun: the event of the sentence before."""
from __future__ import annotations

from checker.runner import extract_document

from conftest import make_doc


def keys(registry, text: str, language: str, date: str = "2026-03-10") -> dict[str, str | None]:
    doc = make_doc(text, date=date, language=language)
    return {c.text: c.key for c in extract_document(doc, [registry.get("dates")()], registry.schema()).claims}


def test_it_is_the_event_of_the_sentence_before(registry):
    found = keys(registry, "Biden will attend the EU summit in Brussels. It is scheduled for March 19.", "en")
    assert found["March 19"] == "date:summit/eu"


def test_die_is_the_event_of_the_sentence_before(registry):
    found = keys(registry, "Psaki bevestigde dat Biden de EU-top in Brussel bijwoont. Die stond al gepland op 19 maart.", "nl")
    assert found["19 maart"] == "date:summit/eu"


def test_an_article_and_a_noun_are_no_pronoun(registry):
    found = keys(registry, "De NAVO-top is in juni. Het kabinet beslist op 20 maart over de steun.", "nl")
    assert found["20 maart"] is None


def test_a_pronoun_under_a_heading_is_not_the_paragraph_before_s_event(registry):
    found = keys(registry, "Biden will attend the EU summit in Brussels.\n\nIt is scheduled for March 19.", "en")
    assert found["March 19"] is None
