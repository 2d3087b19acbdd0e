"""Comparing claims across articles: conflicts, changes, tolerances and dates of events."""
from __future__ import annotations

from checker.conflicts import find_conflicts
from checker.matching import complete_keys
from checker.registry import default_registry
from checker.runner import extract_document

from conftest import make_doc

RULES = [rule() for rule in default_registry() if rule.__module__.startswith("checker.rules.")]
SCHEMA = default_registry().schema()


def findings(*articles):
    """Findings for articles given as (text, date) or (text, date, language)."""
    docs = [make_doc(text, date=date, name=f"a{i}.txt", language=language)
            for i, (text, date, language) in enumerate(a if len(a) == 3 else (*a, "nl") for a in articles)]
    claims = complete_keys([c for d in docs for c in extract_document(d, RULES, SCHEMA).claims], SCHEMA)
    return find_conflicts(claims, {d.article.id: d.article for d in docs}, SCHEMA)


def test_same_meeting_dated_differently_is_a_conflict():
    result = findings(("De NAVO-ministers van Buitenlandse Zaken komen op 6-7 april bijeen in Brussel.", "2022-04"),
                      ("De NAVO-ministers van Buitenlandse Zaken komen op 5 april bijeen in Brussel.", "2022-04"))
    assert [(f.status, f.key) for f in result] == [("conflict", "date:ministers-meeting/nato")]


def test_different_events_in_one_month_are_no_finding():
    assert findings(("De NAVO-top begint op 24 maart in Brussel.", "2022-03"),
                    ("De Russische oefeningen in Wit-Rusland eindigen op 20 maart.", "2022-03")) == []


def test_different_periods_are_a_change_not_a_conflict():
    result = findings(("Rusland heeft 100.000 militairen aan de grens met Oekraïne.", "2022-01"),
                      ("Rusland heeft 150.000 militairen aan de grens met Oekraïne.", "2022-02"))
    assert [f.status for f in result] == ["changed"]


def test_approximations_and_bounds_agree_with_nearby_values():
    assert findings(("Rusland heeft zo'n 200.000 militairen aan de grens met Oekraïne.", "2022-02"),
                    ("Rusland heeft ongeveer 190.000 militairen aan de grens met Oekraïne.", "2022-02")) == []
    assert findings(("Rusland heeft bijna 100 tanks in Wit-Rusland.", "2022-02"),
                    ("Rusland heeft 98 tanks in Wit-Rusland.", "2022-02")) == []


def test_a_figure_agrees_with_the_more_precise_figures_it_rounds():
    def agree(a: str, b: str, language: str = "nl") -> bool:
        return findings((f"In Limburg werd het {a} graden.", "2022-07", language),
                        (f"In Limburg werd het {b} graden.", "2022-07", language)) == []

    assert agree("34", "34,2") and agree("34", "34,4") and agree("34", "33,6")
    assert not agree("34", "34,6") and not agree("34", "35") and not agree("2,0", "2,1")
    assert not agree("2,5", "3") and not agree("1,0", "0,8")


def test_same_number_for_different_things_is_no_finding():
    assert findings(("De VS hebben 100.000 militairen in Europa.", "2022-02"),
                    ("Rusland heeft meer dan 100.000 militairen aan de grens met Oekraïne.", "2022-02"),
                    ("Volgens het Westen zijn 30.000 Russische soldaten in Wit-Rusland.", "2022-02")) == []


def test_a_figure_said_to_be_from_earlier_is_a_change():
    result = findings(("Oorspronkelijk stonden 5000 Britse militairen in Estland.", "2022-05"),
                      ("Er staan 8000 Britse militairen in Estland.", "2022-05"))
    assert [f.status for f in result] == ["changed"]


def test_the_figure_a_rise_is_measured_against_is_a_change():
    result = findings(("Er staan 8000 Britse soldaten in Polen.", "2022-05"),
                      ("Groot-Brittannië heeft nu 8000 militairen in Polen, een forse stijging vergeleken met de "
                       "3000 militairen in Polen van vorig jaar.", "2022-05"))
    assert [f.status for f in result] == ["changed"]
    result = findings(("There are 8,000 British troops in Poland.", "2022-05", "en"),
                      ("Britain now has 8,000 troops in Poland, up from 3,000 troops last year.", "2022-05", "en"))
    assert [f.status for f in result] == ["changed"]


