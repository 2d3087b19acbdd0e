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
    report = check(tmp_path, "en", "In Bavaria the death toll has risen to 45, up two from Friday.",
                   "In Bavaria the death toll has risen to 45, two more than on Friday.",
                   "At least 45 people have died in Bavaria.")
    for article in ("a1", "a2"):
        two = claim(report, article, "two")
        assert two.key is None and two.unkeyed == "a difference between two counts, not a count"
        assert not together(report, two, claim(report, "a3", "At least 45"))
    assert claim(report, "a1", "45").key == "quantity:people/died/in-bayern"


def test_a_dutch_difference_is_no_count(tmp_path):
    report = check(tmp_path, "nl", "In Beieren is het dodental gestegen tot 45, drie meer dan vrijdag.",
                   "In Beieren zijn zeker 45 mensen omgekomen.")
    three = claim(report, "a1", "drie")
    assert three.key is None and three.unkeyed == "a difference between two counts, not a count"
    assert claim(report, "a1", "45").key == claim(report, "a2", "zeker 45").key


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
