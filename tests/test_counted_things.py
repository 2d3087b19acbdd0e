"""What a figure counts, in any news domain: the noun a count noun names, the noun a figure
counts, whose and where the counted things are, and what happened to them."""
from __future__ import annotations

from checker.runner import extract_document

from conftest import make_doc


def keys(registry, text: str, language: str = "nl", date: str = "2026-05-04") -> dict[str, str | None]:
    doc = make_doc(text, date=date, language=language)
    return {c.text: c.key for c in extract_document(doc, [registry.get("quantities")()], registry.schema()).claims}


def test_a_count_noun_names_what_its_figure_counts(registry):
    """ "The number of X ... 64" counts X, as "64 X" does; never "number"."""
    en = keys(registry, "The number of measles cases in Rotterdam has risen to 64, the health service said.", "en")
    assert en["64"] == keys(registry, "There are now 64 measles cases in Rotterdam.", "en")["64"]
    assert "number" not in en["64"]
    power = keys(registry, "The number of households without power in Leeds fell to 3,000 on Monday.", "en")
    assert power["3,000"] == keys(registry, "In Leeds 3,000 households are without power.", "en")["3,000"] == \
        "quantity:household/affected/in-leeds"  # what happened to them is said after the noun, as after a figure
    nl = keys(registry, "Het aantal huishoudens zonder stroom in Luik is gedaald tot 3000.")
    assert nl["3000"] == "quantity:household/affected/in-liege"  # the noun's class, as "3000 huishoudens" and in English
    # a tally and a concept of the vocabulary keep their own reading
    assert keys(registry, "The number of dead in Leeds rose to 12.", "en")["12"] == "quantity:people/died/in-leeds"


def test_a_plural_noun_after_a_figure_is_read_as_a_noun_not_as_a_verb(registry):
    """ "71 gevallen" are cases (geval), not the participle of "vallen" (to fall)."""
    from checker.rules.toolkit.lemmas import noun_lemma

    assert noun_lemma("gevallen", "nl") == "geval" and noun_lemma("gevaren", "nl") == "gevaar"
    assert noun_lemma("gebouwen", "nl") == "gebouw" and noun_lemma("huizen", "nl") == "huis"
    assert noun_lemma("mazelengevallen", "nl") == "mazelengeval"
    assert noun_lemma("cases", "en") == "case"
    cases = keys(registry, "In Rotterdam zijn 71 gevallen gemeld.")["71"]
    assert "vallen" not in cases.split(":")[1].split("/")


def test_cases_of_a_disease_count_that_disease(registry):
    """A case counts what it is a case of: 'gevallen van mazelen', 'mazelengevallen', 'cases of
    measles' and 'measles cases' are one count; cases of flu another."""
    measles = {
        keys(registry, "In Rotterdam zijn 71 gevallen van mazelen vastgesteld.")["71"],
        keys(registry, "In Rotterdam zijn 71 mazelengevallen vastgesteld.")["71"],
        keys(registry, "In Rotterdam 71 cases of measles were confirmed.", "en")["71"],
        keys(registry, "In Rotterdam 71 measles cases were confirmed.", "en")["71"],
    }
    assert len(measles) == 1 and None not in measles
    flu = keys(registry, "In Rotterdam zijn 71 gevallen van griep vastgesteld.")["71"]
    assert flu is not None and flu not in measles


def test_people_found_are_no_count_of_the_missing(registry):
    """Missing people who are found are counted as found: 'the 12 people presumed missing were
    found' and 'de vermisten zijn teruggevonden' are no figures of the missing."""
    en = keys(registry, "In Leeds, the 12 people presumed missing were found on Tuesday.", "en")["12"]
    nl = keys(registry, "In Luik zijn de twaalf vermisten dinsdag teruggevonden.")["twaalf"]
    assert en == "quantity:people/found/in-leeds" and nl == "quantity:people/found/in-liege"
    assert keys(registry, "In Leeds 12 people are still missing.", "en")["12"] == "quantity:people/missing/in-leeds"
    assert keys(registry, "In Luik worden nog twaalf mensen vermist.")["twaalf"] == "quantity:people/missing/in-liege"
    # what another subject found, in a clause of its own, finds none of them
    after = keys(registry, "In Leeds 12 people are missing after police found their car in the river.", "en")["12"]
    assert after == "quantity:people/missing/in-leeds"
    nadat = keys(registry, "In Luik worden nog 12 mensen vermist nadat de politie hun auto heeft gevonden.")["12"]
    assert nadat == "quantity:people/missing/in-liege"
    # found dead: what happened is that they died
    assert keys(registry, "In Leeds the 12 missing hikers were found dead.", "en")["12"] == "quantity:people/died/in-leeds"