def test_an_undated_article_is_dated_by_the_dates_it_gives():
    result = findings(("Op 3 mei 2022 stonden 8000 Britse militairen in Estland.", None),
                      ("Er staan 5000 Britse militairen in Estland.", "2022-01"))
    assert [f.status for f in result] == ["changed"]


def test_a_recurring_event_in_other_months_is_no_finding():
    assert findings(("De NAVO-top begint op 24 maart.", "2022-03"),
                    ("De NAVO-top begint op 28 juni.", "2022-06")) == []


def test_a_claim_without_a_place_joins_the_one_place_other_articles_give():
    result = findings(("Rusland heeft 100.000 militairen aan de grens met Oekraïne.", "2022-02"),
                      ("Rusland heeft inmiddels 150.000 militairen samengetrokken.", "2022-02"))
    assert [(f.status, f.key) for f in result] == [("conflict", "quantity:troops/russia/in-ukraine")]


def test_a_claim_that_could_join_two_places_joins_neither():
    result = findings(("Rusland heeft 100.000 militairen aan de grens met Oekraïne.", "2022-02"),
                      ("Rusland heeft 30.000 militairen in Wit-Rusland.", "2022-02"),
                      ("Rusland heeft inmiddels 150.000 militairen samengetrokken.", "2022-02"))
    assert result == []


def test_a_claim_that_could_join_two_places_joins_the_one_its_article_is_about():
    result = findings(("Rusland heeft 100.000 militairen aan de grens met Oekraïne.", "2022-02"),
                      ("Rusland heeft 30.000 militairen in Wit-Rusland.", "2022-02"),
                      ("De oefeningen in Wit-Rusland beginnen. Rusland stuurde 12.000 militairen. "
                       "Ook de luchtmacht van Wit-Rusland doet mee.", "2022-02"))
    assert [(f.status, f.key) for f in result] == [("conflict", "quantity:troops/russia/in-belarus")]


def test_a_claim_without_a_place_takes_the_one_place_its_own_article_gives():
    claims = complete_keys([c for c in extract_document(make_doc(
        "Rusland heeft 100.000 militairen aan de grens met Oekraïne. Eerder waren het er 80.000 militairen van Rusland."),
        RULES, SCHEMA).claims if c.kind == "quantity"], SCHEMA)
    assert [(c.key, c.evidence.get("place")) for c in claims][1] == \
        ("quantity:troops/russia/in-ukraine", "(ukraine, as in the same article)")


def test_a_change_from_one_figure_to_another_is_a_change_against_the_old_figure():
    result = findings(("Vóór de inval telde de NAVO vier gevechtsgroepen aan de oostflank.", "2022-03"),
                      ("De NAVO breidde haar gevechtsgroepen aan de oostflank uit, van vier tot acht.", "2022-03"))
    assert [(f.status, f.key) for f in result] == [("changed", "quantity:battlegroups/nato/in-eastern-flank")]
    claims = extract_document(make_doc("De NAVO breidde haar gevechtsgroepen aan de oostflank uit, van vier tot acht."),
                              RULES, SCHEMA).claims
    assert [(c.text, c.earlier) for c in claims if c.kind == "quantity"] == [
        ("vier", "van vier tot acht"), ("acht", None)]


def test_from_whom_to_a_place_is_no_change():
    claims = extract_document(make_doc("Volgens de VN zijn 3,5 miljoen mensen gevlucht, van wie ruim 2 miljoen naar Polen."),
                              RULES, SCHEMA).claims
    assert [(c.text, c.earlier) for c in claims if c.kind == "quantity"] == [("3,5 miljoen", None), ("ruim 2 miljoen", None)]


