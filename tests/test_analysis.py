"""The per-article analysis: made once per article, handed to every rule that reads it."""
from __future__ import annotations

from checker.articles import Document
from checker.models import ClaimDraft, QuantityValue
from checker.registry import Rule
from checker.runner import extract_document
from checker.rules.toolkit.analysis import Analysis
from checker.rules.toolkit.vocabulary import VocabularyRule

from conftest import make_doc


def recording(base: type[Rule], code: str, seen: list) -> Rule:
    class Recording(base):
        name = f"recording-{code}"
        description = "Records what it is handed."
        kinds = ("quantity",)

        def extract(self, doc):
            seen.append(doc)
            return []
    Recording.code = code
    return Recording()


def test_the_rules_that_read_the_analysis_share_one_per_article(registry):
    seen: list = []
    rules = [recording(VocabularyRule, "X901", seen), recording(VocabularyRule, "X902", seen)]
    for text in ("De NAVO heeft 30 lidstaten.\n", "Rusland heeft 100.000 militairen.\n"):
        extract_document(make_doc(text), rules, registry.schema())
    assert all(isinstance(a, Analysis) for a in seen)
    assert seen[0] is seen[1] and seen[2] is seen[3] and seen[0] is not seen[2]
    assert seen[2].scan_text.endswith("Rusland heeft 100.000 militairen.\n")


def test_a_rule_that_asks_for_nothing_is_handed_the_document(registry):
    seen: list = []
    extract_document(make_doc("De NAVO heeft 30 lidstaten.\n"), [recording(Rule, "X903", seen)], registry.schema())
    assert len(seen) == 1 and isinstance(seen[0], Document)


def test_a_rule_may_ask_for_the_analysis_and_use_the_toolkit_on_it(registry):
    class Words(Rule):
        code, name, description, kinds = "X904", "words", "The first word of each sentence.", ("quantity",)
        reads = Analysis

        def extract(self, doc):
            first = doc.words[0]
            yield ClaimDraft(kind="quantity", start=first.start(), end=first.end(), value=QuantityValue(low=1, high=1))

    claims = extract_document(make_doc("Drie schepen.\n"), [Words()], registry.schema()).claims
    assert [c.text for c in claims] == ["Drie"]


def test_an_answer_is_worked_out_once_per_article():
    analysis = Analysis(make_doc("De NAVO heeft 30 lidstaten.\n"))
    calls: list = []
    for _ in range(3):
        assert analysis.remember(("question", 1), lambda: calls.append(1) or 42) == 42
    assert calls == [1]
    assert Analysis.of(analysis) is analysis and Analysis.of(analysis.doc) is not analysis


def test_the_engine_s_document_keeps_no_rule_state():
    assert not hasattr(Document, "memo")


def test_datelines_are_blanked_from_the_text_rules_read():
    lines = ["WASHINGTON - Republicans won 220 seats.", "DEN HAAG (ANP) - Het kabinet wil 3 miljard.",
             "Kyiv (Reuters) - Russia fired 40 missiles.", "VALKENBURG (ANP) - De schade is groot.",
             "KYIV, Ukraine — Russia fired 40 missiles."]
    for line in lines:
        doc = make_doc(line + "\n", language="en" if "Russia" in line or "Republicans" in line else "nl")
        scan = Analysis(doc).scan_text
        dateline, rest = line.split(" - " if " - " in line else " — ", 1)
        assert scan.strip() == rest and len(scan) == len(doc.scan_text), (line, scan)
    for kept in ["NAVO - 30 lidstaten in Brussel.", "Rusland (volgens Kyiv) - 40 raketten.", "NATO (Reuters) - 30 members."]:
        doc = make_doc(kept + "\n")
        assert Analysis(doc).scan_text == doc.scan_text, kept


def test_the_gazetteer_knows_cities_by_their_other_names_of_several_words():
    from checker.rules.toolkit.gazetteer import gazetteer
    from checker.rules.toolkit.vocabulary import Language

    places = gazetteer(Language("nl"))
    assert places.lookup("Den Haag").id == places.lookup("The Hague").id == places.lookup("'s-Gravenhage").id
    assert places.lookup("Den Bosch").id == "s-hertogenbosch"
    assert places.lookup("NL416") is None


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = ("Four people were killed in St. Lucie County. Gov. DeSantis met J. Smith on Feb. 10. "
            "The U.S. Army sent 30 helicopters. Volgens dhr. Rutte is dat ca. 3 miljard. He said: \"No.\" Then he left.\n")
    doc = make_doc(text, language="en")
    sentences = [doc.scan_text[s:e].strip() for s, e in doc.sentence_spans]
    assert sentences == ["Four people were killed in St. Lucie County.", "Gov. DeSantis met J. Smith on Feb. 10.",
                         "The U.S. Army sent 30 helicopters.", "Volgens dhr. Rutte is dat ca. 3 miljard.",
                         "He said: \"No.\"", "Then he left."]
