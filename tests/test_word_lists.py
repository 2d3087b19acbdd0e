"""Word lists are data: the small words the rules read (articles, list joiners, nouns of
territory, ...) come from rules/data/<language>/*.toml, so a config's vocabulary reaches them."""
from __future__ import annotations

from checker.rules.toolkit.context import followed_by_place_noun, is_place_use
from checker.rules.toolkit.lexicon import vocabulary
from checker.rules.toolkit.vocabulary import Language, frozen_additions

from conftest import make_doc


def language(code: str, vocabulary_config: dict | None = None) -> Language:
    return Language(code, frozen_additions(vocabulary_config or {}))


def actor_hit(doc, lang: Language, words: str):
    return next(h for h in vocabulary(lang).actors.find(doc.scan_text) if h.words == words)


def test_a_noun_of_territory_added_in_the_config_makes_a_country_a_place():
    doc = make_doc("Troops massed on the Russian hinterland.\n", language="en")
    plain, extended = language("en"), language("en", {"en": {"grammar": {"place_nouns": ["hinterland"]}}})
    assert not followed_by_place_noun(doc, actor_hit(doc, plain, "Russian"), vocabulary(plain))
    doc = make_doc("Troops massed on the Russian hinterland.\n", language="en")  # a fresh article: nothing remembered
    assert followed_by_place_noun(doc, actor_hit(doc, extended, "Russian"), vocabulary(extended))


def test_a_list_of_places_is_read_with_the_language_s_joiners():
    """"of" joins a Dutch list ("in Polen of Litouwen"): "Litouwen" there is a place, not an actor."""
    doc = make_doc("De troepen staan in Polen of Litouwen.\n")
    nl = language("nl")
    assert is_place_use(doc, actor_hit(doc, nl, "Litouwen"), vocabulary(nl))


def test_a_particle_added_in_the_config_keeps_a_name_whole():
    from checker.rules.toolkit.persons import name_grammar

    plain = name_grammar(language("nl")).name_after.match(" José dos Santos zei")
    extended = name_grammar(language("nl", {"nl": {"grammar": {"particles": ["dos"]}}})).name_after.match(
        " José dos Santos zei")
    assert plain.group("name") == "José"
    assert extended.group("name") == "José dos Santos"
    assert name_grammar(language("en")).name_after.match(" Bart de Wever said").group("name") == \
        "Bart de Wever"


def quantities(text: str, vocabulary_config: dict | None = None) -> list:
    from checker.registry import default_registry
    from checker.runner import extract_document

    registry = default_registry()
    rule = registry.instantiate(registry.get("quantities"), None, vocabulary_config)
    return extract_document(make_doc(text), [rule], registry.schema()).claims


def test_a_word_before_a_time_of_day_added_in_the_config_makes_the_number_a_time():
    text = "De NAVO-ministers komen omstreeks 8 uur bijeen in Brussel.\n"
    assert [c.text for c in quantities(text)] == ["8 uur"]  # a duration, as far as the data knows
    assert quantities(text, {"nl": {"grammar": {"clock_before": ["omstreeks"]}}}) == []


def test_a_word_of_change_added_in_the_config_makes_two_figures_a_change():
    text = "Het aantal militairen groeit vanaf 40.000 tot 300.000.\n"
    assert [c.text for c in quantities(text)] == ["40.000 tot 300.000"]  # a range
    changed = quantities(text, {"nl": {"grammar": {"change_from": ["vanaf"]}}})
    assert [(c.text, c.earlier) for c in changed] == [("40.000", "vanaf 40.000 tot 300.000"), ("300.000", None)]


def test_the_frame_words_come_from_the_data_with_the_config_s_additions():
    from checker.rules.toolkit.frames import frame_vocabulary

    plain = frame_vocabulary(language("en"))
    extended = frame_vocabulary(language("en", {"en": {"grammar": {"name_joiners": ["del"], "list_joiners": ["plus"]}}}))
    assert plain.name.match("Partido del Pueblo").group() == "Partido"
    assert extended.name.match("Partido del Pueblo").group() == "Partido del Pueblo"
    assert plain.list_split.split("Germany and Belgium plus France") == ["Germany", "Belgium plus France"]
    assert extended.list_split.split("Germany and Belgium plus France") == ["Germany", "Belgium", "France"]