def test_a_partial_claim_is_keyed_only_by_its_own_article():
    def keys(text):
        claims = complete_keys(extract_document(make_doc(text, date="2022-02"), RULES, SCHEMA).claims, SCHEMA)
        return [(c.text, c.key) for c in claims]
    assert keys("Volgens de VS heeft Rusland 169.000 militairen bij Oekraïne. Eerder ging het om "
                "circa 100.000 manschappen.") == [
        ("169.000", "quantity:troops/russia/in-ukraine"), ("circa 100.000", "quantity:troops/russia/in-ukraine")]
    assert keys("Eerder ging het om circa 100.000 manschappen, zei een woordvoerder.")[0][1] is None
    assert keys("Rusland houdt oefeningen in Wit-Rusland in februari. De manoeuvres duren tot 20 februari.") == [
        ("februari", "date:exercise/russia/in-belarus"), ("20 februari", "date:exercise/russia/in-belarus")]
    assert keys("De manoeuvres duren tot 20 februari.") == [("20 februari", None)]
    summit = keys("De NAVO-leiders houden op 24 maart een top in Brussel. De top begint op 24 maart.")
    assert [k for t, k in summit if t == "24 maart"] == ["date:summit/nato"] * 2  # the place claim is no other way


def test_a_thin_key_from_the_article_needs_another_figure_in_common():
    nato = "De NAVO vergadert. De NAVO-landen overleggen. "
    lone = findings(("De NAVO heeft 150 schepen in actie.", "2022-02"),
                    (nato + "Er varen 90 schepen.", "2022-02"))
    assert lone == []
    backed = findings(("De NAVO heeft 150 schepen en 130 jachtvliegtuigen in actie.", "2022-02"),
                      (nato + "Er varen 90 schepen en er vliegen 130 jachtvliegtuigen.", "2022-02"))
    assert [(f.status, f.key) for f in backed] == [("conflict", "quantity:ships/nato")]


def test_a_duration_is_checked_against_the_days_of_the_same_event():
    result = findings(("De Russische oefeningen in Wit-Rusland lopen van 10 tot 20 februari.", "2022-02"),
                      ("De Russische oefeningen in Wit-Rusland duren vijf dagen.", "2022-02"))
    assert [(f.status, f.key) for f in result] == [("conflict", "quantity:exercise/russia/in-belarus/day")]
    assert findings(("De Russische oefeningen in Wit-Rusland lopen van 10 tot 20 februari.", "2022-02"),
                    ("De Russische oefeningen in Wit-Rusland duren elf dagen.", "2022-02")) == []
    assert findings(("De Russische oefeningen in Wit-Rusland vinden plaats in februari.", "2022-02"),
                    ("De Russische oefeningen in Wit-Rusland duren vijf dagen.", "2022-02")) == []


def test_two_day_ranges_of_one_event_make_one_finding_not_two():
    result = findings(("De NAVO-ministers van Buitenlandse Zaken komen op 6-7 april bijeen.", "2022-04"),
                      ("De NAVO-ministers van Buitenlandse Zaken komen op 12-14 april bijeen.", "2022-04"))
    assert [f.key for f in result] == ["date:ministers-meeting/nato"]


def test_two_spellings_of_one_name_are_a_variant_naming_the_house_style():
    result = findings(("De Oekraïense president Volodymyr Zelensky vroeg om wapens.", "2022-03"),
                      ("De Oekraïense president Volodymyr Zelenskyy vroeg om wapens.", "2022-03"))
    assert [(f.status, f.key) for f in result] == [("variant", "name:zelenski/nl")]
    assert "house style: Zelensky" in result[0].reason


def test_a_languages_own_exonym_is_no_variant():
    dutch = make_doc("De Russische president Vladimir Poetin sprak maandag.", name="nl.txt")
    english = make_doc("Russian President Vladimir Putin spoke on Monday.", language="en", name="en.txt")
    claims = [c for d in (dutch, english) for c in extract_document(d, RULES, SCHEMA).claims]
    assert {c.text for c in claims if c.kind == "name"} == {"Poetin", "Putin"}
    assert find_conflicts(claims, {d.article.id: d.article for d in (dutch, english)}, SCHEMA) == []


def test_two_offices_for_one_person_at_one_time_are_a_conflict():
    result = findings(("De Russische minister van Buitenlandse Zaken Sergej Lavrov landde in Genève.", "2022-01"),
                      ("De Russische minister van Defensie Sergej Lavrov landde in Genève.", "2022-01"))
    assert [(f.status, f.key) for f in result] == [("conflict", "role:lavrov")]