def test_a_facility_is_a_kind_of_place(registry):
    """A name before a noun of a facility is a place, as before "district" ("the Heathrow hub");
    a facility inside a named town stays a place inside it ("at the hub in Leeds")."""
    hub = keys(registry, "Some 300 workers at the Heathrow hub went on strike.", "en")["Some 300"]
    assert hub == "quantity:worker/on-strike/in-heathrow"
    depot = keys(registry, "Some 300 workers at the Waalhaven depot went on strike.", "en")["Some 300"]
    assert depot == "quantity:worker/on-strike/in-waalhaven"
    inside = keys(registry, "Some 300 workers at the hub in Leeds went on strike.", "en")["Some 300"]
    assert inside == "quantity:worker/on-strike/in-hub-in-leeds"
    # a facility named after a company, with its place after it: the place named
    company = keys(registry, "Some 300 workers at the DHL hub in Leipzig went on strike.", "en")["Some 300"]
    assert company == "quantity:worker/on-strike/in-leipzig"


def test_an_adjective_of_a_continent_is_no_place_of_the_figure(registry):
    """ "the European flood disaster", "de Europese overstromingsramp" say which disaster, not
    where its figure is: the place is the one named beside it."""
    nl = keys(registry, "Bij de Europese overstromingsramp zijn in Limburg 36 mensen omgekomen.")["36"]
    assert nl == "quantity:people/died/in-limburg"
    en = keys(registry, "In Wallonia 41 people died in European floods.", "en")["41"]
    assert en == "quantity:people/died/in-wallonie"  # the gazetteer's id of Wallonia
    assert keys(registry, "More than 220 people died in European floods.", "en")["More than 220"] is None
    assert keys(registry, "In Europa zijn 220 mensen omgekomen.")["220"] == "quantity:people/died/in-europe"


def test_a_name_that_opens_a_sentence_is_no_verb(registry):
    """A capitalised word is a name, never what happened to the counted things: "United sold" is
    United's, not "unite"; a word opening a sentence is a name when a verb follows it."""
    assert keys(registry, "United sold 12 players last summer.", "en")["12"] == "quantity:player/united"
    spain = keys(registry, "United sold 12 players to clubs in Spain.", "en")["12"]
    assert "unite" not in (spain or "").split(":")[-1].split("/")
    assert keys(registry, "Officials counted 12 boats.", "en")["12"] is None  # a plural noun is no name
    assert keys(registry, "Injured workers numbered 40 in Leeds.", "en")["40"] == "quantity:people/injured/in-leeds"


def test_an_institution_of_the_counted_people_is_part_of_what_is_counted(registry):
    """ "children at primary schools in Rotterdam" are Rotterdam's, counted as children at
    primary schools: the place is the named place, the institutions part of what is counted, in
    either language and wherever the sentence names them; one school's count stays a place
    inside the town ("in a collapsed school in Antakya")."""
    en = keys(registry, "About 400 children at primary schools in Rotterdam are not vaccinated.", "en")["About 400"]
    nl = keys(registry, "Zo'n 400 kinderen op basisscholen in Rotterdam zijn niet gevaccineerd.")["Zo'n 400"]
    fronted = keys(registry, "Op basisscholen in Rotterdam zijn 400 kinderen niet gevaccineerd.")["400"]
    assert en == nl == fronted
    assert en.startswith("quantity:people/not-vaccinated/in-rotterdam/")
    assert "at-primary-school" in en.split("/")[-1].split("+")  # beside any other qualifier of the people
    everyone = keys(registry, "In Rotterdam zijn 30.000 mensen niet gevaccineerd.")["30.000"]
    assert everyone == "quantity:people/not-vaccinated/in-rotterdam"
    students = keys(registry, "There are 12,000 students at universities in Rotterdam.", "en")["12,000"]
    assert students == "quantity:student/in-rotterdam/at-university"  # never all of Rotterdam's students
    one = keys(registry, "Three children died in a collapsed school in Antakya.", "en")["Three"]
    assert one == "quantity:people/died/in-school-in-antakya/children"  # the children: a group of the people


