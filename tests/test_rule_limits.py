"""A rule that hangs, exits or raises something odd on one article is that rule's error on that
article: it is stopped, named in the report, and every other rule and article is still checked,
in one process or with --jobs."""
from __future__ import annotations

import json
import textwrap
import time
from pathlib import Path

import pytest

from checker import cli
from checker.models import ClaimDraft, QuantityValue
from checker.registry import Rule
from checker.runner import RuleTimeout, extract_document, time_limit

from conftest import make_doc

GOOD = " date 2022-03 De NAVO heeft 140 schepen in de Oostzee.\n"

PLUGIN = '''
import sys
import time
from checker.models import ClaimDraft, QuantityValue
from checker.registry import Rule


class Trouble(Exception):
    pass


class Odd(BaseException):
    pass


class TroubleRule(Rule):
    code = "X900"
    name = "troublesome"
    description = "Hangs, exits or raises on the word it is told; else claims the word MARK."
    kinds = ("trouble",)

    def extract(self, doc):
        text = doc.scan_text
        if "HANG" in text:
            while True:  # a loop that never ends, even for a rule's own except Exception
                try:
                    time.sleep(0.01)
                except Exception:
                    pass
        if "EXIT" in text:
            sys.exit(3)
        if "ODD" in text:
            raise Odd("odd")
        at = text.find("MARK")
        if at >= 0:
            yield ClaimDraft(kind="trouble", start=at, end=at + 4, value=QuantityValue(low=7, high=7),
                             key_parts={"concept": "mark"})
'''