def test_one_office_agrees_across_wordings():
    assert findings(("NAVO-topman Jens Stoltenberg sprak.", "2022-01"),
                    ("Secretaris-generaal Jens Stoltenberg van de NAVO sprak.", "2022-01"),
                    ("NAVO-baas Stoltenberg zei het ook.", "2022-01")) == []


def test_another_holder_of_an_office_later_is_a_change():
    result = findings(("De Britse premier Boris Johnson sprak.", "2022-03"),
                      ("De Britse premier Rishi Sunak sprak.", "2022-11"))
    assert [(f.status, f.key) for f in result] == [("changed", "holder:prime-minister/uk")]


def test_one_meeting_in_two_cities_is_a_conflict():
    result = findings(("De NAVO-ministers van Buitenlandse Zaken komen op 6-7 april bijeen in Brussel.", "2022-04"),
                      ("De NAVO-ministers van Buitenlandse Zaken komen op 6-7 april bijeen in Berlijn.", "2022-04"))
    assert [(f.status, f.key) for f in result] == [("conflict", "place:ministers-meeting/nato")]


def test_the_seed_offices_and_places():
    from checker.pipeline import RunOptions, run_check
    from conftest import SEEDS

    report = run_check(RunOptions(paths=[str(SEEDS)]))
    roles = {(c.key, c.value.text) for c in report.claims if c.kind == "role"}
    assert {("role:stoltenberg", "secretary-general"), ("role:hukstra", "foreign-minister"),
            ("role:trus", "foreign-minister"), ("role:lavrov", "foreign-minister"),
            ("role:iohnson", "prime-minister")} <= roles
    assert len({c.article for c in report.claims if c.key == "role:stoltenberg"}) == 5
    places = {(c.text, c.value.text) for c in report.claims if c.kind == "place"}
    assert {("Brussel", "brussels"), ("Moskou", "moscow")} <= places
    assert [f.key for f in report.conflicts] == ["quantity:ships/nato"]


def test_figures_of_an_undated_article_differ_without_a_conflict():
    """With no date line and no dates, an article may be of another month: `undated`, not an alarm."""
    result = findings(("Rusland heeft 100.000 militairen aan de grens met Oekraïne.", None),
                      ("Rusland heeft 150.000 militairen aan de grens met Oekraïne.", "2022-02"))
    assert [(f.status, f.key) for f in result] == [("undated", "quantity:troops/russia/in-ukraine")]


def test_an_undated_claim_joins_the_conflict_of_its_key():
    result = findings(("Rusland heeft 100.000 militairen aan de grens met Oekraïne.", None),
                      ("Rusland heeft 150.000 militairen aan de grens met Oekraïne.", "2022-02"),
                      ("Rusland heeft 150.000 militairen aan de grens met Oekraïne.", "2022-02"),
                      ("Rusland heeft 90.000 militairen aan de grens met Oekraïne.", "2022-02"))
    assert [(f.status, len(f.claims)) for f in result] == [("conflict", 4)]


def test_a_vague_plural_does_not_deny_a_larger_figure():
    """"Duizenden" is at least a thousand: it agrees with 40.000, not with 800."""
    assert findings(("Duizenden Duitse militairen staan paraat in Litouwen.", "2022-02"),
                    ("Duitsland heeft 40.000 militairen paraat in Litouwen.", "2022-02")) == []
    result = findings(("Duizenden Duitse militairen staan paraat in Litouwen.", "2022-02"),
                      ("Duitsland heeft 800 militairen paraat in Litouwen.", "2022-02"))
    assert [f.status for f in result] == ["conflict"]


def test_claims_whose_owner_comes_from_their_articles_compare_when_their_sentences_say_more():
    """Both forces are the articles' NATO's; each sentence itself names the reaction force."""
    result = findings(("De NAVO vergadert. De snelle reactiemacht van 25.000 man staat klaar. De NAVO wacht.", "2022-02"),
                      ("De NAVO vergadert. De snelle reactiemacht van 30.000 man staat klaar. De NAVO wacht.", "2022-02"))
    assert [(f.status, f.key) for f in result] == [("conflict", "quantity:troops/nato/high-readiness")]


