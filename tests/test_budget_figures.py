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
    assert found["2,9 procent"] and found["2,9 procent"].startswith("quantity:deficit/")


def test_a_phrase_of_time_after_the_subject_leaves_the_subject_measured(registry):
    """"groeit de economie volgend jaar met 1,3 procent": the economy grows, "jaar" is when."""
    found = keys(registry, "Het kabinet presenteert de begroting. Volgens het kabinet groeit de economie "
                 "volgend jaar met 1,3 procent.")
    assert found["1,3 procent"] and found["1,3 procent"].startswith("quantity:economy/")


def test_a_dutch_verb_of_change_after_met_and_the_figure_makes_it_a_change(registry):
    """"dat de economie met 1,1 procent groeit" is the size of a change, as "groeit met 1,1
    procent" is; "uit op 1,1 procent" stays a level."""
    found = keys(registry, "Het kabinet verwacht dat de Nederlandse economie in 2027 met 1,1 procent groeit.")
    assert found["1,1 procent"] and "/change/" in found["1,1 procent"]
    level = keys(registry, "Het kabinet verwacht dat het Nederlandse tekort in 2027 uitkomt op 1,1 procent.")
    assert level["1,1 procent"] and "/change/" not in level["1,1 procent"]


def test_whose_forecast_a_figure_of_the_economy_is_keys_it_whatever_the_word_order(registry):
    """The forecaster who states a figure that names no one else is whose it is: "Volgens het CPB
    groeit de economie ...", "..., the CPB forecasts" and "Het Centraal Planbureau verwacht dat ..."
    are the CPB's; the IMF's forecast of the same is another key."""
    nl = keys(registry, "Volgens het CPB groeit de economie volgend jaar met 1,3 procent.")
    also = keys(registry, "Het Centraal Planbureau verwacht dat de economie in 2027 met 1,1 procent groeit.")
    assert nl["1,3 procent"] == also["1,1 procent"] == "quantity:economy/cpb/change/percent/2027"
    imf = keys(registry, "Volgens het IMF groeit de economie volgend jaar met 1,3 procent.")
    assert imf["1,3 procent"] == "quantity:economy/imf/change/percent/2027"
    en = keys(registry, "The economy will grow by 1.3 percent next year, the CPB forecasts.", "en")
    assert en["1.3 percent"] == "quantity:economy/cpb/change/percent/2027"


def test_a_forecaster_of_the_sentence_before_owns_nothing_of_the_next(registry):
    """"Het CPB verwacht ... De werkloosheid blijft met 3,9 procent laag.": no figure of the CPB's."""
    found = keys(registry, "Het Centraal Planbureau verwacht dat de economie in 2027 met 1,1 procent groeit. "
                 "De werkloosheid blijft met 3,9 procent laag.")
    assert found["3,9 procent"] is None or "cpb" not in found["3,9 procent"]


def test_extra_is_no_noun_an_amount_measures(registry):
    """"an extra 2.1 billion euros": "extra" says more of something, it is nothing measured."""
    found = keys(registry, "The Dutch cabinet will spend an extra 2.1 billion euros next year.", "en")
    assert not (found["2.1 billion euros"] or "").startswith("quantity:extra/")


def test_what_an_amount_of_money_is_for_is_what_it_measures_in_either_language(registry):
    """"2,1 miljard euro extra voor defensie" and "an extra 2.1 billion euros on defence" are the
    money for defence; the money for education is another thing."""
    nl = keys(registry, "Het kabinet trekt volgend jaar 2,1 miljard euro extra uit voor defensie.")
    en = keys(registry, "The Dutch cabinet will spend an extra 2.1 billion euros on defence next year.", "en")
    assert nl["2,1 miljard euro"] == en["2.1 billion euros"] == "quantity:for-defence/netherlands/extra/euro/2027"
    other = keys(registry, "Het kabinet trekt volgend jaar 2,1 miljard euro extra uit voor onderwijs.")
    assert other["2,1 miljard euro"] == "quantity:for-education/netherlands/extra/euro/2027"