def test_the_evidence_of_an_institution_is_its_words(registry):
    doc = make_doc("Op basisscholen in Rotterdam zijn 400 kinderen niet gevaccineerd.", date="2026-05-04")
    claims = extract_document(doc, [registry.get("quantities")()], registry.schema()).claims
    assert [dict(c.evidence).get("qualifier") for c in claims] == ["kinderen; Op basisscholen"]  # a group and an institution


def test_an_age_is_no_count(registry):
    """ "a 45-year-old man", "who is 45 years old", "een 45-jarige vrouw", "45 jaar oud" say who
    someone is: no key; the twelve of "twelve 16-year-olds" still count the arrested."""
    assert keys(registry, "A court in Rotterdam sentenced a 45-year-old man.", "en")["45"] is None
    assert keys(registry, "The man, who is 45 years old, was arrested in Leeds.", "en")["45 years"] is None
    assert keys(registry, "Een 45-jarige vrouw werd in Rotterdam opgepakt.")["45"] is None
    assert keys(registry, "De man van 45 jaar oud werd in Rotterdam opgepakt.")["45 jaar"] is None
    twelve = keys(registry, "Twelve 16-year-olds were arrested in Rotterdam.", "en")
    assert twelve["16"] is None and twelve["Twelve"] is not None


def test_an_amount_of_a_person_no_one_names_is_keyed_by_no_one(registry):
    """A prison term or a fine of "a man", "een vrouw" is of nobody a key could name; of "the
    former nurse" it stays keyed."""
    assert keys(registry, "A court in Rotterdam sentenced a man to four years in prison.", "en")["four years"] is None
    assert keys(registry, "Een vrouw is in Rotterdam veroordeeld tot vier jaar cel.")["vier jaar"] is None
    assert keys(registry, "A court in Leeds sentenced the former nurse to 12 years in prison.", "en")["12 years"] is not None


def test_a_score_is_no_count(registry):
    """ "met 3-1 gewonnen", "drew 2-2": the tally of one side of a match, never a count of what the
    clause names ("winnen"); a rising pair stays a range."""
    assert keys(registry, "Ajax heeft zondag in Amsterdam met 3-1 van PSV gewonnen.")["3"] is None
    assert keys(registry, "Ajax speelde in Amsterdam 2-2 tegen PSV.")["2"] is None
    assert keys(registry, "In Amsterdam werden 100-150 mensen geëvacueerd.")["100-150"] == "quantity:people/evacuated/in-amsterdam"


def test_a_part_of_a_count_takes_no_place_it_does_not_name(registry):
    """ "Eight of the injured", "van wie acht ernstig" count a part of the injured: never the
    injured of the place the article is about; a part that names its own place is that place's."""
    en = keys(registry, "In Utrecht 23 people were injured on Saturday. Eight of the injured are in a critical condition.", "en")
    assert en["23"] == "quantity:people/injured/in-utrecht" and en["Eight"] is None
    nl = keys(registry, "In Utrecht raakten zaterdag 31 mensen gewond, van wie acht ernstig.")
    assert nl["acht"] is None
    own = keys(registry, "In Liège 31 people died; of whom 29 have been identified.", "en")
    assert own["29"] == "quantity:people/identified/in-liege"  # what happened to them is their own


def test_the_article_place_is_none_its_open_places_contradict(registry):
    """A country of the vocabulary named once as where tourists came from makes no article about
    that country when the places after prepositions of place lead with another: the five killed
    of a crash near Utrecht are never Germany's."""
    got = keys(registry, "Five people were killed and 23 injured when a bus overturned near Utrecht on Saturday. "
                         "The bus was carrying tourists from Germany.", "en")
    assert got["Five"] == "quantity:people/died/in-utrecht"


def test_an_island_is_a_kind_of_place_before_its_name(registry):
    """ "the Greek island of Rhodes", "het Griekse eiland Rodos": the island is the place, not the
    country an adjective names."""
    en = keys(registry, "A wildfire on the Greek island of Rhodes has burned 3,500 hectares.", "en")
    nl = keys(registry, "Op het Griekse eiland Rodos zijn 30.000 mensen geëvacueerd.")
    assert en["3,500"].endswith("/in-rodos") and nl["30.000"] == "quantity:people/evacuated/in-rodos"
