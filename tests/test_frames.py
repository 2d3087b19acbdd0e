"""Frames: the predicate, the counted noun and the place of a figure, read from its clause."""
from __future__ import annotations

import pytest

from checker.rules.toolkit.frames import frame_vocabulary
from checker.rules.toolkit import gazetteer as gazetteer_module
from checker.rules.toolkit.gazetteer import Gazetteer, as_table, gazetteer, slug, subdivision_names
from checker.rules.toolkit.vocabulary import Language
from checker.runner import extract_document

from conftest import make_doc


def keys(registry, text: str, language: str = "nl", date: str = "2021-07") -> dict[str, str | None]:
    doc = make_doc(text, date=date, language=language)
    return {c.text: c.key for c in extract_document(doc, [registry.get("quantities")()], registry.schema()).claims}


@pytest.mark.parametrize("language,word,label", [
    ("nl", "omgekomen", "died"), ("nl", "overleden", "died"), ("nl", "geëvacueerd", "evacuated"),
    ("nl", "vermist", "missing"), ("nl", "griepprik", "vaccinated"), ("en", "drowned", "died"),
    ("en", "evacuated", "evacuated"), ("en", "injured", "injured"), ("nl", "huizen", None), ("en", "ships", None),
    ("nl", "stakers", "on-strike"), ("nl", "werkzaam", "employed"), ("en", "employs", "employed"),
])
def test_a_word_names_its_predicate_by_form_lemma_or_compound_head(language, word, label):
    assert frame_vocabulary(Language(language)).predicate(word) == label


def test_the_gazetteer_knows_places_by_their_names_in_either_language():
    nl, en = gazetteer(Language("nl")), gazetteer(Language("en"))
    assert nl.lookup("Keulen") == en.lookup("Cologne") == nl.lookup("Köln")
    assert nl.lookup("Keulen").kind == "city" and nl.lookup("Keulen").country == "DE"
    assert nl.lookup("Duitsland").kind == "country" and en.lookup("Germany").id == nl.lookup("Duitsland").id
    assert nl.lookup("Noordrijn-Westfalen") == en.lookup("North Rhine-Westphalia")
    assert nl.lookup("Noordrijn-Westfalen").kind == "region"
    assert nl.lookup("zonder stroom") is None
    assert slug("Liège") == "liege"


def test_a_region_is_one_place_by_its_own_name_and_its_bracketed_names_in_either_language():
    nl, en = gazetteer(Language("nl")), gazetteer(Language("en"))
    assert nl.lookup("Wales") == en.lookup("Wales") == en.lookup("Cymru")  # ISO: "Wales [Cymru GB-CYM]"
    assert en.lookup("Wales").id == "wales" and en.lookup("Wales").kind == "region"
    assert nl.lookup("Catalonië") == en.lookup("Catalunya") == en.lookup("Cataluña")
    assert en.lookup("Stockholms län").id == "stockholms-lan"  # a code in brackets is no name
    assert subdivision_names("Illes Balears [Islas Baleares]") == ("Illes Balears", ["Islas Baleares"])