def test_what_receives_an_amount_of_money_is_what_it_is_for(registry):
    """"Defensie krijgt er in 2027 1,8 miljard euro bij": the money for defence, and more of it
    ("erbij krijgen"), as "2,1 miljard euro extra voor defensie" is; "Defence gets an extra 1.8
    billion euros" in English."""
    nl = keys(registry, "Defensie krijgt er in 2027 1,8 miljard euro bij.")
    assert nl["1,8 miljard euro"] == keys(registry, "Het kabinet trekt volgend jaar 2,1 miljard euro extra uit "
                                          "voor defensie.")["2,1 miljard euro"]
    gets = keys(registry, "The Dutch cabinet said defence gets an extra 1.8 billion euros in 2027.", "en")
    assert gets["1.8 billion euros"] == "quantity:for-defence/netherlands/extra/euro/2027"


def test_a_compound_that_opens_with_an_actor_is_still_what_is_measured(registry):
    """"De defensie-uitgaven komen op 2 procent": the spending is measured, "defensie" says whose;
    "Booking moet 3 miljoen euro betalen" measures no Booking."""
    found = keys(registry, "De defensie-uitgaven komen op 2 procent van het bbp.")
    assert found["2 procent"] and found["2 procent"].startswith("quantity:defensie-uitgave/")


def test_a_figure_set_against_a_change_is_a_change_too(registry):
    """"groeit ... met 1,3 procent, tegen 1,8 procent dit jaar": this year's growth, a change,
    never a level of 1.8 percent."""
    nl = keys(registry, "Volgens het CPB groeit de economie volgend jaar met 1,3 procent, tegen 1,8 procent dit jaar.")
    assert nl["1,8 procent"] and "/change/" in nl["1,8 procent"]
    en = keys(registry, "The economy will grow by 1.3 percent next year, against 1.8 percent this year, "
              "the CPB forecasts.", "en")
    assert en["1.8 percent"] and "/change/" in en["1.8 percent"]
    level = keys(registry, "Volgens het CPB komt het tekort volgend jaar uit op 2,1 procent, tegen 1,8 procent dit jaar.")
    assert level["1,8 procent"] is None or "/change/" not in level["1,8 procent"]


def test_the_measures_of_the_economy_have_one_name_in_both_languages(registry):
    """"Het begrotingstekort" is "the budget deficit", "de economie" "the economy"; a trade
    deficit is another measure."""
    nl = keys(registry, "Frankrijk presenteerde dinsdag zijn begroting. Het begrotingstekort komt in 2027 uit op 3,1 procent.")
    en = keys(registry, "France presented its budget on Tuesday. The budget deficit will come in at 2.9 percent in 2027.", "en")
    assert nl["3,1 procent"] == en["2.9 percent"] == "quantity:deficit/france/percent/2027"
    trade = keys(registry, "France presented its budget on Tuesday. The trade deficit will come in at 2.9 percent in 2027.",
                 "en")
    assert trade["2.9 percent"] != en["2.9 percent"]
    growth = keys(registry, "Volgens het CPB groeit de economie volgend jaar met 1,3 procent.")
    assert growth["1,3 procent"] == keys(registry, "The economy will grow by 1.1 percent next year, the CPB forecasts.",
                                         "en")["1.1 percent"]


def test_a_noun_of_a_known_compound_written_apart_is_that_compound(registry):
    """"Het tekort op de begroting" is "het begrotingstekort"; "het tekort op de handelsbalans"
    is no budget deficit."""
    apart = keys(registry, "Frankrijk presenteerde dinsdag zijn begroting. Het tekort op de begroting komt in 2027 "
                 "uit op 3,1 procent.")
    assert apart["3,1 procent"] == "quantity:deficit/france/percent/2027"
    trade = keys(registry, "Frankrijk presenteerde dinsdag zijn begroting. Het tekort op de handelsbalans komt in "
                 "2027 uit op 3,1 procent.")
    assert trade["3,1 procent"] != apart["3,1 procent"]
