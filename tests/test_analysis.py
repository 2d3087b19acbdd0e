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
