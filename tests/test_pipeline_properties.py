"""A property of the whole check: whatever files it is given (generated text, file names,
headers, encodings and line ends), `check` loads, extracts, matches, compares and writes every
report format without an exception escaping, exits 0, 1 or 2, gives spans inside the text, and
takes time in proportion to the input."""
from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import cli
from checker.articles import decode, shown
from checker.formatters import default_formatters
from checker.models import Report

WORDS = ["De", "NAVO", "Rusland", "heeft", "meer dan", "ruim", "bijna", "140", "100.000", "1,5", "miljoen",
         "veertigduizend", "tienduizenden", "militairen", "schepen", "mensen", "omgekomen", "geëvacueerd",
         "in", "Rotterdam", "Wit-Rusland", "premier", "Mark Rutte", "NAVO-topman", "Jens Stoltenberg",
         "dinsdag", "6-7 april", "2022", "The", "said", "people", "died", "half a million", "in Texas",
         "volgens", ",", ".", "(", ")", "€", "%", "\n", "\t", "---", "date:", " date 2022-03"]
NEWLINES = ["\n", "\r\n", "\r"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252"]
NAME_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\")


@st.composite
def headers(draw) -> str:
    """No header, a date header (valid or not), or front matter with odd fields."""
    year, month, day = (draw(st.integers(0, 9999)), draw(st.integers(0, 13)), draw(st.integers(0, 32)))
    token = draw(st.sampled_from([f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-{day:02d}",
                                  draw(st.text(NAME_CHARS, max_size=10))]))
    return draw(st.sampled_from([
        "", f" date {token} ", f"---\ndate: {token}\ntitle: {draw(st.text(NAME_CHARS, max_size=20))}\n"
        f"language: {draw(st.sampled_from(['nl', 'en', 'fr', '']))}\n---\n", "---\nno end\n"]))


@st.composite
def articles(draw) -> tuple[bytes, bytes]:
    """A file name (as bytes: not always UTF-8) and a file's bytes."""
    stem = draw(st.one_of(st.text(NAME_CHARS, min_size=1, max_size=12).map(lambda s: s.encode("utf-8", "replace")),
                          st.binary(min_size=1, max_size=8).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_"))))
    name = (stem if stem not in (b".", b"..") else b"x") + draw(st.sampled_from([b".txt", b".md", b".TXT"]))
    if draw(st.integers(0, 9)) == 0:  # now and then raw bytes
        return name, draw(st.binary(max_size=300))
    body = " ".join(draw(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=50)))
    text = (draw(headers()) + body).replace("\n", draw(st.sampled_from(NEWLINES)))
    return name, text.encode(draw(st.sampled_from(ENCODINGS)), "replace")


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, out.getvalue(), err.getvalue()


FORMATS = default_formatters()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(articles(), min_size=1, max_size=3, unique_by=lambda a: a[0].lower()))
def test_any_files_through_the_whole_check(files):
    with tempfile.TemporaryDirectory() as folder:
        root = os.fsencode(folder)
        for name, data in files:
            with open(os.path.join(root, name), "wb") as f:
                f.write(data)
        size = sum(len(data) for _, data in files)
        t = time.perf_counter()
        code, out, err = run([folder, "--format", "json", "--min-confidence", "0", "--fail-on", "variant"])
        seconds = time.perf_counter() - t
        assert code in (0, 1, 2), err
        assert "Traceback" not in err and "unexpected failure" not in err, err
        assert seconds < 10 + size / 1000, seconds  # generous: a loaded machine; the articles are small
        report = Report.model_validate(json.loads(out))
        by_path = {shown(os.path.join(folder, os.fsdecode(name))): data for name, data in files}
        texts = {a.id: decode(by_path[a.path], a.path)[0] for a in report.articles}
        for claim in report.claims:
            text = texts[claim.article]
            assert 0 <= claim.start < claim.end <= len(text)
            assert text[claim.start:claim.end] == claim.text
        for name in FORMATS.names():
            assert isinstance(FORMATS.get(name).render(report), str)
