"""Which figures are about the same thing: figures that are no count of a tally are kept out of
its key, and figures about one thing stated differently are given one key. Each case runs small
articles of our own through the whole check."""
from __future__ import annotations

from pathlib import Path

from checker.models import Report
from checker.pipeline import RunOptions, run_check


def check(folder: Path, language: str, *texts: str) -> Report:
    """The report on one article per text, dated a day apart (a1.txt, a2.txt, ...)."""
    for i, text in enumerate(texts, 1):
        (folder / f"a{i}.txt").write_text(f" date 2024-05-{10 + i}\n{text}\n", encoding="utf-8")
    return run_check(RunOptions(paths=[str(folder)], language=language))


def claim(report: Report, article: str, text: str):
    """The quantity claim of ``article`` (a1, a2, ...) whose text is ``text``."""
    files = {a.id: Path(a.path).stem for a in report.articles}
    found = [c for c in report.claims if c.kind == "quantity" and files[c.article] == article and c.text == text]
    assert len(found) == 1, [(files[c.article], c.text, c.key) for c in report.claims]
    return found[0]


def together(report: Report, *claims) -> bool:
    """True when one finding holds all the claims."""
    return any({c.id for c in claims} <= set(f.claims) for f in report.conflicts)


# -- figures that are no count of the tally their sentence names

def test_a_difference_after_a_tally_is_no_count_of_it(tmp_path):
    report = check(tmp_path, "en", "In Bavaria the death toll stands at 61, up three from Monday.",
                   "In Bavaria the death toll stands at 61, three more than on Monday.",
                   "At least 61 people have died in Bavaria.")
    for article in ("a1", "a2"):
        three = claim(report, article, "three")
        assert three.key is None and three.unkeyed == "a difference between two counts, not a count"
        assert not together(report, three, claim(report, "a3", "At least 61"))
    assert claim(report, "a1", "61").key == "quantity:people/died/in-bayern"


def test_a_dutch_difference_is_no_count(tmp_path):
    report = check(tmp_path, "nl", "In Beieren staat het dodental op 61, drie meer dan maandag.",
                   "In Beieren zijn zeker 61 mensen omgekomen.")
    three = claim(report, "a1", "drie")
    assert three.key is None and three.unkeyed == "a difference between two counts, not a count"
    assert claim(report, "a1", "61").key == claim(report, "a2", "zeker 61").key


def test_a_bound_before_a_figure_is_no_difference(tmp_path):
    report = check(tmp_path, "nl", "In Beieren zijn meer dan 20 mensen omgekomen.",
                   "In Beieren zijn 25 mensen omgekomen.")
    assert claim(report, "a1", "meer dan 20").key == "quantity:people/died/in-bayern"


def test_a_span_of_time_is_no_count_of_the_toll_beside_it(tmp_path):
    report = check(tmp_path, "en", "In Portugal the storm brought the death toll to 62, the worst toll in almost "
                                   "five decades.",
                   "At least 62 people have died in Portugal.")
    five = claim(report, "a1", "almost five")
    assert five.key is None
    assert claim(report, "a1", "62").key == claim(report, "a2", "At least 62").key
    assert not report.conflicts


# -- a figure whose sentence names another place takes no place from the rest of the article

def test_a_village_named_in_the_sentence_keeps_its_deaths_from_the_country(tmp_path):
    report = check(tmp_path, "nl",
                   "Noodweer in België. In België zijn zeker 14 mensen omgekomen door het noodweer. "
                   "Het dorp Hamoir is zwaar getroffen: daar zijn inmiddels vijf doden gevallen.",
                   "In België zijn zeker 20 mensen omgekomen door het noodweer.")
    five = claim(report, "a1", "vijf")
    assert five.key is None
    assert not together(report, five, claim(report, "a2", "zeker 20"))


def test_an_english_village_of_the_sentence_likewise(tmp_path):
    report = check(tmp_path, "en",
                   "Floods in Belgium. At least 14 people have died in Belgium. The village of Hamoir was among "
                   "the worst hit: five deaths have been reported so far.",
                   "At least 20 people have died in Belgium.")
    assert claim(report, "a1", "five").key is None