def test_a_bare_figure_answers_the_thing_the_sentence_before_asks_about():
    result = findings(("Hoeveel Russische militairen er in Wit-Rusland zijn, is niet bekend. Kyiv schat het op 50.000.", "2022-02"),
                      ("Rusland heeft 30.000 militairen in Wit-Rusland.", "2022-02"))
    assert [(f.status, f.key) for f in result] == [("conflict", "quantity:troops/russia/in-belarus")]


def test_a_planned_figure_is_no_change_of_todays():
    """"zal ... tot 9000" is a target; today's 4000 agrees with another article's 4000. After
    "steeg van 4000 tot 9000" today's figure is 9000."""
    assert findings(("Het aantal Duitse militairen in Litouwen zal stijgen van 4000 tot 9000.", "2022-06"),
                    ("Duitsland heeft 4000 militairen in Litouwen.", "2022-06")) == []
    result = findings(("Het aantal Duitse militairen in Litouwen steeg van 4000 tot 9000.", "2022-06"),
                      ("Duitsland heeft 4000 militairen in Litouwen.", "2022-06"))
    assert [f.status for f in result] == ["conflict"]


def test_competing_claimants_figures_are_each_one_s_word():
    # two named sources that disagree are two claims, no conflict between articles
    assert findings(("Kyiv says 15,000 Russian soldiers have been killed.", "2022-03", "en"),
                    ("The Pentagon estimates that 7,000 Russian soldiers have been killed.", "2022-03", "en")) == []


def test_a_claimant_s_figure_against_an_unattributed_one_is_named_in_the_finding():
    result = findings(("Kyiv says 15,000 Russian soldiers have been killed.", "2022-03", "en"),
                      ("So far 7,000 Russian soldiers have been killed.", "2022-03", "en"))
    assert [(f.status, f.key) for f in result] == [("conflict", "quantity:troops/russia/killed")]
    assert "per ukraine" in result[0].reason


def test_a_figure_of_last_month_is_a_change():
    result = findings(("The Pentagon put 8,500 US troops in Europe on high alert last month.", "2022-02", "en"),
                      ("The US has 5,000 troops in Europe on high alert.", "2022-02", "en"))
    assert [f.status for f in result] == ["changed"]


def test_a_date_beside_an_event_of_reference_is_not_that_event_s():
    assert findings(("Biden reist op 25 maart naar Polen, na de NAVO-top in Brussel.", "2022-03"),
                    ("De NAVO-top in Brussel is op 24 maart.", "2022-03")) == []
    result = findings(("Biden flies to Poland after the NATO summit in Brussels on March 25.", "2022-03", "en"),
                      ("De NAVO-top in Brussel is op 24 maart.", "2022-03"))
    assert [f.status for f in result] == ["conflict"]


def test_the_date_of_an_event_a_sentence_names_does_not_date_its_figure():
    # both articles speak of 2 March; the invasion's date in the first is the invasion's
    result = findings(("Sinds de Russische inval op 24 februari heeft Rusland 150.000 militairen in Oekraïne.",
                       "2022-03-02"),
                      ("Rusland heeft 190.000 militairen in Oekraïne.", "2022-03-02"))
    assert [(f.status, f.key) for f in result] == [("conflict", "quantity:troops/russia/in-ukraine")]


def test_a_running_tally_of_two_days_is_a_change_of_one_day_a_conflict():
    one_day = findings(("In Verviers zijn 42 mensen omgekomen.", "2021-07-15"),
                       ("In Verviers zijn 45 mensen omgekomen.", "2021-07-15"))
    two_days = findings(("In Verviers zijn 42 mensen omgekomen.", "2021-07-15"),
                        ("In Verviers zijn 45 mensen omgekomen.", "2021-07-16"))
    one_month = findings(("In Verviers zijn 42 mensen omgekomen.", "2021-07"),
                         ("In Verviers zijn 45 mensen omgekomen.", "2021-07"))
    assert [f.status for f in one_day] == ["conflict"]
    assert [f.status for f in two_days] == [f.status for f in one_month] == ["changed"]
