"""A finding's confidence, --min-confidence, and the figures that could not be compared."""
from __future__ import annotations

import json

from checker.cli import main
from checker.confidence import judge_pair
from checker.models import Claim, QuantityValue


def claim(cid: str, article: str, sentence: str, inferred: list[str] | None = None, attribution: str | None = None,
          **parts: str) -> Claim:
    return Claim(id=cid, article=article, rule="Q001", kind="quantity", start=0, end=2, line=1, text="10",
                 value=QuantityValue(low=10, high=10), key="k", key_parts=parts or {"concept": "people"},
                 evidence={}, inferred=inferred or [], attribution=attribution, sentence=sentence)


def test_a_key_stated_in_both_sentences_is_surer_than_one_inferred():
    a = claim("a", "x", "In Verviers zijn 42 mensen omgekomen.", concept="people", place="verviers")
    b = claim("b", "y", "In Verviers zijn 45 mensen omgekomen.", concept="people", place="verviers")
    c = claim("c", "y", "Er zijn 45 mensen omgekomen.", ["place"], concept="people", place="verviers")
    stated, inferred = judge_pair(a, b, {}), judge_pair(a, c, {})
    assert stated.confidence > inferred.confidence >= 0.5
    assert stated.signals[0] == "every key part stated in both sentences"
    assert inferred.signals[0] == "inferred from the articles: place"


def test_shared_words_and_a_shared_claimant_add_to_the_confidence():
    a = claim("a", "x", "De brandweer meldt dat de schade aan de dijk groot is.", ["place"], "brandweer")
    b = claim("b", "y", "De schade aan de dijk is groot, meldt de brandweer.", ["place"], "brandweer")
    c = claim("c", "y", "Volgens analisten loopt het aantal op.", ["place"])
    richer, poorer = judge_pair(a, b, {}), judge_pair(a, c, {})
    assert richer.confidence > poorer.confidence
    assert any(s.startswith("shared words: ") for s in richer.signals) and "both per brandweer" in richer.signals


def test_a_key_of_only_what_and_where_needs_more_than_itself():
    """Households in arrears and households under a price cap are both households in a country:
    a key of no more than what is counted and where is not enough on its own."""
    def households(cid, article, sentence, attribution=None):
        made = claim(cid, article, sentence, None, attribution, concept="household", place="netherlands")
        return made.model_copy(update={"key": "quantity:household/in-netherlands",
                                       "evidence": {"concept": "huishoudens", "place": "Nederland"}})

    arrears = households("a", "x", "In Nederland hebben 600.000 huishoudens een betalingsachterstand.")
    capped = households("b", "y", "In Nederland vallen 7 miljoen huishoudens onder het prijsplafond.")
    plain = frozenset({"concept", "place"})  # as the built-in rules declare them
    alone = judge_pair(arrears, capped, {}, plain=plain)
    assert alone.confidence < 0.5 and "the key says only what is counted and where" in alone.signals
    again = households("c", "y", "Volgens het CBS hebben 650.000 huishoudens een betalingsachterstand.")
    assert judge_pair(arrears, again, {}, plain=plain).confidence >= 0.5  # the sentences share what holds of them
    assert judge_pair(arrears, capped, {}).confidence >= 0.5, "parts of other rules tell, unless declared"
    owned = claim("d", "x", "De NAVO heeft 140 schepen.", concept="ships", actor="nato")
    assert "the key says only what is counted and where" not in judge_pair(
        owned.model_copy(update={"key": "quantity:ships/nato"}), owned.model_copy(update={"id": "e", "article": "y",
                                                                                    "key": "quantity:ships/nato"}), {},
        plain=plain).signals


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, name: str, text: str) -> None:
    (tmp_path / name).write_text(f" date 2024-05-14 {text}\n", encoding="utf-8")


def test_min_confidence_leaves_out_the_less_sure_findings_and_counts_them(tmp_path, capsys):
    write(tmp_path, "a.txt", "Officials said 120 people were evacuated from Bewdley.")
    write(tmp_path, "b.txt", "In Bewdley 300 people were evacuated, the council said.")
    code, out, _ = run(capsys, str(tmp_path), "--format", "json")
    report = json.loads(out)
    assert code == 1 and len(report["conflicts"]) == 1
    confidence = report["conflicts"][0]["confidence"]
    assert 0.5 <= confidence <= 1 and report["conflicts"][0]["signals"]
    code, out, err = run(capsys, str(tmp_path), "--format", "json", "--min-confidence", str(min(1.0, confidence + 0.01)))
    report = json.loads(out)
    assert code == 0 and report["conflicts"] == [] and report["below_confidence"] == 1
    assert "1 findings less sure than --min-confidence left out" in err


def test_the_summary_says_how_many_figures_were_not_compared_and_why(tmp_path, capsys):
    write(tmp_path, "a.txt", "De bondgenoten beschermen de 1 miljard mensen in onze landen.")
    write(tmp_path, "b.txt", "Een op de drie huishoudens in Valencia zat zonder stroom.")
    code, out, _ = run(capsys, str(tmp_path), "--format", "json")
    report = json.loads(out)
    assert report["not_compared"] == {"a ratio": 1, "no predicate: what happened to the people": 1}
    reasons = {c["text"]: c["unkeyed"] for c in report["claims"]}
    assert reasons == {"1 miljard": "no predicate: what happened to the people", "drie": "a ratio"}
    _, table, _ = run(capsys, str(tmp_path))
    assert "2 not compared (a ratio 1, no predicate: what happened to the people 1)" in table


def test_explain_gives_the_confidence_and_its_signals(tmp_path, capsys):
    write(tmp_path, "a.txt", "Officials said 120 people were evacuated from Bewdley.")
    write(tmp_path, "b.txt", "In Bewdley 300 people were evacuated, the council said.")
    _, out, _ = run(capsys, str(tmp_path), "--format", "json")
    finding = json.loads(out)["conflicts"][0]
    _, text, _ = run(capsys, str(tmp_path), "--explain", finding["id"])
    assert f"confidence: {finding['confidence']:.2f} ({'; '.join(finding['signals'])})" in text
    assert "a running tally" in text


def test_a_drafts_finding_is_as_sure_as_the_drafts_own_pairs():
    from checker.confidence import judge

    archive = [claim(f"a{n}", f"arch{n}", "De brandweer meldt dat de schade aan de dijk groot is.", ["place"],
                     "brandweer") for n in range(30)]
    draft = claim("z", "draft", "Volgens analisten loopt het aantal op.", ["place"])
    members = [*archive, draft]  # the draft's pairs come after the 200 pairs a long finding is judged by

    def disagree(a, b):
        return True

    among_archive, with_draft = judge_pair(archive[0], archive[1], {}), judge_pair(archive[0], draft, {})
    assert with_draft.confidence < among_archive.confidence
    assert judge(members, {}, disagree).confidence == among_archive.confidence
    assert judge(members, {}, disagree, {"z"}).confidence == with_draft.confidence


def test_copies_of_one_report_are_judged_once(monkeypatch):
    from checker import confidence

    calls = []
    real = confidence.judge_pair
    monkeypatch.setattr(confidence, "judge_pair", lambda *args, **kw: calls.append(1) or real(*args, **kw))
    copies = [claim(f"c{i}", f"copy{i}", "In Verviers zijn 42 mensen omgekomen.", ["place"]) for i in range(30)]
    other = claim("o", "other", "In Verviers kwamen 45 mensen om.", ["place"])
    judged = confidence.judge([*copies, other], {}, lambda a, b: "o" in (a.id, b.id))
    assert len(calls) == 1 and judged == real(copies[0], other, {})
