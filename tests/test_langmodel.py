"""The unpacked language model gives py3langid's own languages and confidences, without numpy."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from checker import langmodel

TEXTS = ["De NAVO stuurt 4.000 militairen naar Litouwen.", "Russia: 120 troops, Belarus.", "Biden, Scholz, Rutte",
         "NAVO-top Vilnius 11-12 juli 2023", "", "12 345", "Zelensky zegt: 'We are ready.'", "HET DORP TELDE 120 INWONERS",
         "Ça va? Ünïcödé \udc80 e\u0301"]
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# py3langid sums its scores in single precision (numpy's float32 log1p, BLAS); the plain model in
# double: their probabilities differ by float32 rounding, some 1e-6 at most.
CLOSE = 2e-6


@pytest.fixture(scope="module")
def packed():
    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    model.set_languages(list(langmodel.LANGUAGES))
    return model


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    langmodel.language_model.cache_clear()
    yield tmp_path / "newscheck"
    langmodel.language_model.cache_clear()


def same(mine: tuple[str, float], theirs: tuple[str, float]) -> bool:
    return mine[0] == theirs[0] and abs(mine[1] - theirs[1]) <= CLOSE


def seed_texts() -> list[str]:
    """The seed articles as a check reads them (their first 4,000 characters), their paragraphs
    and their sentences."""
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts += [text[:4000], *(p for p in text.split("\n\n") if p.strip()), *text.split(". ")]
    return texts


def random_sentences(count: int) -> list[str]:
    """Sentences of words drawn from the seeds, figures and names, in any order and case."""
    words = " ".join(seed_texts()[:5]).split()
    rng = random.Random(17)
    sentences = []
    for _ in range(count):
        chosen = rng.sample(words, rng.randint(1, 12)) + [str(rng.randint(0, 100000))] * rng.randint(0, 2)
        rng.shuffle(chosen)
        sentence = " ".join(chosen)
        sentences.append(sentence.upper() if rng.random() < 0.1 else sentence)
    return sentences


def test_the_model_file_is_found_without_importing_py3langid():
    assert langmodel.model_file() == MODEL_DIR / MODEL_FILE


def test_the_unpacked_model_classifies_as_the_compressed_one(cache_home, packed):
    fresh = langmodel.language_model()
    assert [p.name for p in cache_home.iterdir()][0].startswith("langid2-nl-en-")
    langmodel.language_model.cache_clear()
    unpacked = langmodel.language_model()
    assert unpacked is not fresh
    for text in TEXTS:
        assert fresh.classify(text) == unpacked.classify(text), text
        assert same(unpacked.classify(text), packed.classify(text)), text


def test_the_plain_model_gives_py3langids_language_and_confidence(cache_home, packed):
    model = langmodel.language_model()
    texts = seed_texts() + random_sentences(400)
    assert len(texts) > 500
    for text in texts:
        mine, theirs = model.classify(text), packed.classify(text)
        assert same(mine, theirs), (text, mine, theirs)
    # what a report shows: the confidence to three decimals
    assert [round(model.classify(t)[1], 3) for t in seed_texts()] == [round(packed.classify(t)[1], 3) for t in seed_texts()]


def test_a_damaged_unpacked_model_is_made_again(cache_home, packed):
    langmodel.language_model()
    folder = next(cache_home.iterdir())
    next(folder.glob("nextmove.*")).unlink()
    langmodel.language_model.cache_clear()
    assert all(same(langmodel.language_model().classify(t), packed.classify(t)) for t in TEXTS)
    assert list(folder.glob("nextmove.*")), "the unpacked model is whole again"


def test_a_model_of_other_shapes_is_refused(cache_home):
    langmodel.language_model()
    folder = next(cache_home.iterdir())
    next(folder.glob("pc.*")).write_bytes(b"\0" * 24)  # three priors
    with pytest.raises(ValueError):
        langmodel.model_from(folder)


def test_an_unwritable_cache_folder_is_left_aside(tmp_path, monkeypatch, packed):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    langmodel.language_model.cache_clear()
    try:
        assert same(langmodel.language_model().classify(TEXTS[1]), packed.classify(TEXTS[1]))
    finally:
        langmodel.language_model.cache_clear()