def test_the_gazetteer_cache_gives_the_table_it_was_built_from(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    tables = []  # the names the first call builds, as it hands them to the kept table
    monkeypatch.setattr(gazetteer_module, "as_table", lambda by_name: tables.append(by_name) or as_table(by_name))
    kept = Gazetteer.cached(Language("en"))
    assert list(tmp_path.rglob("gazetteer-en-*.table"))
    again = Gazetteer.cached(Language("en"))
    assert len(tables) == 1 and not again._by_name, "read from the kept table, not built"
    built = Gazetteer(Language("en"), build=False)
    built._by_name = tables[0]
    names = sorted(built._by_name)
    assert len(names) > 50_000
    for name in [*names[::97], "Cologne", "zonder stroom", ""]:
        assert again.lookup(name) == kept.lookup(name) == built.lookup(name), name
    assert again.lookup("Cologne").id == "koln" and again.lookup("Cologne").country == "DE"


def test_a_gazetteer_that_cannot_be_kept_is_built(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    built = Gazetteer.cached(Language("nl"))
    assert built._by_name and built.lookup("Keulen").id == "koln"


def test_people_are_keyed_by_what_happened_to_them_and_where(registry):
    assert keys(registry, "In Verviers zijn 42 mensen omgekomen.")["42"] == "quantity:people/died/in-verviers"
    assert keys(registry, "At least 42 people have died in Verviers.", "en")["At least 42"] == \
        "quantity:people/died/in-verviers"
    got = keys(registry, "At least 19 people have died in Cologne, and 300 were evacuated in Bonn.", "en")
    assert got == {"At least 19": "quantity:people/died/in-koln", "300": "quantity:people/evacuated/in-bonn"}


def test_people_without_a_predicate_are_not_keyed(registry):
    assert keys(registry, "De bondgenoten beschermen de 1 miljard mensen in onze landen.")["1 miljard"] is None


def test_a_tally_noun_names_the_counted_people(registry):
    got = keys(registry, "Het dodental in Duitsland is inmiddels opgelopen tot 81.")
    assert list(got.values()) == ["quantity:people/died/in-germany"]


def test_a_town_a_region_and_a_joint_total_are_places_of_their_own(registry):
    assert keys(registry, "In de provincie Luik zijn 32 mensen omgekomen.")["32"] == "quantity:people/died/in-liege"
    assert keys(registry, "In de Turkse stad Antakya zijn 150 mensen omgekomen.")["150"] == \
        "quantity:people/died/in-antakya"
    assert keys(registry, "In Duitsland en België zijn 202 mensen omgekomen.")["202"] == \
        "quantity:people/died/in-belgium & germany"
    assert keys(registry, "Another 31 died, bringing the death toll in both countries to 202.", "en")["202"] == \
        "quantity:people/died/in-total"


def test_a_past_year_is_part_of_the_key_and_no_figure(registry):
    got = keys(registry, "The 1953 flood killed 1,836 people in Zeeland.", "en", date="2021-07")
    assert got == {"1,836": "quantity:people/died/in-zeeland/1953"}


def test_a_place_name_before_a_figure_is_no_name_of_a_thing(registry):
    got = keys(registry, "Bij de ramp kwamen in Zeeland 1800 mensen om het leven.")
    assert got == {"1800": "quantity:people/died/in-zeeland"}


def test_a_noun_no_concept_knows_is_keyed_by_its_lemma_with_a_stated_place(registry):
    nl = keys(registry, "In de provincie Luik zitten 12.000 huishoudens zonder stroom.")
    en = keys(registry, "In Liège, 12,000 households were without power.", "en")
    # the name the two languages share ([nouns] of frames.toml): "huishouden" is household
    assert nl["12.000"] == "quantity:household/affected/in-liege"
    assert en["12,000"] == "quantity:household/affected/in-liege"  # a clause of its sentence states the place
    assert keys(registry, "In Luik zitten 12.000 gezinnen zonder stroom.")["12.000"] == "quantity:gezin/affected/in-liege"
    assert keys(registry, "Er zitten 12.000 huishoudens zonder stroom.")["12.000"] is None


def test_a_running_tally_is_marked_with_its_words(registry):
    doc = make_doc("Het aantal vermisten in België is gestegen naar 163.", date="2021-07")
    claim, = extract_document(doc, [registry.get("quantities")()], registry.schema()).claims
    assert claim.key == "quantity:people/missing/in-belgium" and claim.running


def test_an_amount_with_a_unit_measures_the_noun_phrase_its_clause_opens_with(registry):
    nl = keys(registry, "De totale verzekerde schade door wateroverlast in Limburg is ,,een veelvoud van 100 miljoen euro”.")
    assert nl == {"een veelvoud van 100 miljoen euro": "quantity:schade/in-limburg/euro"}
    fr = keys(registry, "Het begrotingstekort van Frankrijk komt dit jaar uit op 4,4 procent.")
    assert fr == {"4,4 procent": "quantity:deficit/france/percent"}
    assert keys(registry, "Turnout in the Netherlands was 78 percent.", "en") == \
        {"78 percent": "quantity:turnout/in-netherlands/percent"}


def test_a_noun_is_measured_only_when_the_amount_is_said_to_be_it(registry):
    assert keys(registry, "Nederland had in 2023 een begrotingstekort van 4,6 miljard euro.", date="2023-05") == \
        {"4,6 miljard euro": "quantity:deficit/netherlands/euro"}
    assert keys(registry, "De gemeente Amsterdam trekt 5 miljoen euro uit voor nieuwe fietspaden.") == \
        {"5 miljoen euro": None}


def test_a_year_after_the_article_s_is_part_of_the_key(registry):
    assert keys(registry, "Het begrotingstekort van Nederland komt volgend jaar uit op 2,8 procent.", date="2025-09") == \
        {"2,8 procent": "quantity:deficit/netherlands/percent/2026"}
    assert keys(registry, "Italy's deficit will fall to 3.3% of GDP in 2027.", "en", date="2025-09") == \
        {"3.3%": "quantity:deficit/italy/percent/2027"}


def test_an_amount_takes_the_one_actor_of_the_sentence_before(registry):
    text = "France presented its budget on Tuesday. The deficit will reach 3.1% of GDP."
    assert keys(registry, text, "en", date="2025-09") == {"3.1%": "quantity:deficit/france/percent"}
    text = "France and Italy presented their budgets on Tuesday. The deficit will reach 3.1% of GDP."
    assert keys(registry, text, "en", date="2025-09") == {"3.1%": None}
    text = "France presented its budget on Tuesday.\n\nThe deficit will reach 3.1% of GDP."
    assert keys(registry, text, "en", date="2025-09") == {"3.1%": None}


def test_a_name_between_a_figure_and_its_noun_is_passed_over(registry):
    text = "Salah has scored 27 Premier League goals for Liverpool this season."
    assert keys(registry, text, "en", date="2025-03-11") == {"27": "quantity:goal/salah"}


def test_a_name_of_the_clause_is_the_actor_of_an_open_noun(registry):
    assert keys(registry, "According to the final count, the Party for Freedom won 35 seats.", "en") == \
        {"35": "quantity:seat/party-for-freedom"}


def test_a_ratio_is_no_count(registry):
    assert keys(registry, "Een op de drie huishoudens in Valencia zat zonder stroom.") == {"drie": None}
    assert keys(registry, "Four out of five voters in Ohio backed the measure.", "en") == {"Four": None, "five": None}


def test_a_separable_verb_names_its_predicate(registry):
    assert keys(registry, "In Brussel keerden 300 mensen terug naar hun huis.")["300"] == \
        "quantity:people/returned/in-brussels"


def test_a_magnitude_measures_its_own_noun_not_the_figure_before_it(registry):
    got = keys(registry, "In Turkije kwamen 50.000 mensen om bij een aardbeving met een kracht van 7,8.")
    assert got == {"50.000": "quantity:people/died/in-turkey", "7,8": "quantity:kracht/in-turkey"}
    assert keys(registry, "Er worden nu nog 70 mensen vermist in België, in plaats van 127.")["127"] == \
        "quantity:people/missing/in-belgium"


def test_a_figure_in_brackets_takes_the_clause_before_them(registry):
    got = keys(registry, "Behalve de evacuaties in Roermond (circa 5000 bewoners) sluit de burgemeester niets uit.")
    assert got["circa 5000"] == "quantity:people/evacuated/in-roermond"


def test_people_of_a_place_are_placed_there_when_nothing_else_places_them(registry):
    got = keys(registry, "Officials said 120 people were evacuated from Bewdley.", "en")
    assert got == {"120": "quantity:people/evacuated/in-bewdley"}


def test_an_unknown_name_after_an_article_is_a_place_only_before_a_kind_of_place(registry):
    assert keys(registry, "In the European elections 300 people were arrested in Brussels.", "en")["300"] == \
        "quantity:people/arrested/in-brussels"
    assert keys(registry, "At least 90 people died in the Ahrweiler district.", "en")["At least 90"] == \
        "quantity:people/died/in-ahrweiler"


def test_a_measure_of_an_election_is_keyed_by_that_election(registry):
    en = keys(registry, "Turnout in Wednesday's general election was 78.2 percent, the council said.", "en")
    nl = keys(registry, "De opkomst bij de Tweede Kamerverkiezingen van woensdag was 78,2 procent, meldt de Kiesraad.")
    assert en == {"78.2 percent": "quantity:general-election/turnout/percent"}
    assert nl == {"78,2 procent": "quantity:kamerverkiezing/opkomst/percent"}
    assert keys(registry, "Turnout in the municipal election was 51 percent.", "en") == \
        {"51 percent": "quantity:election/turnout/percent"}


def test_a_place_inside_the_named_place_keys_the_count_apart(registry):
    """A count in a building or cellar of a town is not the town's count; a fire's place is the fire's."""
    en = keys(registry, "Two people were found dead in flooded cellars in Bonn.", "en")
    assert en["Two"] == "quantity:people/died/in-cellar-in-bonn"
    nl = keys(registry, "In een ingestort flatgebouw in Antakya kwamen 60 mensen om het leven.")
    assert nl["60"] == "quantity:people/died/in-flatgebouw-in-antakya"
    fire = keys(registry, "Three people died in a fire in a tower block in Leeds.", "en")
    assert fire["Three"] == "quantity:people/died/in-leeds"
    assert keys(registry, "At least twenty people died in Bonn.", "en")["At least twenty"] == "quantity:people/died/in-bonn"


def test_a_figure_of_a_poll_is_no_result(registry):
    """A poll's word anywhere in the sentence qualifies its figures; the result stays unqualified."""
    en = keys(registry, "In the last poll before the vote the Party for Freedom stood at 29 seats.", "en")
    assert en["29"] == "quantity:seat/party-for-freedom/projected"
    assert keys(registry, "The Party for Freedom won 37 seats.", "en")["37"] == "quantity:seat/party-for-freedom"
    nl = keys(registry, "In de laatste peiling staat de PVV op 29 zetels.")
    assert nl["29"] == "quantity:zetel/pvv/projected"


def test_a_figure_of_last_year_is_keyed_to_that_year(registry):
    nl = keys(registry, "Vorig jaar kwamen in Frankrijk 3200 mensen om het leven in het verkeer.", date="2025-09-15")
    assert nl["3200"].endswith("/2024")
    en = keys(registry, "Last year 3,200 people died on the roads in France.", "en", date="2025-09-15")
    assert en["3,200"].endswith("/2024")
    assert not keys(registry, "In Frankrijk kwamen zondag negen mensen om het leven.", date="2025-09-15")["negen"].endswith("/2024")


def test_staff_and_strikers_are_different_counts(registry):
    staff = keys(registry, "Tata Steel heeft in IJmuiden 9000 werknemers in dienst.")["9000"]
    strikers = keys(registry, "Bij Tata Steel in IJmuiden legden maandag 3000 werknemers het werk neer.")["3000"]
    assert staff == "quantity:werknemer/employed/in-ijmuiden"
    assert strikers == "quantity:werknemer/on-strike/in-ijmuiden"


def test_a_thing_counted_keeps_its_stated_actor_beside_its_place(registry):
    nl = keys(registry, "Nederland won op de Spelen in Parijs 34 medailles.", date="2024-08-11")
    be = keys(registry, "België won op de Spelen in Parijs 10 medailles.", date="2024-08-11")
    assert nl["34"] == "quantity:medaille/netherlands/in-paris"
    assert be["10"] == "quantity:medaille/belgium/in-paris"


def test_who_some_of_the_dead_were_is_no_toll(registry):
    nl = keys(registry, "Enkele lichamen werden gevonden en twee dodelijke slachtoffers waren brandweerlieden.")
    assert nl["twee"] is None
    en = keys(registry, "In Bonn two victims were children, the police said.", "en")
    assert en["two"] is None
    assert keys(registry, "In Bonn two people were killed, the police said.", "en")["two"] == "quantity:people/died/in-bonn"


def test_the_port_of_a_town_is_the_town(registry):
    got = keys(registry, "About 4,000 dock workers went on strike in the port of Antwerp on Monday.", "en")
    assert got["About 4,000"].endswith("/on-strike/in-antwerp")


def test_the_word_of_saying_is_no_claimant(registry):
    def attribution(text, language="nl"):
        doc = make_doc(text, date="2025-03-09", language=language)
        claims = extract_document(doc, [registry.get("quantities")()], registry.schema()).claims
        return {c.text: c.attribution for c in claims}
    assert attribution("Volgens de berichten demonstreerden in Amsterdam 10.000 mensen.")["10.000"] is None
    assert attribution("Volgens Greenpeace demonstreerden in Amsterdam 10.000 mensen.")["10.000"] == "Greenpeace"


def test_a_claimant_of_the_vocabulary_is_read_and_is_a_circumstance(registry):
    def claimed(text, language="nl"):
        doc = make_doc(text, date="2025-03-09", language=language)
        claims = extract_document(doc, [registry.get("quantities")()], registry.schema()).claims
        return {c.text: (c.attribution, c.context.get("claimant")) for c in claims}
    assert claimed("Volgens de politie demonstreerden in Amsterdam 10.000 mensen.")["10.000"] == ("police", "police")
    assert claimed("Police said 10,000 people protested in Amsterdam.", "en")["10,000"] == ("police", "police")
    assert claimed("About 40,000 people protested in Amsterdam, the organisers said.", "en")["About 40,000"] == \
        ("organisers", "organisers")
    assert claimed("In Amsterdam demonstreerden 10.000 mensen.")["10.000"] == (None, None)


def test_the_verb_right_before_counted_things_says_what_happened_to_them(registry):
    cut = keys(registry, "Philips will cut 6,000 jobs worldwide. Shares in Philips fell.", "en")["6,000"]
    created = keys(registry, "Philips will create 1,000 jobs worldwide. Shares in Philips rose.", "en")["1,000"]
    assert cut == "quantity:job/dismissed/philips"
    assert created == "quantity:job/created/philips"
    assert keys(registry, "In Liege 12,000 households were cut off from power.", "en")["12,000"] == \
        "quantity:household/affected/in-liege"


def test_a_word_of_time_or_a_pronominal_adverb_is_never_what_is_counted(registry):
    assert keys(registry, "Defensie krijgt volgend jaar miljarden erbij.")["miljarden"] is None
    got = keys(registry, "United sold two players for a combined 40 million pounds last summer.", "en")
    assert "last" not in (got["40 million pounds"] or "")


def test_a_denied_predicate_counts_those_of_whom_it_is_not_so(registry):
    assert keys(registry, "In Rotterdam zijn 40 kinderen niet gevaccineerd.")["40"] == \
        "quantity:people/not-vaccinated/in-rotterdam/children"
    assert keys(registry, "In Rotterdam zijn 40 kinderen gevaccineerd.")["40"] == \
        "quantity:people/vaccinated/in-rotterdam/children"
    assert keys(registry, "In Rotterdam, 40 children weren't vaccinated.", "en")["40"] == \
        "quantity:people/not-vaccinated/in-rotterdam/children"


def test_a_word_of_degree_makes_the_predicate_one_of_its_own(registry):
    assert keys(registry, "Bij het ongeluk bij Zwolle raakten 6 mensen zwaargewond.")["6"] == \
        "quantity:people/seriously-injured/in-zwolle"
    assert keys(registry, "Bij het ongeluk bij Zwolle vielen 6 zwaargewonden.")["6"] == \
        "quantity:people/seriously-injured/in-zwolle"
    assert keys(registry, "Bij het ongeluk bij Zwolle raakten 6 mensen ernstig gewond.")["6"] == \
        "quantity:people/seriously-injured/in-zwolle"
    assert keys(registry, "Bij het ongeluk bij Zwolle raakten 20 mensen gewond.")["20"] == \
        "quantity:people/injured/in-zwolle"
    assert keys(registry, "Six people were badly hurt in a crash near Leeds.", "en")["Six"] == \
        "quantity:people/seriously-injured/in-leeds"
    assert keys(registry, "Six people had minor injuries after a crash near Leeds.", "en")["Six"] == \
        "quantity:people/lightly-injured/in-leeds"
    assert keys(registry, "In Leeds, 40 homes were badly damaged by the storm.", "en")["40"] == \
        "quantity:home/seriously-damaged/in-leeds"


def test_a_group_among_a_population_qualifies_the_figure(registry):
    got = keys(registry, "Among voters under 25, turnout in the general election was 61 percent.", "en")
    assert got["61 percent"] == "quantity:general-election/turnout/among-voter-under-25/percent"
    assert keys(registry, "Onder jongeren was de opkomst bij de verkiezingen 61 procent.")["61 procent"] == \
        "quantity:verkiezing/opkomst/among-jong/percent"
    assert keys(registry, "De opkomst bij de verkiezingen was 78 procent.")["78 procent"] == \
        "quantity:verkiezing/opkomst/percent"
    # an idiom of the opener names no group
    assert keys(registry, "Bij de brand in Utrecht kwamen onder meer 3 mensen om.")["3"] == \
        "quantity:people/died/in-utrecht"


def test_a_noun_of_a_group_of_people_qualifies_the_figure(registry):
    assert keys(registry, "Bij het busongeluk bij Cusco kwamen 5 kinderen om.")["5"] == \
        "quantity:people/died/in-cusco/children"
    assert keys(registry, "Five children were killed when a bus crashed near Cusco.", "en")["Five"] == \
        "quantity:people/died/in-cusco/children"
    assert keys(registry, "Twelve people were killed when a bus crashed near Cusco.", "en")["Twelve"] == \
        "quantity:people/died/in-cusco"


def test_a_modifier_before_the_measured_noun_makes_it_another_measure(registry):
    got = keys(registry, "Unilever made an operating profit of 4 billion euros.", "en")
    assert got["4 billion euros"] == "quantity:operating-profit/unilever/euro"
    assert keys(registry, "Unilever made a profit of 3 billion euros.", "en")["3 billion euros"] == \
        "quantity:profit/unilever/euro"
    assert keys(registry, "Heineken boekte een netto winst van 1,2 miljard euro.")["1,2 miljard euro"] == \
        "quantity:net-profit/heineken/euro"
    assert keys(registry, "Heineken boekte een nettowinst van 1,2 miljard euro.")["1,2 miljard euro"] == \
        "quantity:net-profit/heineken/euro"


def test_an_act_before_a_plural_noun_is_the_first_part_of_an_open_compound(registry):
    assert keys(registry, "About 300 rescue workers searched the rubble in Cusco.", "en")["About 300"] == \
        "quantity:worker/rescued/in-cusco"
    assert keys(registry, "In Cusco, 20 injured tourists were taken to hospital.", "en")["20"] == \
        "quantity:people/injured/in-cusco"


def test_an_order_to_do_it_makes_the_predicate_one_of_its_own(registry):
    got = keys(registry, "Some 30,000 people were under evacuation orders near Los Angeles.", "en")
    assert got["Some 30,000"] == "quantity:people/ordered-evacuated/in-los-angeles"
    got = keys(registry, "Dinsdag kregen 30.000 mensen bij Los Angeles het bevel om te evacueren.")
    assert got["30.000"] == "quantity:people/ordered-evacuated/in-los-angeles"
    assert keys(registry, "About 10,000 people were evacuated near Los Angeles.", "en")["About 10,000"] == \
        "quantity:people/evacuated/in-los-angeles"


def test_a_stem_whose_particle_ends_the_clause_is_another_verb(registry):
    assert keys(registry, "In april vroegen 3000 mensen asiel aan in Nederland.")["3000"] is None  # aanvragen
    assert keys(registry, "In Rotterdam vroegen 3000 mensen om hulp.")["3000"] == "quantity:people/demanded/in-rotterdam"
    assert keys(registry, "In Duitsland kwamen 170 mensen om.")["170"] == "quantity:people/died/in-germany"


def causes(registry, text: str, language: str = "nl") -> dict[str, str | None]:
    doc = make_doc(text, date="2025-10-30", language=language)
    return {c.text: c.context.get("cause") for c in extract_document(doc, [registry.get("quantities")()],
                                                                       registry.schema()).claims}


def test_an_election_is_named_by_the_word_that_says_which(registry):
    assert causes(registry, "In the European elections, the Greens won 53 seats.", "en")["53"] == "election:european"
    assert causes(registry, "In the elections, the Greens won 53 seats.", "en")["53"] == "election"
    assert causes(registry, "De BBB won bij de Provinciale Statenverkiezingen 137 zetels.")["137"] == "election:staat"
    assert causes(registry, "In Wednesday's election, the Greens won 53 seats.", "en")["53"] == "election"


def test_a_time_right_after_a_figure_is_its_own_year(registry):
    got = keys(registry, "The Dutch deficit will rise to 2.6 percent of GDP next year, from 2.2 percent this year.", "en",
               date="2025-09-16")
    assert got == {"2.6 percent": "quantity:deficit/netherlands/percent/2026",
                   "2.2 percent": "quantity:deficit/netherlands/percent"}


def test_a_figure_right_after_a_verb_of_change_is_the_size_of_a_change(registry):
    got = keys(registry, "Support for the Greens in Germany rose by 27 percent.", "en")
    assert got["27 percent"] == "quantity:support/in-germany/change/percent"
    got = keys(registry, "De Nederlandse economie groeide in het derde kwartaal met 0,8 procent.")
    assert got["0,8 procent"] == "quantity:economy/netherlands/change/percent"
    got = keys(registry, "The Conservatives lost 480 seats in the local elections and now hold 950.", "en")
    assert got == {"480": "quantity:seat/conservatives/change", "950": "quantity:seat/conservatives"}
    assert keys(registry, "Support for the Greens in Germany rose to 14 percent.", "en")["14 percent"] == \
        "quantity:support/in-germany/percent"


def test_what_people_died_of_is_a_circumstance(registry):
    doc = make_doc("In Congo zijn dit jaar al 1200 mensen aan mazelen overleden.", date="2025-01-15")
    claims = extract_document(doc, [registry.get("quantities")()], registry.schema()).claims
    assert [c.context.get("agent") for c in claims] == ["measles"]
    doc = make_doc("Three people died of their injuries in Leeds.", date="2025-01-15", language="en")
    claims = extract_document(doc, [registry.get("quantities")()], registry.schema()).claims
    assert [c.context.get("agent") for c in claims] == [None]
