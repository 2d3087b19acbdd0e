"""The article's own country: "in ons land", "in our country" name a country by no name."""
from __future__ import annotations

from checker.runner import extract_document

from conftest import make_doc


def claims(registry, text: str, language: str = "nl", date: str = "2024-03"):
    doc = make_doc(text, date=date, language=language)
    return {c.text: c for c in extract_document(doc, [registry.get("quantities")()], registry.schema()).claims}


def test_our_country_is_the_one_country_of_the_article_s_places(registry):
    found = claims(registry, "Door de storm zijn in ons land zeker 14 mensen omgekomen. "
                             "De meeste slachtoffers vielen in Zwolle, Deventer en Apeldoorn.")
    assert found["zeker 14"].key == "quantity:people/died/in-netherlands"
    assert "place" not in found["zeker 14"].inferred


def test_our_country_in_english_and_a_region_named_without_a_preposition(registry):
    found = claims(registry, "The storm has killed 11 people in our country, the interior ministry said. "
                             "The floods hit Wallonia hardest.", language="en")
    assert found["11"].key == "quantity:people/died/in-belgium"


def test_our_country_among_places_of_two_countries_is_no_place(registry):
    # Before, the figure took the place the article leads with: another country's toll.
    found = claims(registry, "In Frankrijk zijn bij de hittegolf al 40 mensen overleden, meldt de regering in Parijs. "
                             "Ook in Lyon en Marseille vielen doden. In ons land overleden zeker 6 mensen door de hitte.")
    assert found["zeker 6"].key is None
    assert found["40"].key == "quantity:people/died/in-france"


def test_a_province_named_as_a_country_is_not_that_country(registry):
    found = claims(registry, "Het noodweer kostte in ons land aan 8 mensen het leven. Er vielen doden in Dinant, "
                             "in Namen en in de provincie Luxemburg.")
    assert found["8"].key == "quantity:people/died/in-belgium"


def test_the_headline_s_our_country_places_a_figure_that_names_none(registry):
    text = ("Hoeveel mensen zijn in ons land geëvacueerd?\n\nVolgens de gouverneur zijn 300 mensen geëvacueerd. "
            "Het water stond het hoogst bij Dinant en bij Namen.")
    found = claims(registry, text)
    assert found["300"].key == "quantity:people/evacuated/in-belgium"
    assert found["300"].inferred == ["place"]


def test_a_counter_names_no_tally_of_the_dead(registry):
    found = claims(registry, "Het aantal vermisten in Luik is sterk gedaald. Gisteren stond de teller op 18.")
    assert found["18"].key is None or "died" not in found["18"].key


def test_the_first_word_of_a_longer_name_is_no_region_of_its_own(registry):
    # "North" alone is a region of Cameroon: it made two countries of the article's places
    found = claims(registry, "The storm killed 7 people in our country, officials said. To the north, in North "
                             "Rhine-Westphalia, roads were closed in Cologne.", language="en")
    assert found["7"].key == "quantity:people/died/in-germany"
