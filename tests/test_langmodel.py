"""The unpacked language model gives py3langid's own languages and confidences."""
from __future__ import annotations

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from checker import langmodel

TEXTS = ["De NAVO stuurt 4.000 militairen naar Litouwen.", "Russia: 120 troops, Belarus.", "Biden, Scholz, Rutte",
         "NAVO-top Vilnius 11-12 juli 2023", "", "12 345", "Zelensky zegt: 'We are ready.'"]


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


def test_the_unpacked_model_classifies_as_the_compressed_one(cache_home, packed):
    fresh = langmodel.language_model()
    assert [p.name for p in cache_home.iterdir()][0].startswith("langid-nl-en-")
    langmodel.language_model.cache_clear()
    unpacked = langmodel.language_model()
    assert unpacked is not fresh
    for text in TEXTS:
        assert fresh.classify(text) == unpacked.classify(text) == packed.classify(text), text


def test_a_damaged_unpacked_model_is_made_again(cache_home, packed):
    langmodel.language_model()
    folder = next(cache_home.iterdir())
    next(folder.glob("nextmove.*")).unlink()
    langmodel.language_model.cache_clear()
    assert [langmodel.language_model().classify(t) for t in TEXTS] == [packed.classify(t) for t in TEXTS]
    assert list(folder.glob("nextmove.*")), "the unpacked model is whole again"


def test_an_unwritable_cache_folder_is_left_aside(tmp_path, monkeypatch, packed):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    langmodel.language_model.cache_clear()
    try:
        assert langmodel.language_model().classify(TEXTS[1]) == packed.classify(TEXTS[1])
    finally:
        langmodel.language_model.cache_clear()