@pytest.fixture
def corpus(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "trouble.py").write_text(PLUGIN, encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text(GOOD + "MARK\n", encoding="utf-8")
    return tmp_path


def run(capsys, *argv) -> tuple[int, dict, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else {}, err


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(("word", "expected"), [
    ("HANG", "rule troublesome stopped: it ran past the time limit of 0.2 s on this article "
             "(and 1.2 s allowed once for loading its data)"),
    ("EXIT", "rule troublesome called sys.exit(3)"),
    ("ODD", "rule troublesome raised Odd('odd')"),
])
def test_a_rule_that_hangs_or_exits_is_an_error_of_that_rule_and_article(corpus, capsys, jobs, word, expected):
    (corpus / "articles" / "bad.txt").write_text(GOOD + f"MARK {word}\n", encoding="utf-8")
    t = time.perf_counter()
    code, report, err = run(capsys, corpus / "articles", "--rules-dir", corpus / "rules", "--time-limit", "0.2",
                            "--format", "json", "--jobs", jobs)
    assert time.perf_counter() - t < 30
    assert code == 2  # an error, and the run went on: the other article and rules are reported
    assert [(Path(p["file"]).name, p["rule"], p["message"]) for p in report["problems"]] == [("bad.txt", "X900", expected)]
    assert f"bad.txt: rule X900: {expected}" in err
    claims = {(c["article"], c["rule"], c["text"]) for c in report["claims"]}
    assert ("good", "X900", "MARK") in claims  # the rule still ran on the other article
    assert {("good", "Q001", "140"), ("bad", "Q001", "140")} <= claims  # and the other rules on both


def test_the_time_limit_is_read_from_the_config(corpus, capsys, monkeypatch):
    (corpus / "articles" / "bad.txt").write_text(GOOD + "HANG\n", encoding="utf-8")
    (corpus / "checker.toml").write_text('time-limit = 0.3\nrules-dir = ["rules"]\n', encoding="utf-8")
    monkeypatch.chdir(corpus)
    code, report, err = run(capsys, "articles", "--format", "json")
    assert code == 2
    assert "bad.txt: rule X900: rule troublesome stopped: it ran past the time limit of 0.3 s" in err


@pytest.mark.parametrize("value", ["-1", "soon", "nan"])
def test_a_bad_time_limit_is_a_usage_error(corpus, capsys, value):
    with pytest.raises(SystemExit) as exit:
        cli.main([str(corpus / "articles"), "--time-limit", value])
    assert exit.value.code == 2
    assert "--time-limit: want a number of seconds" in capsys.readouterr().err


def test_a_plugin_that_exits_when_loaded_is_a_problem_of_that_plugin(corpus, capsys):
    (corpus / "rules" / "leaves.py").write_text("import sys\nsys.exit('bye')\n", encoding="utf-8")
    code, report, err = run(capsys, corpus / "articles", "--rules-dir", corpus / "rules", "--format", "json")
    assert code == 2 and report["claims"]
    assert "leaves.py: rule leaves: rule failed to load: SystemExit('bye')" in err


class SlowRule(Rule):
    code, name, description, kinds = "X901", "slow", "Sleeps in a pure Python loop.", ("slow",)

    def extract(self, doc):
        while True:
            sum(range(1000))
        yield  # pragma: no cover


class QuickRule(Rule):
    code, name, description, kinds = "X902", "quick", "Claims the first word.", ("quick",)

    def extract(self, doc):
        yield ClaimDraft(kind="quick", start=0, end=4, value=QuantityValue(low=1, high=1), key_parts={"concept": "q"})


def test_a_stopped_rule_leaves_the_next_rule_its_full_time(registry):
    doc = make_doc("Drie schepen.", date=None)
    t = time.perf_counter()
    result = extract_document(doc, [SlowRule(), QuickRule()], registry.schema(), limit=0.2)
    assert 0.2 <= time.perf_counter() - t < 5
    assert [c.rule for c in result.claims] == ["X902"]
    assert [p.rule for p in result.problems] == ["X901"]


def test_no_alarm_is_left_behind():
    with time_limit(0.05):
        pass
    time.sleep(0.1)  # an alarm left armed would raise here
    with pytest.raises(RuleTimeout):
        with time_limit(0.05):
            time.sleep(1)
    time.sleep(0.1)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_index_stops_a_rule_at_its_time_limit(corpus, capsys, jobs):
    (corpus / "articles" / "bad.txt").write_text(GOOD + "HANG\n", encoding="utf-8")
    t = time.perf_counter()
    code = cli.main(["index", str(corpus / "articles"), "--db", str(corpus / "i.sqlite"),
                     "--rules-dir", str(corpus / "rules"), "--time-limit", "0.3", "--jobs", jobs])
    err = capsys.readouterr().err
    assert time.perf_counter() - t < 30
    assert code == 2 and "bad.txt: rule X900: rule troublesome stopped: it ran past the time limit of 0.3 s" in err
    assert "2 articles" in err  # both stored; the stopped one is extracted again next run


def test_a_formatter_that_exits_is_reported_and_the_old_report_kept(corpus, capsys, monkeypatch):
    out = corpus / "report.json"
    out.write_text("old\n", encoding="utf-8")

    def leaves(report):
        raise SystemExit(0)

    monkeypatch.setattr("checker.formatters.tables.to_json", leaves)
    monkeypatch.setattr("checker.formatters.tables.to_json_bytes", leaves)
    code = cli.main([str(corpus / "articles"), "-o", str(out)])
    assert code == 2 and out.read_text(encoding="utf-8") == "old\n"
    assert "cannot make the json report: SystemExit: 0" in capsys.readouterr().err


def test_a_callers_own_alarm_still_rings():
    import signal
    rung = []
    previous = signal.signal(signal.SIGALRM, lambda *a: rung.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with time_limit(5):
            pass
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
        time.sleep(0.6)
        assert rung == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_pattern_search_that_backtracks_for_ever_is_stopped_in_the_middle():
    import regex
    backtracking = regex.compile(r"(a+)+b")
    t = time.perf_counter()
    with pytest.raises(RuleTimeout):
        with time_limit(0.5):
            backtracking.search("a" * 100_000)  # some 10^10 steps: hours
    assert time.perf_counter() - t < 5


def test_a_formatter_that_exits_when_loaded_is_a_warning(corpus, capsys, monkeypatch):
    import checker.formatters as formatters

    class Leaving:
        name, value = "leaving", "leaving_formatter:Formatter"

        def load(self):
            raise SystemExit("bye")

    real = formatters.entry_points
    monkeypatch.setattr(formatters, "entry_points", lambda group: [*real(group=group), Leaving()])
    code = cli.main([str(corpus / "articles"), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out)["articles"]
    assert "formatter leaving failed to load from leaving_formatter:Formatter: SystemExit('bye')" in err


class LoadsLateRule(Rule):
    """Loads its data (a second) when the article that first needs it comes, like lemmas."""
    code, name, description, kinds = "X903", "loads-late", "Sleeps a second on the article saying LOAD.", ("q",)

    def extract(self, doc):
        if "LOAD" in doc.text:
            time.sleep(1.0)
        yield ClaimDraft(kind="q", start=0, end=4, value=QuantityValue(low=1, high=1), key_parts={"concept": "q"})


def test_a_rule_may_load_its_data_once_past_the_limit_but_not_hang_on_every_article(registry):
    from checker.runner import extract_all
    docs = [make_doc("Eerst gewoon.", name="a.txt"), make_doc("Dan LOAD.", name="b.txt"),
            make_doc("Weer gewoon.", name="c.txt")]
    result = extract_all(docs, [LoadsLateRule()], registry.schema(), limit=0.3)
    assert not result.problems and len(result.claims) == 3  # the second's load fits the allowance of 1.8 s
    t = time.perf_counter()
    result = extract_all(docs, [SlowRule()], registry.schema(), limit=0.3)
    seconds = time.perf_counter() - t
    assert [p.message for p in result.problems] == [
        "rule slow stopped: it ran past the time limit of 0.3 s on this article (and 1.8 s allowed once for loading its data)",
        "rule slow stopped: it ran past the time limit of 0.3 s on this article",
        "rule slow stopped: it ran past the time limit of 0.3 s on this article"]
    assert 2.7 <= seconds < 10
