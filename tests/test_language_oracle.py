"""The function words of an article are counted in one pass, without tokenising in Python: the
language, confidence and paragraphs in other languages are those of the plain reading (every run
of letters of the lower-cased text, the article's first 4,000 characters and each paragraph's
read apart), which is kept here as the oracle."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker import language
from checker.articles import make_document

from conftest import ROOT, SEEDS

LETTERS = regex.compile(r"\p{L}+")
PARAGRAPH_END = regex.compile(r"\n[ \t]*\n\s*")
EVAL = Path("/work/shared/eval")  # the scorer's corpora, where this machine has them


def plain_function_word_language(text: str, margin: int = 2) -> tuple[str, float] | None:
    """The reading by words: each run of letters of the first 4,000 characters, lower-cased."""
    words = [w for w in LETTERS.findall(text[:4000].lower()) if w not in language.SHARED_WORDS]
    en = sum(w in language.ENGLISH_WORDS for w in words)
    nl = sum(w in language.DUTCH_WORDS for w in words)
    if en > margin * nl and en >= 3:
        return "en", round(en / (en + nl), 3)
    if nl > margin * en and nl >= 3:
        return "nl", round(nl / (en + nl), 3)
    return None


def plain_language_parts(scan: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    parts: list[tuple[int, int, str]] = []
    start = 0
    for end in [m.end() for m in PARAGRAPH_END.finditer(scan)] + [len(scan)]:
        decided = plain_function_word_language(scan[start:end], 3)
        this = decided[0] if decided else lang
        if parts and parts[-1][2] == this:
            parts[-1] = (parts[-1][0], end, this)
        elif end > start:
            parts.append((start, end, this))
        start = end
    return tuple(parts) if any(x != lang for _, _, x in parts) else ()


def plain_article_languages(scan: str) -> tuple[str, float, tuple[tuple[int, int, str], ...]]:
    lang, confidence = plain_function_word_language(scan) or language.model_language(scan)
    return lang, confidence, plain_language_parts(scan, lang)


def generated_articles(n: int) -> list[str]:
    """The benchmarks' generated articles (benchmarks/startup_bench.py writes these 10,000)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import article

    rng = random.Random(1)
    return [article(rng) for _ in range(n)]


def corpus(name: str) -> list[str]:
    if name == "generated":
        return generated_articles(10_000)
    folder = SEEDS if name == "seeds" else EVAL / name
    if not folder.is_dir():
        pytest.skip(f"{folder}: not on this machine")
    return [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]


@pytest.mark.parametrize("name", ["seeds", "dev", "dev2", "generated"])
def test_each_article_has_the_language_of_the_plain_reading(name):
    texts = corpus(name)
    for text in texts:
        scan = make_document(Path("a.txt"), text, "utf-8", "a", "nl", []).scan_text  # metadata blanked
        assert language.article_languages(scan) == plain_article_languages(scan), text[:200]
    assert len(texts) >= 5


WORDS = ["the", "of", "and", "said", "it", "de", "het", "niet", "ook", "er", "in", "is", "The", "HET", "Said",
         "there", "theory", "dé", "İt", "İS", "Σ", "straße", "ΑΝΔ"]
GLUE = [" ", "  ", "\n", "\n\n", "\n \t\n ", ", ", "’", "'", "-", "–", "\u0301", "\u0307", "\u00a0", "\u2028", "2",
        "²", "_", "\ud800", "😀", "ǅ", "ﬁ"]
PIECES = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(GLUE), st.text(max_size=3)), max_size=400)


@settings(max_examples=300, deadline=None)
@given(pieces=PIECES, filler=st.integers(min_value=0, max_value=1400), break_at=st.integers(min_value=0, max_value=400))
@example(pieces=["the "] * 3 + ["\n\n", "de "] * 4, filler=0, break_at=0)
@example(pieces=["de’s het’s niet’s"], filler=0, break_at=0)  # quotes beyond ASCII end a word
@example(pieces=[" there said it the"], filler=1332, break_at=0)  # "there" cut to "the" at 4,000
# The article's count: of a paragraph begun before 4,000 only what comes before; none of one after.
@example(pieces=["\n\n"] + ["the said it "] * 10 + ["de het niet "] * 10, filler=1300, break_at=0)
@example(pieces=["\n\n"] + ["the said it "] * 5, filler=1350, break_at=0)
def test_any_text_has_the_language_of_the_plain_reading(pieces, filler, break_at):
    words = "".join(pieces)
    scan = words[:break_at] + "ab " * filler + words[break_at:]
    with pytest.MonkeyPatch.context() as patch:  # the model is not what is tested
        patch.setattr(language, "model_language", lambda text: ("nl", 0.5))
        assert language.article_languages(scan) == plain_article_languages(scan)
    for margin in (2, 3):
        assert language.function_word_language(scan, margin) == plain_function_word_language(scan, margin)
    assert language.language_parts(scan, "en") == plain_language_parts(scan, "en")
