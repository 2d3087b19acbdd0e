"""Time and memory grow with an article's size and no faster: every pattern call looks at a
window, not at the rest of the text, and a rule that still runs too long is stopped.

The 1 MB sizes are slow tests (`pytest tests -m slow`, run by CI)."""
from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.articles import Document
from checker.runner import WARM_UP, extract_document

from conftest import SEEDS, make_doc

MB = 1_000_000


def claims_of(registry, code: str, text: str, language: str = "nl"):
    doc = make_doc(text, language=language)
    return extract_document(doc, [registry.get(code)()], registry.schema()).claims


def test_a_name_far_after_an_office_word_is_not_its_holder(registry):
    near = claims_of(registry, "R001", "De Britse premier Boris Johnson sprak.")
    assert [c.value.text for c in near if c.kind == "role"] == ["prime-minister"]
    far = claims_of(registry, "R001", "De Britse premier" + " " * 5000 + "Boris Johnson sprak.")
    assert far == []
    assert claims_of(registry, "N001", "president" + "\t" * 5000 + "Zelensky sprak.") == []


def test_half_and_an_article_far_apart_are_no_half_million(registry):
    near = claims_of(registry, "Q001", "They evacuated half a million people in Texas.", "en")
    assert [c.value.low for c in near] == [500_000]
    far = claims_of(registry, "Q001", "They evacuated half" + " " * 3000 + "a million people in Texas.", "en")
    assert 500_000 not in [c.value.low for c in far]


def shapes() -> dict[str, str]:
    """Articles of 1 MB: news prose, the same prose as one line without stops, dense figures,
    and nothing but figures."""
    prose = re.sub(r"^ date \S+", "", "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))),
                   flags=re.M)
    dense = ("De NAVO heeft 140 schepen, 30.000 militairen en ruim 1,5 miljoen euro; Rusland 200 tanks, "
             "6-7 april, dinsdag 12 maart, 40 procent, een half miljoen mensen. ")
    fill = {"prose": prose, "one line": re.sub(r"[.!?\n]", " ", prose), "dense figures": dense,
            "only figures": "1 2 3 4 5 6 7 8 9 10 "}
    return {name: " date 2022-03 " + (s * (MB // len(s) + 1))[:MB] for name, s in fill.items()}


def run_cli(path: Path, *options: str) -> tuple[subprocess.CompletedProcess, float]:
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "checker", str(path), "--format", "json", *options],
                          capture_output=True, text=True, timeout=600)
    return done, time.perf_counter() - t


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["prose", "one line", "dense figures"])
def test_an_article_of_1_mb_is_checked_whole_in_bounded_time_and_memory(tmp_path, shape):
    path = tmp_path / "big.txt"
    path.write_text(shapes()[shape], encoding="utf-8")
    done, seconds = run_cli(path, "--time-limit", "0")
    report = json.loads(done.stdout)
    assert done.returncode in (0, 1) and not report["problems"], done.stderr
    assert report["claims"] and all(0 <= c["start"] < c["end"] <= len(path.read_text(encoding="utf-8"))
                                    for c in report["claims"])
    assert seconds < 120  # per MB; measured 6 to 38 s on a shared, loaded 2-core machine
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 1_500_000  # KB; measured about 250 MB


@pytest.mark.slow
def test_an_article_of_1_mb_of_figures_stops_at_the_time_limit(tmp_path):
    path = tmp_path / "figures.txt"
    path.write_text(shapes()["only figures"], encoding="utf-8")
    done, seconds = run_cli(path, "--time-limit", "3")
    report = json.loads(done.stdout)
    assert done.returncode == 2  # a rule stopped is an error; the report is still written
    stopped = {p["rule"] for p in report["problems"] if "ran past the time limit of 3 s on this article" in p["message"]}
    assert "Q001" in stopped and len(stopped) == len(report["problems"]), report["problems"]
    # each rule at most its limit and its allowance for loading data (six times the limit),
    # and loading, matching and the report
    assert seconds < 5 * 3 * (1 + WARM_UP) + 30


def test_weekdays_among_many_dates_cost_in_proportion_to_them(registry):
    """Each weekday looked again at every date's sentence: 200 dates and 200 weekdays made
    40,000 look-ups."""
    lookups = []

    class CountingDocument(Document):
        def sentence_at(self, offset: int) -> tuple[int, int]:
            lookups.append(offset)
            return super().sentence_at(offset)

    plain = make_doc("Dinsdag kwamen ze. Op 14 maart ook. " * 200)
    doc = CountingDocument(plain.article, plain.text, plain.scan_text)
    claims = extract_document(doc, [registry.get("D001")()], registry.schema(), limit=None).claims
    assert len(claims) == 400
    assert len(lookups) < 10 * len(claims)
