"""The language of an article, and of each of its paragraphs when they differ."""
from __future__ import annotations

from checker.articles import detect_language, language_parts
from checker.registry import default_registry
from checker.runner import extract_document

from conftest import make_doc

RULES = [rule() for rule in default_registry() if rule.__module__.startswith("checker.rules.")]
SCHEMA = default_registry().schema()

DUTCH = "De NAVO heeft meer dan 200 schepen in de regio. Dat is een groot aantal voor de Noordzee en het is niet eerder gezien."
ENGLISH = "Russia has sent more than 120 troops to Belarus, and the ministers said that it is the largest number since the war."


def quantities(text: str) -> list[tuple[str, float | None, float | None]]:
    claims = extract_document(make_doc(text, language=None), RULES, SCHEMA).claims
    return [(c.text, c.value.low, c.value.high) for c in claims if c.kind == "quantity"]


def test_a_short_english_article_is_english_with_a_confidence():
    doc = make_doc("Russia has 120 troops in Belarus.", language=None)
    assert doc.article.language == "en"
    assert 0.5 < doc.article.language_confidence <= 1
    assert detect_language("De NAVO heeft 40 schepen.")[0] == "nl"


def test_a_given_language_has_no_confidence():
    assert make_doc("Russia has 120 troops in Belarus.", language="en").article.language_confidence is None


def test_paragraphs_in_another_language_are_read_in_theirs():
    assert quantities(f"{DUTCH}\n\n{ENGLISH}\n") == [("meer dan 200", 200, None), ("more than 120", 120, None)]
    assert quantities(f"{ENGLISH}\n\n{DUTCH}\n") == [("more than 120", 120, None), ("meer dan 200", 200, None)]


def test_a_paragraph_its_function_words_do_not_decide_keeps_the_article_language():
    text = f"{DUTCH}\n\nNATO: 'We are ready.'\n\n{DUTCH}\n"
    assert language_parts(text, "nl") == ()
    assert language_parts(f"{DUTCH}\n\n{ENGLISH}\n", "nl") == ((0, len(DUTCH) + 2, "nl"), (len(DUTCH) + 2, len(DUTCH) + len(ENGLISH) + 3, "en"))