def test_a_region_of_the_inferred_country_does_not_stop_the_inference(tmp_path):
    report = check(tmp_path, "en",
                   "Floods in Belgium. At least 14 people have died in Belgium. The floods that mostly hit "
                   "Wallonia have killed 16 people, the crisis centre said.",
                   "At least 14 people have died in Belgium.")
    sixteen = claim(report, "a1", "16")
    assert sixteen.key == "quantity:people/died/in-belgium" and "place" in sixteen.inferred


def test_places_after_a_later_figure_are_that_figures(tmp_path):
    report = check(tmp_path, "en",
                   "Floods in Germany. The official death toll in Germany stood at 90 on Friday. "
                   "The death toll has risen to 133, with 43 in Saxony and 150 in total across Austria "
                   "and Switzerland.",
                   "At least 120 people have died in Germany.")
    assert claim(report, "a1", "133").key == "quantity:people/died/in-germany"


# -- the same count stated in other words

def test_a_verb_of_tense_after_a_figure_is_no_counted_noun(tmp_path):
    report = check(tmp_path, "en", "In Tyrol 14 people have died, of whom 11 have been identified.",
                   "In Tyrol 13 people have been identified so far.")
    eleven = claim(report, "a1", "11")
    assert eleven.key == "quantity:people/identified/in-tyrol"
    assert together(report, eleven, claim(report, "a2", "13"))


def test_a_counter_stands_for_the_tally_of_the_sentence_before(tmp_path):
    report = check(tmp_path, "nl", "Het aantal vermisten in Limburg is gedaald. Maandag stond de teller op 9.",
                   "In Limburg worden nog 14 mensen vermist.")
    nine = claim(report, "a1", "9")
    assert nine.key == "quantity:people/missing/in-limburg"
    assert together(report, nine, claim(report, "a2", "14"))


def test_a_counter_after_a_sentence_of_deaths_counts_the_dead(tmp_path):
    report = check(tmp_path, "nl", "In Limburg zijn zeker 27 mensen omgekomen door het noodweer. "
                                   "De balans stond maandag op 12.",
                   "In Limburg zijn 25 mensen omgekomen.")
    assert claim(report, "a1", "12").key == "quantity:people/died/in-limburg"


def test_a_counter_after_a_sentence_of_two_tallies_counts_neither(tmp_path):
    report = check(tmp_path, "nl", "In Limburg zijn 27 mensen omgekomen en worden 20 mensen vermist. "
                                   "De balans stond maandag op 12.",
                   "In Limburg zijn 35 mensen omgekomen en worden 25 mensen vermist.")
    assert claim(report, "a1", "12").key is None


def test_people_searched_for_are_missing_in_any_word_order(tmp_path):
    report = check(tmp_path, "nl", "In Limburg wordt na het noodweer nog altijd naar vier mensen gezocht.",
                   "In Limburg worden nog acht mensen vermist.")
    four = claim(report, "a1", "vier")
    assert four.key == "quantity:people/missing/in-limburg"
    assert together(report, four, claim(report, "a2", "acht"))


def test_a_place_named_by_its_kind_is_the_place_not_the_region_around_it(tmp_path):
    report = check(tmp_path, "en", "Officials counted 40 deaths in one of the hardest hit areas of Passau in Bavaria.",
                   "At least 45 people have died in Passau.", "At least 60 people have died in Bavaria.")
    forty = claim(report, "a1", "40")
    assert forty.key == "quantity:people/died/in-passau"
    assert together(report, forty, claim(report, "a2", "At least 45"))
    assert not together(report, forty, claim(report, "a3", "At least 60"))


# -- a bound said once for a list of figures

def test_a_gapped_figure_shares_the_bound_of_the_figure_before(tmp_path):
    report = check(tmp_path, "en", "The floods have killed at least 170 people in Bavaria and 31 in Tyrol.",
                   "At least 36 people have died in Tyrol.",
                   "The storms killed 300 people in Bavaria and 31 in Tyrol.")
    bound = claim(report, "a1", "31")
    assert (bound.value.low, bound.value.high) == (31, None)
    assert not together(report, bound, claim(report, "a2", "At least 36"))
    assert together(report, claim(report, "a3", "31"), claim(report, "a2", "At least 36"))
